/**
 * The verifier: every body sentence of an article whose role is `derived` gets a verdict against the source
 * articles (a derived article is never a source). Source sentences are indexed once; each derived sentence
 * retrieves its candidates through shared rare words and entities, then a {@link VerdictDecider} decides.
 */
import type { Verdict } from "../model/verdict.js";
import type { Mention } from "../model/entity.js";
import type { ArticleAnalysis, PipelineState, Sentence } from "../pipeline/state.js";
import { copyProfile, lexicalDecider, type VerdictDecider } from "./decide.js";
import { makePassage, type Passage } from "./passage.js";
import { SourceIndex } from "./retrieve.js";

/** Segment kinds whose sentences are checked (derived) or used as evidence (sources). */
const CHECKED_KINDS = new Set(["body", "quote"]);

/** Options of {@link verifyState}. */
export interface VerifyOptions {
  /** The decision step (default {@link lexicalDecider}). */
  decider?: VerdictDecider;
  /** Source sentences retrieved per derived sentence (default 12). */
  candidates?: number;
}

/** Checks every derived article of the pipeline state against its source articles. Deterministic. */
export async function verifyState(state: PipelineState, options: VerifyOptions = {}): Promise<Verdict[]> {
  const decider = options.decider ?? lexicalDecider();
  const limit = options.candidates ?? 12;
  const derived = state.articles.filter((a) => a.role === "derived");
  if (derived.length === 0) return [];
  const sources: Passage[] = [];
  state.articles.forEach((article, articleIndex) => {
    if (article.role !== "source") return;
    const analysis = state.analyses.get(article.id);
    if (analysis) sources.push(...passagesOf(state, analysis, articleIndex));
  });
  const index = new SourceIndex(sources);
  // A derived sentence is held to an event only when a source reports that event too; an event of the
  // derived text alone says nothing about the sources.
  const sourceIds = new Set(state.articles.filter((a) => a.role === "source").map((a) => a.id));
  const sourceEvents = new Set(state.events.filter((e) => [...e.articleIds, ...e.mentionedByArticleIds].some((id) => sourceIds.has(id))).map((e) => e.id));
  const verdicts: Verdict[] = [];
  for (const article of derived) {
    const analysis = state.analyses.get(article.id);
    if (!analysis) continue;
    const articleIndex = state.articles.indexOf(article);
    let n = 0;
    const sentences = passagesOf(state, analysis, articleIndex);
    // How the derived text as a whole was written: copied from the sources, or rewritten.
    const text = copyProfile(sentences, index);
    for (const sentence of sentences) {
      sentence.eventIds = sentence.eventIds.filter((e) => sourceEvents.has(e));
      const candidates = index.retrieve(sentence, limit);
      const d = await decider.decide({ sentence, candidates, index, text });
      verdicts.push({
        id: `${article.id}#v${++n}`,
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
  }
  return verdicts;
}

/** The checked sentences of one article as passages, with their times, quantities, entities and events. */
function passagesOf(state: PipelineState, analysis: ArticleAnalysis, articleIndex: number): Passage[] {
  const article = analysis.article;
  const mentions: Mention[] = state.mentionsByArticle.get(article.id) ?? [];
  const claims = analysis.claims.map((d) => d.claim);
  const tagAt = (offset: number) => analysis.tokens.tagAt(offset, article.text);
  const inside = <T extends { start: number; end: number }>(list: readonly T[], s: Sentence) => list.filter((x) => x.start >= s.start && x.end <= s.end);
  return analysis.sentences
    .filter((s) => CHECKED_KINDS.has(s.kind))
    .map((s) =>
      makePassage({
        articleId: article.id,
        articleIndex,
        text: article.text,
        start: s.start,
        end: s.end,
        publishedAt: article.publishedAt ?? null,
        times: inside(analysis.times, s),
        quantities: inside(analysis.quantities, s),
        eventIds: [...new Set(inside(claims, s).flatMap((c) => (c.eventId ? [c.eventId] : [])))].sort(),
        mentions: inside(mentions, s).map((m) => ({ entityId: m.entityId, start: m.start, end: m.end })),
        tagAt,
      }),
    );
}
