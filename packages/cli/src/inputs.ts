import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { InputReadError, toFailure, type IngestItem, type InputFailure } from "@corroborate/core";
import { loadManifest, readInputFile } from "@corroborate/adapter-text/node";

/** What the CLI gathered from its arguments: inputs to parse, and inputs that could not even be read. */
export interface GatheredInputs {
  items: IngestItem[];
  failures: InputFailure[];
}

/**
 * Reads the files named on the command line (a folder stands for the files in it, sorted by name,
 * manifests and hidden files excluded) and, when given, a manifest's files with their metadata.
 */
export async function gatherInputs(files: string[], manifest?: string): Promise<GatheredInputs> {
  const items: IngestItem[] = [];
  const failures: InputFailure[] = [];
  if (manifest) {
    try {
      const loaded = await loadManifest(manifest);
      items.push(...loaded.items);
      for (const m of loaded.missing) failures.push(toFailure(m.file, m.error));
    } catch (error) {
      failures.push(toFailure(manifest, error));
    }
  }
  for (const path of files) {
    try {
      const info = await stat(path);
      if (info.isDirectory()) {
        const names = (await readdir(path)).filter((n) => !n.startsWith(".") && n !== "manifest.json" && n !== "gold.json").sort();
        for (const name of names) items.push(await readInputFile(join(path, name)));
      } else {
        items.push(await readInputFile(path));
      }
    } catch (cause) {
      failures.push(toFailure(path, new InputReadError(path, `cannot read the file: ${(cause as Error).message}`, { cause })));
    }
  }
  return { items, failures };
}
