/** `pnpm bench --texts`: reading real articles from a folder of .txt files or a JSON Lines file. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BenchTextsError, readTexts } from "../src/index.js";

const dir = mkdtempSync(join(tmpdir(), "corroborate-texts-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe("readTexts", () => {
  it("reads the .txt files of a folder in name order, skipping other files and counting empty ones", () => {
    const folder = mkdtempSync(join(dir, "folder-"));
    writeFileSync(join(folder, "b.txt"), "Second article.");
    writeFileSync(join(folder, "a.txt"), "First article.");
    writeFileSync(join(folder, "c.txt"), "  \n");
    writeFileSync(join(folder, "notes.md"), "Not an article.");
    const { texts, skipped } = readTexts(folder);
    expect(texts).toEqual([
      { name: "a.txt", text: "First article." },
      { name: "b.txt", text: "Second article." },
    ]);
    expect(skipped).toBe(1);
  });

  it("reads a field of each JSON Lines row, named by file and line, duplicates kept", () => {
    const path = write("rows.jsonl", ['{"source": "One.", "other": 1}', "", '{"source": "Two."}', '{"source": "One."}'].join("\n"));
    const { texts } = readTexts(path, "source");
    expect(texts.map((t) => t.text)).toEqual(["One.", "Two.", "One."]);
    expect(texts.map((t) => t.name)).toEqual(["rows.jsonl:1", "rows.jsonl:3", "rows.jsonl:4"]);
  });

  it("names the line of a row that is not JSON or lacks the field", () => {
    const bad = write("bad.jsonl", '{"text": "Fine."}\n{not json\n');
    expect(() => readTexts(bad)).toThrow(/line 2: not JSON/);
    const missing = write("missing.jsonl", '{"text": "Fine."}\n{"body": "Elsewhere."}\n');
    expect(() => readTexts(missing)).toThrow(/line 2: no string field "text"/);
    try {
      readTexts(missing);
    } catch (error) {
      expect(error).toBeInstanceOf(BenchTextsError);
      expect((error as BenchTextsError).path).toBe(missing);
    }
  });

  it("refuses a missing path, another kind of file, and a source without any text", () => {
    expect(() => readTexts(join(dir, "nowhere"))).toThrow(/not found/);
    expect(() => readTexts(write("a.csv", "x,y"))).toThrow(/folder of .txt files or a .jsonl file/);
    expect(() => readTexts(write("empty.jsonl", '{"text": ""}\n'))).toThrow(/no texts \(1 empty\)/);
  });
});
