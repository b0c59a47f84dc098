import type { Adapter } from "@corroborate/core";
import { feedAdapter } from "@corroborate/adapter-feed";
import { htmlAdapter, htmlFragmentToText } from "@corroborate/adapter-html";
import { jsonLdAdapter } from "@corroborate/adapter-jsonld";
import { newsmlAdapter, ninjsAdapter } from "@corroborate/adapter-ninjs";
import { textAdapter } from "@corroborate/adapter-text";

/**
 * The adapters the demo runs in the browser, the CLI's (`defaultAdapters` in packages/cli) in its order:
 * most specific first (order breaks detection ties), HTML pages before plain text, the fallback. HTML
 * bodies inside feeds, NewsML, ninjs and JSON-LD go through the HTML adapter's block classifier, as in
 * the CLI. Only browser-safe entries are imported here (never an adapter's `./node` entry, which reads files).
 */
export function browserAdapters(): Adapter[] {
  const htmlToText = htmlFragmentToText;
  return [feedAdapter({ htmlToText }), newsmlAdapter({ htmlToText }), ninjsAdapter({ htmlToText }), jsonLdAdapter({ htmlToText }), htmlAdapter(), textAdapter()];
}

/** File extensions the file picker offers (any file may still be dropped: adapters detect the format). */
export const ACCEPTED_EXTENSIONS = [".txt", ".md", ".text", ".xml", ".rss", ".atom", ".json", ".jsonld", ".html", ".htm", ".xhtml", ".gz"];
