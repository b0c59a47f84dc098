import { Command, CommanderError, Option } from "commander";
import { VERSION, type Registry } from "@corroborate/core";
import { defaultRegistry } from "./adapters.js";
import { runReconcile } from "./commands/reconcile.js";
import { evalCommand } from "./commands/eval.js";
import { verifyCommand } from "./commands/verify.js";

/** Exit codes: 0 success, 1 some input failed (the rest reported), 2 usage error. */
export const EXIT = { ok: 0, inputFailed: 1, usage: 2 } as const;

const formatOption = () =>
  new Option("-f, --format <format>", "report format").choices(["json", "md"]).default("md");

/** Builds the `corroborate` command line program. `exit` receives the exit code of the command run. */
export function buildProgram(exit: (code: number) => void, registry: Registry = defaultRegistry()): Command {
  const program = new Command("corroborate")
    .description("Reconcile what news sources say: entities, events, claims, agreements, conflicts, verdicts.")
    .version(VERSION)
    .showHelpAfterError()
    .exitOverride();

  program
    .command("reconcile")
    .description("Reconcile articles (any format an adapter reads) and write the report.")
    .argument("[files...]", "article files or folders")
    .option("-m, --manifest <file>", "a manifest.json listing the articles and their metadata")
    .addOption(formatOption())
    .option("-o, --out <file>", "write the report to a file instead of standard output")
    .option("--stories", "one report per story, each written as soon as it is ready (json: JSON Lines, one story a line; md: one section a story)")
    .option(
      "--threads <n>",
      'with --stories: worker threads to reconcile and render stories on, or "auto": one per 2,000 articles, up to the cores, at most 4 (so none below 4,000 articles); the same output whatever the number',
      "auto",
    )
    .addHelpText(
      "after",
      "\nExamples:\n  corroborate reconcile a.txt b.html --format json\n  corroborate reconcile --manifest story/manifest.json --out report.md\n  corroborate reconcile --stories --format json today/ --out stories.jsonl\n  corroborate reconcile --stories --threads 2 --format json archive/ --out stories.jsonl",
    )
    .action(async (files: string[], opts: { manifest?: string; format: "json" | "md"; out?: string; stories?: boolean; threads: string }) => {
      if (files.length === 0 && !opts.manifest) {
        throw new CommanderError(EXIT.usage, "corroborate.usage", "error: give article files or --manifest <file>");
      }
      const threads = opts.threads === "auto" ? "auto" : /^[1-9]\d{0,2}$/.test(opts.threads) ? Number(opts.threads) : null;
      if (threads === null) throw new CommanderError(EXIT.usage, "corroborate.usage", `error: --threads takes a whole number from 1 to 999 or "auto", not "${opts.threads}"`);
      if (threads !== 1 && threads !== "auto" && !opts.stories) throw new CommanderError(EXIT.usage, "corroborate.usage", "error: --threads needs --stories (one batch report runs on one thread)");
      exit(await runReconcile(files, { ...opts, threads }, registry));
    });

  program.addCommand(evalCommand(exit, registry).copyInheritedSettings(program));
  program.addCommand(verifyCommand(exit, registry).copyInheritedSettings(program));

  return program;
}

/** Runs the CLI with the given arguments (without `node` and the script). Resolves to the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram((c) => (code = c));
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.code === "commander.help") return EXIT.ok;
      if (error.code === "corroborate.usage") process.stderr.write(`${error.message}\n`);
      return EXIT.usage;
    }
    process.stderr.write(`corroborate: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.inputFailed;
  }
  return code;
}
