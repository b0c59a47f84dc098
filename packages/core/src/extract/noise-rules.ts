/**
 * Line rules of paragraph classification: what a single paragraph of text pasted from a web page says
 * about itself (a photo credit, a copyright line, a "Read more" button, a byline, an author biography, a
 * promo link to another story, a reading time). Written by hand: the extraction libraries that know page
 * furniture (Readability, trafilatura) read the HTML tree, and plain text has lost it; what is left is the
 * wording, which is the same on every news site. General patterns only: no outlet, person or phrase of any
 * one story.
 */
import type { SegmentKind } from "../model/article.js";

/** What a line rule decided about one paragraph. */
export interface LineVerdict {
  kind: SegmentKind;
  /** Human-readable reason, shown on the segment. */
  reason: string;
  /** Found after the article's body, it marks the end of the article: what follows is page furniture or feed. */
  endMarker?: boolean;
  /** A rule that a paragraph close to the article's lead overrides (the paragraph stays body). */
  weak?: boolean;
  /** Who a biography is about (its opening name): the biography stays body when the lead names them. */
  subject?: string;
  /** A list header ("Related stories", "News Feed"): the lines under it are links or feed items. */
  listHeader?: "related" | "feed";
}

const MONTHS =
  "jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december";
const WEEKDAYS = "mon|monday|tue|tues|tuesday|wed|wednesday|thu|thur|thurs|thursday|fri|friday|sat|saturday|sun|sunday";
const STAMP_WORDS = new Set(
  [
    ...MONTHS.split("|"),
    ...WEEKDAYS.split("|"),
    "am", "pm", "a.m", "p.m", "at", "on", "updated", "published", "posted", "modified", "last", "first", "ago", "just",
    "now", "today", "yesterday", "min", "mins", "minute", "minutes", "hour", "hours", "hr", "hrs", "day", "days",
    "week", "weeks", "month", "months", "year", "years", "an", "a", "gmt", "utc", "bst", "cet", "cest", "est", "edt",
    "et", "pt", "pst", "pdt", "ist", "jst", "msk", "eet", "eest", "aest", "read", "time", "reading",
  ],
);

/** A line that only says when (a date, a time, "Updated 3 hours ago", "2 min read"). */
export function isStampLine(text: string): boolean {
  const tokens = text.toLowerCase().split(/[\s,|·•/()[\]:–—-]+/).filter(Boolean);
  if (tokens.length === 0 || tokens.length > 14) return false;
  let signal = false;
  for (const raw of tokens) {
    const t = raw.replace(/\.+$/, "");
    if (t === "") continue;
    // A number alone says nothing (a table cell); a clock time or an ISO date does.
    if (/^\d{1,4}(?:st|nd|rd|th|h|m)?$/.test(t)) continue;
    if (/^\d{1,2}[:.]\d{2}(?:[ap]m)?$/.test(t) || /^\d{4}-\d{2}-\d{2}(?:t[\d:.z+]+)?$/.test(t)) {
      signal = true;
      continue;
    }
    if (!STAMP_WORDS.has(t)) return false;
    if (t !== "a" && t !== "an" && t !== "at" && t !== "on") signal = true;
  }
  return signal;
}

// Buttons, navigation and list headers that stand alone on a line.
const LABELS: Record<string, Omit<LineVerdict, "reason">> = {};
function labels(kind: SegmentKind, extra: Omit<LineVerdict, "reason" | "kind">, words: string): void {
  for (const w of words.split("|")) LABELS[w] = { kind, ...extra };
}
labels("boilerplate", { endMarker: true }, "read more|show more|load more|see more|view more|more|read full article|read the full article|read the full story|continue reading|comments|view comments|show comments|leave a comment|join the conversation|back to top|end of article|topics|tags|filed under|related topics|more on these topics");
labels("boilerplate", {}, "comment|story continues below advertisement|article continues below advertisement|continue reading below|advertisement - scroll to continue|listen to article|share|share this|share this article|share this story|share article|share on facebook|share on twitter|share on x|share via email|tweet|email|print|copy link|link copied|save|save article|subscribe|subscribe now|sign up|sign in|log in|login|register|follow|follow us|advertisement|advertising|ad|sponsored|sponsored content|avatar|image|photo|video|gallery|skip to content|skip to main content|menu|home|search|close|next|previous|prev|loading|listen|listen to this article|play|pause|newsletter|newsletters|cookie settings|accept|accept all|open in app|download the app|get the app|toggle navigation|main menu|breadcrumb|top|more videos|watch|audio");
labels("related", { endMarker: true, listHeader: "related" }, "related|related stories|related articles|related coverage|related content|related news|related links|related posts|related reading|more on this story|more on this topic|more about this|you may also like|you might also like|you may be interested in|we recommend|recommended|recommended for you|recommended stories|recommended articles|read next|what to read next|up next|also read|read also|see also|further reading|more stories|more articles|more news|more from|editor's picks|editors' picks|editor’s picks|don't miss|don’t miss|must read|more like this");
labels("feed", { endMarker: true, listHeader: "feed" }, "news feed|latest|latest news|latest stories|latest articles|latest headlines|latest updates|most read|most popular|most viewed|most shared|popular|trending|trending now|top stories|top news|headlines|in other news|elsewhere|breaking news|live updates|just in|news in brief|more headlines|today's news|today’s news");

// Newsroom roles: a line naming one alone is an author label; "X is a <role>" opens an author biography.
// Roles that experts quoted in the body hold (analyst, researcher, fellow, author) are left out.
const ROLE =
  "reporter|correspondent|writer|journalist|editor|contributor|columnist|photographer|producer|anchor|presenter|host|intern|freelancer|blogger|photojournalist|videographer|cartoonist|critic|commentator";
const ROLE_LINE = new RegExp(
  `^(?:(?:senior|chief|staff|foreign|political|news|deputy|associate|contributing|managing|special|freelance|investigative|breaking|defen[cs]e|security|business|world|diplomatic|economics?|international|national|local|sports?|science|health|technology|tech|culture|digital|video|data|visual|regional|bureau|lead|executive|assistant|guest|global|europe|asia|africa|americas)\\s+){0,3}(?:${ROLE})s?$`,
  "i",
);
const CAPWORD = "[\\p{Lu}][\\p{L}'’.-]*";
const BIO = new RegExp(
  `^(?:${CAPWORD}\\s+){0,3}${CAPWORD}\\s+(?:is|was|has been|works as|serves as|joined [^.]{0,40} as)\\s+(?:a|an|the|our|one of|[\\p{Lu}][\\p{L}.&-]*['’]s)\\s+(?:[\\p{L}’'-]+,?\\s+){0,6}?(?:${ROLE})s?\\b`,
  "u",
);
const BIO_COVERS = new RegExp(`^(?:${CAPWORD}\\s+){1,3}(?:covers|writes about|reports on|has covered|has written for)\\b`, "u");

const CREDIT = /^[([—–-]*\s*(?:with assistance from|additional reporting by|reporting by|reported by|writing by|written by|editing by|edited by|compiled by|produced by|story by|words by|research by|translated by|translation by|graphics by|photos by|contributing:)\s|\bcontributed (?:to )?(?:this|the) (?:report|story|article)\.?$/i;

const COPYRIGHT = /^(?:©|\(c\)\s|copyright\b)|\ball rights reserved\b|^[^.!?]{0,60}©\s*(?:\d{4}|[\p{Lu}])/iu;
// COPYRIGHT's alternatives without the sign: ASCII, so the i flag alone does (i and u together make V8
// fold case by Unicode's rules, several times slower, on every paragraph).
const COPYRIGHT_WORDS = /^(?:\(c\)\s|copyright\b)|\ball rights reserved\b/i;

/** A copyright line: {@link COPYRIGHT}, tested whole only when the text holds the sign. */
function isCopyright(text: string): boolean {
  return text.includes("©") ? COPYRIGHT.test(text) : COPYRIGHT_WORDS.test(text);
}

// Boilerplate that may sit anywhere on a page (a newsletter box inside the article).
const BOILER_PREFIX =
  /^(?:follow (?:us|me|him|her|them|the author|our)\b|subscribe (?:to|for|now|today)\b|sign up (?:for|to|here|now)\b|share (?:this|on|via)\b|click (?:here|to)\b|tap here\b|download (?:the|our) app\b|get the latest\b|join (?:us|our)\b|support (?:our|independent|quality)\b|we (?:use|value) (?:cookies|your privacy)\b|(?:our|this) (?:site|website) uses cookies\b|already a subscriber\b|you have reached\b|you've reached\b|to continue reading\b|we want to hear\b|enter your email\b|by (?:signing up|subscribing|clicking (?:here|on|the|below|accept|i accept|subscribe))\b|get (?:our|the) [\p{L} ]{0,30}newsletter\b|listen to (?:this|the) (?:article|story)\b|editor['’]s note\b|by (?:choosing i accept|checking (?:this|the) box|continuing to (?:browse|use)|using (?:this|our) (?:site|website|service))\b|i agree to (?:the )?(?:terms|processing|privacy|use of)\b|(?:this|the) (?:post|article|page) (?:may )?contains? affiliate\b|quotes (?:are )?delayed\b|market data (?:provided|powered)\b|stay up to date with\b|get breaking\b|start your day with\b|there was an error processing\b|please (?:check|confirm|enter|select) (?:the|your)\b|(?:this|our) (?:site|website|service) uses cookies\b|[\p{L} ]{0,40} uses cookies\b)/iu;
// Boilerplate that closes an article (comment forms count: they sit under it).

const CLOSING_PREFIX =
  /^(?:this (?:article|story|piece|content) (?:was (?:originally |first )?(?:published|updated|corrected|amended|produced|written|reported)|is (?:part of|published|republished|produced|from|available)|has been (?:updated|corrected|amended)|(?:first|originally) appeared|appeared (?:first |originally )?(?:in|on))\b|(?:an earlier version of )?this (?:article|story) (?:has been|was) (?:updated|corrected)\b|read the (?:full|original|latest|rest)\b|more (?:stories|news)(?: (?:like this|from|on|at)\b|\s*:|$)|for more (?:news|stories|coverage|updates)\b|have a (?:news )?tip\b|got a (?:news )?tip\b|contact the (?:author|writer|reporter)\b|(?:the )?views expressed\b|opinions expressed\b|leave a (?:reply|comment)\b|post a comment\b|add a comment\b|your email address will not be published\b|required fields are marked\b|save my name\b|notify me (?:of|via|when)\b|thank you! your comment\b|log in to (?:comment|reply)\b|comments? (?:are|is) (?:closed|moderated)\b|our standards\b|(?:correction|clarification)s?:\s|this article is more than \d+ (?:days?|weeks?|months?|years?) old\b)/i;

const RELATED_PREFIX =
  /^(?:related|also read|read also|read|read more|see also|more|more on this|more on|watch|listen|recommended|further reading|read next|up next|don['’]t miss|must read|related (?:article|story|coverage|content|link|video)s?|in (?:other|related) news|video|photos?|gallery|podcast)\s*[:|›»]\s*\S/i;

const CAPTION_PAREN = /[([](?:[^()[\]]{0,80}(?:\/|\bphoto(?:graph)?s?\b|\bimages?\b|\bpictures?\b|\bcredit\b|\bvia\b|\bcourtesy\b))[^()[\]]{0,80}[)\]]\s*$/i;
const CAPTION_PREFIX =
  /^\(?(?:photo|photograph|photographer|photos|image|picture|pictured|pic|file photo|file|photo illustration|illustration|credit|photo credit|image credit|image source|image caption|media caption|video caption|caption|top|above|below|left|right|main image|video|graphic|source)\s*(?:[:|,–—]|-\s)\s*\S/i;
// "AGENCY/PHOTOGRAPHER - text", "PHOTO/FILE - text", "REUTERS/Jane Doe via X | text".
const CREDIT_PREFIX = /^[\p{Lu}\d][\p{Lu}\d .'’&-]*\/[\p{Lu}\d .'’&/-]*\p{Lu}(?:\s+(?:via|for|from)\s+[\p{Lu}][\p{L}.&-]*(?:\s[\p{Lu}][\p{L}.&-]*)*)?\s+[-–—|]\s+\S/u;
const CAPTION_WORDS = /\b(?:file photo|photo credit|photo by|photograph by|photographed by|pictured|\(AP Photo|\(AFP|getty images|shutterstock|photo: |image: )/i;
// "... on Monday. Photograph: Jane Doe/Agency" at the end of a caption.
const TRAILING_CREDIT = /\b(?:Photograph|Photo|Photographer|Photos|Illustration|Composite|Image|Video|Picture)(?: credit)?: [^.!?]{2,80}$/;

// Lowercase words allowed in a byline or name list ("By Jane Doe and John Roe | Staff writers").
const NAME_GLUE = new Set(
  "and & de da del della di do dos du van von der den la le bin bint al el ibn y of the in for at with staff writer writers reporter reporters correspondent correspondents editor contributor updated published".split(
    " ",
  ),
);
const NOT_NAMES = new Set([...MONTHS.split("|"), ...WEEKDAYS.split("|"), "today", "yesterday", "tomorrow", "the", "this", "that", "a", "an", "my", "our", "his", "her", "their"]);

/**
 * Whether a short text is a list of names and outlets ("Jane Doe, Reuters", "By Jane Doe and John Roe |
 * Staff writers"): capitalised words and glue words only, at least two capitalised words, no final stop
 * except after an initial.
 */
export function isNameList(text: string, maxWords = 12): boolean {
  const tokens = text.split(/[\s,|·•/]+/).filter(Boolean);
  if (tokens.length < 2 || tokens.length > maxWords) return false;
  let caps = 0;
  for (const t of tokens) {
    if (/^\p{Lu}[\p{L}'’.-]*$/u.test(t) || /^\p{Lu}\.$/u.test(t)) {
      if (NOT_NAMES.has(t.toLowerCase().replace(/\.$/, ""))) return false;
      caps++;
    } else if (!NAME_GLUE.has(t.toLowerCase())) return false;
  }
  return caps >= 2 && !/[!?:;]$/.test(text) && !/[^.\s]{3,}\.$/u.test(text);
}

const DATELINE_LINE = /^(?:[\p{Lu}][\p{Lu} .'’-]{2,40}(?:,\s*[\p{L}. ]{2,24}?\s*\d{0,2})?(?:\s*\([\p{L} .&-]{2,40}\))?|\([\p{Lu}][\p{L} .&-]{1,40}\))\s*[—–-]?$/u;

/**
 * A dateline opening a body paragraph: "CALDER, Oct. 3 (Northwire) —", "(Northwire) —", "PORT VERIN —".
 * Returns the length of the dateline (with its dash and the space after), or 0.
 */
export function datelinePrefix(text: string): number {
  const m =
    /^(?:[\p{Lu}][\p{Lu}'’.-]{2,}(?:\s[\p{Lu}][\p{Lu}'’.-]+){0,3}(?:,\s*[\p{Lu}][\p{L}.]*(?:\s[\p{Lu}][\p{L}.]*){0,2})?(?:,?\s+(?:[\p{Lu}][\p{L}]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[\p{Lu}][\p{L}]{2,8})(?:,\s*\d{4})?)?(?:\s*\([\p{Lu}][\p{L} .&-]{1,40}\))?|\([\p{Lu}][\p{L} .&-]{1,40}\))\s*(?:[—–]|--?)\s+(?=\S)/u.exec(
      text,
    );
  if (!m) return 0;
  // The all-caps form must really be all caps, and longer than an acronym ("EU – the bloc ..." is no dateline).
  const head = m[0].replace(/\(.*\)/, "");
  if (!m[0].startsWith("(") && !/\p{Lu}{4,}|\p{Lu}{2,}\s\p{Lu}{2,}|\([\p{Lu}]/u.test(m[0])) return 0;
  if (!m[0].startsWith("(") && /\p{Ll}/u.test(head.split(",")[0] ?? "")) return 0;
  return m[0].length;
}

// List headers naming the site or a section: "Latest from the Ledger", "More in World", "Also on Northwire".
const RELATED_HEADER_PREFIX = /^(?:more from|more in|more on|also on|elsewhere on|from around the web|around the web|from our partners|sponsored stories|promoted stories|you may like|recommended by)\b/;
const FEED_HEADER_PREFIX = /^(?:latest from|latest in|latest on|most read (?:on|in|from)|most popular (?:on|in|from)|top stories (?:on|in|from)|more headlines from|news from|other news)\b/;

function listHeaderPrefix(label: string): Omit<LineVerdict, "reason"> | undefined {
  if (RELATED_HEADER_PREFIX.test(label)) return { kind: "related", endMarker: true, listHeader: "related" };
  if (FEED_HEADER_PREFIX.test(label)) return { kind: "feed", endMarker: true, listHeader: "feed" };
  return undefined;
}

function normLabel(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, " ")
    .replace(/^[\s›»→▶►•·|+<>«]+|[\s›»→▶►•·|+<>:.…]+$/gu, "")
    .replace(/\s*\(\d+\)$/, "")
    .trim();
}

/**
 * Number of words of a text: matches of `[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*`. Counted by a scan written
 * by hand because it runs on every paragraph and the regular expression's match array was a measured cost:
 * a word starts at a letter or digit that follows neither a letter or digit nor a joiner ('’.-) that itself
 * follows one.
 */
export function wordCount(text: string): number {
  let count = 0;
  // Kinds of the previous two characters: 0 other, 1 letter or digit, 2 joiner.
  let prev = 0;
  let before = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    let kind: number;
    if (c < 128) kind = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : c === 39 || c === 46 || c === 45 ? 2 : 0;
    else if (c === 0x2019) kind = 2;
    else {
      // A surrogate pair is one character: test the whole code point.
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) c = text.codePointAt(i)!;
      kind = LETTER_OR_DIGIT.test(String.fromCodePoint(c)) ? 1 : 0;
      if (c > 0xffff) i++;
    }
    if (kind === 1 && prev !== 1 && !(prev === 2 && before === 1)) count++;
    before = prev;
    prev = kind;
  }
  return count;
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** Whitespace other than one plain space: a tab, a line break, a no-break space, two spaces... */
const MULTI_SPACE = /[^\S ]| {2}/;

/**
 * What one paragraph says about itself, or `null` when nothing on the line marks it as furniture.
 * `headlineLike` tells whether the paragraph reads like a headline (short, no final punctuation).
 */
export function lineRule(raw: string): LineVerdict | null {
  // Most lines have single spaces only: then trimming is all the normalising they need (no copy made).
  const text = (MULTI_SPACE.test(raw) ? raw.replace(/[\s\u00a0]+/g, " ") : raw).trim();
  const words = wordCount(text);
  if (words === 0) return { kind: "boilerplate", reason: "no words (punctuation or symbols only)" };
  // Word limits come before the patterns they guard: long body paragraphs skip most tests.
  const label = words <= 10 ? normLabel(text) : "";
  const known = LABELS[label] ?? (words <= 6 ? listHeaderPrefix(label) : undefined);
  if (known) return { ...known, reason: `page label "${text}"` };
  if (words <= 60 && isCopyright(text)) return { kind: "boilerplate", reason: "copyright line", endMarker: true };
  if (/^\d+\s*(?:-\s*)?(?:min(?:ute)?s?|m)\.?\s+(?:read|listen|watch)\b/i.test(text) || /^(?:reading|read|listening) time\b/i.test(text)) {
    return { kind: "metadata", reason: "reading time" };
  }
  const stamped = /^\(?\s*(?:updated|published|posted|last updated|modified|first published)\b:?/i.exec(text);
  const rest = stamped ? text.slice(stamped[0].length) : text;
  if ((words <= 16 && isStampLine(text)) || (stamped && (!/\p{L}/u.test(rest) || isStampLine(rest)))) {
    // A clock time alone separates the entries of a live report; a date or "ago" marks a page's list.
    const dated = new RegExp(`\\b(?:${MONTHS}|${WEEKDAYS}|ago|yesterday|today)\\b|\\d{4}|\\d{1,2}/\\d{1,2}`, "i").test(text);
    return { kind: "metadata", reason: "date or time stamp", ...(dated || stamped ? { endMarker: true } : {}) };
  }
  if (CREDIT_PREFIX.test(text)) return { kind: "caption", reason: "photo caption (agency/photographer credit before the dash)" };
  if (words <= 80 && TRAILING_CREDIT.test(text.length > 200 ? text.slice(-200) : text)) {
    return { kind: "caption", reason: "photo caption (picture credit at the end)" };
  }
  if (CAPTION_PAREN.test(text.length > 200 ? text.slice(-200) : text)) return { kind: "caption", reason: "photo caption (credit in brackets at the end)" };
  if (words <= 60 && CAPTION_PREFIX.test(text)) return { kind: "caption", reason: "photo caption (starts with a picture label)" };
  if (words <= 60 && /\bCredit(?:\.\.\.|…)\s*\S/.test(text)) return { kind: "caption", reason: 'photo caption ("Credit..." at the end)' };
  if (words <= 40 && CAPTION_WORDS.test(text) && !/[.!?]["”’)]?\s+\p{Lu}/u.test(text.slice(0, -1)))
    return { kind: "caption", reason: "photo caption (picture credit)" };
  if (words <= 30 && RELATED_PREFIX.test(text)) {
    return { kind: "related", reason: `link to another story ("${text.slice(0, text.search(/[:|›»]/) + 1)}")` };
  }
  if (words <= 25 && /\p{L}(?:\.\.\.|…)$/u.test(text) && !/[.!?]["”’)]?\s/u.test(text)) {
    return { kind: "related", reason: "truncated teaser ending in an ellipsis (a link to another story)", weak: true };
  }
  if (words <= 40 && CREDIT.test(text)) return { kind: "byline", reason: "reporting credit", endMarker: true };
  if (/^by\s+/i.test(text) && isNameList(text.replace(/^by\s+/i, ""), 16)) return { kind: "byline", reason: 'byline ("By ...")' };
  if (label && ROLE_LINE.test(label)) return { kind: "byline", reason: `author role label "${text}"` };
  if (words <= 40 && CLOSING_PREFIX.test(text)) return { kind: "boilerplate", reason: "closing note of the site", endMarker: true };
  if (words <= 40 && BOILER_PREFIX.test(text)) return { kind: "boilerplate", reason: "site boilerplate (subscription, sharing, notices)" };
  // A biography does not quote anyone: "Jane Doe is an editor at the Calder Mail, said ..." is body.
  if ((BIO.test(text) || BIO_COVERS.test(text)) && !/["“”]|\b(?:said|says|told)\b/.test(text)) {
    const subject = /^(?:[\p{Lu}][\p{L}'’.-]*\s+){0,3}[\p{Lu}][\p{L}'’.-]*/u.exec(text)?.[0] ?? "";
    return { kind: "boilerplate", reason: "author biography", endMarker: true, weak: true, subject };
  }
  if (words <= 14 && text.includes("@") && /[\w.+-]+@[\w-]+\.[\w.]+/.test(text) && !/[.!?]["”’)]?\s+\p{Lu}/u.test(text)) {
    return { kind: "byline", reason: "contact address", weak: true };
  }
  if (words <= 8 && /[,|]/.test(text) && isNameList(text, 8) && !DATELINE_LINE.test(text)) {
    return { kind: "byline", reason: "byline (name and outlet)", weak: true };
  }
  if (words <= 8 && DATELINE_LINE.test(text) && /\p{Lu}{3,}/u.test(text) && /\d|\(|,/.test(text)) {
    return { kind: "dateline", reason: "dateline" };
  }
  return null;
}

// Words a headline does not end with: a line ending with one is a sentence cut by a line break.
const TRAILING_FUNCTION_WORDS = new Set(
  "the a an of to in on at by for from with and or but as that which who whose than its their his her our your my is are was were be been has have had will would can could should may might this these those into onto about".split(" "),
);

/** Whether a text's last word is one a headline or a sentence does not end with ("the", "of", "and"). */
export function endsWithFunctionWord(text: string): boolean {
  const last = /([\p{L}']+)[^\p{L}]*$/u.exec(text)?.[1]?.toLowerCase();
  return last !== undefined && TRAILING_FUNCTION_WORDS.has(last);
}

/**
 * Whether a paragraph reads like a headline: at most `maxWords` words, no sentence-final punctuation (a
 * question mark only when `question` is set, as a headline may ask).
 */
export function isHeadlineLike(text: string, maxWords = 20, question = false): boolean {
  const t = text.trim();
  // A text this long cannot hold few enough words: skip counting them.
  if (t.length > maxWords * 40) return false;
  const words = wordCount(t);
  if (words === 0 || words > maxWords) return false;
  const bare = t.replace(/["'”’»)\]\s\u00a0]+$/u, "");
  if (/[.!;,:~…]$/.test(bare) && !/\b\p{Lu}\.$/u.test(bare)) return false;
  if (!question && bare.endsWith("?")) return false;
  // List items, web addresses, a sentence inside, a last word that cannot end a headline ("... won the"):
  // not a headline.
  if (/^(?:\d{1,3}[).]|[-–•*·▪►✓])\s/u.test(t) || /https?:|www\.|\.com\b|pic\.twitter/i.test(t)) return false;
  // (Two lower-case letters suffice: "{2,}" would rescan long runs of letters, quadratic on hostile lines.)
  if (/\p{Ll}{2}[.!?]["”’)]?\s+\p{Lu}/u.test(t)) return false;
  if (endsWithFunctionWord(bare)) return false;
  // Rows of figures (a table, a price list) are not headlines.
  const tokens = t.split(/\s+/);
  if (tokens.length >= 3 && tokens.filter((w) => /\d/.test(w)).length / tokens.length >= 0.3) return false;
  return /^["'“‘«(\p{Lu}\p{N}]/u.test(t);
}
