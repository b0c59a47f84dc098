/**
 * Counts and amounts: "102 states", "over 120 entities", "three dockworkers", "9 percent".
 *
 * Written by hand on top of wink-nlp's tags: no maintained JavaScript library normalises news quantities
 * with their counted noun and bound ("more than", "nearly"); wink gives the noun and its lemma, and this
 * module only pairs a number with it. A number is not a count when it is part of a date or duration, an
 * ordinal, a year, or a name ("Su-35", "Gate 4", "Flight 370").
 */
import type { Quantity } from "../model/claim.js";
import type { Offsets } from "../model/span.js";
import { TokenTable, type Token } from "./nlp.js";
import { CARDINAL_WORDS, SCALE_WORDS, parseNumber } from "./numbers.js";
import { mayBeOneOf } from "./lexicon.js";

const BOUNDS: readonly [RegExp, Quantity["bound"]][] = [
  [/\b(?:more than|over|at least|upwards of|in excess of|no fewer than|no less than)\s+$/i, "over"],
  [/\b(?:fewer than|less than|under|up to|at most|no more than)\s+$/i, "under"],
  [/\b(?:about|around|nearly|almost|roughly|some|approximately|an estimated|close to|an? (?:further|additional))\s+$/i, "about"],
];
/** Units of measurement: specifications, not counts of what happened. */
const MEASURES = new Set([
  "mph", "kph", "km", "kilometre", "kilometer", "mile", "metre", "meter", "foot", "feet", "inch", "yard", "mm", "cm",
  "hp", "horsepower", "kw", "kilowatt", "mw", "megawatt", "gw", "kwh", "watt", "volt", "amp", "lb", "kg", "kilogram",
  "gram", "ton", "tonne", "litre", "liter", "gallon", "degree", "knot", "acre", "hectare", "ghz", "mhz", "gb", "mb",
  "tb", "pixel", "rpm", "nm", "psi", "calorie", "decibel",
]);
const PERCENT = /^\s*(?:%|percent\b|per cent\b)/i;

const MAY_BE_NUMBER_WORD = mayBeOneOf(Object.keys(CARDINAL_WORDS));

/** Whether the token `text[start, end)` can be a number (digits first, or a number word), read without copying it. */
function mayBeNumber(text: string, start: number, end: number): boolean {
  const c = text.charCodeAt(start);
  return (c >= 48 && c <= 57) || MAY_BE_NUMBER_WORD(text, start, end);
}

/**
 * Reads the quantities among `tokens` (tagged, in text order; token objects or the article's token table),
 * skipping any whose number lies inside one of the `taken` spans (the time expressions already read).
 */
export function extractQuantities(text: string, tokens: readonly Token[] | TokenTable, taken: readonly Offsets[]): Quantity[] {
  const out: Quantity[] = [];
  const inTaken = (s: number, e: number) => taken.some((t) => s < t.end && e > t.start);
  // From a table, only the tokens around a number are made into objects.
  const at = (i: number): Token | undefined =>
    i < 0 || i >= tokens.length ? undefined : tokens instanceof TokenTable ? tokens.get(i, text) : tokens[i];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens instanceof TokenTable && !mayBeNumber(text, tokens.startOf(i), tokens.endOf(i))) continue;
    const word = tokens instanceof TokenTable ? tokens.textOf(i, text) : tokens[i]!.text;
    const lower = word.toLowerCase();
    const isDigits = /^\d[\d,]*(?:\.\d+)?$/.test(word);
    const isWord = CARDINAL_WORDS[lower] !== undefined && lower !== "hundred" && lower !== "zero";
    if (!isDigits && !isWord) continue;
    const tok = at(i)!;
    let value = parseNumber(tok.text);
    if (value === null || inTaken(tok.start, tok.end)) continue;
    const prev = at(i - 1);
    // Part of a name or code: "Su-35", "Gate 4", "COVID-19", "No. 4".
    if (prev && prev.end === tok.start && /[-/#]$/.test(prev.text)) continue;
    if (prev && /^\p{Lu}/u.test(prev.text) && prev.pos === "PROPN" && isDigits && !inTaken(prev.start, prev.end)) continue;
    if (prev && /^(?:no|nos|number|gate|flight|route|article|section|page|room|platform|terminal)\.?$/i.test(prev.text)) continue;
    let j = i + 1;
    let end = tok.end;
    // "3, 000" (a thousands separator followed by a space, as some copy has it) is one number; "007" is a code.
    if (isDigits && /^0\d/.test(tok.text)) continue;
    while (isDigits && at(j)?.text === "," && /^\d{3}$/.test(at(j + 1)?.text ?? "") && at(j + 1)!.start - at(j)!.end <= 1 && at(j)!.start === end) {
      value = value * 1000 + Number(at(j + 1)!.text);
      end = at(j + 1)!.end;
      j += 2;
    }
    // "twenty-one", "1.5 million".
    if (isWord && at(j)?.text === "-" && CARDINAL_WORDS[at(j + 1)?.text.toLowerCase() ?? ""] !== undefined) {
      value += CARDINAL_WORDS[at(j + 1)!.text.toLowerCase()]!;
      end = at(j + 1)!.end;
      j += 2;
    }
    const scale = SCALE_WORDS[at(j)?.text.toLowerCase() ?? ""];
    if (scale !== undefined) {
      value *= scale;
      end = at(j)!.end;
      j++;
    }
    if (isDigits && /^(?:1[89]|20)\d{2}$/.test(tok.text) && scale === undefined) {
      // A four-digit number from 1800 to 2099 with no counted noun right after it is a year.
      const next = at(j);
      if (!next || next.pos !== "NOUN") continue;
    }
    let unit: string | null = null;
    if (PERCENT.test(text.slice(end))) {
      const m = PERCENT.exec(text.slice(end))!;
      end += m[0].length;
      unit = "percent";
    } else {
      // "a 4,200-member union", "300-strong crews": the hyphen joins the number to what it counts.
      let joined = false;
      if (at(j)?.text === "-" && at(j)!.start === end && at(j + 1)?.start === at(j)!.end) {
        j++;
        joined = true;
      }
      // The counted noun: the first noun within three tokens, across adjectives ("120 foreign entities").
      for (let k = j; k < Math.min(tokens.length, j + 3); k++) {
        const t = at(k)!;
        if (t.pos === "NOUN") {
          // The head of a compound is its last noun: "two security guards" counts guards.
          let h = k;
          while (!(joined && h === j) && at(h + 1)?.pos === "NOUN" && at(h + 1)!.start === at(h)!.end + 1) h++;
          const head = at(h)!;
          unit = (head.lemma ?? head.text).toLowerCase();
          end = head.end;
          break;
        }
        if (t.pos !== "ADJ" && t.pos !== "SPACE") break;
      }
    }
    if (unit === null) continue;
    if (/^(?:day|week|month|year|hour|minute|second|time|am|pm)$/.test(unit)) continue;
    // Measurements (a car's 275 horsepower, 60 mph) describe things, not what a story says happened.
    if (MEASURES.has(unit)) continue;
    let start = tok.start;
    let bound: Quantity["bound"] = "exact";
    const before = text.slice(Math.max(0, tok.start - 24), tok.start);
    for (const [re, b] of BOUNDS) {
      const m = re.exec(before);
      if (m) {
        bound = b;
        start = tok.start - m[0].length;
        break;
      }
    }
    out.push({ start, end, text: text.slice(start, end), value, unit, bound });
    i = j - 1;
  }
  return out;
}
