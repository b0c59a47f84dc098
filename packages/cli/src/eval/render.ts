import { VERSION } from "@corroborate/core";
import { addCounts, prfOf, round4, type Prf } from "./metrics.js";
import { macroAverage, type Figure, type SectionScore } from "./score.js";
import type { StoryRun } from "./story.js";

/** A story folder that could not be evaluated, and why. */
export interface StoryError {
  dir: string;
  message: string;
}

/** Every story's sections summed (counts added section by section), with their macro average. */
export interface Totals {
  stories: number;
  sections: SectionScore[];
  overall: Prf;
}

/** How to render: with timing (wall time and throughput) or without (byte-identical across runs). */
export interface RenderOptions {
  timing: boolean;
  /** List what each section missed. */
  details: boolean;
}

/** Sums the stories' sections: counts are added, rates recomputed; misses are not carried over. */
export function totals(runs: readonly StoryRun[]): Totals {
  const sections: SectionScore[] = [];
  for (const run of runs) {
    run.score.sections.forEach((s, i) => {
      const acc = sections[i];
      if (!acc) {
        sections.push({ ...s, figures: s.figures.map((f) => ({ ...f })), misses: [] });
        return;
      }
      acc.precisionCount = addCounts(acc.precisionCount, s.precisionCount);
      acc.recallCount = addCounts(acc.recallCount, s.recallCount);
      acc.figures = acc.figures.map((f, j) => ({ ...f, ...addCounts(f, s.figures[j] ?? { hit: 0, total: 0 }) }));
      Object.assign(acc, prfOf(acc.precisionCount, acc.recallCount));
    });
  }
  return {
    stories: runs.length,
    sections,
    overall: macroAverage(
      sections,
      sections.map((s) => s.recallCount.total > 0),
    ),
  };
}

/** Median of a non-empty list. */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Timing of a run: the cold (first) run, and the median of the warm runs when there are several. */
export function timingOf(run: StoryRun): { coldMs: number; warmMs: number | null; kbPerSecond: number } {
  const coldMs = run.timesMs[0] ?? 0;
  const warmMs = run.timesMs.length > 1 ? median(run.timesMs.slice(1)) : null;
  const ms = warmMs ?? coldMs;
  return { coldMs, warmMs, kbPerSecond: ms > 0 ? run.bytes / 1000 / (ms / 1000) : 0 };
}

const fmt = (v: number | null) => (v === null ? "—" : v.toFixed(3));
const fmtFigure = (f: Figure) => `${f.hit}/${f.total} ${f.label}`;

function table(sections: readonly SectionScore[], overall: Prf): string[] {
  const rows = sections.map((s) => [s.title, s.figures.map(fmtFigure).join(", "), fmt(s.precision), fmt(s.recall), fmt(s.f1)]);
  rows.push(["overall (macro)", "", fmt(overall.precision), fmt(overall.recall), fmt(overall.f1)]);
  const head = ["section", "figures", "P", "R", "F1"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i >= 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [line(head), rule, ...rows.slice(0, -1).map(line), rule, line(rows[rows.length - 1]!)];
}

/** The readable result of one story: a header, what the report holds, and the table of figures. */
export function renderStory(run: StoryRun, options: RenderOptions): string {
  const out: string[] = [];
  const { articles } = run;
  out.push(`== ${run.story}  (${run.dir})`);
  let head = `${articles.total} articles (${articles.sources} sources, ${articles.derived} derived), ${(run.bytes / 1000).toFixed(1)} KB`;
  if (options.timing) {
    const t = timingOf(run);
    const warm = t.warmMs === null ? "" : `, ${t.warmMs.toFixed(0)} ms warm (median of ${run.timesMs.length - 1})`;
    head += `; pipeline ${t.coldMs.toFixed(0)} ms cold${warm}; ${t.kbPerSecond.toFixed(1)} KB/s`;
  }
  out.push(head);
  if (run.deterministic !== null) out.push(`deterministic over ${run.timesMs.length} runs: ${run.deterministic ? "yes" : "NO"}`);
  const r = run.score.report;
  out.push(
    `report: ${r.entities} entities, ${r.events} events, ${r.claims} claims, ${r.agreements} agreements, ${r.conflicts} conflicts, ${r.nonConflicts} non-conflicts, ${r.verdicts} verdicts`,
  );
  out.push("", ...table(run.score.sections, run.score.overall));
  for (const f of run.failures) out.push(`failed input: ${f.input}: ${f.code}: ${f.message}`);
  for (const p of run.score.problems) out.push(`gold problem: ${p}`);
  if (options.details) {
    for (const s of run.score.sections) {
      if (s.misses.length === 0) continue;
      out.push("", `${s.title}:`, ...s.misses.map((m) => `  - ${m}`));
    }
  }
  return `${out.join("\n")}\n`;
}

/** The readable result of several stories: each story, then the summed table. */
export function renderText(runs: readonly StoryRun[], errors: readonly StoryError[], options: RenderOptions): string {
  const parts = runs.map((run) => renderStory(run, options));
  if (runs.length > 1) {
    const t = totals(runs);
    const lines = [`== all ${t.stories} stories (counts summed per section)`];
    if (options.timing) {
      const bytes = runs.reduce((n, r) => n + r.bytes, 0);
      const ms = runs.reduce((n, r) => n + (timingOf(r).warmMs ?? timingOf(r).coldMs), 0);
      lines.push(`${(bytes / 1000).toFixed(1)} KB in ${ms.toFixed(0)} ms; ${(ms > 0 ? bytes / ms : 0).toFixed(1)} KB/s`);
    }
    parts.push(`${[...lines, "", ...table(t.sections, t.overall)].join("\n")}\n`);
  }
  for (const e of errors) parts.push(`error: ${e.dir}: ${e.message}\n`);
  return parts.join("\n");
}

function sectionJson(s: SectionScore, details: boolean) {
  return {
    id: s.id,
    title: s.title,
    precision: round4(s.precision),
    recall: round4(s.recall),
    f1: round4(s.f1),
    precisionCount: s.precisionCount,
    recallCount: s.recallCount,
    figures: s.figures.map((f) => ({ label: f.label, hit: f.hit, total: f.total, ...(f.lowerIsBetter ? { lowerIsBetter: true } : {}) })),
    ...(details ? { misses: s.misses } : {}),
  };
}

const prfJson = (p: Prf) => ({ precision: round4(p.precision), recall: round4(p.recall), f1: round4(p.f1) });

/** The machine-readable result (stable key order; timing only when asked for; misses always included). */
export function renderJsonResult(runs: readonly StoryRun[], errors: readonly StoryError[], options: RenderOptions): string {
  const t = totals(runs);
  const result = {
    tool: "corroborate eval",
    version: VERSION,
    stories: runs.map((run) => ({
      story: run.story,
      dir: run.dir,
      articles: run.articles,
      bytes: run.bytes,
      ...(options.timing
        ? {
            timing: (() => {
              const x = timingOf(run);
              return { runs: run.timesMs.length, coldMs: round4(x.coldMs), warmMs: round4(x.warmMs), kbPerSecond: round4(x.kbPerSecond) };
            })(),
          }
        : {}),
      deterministic: run.deterministic,
      report: run.score.report,
      sections: run.score.sections.map((s) => sectionJson(s, true)),
      overall: prfJson(run.score.overall),
      problems: run.score.problems,
      failures: run.failures,
    })),
    total: { stories: t.stories, sections: t.sections.map((s) => sectionJson(s, false)), overall: prfJson(t.overall) },
    errors,
  };
  return `${JSON.stringify(result, null, 2)}\n`;
}
