/**
 * The decision step of the verifier: given one sentence of a derived text and the source sentences retrieved
 * for it, say whether the sources support it, contradict it or do not say it. The step is an interface
 * ({@link VerdictDecider}) so that a heavier model (an NLI model, an LLM through the AI SDK) can replace or
 * back up the default one without touching the pipeline; {@link lexicalDecider} is the default: offline,
 * deterministic, and it compares dates, numbers, names and negation, not only words.
 */
import type { Quantity, TimeValue } from "../model/claim.js";
import type { QuotedSpan } from "../model/span.js";
import type { VerdictLabel } from "../model/verdict.js";
import { contextAround, contextScore, isNegation, type Passage } from "./passage.js";
import type { CopiedFragment, Retrieved, SourceIndex } from "./retrieve.js";
import { findAttribution } from "../extract/claims.js";
import { demonymPlaces } from "./text.js";
import { quantitiesCompatible } from "../reconcile/similarity.js";
import { timesCompatible } from "./values.js";

/** One sentence of a derived text to decide, with what retrieval found for it. */
export interface VerdictQuestion {
  /** The derived sentence. */
  sentence: Passage;
  /** The best source sentences for it, best first (blocked by shared rare words and entities). */
  candidates: readonly Retrieved[];
  /** Every source sentence, for look-ups beyond the candidates (is this word said anywhere?). */
  index: SourceIndex;
  /** How the derived text as a whole was written (see {@link copyProfile}); absent when unknown. */
  text?: CopyProfile;
}

/** How much of a derived text is copied from the sources in runs of words. */
export interface CopyProfile {
  /** Words of the derived text's checked sentences. */
  words: number;
  /** Of those, words inside runs of at least {@link COPIED_RUN} words that one source sentence holds verbatim. */
  copiedWords: number;
}

/** A run of this many words or more, copied verbatim, is copying rather than chance. */
export const COPIED_RUN = 3;

/** The copy profile of a derived text from its sentences. */
export function copyProfile(sentences: readonly Passage[], index: SourceIndex): CopyProfile {
  let words = 0;
  let copiedWords = 0;
  for (const s of sentences) {
    words += s.tokens.length;
    for (const f of index.fragments(s)) if (f.to - f.from >= COPIED_RUN) copiedWords += f.to - f.from;
  }
  return { words, copiedWords };
}

/** A part of a sentence with its own verdict (for `partial`). */
export interface VerdictPart {
  start: number;
  end: number;
  text: string;
  verdict: VerdictLabel;
}

/** What a decider answers for one sentence. */
export interface VerdictDecision {
  verdict: VerdictLabel;
  /** Source spans that support or contradict the sentence. */
  evidence: QuotedSpan[];
  /** Why, in a sentence a person can read. */
  reason: string;
  /** For `partial`: which parts are and are not supported. */
  parts: VerdictPart[];
  /** Confidence of the decision, 0..1, or null when the decider has none. */
  score: number | null;
}

/**
 * The pluggable decision step. `decide` may be async (a model call); it must be deterministic for the
 * report to stay byte-identical.
 */
export interface VerdictDecider {
  /** Name shown in verdict reasons and logs. */
  readonly name: string;
  decide(question: VerdictQuestion): VerdictDecision | Promise<VerdictDecision>;
}

/** Thresholds of {@link lexicalDecider}. */
export interface LexicalDeciderOptions {
  /** Share of the sentence's weighted content words the evidence must hold for `supported` (default 0.6). */
  support?: number;
  /** A part of a sentence is unsupported below this share (default 0.5). */
  partUnsupported?: number;
  /** Context score two values need to be taken as saying something about the same thing (default 1). */
  sameThing?: number;
  /** At most this many evidence sentences are joined to cover one derived sentence (default 4). */
  maxEvidence?: number;
  /** Context score a source date or number needs to attest the sentence's one (default 0.2). */
  attested?: number;
  /**
   * Splices allowed in a supported sentence (default 0): neighbouring content words of one clause that the
   * sources hold, but never together in one sentence ("the senator … scored 12 touchdowns" joined from two).
   */
  splices?: number;
  /**
   * Splices count only in sentences at least this share copied word for word from the sources (default 0.3):
   * a summary that copies fragments errs where it glues them; one that rewrites joins facts in its own words.
   */
  copied?: number;
  /** Nouns, names and numbers no source uses at all that a supported sentence may hold (default 2). */
  novelNouns?: number;
  /**
   * A derived text copies from its sources (rather than rewrites them) when at least this many of its words
   * (default 20) and this share of them (`extractiveShare`, default 0.5) lie in runs copied verbatim.
   */
  extractiveWords?: number;
  /** See `extractiveWords` (default 0.5). */
  extractiveShare?: number;
  /**
   * In a text that copies, a sentence is not supported when it jumps this many times or more (default 2) from
   * one copied run to a run taken from elsewhere in the sources: copy-and-glue summaries err at the glue.
   */
  junctions?: number;
}

/** Words that open a conclusion drawn by the writer ("this indicates", "this shows"). */
const INFERENCE_VERBS = new Set([
  "indicat", "show", "suggest", "demonstr", "reflect", "underscor", "underlin", "highlight", "signal", "reveal",
  "illustr", "impli", "mean", "prove", "point", "evid", "sign", "testament", "mark",
]);
/** How much a word of each part of speech weighs in coverage: names and numbers carry a sentence's facts. */
const POS_WEIGHT: Readonly<Record<string, number>> = { PROPN: 1.3, NUM: 1.3, NOUN: 1, VERB: 0.7, ADJ: 0.7, ADV: 0.35 };
const DEMONSTRATIVES = new Set(["this", "that", "these", "those", "it", "which"]);

/** Matches between one derived sentence's tokens and one source passage. */
interface Match {
  passage: Passage;
  /** Indexes of the sentence's tokens the passage holds. */
  hits: Set<number>;
  coverage: number;
}

/**
 * The default decider. For each content word of the sentence it asks which source sentences hold it (by
 * Porter2 stem, synonym group, a one-letter spelling variant, a demonym, or the same resolved entity);
 * evidence is a greedy cover by at most four source sentences of the most IDF-weighted words. Then, in order:
 * - a date or number that a matching source sentence states differently about the same event and thing (the
 *   words around the two values agree) → `contradicted`, citing that sentence; likewise a word the best
 *   source sentence negates and the sentence does not (or the reverse);
 * - a speaker ("…, the mayor said") the sentences holding what is said never name → `unsupported`;
 * - a name the sources only use about another event than the sentence's → `unsupported` (two events blended);
 * - a writer's conclusion drawn from the previous sentence ("This indicates …") the sources do not state →
 *   `unsupported`;
 * - words covered above the `support` share, with no name, number or date the sources lack or give about
 *   something else, (in a sentence copied from the sources) no splice, and (in a text that copies, see
 *   {@link CopyProfile}) fewer than `junctions` jumps between runs copied from different places → `supported`;
 *   one clause covered and another not → `partial`, with its parts; otherwise `unsupported`.
 */
export function lexicalDecider(options: LexicalDeciderOptions = {}): VerdictDecider {
  const support = options.support ?? 0.6;
  const partUnsupported = options.partUnsupported ?? 0.5;
  const sameThing = options.sameThing ?? 1;
  const maxEvidence = options.maxEvidence ?? 4;
  const attested = options.attested ?? 0.2;
  const maxSplices = options.splices ?? 0;
  const copied = options.copied ?? 0.3;
  const novelNouns = options.novelNouns ?? 2;
  const extractiveWords = options.extractiveWords ?? 20;
  const extractiveShare = options.extractiveShare ?? 0.5;
  const maxJunctions = options.junctions ?? 2;
  return {
    name: "lexical",
    decide(q: VerdictQuestion): VerdictDecision {
      const s = q.sentence;
      const weights = s.tokens.map((t) => (t.content ? (Math.min(q.index.idf(t.stem), 4) + 0.5) * (POS_WEIGHT[t.pos] ?? 0.8) : 0));
      const total = weights.reduce((a, b) => a + b, 0);
      if (total === 0) return decision("unsupported", [], "The sentence states nothing the sources could hold.", [], null);
      const matches = q.candidates.map((c) => matchPassage(s, c.passage, weights, total, q.index));
      const known = s.tokens.map((t, i) => weights[i] === 0 || knownAnywhere(s, i, q.index));

      // 1. Contradictions: a value stated otherwise, or a clause negated, by a matching source sentence.
      const conflict = findConflict(s, matches, sameThing, q.index);
      if (conflict) return decision("contradicted", [quoteOf(conflict.passage)], conflict.reason, [], 0.8);

      // Evidence: greedy cover of the weighted words by at most `maxEvidence` sentences.
      const { chosen, covered } = cover(matches, weights, maxEvidence);
      /** Weighted share of the words from token `from` to `to` (outside `skip`) that the evidence holds. */
      const share = (from: number, to: number, skip?: { start: number; end: number }) => {
        let w = 0;
        let c = 0;
        for (let i = from; i < to; i++) {
          const t = s.tokens[i]!;
          if (skip && t.start >= skip.start && t.end <= skip.end) continue;
          w += weights[i] ?? 0;
          if (covered.has(i)) c += weights[i] ?? 0;
        }
        return w === 0 ? 1 : c / w;
      };
      const coverage = share(0, s.tokens.length);

      const evidence = byPosition(chosen).map((m) => quoteOf(m.passage));
      const unattested = unattestedValues(s, matches, attested, weights);
      const unknown = s.tokens.filter(
        (t, i) => (!known[i] && !covered.has(i) && (t.capital || /^\p{N}/u.test(t.norm))) || unattested.some((v) => t.start >= v.start && t.end <= v.end),
      );

      const splices = q.index.copiedShare(s) >= copied ? splicesOf(s, weights, matches, known) : [];
      // A text that copies and glues: the places where this sentence jumps to a run copied from elsewhere.
      const extractive = q.text !== undefined && q.text.copiedWords >= extractiveWords && q.text.copiedWords >= extractiveShare * q.text.words;
      const glued = extractive ? junctionsOf(q.index.fragments(s)) : [];

      // 2. Words put in the mouth of someone the sources do not quote on it.
      const speaker = unquotedSpeaker(s, matches, weights, total, q.index, maxEvidence);
      // What is said, without who says it, must be in the sources for the speaker to be the difference.
      if (speaker && share(0, s.tokens.length, speaker) >= support) {
        return decision("unsupported", [], `The sources say it, but not as said by “${speaker.text}”.`, [], 0.6);
      }

      // 3. Two events blended: a name the sources only use about another event.
      const blend = blendedName(s, q.index);
      if (blend) return decision("unsupported", [], blend, [], 0.6);

      // 4. A conclusion the writer draws ("This indicates …") that no source states.
      if (isInference(s) && coverage < 0.9) {
        return decision("unsupported", [], "Commentary: the sentence draws a conclusion from what precedes it; no source states it.", [], 0.6);
      }

      // 5. Coverage, sentence and parts.
      const parts = partsOf(s).map((p) => ({ ...p, share: share(p.from, p.to), words: weightSum(weights, p.from, p.to) }));
      const hasUnknown = (p: { start: number; end: number }) => unknown.some((t) => t.start >= p.start && t.end <= p.end);
      const partVerdict = (p: (typeof parts)[number]): VerdictLabel => {
        return p.share >= support && !hasUnknown(p) ? "supported" : "unsupported";
      };
      const labelled = parts.map((p) => ({ start: p.start, end: p.end, text: p.text, verdict: partVerdict(p), share: p.share, words: p.words }));
      const substantial = labelled.filter((p) => p.words >= 4);
      const anySupported = substantial.some((p) => p.verdict === "supported");
      const anyUnsupported = substantial.some((p) => p.verdict === "unsupported" && (p.share < partUnsupported || hasUnknown(p)));
      const novel = s.tokens.filter((t, i) => weights[i] && !known[i] && SPLICE_POS.has(t.pos));
      if (coverage >= support && unknown.length === 0 && !anyUnsupported && splices.length <= maxSplices && novel.length <= novelNouns && glued.length < maxJunctions) {
        return decision("supported", evidence, `The sources state it (${pct(coverage)} of its content words found in ${evidence.length} source sentence${evidence.length === 1 ? "" : "s"}).`, [], round(coverage));
      }
      if (anySupported && anyUnsupported && labelled.length > 1) {
        const bad = labelled.filter((p) => p.verdict === "unsupported").map((p) => `“${p.text}”`).join(", ");
        // Evidence: the sentences that cover the supported parts' words.
        const good = labelled.filter((p) => p.verdict === "supported");
        const inGood = (i: number) => good.some((p) => s.tokens[i]!.start >= p.start && s.tokens[i]!.end <= p.end);
        const partEvidence = byPosition(cover(matches, weights.map((w, i) => (inGood(i) ? w : 0)), maxEvidence).chosen).map((m) => quoteOf(m.passage));
        return decision("partial", partEvidence, `Part of the sentence is in the sources; no source states ${bad}.`, labelled.map(({ start, end, text, verdict }) => ({ start, end, text, verdict })), round(coverage));
      }
      const joined =
        splices.length > maxSplices
          ? `; it joins words no source sentence holds together: ${splices.map(([a, b]) => `“${a} … ${b}”`).join(", ")}`
          : glued.length >= maxJunctions
            ? `; it glues ${glued.length + 1} runs copied from different places of the sources: ${glued.map((j) => `“${s.tokens[j - 1]?.text ?? ""} | ${s.tokens[j]?.text ?? ""}”`).join(", ")}`
            : "";
      const absent = [...new Set([...unknown, ...(novel.length > novelNouns ? novel : [])].map((t) => `“${t.text}”`))];
      const missing = absent.length ? `; no source names ${absent.join(", ")}` : "";
      return decision("unsupported", [], `No source states it (${pct(coverage)} of its content words found together${missing}${joined}).`, [], round(1 - coverage));
    },
  };
}

/** A copied run may skip this many source words and still continue the same passage ("X, 48, of Y, was"). */
const SKIP = 3;

/**
 * Where a sentence made of copied runs jumps to a run copied from another place of the sources (another
 * sentence, an earlier place, or further than {@link SKIP} words on): the token indexes that start such runs.
 */
function junctionsOf(fragments: readonly CopiedFragment[]): number[] {
  const out: number[] = [];
  for (let k = 1; k < fragments.length; k++) {
    const a = fragments[k - 1]!;
    const b = fragments[k]!;
    const end = a.at + (a.to - a.from);
    if (b.passage === a.passage && b.at >= end && b.at - end <= SKIP) continue;
    out.push(b.from);
  }
  return out;
}

/** Words whose pairing carries a fact: who, what, how many. */
const SPLICE_POS = new Set(["PROPN", "NOUN", "NUM"]);

/**
 * Neighbouring names, nouns and numbers of one clause that the candidates hold, but never in the same
 * sentence: where a sentence was spliced from two source sentences. Words the sources lack altogether are
 * counted elsewhere; dates are compared as values.
 */
function splicesOf(s: Passage, weights: readonly number[], matches: readonly Match[], known: readonly boolean[]): [string, string][] {
  const out: [string, string][] = [];
  let prev = -1;
  for (let i = 0; i < s.tokens.length; i++) {
    const t = s.tokens[i];
    if (!t || !weights[i] || !known[i] || !SPLICE_POS.has(t.pos) || s.times.some((x) => t.start >= x.start && t.end <= x.end)) continue;
    if (prev >= 0 && s.tokens[prev]?.clause === s.tokens[i]?.clause && !matches.some((m) => m.hits.has(prev) && m.hits.has(i))) {
      out.push([s.tokens[prev]?.text ?? "", s.tokens[i]?.text ?? ""]);
    }
    prev = i;
  }
  return out;
}

function decision(verdict: VerdictLabel, evidence: QuotedSpan[], reason: string, parts: VerdictPart[], score: number | null): VerdictDecision {
  return { verdict, evidence, reason, parts, score };
}

function quoteOf(p: Passage): QuotedSpan {
  return { articleId: p.articleId, start: p.start, end: p.end, text: p.text };
}

const round = (x: number) => Math.round(Math.max(0, Math.min(1, x)) * 1000) / 1000;
const pct = (x: number) => `${Math.round(x * 100)}%`;

function weightSum(w: readonly number[], from: number, to: number): number {
  let s = 0;
  for (let i = from; i < to; i++) s += w[i] ?? 0;
  return s;
}

/** The entity a token of a passage belongs to, if any. */
function entityAt(p: Passage, start: number, end: number): string | null {
  for (const m of p.mentions) if (start >= m.start && end <= m.end) return m.entityId;
  return null;
}

function matchPassage(s: Passage, p: Passage, weights: readonly number[], total: number, index: SourceIndex): Match {
  const hits = new Set<number>();
  const entities = new Set(p.mentions.map((m) => m.entityId));
  const norms = new Set(p.tokens.flatMap((t) => (t.capital || /^\p{Lu}/u.test(t.text) ? [t.norm, ...demonymPlaces(t.norm)] : [t.norm])));
  let w = 0;
  s.tokens.forEach((t, i) => {
    if (!weights[i]) return;
    const e = entityAt(s, t.start, t.end);
    const hit =
      (e !== null && entities.has(e)) ||
      norms.has(t.norm) ||
      (/^\p{Lu}/u.test(t.text) && demonymPlaces(t.norm).some((n) => norms.has(n))) ||
      index.variants(t.stem).some((v) => p.stems.has(v)) ||
      p.stems.has(t.stem) ||
      p.concepts.has(t.concept) ||
      (t.capital && t.norm.length >= 5 && p.tokens.some((u) => u.capital && nearSpelling(u.norm, t.norm))) ||
      (t.norm.length >= 5 && p.tokens.some((u) => u.norm.length > t.norm.length + 2 && u.norm.endsWith(t.norm)));
    if (hit) {
      hits.add(i);
      w += weights[i] ?? 0;
    }
  });
  return { passage: p, hits, coverage: total ? w / total : 0 };
}

/** Same word spelled with one letter changed ("Aleksandr"/"Alexander"), for names of five letters or more. */
function nearSpelling(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1 || a[0] !== b[0]) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const ra = a.slice(i + 1);
  const rb = b.slice(i + 1);
  return ra === rb || a.slice(i) === rb || ra === b.slice(i);
}

function knownAnywhere(s: Passage, i: number, index: SourceIndex): boolean {
  const t = s.tokens[i];
  if (!t) return true;
  if (entityAt(s, t.start, t.end) !== null && index.hasEntity(entityAt(s, t.start, t.end) as string)) return true;
  return index.hasStem(t.stem) || index.hasConcept(t.concept) || index.hasWord(t.norm);
}

interface Conflict {
  passage: Passage;
  reason: string;
}

/**
 * A value of the sentence that a matching source sentence states differently about the same thing. For each
 * date (and each number with a counted unit) of the sentence, the source value with the most similar
 * surrounding words among the candidates decides: compatible (the ranges overlap, the amounts agree within
 * their bounds) or not; a differing value must match clearly better than any agreeing one.
 */
function findConflict(s: Passage, matches: readonly Match[], sameThing: number, index: SourceIndex): Conflict | null {
  // Another event's sentence does not contradict: the same minister's April trip is not his August trip.
  const otherEvent = (p: Passage) => s.eventIds.length > 0 && p.eventIds.length > 0 && !p.eventIds.some((e) => s.eventIds.includes(e));
  const eligible = matches.filter((m) => m.coverage >= 0.15 && !otherEvent(m.passage));
  for (const d of s.times) {
    const ctx = contextAround(s, d.start, d.end);
    let bad: { m: Match; t: TimeValue; score: number } | null = null;
    let good = 0;
    for (const m of eligible) {
      for (const t of m.passage.times) {
        if (!comparableTimes(d, t)) continue;
        // Values of the same shape (a range and a range, a month and a month) are likelier the same thing.
        const score = contextScore(ctx, contextAround(m.passage, t.start, t.end)) + (t.kind === d.kind && t.grain === d.grain ? 0.5 : 0);
        if (sameTime(d, t)) good = Math.max(good, score);
        else if (!bad || score > bad.score + 1e-9) bad = { m, t, score };
      }
    }
    // A contradiction needs the differing value to be clearly the one about the same thing.
    if (bad && bad.score >= sameThing && bad.score > good * MARGIN) {
      return { passage: bad.m.passage, reason: `“${d.text}” (${describeTime(d)}) does not match ${bad.m.passage.articleId}, which says “${bad.t.text}” (${describeTime(bad.t)}) of the same thing.` };
    }
  }
  for (const d of s.quantities) {
    if (!d.unit) continue;
    const ctx = contextAround(s, d.start, d.end);
    let bad: { m: Match; q: Quantity; score: number } | null = null;
    let good = 0;
    for (const m of eligible) {
      for (const q of m.passage.quantities) {
        if (q.unit !== d.unit || splitNumber(m.passage, q, index)) continue;
        // The same counted unit is half the evidence that two numbers count the same thing.
        const score = contextScore(ctx, contextAround(m.passage, q.start, q.end)) + sameThing / 2;
        if (quantitiesCompatible(d, q)) good = Math.max(good, score);
        else if (!bad || score > bad.score + 1e-9) bad = { m, q, score };
      }
    }
    if (bad && bad.score >= sameThing && bad.score > good * MARGIN) {
      return { passage: bad.m.passage, reason: `“${d.text}” does not match ${bad.m.passage.articleId}, which says “${bad.q.text}”.` };
    }
  }
  const top = [...matches].sort((a, b) => b.coverage - a.coverage)[0];
  const flipped = top && top.coverage >= 0.8 ? negatedWord(s, top.passage) ?? negatedWord(top.passage, s) : null;
  if (top && flipped) {
    return { passage: top.passage, reason: `${top.passage.articleId} says the opposite: one of the two sentences negates “${flipped}”.` };
  }
  return null;
}

/**
 * A number read from the tail of a number the source wrote with a space ("3, 000" read as "000", "98. 7" as
 * "7", even when the sentence was cut after "98."): the text before it, in its sentence or the one before.
 */
function splitNumber(p: Passage, q: { start: number }, index: SourceIndex): boolean {
  const at = q.start - p.start;
  const before = at >= 3 ? p.text.slice(at - 3, at) : `${index.neighbours(p).find((n) => n.end <= p.start)?.text.slice(-3) ?? ""} ${p.text.slice(0, at)}`;
  return /\d[,.]\s?$/.test(before);
}

/** Within this many words after a negation cue lies the word it negates. */
const NEGATION_REACH = 3;

/**
 * A word `a` negates ("did not attend") that `b` states without a negation before it ("attended"), or null.
 * Only words both sentences hold are compared, so a negation elsewhere in a long sentence does not count.
 */
function negatedWord(a: Passage, b: Passage): string | null {
  const negatedIn = (p: Passage, i: number) => p.tokens.slice(Math.max(0, i - NEGATION_REACH), i).some((t) => t.clause === p.tokens[i]?.clause && isNegation(t));
  for (let j = 0; j < a.tokens.length; j++) {
    if (!isNegation(a.tokens[j]!)) continue;
    for (let i = j + 1; i <= j + NEGATION_REACH && i < a.tokens.length; i++) {
      const t = a.tokens[i]!;
      if (!t.content || t.clause !== a.tokens[j]!.clause) continue;
      // An adverb between the cue and its word ("not formally attend") is stepped over.
      if (t.pos === "ADV") continue;
      // The cue negates the first content word after it ("has not stopped X" negates "stopped", not "X").
      const k = b.tokens.findIndex((u) => u.content && (u.stem === t.stem || u.concept === t.concept));
      if (k >= 0 && !negatedIn(b, k)) return t.text;
      break;
    }
  }
  return null;
}

/**
 * Dates and numbers of the sentence that no candidate states, compatibly, about the same thing (the words
 * around the two values must agree to `attested`, or the source sentence must hold most of the value's
 * clause): "exercises held in July" is not attested by "vessels visited last month", though both mean July.
 */
function unattestedValues(s: Passage, matches: readonly Match[], attested: number, weights: readonly number[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const d of s.times) {
    // "two days before it began" counts from another event, not from the publication date: not compared.
    if (RELATIVE_TO_EVENT.test(d.text)) continue;
    const ctx = contextAround(s, d.start, d.end);
    const strong = matches.filter((m) => clauseCoverage(s, m, d, weights) >= 0.6);
    const ok = matches.some((m) =>
      m.passage.times.some((t) => comparableTimes(d, t) && sameTime(d, t) && (strong.includes(m) || contextScore(ctx, contextAround(m.passage, t.start, t.end)) >= attested)),
    );
    if (!ok) out.push(d);
  }
  for (const d of s.quantities) {
    const ctx = contextAround(s, d.start, d.end);
    // The number as written (digits folded) in a source sentence that holds most of its clause also attests it.
    const digits = s.tokens.filter((t) => t.start >= d.start && t.end <= d.end && /^\d/.test(t.norm)).map((t) => t.norm);
    const ok = matches.some(
      (m) =>
        m.passage.quantities.some((q) => quantitiesCompatible(d, q) && (q.unit === d.unit || contextScore(ctx, contextAround(m.passage, q.start, q.end)) >= attested)) ||
        (digits.length > 0 && digits.every((n) => m.passage.tokens.some((t) => t.norm === n)) && clauseCoverage(s, m, d, weights) >= 0.6),
    );
    if (!ok) out.push(d);
  }
  return out;
}

/** How much better the differing value must match than the best agreeing one to count as a contradiction. */
const MARGIN = 1.5;

const RELATIVE_TO_EVENT = /\b(before|after|earlier|later|prior)\b/i;

/** Weighted share of the words of the clause holding `value` that a candidate holds. */
function clauseCoverage(s: Passage, m: Match, value: { start: number; end: number }, weights: readonly number[]): number {
  const clause = s.tokens.find((t) => t.end > value.start)?.clause;
  let all = 0;
  let hit = 0;
  s.tokens.forEach((t, i) => {
    if (t.clause !== clause || (t.start >= value.start && t.end <= value.end)) return;
    all += weights[i] ?? 0;
    if (m.hits.has(i)) hit += weights[i] ?? 0;
  });
  return all === 0 ? 0 : hit / all;
}

/** Durations compare with durations, calendar times with calendar times. */
function comparableTimes(a: TimeValue, b: TimeValue): boolean {
  return (a.kind === "duration") === (b.kind === "duration");
}

function sameTime(a: TimeValue, b: TimeValue): boolean {
  if (a.kind === "duration" || b.kind === "duration") return a.days === null || b.days === null || a.days === b.days;
  return timesCompatible(a, b);
}

function describeTime(t: TimeValue): string {
  if (t.kind === "duration") return t.days === null ? "a duration" : `${t.days} days`;
  if (!t.startDate) return "undated";
  if (t.grain === "year") return t.startDate.slice(0, 4);
  if (t.grain === "month") return t.startDate.slice(0, 7);
  return t.endDate && t.endDate !== t.startDate ? `${t.startDate} to ${t.endDate}` : t.startDate;
}

/**
 * A named entity of the sentence that every source sentence naming it places in another event than the
 * sentence's own (all of them inside claims the events stage assigned): the sentence tells a detail of one
 * event as part of another.
 */
function blendedName(s: Passage, index: SourceIndex): string | null {
  if (s.eventIds.length === 0) return null;
  const own = new Set(s.eventIds);
  for (const m of s.mentions) {
    const where = index.passagesNaming(m.entityId);
    if (where.length === 0) continue;
    if (where.every((p) => p.eventIds.length > 0 && p.eventIds.every((e) => !own.has(e)))) {
      const other = [...new Set(where.flatMap((p) => p.eventIds))].join(", ");
      return `Blends two events: the sources name “${s.text.slice(m.start - s.start, m.end - s.start)}” only about ${other}, not the event this sentence tells.`;
    }
  }
  return null;
}

/**
 * The speaker of a sentence ("witnesses said …", "…, according to the ministry") when the best evidence
 * sentence and those around it never name that speaker: the sources may say it, but someone else does.
 */
function unquotedSpeaker(
  s: Passage,
  matches: readonly Match[],
  weights: readonly number[],
  total: number,
  index: SourceIndex,
  maxEvidence: number,
): { start: number; end: number; text: string } | null {
  const at = findAttribution(s.text, 0, s.text.length);
  if (!at) return null;
  const inSpan = (i: number) => s.tokens[i]!.start >= s.start + at.start && s.tokens[i]!.end <= s.start + at.end;
  const words = s.tokens.map((_, i) => i).filter((i) => weights[i] && inSpan(i));
  if (words.length === 0) return null;
  // The sentences that hold what is said (chosen without the speaker's words), those around them, or any
  // sentence holding two of its words must name who says it.
  const { chosen } = cover(matches, weights.map((w, i) => (inSpan(i) ? 0 : w)), maxEvidence);
  if (chosen.length === 0) return null;
  const heard = new Set<number>();
  const hear = (m: Match) => {
    for (const i of words) if (m.hits.has(i)) heard.add(i);
  };
  for (const m of chosen) {
    hear(m);
    for (const p of index.neighbours(m.passage)) hear(matchPassage(s, p, weights, total, index));
  }
  // Any candidate that holds two or more of the words said, with the speaker, also counts.
  for (const m of matches) if ([...m.hits].filter((i) => !inSpan(i)).length >= 2) hear(m);
  return heard.size * 2 < words.length ? { start: s.start + at.start, end: s.start + at.end, text: s.text.slice(at.start, at.end) } : null;
}

/**
 * Greedy cover of a sentence's weighted words by at most `max` candidates: each step takes the candidate that
 * adds the most uncovered weight, and stops when a further sentence would add less than 8%.
 */
function cover(matches: readonly Match[], weights: readonly number[], max: number): { chosen: Match[]; covered: Set<number> } {
  const total = weights.reduce((a, b) => a + b, 0);
  const chosen: Match[] = [];
  const covered = new Set<number>();
  for (let k = 0; k < max && total > 0; k++) {
    let best: Match | null = null;
    let gain = 0;
    for (const m of matches) {
      if (chosen.includes(m)) continue;
      let g = 0;
      for (const i of m.hits) if (!covered.has(i)) g += weights[i] ?? 0;
      if (g > gain + 1e-9) {
        gain = g;
        best = m;
      }
    }
    if (!best || gain / total < (k === 0 ? 0 : 0.08)) break;
    chosen.push(best);
    for (const i of best.hits) covered.add(i);
  }
  return { chosen, covered };
}

/** Matches in article order, then text order. */
function byPosition(matches: readonly Match[]): Match[] {
  return [...matches].sort((a, b) => a.passage.articleIndex - b.passage.articleIndex || a.passage.start - b.passage.start);
}

/** A sentence whose subject is a bare demonstrative and whose verb draws a conclusion ("This indicates …"). */
function isInference(s: Passage): boolean {
  const first = s.tokens.findIndex((t) => !/^(overall|however|so|thus|and|but|in|fact|all|together)$/.test(t.norm));
  const subject = s.tokens[first];
  if (!subject || !DEMONSTRATIVES.has(subject.norm)) return false;
  for (const t of s.tokens.slice(first + 1, first + 5)) {
    if ([...INFERENCE_VERBS].some((v) => t.stem.startsWith(v))) return true;
  }
  return false;
}

/** Parts of a sentence: its clauses (see `clause` on tokens), by token index and offsets. */
function partsOf(s: Passage): { from: number; to: number; start: number; end: number; text: string }[] {
  const out: { from: number; to: number; start: number; end: number; text: string }[] = [];
  let from = 0;
  for (let i = 1; i <= s.tokens.length; i++) {
    if (i === s.tokens.length || s.tokens[i]?.clause !== s.tokens[from]?.clause) {
      const a = s.tokens[from]!;
      const b = s.tokens[i - 1]!;
      out.push({ from, to: i, start: a.start, end: b.end, text: s.text.slice(a.start - s.start, b.end - s.start) });
      from = i;
    }
  }
  return out;
}

