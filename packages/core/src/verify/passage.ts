import type { Quantity, TimeValue } from "../model/claim.js";
import { isCalendarWord, NEGATION_CUES, tokenize, type Token, type WordTag } from "./text.js";
import { nameRuns, type NameRun } from "./values.js";

/** A sentence prepared for comparison: its words, the values it states, its clauses and their polarity. */
export interface Passage {
  articleId: string;
  /** Offsets of the sentence in its article's text. */
  start: number;
  end: number;
  text: string;
  /** The article's publication date (ISO), which anchors its relative dates. */
  publishedAt: string | null;
  /** Position of the article among the articles (for deterministic ordering). */
  articleIndex: number;
  tokens: Token[];
  /** Stems of the content tokens. */
  stems: Set<string>;
  /** Synonym groups of the content tokens (see `concept` on tokens). */
  concepts: Set<string>;
  times: TimeValue[];
  quantities: Quantity[];
  names: NameRun[];
  /** Number of clauses (see `clause` on tokens). */
  clauses: number;
  /** Event ids of the pipeline's claims inside this sentence, when the claim stages ran. */
  eventIds: string[];
  /** Resolved entities named in the sentence (ids from the entities stage), with their offsets. */
  mentions: PassageMention[];
}

/** An entity mention inside a passage. */
export interface PassageMention {
  entityId: string;
  start: number;
  end: number;
}

/** What {@link makePassage} needs to know about one sentence. */
export interface PassageInput {
  articleId: string;
  articleIndex: number;
  text: string;
  start: number;
  end: number;
  publishedAt: string | null;
  times: TimeValue[];
  quantities: Quantity[];
  eventIds?: string[];
  mentions?: PassageMention[];
  /** Part of speech and lemma of the word starting at an offset (from the pipeline's tagged tokens). */
  tagAt?: (offset: number) => WordTag | undefined;
}

/** Prepares a sentence for comparison. */
export function makePassage(input: PassageInput): Passage {
  const tokens = tokenize(input.text, input.start, input.end, input.tagAt);
  const stems = new Set<string>();
  const concepts = new Set<string>();
  for (const t of tokens) {
    if (!t.content) continue;
    stems.add(t.stem);
    concepts.add(t.concept);
  }
  return {
    articleId: input.articleId,
    articleIndex: input.articleIndex,
    start: input.start,
    end: input.end,
    text: input.text.slice(input.start, input.end),
    publishedAt: input.publishedAt,
    tokens,
    stems,
    concepts,
    times: input.times,
    quantities: input.quantities,
    names: nameRuns(tokens, isCalendarWord),
    clauses: tokens.length ? (tokens[tokens.length - 1]?.clause ?? 0) + 1 : 0,
    eventIds: input.eventIds ?? [],
    mentions: input.mentions ?? [],
  };
}

/** True when the token is a negation cue ("not", "never", "didn't"). */
export function isNegation(t: Token): boolean {
  return NEGATION_CUES.has(t.norm) || /n't$|n’t$/.test(t.norm);
}

/** Parity of negation cues among the tokens of one clause (or of the whole passage when `clause` is null). */
export function polarity(p: Passage, clause: number | null): boolean {
  let neg = false;
  for (const t of p.tokens) if ((clause === null || t.clause === clause) && isNegation(t)) neg = !neg;
  return !neg;
}

/** Index of the token that holds an offset, or -1. */
export function tokenAt(p: Passage, offset: number): number {
  return p.tokens.findIndex((t) => offset >= t.start && offset < t.end);
}

/**
 * Content words (by synonym group) around a stretch of a passage, weighted by closeness (1 for the nearest
 * word, 1/2 for the next...) and halved for words other than nouns and names, `span` content words each side,
 * within the stretch's clause. Used to tell which values of two
 * passages speak about the same thing.
 */
export function contextAround(p: Passage, start: number, end: number, span = 4): Map<string, number> {
  const out = new Map<string, number>();
  const first = p.tokens.findIndex((t) => t.end > start);
  if (first < 0) return out;
  let last = first;
  while (last + 1 < p.tokens.length && (p.tokens[last + 1]?.start ?? Infinity) < end) last++;
  const clause = p.tokens[first]?.clause ?? 0;
  const add = (stem: string, w: number) => out.set(stem, Math.max(out.get(stem) ?? 0, w));
  for (const [from, step] of [[first - 1, -1], [last + 1, 1]] as const) {
    let d = 0;
    for (let i = from; i >= 0 && i < p.tokens.length && d < span; i += step) {
      const t = p.tokens[i];
      if (!t) break;
      if (t.clause !== clause) break;
      if (!t.content || /^\p{N}+$/u.test(t.norm)) continue;
      d++;
      // Nouns and names say what a value is about; verbs and adjectives count half ("held in July").
      add(t.concept, (t.pos === "" || t.pos === "NOUN" || t.pos === "PROPN" ? 1 : 0.5) / d);
    }
  }
  return out;
}

/** How well two contexts match: the sum over shared stems of the product of their closeness weights. */
export function contextScore(a: Map<string, number>, b: Map<string, number>): number {
  let s = 0;
  for (const [k, w] of a) {
    const v = b.get(k);
    if (v !== undefined) s += w * v;
  }
  return s;
}
