/**
 * Stage 1 of the pipeline: an article's paragraphs, classified (body vs page furniture vs other languages),
 * and its sentences.
 *
 * Paragraphs: the segments an adapter supplied, else the non-empty lines of the text. A `body` segment
 * without a `reason` is an unclassified line (what the plain-text adapter and simple HTML stripping give)
 * and is classified here by {@link classifyParagraphs}; any other adapter segment keeps its kind (the
 * adapter read markup that says what it is) and is only checked for another language.
 *
 * Sentences: wink-nlp's sentence boundary detection, which already keeps "U.S.", "Aug. 14", "Mr.",
 * "Lt. Col.", initials and decimals together, followed by a small fix-up pass written by hand for what it
 * gets wrong in news copy: boundaries inside quotations and parentheses, military and civil titles it does
 * not know ("Adm.", "Sgt. Maj."), web addresses, and "said no. Then ...".
 */
import type { Article, Segment } from "../model/article.js";
import type { Offsets } from "../model/span.js";
import type { Sentence } from "../pipeline/state.js";
import { defaultLanguageDetector, type LanguageDetector } from "./language.js";
import { CONTENT_KINDS } from "../model/article.js";
import { analyse, analyseRanges, hasLongRun, MAX_WINK_RUN, TokenTable, TokenTableBuilder, type Token } from "./nlp.js";
import { classifyParagraphs } from "./noise.js";

/** Result of segmenting one article. */
export interface ArticleSegmentation {
  /** Classified segments covering the article's paragraphs, in text order. */
  segments: Segment[];
  /** Sentences of every segment, in text order, each with its segment's kind. */
  sentences: Sentence[];
  /** The article's language: its declared `language`, else detected from its body text; `null` when unknown. */
  language: string | null;
  /**
   * Tokens of the content segments (body and quotes) with parts of speech and lemmas, in text order: read
   * in the same wink-nlp pass as their sentences, so later stages need not tokenize again.
   */
  tokens: TokenTable;
}

/** Options of {@link segmentArticle}. */
export interface SegmentOptions {
  /** Language detector for paragraphs (default: {@link defaultLanguageDetector}). */
  detector?: LanguageDetector;
  /** Classify unclassified paragraphs as page furniture, feed, other language... (default true). */
  classify?: boolean;
}

/**
 * Splits an article into classified paragraphs and sentences. Linear in the text; deterministic.
 * Segments an adapter classified keep their kind; unclassified lines are classified (title, heading,
 * byline, dateline, caption, boilerplate, related, feed, metadata, other-language, body), each non-body
 * segment with a human-readable `reason`.
 */
export function segmentArticle(article: Article, options: SegmentOptions = {}): ArticleSegmentation {
  const base: Segment[] =
    article.segments.length > 0 ? [...article.segments].sort((a, b) => a.start - b.start || a.end - b.end) : lineParagraphs(article.text);
  const { segments, language } =
    options.classify === false
      ? { segments: base, language: article.language }
      : classifyParagraphs(article.text, base, {
          detector: options.detector ?? defaultLanguageDetector,
          language: article.language,
          title: article.title,
        });
  const sentences: Sentence[] = [];
  const tokens = new TokenTableBuilder();
  const raw = segmentSentences(article.text, segments, tokens);
  segments.forEach((segment, segmentIndex) => {
    for (const s of fixSentences(article.text, raw[segmentIndex]!)) {
      sentences.push({ start: s.start, end: s.end, segmentIndex, kind: segment.kind });
    }
  });
  return { segments, sentences, language, tokens: tokens.build() };
}

/** Most characters of paragraphs read in one wink-nlp pass: bounds the document wink holds at once. */
const MAX_PASS_CHARS = 16_384;

/**
 * wink-nlp's sentences of each segment, before the fix-ups; the tokens of the content segments go to
 * `tokens`, in text order. Paragraphs are read a few at a time ({@link analyseRanges}: content ones
 * tagged, the others not), each as it would be read alone; a paragraph with an over-long run is read on
 * its own ({@link boundedWinkSentences}).
 */
function segmentSentences(text: string, segments: readonly Segment[], tokens: TokenTableBuilder): Offsets[][] {
  const out: Offsets[][] = new Array(segments.length);
  interface Pass {
    readonly content: boolean;
    readonly indices: number[];
    chars: number;
    end: number;
  }
  const passes: [Pass, Pass] = [
    { content: true, indices: [], chars: 0, end: 0 },
    { content: false, indices: [], chars: 0, end: 0 },
  ];
  const flush = (pass: Pass) => {
    if (pass.indices.length === 0) return;
    const read = analyseRanges(text, pass.indices.map((i) => segments[i]!), { pos: pass.content, lemma: pass.content }, pass.content ? tokens : false);
    pass.indices.forEach((i, k) => (out[i] = read.sentences[k]!));
    pass.indices.length = 0;
    pass.chars = 0;
  };
  segments.forEach((segment, i) => {
    const pass = passes[CONTENT_KINDS.has(segment.kind) ? 0 : 1];
    if (hasLongRun(text, segment.start, segment.end)) {
      // Tokens stay in text order: the content read so far goes first.
      flush(pass);
      out[i] = boundedWinkSentences(text, segment.start, segment.end, pass.content ? tokens : undefined);
      return;
    }
    // Ranges of one pass may not overlap (an adapter's segments may): an overlapping one starts a new pass.
    if (segment.start < pass.end) flush(pass);
    pass.indices.push(i);
    pass.chars += segment.end - segment.start;
    pass.end = segment.end;
    if (pass.chars >= MAX_PASS_CHARS) flush(pass);
  });
  passes.forEach(flush);
  return out;
}

/** Non-empty lines of a text as unclassified `body` segments (trimmed, `reason` null). */
export function lineParagraphs(text: string): Segment[] {
  const out: Segment[] = [];
  const re = /[^\r\n\u2028\u2029]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const lead = m[0].length - m[0].trimStart().length;
    const trail = m[0].length - m[0].trimEnd().length;
    const start = m.index + lead;
    const end = m.index + m[0].length - trail;
    if (end > start) out.push({ start, end, kind: "body", language: null, reason: null });
  }
  return out;
}

/**
 * Sentence offsets within `[start, end)` of `text`, trimmed: wink-nlp's boundaries, then the fix-ups
 * described in this module's header. Linear in the range. When `tokens` is given, the range's tokens
 * (with parts of speech and lemmas) are appended to it from the same wink-nlp pass.
 */
export function splitSentences(text: string, start: number, end: number, tokens?: Token[] | TokenTableBuilder): Offsets[] {
  return fixSentences(text, boundedWinkSentences(text, start, end, tokens));
}

/** The fix-ups of this module's header, over wink-nlp's sentences of one range. */
function fixSentences(text: string, winkSentences: readonly Offsets[]): Offsets[] {
  const raw: Offsets[] = [];
  for (const s of winkSentences) raw.push(...splitMissed(text, s));
  return mergeQuoted(text, mergeFalseBreaks(text, raw));
}

const MAX_RUN = MAX_WINK_RUN;
const ENDS_SENTENCE = /[.!?…]["'”’)\]]*$/;

/**
 * wink-nlp's sentences of `[start, end)`, with runs of more than {@link MAX_RUN} non-space characters (long
 * web addresses, hostile input) kept away from wink: such a run holds no boundary and is glued to the
 * sentence around it. Keeps the whole split linear in the range.
 */
function boundedWinkSentences(text: string, start: number, end: number, tokens?: Token[] | TokenTableBuilder): Offsets[] {
  const out: Offsets[] = [];
  const winkSentences = (from: number, to: number): Offsets[] => {
    const read = analyse(text, { start: from, end: to, pos: !!tokens, lemma: !!tokens }, tokens instanceof TokenTableBuilder ? tokens : !!tokens);
    if (Array.isArray(tokens)) for (const t of read.tokens) tokens.push(t);
    return read.sentences;
  };
  const slice = text.slice(start, end);
  // Most paragraphs have no long run: one scan says so, and wink reads the range whole.
  if (!hasLongRun(slice)) {
    for (const piece of winkSentences(start, end)) out.push({ ...piece });
    return out;
  }
  const long = new RegExp(`\\S{${MAX_RUN + 1},}`, "g");
  let from = start;
  let glueNext = false;
  const add = (pieces: Offsets[]) => {
    for (const piece of pieces) {
      const prev = out[out.length - 1];
      if (prev && glueNext) prev.end = piece.end;
      else out.push({ ...piece });
      glueNext = false;
    }
  };
  for (let m = long.exec(slice); m; m = long.exec(slice)) {
    const a = start + m.index;
    const b = a + m[0].length;
    if (a > from) add(winkSentences(from, a));
    const prev = out[out.length - 1];
    if (prev && !ENDS_SENTENCE.test(text.slice(prev.start, prev.end))) {
      prev.end = b;
    } else {
      out.push({ start: a, end: b });
    }
    glueNext = !ENDS_SENTENCE.test(m[0]);
    from = b;
  }
  if (from < end) add(winkSentences(from, end));
  return out;
}

// Abbreviations that never end a sentence in news copy: titles and ranks before a name, and a few Latin
// and reference abbreviations. wink-nlp knows many ("Mr.", "Gen.", "Lt.", "Col."); these are the ones it
// was seen to break on.
const NEVER_FINAL = new Set(
  (
    "mr mrs ms dr prof rev hon gen lt col maj capt cmdr cdr adm brig sgt cpl pvt gov sen rep pres supt insp det " +
    "st fr sr jr messrs mme mlle approx ca cf vs viz fig figs vol vols art arts no nos op pp"
  ).split(" "),
);

/** Merges a boundary wink found after a title abbreviation, inside a web address, or before a lowercase word. */
function mergeFalseBreaks(text: string, sentences: Offsets[]): Offsets[] {
  const out: Offsets[] = [];
  for (const s of sentences) {
    const prev = out[out.length - 1];
    if (prev && falseBreak(text, prev, s)) prev.end = s.end;
    else out.push({ ...s });
  }
  return out;
}

function falseBreak(text: string, prev: Offsets, next: Offsets): boolean {
  const tail = text.slice(Math.max(prev.start, prev.end - 12), prev.end);
  const head = text.slice(next.start, Math.min(next.end, next.start + 24));
  const gap = next.start - prev.end;
  // www.example.com, 3.5: no space after the stop.
  if (gap === 0 && /\.$/.test(tail) && /^[\p{Ll}\d]/u.test(head)) return true;
  // A sentence does not start with a lowercase word (unless it is written like "iPhone" or "eBay").
  const firstWord = /^[\p{L}'’-]+/u.exec(head)?.[0];
  if (firstWord && /^\p{Ll}/u.test(firstWord) && !/\p{Lu}/u.test(firstWord)) return true;
  const word = /(?:^|[\s("“'‘])(\p{L}+)\.$/u.exec(tail)?.[1];
  if (word && NEVER_FINAL.has(word.toLowerCase())) {
    // "said no. Then": lowercase "no" before a capitalised word is a real end.
    if (word === "no" && !/^\d/.test(head)) return false;
    return true;
  }
  return false;
}

/** Splits a sentence wink kept whole at "no. Capital" (wink reads "no." as the abbreviation "No."). */
function splitMissed(text: string, s: Offsets): Offsets[] {
  const slice = text.slice(s.start, s.end);
  const re = /(?<=[\s(])no\.(?=\s+["“‘']?\p{Lu}\p{Ll})/gu;
  const out: Offsets[] = [];
  let from = s.start;
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    const stop = s.start + m.index + 3;
    out.push({ start: from, end: stop });
    from = stop;
    while (from < s.end && /\s/.test(text[from] ?? "")) from++;
  }
  out.push({ start: from, end: s.end });
  return out.filter((o) => o.end > o.start);
}

/** Most sentences a quotation or parenthesis may hold before the open mark is taken for a typo. */
const MAX_QUOTED = 8;

/**
 * Merges sentences that sit inside one quotation or parenthesis: when a sentence leaves a double quote
 * (straight, curly or guillemet) or a parenthesis open and a later sentence of the same range closes it
 * (within {@link MAX_QUOTED} sentences), they become one. Quotes that run on into the next paragraph, as
 * news style writes long quotations, stay split.
 */
function mergeQuoted(text: string, sentences: Offsets[]): Offsets[] {
  const out: Offsets[] = [];
  let i = 0;
  while (i < sentences.length) {
    const first = sentences[i] as Offsets;
    let state = markState(text, first, { curly: 0, straight: false, paren: 0 });
    let j = i;
    if (isOpen(state)) {
      let k = i + 1;
      while (k < sentences.length && k - i < MAX_QUOTED) {
        state = markState(text, sentences[k] as Offsets, state);
        if (!isOpen(state)) break;
        k++;
      }
      if (k < sentences.length && k - i < MAX_QUOTED && !isOpen(state)) j = k;
    }
    out.push({ start: first.start, end: (sentences[j] as Offsets).end });
    i = j + 1;
  }
  return out;
}

interface MarkState {
  curly: number;
  straight: boolean;
  paren: number;
}

function isOpen(s: MarkState): boolean {
  return s.curly > 0 || s.straight || s.paren > 0;
}

function markState(text: string, range: Offsets, state: MarkState): MarkState {
  let { curly, straight, paren } = state;
  for (let p = range.start; p < range.end; p++) {
    const c = text.charCodeAt(p);
    if (c === 0x201c || c === 0xab) curly++;
    else if ((c === 0x201d || c === 0xbb) && curly > 0) curly--;
    else if (c === 0x22) straight = !straight;
    else if (c === 0x28) paren++;
    else if (c === 0x29 && paren > 0) paren--;
  }
  return { curly, straight, paren };
}
