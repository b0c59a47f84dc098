import { createHash } from "node:crypto";
import { readdir, stat } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { ingest, inputSize, reconcile, renderJsonChunks, toFailure, type InputFailure, type Registry, type Report } from "@corroborate/core";
import { loadManifest } from "@corroborate/adapter-text/node";
import { readGold, type Gold } from "./gold.js";
import { scoreReport, type StoryScore } from "./score.js";

/** The outcome of evaluating one story folder. */
export interface StoryRun {
  /** The folder's name. */
  story: string;
  /** The folder, as given. */
  dir: string;
  articles: { total: number; sources: number; derived: number };
  /** Bytes of the inputs the pipeline read. */
  bytes: number;
  /** Wall time of each pipeline run (ingest + reconcile), in milliseconds, first (cold) run first. */
  timesMs: number[];
  /** With several runs: whether every run gave a byte-identical JSON report. */
  deterministic: boolean | null;
  /** Inputs that could not be read or parsed: the story is scored without them. */
  failures: InputFailure[];
  score: StoryScore;
  /** The report that was scored. */
  report: Report;
}

/** Options of {@link evaluateStory}. */
export interface EvaluateOptions {
  /** How many times to run the pipeline (timing and determinism); the last report is scored. Default 1. */
  runs?: number;
}

/** A folder is a story when it holds a `manifest.json` (and a `gold.json` beside it). */
export async function isStory(dir: string): Promise<boolean> {
  try {
    return (await stat(join(dir, "manifest.json"))).isFile();
  } catch {
    return false;
  }
}

/**
 * The story folders of a corpus folder: the folder itself when it is a story, else its sub-folders that
 * hold a `manifest.json`, sorted by name. Throws when the folder cannot be read.
 */
export async function findStories(dir: string): Promise<string[]> {
  if (await isStory(dir)) return [dir];
  const entries = await readdir(dir, { withFileTypes: true });
  const stories: string[] = [];
  for (const entry of entries.filter((e) => e.isDirectory() && !e.name.startsWith(".")).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (await isStory(join(dir, entry.name))) stories.push(join(dir, entry.name));
  }
  return stories;
}

/**
 * Evaluates one story folder: reads `manifest.json` and `gold.json`, runs the whole pipeline (ingest, then
 * reconcile) on the manifest's articles, and scores the report against the gold. A manifest or gold that
 * cannot be read or is invalid throws a Corroborate error naming the file; an article that cannot be
 * read is listed in `failures` and the rest is scored.
 */
export async function evaluateStory(dir: string, registry: Registry, options: EvaluateOptions = {}): Promise<StoryRun> {
  const runs = Math.max(1, Math.floor(options.runs ?? 1));
  const manifestPath = join(dir, "manifest.json");
  const loaded = await loadManifest(manifestPath);
  const gold: Gold = await readGold(join(dir, "gold.json"));
  const readFailures = loaded.missing.map((m) => toFailure(m.file, m.error));
  const bytes = loaded.items.reduce((n, item) => n + inputSize(item.input), 0);

  const timesMs: number[] = [];
  let report: Report | null = null;
  let first: string | null = null;
  let deterministic: boolean | null = runs > 1 ? true : null;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const { articles, failures } = await ingest(loaded.items, registry);
    report = await reconcile(articles, { failures: [...readFailures, ...failures] });
    timesMs.push(performance.now() - t0);
    if (runs > 1) {
      const digest = jsonDigest(report);
      if (first === null) first = digest;
      else if (digest !== first) deterministic = false;
    }
  }
  const final = report!;
  const derived = final.articles.filter((a) => a.role === "derived").length;
  return {
    story: basename(resolve(dir)),
    dir,
    articles: { total: final.articles.length, sources: final.articles.length - derived, derived },
    bytes,
    timesMs,
    deterministic,
    failures: final.failures,
    score: scoreReport(final, gold),
    report: final,
  };
}

/**
 * A digest of the report's JSON, for telling whether runs gave the same bytes: hashed as it is rendered,
 * since a large story's JSON need not fit in one string.
 */
function jsonDigest(report: Report): string {
  const hash = createHash("sha256");
  for (const chunk of renderJsonChunks(report)) hash.update(chunk);
  return hash.digest("hex");
}
