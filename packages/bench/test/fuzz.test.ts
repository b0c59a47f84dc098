/**
 * Property-based fuzzing (fast-check) of every adapter, of detection through the registry, and of the
 * pipeline. Properties: never a crash or a hang — each input gives valid articles or a typed
 * CorroborateError naming the input; every span lies inside its text; the same input gives the same
 * output. `FUZZ_RUNS` sets the inputs per adapter (200 in the normal test run; `pnpm fuzz` runs
 * 10,000); `FUZZ_PIPELINE_RUNS` the article sets for the pipeline (default FUZZ_RUNS / 10).
 * `FUZZ_SEED` replays a run.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { reconcile, reconcileStories, renderJson, renderJsonChunks, type Adapter, type AdapterInput, type Article } from "@corroborate/core";
import { reconcileStoriesInThreads, renderStoriesInThreads } from "@corroborate/core/node";
import { feedDocument, generateCorpus, itemDocument } from "../src/index.js";
import { allAdapters, checkReportSpans, parseChecked, registry } from "./support.js";

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const PIPELINE_RUNS = Number(process.env.FUZZ_PIPELINE_RUNS ?? Math.max(10, Math.round(RUNS / 10)));
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20261123;
/** No single small input may take longer than this to parse (a hang or a quadratic blow-up shows here). */
const SLOW_MS = 2000;
const encoder = new TextEncoder();

// Valid documents of every format to mutate: the example set and generated articles in each format.
const examples = join(import.meta.dirname, "..", "..", "..", "examples", "formats");
const corpus = generateCorpus({ articles: 6, seed: 11, length: 600 });
/** Which adapter reads each example file. */
const EXAMPLE_ADAPTER: Record<string, string> = { "feed.xml": "feed", "newsml.xml": "newsml", "item.ninjs.json": "ninjs", "story.jsonld": "jsonld", "notes.txt": "text", "page.html": "html" };
/** Seed documents by the adapter that reads them. */
const seedsByAdapter = new Map<string, string[]>();
const addSeed = (adapter: string, doc: string) => seedsByAdapter.set(adapter, [...(seedsByAdapter.get(adapter) ?? []), doc]);
for (const f of readdirSync(examples)) if (EXAMPLE_ADAPTER[f]) addSeed(EXAMPLE_ADAPTER[f]!, readFileSync(join(examples, f), "utf8"));
for (const format of ["rss", "atom", "jsonfeed"] as const) addSeed("feed", feedDocument(format, corpus.slice(0, 3)));
for (const format of ["text", "html", "jsonld", "ninjs", "newsml"] as const) addSeed(format, itemDocument(format, corpus[0]!));
const seeds = [...seedsByAdapter.values()].flat();

/** Structural tokens of the formats, and things parsers choke on. */
const TOKENS = [
  "<", ">", "</", "/>", "<item>", "</item>", "<entry>", "</entry>", "<![CDATA[", "]]>", "<!--", "-->", "<?xml ?>",
  '<!DOCTYPE x [<!ENTITY a "aaaa">]>', '<!ENTITY x SYSTEM "file:///etc/passwd">', "&a;", "&amp;", "&#0;", "&#xD800;", "&nbsp;",
  "&", "\"", "'", "{", "}", "[", "]", ",", ":", "\\", "\\u0000", "\\ud800", "null", "true", "1e999", "-0",
  '"@type": "NewsArticle"', '"@graph": [', '"headlines": [', '"body_html": "<p>x', '"version": "https://jsonfeed.org/version/1.1"',
  "\u0000", "\uFEFF", "\uFFFD", "\uD800", "\u202E", "\r", "\n\n", "\t", "---\n", "title: x\n", "Mr. ", "U.S. ", "“", "”", "…",
];

/** Random edits of a valid document: deletions, duplications, insertions of tokens and random text. */
const mutate = (from: readonly string[]): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.constantFrom(...from),
      fc.array(
        fc.oneof(
          fc.record({ op: fc.constant("delete" as const), at: fc.nat(), length: fc.nat({ max: 200 }) }),
          fc.record({ op: fc.constant("duplicate" as const), at: fc.nat(), length: fc.nat({ max: 200 }) }),
          fc.record({ op: fc.constant("insert" as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ unit: "binary", maxLength: 20 })) }),
        ),
        { minLength: 1, maxLength: 6 },
      ),
    )
    .map(([seed, edits]) => {
      let s = seed;
      for (const e of edits) {
        const at = s.length ? e.at % (s.length + 1) : 0;
        if (e.op === "delete") s = s.slice(0, at) + s.slice(at + e.length);
        else if (e.op === "duplicate") s = s.slice(0, at + e.length) + s.slice(at, at + e.length) + s.slice(at + e.length);
        else s = s.slice(0, at) + e.text + s.slice(at);
      }
      return s;
    });

/** JSON objects in each JSON format's shape, with any value in any field. */
const KEYS = [
  "@context", "@type", "@graph", "@id", "headline", "articleBody", "datePublished", "author", "publisher", "inLanguage", "mentions", "about",
  "uri", "type", "headlines", "headline", "bodies", "body_text", "body_html", "versioncreated", "versionCreated", "by", "language", "located", "people", "places", "organisations", "subjects",
  "version", "title", "items", "content_html", "content_text", "date_published", "authors", "url", "id",
];
const jsonShaped: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(
      { "@context": "https://schema.org", "@type": "NewsArticle" },
      { uri: "urn:x", type: "text" },
      { version: "https://jsonfeed.org/version/1.1" },
      {},
    ),
    fc.dictionary(fc.constantFrom(...KEYS), fc.jsonValue({ maxDepth: 4 }), { maxKeys: 8 }),
  )
  .map(([base, extra]) => JSON.stringify({ ...base, ...extra }));

/** XML documents in the feed and NewsML shapes: random trees of the formats' element names. */
const NAMES = ["rss", "channel", "item", "title", "description", "content:encoded", "pubDate", "link", "feed", "entry", "content", "summary", "published", "newsItem", "itemMeta", "contentMeta", "contentSet", "inlineXML", "headline", "by", "p", "b"];
const xmlTree = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.string({ unit: "grapheme", maxLength: 30 }).map((t) => t.replace(/[<&]/g, " ")),
    fc.tuple(fc.constantFrom(...NAMES), fc.array(tie("node"), { maxLength: 4 }), fc.option(fc.string({ unit: "grapheme-ascii", maxLength: 10 }).map((a) => a.replace(/["<&]/g, "")))).map(
      ([name, kids, attr]) => `<${name}${attr === null ? "" : ` type="${attr}"`}>${kids.join("")}</${name}>`,
    ),
  ),
})).node;
const xmlShaped: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom("rss", "feed", "newsItem", "rdf:RDF"), fc.array(xmlTree, { maxLength: 5 }))
  .map(([root, kids]) => {
    const ns = root === "feed" ? ' xmlns="http://www.w3.org/2005/Atom"' : root === "newsItem" ? ' xmlns="http://iptc.org/std/nar/2006-10-01/"' : root === "rdf:RDF" ? ' xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"' : "";
    return `<?xml version="1.0"?><${root}${ns}>${kids.join("")}</${root}>`;
  });

/**
 * Inputs for one adapter (or, with no name, for all): raw bytes, any string, structure-aware ones,
 * and mostly edits of documents in the adapter's own format, so that the fuzzing reaches past
 * detection into its parser; with a name and media type that may lie.
 */
const inputsFor = (adapter?: string): fc.Arbitrary<AdapterInput> => {
  const own = mutate(adapter && seedsByAdapter.has(adapter) ? seedsByAdapter.get(adapter)! : seeds);
  const any = mutate(seeds);
  return fc
    .tuple(
      fc.oneof(
        { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2048 }) },
        { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 2048 }) },
        { weight: 6, arbitrary: own },
        { weight: 2, arbitrary: own.map((s) => encoder.encode(s)) },
        { weight: 2, arbitrary: any },
        { weight: 1, arbitrary: jsonShaped },
        { weight: 1, arbitrary: xmlShaped },
      ),
      fc.constantFrom("in.xml", "in.json", "in.jsonld", "in.ninjs.json", "in.txt", "in.rss", "in", "in.html"),
      fc.constantFrom(undefined, "text/plain", "application/rss+xml", "application/ld+json", "application/json", "text/html"),
      fc.nat({ max: 9999 }),
    )
    .map(([data, name, mediaType, n]) => ({ name: `fuzz-${n}-${name}`, data, mediaType }));
};

async function timed<T>(label: string, run: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const result = await run();
  const ms = performance.now() - t0;
  if (ms > SLOW_MS) throw new Error(`${label}: took ${ms.toFixed(0)} ms`);
  return result;
}

function fuzzAdapter(name: string, adapter: string | undefined, parse: (input: AdapterInput) => Promise<Article[]>, detect?: (input: AdapterInput) => number) {
  it(`${name}: ${RUNS} inputs, each valid articles or a typed error naming it, the same twice`, async () => {
    const seen = { articles: 0, errors: 0 };
    const codes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(inputsFor(adapter), async (input) => {
        if (detect) {
          const score = detect(input);
          expect(score >= 0 && score <= 1).toBe(true);
        }
        const first = await timed(input.name, () => parseChecked(parse, input));
        const second = await parseChecked(parse, input);
        seen["articles" in first ? "articles" : "errors"]++;
        const code = "articles" in first ? "articles" : first.error.code;
        codes.set(code, (codes.get(code) ?? 0) + 1);
        expect(JSON.stringify("articles" in second ? second.articles : second.error.message)).toBe(
          JSON.stringify("articles" in first ? first.articles : first.error.message),
        );
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    if (RUNS >= 1000) {
      // In the dedicated fuzz command, say how deep the inputs got (fast-check counts shrinking runs too).
      const summary = [...codes].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`).join(", ");
      console.info(`fuzz ${name}: ${seen.articles + seen.errors} parses: ${summary}`);
    }
    // Both paths were exercised: some inputs were read, some refused.
    expect(seen.articles).toBeGreaterThan(0);
    expect(seen.errors).toBeGreaterThan(0);
  }, 60_000 + RUNS * 20);
}

describe("fuzzing the adapters", () => {
  for (const adapter of allAdapters() as Adapter[]) fuzzAdapter(adapter.name, adapter.name, (i) => adapter.parse(i), (i) => adapter.detect(i));
  const r = registry();
  fuzzAdapter("registry (detection picks the adapter)", undefined, (i) => r.parse(i));
});

// Text built from news-like pieces and garbage: names, numbers, dates, quotes, attributions, furniture.
const PIECES = [
  "The", "the", "council", "said", "on Monday", "on 14 May", "from 4 to 9 June", "last March", "six-day", "strike", "fire", "in", "Larsvik",
  "Mara Quist", "Quist", "Ana Ruiz", "Port Authority chief", "police said", "according to the Harbour Gazette", "denied", "will", "would",
  "4,200", "nine per cent", "9%", "12 million crowns", "2024", "'s", "“", "”", "\"", "(", ")", ",", ".", ".", ".", "!", "?", ";", "—", "-",
  "\n", "\n\n", "U.S.", "Mr.", "Dr.", "Aug.", "Read more:", "©", "https://x.example/a?b=c", "e-mail@x.example", "#tag", "ÅÄÖ", "日本", "🙂",
  "\u00A0", "\t", "...", "A", "B", "C", "1", "0", "31", "not", "no", "reportedly",
];
const newsText = fc.array(fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 12 }) }), { minLength: 1, maxLength: 160 }).map((parts) => parts.join(" "));
const articleSets = fc.array(
  fc.record({
    text: newsText,
    role: fc.constantFrom("source", "source", "source", "derived") as fc.Arbitrary<"source" | "derived">,
    outlet: fc.constantFrom("Gazette", "Courier", "Ledger", null),
    publishedAt: fc.constantFrom("2024-05-14", "2024-05-14T12:30:00+02:00", null),
  }),
  { minLength: 1, maxLength: 4 },
);

describe("fuzzing the pipeline", () => {
  it(`${PIPELINE_RUNS} article sets: a report whose spans lie inside their texts, byte-identical twice, and story by story`, async () => {
    const text = allAdapters().find((a) => a.name === "text")!;
    await fc.assert(
      fc.asyncProperty(articleSets, async (set) => {
        const articles: Article[] = [];
        for (const [i, a] of set.entries()) {
          const outcome = await parseChecked((input) => text.parse(input, { metadata: { role: a.role, outlet: a.outlet ?? undefined, publishedAt: a.publishedAt ?? undefined } }), {
            name: `a${i}.txt`,
            data: a.text,
          });
          if ("articles" in outcome) articles.push(...outcome.articles.map((x) => ({ ...x, id: `a${i}` })));
        }
        if (articles.length === 0) return;
        const report = await reconcile(articles);
        checkReportSpans(report);
        expect(renderJson(await reconcile(articles))).toBe(renderJson(report));
        // Written without validating it again (as story workers write), the same bytes, pretty and compact.
        expect([...renderJsonChunks(report, { validate: false })].join("")).toBe(renderJson(report));
        expect([...renderJsonChunks(report, { compact: true, validate: false })].join("")).toBe([...renderJsonChunks(report, { compact: true })].join(""));
        // Story by story: every article in exactly one story, each story's report valid and in its texts.
        const seen: string[] = [];
        for await (const { story, report: part } of reconcileStories(articles)) {
          checkReportSpans(part);
          expect(part.articles.map((a) => a.id)).toEqual(story.articleIds);
          seen.push(...story.articleIds);
        }
        expect(seen.sort()).toEqual(articles.map((a) => a.id).sort());
      }),
      { numRuns: PIPELINE_RUNS, seed: SEED, endOnFailure: true },
    );
  }, 60_000 + PIPELINE_RUNS * 200);

  it(`${PIPELINE_RUNS} generated article sets as one batch: on 2 worker threads, the same story reports as on one, and rendered there the same text`, async () => {
    const text = allAdapters().find((a) => a.name === "text")!;
    // One batch of many generated sets (ids kept apart), so that it holds many stories to hand out.
    const articles: Article[] = [];
    for (const [k, set] of fc.sample(articleSets, { numRuns: PIPELINE_RUNS, seed: SEED }).entries()) {
      for (const [i, a] of set.entries()) {
        const outcome = await parseChecked((input) => text.parse(input, { metadata: { role: a.role, outlet: a.outlet ?? undefined, publishedAt: a.publishedAt ?? undefined } }), {
          name: `s${k}-a${i}.txt`,
          data: a.text,
        });
        if ("articles" in outcome) articles.push(...outcome.articles.map((x) => ({ ...x, id: `s${k}-a${i}` })));
      }
    }
    const one: string[] = [];
    for await (const { story, report } of reconcileStories(articles)) one.push(`${JSON.stringify(story)}\n${renderJson(report)}`);
    const two: string[] = [];
    for await (const { story, report } of reconcileStoriesInThreads(articles, { threads: 2 })) two.push(`${JSON.stringify(story)}\n${renderJson(report)}`);
    expect(one.length).toBeGreaterThan(1);
    expect(two).toEqual(one);
    // Rendered on the workers, as the CLI has them: the same text as rendering here.
    const rendered: string[] = [];
    for await (const { story, chunks } of renderStoriesInThreads(articles, { threads: 2, format: "json" })) rendered.push(`${JSON.stringify(story)}\n${[...chunks].join("")}`);
    expect(rendered).toEqual(one);
  }, 60_000 + PIPELINE_RUNS * 200);
});
