import { z } from "zod";
import { OffsetsSchema } from "./span.js";

/** Whether an article is a source, or a derived text (a summary) to be checked against the sources. */
export const ArticleRoleSchema = z.enum(["source", "derived"]);
/** Role of an article. */
export type ArticleRole = z.infer<typeof ArticleRoleSchema>;

/**
 * What a stretch of an article's text is. Only `body` (and `heading`/`title`, for entities) feeds claims;
 * the rest is kept, classified, so that nothing is dropped silently.
 */
export const SegmentKindSchema = z.enum([
  "title",
  "heading",
  "body",
  "quote",
  "caption",
  "byline",
  "dateline",
  "boilerplate",
  "related",
  "feed",
  "other-language",
  "metadata",
]);
/** Kind of a segment. */
export type SegmentKind = z.infer<typeof SegmentKindSchema>;

/** Segment kinds that hold the story's own text: read for times, quantities and claims. */
export const CONTENT_KINDS: ReadonlySet<SegmentKind> = new Set<SegmentKind>(["body", "quote"]);

/** A classified stretch of an article's text (usually a paragraph). */
export const SegmentSchema = OffsetsSchema.extend({
  kind: SegmentKindSchema,
  /** BCP 47 language of the segment when it was detected to differ from the article's. */
  language: z.string().nullable().default(null),
  /** Why the segment got this kind (which rule or which markup), for the curious reader. */
  reason: z.string().nullable().default(null),
});
/** A classified segment. */
export type Segment = z.infer<typeof SegmentSchema>;

/** An entity an input declares itself (for example the people and places of an IPTC ninjs item). */
export const KnownEntitySchema = z.object({
  name: z.string().min(1),
  type: z.enum(["person", "organization", "place", "event-name", "other"]),
  aliases: z.array(z.string()).default([]),
  uri: z.string().nullable().default(null),
});
/** A declared entity. */
export type KnownEntity = z.infer<typeof KnownEntitySchema>;

/** Where an article came from: the input and the adapter that read it. */
export const ArticleSourceSchema = z.object({
  /** The input's name (usually its file name). */
  input: z.string(),
  /** The adapter that read it. */
  adapter: z.string(),
  /** The media type, when known. */
  mediaType: z.string().nullable().default(null),
  /** Index of the article within its input (feeds hold many). */
  index: z.number().int().nonnegative().default(0),
});
/** Provenance of an article. */
export type ArticleSource = z.infer<typeof ArticleSourceSchema>;

/** One article: its metadata and the exact text every span of the report indexes into. */
export const ArticleSchema = z
  .object({
    id: z.string().min(1),
    role: ArticleRoleSchema.default("source"),
    outlet: z.string().nullable().default(null),
    url: z.string().nullable().default(null),
    title: z.string().nullable().default(null),
    byline: z.string().nullable().default(null),
    /** ISO 8601 date or date-time; anchors relative dates ("Sunday", "last April"). */
    publishedAt: z.string().nullable().default(null),
    /** BCP 47 language tag (`en`). */
    language: z.string().nullable().default(null),
    /** The text all spans index into. */
    text: z.string(),
    segments: z.array(SegmentSchema).default([]),
    knownEntities: z.array(KnownEntitySchema).default([]),
    source: ArticleSourceSchema,
  })
  .superRefine((a, ctx) => {
    a.segments.forEach((s, i) => {
      if (s.end > a.text.length || s.start > s.end) {
        ctx.addIssue({
          code: "custom",
          path: ["segments", i],
          message: `segment ${s.start}-${s.end} lies outside the text (length ${a.text.length})`,
        });
      }
    });
  });
/** An article. */
export type Article = z.infer<typeof ArticleSchema>;
/** An article as adapters may write it (defaults not yet applied). */
export type ArticleInput = z.input<typeof ArticleSchema>;
