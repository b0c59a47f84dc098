/**
 * What the fuzz and hostile-input suites share: the adapters, and the checks every result must pass
 * (a typed error naming the input, or valid articles whose spans lie inside their text).
 */
import { expect } from "vitest";
import { ArticleSchema, CorroborateError, type Adapter, type AdapterInput, type Article, type Report } from "@corroborate/core";
import { defaultAdapters, defaultRegistry } from "@corroborate/cli";

/** Every adapter, configured and ordered as the CLI has them (HTML bodies through the HTML adapter's extractor). */
export function allAdapters(): Adapter[] {
  return defaultAdapters();
}

/** The CLI's registry: detection picks the adapter. */
export const registry = () => defaultRegistry();

/** What parsing one input gave: its articles, or the typed error. */
export type Outcome = { articles: Article[] } | { error: CorroborateError };

/**
 * Parses and checks: a thrown value must be a CorroborateError that names the input (in `input` and
 * in its message); returned articles must satisfy the model, with every segment inside the text.
 */
export async function parseChecked(parse: (input: AdapterInput) => Promise<Article[]>, input: AdapterInput): Promise<Outcome> {
  let articles: Article[];
  try {
    articles = await parse(input);
  } catch (error) {
    if (!CorroborateError.is(error)) throw new Error(`${input.name}: not a typed error: ${String((error as Error)?.stack ?? error)}`, { cause: error });
    expect(error.input).toBe(input.name);
    expect(error.message).toContain(input.name);
    return { error };
  }
  expect(articles.length).toBeGreaterThan(0);
  for (const article of articles) {
    ArticleSchema.parse(article);
    for (const s of article.segments) {
      expect(s.start).toBeGreaterThanOrEqual(0);
      expect(s.start).toBeLessThanOrEqual(s.end);
      expect(s.end).toBeLessThanOrEqual(article.text.length);
    }
  }
  return { articles };
}

/**
 * Checks every span of a report: anything with an `articleId`, a `start` and an `end` must lie inside
 * that article's text, and a span's quoted `text`, when it has one, must be exactly that slice.
 * Returns how many spans were checked.
 */
export function checkReportSpans(report: Report): number {
  const texts = new Map(report.articles.map((a) => [a.id, a.text]));
  let count = 0;
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const v of value) walk(v);
      return;
    }
    if (typeof value !== "object" || value === null) return;
    const v = value as Record<string, unknown>;
    if (typeof v.articleId === "string" && typeof v.start === "number" && typeof v.end === "number") {
      const text = texts.get(v.articleId);
      expect(text, `span into unknown article ${v.articleId}`).toBeDefined();
      expect(v.start).toBeGreaterThanOrEqual(0);
      expect(v.start).toBeLessThanOrEqual(v.end);
      expect(v.end).toBeLessThanOrEqual(text!.length);
      if (typeof v.text === "string") expect(v.text).toBe(text!.slice(v.start, v.end));
      count++;
    }
    for (const child of Object.values(v)) walk(child);
  };
  walk({ ...report, articles: [] });
  for (const a of report.articles) for (const s of a.segments) expect(s.end).toBeLessThanOrEqual(a.text.length);
  return count;
}
