import type { Claim, Quantity, TimeValue } from "../model/claim.js";
import { timeKey } from "../extract/claims.js";

/** Inverse document frequency weights of concepts over a set of claims. */
export function idfWeights(conceptSets: readonly ReadonlySet<string>[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const set of conceptSets) for (const c of set) df.set(c, (df.get(c) ?? 0) + 1);
  const n = conceptSets.length;
  const out = new Map<string, number>();
  for (const [c, d] of df) out.set(c, idfWeight(n, d));
  return out;
}

/** The weight of a concept found in `d` of `n` claims: log(1 + n / d). */
export function idfWeight(n: number, d: number): number {
  return Math.log(1 + n / d);
}

/** Weighted Dice similarity of two concept sets. */
export function weightedDice(a: ReadonlySet<string>, b: ReadonlySet<string>, idf: ReadonlyMap<string, number>): number {
  let wa = 0;
  let wb = 0;
  let shared = 0;
  for (const c of a) {
    const w = idf.get(c) ?? 1;
    wa += w;
    if (b.has(c)) shared += w;
  }
  for (const c of b) wb += idf.get(c) ?? 1;
  return wa + wb === 0 ? 0 : (2 * shared) / (wa + wb);
}

/** Day range [first, last] of a time key ("2024-06-04", "2024-06", "2024", "a/b"). */
export function keyRange(key: string): [string, string] {
  if (key.includes("/")) {
    const [a, b] = key.split("/") as [string, string];
    return [keyRange(a)[0], keyRange(b)[1]];
  }
  if (key.length === 4) return [`${key}-01-01`, `${key}-12-31`];
  if (key.length === 7) return [`${key}-01`, `${key}-31`];
  return [key, key];
}

/** Whether two time keys can describe the same moment (one contains or overlaps the other). */
export function keysOverlap(a: string, b: string): boolean {
  const [a0, a1] = keyRange(a);
  const [b0, b1] = keyRange(b);
  return a0 <= b1 && b0 <= a1;
}

/** Each claim's date ranges as flat [start, end, start, end, …] ISO strings, by its `times` array (a claim's times do not change once it is made). */
const rangesOf = new WeakMap<readonly TimeValue[], string[]>();

function dateRanges(times: readonly TimeValue[]): string[] {
  let ranges = rangesOf.get(times);
  if (ranges) return ranges;
  ranges = [];
  for (const t of times) {
    const key = timeKey(t);
    if (key === null) continue;
    const [start, end] = keyRange(key);
    ranges.push(start, end);
  }
  rangesOf.set(times, ranges);
  return ranges;
}

/**
 * Whether two claims' dates (outside durations) are compatible: no date of one excludes all dates of the
 * other. Called for every pair a stage compares, so each claim's ranges are worked out once.
 */
export function timesCompatible(a: Claim, b: Claim): boolean {
  // Most claims hold no time: nothing to look up.
  if (a.times.length === 0 || b.times.length === 0) return true;
  const ra = dateRanges(a.times);
  const rb = dateRanges(b.times);
  if (ra.length === 0 || rb.length === 0) return true;
  for (let i = 0; i < ra.length; i += 2) {
    for (let j = 0; j < rb.length; j += 2) if (ra[i]! <= rb[j + 1]! && rb[j]! <= ra[i + 1]!) return true;
  }
  return false;
}

/** Whether two quantities can be the same amount (bounds respected, 2% tolerance for exact values). */
export function quantitiesCompatible(a: Quantity, b: Quantity): boolean {
  const close = Math.abs(a.value - b.value) <= 0.02 * Math.max(Math.abs(a.value), Math.abs(b.value));
  if (close) return true;
  return within(a, b.value) || within(b, a.value);
}

/** Whether `v` is inside a quantity's bound ("over 120", "under 50", "about 300"). */
function within(q: Quantity, v: number): boolean {
  return (q.bound === "over" && v > q.value) || (q.bound === "under" && v < q.value) || (q.bound === "about" && Math.abs(v - q.value) <= 0.15 * q.value);
}
