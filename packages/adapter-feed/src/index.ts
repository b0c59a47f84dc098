/**
 * @corroborate/adapter-feed: RSS 2.0, RSS 1.0 (RDF), Atom and JSON Feed, one article per item.
 */
import {
  defineAdapter,
  inputExtension,
  inputHead,
  settleItems,
  xmlRootElement,
  type Adapter,
  type AdapterInput,
  type ParseOptions,
} from "@corroborate/core";
import { parseFeed, type FeedOptions } from "./feed.js";

export { parseFeed, type FeedInfo, type FeedKind, type FeedOptions, type FeedResult } from "./feed.js";
export { htmlToBody, stripTags, type HtmlToText } from "@corroborate/core";

/**
 * The feed adapter: one article per item of an RSS 2.0, RSS 1.0 (RDF), Atom or JSON Feed document.
 * Items that cannot be read are reported through `onItemFailure` (so `ingest` lists them in its
 * failures) while the others are returned; the input fails as a whole only when no item can be read.
 */
export function feedAdapter(options: FeedOptions = {}): Adapter {
  return defineAdapter({
    name: "feed",
    detect: detectFeed,
    parse(input: AdapterInput, parseOptions: ParseOptions) {
      return settleItems(input.name, parseFeed(input, options), parseOptions);
    },
  });
}

const FEED_TYPES = /^application\/(?:rss\+xml|atom\+xml|rdf\+xml|feed\+json)/;

/**
 * How likely the input is a feed: by its root element (`<rss>`, `<rdf:RDF>` with the RSS 1.0
 * namespace, `<feed>` with the Atom namespace) or a JSON Feed `version`; the media type and the
 * extension (`.rss`, `.atom`) only add to what the content says.
 */
export function detectFeed(input: AdapterInput): number {
  const head = inputHead(input);
  const typed = FEED_TYPES.test((input.mediaType ?? "").toLowerCase()) || ["rss", "atom"].includes(inputExtension(input));
  if (head.startsWith("{")) return /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\/1/.test(head) ? 0.95 : 0;
  if (!head.startsWith("<")) return 0;
  const root = xmlRootElement(head);
  if (root === "rss") return 0.95;
  if (root === "RDF") return /purl\.org\/rss\/1\.0/.test(head) ? 0.95 : 0.3;
  if (root === "feed") return /www\.w3\.org\/2005\/Atom/.test(head) ? 0.95 : typed ? 0.8 : 0.4;
  return 0;
}
