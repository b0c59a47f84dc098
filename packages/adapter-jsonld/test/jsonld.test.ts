import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createRegistry, ingest } from "@corroborate/core";
import { detectJsonLd, jsonLdAdapter, readJsonLd } from "../src/index.js";

const dir = join(import.meta.dirname, "fixtures");
const file = (name: string) => ({ name, data: new Uint8Array(readFileSync(join(dir, name))) });
const enc = new TextEncoder();
const adapter = jsonLdAdapter();

describe("JSON-LD adapter", () => {
  it("reads a NewsArticle's fields into the article", async () => {
    const [a] = await adapter.parse(file("news-article.jsonld"));
    expect(a).toMatchObject({
      id: "news-article",
      title: "Fire shuts Larsvik ferry terminal; crossings halted for three days",
      outlet: "Nordcoast Daily",
      byline: "Ilse Varga, Johan Prell",
      publishedAt: "2024-05-14T18:05:00+02:00",
      language: "en-GB",
      url: "https://nordcoast-daily.example/2024/05/14/larsvik-terminal-fire",
      source: { adapter: "jsonld", index: 0 },
    });
    const kinds = a!.segments.map((s) => [s.kind, a!.text.slice(s.start, s.end)]);
    expect(kinds[0]).toEqual(["title", a!.title]);
    expect(kinds[1]).toEqual(["dateline", "LARSVIK, May 14"]);
    expect(kinds.slice(2).map(([k]) => k)).toEqual(["body", "body", "body", "body"]);
    expect(kinds[3]![1]).toBe("About 40 firefighters fought the blaze for five hours, fire chief Marta Eklund said. Nobody was hurt.");
  });

  it("puts the people, organisations and places it is about or mentions into knownEntities", async () => {
    const [a] = await adapter.parse(file("news-article.jsonld"));
    expect(a!.knownEntities).toEqual([
      { name: "Larsvik", type: "place", aliases: [], uri: "https://places.example/larsvik" },
      { name: "Selvane Lines", type: "organization", aliases: ["Selvane"], uri: null },
      { name: "Marta Eklund", type: "person", aliases: [], uri: null },
      { name: "Tomas Hallberg", type: "person", aliases: [], uri: null },
    ]);
  });

  it("reads the articles of a @graph, resolving @id references, and turns an HTML body into text", async () => {
    const failed: string[] = [];
    const articles = await adapter.parse(file("graph.json"), { onItemFailure: (e) => failed.push(e.message) });
    expect(articles).toHaveLength(1);
    const [a] = articles;
    expect(a).toMatchObject({
      title: "Larsvik terminal fire: what we know",
      byline: "Dele Okafor",
      outlet: "Harbourline News",
      language: "en",
      publishedAt: "2024-05-15",
      url: "https://harbourline.example/news/terminal-fire",
    });
    expect(a!.text).not.toContain("<");
    expect(a!.text).toContain("The fire at the Larsvik ferry terminal started in a storage warehouse on Tuesday.");
    expect(a!.knownEntities).toEqual([{ name: "Larsvik", type: "place", aliases: [], uri: null }]);
    expect(failed).toEqual([expect.stringMatching(/graph\.json: article 2 \(https:\/\/harbourline\.example\/news\/teaser#article\): has neither articleBody nor description/)]);
  });

  it("lists an article without text in ingest's failures and keeps the other", async () => {
    const { articles, failures } = await ingest([{ input: file("graph.json") }], createRegistry([adapter]));
    expect(articles.map((a) => a.id)).toEqual(["graph"]);
    expect(failures).toEqual([expect.objectContaining({ input: "graph.json", code: "PARSE_FAILED" })]);
  });

  it("says NOT_AN_ARTICLE for JSON-LD with no article node", async () => {
    await expect(adapter.parse({ name: "recipe.jsonld", data: '{"@context": "https://schema.org", "@type": "Recipe"}' })).rejects.toMatchObject({
      code: "NOT_AN_ARTICLE",
      input: "recipe.jsonld",
    });
    expect(readJsonLd("x", [{ "@type": "Person", name: "A" }]).articles).toEqual([]);
  });

  it("refuses a JSON bomb with a typed error", async () => {
    const bomb = { name: "bomb.json", data: enc.encode('{"@context":"https://schema.org","a":' + "[".repeat(200_000) + "]".repeat(200_000) + "}") };
    await expect(adapter.parse(bomb)).rejects.toMatchObject({ code: "HOSTILE_INPUT", input: "bomb.json" });
  });

  it("detects JSON-LD by extension, media type or @context, and nothing else", () => {
    expect(detectJsonLd(file("news-article.jsonld"))).toBeGreaterThanOrEqual(0.9);
    expect(detectJsonLd({ name: "a.json", data: '{"@context": "https://schema.org", "@type": "NewsArticle"}' })).toBe(0.9);
    expect(detectJsonLd({ name: "page", data: "{}", mediaType: "application/ld+json" })).toBe(0.95);
    expect(detectJsonLd({ name: "a.json", data: '{"title": "x"}' })).toBe(0);
    expect(detectJsonLd({ name: "a.jsonld", data: "<html></html>" })).toBe(0);
  });
});
