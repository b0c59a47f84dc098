import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createRegistry, ingest } from "@corroborate/core";
import { detectNewsml, detectNinjs, newsmlAdapter, ninjsAdapter } from "../src/index.js";

const dir = join(import.meta.dirname, "fixtures");
const file = (name: string) => ({ name, data: new Uint8Array(readFileSync(join(dir, name))) });
const enc = new TextEncoder();
const ninjs = ninjsAdapter();
const newsml = newsmlAdapter();
const body = (a: { text: string; segments: { kind: string; start: number; end: number }[] }) =>
  a.segments.filter((s) => s.kind === "body").map((s) => a.text.slice(s.start, s.end));

describe("ninjs adapter", () => {
  it("reads a ninjs 1.x item: headline, body_html over body_text, byline, versioncreated, copyright holder", async () => {
    const [a] = await ninjs.parse(file("item-v1.ninjs.json"));
    expect(a).toMatchObject({
      id: "item-v1",
      title: "Larsvik ferry terminal hit by warehouse fire",
      byline: "Sofia Lindqvist",
      publishedAt: "2024-05-14T11:47:00Z",
      language: "en",
      outlet: "Meridian Press Agency",
      url: "https://meridian-press.example/items/20240514-larsvik-fire",
    });
    expect(body(a!)).toEqual([
      "A fire broke out in a warehouse at the Larsvik ferry terminal on Tuesday.",
      "About 40 firefighters were sent, fire chief Marta Eklund said.",
    ]);
    expect(a!.knownEntities).toEqual([
      { name: "Marta Eklund", type: "person", aliases: [], uri: null },
      { name: "Tomas Hallberg", type: "person", aliases: [], uri: null },
      { name: "Selvane Lines", type: "organization", aliases: [], uri: "https://meridian-press.example/cv/org/selvane" },
      { name: "Larsvik", type: "place", aliases: [], uri: "http://cv.iptc.org/newscodes/city/larsvik" },
      { name: "fire", type: "other", aliases: [], uri: "http://cv.iptc.org/newscodes/mediatopic/20000139" },
    ]);
  });

  it("reads a ninjs 2.x item: the main of several headlines, bodies[], by, infosources, people/organisations/places", async () => {
    const [a] = await ninjs.parse(file("item-v2.json"));
    expect(a).toMatchObject({
      title: "Crossings from Larsvik halted after terminal fire",
      byline: "Sofia Lindqvist and Pavel Horak",
      publishedAt: "2024-05-14T13:05:00+02:00",
      language: "en-GB",
      outlet: "Meridian Press Agency",
      url: null,
    });
    expect(body(a!)).toEqual([
      "Ferry crossings from Larsvik were halted on Tuesday after a fire at the terminal.",
      "Selvane Lines said crossings would resume on Thursday.",
    ]);
    expect(a!.knownEntities.map((e) => [e.type, e.name])).toEqual([
      ["person", "Tomas Hallberg"],
      ["organization", "Selvane Lines"],
      ["place", "Larsvik"],
      ["place", "Skarn Islands"],
      ["other", "maritime transport"],
    ]);
  });

  it("reads a ninjs 3.x item: camelCase versionCreated and contentType, an HTML body, events", async () => {
    const [a] = await ninjs.parse(file("item-v3.json"));
    expect(a).toMatchObject({ title: "Cause of Larsvik terminal fire still unknown", publishedAt: "2024-05-15T08:30:00+02:00", byline: "Pavel Horak" });
    expect(body(a!)[1]).toBe("“We are ruling nothing out,” fire chief Marta Eklund said on Wednesday.");
    expect(a!.knownEntities.map((e) => [e.type, e.name])).toEqual([
      ["person", "Marta Eklund"],
      ["organization", "Larsvik Fire and Rescue Service"],
      ["place", "Larsvik"],
      ["event-name", "Larsvik terminal fire"],
    ]);
  });

  it("reads an array of items, reporting an item without text and keeping the others", async () => {
    const items = [JSON.parse(readFileSync(join(dir, "item-v2.json"), "utf8")), { uri: "urn:photo", type: "picture", headline: "Photo" }];
    const { articles, failures } = await ingest([{ input: { name: "batch.json", data: enc.encode(JSON.stringify(items)) } }], createRegistry([ninjs]));
    expect(articles.map((a) => a.id)).toEqual(["batch"]);
    expect(failures).toEqual([expect.objectContaining({ input: "batch.json", code: "PARSE_FAILED", message: "batch.json: item 2 (urn:photo): holds no text body" })]);
  });

  it("refuses a JSON bomb with a typed error", async () => {
    await expect(ninjs.parse({ name: "deep.json", data: '{"uri":"x","bodies":' + "[".repeat(300_000) + "]".repeat(300_000) + "}" })).rejects.toMatchObject({
      code: "HOSTILE_INPUT",
      input: "deep.json",
    });
  });

  it("tells ninjs from other JSON by its keys", () => {
    expect(detectNinjs(file("item-v2.json"))).toBeGreaterThanOrEqual(0.9);
    expect(detectNinjs(file("item-v3.json"))).toBeGreaterThanOrEqual(0.9);
    expect(detectNinjs({ name: "a.json", data: '{"uri": "x", "headline": "y"}' })).toBe(0);
    expect(detectNinjs({ name: "a.json", data: '{"@context": "https://schema.org", "uri": "x", "versioncreated": "y"}' })).toBe(0);
  });
});

describe("NewsML-G2 adapter", () => {
  it("reads a newsItem: contentMeta headline, by, dateline, language, itemMeta date and provider, XHTML body", async () => {
    const [a] = await newsml.parse(file("newsitem.xml"));
    expect(a).toMatchObject({
      id: "newsitem",
      title: "Fire at Larsvik ferry terminal stops crossings for two days",
      byline: "By Anders Moe",
      publishedAt: "2024-05-14T16:20:00+02:00",
      language: "en-GB",
      outlet: "Tidewater News Agency",
      source: { adapter: "newsml" },
    });
    const dateline = a!.segments.find((s) => s.kind === "dateline")!;
    expect(a!.text.slice(dateline.start, dateline.end)).toBe("LARSVIK, Sweden, May 14 (Tidewater)");
    expect(body(a!)).toEqual([
      "A fire destroyed a storage warehouse at the Larsvik ferry terminal on Tuesday, and Selvane Lines stopped crossings for two days.",
      "Around 40 firefighters brought the blaze under control by early afternoon & nobody was hurt, fire chief Marta Eklund said.",
    ]);
    expect(a!.text).not.toMatch(/<|&amp;/);
  });

  it("puts subjects that name people, organisations and places into knownEntities, with other names as aliases", async () => {
    const [a] = await newsml.parse(file("newsitem.xml"));
    expect(a!.knownEntities).toEqual([
      { name: "Marta Eklund", type: "person", aliases: [], uri: "tnaperson:eklund-marta" },
      { name: "Selvane Lines", type: "organization", aliases: ["Selvanelinjen"], uri: "tnaorg:selvane" },
      { name: "Larsvik", type: "place", aliases: [], uri: "city:larsvik" },
    ]);
  });

  it("reads the text items of a newsMessage and reports the picture item", async () => {
    const failed: string[] = [];
    const articles = await newsml.parse(file("newsmessage.xml"), { onItemFailure: (e) => failed.push(e.message) });
    expect(articles.map((a) => [a.title, a.outlet, a.publishedAt, a.language])).toEqual([
      ["Larsvik crossings to resume on Thursday", "Tidewater News Agency", "2024-05-15T06:45:00Z", "en"],
    ]);
    expect(failed).toEqual([expect.stringContaining("newsItem 2 (urn:newsml:tidewater-news.example:20240515:larsvik-photo): holds no text")]);
  });

  it("refuses entity declarations (billion laughs, XXE) as hostile, without reading any file", async () => {
    const xxe = '<?xml version="1.0"?><!DOCTYPE newsItem [<!ENTITY x SYSTEM "file:///etc/hostname">]><newsItem><contentSet><inlineData>&x;</inlineData></contentSet></newsItem>';
    const error = await newsml.parse({ name: "xxe.xml", data: xxe }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "HostileInputError", code: "HOSTILE_INPUT", input: "xxe.xml" });
    const lol = `<!DOCTYPE l [<!ENTITY l0 "ha">${Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join("")}]><newsItem><contentSet><inlineData>&l9;</inlineData></contentSet></newsItem>`;
    await expect(newsml.parse({ name: "lol.xml", data: lol })).rejects.toMatchObject({ code: "HOSTILE_INPUT" });
  });

  it("names the line and column of malformed XML", async () => {
    await expect(newsml.parse({ name: "bad.xml", data: "<newsItem>\n<contentMeta><headline>x</contentMeta></newsItem>" })).rejects.toThrow(
      /bad\.xml: malformed XML at line 2, column \d+/,
    );
  });

  it("detects NewsML by its root element, with or without a prefix", () => {
    expect(detectNewsml(file("newsitem.xml"))).toBe(0.95);
    expect(detectNewsml(file("newsmessage.xml"))).toBe(0.95);
    expect(detectNewsml({ name: "x.xml", data: '<?xml version="1.0"?>\n<!-- c --><rss version="2.0"/>' })).toBe(0);
  });
});
