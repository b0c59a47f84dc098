import { z } from "zod";
import { QuotedSpanSchema } from "./span.js";

/** Verdict on one sentence of a derived text. */
export const VerdictLabelSchema = z.enum(["supported", "contradicted", "unsupported", "partial"]);
/** Verdict label. */
export type VerdictLabel = z.infer<typeof VerdictLabelSchema>;

/** How one sentence of a derived article holds up against the sources. */
export const VerdictSchema = z.object({
  id: z.string(),
  articleId: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  verdict: VerdictLabelSchema,
  /** Source spans that support, or contradict, the sentence. */
  evidence: z.array(QuotedSpanSchema),
  reason: z.string(),
  /** For `partial`: which parts of the sentence are and are not supported. */
  parts: z
    .array(z.object({ start: z.number().int(), end: z.number().int(), text: z.string(), verdict: VerdictLabelSchema }))
    .default([]),
  /** Confidence of the deciding step, 0..1. */
  score: z.number().min(0).max(1).nullable().default(null),
});
/** A verdict. */
export type Verdict = z.infer<typeof VerdictSchema>;
