/**
 * The pipeline run story by story on worker threads: the same reports as {@link reconcileStories}, in the
 * same order, byte for byte, with the stories spread over the machine's cores. Node only (this module is
 * the `@corroborate/core/node` entry, so the browser build never sees `node:worker_threads`).
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { OptionsError } from "../errors.js";
import type { Article } from "../model/article.js";
import type { InputFailure } from "../model/report.js";
import type { ReconcileOptions } from "../pipeline/reconcile.js";
import { articlesById, assignStories, reconcileStories, takeArticles, type Story, type StoryOptions, type StoryReport, type StoryRunOptions } from "../pipeline/stories.js";
import type { StoryFormat, StoryOutput, StoryResult, StoryTask } from "./protocol.js";
import { storyChunks } from "./story.js";

/** Options of {@link reconcileStoriesInThreads}. */
export interface ThreadOptions extends Omit<ReconcileOptions, "stages">, StoryOptions, StoryRunOptions {
  /**
   * Worker threads to run stories on (default: {@link defaultThreads} for the batch). With 1, or with
   * fewer than two stories, no worker is started: the stories run on the calling thread.
   */
  threads?: number;
  /** The worker script (advanced: tests and bundlers that move files); default: the one beside this module. */
  workerUrl?: URL;
}

const STORY_FORMATS: readonly StoryFormat[] = ["json", "json-compact", "markdown"];

/** Stories handed out ahead of the one the caller waits for, per thread: bounds the reports held. */
const AHEAD_PER_THREAD = 2;
/**
 * Articles per thread: below this, a thread costs more than it saves (it loads the model and warms up its
 * own code). Measured with the CLI on 2 cores: 2,000 articles took 17.3 s on 2 threads and 16.8 s on one,
 * 5,000 took 31.6 s and 41.0 s.
 */
export const MIN_ARTICLES_PER_THREAD = 2000;

/**
 * The default number of threads for a batch of `articles` articles: one per {@link MIN_ARTICLES_PER_THREAD}
 * articles, at most the machine's available parallelism and at most 4.
 */
export function defaultThreads(articles: number): number {
  const cores = Math.max(1, Math.min(4, availableParallelism()));
  return Math.max(1, Math.min(cores, Math.floor(articles / MIN_ARTICLES_PER_THREAD)));
}

/**
 * Assigns the articles to stories and reconciles each story on a pool of `threads` worker threads,
 * yielding the reports in story order as soon as each is ready: the same output as
 * {@link reconcileStories}, byte for byte. Failures passed in the options go with the first story's report.
 * Stage timings (`onStage`) are reported as each story is yielded, summed over threads. Breaking out of
 * the loop stops the workers.
 *
 * The calling thread only hands out stories and receives reports (it keeps the articles and the reports
 * not yet yielded; each worker keeps the tagging model and its own story's analyses). When the reports are
 * only to be written out, {@link renderStoriesInThreads} renders them on the workers too.
 *
 * Custom stages cannot cross threads (they are functions): pass them to `reconcileStories` instead.
 */
export async function* reconcileStoriesInThreads(articles: readonly Article[], options: ThreadOptions = {}): AsyncGenerator<StoryReport> {
  for await (const { story, output } of storiesInThreads(articles, options, null)) {
    if (!("report" in output)) throw new Error(`story ${story.id}: the worker sent rendered text where a report was asked for`);
    yield { story, report: output.report };
  }
}

/** One story's report as text, from {@link renderStoriesInThreads}. */
export interface RenderedStory {
  story: Story;
  /**
   * The report rendered, in pieces of about 64 Ki characters: joined, exactly the chosen renderer's text.
   * From a worker, an array; on the calling thread (one thread, or fewer than two stories), rendered as it
   * is read, so iterate it once.
   */
  chunks: Iterable<string>;
  /** The failed inputs the report lists (only the first story's has any). */
  failures: InputFailure[];
}

/**
 * {@link reconcileStoriesInThreads} for reports that are only written out: each worker also renders its
 * story's report (`format`: `json`, `json-compact` or `markdown`, as `renderJsonChunks` and
 * `renderMarkdownChunks` write them) and sends the text instead of the report, so rendering runs in
 * parallel and the calling thread holds text, not report objects. The stage timings include `report`
 * (the rendering). With one thread, or fewer than two stories, the calling thread does the same work.
 */
export async function* renderStoriesInThreads(articles: readonly Article[], options: ThreadOptions & { format: StoryFormat }): AsyncGenerator<RenderedStory> {
  if (!STORY_FORMATS.includes(options.format)) {
    throw new OptionsError("format", `expected one of ${STORY_FORMATS.join(", ")}, got ${String(options.format)}`);
  }
  for await (const { story, output } of storiesInThreads(articles, options, options.format)) {
    if (!("chunks" in output)) throw new Error(`story ${story.id}: the worker sent a report where rendered text was asked for`);
    yield { story, chunks: output.chunks, failures: output.failures };
  }
}

/** The stories of a batch and their outputs (reports, or rendered text when `format` is given), in order. */
async function* storiesInThreads(
  articles: readonly Article[],
  options: ThreadOptions,
  format: StoryFormat | null,
): AsyncGenerator<{ story: Story; output: StoryOutput | { chunks: Iterable<string>; failures: InputFailure[] } }> {
  if ((options as ReconcileOptions).stages) {
    throw new OptionsError("threads", "custom stages cannot be sent to worker threads: use reconcileStories for them");
  }
  const threads = options.threads ?? defaultThreads(articles.length);
  if (!Number.isInteger(threads) || threads < 1) throw new OptionsError("threads", `expected a whole number of threads ≥ 1, got ${String(threads)}`);
  // The workers start (loading the pipeline and its model) while the stories are assigned here.
  const pool = threads > 1 ? new StoryPool(threads, options.workerUrl ?? new URL("./story-worker.js", import.meta.url)) : null;
  let stories: Story[];
  try {
    stories = pool ? assignStories(articles, options) : [];
  } catch (error) {
    await pool?.close();
    throw error;
  }
  if (!pool || stories.length < 2) {
    await pool?.close();
    // No worker: the stories run here, as reconcileStories runs them.
    // Rendered lazily, as the text is read: one large story is never held whole as text on this thread.
    for await (const { story, report } of reconcileStories(articles, options)) {
      if (!format) yield { story, output: { report } };
      else yield { story, output: { chunks: timed(storyChunks(report, format), (ms) => options.onStage?.("report", ms)), failures: report.failures } };
    }
    return;
  }
  const byId = articlesById(articles, options);
  const task = (index: number): StoryTask => ({
    index,
    articles: takeArticles(byId, stories[index]!, options),
    failures: index === 0 ? (options.failures ?? []) : [],
    format,
  });
  try {
    pool.start(task, stories.length);
    for (let index = 0; index < stories.length; index++) {
      const result = await pool.take(index);
      if (!result.ok) {
        const error = new Error(`story ${stories[index]!.id}: ${result.error.message}`);
        error.name = result.error.name;
        if (result.error.stack) error.stack = result.error.stack;
        throw error;
      }
      for (const [name, ms] of result.stages) options.onStage?.(name, ms);
      yield { story: stories[index]!, output: result.output };
    }
  } finally {
    await pool.close();
  }
}

/**
 * A fixed set of workers fed stories in order, one at a time each. At most {@link AHEAD_PER_THREAD} stories
 * per thread are handed out ahead of the one the caller waits for, so a slow story holds back memory, not
 * correctness.
 */
class StoryPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly results = new Map<number, StoryResult>();
  private next = 0;
  private wanted = 0;
  private failure: Error | null = null;
  private wake: (() => void) | null = null;
  private closing = false;
  private task: (index: number) => StoryTask = () => {
    throw new Error("story pool: not started");
  };
  private count = 0;

  /** Starts `size` workers; they get stories once {@link start} is called. */
  constructor(size: number, url: URL) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(url);
      worker.on("message", (result: StoryResult) => {
        this.results.set(result.index, result);
        this.feed(worker);
        this.notify();
      });
      worker.on("error", (error) => this.fail(new Error(`story worker failed: ${error.message}`, { cause: error })));
      worker.on("exit", (code) => {
        if (!this.closing) this.fail(new Error(`story worker exited with code ${code} before the stories were done`));
      });
      this.workers.push(worker);
    }
  }

  /** Hands out the `count` stories that `task` makes, in order. */
  start(task: (index: number) => StoryTask, count: number): void {
    this.task = task;
    this.count = count;
    for (const worker of this.workers) this.feed(worker);
  }

  /** Waits for story `index` (asked for in order) and keeps the workers busy meanwhile. */
  async take(index: number): Promise<StoryResult> {
    this.wanted = index;
    for (const worker of this.idle.splice(0)) this.feed(worker);
    for (;;) {
      if (this.failure) throw this.failure;
      const result = this.results.get(index);
      if (result) {
        this.results.delete(index);
        this.wanted = index + 1;
        for (const worker of this.idle.splice(0)) this.feed(worker);
        return result;
      }
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  /** Sends the worker the next story, or lets it idle (unreferenced, so it never keeps the process alive). */
  private feed(worker: Worker): void {
    if (this.next < this.count && this.next < this.wanted + AHEAD_PER_THREAD * this.workers.length) {
      worker.ref();
      worker.postMessage(this.task(this.next++));
    } else {
      worker.unref();
      this.idle.push(worker);
    }
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.notify();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}

/** The chunks as they come, calling `done` with the time spent producing them once they are all read. */
function* timed(chunks: Iterator<string>, done: (ms: number) => void): Generator<string, void, undefined> {
  let ms = 0;
  for (;;) {
    const t0 = performance.now();
    const next = chunks.next();
    ms += performance.now() - t0;
    if (next.done) break;
    yield next.value;
  }
  done(ms);
}
