/**
 * Words of a passage as the verifier compares them: tokens with offsets, a normalised form, a Porter2 stem
 * (wink-porter2-stemmer), and whether the token carries content. Written by hand on top of the stemmer because
 * the comparison needs offsets into the original text and British/American spelling folded together.
 */
import stem from "wink-porter2-stemmer";

/** One word of a passage. */
export interface Token {
  /** As written. */
  text: string;
  /** Lower case, possessive dropped, spelling folded ("defence" → "defense"). */
  norm: string;
  /** Porter2 stem of `norm`: the key words are compared by. */
  stem: string;
  /** Offsets in the article text. */
  start: number;
  end: number;
  /** Not a function word. */
  content: boolean;
  /** Starts with a capital letter and is not the first word of its sentence. */
  capital: boolean;
  /** Index of the clause the token belongs to (see {@link clauseBreaks}). */
  clause: number;
}

/** English function words: they never count as evidence that two passages say the same thing. */
export const STOPWORDS = new Set(
  (
    "a an the and or but if then else of at by for with about against between into through during before after " +
    "above below to from up down in out on off over under again further once here there when where why how all any " +
    "both each few more most other some such only own same so than too very can will just should now i me my " +
    "myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers herself it its " +
    "itself they them their theirs themselves what which who whom whose this that these those am is are was were be " +
    "been being have has had having do does did doing would could might must shall may also as while until because " +
    "although though whether upon within without via per its it's s t ve ll re d m one's mr mrs ms yet ever even " +
    "still already said says say saying told tell tells according added adding"
  ).split(/\s+/),
);

/** Words that reverse a clause's polarity. */
export const NEGATION_CUES = new Set(["not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "cannot", "without"]);

const TOKEN_RE = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
const MONTH_OR_DAY = new Set([
  "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
  "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday",
  "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
]);

/** True for month and weekday names (capitalised, but not names of people or places). */
export function isCalendarWord(norm: string): boolean {
  return MONTH_OR_DAY.has(norm);
}

/** Lower-cases a word, drops a possessive and folds common British spellings into American ones. */
export function normalizeWord(word: string): string {
  let w = word.toLowerCase().replace(/’/g, "'");
  if (w.endsWith("'s")) w = w.slice(0, -2);
  else if (w.endsWith("'")) w = w.slice(0, -1);
  if (w.length > 5) {
    w = w
      .replace(/isation(s?)$/, "ization$1")
      .replace(/is(e|es|ed|ing)$/, "iz$1")
      .replace(/yse(s|d)?$/, "yze$1")
      .replace(/ence$/, "ense")
      .replace(/our(s|ed|ing)?$/, "or$1")
      .replace(/tre(s?)$/, "ter$1");
  }
  return w;
}

const stemCache = new Map<string, string>();
/** Porter2 stem of a normalised word (cached). */
export function stemWord(norm: string): string {
  let s = stemCache.get(norm);
  if (s === undefined) {
    s = /^\p{N}+$/u.test(norm) ? norm : stem(norm);
    if (stemCache.size > 50_000) stemCache.clear();
    stemCache.set(norm, s);
  }
  return s;
}

/** Discourse words that open a new clause after a comma ("…, while …", "…, as well as …"). */
const CLAUSE_OPENERS = new Set(["but", "while", "whereas", "although", "though", "which", "who", "after", "before", "when", "because", "as", "where", "despite", "amid"]);

/**
 * Tokenizes `text.slice(start, end)`, keeping offsets into `text`. Clauses are cut at `;` `:` and dashes,
 * at a comma followed by a conjunction or relative pronoun, and at "as well as".
 */
export function tokenize(text: string, start: number, end: number): Token[] {
  const out: Token[] = [];
  const slice = text.slice(start, end);
  let clause = 0;
  let last = 0;
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(slice); m; m = TOKEN_RE.exec(slice)) {
    const gap = slice.slice(last, m.index);
    const norm = normalizeWord(m[0]);
    if (out.length > 0 && clauseBreaks(gap, norm, out)) clause++;
    last = m.index + m[0].length;
    const first = out.length === 0 || /[.!?]\s*["'”’]?\s*$/.test(gap);
    out.push({
      text: m[0],
      norm,
      stem: stemWord(norm),
      start: start + m.index,
      end: start + last,
      content: !STOPWORDS.has(norm) && !(norm.length === 1 && !/\p{N}/u.test(norm)),
      capital: !first && /^\p{Lu}/u.test(m[0]),
      clause,
    });
  }
  return out;
}

/** Whether a new clause starts between the previous tokens and a word preceded by `gap`. */
export function clauseBreaks(gap: string, nextNorm: string, previous: readonly Token[]): boolean {
  if (/[;:]|\s[–—-]\s|—/.test(gap)) return true;
  if (/,/.test(gap) && CLAUSE_OPENERS.has(nextNorm)) return true;
  // "as well as": the second "as" of the phrase follows "as well".
  const n = previous.length;
  return nextNorm === "as" && n >= 2 && previous[n - 1]?.norm === "well" && previous[n - 2]?.norm === "as";
}

/** Number words up to a billion, for comparing "six" with "6". */
export const NUMBER_WORDS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100,
  dozen: 12, first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12,
};
