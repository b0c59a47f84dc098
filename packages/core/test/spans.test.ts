import { describe, expect, it } from "vitest";
import { spansWithin } from "../src/util/spans.js";

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
