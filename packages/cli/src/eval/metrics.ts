/** `hit` out of `total`. */
export interface Count {
  hit: number;
  total: number;
}

/** Precision, recall and their harmonic mean; null where a denominator is 0. */
export interface Prf {
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

/** `hit / total`, or null when `total` is 0. */
export function rate(count: Count): number | null {
  return count.total > 0 ? count.hit / count.total : null;
}

/**
 * Precision and recall from their own counts (a section may count precision over report items and recall
 * over gold items), and F1. F1 is 0 when recall is 0 and nothing was predicted (nothing found is a miss),
 * null only when the gold has nothing to find.
 */
export function prfOf(precision: Count, recall: Count): Prf {
  const p = rate(precision);
  const r = rate(recall);
  let f1: number | null;
  if (r === null) f1 = null;
  else if (p === null) f1 = r === 0 ? 0 : null;
  else f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  return { precision: p, recall: r, f1 };
}

/** Adds counts field by field. */
export function addCounts(a: Count, b: Count): Count {
  return { hit: a.hit + b.hit, total: a.total + b.total };
}

/** Number of unordered pairs among `n` items. */
export function pairs(n: number): number {
  return (n * (n - 1)) / 2;
}

/** Rounds a rate for machine output (4 decimals), keeping null. */
export function round4(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10000) / 10000;
}
