import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createRegistry, ingest } from "@corroborate/core";
import { readFrontMatter, textAdapter } from "../src/index.js";
import { loadManifest } from "../src/node.js";

const dir = join(import.meta.dirname, "fixtures");
const adapter = textAdapter();
const enc = new TextEncoder();

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = bigEndian ? 0xfe : 0xff;
  out[1] = bigEndian ? 0xff : 0xfe;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + 2 * i] = bigEndian ? c >> 8 : c & 0xff;
    out[3 + 2 * i] = bigEndian ? c & 0xff : c >> 8;
  }
  return out;
}

describe("text adapter", () => {
  it("keeps the file's text verbatim and indexes paragraphs into it", async () => {
    const bytes = readFileSync(join(dir, "plain.txt"));
    const [a] = await adapter.parse({ name: "plain.txt", data: new Uint8Array(bytes) });
    expect(a!.text).toBe(bytes.toString("utf8"));
    expect(a!.segments.map((s) => a!.text.slice(s.start, s.end))).toEqual([
      "Ferry operators in Port Calder suspend night crossings",
      expect.stringMatching(/^The Calder Ferry Company said on Tuesday/),
      "About 1,200 passengers a night use the route, according to the island council.",
    ]);
    expect(a!.id).toBe("plain");
  });

  it("strips a UTF-8 byte order mark and nothing else", async () => {
    const [a] = await adapter.parse({ name: "bom.txt", data: new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode("Héllo world.")]) });
    expect(a!.text).toBe("Héllo world.");
  });

  it.each([false, true])("decodes UTF-16 with a byte order mark (big endian: %s)", async (be) => {
    const [a] = await adapter.parse({ name: "u16.txt", data: utf16("Zoë met the mayor.\r\nThen left.", be) });
    expect(a!.text).toBe("Zoë met the mayor.\r\nThen left.");
    expect(a!.segments.map((s) => a!.text.slice(s.start, s.end))).toEqual(["Zoë met the mayor.", "Then left."]);
  });

  it("keeps CRLF line ends so spans index the text it returns", async () => {
    const bytes = readFileSync(join(dir, "front-matter.txt"));
    const [a] = await adapter.parse({ name: "front-matter.txt", data: new Uint8Array(bytes) });
    expect(a!.text).toContain("\r\n");
    const body = a!.segments.filter((s) => s.kind === "body").map((s) => a!.text.slice(s.start, s.end));
    expect(body).toEqual([
      "The Calder Ferry Company suspended night crossings on Tuesday.",
      "The suspension lasts two weeks, spokesperson Ines Morrow said.",
    ]);
  });

  it("reads metadata from front matter and marks the header as a metadata segment", async () => {
    const [a] = await adapter.parse({ name: "fm.txt", data: new Uint8Array(readFileSync(join(dir, "front-matter.txt"))) });
    expect(a).toMatchObject({
      title: "Night crossings suspended",
      outlet: "The Calder Courier",
      publishedAt: "2024-05-14",
      language: "en",
      url: "https://courier.example/ferries",
    });
    expect(a!.segments[0]).toMatchObject({ kind: "metadata", start: 0 });
    expect(a!.text.slice(a!.segments[0]!.end)).toMatch(/^The Calder Ferry/);
  });

  it("ignores a dashed line that is not a header", () => {
    expect(readFrontMatter("---\nJust a rule line\n---\nText").end).toBe(0);
    expect(readFrontMatter("No header here").end).toBe(0);
  });

  it("decodes Windows-1252 bytes that are not valid UTF-8", async () => {
    const [a] = await adapter.parse({ name: "cp1252.txt", data: new Uint8Array([0x93, 0x43, 0x61, 0x66, 0xe9, 0x94, 0x2e]) });
    expect(a!.text).toBe("“Café”.");
  });

  it("says clearly when a file is empty or binary", async () => {
    await expect(adapter.parse({ name: "empty.txt", data: new Uint8Array() })).rejects.toMatchObject({
      name: "EmptyInputError",
      code: "EMPTY_INPUT",
      input: "empty.txt",
    });
    await expect(adapter.parse({ name: "image.png", data: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]) })).rejects.toMatchObject({
      name: "BinaryInputError",
      code: "BINARY_INPUT",
      input: "image.png",
    });
  });
});

describe("manifest", () => {
  it("reads the listed files with the manifest's metadata overriding the files'", async () => {
    const loaded = await loadManifest(join(dir, "manifest.json"));
    expect(loaded.missing).toEqual([]);
    const { articles, failures } = await ingest(loaded.items, createRegistry([adapter]));
    expect(failures).toEqual([]);
    expect(articles.map((a) => [a.id, a.role, a.outlet, a.publishedAt])).toEqual([
      ["plain-001", "source", "Skerra Weekly", "2024-05-14"],
      ["fm-002", "derived", "The Calder Courier", "2024-05-15"],
    ]);
    expect(articles[0]!.text).toBe(readFileSync(join(dir, "plain.txt"), "utf8"));
  });

  it("rejects a malformed manifest with a typed error naming it", async () => {
    const { parseManifest } = await import("@corroborate/core");
    expect(() => parseManifest("{\"articles\": []}", "m.json")).toThrow(/m\.json: not a valid manifest/);
    expect(() => parseManifest("{oops", "bad.json")).toThrowError(expect.objectContaining({ code: "INVALID_MANIFEST", input: "bad.json" }));
  });

  it("goes on with the rest of a batch when one input fails, and lists the failure", async () => {
    const registry = createRegistry([adapter]);
    const { articles, failures } = await ingest(
      [
        { input: { name: "good.txt", data: enc.encode("Fine text.") } },
        { input: { name: "bad.txt", data: new Uint8Array([0, 0, 0]) } },
        { input: { name: "good.txt", data: enc.encode("Same name, other text.") } },
      ],
      registry,
    );
    expect(articles.map((a) => a.id)).toEqual(["good", "good-2"]);
    expect(failures).toEqual([expect.objectContaining({ input: "bad.txt", code: "BINARY_INPUT" })]);
  });
});
