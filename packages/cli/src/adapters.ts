import { createRegistry, type Adapter, type Registry } from "@corroborate/core";
import { textAdapter } from "@corroborate/adapter-text";
import { feedAdapter } from "@corroborate/adapter-feed";
import { htmlAdapter } from "@corroborate/adapter-html";
import { jsonLdAdapter } from "@corroborate/adapter-jsonld";
import { newsmlAdapter, ninjsAdapter } from "@corroborate/adapter-ninjs";

/** The adapters the CLI knows, most specific first (order breaks detection ties). Plain text is the fallback. */
export function defaultAdapters(): Adapter[] {
  return [feedAdapter(), newsmlAdapter(), ninjsAdapter(), jsonLdAdapter(), htmlAdapter(), textAdapter()];
}

/** A registry over {@link defaultAdapters}. */
export function defaultRegistry(): Registry {
  return createRegistry(defaultAdapters());
}
