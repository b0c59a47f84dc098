import { z } from "zod";

/** Claims that say the same thing in different words, with their independent sources counted. */
export const AgreementSchema = z.object({
  id: z.string(),
  claimIds: z.array(z.string()),
  articleIds: z.array(z.string()),
  /** Sources counted once per wire-copy family. */
  independentSources: z.number().int().nonnegative(),
  /** Groups of articles that carry near-identical text (wire copy), counted as one source. */
  copyGroups: z.array(z.array(z.string())).default([]),
  eventId: z.string().nullable().default(null),
  /** What they agree on, in a few words. */
  summary: z.string().default(""),
});
/** An agreement. */
export type Agreement = z.infer<typeof AgreementSchema>;

/** One of the values in a conflict, and who states it. */
export const SlotValueSchema = z.object({
  value: z.union([z.string(), z.number()]),
  claimIds: z.array(z.string()),
  articleIds: z.array(z.string()),
});
/** A slot value. */
export type SlotValue = z.infer<typeof SlotValueSchema>;

/** Sources that state incompatible values for the same slot of the same event. */
export const ConflictSchema = z.object({
  id: z.string(),
  eventId: z.string().nullable().default(null),
  slot: z.string(),
  claimIds: z.array(z.string()),
  values: z.array(SlotValueSchema),
  explanation: z.string(),
});
/** A conflict. */
export type Conflict = z.infer<typeof ConflictSchema>;

/** Why a difference between sources is not a conflict. */
export const NonConflictReasonSchema = z.enum(["different-event", "same-value", "spelling-variant", "update"]);
/** Reason for an explained non-conflict. */
export type NonConflictReason = z.infer<typeof NonConflictReasonSchema>;

/** A difference between sources that is explained, not a disagreement. */
export const NonConflictSchema = z.object({
  id: z.string(),
  slot: z.string(),
  reason: NonConflictReasonSchema,
  claimIds: z.array(z.string()),
  values: z.array(SlotValueSchema),
  explanation: z.string(),
});
/** An explained non-conflict. */
export type NonConflict = z.infer<typeof NonConflictSchema>;
