import {
  cleanField,
  composeArticleText,
  htmlToBody,
  decodeText,
  defineAdapter,
  inputHead,
  normaliseDate,
  ParseError,
  parseJsonBounded,
  settleItems,
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

type Json = Record<string, unknown>;

/** Options of {@link ninjsAdapter} and {@link readNinjs}. */
export interface NinjsOptions {
  /** Turns an HTML body into text with segments (default: core's plain `stripTags`; pass `htmlFragmentToText` of `@corroborate/adapter-html` for full extraction). */
  htmlToText?: HtmlToText;
}

/** Where each ninjs major version keeps the entities an item declares, and their type in the model. */
const ENTITY_KEYS: [key: string, type: KnownEntity["type"]][] = [
  // ninjs 2.x and 3.x
  ["people", "person"],
  ["organisations", "organization"],
  ["places", "place"],
  ["events", "event-name"],
  ["subjects", "other"],
  // ninjs 1.x
  ["person", "person"],
  ["organisation", "organization"],
  ["place", "place"],
  ["event", "event-name"],
  ["subject", "other"],
];

/**
 * Reads one ninjs item (1.x, 2.x or 3.x) into an article, or throws a {@link ParseError} naming
 * `label` when it holds no text. Fields: `headlines[]` (2.x/3.x) or `headline` (1.x); `bodies[]`
 * (2.x `contenttype`, 3.x `contentType`) or `body_html` / `body_text` (1.x), HTML preferred for
 * its structure; `versioncreated` / `versionCreated` (then first-created); `by` / `byline`;
 * `language`; `located`; and the declared people, organisations, places, events and subjects.
 */
export function readNinjs(name: string, item: Json, label = "item", options: NinjsOptions = {}): AdapterArticle {
  const title = cleanField(headline(item));
  const body = itemBody(item, options);
  if (!body) throw new ParseError(name, `${label}${typeof item.uri === "string" ? ` (${item.uri})` : ""}: holds no text body`);
  const { text, segments } = composeArticleText({ title, body });
  const uri = str(item.uri);
  return {
    text,
    segments,
    title,
    outlet: outlet(item),
    url: uri && /^https?:\/\//i.test(uri) ? uri : null,
    byline: cleanField(str(item.by) ?? str(item.byline)),
    publishedAt: normaliseDate(
      str(item.versioncreated) ?? str(item.versionCreated) ?? str(item.firstcreated) ?? str(item.firstCreated) ?? null,
    ),
    language: cleanField(str(item.language)),
    knownEntities: knownEntities(item),
  };
}

/** Decodes a ninjs input: one item (an object) or several (an array of items); JSON bombs refused. */
export function parseNinjs(input: AdapterInput, options: NinjsOptions = {}): ItemsResult {
  const data = parseJsonBounded(input.name, decodeText(input).text);
  const items = Array.isArray(data) ? data : [data];
  const articles: AdapterArticle[] = [];
  const failures: CorroborateError[] = [];
  items.forEach((item, index) => {
    const label = Array.isArray(data) ? `item ${index + 1}` : "the item";
    try {
      if (!isObject(item)) throw new ParseError(input.name, `${label}: is not a JSON object`);
      articles.push(readNinjs(input.name, item, label, options));
    } catch (error) {
      failures.push(error as CorroborateError);
    }
  });
  return { articles, failures };
}

/** The IPTC ninjs adapter (versions 1.x, 2.x and 3.x; an item or an array of items). */
export function ninjsAdapter(options: NinjsOptions = {}): Adapter {
  return defineAdapter({
    name: "ninjs",
    detect: detectNinjs,
    parse(input: AdapterInput, parseOptions: ParseOptions) {
      return settleItems(input.name, parseNinjs(input, options), parseOptions);
    },
  });
}

const NINJS_KEYS = /"(?:versioncreated|versionCreated|firstcreated|firstCreated|headlines|bodies|body_text|body_html|byline|located|representationtype|pubstatus|copyrightholder|renditions|associations)"\s*:/g;

/** How likely the input is ninjs: its `uri` plus ninjs property names near the start (never JSON-LD or JSON Feed). */
export function detectNinjs(input: AdapterInput): number {
  const head = inputHead(input);
  if (!head.startsWith("{") && !head.startsWith("[")) return 0;
  if (/"@context"\s*:|jsonfeed\.org\/version/.test(head)) return 0;
  const named = /\.ninjs(\.json)?$/i.test(input.name) || /ninjs/i.test(input.mediaType ?? "");
  const markers = new Set(head.match(NINJS_KEYS) ?? []).size;
  const schema = /"\$schema"\s*:\s*"[^"]*ninjs|"standard"\s*:\s*\{\s*"name"\s*:\s*"ninjs"/.test(head);
  const uri = /"uri"\s*:/.test(head);
  if (schema || (named && (uri || markers > 0))) return 0.95;
  if (uri && markers >= 1) return 0.9;
  if (markers >= 2) return 0.7;
  return 0;
}

function headline(item: Json): string | null {
  const list = Array.isArray(item.headlines) ? item.headlines.filter(isObject) : [];
  const main = list.find((h) => h.role === "main") ?? list.find((h) => h.role === undefined) ?? list[0];
  return str(main?.value) ?? str(item.headline);
}

function itemBody(item: Json, options: NinjsOptions): string | BodyText | null {
  const bodies = Array.isArray(item.bodies) ? item.bodies.filter(isObject) : [];
  if (bodies.length > 0) {
    const main = bodies.filter((b) => b.role === undefined || b.role === "main" || b.role === "body");
    const pool = main.length ? main : bodies;
    const type = (b: Json) => String(b.contenttype ?? b.contentType ?? "text/plain").toLowerCase();
    const html = pool.find((b) => /html/.test(type(b)) && str(b.value)?.trim());
    if (html) return htmlToBody(str(html.value)!, options.htmlToText);
    const plain = pool.find((b) => str(b.value)?.trim());
    if (plain) return str(plain.value)!.trim();
  }
  const html = str(item.body_html) ?? str(item.body_xhtml);
  if (html?.trim()) return htmlToBody(html, options.htmlToText);
  const plain = str(item.body_text);
  if (plain?.trim()) return plain.trim();
  // A summary is better than nothing: ninjs 2.x/3.x `descriptions[]`, 1.x `description_text`.
  const descriptions = Array.isArray(item.descriptions) ? item.descriptions.filter(isObject) : [];
  const description = str(descriptions.find((d) => str(d.value)?.trim())?.value) ?? str(item.description_text);
  return description?.trim() ? description.trim() : null;
}

function outlet(item: Json): string | null {
  const sources = [item.infosources, item.infoSources].find(Array.isArray) as unknown[] | undefined;
  const source = sources?.filter(isObject).find((s) => typeof s.name === "string");
  return cleanField(str(source?.name) ?? str(item.copyrightholder) ?? str(item.copyrightHolder));
}

function knownEntities(item: Json): KnownEntity[] {
  const out: KnownEntity[] = [];
  const seen = new Set<string>();
  const add = (name: string | null, type: KnownEntity["type"], uri: string | null) => {
    const n = cleanField(name);
    if (!n || seen.has(`${type}:${n}`)) return;
    seen.add(`${type}:${n}`);
    out.push({ name: n, type, aliases: [], uri });
  };
  for (const [key, type] of ENTITY_KEYS) {
    const list = item[key];
    if (!Array.isArray(list)) continue;
    for (const e of list.filter(isObject)) {
      const scheme = str(e.scheme);
      const code = str(e.code);
      const uri = str(e.uri) ?? (scheme && code ? `${scheme}${/[/#:]$/.test(scheme) ? "" : "/"}${code}` : null);
      add(str(e.name), type, uri);
    }
  }
  // `located`: a string in 1.x/2.x, an object with a name in some 3.x feeds.
  const located = isObject(item.located) ? str(item.located.name) : str(item.located);
  add(located, "place", null);
  return out;
}

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}
