import { describe, expect, it } from "vitest";
import { cutPieces, type Mark } from "../src/view/pieces.js";

describe("cutPieces", () => {
  const text = "The union said the strike began on 4 June.";

  it("covers the whole text, in order, without gaps or overlaps", () => {
    const marks: Mark[] = [
      { start: 0, end: 42, kind: "claim", id: "c1" },
      { start: 4, end: 9, kind: "mention", id: "e1" },
      { start: 35, end: 41, kind: "ref", id: "" },
    ];
    const pieces = cutPieces(text, marks);
    expect(pieces.map((p) => p.text).join("")).toBe(text);
    for (let i = 1; i < pieces.length; i++) expect(pieces[i]!.start).toBe(pieces[i - 1]!.end);
    expect(pieces.map((p) => p.text)).toEqual(["The ", "union", " said the strike began on ", "4 June", "."]);
  });

  it("lists the marks covering each piece, innermost first", () => {
    const pieces = cutPieces(text, [
      { start: 0, end: 42, kind: "claim", id: "c1" },
      { start: 4, end: 9, kind: "mention", id: "e1" },
      { start: 0, end: 20, kind: "noise", id: "byline" },
    ]);
    const union = pieces.find((p) => p.text === "union")!;
    expect(union.marks.map((m) => m.id)).toEqual(["e1", "byline", "c1"]);
    const tail = pieces.find((p) => p.start === 20)!;
    expect(tail.marks.map((m) => m.id)).toEqual(["c1"]);
  });

  it("clamps spans that run past the text and drops empty ones", () => {
    const pieces = cutPieces("short", [
      { start: 2, end: 99, kind: "claim", id: "c" },
      { start: 3, end: 3, kind: "mention", id: "e" },
      { start: -4, end: 1, kind: "ref", id: "" },
    ]);
    expect(pieces.map((p) => [p.text, p.marks.map((m) => m.kind)])).toEqual([
      ["s", ["ref"]],
      ["h", []],
      ["ort", ["claim"]],
    ]);
  });

  it("gives one unmarked piece for text without marks, and none for empty text", () => {
    expect(cutPieces("plain", [])).toEqual([{ start: 0, end: 5, text: "plain", marks: [] }]);
    expect(cutPieces("", [{ start: 0, end: 3, kind: "claim", id: "c" }])).toEqual([]);
  });
});
