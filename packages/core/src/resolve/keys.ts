import { NAME_CONNECTORS, SPELLING_VARIANTS } from "./lexicon.js";
import { countryOf } from "./gazetteer.js";
import { memoByString } from "../util/memo.js";

const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };
const ORDINAL_WORDS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20,
};

/** Value of a Roman numeral written in capitals (II..XXXIX), or null. Single letters are not numerals. */
export function romanValue(token: string): number | null {
  if (!/^[IVXLC]{2,7}$/.test(token)) return null;
  let total = 0;
  const s = token.toLowerCase();
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN[s[i]!]!;
    const next = i + 1 < s.length ? ROMAN[s[i + 1]!]! : 0;
    total += v < next ? -v : v;
  }
  return total > 0 && total < 100 ? total : null;
}

/** Ordinal value of "11th", "XI" (in a name), "Eleventh", or null. */
export function ordinalValue(token: string): number | null {
  const m = /^(\d{1,3})(st|nd|rd|th)$/i.exec(token);
  if (m) return Number(m[1]);
  const w = ORDINAL_WORDS[token.toLowerCase()];
  if (w) return w;
  return romanValue(token);
}

/** Lower case, accents removed, British spelling made American, possessive dropped. */
export function normaliseWord(word: string): string {
  const w = word
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]s$/, "")
    .replace(/[.'’]/g, "");
  return SPELLING_VARIANTS[w] ?? w;
}

/**
 * Folds transliteration variants of a name word: "Andrey"/"Andrei", "Dmitriy"/"Dmitry",
 * "Aleksandr"/"Alexander", "Mikhail"/"Michail". Applied only to keys, never to text.
 */
export function foldTransliteration(word: string): string {
  return word
    .replace(/ks/g, "x")
    .replace(/([aeiou])y/g, "$1i")
    .replace(/y([aeiou])/g, "i$1")
    .replace(/kh/g, "h")
    .replace(/dr$/, "der")
    .replace(/ij$/, "i")
    .replace(/iy$/, "i")
    .replace(/(.)\1/g, "$1");
}

/**
 * Key of a single name word: normalised, ordinals as numbers, transliteration folded. Names repeat across a
 * batch's articles: keys are memoised per word.
 */
export const wordKey: (word: string) => string = memoByString((word) => computeWordKey(word));

function computeWordKey(word: string): string {
  const ord = ordinalValue(word);
  if (ord !== null) return `#${ord}`;
  const n = normaliseWord(word);
  const country = countryOf(n);
  if (country) return country.toLowerCase();
  return foldTransliteration(n);
}

/** Content words of a name, connectors dropped ("Ministry of Defence" → ["ministry", "defense"]). */
export function contentWords(tokens: readonly string[]): string[] {
  return tokens.filter((t) => !NAME_CONNECTORS.has(t.toLowerCase())).map(wordKey).filter((t) => t.length > 0);
}

/** Order-insensitive key for organisations, named events and places ("Chinese Ministry of Defence" = "Chinese Defense Ministry"). */
export function bagKey(tokens: readonly string[]): string {
  return [...new Set(contentWords(tokens))].sort().join(" ");
}

/** Order-sensitive key for people. */
export function personKey(tokens: readonly string[]): string {
  return contentWords(tokens).join(" ");
}
