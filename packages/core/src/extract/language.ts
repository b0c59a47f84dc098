/**
 * Language identification of paragraphs, behind a small synchronous interface.
 *
 * Why a hand-written default: the pipeline must run unchanged in Node and in a browser Web Worker, and stage 1
 * only needs to answer "is this paragraph in another language than the article?", often for short photo
 * captions full of names. fastText (fasttext.wasm.js) is the most accurate model we measured, but it is
 * async-only to load, and in a browser it must fetch its wasm and model files from the page's origin, so it
 * cannot be the default of a library; n-gram libraries that are sync (tinyld, eld, franc) mislabel short
 * name-heavy captions ("President Luis Ortega Medina" read as French, Estonian or Tagalog in our trials),
 * which would throw English captions out of the claims. Function words are the reliable signal in such
 * lines, and abstaining when there is too little evidence is the right answer for this question, so the
 * default detector scores stopword profiles of the main European languages plus writing systems, and
 * returns `null` when unsure. fastText plugs in through {@link fastTextLanguageDetector}.
 */
import { codePointAt, forEachWord, isLetter, runEnd } from "../util/chars.js";

/** A detected language. */
export interface LanguageGuess {
  /** BCP 47 tag: a primary language subtag (`en`, `es`), or `und-<Script>` (`und-Cyrl`) when only the script is known. */
  language: string;
  /** 0..1, how sure the detector is. */
  confidence: number;
}

/** Anything that guesses the language of a text, synchronously. */
export interface LanguageDetector {
  /** Name shown in segment reasons (`stopwords`, `fasttext`). */
  readonly name: string;
  /** The language of `text`, or `null` when the detector cannot tell. */
  detect(text: string): LanguageGuess | null;
}

// Most frequent function words of each language (lowercase, accents kept). Words shared by several
// languages count for each of them with a split weight.
const STOPWORDS: Record<string, string> = {
  en: "the of and to in a is that for it as was with be by on not he i this are or his from at which but have an they you were her she there been has their we who will would its had said also after into than them our about when these more could other out over said says what while can did does may should during between before under against through since until where how all some any one new first last per up off near across amid among without within him my your those such each both only just very then if do being whose because",
  es: "el la los las de del y en que un una por con para es se no al lo como más pero sus su le ha me si sin sobre este entre cuando muy ya también hasta desde está son fue hay donde quien durante todo nos ni según tras ante esta después",
  fr: "le la les de des du et en un une est que qui dans pour pas par sur au aux il elle ne se ce sont avec plus ont été son sa ses leur mais comme nous vous ou où cette été lors selon après avant depuis chez a dont très aussi entre",
  de: "der die das und in den von zu mit sich des auf für ist im dem nicht ein eine als auch es an er hat aus bei sind nach wird einer um am noch wie einem über einen so zum war haben nur oder aber vor zur bis mehr durch sie seit wurde werden",
  it: "il di che e la per un una in del della non sono le con si da al dei delle gli nel nella anche come più ma ha lo dal questo questa alla degli sul tra dopo essere stato fra ai",
  pt: "o a os as de do da dos das e em um uma que para com não por no na nos nas ao se mais como mas foi ser seu sua pelo pela também já está são entre quando sobre até após depois isso",
  nl: "de het een en van in is dat op te zijn met voor niet die aan er ook als bij door om maar dan nog wordt tot uit werd naar heeft hebben kan over zich deze na was",
};

const LANGS = Object.keys(STOPWORDS);
/** A word's weight for each language, by language index in {@link LANGS} (0 for a language it is not a word of). */
type LanguageWeights = Float64Array;
const WEIGHTS = new Map<string, LanguageWeights>();
{
  const owners = new Map<string, Set<number>>();
  LANGS.forEach((lang, index) => {
    for (const w of (STOPWORDS[lang] ?? "").split(" ")) {
      if (!owners.has(w)) owners.set(w, new Set());
      owners.get(w)?.add(index);
    }
  });
  for (const [w, langs] of owners) {
    const m = new Float64Array(LANGS.length);
    for (const l of langs) m[l] = 1 / langs.size;
    WEIGHTS.set(w, m);
  }
}

/** Weights of the given languages, by index in {@link LANGS}. */
function weightsOf(byLanguage: Record<string, number>): LanguageWeights {
  const m = new Float64Array(LANGS.length);
  for (const [l, v] of Object.entries(byLanguage)) m[LANGS.indexOf(l)] = v;
  return m;
}

// Letters that mark a language (or a few) among the Latin-script ones above.
const MARKS: [RegExp, LanguageWeights][] = (
  [
    [/[ñ¿¡]/g, { es: 1 }],
    [/[ßäöü]/g, { de: 1 }],
    [/[ãõ]/g, { pt: 1 }],
    [/[ç]/g, { fr: 0.5, pt: 0.5 }],
    [/[èêëîïôûùœ]/g, { fr: 1 }],
    [/[ìò]/g, { it: 1 }],
    [/[áíóú]/g, { es: 0.6, pt: 0.4 }],
  ] as [RegExp, Record<string, number>][]
).map(([re, add]) => [re, weightsOf(add)]);

// Writing systems other than Latin, identified by script alone: first and last code unit of each block.
const SCRIPTS: [number, number, string][] = [
  [0x0400, 0x04ff, "und-Cyrl"],
  [0x0370, 0x03ff, "el"],
  [0x0590, 0x05ff, "he"],
  [0x0600, 0x06ff, "ar"],
  [0x0900, 0x097f, "hi"],
  [0x0e00, 0x0e7f, "th"],
  [0x3040, 0x30ff, "ja"],
  [0xac00, 0xd7af, "ko"],
  [0x4e00, 0x9fff, "zh"],
];

/**
 * Where the word starting at `i` ends (`i` when no word starts there): letters, then at most one apostrophe
 * and letters after it, as `/\p{L}+(?:['’]\p{L}+)?/u` would match; scanned by hand, no match array per word.
 */
function wordEnd(text: string, i: number): number {
  let j = letterRun(text, i);
  if (j === i) return i;
  const c = text.charCodeAt(j);
  if (c === 39 || c === 0x2019) {
    const k = letterRun(text, j + 1);
    if (k > j + 1) j = k;
  }
  return j;
}

/** The end of the run of letters starting at `i`. */
function letterRun(text: string, i: number): number {
  return runEnd(text, i, isLetter);
}
const NON_ASCII = /[\u0080-\uffff]/;
/** Options of {@link stopwordLanguageDetector}. */
export interface StopwordDetectorOptions {
  /** Minimum weighted function-word hits before it answers (default 2). */
  minHits?: number;
  /** How much the best language must lead the second (ratio, default 1.5). */
  minLead?: number;
}

/**
 * The default detector: function-word profiles of English, Spanish, French, German, Italian, Portuguese and
 * Dutch, distinctive letters, and writing systems (Cyrillic, Greek, Hebrew, Arabic, Devanagari, Thai,
 * Japanese, Korean, Chinese). Synchronous, dependency-free, linear in the text, runs in browsers.
 * Returns `null` when the evidence is too thin (a line of names, a one-word label).
 */
export function stopwordLanguageDetector(options: StopwordDetectorOptions = {}): LanguageDetector {
  const minHits = options.minHits ?? 2;
  const minLead = options.minLead ?? 1.5;
  return {
    name: "stopwords",
    detect(text: string): LanguageGuess | null {
      // Letters and letters of each other writing system, in one pass (most text is ASCII: no regex there).
      let letters = 0;
      const perScript = new Array<number>(SCRIPTS.length).fill(0);
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c < 128) {
          if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) letters++;
          continue;
        }
        const cp = codePointAt(text, i);
        if (cp > 0xffff) i++;
        if (!isLetter(cp)) continue;
        letters++;
        const k = SCRIPTS.findIndex(([lo, hi]) => c >= lo && c <= hi);
        if (k >= 0) perScript[k]!++;
      }
      if (letters === 0) return null;
      for (let k = 0; k < SCRIPTS.length; k++) {
        if (perScript[k]! / letters > 0.3) {
          const tag = SCRIPTS[k]![2];
          if (tag === "und-Cyrl") return { language: /[іїєґ]/i.test(text) ? "uk" : /[ыэъё]/i.test(text) ? "ru" : tag, confidence: 0.9 };
          return { language: tag, confidence: 0.9 };
        }
      }
      // Scores by language index; a language is scored once a word or mark of it is seen.
      const scores = new Float64Array(LANGS.length);
      const scored = new Uint8Array(LANGS.length);
      let hits = 0;
      let words = 0;
      const lower = text.toLowerCase();
      forEachWord(lower, wordEnd, (start, end) => {
        words++;
        // A word longer than every stopword is only read when it may be elided ("dell'anno"): no copy of
        // the other words.
        if (end - start > LONGEST_STOPWORD && !apostropheNear(lower, start, end)) return;
        const word = lower.slice(start, end);
        const w = WEIGHTS.get(word.includes("’") ? word.replace("’", "'") : word) ?? elided(word);
        if (!w) return;
        hits++;
        for (let l = 0; l < w.length; l++) {
          if (w[l] === 0) continue;
          scores[l]! += w[l]!;
          scored[l] = 1;
        }
      });
      // Every mark is a non-ASCII letter: ASCII text has none to count.
      for (const [re, add] of NON_ASCII.test(lower) ? MARKS : []) {
        const n = Math.min(lower.match(re)?.length ?? 0, 3);
        if (n === 0) continue;
        for (let l = 0; l < add.length; l++) {
          if (add[l] === 0) continue;
          scores[l]! += 0.5 * n * add[l]!;
          scored[l] = 1;
        }
      }
      const ranked: [string, number][] = [];
      for (let l = 0; l < LANGS.length; l++) if (scored[l]) ranked.push([LANGS[l]!, scores[l]!]);
      ranked.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      const [best, second] = ranked;
      if (!best || hits < minHits || best[1] < minHits * 0.6) return null;
      const runnerUp = second?.[1] ?? 0;
      if (runnerUp > 0 && best[1] / runnerUp < minLead) return null;
      const total = ranked.reduce((sum, [, v]) => sum + v, 0);
      const coverage = Math.min(1, hits / Math.max(1, words * 0.35));
      return { language: best[0], confidence: round((best[1] / total) * coverage) };
    },
  };
}

/** Length of the longest stopword (a longer word is none). */
const LONGEST_STOPWORD = Math.max(...[...WEIGHTS.keys()].map((w) => w.length));
/** Longest head an elision has before its apostrophe ("dell", "nell", "dall", "sull"). */
const LONGEST_ELIDED = 4;

/** Whether `text[start, end)` has an apostrophe where an elision puts it (after one to four letters). */
function apostropheNear(text: string, start: number, end: number): boolean {
  for (let k = start + 1; k <= start + LONGEST_ELIDED && k < end; k++) {
    const c = text.charCodeAt(k);
    if (c === 39 || c === 0x2019) return true;
  }
  return false;
}

// French and Italian elisions (l'économie, d'euros, dell'anno) count as their article or preposition.
function elided(word: string): LanguageWeights | undefined {
  if (!apostropheNear(word, 0, word.length)) return undefined;
  const m = /^(l|d|qu|n|s|j|c|dell|nell|all|dall|sull)['’]/.exec(word);
  if (!m) return undefined;
  const head = m[1] as string;
  if (head.length > 2) return ELIDED_IT;
  if (head === "qu" || head === "j" || head === "c") return ELIDED_FR;
  return ELIDED_EITHER;
}
const ELIDED_IT = weightsOf({ it: 1 });
const ELIDED_FR = weightsOf({ fr: 1 });
const ELIDED_EITHER = weightsOf({ fr: 0.75, it: 0.25 });

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** The detector used when none is given: {@link stopwordLanguageDetector} with default options. */
export const defaultLanguageDetector: LanguageDetector = stopwordLanguageDetector();

/**
 * The shape of a loaded fastText model as fasttext.wasm.js exposes it (`(await getLIDModel()).load()`):
 * `predict` is synchronous once the model is loaded and returns a vector of `[probability, label]` pairs.
 */
export interface FastTextModelLike {
  predict(text: string, k: number, threshold: number): { size(): number; get(i: number): [number, string] };
}

/** Options of {@link fastTextLanguageDetector}. */
export interface FastTextDetectorOptions {
  /** Below this probability the detector abstains (default 0.5). */
  minConfidence?: number;
  /** Fewer letters than this and the detector abstains (default 12). */
  minLetters?: number;
}

/**
 * Wraps a loaded fastText language-identification model (for example fasttext.wasm.js's `lid.176.ftz` in
 * Node: `const model = await (await getLIDModel()).load()`) as a synchronous {@link LanguageDetector}.
 * Core does not depend on fastText: load the model yourself, then pass the detector to `segmentArticle`.
 */
export function fastTextLanguageDetector(model: FastTextModelLike, options: FastTextDetectorOptions = {}): LanguageDetector {
  const minConfidence = options.minConfidence ?? 0.5;
  const minLetters = options.minLetters ?? 12;
  return {
    name: "fasttext",
    detect(text: string): LanguageGuess | null {
      const clean = text.replace(/\s+/g, " ").trim();
      if (clean.replace(/[^\p{L}]/gu, "").length < minLetters) return null;
      const vector = model.predict(clean, 1, 0);
      if (vector.size() === 0) return null;
      const [probability, label] = vector.get(0);
      if (probability < minConfidence) return null;
      return { language: label.replace("__label__", ""), confidence: round(probability) };
    },
  };
}

/** The primary language subtag of a BCP 47 tag, lowercased (`en-GB` → `en`); `und-Cyrl` stays whole. */
export function primaryLanguage(tag: string): string {
  const lower = tag.trim().toLowerCase();
  if (lower.startsWith("und-")) return lower;
  return lower.split(/[-_]/)[0] ?? lower;
}

// Languages by writing system, so that a script-only guess (`und-Cyrl`) is not taken for another language
// than the article's Russian or Ukrainian.
const SCRIPT_LANGUAGES: Record<string, ReadonlySet<string>> = {
  "und-cyrl": new Set(["ru", "uk", "bg", "sr", "be", "mk", "kk", "ky", "mn", "tg", "tt", "ba"]),
};

/**
 * Whether two language tags name different languages (compares primary subtags). A script-only tag
 * (`und-Cyrl`) is not different from a language written in that script (`ru`).
 */
export function differentLanguage(a: string, b: string): boolean {
  const pa = primaryLanguage(a);
  const pb = primaryLanguage(b);
  if (pa === pb) return false;
  if (SCRIPT_LANGUAGES[pa]?.has(pb) || SCRIPT_LANGUAGES[pb]?.has(pa)) return false;
  return true;
}

/**
 * Detects the language of a whole article text: the detector is run on up to `sample` characters taken
 * from the start of the text (default 20,000), so the cost stays bounded on huge inputs.
 */
export function detectArticleLanguage(
  text: string,
  detector: LanguageDetector = defaultLanguageDetector,
  sample = 20_000,
): LanguageGuess | null {
  return detector.detect(text.length > sample ? text.slice(0, sample) : text);
}
