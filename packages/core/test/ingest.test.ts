import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  BinaryInputError,
  CorroborateError,
  createRegistry,
  decodeText,
  defineAdapter,
  EmptyInputError,
  ingest,
  reconcile,
  renderJson,
  reportJsonSchema,
  ReportSchema,
} from "../src/index.js";

const enc = new TextEncoder();

const upper = defineAdapter({
  name: "upper",
  detect: (input) => (input.name.endsWith(".up") ? 0.9 : 0),
  parse: (input) => [{ text: decodeText(input).text.toUpperCase() }],
});
const boom = defineAdapter({
  name: "boom",
  detect: (input) => (input.name.endsWith(".boom") ? 0.9 : 0),
  parse: () => {
    throw new TypeError("kaboom");
  },
});
const bad = defineAdapter({
  name: "bad",
  detect: (input) => (input.name.endsWith(".bad") ? 0.9 : 0),
  parse: () => [{ text: "abc", segments: [{ start: 0, end: 99, kind: "body" }] }],
});

describe("defineAdapter", () => {
  it("fills ids from the input name, source provenance and model defaults", async () => {
    const [a] = await upper.parse({ name: "dir/Some Story.up", data: enc.encode("hi") });
    expect(a).toMatchObject({ id: "some-story", role: "source", text: "HI", source: { input: "dir/Some Story.up", adapter: "upper", index: 0 } });
  });

  it("wraps unexpected exceptions in a typed ParseError with the cause", async () => {
    const error = await boom.parse({ name: "x.boom", data: "x" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorroborateError);
    expect(error).toMatchObject({ name: "ParseError", code: "PARSE_FAILED", input: "x.boom" });
    expect((error as Error).cause).toBeInstanceOf(TypeError);
  });

  it("rejects articles whose spans leave the text", async () => {
    await expect(bad.parse({ name: "y.bad", data: "x" })).rejects.toMatchObject({ code: "INVALID_ARTICLE", input: "y.bad" });
  });

  it("clamps a detector's score and never lets it throw", () => {
    const odd = defineAdapter({ name: "odd", detect: () => { throw new Error("no"); }, parse: () => [] });
    expect(odd.detect({ name: "a", data: "" })).toBe(0);
  });
});

describe("registry and ingest", () => {
  it("picks the adapter with the highest detection score", async () => {
    const registry = createRegistry([boom, upper]);
    expect(registry.pick({ name: "a.up", data: "" })?.name).toBe("upper");
    expect(registry.pick({ name: "a.none", data: "" })).toBeNull();
  });

  it("lists every failure with its code and keeps going", async () => {
    const result = await ingest(
      [
        { input: { name: "a.up", data: "one" } },
        { input: { name: "b.boom", data: "two" } },
        { input: { name: "c.none", data: "three" } },
        { input: { name: "d.up", data: "four" } },
      ],
      createRegistry([upper, boom]),
    );
    expect(result.articles.map((a) => a.text)).toEqual(["ONE", "FOUR"]);
    expect(result.failures.map((f) => [f.input, f.code])).toEqual([
      ["b.boom", "PARSE_FAILED"],
      ["c.none", "NO_ADAPTER"],
    ]);
  });

  it("refuses two adapters with one name", () => {
    expect(() => createRegistry([upper, upper])).toThrow(/two adapters/);
  });
});

describe("decodeText", () => {
  it("prefers the byte order mark over a declared charset", () => {
    expect(decodeText({ name: "a", data: new Uint8Array([0xef, 0xbb, 0xbf, 0x41]) }, { declared: "iso-8859-2" }).text).toBe("A");
  });
  it("uses a declared legacy charset", () => {
    expect(decodeText({ name: "a", data: new Uint8Array([0x41, 0xb1]) }, { declared: "iso-8859-2" }).text).toBe("Aą");
  });
  it("maps windows-1252 punctuation correctly", () => {
    expect(decodeText({ name: "a", data: new Uint8Array([0x80, 0x20, 0x96, 0x20, 0x41]) }).text).toBe("€ – A");
  });
  it("throws typed errors for empty and binary input", () => {
    expect(() => decodeText({ name: "e", data: new Uint8Array() })).toThrow(EmptyInputError);
    expect(() => decodeText({ name: "b", data: new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]) })).toThrow(BinaryInputError);
  });
});

describe("report", () => {
  it("is deterministic and valid", async () => {
    const { articles } = await ingest([{ input: { name: "a.up", data: "One. Two." } }], createRegistry([upper]));
    const a = renderJson(await reconcile(articles));
    const b = renderJson(await reconcile(articles));
    expect(a).toBe(b);
    expect(ReportSchema.safeParse(JSON.parse(a)).success).toBe(true);
  });

  it("ships a JSON Schema file equal to the one the model emits", () => {
    const shipped = JSON.parse(readFileSync(join(import.meta.dirname, "..", "schema", "report.schema.json"), "utf8"));
    expect(shipped).toEqual(reportJsonSchema());
    expect(shipped.properties.schemaVersion.const).toBe("1.0.0");
  });
});
