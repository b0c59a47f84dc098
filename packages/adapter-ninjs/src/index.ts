/**
 * @corroborate/adapter-ninjs: IPTC's news formats. `ninjsAdapter` reads ninjs 1.x, 2.x and 3.x JSON
 * items; `newsmlAdapter` reads NewsML-G2 `newsItem` XML. Both put the people, organisations and
 * places an item declares into the article's `knownEntities`.
 */
export { detectNinjs, ninjsAdapter, parseNinjs, readNinjs, type NinjsOptions } from "./ninjs.js";
export { detectNewsml, newsmlAdapter, parseNewsml, type NewsmlOptions } from "./newsml.js";
export { htmlToBody, stripTags, type HtmlToText } from "@corroborate/core";
