/**
 * Time expressions anchored to an article's publication date.
 *
 * chrono-node reads the dates ("Aug. 14", "14 August 2023", "March 2018", "yesterday", "Monday night",
 * "two days ago"). Around it, this module adds what chrono does not do, by hand and only for that:
 * - the year or week a bare month or weekday means, from the tense of its sentence ("said on Monday" is the
 *   Monday before publication, "will visit on Monday" the one after; "visited in December" in an August
 *   article is the previous December; "last April");
 * - day ranges with the month written once ("14 to 19 August", "between 4 and 9 June", "August 14-19"),
 *   which chrono reads as clock times or as a single day;
 * - durations ("six-day trip", "48-hour strike", "for three weeks"), which chrono does not parse;
 * - bare years after a preposition ("in 2018") and calendar periods ("this week", "last month").
 * Numbers that are not dates (ages, counts, model names such as "Su-35", ordinals in names) are never read
 * as dates: a chrono result is kept only when it holds a month, a weekday, a relative-date word or a
 * numeric date format.
 */
import * as chrono from "chrono-node";
import type { TimeValue } from "../model/claim.js";
import { NUMBER_SOURCE, monthNumber, parseNumber } from "./numbers.js";

const MONTH = "(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)";
const DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
const RANGE_JOIN = "\\s*(?:-|–|—|to|and|until|till|through|thru)\\s*";
const YEAR_TAIL = "(?:,?\\s+(\\d{4}))?";

/** "14 to 19 August (2023)", "from 4 to 9 June", "between 4 and 9 June". */
const DAY_RANGE_DM = new RegExp(`\\b(?:from\\s+|between\\s+)?${DAY}${RANGE_JOIN}${DAY}\\s+(?:of\\s+)?${MONTH}${YEAR_TAIL}\\b`, "gi");
/** "August 14-19", "Aug. 14 to 19, 2023". */
const DAY_RANGE_MD = new RegExp(`\\b(?:from\\s+|between\\s+)?${MONTH}\\s+${DAY}${RANGE_JOIN}${DAY}${YEAR_TAIL}\\b`, "gi");
/** "30 May to 2 June", "from May 30 to June 2". */
const CROSS_MONTH_RANGE = new RegExp(
  `\\b(?:from\\s+|between\\s+)?(?:${DAY}\\s+${MONTH}|${MONTH}\\s+${DAY})${RANGE_JOIN}(?:${DAY}\\s+${MONTH}|${MONTH}\\s+${DAY})${YEAR_TAIL}\\b`,
  "gi",
);
/** A month name anywhere (every day range holds one). */
const MONTH_WORD = new RegExp(`\\b${MONTH}`, "i");
/** A unit of time anywhere (every duration and calendar period holds one). */
const UNIT_WORD = /day|week|month|year|hour/i;
/** "six-day", "48-hour", "three days", "two-week-long". */
const DURATION = new RegExp(`\\b(${NUMBER_SOURCE})(?:-|\\s+)(day|week|month|year|hour)(s)?(?:-long)?\\b`, "gi");
/** What follows a number of days when it is a point in time, not a duration ("three days ago"). */
const RELATIVE_TAIL = /^(?:\s+(?:ago|from now|old|of age|later|earlier|before|after|prior)\b|-old\b)/i;
/** "three months after the walkout", "two days before it began": relative to another event, not to publication. */
const OTHER_ANCHOR = /\b(?:after|before|later|earlier|prior)\b/i;
/** Every {@link OTHER_ANCHOR} word of a text (for blanking them). */
const OTHER_ANCHORS = new RegExp(OTHER_ANCHOR.source, "gi");
/** Words before a date that look forward whatever the verb's tense ("postponed until September"). */
const FORWARD_BEFORE = /\b(?:until|till|to|into|for|next)\s+(?:(?:early|mid|late|the end of|the start of)[\s-]+)?$/i;
/** "this week", "last month", "earlier this year", "next week". */
const PERIOD = /\b(?:(?:earlier|later)\s+)?(this|last|next|past|previous|coming)\s+(week|month|year)\b/gi;
/** A bare year after a preposition: "in 2018", "since 1999". */
const BARE_YEAR = /\b(in|since|by|until|during|before|after|from|of|early|late|mid-?)\s+((?:19|20)\d{2})\b(?![-–/]\d)/gi;
/** Words that make a chrono result a date rather than a clock time or a number. */
const DATE_WORDS =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|today|tonight|yesterday|tomorrow|ago|week|month|year|day|days|weeks|months|years)\b|\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{2,4}/i;

const FUTURE_MARK =
  /\b(?:will|won't|shall|is to|are to|was to|were to|due|scheduled|set to|expected|expects?|plans?|planned|planning|intends?|intended|upcoming|going to|would)\b|'ll\b/gi;
const PAST_MARK = /\b(?:said|says|told|announced|added|reported|was|were|had|has|have|did|began|begun|ended|met|held|left|went|came|took|gave|made|\p{Ll}+ed)\b/gu;

const WEEKDAY_WORDS = /\b(?:this|last|next|past|coming)\s+(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)/i;

/** Grain names of duration units. */
const UNIT_DAYS: Readonly<Record<string, { days: number; grain: TimeValue["grain"] }>> = {
  hour: { days: 1 / 24, grain: "day" },
  day: { days: 1, grain: "day" },
  week: { days: 7, grain: "week" },
  month: { days: 30, grain: "month" },
  year: { days: 365, grain: "year" },
};

/** The tense a date is read in; `present` when no marker says (schedules: "the show opens Friday"). */
type Tense = "past" | "future" | "present";

interface Ymd {
  y: number;
  m: number;
  d: number;
}

const pad = (n: number) => String(n).padStart(2, "0");
const iso = (t: Ymd) => `${t.y}-${pad(t.m)}-${pad(t.d)}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const toUtc = (t: Ymd) => Date.UTC(t.y, t.m - 1, t.d);
const fromUtc = (ms: number): Ymd => {
  const d = new Date(ms);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() };
};
const addDays = (t: Ymd, n: number) => fromUtc(toUtc(t) + n * 86_400_000);
const compare = (a: Ymd, b: Ymd) => toUtc(a) - toUtc(b);
const monthOf = monthNumber;

/** Parses the date part of an ISO date or date-time. */
export function parseAnchor(publishedAt: string | null | undefined): Ymd | null {
  const m = publishedAt ? /^(\d{4})-(\d{2})-(\d{2})/.exec(publishedAt) : null;
  return m ? { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) } : null;
}

/**
 * The tense around offset `at` of a sentence: the nearest tense marker before it wins ("will begin ... on
 * Wednesday" is future, "said on Monday" past); without one, the first after it; `present` when there is
 * none ("tickets go on sale Friday, Dec. 6"): the nearest such day is meant.
 */
export function tenseAt(sentence: string, at: number, length: number): Tense {
  const before = sentence.slice(0, at);
  const lastOf = (re: RegExp, s: string) => {
    let last = -1;
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) last = m.index;
    return last;
  };
  if (FORWARD_BEFORE.test(before)) return "future";
  const f = lastOf(FUTURE_MARK, before);
  // A participle after "will", "to" or "be" is part of a future phrase ("will now be held"), not the past.
  let p = -1;
  PAST_MARK.lastIndex = 0;
  for (let m = PAST_MARK.exec(before); m; m = PAST_MARK.exec(before)) {
    if (/\b(?:will|shall|would|to|'ll)\s+(?:(?:now|also|still|not|then|soon|be|been|have)\s+){0,2}$/i.test(before.slice(Math.max(0, m.index - 30), m.index))) continue;
    p = m.index;
  }
  // "was to open": the future-in-the-past mark starts where its "was" does, and wins.
  if (f >= 0 || p >= 0) return f >= p ? "future" : "past";
  const after = sentence.slice(at + length);
  FUTURE_MARK.lastIndex = 0;
  PAST_MARK.lastIndex = 0;
  const fa = FUTURE_MARK.exec(after)?.index ?? Infinity;
  const pa = PAST_MARK.exec(after)?.index ?? Infinity;
  if (fa === Infinity && pa === Infinity) return "present";
  return fa < pa ? "future" : "past";
}

/** The year a day or month without a year means, read in a sentence of the given tense. */
function placeYear(m: number, d: number, anchor: Ymd, tense: Tense, modifier: "last" | "next" | null): number {
  if (modifier === "last") return m < anchor.m ? anchor.y : anchor.y - 1;
  if (modifier === "next") return m > anchor.m ? anchor.y : anchor.y + 1;
  // Closest year first (as chrono does), then the tense decides between this year and the next or last.
  let y = anchor.y;
  const diffMonths = m - anchor.m;
  if (diffMonths > 6) y -= 1;
  else if (diffMonths < -6) y += 1;
  const day = Math.min(d, lastDay(y, m));
  const when = { y, m, d: day };
  if (tense === "past" && compare(when, addDays(anchor, 1)) > 0) y -= 1;
  if (tense === "future" && compare(when, addDays(anchor, -31)) < 0) y += 1;
  return y;
}

/** Options of {@link extractTimes}. */
export interface ExtractTimesOptions {
  /** The article's publication date (ISO); without it only dates that state their year are anchored. */
  anchor: string | null;
}

/**
 * Reads and anchors the time expressions of one sentence `text.slice(start, end)`. Offsets in the result are
 * into `text`. Deterministic: the publication date is the only reference, never the clock.
 */
export function extractTimes(text: string, start: number, end: number, options: ExtractTimesOptions): TimeValue[] {
  const anchor = parseAnchor(options.anchor);
  const sentence = text.slice(start, end);
  const out: TimeValue[] = [];
  const taken: [number, number][] = [];
  const free = (s: number, e: number) => !taken.some(([a, b]) => s < b && e > a);
  const push = (s: number, e: number, value: Omit<TimeValue, "start" | "end" | "text">) => {
    while (e > s && /[\s,;:.]/.test(sentence[e - 1]!)) e--;
    if (!free(s, e)) return;
    taken.push([s, e]);
    out.push({ start: start + s, end: start + e, text: sentence.slice(s, e), ...value });
  };
  const modifierBefore = (at: number): "last" | "next" | null => {
    const m = /\b(last|next|this|coming)\s+$/i.exec(sentence.slice(Math.max(0, at - 12), at));
    if (!m) return null;
    const w = m[1]!.toLowerCase();
    return w === "last" ? "last" : w === "next" || w === "coming" ? "next" : null;
  };

  const range = (s: number, e: number, from: { m: number; d: number }, to: { m: number; d: number }, year: string | undefined) => {
    if (from.m === 0 || to.m === 0 || from.d < 1 || from.d > 31 || to.d < 1 || to.d > 31) return;
    let y: number | null = year ? Number(year) : null;
    if (y === null && anchor) y = placeYear(from.m, from.d, anchor, tenseAt(sentence, s, e - s), modifierBefore(s));
    if (y === null) {
      push(s, e, { kind: "range", startDate: null, endDate: null, days: null, grain: "day" });
      return;
    }
    const a = { y, m: from.m, d: from.d };
    const b = { y: to.m < from.m ? y + 1 : y, m: to.m, d: to.d };
    if (compare(b, a) < 0) return;
    push(s, e, { kind: "range", startDate: iso(a), endDate: iso(b), days: Math.round((toUtc(b) - toUtc(a)) / 86_400_000) + 1, grain: "day" });
  };

  // Each pattern below needs a word or a digit that most sentences lack: one cheap test each first.
  const ranges = /\d/.test(sentence) && MONTH_WORD.test(sentence);
  const units = UNIT_WORD.test(sentence);

  // 1. Day ranges with the month written once, and ranges across months.
  for (const m of ranges ? sentence.matchAll(CROSS_MONTH_RANGE) : []) {
    const [, d1, m1, m1b, d1b, d2, m2, m2b, d2b, y] = m;
    range(m.index, m.index + m[0].length, { m: monthOf(m1 ?? m1b!), d: Number(d1 ?? d1b) }, { m: monthOf(m2 ?? m2b!), d: Number(d2 ?? d2b) }, y);
  }
  for (const m of ranges ? sentence.matchAll(DAY_RANGE_DM) : []) {
    const [, d1, d2, mon, y] = m;
    range(m.index, m.index + m[0].length, { m: monthOf(mon!), d: Number(d1) }, { m: monthOf(mon!), d: Number(d2) }, y);
  }
  for (const m of ranges ? sentence.matchAll(DAY_RANGE_MD) : []) {
    const [, mon, d1, d2, y] = m;
    range(m.index, m.index + m[0].length, { m: monthOf(mon!), d: Number(d1) }, { m: monthOf(mon!), d: Number(d2) }, y);
  }

  // 2. Durations ("six-day", "48-hour", "for three weeks"), unless the number of days is a point in time.
  for (const m of units ? sentence.matchAll(DURATION) : []) {
    const e = m.index + m[0].length;
    if (RELATIVE_TAIL.test(sentence.slice(e))) continue;
    const n = parseNumber(m[1]!);
    const unit = UNIT_DAYS[m[2]!.toLowerCase()];
    if (n === null || !unit || n <= 0) continue;
    push(m.index, e, { kind: "duration", startDate: null, endDate: null, days: Math.round(n * unit.days * 1000) / 1000, grain: unit.grain });
  }

  // 3. Calendar periods: this/last/next week, month, year.
  for (const m of units ? sentence.matchAll(PERIOD) : []) {
    if (!anchor) continue;
    const which = m[1]!.toLowerCase();
    const unit = m[2]!.toLowerCase();
    const shift = which === "this" ? 0 : which === "next" || which === "coming" ? 1 : -1;
    const e = m.index + m[0].length;
    if (unit === "week") {
      const monday = addDays(anchor, -((new Date(toUtc(anchor)).getUTCDay() + 6) % 7) + 7 * shift);
      push(m.index, e, { kind: "range", startDate: iso(monday), endDate: iso(addDays(monday, 6)), days: 7, grain: "week" });
    } else if (unit === "month") {
      const mm = anchor.m + shift;
      const y = anchor.y + Math.floor((mm - 1) / 12);
      const mo = ((mm - 1 + 12) % 12) + 1;
      push(m.index, e, { kind: "month", startDate: iso({ y, m: mo, d: 1 }), endDate: iso({ y, m: mo, d: lastDay(y, mo) }), days: null, grain: "month" });
    } else {
      const y = anchor.y + shift;
      push(m.index, e, { kind: "year", startDate: `${y}-01-01`, endDate: `${y}-12-31`, days: null, grain: "year" });
    }
  }

  // 4. Bare years after a preposition.
  for (const m of /\d{4}/.test(sentence) ? sentence.matchAll(BARE_YEAR) : []) {
    const s = m.index + m[0].length - m[2]!.length;
    const y = m[2]!;
    push(s, s + 4, { kind: "year", startDate: `${y}-01-01`, endDate: `${y}-12-31`, days: null, grain: "year" });
  }

  // 5. Everything else chrono reads, on the sentence with the spans above blanked out (offsets kept).
  // Only results holding a date word are kept (below), so a sentence without one is not given to chrono,
  // which is the costliest step here. Blanking whole words never makes one: the test can come first.
  if (taken.length === 0 && !DATE_WORDS.test(sentence)) return out.sort((a, b) => a.start - b.start || a.end - b.end);
  let masked = sentence;
  for (const [a, b] of taken) masked = masked.slice(0, a) + "~".repeat(b - a) + masked.slice(b);
  // Relative words point at another event ("two days before it began"); blank them so chrono keeps
  // the dates around them apart and never dates something from the publication day by them.
  masked = masked.replace(OTHER_ANCHORS, (w) => "~".repeat(w.length));
  if (!DATE_WORDS.test(masked)) return out.sort((a, b) => a.start - b.start || a.end - b.end);
  const ref = anchor ? new Date(Date.UTC(anchor.y, anchor.m - 1, anchor.d, 12)) : new Date(Date.UTC(2000, 0, 1, 12));
  for (const r of chrono.en.parse(masked, { instant: ref, timezone: 0 })) {
    const s = r.index;
    const e = r.index + r.text.length;
    if (!DATE_WORDS.test(r.text)) continue;
    // "two days before it began" is dated from another event, which chrono cannot know: not anchored.
    if (OTHER_ANCHOR.test(r.text)) continue;
    const c = r.start;
    const yearKnown = c.isCertain("year");
    if (!anchor && !yearKnown) continue;
    const tense = tenseAt(sentence, s, e - s);
    if (c.isCertain("weekday") && !c.isCertain("day") && anchor) {
      // A bare weekday: the one before publication in a past sentence, the one after in a future one.
      const wd = c.get("weekday")!;
      const aw = new Date(toUtc(anchor)).getUTCDay();
      let day: Ymd;
      if (WEEKDAY_WORDS.test(r.text)) day = { y: c.get("year")!, m: c.get("month")!, d: c.get("day")! };
      else {
        const ahead = (wd - aw + 7) % 7;
        const back = (aw - wd + 7) % 7;
        // No tense: the nearest such day, the past one on a tie.
        day = tense === "future" || (tense === "present" && ahead < back) ? addDays(anchor, ahead) : addDays(anchor, -back);
      }
      push(s, e, { kind: "date", startDate: iso(day), endDate: iso(day), days: null, grain: "day" });
      continue;
    }
    const month = c.get("month")!;
    const dayCertain = c.isCertain("day");
    const monthCertain = c.isCertain("month");
    let y = c.get("year")!;
    if (!yearKnown && anchor && monthCertain && !/\b(?:ago|week|month|year|yesterday|today|tomorrow|tonight)\b/i.test(r.text)) {
      y = placeYear(month, dayCertain ? c.get("day")! : 1, anchor, tense, modifierBefore(s));
    }
    if (r.end && dayCertain) {
      const a = { y, m: month, d: c.get("day")! };
      const b = { y: r.end.get("year")! + (y - c.get("year")!), m: r.end.get("month")!, d: r.end.get("day")! };
      if (compare(b, a) >= 0) {
        push(s, e, { kind: "range", startDate: iso(a), endDate: iso(b), days: Math.round((toUtc(b) - toUtc(a)) / 86_400_000) + 1, grain: "day" });
        continue;
      }
    }
    if (dayCertain) {
      const d = { y, m: month, d: c.get("day")! };
      push(s, e, { kind: "date", startDate: iso(d), endDate: iso(d), days: null, grain: "day" });
    } else if (monthCertain) {
      push(s, e, { kind: "month", startDate: iso({ y, m: month, d: 1 }), endDate: iso({ y, m: month, d: lastDay(y, month) }), days: null, grain: "month" });
    } else if (yearKnown) {
      push(s, e, { kind: "year", startDate: `${y}-01-01`, endDate: `${y}-12-31`, days: null, grain: "year" });
    }
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}
