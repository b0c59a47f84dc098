import { readFileSync } from "node:fs";
import { join } from "node:path";
import { testAdapter } from "@corroborate/core/testing";
import { jsonLdAdapter } from "../src/index.js";

const dir = join(import.meta.dirname, "fixtures");
const file = (name: string) => ({ name, data: new Uint8Array(readFileSync(join(dir, name))) });
const enc = new TextEncoder();

testAdapter({
  adapter: () => jsonLdAdapter(),
  fixtures: [file("news-article.jsonld"), file("graph.json")],
  invalid: [
    { name: "bomb.jsonld", data: enc.encode("[".repeat(100_000) + "]".repeat(100_000)) },
    { name: "no-article.jsonld", data: enc.encode('{"@context": "https://schema.org", "@type": "Recipe", "name": "Soup"}') },
    { name: "empty-body.jsonld", data: enc.encode('{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Only a headline"}') },
  ],
  foreign: [
    { name: "feed.json", data: enc.encode('{"version": "https://jsonfeed.org/version/1.1", "title": "X", "items": []}') },
    { name: "item.json", data: enc.encode('{"uri": "urn:x", "type": "text", "headlines": [{"value": "H"}], "versioncreated": "2024-01-01T00:00:00Z"}') },
    { name: "feed.xml", data: enc.encode('<?xml version="1.0"?><rss version="2.0"><channel><title>X</title></channel></rss>') },
    { name: "notes.txt", data: enc.encode("Just notes."), mediaType: "text/plain" },
  ],
});
