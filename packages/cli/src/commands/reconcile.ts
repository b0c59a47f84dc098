import { ingest, reconcile, type Registry } from "@corroborate/core";
import { gatherInputs } from "../inputs.js";
import { printFailures, writeReport, type OutputFormat } from "../output.js";

/** Options of the `reconcile` command. */
export interface ReconcileCommandOptions {
  manifest?: string;
  format: OutputFormat;
  out?: string;
}

/** `corroborate reconcile <files...>`: ingest, reconcile, write the report. Returns the exit code. */
export async function runReconcile(files: string[], options: ReconcileCommandOptions, registry: Registry): Promise<number> {
  const gathered = await gatherInputs(files, options.manifest);
  const { articles, failures } = await ingest(gathered.items, registry);
  const report = await reconcile(articles, { failures: [...gathered.failures, ...failures] });
  await writeReport(report, options.format, options.out);
  printFailures(report);
  return report.failures.length > 0 ? 1 : 0;
}
