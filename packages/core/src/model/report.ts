import { z } from "zod";
import { ArticleSchema } from "./article.js";
import { ClaimSchema } from "./claim.js";
import { EntitySchema } from "./entity.js";
import { EventSchema } from "./event.js";
import { AgreementSchema, ConflictSchema, NonConflictSchema } from "./reconcile.js";
import { VerdictSchema } from "./verdict.js";

/** Version of the report format. Bumped on breaking changes to the report's shape. */
export const REPORT_SCHEMA_VERSION = "1.0.0";

/** An input that could not be read, and why: nothing is dropped silently. */
export const InputFailureSchema = z.object({
  input: z.string(),
  code: z.string(),
  name: z.string(),
  message: z.string(),
});
/** A failed input. */
export type InputFailure = z.infer<typeof InputFailureSchema>;

/** A diagnostic with a position (like vfile's messages). */
export const ReportMessageSchema = z.object({
  level: z.enum(["info", "warning"]),
  stage: z.string(),
  message: z.string(),
  articleId: z.string().nullable().default(null),
  start: z.number().int().nullable().default(null),
  end: z.number().int().nullable().default(null),
});
/** A report message. */
export type ReportMessage = z.infer<typeof ReportMessageSchema>;

/** The full result of reconciling a set of articles. */
export const ReportSchema = z.object({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  generator: z.object({ name: z.string(), version: z.string() }),
  articles: z.array(ArticleSchema),
  entities: z.array(EntitySchema).default([]),
  events: z.array(EventSchema).default([]),
  claims: z.array(ClaimSchema).default([]),
  agreements: z.array(AgreementSchema).default([]),
  conflicts: z.array(ConflictSchema).default([]),
  nonConflicts: z.array(NonConflictSchema).default([]),
  verdicts: z.array(VerdictSchema).default([]),
  failures: z.array(InputFailureSchema).default([]),
  messages: z.array(ReportMessageSchema).default([]),
});
/** A report. */
export type Report = z.infer<typeof ReportSchema>;

/** The Report's JSON Schema (draft 2020-12), for validating reports outside TypeScript. */
export function reportJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ReportSchema, { io: "output", target: "draft-2020-12" }) as Record<string, unknown>;
}
