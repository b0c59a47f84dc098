import { manifestMetadata, parseManifest } from "@corroborate/core";
import type { DemoInput } from "./protocol.js";
import manifestText from "../../../examples/harbour-strike/manifest.json?raw";

/**
 * The invented example story (examples/harbour-strike), bundled into the app at build time so that
 * loading it needs no network: its manifest gives each file's id, role, outlet and date.
 */
const files = import.meta.glob<string>("../../../examples/harbour-strike/*.txt", {
  query: "?raw",
  import: "default",
  eager: true,
});

/** Name of the example story's manifest, as errors name it. */
export const EXAMPLE_MANIFEST = "examples/harbour-strike/manifest.json";

/** The example's one-line description, from its manifest. */
export function exampleStory(): string {
  return parseManifest(manifestText, EXAMPLE_MANIFEST).story ?? "Example story";
}

/** The example story's articles as demo inputs, in the manifest's order. */
export function exampleInputs(): DemoInput[] {
  const manifest = parseManifest(manifestText, EXAMPLE_MANIFEST);
  return manifest.articles.map((entry) => {
    const text = files[`../../../examples/harbour-strike/${entry.file}`];
    if (text === undefined) throw new Error(`${EXAMPLE_MANIFEST}: ${entry.file} is not bundled`);
    return { name: entry.file, data: text, mediaType: entry.mediaType ?? "text/plain", metadata: manifestMetadata(entry) };
  });
}
