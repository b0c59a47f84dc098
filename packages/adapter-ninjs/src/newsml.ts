import { XMLParser, XMLValidator } from "fast-xml-parser";
import {
  assertSafeXml,
  cleanField,
  composeArticleText,
  htmlToBody,
  decodeText,
  defineAdapter,
  inputHead,
  normaliseDate,
  NotAnArticleError,
  ParseError,
  settleItems,
  xmlRootElement,
  type Adapter,
  type AdapterArticle,
  type AdapterInput,
  type BodyText,
  type CorroborateError,
  type HtmlToText,
  type ItemsResult,
  type KnownEntity,
  type ParseOptions,
} from "@corroborate/core";

type Node = Record<string, unknown>;

/** Options of {@link newsmlAdapter} and {@link parseNewsml}. */
export interface NewsmlOptions {
  /** Turns the XHTML of `inlineXML` into text with segments (default: core's plain `stripTags`; pass `htmlFragmentToText` of `@corroborate/adapter-html` for full extraction). */
  htmlToText?: HtmlToText;
}

const REPEATED = new Set(["newsItem", "headline", "by", "dateline", "subject", "name", "creator", "infoSource", "inlineXML", "inlineData", "language", "located", "copyrightHolder"]);

/**
 * fast-xml-parser set up for untrusted news XML: no entity declarations (refused before parsing by
 * `assertSafeXml`; limits here as a second guard), `inlineXML` kept as raw XHTML for the HTML
 * extractor, namespace prefixes dropped (`nar:headline` is `headline`), values kept as strings.
 */
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  removeNSPrefix: true,
  stopNodes: ["*.inlineXML"],
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: { enabled: true, maxEntityCount: 0 },
  htmlEntities: true,
  isArray: (name) => REPEATED.has(name),
});

/** Subject types (NewsML-G2 `cpnat:` concept natures) that name entities, and their type in the model. */
const SUBJECT_TYPES: Record<string, KnownEntity["type"]> = {
  person: "person",
  organisation: "organization",
  organization: "organization",
  geoArea: "place",
  poi: "place",
  event: "event-name",
  object: "other",
};

/**
 * Reads a NewsML-G2 document: a `newsItem`, or a `newsMessage` whose `itemSet` holds several.
 * Each text item becomes an article: `contentMeta` headline, `by`, `dateline`, `language`, subjects
 * (people, organisations, places) as known entities; `itemMeta` `versionCreated` (or `firstCreated`)
 * and provider; the `inlineXML` XHTML body as text (or `inlineData`). Items without text are failures.
 */
export function parseNewsml(input: AdapterInput, options: NewsmlOptions = {}): ItemsResult {
  const { text } = decodeText(input);
  assertSafeXml(input.name, text);
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new ParseError(input.name, `malformed XML at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`);
  }
  const doc = parser.parse(text) as Node;
  const items: Node[] = [];
  if (isNode(doc.newsMessage)) {
    for (const set of many(doc.newsMessage.itemSet)) if (isNode(set)) items.push(...many(set.newsItem).filter(isNode));
  }
  items.push(...many(doc.newsItem).filter(isNode));
  if (items.length === 0) throw new NotAnArticleError(input.name, "no NewsML-G2 newsItem in the document");
  const articles: AdapterArticle[] = [];
  const failures: CorroborateError[] = [];
  items.forEach((item, index) => {
    const label = `newsItem ${index + 1}${typeof item["@_guid"] === "string" ? ` (${item["@_guid"]})` : ""}`;
    const article = readNewsItem(item, options);
    if (article) articles.push(article);
    else failures.push(new ParseError(input.name, `${label}: holds no text (no inlineXML or inlineData body)`));
  });
  return { articles, failures };
}

/** The NewsML-G2 adapter (`newsItem`, or a `newsMessage` of several). */
export function newsmlAdapter(options: NewsmlOptions = {}): Adapter {
  return defineAdapter({
    name: "newsml",
    detect: detectNewsml,
    parse(input: AdapterInput, parseOptions: ParseOptions) {
      return settleItems(input.name, parseNewsml(input, options), parseOptions, "newsItem");
    },
  });
}

/** How likely the input is NewsML-G2: by its root element (`newsItem`, `newsMessage`, any prefix) or the G2 namespace. */
export function detectNewsml(input: AdapterInput): number {
  const head = inputHead(input);
  if (!head.startsWith("<")) return 0;
  const root = xmlRootElement(head);
  if (root === "newsItem" || root === "newsMessage") return 0.95;
  if (root && /iptc\.org\/std\/nar\//.test(head)) return 0.6;
  return 0;
}

function readNewsItem(item: Node, options: NewsmlOptions): AdapterArticle | null {
  const meta = isNode(item.itemMeta) ? item.itemMeta : {};
  const content = isNode(item.contentMeta) ? item.contentMeta : {};
  const set = isNode(item.contentSet) ? item.contentSet : {};
  const body = itemBody(set, options);
  if (!body) return null;
  const headlines = many(content.headline);
  const main = headlines.find((h) => !isNode(h) || h["@_role"] === undefined || /main/.test(String(h["@_role"]))) ?? headlines[0];
  const title = cleanField(text(main));
  const { text: articleText, segments } = composeArticleText({ title, dateline: text(first(content.dateline)), body });
  const guid = typeof item["@_guid"] === "string" ? item["@_guid"] : null;
  const language = first(content.language);
  return {
    text: articleText,
    segments,
    title,
    outlet: outlet(meta, content, item),
    url: guid && /^https?:\/\//i.test(guid) ? guid : null,
    byline: cleanField(text(first(content.by))) ?? names(content.creator),
    publishedAt: normaliseDate(text(meta.versionCreated) ?? text(meta.firstCreated) ?? text(content.contentCreated)),
    language: cleanField(isNode(language) ? String(language["@_tag"] ?? "") : null) ?? cleanField(String(item["@_lang"] ?? "")),
    knownEntities: knownEntities(content),
  };
}

function itemBody(set: Node, options: NewsmlOptions): string | BodyText | null {
  const xhtml = text(first(set.inlineXML));
  if (xhtml?.trim()) return htmlToBody(xhtml, options.htmlToText);
  const data = text(first(set.inlineData));
  return data?.trim() ? data.trim() : null;
}

function outlet(meta: Node, content: Node, item: Node): string | null {
  const provider = first(meta.provider);
  const rights = first(item.rightsInfo);
  const holder = isNode(rights) ? first(rights.copyrightHolder) : undefined;
  const candidates = [
    isNode(provider) ? text(first(provider.name)) : null,
    isNode(provider) ? text(provider["@_literal"]) : null,
    names(content.infoSource),
    isNode(holder) ? text(first(holder.name)) ?? text(holder["@_literal"]) : null,
  ];
  return candidates.map(cleanField).find((c) => c) ?? null;
}

function names(list: unknown): string | null {
  const out = many(list)
    .map((n) => (isNode(n) ? text(first(n.name)) ?? text(n["@_literal"]) : null))
    .map(cleanField)
    .filter((n): n is string => !!n);
  return out.length ? [...new Set(out)].join(", ") : null;
}

function knownEntities(content: Node): KnownEntity[] {
  const out: KnownEntity[] = [];
  const seen = new Set<string>();
  const add = (name: string | null, type: KnownEntity["type"], uri: string | null, aliases: string[] = []) => {
    const n = cleanField(name);
    if (!n || seen.has(`${type}:${n}`)) return;
    seen.add(`${type}:${n}`);
    out.push({ name: n, type, aliases: aliases.filter((a) => a !== n), uri });
  };
  for (const subject of many(content.subject).filter(isNode)) {
    const nature = String(subject["@_type"] ?? "").replace(/^.*:/, "");
    const type = SUBJECT_TYPES[nature];
    if (!type) continue;
    const labels = many(subject.name).map(text).map(cleanField).filter((n): n is string => !!n);
    add(labels[0] ?? null, type, text(subject["@_uri"]) ?? text(subject["@_qcode"]), labels.slice(1));
  }
  for (const located of many(content.located).filter(isNode)) add(text(first(located.name)), "place", text(located["@_qcode"]));
  return out;
}

function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function many(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function first(value: unknown): unknown {
  return many(value)[0];
}

/** An element's text: the string itself, or `#text` when it has attributes. */
function text(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (isNode(value) && (typeof value["#text"] === "string" || typeof value["#text"] === "number")) return String(value["#text"]);
  return null;
}
