import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { testAdapter } from "@corroborate/core/testing";
import { htmlAdapter } from "../src/index.js";

const dir = join(import.meta.dirname, "fixtures");
const bytes = (name: string) => new Uint8Array(readFileSync(join(dir, name)));
const file = (name: string) => ({ name, data: bytes(name) });
const enc = new TextEncoder();

testAdapter({
  adapter: () => htmlAdapter(),
  fixtures: [
    file("harbour-page.html"),
    file("legacy-1252.html"),
    { name: "harbour-page.html.gz", data: new Uint8Array(gzipSync(bytes("harbour-page.html"))) },
    { name: "page-from-a-server", data: readFileSync(join(dir, "harbour-page.html"), "utf8"), mediaType: "text/html; charset=utf-8" },
  ],
  invalid: [
    { name: "index.html", data: enc.encode(`<html><body><h1>Latest</h1><ul>${"<li><a href='/a'>A story about the harbour and its ferries</a></li>".repeat(30)}</ul></body></html>`) },
    { name: "shell.html", data: enc.encode('<!DOCTYPE html><html><head><title>App</title><script src="/app.js"></script></head><body><div id="root"></div></body></html>') },
    { name: "script-only.html", data: enc.encode(`<html><head><script>${"var x = 1;".repeat(10_000)}</script></head><body></body></html>`) },
    { name: "nested.html", data: enc.encode(`<html><body>${"<div>".repeat(50_000)}deep${"</div>".repeat(50_000)}</body></html>`) },
    { name: "corrupt.html.gz", data: new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3, 4, 5]) },
    { name: "utf16-garbage.html", data: new Uint8Array([0xff, 0xfe, 0, 0, 1, 0, 2, 0]) },
  ],
  foreign: [
    { name: "feed.xml", data: enc.encode('<?xml version="1.0"?><rss version="2.0"><channel><title>X</title></channel></rss>') },
    { name: "story.jsonld", data: enc.encode('{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "H"}') },
    { name: "item.json", data: enc.encode('{"uri": "urn:x", "type": "text", "headlines": [{"value": "H"}]}') },
    { name: "notes.txt", data: enc.encode("Notes from the quay: the <b> key was stuck."), mediaType: "text/plain" },
    { name: "newsml.xml", data: enc.encode('<?xml version="1.0"?><newsItem xmlns="http://iptc.org/std/nar/2006-10-01/"><contentSet><inlineXML><html><body><p>x</p></body></html></inlineXML></contentSet></newsItem>') },
  ],
});
