import type { Article } from "../model/article.js";
import { codePointAt, isLetterOrDigit } from "../util/chars.js";
import { UnionFind } from "../util/union-find.js";

/** Words per shingle when comparing articles for wire copy. */
const SHINGLE = 8;

// FNV-1a, 32 bits, over each word's UTF-16 code units: stable across runs and platforms.
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Hashes of the 8-word shingles of the body text of an article (classified segments only). */
export function shingles(article: Article, kinds: ReadonlySet<string> = new Set(["body", "quote"])): Set<number> {
  // Each word is hashed once and a shingle's hash combines its words' hashes, so no shingle string is built.
  // Words are the runs of letters and digits (`[\p{L}\p{N}]+`), scanned by hand: no match array per word.
  const words: number[] = [];
  for (const s of article.segments) {
    if (!kinds.has(s.kind)) continue;
    const lower = article.text.slice(s.start, s.end).toLowerCase();
    let h = FNV_OFFSET;
    let inWord = false;
    for (let i = 0; i < lower.length; ) {
      const cp = codePointAt(lower, i);
      const width = cp > 0xffff ? 2 : 1;
      if (isLetterOrDigit(cp)) {
        if (!inWord) h = FNV_OFFSET;
        inWord = true;
        for (let k = i; k < i + width; k++) h = Math.imul(h ^ lower.charCodeAt(k), FNV_PRIME);
      } else if (inWord) {
        words.push(h >>> 0);
        inWord = false;
      }
      i += width;
    }
    if (inWord) words.push(h >>> 0);
  }
  const out = new Set<number>();
  for (let i = 0; i + SHINGLE <= words.length; i++) {
    let h = FNV_OFFSET;
    for (let j = i; j < i + SHINGLE; j++) h = Math.imul(h ^ words[j]!, FNV_PRIME);
    out.add(h >>> 0);
  }
  return out;
}

/**
 * Groups articles that carry the same text (wire copy reprinted by several outlets): two articles are
 * copies when at least `threshold` of the smaller one's 8-word shingles appear in the other. Pairs are
 * found through an inverted index of shingles, so only articles that share text are compared.
 * Returns, for each article id, the id of its group's first article.
 */
export function copyGroups(articles: readonly Article[], threshold = 0.5): Map<string, string> {
  // Every (shingle, article) as one number, hash * 2^20 + article (exact in a double), sorted: equal
  // shingles end up side by side. A typed array rather than a map of lists keeps this to one allocation.
  const n = articles.length;
  if (n >= 2 ** 20) throw new RangeError(`copyGroups: at most ${2 ** 20 - 1} articles at once (got ${n})`);
  const sizes: number[] = [];
  const sets = articles.map((article) => {
    const set = shingles(article);
    sizes.push(set.size);
    return set;
  });
  const entries = new Float64Array(sizes.reduce((x, y) => x + y, 0));
  let at = 0;
  sets.forEach((set, i) => {
    for (const h of set) entries[at++] = h * 2 ** 20 + i;
  });
  sets.length = 0;
  entries.sort();
  // Shared shingles per pair, keyed a * n + b (a < b); shingles in more than 200 articles are boilerplate.
  const shared = new Map<number, number>();
  for (let run = 0; run < entries.length; ) {
    const hash = Math.floor(entries[run]! / 2 ** 20);
    let end = run + 1;
    while (end < entries.length && Math.floor(entries[end]! / 2 ** 20) === hash) end++;
    if (end - run >= 2 && end - run <= 200) {
      for (let x = run; x < end; x++)
        for (let y = x + 1; y < end; y++) {
          const k = (entries[x]! % 2 ** 20) * n + (entries[y]! % 2 ** 20);
          shared.set(k, (shared.get(k) ?? 0) + 1);
        }
    }
    run = end;
  }
  // Roots do not depend on the order of unions, so pairs are joined in the map's order.
  const groups = new UnionFind(n);
  for (const [k, count] of shared) {
    const a = Math.floor(k / n);
    const b = k - a * n;
    const smaller = Math.min(sizes[a]!, sizes[b]!);
    if (smaller > 0 && count / smaller >= threshold) groups.union(a, b);
  }
  return new Map(articles.map((a, i) => [a.id, articles[groups.find(i)]!.id]));
}
