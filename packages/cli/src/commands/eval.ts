import { stat } from "node:fs/promises";
import { Command, CommanderError, InvalidArgumentError } from "commander";
import type { Registry } from "@corroborate/core";
import { renderJsonResult, renderText, type StoryError } from "../eval/render.js";
import { evaluateStory, findStories, isStory, type StoryRun } from "../eval/story.js";

/** Options of the `eval` command. */
export interface EvalCommandOptions {
  /** Each folder is a folder of stories (every sub-folder with a manifest.json), not one story. */
  all?: boolean;
  json?: boolean;
  /** Print wall time and throughput (default true; `--no-timing` makes the output byte-identical). */
  timing: boolean;
  details?: boolean;
  runs: number;
  /** Skip folders that do not exist instead of failing (for corpora that may be absent). */
  skipMissing?: boolean;
}

/** Exit codes of `eval`: 0 scored (whatever the figures), 2 usage or input error. */
export const EVAL_EXIT = { ok: 0, usage: 2 } as const;

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100) throw new InvalidArgumentError("expected a whole number from 1 to 100");
  return n;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * `corroborate eval <dirs...>`: runs the pipeline on each story folder (`manifest.json`, the articles,
 * `gold.json`), scores the report against the gold and prints the figures. Low figures never fail: the
 * exit code is 2 only when a folder, manifest, gold file or article cannot be read.
 */
export async function runEval(dirs: string[], options: EvalCommandOptions, registry: Registry): Promise<number> {
  const runs: StoryRun[] = [];
  const errors: StoryError[] = [];
  let inputError = false;
  for (const dir of dirs) {
    if (!(await exists(dir))) {
      if (options.skipMissing) {
        process.stderr.write(`corroborate eval: ${dir} does not exist: skipped\n`);
        continue;
      }
      errors.push({ dir, message: "no such folder" });
      continue;
    }
    let stories: string[];
    try {
      stories = options.all ? await findStories(dir) : (await isStory(dir)) ? [dir] : [];
    } catch (error) {
      errors.push({ dir, message: `cannot read the folder: ${(error as Error).message}` });
      continue;
    }
    if (stories.length === 0) {
      errors.push({ dir, message: options.all ? "no story folder (with a manifest.json) in it" : "not a story folder: no manifest.json (use --all for a folder of stories)" });
      continue;
    }
    for (const story of stories) {
      try {
        const run = await evaluateStory(story, registry, { runs: options.runs });
        if (run.failures.length > 0) inputError = true;
        runs.push(run);
      } catch (error) {
        errors.push({ dir: story, message: error instanceof Error ? error.message : String(error) });
      }
    }
  }
  const render = { timing: options.timing, details: options.details ?? false };
  process.stdout.write(options.json ? renderJsonResult(runs, errors, render) : renderText(runs, errors, render));
  for (const e of errors) process.stderr.write(`corroborate eval: ${e.dir}: ${e.message}\n`);
  for (const run of runs) for (const f of run.failures) process.stderr.write(`corroborate eval: ${run.story}: failed: ${f.input}: ${f.code}: ${f.message}\n`);
  return errors.length > 0 || inputError ? EVAL_EXIT.usage : EVAL_EXIT.ok;
}

const HELP = `
Sections (R counts what the gold lists; P counts what the report decided):
  entities: must merge      pairs of gold mentions put in one report entity (mentions matched by
                            exact span, then by overlap, then by the same text in the article)
  entities: must not merge  gold pairs of entities kept in different report entities
  events: grouping          pairs of articles reporting one gold event that share a report event
  events: facts             gold fact quotes whose claim states the normalised value
  conflicts                 gold conflicts whose quotes one report conflict sets against each other
  apparent conflicts        gold non-conflicts not reported as conflicts, and explained
  corroborations            gold corroborated claims grouped by one agreement (source counts checked)
  page noise                gold noise passages no claim or verdict is drawn from
  summary verdicts          sentences of the derived text with the gold verdict
  overall (macro)           mean over the sections the gold has items for

Exit codes: 0 scored (whatever the figures), 2 usage or input error.
Examples:
  corroborate eval examples/harbour-strike --details
  corroborate eval --all ../shared/corpus --runs 3
  corroborate eval --all ../shared/corpus --json --no-timing
`;

/** The `eval` command, for {@link buildProgram}. `exit` receives the exit code. */
export function evalCommand(exit: (code: number) => void, registry: Registry): Command {
  return new Command("eval")
    .description("Score the pipeline against gold answers: per section precision, recall and F1, wall time and KB/s.")
    .argument("<dirs...>", "story folders (manifest.json, articles, gold.json), or with --all folders of stories")
    .option("-a, --all", "treat each folder as a folder of stories: evaluate every sub-folder that holds a manifest.json")
    .option("--json", "print a machine-readable result")
    .option("--details", "list what each section missed")
    .option("--no-timing", "leave out wall time and throughput (byte-identical output)")
    .option("--runs <n>", "run the pipeline n times: cold and warm timing, determinism check", positiveInt, 1)
    .option("--skip-missing", "skip folders that do not exist instead of failing")
    .addHelpText("after", HELP)
    .action(async (dirs: string[], opts: EvalCommandOptions) => {
      if (dirs.length === 0) throw new CommanderError(EVAL_EXIT.usage, "corroborate.usage", "error: give a story folder, or --all <folder of stories>");
      exit(await runEval(dirs, opts, registry));
    });
}
