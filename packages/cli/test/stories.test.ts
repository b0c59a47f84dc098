import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Ajv2020 } from "ajv/dist/2020.js";
import { ClaimSchema, ingest, reconcileStories, renderJson, renderMarkdown, ReportSchema, type Report, type StoryReport } from "@corroborate/core";
import { compactJsonChunks, defaultRegistry, gatherInputs, storyJsonLineChunks } from "../src/index.js";
import { cli } from "./run-cli.js";

// Two invented, unrelated stories (a ferry strike at Wrenmouth, a museum fire in Brackenford) and a
// binary file that no adapter reads; the manifest lists a missing file instead.
const fixtures = join(import.meta.dirname, "fixtures-stories");
const manifest = join(fixtures, "manifest.json");
const broken = join(fixtures, "broken.bin");
const FERRY = ["ferry-beacon", "ferry-courier"];
const MUSEUM = ["museum-herald", "museum-notes", "museum-post"];
const harbour = join(import.meta.dirname, "..", "..", "..", "examples", "harbour-strike");
const schema = JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", "core", "schema", "report.schema.json"), "utf8"));

interface StoryLine {
  story: { id: string; articleIds: string[] };
  report: Report;
}

function parseLines(stdout: string): StoryLine[] {
  expect(stdout.endsWith("\n")).toBe(true);
  return stdout.slice(0, -1).split("\n").map((line) => JSON.parse(line) as StoryLine);
}

/** Every article id a report's JSON refers to (`articleId`, `articleIds`), wherever it sits. */
function referencedArticles(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) referencedArticles(v, into);
  else if (value && typeof value === "object") {
    for (const [key, v] of Object.entries(value)) {
      if (key === "articleId" && typeof v === "string") into.add(v);
      else if (key === "articleIds" && Array.isArray(v)) for (const id of v) into.add(id as string);
      else referencedArticles(v, into);
    }
  }
  return into;
}

/** The story reports `reconcile --stories` builds, built here in the test's process. */
async function storiesOf(files: string[], manifestPath?: string): Promise<StoryReport[]> {
  const gathered = await gatherInputs(files, manifestPath);
  const { articles, failures } = await ingest(gathered.items, defaultRegistry());
  const out: StoryReport[] = [];
  for await (const story of reconcileStories(articles, { failures: [...gathered.failures, ...failures] })) out.push(story);
  return out;
}

describe("corroborate reconcile --stories", { timeout: 60_000 }, () => {
  it("--format json writes one JSON line per story, each story's report from its own articles only", async () => {
    const { code, stdout, stderr } = await cli("reconcile", "--stories", "--format", "json", fixtures);
    expect(code).toBe(1);
    const lines = parseLines(stdout);
    expect(lines).toHaveLength(2);
    expect(lines.map((l) => l.story)).toEqual([
      { id: "ferry-beacon", articleIds: FERRY },
      { id: "museum-herald", articleIds: MUSEUM },
    ]);
    const validate = new Ajv2020({ strict: false }).compile(schema);
    for (const { story, report } of lines) {
      expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
      expect(report.articles.map((a) => a.id)).toEqual(story.articleIds);
      expect(report.claims.length).toBeGreaterThan(0);
      expect(new Set(report.claims.map((c) => c.articleId))).toEqual(new Set(story.articleIds));
      expect(report.agreements.length).toBeGreaterThan(0);
      // Nothing in the report (claims, entities, events, agreements, evidence) points outside the story.
      expect([...referencedArticles(report)].filter((id) => !story.articleIds.includes(id))).toEqual([]);
    }
    // The failed input travels with the first story only, and is printed as without --stories.
    expect(lines[0]!.report.failures.map((f) => [f.input, f.code])).toEqual([[broken, "BINARY_INPUT"]]);
    expect(lines[1]!.report.failures).toEqual([]);
    expect(stderr).toBe(`corroborate: failed: ${broken}: BINARY_INPUT: ${lines[0]!.report.failures[0]!.message}\n`);
  });

  it("writes each report as renderJson normalises it, compact, after its story", async () => {
    const expected = (await storiesOf([fixtures]))
      .map(({ story, report }) => `{"story":${JSON.stringify(story)},"report":${JSON.stringify(JSON.parse(renderJson(report)))}}\n`)
      .join("");
    expect((await cli("reconcile", "--stories", "--format", "json", fixtures)).stdout).toBe(expected);
  });

  it("--format md writes one section per story: its heading, then the story's report", async () => {
    const { code, stdout, stderr } = await cli("reconcile", "--stories", "--format", "md", fixtures);
    expect(code).toBe(1);
    expect(stderr).toContain(broken);
    const [ferry, museum] = await storiesOf([fixtures]);
    expect(stdout).toBe(
      `# Story 1: ferry-beacon (2 articles)\n\n${renderMarkdown(ferry!.report)}\n# Story 2: museum-herald (3 articles)\n\n${renderMarkdown(museum!.report)}`,
    );
    expect(stdout.match(/^# Story /gm)).toHaveLength(2);
    expect(stdout.match(/^## Inputs that failed$/gm)).toHaveLength(1);
  });

  it("gives byte-identical output for the same input, in both formats", async () => {
    for (const format of ["json", "md"]) {
      const a = await cli("reconcile", "--stories", "--format", format, fixtures);
      const b = await cli("reconcile", "--stories", "--format", format, fixtures);
      expect(a.stdout.length).toBeGreaterThan(1000);
      expect(b.stdout).toBe(a.stdout);
      expect(b.stderr).toBe(a.stderr);
    }
  });

  it("--threads 2 reconciles the stories on worker threads and writes the same bytes as one thread", async () => {
    for (const format of ["json", "md"]) {
      const one = await cli("reconcile", "--stories", "--threads", "1", "--format", format, fixtures);
      const two = await cli("reconcile", "--stories", "--threads", "2", "--format", format, fixtures);
      expect(two.code).toBe(1);
      expect(one.stdout.match(format === "json" ? /^\{"story"/gm : /^# Story /gm)).toHaveLength(2);
      expect(two.stdout).toBe(one.stdout);
      expect(two.stderr).toBe(one.stderr);
    }
    // The default, "auto", picks one thread for so few articles: the same output as one thread.
    const single = (await cli("reconcile", "--stories", "--threads", "1", "--format", "json", fixtures)).stdout;
    expect((await cli("reconcile", "--stories", "--threads", "auto", "--format", "json", fixtures)).stdout).toBe(single);
    expect((await cli("reconcile", "--stories", "--format", "json", fixtures)).stdout).toBe(single);
  });

  it("rejects a --threads that is not a whole number or auto, and --threads without --stories", async () => {
    for (const value of ["0", "two", "1.5", "-2"]) {
      const res = await cli("reconcile", "--stories", "--threads", value, fixtures);
      expect(res.code).toBe(2);
      expect(res.stderr).toContain("--threads takes a whole number");
      expect(res.stdout).toBe("");
    }
    const batch = await cli("reconcile", "--threads", "2", fixtures);
    expect(batch.code).toBe(2);
    expect(batch.stderr).toContain("--threads needs --stories");
  });

  it("writes to --out what it writes to standard output", async () => {
    const dir = mkdtempSync(join(tmpdir(), "corroborate-"));
    for (const format of ["json", "md"]) {
      const out = join(dir, `stories.${format}`);
      const file = await cli("reconcile", "--stories", "--format", format, "--out", out, fixtures);
      expect(file.code).toBe(1);
      expect(file.stdout).toBe("");
      expect(file.stderr).toContain(broken);
      expect(readFileSync(out, "utf8")).toBe((await cli("reconcile", "--stories", "--format", format, fixtures)).stdout);
    }
    const missing = join(dir, "no-such-folder", "stories.jsonl");
    const failed = await cli("reconcile", "--stories", "--format", "json", "--out", missing, fixtures);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain("ENOENT");
  });

  it("takes a manifest (its metadata kept, its missing file reported) and files with it", async () => {
    const { code, stdout, stderr } = await cli("reconcile", "--stories", "--format", "json", "--manifest", manifest, broken);
    expect(code).toBe(1);
    const lines = parseLines(stdout);
    // Stories in the order of their first article, articles in the order they came.
    expect(lines.map((l) => l.story)).toEqual([
      { id: "ferry-beacon", articleIds: FERRY },
      { id: "museum-herald", articleIds: ["museum-herald", "museum-post", "museum-notes"] },
    ]);
    expect(lines[1]!.report.articles.map((a) => a.outlet)).toEqual(["Brackenford Herald", "Valley Post", "Brackenford Herald"]);
    expect(lines[0]!.report.failures.map((f) => f.code).sort()).toEqual(["BINARY_INPUT", "UNREADABLE_INPUT"]);
    expect(lines[1]!.report.failures).toEqual([]);
    expect(stderr).toContain("gone.txt");
    expect(stderr).toContain("broken.bin");
    expect(stderr.trimEnd().split("\n")).toHaveLength(2);
  });

  it("writes one story of no articles, with the failures, when nothing could be read", async () => {
    const json = await cli("reconcile", "--stories", "--format", "json", broken);
    expect(json.code).toBe(1);
    const lines = parseLines(json.stdout);
    expect(lines.map((l) => l.story)).toEqual([{ id: "", articleIds: [] }]);
    expect(lines[0]!.report.failures.map((f) => f.code)).toEqual(["BINARY_INPUT"]);
    const md = await cli("reconcile", "--stories", broken);
    expect(md.stdout).toMatch(/^# Story 1: \(none\) \(0 articles\)\n\n# Corroborate report\n/);
  });

  it("on one story (harbour-strike) exits 0 and finds what reconcile finds without --stories", async () => {
    for (const args of [["--manifest", join(harbour, "manifest.json")], [harbour]]) {
      const plain = await cli("reconcile", "--format", "json", ...args);
      const stories = await cli("reconcile", "--stories", "--format", "json", ...args);
      expect(stories.code).toBe(0);
      expect(stories.stderr).toBe("");
      const lines = parseLines(stories.stdout);
      expect(lines).toHaveLength(1);
      const whole = JSON.parse(plain.stdout) as Report;
      const { report } = lines[0]!;
      expect(report.claims).toEqual(whole.claims);
      expect(report.agreements).toEqual(whole.agreements);
      expect(report.conflicts).toEqual(whole.conflicts);
      expect(report.verdicts).toEqual(whole.verdicts);
      expect(report).toEqual(whole);
    }
  });
});

describe("compactJsonChunks", () => {
  it("joins to JSON.stringify of the parsed report: schema key order, defaults filled in", async () => {
    const [{ report }] = (await storiesOf([fixtures])) as [StoryReport];
    expect([...compactJsonChunks(report)].join("")).toBe(JSON.stringify(ReportSchema.parse(report)));
    const { messages: _messages, nonConflicts: _nonConflicts, ...partial } = report;
    const shuffled = Object.fromEntries(Object.entries(partial).reverse()) as unknown as Report;
    const text = [...compactJsonChunks(shuffled)].join("");
    expect(text).toBe(JSON.stringify(ReportSchema.parse(report)));
    expect(text).not.toContain("\n");
    expect([...storyJsonLineChunks({ story: { id: "a", articleIds: ["a"] }, report })].join("")).toBe(
      `{"story":{"id":"a","articleIds":["a"]},"report":${JSON.stringify(ReportSchema.parse(report))}}\n`,
    );
  });

  it("throws the ZodError of an invalid element with its path from the report's root", async () => {
    const [{ report }] = (await storiesOf([fixtures])) as [StoryReport];
    const bad = { ...report, claims: [report.claims[0], { ...report.claims[1], start: "x" }] } as unknown as Report;
    const chunks: string[] = [];
    let thrown: unknown;
    try {
      for (const chunk of compactJsonChunks(bad)) chunks.push(chunk);
    } catch (error) {
      thrown = error;
    }
    expect((thrown as { issues: { path: PropertyKey[] }[] }).issues[0]!.path.slice(0, 2)).toEqual(["claims", 1]);
    // What came before the invalid element was yielded, the first claim included.
    expect(chunks.join("")).toContain(`"claims":[${JSON.stringify(ClaimSchema.parse(report.claims[0]))}`);
  });
});
