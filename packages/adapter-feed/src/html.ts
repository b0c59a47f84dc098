import { decodeHTML } from "entities";
import { composeArticleText, type BodyText } from "@corroborate/core";

/** Turns an HTML fragment into text with classified segments indexing into it. */
export type HtmlToText = (html: string) => BodyText;

/** An HTML body as text: through the given extractor, else {@link stripTags}. */
export function htmlToBody(html: string, htmlToText?: HtmlToText): BodyText {
  return (htmlToText ?? stripTags)(html);
}

/**
 * The plain extractor used when none is given: `head`, `script` and `style` go, block ends and `<br>`
 * become line breaks (one `body` paragraph per line), other tags go, and entities are decoded by the
 * `entities` library. Pass `htmlFragmentToText` of `@corroborate/adapter-html` for real extraction
 * (quotes, captions, boilerplate classified).
 */
export function stripTags(html: string): BodyText {
  const text = html
    .replace(/<(head|script|style)\b[\s\S]*?<\/\1\s*>/gi, "")
    .replace(/<\/(?:p|div|h[1-6]|li|blockquote|figure|figcaption|tr|section|article)\s*>|<br\s*\/?>/gi, "\n")
    .replace(/<[^>]*>/g, "")
    .split("\n")
    .map((line) => decodeHTML(line).replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .join("\n");
  return composeArticleText({ body: text });
}
