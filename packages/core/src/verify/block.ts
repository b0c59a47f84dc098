/**
 * Blocking for the verifier: which source articles one derived article is checked against. Only those are
 * tokenized and indexed, so the verify stage costs what is checked, not the size of the batch.
 *
 * What it guarantees. A source article is in a derived article's pool when it
 * - reports as its story an event that is the derived article's story or that a claim of one of its checked
 *   sentences belongs to (the events stage's grouping), or
 * - names a resolved entity one of its checked sentences names, and at most {@link BLOCK_KEY_LIMIT} source
 *   articles name that entity, or
 * - holds a content word in a checked sentence (a word as the verifier's tokenizer cuts it) whose key
 *   ({@link blockKey}: the Porter2 stem, cut to its first five letters) one of the derived article's checked
 *   sentences holds, and at most {@link BLOCK_KEY_LIMIT} source articles hold that key.
 * Retrieval only ever returns a source sentence that shares a content stem (or a longer or shorter stem of
 * the same five first letters) or a resolved entity with the derived sentence, so no sentence it could return
 * is left out unless the only thing the two share is common across the batch (more than the limit's source
 * articles use it) and the events stage did not put the two articles in one event. Likewise every source
 * sentence naming an entity of the derived text is there (for telling blended events) unless more than the
 * limit's source articles name it. Pools hold whole articles, so a candidate's neighbouring sentences are
 * there too. With at most {@link BLOCK_KEY_LIMIT} source articles no key is common: a source is left out only
 * when it shares no content word, entity or event with the derived article, and such a source only ever
 * counted in the index's statistics: on single stories (the eval corpus, the examples, QAGS) the verdicts are
 * those of the verifier that indexed every source, byte for byte.
 */
import type { PipelineState } from "../pipeline/state.js";
import type { Passage } from "./passage.js";
import { wordForm, wordPattern } from "./text.js";

/**
 * A key (word or entity) held by more source articles than this does not put them in a pool: one story's
 * names, places and rare words are held by its own articles and a few lookalikes, while words of everyday
 * news are in hundreds. A constant, so that a derived article's pool does not grow with the batch.
 */
export const BLOCK_KEY_LIMIT = 32;

/** Stems at least this long are keyed by their first letters (see `variants` in retrieve.ts). */
const PREFIX = 5;

/** The blocking key of a content stem: its first five letters (numbers and short stems whole). */
export function blockKey(stem: string): string {
  return stem.length < PREFIX || /^\p{N}/u.test(stem) ? stem : stem.slice(0, PREFIX);
}

/** Source article indexes (positions in `state.articles`) per key, each list ascending and without repeats. */
type Postings = Map<string, number[]>;

const add = (map: Postings, key: string, article: number) => {
  const list = map.get(key);
  if (list === undefined) map.set(key, [article]);
  else if (list[list.length - 1] !== article) list.push(article);
};

/**
 * Finds the pools of derived articles. The sources' keys are read once, on the first pool asked for, and
 * only for the keys some derived article holds: entity ids from the entities stage's mentions, words from
 * the checked sentences (cut as the verifier cuts them, without building its tokens; each distinct spelling
 * stemmed once).
 */
export class SourceBlocker {
  private readonly sources: number[] = [];
  private readonly limit: number;
  private words: Postings | null = null;
  private entities: Postings | null = null;
  private positionMap: Map<string, number> | null = null;

  /**
   * @param state the pipeline state (articles, analyses, mentions and events are read)
   * @param derived the derived articles' checked sentences: only their keys are looked for in the sources
   * @param checked whether a sentence kind is checked (body and quote sentences)
   * @param limit see {@link BLOCK_KEY_LIMIT}
   */
  constructor(
    private readonly state: PipelineState,
    private readonly derived: ReadonlyMap<number, readonly Passage[]>,
    private readonly checked: (kind: string) => boolean,
    limit = BLOCK_KEY_LIMIT,
  ) {
    this.limit = limit;
    state.articles.forEach((a, i) => {
      if (a.role === "source") this.sources.push(i);
    });
  }

  /** The source articles (indexes into `state.articles`, ascending) the derived article at `articleIndex` is checked against. */
  poolOf(articleIndex: number): number[] {
    const state = this.state;
    const article = state.articles[articleIndex];
    const sentences = this.derived.get(articleIndex) ?? [];
    if (!article || this.sources.length === 0) return [];
    const pool = new Set<number>();
    const isSource = (i: number | undefined): i is number => i !== undefined && state.articles[i]?.role === "source";
    // 1. Events: the derived article's story, and the events of the claims in its checked sentences; their
    // sources are the articles whose story they are (an article that mentions one in passing meets the
    // derived article through the names and words they share, like any other).
    const eventIds = new Set(sentences.flatMap((s) => s.eventIds));
    const position = this.positions();
    for (const e of state.events) {
      if (!eventIds.has(e.id) && !e.articleIds.includes(article.id)) continue;
      for (const id of e.articleIds) {
        const i = position.get(id);
        if (isSource(i)) pool.add(i);
      }
    }
    // 2. Entities and 3. words, when not common.
    const entities = this.entityPostings();
    for (const s of sentences) {
      for (const m of s.mentions) {
        const list = entities.get(m.entityId);
        if (list && list.length <= this.limit) for (const i of list) pool.add(i);
      }
    }
    const words = this.wordPostings();
    for (const k of this.keysOf(articleIndex)) {
      const list = words.get(k);
      if (list && list.length <= this.limit) for (const i of list) pool.add(i);
    }
    return [...pool].sort((a, b) => a - b);
  }

  /** The word keys of a derived article's checked sentences. */
  private keysOf(articleIndex: number): Set<string> {
    const keys = new Set<string>();
    for (const s of this.derived.get(articleIndex) ?? []) for (const t of s.tokens) if (t.content) keys.add(blockKey(t.stem));
    return keys;
  }

  private positions(): Map<string, number> {
    if (!this.positionMap) this.positionMap = new Map(this.state.articles.map((a, i) => [a.id, i]));
    return this.positionMap;
  }

  private entityPostings(): Postings {
    if (!this.entities) {
      const wanted = new Set<string>();
      for (const sentences of this.derived.values()) for (const s of sentences) for (const m of s.mentions) wanted.add(m.entityId);
      const map: Postings = new Map();
      for (const i of this.sources) {
        for (const m of this.state.mentionsByArticle.get(this.state.articles[i]!.id) ?? []) if (wanted.has(m.entityId)) add(map, m.entityId, i);
      }
      this.entities = map;
    }
    return this.entities;
  }

  private wordPostings(): Postings {
    if (!this.words) {
      const wanted = new Set<string>();
      for (const i of this.derived.keys()) for (const k of this.keysOf(i)) wanted.add(k);
      const map: Postings = new Map();
      // The wanted key of each spelling (null for none, most words of a batch), found once.
      const keyOf = new Map<string, string | null>();
      const re = wordPattern();
      for (const i of this.sources) {
        const article = this.state.articles[i]!;
        const analysis = this.state.analyses.get(article.id);
        if (!analysis) continue;
        for (const s of analysis.sentences) {
          if (!this.checked(s.kind)) continue;
          // Words as tokenize cuts them: matched in the sentence alone, so that none runs past its end.
          const text = article.text.slice(s.start, s.end);
          re.lastIndex = 0;
          for (let m = re.exec(text); m; m = re.exec(text)) {
            let key = keyOf.get(m[0]);
            if (key === undefined) {
              const f = wordForm(m[0]);
              key = f.content && wanted.has(blockKey(f.stem)) ? blockKey(f.stem) : null;
              keyOf.set(m[0], key);
            }
            if (key !== null) add(map, key, i);
          }
        }
      }
      this.words = map;
    }
    return this.words;
  }
}
