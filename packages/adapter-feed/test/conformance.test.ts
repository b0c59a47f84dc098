import { readFileSync } from "node:fs";
import { join } from "node:path";
import { testAdapter } from "@corroborate/core/testing";
import { feedAdapter } from "../src/index.js";

const dir = join(import.meta.dirname, "fixtures");
const file = (name: string) => ({ name, data: new Uint8Array(readFileSync(join(dir, name))) });
const enc = new TextEncoder();

testAdapter({
  adapter: () => feedAdapter(),
  fixtures: [file("rss2.xml"), file("rss1.xml"), file("atom.xml"), file("feed.json"), file("broken-item.xml")],
  invalid: [
    {
      name: "laughs.xml",
      data: enc.encode(
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><rss><channel><title>T</title><item><title>&c;</title></item></channel></rss>',
      ),
    },
    { name: "xxe.xml", data: enc.encode('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss><channel><item><title>&x;</title></item></channel></rss>') },
    { name: "deep.xml", data: enc.encode(`<rss><channel><item>${"<b>".repeat(50_000)}${"</b>".repeat(50_000)}</item></channel></rss>`) },
    { name: "bomb.json", data: enc.encode('{"version": "https://jsonfeed.org/version/1.1", "items": ' + "[".repeat(100_000) + "]".repeat(100_000) + "}") },
    { name: "empty-feed.xml", data: enc.encode('<rss version="2.0"><channel><title>No items</title></channel></rss>') },
    { name: "page.xml", data: enc.encode("<html><body><p>Not a feed.</p></body></html>") },
  ],
  foreign: [
    { name: "story.jsonld", data: enc.encode('{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "H", "articleBody": "B"}') },
    { name: "item.json", data: enc.encode('{"uri": "urn:x", "type": "text", "headlines": [{"value": "H"}], "versioncreated": "2024-01-01T00:00:00Z"}') },
    { name: "newsml.xml", data: enc.encode('<?xml version="1.0"?><newsItem xmlns="http://iptc.org/std/nar/2006-10-01/"><contentSet/></newsItem>') },
    { name: "page.html", data: enc.encode("<!doctype html><html><body><p>x</p></body></html>"), mediaType: "text/html" },
    { name: "notes.txt", data: enc.encode("Plain notes about a feed."), mediaType: "text/plain" },
  ],
});
