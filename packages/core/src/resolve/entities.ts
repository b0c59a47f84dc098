import { distance } from "fastest-levenshtein";
import { slugify } from "../ingest/adapter.js";
import type { Article } from "../model/article.js";
import type { Entity, EntityType, Mention } from "../model/entity.js";
import type { ArticleAnalysis } from "../pipeline/state.js";
import { findCandidates, type Candidate } from "./candidates.js";
import { bagKey, wordKey } from "./keys.js";
import { COUNTRIES, DEMONYMS } from "./gazetteer.js";
import { UnionFind } from "../util/union-find.js";

/** Segment kinds whose names are read (everything but front matter). */
/**
 * Page furniture: names there (the author, other stories) are not what the story is about. Captions and
 * other-language text are read: they name the story's people too, often in another spelling.
 */
const SKIP_KINDS = new Set(["metadata", "boilerplate", "related", "feed", "byline"]);

/** A resolved mention, with the entity it belongs to. */
interface Placed {
  cand: Candidate;
  /** Index of the local (per-article) group. */
  local: number;
  via: Mention["via"];
  start: number;
  end: number;
  text: string;
}

interface LocalEntity {
  articleId: string;
  articleIndex: number;
  type: EntityType;
  typeStrength: number;
  key: string;
  /** The fullest name tokens seen. */
  tokens: string[];
  titles: string[];
  acronyms: string[];
  multi: boolean;
  form: Candidate["form"];
  owner: string | null;
  first: number;
}

const isCountryKey = (key: string) => COUNTRY_KEYS.has(key);
const COUNTRY_KEYS = new Set([...COUNTRIES.values()].map((c) => c.toLowerCase()));

const compatible = (a: LocalEntity, b: LocalEntity) =>
  a.type === b.type || a.type === "other" || b.type === "other" || a.typeStrength < 2 || b.typeStrength < 2;

/** Entities resolved across articles, and the entity ids named in each article span. */
export interface EntityResolution {
  entities: Entity[];
  /** Per article: mentions sorted by start. */
  mentionsByArticle: Map<string, Mention[]>;
}

/**
 * Finds names in every article and resolves them: within an article (full name → surname, a title apposed
 * to a name, an acronym introduced in parentheses) and across articles (spelling, transliteration and
 * British/American variants, ordinals, word order of organisation names, owners kept apart). Comparisons are
 * blocked by keys, so the cost grows with the number of mentions, not with its square.
 */
export function resolveEntities(articles: readonly Article[], analyses: ReadonlyMap<string, ArticleAnalysis>): EntityResolution {
  const locals: LocalEntity[] = [];
  const placed: Placed[] = [];
  const midSentenceKeys = new Set<string>();
  const perArticleCands: Candidate[][] = [];

  // Headlines in Title Case capitalise every word, so runs of capitals there are not names: they are read
  // after the body text, and only names already found elsewhere are taken from them.
  const headlineSegments: { articleIndex: number; start: number; end: number }[] = [];
  articles.forEach((article, articleIndex) => {
    const analysis = analyses.get(article.id);
    const starts = new Set<number>((analysis?.sentences ?? []).map((s) => s.start));
    const cands: Candidate[] = [];
    for (const seg of article.segments) {
      if (SKIP_KINDS.has(seg.kind)) continue;
      if (isTitleCase(article.text.slice(seg.start, seg.end))) {
        headlineSegments.push({ articleIndex, start: seg.start, end: seg.end });
        continue;
      }
      starts.add(seg.start);
      cands.push(...findCandidates(article.id, article.text, seg.start, seg.end, starts));
    }
    for (const c of cands) if (c.typeStrength > 0 || c.tokens.length > 1) midSentenceKeys.add(c.tokens.length === 1 ? wordKey(c.tokens[0]!) : c.key);
    perArticleCands.push(cands);
  });
  if (headlineSegments.length > 0) {
    const known = new Map<string, Candidate>();
    for (const cands of perArticleCands) for (const c of cands) if (c.form === "name" && !known.has(c.text)) known.set(c.text, c);
    const byLength = (a: string, b: string) => b.length - a.length || (a < b ? -1 : 1);
    // Only forms whose first word starts a word of the headline can be found in it: look them up by that
    // word instead of trying every known form on every headline (quadratic in the corpus size).
    const byFirstWord = new Map<string, string[]>();
    for (const form of known.keys()) {
      const list = byFirstWord.get(firstWord(form, 0));
      if (list) list.push(form);
      else byFirstWord.set(firstWord(form, 0), [form]);
    }
    for (const h of headlineSegments) {
      const article = articles[h.articleIndex]!;
      const line = article.text.slice(h.start, h.end);
      const taken: [number, number][] = [];
      const candidates = new Set<string>(byFirstWord.get("") ?? []);
      for (let p = 0; p < line.length; p++) {
        if (p > 0 && isWordUnit(line[p - 1]!)) continue;
        for (const form of byFirstWord.get(firstWord(line, p)) ?? []) candidates.add(form);
      }
      for (const form of [...candidates].sort(byLength)) {
        for (let at = line.indexOf(form); at >= 0; at = line.indexOf(form, at + form.length)) {
          const s = h.start + at;
          const e = s + form.length;
          const before = article.text[s - 1] ?? " ";
          const after = article.text[e] ?? " ";
          if (/[\p{L}\p{N}]/u.test(before) || /[\p{L}\p{N}]/u.test(after)) continue;
          if (taken.some(([a, b]) => s < b && e > a)) continue;
          taken.push([s, e]);
          perArticleCands[h.articleIndex]!.push({ ...known.get(form)!, articleId: article.id, start: s, end: e, text: form, title: null, acronym: null, nested: [] });
        }
      }
    }
    for (const cands of perArticleCands) cands.sort((a, b) => a.start - b.start);
  }

  articles.forEach((article, articleIndex) => {
    const cands = perArticleCands[articleIndex]!;
    const articleStart = placed.length; // this article's mentions are placed[articleStart...]
    const byKey = new Map<string, number>();
    const personTokens = new Map<string, number[]>();
    const acronymOf = new Map<string, number>();
    const titleOf = new Map<string, number>();
    const newLocal = (c: Candidate): number => {
      locals.push({
        articleId: article.id,
        articleIndex,
        type: c.type,
        typeStrength: c.typeStrength,
        key: c.key,
        tokens: c.tokens,
        titles: [],
        acronyms: [],
        multi: c.tokens.length > 1 && !(c.type === "place" && !c.key.includes(" ") ) && !isCountryKey(c.key),
        form: c.form,
        owner: c.owner,
        first: c.start,
      });
      return locals.length - 1;
    };
    // Pass 1: full names (several words), acronym introductions and titles apposed to names.
    for (const c of cands) {
      if (c.form !== "name" || c.tokens.length < 2) continue;
      const k = `${c.type === "person" ? "p" : "n"}:${c.key}`;
      let local = byKey.get(k);
      if (local === undefined) {
        local = newLocal(c);
        byKey.set(k, local);
      } else if (c.typeStrength > locals[local]!.typeStrength) {
        locals[local]!.type = c.type;
        locals[local]!.typeStrength = c.typeStrength;
      }
      placed.push({ cand: c, local, via: "name", start: c.start, end: c.end, text: c.text });
      if (c.type === "person") {
        for (const t of [c.tokens[0]!, c.tokens[c.tokens.length - 1]!]) {
          const list = personTokens.get(wordKey(t)) ?? [];
          if (!list.includes(local)) list.push(local);
          personTokens.set(wordKey(t), list);
        }
      }
      if (c.title) {
        placed.push({ cand: c, local, via: "title", start: c.title.start, end: c.title.end, text: c.title.text });
        locals[local]!.titles.push(c.title.text);
        titleOf.set(bagKey(c.title.text.split(/\s+/)), local);
      }
      if (c.acronym) {
        placed.push({ cand: c, local, via: "acronym", start: c.acronym.start, end: c.acronym.end, text: c.acronym.text });
        locals[local]!.acronyms.push(c.acronym.text);
        acronymOf.set(c.acronym.text.toLowerCase(), local);
      }
    }
    // Pass 2: single words and bare titles, resolved against this article's full names.
    for (const c of cands) {
      if (c.form === "name" && c.tokens.length >= 2) continue;
      if (c.form === "title") {
        const local = titleOf.get(c.key);
        if (local !== undefined) placed.push({ cand: c, local, via: "title", start: c.start, end: c.end, text: c.text });
        else {
          const k = `t:${c.key}`;
          let l = byKey.get(k);
          if (l === undefined) {
            l = newLocal(c);
            byKey.set(k, l);
          }
          placed.push({ cand: c, local: l, via: "title", start: c.start, end: c.end, text: c.text });
        }
        continue;
      }
      const word = c.tokens[0]!;
      const wk = wordKey(word);
      const acr = acronymOf.get(word.toLowerCase());
      if (acr !== undefined) {
        placed.push({ cand: c, local: acr, via: "acronym", start: c.start, end: c.end, text: c.text });
        continue;
      }
      const persons = personTokens.get(wk);
      if (persons && persons.length > 0 && (c.type === "other" || c.type === "person")) {
        // Ambiguous short names go to the most recently named person.
        let best = persons[0]!;
        let bestPos = -1;
        for (const p of persons) {
          const pos = lastMentionBefore(placed, p, c.start, articleStart);
          if (pos > bestPos) {
            best = p;
            bestPos = pos;
          }
        }
        placed.push({ cand: c, local: best, via: "short-name", start: c.start, end: c.end, text: c.text });
        continue;
      }
      // A capitalised word that only ever opens sentences is an ordinary word, not a name.
      if (c.typeStrength === 0 && !midSentenceKeys.has(wk)) continue;
      const k = `s:${wk}`;
      let local = byKey.get(k);
      if (local === undefined) {
        local = newLocal({ ...c, key: wk });
        byKey.set(k, local);
      } else if (c.typeStrength > locals[local]!.typeStrength) {
        locals[local]!.type = c.type;
        locals[local]!.typeStrength = c.typeStrength;
      }
      placed.push({ cand: c, local, via: "name", start: c.start, end: c.end, text: c.text });
    }
  });

  // Cross-article resolution, blocked by keys.
  const groups = new UnionFind();
  for (let i = 0; i < locals.length; i++) groups.add();
  const bucket = (map: Map<string, number[]>, key: string, i: number) => {
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  };
  const byExact = new Map<string, number[]>();
  const bySurname = new Map<string, number[]>();
  const singles = new Map<string, number[]>();
  const byAcronym = new Map<string, number[]>();
  locals.forEach((l, i) => {
    if (l.form === "title") bucket(byExact, `title:${l.key}`, i);
    else if (l.multi) bucket(byExact, `${l.type === "person" ? "p" : "n"}:${l.key}`, i);
    else bucket(singles, l.key, i);
    if (l.type === "person" && l.multi && l.form === "name") bucket(bySurname, wordKey(l.tokens[l.tokens.length - 1]!), i);
    for (const a of l.acronyms) bucket(byAcronym, a.toLowerCase(), i);
  });
  for (const list of byExact.values()) for (const i of list.slice(1)) if (compatible(locals[i]!, locals[list[0]!]!)) groups.union(list[0]!, i);
  // Same surname, first names that are spelling variants ("Aleksandr"/"Alexandre"), or one an initial.
  for (const list of bySurname.values()) {
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        const x = locals[list[a]!]!;
        const y = locals[list[b]!]!;
        if (firstNamesMatch(x.tokens, y.tokens)) groups.union(list[a]!, list[b]!);
      }
    }
  }
  // A named event without its edition number is that edition when only one edition is named ("Calder Forum" = "3rd Calder Forum").
  const byEditionless = new Map<string, number[]>();
  locals.forEach((l, i) => {
    if (l.multi && l.type === "event-name") bucket(byEditionless, l.key.split(" ").filter((w) => !w.startsWith("#")).join(" "), i);
  });
  for (const list of byEditionless.values()) {
    const editions = new Set(list.flatMap((i) => locals[i]!.key.split(" ").filter((w) => w.startsWith("#"))));
    if (editions.size <= 1) for (const i of list.slice(1)) groups.union(list[0]!, i);
  }
  // A shorter organisation or place name that ends a longer one ("Port Authority" for "Calder Port
  // Authority") is that one when exactly one longer name fits; "Defence Ministry" with a Chinese and a
  // Russian one in the story stays apart.
  const byLastWord = new Map<string, number[]>();
  locals.forEach((l, i) => {
    if (l.multi && l.form === "name" && l.type !== "person") bucket(byLastWord, `${l.type}:${wordKey(l.tokens[l.tokens.length - 1]!)}`, i);
  });
  for (const list of byLastWord.values()) {
    if (list.length < 2 || list.length > 50) continue;
    for (const i of list) {
      const short = locals[i]!;
      const tail = short.tokens.map(wordKey);
      const fits = list.filter((j) => {
        const long = locals[j]!;
        if (long.tokens.length <= short.tokens.length || (short.owner && short.owner !== long.owner)) return false;
        // A nation's body ("Skerran Transport Ministry") is not the bare name a story uses for its own.
        const extra = long.tokens[0]!;
        if (long.owner || DEMONYMS.has(extra.toLowerCase()) || /(?:an|ese|ish|ic)$/i.test(extra)) return false;
        const lt = long.tokens.slice(long.tokens.length - tail.length).map(wordKey);
        return lt.every((w, k) => w === tail[k]);
      });
      const roots = [...new Set(fits.map((j) => groups.find(j)))];
      if (roots.length === 1) groups.union(roots[0]!, i);
    }
  }
  // Near-identical multi-word names of the same type (a typo or transliteration in one word).
  const byLength = new Map<string, number[]>();
  locals.forEach((l, i) => {
    if (l.multi && l.form === "name" && l.type !== "person") bucket(byLength, `${l.type}:${l.key.split(" ").length}:${l.key.slice(0, 1)}`, i);
  });
  for (const list of byLength.values()) {
    if (list.length > 50) continue;
    for (let a = 0; a < list.length; a++)
      for (let b = a + 1; b < list.length; b++) {
        const x = locals[list[a]!]!;
        const y = locals[list[b]!]!;
        if (x.key.length >= 10 && distance(x.key, y.key) <= 1 && x.owner === y.owner) groups.union(list[a]!, list[b]!);
      }
  }
  // Single words: an acronym introduced elsewhere, a surname or first word of a full name, or the same word.
  const multiPersonsByToken = new Map<string, Set<number>>();
  locals.forEach((l, i) => {
    if (l.type === "person" && l.multi && l.form === "name") {
      for (const t of [l.tokens[0]!, l.tokens[l.tokens.length - 1]!]) {
        const set = multiPersonsByToken.get(wordKey(t)) ?? new Set<number>();
        set.add(groups.find(i));
        multiPersonsByToken.set(wordKey(t), set);
      }
    }
  });
  for (const [key, list] of singles) {
    for (const i of list.slice(1)) if (compatible(locals[i]!, locals[list[0]!]!)) groups.union(list[0]!, i);
    const acr = byAcronym.get(key);
    if (acr) groups.union(list[0]!, acr[0]!);
    else {
      const persons = multiPersonsByToken.get(key);
      const roots = persons ? [...new Set([...persons].map((p) => groups.find(p)))] : [];
      if (roots.length === 1 && (locals[list[0]!]!.type === "person" || locals[list[0]!]!.typeStrength < 2)) groups.union(list[0]!, roots[0]!);
    }
  }
  // A bare title names the one person who carries that title elsewhere, if only one does.
  const titleHolders = new Map<string, Set<number>>();
  locals.forEach((l, i) => {
    for (const t of l.titles) {
      const k = bagKey(t.split(/\s+/));
      const set = titleHolders.get(k) ?? new Set<number>();
      set.add(i);
      titleHolders.set(k, set);
    }
  });
  locals.forEach((l, i) => {
    if (l.form !== "title") return;
    const holders = titleHolders.get(l.key);
    if (!holders) return;
    const roots = new Set([...holders].map((h) => groups.find(h)));
    if (roots.size === 1) groups.union(i, [...roots][0]!);
  });

  return buildEntities(articles, locals, placed, groups);
}

/** Whether a line is written in Title Case (most longer words capitalised), as headlines are. */
function isTitleCase(line: string): boolean {
  // A line that ends as a sentence ends is prose, however many names it holds.
  if (/[.!?:;]["'”’)]*\s*$/u.test(line)) return false;
  const words = line.match(/[\p{L}][\p{L}'’-]{3,}/gu) ?? [];
  if (words.length < 3) return false;
  const caps = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return caps / words.length >= 0.75;
}

/** Where `local` was last mentioned before `pos`, looking only at its article's mentions (from `from` on); -1 if never. */
function lastMentionBefore(placed: Placed[], local: number, pos: number, from: number): number {
  let best = -1;
  for (let k = placed.length - 1; k >= from; k--) {
    const p = placed[k]!;
    if (p.local === local && p.start < pos) {
      best = p.start;
      break;
    }
  }
  return best;
}

function firstNamesMatch(a: string[], b: string[]): boolean {
  if (a.length < 2 || b.length < 2) return false;
  const fa = wordKey(a[0]!);
  const fb = wordKey(b[0]!);
  if (fa === fb) return true;
  if (fa.length === 1 || fb.length === 1) return fa[0] === fb[0];
  return fa[0] === fb[0] && distance(fa, fb) <= (Math.min(fa.length, fb.length) >= 5 ? 2 : 1);
}

function buildEntities(articles: readonly Article[], locals: LocalEntity[], placed: Placed[], groups: UnionFind): EntityResolution {
  const order = new Map(articles.map((a, i) => [a.id, i]));
  const members = new Map<number, number[]>();
  locals.forEach((_, i) => {
    const r = groups.find(i);
    const list = members.get(r) ?? [];
    list.push(i);
    members.set(r, list);
  });
  // Nested place words ("Calder" inside "Calder Maritime Forum") join the place they name.
  const placeByWord = new Map<string, number>();
  for (const [root, list] of members) {
    const type = bestType(list.map((i) => locals[i]!));
    if (type === "place") for (const i of list) if (!locals[i]!.multi) placeByWord.set(locals[i]!.key, root);
  }
  const extra: { root: number; start: number; end: number; text: string; articleId: string }[] = [];
  for (const p of placed) {
    if (p.via !== "name") continue;
    for (const n of p.cand.nested) {
      const root = placeByWord.get(wordKey(n.text));
      if (root !== undefined && root !== groups.find(p.local)) extra.push({ root, start: n.start, end: n.end, text: n.text, articleId: p.cand.articleId });
    }
  }

  const raw: { root: number; entity: Omit<Entity, "id">; first: [number, number] }[] = [];
  // Mentions bucketed by group once, in order (filtering all mentions per group was quadratic).
  const placedByRoot = groupByKey(placed, (p) => groups.find(p.local));
  const extraByRoot = groupByKey(extra, (e) => e.root);
  for (const [root, list] of members) {
    const ls = list.map((i) => locals[i]!);
    const type = bestType(ls);
    const mentions = (placedByRoot.get(root) ?? [])
      .map((p) => ({ articleId: p.cand.articleId, start: p.start, end: p.end, text: p.text, via: p.via }))
      .concat((extraByRoot.get(root) ?? []).map((e) => ({ articleId: e.articleId, start: e.start, end: e.end, text: e.text, via: "name" as const })));
    if (mentions.length === 0) continue;
    // Drop lone, untyped single words mentioned once: too weak to report as an entity.
    if (type === "other" && mentions.length < 2 && ls.every((l) => !l.multi)) continue;
    const uniq = dedupeMentions(mentions, order);
    const name = canonicalName(uniq, type);
    const aliases = [...new Set(uniq.map((m) => m.text.replace(/\s+/g, " ")))].filter((t) => t !== name).sort();
    const articleIds = [...new Set(uniq.map((m) => m.articleId))].sort((a, b) => order.get(a)! - order.get(b)!);
    raw.push({
      root,
      entity: { type, name, aliases, mentions: uniq.map((m) => ({ ...m, entityId: "" })), articleIds },
      first: [order.get(uniq[0]!.articleId)!, uniq[0]!.start],
    });
  }
  raw.sort((a, b) => a.first[0] - b.first[0] || a.first[1] - b.first[1]);
  const used = new Set<string>();
  const entities: Entity[] = raw.map(({ entity }) => {
    const base = `ent-${slugify(entity.name) || "x"}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return { id, ...entity, mentions: entity.mentions.map((m) => ({ ...m, entityId: id })) };
  });
  const mentionsByArticle = new Map<string, Mention[]>();
  for (const e of entities) for (const m of e.mentions) {
    const list = mentionsByArticle.get(m.articleId) ?? [];
    list.push(m);
    mentionsByArticle.set(m.articleId, list);
  }
  for (const list of mentionsByArticle.values()) list.sort((a, b) => a.start - b.start || b.end - a.end);
  return { entities, mentionsByArticle };
}

function dedupeMentions<M extends { articleId: string; start: number; end: number }>(mentions: M[], order: Map<string, number>): M[] {
  const seen = new Set<string>();
  const out: M[] = [];
  for (const m of mentions.sort((a, b) => order.get(a.articleId)! - order.get(b.articleId)! || a.start - b.start || a.end - b.end)) {
    const k = `${m.articleId}:${m.start}:${m.end}`;
    if (!seen.has(k)) {
      seen.add(k);
      out.push(m);
    }
  }
  return out;
}

function bestType(ls: LocalEntity[]): EntityType {
  const votes = new Map<EntityType, number>();
  for (const l of ls) if (l.type !== "other") votes.set(l.type, (votes.get(l.type) ?? 0) + 1 + 2 * l.typeStrength);
  let best: EntityType = "other";
  let score = 0;
  for (const t of ["person", "organization", "place", "event-name"] as const) {
    const v = votes.get(t) ?? 0;
    if (v > score) {
      best = t;
      score = v;
    }
  }
  return best;
}

function canonicalName(mentions: { text: string; via: Mention["via"] }[], type: EntityType): string {
  const counts = new Map<string, number>();
  for (const m of mentions) if (m.via === "name") counts.set(m.text.replace(/\s+/g, " "), (counts.get(m.text) ?? 0) + 1);
  if (counts.size === 0) for (const m of mentions) counts.set(m.text, (counts.get(m.text) ?? 0) + 1);
  const words = (s: string) => s.split(" ").length;
  return [...counts].sort(
    (a, b) => (type === "person" ? Math.min(words(b[0]), 3) - Math.min(words(a[0]), 3) : 0) || b[1] - a[1] || words(b[0]) - words(a[0]) || (a[0] < b[0] ? -1 : 1),
  )[0]![0];
}

/** Items grouped by a key, each group in the items' order. */
function groupByKey<T>(items: readonly T[], key: (item: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** A letter or digit (one UTF-16 unit, as the headline matching tests them). */
function isWordUnit(unit: string): boolean {
  return /[\p{L}\p{N}]/u.test(unit);
}

/** The run of letters and digits starting at `from` ("" when `from` is not one). */
function firstWord(text: string, from: number): string {
  let end = from;
  while (end < text.length && isWordUnit(text[end]!)) end++;
  return text.slice(from, end);
}
