/* global process, console, performance */
// Article-extraction benchmark: F1 / precision / recall with the benchmark's 4-word shingle metric and
// pages per second (wall clock, and per CPU second), for this adapter and for the usual Node reference (Mozilla Readability over jsdom),
// side by side in the same run on the same pages.
//
//   pnpm --filter @corroborate/adapter-html build && pnpm --filter @corroborate/adapter-html bench [DIR] [--rounds N] [--pages]
//
// DIR defaults to ../shared/benchmarks/article-extraction beside the repository (html/<key>.html.gz and
// ground-truth.json mapping each key to {url, articleBody}). Needs the package's devDependencies (jsdom).
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { Readability } from "@mozilla/readability";
import { JSDOM, VirtualConsole } from "jsdom";
import { ARTICLE_TEXT_KINDS, decodeHtml, parseHtmlPage } from "../dist/index.js";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const dir = resolve(args.find((a, i) => !a.startsWith("--") && !args[i - 1]?.startsWith("--rounds")) ?? join(here, "../../../../shared/benchmarks/article-extraction"));
const rounds = Math.max(1, Number(flag("--rounds", "3")));
const perPage = args.includes("--pages");

const truth = JSON.parse(readFileSync(join(dir, "ground-truth.json"), "utf8"));
const pages = Object.keys(truth)
  .sort()
  .map((key) => {
    const gz = new Uint8Array(readFileSync(join(dir, "html", `${key}.html.gz`)));
    return { key, gz, url: truth[key].url, truth: truth[key].articleBody ?? "" };
  });
// The reference gets the page already inflated and decoded (by the same charset sniffing), so its time is parsing and extraction only.
for (const p of pages) p.html = (await decodeHtml({ name: p.key, data: new Uint8Array(gunzipSync(p.gz)) })).text;

// The benchmark's metric: 4-word shingles of \w+ tokens (case kept), matched with multiplicity.
const TOKEN = /[\p{L}\p{N}\p{M}\p{Pc}]+/gu;
function shingles(text) {
  const tokens = text.match(TOKEN) ?? [];
  const counts = new Map();
  for (let i = 0; i < Math.max(1, tokens.length - 3); i++) {
    const s = tokens.slice(i, i + 4).join(" ");
    if (s) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  return counts;
}
function precisionRecall(expected, got) {
  const a = shingles(expected);
  const b = shingles(got);
  let tp = 0;
  let predicted = 0;
  let relevant = 0;
  for (const [s, c] of b) {
    predicted += c;
    tp += Math.min(c, a.get(s) ?? 0);
  }
  for (const c of a.values()) relevant += c;
  if (predicted === tp && relevant === tp) return [1, 1];
  if (tp === 0) return [0, 0];
  return [tp / predicted, tp / relevant];
}

const ours = async (p) => {
  try {
    const article = await parseHtmlPage({ name: `${p.key}.html.gz`, data: p.gz });
    return article.segments.filter((s) => ARTICLE_TEXT_KINDS.has(s.kind)).map((s) => article.text.slice(s.start, s.end)).join("\n");
  } catch {
    return "";
  }
};
const virtualConsole = new VirtualConsole();
const reference = (p) => {
  const dom = new JSDOM(p.html, { url: p.url, virtualConsole });
  const text = new Readability(dom.window.document).parse()?.textContent ?? "";
  dom.window.close();
  return text;
};

function score(name, outputs) {
  let P = 0;
  let R = 0;
  const scores = pages.map((p, i) => {
    const [pp, rr] = precisionRecall(p.truth, outputs[i]);
    P += pp;
    R += rr;
    return [pp, rr];
  });
  P /= pages.length;
  R /= pages.length;
  return { name, P, R, F1: P + R ? (2 * P * R) / (P + R) : 0, scores };
}

async function timePass(extract) {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  for (const p of pages) await extract(p);
  const used = process.cpuUsage(cpu);
  return { wall: (pages.length * 1000) / (performance.now() - wall), cpu: (pages.length * 1e6) / (used.user + used.system) };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const extractors = [
  ["@corroborate/adapter-html", ours],
  ["Readability 0.6 + jsdom 26", reference],
];
// A warm-up pass of each (its outputs are scored), then timed rounds that alternate the two, so that
// both see the same load on a shared machine.
const results = [];
for (const [name, extract] of extractors) {
  const outputs = [];
  for (const p of pages) outputs.push(await extract(p));
  results.push({ ...score(name, outputs), walls: [], cpus: [] });
}
for (let r = 0; r < rounds; r++) {
  for (const [i, [, extract]] of extractors.entries()) {
    const t = await timePass(extract);
    results[i].walls.push(t.wall);
    results[i].cpus.push(t.cpu);
  }
}
for (const r of results) {
  r.pagesPerSecond = median(r.walls);
  r.pagesPerCpuSecond = median(r.cpus);
}

console.log(`${pages.length} pages from ${dir}; pages/s is the median of ${rounds} alternating timed rounds after a warm-up`);
console.log("extractor                      F1      precision  recall   pages/s  pages/cpu-s");
for (const r of results) {
  console.log(
    `${r.name.padEnd(30)} ${r.F1.toFixed(4)}  ${r.P.toFixed(4)}     ${r.R.toFixed(4)}   ${r.pagesPerSecond.toFixed(1).padStart(6)}  ${r.pagesPerCpuSecond.toFixed(1).padStart(6)}`,
  );
}
console.log(
  `speed ratio: ${(results[0].pagesPerSecond / results[1].pagesPerSecond).toFixed(2)}x the reference's pages/s (${(results[0].pagesPerCpuSecond / results[1].pagesPerCpuSecond).toFixed(2)}x per CPU second)`,
);
if (perPage) {
  console.log("\npage      ours P/R      reference P/R");
  pages.forEach((p, i) => {
    const [a, b] = results.map((r) => r.scores[i].map((x) => x.toFixed(2)).join("/"));
    console.log(`${p.key.slice(0, 8)}  ${a}     ${b}`);
  });
}
