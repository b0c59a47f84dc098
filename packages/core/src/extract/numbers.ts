/**
 * Numbers as news text writes them: digits ("1,200", "3.5"), words ("six", "twenty-one") and scale words
 * ("1.5 million"). Shared by the time and quantity readers (and the verifier), so one table decides what a
 * number word means.
 */

/** Cardinal number words and their values. */
export const CARDINAL_WORDS: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100,
  dozen: 12,
};

/** Scale words after a number ("1.5 million"). */
export const SCALE_WORDS: Readonly<Record<string, number>> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

const TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";
const UNITS = "one|two|three|four|five|six|seven|eight|nine";

/**
 * A regular-expression source matching one number as written: digits with thousands separators and decimals,
 * or number words ("twenty-one", "six"). Not anchored, no flags; wrap it in word boundaries.
 */
export const NUMBER_SOURCE = `(?:\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|(?:${TENS})(?:[- ](?:${UNITS}))?|${Object.keys(CARDINAL_WORDS).join("|")})`;

/** The value of a number as {@link NUMBER_SOURCE} matches it, or null. */
export function parseNumber(written: string): number | null {
  const w = written.toLowerCase().trim();
  if (/^[\d,]+(?:\.\d+)?$/.test(w)) {
    const n = Number(w.replace(/,/g, ""));
    return Number.isFinite(n) ? n : null;
  }
  const parts = w.split(/[- ]/);
  let total = 0;
  for (const p of parts) {
    const v = CARDINAL_WORDS[p];
    if (v === undefined) return null;
    total += v;
  }
  return total;
}

/** Months by English name and abbreviation ("August", "Aug", "Aug.", "Sept"). */
const MONTH_NUMBERS: Readonly<Record<string, number>> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10,
  november: 11, december: 12, jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10,
  nov: 11, dec: 12,
};

/** The month (1–12) an English month name or abbreviation means, or 0. */
export function monthNumber(word: string): number {
  return MONTH_NUMBERS[word.toLowerCase().replace(/\.$/, "")] ?? 0;
}
