/**
 * The messages between {@link reconcileStoriesInThreads} and its story workers. Everything in them is
 * plain data (structured-cloned between threads): articles in, a report and its stage timings out.
 */
import type { Article } from "../model/article.js";
import type { InputFailure, Report } from "../model/report.js";

/** Main thread → worker: reconcile one story. */
export interface StoryTask {
  /** The story's index in the batch: results come back tagged with it. */
  index: number;
  articles: Article[];
  failures: InputFailure[];
}

/** Worker → main thread: a story's report, or the error that stopped it. */
export type StoryResult =
  | { index: number; ok: true; report: Report; stages: [name: string, ms: number][] }
  | { index: number; ok: false; error: { name: string; message: string; stack?: string } };
