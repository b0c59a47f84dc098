import type { Article } from "../model/article.js";

/** Words per shingle when comparing articles for wire copy. */
const SHINGLE = 8;

function hash(s: string): number {
  // FNV-1a, 32 bits: stable across runs and platforms.
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Hashes of the 8-word shingles of the body text of an article (classified segments only). */
export function shingles(article: Article, kinds: ReadonlySet<string> = new Set(["body", "quote"])): Set<number> {
  const words: string[] = [];
  for (const s of article.segments) {
    if (!kinds.has(s.kind)) continue;
    for (const m of article.text.slice(s.start, s.end).toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) words.push(m[0]);
  }
  const out = new Set<number>();
  for (let i = 0; i + SHINGLE <= words.length; i++) out.add(hash(words.slice(i, i + SHINGLE).join(" ")));
  return out;
}

/**
 * Groups articles that carry the same text (wire copy reprinted by several outlets): two articles are
 * copies when at least `threshold` of the smaller one's 8-word shingles appear in the other. Pairs are
 * found through an inverted index of shingles, so only articles that share text are compared.
 * Returns, for each article id, the id of its group's first article.
 */
export function copyGroups(articles: readonly Article[], threshold = 0.5): Map<string, string> {
  const sets = articles.map((a) => shingles(a));
  const parent = articles.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const index = new Map<number, number[]>();
  sets.forEach((set, i) => {
    for (const h of set) {
      const list = index.get(h);
      if (list) list.push(i);
      else index.set(h, [i]);
    }
  });
  const shared = new Map<string, number>();
  for (const list of index.values()) {
    if (list.length < 2 || list.length > 200) continue;
    for (let a = 0; a < list.length; a++)
      for (let b = a + 1; b < list.length; b++) {
        const k = `${list[a]}:${list[b]}`;
        shared.set(k, (shared.get(k) ?? 0) + 1);
      }
  }
  for (const [k, n] of [...shared].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
    const [a, b] = k.split(":").map(Number) as [number, number];
    const smaller = Math.min(sets[a]!.size, sets[b]!.size);
    if (smaller > 0 && n / smaller >= threshold) {
      const ra = find(a);
      const rb = find(b);
      if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }
  return new Map(articles.map((a, i) => [a.id, articles[find(i)]!.id]));
}
