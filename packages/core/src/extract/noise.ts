/**
 * Paragraph classification: which paragraphs of an article are its body, and which are page furniture
 * (title, headings, bylines, captions, boilerplate, links to other stories, a news feed appended under the
 * article, metadata) or text in another language.
 *
 * Passes, each linear in the number of paragraphs:
 * 0. lines a hard wrap cut inside a sentence are joined; a dateline opening a paragraph is split off;
 * 1. line rules ({@link lineRule}): what each paragraph says about itself;
 * 2. context: the title (the longest headline-like line above the body), names next to bylines, the
 *    article's lead (title and first body paragraphs), the end of the article (an author biography, "Read
 *    more", a copyright line... found after the body, with no more feed-like text after it than body before
 *    it) after which paragraphs whose words do not overlap the lead are feed items; without such a marker, a
 *    trailing run of unrelated headlines and paragraphs; runs of headline-like lines (links to other
 *    stories); headings;
 * 3. languages: a paragraph detected in another language than the article's is `other-language`.
 *
 * The lead is protected: a paragraph that shares many content words with the title and first paragraphs
 * is never turned into noise by a contextual or weak rule.
 */
import type { Segment } from "../model/article.js";
import { detectArticleLanguage, differentLanguage, type LanguageDetector } from "./language.js";
import { STOP } from "./lexicon.js";
import { datelinePrefix, endsWithFunctionWord, isHeadlineLike, isNameList, lineRule, wordCount, type LineVerdict } from "./noise-rules.js";
import { codePointAt, forEachWord, isLetter, isLetterOrDigit, runEnd } from "../util/chars.js";
import { memoByString } from "../util/memo.js";

export { datelinePrefix, isHeadlineLike, isNameList, isStampLine, lineRule, wordCount, type LineVerdict } from "./noise-rules.js";

/** Options of {@link classifyParagraphs}. */
export interface ClassifyOptions {
  /** Detector for the language of paragraphs. */
  detector: LanguageDetector;
  /** The article's declared language (BCP 47), or null to detect it from the body. */
  language: string | null;
  /** The article's headline when the input declared it: a line repeating it is the title. */
  title?: string | null;
}

/** Classified paragraphs and the article's language. */
export interface ClassifiedParagraphs {
  segments: Segment[];
  /** The declared or detected language of the article, `null` when unknown. */
  language: string | null;
}

/** Most words of a first line taken as the title. */
const TITLE_MAX_WORDS = 30;
/** Most words of a heading or a link line. */
const HEADING_MAX_WORDS = 15;
/** Body paragraphs the lead is made of (after the title). */
const LEAD_PARAGRAPHS = 3;
/** Body paragraphs needed before an end marker counts as the end of the article. */
const BODY_BEFORE_END = 2;
/** A paragraph shares the lead's topic when it shares this many content words... */
const LEAD_MIN_SHARED = 3;
/** ...and at least this share of its own content words. */
const LEAD_MIN_RATIO = 0.25;
/** Lowest detector confidence at which a paragraph is said to be in another language. */
const LANGUAGE_MIN_CONFIDENCE = 0.5;

interface Para {
  start: number;
  end: number;
  text: string;
  /** Still unclassified (an unclassified line that no rule has claimed yet). */
  open: boolean;
  kind: Segment["kind"];
  reason: string | null;
  language: string | null;
  verdict: LineVerdict | null;
  headline: boolean;
  words: number;
  /** Topic keys, computed on first use. */
  keys?: TopicKeys;
}

/**
 * Classifies paragraphs. `segments` are the article's paragraphs in text order: a `body` segment with a
 * null `reason` is an unclassified line and gets classified; other segments keep their kind. Returns new
 * segments (a dateline opening a paragraph becomes its own segment) and the article's language.
 */
export function classifyParagraphs(text: string, segments: readonly Segment[], options: ClassifyOptions): ClassifiedParagraphs {
  const paras: Para[] = [];
  for (const s of joinWrappedLines(text, segments)) {
    const open = s.kind === "body" && s.reason === null;
    const slice = text.slice(s.start, s.end);
    if (open) {
      const cut = datelinePrefix(slice);
      if (cut > 0 && cut < slice.length) {
        const dash = slice.slice(0, cut).trimEnd();
        paras.push(para(s.start, s.start + dash.length, dash, false, "dateline", "dateline opening the paragraph"));
        paras.push(para(s.start + cut, s.end, slice.slice(cut), true, "body", null));
        continue;
      }
    }
    paras.push(para(s.start, s.end, slice, open, s.kind, s.reason, s.language));
  }

  applyLineRules(paras);
  const titleText = markTitle(paras, options.title ?? null);
  markNamesNearBylines(paras);
  const lead = leadKeys(paras, titleText);
  keepLeadSafe(paras, lead);
  if (!markTail(paras, titleText)) markTrailingFeed(paras, lead);
  markHeadlineRuns(paras);
  for (const p of paras) {
    if (!p.open) continue;
    p.open = false;
    if (p.headline) set(p, "heading", "short line without final punctuation (a subheading)");
  }
  const language = markLanguages(paras, options);
  return {
    segments: paras.map((p) => ({ start: p.start, end: p.end, kind: p.kind, language: p.language, reason: p.reason })),
    language,
  };
}

/** Shortest line (in characters) taken for a line that a hard wrap cut, not a menu item. */
const WRAPPED_MIN_CHARS = 30;

/**
 * Joins unclassified lines that a hard line break cut inside a sentence: the line runs on to the next line
 * (no blank line between), does not end with final punctuation, and either ends with a comma or a word
 * that cannot end a sentence ("the", "of") or is followed by a line starting in lower case.
 */
function joinWrappedLines(text: string, segments: readonly Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    const prev = out[out.length - 1];
    if (prev && isUnclassified(prev) && isUnclassified(s) && wrapped(text, prev, s)) {
      out[out.length - 1] = { ...prev, end: s.end };
      continue;
    }
    out.push(s);
  }
  return out;
}

function isUnclassified(s: Segment): boolean {
  return s.kind === "body" && s.reason === null;
}

function wrapped(text: string, prev: Segment, next: Segment): boolean {
  if (prev.end - prev.start < WRAPPED_MIN_CHARS || !/^[ \t]*\r?\n[ \t]*$/.test(text.slice(prev.end, next.start))) return false;
  const line = text.slice(Math.max(prev.start, prev.end - 40), prev.end);
  if (/[.!?:;…"”’)\]]$/.test(line)) return false;
  if (/^\p{Ll}/u.test(text.slice(next.start, next.start + 1))) return true;
  return line.endsWith(",") || endsWithFunctionWord(line);
}

function para(start: number, end: number, text: string, open: boolean, kind: Segment["kind"], reason: string | null, language: string | null = null): Para {
  return { start, end, text, open, kind, reason, language, verdict: null, headline: isHeadlineLike(text, HEADING_MAX_WORDS), words: wordCount(text) };
}

function set(p: Para, kind: Segment["kind"], reason: string | null): void {
  p.kind = kind;
  p.reason = reason;
  p.open = false;
}

function applyLineRules(paras: Para[]): void {
  for (const p of paras) {
    if (!p.open) continue;
    const v = lineRule(p.text);
    if (!v) continue;
    p.verdict = v;
    set(p, v.kind, v.reason);
  }
}

/** Normalised text of a line, for comparing a line with the headline. */
function squash(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

/**
 * Whether `squash(text)` can be `squashed`: their first letters or digits agree (read without copying
 * `text`; most lines differ there). Capital sigma is left to {@link squash}: its lower case depends on
 * what comes before it.
 */
function mayRepeat(text: string, squashed: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const cp = codePointAt(text, i);
    if (!isLetterOrDigit(cp)) {
      if (cp > 0xffff) i++;
      continue;
    }
    if (cp === 0x3a3) return true;
    return String.fromCodePoint(cp).toLowerCase().codePointAt(0) === squashed.codePointAt(0);
  }
  return squashed === "";
}

/**
 * The title: a line repeating the declared headline, else the longest headline-like line above the first
 * body paragraph, else the first line when it reads like a headline; later lines repeating it are titles
 * too. Returns its text.
 */
function markTitle(paras: Para[], declared: string | null): string | null {
  let title = declared ? squash(declared) : null;
  const adapterTitle = paras.find((p) => p.kind === "title" && !p.open);
  if (!title && adapterTitle) title = squash(adapterTitle.text);
  if (!title) {
    // The longest headline-like line above the first body paragraph (a site name or a section label above
    // the headline is shorter), else the first line when it reads like a headline.
    let best: Para | null = null;
    let firstOpen: Para | null = null;
    for (const p of paras) {
      if (!p.open) continue;
      firstOpen ??= p;
      if (substantial(p)) break;
      if (isHeadlineLike(p.text, TITLE_MAX_WORDS, true) && (!best || p.words > best.words)) best = p;
    }
    if (!best && firstOpen && isHeadlineLike(firstOpen.text, TITLE_MAX_WORDS, true)) best = firstOpen;
    if (best) {
      set(best, "title", best === firstOpen ? "first line, short and without final punctuation (the headline)" : "longest headline-like line above the body (the headline)");
      title = squash(best.text);
    }
  }
  if (!title) return null;
  for (const p of paras) {
    if (p.open && p.words <= TITLE_MAX_WORDS && mayRepeat(p.text, title) && squash(p.text) === title) set(p, "title", "repeats the headline");
  }
  return title;
}

/** A line of two to five capitalised words next to a byline, a role label or a biography is the author's name. */
function markNamesNearBylines(paras: Para[]): void {
  paras.forEach((p, i) => {
    if (!p.open || p.words > 5 || !isNameList(p.text, 5)) return;
    for (const j of [i - 2, i - 1, i + 1, i + 2]) {
      const q = paras[j];
      if (!q || q.open) continue;
      const authorish = q.kind === "byline" || q.verdict?.reason === "author biography" || /^page label "avatar"/i.test(q.reason ?? "");
      if (authorish) {
        set(p, "byline", "author's name next to a byline or biography");
        p.verdict = { kind: "byline", reason: "author's name", weak: true };
        return;
      }
    }
  });
}

/**
 * Topic keys of a text: lower-case words that are not function words, cut to four letters so that
 * "Russia"/"Russian", "defence"/"defense" and "China"/"Chinese" meet; `named` holds those written with a
 * capital (names, mostly).
 */
export interface TopicKeys {
  all: Set<string>;
  named: Set<string>;
}

const UPPER_FIRST = /^\p{Lu}/u;

/** The {@link TopicKeys} of a text. */
export function topicKeys(text: string, into: TopicKeys = { all: new Set(), named: new Set() }): TopicKeys {
  forEachWord(text, topicWordEnd, (start, end) => {
    const key = topicKeyOf(text.slice(start, end));
    if (key === null) return;
    into.all.add(key.key);
    if (key.named) into.named.add(key.key);
  });
  return into;
}

/** Where a topic word starting at `i` ends: a letter, then letters, apostrophes and hyphens (`\p{L}[\p{L}'’-]*`), scanned by hand (no match array per word). */
function topicWordEnd(text: string, i: number): number {
  const first = codePointAt(text, i);
  return isLetter(first) ? runEnd(text, i + (first > 0xffff ? 2 : 1), isTopicWordChar) : i;
}

/** A letter, an apostrophe or a hyphen. */
const isTopicWordChar = (cp: number) => cp === 39 || cp === 0x2019 || cp === 45 || isLetter(cp);

/** A word's topic key (its first four letters, lower-cased, possessive dropped) and whether it is capitalised; `null` for stopwords and short words. */
const topicKeyOf = memoByString((raw): { key: string; named: boolean } | null => {
  let w = raw.toLowerCase();
  if (w.length > 2 && w.charCodeAt(w.length - 1) === 115 && (w[w.length - 2] === "'" || w[w.length - 2] === "’")) w = w.slice(0, -2);
  if (w.length < 3 || STOP.has(w)) return null;
  const c = raw.charCodeAt(0);
  return { key: w.length > 4 ? w.slice(0, 4) : w, named: c < 128 ? c >= 65 && c <= 90 : UPPER_FIRST.test(raw) };
});

/** Fewest words of a paragraph that counts as article prose when looking for the lead and the end. */
const SUBSTANTIAL_WORDS = 12;

/** A paragraph that reads like article prose: open or body, not headline-like, long enough. */
function substantial(p: Para): boolean {
  if (p.open) return !p.headline && p.words >= SUBSTANTIAL_WORDS;
  return (p.kind === "body" || p.kind === "quote") && !p.verdict && p.words >= SUBSTANTIAL_WORDS;
}

/** The lead: the title and the first `size` substantial body paragraphs, as topic keys. */
function leadKeys(paras: Para[], title: string | null, size = LEAD_PARAGRAPHS): TopicKeys {
  const keys = topicKeys(title ?? "");
  let taken = 0;
  for (const p of paras) {
    if (taken >= size) break;
    if (!substantial(p)) continue;
    const own = (p.keys ??= topicKeys(p.text));
    own.all.forEach((k) => keys.all.add(k));
    own.named.forEach((k) => keys.named.add(k));
    taken++;
  }
  return keys;
}

interface Overlap {
  shared: number;
  total: number;
  namedShared: number;
  namedTotal: number;
}

/** How a paragraph's topic keys overlap the lead's. */
function leadOverlap(p: Para, lead: TopicKeys): Overlap {
  const keys = (p.keys ??= topicKeys(p.text));
  let shared = 0;
  let namedShared = 0;
  // forEach, not for…of: no iterator result per key in this per-paragraph loop.
  keys.all.forEach((k) => {
    if (lead.all.has(k)) shared++;
  });
  keys.named.forEach((k) => {
    if (lead.all.has(k)) namedShared++;
  });
  return { shared, total: keys.all.size, namedShared, namedTotal: keys.named.size };
}

/**
 * Whether a paragraph is on the lead's topic: it shares {@link LEAD_MIN_SHARED} content words and
 * {@link LEAD_MIN_RATIO} of its own, and, when it names things, at least one of them; or it shares many
 * words, names among them.
 */
function sharesLead(p: Para, lead: TopicKeys): boolean {
  const o = leadOverlap(p, lead);
  const namesMatch = o.namedTotal < 2 || o.namedShared >= 1;
  if (o.shared >= LEAD_MIN_SHARED && o.shared / Math.max(1, o.total) >= LEAD_MIN_RATIO && namesMatch) return true;
  return o.shared >= 2 * LEAD_MIN_SHARED && o.namedShared >= 2;
}

/**
 * Weak verdicts on a paragraph close to the lead are taken back: a name line or a teaser that shares much
 * of the lead's words, a biography of someone the lead names.
 */
function keepLeadSafe(paras: Para[], lead: TopicKeys): void {
  for (const p of paras) {
    if (!p.verdict?.weak || p.open) continue;
    const { shared, total } = leadOverlap(p, lead);
    // A biography is the story's own when the lead names its subject (an article about a journalist); its
    // beat ("port and shipping correspondent") overlapping the story's topic does not make it so.
    const subject = p.verdict.subject;
    const surname = subject === undefined ? undefined : [...topicKeys(subject).all].pop();
    const own = subject === undefined ? shared >= LEAD_MIN_SHARED && shared / Math.max(1, total) >= 0.4 : surname !== undefined && lead.all.has(surname);
    if (own) {
      p.kind = "body";
      p.reason = null;
      p.verdict = null;
    }
  }
}

/**
 * The end of the article: the first end marker (a biography, "Read more", a copyright line, a reporting
 * credit, a list header, a time stamp...) found after at least {@link BODY_BEFORE_END} substantial body
 * paragraphs, and with at least as much body text before it as feed-like text after it (the article is the
 * main text of the page: a marker in a page header, above the article, fails this test). After it, open
 * paragraphs that do not share the lead's topic are feed items (or links, under a "Related" header); those
 * that do stay body. Linear: prefix sums over the paragraphs.
 */
function markTail(paras: Para[], title: string | null): boolean {
  const n = paras.length;
  // The lead a marker is judged with holds only paragraphs before it: after k < LEAD_PARAGRAPHS body
  // paragraphs, the title and those k. One lead, and one suffix sum of feed-like text, per k.
  // Made when a marker is first met (most articles have none), for the paragraphs after it only: later
  // markers with the same lead stand further down, and nothing above a marker is read.
  const leads: TopicKeys[] = [];
  const feedLike: boolean[][] = [];
  const feedAfter: number[][] = [];
  const prepare = (k: number, from: number) => {
    if (leads[k]) return;
    const lead = leadKeys(paras, title, k);
    const like = paras.map((p, i) => i >= from && p.open && !sharesLead(p, lead));
    const after = new Array<number>(n + 1).fill(0);
    for (let i = n - 1; i >= from; i--) after[i] = (after[i + 1] ?? 0) + (like[i] ? (paras[i] as Para).text.length : 0);
    leads[k] = lead;
    feedLike[k] = like;
    feedAfter[k] = after;
  };
  let bodyCount = 0;
  let bodyChars = 0;
  let end = -1;
  for (let i = 0; i < n; i++) {
    const p = paras[i] as Para;
    if (substantial(p)) {
      bodyCount++;
      bodyChars += p.text.length;
    } else if (!p.open && p.verdict?.endMarker && bodyCount >= BODY_BEFORE_END) {
      const k = Math.min(bodyCount, LEAD_PARAGRAPHS);
      prepare(k, i + 1);
      if (bodyChars >= (feedAfter[k]?.[i + 1] ?? 0)) {
        end = i;
        break;
      }
    }
  }
  if (end < 0) return false;
  const k = Math.min(bodyCount, LEAD_PARAGRAPHS);
  const lead = leads[k] as TopicKeys;
  const like = feedLike[k] as boolean[];
  const marker = paras[end] as Para;
  const markerName = marker.text.replace(/[\s\u00a0]+/g, " ").trim().slice(0, 40);
  let header: "related" | "feed" = marker.verdict?.listHeader ?? "feed";
  for (let i = end + 1; i < n; i++) {
    const p = paras[i] as Para;
    if (!p.open) {
      if (p.verdict?.listHeader) header = p.verdict.listHeader;
      continue;
    }
    if (!like[i]) continue;
    const o = leadOverlap(p, lead);
    const where = `after the end of the article ("${markerName}")`;
    const overlap = `shares ${o.shared} of ${o.total} content words and ${o.namedShared} of ${o.namedTotal} names with the lead`;
    if (header === "related" && p.headline) set(p, "related", `headline-like line under a list of links, ${where}`);
    else set(p, "feed", `unrelated item ${where}: ${overlap}`);
  }
  return true;
}

/** Most of its content words a paragraph may share with the lead and still be unrelated to it. */
const UNRELATED_MAX_RATIO = 0.15;

/** Clearly off the lead's topic: few content words shared, and none of its names. */
function unrelated(p: Para, lead: TopicKeys): boolean {
  const o = leadOverlap(p, lead);
  return o.shared / Math.max(1, o.total) <= UNRELATED_MAX_RATIO && o.namedShared === 0;
}

/** Fewest headline-like lines in a run of feed items found without an end marker. */
const FEED_MIN_HEADLINES = 2;

/**
 * A news feed appended under the article without any marker: a run at the end of the page of headline-like
 * lines and paragraphs clearly off the lead's topic (page furniture such as time stamps may sit
 * between them), holding at least {@link FEED_MIN_HEADLINES} headlines of three words or more and one
 * paragraph, after at least {@link BODY_BEFORE_END} body paragraphs and no longer than the body before it.
 */
function markTrailingFeed(paras: Para[], lead: TopicKeys): void {
  let first = paras.length;
  let headlines = 0;
  let items = 0;
  let runChars = 0;
  for (let i = paras.length - 1; i >= 0; i--) {
    const p = paras[i] as Para;
    if (!p.open) {
      if (p.kind === "body" || p.kind === "quote" || p.kind === "title") break;
      continue;
    }
    if (p.headline) {
      if (p.words >= 3 && !/^[([]/.test(p.text)) headlines++;
    } else if (!unrelated(p, lead)) break;
    else items++;
    runChars += p.text.length;
    first = i;
  }
  if (headlines < FEED_MIN_HEADLINES || items < 1) return;
  let bodyCount = 0;
  let bodyChars = 0;
  for (let i = 0; i < first; i++) {
    const p = paras[i] as Para;
    if (substantial(p)) {
      bodyCount++;
      bodyChars += p.text.length;
    }
  }
  if (bodyCount < BODY_BEFORE_END || bodyChars < runChars) return;
  for (let i = first; i < paras.length; i++) {
    const p = paras[i] as Para;
    if (!p.open) continue;
    const o = leadOverlap(p, lead);
    set(p, "feed", `unrelated item in a run of ${headlines} headlines and ${items} paragraphs at the end of the page: shares ${o.shared} of ${o.total} content words and ${o.namedShared} of ${o.namedTotal} names with the lead`);
  }
}

/** A line that reads like a story's headline, not a label or a list item: four words or more, no leading number. */
function strongHeadline(p: Para): boolean {
  return p.words >= 4 && !/^\p{N}/u.test(p.text);
}

/**
 * Two or more headline-like lines in a row, after the body has started, at least two of them reading like
 * stories' headlines, are links to other stories (a single one is a heading; a run of labels, names or
 * list items stays as it is). Lines under a "Related" header are links too.
 */
function markHeadlineRuns(paras: Para[]): void {
  let bodySeen = false;
  let i = 0;
  while (i < paras.length) {
    const p = paras[i] as Para;
    if (!p.open) {
      if (p.kind === "body") bodySeen = true;
      if (p.verdict?.listHeader === "related") {
        let j = i + 1;
        while (j < paras.length && (paras[j] as Para).open && (paras[j] as Para).headline) {
          set(paras[j] as Para, "related", `headline-like line under "${p.text.trim().slice(0, 40)}" (a link to another story)`);
          j++;
        }
        i = j;
        continue;
      }
      i++;
      continue;
    }
    if (!p.headline) {
      bodySeen = true;
      i++;
      continue;
    }
    let j = i;
    let strong = 0;
    for (; j < paras.length && (paras[j] as Para).open && (paras[j] as Para).headline; j++) {
      if (strongHeadline(paras[j] as Para)) strong++;
    }
    if (bodySeen && j - i >= 2 && strong >= 2) {
      for (let k = i; k < j; k++) set(paras[k] as Para, "related", `one of ${j - i} headline-like lines in a row (links to other stories)`);
    }
    i = Math.max(j, i + 1);
  }
}

/**
 * The article's language (declared, else detected on its body), then each paragraph's: body, title,
 * heading and quote text in another language becomes `other-language`; furniture keeps its kind and gets
 * the language noted.
 */
function markLanguages(paras: Para[], options: ClassifyOptions): string | null {
  let language = options.language;
  if (!language) {
    const body = paras.filter((p) => p.kind === "body" || p.kind === "quote").map((p) => p.text).join("\n");
    language = detectArticleLanguage(body, options.detector)?.language ?? null;
  }
  if (!language) return null;
  for (const p of paras) {
    if (p.kind === "metadata" || p.kind === "other-language") continue;
    const guess = options.detector.detect(p.text);
    if (!guess || guess.confidence < LANGUAGE_MIN_CONFIDENCE || !differentLanguage(guess.language, language)) continue;
    p.language = guess.language;
    if (p.kind === "body" || p.kind === "quote" || p.kind === "title" || p.kind === "heading") {
      p.kind = "other-language";
      p.reason = `written in ${guess.language}, not the article's ${language} (${options.detector.name} detector, confidence ${guess.confidence})`;
    }
  }
  return language;
}
