/**
 * The synthetic articles written out in each ingestion format the adapters read, following each
 * format's published shape: RSS 2.0, Atom, JSON Feed 1.1 (one document for many articles), and
 * an HTML news page, schema.org JSON-LD, IPTC ninjs 2.x, NewsML-G2 and plain text (one document per
 * article).
 */
import { asTextFile, type SyntheticArticle } from "./corpus.js";

/** Formats with many articles per document. */
export type FeedFormat = "rss" | "atom" | "jsonfeed";
/** Formats with one article per document. */
export type ItemFormat = "text" | "html" | "jsonld" | "ninjs" | "newsml";

/** Escapes text for XML content and attribute values. */
export function xmlEscape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function html(article: SyntheticArticle): string {
  return article.paragraphs.map((p) => `<p>${xmlEscape(p)}</p>`).join("\n");
}

function rfc822(date: string): string {
  return new Date(`${date}T09:30:00Z`).toUTCString().replace("GMT", "+0000");
}

/** Many articles as one feed document (`name` is the feed's file name). */
export function feedDocument(format: FeedFormat, articles: readonly SyntheticArticle[], title = "Synthetic Wire"): string {
  if (format === "jsonfeed") {
    return JSON.stringify({
      version: "https://jsonfeed.org/version/1.1",
      title,
      language: "en",
      items: articles.map((a, i) => ({
        id: String(i),
        url: `https://news.example/${i}`,
        title: a.title,
        content_html: html(a),
        date_published: `${a.published}T09:30:00+00:00`,
        authors: [{ name: a.outlet }],
      })),
    });
  }
  if (format === "rss") {
    const items = articles.map(
      (a, i) =>
        `<item><title>${xmlEscape(a.title)}</title><link>https://news.example/${i}</link><guid>https://news.example/${i}</guid>` +
        `<dc:creator>${xmlEscape(a.outlet)}</dc:creator><pubDate>${rfc822(a.published)}</pubDate>` +
        `<content:encoded><![CDATA[${html(a)}]]></content:encoded></item>`,
    );
    return (
      `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">` +
      `<channel><title>${xmlEscape(title)}</title><link>https://news.example/</link><language>en</language>\n${items.join("\n")}\n</channel></rss>\n`
    );
  }
  const entries = articles.map(
    (a, i) =>
      `<entry><title>${xmlEscape(a.title)}</title><link href="https://news.example/${i}"/><id>tag:news.example,2024:${i}</id>` +
      `<published>${a.published}T09:30:00Z</published><updated>${a.published}T09:30:00Z</updated><author><name>${xmlEscape(a.outlet)}</name></author>` +
      `<content type="html">${xmlEscape(html(a))}</content></entry>`,
  );
  return (
    `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en"><title>${xmlEscape(title)}</title>` +
    `<id>tag:news.example,2024:feed</id><updated>2025-01-01T00:00:00Z</updated>\n${entries.join("\n")}\n</feed>\n`
  );
}

/** One article as one document of a single-article format. */
export function itemDocument(format: ItemFormat, article: SyntheticArticle, index = 0): string {
  switch (format) {
    case "text":
      return asTextFile(article);
    case "html":
      return (
        `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>${xmlEscape(article.title)} | ${xmlEscape(article.outlet)}</title>` +
        `<meta property="og:site_name" content="${xmlEscape(article.outlet)}"><meta property="article:published_time" content="${article.published}T09:30:00Z"></head>` +
        `<body><header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>` +
        `<main><article><h1>${xmlEscape(article.title)}</h1><p class="byline">By Staff reporter</p>${html(article)}</article>` +
        `<aside><h2>Most read</h2><ul><li><a href="/a">Council budget talks stall again</a></li><li><a href="/b">Five things to know about the rail plan</a></li></ul></aside></main>` +
        `<footer><p>© ${article.published.slice(0, 4)} ${xmlEscape(article.outlet)}</p></footer></body></html>\n`
      );
    case "jsonld":
      return JSON.stringify({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        headline: article.title,
        articleBody: article.paragraphs.join("\n\n"),
        datePublished: `${article.published}T09:30:00+00:00`,
        inLanguage: "en",
        author: { "@type": "Person", name: "Staff reporter" },
        publisher: { "@type": "NewsMediaOrganization", name: article.outlet },
        url: `https://news.example/${index}`,
      });
    case "ninjs":
      return JSON.stringify({
        uri: `urn:news.example:${index}`,
        standard: { name: "ninjs", version: "2.1", schema: "https://www.iptc.org/std/ninjs/ninjs-schema_2.1.json" },
        type: "text",
        versioncreated: `${article.published}T09:30:00Z`,
        language: "en",
        headlines: [{ role: "main", value: article.title }],
        bodies: [{ role: "main", contenttype: "text/html", value: html(article) }],
        by: "Staff reporter",
        copyrightholder: article.outlet,
      });
    case "newsml":
      return (
        `<?xml version="1.0" encoding="UTF-8"?>\n<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:news.example:${index}" version="1" standard="NewsML-G2" standardversion="2.33" xml:lang="en">` +
        `<itemMeta><itemClass qcode="ninat:text"/><provider literal="${xmlEscape(article.outlet)}"/><versionCreated>${article.published}T09:30:00Z</versionCreated></itemMeta>` +
        `<contentMeta><headline>${xmlEscape(article.title)}</headline><by>Staff reporter</by><language tag="en"/></contentMeta>` +
        `<contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body>${html(article)}</body></html></inlineXML></contentSet></newsItem>\n`
      );
  }
}
