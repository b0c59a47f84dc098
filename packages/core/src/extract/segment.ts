import type { Article, Segment } from "../model/article.js";
import type { Sentence } from "../pipeline/state.js";

/** Result of segmenting one article. */
export interface ArticleSegmentation {
  /** Classified segments covering the article's paragraphs, in text order. */
  segments: Segment[];
  sentences: Sentence[];
}

/**
 * Splits an article into paragraphs (keeping segments an adapter already classified) and sentences.
 * Baseline: paragraphs are non-empty lines; sentences end at . ! ? followed by space and a capital.
 */
export function segmentArticle(article: Article): ArticleSegmentation {
  const segments: Segment[] =
    article.segments.length > 0 ? [...article.segments].sort((a, b) => a.start - b.start) : lineParagraphs(article.text);
  const sentences: Sentence[] = [];
  segments.forEach((segment, segmentIndex) => {
    for (const s of splitSentences(article.text, segment.start, segment.end)) {
      sentences.push({ ...s, segmentIndex, kind: segment.kind });
    }
  });
  return { segments, sentences };
}

/** Non-empty lines of a text as body segments (trimmed). */
export function lineParagraphs(text: string): Segment[] {
  const out: Segment[] = [];
  const re = /[^\r\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const lead = m[0].length - m[0].trimStart().length;
    const trail = m[0].length - m[0].trimEnd().length;
    const start = m.index + lead;
    const end = m.index + m[0].length - trail;
    if (end > start) out.push({ start, end, kind: "body", language: null, reason: null });
  }
  return out;
}

/** Sentence offsets within [start, end) of text. */
export function splitSentences(text: string, start: number, end: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /[.!?]["'”’)]*\s+(?=["“‘(]?[A-Z0-9])/g;
  re.lastIndex = start;
  let from = start;
  const slice = text.slice(0, end);
  for (let m = re.exec(slice); m && m.index < end; m = re.exec(slice)) {
    const stop = m.index + m[0].trimEnd().length;
    out.push({ start: from, end: stop });
    from = m.index + m[0].length;
  }
  if (from < end) out.push({ start: from, end });
  return out.filter((s) => text.slice(s.start, s.end).trim().length > 0);
}
