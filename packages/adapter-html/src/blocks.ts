/**
 * From a DOM subtree to classified text blocks: paragraphs, headings, quotes, captions, bylines,
 * boilerplate and related links.
 *
 * Why by hand: Readability (which picks the article's container, see extract.ts) returns the container's
 * HTML but does not say what each paragraph inside is; no maintained library classifies the paragraphs of
 * an article (caption vs body vs "sign up for our newsletter" box). The rules here read the markup
 * (`<figcaption>`, `<blockquote>`, `<h2>`, class names such as `caption`, `byline`, `newsletter`) and
 * the text's link density, as boilerplate-removal papers do (Kohlschütter et al., "Boilerplate detection
 * using shallow text features"), and never name a site.
 */
import type { SegmentKind } from "@corroborate/core";

/** One block of text found in the markup, with what the markup says about it. */
export interface Block {
  /** The block's text, whitespace collapsed, lines kept where the markup had `<br>`. */
  text: string;
  /** Characters of the text that sit inside links. */
  linkChars: number;
  /** The tag of the innermost block element holding the text (`p`, `h2`, `li`, `figcaption`...). */
  tag: string;
  /** What the enclosing markup says. */
  context: BlockContext;
}

/** What the ancestors of a block say about it. */
export interface BlockContext {
  /** Heading level 1-6, 0 outside headings. */
  heading: number;
  caption: boolean;
  figure: boolean;
  quote: boolean;
  listItem: boolean;
  aside: boolean;
  /** Class and id hints of the ancestors (and the block), lower-cased, space separated. */
  hints: string;
}

/** A classified block. */
export interface ClassifiedBlock {
  text: string;
  kind: SegmentKind;
  reason: string;
}

const BLOCK_TAGS = new Set([
  "address", "article", "aside", "blockquote", "center", "details", "dialog", "dd", "div", "dl", "dt", "fieldset",
  "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li",
  "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption", "ul",
  "summary", "body", "html",
]);

/** Elements whose content is never article text. */
const SKIP_TAGS = new Set([
  "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas", "video", "audio",
  "button", "select", "input", "textarea", "option", "head", "title", "meta", "link", "picture", "source", "map",
]);

const EMPTY_CONTEXT: BlockContext = {
  heading: 0,
  caption: false,
  figure: false,
  quote: false,
  listItem: false,
  aside: false,
  hints: "",
};

/** Element and text node shapes this walker needs (DOM, linkedom and jsdom all have them). */
type DomNode = Pick<Node, "nodeType" | "childNodes" | "nodeValue">;
type DomElement = DomNode & Pick<Element, "localName" | "getAttribute">;

/** Most nesting followed; deeper content is read as text of the block at this depth. */
const MAX_DEPTH = 400;

/**
 * Walks an element's subtree and returns its text blocks in document order. Iterative (an explicit
 * stack), so deeply nested markup cannot overflow the call stack.
 */
export function collectBlocks(root: DomNode): Block[] {
  const blocks: Block[] = [];
  let text = "";
  let owner: { tag: string; context: BlockContext } = { tag: "div", context: EMPTY_CONTEXT };
  // Text nodes' whitespace (source line breaks included) is one space, as browsers render it; only `<br>`
  // adds a line break, and two `<br>` in a row (a blank line) start a new block, as in pages that write
  // paragraphs as `text<br><br>text`. Link text is tracked by offsets so each such block gets its own density.
  let links: [number, number][] = [];
  const flush = () => {
    const pieces = text.split(/\n[ \u00a0\u200b]*\n/);
    let offset = 0;
    for (const piece of pieces) {
      const start = offset;
      offset += piece.length + 1;
      const clean = piece
        .split("\n")
        .map((line) => line.replace(/[\s\u00a0\u200b]+/g, " ").trim())
        .filter(Boolean)
        .join("\n");
      if (!clean) continue;
      let linked = 0;
      for (const [a, b] of links) linked += Math.max(0, Math.min(b, start + piece.length) - Math.max(a, start));
      blocks.push({ text: clean, linkChars: Math.min(linked, clean.length), tag: owner.tag, context: owner.context });
    }
    text = "";
    links = [];
  };
  type Frame = { node: DomNode; context: BlockContext; tag: string; link: boolean; depth: number } | { end: string; tag: string; context: BlockContext };
  const stack: Frame[] = [{ node: root, context: EMPTY_CONTEXT, tag: "div", link: false, depth: 0 }];
  while (stack.length) {
    const frame = stack.pop()!;
    if ("end" in frame) {
      flush();
      owner = { tag: frame.tag, context: frame.context };
      continue;
    }
    const { node } = frame;
    if (node.nodeType === 3) {
      const value = (node.nodeValue ?? "").replace(/[\s\u00a0\u200b]+/g, " ");
      if (!text.trim()) owner = { tag: frame.tag, context: frame.context };
      if (frame.link) links.push([text.length, text.length + value.length]);
      text += value;
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const el = node as DomElement;
    const tag = node.nodeType === 1 ? (el.localName ?? "").toLowerCase() : "div";
    if (SKIP_TAGS.has(tag)) continue;
    if (tag === "br") {
      text += "\n";
      continue;
    }
    if (node.nodeType === 1 && isHidden(el)) continue;
    const isBlock = BLOCK_TAGS.has(tag) && frame.depth < MAX_DEPTH;
    let context = frame.context;
    let blockTag = frame.tag;
    if (node.nodeType === 1) {
      const hint = `${el.getAttribute("class") ?? ""} ${el.getAttribute("id") ?? ""} ${el.getAttribute("itemprop") ?? ""} ${el.getAttribute("data-component") ?? ""}`
        .replace(/\s+/g, " ")
        .trim();
      const heading = /^h[1-6]$/.test(tag) ? Number(tag[1]) : 0;
      if (hint || heading || isBlock) {
        context = {
          heading: heading || context.heading,
          caption: context.caption || tag === "figcaption" || tag === "caption",
          figure: context.figure || tag === "figure",
          quote: context.quote || tag === "blockquote",
          listItem: context.listItem || tag === "li",
          aside: context.aside || tag === "aside",
          hints: hint ? (context.hints ? `${context.hints} ${hint}` : hint).slice(-400) : context.hints,
        };
      }
      if (isBlock) blockTag = tag;
    }
    const children = node.childNodes;
    if (isBlock) {
      flush();
      owner = { tag: blockTag, context };
      stack.push({ end: tag, tag: frame.tag, context: frame.context });
    }
    const link = frame.link || tag === "a";
    for (let i = children.length - 1; i >= 0; i--) {
      stack.push({ node: children[i]!, context, tag: blockTag, link, depth: frame.depth + 1 });
    }
  }
  flush();
  return blocks;
}

function isHidden(el: DomElement): boolean {
  if (el.getAttribute("hidden") !== null || el.getAttribute("aria-hidden") === "true") return true;
  const style = el.getAttribute("style");
  return !!style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

// Class/id hints, matched on the parts of each class or id token (`article-caption` → article, caption;
// `imageCredit` → image, credit), never on substrings, so `tag-city-council` (a WordPress taxonomy class)
// is not a tag list. Tokens that also say "this is the content" (`entry-content-read-more`) are not
// read as boilerplate or related links.
const CAPTION_PARTS = new Set(["caption", "figcaption", "credit", "credits", "photocredit", "imagecredit", "captiontext"]);
const BYLINE_PARTS = new Set(["byline", "byl", "author", "authors", "contributor", "contributors", "writer", "dateline"]);
const BOILERPLATE_PARTS = new Set([
  "newsletter", "newsletters", "subscribe", "subscription", "signup", "promo", "promotion", "advert", "advertisement", "ad", "ads",
  "adslot", "sponsor", "sponsored", "social", "share", "sharing", "sharebar", "comment", "comments", "disclaimer", "copyright",
  "cookie", "cookies", "donate", "donation", "tags", "taglist", "breadcrumb", "breadcrumbs", "toolbar", "cta", "bio", "footer",
]);
const RELATED_PARTS = new Set(["related", "recommended", "recommendations", "trending", "popular", "recirc", "recirculation", "outbrain", "taboola", "morestories", "readmore", "seealso"]);
const RELATED_PAIRS = new Set(["more stories", "read more", "see also", "most popular", "most read", "further reading", "also read", "more news", "you may"]);
const CONTENT_PARTS = new Set(["content", "body", "article", "entry", "text", "story", "main", "post", "paragraph"]);

/** Which classes of hint a block's ancestors carry. */
interface HintFlags {
  caption: boolean;
  byline: boolean;
  boilerplate: boolean;
  related: boolean;
}

const hintCache = new Map<string, HintFlags>();

function hintFlags(hints: string): HintFlags {
  const cached = hintCache.get(hints);
  if (cached) return cached;
  const flags: HintFlags = { caption: false, byline: false, boilerplate: false, related: false };
  for (const token of hints.split(" ")) {
    const parts = token
      .replace(/([a-z])([A-Z])/g, "$1 $2")
      .toLowerCase()
      .split(/[\s_-]+/)
      .filter(Boolean);
    if (parts.some((p) => CAPTION_PARTS.has(p))) flags.caption = true;
    if (parts.some((p) => BYLINE_PARTS.has(p))) flags.byline = true;
    if (parts.some((p) => CONTENT_PARTS.has(p))) continue;
    if (parts.some((p) => BOILERPLATE_PARTS.has(p)) || parts.join("").includes("signup")) flags.boilerplate = true;
    if (parts.some((p) => RELATED_PARTS.has(p)) || parts.some((p, i) => RELATED_PAIRS.has(`${p} ${parts[i + 1]}`))) flags.related = true;
  }
  if (hintCache.size > 10_000) hintCache.clear();
  hintCache.set(hints, flags);
  return flags;
}

// Text patterns of page furniture that sits inside article containers, in several languages' usual
// English forms. Matched only on short blocks.
const BOILERPLATE_TEXT = new RegExp(
  [
    "^advertisement$",
    "^(?:story continues|article continues|continue reading)\\b",
    "^(?:sign up|subscribe)\\b",
    "\\b(?:newsletter|inbox)\\b.*\\b(?:sign up|subscribe)\\b",
    "\\b(?:sign up|subscribe)\\b.*\\b(?:newsletter|inbox|updates|alerts)\\b",
    "^(?:follow|like) (?:us|him|her|them|me)\\b",
    "\\bfollow (?:us|him|her|them|me) on (?:twitter|x|facebook|instagram|linkedin)\\b",
    "\\b(?:this|our) (?:web)?site uses cookies\\b",
    "\\b(?:may|can) be reached at\\b",
    "\\b(?:contains?|includes?) affiliate\\b|\\baffiliate links?\\b",
    "^share (?:this|on|via)\\b",
    "^(?:click|tap) here\\b",
    "^(?:image|photo|picture|video)(?: copyright| credit| source)?:",
    "^(?:copyright|©|\\(c\\))\\s",
    "all rights reserved",
    "^(?:this (?:article|story|post) (?:was|has been|is) (?:originally|first|updated|amended|corrected|published))",
    "^(?:we (?:may )?(?:earn|receive) (?:a )?commission)",
    "^(?:read|see|watch|listen)(?: more| also| next)?:",
    "^(?:related|more|recommended|trending|most (?:read|popular))(?: (?:stories|articles|coverage|reading|news|content))?:?$",
    "^(?:getty images|reuters|ap photo|afp)(?:\\s|$)",
    "^(?:loading|please wait)\\b",
    "^skip to (?:main )?(?:content|navigation)\\b",
    "\\bby clicking here$",
  ].join("|"),
  "i",
);

const RELATED_TEXT = /^[[(]?(?:read more|related|see also|more on this|more from|recommended|you (?:may|might) also like|also read|further reading)\b|^more\b.{0,30}\b(?:stories|news|articles|coverage|reading)$/i;

/** An author's bio, as pages put it under the article: "Jane Roe is a reporter at ...". */
const BIO_TEXT =
  /^\p{Lu}[\p{L}.'’-]+(?: \p{Lu}[\p{L}.'’-]+){0,3} (?:is|was|has been) (?:a|an|the|our)?\b.{0,80}\b(?:writer|reporter|editor|correspondent|journalist|columnist|contributor|author|curator|producer|blogger|critic|freelancer|native)\b/u;

/** A line that only dates the article: "Updated Nov 19, 9:41 AM", "14 May 2024, 07:45", "2024-05-14". */
const DATE_LINE =
  /^(?:(?:updated|published|posted|last updated|last modified|modified|first published)\b|(?:(?:mon|tue|wed|thu|fri|sat|sun)\w*\.?,?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\.?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?\d{4}\b|\d{4}-\d{2}-\d{2}\b|\d{1,2}[./]\d{1,2}[./]\d{2,4}\b)/i;

const BYLINE_TEXT = /^(?:by|written by|words by|reporting by|von|par|por)\s+\p{Lu}/iu;

/** Wire-service credit lines: "(Reporting by A; Editing by B)". */
const CREDIT_TEXT = /^\(?(?:additional )?(?:reporting|writing|editing|compiled|edited|written) by\b/i;

/** Photo credits closing or opening a paragraph: "(AP Photo/Jane Roe)", "| Getty Images", "Image: ...". */
const PHOTO_CREDIT_TEXT = /\((?:[\w ]{0,20}\b)?(?:photo|image|picture|foto)s?\b[^()]{0,80}\)\s*$|\b(?:getty images|ap photo|shutterstock)\s*\)?\s*$|^\(?(?:image|photo|picture|credit)s?(?: credit)?:/i;

/** How much of a block's text sits inside links (0..1). */
function linkDensity(block: Block): number {
  return block.text.length ? block.linkChars / block.text.length : 0;
}

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Options of {@link classifyBlocks}. */
export interface ClassifyOptions {
  /** The article's headline: a heading repeating it is classified `title`. */
  title?: string | null;
  /** The byline found in metadata: a block repeating it is classified `byline`. */
  byline?: string | null;
}

/**
 * Classifies each block: `title`, `heading`, `quote`, `caption`, `byline`, `boilerplate`, `related`,
 * `metadata` (date lines) or `body`. The `reason` names the rule that fired.
 */
export function classifyBlocks(blocks: readonly Block[], options: ClassifyOptions = {}): ClassifiedBlock[] {
  const title = normaliseForCompare(options.title);
  const byline = normaliseForCompare(options.byline);
  const out = blocks.map((block) => classifyOne(block, title, byline));
  settleListRuns(blocks, out);
  keepLoneLinks(blocks, out);
  settleTail(out);
  return out;
}

function classifyOne(block: Block, title: string, byline: string): ClassifiedBlock {
  const { text, context } = block;
  const n = words(text);
  const density = linkDensity(block);
  const hints = hintFlags(context.hints);
  const short = n <= 25;
  const kind = (k: SegmentKind, reason: string): ClassifiedBlock => ({ text, kind: k, reason });
  const normalised = normaliseForCompare(text);
  if (title && normalised === title) return kind("title", "repeats the headline");
  if (context.caption) return kind("caption", `<${block.tag === "caption" ? "caption" : "figcaption"}>`);
  if (context.figure && short) return kind("caption", "text inside <figure>");
  if (hints.caption && n <= 60 && !context.heading) return kind("caption", "caption class");
  if (n <= 14 && DATE_LINE.test(text) && !/[.!?]["”’)]?$/.test(text) && !context.heading) return kind("metadata", "date line");
  if (byline && short && (normalised === byline || normalised === `by ${byline}`)) return kind("byline", "repeats the byline");
  if (short && BYLINE_TEXT.test(text) && n <= 12) return kind("byline", "starts with 'By'");
  if (n <= 50 && CREDIT_TEXT.test(text)) return kind("byline", "reporting/editing credit");
  if (n <= 60 && PHOTO_CREDIT_TEXT.test(text) && !context.heading) return kind("caption", "photo credit");
  if (short && hints.byline && !context.heading) return kind("byline", "byline class");
  if (hints.related && (density > 0.3 || short)) return kind("related", "related-links class");
  if (short && RELATED_TEXT.test(text) && (density > 0.2 || /:$/.test(text) || n <= 6)) return kind("related", "read-more text");
  if (hints.boilerplate && (short || density > 0.5)) return kind("boilerplate", "boilerplate class");
  if (short && BOILERPLATE_TEXT.test(text)) return kind("boilerplate", "page-furniture text");
  if (density > 0.6 && block.tag === "p" && n >= 40 && /[.!?]["”’)]?$/.test(text)) return kind("body", "long paragraph with many links");
  if (density > 0.6 && n >= 1) return kind(context.listItem || n <= 20 ? "related" : "boilerplate", "mostly link text");
  if (/^[\p{P}\p{S}\s]*$/u.test(text)) return kind("boilerplate", "no words");
  if (context.heading) return kind("heading", `<h${context.heading}>`);
  if (context.quote) return kind("quote", "<blockquote>");
  if (context.aside && short) return kind("boilerplate", "<aside>");
  return kind("body", block.tag === "p" ? "<p>" : `text in <${block.tag}>`);
}

/** A run of 3+ list items that are all short and mostly links is a link list, even when one item escapes. */
function settleListRuns(blocks: readonly Block[], out: ClassifiedBlock[]): void {
  let i = 0;
  while (i < blocks.length) {
    if (!blocks[i]!.context.listItem) {
      i++;
      continue;
    }
    let j = i;
    while (j < blocks.length && blocks[j]!.context.listItem) j++;
    const run = blocks.slice(i, j);
    const linky = run.filter((b) => linkDensity(b) > 0.6).length;
    if (run.length >= 3 && linky / run.length >= 0.75) {
      for (let k = i; k < j; k++) if (out[k]!.kind === "body") out[k] = { ...out[k]!, kind: "related", reason: "list of links" };
    }
    i = j;
  }
}

/**
 * The end of an article container: an author's bio among its last three blocks is `byline`, and the list
 * right under a "More ... stories" / "Related" line is `related`.
 */
function settleTail(out: ClassifiedBlock[]): void {
  for (let i = Math.max(0, out.length - 3); i < out.length; i++) {
    const c = out[i]!;
    if (c.kind === "body" && words(c.text) <= 80 && BIO_TEXT.test(c.text)) out[i] = { ...c, kind: "byline", reason: "author bio" };
  }
  for (let i = 0; i < out.length - 1; i++) {
    const c = out[i]!;
    if (c.kind !== "related" || c.reason !== "read-more text" || /[.!?]$/.test(c.text) || words(c.text) > 8) continue;
    for (let j = i + 1; j < out.length && out[j]!.kind === "body" && out[j]!.reason === "text in <li>"; j++) {
      out[j] = { ...out[j]!, kind: "related", reason: "list under a related-stories line" };
    }
  }
}

/**
 * A single link-dense paragraph between two content paragraphs is a link the article itself gives (a
 * shop, a source, an account), not a list of related stories: it is kept as `body`. Teasers written in
 * capitals ("SEE MORE OF OUR COVERAGE") stay `related`.
 */
function keepLoneLinks(blocks: readonly Block[], out: ClassifiedBlock[]): void {
  const content = (c: ClassifiedBlock | undefined) => !!c && (c.kind === "body" || c.kind === "heading" || c.kind === "quote");
  for (let i = 1; i < out.length - 1; i++) {
    const c = out[i]!;
    if (c.reason !== "mostly link text" || blocks[i]!.context.heading) continue;
    if (!content(out[i - 1]) || !content(out[i + 1])) continue;
    const letters = c.text.replace(/[^\p{L}]/gu, "");
    if (words(c.text) >= 4 && letters.length > 0 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) continue;
    out[i] = { ...c, kind: "body", reason: "a lone link between paragraphs" };
  }
}

function normaliseForCompare(value: string | null | undefined): string {
  return (value ?? "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}
