import { describe, expect, it } from "vitest";
import { spansWithin } from "../src/util/spans.js";
import { lowerBound, lowerBoundIn } from "../src/util/search.js";

/** A seeded generator (mulberry32), so a failure repeats. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("spansWithin", () => {
  it("finds what a filter finds, in list order, on sorted and unsorted lists with nested, touching and empty spans", () => {
    const next = random(7);
    for (let round = 0; round < 200; round++) {
      const list = Array.from({ length: Math.floor(next() * 40) }, (_, id) => {
        const start = Math.floor(next() * 100);
        return { id, start, end: start + Math.floor(next() * 12) };
      });
      if (round % 2 === 0) list.sort((a, b) => a.start - b.start);
      const within = spansWithin(list);
      for (let q = 0; q < 20; q++) {
        const start = Math.floor(next() * 110);
        const end = start + Math.floor(next() * 30);
        expect(within(start, end), `round ${round}: [${start}, ${end}]`).toEqual(list.filter((o) => o.start >= start && o.end <= end));
      }
    }
  });
});

describe("lowerBound", () => {
  it("finds the first index not below the value, in a whole array or a range, with repeated keys", () => {
    const next = random(11);
    for (let round = 0; round < 300; round++) {
      const values = Int32Array.from({ length: Math.floor(next() * 30) }, () => Math.floor(next() * 20)).sort();
      const lo = Math.floor(next() * (values.length + 1));
      const hi = lo + Math.floor(next() * (values.length - lo + 1));
      const value = Math.floor(next() * 24) - 2;
      let expected = lo;
      while (expected < hi && values[expected]! < value) expected++;
      expect(lowerBoundIn(values, value, lo, hi), `round ${round}`).toBe(expected);
      expect(lowerBound(lo, hi, value, (i) => values[i]!), `round ${round}`).toBe(expected);
    }
  });
});
