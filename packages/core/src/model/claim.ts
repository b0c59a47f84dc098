import { z } from "zod";
import { OffsetsSchema } from "./span.js";

/** A date or time range anchored to the article's publication date. Dates are ISO `YYYY-MM-DD`. */
export const TimeValueSchema = OffsetsSchema.extend({
  text: z.string(),
  kind: z.enum(["date", "range", "duration", "month", "year"]),
  /** First day covered (for `date`, `range`, `month`, `year`). */
  startDate: z.string().nullable().default(null),
  /** Last day covered, both ends counted. */
  endDate: z.string().nullable().default(null),
  /** Length in days (for `duration`, and for ranges: both ends counted). */
  days: z.number().nullable().default(null),
  /** The finest unit the text states. */
  grain: z.enum(["day", "week", "month", "year"]).default("day"),
});
/** An anchored time expression. */
export type TimeValue = z.infer<typeof TimeValueSchema>;

/** A normalised quantity: "102 states", "over 120 entities". */
export const QuantitySchema = OffsetsSchema.extend({
  text: z.string(),
  value: z.number(),
  /** What is counted, as written (singular, lower case): "state", "entity", "day". */
  unit: z.string().nullable().default(null),
  /** Qualifier: exact, or a bound. */
  bound: z.enum(["exact", "over", "under", "about"]).default("exact"),
});
/** A normalised quantity. */
export type Quantity = z.infer<typeof QuantitySchema>;

/** How firmly a claim is stated. */
export const ModalitySchema = z.enum(["asserted", "future", "planned", "denied", "suggested", "reported", "conditional"]);
/** Claim modality. */
export type Modality = z.infer<typeof ModalitySchema>;

/** Who says a claim ("spokesperson Wu said", "according to TASS"). */
export const AttributionSchema = OffsetsSchema.extend({
  text: z.string(),
  entityId: z.string().nullable().default(null),
});
/** Claim attribution. */
export type Attribution = z.infer<typeof AttributionSchema>;

/** A phrase role inside a claim, with its offsets and the entity it names, if any. */
export const ArgumentSchema = OffsetsSchema.extend({
  text: z.string(),
  entityIds: z.array(z.string()).default([]),
});
/** A claim argument. */
export type Argument = z.infer<typeof ArgumentSchema>;

/** An atomic statement one article makes, with its qualifiers and attribution. */
export const ClaimSchema = z.object({
  id: z.string(),
  articleId: z.string(),
  /** Offsets of the claim's sentence (or clause) in the article text. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  eventId: z.string().nullable().default(null),
  subject: ArgumentSchema.nullable().default(null),
  /** Main verb, lemmatised ("visit", "deny"). */
  predicate: z.string().nullable().default(null),
  object: ArgumentSchema.nullable().default(null),
  attribution: AttributionSchema.nullable().default(null),
  modality: ModalitySchema.default("asserted"),
  negated: z.boolean().default(false),
  times: z.array(TimeValueSchema).default([]),
  quantities: z.array(QuantitySchema).default([]),
  /** Entities named in the claim. */
  entityIds: z.array(z.string()).default([]),
  /** Places named in the claim (subset of entityIds). */
  placeIds: z.array(z.string()).default([]),
  /** Slot values the claim states about its event (start, end, durationDays, ...), for conflict detection. */
  facts: z
    .array(
      z.object({
        slot: z.string(),
        value: z.union([z.string(), z.number()]),
        start: z.number().int().nonnegative(),
        end: z.number().int().nonnegative(),
      }),
    )
    .default([]),
});
/** A claim. */
export type Claim = z.infer<typeof ClaimSchema>;

