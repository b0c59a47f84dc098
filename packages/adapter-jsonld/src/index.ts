import {
  cleanField,
  composeArticleText,
  decodeText,
  defineAdapter,
  htmlToBody,
  inputExtension,
  inputHead,
  normaliseDate,
  NotAnArticleError,
  ParseError,
  parseJsonBounded,
  settleItems,
  type Adapter,
  type AdapterArticle,
  type AdapterInput,
  type CorroborateError,
  type HtmlToText,
  type ItemsResult,
  type KnownEntity,
  type ParseOptions,
} from "@corroborate/core";

/** schema.org types read as news articles (NewsArticle, its subtypes, and Article). */
export const ARTICLE_TYPES: ReadonlySet<string> = new Set([
  "Article",
  "NewsArticle",
  "ReportageNewsArticle",
  "AnalysisNewsArticle",
  "BackgroundNewsArticle",
  "OpinionNewsArticle",
  "ReviewNewsArticle",
  "AskPublicNewsArticle",
]);

const PERSON_TYPES = new Set(["Person"]);
const ORGANIZATION_TYPES = new Set(["Organization", "NewsMediaOrganization", "GovernmentOrganization", "Corporation", "NGO"]);
const PLACE_TYPES = new Set(["Place", "City", "Country", "AdministrativeArea", "State", "Landform"]);
const EVENT_TYPES = new Set(["Event"]);

type Node = Record<string, unknown>;

/** Options of {@link jsonLdAdapter} and {@link readJsonLd}. */
export interface JsonLdOptions {
  /**
   * Turns an HTML `articleBody` into text with segments (default: {@link stripTags}; pass
   * `htmlFragmentToText` of `@corroborate/adapter-html` for full extraction).
   */
  htmlToText?: HtmlToText;
}

/**
 * Reads the schema.org articles in parsed JSON-LD: a node, an array of nodes, or a `@graph`
 * (nested graphs included). `@id` references (an author given as `{"@id": "#a1"}`) are resolved
 * within the document. Each article node without any text (no `articleBody` nor `description`) is
 * a failure; the others are returned.
 */
export function readJsonLd(name: string, data: unknown, options: JsonLdOptions = {}): ItemsResult {
  const ids = new Map<string, Node>();
  const found: Node[] = [];
  collect(data, ids, found);
  const articles: AdapterArticle[] = [];
  const failures: CorroborateError[] = [];
  found.forEach((node, index) => {
    const label = `article ${index + 1}${typeof node["@id"] === "string" ? ` (${node["@id"]})` : ""}`;
    const article = readArticle(node, ids, options);
    if (article) articles.push(article);
    else failures.push(new ParseError(name, `${label}: has neither articleBody nor description`));
  });
  if (found.length === 0) {
    failures.push(new NotAnArticleError(name, `no schema.org ${[...ARTICLE_TYPES].slice(0, 3).join("/")} node in the JSON-LD`));
  }
  return { articles, failures };
}

/** Decodes and parses a JSON-LD input (JSON bombs refused) and reads its articles with {@link readJsonLd}. */
export function parseJsonLd(input: AdapterInput, options: JsonLdOptions = {}): ItemsResult {
  const { text } = decodeText(input);
  return readJsonLd(input.name, parseJsonBounded(input.name, text), options);
}

/**
 * The JSON-LD adapter: one article per schema.org `NewsArticle` / `Article` node (`headline`,
 * `articleBody`, `datePublished`, `author`, `publisher`, `inLanguage`, `url`, `dateline`), with
 * the people, organisations and places of `about`, `mentions` and `contentLocation` as known entities.
 */
export function jsonLdAdapter(options: JsonLdOptions = {}): Adapter {
  return defineAdapter({
    name: "jsonld",
    detect: detectJsonLd,
    parse(input: AdapterInput, parseOptions: ParseOptions) {
      return settleItems(input.name, parseJsonLd(input, options), parseOptions, "article");
    },
  });
}

/** How likely the input is schema.org JSON-LD: by extension or media type, else by `@context`/`@type` near the start. */
export function detectJsonLd(input: AdapterInput): number {
  const type = (input.mediaType ?? "").toLowerCase();
  const head = inputHead(input);
  if (!head.startsWith("{") && !head.startsWith("[")) return 0;
  const schema = /"@context"\s*:\s*(?:"https?:\/\/schema\.org|\{[^}]*schema\.org|\[[^\]]*schema\.org)/.test(head);
  const typed = /"@type"\s*:\s*\[?\s*"(?:schema:|https?:\/\/schema\.org\/)?(?:\w*NewsArticle|Article)"/.test(head);
  const graph = /"@graph"\s*:/.test(head);
  if (inputExtension(input) === "jsonld" || type.startsWith("application/ld+json")) return 0.95;
  if (schema && (typed || graph)) return 0.9;
  if (schema || typed) return 0.6;
  return 0;
}

function collect(value: unknown, ids: Map<string, Node>, found: Node[]): void {
  if (Array.isArray(value)) {
    for (const v of value) collect(v, ids, found);
    return;
  }
  if (!isNode(value)) return;
  if (typeof value["@id"] === "string" && Object.keys(value).length > 1) ids.set(value["@id"], value);
  if (types(value).some((t) => ARTICLE_TYPES.has(t))) {
    found.push(value);
    return;
  }
  for (const [key, v] of Object.entries(value)) {
    if (key === "@context") continue;
    collect(v, ids, found);
  }
}

function readArticle(node: Node, ids: Map<string, Node>, options: JsonLdOptions): AdapterArticle | null {
  const title = cleanField(str(node.headline) ?? str(node.name) ?? str(node.alternativeHeadline));
  const rawBody = str(node.articleBody) ?? str(node.text) ?? str(node.description);
  if (!rawBody || !rawBody.trim()) return null;
  const body = looksLikeHtml(rawBody) ? htmlToBody(rawBody, options.htmlToText) : rawBody.trim();
  const { text, segments } = composeArticleText({ title, dateline: str(node.dateline), body });
  const publisher = deref(first(node.publisher) ?? first(node.sourceOrganization), ids);
  return {
    text,
    segments,
    title,
    outlet: cleanField(typeof publisher === "string" ? publisher : str(publisher?.name)),
    url: articleUrl(node),
    byline: names(node.author, ids) ?? names(node.creator, ids),
    publishedAt: normaliseDate(str(node.datePublished) ?? str(node.dateCreated)),
    language: language(node.inLanguage ?? node.language, ids),
    knownEntities: entities(node, ids),
  };
}

function articleUrl(node: Node): string | null {
  const page = first(node.mainEntityOfPage);
  const candidates = [str(node.url), typeof page === "string" ? page : isNode(page) ? (str(page["@id"]) ?? str(page.url)) : null, str(node["@id"])];
  return candidates.find((c): c is string => !!c && /^https?:\/\//i.test(c)) ?? null;
}

function names(value: unknown, ids: Map<string, Node>): string | null {
  const out: string[] = [];
  for (const v of many(value)) {
    const node = deref(v, ids);
    const name = typeof node === "string" ? node : str(node?.name);
    const c = cleanField(name);
    if (c && !out.includes(c)) out.push(c);
  }
  return out.length ? out.join(", ") : null;
}

function language(value: unknown, ids: Map<string, Node>): string | null {
  const v = deref(first(value), ids);
  if (typeof v === "string") return cleanField(v);
  if (!v) return null;
  const code = [str(v.alternateName), str(v.name)].find((c) => c && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(c));
  return code ?? null;
}

function entities(node: Node, ids: Map<string, Node>): KnownEntity[] {
  const out: KnownEntity[] = [];
  const seen = new Set<string>();
  for (const key of ["about", "mentions", "contentLocation", "locationCreated"]) {
    for (const v of many(node[key])) {
      const n = deref(v, ids);
      if (!n || typeof n === "string") continue;
      const name = cleanField(str(n.name));
      const kind = entityType(types(n), key);
      if (!name || !kind || seen.has(`${kind}:${name}`)) continue;
      seen.add(`${kind}:${name}`);
      const aliases = many(n.alternateName).map(str).filter((a): a is string => !!a && a !== name);
      const uri = str(n["@id"]) ?? str(first(n.sameAs)) ?? null;
      out.push({ name, type: kind, aliases, uri: uri && /^[a-z]+:/i.test(uri) ? uri : null });
    }
  }
  return out;
}

function entityType(nodeTypes: string[], key: string): KnownEntity["type"] | null {
  if (nodeTypes.some((t) => PERSON_TYPES.has(t))) return "person";
  if (nodeTypes.some((t) => ORGANIZATION_TYPES.has(t))) return "organization";
  if (nodeTypes.some((t) => PLACE_TYPES.has(t)) || key === "contentLocation" || key === "locationCreated") return "place";
  if (nodeTypes.some((t) => EVENT_TYPES.has(t))) return "event-name";
  return nodeTypes.length ? "other" : null;
}

function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The node's `@type`s, without a `schema:` or `https://schema.org/` prefix. */
function types(node: Node): string[] {
  return many(node["@type"])
    .filter((t): t is string => typeof t === "string")
    .map((t) => t.replace(/^(?:schema:|https?:\/\/schema\.org\/)/, ""));
}

function many(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value;
  if (isNode(value) && Array.isArray(value["@list"])) return value["@list"] as unknown[];
  return [value];
}

function first(value: unknown): unknown {
  return many(value)[0];
}

/** A JSON-LD value as a string: a string, a number, `{"@value": ...}`, or the first of an array. */
function str(value: unknown): string | null {
  const v = first(value);
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(v);
  if (isNode(v) && (typeof v["@value"] === "string" || typeof v["@value"] === "number")) return String(v["@value"]);
  return null;
}

function deref(value: unknown, ids: Map<string, Node>): Node | string | null {
  if (typeof value === "string") return value;
  if (!isNode(value)) return null;
  if (typeof value["@id"] === "string" && Object.keys(value).length === 1) return ids.get(value["@id"]) ?? null;
  return value;
}

function looksLikeHtml(text: string): boolean {
  return /<\/?(?:p|br|div|span|a|em|strong|b|i|h[1-6]|ul|ol|li|blockquote|figure)\b[^<>]*>/i.test(text);
}

export { htmlToBody, stripTags, type HtmlToText } from "@corroborate/core";
