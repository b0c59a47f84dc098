import { XMLParser, XMLValidator } from "fast-xml-parser";
import { scanXmlTags } from "@corroborate/core";

/** A parsed XML element as fast-xml-parser gives it: children by name, attributes as `@_name`, text as `#text`. */
export type XmlNode = Record<string, unknown>;

const REPEATED = /(?:^|:)(?:link|author|category|creator|contributor)$/;

/**
 * fast-xml-parser set up for untrusted feeds. Entity declarations never reach it (`assertSafeXml`
 * refuses them first; `maxEntityCount: 0` is a second guard). `htmlEntities` is on because it is
 * what makes this parser decode numeric character references (`&#8217;`), and it also forgives the
 * `&nbsp;` that many feeds carry. Values stay strings; namespace prefixes stay (`dc:creator`).
 */
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: { enabled: true, maxEntityCount: 0 },
  htmlEntities: true,
  isArray: (name) => REPEATED.test(name),
});

/** Parses a well-formed XML fragment, or returns the validator's complaint (`line L, column C: message`). */
export function parseXmlFragment(xml: string): { node: XmlNode } | { error: string } {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return { error: `malformed XML at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}` };
  return { node: parser.parse(xml) as XmlNode };
}

/** An item (or entry) of a feed: where it lies in the document. */
export interface ItemRange {
  start: number;
  end: number;
  /** False when the item was not closed before the next item or the end of the document. */
  closed: boolean;
}

/** What {@link splitItems} finds: each item's range, and the document without its items (channel metadata). */
export interface SplitFeed {
  items: ItemRange[];
  skeleton: string;
}

/**
 * Finds the `<item>` (or `<entry>`) elements of a feed document without parsing it (core's
 * linear {@link scanXmlTags} skips CDATA sections and comments), so that each item can be parsed on
 * its own: one malformed item is reported while the others are read, and only one batch of item
 * trees is in memory at a time. Needed because fast-xml-parser builds the whole document's tree at
 * once and stops at the first malformed element.
 */
export function splitItems(text: string, itemName: string): SplitFeed {
  const items: ItemRange[] = [];
  let open = -1;
  scanXmlTags(text, (tag) => {
    if (tag.kind === "entity" || (tag.name !== itemName && !tag.name.endsWith(`:${itemName}`))) return;
    if (tag.kind === "close") {
      if (open >= 0) items.push({ start: open, end: tag.end, closed: true });
      open = -1;
    } else if (tag.kind === "empty") {
      if (open >= 0) items.push({ start: open, end: tag.start, closed: false });
      items.push({ start: tag.start, end: tag.end, closed: true });
      open = -1;
    } else {
      if (open >= 0) items.push({ start: open, end: tag.start, closed: false });
      open = tag.start;
    }
  });
  if (open >= 0) items.push({ start: open, end: text.length, closed: false });
  let skeleton = "";
  let from = 0;
  for (const item of items) {
    skeleton += text.slice(from, item.start);
    from = item.end;
  }
  skeleton += text.slice(from);
  return { items, skeleton };
}

/** The namespace prefixes a document's root element declares, by namespace URI (`{ "http://purl.org/dc/elements/1.1/": "dc" }`). */
export function namespacePrefixes(rootTag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of rootTag.matchAll(/xmlns:([\w.-]+)\s*=\s*["']([^"']*)["']/g)) out.set(m[2]!, m[1]!);
  return out;
}

/** The children of `node` named `name`, as an array. */
export function children(node: unknown, name: string): unknown[] {
  if (!isNode(node)) return [];
  const value = node[name];
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** The first child of `node` named `name`. */
export function child(node: unknown, name: string): unknown {
  return children(node, name)[0];
}

/** An element's text (its `#text` when it has attributes); null when it has none. */
export function textOf(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (isNode(value) && (typeof value["#text"] === "string" || typeof value["#text"] === "number")) return String(value["#text"]);
  return null;
}

/** An attribute's value. */
export function attr(value: unknown, name: string): string | null {
  return isNode(value) && typeof value[`@_${name}`] === "string" ? (value[`@_${name}`] as string) : null;
}

/** True for a parsed element with children or attributes. */
export function isNode(value: unknown): value is XmlNode {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
