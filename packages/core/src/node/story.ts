/** One story's work, the same on a worker and on the calling thread: reconcile, then render if asked. */
import { reconcile } from "../pipeline/reconcile.js";
import { batchChunks } from "../report/chunks.js";
import { renderJsonChunks } from "../report/json.js";
import { renderMarkdownChunks } from "../report/markdown.js";
import type { Report } from "../model/report.js";
import type { StoryFormat, StoryOutput, StoryResult, StoryTask } from "./protocol.js";

/** Reconciles a story's articles and, when the task names a format, renders the report in 64 Ki pieces. */
export async function runStory(task: StoryTask): Promise<StoryResult & { ok: true }> {
  const stages: [string, number][] = [];
  const report = await reconcile(task.articles, { failures: task.failures, onStage: (name, ms) => stages.push([name, ms]) });
  if (!task.format) return { index: task.index, ok: true, output: { report }, stages };
  const t0 = performance.now();
  const output = renderStory(report, task.format);
  stages.push(["report", performance.now() - t0]);
  return { index: task.index, ok: true, output, stages };
}

/** A story's report rendered in `format`, in pieces of 64 Ki characters, with the failures it lists. */
export function renderStory(report: Report, format: StoryFormat): StoryOutput {
  return { chunks: [...storyChunks(report, format)], failures: report.failures };
}

/**
 * A story's report rendered in `format`, lazily, in pieces of 64 Ki characters. The report is one that
 * `reconcile` has just built, so its JSON is written without validating it again (the same bytes).
 */
export function storyChunks(report: Report, format: StoryFormat): Generator<string, void, undefined> {
  const chunks = format === "markdown" ? renderMarkdownChunks(report) : renderJsonChunks(report, { compact: format === "json-compact", validate: false });
  return batchChunks(chunks);
}
