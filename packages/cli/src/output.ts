import { writeFile } from "node:fs/promises";
import { renderJson, renderMarkdown, type Report } from "@corroborate/core";

/** Report formats the CLI writes. */
export type OutputFormat = "json" | "md";

/** Renders the report and writes it to a file, or to standard output. */
export async function writeReport(report: Report, format: OutputFormat, out?: string): Promise<void> {
  const text = format === "json" ? renderJson(report) : renderMarkdown(report);
  if (out) await writeFile(out, text);
  else process.stdout.write(text);
}

/** Prints failed inputs to standard error, one a line. */
export function printFailures(report: Report): void {
  for (const f of report.failures) process.stderr.write(`corroborate: failed: ${f.input}: ${f.code}: ${f.message}\n`);
}
