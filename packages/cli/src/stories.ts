/**
 * What `corroborate reconcile --stories` writes: one report per story, each rendered on its own so it can
 * be written and dropped before the next story is reconciled.
 *
 * JSON Lines: one line per story, `{"story":{"id":…,"articleIds":[…]},"report":{…}}`, the report compact
 * but otherwise exactly what `renderJson` validates and normalises (key order from the schema, defaults
 * filled in). Markdown: one section per story, a heading with the story's number, id and article count,
 * then the story's report as `renderMarkdown` writes it.
 */
import { renderJsonChunks, renderMarkdownChunks, type Report, type Story, type StoryReport } from "@corroborate/core";

/**
 * The report as compact JSON, piece by piece: the chunks joined are exactly
 * `JSON.stringify(ReportSchema.parse(report))` (no final line break), so that one report is one line;
 * core's `renderJsonChunks` in its compact form.
 */
export function compactJsonChunks(report: Report): Generator<string, void, undefined> {
  return renderJsonChunks(report, { compact: true });
}

/**
 * One line of the JSON Lines output, piece by piece: `{"story":{"id":…,"articleIds":[…]},"report":…}`
 * and a line break, the report as {@link compactJsonChunks} writes it.
 */
export function storyJsonLineChunks(story: StoryReport): Generator<string, void, undefined> {
  return storyJsonLine(story.story, compactJsonChunks(story.report));
}

/**
 * {@link storyJsonLineChunks} around a report already rendered as compact JSON (`reportChunks`, e.g.
 * rendered by a worker thread).
 */
export function* storyJsonLine(story: Story, reportChunks: Iterable<string>): Generator<string, void, undefined> {
  // Built afresh so the keys are always in this order, whatever object the story came in.
  const head = JSON.stringify({ id: story.id, articleIds: story.articleIds });
  yield `{"story":${head},"report":`;
  yield* reportChunks;
  yield "}\n";
}

/**
 * One story's Markdown section, piece by piece: `# Story <number>: <id> (<n> articles)`, a blank line,
 * then the story's report exactly as `renderMarkdownChunks` writes it. `index` counts stories from 0;
 * sections after the first start with a blank line. A batch where nothing could be read has one story
 * of no articles, headed `(none)`.
 */
export function storyMarkdownChunks(story: StoryReport, index: number): Generator<string, void, undefined> {
  return storyMarkdownSection(story.story, index, renderMarkdownChunks(story.report));
}

/** {@link storyMarkdownChunks} around a report already rendered as Markdown (`reportChunks`). */
export function* storyMarkdownSection(story: Story, index: number, reportChunks: Iterable<string>): Generator<string, void, undefined> {
  const n = story.articleIds.length;
  const id = story.id.replace(/\s+/g, " ").trim() || "(none)";
  yield `${index > 0 ? "\n" : ""}# Story ${index + 1}: ${id} (${n} article${n === 1 ? "" : "s"})\n\n`;
  yield* reportChunks;
}
