import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { createRegistry, ingest, type Article } from "@corroborate/core";
import { assertBoundedHtml, decodeHtml, detectHtml, htmlAdapter, htmlFragmentToText, stripInert } from "../src/index.js";

const dir = join(import.meta.dirname, "fixtures");
const bytes = (name: string) => new Uint8Array(readFileSync(join(dir, name)));
const enc = new TextEncoder();
const adapter = htmlAdapter();
const slices = (a: Article) => a.segments.map((s) => [s.kind, a.text.slice(s.start, s.end)] as const);
const ofKind = (a: Article, kind: string) => slices(a).filter(([k]) => k === kind).map(([, t]) => t);

describe("HTML adapter: a news page", () => {
  it("reads the page's metadata: headline, byline, date with its offset, outlet, canonical URL, language, JSON-LD entities", async () => {
    const [a] = await adapter.parse({ name: "harbour-page.html", data: bytes("harbour-page.html") });
    expect(a).toMatchObject({
      id: "harbour-page",
      title: "Ferry terminal fire: crossings to resume Friday",
      byline: "Henrike Saal",
      publishedAt: "2024-05-15T07:45:00+02:00",
      outlet: "The Skarn Courier",
      url: "https://skarn-courier.example/news/2024/05/15/terminal-fire-crossings",
      language: "en-GB",
      source: { adapter: "html", input: "harbour-page.html" },
    });
    expect(a!.knownEntities).toEqual([
      { name: "Larsvik", type: "place", aliases: [], uri: null },
      { name: "Selvane Lines", type: "organization", aliases: [], uri: null },
      { name: "Marta Eklund", type: "person", aliases: [], uri: null },
    ]);
  });

  it("keeps paragraphs, headings, quotes and captions as classified segments, with entities decoded", async () => {
    const [a] = await adapter.parse({ name: "harbour-page.html", data: bytes("harbour-page.html") });
    expect(slices(a!)[0]).toEqual(["title", "Ferry terminal fire: crossings to resume Friday"]);
    expect(ofKind(a!, "byline")).toEqual(["Henrike Saal"]);
    expect(ofKind(a!, "heading")).toEqual(["Cause still unknown"]);
    expect(ofKind(a!, "caption")).toEqual(["Smoke rises over the Larsvik ferry terminal on Tuesday morning. Photo: Oskar Vinne"]);
    expect(ofKind(a!, "quote")).toEqual(["“We were lucky the wind turned before the flames reached the fuel depot,” Eklund told reporters at the quay."]);
    const body = ofKind(a!, "body");
    expect(body).toHaveLength(6);
    expect(body[0]).toBe(
      "Ferries between Larsvik and the Skarn Islands will run again on Friday, three days after a fire destroyed a storage warehouse at the terminal, Selvane Lines said on Wednesday.",
    );
    expect(body[2]).toContain("in the town’s sports hall & two hotels");
    expect(body[5]).toBe("The municipality will hold a public meeting on the terminal's safety on 22 May at the town hall.");
    expect(ofKind(a!, "related")).toEqual(["Read more: Fire shuts Larsvik ferry terminal"]);
  });

  it("leaves navigation, newsletter box, share links, author bio, related list, comments and footer out of the body", async () => {
    const [a] = await adapter.parse({ name: "harbour-page.html", data: bytes("harbour-page.html") });
    const body = [...ofKind(a!, "body"), ...ofKind(a!, "heading"), ...ofKind(a!, "quote")].join("\n");
    for (const furniture of ["Skip to content", "Weather", "Sign up", "Share on Chirper", "covers the islands", "Harbour dredging", "cafe reopen", "All rights reserved", "dataLayer"]) {
      expect(body).not.toContain(furniture);
    }
  });

  it("gives segments that tile the text in order, separated by blank lines", async () => {
    const [a] = await adapter.parse({ name: "harbour-page.html", data: bytes("harbour-page.html") });
    let at = 0;
    for (const s of a!.segments) {
      expect(s.start).toBe(at === 0 ? 0 : at + 2);
      expect(a!.text.slice(at, s.start)).toBe(at === 0 ? "" : "\n\n");
      at = s.end;
    }
    expect(at).toBe(a!.text.length);
  });

  it("decodes a windows-1252 page declared by http-equiv, dates it from <time>, and titles it without the site suffix", async () => {
    const [a] = await adapter.parse({ name: "legacy-1252.html", data: bytes("legacy-1252.html") });
    expect(a).toMatchObject({ title: "Café owners count the cost of the quay closure", publishedAt: "2024-05-16", language: "en", byline: null });
    expect(a!.text).toContain("lost €4,000 in takings");
    expect(a!.text).toContain("“Every table was empty on Wednesday – the first time in eleven years,” said co-owner Lena Brask. “The tourists simply didn’t come.”");
    expect(a!.text).not.toContain("Copyright");
  });

  it("reads gzip input and a charset given by the media type", async () => {
    const [gz] = await adapter.parse({ name: "legacy.html.gz", data: new Uint8Array(gzipSync(bytes("legacy-1252.html"))) });
    expect(gz!.text).toContain("Kajé café");
    const latin = new Uint8Array([...enc.encode("<html><body><p>Caf"), 0xe9, ...enc.encode("</p></body></html>")]);
    expect((await decodeHtml({ name: "x", data: latin, mediaType: "text/html; charset=ISO-8859-1" })).text).toContain("Café");
    expect((await decodeHtml({ name: "x", data: new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode("<p>Straße</p>")]) })).text).toBe("<p>Straße</p>");
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...'<meta charset="windows-1252"><p>Ünë</p>'].map((c) => c.charCodeAt(0))).buffer)]);
    expect((await decodeHtml({ name: "x", data: utf16 })).text).toBe('<meta charset="windows-1252"><p>Ünë</p>');
  });

  it("decodes other legacy charsets declared in <meta charset>, and refuses a gzip bomb past the size limit", async () => {
    const koi8 = new Uint8Array([...enc.encode('<meta charset="koi8-r"><p>'), 0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4, ...enc.encode("</p>")]);
    expect((await decodeHtml({ name: "ru.html", data: koi8 })).text).toBe('<meta charset="koi8-r"><p>Привет</p>');
    const bomb = new Uint8Array(gzipSync(new Uint8Array(5_000_000)));
    await expect(adapter.parse({ name: "bomb.html.gz", data: bomb }, { maxBytes: 1_000_000 })).rejects.toMatchObject({ code: "INPUT_TOO_LARGE", input: "bomb.html.gz" });
  });

  it("falls back to the JSON-LD articleBody when the markup holds no article", async () => {
    const page = `<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Pier reopens","datePublished":"2024-05-17","articleBody":"The north pier reopened on Friday after repairs to its loading ramp.\\nSelvane Lines said the first lorries crossed at noon, and that the timetable was back to normal for the weekend."}</script></head><body><div id="app"></div></body></html>`;
    const [a] = await adapter.parse({ name: "app.html", data: enc.encode(page) });
    expect(a).toMatchObject({ title: "Pier reopens", publishedAt: "2024-05-17" });
    expect(ofKind(a!, "body")).toEqual([
      "The north pier reopened on Friday after repairs to its loading ramp.",
      "Selvane Lines said the first lorries crossed at noon, and that the timetable was back to normal for the weekend.",
    ]);
  });

  it("cleans metadata as pages write it: twice-escaped entities, 'By' before the name, a URL as the site name", async () => {
    const page = `<html><head><meta property="og:title" content="&amp;#8216;Pier&amp;#8217; reopens &amp;amp; ferries return"><meta name="author" content="By Ann Lee"><meta property="og:site_name" content="https://www.fjord-news.example/"><meta name="date" content="2024/05/17 09:30"></head><body><article><p>${"The north pier reopened on Friday after repairs to its loading ramp, the ferry company said. ".repeat(4)}</p></article></body></html>`;
    const [a] = await adapter.parse({ name: "pier.html", data: enc.encode(page) });
    expect(a).toMatchObject({ title: "‘Pier’ reopens & ferries return", byline: "Ann Lee", outlet: "fjord-news.example", publishedAt: "2024-05-17T09:30:00" });
  });

  it("detects the language of a page that does not declare one", async () => {
    const page = `<html><body><article><p>El ayuntamiento ha decidido que el puerto se cerrará durante tres días después del incendio, según dijo el alcalde a los periodistas que estaban en el muelle.</p><p>Los barcos no saldrán hasta el viernes y los viajeros tendrán que esperar en el polideportivo de la ciudad, donde se han instalado camas.</p></article></body></html>`;
    const [a] = await adapter.parse({ name: "puerto.html", data: enc.encode(page) });
    expect(a!.language).toBe("es");
  });
});

describe("HTML adapter: pages that are not articles, and hostile pages", () => {
  it("says NOT_AN_ARTICLE for an index page and for an empty app shell", async () => {
    const index = `<html><body><h1>Latest</h1><ul>${"<li><a href='/a'>A story about the harbour and its ferries</a></li>".repeat(30)}</ul></body></html>`;
    await expect(adapter.parse({ name: "index.html", data: enc.encode(index) })).rejects.toMatchObject({ code: "NOT_AN_ARTICLE", input: "index.html" });
    const shell = '<!DOCTYPE html><html><head><title>App</title></head><body><div id="root"></div><script>boot()</script></body></html>';
    await expect(adapter.parse({ name: "shell.html", data: enc.encode(shell) })).rejects.toMatchObject({ code: "NOT_AN_ARTICLE", message: expect.stringContaining("shell.html") });
  });

  it("says NOT_AN_ARTICLE for a section page of teasers (linked headlines, a sentence each)", async () => {
    const teaser = (i: number) =>
      `<article><h2><a href="/s/${i}">Harbour story number ${i} makes the news</a></h2><p>The council met on Tuesday to discuss the ferry timetable, the pier repairs and the summer festival, item ${i}.</p><span>May ${i}, 2024</span></article>`;
    const page = `<!DOCTYPE html><html><head><title>Islands</title></head><body><main><h1>Islands</h1>${Array.from({ length: 10 }, (_, i) => teaser(i + 1)).join("")}</main></body></html>`;
    await expect(adapter.parse({ name: "islands.html", data: enc.encode(page) })).rejects.toMatchObject({
      code: "NOT_AN_ARTICLE",
      message: expect.stringMatching(/islands\.html: the page lists 10 linked headlines .* an index page/),
    });
  });

  it("refuses deep nesting, too many elements and runs of stray '<' before parsing", () => {
    expect(() => assertBoundedHtml("<b>".repeat(200_000), "b.html")).toThrow(expect.objectContaining({ code: "HOSTILE_INPUT", input: "b.html" }));
    expect(() => assertBoundedHtml("<p>x</p><br>".repeat(60_000), "many.html")).toThrow(/more than 100000 elements/);
    expect(() => assertBoundedHtml("<p>" + "<".repeat(100_000), "lt.html")).toThrow(/'<' that start no tag/);
    // Unclosed <p> and <li> are closed by the parser: thousands of them are not nesting.
    expect(() => assertBoundedHtml("<div>" + "<p>text".repeat(5_000) + "<li>x".repeat(5_000) + "</div>", "ok.html")).not.toThrow();
  });

  it("strips scripts, styles, SVG and comments in linear time, keeping JSON-LD, even when unterminated", () => {
    expect(stripInert('<p>a</p><script>x()</script><style>p{}</style><!-- c --><svg><path/></svg><p>b</p>')).toBe("<p>a</p><p>b</p>");
    expect(stripInert('<script type="application/ld+json">{"a":1}</script>')).toBe('<script type="application/ld+json">{"a":1}</script>');
    expect(stripInert("<p>x</p>" + "<script>y".repeat(100_000))).toBe("<p>x</p>");
    expect(stripInert("<p>x</p>" + "<!-- y".repeat(100_000))).toBe("<p>x</p>");
  });

  it("lists a failing page in ingest's failures and reads the others", async () => {
    const { articles, failures } = await ingest(
      [{ input: { name: "harbour-page.html", data: bytes("harbour-page.html") } }, { input: { name: "deep.html", data: enc.encode(`<html><body>${"<span>".repeat(5_000)}</body></html>`) } }],
      createRegistry([adapter]),
    );
    expect(articles.map((a) => a.id)).toEqual(["harbour-page"]);
    expect(failures).toEqual([expect.objectContaining({ input: "deep.html", code: "HOSTILE_INPUT" })]);
  });
});

describe("detectHtml", () => {
  it("claims HTML by extension, media type, doctype or markup, and nothing else", () => {
    expect(detectHtml({ name: "a.html", data: "whatever" })).toBe(0.95);
    expect(detectHtml({ name: "a.htm.gz", data: new Uint8Array([0x1f, 0x8b, 8]) })).toBe(0.95);
    expect(detectHtml({ name: "page", data: "x", mediaType: "text/html; charset=utf-8" })).toBe(0.95);
    expect(detectHtml({ name: "page", data: "\uFEFF  <!DOCTYPE html><html>" })).toBe(0.9);
    expect(detectHtml({ name: "page", data: "<!-- saved --><html lang=en>" })).toBe(0.9);
    expect(detectHtml({ name: "page", data: "<meta charset=utf-8><title>x</title><p>y" })).toBe(0.7);
    expect(detectHtml({ name: "feed.xml", data: '<?xml version="1.0"?><rss><channel></channel></rss>' })).toBe(0);
    expect(detectHtml({ name: "a.json", data: '{"@type": "NewsArticle"}' })).toBe(0);
    expect(detectHtml({ name: "notes.txt", data: "Plain notes about <b> tags." })).toBe(0);
    expect(detectHtml({ name: "blob", data: new Uint8Array([0x1f, 0x8b, 8, 0]) })).toBe(0);
  });
});

describe("htmlFragmentToText", () => {
  it("turns a feed's HTML body into classified segments, keeping the whole fragment; source line breaks are spaces, <br><br> parts blocks", () => {
    const { text, segments } = htmlFragmentToText(
      '<p>First &amp; <em>foremost</em>.</p><h2>Later</h2><blockquote>"Quoted," she said.</blockquote><figure><img src=x><figcaption>The pier at dusk.</figcaption></figure><p>Line one<br>line two</p><p>Read more: <a href="/x">Another story</a></p>',
    );
    expect(segments.map((s) => [s.kind, text.slice(s.start, s.end)])).toEqual([
      ["body", "First & foremost."],
      ["heading", "Later"],
      ["quote", '"Quoted," she said.'],
      ["caption", "The pier at dusk."],
      ["body", "Line one\nline two"],
      ["related", "Read more: Another story"],
    ]);
    const old = htmlFragmentToText('<div>The council\n  voted on <b>Tuesday</b>.<br><br>Share this: <a href="/s">Chirper</a><br>\n<br>The pier opens in June.<br>It was closed for a month.</div>');
    expect(old.segments.map((s) => [s.kind, old.text.slice(s.start, s.end)])).toEqual([
      ["body", "The council voted on Tuesday."],
      ["boilerplate", "Share this: Chirper"],
      ["body", "The pier opens in June.\nIt was closed for a month."],
    ]);
    const tail = htmlFragmentToText(
      "<p>The pier reopens in June after a month of repairs, the municipality said on Monday.</p><p>This post contains affiliate links.</p><p>More great island stories</p><ul><li>Ferry timetable changes for summer</li><li>Dredging starts in the harbour</li></ul><p>Jane Roe is a reporter at the Courier covering the islands. She may be reached at jane@example.org.</p>",
    );
    expect(tail.segments.map((s) => [s.kind, s.reason])).toEqual([
      ["body", "<p>"],
      ["boilerplate", "page-furniture text"],
      ["related", "read-more text"],
      ["related", "list under a related-stories line"],
      ["related", "list under a related-stories line"],
      ["boilerplate", "page-furniture text"],
    ]);
    const bio = htmlFragmentToText("<p>The pier reopens in June after a month of repairs, the municipality said on Monday.</p><p>Jane Roe is a reporter at the Courier covering the islands.</p>");
    expect(bio.segments.map((s) => s.kind)).toEqual(["body", "byline"]);
    const dated = htmlFragmentToText('<p class="byline">Updated May 14, 2024, 9:41 AM</p><p>14 May 2024</p><p>May 2024 was the wettest month at the quay.</p>');
    expect(dated.segments.map((s) => [s.kind, s.reason])).toEqual([
      ["metadata", "date line"],
      ["metadata", "date line"],
      ["body", "<p>"],
    ]);
    expect(htmlFragmentToText("")).toEqual({ text: "", segments: [] });
    const deep = htmlFragmentToText(`<p>Kept</p>${"<div>".repeat(100_000)}deep${"</div>".repeat(100_000)}`);
    expect(deep.text).toContain("Kept");
    expect(deep.text).toContain("deep");
    expect(htmlFragmentToText("plain words").text).toBe("plain words");
  });
});
