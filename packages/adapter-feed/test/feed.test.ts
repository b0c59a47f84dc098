import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createRegistry, ingest, type Article } from "@corroborate/core";
import { detectFeed, feedAdapter, parseFeed } from "../src/index.js";

const dir = join(import.meta.dirname, "fixtures");
const file = (name: string) => ({ name, data: new Uint8Array(readFileSync(join(dir, name))) });
const enc = new TextEncoder();
const adapter = feedAdapter();
const kinds = (a: Article) => a.segments.map((s) => [s.kind, a.text.slice(s.start, s.end)]);

describe("RSS 2.0", () => {
  it("reads each item: channel title as outlet, link, dc:creator, RFC 822 date with its offset, channel language", async () => {
    const articles = await adapter.parse(file("rss2.xml"));
    expect(articles.map((a) => [a.id, a.title, a.outlet, a.url, a.byline, a.publishedAt, a.language])).toEqual([
      ["rss2-1", "Terminal fire halts Larsvik ferries", "The Larsvik Ledger", "https://larsvik-ledger.example/2024/05/14/terminal-fire", "Nils Borg", "2024-05-14T12:30:00+02:00", "en-GB"],
      ["rss2-2", "Islanders stranded as crossings stop", "The Larsvik Ledger", "https://larsvik-ledger.example/2024/05/14/islanders-stranded", "Karin Sjö", "2024-05-14T17:05:00Z", "en-GB"],
    ]);
    expect(articles.map((a) => a.source.index)).toEqual([0, 1]);
  });

  it("prefers content:encoded over the description and turns its HTML into text", async () => {
    const [a] = await adapter.parse(file("rss2.xml"));
    expect(a!.text).not.toMatch(/<p>|CDATA|&ldquo;/);
    expect(a!.text).toContain("Some 40 firefighters fought the flames, fire chief Marta Eklund said.");
    expect(a!.text).toContain("“The pier itself is intact,” Eklund said.");
    expect(a!.text).not.toContain("stopped all crossings on Tuesday");
    expect(kinds(a!)[0]).toEqual(["title", "Terminal fire halts Larsvik ferries"]);
  });

  it("decodes an escaped HTML description once, as a reader would see it", async () => {
    const [, b] = await adapter.parse(file("rss2.xml"));
    expect(kinds(b!)[1]).toEqual(["body", "About 300 travellers waited at the Skarn Islands quay & the council opened the school hall for them."]);
  });
});

describe("RSS 1.0 (RDF)", () => {
  it("reads the items beside the channel, with Dublin Core dates, creator and language", async () => {
    const articles = await adapter.parse(file("rss1.xml"));
    expect(articles.map((a) => [a.title, a.outlet, a.url, a.byline, a.publishedAt, a.language])).toEqual([
      ["Fire at Larsvik terminal", "Skarn Radio News", "https://skarn-radio.example/news/4411", "Skarn Radio newsdesk", "2024-05-14T13:00:00+02:00", "en"],
      ["School hall opens for stranded travellers", "Skarn Radio News", "https://skarn-radio.example/news/4412", null, "2024-05-14T18:40:00+02:00", "en"],
    ]);
  });
});

describe("Atom", () => {
  it("reads entries: xhtml content, alternate link, several authors, published over updated", async () => {
    const [a] = await adapter.parse(file("atom.xml"));
    expect(a).toMatchObject({
      title: "Larsvik pier inspected after warehouse fire",
      outlet: "Harbour Watch",
      url: "https://harbour-watch.example/2024/larsvik-pier",
      byline: "Greta Holm, Omar Said",
      publishedAt: "2024-05-15T08:15:00+02:00",
      language: "en",
    });
    expect(kinds(a!).slice(1)).toEqual([
      ["body", "Engineers began inspecting the Larsvik pier on Wednesday, a day after a warehouse fire at the ferry terminal."],
      ["body", "Selvane Lines expects crossings to resume on Friday."],
    ]);
  });

  it("reads an html title and content, a link without rel, and the entry's own xml:lang", async () => {
    const [, b] = await adapter.parse(file("atom.xml"));
    expect(b).toMatchObject({ title: "Brand i Larsvik hamn", url: "https://harbour-watch.example/sv/2024/larsvik-brand", language: "sv", publishedAt: "2024-05-14T20:00:00Z" });
    expect(b!.text).toContain("En brand utbröt i ett lager vid färjeterminalen i Larsvik på tisdagen.");
  });
});

describe("JSON Feed", () => {
  it("reads 1.1 items (content_html, authors) and 1.0 ones (content_text, author)", async () => {
    const articles = await adapter.parse(file("feed.json"));
    expect(articles.map((a) => [a.title, a.outlet, a.url, a.byline, a.publishedAt, a.language])).toEqual([
      ["What the Larsvik fire means for island travel", "Coastline Notes", "https://coastline-notes.example/2024/05/14/larsvik", "Lea Fischer", "2024-05-14T21:00:00+02:00", "en"],
      [null, "Coastline Notes", "https://coastline-notes.example/2024/05/15/update", "Lea Fischer", "2024-05-15T10:00:00+02:00", "en"],
    ]);
    expect(articles[0]!.text).toContain("Selvane Lines says crossings will stop for two days.");
    expect(articles[1]!.text).toBe("Update: the council says a relief boat will run twice a day until the ferries return.");
  });
});

describe("broken items", () => {
  it("parseFeed returns the good items and each broken one with its line", () => {
    const result = parseFeed(file("broken-item.xml"));
    expect(result.feed).toEqual({ kind: "rss", title: "Larsvik Community Bulletin", link: "https://bulletin.example/", language: "en" });
    expect(result.articles.map((a) => a.title)).toEqual(["Relief boat timetable", "Volunteers needed at the school hall"]);
    expect(result.failures.map((f) => [f.code, f.message])).toEqual([
      ["PARSE_FAILED", expect.stringMatching(/^broken-item\.xml: item 2 \(line 12\): malformed XML at line \d+, column \d+/)],
    ]);
  });

  it("ingest keeps the good items and lists the broken one in its failures", async () => {
    const { articles, failures } = await ingest([{ input: file("broken-item.xml") }], createRegistry([adapter]));
    expect(articles.map((a) => a.id)).toEqual(["broken-item-1", "broken-item-2"]);
    expect(failures).toEqual([expect.objectContaining({ input: "broken-item.xml", code: "PARSE_FAILED", message: expect.stringContaining("item 2 (line 12)") })]);
  });

  it("reads a generated feed of 10,000 items with one broken in the middle", async () => {
    const items = Array.from({ length: 10_000 }, (_, i) =>
      i === 5000
        ? "<item><title>Broken <b></title></item>"
        : `<item><title>Notice ${i}</title><link>https://bulletin.example/${i}</link><description>Harbour notice number ${i} &amp; more.</description><pubDate>Wed, 15 May 2024 09:00:00 +0200</pubDate></item>`,
    );
    const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>Bulk</title>${items.join("\n")}</channel></rss>`;
    const failed: string[] = [];
    const articles = await adapter.parse({ name: "bulk.xml", data: enc.encode(xml) }, { onItemFailure: (e) => failed.push(e.message) });
    expect(articles).toHaveLength(9_999);
    expect(articles[9_998]!.title).toBe("Notice 9999");
    expect(articles[9_998]!.text).toContain("Harbour notice number 9999 & more.");
    expect(failed).toEqual([expect.stringMatching(/^bulk\.xml: item 5001 \(line 5001\): malformed XML/)]);
  }, 60_000); // correctness, not speed (pnpm bench measures speed): room for a loaded CI machine

  it("fails the whole input with a typed error only when no item can be read", async () => {
    const xml = '<rss><channel><title>T</title><item><title>a</item><item><title>b</item></channel></rss>';
    await expect(adapter.parse({ name: "all-bad.xml", data: xml })).rejects.toMatchObject({
      code: "PARSE_FAILED",
      message: expect.stringContaining("none of the 2 items could be read"),
    });
  });
});

describe("hostile input", () => {
  it("refuses billion laughs and external entities as HOSTILE_INPUT, reading no file", async () => {
    const xxe = '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/hostname">]><rss><channel><title>T</title><item><title>&x;</title><description>d</description></item></channel></rss>';
    const error = await adapter.parse({ name: "xxe.rss", data: xxe }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "HostileInputError", code: "HOSTILE_INPUT", input: "xxe.rss" });
    const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join("");
    const laughs = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY l0 "lol">${levels}]><rss><channel><title>&l9;</title><item><title>&l9;</title></item></channel></rss>`;
    await expect(adapter.parse({ name: "laughs.rss", data: laughs })).rejects.toMatchObject({ code: "HOSTILE_INPUT", input: "laughs.rss" });
  });

  it("refuses a JSON Feed nested 100,000 levels deep", async () => {
    const bomb = '{"version": "https://jsonfeed.org/version/1.1", "items": [' + "[".repeat(100_000) + "]".repeat(100_000) + "]}";
    await expect(adapter.parse({ name: "bomb.json", data: bomb })).rejects.toMatchObject({ code: "HOSTILE_INPUT" });
  });
});

describe("detection", () => {
  it("tells feeds from other XML and JSON by the root element and keys", () => {
    expect(detectFeed(file("rss2.xml"))).toBe(0.95);
    expect(detectFeed(file("rss1.xml"))).toBe(0.95);
    expect(detectFeed(file("atom.xml"))).toBe(0.95);
    expect(detectFeed(file("feed.json"))).toBe(0.95);
    expect(detectFeed({ name: "x.xml", data: '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/"/>' })).toBe(0);
    expect(detectFeed({ name: "x.html", data: "<!DOCTYPE html><html></html>" })).toBe(0);
    expect(detectFeed({ name: "x.json", data: '{"@context": "https://schema.org"}' })).toBe(0);
  });
});
