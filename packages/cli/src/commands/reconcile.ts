import { batchChunks, ingest, reconcile, type Article, type InputFailure, type Registry } from "@corroborate/core";
import { defaultThreads, renderStoriesInThreads } from "@corroborate/core/node";
import { gatherInputs } from "../inputs.js";
import { printFailures, writeChunks, writeReport, type OutputFormat } from "../output.js";
import { storyJsonLine, storyMarkdownSection } from "../stories.js";

/** Options of the `reconcile` command. */
export interface ReconcileCommandOptions {
  manifest?: string;
  format: OutputFormat;
  out?: string;
  /** One report per story (JSON Lines or Markdown sections), each written as soon as it is ready. */
  stories?: boolean;
  /**
   * With `stories`: worker threads to reconcile and render the stories on (`renderStoriesInThreads`), or
   * `"auto"` (the default) for core's `defaultThreads`. The output is the same whatever the number.
   */
  threads?: number | "auto";
}

/** `corroborate reconcile <files...>`: ingest, reconcile, write the report. Returns the exit code. */
export async function runReconcile(files: string[], options: ReconcileCommandOptions, registry: Registry): Promise<number> {
  const gathered = await gatherInputs(files, options.manifest);
  const { articles, failures } = await ingest(gathered.items, registry);
  const allFailures = [...gathered.failures, ...failures];
  if (options.stories) return writeStories(articles, allFailures, options);
  const report = await reconcile(articles, { failures: allFailures });
  await writeReport(report, options.format, options.out);
  printFailures(report);
  return report.failures.length > 0 ? 1 : 0;
}

/**
 * `reconcile --stories`: the articles reconciled story by story (`renderStoriesInThreads`: on worker
 * threads, which also render, or on this thread as `reconcileStories` runs them), each story's report
 * rendered and written before the next story is reconciled, then dropped, so memory holds the articles
 * and one story's analyses rather than the whole batch's. The failed inputs travel in the first story's
 * report and are printed, as without `--stories`, once everything is written.
 */
async function writeStories(articles: Article[], failures: InputFailure[], options: ReconcileCommandOptions): Promise<number> {
  const reported: InputFailure[] = [];
  const requested = options.threads ?? "auto";
  const threads = requested === "auto" ? defaultThreads(articles.length) : requested;
  async function* pieces(): AsyncGenerator<string, void, undefined> {
    let index = 0;
    // On worker threads each worker renders its story too; on one thread the text is rendered as written.
    const format = options.format === "json" ? "json-compact" : "markdown";
    // Only the reports are written: the articles are let go story by story.
    for await (const { story, chunks, failures: listed } of renderStoriesInThreads(articles, { failures, threads, format, releaseArticles: true })) {
      reported.push(...listed);
      // Batched per story, not across stories: a story's last piece must not wait for the next story.
      yield* batchChunks(options.format === "json" ? storyJsonLine(story, chunks) : storyMarkdownSection(story, index, chunks));
      index++;
    }
  }
  await writeChunks(pieces(), options.out);
  printFailures({ failures: reported });
  return reported.length > 0 ? 1 : 0;
}
