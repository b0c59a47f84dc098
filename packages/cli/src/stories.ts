/**
 * What `corroborate reconcile --stories` writes: one report per story, each rendered on its own so it can
 * be written and dropped before the next story is reconciled.
 *
 * JSON Lines: one line per story, `{"story":{"id":…,"articleIds":[…]},"report":{…}}`, the report compact
 * but otherwise exactly what `renderJson` validates and normalises (key order from the schema, defaults
 * filled in). Markdown: one section per story, a heading with the story's number, id and article count,
 * then the story's report as `renderMarkdown` writes it.
 */
import { z } from "zod";
import { renderMarkdownChunks, ReportSchema, type Report, type StoryReport } from "@corroborate/core";

/**
 * The report as compact JSON, piece by piece: the chunks joined are exactly
 * `JSON.stringify(ReportSchema.parse(report))` (no final line break), so that one report is one line.
 *
 * The compact twin of core's `renderJsonChunks`, and built the same way: each element of the report's
 * arrays (an article, a claim, …) is validated and normalised on its own with its element schema and
 * rendered as one chunk, so no copy of the whole report is made. An invalid element throws its `ZodError`
 * when it is reached, with paths from the report's root (`claims[12].start`).
 */
export function* compactJsonChunks(report: Report): Generator<string, void, undefined> {
  if (typeof report !== "object" || report === null || Array.isArray(report)) {
    // Not an object at all: the whole-report parse gives zod's usual error.
    ReportSchema.parse(report);
    return;
  }
  const input = report as Record<string, unknown>;
  let first = true;
  for (const [key, field] of Object.entries(ReportSchema.shape) as [string, z.ZodType][]) {
    const lead = `${first ? "{" : ","}${JSON.stringify(key)}:`;
    const value = input[key];
    const element = streamableElement(field);
    if (element && Array.isArray(value)) {
      first = false;
      if (value.length === 0) {
        yield `${lead}[]`;
        continue;
      }
      for (let i = 0; i < value.length; i++) {
        // Rendered inside an array so that what has no JSON becomes `null`, as it does in the whole array.
        const item = JSON.stringify([parseAt(element, value[i], [key, i])]).slice(1, -1);
        yield i === 0 ? `${lead}[${item}` : `,${item}`;
      }
      yield "]";
      continue;
    }
    // A scalar or small field, or a missing array that takes its default: parsed whole.
    const text = JSON.stringify(parseAt(field, value, [key])) as string | undefined;
    if (text === undefined) continue; // JSON.stringify leaves out keys whose value is undefined.
    first = false;
    yield lead + text;
  }
  yield first ? "{}" : "}";
}

/**
 * The element schema of a report field that can be validated element by element: an array, or an array
 * with a default, without checks on the array itself (a length check needs the whole array). Anything
 * else (or a schema from another copy of zod) is parsed whole, which gives the same bytes.
 */
function streamableElement(field: z.ZodType): z.ZodType | null {
  const inner = field instanceof z.ZodDefault ? (field.def.innerType as z.ZodType) : field;
  if (!(inner instanceof z.ZodArray) || (inner.def.checks?.length ?? 0) > 0) return null;
  return inner.element as z.ZodType;
}

/** Parses `value` with `schema`; a failure is rethrown with its paths from the report's root. */
function parseAt(schema: z.ZodType, value: unknown, at: PropertyKey[]): unknown {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new z.ZodError(result.error.issues.map((issue) => ({ ...issue, path: [...at, ...issue.path] })));
}

/**
 * One line of the JSON Lines output, piece by piece: `{"story":{"id":…,"articleIds":[…]},"report":…}`
 * and a line break, the report as {@link compactJsonChunks} writes it.
 */
export function* storyJsonLineChunks(story: StoryReport): Generator<string, void, undefined> {
  // Built afresh so the keys are always in this order, whatever object the story came in.
  const head = JSON.stringify({ id: story.story.id, articleIds: story.story.articleIds });
  yield `{"story":${head},"report":`;
  yield* compactJsonChunks(story.report);
  yield "}\n";
}

/**
 * One story's Markdown section, piece by piece: `# Story <number>: <id> (<n> articles)`, a blank line,
 * then the story's report exactly as `renderMarkdownChunks` writes it. `index` counts stories from 0;
 * sections after the first start with a blank line. A batch where nothing could be read has one story
 * of no articles, headed `(none)`.
 */
export function* storyMarkdownChunks(story: StoryReport, index: number): Generator<string, void, undefined> {
  const n = story.story.articleIds.length;
  const id = story.story.id.replace(/\s+/g, " ").trim() || "(none)";
  yield `${index > 0 ? "\n" : ""}# Story ${index + 1}: ${id} (${n} article${n === 1 ? "" : "s"})\n\n`;
  yield* renderMarkdownChunks(story.report);
}
