import type { Claim, Quantity } from "../model/claim.js";
import { timeKey } from "../extract/claims.js";

/** Inverse document frequency weights of concepts over a set of claims. */
export function idfWeights(conceptSets: readonly ReadonlySet<string>[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const set of conceptSets) for (const c of set) df.set(c, (df.get(c) ?? 0) + 1);
  const n = conceptSets.length;
  const out = new Map<string, number>();
  for (const [c, d] of df) out.set(c, Math.log(1 + n / d));
  return out;
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

/** Whether two claims' dates (outside durations) are compatible: no date of one excludes all dates of the other. */
export function timesCompatible(a: Claim, b: Claim): boolean {
  const ka = a.times.map(timeKey).filter((k): k is string => k !== null);
  const kb = b.times.map(timeKey).filter((k): k is string => k !== null);
  if (ka.length === 0 || kb.length === 0) return true;
  return ka.some((x) => kb.some((y) => keysOverlap(x, y)));
}

/** Whether two quantities can be the same amount (bounds respected, 2% tolerance for exact values). */
export function quantitiesCompatible(a: Quantity, b: Quantity): boolean {
  const close = Math.abs(a.value - b.value) <= 0.02 * Math.max(Math.abs(a.value), Math.abs(b.value));
  if (close) return true;
  const within = (q: Quantity, v: number) =>
    (q.bound === "over" && v > q.value) || (q.bound === "under" && v < q.value) || (q.bound === "about" && Math.abs(v - q.value) <= 0.15 * q.value);
  return within(a, b.value) || within(b, a.value);
}
