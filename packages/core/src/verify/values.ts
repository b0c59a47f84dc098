/**
 * The values a sentence states (times, quantities, names) and its polarity: what the verifier compares
 * beyond word overlap. Times and quantities come from the pipeline's analyses when the time stage filled
 * them; until then (or for an article it left empty) a small local reader stands in, written by hand for
 * the few shapes a comparison needs (years, months, day-month dates and ranges, counts).
 */
import type { Quantity, TimeValue } from "../model/claim.js";
import { NUMBER_WORDS, type Token } from "./text.js";

const MONTHS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10,
  november: 11, december: 12, jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10,
  nov: 11, dec: 12,
};
const MONTH_RE =
  "(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)";

const pad = (n: number) => String(n).padStart(2, "0");
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function monthOf(word: string): number {
  return MONTHS[word.toLowerCase().replace(/\.$/, "")] ?? 0;
}

/** The year a month without a year most likely means, read in an article published on `anchor`. */
function yearFor(month: number, anchor: string | null, past: boolean): number | null {
  const m = anchor ? /^(\d{4})-(\d{2})/.exec(anchor) : null;
  if (!m) return null;
  const ay = Number(m[1]);
  const am = Number(m[2]);
  if (past) return month <= am ? ay : ay - 1;
  if (month - am > 6) return ay - 1;
  if (am - month > 6) return ay + 1;
  return ay;
}

/**
 * Reads dates, ranges, months and years in `text.slice(start, end)`, anchored to `anchor` (an ISO date).
 * A stand-in for the pipeline's time extraction, used only when the analyses hold no times.
 */
export function readTimes(text: string, start: number, end: number, anchor: string | null): TimeValue[] {
  const slice = text.slice(start, end);
  const out: TimeValue[] = [];
  const taken: [number, number][] = [];
  const free = (a: number, b: number) => taken.every(([x, y]) => b <= x || a >= y);
  const push = (a: number, b: number, kind: TimeValue["kind"], s: string, e: string, grain: TimeValue["grain"]) => {
    if (!free(a, b)) return;
    taken.push([a, b]);
    out.push({ start: start + a, end: start + b, text: slice.slice(a, b), kind, startDate: s, endDate: e, days: null, grain });
  };
  const patterns: [RegExp, (m: RegExpExecArray) => [TimeValue["kind"], string, string, TimeValue["grain"]] | null][] = [
    // 14 to 19 August (2023) / 14-19 August
    [new RegExp(`\\b(\\d{1,2})\\s*(?:to|-|–|and)\\s*(\\d{1,2})\\s+${MONTH_RE}(?:,?\\s+(\\d{4}))?`, "g"), (m) => {
      const mo = monthOf(m[3] ?? "");
      const y = m[4] ? Number(m[4]) : yearFor(mo, anchor, false);
      return y ? ["range", iso(y, mo, Number(m[1])), iso(y, mo, Number(m[2])), "day"] : null;
    }],
    // August 14 to 19 (, 2023)
    [new RegExp(`\\b${MONTH_RE}\\s+(\\d{1,2})\\s*(?:to|-|–)\\s*(\\d{1,2})(?:,?\\s+(\\d{4}))?`, "g"), (m) => {
      const mo = monthOf(m[1] ?? "");
      const y = m[4] ? Number(m[4]) : yearFor(mo, anchor, false);
      return y ? ["range", iso(y, mo, Number(m[2])), iso(y, mo, Number(m[3])), "day"] : null;
    }],
    // 14 August (2023)
    [new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_RE}(?:,?\\s+(\\d{4}))?`, "g"), (m) => {
      const mo = monthOf(m[2] ?? "");
      const y = m[3] ? Number(m[3]) : yearFor(mo, anchor, false);
      return y ? ["date", iso(y, mo, Number(m[1])), iso(y, mo, Number(m[1])), "day"] : null;
    }],
    // August 14(, 2023)
    [new RegExp(`\\b${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4}))?`, "g"), (m) => {
      const mo = monthOf(m[1] ?? "");
      const y = m[3] ? Number(m[3]) : yearFor(mo, anchor, false);
      return y ? ["date", iso(y, mo, Number(m[2])), iso(y, mo, Number(m[2])), "day"] : null;
    }],
    // (last) August (2023)
    [new RegExp(`\\b(last\\s+|this\\s+|next\\s+)?${MONTH_RE}(?:\\s+(?:of\\s+)?(\\d{4}))?\\b`, "g"), (m) => {
      const word = m[2] ?? "";
      // "May" and "March" are also words: only read them as months after a preposition, or with a year.
      if (/^(may|march)$/i.test(word) && !m[3] && !m[1] && !/\b(in|since|until|by|from|of|early|late|mid|end|since)\s+$/i.test(slice.slice(0, m.index))) return null;
      if (!/^\p{Lu}/u.test(word)) return null;
      const mo = monthOf(word);
      const rel = (m[1] ?? "").trim().toLowerCase();
      const y = m[3] ? Number(m[3]) : yearFor(mo, anchor, rel === "last");
      if (!y) return null;
      return ["month", iso(y, mo, 1), iso(y, mo, lastDay(y, mo)), "month"];
    }],
    // 2018
    [/\b(1[89]\d{2}|20\d{2})\b(?![,.]\d)/g, (m) => {
      const y = Number(m[1]);
      return ["year", iso(y, 1, 1), iso(y, 12, 31), "year"];
    }],
  ];
  for (const [re, read] of patterns) {
    re.lastIndex = 0;
    for (let m = re.exec(slice); m; m = re.exec(slice)) {
      const r = read(m);
      if (r) push(m.index, m.index + m[0].length, r[0], r[1], r[2], r[3]);
    }
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * Reads counts and amounts in `text.slice(start, end)` ("102 states", "six-day", "$3 million", "40%"),
 * skipping the spans of `times`. A stand-in for the pipeline's quantity extraction.
 */
export function readQuantities(text: string, start: number, end: number, times: readonly TimeValue[]): Quantity[] {
  const slice = text.slice(start, end);
  const out: Quantity[] = [];
  const re = new RegExp(
    `(over|more than|nearly|almost|about|around|some|at least|up to|under|fewer than|less than)?\\s*` +
      `([$£€])?\\b(\\d+(?:[.,]\\d+)*|${Object.keys(NUMBER_WORDS).join("|")})\\b` +
      `(?:\\s*(million|billion|thousand|hundred|m|bn|k)\\b)?(\\s*%|\\s*per\\s*cent|\\s*percent)?` +
      `(?:[\\s-]+([a-z][a-z-]*))?`,
    "gi",
  );
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    const numText = m[3] ?? "";
    const numStart = start + m.index + m[0].indexOf(numText, (m[1] ?? "").length);
    const numEnd = numStart + numText.length;
    if (times.some((t) => numStart < t.end && numEnd > t.start)) continue;
    const lower = numText.toLowerCase();
    let value = NUMBER_WORDS[lower] ?? Number(numText.replace(/,(?=\d{3}\b)/g, ""));
    if (!Number.isFinite(value)) continue;
    // Ordinals and "one" as a pronoun are not counts: keep digits and cardinal words only.
    if (/^(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|one)$/.test(lower) && !m[6]) continue;
    const scale = (m[4] ?? "").toLowerCase();
    value *= scale === "million" || scale === "m" ? 1e6 : scale === "billion" || scale === "bn" ? 1e9 : scale === "thousand" || scale === "k" ? 1e3 : scale === "hundred" ? 100 : 1;
    const boundWord = (m[1] ?? "").toLowerCase();
    const bound: Quantity["bound"] = /over|more|at least/.test(boundWord) ? "over" : /under|fewer|less|up to/.test(boundWord) ? "under" : boundWord ? "about" : "exact";
    const unitWord = m[5] ? "percent" : m[2] ? "money" : (m[6] ?? "").toLowerCase().replace(/-+$/, "");
    const unit = unitWord ? unitWord.replace(/ies$/, "y").replace(/(?<!s)s$/, "") : null;
    out.push({ start: numStart, end: start + m.index + m[0].length, text: m[0].trim(), value, unit, bound });
  }
  return out;
}

/** A run of capitalised words (a name) in a sentence, by token indexes. */
export interface NameRun {
  /** Index of the first and one past the last token. */
  from: number;
  to: number;
  text: string;
}

/** Runs of capitalised content tokens (not months or weekdays): the names a sentence uses. */
export function nameRuns(tokens: readonly Token[], isCalendar: (norm: string) => boolean): NameRun[] {
  const out: NameRun[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (t && t.capital && t.content && !isCalendar(t.norm) && !/^\p{N}/u.test(t.text)) {
      let j = i + 1;
      while (j < tokens.length) {
        const u = tokens[j];
        if (!u || !u.capital || !u.content || isCalendar(u.norm) || u.clause !== t.clause) break;
        j++;
      }
      out.push({ from: i, to: j, text: tokens.slice(i, j).map((x) => x.text).join(" ") });
      i = j;
    } else i++;
  }
  return out;
}

/** Whether two anchored times can describe the same day(s): their ranges overlap. */
export function timesCompatible(a: TimeValue, b: TimeValue): boolean {
  if (!a.startDate || !b.startDate) return true;
  const aEnd = a.endDate ?? a.startDate;
  const bEnd = b.endDate ?? b.startDate;
  return a.startDate <= bEnd && b.startDate <= aEnd;
}

/** Whether two quantities can be the same amount (bounds respected, 2% tolerance for exact values). */
export function quantitiesCompatible(a: Quantity, b: Quantity): boolean {
  const close = Math.abs(a.value - b.value) <= 0.02 * Math.max(Math.abs(a.value), Math.abs(b.value));
  if (close) return true;
  const within = (q: Quantity, v: number) =>
    (q.bound === "over" && v > q.value) || (q.bound === "under" && v < q.value) || (q.bound === "about" && Math.abs(v - q.value) <= 0.15 * q.value);
  return within(a, b.value) || within(b, a.value);
}
