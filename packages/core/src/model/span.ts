import { z } from "zod";

/** A range of an article's `text`, as JavaScript (UTF-16) string offsets: `text.slice(start, end)`. */
export const OffsetsSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
/** Offsets without the article id (used inside an article). */
export type Offsets = z.infer<typeof OffsetsSchema>;

/** A span of one article's text: the unit of provenance in every report. */
export const SpanSchema = OffsetsSchema.extend({
  articleId: z.string().min(1),
});
/** A span of one article's text. */
export type Span = z.infer<typeof SpanSchema>;

/** A span together with the text it covers, for readers of a report. */
export const QuotedSpanSchema = SpanSchema.extend({
  text: z.string(),
});
/** A span with its text. */
export type QuotedSpan = z.infer<typeof QuotedSpanSchema>;
