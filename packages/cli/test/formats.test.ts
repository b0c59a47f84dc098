import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { mediaTypeFor } from "@corroborate/adapter-text/node";
import { defaultRegistry } from "../src/adapters.js";

const run = promisify(execFile);
const bin = join(import.meta.dirname, "..", "dist", "bin.js");
const examples = join(import.meta.dirname, "..", "..", "..", "examples", "formats");

/** Which adapter must read each example file, chosen by detection alone. */
const EXPECTED: Record<string, string> = {
  "feed.xml": "feed",
  "story.jsonld": "jsonld",
  "item.ninjs.json": "ninjs",
  "newsml.xml": "newsml",
  "notes.txt": "text",
  "page.html": "html",
};

interface ReportArticle {
  id: string;
  outlet: string | null;
  source: { input: string; adapter: string };
}

describe("corroborate reconcile on a story in mixed formats", () => {
  const files = readdirSync(examples).filter((f) => !f.startsWith(".")).sort();

  it("has an expected adapter for every example file", () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const f of files) expect(EXPECTED[f], `no expectation for ${f}`).toBeDefined();
  });

  it("reads each file with the right adapter, with no flags, and reports no failure", async () => {
    const { stdout } = await run(process.execPath, [bin, "reconcile", ...files.map((f) => join(examples, f)), "--format", "json"], {
      maxBuffer: 64 * 1024 * 1024,
    });
    const report = JSON.parse(stdout) as { articles: ReportArticle[]; failures: unknown[] };
    expect(report.failures).toEqual([]);
    const byFile = Object.fromEntries(report.articles.map((a) => [a.source.input.split(/[\\/]/).pop(), a.source.adapter]));
    expect(byFile).toEqual(Object.fromEntries(files.map((f) => [f, EXPECTED[f]])));
    expect(report.articles.map((a) => a.outlet).sort()).toEqual(
      expect.arrayContaining(["Meridian Press Agency", "Nordcoast Daily", "The Larsvik Ledger", "Tidewater News Agency"]),
    );
  });

  it("picks the same adapters through the library registry", () => {
    const registry = defaultRegistry();
    for (const f of files) {
      const input = { name: f, data: new Uint8Array(readFileSync(join(examples, f))), mediaType: mediaTypeFor(f) };
      expect(registry.pick(input)?.name, f).toBe(EXPECTED[f]);
      // Without a name or media type to go by, the content alone decides.
      expect(registry.pick({ name: "input", data: input.data })?.name, `${f} by content`).toBe(EXPECTED[f]);
    }
  });
});
