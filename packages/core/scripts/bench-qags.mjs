#!/usr/bin/env node
/**
 * QAGS benchmark for the verifier: runs the whole pipeline on each (source article, summary) pair of
 * ../shared/benchmarks/summary-checks/qags.jsonl and prints, per origin (CNN/DailyMail, XSum), sentence-level
 * and summary-level balanced accuracy. QAGS does not tell contradicted from unsupported, so every verdict
 * other than `supported` counts as "not supported"; a summary is consistent when all its sentences are.
 *
 *   node packages/core/scripts/bench-qags.mjs [qags.jsonl] [--limit N] [--half 0|1] [--misses] [--decider '{"support":0.6}']
 *
 * `--half 0` and `--half 1` keep one of two fixed halves of the items (split by a hash of the item id, so
 * the same on every run): develop on one, confirm on the other.
 *
 * Build core first (`pnpm --filter @corroborate/core build`). CORROBORATE_CORE may point at another build
 * of core (for example its sources, run through tsx).
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const file = args.find((a, i) => !a.startsWith("--") && !["--limit", "--decider", "--half"].includes(args[i - 1])) ?? resolve(here, "../../../../shared/benchmarks/summary-checks/qags.jsonl");
const limit = Number(option("--limit") ?? Infinity);
const half = option("--half");
/** FNV-1a hash of a string: a fixed, seedless split of the items into two halves. */
const hash = (text) => {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
};
const core = await import(process.env.CORROBORATE_CORE ?? "../dist/index.js");

let lines;
try {
  lines = readFileSync(file, "utf8").split("\n").filter((l) => l.trim());
} catch (error) {
  console.error(`bench-qags: cannot read ${file}: ${error.message}`);
  process.exit(1);
}

const article = (id, role, text) =>
  core.ArticleSchema.parse({ id, role, text, publishedAt: null, language: "en", source: { input: `${id}.txt`, adapter: "bench" } });

/** Per origin: confusion counts at sentence and summary level (positive = supported / consistent). */
const stats = new Map();
const bucket = (origin) => {
  let b = stats.get(origin);
  if (!b) stats.set(origin, (b = { sentence: { tp: 0, fn: 0, tn: 0, fp: 0 }, summary: { tp: 0, fn: 0, tn: 0, fp: 0 }, unmatched: 0 }));
  return b;
};
const count = (c, gold, got) => {
  if (gold && got) c.tp++;
  else if (gold) c.fn++;
  else if (got) c.fp++;
  else c.tn++;
};

let sentences = 0;
let ms = 0;
let verifyMs = 0;
// --decider '{"support":0.6}' tries other thresholds of the default decider.
const deciderOptions = option("--decider") ? JSON.parse(option("--decider")) : null;
const verify = deciderOptions ? core.createVerifyStage({ decider: core.lexicalDecider(deciderOptions) }) : core.verifyStage;
const stages = [...core.defaultStages.filter((s) => s.name !== "verify"), verify];
for (const line of lines.slice(0, limit)) {
  const item = JSON.parse(line);
  if (half !== undefined && String(hash(`qags:${item.id}`) % 2) !== half) continue;
  const summary = item.summary;
  const t0 = performance.now();
  const report = await core.reconcile([article(`${item.id}-source`, "source", item.source), article(`${item.id}-summary`, "derived", summary)], {
    stages,
    onStage: (name, t) => {
      if (name === "verify") verifyMs += t;
    },
  });
  ms += performance.now() - t0;
  const b = bucket(item.origin);
  let allSupported = true;
  let from = 0;
  for (const s of item.sentenceLabels) {
    sentences++;
    let at = summary.indexOf(s.sentence, from);
    if (at < 0) at = summary.indexOf(s.sentence);
    const end = at < 0 ? -1 : at + s.sentence.length;
    if (at >= 0) from = end;
    const verdicts = at < 0 ? [] : report.verdicts.filter((v) => v.start < end && v.end > at);
    if (verdicts.length === 0) b.unmatched++;
    const got = verdicts.length > 0 && verdicts.every((v) => v.verdict === "supported");
    if (!got) allSupported = false;
    count(b.sentence, s.label === "supported", got);
    if (flag("--misses") && got !== (s.label === "supported")) {
      console.log(`${item.id} gold=${s.label} got=${verdicts.map((v) => v.verdict).join("+") || "none"}: ${s.sentence}`);
      for (const v of verdicts) console.log(`    ${v.reason}`);
    }
  }
  count(b.summary, item.label === "consistent", allSupported);
}

const ba = (c) => {
  const tpr = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  const tnr = c.tn + c.fp ? c.tn / (c.tn + c.fp) : 0;
  return ((tpr + tnr) / 2).toFixed(3);
};
console.log(`QAGS${half === undefined ? "" : ` half ${half}`} (balanced accuracy; not supported = contradicted, unsupported or partial)`);
for (const [origin, b] of [...stats].sort()) {
  const n = (c) => c.tp + c.fn + c.tn + c.fp;
  console.log(
    `${origin}: sentence BA ${ba(b.sentence)} (n=${n(b.sentence)}, TP ${b.sentence.tp} FN ${b.sentence.fn} TN ${b.sentence.tn} FP ${b.sentence.fp})` +
      ` · summary BA ${ba(b.summary)} (n=${n(b.summary)})${b.unmatched ? ` · ${b.unmatched} sentences without a verdict` : ""}`,
  );
}
console.log(
  `${sentences} sentences in ${(ms / 1000).toFixed(1)} s: ${Math.round(sentences / (ms / 1000))} sentences/s (whole pipeline, source and summary); ` +
    `verify stage alone ${(verifyMs / 1000).toFixed(1)} s, ${Math.round(sentences / (verifyMs / 1000))} sentences/s`,
);
