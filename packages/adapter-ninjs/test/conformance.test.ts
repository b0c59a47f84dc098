import { readFileSync } from "node:fs";
import { join } from "node:path";
import { testAdapter } from "@corroborate/core/testing";
import { newsmlAdapter, ninjsAdapter } from "../src/index.js";

const dir = join(import.meta.dirname, "fixtures");
const file = (name: string) => ({ name, data: new Uint8Array(readFileSync(join(dir, name))) });
const enc = new TextEncoder();

const rss = { name: "feed.xml", data: enc.encode('<?xml version="1.0"?><rss version="2.0"><channel><title>X</title></channel></rss>') };
const jsonld = { name: "story.jsonld", data: enc.encode('{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "H", "articleBody": "B"}') };
const jsonFeed = { name: "feed.json", data: enc.encode('{"version": "https://jsonfeed.org/version/1.1", "title": "X", "items": [{"id": "1", "content_text": "x"}]}') };
const html = { name: "page.html", data: enc.encode("<!doctype html><html><body><p>x</p></body></html>"), mediaType: "text/html" };

testAdapter({
  adapter: () => ninjsAdapter(),
  fixtures: [file("item-v1.ninjs.json"), file("item-v2.json"), file("item-v3.json")],
  invalid: [
    { name: "bomb.json", data: enc.encode('{"uri": "x", "bodies": ' + "[".repeat(100_000) + "]".repeat(100_000) + "}") },
    { name: "no-body.json", data: enc.encode('{"uri": "urn:x", "type": "picture", "versioncreated": "2024-05-14T00:00:00Z", "headline": "A photo"}') },
  ],
  foreign: [jsonld, jsonFeed, rss, html, file("newsitem.xml")],
});

testAdapter({
  adapter: () => newsmlAdapter(),
  fixtures: [file("newsitem.xml"), file("newsmessage.xml")],
  invalid: [
    {
      name: "laughs.xml",
      data: enc.encode(
        '<?xml version="1.0"?><!DOCTYPE newsItem [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><newsItem><contentSet><inlineData>&c;</inlineData></contentSet></newsItem>',
      ),
    },
    { name: "xxe.xml", data: enc.encode('<?xml version="1.0"?><!DOCTYPE newsItem [<!ENTITY x SYSTEM "file:///etc/passwd">]><newsItem><contentSet><inlineData>&x;</inlineData></contentSet></newsItem>') },
    { name: "broken.xml", data: enc.encode("<newsItem><contentMeta><headline>Half</contentMeta></newsItem>") },
  ],
  foreign: [rss, jsonld, html, file("item-v2.json"), { name: "atom.xml", data: enc.encode('<feed xmlns="http://www.w3.org/2005/Atom"><title>X</title></feed>') }],
});
