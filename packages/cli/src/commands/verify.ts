import { Command, CommanderError, Option } from "commander";
import { ingest, reconcile, renderJsonChunks, renderVerdicts, type Registry, type Report } from "@corroborate/core";
import { gatherInputs } from "../inputs.js";
import { printFailures, writeChunks, type OutputFormat } from "../output.js";

/** Options of the `verify` command. */
export interface VerifyCommandOptions {
  sources?: string[];
  derived?: string[];
  manifest?: string;
  format: OutputFormat;
  out?: string;
}

/** Exit codes of `verify`: 0 done, 1 some input failed (the rest reported), 2 usage error. */
export const VERIFY_EXIT = { ok: 0, inputFailed: 1, usage: 2 } as const;

/**
 * The part of a report `verify` writes: the articles (evidence offsets point into their text), the verdicts
 * and the failed inputs; the other sections are left empty, so the JSON still follows the report schema.
 */
export function verdictsOnly(report: Report): Report {
  return { ...report, entities: [], events: [], claims: [], agreements: [], conflicts: [], nonConflicts: [] };
}

/**
 * `corroborate verify --sources <files...> --derived <file>`: checks each sentence of the derived texts
 * (summaries, rewrites) against the sources and writes their verdicts with the evidence. Articles of a
 * `--manifest` keep the roles it gives (`role: derived`). Returns the exit code and the full report.
 */
export async function runVerify(options: VerifyCommandOptions, registry: Registry): Promise<{ code: number; report: Report }> {
  const sources = await gatherInputs(options.sources ?? [], options.manifest);
  const derived = await gatherInputs(options.derived ?? []);
  for (const item of derived.items) item.options = { ...item.options, metadata: { ...item.options?.metadata, role: "derived" } };
  const { articles, failures } = await ingest([...sources.items, ...derived.items], registry);
  const report = await reconcile(articles, { failures: [...sources.failures, ...derived.failures, ...failures] });
  const out = verdictsOnly(report);
  const chunks = options.format === "json" ? renderJsonChunks(out) : [`# Corroborate verification\n\n${renderVerdicts(out) || "No derived text to verify.\n"}`];
  await writeChunks(chunks, options.out);
  printFailures(report);
  if (!articles.some((a) => a.role === "derived")) process.stderr.write("corroborate: no derived text to verify (give --derived <file>, or role: derived in the manifest)\n");
  return { code: report.failures.length > 0 ? VERIFY_EXIT.inputFailed : VERIFY_EXIT.ok, report };
}

/** The `verify` command, for {@link buildProgram}. */
export function verifyCommand(exit: (code: number) => void, registry: Registry): Command {
  return new Command("verify")
    .description("Check each sentence of a derived text (a summary) against the sources: supported, contradicted, unsupported or partial, with evidence.")
    .option("-s, --sources <files...>", "source article files or folders")
    .option("-d, --derived <files...>", "the derived text(s) to check")
    .option("-m, --manifest <file>", "a manifest.json listing the articles (role: derived marks the texts to check)")
    .addOption(new Option("-f, --format <format>", "report format").choices(["json", "md"]).default("md"))
    .option("-o, --out <file>", "write the report to a file instead of standard output")
    .addHelpText("after", "\nExamples:\n  corroborate verify --sources a.txt b.html --derived summary.txt\n  corroborate verify --manifest story/manifest.json --format json")
    .action(async (opts: VerifyCommandOptions) => {
      if (!opts.manifest && (!opts.sources?.length || !opts.derived?.length)) {
        throw new CommanderError(VERIFY_EXIT.usage, "corroborate.usage", "error: give --sources <files...> and --derived <file>, or --manifest <file>");
      }
      exit((await runVerify(opts, registry)).code);
    });
}
