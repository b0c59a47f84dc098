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
 * Writes text chunks, in 64 KiB batches, to a file (created or truncated) or to standard output, waiting
 * whenever the stream's buffer is full, so the rendered text never piles up in memory. Rejects with the
 * stream's error (a file that cannot be opened) or the renderer's (an invalid report); what was written
 * before the error stays written. Standard output is left open for what the command prints next.
 */
export async function writeChunks(chunks: Iterable<string>, out?: string): Promise<void> {
  if (out) await pipeline(batchChunks(chunks), createWriteStream(out));
  else await pipeline(batchChunks(chunks), process.stdout, { end: false });
}

/** Prints failed inputs to standard error, one a line. */
export function printFailures(report: Report): void {
  for (const f of report.failures) process.stderr.write(`corroborate: failed: ${f.input}: ${f.code}: ${f.message}\n`);
}
