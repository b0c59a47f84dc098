/**
 * The metadata a news page declares about itself: schema.org JSON-LD (`NewsArticle` and kin),
 * OpenGraph and `article:` meta tags, Dublin Core and other common `<meta name>`s, `<link rel=canonical>`,
 * `<time datetime>` and `<html lang>`. Read before Readability runs, because Readability edits the document.
 */
import { decodeHTML } from "entities";
import { readJsonLd } from "@corroborate/adapter-jsonld";
import { cleanField, normaliseDate, parseJsonBounded, type KnownEntity } from "@corroborate/core";

/** Metadata found in a page (each field null when the page does not say). */
export interface PageMetadata {
  /** The headline the page declares (JSON-LD `headline`, `og:title`, `twitter:title`). */
  title: string | null;
  /** The document's `<title>`, often with the site's name appended. */
  documentTitle: string | null;
  byline: string | null;
  /** ISO 8601, with the page's UTC offset kept. */
  publishedAt: string | null;
  /** The site's name (`og:site_name`, the JSON-LD publisher). */
  outlet: string | null;
  /** The canonical URL (`<link rel=canonical>`, `og:url`, the JSON-LD url). */
  url: string | null;
  /** BCP 47 tag from `<html lang>`, `content-language`, `og:locale` or JSON-LD `inLanguage`. */
  language: string | null;
  /** The description (`og:description`, `<meta name=description>`). */
  description: string | null;
  /** The JSON-LD `articleBody`, when the page carries one (used when no article body is found in the markup). */
  articleBody: string | null;
  /** The schema.org type of the page's article node, when there is one (`NewsArticle`). */
  schemaType: string | null;
  /** The people, organisations and places the JSON-LD article is `about` or `mentions` (read by `@corroborate/adapter-jsonld`). */
  knownEntities: KnownEntity[];
}

const ARTICLE_TYPE = /^(?:\w*NewsArticle|Article|BlogPosting|LiveBlogPosting|Report|ScholarlyArticle|TechArticle|SocialMediaPosting)$/;

type Node = Record<string, unknown>;

/** Reads a page's metadata from its document (before any extraction edits it). */
export function readMetadata(document: Document, name: string): PageMetadata {
  const meta = metaTags(document);
  const found = jsonLdArticle(document, name);
  const ld = found?.node ?? null;
  const get = (...keys: string[]) => {
    for (const k of keys) {
      const v = field(meta.get(k));
      if (v) return v;
    }
    return null;
  };
  // In order of trust; a selector list would return the first match in document order instead.
  const time =
    firstAttribute(document, "[itemprop=datePublished][datetime]", "datetime") ??
    firstAttribute(document, "[itemprop=datePublished][content]", "content") ??
    firstAttribute(document, "time[pubdate][datetime]", "datetime") ??
    firstAttribute(document, "article time[datetime]", "datetime") ??
    firstAttribute(document, "time[datetime]", "datetime");
  const published =
    [ld && str(ld.datePublished), get("article:published_time", "og:published_time", "og:article:published_time"),
      get("datepublished", "publishdate", "pubdate", "publish-date", "publication_date", "date", "dc.date.issued", "dc.date",
        "dcterms.created", "dcterms.date", "sailthru.date", "parsely-pub-date", "article.published", "originalpublicationdate"),
      time, ld && str(ld.dateCreated), get("article:modified_time", "og:updated_time")]
      .map((v) => normaliseDate(v ?? null) ?? looseDate(v ?? null))
      .find((v) => v) ?? null;
  const canonical = document.querySelector("link[rel~=canonical]")?.getAttribute("href");
  const htmlLang = document.documentElement?.getAttribute("lang") ?? document.documentElement?.getAttribute("xml:lang");
  const ldLanguage = ld ? str(ld.inLanguage) : null;
  const locale = get("og:locale");
  return {
    title: field(ld && str(ld.headline)) ?? get("og:title", "twitter:title", "dc.title", "headline"),
    documentTitle: cleanField(document.querySelector("title")?.textContent),
    byline: withoutBy((ld && names(ld.author)) ?? authorMeta(get("author", "article:author", "dc.creator", "byl", "sailthru.author", "parsely-author"))),
    publishedAt: published,
    outlet: siteName(get("og:site_name", "application-name", "publisher") ?? (ld && names(ld.publisher)) ?? null),
    url: [canonical, get("og:url"), ld && (str(ld.url) ?? str(ld.mainEntityOfPage))].find((u): u is string => !!u && /^https?:\/\//i.test(u.trim()))?.trim() ?? null,
    language: languageTag(htmlLang) ?? languageTag(get("content-language", "language", "dc.language")) ?? languageTag(ldLanguage) ?? languageTag(locale),
    description: get("og:description", "description", "twitter:description"),
    articleBody: ld ? cleanBody(str(ld.articleBody)) : null,
    schemaType: ld ? (types(ld).find((t) => ARTICLE_TYPE.test(t)) ?? null) : null,
    knownEntities: (found ? (readJsonLd(name, found.data).articles[0]?.knownEntities ?? []) : []).map((e) => ({
      name: e.name,
      type: e.type,
      aliases: e.aliases ?? [],
      uri: e.uri ?? null,
    })),
  };
}

function firstAttribute(document: Document, selector: string, attribute: string): string | null {
  return document.querySelector(selector)?.getAttribute(attribute) ?? null;
}

/** `<meta>` values by lower-cased `property`, `name`, `itemprop` or `http-equiv`; the first of each wins. */
function metaTags(document: Document): Map<string, string> {
  const out = new Map<string, string>();
  for (const el of document.querySelectorAll("meta")) {
    const content = el.getAttribute("content");
    if (content === null) continue;
    for (const attr of ["property", "name", "itemprop", "http-equiv"]) {
      const key = el.getAttribute(attr)?.trim().toLowerCase();
      if (key && !out.has(key)) out.set(key, content);
    }
  }
  return out;
}

/** The page's schema.org article node, and the JSON-LD block holding it, from its `<script type="application/ld+json">` blocks. */
function jsonLdArticle(document: Document, name: string): { node: Node; data: unknown } | null {
  for (const script of document.querySelectorAll('script[type="application/ld+json"], script[type="application/ld+json; charset=utf-8"]')) {
    const raw = (script.textContent ?? "").trim().replace(/^<!\[CDATA\[|\]\]>$/g, "");
    if (!raw || raw.length > 2_000_000) continue;
    let data: unknown;
    try {
      data = parseJsonBounded(name, raw);
    } catch {
      continue; // A broken JSON-LD block is common and says nothing about the article: the markup still does.
    }
    const node = findArticle(data, 0);
    if (node) return { node, data };
  }
  return null;
}

function findArticle(value: unknown, depth: number): Node | null {
  if (depth > 8) return null;
  if (Array.isArray(value)) {
    for (const v of value) {
      const f = findArticle(v, depth + 1);
      if (f) return f;
    }
    return null;
  }
  if (!isNode(value)) return null;
  if (types(value).some((t) => ARTICLE_TYPE.test(t))) return value;
  for (const key of ["@graph", "mainEntity", "mainEntityOfPage"]) {
    const f = findArticle(value[key], depth + 1);
    if (f) return f;
  }
  return null;
}

function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function types(node: Node): string[] {
  const t = node["@type"];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === "string").map((x) => x.replace(/^(?:schema:|https?:\/\/schema\.org\/)/, ""));
}

function str(value: unknown): string | null {
  const v = Array.isArray(value) ? value[0] : value;
  if (typeof v === "string") return v;
  if (isNode(v)) {
    if (typeof v["@value"] === "string") return v["@value"];
    if (typeof v["@id"] === "string") return v["@id"];
    if (typeof v.url === "string") return v.url;
  }
  return null;
}

function names(value: unknown): string | null {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  const out: string[] = [];
  for (const v of list) {
    const n = field(typeof v === "string" ? v : isNode(v) && typeof v.name === "string" ? v.name : null);
    if (n && !/^https?:\/\//i.test(n) && !out.includes(n)) out.push(n);
  }
  return out.length ? out.join(", ") : null;
}

/**
 * A one-line field: whitespace collapsed, and entities decoded once more when the page escaped them twice
 * (`&amp;#8216;` in a `content` attribute reaches the DOM as the text `&#8216;`).
 */
function field(value: string | null | undefined): string | null {
  const v = cleanField(value);
  return v && /&(?:#\d+|#x[\da-f]+|[a-z]+\d*);/i.test(v) ? cleanField(decodeHTML(v)) : v;
}

function withoutBy(value: string | null): string | null {
  return value ? cleanField(value.replace(/^by\s+/i, "")) : null;
}

/** A site name; a bare URL (`https://www.example.com`) becomes its host name. */
function siteName(value: string | null): string | null {
  const m = value && /^https?:\/\/(?:www\.)?([^/\s]+)\/?$/i.exec(value);
  return m ? m[1]! : value;
}

function authorMeta(value: string | null): string | null {
  return value && !/^https?:\/\//i.test(value) ? value : null;
}

function cleanBody(value: string | null): string | null {
  const v = value?.replace(/\r\n?/g, "\n").trim();
  return v ? v : null;
}

/** A BCP 47 tag in canonical case from `en`, `en-gb`, `en_US`; null for anything else. */
export function languageTag(value: string | null | undefined): string | null {
  const v = value?.trim().split(/[,;\s]/)[0]?.replace(/_/g, "-");
  if (!v || !/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(v)) return null;
  return v
    .split("-")
    .map((part, i) => (i === 0 ? part.toLowerCase() : part.length === 2 ? part.toUpperCase() : part.length === 4 ? part[0]!.toUpperCase() + part.slice(1).toLowerCase() : part.toLowerCase()))
    .join("-");
}

/** Dates pages write that `normaliseDate` does not take: ISO with a space zone or trailing junk, or `2024/05/14`. */
function looseDate(value: string | null): string | null {
  if (!value) return null;
  const m = /^(\d{4})[-/](\d{2})[-/](\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(value.trim());
  if (!m) return null;
  const zone = /(Z|[+-]\d{2}:?\d{2})$/.exec(value.trim())?.[1];
  const iso = m[4] ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? "00"}${zone ?? ""}` : `${m[1]}-${m[2]}-${m[3]}`;
  return normaliseDate(iso) ?? normaliseDate(`${m[1]}-${m[2]}-${m[3]}`);
}
