/**
 * @corroborate/bench (private): the synthetic corpus behind `pnpm bench`, and the same articles in
 * each ingestion format, for benchmarks and fuzz tests.
 */
export { asTextFile, generateCorpus, random, type CorpusOptions, type SyntheticArticle } from "./corpus.js";
export { feedDocument, itemDocument, xmlEscape, type FeedFormat, type ItemFormat } from "./formats.js";
export { BenchTextsError, readTexts, type BenchText } from "./texts.js";
