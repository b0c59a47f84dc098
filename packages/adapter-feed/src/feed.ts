import {
  assertSafeXml,
  cleanField,
  composeArticleText,
  decodeText,
  htmlToBody,
  inputHead,
  normaliseDate,
  NotAnArticleError,
  ParseError,
  parseJsonBounded,
  xmlRootElement,
  type AdapterArticle,
  type AdapterInput,
  type BodyText,
  type CorroborateError,
  type HtmlToText,
  type ItemsResult,
} from "@corroborate/core";
import { attr, child, children, isNode, namespacePrefixes, parseXmlFragment, splitItems, textOf, type XmlNode } from "./xml.js";

/** The feed formats this package reads. */
export type FeedKind = "rss" | "rdf" | "atom" | "json";

/** What a feed says about itself (its channel). */
export interface FeedInfo {
  kind: FeedKind;
  /** The channel or feed title: each item's outlet. */
  title: string | null;
  /** The site's address. */
  link: string | null;
  /** The channel's language (BCP 47), each item's language unless the item says otherwise. */
  language: string | null;
}

/** The result of {@link parseFeed}: the items read, each item that could not be read, and the channel. */
export interface FeedResult extends ItemsResult {
  feed: FeedInfo;
}

/** Options of {@link parseFeed} and the feed adapter. */
export interface FeedOptions {
  /** Turns HTML content into text with segments (default: core's plain `stripTags`; pass `htmlFragmentToText` of `@corroborate/adapter-html` for full extraction). */
  htmlToText?: HtmlToText;
}

const DC = "http://purl.org/dc/elements/1.1/";
/** Items parsed per parser run. */
const BATCH = 64;
const CONTENT = "http://purl.org/rss/1.0/modules/content/";

/**
 * Reads a feed, one article per item: RSS 2.0 (and 0.9x), RSS 1.0 (RDF), Atom (RFC 4287) or JSON
 * Feed 1.0/1.1. XML feeds are checked for entity declarations and absurd nesting first (a typed
 * {@link HostileInputError}), then each item is parsed on its own, so a malformed item lands in
 * `failures` (with its line) while the rest are read, and only one item's tree is held at a time.
 */
export function parseFeed(input: AdapterInput, options: FeedOptions = {}): FeedResult {
  const head = inputHead(input, 1024);
  return head.startsWith("{") ? parseJsonFeed(input, options) : parseXmlFeed(input, options);
}

function parseXmlFeed(input: AdapterInput, options: FeedOptions): FeedResult {
  const declared = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/.exec(inputHead(input, 256))?.[1] ?? null;
  const { text } = decodeText(input, { declared });
  assertSafeXml(input.name, text);
  const head = text.slice(0, 8192);
  const root = xmlRootElement(head);
  const kind: FeedKind | null = root === "rss" ? "rss" : root === "RDF" ? "rdf" : root === "feed" ? "atom" : null;
  if (!kind) throw new NotAnArticleError(input.name, `not a feed: the root element is <${root ?? "none"}>, not <rss>, <rdf:RDF> or <feed>`);
  // The root's start tag lies in the head where xmlRootElement found it; `[^<>]` keeps the search linear.
  const rootTag = /<(?:([\w.-]+):)?(?:rss|RDF|feed)\b[^<>]*>/.exec(head);
  const prefixes = namespacePrefixes(rootTag?.[0] ?? "");
  const names: Names = {
    dc: `${prefixes.get(DC) ?? "dc"}:`,
    content: `${prefixes.get(CONTENT) ?? "content"}:`,
    // An Atom document whose elements carry a prefix (`<atom:feed>`): its children carry it too.
    atom: kind === "atom" && rootTag?.[1] ? `${rootTag[1]}:` : "",
  };

  const failures: CorroborateError[] = [];
  const split = splitItems(text, kind === "atom" ? "entry" : "item");
  const channel = readChannel(input.name, split.skeleton, kind, names, failures);
  const articles: AdapterArticle[] = [];
  const lines = lineCounter(text);
  const readOne = (node: XmlNode, fragment: string, label: string) => {
    try {
      const fields = kind === "atom" ? readEntry(node, fragment, names, options) : readItem(node, names, options);
      articles.push(toArticle(input.name, label, fields, channel));
    } catch (error) {
      failures.push(error as CorroborateError);
    }
  };
  // Items are parsed in batches (one parser run per batch is much cheaper than one per item); a batch
  // that is not well-formed is parsed again item by item, so that only its broken items fail.
  const ranges = split.items;
  for (let from = 0; from < ranges.length; from += BATCH) {
    const batch = ranges.slice(from, from + BATCH);
    const fragments = batch.map((r) => text.slice(r.start, r.end));
    const labels = batch.map((r, i) => `item ${from + i + 1} (line ${lines(r.start)})`);
    if (batch.every((r) => r.closed)) {
      const parsed = parseXmlFragment(`<batch>${fragments.join("")}</batch>`);
      const root = "error" in parsed ? null : parsed.node.batch;
      // One element name only: with two (`item`, `rss:item`) the parser would group them out of order.
      const nodes = isNode(root) && Object.keys(root).length === 1 ? [Object.values(root)[0]].flat() : [];
      if (nodes.length === batch.length && nodes.every(isNode)) {
        nodes.forEach((node, i) => readOne(node as XmlNode, fragments[i]!, labels[i]!));
        continue;
      }
    }
    batch.forEach((range, i) => {
      if (!range.closed) {
        failures.push(new ParseError(input.name, `${labels[i]}: the element is not closed`));
        return;
      }
      const parsed = parseXmlFragment(fragments[i]!);
      if ("error" in parsed) {
        failures.push(new ParseError(input.name, `${labels[i]}: ${parsed.error}`));
        return;
      }
      readOne(Object.values(parsed.node).find(isNode) ?? {}, fragments[i]!, labels[i]!);
    });
  }
  return { articles, failures, feed: channel };
}

interface Names {
  dc: string;
  content: string;
  atom: string;
}

/** One item's fields before the channel's defaults are applied. */
interface ItemFields {
  title: string | null;
  body: string | BodyText | null;
  url: string | null;
  byline: string | null;
  publishedAt: string | null;
  language: string | null;
}

function readChannel(name: string, skeleton: string, kind: FeedKind, names: Names, failures: CorroborateError[]): FeedInfo {
  const info: FeedInfo = { kind, title: null, link: null, language: null };
  const parsed = parseXmlFragment(skeleton);
  if ("error" in parsed) {
    failures.push(new ParseError(name, `the feed's channel (outside its items) could not be read: ${parsed.error}`));
    return info;
  }
  const root = Object.entries(parsed.node).find(([key, value]) => !key.startsWith("?") && isNode(value))?.[1];
  if (kind === "atom") {
    info.title = cleanField(textOf(child(root, `${names.atom}title`)));
    info.link = alternateLink(children(root, `${names.atom}link`));
    info.language = language(attr(root, "xml:lang"));
  } else {
    const channel = child(root, "channel");
    info.title = cleanField(textOf(child(channel, "title")));
    info.link = cleanField(textOf(child(channel, "link")));
    info.language = language(textOf(child(channel, "language")) ?? textOf(child(channel, `${names.dc}language`)));
  }
  return info;
}

function readItem(item: XmlNode, names: Names, options: FeedOptions): ItemFields {
  const encoded = textOf(child(item, `${names.content}encoded`));
  const description = textOf(child(item, "description"));
  const guid = child(item, "guid");
  const guidText = textOf(guid);
  const link =
    cleanField(textOf(child(item, "link"))) ??
    (guidText && attr(guid, "isPermaLink") !== "false" && /^https?:\/\//i.test(guidText) ? guidText : null) ??
    attr(item, "rdf:about");
  const creators = children(item, `${names.dc}creator`).map(textOf);
  // RSS 2.0 <author> is an e-mail address, often with the name in parentheses: "desk@x.example (Ana Ruiz)".
  const authors = children(item, "author").map((a) => {
    const t = textOf(a);
    return t ? (/\(([^)]+)\)\s*$/.exec(t)?.[1] ?? t) : null;
  });
  return {
    title: cleanField(textOf(child(item, "title"))),
    body: encoded?.trim() ? htmlToBody(encoded, options.htmlToText) : description?.trim() ? maybeHtml(description, options) : null,
    url: link && /^https?:\/\//i.test(link) ? link : null,
    byline: joinNames([...creators, ...authors]),
    publishedAt: normaliseDate(textOf(child(item, "pubDate")) ?? textOf(child(item, `${names.dc}date`))),
    language: language(textOf(child(item, `${names.dc}language`))),
  };
}

function readEntry(entry: XmlNode, fragment: string, names: Names, options: FeedOptions): ItemFields {
  const a = names.atom;
  const body = atomText(child(entry, `${a}content`), "content", fragment, a, options) ?? atomText(child(entry, `${a}summary`), "summary", fragment, a, options);
  const title = atomText(child(entry, `${a}title`), "title", fragment, a, options);
  const id = textOf(child(entry, `${a}id`));
  return {
    title: cleanField(typeof title === "string" ? title : (title?.text ?? null)),
    body,
    url: alternateLink(children(entry, `${a}link`)) ?? (id && /^https?:\/\//i.test(id) ? id : null),
    byline: joinNames(children(entry, `${a}author`).map((au) => textOf(child(au, `${a}name`)))),
    publishedAt: normaliseDate(textOf(child(entry, `${a}published`)) ?? textOf(child(entry, `${a}updated`))),
    language: language(attr(entry, "xml:lang") ?? attr(child(entry, `${a}content`), "xml:lang")),
  };
}

/** An Atom text construct (RFC 4287 §3.1): `type` text (default), html (escaped markup) or xhtml (a div of markup). */
function atomText(node: unknown, element: string, fragment: string, prefix: string, options: FeedOptions): string | BodyText | null {
  if (node === undefined || attr(node, "src")) return null;
  const type = (attr(node, "type") ?? "text").toLowerCase();
  if (type === "xhtml" || type === "application/xhtml+xml") {
    // The markup is parsed into elements; take it raw from the item's own text instead.
    const raw = new RegExp(`<${prefix}${element}\\b[^>]*>([\\s\\S]*?)</${prefix}${element}\\s*>`).exec(fragment)?.[1];
    return raw?.trim() ? htmlToBody(raw, options.htmlToText) : null;
  }
  const value = textOf(node);
  if (!value?.trim()) return null;
  return type === "html" || type === "text/html" ? htmlToBody(value, options.htmlToText) : value.trim();
}

function parseJsonFeed(input: AdapterInput, options: FeedOptions): FeedResult {
  const data = parseJsonBounded(input.name, decodeText(input).text);
  if (!isNode(data) || typeof data.version !== "string" || !/jsonfeed\.org\/version\/1/.test(data.version)) {
    throw new NotAnArticleError(input.name, "not a JSON Feed: no \"version\": \"https://jsonfeed.org/version/1.1\"");
  }
  const feed: FeedInfo = {
    kind: "json",
    title: cleanField(str(data.title)),
    link: cleanField(str(data.home_page_url)),
    language: language(str(data.language)),
  };
  const items = Array.isArray(data.items) ? data.items : [];
  const articles: AdapterArticle[] = [];
  const failures: CorroborateError[] = [];
  for (let i = 0; i < items.length; i++) {
    const item: unknown = items[i];
    items[i] = null; // Let the parsed item go as soon as it is read.
    const label = `item ${i + 1}${isNode(item) && typeof item.id === "string" ? ` (${item.id})` : ""}`;
    try {
      if (!isNode(item)) throw new ParseError(input.name, `${label}: is not a JSON object`);
      const html = str(item.content_html);
      const plain = str(item.content_text) ?? str(item.summary);
      const authors = Array.isArray(item.authors) ? item.authors : item.author ? [item.author] : [];
      const url = str(item.url) ?? str(item.external_url);
      const fields: ItemFields = {
        title: cleanField(str(item.title)),
        body: html?.trim() ? htmlToBody(html, options.htmlToText) : plain?.trim() ? plain.trim() : null,
        url: url && /^https?:\/\//i.test(url) ? url : null,
        byline: joinNames(authors.map((a) => (isNode(a) ? str(a.name) : null))),
        publishedAt: normaliseDate(str(item.date_published) ?? str(item.date_modified)),
        language: language(str(item.language)),
      };
      articles.push(toArticle(input.name, label, fields, feed));
    } catch (error) {
      failures.push(error as CorroborateError);
    }
  }
  return { articles, failures, feed };
}

function toArticle(name: string, label: string, fields: ItemFields, feed: FeedInfo): AdapterArticle {
  if (!fields.title && !fields.body) throw new ParseError(name, `${label}: holds neither a title nor any content`);
  const { text, segments } = composeArticleText({ title: fields.title, body: fields.body ?? "" });
  return {
    text,
    segments,
    title: fields.title,
    outlet: feed.title,
    url: fields.url,
    byline: fields.byline,
    publishedAt: fields.publishedAt,
    language: fields.language ?? feed.language,
  };
}

/** RSS descriptions are escaped HTML more often than not: HTML when it holds markup, else plain text. */
function maybeHtml(value: string, options: FeedOptions): string | BodyText {
  return /<\/?[a-z][a-z0-9]*\b[^<>]*>|&(?:#\d+|#x[0-9a-f]+|[a-z]+);/i.test(value) ? htmlToBody(value, options.htmlToText) : value.trim();
}

function alternateLink(links: unknown[]): string | null {
  const candidates = links.filter(isNode);
  const alternate = candidates.find((l) => (attr(l, "rel") ?? "alternate") === "alternate" && /html/.test(attr(l, "type") ?? "html")) ??
    candidates.find((l) => (attr(l, "rel") ?? "alternate") === "alternate");
  return cleanField(attr(alternate, "href"));
}

function joinNames(names: (string | null)[]): string | null {
  const out = [...new Set(names.map(cleanField).filter((n): n is string => !!n))];
  return out.length ? out.join(", ") : null;
}

/** A language tag in canonical BCP 47 case (`en-us` → `en-US`); null when empty or not a tag. */
function language(value: string | null): string | null {
  const v = cleanField(value);
  if (!v) return null;
  try {
    return Intl.getCanonicalLocales(v)[0] ?? null;
  } catch {
    return null;
  }
}

/** Line numbers of increasing offsets, counted incrementally (linear over the whole document). */
function lineCounter(text: string): (offset: number) => number {
  let at = 0;
  let line = 1;
  return (offset) => {
    for (let i = text.indexOf("\n", at); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) {
      line++;
      at = i + 1;
    }
    return line;
  };
}

function str(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}
