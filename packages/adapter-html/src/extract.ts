/**
 * A page's article, in named stages: parse (linkedom) → bound → metadata → locate the article
 * (Mozilla Readability) → blocks → classify → lay out text and segments.
 */
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { cleanField, detectArticleLanguage, NotAnArticleError, stripTags, type BodyText, type Segment, type SegmentKind } from "@corroborate/core";
import { assertBoundedHtml, stripInert, type PageLimits } from "./bounds.js";
import { classifyBlocks, collectBlocks, type Block, type ClassifiedBlock } from "./blocks.js";
import { readMetadata, languageTag, type PageMetadata } from "./metadata.js";

/** Options of {@link extractPage}. */
export interface ExtractOptions extends PageLimits {
  /** Least body text (characters, in body, heading and quote segments) for a page to count as an article (default 200). */
  minBodyChars?: number;
}

/** An article read out of a page: its metadata, text and classified segments. */
export interface PageArticle extends PageMetadata {
  /** The text: headline, byline, then every block of the article's container, blank-line separated. */
  text: string;
  /** Segments indexing into `text`, one per block. */
  segments: Segment[];
}

/** Segment kinds that make up the article's own text (what an extraction benchmark compares). */
export const ARTICLE_TEXT_KINDS: ReadonlySet<SegmentKind> = new Set(["body", "heading", "quote"]);

/**
 * Parses HTML into a DOM with linkedom (htmlparser2 underneath: a streaming, forgiving parser that is
 * ~10× faster than jsdom), after cutting scripts, styles, SVG and comments ({@link stripInert}) and
 * refusing markup nested deeper or larger than the limits ({@link assertBoundedHtml}).
 */
export function parseDocument(html: string, name: string, limits: PageLimits = {}): Document {
  const lean = stripInert(html);
  assertBoundedHtml(lean, name, limits);
  const wrapped = /<(?:html|body)[\s>]/i.test(lean.slice(0, 65536)) ? lean : `<!DOCTYPE html><html><head></head><body>${lean}</body></html>`;
  const { document } = parseHTML(wrapped) as unknown as { document: Document };
  return document;
}

/**
 * Reads the article out of a full HTML page. Readability (Mozilla's reader-view algorithm) finds the
 * element that holds the article; each block in it is then classified (see `classifyBlocks`). When the
 * markup yields no article but the page's JSON-LD carries an `articleBody`, that body is used (the page
 * declares itself an article, so no minimum length applies). A page whose container is a list of teasers
 * (four or more linked headlines, at most two paragraphs each) is an index page. A page
 * with neither (an index page, an empty shell, a script-only app) is a {@link NotAnArticleError}.
 */
export function extractPage(html: string, name: string, options: ExtractOptions = {}): PageArticle {
  const document = parseDocument(html, name, options);
  const metadata = readMetadata(document, name);
  const found = locateArticle(document);
  const title = metadata.title ?? cleanField(found?.title) ?? metadata.documentTitle;
  const byline = metadata.byline ?? plausibleByline(found?.byline);
  const raw = found?.content ? collectBlocks(found.content) : [];
  const blocks = classifyBlocks(raw, { title, byline });
  const teasers = linkedHeadlines(raw);
  const paragraphs = blocks.filter((b) => b.kind === "body").length;
  if (teasers >= 4 && teasers * 2 >= paragraphs && !metadata.articleBody) {
    throw new NotAnArticleError(name, `the page lists ${teasers} linked headlines with ${paragraphs} paragraphs between them: an index page, not an article`);
  }
  const minBody = options.minBodyChars ?? 200;
  let parts = blocks;
  let bodyChars = articleChars(blocks);
  if (bodyChars < minBody && metadata.articleBody && metadata.articleBody.length > bodyChars) {
    parts = metadata.articleBody
      .split(/\n+/)
      .map((line) => line.replace(/\s+/g, " ").trim())
      .filter(Boolean)
      .map((text) => ({ text, kind: "body" as const, reason: "JSON-LD articleBody" }));
    bodyChars = articleChars(parts);
  }
  const declared = parts !== blocks;
  if (bodyChars < minBody && !declared) {
    throw new NotAnArticleError(
      name,
      bodyChars === 0
        ? "no article text found in the page (an index page, an empty shell or a script-only page?)"
        : `only ${bodyChars} characters of article text found (fewer than ${minBody}): not an article page`,
    );
  }
  const head: ClassifiedBlock[] = [];
  if (title) head.push({ text: title, kind: "title", reason: title === metadata.title ? "page metadata headline" : "document title" });
  if (byline && !parts.some((p) => p.kind === "byline")) head.push({ text: byline, kind: "byline", reason: "page metadata author" });
  const { text, segments } = layoutBlocks([...head, ...parts.filter((p) => !(p.kind === "title" && title))]);
  return {
    ...metadata,
    title,
    byline,
    outlet: metadata.outlet ?? cleanField(found?.siteName),
    publishedAt: metadata.publishedAt,
    language: metadata.language ?? languageTag(found?.lang) ?? detectLanguage(parts),
    text,
    segments,
  };
}

/** Readability's byline guess (from `class="byline|author|dateline"`), unless it is a date line; a leading "By" dropped. */
function plausibleByline(value: string | null | undefined): string | null {
  const v = cleanField(value)?.replace(/^by\s+/i, "");
  if (!v || v.length > 120) return null;
  if (/^(?:published|updated|posted|last updated|modified)\b/i.test(v) || /\b\d{4}\b|\d{1,2}:\d{2}/.test(v)) return null;
  return v;
}

type Located = { title: string | null | undefined; byline: string | null | undefined; siteName: string | null | undefined; lang: string | null | undefined; content: Element | null | undefined };

function locateArticle(document: Document): Located | null {
  try {
    return new Readability<Element>(document, { serializer: (el) => el as Element, keepClasses: true }).parse();
  } catch {
    return null; // Readability throws on documents it cannot walk (no body); the page then has no article in its markup.
  }
}

/** The language of the article's own text, by core's detector (null when it cannot tell): for pages that do not declare one. */
function detectLanguage(blocks: readonly ClassifiedBlock[]): string | null {
  const text = blocks.filter((b) => b.kind === "body").map((b) => b.text).join("\n");
  return detectArticleLanguage(text)?.language ?? null;
}

/** Headings that are links (a teaser's headline on an index page). */
function linkedHeadlines(blocks: readonly Block[]): number {
  return blocks.filter((b) => b.context.heading > 0 && b.linkChars > 0.6 * b.text.length).length;
}

function articleChars(blocks: readonly ClassifiedBlock[]): number {
  let n = 0;
  for (const b of blocks) if (ARTICLE_TEXT_KINDS.has(b.kind)) n += b.text.length;
  return n;
}

/** Lays classified blocks out as text (blocks separated by a blank line) with one segment per block. */
export function layoutBlocks(blocks: readonly ClassifiedBlock[]): BodyText {
  let text = "";
  const segments: Segment[] = [];
  for (const block of blocks) {
    if (text) text += "\n\n";
    segments.push({ start: text.length, end: text.length + block.text.length, kind: block.kind, language: null, reason: block.reason });
    text += block.text;
  }
  return { text, segments };
}

/**
 * Turns an HTML fragment (a feed item's `content:encoded`, a ninjs `body_html`, a JSON-LD
 * `articleBody` in HTML) into text with classified segments: paragraphs as `body`, `<h2>` as
 * `heading`, `<blockquote>` as `quote`, `<figcaption>` as `caption`, link lists as `related`,
 * newsletter and share boxes as `boilerplate`. The whole fragment is kept (no Readability pass: a
 * fragment is already the article). Entities are decoded by the HTML parser. Markup past the limits of
 * {@link assertBoundedHtml} goes through core's linear `stripTags` instead, so a hostile feed item
 * still costs linear time.
 */
export function htmlFragmentToText(html: string): BodyText {
  const lean = stripInert(html);
  try {
    assertBoundedHtml(lean, "html fragment");
  } catch {
    // Hostile markup inside a feed item: core's linear tag stripper still gives the text, unclassified.
    return stripTags(lean);
  }
  const { document } = parseHTML(`<!DOCTYPE html><html><head></head><body>${lean}</body></html>`) as unknown as { document: Document };
  const body = document.body ?? document.documentElement;
  if (!body) return { text: "", segments: [] };
  return layoutBlocks(classifyBlocks(collectBlocks(body)));
}
