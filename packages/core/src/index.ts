/**
 * @corroborate/core: the model (zod schemas), the adapter contract and registry, and the
 * reconciliation pipeline. Read the pipeline top to bottom in `pipeline/stages.ts`.
 */
export * from "./model/index.js";
export * from "./errors.js";
export * from "./ingest/input.js";
export * from "./ingest/decode.js";
export * from "./ingest/adapter.js";
export * from "./ingest/registry.js";
export * from "./ingest/manifest.js";
export * from "./ingest/structured.js";
export * from "./extract/segment.js";
export * from "./extract/language.js";
export { classifyParagraphs, lineRule, isHeadlineLike, isNameList, isStampLine, datelinePrefix, topicKeys, type ClassifyOptions, type ClassifiedParagraphs, type LineVerdict, type TopicKeys } from "./extract/noise.js";
export type { ArticleAnalysis, PipelineState, Sentence, Stage } from "./pipeline/state.js";
export {
  defaultStages,
  segmentStage,
  entitiesStage,
  timeStage,
  claimsStage,
  eventsStage,
  agreementsStage,
  conflictsStage,
} from "./pipeline/stages.js";
export { resolveEntities, type EntityResolution } from "./resolve/entities.js";
export { extractClaims, findAttribution, splitClauses, modalityOf, isNegated, timeKey, conceptsOf, type ClaimDraft, type ClaimContext } from "./extract/claims.js";
export { concept } from "./extract/lexicon.js";
export { groupEvents, type EventGrouping } from "./reconcile/events.js";
export { findAgreements, type AgreementOptions } from "./reconcile/agreements.js";
export { findConflicts, valuesAgree, type ConflictResult } from "./reconcile/conflicts.js";
export { copyGroups } from "./reconcile/copies.js";
export { idfWeights, weightedDice, keysOverlap, timesCompatible } from "./reconcile/similarity.js";
export { reconcile, type ReconcileOptions } from "./pipeline/reconcile.js";
export { verifyStage, createVerifyStage } from "./verify/stage.js";
export { verifyState, type VerifyOptions } from "./verify/verify.js";
export { copyProfile, lexicalDecider, type CopyProfile, type LexicalDeciderOptions, type VerdictDecider, type VerdictDecision, type VerdictQuestion, type VerdictPart } from "./verify/decide.js";
export { SourceIndex, type CopiedFragment, type Retrieved } from "./verify/retrieve.js";
export type { Passage, PassageMention } from "./verify/passage.js";
export { renderJson, renderJsonChunks, type JsonRenderOptions } from "./report/json.js";
export { batchChunks, CHUNK_BATCH_SIZE } from "./report/chunks.js";
export { renderMarkdown, renderMarkdownChunks, renderVerdicts } from "./report/markdown.js";
export { VERSION } from "./version.js";
export { StoryAssigner, reconcileStories, storyKeys, type Story, type StoryOptions, type StoryReport, type StoryRunOptions } from "./pipeline/stories.js";
