import { createWriteStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import { batchChunks, renderJsonChunks, renderMarkdownChunks, type Report } from "@corroborate/core";

/** Report formats the CLI writes. */
export type OutputFormat = "json" | "md";

/**
 * Renders the report and writes it to a file, or to standard output. Written as it is rendered (see
 * {@link writeChunks}): the JSON of ten thousand articles is larger than one JavaScript string can be.
 */
export async function writeReport(report: Report, format: OutputFormat, out?: string): Promise<void> {
  await writeChunks(format === "json" ? renderJsonChunks(report) : renderMarkdownChunks(report), out);
}

/**
 * Writes text to a file (created or truncated) or to standard output, waiting whenever the stream's
 * buffer is full, so the rendered text never piles up in memory. Chunks of an `Iterable` are grouped
 * into 64 KiB batches ({@link batchChunks}); the pieces of an `AsyncIterable` are written as they come,
 * each as soon as it is ready (the caller batches them: `--stories` gives one story's text at a time), and
 * the source is not asked for the next piece before the stream can take it.
 *
 * Rejects with the stream's error (a file that cannot be opened) or the renderer's (an invalid report);
 * what was written before the error stays written. Standard output is left open for what the command
 * prints next; a reader of standard output that goes away (`| head`) ends the writing quietly, and an
 * async source is closed, so no further work is done for output nobody reads.
 */
export async function writeChunks(chunks: Iterable<string> | AsyncIterable<string>, out?: string): Promise<void> {
  const source = Symbol.asyncIterator in chunks ? chunks : batchChunks(chunks);
  if (out) {
    await pipeline(source, createWriteStream(out));
    return;
  }
  try {
    await pipeline(source, process.stdout, { end: false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPIPE") throw error;
  }
}

/** Prints failed inputs to standard error, one a line. */
export function printFailures(report: Pick<Report, "failures">): void {
  for (const f of report.failures) process.stderr.write(`corroborate: failed: ${f.input}: ${f.code}: ${f.message}\n`);
}
