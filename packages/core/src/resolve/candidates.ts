import type { EntityType } from "../model/entity.js";
import { forEachWord, isLetterOrDigit, runEnd } from "../util/chars.js";
import { CITIES, countryOf } from "./gazetteer.js";
import { bagKey, ordinalValue, personKey } from "./keys.js";
import {
  EVENT_WORDS,
  FUNCTION_WORDS,
  HONORIFICS,
  NAME_CONNECTORS,
  ORG_WORDS,
  PLACE_WORDS,
  TITLE_HEADS,
} from "./lexicon.js";

/** A name found in one article, before resolution. */
export interface Candidate {
  articleId: string;
  start: number;
  end: number;
  text: string;
  /** The name's words (possessive removed). */
  tokens: string[];
  type: EntityType;
  /** How sure the type is: 2 = from a keyword or title, 1 = from context, 0 = guess. */
  typeStrength: number;
  /** `name`: a full name; `title`: a job title standing for a person; `acronym`: letters. */
  form: "name" | "title" | "acronym";
  /** Country that owns an organisation ("Russia's Defense Ministry"), lower case, or null. */
  owner: string | null;
  /** Job title apposed before a person's name ("Defense Minister" in "Defense Minister Jane Roe"). */
  title: { start: number; end: number; text: string } | null;
  /** Acronym introduced right after the name in parentheses. */
  acronym: { start: number; end: number; text: string } | null;
  /** Key for matching (bag of words for organisations/events/places, ordered for people). */
  key: string;
  /** Names nested inside this one that are places ("Calder" in "Calder Maritime Forum"). */
  nested: { start: number; end: number; text: string }[];
}

interface Tok {
  start: number;
  end: number;
  text: string;
  cap: boolean;
  possessive: boolean;
  /** Punctuation right after the token breaks a name. */
  breakAfter: boolean;
}

/**
 * Where the word starting at `i` ends: letters and digits with inner apostrophes, dots ("U.S."), hyphens and
 * ampersands, and a final dot, as `/[\p{L}\p{N}]+(?:[-'’.&][\p{L}\p{N}]+)*\.?/u` would match it (`i` when no
 * word starts there). Scanned by hand: this runs over every word of every body paragraph, and a regular
 * expression's match array per word was the stage's largest allocation.
 */
export function nameWordEnd(text: string, i: number): number {
  let j = alnumRun(text, i);
  if (j === i) return i;
  for (;;) {
    const c = text.charCodeAt(j);
    if (c !== 45 && c !== 39 && c !== 0x2019 && c !== 46 && c !== 38) break;
    const k = alnumRun(text, j + 1);
    if (k === j + 1) break;
    j = k;
  }
  return text.charCodeAt(j) === 46 ? j + 1 : j;
}

/** The end of the run of letters and digits starting at `i`. */
function alnumRun(text: string, i: number): number {
  return runEnd(text, i, isLetterOrDigit);
}

function tokens(text: string, from: number, to: number): Tok[] {
  const out: Tok[] = [];
  const slice = text.slice(from, to);
  forEachWord(slice, nameWordEnd, (index, stop) => {
    let raw = slice.slice(index, stop);
    let next = stop;
    const dotted = raw.includes(".");
    // Sentences glued without a space ("partnership.The") split at the dot.
    const glued = dotted ? /[\p{Ll}\d]\.(?=\p{Lu}\p{Ll})/u.exec(raw) : null;
    if (glued) {
      raw = raw.slice(0, glued.index + 1);
      next = index + raw.length + 1;
    }
    // Keep the dot of initialisms ("U.S."), initials ("L.") and honorifics ("Jr."); drop a sentence-final dot.
    if (dotted && raw.endsWith(".") && !/^(?:\p{L}\.){2,}$/u.test(raw) && !/^\p{Lu}\.$/u.test(raw) && !/^(?:Jr|Sr|St|Mr|Mrs|Ms|Dr)\.$/.test(raw)) raw = raw.slice(0, -1);
    const start = from + index;
    let end = start + raw.length;
    let possessive = false;
    let word = raw;
    if (raw.length > 2 && raw.endsWith("s") && (raw[raw.length - 2] === "'" || raw[raw.length - 2] === "’")) {
      possessive = true;
      word = raw.slice(0, -2);
      end = start + word.length;
    }
    const breakAfter = !continues(text, start + raw.length);
    const cap = startsUpper(word) || (/\d/.test(word) && ordinalValue(word) !== null);
    out.push({ start, end, text: word, cap, possessive, breakAfter });
    return next;
  });
  return out;
}

/** Whether the text at `at` goes on with the same name: a space and a letter or digit, or a hyphen and a letter. */
function continues(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  const d = text.charCodeAt(at + 1);
  if (c === 32) return isAsciiAlnum(d) || (d > 127 && /^[\p{L}\p{N}]/u.test(text.slice(at + 1, at + 3)));
  if (c === 45) return isAsciiAlpha(d) || (d > 127 && /^\p{L}/u.test(text.slice(at + 1, at + 3)));
  return false;
}

const isAsciiAlpha = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isAsciiAlnum = (c: number) => isAsciiAlpha(c) || (c >= 48 && c <= 57);

/** Whether a word starts with an upper-case letter (ASCII checked without a regular expression). */
function startsUpper(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return /^\p{Lu}/u.test(word);
}

const lower = (s: string) => s.toLowerCase();

/** Name particles that join words of personal and foreign names ("de", "van", "bin"). */
const PARTICLES = new Set(["de", "del", "la", "le", "van", "von", "der", "da", "di", "du", "al", "bin", "y"]);

/** Whether toks[i..j] holds an organisation, event, place or title keyword, so "of"/"for"/"on" may continue the name. */
function hasKeyword(toks: Tok[], i: number, j: number): boolean {
  for (let k = i; k <= j; k++) {
    const w = toks[k]!.text.toLowerCase();
    if (ORG_WORDS.has(w) || EVENT_WORDS.has(w) || PLACE_WORDS.has(w) || TITLE_HEADS.has(w)) return true;
  }
  return false;
}

/** Words before a name that make it a person ("spokesperson Ana Lima", "tycoon ..."). */
const PERSON_CUES = new Set([
  "spokesperson", "spokesman", "spokeswoman", "tycoon", "counterpart", "leader", "minister", "president",
  "secretary", "chief", "director", "official", "reporter", "analyst", "businessman", "businesswoman",
  "lawyer", "activist", "colleague", "mr", "mrs", "ms", "dr", "by", "captain", "coach", "judge", "mayor",
  "governor", "senator", "ambassador", "envoy", "premier", "chairman", "chairwoman", "founder", "ceo",
]);
/** Words after a name that make it a speaker. */
const SPEECH_VERBS = new Set(["said", "says", "told", "added", "noted", "wrote", "stated", "commented", "explained", "argued", "warned", "insisted", "claimed"]);

/** Months and weekdays: a number after them is a date, not part of a name. */
const CALENDAR = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?$|^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?$/i;

/** Finds candidate names in text[from, to) (one segment), with types and titles. `sentenceStarts` marks sentence starts. */
export function findCandidates(articleId: string, text: string, from: number, to: number, sentenceStarts: ReadonlySet<number>): Candidate[] {
  const toks = tokens(text, from, to);
  const out: Candidate[] = [];
  let i = 0;
  while (i < toks.length) {
    if (!toks[i]!.cap) {
      i++;
      continue;
    }
    // Grow a run of capitalised tokens, allowing connectors between capitalised tokens.
    let j = i;
    while (!toks[j]!.breakAfter && j + 1 < toks.length) {
      const next = toks[j + 1]!;
      if (next.cap) {
        j++;
        continue;
      }
      if (NAME_CONNECTORS.has(lower(next.text)) && !next.breakAfter && (PARTICLES.has(lower(next.text)) || hasKeyword(toks, i, j))) {
        let k = j + 1;
        while (k + 1 < toks.length && NAME_CONNECTORS.has(lower(toks[k + 1]!.text)) && !toks[k]!.breakAfter) k++;
        if (k + 1 < toks.length && toks[k + 1]!.cap && !toks[k]!.breakAfter && lower(next.text) !== "and" && !FUNCTION_WORDS.has(lower(toks[k + 1]!.text))) {
          j = k + 1;
          continue;
        }
      }
      break;
    }
    // A number right after a name is part of it: "Gate 4", "Terminal 2", "Apollo 11" (never "June 5").
    const after = toks[j + 1];
    if (
      after &&
      !toks[j]!.breakAfter &&
      /^\d{1,4}[A-Za-z]?$/.test(after.text) &&
      !/^(?:[,/-]|\.\d)/.test(text.slice(after.end, after.end + 2)) &&
      !CALENDAR.test(toks[j]!.text) &&
      !FUNCTION_WORDS.has(lower(toks[j]!.text))
    ) {
      j++;
    }
    const run = toks.slice(i, j + 1);
    const prev = i > 0 ? toks[i - 1]! : null;
    out.push(...analyseRun(articleId, text, run, prev, sentenceStarts));
    i = j + 1;
  }
  return out;
}

function analyseRun(articleId: string, text: string, runIn: Tok[], prev: Tok | null, sentenceStarts: ReadonlySet<number>): Candidate[] {
  let run = runIn;
  // Drop leading function words ("The", "However", "In") and trailing connectors.
  while (run.length > 0 && (FUNCTION_WORDS.has(lower(run[0]!.text)) || NAME_CONNECTORS.has(lower(run[0]!.text)))) run = run.slice(1);
  while (run.length > 0 && NAME_CONNECTORS.has(lower(run[run.length - 1]!.text))) run = run.slice(0, -1);
  if (run.length === 0) return [];
  // A possessive inside the run splits it: "Russia's Defense Ministry" → owner "Russia" + "Defense Ministry".
  const p = run.findIndex((t) => t.possessive);
  if (p >= 0 && p < run.length - 1) {
    const head = analyseRun(articleId, text, run.slice(0, p + 1), prev, sentenceStarts);
    const ownerCountry = countryOf(run.slice(0, p + 1).map((t) => t.text).join(" "));
    const ownerStart = run[0]!.start;
    const tail = analyseRun(articleId, text, run.slice(p + 1), run[p]!, sentenceStarts).map((c) =>
      c.type === "organization" && !c.owner && ownerCountry
        ? { ...c, start: ownerStart, text: text.slice(ownerStart, c.end), owner: ownerCountry.toLowerCase(), key: `${ownerCountry.toLowerCase()} ${c.key}`.split(" ").sort().join(" ") }
        : c,
    );
    return [...head, ...tail];
  }
  const words = run.map((t) => t.text);
  const lw = words.map(lower);
  const atSentenceStart = sentenceStarts.has(run[0]!.start);

  // Title + person name: "Defense Minister Jane Roe", "President Ana Lima".
  let lastTitle = -1;
  for (let k = 0; k < lw.length; k++) if (TITLE_HEADS.has(lw[k]!) || HONORIFICS.has(lw[k]!)) lastTitle = k;
  if (lastTitle >= 0 && lastTitle < run.length - 1) {
    const nameToks = run.slice(lastTitle + 1);
    const nameWords = nameToks.map((t) => lower(t.text));
    const personLike = nameWords.every((w) => !ORG_WORDS.has(w) && !EVENT_WORDS.has(w) && !PLACE_WORDS.has(w) && !FUNCTION_WORDS.has(w)) && !countryOf(nameWords.join(" "));
    if (personLike) {
      const titleToks = run.slice(0, lastTitle + 1);
      const onlyHonorific = titleToks.every((t) => HONORIFICS.has(lower(t.text)));
      const person = makeCandidate(articleId, text, nameToks, "person", 2, "name");
      if (!onlyHonorific) {
        person.title = { start: titleToks[0]!.start, end: titleToks[titleToks.length - 1]!.end, text: text.slice(titleToks[0]!.start, titleToks[titleToks.length - 1]!.end) };
      }
      return [person];
    }
  }

  // A lone demonym or a lone function-like word is not a name.
  if (run.length === 1 && countryOf(words[0]!) && countryOf(words[0]!)!.toLowerCase() !== lw[0] && !/^[A-Z.]+$/.test(words[0]!)) return [];
  if (lw.every((w) => FUNCTION_WORDS.has(w))) return [];
  // A run that is only a title ("the Defense Minister") stands for a person.
  if (lw.every((w) => TITLE_HEADS.has(w) || countryOf(w) !== null) && lw.some((w) => TITLE_HEADS.has(w)) && lw.length >= 2) {
    const c = makeCandidate(articleId, text, run, "person", 1, "title");
    return [c];
  }
  if (run.length === 1 && TITLE_HEADS.has(lw[0]!)) return [];
  // A lone generic head word ("Union spokesperson...", "Police said") is a common noun, not a name.
  if (run.length === 1 && (ORG_WORDS.has(lw[0]!) || PLACE_WORDS.has(lw[0]!) || EVENT_WORDS.has(lw[0]!)) && !/^[A-Z]{2,}$/.test(run[0]!.text)) return [];

  // "Defense Ministry Jane Roe": an organisation name directly followed by a person's name.
  const lastKeyword = lw.reduce((acc, w, k) => (ORG_WORDS.has(w) || EVENT_WORDS.has(w) ? k : acc), -1);
  if (lastKeyword >= 1 && run.length - lastKeyword - 1 >= 2 && run.length - lastKeyword - 1 <= 3) {
    const rest = lw.slice(lastKeyword + 1);
    if (rest.every((w) => !NAME_CONNECTORS.has(w) && !ORG_WORDS.has(w) && !EVENT_WORDS.has(w) && !PLACE_WORDS.has(w) && !countryOf(w))) {
      return [
        ...analyseRun(articleId, text, run.slice(0, lastKeyword + 1), prev, sentenceStarts),
        makeCandidate(articleId, text, run.slice(lastKeyword + 1), "person", 1, "name"),
      ];
    }
  }
  const next = nextWord(text, run[run.length - 1]!.end);
  // "according to X", "told X", "said X": a source, not a place, whatever the preposition.
  const cited = /\b(?:according|thanks|speaking|talking|wrote|replied)\s+to\s*$/i.test(text.slice(Math.max(0, run[0]!.start - 20), run[0]!.start));
  const { type, strength } = classify(words, cited ? null : prev, atSentenceStart, next);
  const c = makeCandidate(articleId, text, run, type, strength, /^[A-Z]{2,6}$/.test(words.join("")) && run.length === 1 ? "acronym" : "name");
  // Owner of an organisation from a leading demonym: "Chinese Defense Ministry".
  if (type === "organization" || type === "event-name") {
    const first = countryOf(words[0]!);
    if (first && run.length > 1) c.owner = first.toLowerCase();
  }
  // Places inside a longer name ("Calder" in "Calder Maritime Forum") are mentions of their own.
  if (run.length > 1 && type !== "person") {
    for (const t of run) {
      if (countryOf(t.text) && countryOf(t.text)!.toLowerCase() === lower(t.text)) c.nested.push({ start: t.start, end: t.end, text: t.text });
    }
    // Nested place candidates of unknown words are decided during resolution (known places of the text).
    c.nested.push(
      ...run
        .filter((t) => t.cap && !ORG_WORDS.has(lower(t.text)) && !EVENT_WORDS.has(lower(t.text)) && !TITLE_HEADS.has(lower(t.text)) && !countryOf(t.text) && ordinalValue(t.text) === null)
        .map((t) => ({ start: t.start, end: t.end, text: t.text })),
    );
  }
  // "Name (ACR)": an acronym introduced for the name.
  const after = /^ \(([A-Z][A-Z&]{1,9})\)/.exec(text.slice(run[run.length - 1]!.end, run[run.length - 1]!.end + 14));
  if (after && run.length > 1) {
    const s = run[run.length - 1]!.end + 2;
    c.acronym = { start: s, end: s + after[1]!.length, text: after[1]! };
  }
  return [c];
}

function nextWord(text: string, end: number): string {
  const m = /^,? ([a-z]+)/.exec(text.slice(end, end + 24));
  return m ? m[1]! : "";
}

function classify(words: string[], prev: Tok | null, atSentenceStart: boolean, next: string): { type: EntityType; strength: number } {
  const lw = words.map(lower);
  // The head of an English name is its last word before a connector ("Institute for ...", "Ministry of ...").
  const firstConnector = lw.findIndex((w, k) => k > 0 && NAME_CONNECTORS.has(w));
  const headPart = firstConnector > 0 ? lw.slice(0, firstConnector) : lw;
  const head = headPart[headPart.length - 1]!;
  if (ORG_WORDS.has(head)) return { type: "organization", strength: 2 };
  if (EVENT_WORDS.has(head) && words.length > 1) return { type: "event-name", strength: 2 };
  if (PLACE_WORDS.has(head) && words.length > 1) return { type: "place", strength: 2 };
  if (lw.some((w) => ORG_WORDS.has(w))) return { type: "organization", strength: 1 };
  if (words.length > 1 && lw.some((w) => EVENT_WORDS.has(w))) return { type: "event-name", strength: 1 };
  const joined = words.join(" ");
  if (countryOf(joined) || CITIES.has(joined.toLowerCase())) return { type: "place", strength: 2 };
  if (words.length === 1 && /^[A-Z]{2,6}$/.test(words[0]!)) return { type: "organization", strength: 1 };
  const p = prev ? lower(prev.text) : "";
  const personShaped = words.length >= 2 && words.length <= 4 && words.every((w) => /^\p{Lu}[\p{Ll}'’-]+$/u.test(w));
  if (personShaped && (PERSON_CUES.has(p) || SPEECH_VERBS.has(next))) return { type: "person", strength: 2 };
  if (["in", "to", "from", "near", "across", "outside", "inside", "at"].includes(p)) return { type: "place", strength: 1 };
  if (personShaped) return { type: "person", strength: 1 };
  if (words.length === 1 && PERSON_CUES.has(p)) return { type: "person", strength: 1 };
  return { type: "other", strength: atSentenceStart ? 0 : 1 };
}

function makeCandidate(articleId: string, text: string, run: Tok[], type: EntityType, typeStrength: number, form: Candidate["form"]): Candidate {
  const start = run[0]!.start;
  const end = run[run.length - 1]!.end;
  const words = run.map((t) => t.text);
  return {
    articleId,
    start,
    end,
    text: text.slice(start, end),
    tokens: words,
    type,
    typeStrength,
    form,
    owner: null,
    title: null,
    acronym: null,
    key: countryOf(words.join(" ")) && type !== "person" ? countryOf(words.join(" "))!.toLowerCase() : type === "person" ? personKey(words) : bagKey(words),
    nested: [],
  };
}
