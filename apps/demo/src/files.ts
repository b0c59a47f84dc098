import type { ArticleRole } from "@corroborate/core";
import type { DemoInput } from "./protocol.js";

/** Largest file the demo accepts, well under the core's own limit, to keep the page responsive. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

/** A file the browser could not hand over, named, with why. */
export interface FileProblem {
  name: string;
  message: string;
}

/**
 * Reads dropped or chosen files as bytes (the adapters detect format and encoding themselves).
 * Files too large are reported, not read; `taken` makes names unique among the inputs.
 */
export async function readFiles(files: readonly File[], taken: ReadonlySet<string>): Promise<{ inputs: DemoInput[]; problems: FileProblem[] }> {
  const inputs: DemoInput[] = [];
  const problems: FileProblem[] = [];
  const names = new Set(taken);
  for (const file of files) {
    if (file.size > MAX_FILE_BYTES) {
      problems.push({ name: file.name, message: `is ${file.size} bytes; the demo reads files up to ${MAX_FILE_BYTES} bytes` });
      continue;
    }
    try {
      const data = new Uint8Array(await file.arrayBuffer());
      const name = uniqueName(file.name || "file", names);
      names.add(name);
      inputs.push({ name, data, mediaType: file.type || null, metadata: {} });
    } catch (error) {
      problems.push({ name: file.name, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return { inputs, problems };
}

/** What the paste form gives. */
export interface PastedArticle {
  text: string;
  outlet: string;
  publishedAt: string;
  role: ArticleRole;
}

/** A pasted article as an input named `pasted-N.txt`, with the metadata typed beside it. */
export function pastedInput(pasted: PastedArticle, taken: ReadonlySet<string>): DemoInput {
  let n = 1;
  while (taken.has(`pasted-${n}.txt`)) n++;
  const metadata: DemoInput["metadata"] = { role: pasted.role };
  if (pasted.outlet.trim()) metadata.outlet = pasted.outlet.trim();
  if (pasted.publishedAt) metadata.publishedAt = pasted.publishedAt;
  return { name: `pasted-${n}.txt`, data: pasted.text, mediaType: "text/plain", metadata };
}

/** `name`, or `stem-2.ext`, `stem-3.ext`... whichever is not taken. */
export function uniqueName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  const dot = name.lastIndexOf(".");
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ""];
  for (let n = 2; ; n++) if (!taken.has(`${stem}-${n}${ext}`)) return `${stem}-${n}${ext}`;
}
