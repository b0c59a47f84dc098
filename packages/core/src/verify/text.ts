/**
 * Words of a passage as the verifier compares them: tokens with offsets, a normalised form, a Porter2 stem
 * (wink-porter2-stemmer), and whether the token carries content. Written by hand on top of the stemmer because
 * the comparison needs offsets into the original text and British/American spelling folded together.
 */
import stem from "wink-porter2-stemmer";
import { CONCEPT } from "../extract/lexicon.js";
import { CARDINAL_WORDS } from "../extract/numbers.js";
import { memoByString } from "../util/memo.js";

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
  /** The synonym group the word belongs to (the claims stage's table, `extract/lexicon.ts`), else its stem. */
  concept: string;
  /** Universal part-of-speech tag from the pipeline's wink-nlp tokens, `""` when unknown. */
  pos: string;
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
    "still already said says say saying told tell tells according added adding well"
  ).split(/\s+/),
);

/** Words that reverse a clause's polarity. */
export const NEGATION_CUES = new Set(["not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "cannot", "without"]);

const TOKEN_RE = /[\p{L}\p{N}]+(?:(?<=\d)[,.] ?\d{3}(?!\d))*(?:['’][\p{L}]+)*/gu;
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

/** Stem → synonym group, from the claims stage's synonym table (stemmed here once). */
const CONCEPT_BY_STEM = new Map<string, string>();
for (const [word, group] of [...CONCEPT].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
  const key = stem(normalizeWord(word));
  if (!CONCEPT_BY_STEM.has(key)) CONCEPT_BY_STEM.set(key, group);
}

/**
 * The synonym group of a word, by its lemma when the tagger gave one ("said" → "say"), else by its stem
 * ("invit" → "invite"); the stem itself when the word is in no group.
 */
export function conceptOf(stemmed: string, lemma?: string): string {
  const byLemma = lemma ? lemmaConcept(lemma) : undefined;
  return byLemma ?? CONCEPT_BY_STEM.get(stemmed) ?? stemmed;
}

/** Synonym group of a lemma (memoised: a text repeats its lemmas), or undefined. */
function lemmaConcept(lemma: string): string | undefined {
  return lemmaConcepts(lemma) ?? undefined;
}
const lemmaConcepts = memoByString((lemma): string | null => CONCEPT.get(lemma.toLowerCase()) ?? CONCEPT_BY_STEM.get(stemWord(normalizeWord(lemma))) ?? null);

/** What the pipeline's tagger says about the word at an offset. */
export interface WordTag {
  /** Universal part of speech. */
  pos: string;
  /** Lemma, when tagged with lemmas. */
  lemma?: string;
}

const ORDINAL_WORDS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, twentieth: 20,
};
const ORDINAL_DIGITS = /^(\d+)(?:st|nd|rd|th)$/;

/**
 * The comparison key of a normalised word: cardinal words become digits ("nine" → "9"), ordinals a number
 * with "th" ("third", "3rd" → "3th"), so that "nine per cent" meets "9 percent" and "Third" meets "3rd".
 */
export function valueKey(norm: string): string {
  const card = norm === "hundred" ? undefined : CARDINAL_WORDS[norm];
  if (card !== undefined) return String(card);
  const ord = ORDINAL_WORDS[norm];
  if (ord !== undefined) return `${ord}th`;
  const m = ORDINAL_DIGITS.exec(norm);
  if (m) return `${m[1]}th`;
  if (norm === "cent") return "percent";
  return /^\d/.test(norm) ? norm.replace(/,\s?(?=\d{3})/g, "") : norm;
}

/** Porter2 stem of a normalised word (cached). */
export const stemWord: (norm: string) => string = memoByString((norm) => (/^\p{N}+$/u.test(norm) ? norm : stem(norm)));

/** Discourse words that open a new clause after a comma ("…, while …", "…, as well as …"). */
const CLAUSE_OPENERS = new Set(["but", "while", "whereas", "although", "though", "which", "who", "after", "before", "when", "because", "as", "where", "despite", "amid"]);

/** What {@link tokenize} derives from a word as written: the same wherever the word occurs. */
export interface WordForm {
  /** {@link normalizeWord} of the word. */
  word: string;
  /** {@link valueKey} of `word`: the token's `norm`. */
  norm: string;
  /** {@link stemWord} of `norm`. */
  stem: string;
  /** Not a function word (see `content` on tokens). */
  content: boolean;
  /** Starts with a capital letter. */
  upper: boolean;
}

/**
 * The normalised form, stem and kind of a word as written, memoised per spelling: a text repeats its words,
 * and the regular expressions of {@link normalizeWord} and {@link valueKey} were most of the tokenizer's time.
 */
export const wordForm: (raw: string) => WordForm = memoByString((raw) => {
  const word = normalizeWord(raw);
  const norm = valueKey(word);
  return { word, norm, stem: stemWord(norm), content: !STOPWORDS.has(word) && !(norm.length === 1 && !/\p{N}/u.test(norm)), upper: /^\p{Lu}/u.test(raw) };
});

/**
 * A new global regular expression matching the words of a text as {@link tokenize} cuts them: for looking
 * words up without building tokens (the caller owns its `lastIndex`).
 */
export function wordPattern(): RegExp {
  return new RegExp(TOKEN_RE.source, TOKEN_RE.flags);
}

const SENTENCE_END = /[.!?]\s*["'”’]?\s*$/;

/**
 * Tokenizes `text.slice(start, end)`, keeping offsets into `text`, each word tagged with the part of speech
 * and lemma `tagAt` gives for its offset. Clauses are cut as {@link clauseBreaks} says.
 */
export function tokenize(text: string, start: number, end: number, tagAt: (offset: number) => WordTag | undefined = () => undefined): Token[] {
  const out: Token[] = [];
  const slice = text.slice(start, end);
  let clause = 0;
  let inClause = 0;
  let last = 0;
  let previous: Token | undefined;
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(slice); m; m = TOKEN_RE.exec(slice)) {
    // The gap is mostly one space: no clause mark, no sentence end.
    const gap = m.index - last === 1 && slice.charCodeAt(last) === 32 ? " " : slice.slice(last, m.index);
    const raw = m[0];
    const form = wordForm(raw);
    const tag = tagAt(start + m.index);
    const pos = tag?.pos ?? "";
    if (previous !== undefined && clauseBreaks(gap, form.word, slice, m.index, previous.norm, pos, inClause)) {
      clause++;
      inClause = 0;
    }
    last = m.index + raw.length;
    const first = previous === undefined || (gap !== " " && SENTENCE_END.test(gap));
    previous = {
      text: raw,
      norm: form.norm,
      stem: form.stem,
      concept: conceptOf(form.stem, tag?.lemma),
      pos,
      start: start + m.index,
      end: start + last,
      content: form.content,
      capital: !first && form.upper,
      clause,
    };
    out.push(previous);
    if (form.content) inClause++;
  }
  return out;
}

const CLAUSE_MARK = /[;:]|\s[–—-]\s|—/;
const AS_WELL_AS = /as well as\b/iy;

/**
 * Whether a new clause starts at the word `nextNorm` (at `at` in `text`) preceded by `gap`: at `;` `:`
 * and dashes, at a comma before a conjunction or relative pronoun, at ", as well as", and at "and" before a
 * verb ("… called it unlawful and said …") when the tagger's part of speech (`pos`) is known; `previous` is
 * the word before, `contentWords` the content words of the clause so far.
 */
export function clauseBreaks(gap: string, nextNorm: string, text: string, at: number, previous: string, pos: string, contentWords: number): boolean {
  if (gap !== " ") {
    if (CLAUSE_MARK.test(gap)) return true;
    if (gap.includes(",")) {
      if (CLAUSE_OPENERS.has(nextNorm)) return true;
      AS_WELL_AS.lastIndex = at;
      if (AS_WELL_AS.test(text)) return true;
    }
  }
  // Not before a participle: "who admitted downloading and viewing …" is one clause.
  return previous === "and" && (pos === "VERB" || pos === "AUX") && !nextNorm.endsWith("ing") && contentWords >= 3;
}

/**
 * The place names a demonym may come from ("chinese" → "china", "russian" → "russia", "japanese" → "japan"),
 * so that "Chinese officials" meets "China"; empty for other words. English morphology, not a gazetteer.
 */
export function demonymPlaces(norm: string): string[] {
  if (norm.length < 5) return [];
  let m = /^(\p{L}{3,})ese$/u.exec(norm);
  if (m) return [m[1]!, `${m[1]}a`];
  m = /^(\p{L}{3,})ian$/u.exec(norm);
  if (m) return [`${m[1]}ia`, `${m[1]}y`, m[1]!];
  m = /^(\p{L}{3,})an$/u.exec(norm);
  if (m) return [`${m[1]}a`, m[1]!];
  return [];
}
