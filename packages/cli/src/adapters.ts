import { createRegistry, type Adapter, type Registry } from "@corroborate/core";
import { textAdapter } from "@corroborate/adapter-text";
import { feedAdapter } from "@corroborate/adapter-feed";
import { htmlAdapter, htmlFragmentToText } from "@corroborate/adapter-html";
import { jsonLdAdapter } from "@corroborate/adapter-jsonld";
import { newsmlAdapter, ninjsAdapter } from "@corroborate/adapter-ninjs";

/**
 * The adapters the CLI knows, most specific first (order breaks detection ties). Plain text is the fallback.
 * HTML bodies inside feeds, NewsML, ninjs and JSON-LD go through the HTML adapter's block classifier.
 */
export function defaultAdapters(): Adapter[] {
  const htmlToText = htmlFragmentToText;
  return [feedAdapter({ htmlToText }), newsmlAdapter({ htmlToText }), ninjsAdapter({ htmlToText }), jsonLdAdapter({ htmlToText }), htmlAdapter(), textAdapter()];
}

/** A registry over {@link defaultAdapters}. */
export function defaultRegistry(): Registry {
  return createRegistry(defaultAdapters());
}
