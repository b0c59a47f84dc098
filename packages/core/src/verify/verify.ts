/**
 * The verifier: every body sentence of an article whose role is `derived` gets a verdict against the source
 * articles (a derived article is never a source) that blocking finds for it. Their sentences are indexed; each
 * derived sentence retrieves its candidates through shared rare words and entities, then a
 * {@link VerdictDecider} decides.
 */
import type { Verdict } from "../model/verdict.js";
import type { Mention } from "../model/entity.js";
import type { ArticleAnalysis, PipelineState, Sentence } from "../pipeline/state.js";
import { copyProfile, lexicalDecider, type VerdictDecider } from "./decide.js";
import { makePassage, type Passage } from "./passage.js";
import { SourceIndex } from "./retrieve.js";
import { SourceBlocker } from "./block.js";
import { lowerBound } from "../util/search.js";

/** Segment kinds whose sentences are checked (derived) or used as evidence (sources). */
const CHECKED_KINDS = new Set(["body", "quote"]);

/** Options of {@link verifyState}. */
export interface VerifyOptions {
  /** The decision step (default {@link lexicalDecider}). */
  decider?: VerdictDecider;
  /** Source sentences retrieved per derived sentence (default 12). */
  candidates?: number;
  /**
   * Called each time a source index is built, with the source articles it holds and the derived articles
   * checked against it (for diagnostics and tests; see `block.ts` for which sources a derived article meets).
   */
  onIndex?: (index: { sources: readonly string[]; derived: readonly string[] }) => void;
}

/**
 * Checks every derived article of the pipeline state against its source articles. Deterministic. Each
 * derived article is checked against the sources blocking finds for it (see `block.ts`): only those are
 * tokenized (once, however many derived articles meet them) and indexed (once per distinct set of sources);
 * with no derived article nothing is built.
 */
export async function verifyState(state: PipelineState, options: VerifyOptions = {}): Promise<Verdict[]> {
  const decider = options.decider ?? lexicalDecider();
  const limit = options.candidates ?? 12;
  const derived: number[] = [];
  state.articles.forEach((a, i) => {
    if (a.role === "derived" && state.analyses.has(a.id)) derived.push(i);
  });
  if (derived.length === 0) return [];
  // A derived sentence is held to an event only when a source reports that event too; an event of the
  // derived text alone says nothing about the sources.
  const sourceIds = new Set(state.articles.filter((a) => a.role === "source").map((a) => a.id));
  const sourceEvents = new Set(state.events.filter((e) => [...e.articleIds, ...e.mentionedByArticleIds].some((id) => sourceIds.has(id))).map((e) => e.id));

  // Pools first, so that each index and each source's sentences are dropped after their last use.
  const derivedSentences = new Map(derived.map((i) => [i, passagesOf(state, state.analyses.get(state.articles[i]!.id)!, i)]));
  const blocker = new SourceBlocker(state, derivedSentences, (kind) => CHECKED_KINDS.has(kind));
  const plans = derived.map((articleIndex) => {
    const pool = blocker.poolOf(articleIndex);
    return { articleIndex, sentences: derivedSentences.get(articleIndex)!, pool, key: pool.join(",") };
  });
  derivedSentences.clear();
  const lastUseOfPool = new Map<string, number>();
  const lastUseOfSource = new Map<number, number>();
  plans.forEach((p, n) => {
    lastUseOfPool.set(p.key, n);
    for (const i of p.pool) lastUseOfSource.set(i, n);
  });
  const indexes = new Map<string, SourceIndex>();
  const passages = new Map<number, Passage[]>();
  const sourcePassages = (i: number): Passage[] => {
    let list = passages.get(i);
    if (list === undefined) {
      const analysis = state.analyses.get(state.articles[i]!.id);
      list = analysis ? passagesOf(state, analysis, i) : [];
      passages.set(i, list);
    }
    return list;
  };

  const verdicts: Verdict[] = [];
  for (const [n, plan] of plans.entries()) {
    const article = state.articles[plan.articleIndex]!;
    let index = indexes.get(plan.key);
    if (index === undefined) {
      index = new SourceIndex(plan.pool.flatMap(sourcePassages));
      indexes.set(plan.key, index);
      options.onIndex?.({ sources: plan.pool.map((i) => state.articles[i]!.id), derived: plans.filter((p) => p.key === plan.key).map((p) => state.articles[p.articleIndex]!.id) });
    }
    const sentences = plan.sentences;
    // How the derived text as a whole was written: copied from the sources, or rewritten.
    const text = copyProfile(sentences, index);
    let v = 0;
    for (const sentence of sentences) {
      sentence.eventIds = sentence.eventIds.filter((e) => sourceEvents.has(e));
      const candidates = index.retrieve(sentence, limit);
      const d = await decider.decide({ sentence, candidates, index, text });
      verdicts.push({
        id: `${article.id}#v${++v}`,
        articleId: article.id,
        start: sentence.start,
        end: sentence.end,
        text: sentence.text,
        verdict: d.verdict,
        evidence: d.evidence,
        reason: d.reason,
        parts: d.parts,
        score: d.score,
      });
    }
    // Release what no later derived article needs.
    if (lastUseOfPool.get(plan.key) === n) indexes.delete(plan.key);
    for (const i of plan.pool) if (lastUseOfSource.get(i) === n) passages.delete(i);
  }
  return verdicts;
}

/** The checked sentences of one article as passages, with their times, quantities, entities and events. */
function passagesOf(state: PipelineState, analysis: ArticleAnalysis, articleIndex: number): Passage[] {
  const article = analysis.article;
  const mentions: Mention[] = state.mentionsByArticle.get(article.id) ?? [];
  const claims = analysis.claims.map((d) => d.claim);
  const tagAt = (offset: number) => analysis.tokens.tagAt(offset, article.text);
  const checked = analysis.sentences.filter((s) => CHECKED_KINDS.has(s.kind));
  const times = within(analysis.times, checked);
  const quantities = within(analysis.quantities, checked);
  const claimsIn = within(claims, checked);
  const mentionsIn = within(mentions, checked);
  return checked.map((s, k) =>
    makePassage({
      articleId: article.id,
      articleIndex,
      text: article.text,
      start: s.start,
      end: s.end,
      publishedAt: article.publishedAt ?? null,
      times: times[k]!,
      quantities: quantities[k]!,
      eventIds: [...new Set(claimsIn[k]!.flatMap((c) => (c.eventId ? [c.eventId] : [])))].sort(),
      mentions: mentionsIn[k]!.map((m) => ({ entityId: m.entityId, start: m.start, end: m.end })),
      tagAt,
    }),
  );
}

/**
 * For each sentence, the items of `list` that lie inside it, in list order. Sentences in text order without
 * overlap (as the segment stage cuts them) hold each item at most once, found by a binary search over their
 * starts; otherwise every sentence filters the whole list.
 */
function within<T extends { start: number; end: number }>(list: readonly T[], sentences: readonly Sentence[]): T[][] {
  const out: T[][] = sentences.map(() => []);
  let ordered = true;
  for (let k = 1; k < sentences.length && ordered; k++) ordered = sentences[k - 1]!.end <= sentences[k]!.start;
  if (!ordered) return sentences.map((s) => list.filter((x) => x.start >= s.start && x.end <= s.end));
  for (const x of list) {
    if (x.end <= x.start) {
      // An empty item on a boundary may lie in two sentences.
      sentences.forEach((s, k) => {
        if (x.start >= s.start && x.end <= s.end) out[k]!.push(x);
      });
      continue;
    }
    // The last sentence starting at or before the item (offsets are whole numbers).
    const lo = lowerBound(0, sentences.length, x.start + 1, (k) => sentences[k]!.start);
    const s = sentences[lo - 1];
    if (s !== undefined && x.end <= s.end) out[lo - 1]!.push(x);
  }
  return out;
}
