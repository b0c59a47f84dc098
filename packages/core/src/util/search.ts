/** Binary search, the one the pipeline's sorted lists and typed arrays share. */

/**
 * The first index in `[lo, hi)` whose key is not below `value`, or `hi` (keys ascending over the range):
 * `key(i)` reads index i's key, so one search serves lists sorted by a field.
 */
export function lowerBound(lo: number, hi: number, value: number, key: (i: number) => number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(mid) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** {@link lowerBound} over an ascending array of numbers, without a function per search (hot loops). */
export function lowerBoundIn(values: ArrayLike<number>, value: number, lo = 0, hi = values.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
