import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  ArticleSchema,
  batchChunks,
  reconcile,
  renderJson,
  renderJsonChunks,
  renderMarkdown,
  renderMarkdownChunks,
  ReportSchema,
  type Report,
} from "../src/index.js";

// The invented harbour-strike story of the examples folder: every section of a report filled in.
const story = fileURLToPath(new URL("../../../examples/harbour-strike/", import.meta.url));
const manifest = JSON.parse(readFileSync(`${story}manifest.json`, "utf8")) as {
  articles: { file: string; id: string; role: "source" | "derived"; publishedAt: string }[];
};
const harbour = manifest.articles.map((a) =>
  ArticleSchema.parse({
    id: a.id,
    role: a.role,
    text: readFileSync(`${story}${a.file}`, "utf8"),
    publishedAt: a.publishedAt,
    language: "en",
    source: { input: a.file, adapter: "test" },
  }),
);
const failures = [{ input: "broken.bin", code: "UNSUPPORTED_FORMAT", name: "UnsupportedFormatError", message: "no adapter" }];

/** What renderJson was before it streamed: one parse of the whole report, one stringify. */
const wholeJson = (report: unknown) => JSON.stringify(ReportSchema.parse(report), null, 2) + "\n";

/** The report's top-level fields whose value is an array. */
const ARRAYS = Object.keys(ReportSchema.shape).filter((k) => Array.isArray(ReportSchema.parse(minimal())[k as keyof Report]));

function minimal(): Record<string, unknown> {
  return { schemaVersion: "1.0.0", generator: { name: "test", version: "0" }, articles: [] };
}

describe("renderJsonChunks", async () => {
  const report = await reconcile(harbour, { failures });

  it("joins to the bytes of one parse and one stringify of the whole report", () => {
    for (const k of ["articles", "entities", "events", "claims", "agreements", "conflicts", "verdicts", "failures"] as const) {
      expect(report[k].length, k).toBeGreaterThan(0);
    }
    const expected = wholeJson(report);
    expect([...renderJsonChunks(report)].join("")).toBe(expected);
    expect(renderJson(report)).toBe(expected);
    expect(renderJson(report).endsWith("}\n")).toBe(true);
  });

  it("writes the same report on one line when compact, empty arrays and a bare report included", () => {
    const line = [...renderJsonChunks(report, { compact: true })].join("");
    expect(line).toBe(JSON.stringify(ReportSchema.parse(report)));
    expect(line).not.toContain("\n");
    expect(JSON.parse(line)).toEqual(JSON.parse(renderJson(report)));
    const bare = minimal();
    expect([...renderJsonChunks(bare as unknown as Report, { compact: true })].join("")).toBe(JSON.stringify(ReportSchema.parse(bare)));
  });

  it("writes a report reconcile has just built to the same bytes without validating it again", async () => {
    // The whole story, each article alone, every pair in text order, and nothing but a failure.
    const batches = [harbour, ...harbour.map((a) => [a]), ...harbour.slice(1).map((a, i) => [harbour[i]!, a]), []];
    for (const batch of batches) {
      const built = await reconcile(batch, { failures });
      const name = batch.map((a) => a.id).join("+") || "(none)";
      expect([...renderJsonChunks(built, { validate: false })].join(""), name).toBe(wholeJson(built));
      expect([...renderJsonChunks(built, { compact: true, validate: false })].join(""), name).toBe(JSON.stringify(ReportSchema.parse(built)));
    }
    // Not checked, but still arranged as the parse arranges it: unknown keys dropped, keys in schema order,
    // defaults filled in; an invalid value is written as it is instead of throwing.
    const [a] = harbour;
    const shuffled = Object.fromEntries(Object.entries({ ...a!, extra: 1 }).reverse());
    const odd = { ...minimal(), articles: [shuffled], unknown: { big: true }, messages: [{ level: "info", stage: "x", message: "m" }] };
    expect([...renderJsonChunks(odd as unknown as Report, { validate: false })].join("")).toBe(wholeJson(odd));
    const claims = report.claims.map((c, i) => (i === 3 ? { ...c, start: "twelve" } : c));
    expect(() => renderJson({ ...report, claims } as unknown as Report)).toThrow(z.ZodError);
    expect([...renderJsonChunks({ ...report, claims } as unknown as Report, { validate: false })].join("")).toContain('"start": "twelve"');
  });

  it("normalises as the whole-report parse does: defaults filled in, unknown keys dropped, schema key order", () => {
    const [a] = harbour;
    // Keys in reverse order, an unknown key on the report and on an element, defaulted arrays left out.
    const shuffled = Object.fromEntries(Object.entries({ ...a!, extra: 1 }).reverse());
    const odd = { ...minimal(), articles: [shuffled], unknown: { big: true }, messages: [{ level: "info", stage: "x", message: "m" }] };
    const expected = wholeJson(odd);
    expect(renderJson(odd as unknown as Report)).toBe(expected);
    expect(expected).toContain('"entities": []');
    expect(expected).not.toContain("extra");
    expect(renderJson(minimal() as unknown as Report)).toBe(wholeJson(minimal()));
  });

  it("yields one chunk per array element, never more than one element in a chunk", () => {
    const chunks = [...renderJsonChunks(report)];
    const elements = ARRAYS.reduce((n, k) => n + (report[k as keyof Report] as unknown[]).length, 0);
    // Each element's chunk holds its JSON, after the punctuation (and the field's name for the first).
    const elementChunks = chunks.filter((c) => c.startsWith(",\n    ") || c.includes('": [\n    '));
    expect(elementChunks).toHaveLength(elements);
    for (const k of ARRAYS) {
      const items = report[k as keyof Report] as unknown[];
      if (items.length === 0) continue;
      const first = chunks.find((c) => c.includes(`  "${k}": [\n`))!;
      const at = chunks.indexOf(first);
      items.forEach((item, i) => {
        const text = chunks[at + i]!.replace(/^[\s\S]*?\n(?= {4}\S)/, "");
        expect(JSON.parse(text), `${k}[${i}]`).toEqual(JSON.parse(JSON.stringify(item)));
      });
      expect(chunks[at + items.length]).toBe("\n  ]");
    }
    // The longest element as it appears in the document (indented two levels), plus a field's opening.
    const longest = Math.max(
      ...ARRAYS.flatMap((k) => (report[k as keyof Report] as unknown[]).map((x) => JSON.stringify(x, null, 2).replaceAll("\n", "\n    ").length + 4)),
    );
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(longest + ',\n  "nonConflicts": [\n'.length);
  });

  it("is lazy, and names the invalid element's path from the report's root", () => {
    const claims = report.claims.map((c) => ({ ...c }));
    (claims[3] as Record<string, unknown>).start = "twelve";
    const bad = { ...report, claims } as Report;
    const seen: string[] = [];
    let error: unknown;
    try {
      for (const c of renderJsonChunks(bad)) seen.push(c);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(z.ZodError);
    const issues = (error as z.ZodError).issues;
    expect(issues.map((i) => i.path)).toEqual([["claims", 3, "start"]]);
    expect(z.prettifyError(error as z.ZodError)).toContain("claims[3].start");
    // The same path as the whole-report parse names.
    expect(ReportSchema.safeParse(bad).error?.issues.map((i) => i.path)).toEqual([["claims", 3, "start"]]);
    // Chunks before the bad claim were yielded, nothing of it or after.
    const at = seen.findIndex((c) => c.includes('"claims": [\n'));
    expect(at).toBeGreaterThan(0);
    expect(seen.length - at).toBe(3);
    expect(() => renderJson(bad)).toThrow(z.ZodError);
  });

  it("names a top-level field that is not an array, and a report that is not an object", () => {
    const bad = { ...minimal(), claims: "none" } as unknown as Report;
    expect(() => renderJson(bad)).toThrow(z.ZodError);
    try {
      renderJson(bad);
    } catch (e) {
      expect((e as z.ZodError).issues[0]?.path).toEqual(["claims"]);
    }
    expect(() => renderJson(null as unknown as Report)).toThrow(z.ZodError);
    expect(() => renderJson([] as unknown as Report)).toThrow(z.ZodError);
  });
});

describe("batchChunks", () => {
  it("groups chunks into pieces of at least the size, joined the same", () => {
    const chunks = Array.from({ length: 100 }, (_, i) => "x".repeat(i % 7) + String(i));
    const pieces = [...batchChunks(chunks, 50)];
    expect(pieces.join("")).toBe(chunks.join(""));
    for (const p of pieces.slice(0, -1)) expect(p.length).toBeGreaterThanOrEqual(50);
    expect([...batchChunks([], 50)]).toEqual([]);
  });
});

describe("renderMarkdownChunks", async () => {
  const report = await reconcile(harbour, { failures });

  it("joins to renderMarkdown, one chunk per item", () => {
    const chunks = [...renderMarkdownChunks(report)];
    expect(chunks.join("")).toBe(renderMarkdown(report));
    const items = report.articles.length + report.events.length + report.entities.length + report.agreements.length +
      report.conflicts.length + report.nonConflicts.length + report.failures.length;
    expect(chunks.length).toBeGreaterThanOrEqual(items);
    expect(renderMarkdown(report)).toContain("## Inputs that failed");
  });
});
