import type { Adapter } from "@corroborate/core";
import { feedAdapter } from "@corroborate/adapter-feed";
import { jsonLdAdapter } from "@corroborate/adapter-jsonld";
import { newsmlAdapter, ninjsAdapter } from "@corroborate/adapter-ninjs";
import { textAdapter } from "@corroborate/adapter-text";

/**
 * The adapters the demo runs in the browser, in the CLI's order: most specific first (order breaks
 * detection ties), plain text last as the fallback. Only browser-safe entries are imported here
 * (never an adapter's `./node` entry, which reads files).
 */
export function browserAdapters(): Adapter[] {
  return [feedAdapter(), newsmlAdapter(), ninjsAdapter(), jsonLdAdapter(), textAdapter()];
}

/** File extensions the file picker offers (any file may still be dropped: adapters detect the format). */
export const ACCEPTED_EXTENSIONS = [".txt", ".md", ".text", ".xml", ".rss", ".atom", ".json", ".jsonld", ".html", ".htm"];
