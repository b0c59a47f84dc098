import type { Offsets } from "@corroborate/core";

/** True when two ranges share at least one character. */
export function overlaps(a: Offsets, b: Offsets): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Number of characters two ranges share (0 when apart). */
export function overlapLength(a: Offsets, b: Offsets): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** Every occurrence of `needle` in `text` (exact, case-sensitive, non-overlapping), in text order. */
export function findAll(text: string, needle: string): Offsets[] {
  const out: Offsets[] = [];
  if (!needle) return out;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) out.push({ start: i, end: i + needle.length });
  return out;
}

const WORD = /[\p{L}\p{N}_]/u;

/**
 * Occurrences of a mention as a whole word: exact and case-sensitive, not preceded or followed by a letter
 * or digit where the mention itself begins or ends with one ("Li" is not found in "Lithuania" or "Lin").
 */
export function findWord(text: string, mention: string): Offsets[] {
  const first = WORD.test(mention[0] ?? "");
  const last = WORD.test(mention[mention.length - 1] ?? "");
  return findAll(text, mention).filter(
    (o) => !(first && o.start > 0 && WORD.test(text[o.start - 1]!)) && !(last && o.end < text.length && WORD.test(text[o.end]!)),
  );
}

/** A surface form compared loosely: lower case, typographic apostrophes and quotes made plain, spaces collapsed. */
export function looseText(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

const ISO_DATE = /^\d{4}-\d{2}(-\d{2})?/;

/** True when the value looks like an ISO date (`YYYY-MM` or `YYYY-MM-DD`). */
export function isIsoDate(value: string | number): value is string {
  return typeof value === "string" && ISO_DATE.test(value);
}

/** Compares a report value with a gold value: numbers by value, dates by their ISO day, strings loosely. */
export function sameValue(reported: string | number, expected: string | number): boolean {
  const num = (v: string | number) => (typeof v === "number" ? v : /^-?\d+(\.\d+)?$/.test(v.trim()) ? Number(v) : null);
  const a = num(reported);
  const b = num(expected);
  if (a !== null || b !== null) return a !== null && b !== null && a === b;
  const x = looseText(String(reported));
  const y = looseText(String(expected));
  if (isIsoDate(x) && isIsoDate(y)) return x.slice(0, 10) === y.slice(0, 10);
  return x === y;
}
