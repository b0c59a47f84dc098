/**
 * The messages between the calling thread and its story workers ({@link reconcileStoriesInThreads},
 * {@link renderStoriesInThreads}). Everything in them is plain data (structured-cloned between threads):
 * articles in; a report, or its rendered text, and the stage timings out.
 */
import type { Article } from "../model/article.js";
import type { InputFailure, Report } from "../model/report.js";

/**
 * How a worker renders a story's report before sending it: `json` as `renderJsonChunks` (pretty),
 * `json-compact` as `renderJsonChunks(report, { compact: true })`, `markdown` as `renderMarkdownChunks`.
 */
export type StoryFormat = "json" | "json-compact" | "markdown";

/** Calling thread → worker: reconcile one story (and render it, when `format` is given). */
export interface StoryTask {
  /** The story's index in the batch: results come back tagged with it. */
  index: number;
  articles: Article[];
  failures: InputFailure[];
  format: StoryFormat | null;
}

/** A story done: its report, or (when the task named a format) its rendered text and the failures it lists. */
export type StoryOutput = { report: Report } | { chunks: string[]; failures: InputFailure[] };

/** Worker → calling thread: a story's output, or the error that stopped it. */
export type StoryResult =
  | { index: number; ok: true; output: StoryOutput; stages: [name: string, ms: number][] }
  | { index: number; ok: false; error: { name: string; message: string; stack?: string } };
