import winkNLP, { type WinkMethods } from "wink-nlp";
import model from "wink-eng-lite-web-model";
import type { Offsets } from "../model/span.js";
import { lowerBoundIn } from "../util/search.js";

/**
 * Which wink-nlp pipeline to use: `sentences` tokenizes and finds sentence boundaries only (about twice as
 * fast), `pos` also tags parts of speech.
 */
export type NlpPipe = "sentences" | "pos";

const instances: Partial<Record<NlpPipe, WinkMethods>> = {};

/**
 * The shared wink-nlp instance (English lite web model) for a pipeline, created on first use. Loading the
 * model takes a few hundred milliseconds once per process (or Web Worker); later calls are free.
 */
export function getNlp(pipe: NlpPipe = "pos"): WinkMethods {
  let nlp = instances[pipe];
  if (!nlp) {
    nlp = winkNLP(model, pipe === "pos" ? ["sbd", "pos"] : ["sbd"]);
    instances[pipe] = nlp;
  }
  return nlp;
}

/** One token of a text, with JavaScript string offsets into the text that was passed in. */
export interface Token {
  /** Offset of the token's first character. */
  start: number;
  /** Offset after the token's last character (`text.slice(start, end) === token.text`). */
  end: number;
  /** The token as written. */
  text: string;
  /** Universal POS tag (`PROPN`, `NOUN`, `VERB`, `PUNCT`, `SPACE`, ...); `""` when tagging was off. */
  pos: string;
  /** Lemma (only when asked for with `lemma: true`). */
  lemma?: string;
  /** wink's token type (`word`, `number`, `punctuation`, `url`, `tabCRLF`, ...). */
  type: string;
  /** Index of the token's sentence, counted from 0 within the tokenized range. */
  sentenceIndex: number;
}

/** Options of {@link tokenize}. */
export interface TokenizeOptions {
  /** Start of the range to tokenize (default 0). Offsets of the result stay relative to the whole text. */
  start?: number;
  /** End of the range to tokenize (default `text.length`). */
  end?: number;
  /** Tag parts of speech (default true). Without it tokenizing is about twice as fast. */
  pos?: boolean;
  /** Add lemmas (default false). */
  lemma?: boolean;
}

/**
 * Tokenizes `text` (or `text[start, end)`) with wink-nlp and maps every token back to exact string offsets.
 * wink keeps no offsets, but it reads every character into a token or the whitespace between tokens, so each
 * token starts where the previous one ends plus the whitespace after it; each is checked against the text
 * and, should wink ever normalise one, found again by a forward search.
 */
export function tokenize(text: string, options: TokenizeOptions = {}): Token[] {
  return analyse(text, options).tokens;
}

/** Tokens and sentences of one range, from a single wink-nlp pass (see {@link analyse}). */
export interface WinkAnalysis {
  tokens: Token[];
  /** Sentence ranges as offsets into the whole text, trimmed of surrounding whitespace; none empty. */
  sentences: Offsets[];
}

/**
 * One wink-nlp pass over `text[start, end)` giving both its tokens (as {@link tokenize}) and its sentences
 * (as {@link winkSentences}), so a range that needs both is read once. `withTokens: false` skips building
 * the token objects when only the sentences are wanted; a {@link TokenTableBuilder} receives the tokens
 * instead of token objects (the result's `tokens` is then empty).
 */
export function analyse(text: string, options: TokenizeOptions = {}, withTokens: boolean | TokenTableBuilder = true): WinkAnalysis {
  const start = clamp(options.start ?? 0, 0, text.length);
  const end = clamp(options.end ?? text.length, start, text.length);
  const read = analyseRanges(text, [{ start, end }], options, withTokens);
  return { tokens: read.tokens, sentences: read.sentences[0]! };
}

/** Tokens and sentences of several ranges read in one wink-nlp pass (see {@link analyseRanges}). */
export interface RangesAnalysis {
  /** Tokens of all the ranges, in text order (empty when they went to a {@link TokenTableBuilder}). */
  tokens: Token[];
  /** Sentences of each range, in the order of the ranges, as offsets into the whole text, trimmed. */
  sentences: Offsets[][];
}

/**
 * What separates two ranges read in one pass: a paragraph break. wink-nlp reads no token across it, and a
 * sentence that runs over it is cut there, so each range reads as it would alone.
 */
const RANGE_BREAK = "\n\n";

/**
 * {@link analyse} for several ranges of `text` (in text order, not overlapping) in one wink-nlp pass: the
 * ranges are joined with a paragraph break, read once, and the tokens and sentences mapped back, a sentence
 * never crossing from one range into the next. One pass over a few paragraphs costs about a fifth less
 * than a pass over each (wink sets up every document it reads). `options.start` and `options.end` are
 * ignored.
 */
export function analyseRanges(
  text: string,
  ranges: readonly Offsets[],
  options: Omit<TokenizeOptions, "start" | "end"> = {},
  withTokens: boolean | TokenTableBuilder = true,
): RangesAnalysis {
  const withPos = options.pos ?? true;
  const nlp = getNlp(withPos ? "pos" : "sentences");
  const its = nlp.its;
  // Where each range starts in the joined slice, and its length.
  const froms: number[] = new Array(ranges.length);
  const bases: number[] = new Array(ranges.length);
  const lengths: number[] = new Array(ranges.length);
  const parts: string[] = new Array(ranges.length);
  let at = 0;
  let last = 0;
  ranges.forEach((r, i) => {
    const from = clamp(r.start, last, text.length);
    const to = clamp(r.end, from, text.length);
    froms[i] = from;
    bases[i] = at;
    lengths[i] = to - from;
    parts[i] = text.slice(from, to);
    at += to - from + RANGE_BREAK.length;
    last = to;
  });
  const sentences: Offsets[][] = ranges.map(() => []);
  // Runs longer than MAX_WINK_RUN are blanked (same length, so offsets hold): they are never words.
  const slice = blankLongRuns(parts.length === 1 ? parts[0]! : parts.join(RANGE_BREAK));
  const doc = nlp.readDoc(slice);
  const tokens = doc.tokens();
  const values = tokens.out(its.value) as string[];
  if (values.length === 0) return { tokens: [], sentences };
  const types = tokens.out(its.type) as string[];
  const pos = withPos ? (tokens.out(its.pos) as string[]) : null;
  // wink's typings miss the addons argument of its.lemma; the call is the documented one.
  const lemmas = options.lemma ? (tokens.out(its.lemma as unknown as typeof its.value) as string[]) : null;
  const spans = doc.sentences().out(its.span) as unknown as number[][];
  const sentenceOf = withTokens ? sentenceIndexOfTokens(spans, values.length) : [];
  const { starts, ends } = tokenOffsets(slice, values);
  const builder = withTokens instanceof TokenTableBuilder ? withTokens : null;
  const out: Token[] = [];
  // The range each token falls in (tokens come in order); a token between two ranges is the break's own.
  let r = 0;
  for (let i = 0; withTokens && i < values.length; i++) {
    const oStart = starts[i]!;
    while (r + 1 < ranges.length && oStart >= bases[r + 1]!) r++;
    const stop = bases[r]! + lengths[r]!;
    if (oStart >= stop) continue;
    const shift = froms[r]! - bases[r]!;
    const start = oStart + shift;
    const end = Math.min(ends[i]!, stop) + shift;
    if (builder) {
      builder.push(start, end, pos ? (pos[i] ?? "") : "", types[i] ?? "", sentenceOf[i] ?? 0, lemmas ? lemmaOf(slice, oStart, ends[i]!, lemmas[i]) : undefined);
      continue;
    }
    const token: Token = { start, end, text: text.slice(start, end), pos: pos ? (pos[i] ?? "") : "", type: types[i] ?? "", sentenceIndex: sentenceOf[i] ?? 0 };
    if (lemmas) token.lemma = lemmas[i] ?? token.text;
    out.push(token);
  }
  // Each sentence, cut at the breaks, goes to the ranges it covers.
  r = 0;
  for (const [first, lastToken] of spans) {
    const a = first ?? 0;
    const b = lastToken ?? values.length - 1;
    if (!(a >= 0 && a < values.length && b >= 0 && b < values.length)) continue;
    const aStart = starts[a]!;
    const bEnd = ends[b]!;
    while (r + 1 < ranges.length && aStart >= bases[r + 1]!) r++;
    for (let k = r; k < ranges.length && bases[k]! < bEnd; k++) {
      const shift = froms[k]! - bases[k]!;
      let s = Math.max(aStart, bases[k]!) + shift;
      let e = Math.min(bEnd, bases[k]! + lengths[k]!) + shift;
      while (s < e && isSpace(text.charCodeAt(s))) s++;
      while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
      if (e > s) sentences[k]!.push({ start: s, end: e });
    }
  }
  return { tokens: out, sentences };
}

/**
 * The tokens of one article kept compactly between stages: offsets, tag codes and the lemmas that differ
 * from the token, in typed arrays (about 15 bytes a token instead of about 150 for token objects), since a
 * whole batch's tokens are alive from the segment stage to the verify stage. Tokens are rebuilt on demand.
 * Built with a {@link TokenTableBuilder}, or from token objects with {@link TokenTable.from}.
 */
export class TokenTable {
  /** Number of tokens. */
  readonly length: number;
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly pos: Uint8Array;
  private readonly types: Uint8Array;
  private readonly sentences: Uint32Array;
  /** Lemma per token when it is neither the token itself (no entry) nor its lower case (`LOWER`). */
  private readonly lemmas: Map<number, string> | null;
  private readonly lower: Uint8Array | null;

  /** @internal Use {@link TokenTableBuilder.build} or {@link TokenTable.from}. */
  constructor(columns: TokenColumns) {
    const n = columns.length;
    this.length = n;
    this.starts = columns.starts.slice(0, n);
    this.ends = columns.ends.slice(0, n);
    this.pos = columns.pos.slice(0, n);
    this.types = columns.types.slice(0, n);
    this.sentences = columns.sentences.slice(0, n);
    this.lower = columns.hasLemmas ? columns.lower.slice(0, n) : null;
    this.lemmas = columns.hasLemmas ? columns.lemmas : null;
  }

  /** A table of `tokens` (as {@link tokenize} gives them, in text order). */
  static from(tokens: readonly Token[]): TokenTable {
    const builder = new TokenTableBuilder();
    for (const t of tokens) {
      const lemma = t.lemma === undefined ? undefined : t.lemma === t.text ? SAME : t.lemma === t.text.toLowerCase() ? LOWER : t.lemma;
      builder.push(t.start, t.end, t.pos, t.type, t.sentenceIndex, lemma);
    }
    return builder.build();
  }

  /** Token `i`, with its text read from `text` (the text the tokens were read from). */
  get(i: number, text: string): Token {
    const start = this.starts[i]!;
    const end = this.ends[i]!;
    const token: Token = { start, end, text: text.slice(start, end), pos: TAGS[this.pos[i]!]!, type: TAGS[this.types[i]!]!, sentenceIndex: this.sentences[i]! };
    const lemma = this.lemmaOf(i, token.text);
    if (lemma !== undefined) token.lemma = lemma;
    return token;
  }

  /** Offset of token `i`'s first character. */
  startOf(i: number): number {
    return this.starts[i]!;
  }

  /** Offset after token `i`'s last character. */
  endOf(i: number): number {
    return this.ends[i]!;
  }

  /** The text of token `i`, read from `text`, without making the token. */
  textOf(i: number, text: string): string {
    return text.slice(this.starts[i]!, this.ends[i]!);
  }

  /** All tokens, rebuilt from `text`. */
  toArray(text: string): Token[] {
    return this.slice(0, this.length, text);
  }

  /** Tokens `from` to `to` (excluded), rebuilt from `text`. */
  slice(from: number, to: number, text: string): Token[] {
    const out: Token[] = new Array(Math.max(0, to - from));
    for (let i = from; i < to; i++) out[i - from] = this.get(i, text);
    return out;
  }

  /** Lemma of token `i`, whose text is `word`; `undefined` when the tokens had none. */
  private lemmaOf(i: number, word: string): string | undefined {
    if (!this.lower) return undefined;
    return this.lemmas!.get(i) ?? (this.lower[i] ? word.toLowerCase() : word);
  }

  /** Part of speech and lemma of the token that starts at `offset`, if one does (binary search). */
  tagAt(offset: number, text: string): { pos: string; lemma?: string } | undefined {
    const i = lowerBoundIn(this.starts, offset, 0, this.length);
    if (i === this.length || this.starts[i] !== offset) return undefined;
    const pos = TAGS[this.pos[i]!]!;
    const lemma = this.lemmaOf(i, text.slice(offset, this.ends[i]!));
    return lemma === undefined ? { pos } : { pos, lemma };
  }
}

/** A token's lemma as {@link TokenTableBuilder.push} takes it: the token itself, its lower case, or another word. */
export type LemmaOf = typeof SAME | typeof LOWER | string;
/** The lemma is the token as written. */
export const SAME = 0;
/** The lemma is the token in lower case. */
export const LOWER = 1;

/** The columns a {@link TokenTable} is made of (a {@link TokenTableBuilder} holds them while it grows). */
export interface TokenColumns {
  length: number;
  starts: Int32Array;
  ends: Int32Array;
  pos: Uint8Array;
  types: Uint8Array;
  sentences: Uint32Array;
  hasLemmas: boolean;
  lower: Uint8Array;
  lemmas: Map<number, string>;
}

/**
 * Appends tokens to growing typed columns, then makes a {@link TokenTable} of them: the segment stage
 * fills one straight from wink-nlp's output, without a token object in between.
 */
export class TokenTableBuilder implements TokenColumns {
  length = 0;
  starts = new Int32Array(256);
  ends = new Int32Array(256);
  pos = new Uint8Array(256);
  types = new Uint8Array(256);
  sentences = new Uint32Array(256);
  hasLemmas = false;
  lower = new Uint8Array(256);
  lemmas = new Map<number, string>();

  /** Adds one token; `lemma` is left out when the tokens have no lemmas. */
  push(start: number, end: number, pos: string, type: string, sentenceIndex: number, lemma?: LemmaOf): void {
    const i = this.length;
    if (i === this.starts.length) this.grow();
    this.starts[i] = start;
    this.ends[i] = end;
    this.pos[i] = codeOf(pos);
    this.types[i] = codeOf(type);
    this.sentences[i] = sentenceIndex;
    if (lemma !== undefined) {
      this.hasLemmas = true;
      if (lemma === LOWER) this.lower[i] = 1;
      else if (lemma !== SAME) this.lemmas.set(i, lemma);
    }
    this.length = i + 1;
  }

  /** The table of the tokens pushed so far. */
  build(): TokenTable {
    return new TokenTable(this);
  }

  private grow(): void {
    const size = this.starts.length * 2;
    const bigger = <T extends Int32Array | Uint8Array | Uint32Array>(a: T, make: new (n: number) => T): T => {
      const b = new make(size);
      b.set(a);
      return b;
    };
    this.starts = bigger(this.starts, Int32Array);
    this.ends = bigger(this.ends, Int32Array);
    this.pos = bigger(this.pos, Uint8Array);
    this.types = bigger(this.types, Uint8Array);
    this.sentences = bigger(this.sentences, Uint32Array);
    this.lower = bigger(this.lower, Uint8Array);
  }
}

/**
 * Tag and token-type strings by code. wink-nlp's tag sets are small and fixed, so this table stays small;
 * it only grows the first time a model gives a tag not seen before.
 */
const TAGS: string[] = ["", "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X", "SPACE", "word", "number", "punctuation", "symbol", "url", "email", "mention", "hashtag", "emoji", "emoticon", "time", "ordinal", "currency", "alien", "tabCRLF", "apos", "quoted_phrase"];
const CODES = new Map(TAGS.map((t, i) => [t, i]));

function codeOf(tag: string): number {
  let code = CODES.get(tag);
  if (code === undefined) {
    if (TAGS.length >= 255) throw new RangeError(`TokenTable: too many distinct tags (at "${tag}")`);
    code = TAGS.length;
    TAGS.push(tag);
    CODES.set(tag, code);
  }
  return code;
}

/** Longest run of non-space characters handed to wink-nlp: its tokenizer is quadratic in a token's length. */
export const MAX_WINK_RUN = 100;

/**
 * `s` with every run of more than {@link MAX_WINK_RUN} non-space characters replaced by spaces. A scan for
 * such a run comes first (a regular expression for it retries every start inside long words): most text
 * has none and is returned as it is.
 */
function blankLongRuns(s: string): string {
  return hasLongRun(s) ? s.replace(LONG_RUN, (r) => " ".repeat(r.length)) : s;
}

/** Whether `s` (or `s[start, end)`) holds a run of more than {@link MAX_WINK_RUN} non-space characters (one linear scan). */
export function hasLongRun(s: string, start = 0, end = s.length): boolean {
  let run = 0;
  for (let i = start; i < end; i++) {
    if (isSpace(s.charCodeAt(i))) run = 0;
    else if (++run > MAX_WINK_RUN) return true;
  }
  return false;
}

const LONG_RUN = new RegExp(`\\S{${MAX_WINK_RUN + 1},}`, "g");

/**
 * Sentence ranges of `text[start, end)` found by wink-nlp's sentence boundary detection, as offsets into
 * `text`, trimmed of surrounding whitespace. Empty ranges are dropped.
 */
export function winkSentences(text: string, start: number, end: number): Offsets[] {
  return analyse(text, { start, end, pos: false }, false).sentences;
}

/** A token's lemma as a {@link TokenTableBuilder} keeps it, read without copying the token's text when it is the lemma. */
function lemmaOf(slice: string, start: number, end: number, lemma: string | undefined): LemmaOf {
  if (lemma === undefined) return SAME;
  if (lemma.length === end - start && slice.startsWith(lemma, start)) return SAME;
  return lemma === slice.slice(start, end).toLowerCase() ? LOWER : lemma;
}

/**
 * Offsets of wink tokens within `slice`, in typed arrays (not an object per token): each token is where the
 * text goes on after the previous one and the whitespace that follows it (wink keeps that whitespace as the
 * token's preceding spaces, but reading them costs a string per token), verified, and found by a forward
 * search should wink ever normalise a token.
 */
function tokenOffsets(slice: string, values: string[]): { starts: Int32Array; ends: Int32Array } {
  const starts = new Int32Array(values.length);
  const ends = new Int32Array(values.length);
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? "";
    let expected = cursor;
    while (expected < slice.length && isSpace(slice.charCodeAt(expected))) expected++;
    let at = expected;
    if (!slice.startsWith(value, expected)) {
      const found = slice.indexOf(value, cursor);
      at = found >= 0 ? found : Math.min(expected, slice.length);
    }
    const stop = Math.min(at + value.length, slice.length);
    starts[i] = at;
    ends[i] = stop;
    cursor = stop;
  }
  return { starts, ends };
}

function sentenceIndexOfTokens(spans: number[][], count: number): number[] {
  const out = new Array<number>(count).fill(0);
  spans.forEach(([first, last], index) => {
    for (let t = first ?? 0; t <= (last ?? -1) && t < count; t++) out[t] = index;
  });
  return out;
}

/** Whitespace as String.prototype.trim sees it (ASCII spaces, NBSP, Unicode spaces, line breaks). */
export function isSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

function clamp(n: number, lo: number, hi: number): number {
  return n < lo ? lo : n > hi ? hi : n;
}
