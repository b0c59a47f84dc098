import { describe, expect, it } from "vitest";
import { memoByString } from "../src/util/memo.js";

describe("memoByString", () => {
  it("computes each key once, gives what the function gives, and keeps null but not undefined", () => {
    const calls: string[] = [];
    const f = memoByString((w): string | null | undefined => {
      calls.push(w);
      return w === "none" ? null : w === "skip" ? undefined : w.toUpperCase();
    });
    expect([f("a"), f("b"), f("a"), f("none"), f("none"), f("skip"), f("skip")]).toEqual(["A", "B", "A", null, null, undefined, undefined]);
    expect(calls).toEqual(["a", "b", "none", "skip", "skip"]);
  });

  it("holds at most its limit: a full memo starts again", () => {
    const calls: string[] = [];
    const f = memoByString((w) => {
      calls.push(w);
      return w.length;
    }, 2);
    for (const w of ["a", "bb", "a", "ccc", "a", "bb"]) f(w);
    // "ccc" found the memo full (a, bb) and emptied it: "a" and "bb" are computed again.
    expect(calls).toEqual(["a", "bb", "ccc", "a", "bb"]);
  });
});

describe("memoByString keys", () => {
  it("hands the function a key equal to the one asked for, long words included", () => {
    const text = `${"x".repeat(1000)} internationalisation`;
    const word = text.slice(1001);
    const f = memoByString((w) => `${w}!`);
    expect(f(word)).toBe("internationalisation!");
    expect(f("internationalisation")).toBe("internationalisation!");
  });
});
