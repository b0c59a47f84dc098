import { REPORT_SCHEMA_VERSION, type InputFailure, type Report } from "../model/report.js";
import type { Article } from "../model/article.js";
import { defaultStages } from "./stages.js";
import type { PipelineState, Stage } from "./state.js";
import { VERSION } from "../version.js";

/** Options for {@link reconcile}. */
export interface ReconcileOptions {
  /** Inputs that failed to ingest, carried into the report so nothing is lost silently. */
  failures?: InputFailure[];
  /** Replace the stages (advanced; defaults to {@link defaultStages}). */
  stages?: readonly Stage[];
  /** Called after each stage with its name and its duration in milliseconds. */
  onStage?: (name: string, ms: number) => void;
}

/** Runs the pipeline's stages over a set of articles and returns the report. Deterministic. */
export async function reconcile(articles: readonly Article[], options: ReconcileOptions = {}): Promise<Report> {
  const state: PipelineState = {
    articles: [...articles],
    analyses: new Map(),
    entities: [],
    mentionsByArticle: new Map(),
    claims: [],
    events: [],
    agreements: [],
    conflicts: [],
    nonConflicts: [],
    verdicts: [],
    failures: [...(options.failures ?? [])],
    messages: [],
  };
  for (const stage of options.stages ?? defaultStages) {
    const t0 = performance.now();
    await stage.run(state);
    options.onStage?.(stage.name, performance.now() - t0);
  }
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    generator: { name: "@corroborate/core", version: VERSION },
    articles: state.articles,
    entities: state.entities,
    events: state.events,
    claims: state.claims,
    agreements: state.agreements,
    conflicts: state.conflicts,
    nonConflicts: state.nonConflicts,
    verdicts: state.verdicts,
    failures: state.failures,
    messages: state.messages,
  };
}
