import {
  defineAdapter,
  DEFAULT_MAX_BYTES,
  inputExtension,
  inputHead,
  xmlRootElement,
  type Adapter,
  type AdapterArticle,
  type AdapterInput,
  type ParseOptions,
} from "@corroborate/core";
import { decodeHtml, isGzip } from "./decode.js";
import { extractPage, type ExtractOptions, type PageArticle } from "./extract.js";

/** Options of {@link htmlAdapter}. */
export type HtmlAdapterOptions = ExtractOptions;

const HTML_EXTENSIONS = new Set(["html", "htm", "xhtml", "shtml", "xht"]);

/**
 * Reads one HTML page (bytes, gzip or not, or a decoded string) into its article: charset sniffed as
 * browsers do ({@link decodeHtml}), article found and classified ({@link extractPage}).
 */
export async function parseHtmlPage(input: AdapterInput, options: HtmlAdapterOptions & { maxBytes?: number } = {}): Promise<PageArticle> {
  const { text } = await decodeHtml(input, { maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES });
  return extractPage(text, input.name, options);
}

/**
 * The HTML adapter: a saved web page becomes one article (in Node and in browsers: no `node:` import). Its text is the headline, the byline and
 * every block of the article's container, each a classified segment (`body`, `heading`, `quote`,
 * `caption`, `byline`, `boilerplate`, `related`, `metadata`); navigation, comments and page chrome
 * outside the container are left out. Metadata comes from JSON-LD, OpenGraph / `article:` meta tags,
 * `<link rel=canonical>`, `<time>` and `<html lang>`.
 */
export function htmlAdapter(options: HtmlAdapterOptions = {}): Adapter {
  return defineAdapter({
    name: "html",
    detect: detectHtml,
    async parse(input: AdapterInput, parseOptions: ParseOptions): Promise<AdapterArticle[]> {
      const page = await parseHtmlPage(input, { ...options, maxBytes: parseOptions.maxBytes ?? DEFAULT_MAX_BYTES });
      return [
        {
          text: page.text,
          segments: page.segments,
          title: page.title,
          byline: page.byline,
          publishedAt: page.publishedAt,
          outlet: page.outlet,
          url: page.url ?? (/^https?:\/\//i.test(input.name) ? input.name : null),
          language: page.language,
          knownEntities: page.knownEntities,
        },
      ];
    },
  });
}

/**
 * How likely the input is an HTML page: 0.95 by extension (`.html`, `.htm`, also gzipped) or media type
 * (`text/html`, `application/xhtml+xml`); 0.9 when it starts with a doctype or `<html>`; 0.7 when
 * `<head>`, `<body>` or `<meta>`/`<title>` appear near the start; 0 otherwise (XML whose root is not
 * `<html>` — feeds, NewsML — JSON, text, gzip without an HTML name).
 */
export function detectHtml(input: AdapterInput): number {
  const type = (input.mediaType ?? "").toLowerCase();
  const ext = inputExtension(input);
  if (type.startsWith("text/html") || type.startsWith("application/xhtml+xml")) return 0.95;
  if (HTML_EXTENSIONS.has(ext)) return 0.95;
  if (isGzip(input.data)) return 0;
  const head = inputHead(input, 2048).toLowerCase();
  const root = xmlRootElement(head);
  if (head.startsWith("<?xml") && root !== "html") return 0;
  const start = head.replace(/^(?:<\?xml[^>]*>\s*|<!--[\s\S]*?-->\s*)*/, "");
  if (/^<!doctype\s+html/.test(start) || /^<html[\s>]/.test(start)) return 0.9;
  if (/<(?:head|body)[\s>]/.test(head) || (/^<(?:meta|title|link)[\s>]/.test(start) && !/^<\?xml/.test(head))) return 0.7;
  return 0;
}

export { decodeHtml, gunzip, isGzip, sniffHtmlEncoding, type DecodeHtmlOptions } from "./decode.js";
export {
  ARTICLE_TEXT_KINDS,
  extractPage,
  htmlFragmentToText,
  layoutBlocks,
  parseDocument,
  type ExtractOptions,
  type PageArticle,
} from "./extract.js";
export { assertBoundedHtml, stripInert, type PageLimits } from "./bounds.js";
export { classifyBlocks, collectBlocks, type Block, type BlockContext, type ClassifiedBlock, type ClassifyOptions } from "./blocks.js";
export { readMetadata, languageTag, type PageMetadata } from "./metadata.js";
