/**
 * The pipeline, top to bottom. Each stage reads what the previous ones wrote into the state:
 *
 * 1. segment     paragraphs and sentences; page furniture and other languages classified
 * 2. entities    names found and resolved within and across articles
 * 3. time        dates anchored to each article's publication date; durations; quantities
 * 4. claims      atomic claims with attribution, modality, qualifiers and event slots
 * 5. events      articles and claims grouped into the events they report
 * 6. agreements  claims that say the same thing, independent sources counted
 * 7. conflicts   true disagreements, and differences explained as not conflicts
 * 8. verify      each sentence of a derived article checked against the sources (verify/stage.ts)
 */
import { extractClaims, type ClaimDraft } from "../extract/claims.js";
import { CONTENT_KINDS } from "../model/article.js";
import { extractQuantities } from "../extract/quantity.js";
import { segmentArticle } from "../extract/segment.js";
import { extractTimes } from "../extract/time.js";
import { findAgreements } from "../reconcile/agreements.js";
import { findConflicts } from "../reconcile/conflicts.js";
import { copyGroups } from "../reconcile/copies.js";
import { groupEvents } from "../reconcile/events.js";
import { resolveEntities } from "../resolve/entities.js";
import type { Event } from "../model/event.js";
import { UnionFind } from "../util/union-find.js";
import type { PipelineState, Stage } from "./state.js";
import { verifyStage } from "../verify/stage.js";


/** Stage 1: paragraphs and sentences, segments classified (body vs furniture, other languages). */
export const segmentStage: Stage = {
  name: "segment",
  run(state: PipelineState) {
    state.articles = state.articles.map((article) => {
      const { segments, sentences, language, tokens } = segmentArticle(article);
      // A language detected from the body fills an article that declared none.
      const next = { ...article, segments, language: article.language ?? language };
      state.analyses.set(article.id, { article: next, sentences, times: [], quantities: [], tokens, claims: [] });
      return next;
    });
  },
};

/** Stage 2: names found and resolved within and across articles. */
export const entitiesStage: Stage = {
  name: "entities",
  run(state: PipelineState) {
    const { entities, mentionsByArticle } = resolveEntities(state.articles, state.analyses);
    state.entities = entities;
    state.mentionsByArticle = mentionsByArticle;
  },
};

/** Stage 3: time expressions anchored to the publication date, and quantities, in body text. */
export const timeStage: Stage = {
  name: "time",
  run(state: PipelineState) {
    for (const article of state.articles) {
      const analysis = state.analyses.get(article.id)!;
      analysis.times = analysis.sentences
        .filter((s) => CONTENT_KINDS.has(s.kind))
        .flatMap((s) => extractTimes(article.text, s.start, s.end, { anchor: article.publishedAt }));
      analysis.quantities = extractQuantities(article.text, analysis.tokens, analysis.times);
    }
  },
};

/** Stage 4: claims from body sentences. */
export const claimsStage: Stage = {
  name: "claims",
  run(state: PipelineState) {
    const entityById = new Map(state.entities.map((e) => [e.id, e]));
    for (const article of state.articles) {
      const analysis = state.analyses.get(article.id)!;
      analysis.claims = extractClaims({ article, analysis, tokens: analysis.tokens, mentions: state.mentionsByArticle.get(article.id) ?? [], entityById });
    }
  },
};

function drafts(state: PipelineState): Map<string, ClaimDraft[]> {
  return new Map(state.articles.map((a) => [a.id, state.analyses.get(a.id)?.claims ?? []]));
}

/** Stage 5: events, and each claim's event. */
export const eventsStage: Stage = {
  name: "events",
  run(state: PipelineState) {
    const { events } = groupEvents(state.articles, drafts(state), state.entities);
    state.events = events;
    state.claims = state.articles.flatMap((a) => (state.analyses.get(a.id)?.claims ?? []).map((d) => d.claim));
  },
};

/** Stage 6: agreements, counting wire copies once. */
export const agreementsStage: Stage = {
  name: "agreements",
  run(state: PipelineState) {
    const all = [...drafts(state).values()].flat();
    // Claims are compared within stories: events joined by a shared participant (a minister's two trips
    // are one story), so that background told by reports of either event still meets.
    const storyOf = storiesOf(state.events);
    const storyOfArticle = new Map(state.events.flatMap((e) => e.articleIds.map((id) => [id, storyOf.get(e.id)!] as const)));
    const blocksOf = (d: ClaimDraft) => {
      const own = storyOfArticle.get(d.claim.articleId) ?? "";
      const about = d.claim.eventId ? storyOf.get(d.claim.eventId)! : own;
      return about !== own ? [own, about] : [own];
    };
    state.agreements = findAgreements(all, state.articles, copyGroups(state.articles.filter((a) => a.role === "source")), { blocksOf });
  },
};

/** Story of each event: events that share a participant, transitively, as the id of the story's first event. */
function storiesOf(events: readonly Event[]): Map<string, string> {
  const groups = new UnionFind(events.length);
  const firstWith = new Map<string, number>();
  events.forEach((e, i) => {
    for (const p of e.participantIds) {
      const first = firstWith.get(p);
      if (first === undefined) firstWith.set(p, i);
      else groups.union(first, i);
    }
  });
  return new Map(events.map((e, i) => [e.id, events[groups.find(i)]!.id]));
}

/** Stage 7: conflicts and explained non-conflicts. */
export const conflictsStage: Stage = {
  name: "conflicts",
  run(state: PipelineState) {
    const { conflicts, nonConflicts } = findConflicts(state.claims, state.articles, state.entities, state.events);
    state.conflicts = conflicts;
    state.nonConflicts = nonConflicts;
  },
};

/** The default stages, in the order they run. */
export const defaultStages: readonly Stage[] = [segmentStage, entitiesStage, timeStage, claimsStage, eventsStage, agreementsStage, conflictsStage, verifyStage];
