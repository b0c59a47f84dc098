/**
 * The conformance kit every adapter runs in its own test suite (like unstorage's `testDriver`):
 *
 * ```ts
 * import { testAdapter } from "@corroborate/core/testing";
 * testAdapter({ adapter: myAdapter(), fixtures: [{ name: "a.xml", data: bytes }] });
 * ```
 */
import { describe, expect, it } from "vitest";
import type { Adapter } from "../ingest/adapter.js";
import type { AdapterInput } from "../ingest/input.js";
import { CorroborateError } from "../errors.js";
import { ArticleSchema } from "../model/article.js";

/** Options of {@link testAdapter}. */
export interface AdapterConformanceOptions {
  /** A fresh adapter (called once per test). */
  adapter: () => Adapter;
  /** Valid inputs the adapter must read (at least one). */
  fixtures: AdapterInput[];
  /** Extra invalid inputs the adapter must reject with a typed error (built-in garbage is always added). */
  invalid?: AdapterInput[];
  /** Inputs the adapter must not claim (detect score below 0.5): other formats. */
  foreign?: AdapterInput[];
}

const encoder = new TextEncoder();

/** Built-in garbage every adapter must handle without crashing: each gives a typed error or valid articles. */
export function garbageInputs(): AdapterInput[] {
  let seed = 42;
  const random = new Uint8Array(4096).map(() => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed & 0xff;
  });
  return [
    { name: "empty.bin", data: new Uint8Array(0) },
    { name: "whitespace.txt", data: encoder.encode(" \n\t \r\n ") },
    { name: "random.bin", data: random },
    { name: "nul.bin", data: new Uint8Array([0, 0, 0, 1, 2, 3, 0, 0]) },
    { name: "truncated.xml", data: encoder.encode("<?xml version=\"1.0\"?><rss><channel><item><title>Half") },
    { name: "broken.json", data: encoder.encode("{\"headline\": \"Half") },
    { name: "string-input.txt", data: "\u0000\u0001\u0002" },
  ];
}

function expectValidArticles(articles: unknown[], input: AdapterInput) {
  expect(articles.length).toBeGreaterThan(0);
  for (const article of articles) {
    const parsed = ArticleSchema.parse(article);
    expect(parsed.text.trim().length, `${input.name}: article text must not be empty`).toBeGreaterThan(0);
    for (const s of parsed.segments) {
      expect(s.start).toBeGreaterThanOrEqual(0);
      expect(s.end).toBeLessThanOrEqual(parsed.text.length);
      expect(s.start).toBeLessThanOrEqual(s.end);
    }
  }
}

async function parseOrTypedError(adapter: Adapter, input: AdapterInput): Promise<void> {
  let articles: unknown[];
  try {
    articles = await adapter.parse(input);
  } catch (error) {
    expect(CorroborateError.is(error), `${input.name}: expected a CorroborateError, got ${String(error)}`).toBe(true);
    const e = error as CorroborateError;
    expect(e.input).toBe(input.name);
    expect(typeof e.code).toBe("string");
    expect(e.message).toContain(input.name);
    return;
  }
  expectValidArticles(articles, input);
}

/** Registers the conformance tests for one adapter with vitest. */
export function testAdapter(options: AdapterConformanceOptions): void {
  const name = options.adapter().name;
  describe(`adapter conformance: ${name}`, () => {
    it("implements the v1 contract", () => {
      const adapter = options.adapter();
      expect(adapter.specificationVersion).toBe("v1");
      expect(adapter.name).toMatch(/^[a-z0-9-]+$/);
      expect(options.fixtures.length).toBeGreaterThan(0);
    });

    for (const fixture of options.fixtures) {
      describe(fixture.name, () => {
        it("is detected", () => {
          expect(options.adapter().detect(fixture)).toBeGreaterThanOrEqual(0.5);
        });
        it("parses into valid articles with non-empty text and spans inside the text", async () => {
          expectValidArticles(await options.adapter().parse(fixture), fixture);
        });
        it("gives stable ids and byte-identical output across runs", async () => {
          const a = await options.adapter().parse(fixture);
          const b = await options.adapter().parse(fixture);
          expect(a.map((x) => x.id)).toEqual(b.map((x) => x.id));
          expect(JSON.stringify(a)).toBe(JSON.stringify(b));
          expect(new Set(a.map((x) => x.id)).size).toBe(a.length);
        });
        it("applies caller metadata over what the input says", async () => {
          const [article] = await options.adapter().parse(fixture, {
            metadata: { id: "override", outlet: "Override Outlet", publishedAt: "2001-02-03", role: "derived" },
          });
          expect(article!.id.startsWith("override")).toBe(true);
          expect(article!.outlet).toBe("Override Outlet");
          expect(article!.publishedAt).toBe("2001-02-03");
          expect(article!.role).toBe("derived");
        });
        it("rejects an input over the size limit with a typed error", async () => {
          await expect(options.adapter().parse(fixture, { maxBytes: 1 })).rejects.toMatchObject({
            code: "INPUT_TOO_LARGE",
            input: fixture.name,
          });
        });
      });
    }

    for (const input of [...garbageInputs(), ...(options.invalid ?? [])]) {
      it(`never crashes on ${input.name}: a typed error naming the input, or valid articles`, async () => {
        await parseOrTypedError(options.adapter(), input);
      });
    }
    for (const input of options.invalid ?? []) {
      it(`rejects ${input.name} with a typed error`, async () => {
        await expect(options.adapter().parse(input)).rejects.toSatisfy((e: unknown) => CorroborateError.is(e));
      });
    }
    for (const input of options.foreign ?? []) {
      it(`does not claim ${input.name}`, () => {
        expect(options.adapter().detect(input)).toBeLessThan(0.5);
      });
    }
    it("detect never throws and stays within [0, 1]", () => {
      for (const input of garbageInputs()) {
        const score = options.adapter().detect(input);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
      }
    });
  });
}
