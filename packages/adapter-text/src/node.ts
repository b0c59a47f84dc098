import { readFile } from "node:fs/promises";
import { basename, dirname, resolve } from "node:path";
import {
  InputReadError,
  ManifestError,
  manifestMetadata,
  parseManifest,
  type IngestItem,
  type Manifest,
} from "@corroborate/core";

/** A manifest read from disk, with one ingest item per article. */
export interface LoadedManifest {
  manifest: Manifest;
  items: IngestItem[];
  /** Entries whose file could not be read, with the reason. */
  missing: { file: string; error: InputReadError }[];
}

/** Guesses a media type from a file name, for the registry's detection. */
export function mediaTypeFor(file: string): string | null {
  const lower = file.toLowerCase().replace(/\.gz$/, "");
  if (lower.endsWith(".txt") || lower.endsWith(".text")) return "text/plain";
  if (lower.endsWith(".md")) return "text/markdown";
  if (lower.endsWith(".html") || lower.endsWith(".htm")) return "text/html";
  if (lower.endsWith(".jsonld")) return "application/ld+json";
  if (lower.endsWith(".json")) return "application/json";
  if (lower.endsWith(".xml") || lower.endsWith(".rss") || lower.endsWith(".atom")) return "application/xml";
  return null;
}

/** Reads one file into an ingest item (bytes, name, media type guessed from the extension). */
export async function readInputFile(path: string): Promise<IngestItem> {
  const data = new Uint8Array(await readFile(path));
  return { input: { name: path, data, mediaType: mediaTypeFor(path) } };
}

/**
 * Reads a manifest (`articles[]` with `file`, `id`, `role`, `outlet`, `publishedAt`, `language`) and
 * the files it lists, relative to the manifest's folder. Unreadable files are reported in `missing`.
 */
export async function loadManifest(path: string): Promise<LoadedManifest> {
  let json: string;
  try {
    json = await readFile(path, "utf8");
  } catch (cause) {
    throw new ManifestError(path, `cannot read the manifest: ${(cause as Error).message}`, { cause });
  }
  const manifest = parseManifest(json, basename(path));
  const folder = dirname(resolve(path));
  const items: IngestItem[] = [];
  const missing: LoadedManifest["missing"] = [];
  for (const entry of manifest.articles) {
    const file = resolve(folder, entry.file);
    try {
      const item = await readInputFile(file);
      items.push({
        input: { ...item.input, name: entry.file, mediaType: entry.mediaType ?? item.input.mediaType ?? null },
        options: { metadata: manifestMetadata(entry) },
      });
    } catch (cause) {
      missing.push({
        file: entry.file,
        error: new InputReadError(entry.file, `listed in ${basename(path)} but cannot be read: ${(cause as Error).message}`, { cause }),
      });
    }
  }
  return { manifest, items, missing };
}
