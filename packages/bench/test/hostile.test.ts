/**
 * The hostile-input suite: one test per class of bad input, through every adapter (or the registry,
 * which picks one as the CLI does) and, where text gets through, the pipeline. Each must end in
 * bounded time with valid articles or a typed error naming the input; nothing is read from disk
 * that the input points at; a batch reports what failed; two runs give byte-identical reports.
 * Time bounds are generous (a quadratic scan of these inputs takes minutes, a linear one well under
 * a second); they guard against hangs, they are not benchmarks.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ingest, reconcile, renderJson, type AdapterInput } from "@corroborate/core";
import { asTextFile, generateCorpus } from "../src/index.js";
import { allAdapters, checkReportSpans, parseChecked, registry, type Outcome } from "./support.js";

const encoder = new TextEncoder();
const BOUND_MS = 10_000;

/** Parses with every adapter and with the registry; returns each outcome. Fails on a crash or when slow. */
async function throughEverything(input: AdapterInput): Promise<Map<string, Outcome>> {
  const out = new Map<string, Outcome>();
  const r = registry();
  for (const [name, parse] of [...allAdapters().map((a) => [a.name, (i: AdapterInput) => a.parse(i)] as const), ["registry", (i: AdapterInput) => r.parse(i)] as const]) {
    const t0 = performance.now();
    out.set(name, await parseChecked(parse, input));
    expect(performance.now() - t0, `${name} on ${input.name}`).toBeLessThan(BOUND_MS);
  }
  return out;
}

const codes = (outcomes: Map<string, Outcome>) => new Set([...outcomes.values()].map((o) => ("error" in o ? o.error.code : "ARTICLES")));

const nested = (n: number) => "[".repeat(n) + "]".repeat(n);
const laughs = (root: string) =>
  `<?xml version="1.0"?><!DOCTYPE ${root} [<!ENTITY l0 "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join("")}]><${root}><title>&l9;</title></${root}>`;

describe("hostile inputs, one class per test", () => {
  it("empty input: EMPTY_INPUT everywhere", async () => {
    for (const data of [new Uint8Array(0), "", "   \n\t  "]) {
      const outcomes = await throughEverything({ name: "empty.txt", data });
      expect([...codes(outcomes)].every((c) => c === "EMPTY_INPUT" || c === "NOT_AN_ARTICLE" || c === "NO_ADAPTER" || c === "PARSE_FAILED")).toBe(true);
      expect(outcomes.get("text")).toMatchObject({ error: { code: "EMPTY_INPUT" } });
    }
  });

  it("binary data (a PNG header, NUL bytes, random bytes): a typed error, never text articles", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, ...new Array(64).fill(0)]);
    for (const data of [png, new Uint8Array(1024).fill(0), Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)]) {
      const outcomes = await throughEverything({ name: "blob.bin", data });
      expect(codes(outcomes).has("ARTICLES")).toBe(false);
      expect(outcomes.get("registry")).toMatchObject({ error: { code: expect.stringMatching(/BINARY_INPUT|NO_ADAPTER/) } });
    }
  });

  it("invalid UTF-8: a typed error or text with replacement characters, never a crash", async () => {
    const bytes = new Uint8Array([...encoder.encode("The council met on Monday. "), 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc, ...encoder.encode(" It voted.")]);
    const outcomes = await throughEverything({ name: "bad-utf8.txt", data: bytes });
    const text = outcomes.get("text")!;
    if ("articles" in text) expect(text.articles[0]!.text).toContain("It voted.");
    else expect(text.error.code).toBe("INVALID_ENCODING");
  });

  it("UTF-16 with a byte order mark is decoded, both byte orders", async () => {
    const content = "Ferries stopped on Tuesday, the company said.";
    const le = new Uint8Array([0xff, 0xfe, ...Array.from(content).flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    const be = new Uint8Array([0xfe, 0xff, ...Array.from(content).flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff])]);
    for (const data of [le, be]) {
      const outcomes = await throughEverything({ name: "utf16.txt", data });
      const text = outcomes.get("registry")!;
      expect("articles" in text && text.articles[0]!.text).toContain(content);
    }
  });

  it("Windows-1252 bytes (curly quotes, a euro sign) are read, not garbled into controls", async () => {
    const bytes = new Uint8Array([...encoder.encode("The mayor said "), 0x93, ...encoder.encode("no"), 0x94, ...encoder.encode(" to the "), 0x80, ...encoder.encode("5 million plan.")]);
    const outcomes = await throughEverything({ name: "cp1252.txt", data: bytes });
    const text = outcomes.get("registry")!;
    if ("articles" in text) expect(text.articles[0]!.text).toMatch(/said [“"]no[”"] to the €5 million plan\./);
    else expect(text.error.code).toBe("INVALID_ENCODING");
  });

  it("50 MB of text: read in bounded time by the text adapter (the default limit is 64 MiB), refused over a set limit", async () => {
    const line = "The harbour council met again on Monday and said the ferries would run. ";
    const big = encoder.encode(line.repeat(Math.ceil((50 * 1024 * 1024) / line.length)));
    const text = allAdapters().find((a) => a.name === "text")!;
    const t0 = performance.now();
    const articles = await text.parse({ name: "big.txt", data: big });
    expect(performance.now() - t0).toBeLessThan(30_000);
    expect(articles[0]!.text.length).toBeGreaterThan(50_000_000);
    await expect(text.parse({ name: "big.txt", data: big }, { maxBytes: 10 * 1024 * 1024 })).rejects.toMatchObject({ code: "INPUT_TOO_LARGE", input: "big.txt" });
  }, 120_000);

  it("100,000-deep nesting in JSON and XML: HOSTILE_INPUT from the adapters that read those formats", async () => {
    const jsons = [
      { name: "deep.jsonld", data: `{"@context": "https://schema.org", "@type": "NewsArticle", "articleBody": ${nested(100_000)}}` },
      { name: "deep.ninjs.json", data: `{"uri": "urn:x", "type": "text", "headlines": ${nested(100_000)}}` },
      { name: "deep.json", data: `{"version": "https://jsonfeed.org/version/1.1", "items": ${nested(100_000)}}` },
    ];
    const xmls = [
      { name: "deep.rss", data: `<rss><channel><item><title>${"<b>".repeat(100_000)}${"</b>".repeat(100_000)}</title></item></channel></rss>` },
      { name: "deep-newsml.xml", data: `<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/">${"<x>".repeat(100_000)}${"</x>".repeat(100_000)}</newsItem>` },
    ];
    for (const input of [...jsons, ...xmls]) {
      const outcomes = await throughEverything(input);
      expect(outcomes.get("registry"), input.name).toMatchObject({ error: { code: "HOSTILE_INPUT", input: input.name } });
    }
  });

  it("billion laughs (and a quadratic blowup): HOSTILE_INPUT before any expansion, from feeds and NewsML", async () => {
    const big = "x".repeat(100_000);
    const inputs = [
      { name: "laughs.rss", data: laughs("rss") },
      { name: "laughs-newsml.xml", data: laughs("newsItem") },
      { name: "blowup.rss", data: `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "${big}">]><rss><channel><item><title>${"&a;".repeat(100_000)}</title></item></channel></rss>` },
    ];
    for (const input of inputs) {
      const outcomes = await throughEverything(input);
      expect(outcomes.get("registry"), input.name).toMatchObject({ error: { code: "HOSTILE_INPUT" } });
    }
  });

  describe("XXE", () => {
    const dir = mkdtempSync(join(tmpdir(), "corroborate-xxe-"));
    const secret = join(dir, "secret.txt");
    writeFileSync(secret, "TOP-SECRET-CONTENT-42");
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it("an external entity pointing at a file is refused and the file's content appears nowhere", async () => {
      for (const root of ["rss", "newsItem", "feed"]) {
        const data = `<?xml version="1.0"?><!DOCTYPE ${root} [<!ENTITY x SYSTEM "file://${secret}">]><${root}><channel><item><title>&x;</title><description>&x;</description></item></channel></${root}>`;
        const outcomes = await throughEverything({ name: `xxe-${root}.xml`, data });
        if (root !== "feed") expect(outcomes.get("registry")).toMatchObject({ error: { code: "HOSTILE_INPUT" } });
        for (const outcome of outcomes.values()) expect(JSON.stringify("articles" in outcome ? outcome.articles : outcome.error.message)).not.toContain("TOP-SECRET");
      }
    });
  });

  it("a JSON bomb (an array of two million members, and deep nesting in a feed): refused fast", async () => {
    const wide = `{"version": "https://jsonfeed.org/version/1.1", "items": [${"0,".repeat(2_000_000)}0]}`;
    const outcomes = await throughEverything({ name: "wide.json", data: wide });
    expect(outcomes.get("feed")).toMatchObject({ error: { code: "HOSTILE_INPUT", input: "wide.json" } });
  });

  it("regex-killer lines: each through ingestion and the whole pipeline in bounded time, spans inside the text", async () => {
    // Lines of about 10,000 characters: exponential backtracking would never finish on them.
    const N = 10_000;
    const lines = [
      "a".repeat(N),
      "(".repeat(N),
      "Mr. ".repeat(N / 4),
      ". ".repeat(N / 2),
      "1,".repeat(N / 2),
      "Aaa ".repeat(N / 4),
      "Aaa Bbb, ".repeat(N / 9),
      "“".repeat(N) + "x",
      "-".repeat(N),
      "said ".repeat(N / 5),
      "on Monday ".repeat(N / 10),
      "4 to 9 June ".repeat(N / 12),
      "http://x.example/" + "a/".repeat(N / 2),
      "<p>".repeat(N / 3),
      "&amp;".repeat(N / 5),
      " ".repeat(N) + "x",
      "\t\n".repeat(N / 2),
      "aaaaaaaaaaaaaaaaaaaaaaaaaaaa!".repeat(N / 30),
      "x@".repeat(N / 2),
      "A.".repeat(N / 2),
    ];
    const text = allAdapters().find((a) => a.name === "text")!;
    for (const [i, line] of lines.entries()) {
      const name = `killer-${i}.txt`;
      const t0 = performance.now();
      const outcome = await parseChecked((input) => text.parse(input), { name, data: `The council met on Monday.\n\n${line}\n\nIt ended.` });
      if ("articles" in outcome) checkReportSpans(await reconcile(outcome.articles));
      expect(performance.now() - t0, `${name}: ${JSON.stringify(line.slice(0, 12))}…`).toBeLessThan(20_000);
    }
  }, 600_000);
});

describe("batches and determinism", () => {
  it("a batch of N inputs with M bad ones gives N − M articles and lists the M with their reasons", async () => {
    const good = generateCorpus({ articles: 6, seed: 5, length: 800 }).filter((a) => a.role === "source").slice(0, 5);
    const bad: AdapterInput[] = [
      { name: "empty.txt", data: new Uint8Array(0) },
      { name: "laughs.rss", data: laughs("rss") },
      { name: "blob.bin", data: new Uint8Array(256).fill(0) },
    ];
    const items = [
      ...good.map((a) => ({ input: { name: a.name, data: encoder.encode(asTextFile(a)) } })),
      ...bad.map((input) => ({ input })),
    ];
    const { articles, failures } = await ingest(items, registry());
    expect(articles).toHaveLength(good.length);
    expect(failures.map((f) => [f.input, f.code])).toEqual([
      ["empty.txt", "EMPTY_INPUT"],
      ["laughs.rss", "HOSTILE_INPUT"],
      ["blob.bin", "BINARY_INPUT"],
    ]);
    for (const f of failures) expect(f.message).toContain(f.input);
    const report = await reconcile(articles, { failures });
    expect(report.failures).toHaveLength(bad.length);
  });

  it("two runs over the same inputs give byte-identical reports", async () => {
    const corpus = generateCorpus({ articles: 12, seed: 9, length: 1200 });
    const run = async () => {
      const { articles, failures } = await ingest(corpus.map((a) => ({ input: { name: a.name, data: encoder.encode(asTextFile(a)) } })), registry());
      return renderJson(await reconcile(articles, { failures }));
    };
    const first = await run();
    expect(await run()).toBe(first);
    expect(JSON.parse(first).articles).toHaveLength(corpus.length);
  });
});
