/**
 * Helpers shared by the adapters of structured news formats (feeds, JSON-LD, ninjs, NewsML-G2):
 * guards against hostile JSON and XML, publication date normalisation, the layout of an article's
 * text from a headline and a body, and a plain HTML-to-text fallback for HTML bodies.
 */
import { decodeHTML } from "entities";
import { HostileInputError, ParseError, type CorroborateError } from "../errors.js";
import { monthNumber } from "../extract/numbers.js";
import type { Segment } from "../model/article.js";
import { lineParagraphs } from "../extract/segment.js";
import type { AdapterArticle } from "./adapter.js";
import { looksBinary } from "./decode.js";
import type { AdapterInput, ParseOptions } from "./input.js";

/** Limits for {@link parseJsonBounded}. */
export interface JsonLimits {
  /** Deepest nesting of arrays and objects allowed (default 256). */
  maxDepth?: number;
  /** Most members one array or object may hold (default 1,000,000). */
  maxMembers?: number;
}

/**
 * Parses JSON after a linear scan that bounds nesting depth and container size, so that a JSON
 * bomb (100,000 nested arrays, an array of millions of members) is a {@link HostileInputError}
 * before any recursive walk can overflow the stack. Malformed JSON is a {@link ParseError}.
 * JSON.parse does the parsing; only the bounding scan is ours (JSON.parse has no limits).
 */
export function parseJsonBounded(name: string, text: string, limits: JsonLimits = {}): unknown {
  const maxDepth = limits.maxDepth ?? 256;
  const maxMembers = limits.maxMembers ?? 1_000_000;
  const members: number[] = [];
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (escaped) escaped = false;
      else if (c === 92) escaped = true;
      else if (c === 34) inString = false;
    } else if (c === 34) {
      inString = true;
    } else if (c === 123 || c === 91) {
      members.push(1);
      if (members.length > maxDepth) {
        throw new HostileInputError(name, `the JSON nests deeper than ${maxDepth} levels`);
      }
    } else if (c === 125 || c === 93) {
      members.pop();
    } else if (c === 44 && members.length > 0) {
      const n = members[members.length - 1]! + 1;
      if (n > maxMembers) throw new HostileInputError(name, `a JSON array or object holds more than ${maxMembers} members`);
      members[members.length - 1] = n;
    }
  }
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (cause) {
    throw new ParseError(name, `not valid JSON: ${(cause as Error).message}`, { cause });
  }
}

/** Limits for {@link assertSafeXml}. */
export interface XmlLimits {
  /** Deepest element nesting allowed (default 512). */
  maxDepth?: number;
}

/** What {@link scanXmlTags} reports: an element's start, end or empty tag, or an entity declaration. */
export interface XmlTag {
  /** `open` (`<a>`), `close` (`</a>`), `empty` (`<a/>`) or `entity` (`<!ENTITY`). */
  kind: "open" | "close" | "empty" | "entity";
  /** The element's qualified name as written (`dc:creator`); "" for an entity declaration. */
  name: string;
  /** Offset of the tag's `<`. */
  start: number;
  /** Offset after the tag's `>`. */
  end: number;
}

/**
 * Walks the tags of an XML document in one pass, linear in its length whatever it holds: calls `visit`
 * for each element tag and each `<!ENTITY` declaration, and skips text, CDATA sections, comments,
 * processing instructions and other declarations (a DOCTYPE's internal subset is walked, so its
 * entity declarations are seen). An unterminated CDATA section, comment or processing instruction
 * ends the walk; a `<` that does not start a well-formed tag is passed over. `visit` returns false to
 * stop. Written by hand because regular expressions with lazy `[\s\S]*?` rescan the rest of the
 * document at each unterminated `<![CDATA[`, which is quadratic on hostile input.
 */
export function scanXmlTags(text: string, visit: (tag: XmlTag) => boolean | void): void {
  const n = text.length;
  let i = text.indexOf("<");
  while (i >= 0) {
    const next = text.charCodeAt(i + 1);
    if (next === 33 /* ! */) {
      if (text.startsWith("<![CDATA[", i)) {
        const e = text.indexOf("]]>", i + 9);
        if (e < 0) return;
        i = text.indexOf("<", e + 3);
      } else if (text.startsWith("<!--", i)) {
        const e = text.indexOf("-->", i + 4);
        if (e < 0) return;
        i = text.indexOf("<", e + 3);
      } else {
        if (text.slice(i + 2, i + 8).toUpperCase() === "ENTITY" && visit({ kind: "entity", name: "", start: i, end: i + 8 }) === false) return;
        i = text.indexOf("<", i + 2);
      }
      continue;
    }
    if (next === 63 /* ? */) {
      const e = text.indexOf("?>", i + 2);
      if (e < 0) return;
      i = text.indexOf("<", e + 2);
      continue;
    }
    const closing = next === 47; /* / */
    const nameStart = closing ? i + 2 : i + 1;
    let k = nameStart;
    if (k < n && isNameStart(text.charCodeAt(k))) {
      while (k < n && isNameChar(text.charCodeAt(k))) k++;
    }
    if (k === nameStart) {
      i = text.indexOf("<", i + 1);
      continue;
    }
    const nameEnd = k;
    // The rest of the tag: attributes up to `>`; a `<` (never allowed inside a tag, nor in an
    // attribute value) means this was not a tag, and the walk goes on from that `<`.
    let quote = 0;
    let end = -1;
    for (; k < n; k++) {
      const c = text.charCodeAt(k);
      if (c === 60 /* < */) break;
      if (quote) {
        if (c === quote) quote = 0;
      } else if (c === 34 || c === 39) quote = c;
      else if (c === 62 /* > */) {
        end = k + 1;
        break;
      }
    }
    if (end < 0) {
      if (k >= n) return;
      i = k;
      continue;
    }
    const kind = closing ? "close" : text.charCodeAt(end - 2) === 47 ? "empty" : "open";
    if (visit({ kind, name: text.slice(nameStart, nameEnd), start: i, end }) === false) return;
    i = text.indexOf("<", end);
  }
}

// XML 1.0 NameStartChar and NameChar, with every non-ASCII character allowed (enough to find tags).
function isNameStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 58 || c >= 0xc0;
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57) || c === 45 || c === 46 || c === 0xb7;
}

/**
 * Refuses XML that could expand entities or reach outside the input, before any parser sees it:
 * any `<!ENTITY` declaration (billion laughs, quadratic blowup, XXE with SYSTEM/PUBLIC identifiers)
 * and element nesting deeper than `maxDepth` are a {@link HostileInputError}. A plain DOCTYPE without
 * an internal subset (RSS 0.91's) is allowed: parsers here never fetch DTDs. Linear in the input
 * ({@link scanXmlTags}).
 */
export function assertSafeXml(name: string, text: string, limits: XmlLimits = {}): void {
  const maxDepth = limits.maxDepth ?? 512;
  let depth = 0;
  scanXmlTags(text, (tag) => {
    if (tag.kind === "entity") {
      throw new HostileInputError(
        name,
        "the XML declares entities (<!ENTITY>): entity expansion and external entities are refused",
      );
    }
    if (tag.kind === "close") depth = Math.max(0, depth - 1);
    else if (tag.kind === "open" && ++depth > maxDepth) {
      throw new HostileInputError(name, `the XML nests elements deeper than ${maxDepth} levels`);
    }
  });
}

// RFC 822 / RFC 2822 zone names; military single letters other than Z are ambiguous (RFC 2822 §4.3) and ignored.
const ZONES: Record<string, number> = {
  ut: 0, utc: 0, gmt: 0, z: 0, est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
};
const RFC822 =
  /^(?:[A-Za-z]{2,9},?\s+)?(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{2}|\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?(?:\s*([+-]\d{4}|[A-Za-z]{1,4}))?\s*$/;
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*([Zz]|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Normalises a publication date to ISO 8601, keeping the source's UTC offset (so that "Sunday" in
 * the text is anchored to the source's local day): RFC 3339 / ISO 8601 (`2024-05-03T09:30:00+02:00`,
 * `2024-05-03`) and RFC 822 / 2822 (`Fri, 03 May 2024 09:30:00 +0200`, `3 May 24 07:30 GMT`). Returns
 * null for anything else or an impossible date. Written by hand because Date and chrono-node
 * convert to UTC and lose the offset.
 */
export function normaliseDate(value: string | null | undefined): string | null {
  if (typeof value !== "string") return null;
  const s = value.trim();
  let m = ISO.exec(s);
  if (m) {
    const [, y, mo, d, h, mi, sec, frac, zone] = m;
    if (!validDate(+y!, +mo!, +d!)) return null;
    if (h === undefined) return `${y}-${mo}-${d}`;
    if (+h > 23 || +mi! > 59 || +(sec ?? 0) > 60) return null;
    return `${y}-${mo}-${d}T${h}:${mi}:${sec ?? "00"}${frac ?? ""}${zone ? isoZone(zone) : ""}`;
  }
  m = RFC822.exec(s);
  if (m) {
    const [, d, monthName, yearText, h, mi, sec, zone] = m;
    const month = monthNumber(monthName!.slice(0, 3));
    if (!month) return null;
    // RFC 2822 §4.3: two-digit years 00-49 are 2000-2049, 50-99 are 1950-1999.
    const year = yearText!.length === 2 ? (+yearText! < 50 ? 2000 + +yearText! : 1900 + +yearText!) : +yearText!;
    if (!validDate(year, month, +d!)) return null;
    const date = `${year}-${pad(month)}-${pad(+d!)}`;
    if (h === undefined) return date;
    if (+h > 23 || +mi! > 59 || +(sec ?? 0) > 60) return null;
    let offset = "";
    if (zone && /^[+-]\d{4}$/.test(zone)) offset = isoZone(zone);
    else if (zone && ZONES[zone.toLowerCase()] !== undefined) offset = minutesZone(ZONES[zone.toLowerCase()]!);
    return `${date}T${pad(+h)}:${mi}:${sec ?? "00"}${offset}`;
  }
  return null;
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function isoZone(zone: string): string {
  if (zone === "Z" || zone === "z") return "Z";
  const sign = zone[0]!;
  const digits = zone.slice(1).replace(":", "");
  if (digits === "0000") return "Z";
  return `${sign}${digits.slice(0, 2)}:${digits.slice(2)}`;
}

function minutesZone(minutes: number): string {
  if (minutes === 0) return "Z";
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? "-" : "+"}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** An article body already turned into text, with classified segments indexing into it. */
export interface BodyText {
  text: string;
  segments: Segment[];
}

/** What {@link composeArticleText} lays out. */
export interface ArticleParts {
  /** The headline, as its own `title` segment first. */
  title?: string | null;
  /** A dateline (`OSLO, 3 May`), as a `dateline` segment before the body. */
  dateline?: string | null;
  /** The body: plain text (each non-empty line a `body` paragraph) or text with its own segments. */
  body: string | BodyText;
}

/**
 * Lays out an article's text as `headline`, blank line, `dateline`, blank line, body, and returns
 * segments indexing into it (the body's own segments shifted). Empty parts are left out.
 */
export function composeArticleText(parts: ArticleParts): BodyText {
  const body: BodyText = typeof parts.body === "string" ? { text: parts.body, segments: lineParagraphs(parts.body) } : parts.body;
  let text = "";
  const segments: Segment[] = [];
  const add = (value: string, kind: Segment["kind"], reason: string) => {
    if (text) text += "\n\n";
    segments.push({ start: text.length, end: text.length + value.length, kind, language: null, reason });
    text += value;
  };
  const title = cleanField(parts.title);
  const dateline = cleanField(parts.dateline);
  if (title) add(title, "title", "headline field");
  if (dateline) add(dateline, "dateline", "dateline field");
  if (body.text.trim()) {
    if (text) text += "\n\n";
    const offset = text.length;
    text += body.text;
    for (const s of body.segments) segments.push({ ...s, start: s.start + offset, end: s.end + offset });
  }
  return { text: detach(text), segments };
}

/**
 * A copy of a string that shares no memory with the document it was cut from. V8 keeps a whole
 * string alive as long as any slice of it lives, so an article whose title is a slice of a feed's
 * text would keep the feed (or a batch of its items) in memory for as long as the article lives:
 * the input held twice. JSON's round trip is the portable way (Node and browsers) to get a flat copy.
 */
export function detach(value: string): string {
  return value.length === 0 ? value : (JSON.parse(JSON.stringify(value)) as string);
}

/** Collapses runs of whitespace in a one-line field and trims it (a {@link detach}ed copy); null when nothing is left. */
export function cleanField(value: string | null | undefined): string | null {
  if (typeof value !== "string") return null;
  const s = value.replace(/\s+/g, " ").trim();
  return s ? detach(s) : null;
}

/**
 * The first characters of an input for cheap format detection (`detect`): at most `bytes` bytes
 * decoded leniently, without a byte order mark or leading whitespace; "" for binary data.
 */
export function inputHead(input: AdapterInput, bytes = 4096): string {
  if (typeof input.data === "string") return input.data.slice(0, bytes).replace(/^\uFEFF/, "").trimStart();
  const sample = input.data.subarray(0, bytes);
  if (looksBinary(sample)) return "";
  return new TextDecoder().decode(sample).replace(/^\uFEFF/, "").trimStart();
}

/** What a multi-item format produced: the items it read and, for each item it could not read, the error. */
export interface ItemsResult<A = AdapterArticle> {
  articles: A[];
  failures: CorroborateError[];
}

/**
 * Ends an adapter's parse of a multi-item input: reports each failed item through
 * `options.onItemFailure` and returns the good ones; when no item could be read, throws (the one
 * item's own error, or a {@link ParseError} naming how many failed and the first reason).
 */
export function settleItems<A>(name: string, result: ItemsResult<A>, options: ParseOptions, what = "item"): A[] {
  const { articles, failures } = result;
  if (articles.length === 0) {
    if (failures.length === 1) throw failures[0];
    if (failures.length > 1) {
      throw new ParseError(name, `none of the ${failures.length} ${what}s could be read; the first: ${failures[0]!.message}`, {
        cause: failures[0],
      });
    }
    throw new ParseError(name, `no ${what} found`);
  }
  for (const failure of failures) options.onItemFailure?.(failure);
  return articles;
}

/**
 * The local name (prefix dropped) of an XML document's root element: the first element after the
 * prolog (declaration, comments, DOCTYPE, processing instructions), else the name the DOCTYPE
 * declares when its internal subset runs past `head`; null when there is none in `head`.
 */
export function xmlRootElement(head: string): string | null {
  const m = /^\uFEFF?(?:\s*(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>))*\s*<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/i.exec(head);
  if (m) return m[1]!;
  // A DOCTYPE whose internal subset runs past the head (a long entity declaration, say) still names
  // the root element (XML 1.0 §2.8: the names must match), so the right adapter can refuse it.
  const doctype = /^\uFEFF?(?:\s*(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->))*\s*<!DOCTYPE\s+(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/i.exec(head);
  return doctype ? doctype[1]! : null;
}

/** Turns an HTML fragment into text with classified segments indexing into it. */
export type HtmlToText = (html: string) => BodyText;

/** An HTML body as text: through the given extractor, else {@link stripTags}. */
export function htmlToBody(html: string, htmlToText?: HtmlToText): BodyText {
  return (htmlToText ?? stripTags)(html);
}

const BLOCK_END = /<\/(?:p|div|h[1-6]|li|blockquote|figure|figcaption|tr|section|article)\s*>|<br\s*\/?>/gi;
// `[^<>]`, not `[^>]`: a run of `<` without `>` must not make each `<` rescan the rest (quadratic).
const TAG = /<[^<>]*>/g;

/**
 * The plain HTML-to-text step the structured-format adapters use when given no extractor: `head`,
 * `script` and `style` elements go, block ends and `<br>` become line breaks (one `body` paragraph
 * per line), other tags go, and entities are decoded by the `entities` library. Linear in the input,
 * hostile markup included. Pass `htmlFragmentToText` of `@corroborate/adapter-html` to an adapter for
 * real extraction (quotes, captions, boilerplate classified).
 */
export function stripTags(html: string): BodyText {
  const text = dropRawElements(html)
    .replace(BLOCK_END, "\n")
    .replace(TAG, "")
    .split("\n")
    .map((line) => decodeHTML(line).replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .join("\n");
  return composeArticleText({ body: text });
}

/**
 * Removes `head`, `script` and `style` elements with their content. Once an element has no closing
 * tag after some point, later ones cannot have one either, so each name's closing tag is searched
 * for past a given point at most once: linear where `/<script\b[\s\S]*?<\/script>/` is quadratic.
 */
function dropRawElements(html: string): string {
  const open = /<(head|script|style)\b/gi;
  const unclosed = new Set<string>();
  let out = "";
  let from = 0;
  for (let m = open.exec(html); m; m = open.exec(html)) {
    const name = m[1]!.toLowerCase();
    if (unclosed.has(name)) continue;
    const close = new RegExp(`</${name}\\s*>`, "gi");
    close.lastIndex = open.lastIndex;
    const c = close.exec(html);
    if (!c) {
      unclosed.add(name);
      continue;
    }
    out += html.slice(from, m.index);
    from = c.index + c[0].length;
    open.lastIndex = from;
  }
  return out + html.slice(from);
}
