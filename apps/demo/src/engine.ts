import { createRegistry, ingest, reconcile, renderJson, renderMarkdown, type Report } from "@corroborate/core";
import { browserAdapters } from "./adapters.js";
import type { DemoInput } from "./protocol.js";

/** What one analysis produced: the report and its two downloadable renderings. */
export interface Analysis {
  report: Report;
  json: string;
  markdown: string;
  /** Names of the adapters that were available. */
  adapters: string[];
}

/**
 * Reads the inputs with the browser's adapters and reconciles them, exactly as the CLI does.
 * Inputs that fail are listed in the report's `failures`; the others still make the report.
 * Runs in the worker (and in Node, in the tests, to check what the page shows).
 */
export async function analyse(inputs: readonly DemoInput[]): Promise<Analysis> {
  const adapters = browserAdapters();
  const registry = createRegistry(adapters);
  const { articles, failures } = await ingest(
    inputs.map((i) => ({ input: { name: i.name, data: i.data, mediaType: i.mediaType }, options: { metadata: i.metadata } })),
    registry,
  );
  const report = await reconcile(articles, { failures });
  return { report, json: renderJson(report), markdown: renderMarkdown(report), adapters: adapters.map((a) => a.name) };
}
