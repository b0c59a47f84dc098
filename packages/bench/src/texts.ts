import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, extname, join } from "node:path";

/** One text of a real-text benchmark, named after where it came from. */
export interface BenchText {
  /** The file name, or `<file>:<line>` for a line of a JSON Lines file. */
  name: string;
  text: string;
}

/** Thrown by {@link readTexts} when the texts cannot be read; the message names the path (and line). */
export class BenchTextsError extends Error {
  override readonly name = "BenchTextsError";
  constructor(
    message: string,
    /** The file or folder given. */
    readonly path: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * The texts of `path` for `pnpm bench --texts`: every `.txt` file of a folder (in name order), or each line
 * of a JSON Lines file (`.jsonl`), whose `field` holds the text. Identical texts are kept: the benchmark
 * measures what it is given. Empty texts are skipped and counted, never silently: `skipped` says how many.
 */
export function readTexts(path: string, field = "text"): { texts: BenchText[]; skipped: number } {
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch (cause) {
    throw new BenchTextsError(`--texts ${path}: not found`, path, { cause });
  }
  const texts: BenchText[] = [];
  let skipped = 0;
  const keep = (name: string, text: string) => {
    if (text.trim() === "") skipped++;
    else texts.push({ name, text });
  };
  if (isDir) {
    for (const file of readdirSync(path).filter((f) => extname(f).toLowerCase() === ".txt").sort()) keep(file, readFileSync(join(path, file), "utf8"));
  } else if (extname(path).toLowerCase() === ".jsonl") {
    const lines = readFileSync(path, "utf8").split("\n");
    lines.forEach((line, i) => {
      if (line.trim() === "") return;
      const where = `${basename(path)}:${i + 1}`;
      let row: unknown;
      try {
        row = JSON.parse(line);
      } catch (cause) {
        throw new BenchTextsError(`--texts ${path}, line ${i + 1}: not JSON (${(cause as Error).message})`, path, { cause });
      }
      const value = row !== null && typeof row === "object" ? (row as Record<string, unknown>)[field] : undefined;
      if (typeof value !== "string") throw new BenchTextsError(`--texts ${path}, line ${i + 1}: no string field "${field}" (choose it with --texts-field)`, path);
      keep(where, value);
    });
  } else {
    throw new BenchTextsError(`--texts ${path}: give a folder of .txt files or a .jsonl file`, path);
  }
  if (texts.length === 0) throw new BenchTextsError(`--texts ${path}: no texts${skipped ? ` (${skipped} empty)` : ""}`, path);
  return { texts, skipped };
}
