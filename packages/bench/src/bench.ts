/**
 * `pnpm bench`: Corroborate's benchmark suite. Each measurement runs in a fresh Node process (so
 * that peak memory is its own) on a deterministic synthetic corpus:
 *
 * - pipeline: ingest + reconcile + JSON report of 100, 1,000 and 10,000 articles (`--sizes`), story by
 *   story (`reconcileStories`) and, up to `--batch-max` articles (default 1,000), as one batch
 *   (`reconcile`), with the time of each stage, articles/s, MB/s of input text, peak RSS, and
 *   time(10k)/time(1k);
 * - nlp: the bare tagging library (wink-nlp, English lite model; sentences + POS, and its full default
 *   pipeline) on the same text, so that the pipeline's overhead over it is a ratio;
 * - ingest: each adapter on 1,000 articles in its format;
 * - feeds: a 10,000-item RSS 2.0, Atom and JSON Feed through the feed adapter: items/s, peak RSS.
 *
 * Prints tables and writes everything to `bench-results/bench.json` at the repository root.
 * - texts (with `--texts PATH`): the pipeline and wink-nlp on real articles, a folder of `.txt` files or a
 *   JSON Lines file (`--texts-field`, default `text`, names the field holding each article).
 *
 * Options: `--sizes 100,1000,10000`, `--batch-max 1000`, `--threads N` (default: the available parallelism; 1 skips the threaded run), `--modes stories,threads,batch`, `--only pipeline,nlp,ingest,feeds`, `--texts PATH`, `--texts-field NAME`, `--out <file>`.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { feedDocument, itemDocument, type FeedFormat, type ItemFormat } from "./formats.js";
import { asTextFile, generateCorpus } from "./corpus.js";
import { BenchTextsError, readTexts } from "./texts.js";

const self = fileURLToPath(import.meta.url);
const root = resolve(dirname(self), "..", "..", "..");
const encoder = new TextEncoder();
const decoder = new TextDecoder();

interface PipelineResult {
  articles: number;
  failures: number;
  bytes: number;
  ms: number;
  /** CPU time of the process (user + system), which other load on the machine does not inflate. */
  cpuMs: number;
  stages: Record<string, number>;
  /** Heap in use after each stage (MB): where the memory goes. */
  heapAfter: Record<string, number>;
  peakRssMb: number;
  /** `stories` (one story at a time), `threads (N)` (stories on N worker threads) or `batch` (the whole batch at once). */
  mode: string;
  /** Stories the articles were assigned to (1 in batch mode). */
  stories: number;
  claims: number;
  events: number;
  /** Size of the JSON report in UTF-8 bytes, counted as it is rendered (the text is not kept). */
  reportBytes: number;
}

interface NlpResult {
  bytes: number;
  ms: number;
  mbPerS: number;
}

interface IngestResult {
  format: string;
  documents: number;
  articles: number;
  bytes: number;
  ms: number;
}

interface FeedResult {
  format: string;
  items: number;
  bytes: number;
  ms: number;
  itemsPerS: number;
  baselineRssMb: number;
  peakRssMb: number;
  heapAfterMb: number;
}

const mb = (bytes: number) => bytes / 1024 / 1024;
const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

/** The CLI's registry: every adapter, configured as `corroborate reconcile` has them. */
async function loadAdapters() {
  const { defaultRegistry } = await import("@corroborate/cli");
  return defaultRegistry();
}

/**
 * How the pipeline runs: `stories` assigns the articles to stories and reconciles one story at a time
 * (`reconcileStories`, what `corroborate reconcile --stories --threads 1` does), `batch` reconciles the whole batch
 * at once (`reconcile`, one report for everything), `threads` is `stories` on a pool of worker threads
 * and rendered there (`renderStoriesInThreads`, what the CLI does), in the same process.
 */
type PipelineMode = "stories" | "batch" | "threads";

/** Child: the whole pipeline on `size` generated articles. */
async function runPipeline(size: number, mode: PipelineMode, dir: string, threads: number): Promise<PipelineResult> {
  const { ingest, reconcile, reconcileStories, renderJsonChunks } = await import("@corroborate/core");
  const { renderStoriesInThreads } = await import("@corroborate/core/node");
  const registry = await loadAdapters();
  // The corpus was written to `dir` by the parent (see corpusDir), so generating it costs this process
  // nothing; its files are read here, as the CLI reads its inputs, and the reading is timed.
  const t0 = performance.now();
  const files = corpusFiles(dir).map(({ name, data }) => ({ input: { name, data, mediaType: "text/plain" } }));
  const bytes = files.reduce((n, f) => n + f.input.data.byteLength, 0);
  const stages: Record<string, number> = {};
  const heapAfter: Record<string, number> = {};
  const heap = () => mb(process.memoryUsage().heapUsed);
  const onStage = (name: string, ms: number) => {
    stages[name] = (stages[name] ?? 0) + ms;
    // Story by story, the most heap in use after the stage in any story.
    heapAfter[name] = Math.max(heapAfter[name] ?? 0, heap());
  };
  // Rendered as the CLI writes it, chunk by chunk, and only counted: at 10,000 articles the JSON is
  // larger than one string can be.
  // Story by story the CLI writes JSON Lines (`--stories`: one compact report a line, not validated again
  // since reconcile has just built it); one batch, pretty JSON, validated.
  const compact = mode !== "batch";
  const render = (report: Parameters<typeof renderJsonChunks>[0]) => {
    const t = performance.now();
    let n = 0;
    for (const chunk of renderJsonChunks(report, { compact, validate: !compact })) n += Buffer.byteLength(chunk);
    onStage("report", performance.now() - t);
    return n;
  };
  const cpu0 = process.cpuUsage();
  const { articles, failures } = await ingest(files, registry);
  // The inputs are read: as in the CLI, their bytes are not kept.
  files.length = 0;
  onStage("ingest", performance.now() - t0);
  const articleCount = articles.length;
  // Story by story the articles are let go as their stories are read, as the CLI lets them go.
  const releaseArticles = true;
  let reportBytes = 0;
  let claims = 0;
  let events = 0;
  let stories = 0;
  if (mode === "batch") {
    const report = await reconcile(articles, { failures, onStage });
    reportBytes = render(report);
    claims = report.claims.length;
    events = report.events.length;
    stories = 1;
  } else {
    if (mode === "threads") {
      // As the CLI does with --threads: the workers render each report (compact JSON) and send the text;
      // their rendering time comes back as the "report" stage. The report objects never reach this
      // thread, so claims and events are not counted (the same bytes as story by story say the same work).
      claims = Number.NaN;
      events = Number.NaN;
      for await (const { chunks } of renderStoriesInThreads(articles, { failures, onStage, threads, format: "json-compact", releaseArticles })) {
        for (const chunk of chunks) reportBytes += Buffer.byteLength(chunk);
        stories++;
      }
    } else {
      for await (const { report } of reconcileStories(articles, { failures, onStage, releaseArticles })) {
        reportBytes += render(report);
        claims += report.claims.length;
        events += report.events.length;
        stories++;
      }
    }
  }
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return {
    mode: mode === "threads" ? `threads (${threads})` : mode,
    articles: articleCount,
    failures: failures.length,
    bytes,
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    stages,
    heapAfter,
    peakRssMb: peakRssMb(),
    claims,
    events,
    stories,
    reportBytes,
  };
}

/** The files the parent wrote to `dir` (the synthetic corpus or the --texts articles), in name order. */
function corpusFiles(dir: string): { name: string; data: Uint8Array }[] {
  return readdirSync(dir)
    .sort()
    .map((name) => ({ name, data: new Uint8Array(readFileSync(join(dir, name))) }));
}

/** Writes the synthetic corpus of `size` articles as text files to a new temporary folder. */
function corpusDir(size: number): string {
  const dir = mkdtempSync(join(tmpdir(), "corroborate-corpus-"));
  for (const a of generateCorpus({ articles: size })) writeFileSync(join(dir, a.name), asTextFile(a));
  return dir;
}

/**
 * Child: wink-nlp alone on the same texts: `tagging` is sentences + POS (the model and pipes the pipeline
 * uses), `full` is wink's default pipeline (sentences, negation, sentiment, entities, POS).
 */
async function runNlp(size: number, pipes: "tagging" | "full", dir?: string): Promise<NlpResult> {
  const { default: winkNLP } = await import("wink-nlp");
  const { default: model } = await import("wink-eng-lite-web-model");
  const nlp = pipes === "tagging" ? winkNLP(model, ["sbd", "pos"]) : winkNLP(model);
  const its = nlp.its;
  // The synthetic corpus of `size` articles, or the texts the parent wrote to `dir` (--texts), as the
  // pipeline's child reads them.
  const texts = dir
    ? corpusFiles(dir).map(({ data }) => decoder.decode(data))
    : generateCorpus({ articles: size }).map(asTextFile);
  const bytes = texts.reduce((n, t) => n + encoder.encode(t).byteLength, 0);
  nlp.readDoc("Warm up the model.").tokens().out(its.pos);
  const t0 = performance.now();
  for (const text of texts) nlp.readDoc(text).tokens().out(its.pos);
  const ms = performance.now() - t0;
  return { bytes, ms, mbPerS: mb(bytes) / (ms / 1000) };
}

/** Child: one adapter's parse of `count` articles in `format`. */
async function runIngest(format: string, count: number): Promise<IngestResult> {
  const registry = await loadAdapters();
  const corpus = generateCorpus({ articles: count, seed: 7 });
  const docs =
    format === "rss" || format === "atom" || format === "jsonfeed"
      ? [{ name: `feed.${format === "jsonfeed" ? "json" : "xml"}`, data: encoder.encode(feedDocument(format as FeedFormat, corpus)) }]
      : corpus.map((a, i) => ({ name: `a${i}.${{ newsml: "xml", text: "txt", html: "html" }[format] ?? "json"}`, data: encoder.encode(itemDocument(format as ItemFormat, a, i)) }));
  const bytes = docs.reduce((n, d) => n + d.data.byteLength, 0);
  let articles = 0;
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now();
    articles = 0;
    for (const doc of docs) articles += (await registry.parse(doc)).length;
    best = Math.min(best, performance.now() - t0);
  }
  return { format, documents: docs.length, articles, bytes, ms: best };
}

/**
 * Child: a feed document read from `file` (written by the parent, so generating it costs this process
 * nothing), through the feed adapter as it comes (`plain`: core's stripTags for HTML content) or as
 * the CLI configures it (`cli`: the HTML adapter's block classifier for HTML content).
 */
async function runFeed(format: string, file: string, config: string): Promise<FeedResult> {
  const { feedAdapter } = await import("@corroborate/adapter-feed");
  const { defaultAdapters } = await import("@corroborate/cli");
  const data = new Uint8Array(readFileSync(file));
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const baseline = process.memoryUsage().rss / 1024 / 1024;
  const adapter = config === "cli" ? defaultAdapters().find((a) => a.name === "feed")! : feedAdapter();
  const t0 = performance.now();
  const articles = await adapter.parse({ name: `bench.${format}`, data });
  const ms = performance.now() - t0;
  const peak = peakRssMb();
  gc?.();
  const heapAfter = mb(process.memoryUsage().heapUsed);
  return { format: `${format} (${config})`, items: articles.length, bytes: data.byteLength, ms, itemsPerS: articles.length / (ms / 1000), baselineRssMb: baseline, peakRssMb: peak, heapAfterMb: heapAfter };
}

/** Runs one measurement in a fresh process; a crash, an out-of-memory or a timeout is reported, not fatal. */
function child<T>(args: string[]): T | { error: string } {
  const minutes = Number(option("timeout", "30"));
  try {
    const out = execFileSync(process.execPath, ["--expose-gc", `--max-old-space-size=${option("max-heap-mb", "4096")}`, self, "--child", ...args], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
      stdio: ["ignore", "pipe", "pipe"],
      timeout: minutes * 60_000,
    });
    return JSON.parse(out.trim().split("\n").pop()!) as T;
  } catch (error) {
    const e = error as { signal?: string; status?: number; message: string; stderr?: string };
    // The child's own error, e.g. "RangeError: Invalid string length" or V8's heap-limit message.
    const cause = (e.stderr ?? "").split("\n").find((l) => /^\w*Error\b|heap limit|out of memory/i.test(l.trim()))?.trim() ?? "";
    const reason = e.signal === "SIGTERM" ? `timed out after ${minutes} min` : `failed (${e.signal ?? `exit ${e.status}`}${cause ? `: ${cause}` : ""})`;
    process.stderr.write(`  ${args.join(" ")}: ${reason}\n`);
    return { error: reason };
  }
}

function ok<T extends object>(value: T | { error: string }): value is T {
  return !("error" in value);
}

function table(head: string[], rows: (string | number)[][]): string {
  const cells = [head, ...rows.map((r) => r.map((c) => (typeof c === "number" ? (Number.isInteger(c) ? String(c) : c.toFixed(c < 10 ? 2 : 0)) : c)))];
  const widths = head.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ")} |`;
  return [line(cells[0]!), `|${widths.map((w, i) => (i === 0 ? ":" : "-").padEnd(w + 1, "-") + (i === 0 ? "-" : ":")).join("|")}|`, ...cells.slice(1).map(line)].join("\n");
}

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

/**
 * `--texts PATH`: the pipeline (story by story on one thread, and on `threads` worker threads) and wink-nlp
 * on real articles the user gives, since synthetic text flatters a tagger (its vocabulary is small, so
 * wink's caches hit far more often than on news) more than it flatters the pipeline.
 */
function benchTexts(path: string, field: string, threads: number): Record<string, unknown> {
  const { texts, skipped } = readTexts(path, field);
  const dir = mkdtempSync(join(tmpdir(), "corroborate-texts-"));
  let measured: Record<string, unknown>;
  try {
    const width = String(texts.length).length;
    texts.forEach((t, i) => writeFileSync(join(dir, `${String(i).padStart(width, "0")}.txt`), t.text));
    const n = String(texts.length);
    const run = child<PipelineResult>(["pipeline", n, "stories", dir]);
    const threaded = threads > 1 ? child<PipelineResult>(["pipeline", n, "threads", dir, String(threads)]) : null;
    const nlp = child<NlpResult>(["nlp", n, "tagging", dir]);
    const nlpFull = child<NlpResult>(["nlp", n, "full", dir]);
    measured = { run, threaded, nlp, nlpFull };
    const tag = ok(nlp) ? nlp : null;
    const full = ok(nlpFull) ? nlpFull : null;
    console.log(`\nReal text (--texts ${path}${field === "text" ? "" : `, field "${field}"`}): ${texts.length} articles${skipped ? ` (${skipped} empty skipped)` : ""}, ${tag ? mb(tag.bytes).toFixed(2) : "?"} MB`);
    console.log(`wink-nlp on the same text: tagging (sbd + pos) ${tag ? tag.mbPerS.toFixed(2) : "-"} MB/s, full default pipeline ${full ? full.mbPerS.toFixed(2) : "-"} MB/s`);
    const rows = [["story by story, 1 thread", run] as const, ...(threaded ? [[`${threads} worker threads`, threaded] as const] : [])];
    console.log(
      table(
        ["pipeline", "articles", "stories", "wall s", "CPU s", "articles/s", "MB/s", "peak RSS MB", "÷ wink tagging", "÷ wink full"],
        rows.map(([label, r]) => {
          if (!ok(r)) return [label, "", "", r.error, "", "", "", "", "", ""];
          return [label, r.articles, r.stories, r.ms / 1000, r.cpuMs / 1000, r.articles / (r.ms / 1000), mb(r.bytes) / (r.ms / 1000), r.peakRssMb, tag ? r.ms / tag.ms : "", full ? r.ms / full.ms : ""];
        }),
      ),
    );
    const stages = ok(run) ? run.stages : {};
    console.log("Time per stage, story by story (s):");
    console.log(table(Object.keys(stages), [Object.values(stages).map((ms) => ms / 1000)]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { path, field, texts: texts.length, skipped, ...measured };
}

async function main(): Promise<void> {
  if (process.argv[2] === "--child") {
    const [task, a, b, c, d] = process.argv.slice(3);
    const result =
      task === "pipeline" ? await runPipeline(Number(a), b as PipelineMode, c!, Number(d ?? 1)) : task === "nlp" ? await runNlp(Number(a), b === "full" ? "full" : "tagging", c) : task === "ingest" ? await runIngest(a!, Number(b)) : await runFeed(a!, b!, c ?? "plain");
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const sizes = option("sizes", "100,1000,10000").split(",").map(Number).filter((n) => n > 0);
  const only = new Set(option("only", "pipeline,nlp,ingest,feeds").split(","));
  const outFile = resolve(option("out", join(root, "bench-results", "bench.json")));
  const results: Record<string, unknown> = { node: process.version, cpus: (await import("node:os")).cpus().length, date: new Date().toISOString() };
  console.log(`Corroborate benchmarks — node ${process.version}, one process per measurement, synthetic invented corpus (seeded)\n`);
  const threads = Number(option("threads", String((await import("node:os")).availableParallelism())));

  if (only.has("pipeline") || only.has("nlp")) {
    const batchMax = Number(option("batch-max", "1000"));
    const modes = new Set(option("modes", "stories,threads,batch").split(","));
    type Row = {
      size: number;
      run: PipelineResult | { error: string } | null;
      threaded: PipelineResult | { error: string } | null;
      batch: PipelineResult | { error: string } | null;
      nlp: NlpResult | { error: string } | null;
      nlpFull: NlpResult | { error: string } | null;
    };
    const rows: Row[] = [];
    for (const size of sizes) {
      const dir = only.has("pipeline") ? corpusDir(size) : null;
      const run = dir && modes.has("stories") ? child<PipelineResult>(["pipeline", String(size), "stories", dir]) : null;
      const threaded = dir && threads > 1 && modes.has("threads") ? child<PipelineResult>(["pipeline", String(size), "threads", dir, String(threads)]) : null;
      const batch = dir && size <= batchMax && modes.has("batch") ? child<PipelineResult>(["pipeline", String(size), "batch", dir]) : null;
      if (dir) rmSync(dir, { recursive: true, force: true });
      const nlp = only.has("nlp") ? child<NlpResult>(["nlp", String(size), "tagging"]) : null;
      const nlpFull = only.has("nlp") ? child<NlpResult>(["nlp", String(size), "full"]) : null;
      rows.push({ size, run, threaded, batch, nlp, nlpFull });
      process.stderr.write(`  ${size} articles done\n`);
    }
    const ran = (r: PipelineResult | { error: string } | null) => (r && ok(r) ? r : null);
    const nlpOf = (r: NlpResult | { error: string } | null) => (r && ok(r) ? r : null);
    const endToEnd = (title: string, pick: (r: Row) => PipelineResult | { error: string } | null) => {
      const shown = rows.filter((r) => pick(r) !== null);
      if (shown.length === 0) return;
      console.log(title);
      console.log(
        table(
          ["articles", "stories", "input MB", "wall s", "CPU s", "articles/s", "KB/s", "MB/s", "peak RSS MB", "claims", "events", "report bytes", "÷ wink tagging", "÷ wink full"],
          shown.map((r) => {
            const p = ran(pick(r));
            const tag = nlpOf(r.nlp);
            const full = nlpOf(r.nlpFull);
            const failed = pick(r);
            if (!p) return [r.size, "", "", failed && !ok(failed) ? failed.error : "-", "", "", "", "", "", "", "", "", "", ""];
            const counted = (n: number | null) => (n === null || Number.isNaN(n) ? "-" : n);
            return [r.size, p.stories, mb(p.bytes), p.ms / 1000, p.cpuMs / 1000, p.articles / (p.ms / 1000), p.bytes / 1024 / (p.ms / 1000), mb(p.bytes) / (p.ms / 1000), p.peakRssMb, counted(p.claims), counted(p.events), p.reportBytes, tag ? p.ms / tag.ms : "", full ? p.ms / full.ms : ""];
          }),
        ),
      );
      const stageNames = [...new Set(shown.flatMap((r) => Object.keys(ran(pick(r))?.stages ?? {})))];
      if (stageNames.length) {
        console.log("Time per stage (s, wall, summed over stories):");
        console.log(table(["articles", ...stageNames], shown.filter((r) => ran(pick(r))).map((r) => [r.size, ...stageNames.map((s) => (ran(pick(r))!.stages[s] ?? 0) / 1000)])));
        console.log("Heap in use after each stage (MB; story by story, the most after that stage in any story):");
        console.log(table(["articles", ...stageNames], shown.filter((r) => ran(pick(r))).map((r) => [r.size, ...stageNames.map((s) => ran(pick(r))!.heapAfter?.[s] ?? NaN)])));
      }
    };
    if (only.has("nlp")) {
      console.log("The bare tagging library on the same text (wink-nlp, English lite model):");
      console.log(table(["articles", "input MB", "tagging (sbd + pos) MB/s", "full default pipeline MB/s"], rows.map((r) => [r.size, nlpOf(r.nlp) ? mb(nlpOf(r.nlp)!.bytes) : "", nlpOf(r.nlp)?.mbPerS ?? "", nlpOf(r.nlpFull)?.mbPerS ?? ""])));
      console.log("");
    }
    endToEnd("End to end, story by story (ingest → stories → reconcile each → JSON report), all stages on:", (r) => r.run);
    endToEnd(`\nEnd to end, story by story on ${threads} worker threads (renderStoriesInThreads: each worker reconciles and renders its stories, as "corroborate reconcile --stories" does; same process, same bytes):`, (r) => r.threaded);
    endToEnd(`\nEnd to end, the whole batch at once (one report; up to ${batchMax} articles, --batch-max):`, (r) => r.batch);
    const scaling: Record<string, number> = {};
    for (const [label, pick] of [["story by story", (r: Row) => r.run], [`${threads} threads`, (r: Row) => r.threaded]] as const) {
      for (let i = 1; i < rows.length; i++) {
        const a = ran(pick(rows[i - 1]!));
        const b = ran(pick(rows[i]!));
        if (!a || !b) continue;
        const factor = rows[i]!.size / rows[i - 1]!.size;
        const key = `time(${rows[i]!.size})/time(${rows[i - 1]!.size})${label === "story by story" ? "" : `, ${label}`}`;
        scaling[key] = b.ms / a.ms;
        scaling[`cpu ${key}`] = b.cpuMs / a.cpuMs;
        console.log(`\n${key} = ${(b.ms / a.ms).toFixed(2)} wall, ${(b.cpuMs / a.cpuMs).toFixed(2)} CPU, for ${factor}× the articles (linear: ${factor}; ${label})`);
      }
    }
    results.pipeline = rows;
    results.scaling = scaling;
  }

  const textsPath = option("texts", "");
  if (textsPath) results.texts = benchTexts(resolve(textsPath), option("texts-field", "text"), threads);

  if (only.has("ingest")) {
    const formats = ["text", "html", "rss", "atom", "jsonfeed", "jsonld", "ninjs", "newsml"];
    const ingest = formats.map((f) => child<IngestResult>(["ingest", f, "1000"])).filter(ok);
    console.log("\nIngestion per format (1,000 articles, best of 3; one document per article except the feeds):");
    console.log(
      table(
        ["format", "documents", "articles", "input MB", "ms", "articles/s", "MB/s"],
        ingest.map((r) => [r.format, r.documents, r.articles, mb(r.bytes), r.ms, r.articles / (r.ms / 1000), mb(r.bytes) / (r.ms / 1000)]),
      ),
    );
    results.ingest = ingest;
  }

  if (only.has("feeds")) {
    const dir = mkdtempSync(join(tmpdir(), "corroborate-bench-"));
    try {
      const corpus = generateCorpus({ articles: 10_000, seed: 3 });
      const feeds = (["rss", "atom", "jsonfeed"] as const)
        .flatMap((format) => {
          const file = join(dir, `feed-${format}`);
          writeFileSync(file, feedDocument(format, corpus));
          return ["plain", "cli"].map((config) => child<FeedResult>(["feed", format, file, config]));
        })
        .filter(ok);
      console.log("\nA 10,000-item feed through the feed adapter (fresh process each; RSS = resident memory;");
      console.log("plain = HTML content through core's stripTags, cli = through the HTML adapter's extractor, as the CLI reads feeds):");
      console.log(
        table(
          ["format", "input MB", "items", "s", "items/s", "RSS before MB", "peak RSS MB", "peak − before MB", "heap after MB (articles kept)"],
          feeds.map((r) => [r.format, mb(r.bytes), r.items, r.ms / 1000, r.itemsPerS, r.baselineRssMb, r.peakRssMb, r.peakRssMb - r.baselineRssMb, r.heapAfterMb]),
        ),
      );
      results.feeds = feeds;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nResults written to ${outFile}`);
}

try {
  await main();
} catch (error) {
  // A bad --texts source is the user's to fix: its message names the file and line, no stack needed.
  if (!(error instanceof BenchTextsError)) throw error;
  console.error(`bench: ${error.message}`);
  process.exitCode = 2;
}
