import { z } from "zod";
import { QuotedSpanSchema } from "./span.js";

/** Kinds of entity the pipeline tells apart. */
export const EntityTypeSchema = z.enum(["person", "organization", "place", "event-name", "other"]);
/** Entity type. */
export type EntityType = z.infer<typeof EntityTypeSchema>;

/** One place where an entity is named. */
export const MentionSchema = QuotedSpanSchema.extend({
  entityId: z.string(),
  /** How the mention was linked: its own name, a surname, a title apposed to a name, an acronym... */
  via: z.enum(["name", "short-name", "title", "acronym", "variant", "declared"]).default("name"),
});
/** An entity mention. */
export type Mention = z.infer<typeof MentionSchema>;

/** Something the articles talk about, resolved across articles. */
export const EntitySchema = z.object({
  id: z.string(),
  type: EntityTypeSchema,
  /** The canonical (most complete, most frequent) name. */
  name: z.string(),
  /** Every other surface form seen: spellings, surnames, titles, acronyms. */
  aliases: z.array(z.string()),
  mentions: z.array(MentionSchema),
  /** Articles that name it. */
  articleIds: z.array(z.string()),
});
/** A resolved entity. */
export type Entity = z.infer<typeof EntitySchema>;
