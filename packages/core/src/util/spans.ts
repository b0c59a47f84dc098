/** Lookups over lists of spans (anything with a start and an end offset). */
import { lowerBound } from "./search.js";

/**
 * A lookup of the spans of `list` lying inside `[start, end]` (`o.start >= start && o.end <= end`), in list
 * order: a binary search when the list is sorted by start (checked once), a filter otherwise.
 */
export function spansWithin<T extends { start: number; end: number }>(list: readonly T[]): (start: number, end: number) => T[] {
  let sorted = true;
  for (let i = 1; i < list.length && sorted; i++) sorted = list[i - 1]!.start <= list[i]!.start;
  if (!sorted) return (start, end) => list.filter((o) => o.start >= start && o.end <= end);
  return (start, end) => {
    const lo = lowerBound(0, list.length, start, (i) => list[i]!.start);
    const out: T[] = [];
    // A span starting after `end` cannot end by it.
    for (let i = lo; i < list.length && list[i]!.start <= end; i++) if (list[i]!.end <= end) out.push(list[i]!);
    return out;
  };
}
