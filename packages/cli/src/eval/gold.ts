import { readFile } from "node:fs/promises";
import { CorroborateError, InputReadError } from "@corroborate/core";
import { z } from "zod";

/** `[articleId, quote]`: an exact substring of the named article's text. */
export const GoldQuoteSchema = z.tuple([z.string().min(1, "article id is empty"), z.string().min(1, "quote is empty")]);
/** A gold quote. */
export type GoldQuote = z.infer<typeof GoldQuoteSchema>;

/** One entity of the story and every surface form that names it. */
export const GoldEntitySchema = z
  .object({
    id: z.string().min(1),
    type: z.string().default("other"),
    /** Surface forms that all refer to this entity, matched as whole words, case-sensitively. */
    mentions: z.array(z.string().min(1)).min(1, "an entity needs at least one mention"),
    /** Articles where it appears. */
    articles: z.array(z.string().min(1)).min(1, "an entity needs at least one article"),
  })
  .loose();
/** A gold entity. */
export type GoldEntity = z.infer<typeof GoldEntitySchema>;

/** A slot value the sources state about an event, with its normalised value and where it is said. */
export const GoldFactSchema = z
  .object({
    slot: z.string().min(1),
    /** Normalised value: ISO date, number, or a gold entity id. */
    value: z.union([z.string(), z.number()]),
    quotes: z.array(GoldQuoteSchema).min(1, "a fact needs at least one quote"),
  })
  .loose();
/** A gold fact. */
export type GoldFact = z.infer<typeof GoldFactSchema>;

/** An event of the story. */
export const GoldEventSchema = z
  .object({
    id: z.string().min(1),
    label: z.string().default(""),
    /** Articles whose main story this event is. */
    reportedBy: z.array(z.string().min(1)).min(1, "an event needs at least one reporting article"),
    /** Articles that refer to it in passing. */
    mentionedBy: z.array(z.string().min(1)).default([]),
    facts: z.array(GoldFactSchema).default([]),
  })
  .loose();
/** A gold event. */
export type GoldEvent = z.infer<typeof GoldEventSchema>;

/** A set of quotes that belong together: a conflict, a non-conflict, or a corroborated claim. */
export const GoldQuoteSetSchema = z
  .object({
    id: z.string().min(1),
    about: z.string().optional(),
    quotes: z.array(GoldQuoteSchema).min(2, "needs at least two quotes"),
  })
  .loose();
/** A gold quote set. */
export type GoldQuoteSet = z.infer<typeof GoldQuoteSetSchema>;

/** Page furniture or unrelated text no claim or verdict should be drawn from. */
export const GoldNoiseSchema = z
  .object({
    article: z.string().min(1),
    about: z.string().optional(),
    quote: z.string().min(1),
  })
  .loose();
/** A gold noise item. */
export type GoldNoise = z.infer<typeof GoldNoiseSchema>;

/** The verdict labels a gold summary sentence can carry. */
export const GoldVerdictLabelSchema = z.enum(["supported", "contradicted", "unsupported", "partial"]);
/** A gold verdict label. */
export type GoldVerdictLabel = z.infer<typeof GoldVerdictLabelSchema>;

/** The expected verdict of one sentence of the derived article, located by its first words. */
export const GoldSentenceSchema = z
  .object({
    starts: z.string().min(1),
    verdict: GoldVerdictLabelSchema,
    /** Articles that hold the evidence. */
    evidence: z.array(z.string().min(1)).default([]),
    note: z.string().optional(),
  })
  .loose();
/** A gold summary sentence. */
export type GoldSentence = z.infer<typeof GoldSentenceSchema>;

/** Expected verdicts for the derived article. */
export const GoldSummaryVerdictsSchema = z
  .object({
    article: z.string().min(1),
    labels: z.string().optional(),
    sentences: z.array(GoldSentenceSchema).default([]),
  })
  .loose();
/** Gold summary verdicts. */
export type GoldSummaryVerdicts = z.infer<typeof GoldSummaryVerdictsSchema>;

/** A story's `gold.json`: hand-written reference answers (see the corpus README). */
export const GoldSchema = z
  .object({
    about: z.string().optional(),
    entities: z.array(GoldEntitySchema).default([]),
    mustNotMerge: z.array(z.tuple([z.string().min(1), z.string().min(1)])).default([]),
    events: z.array(GoldEventSchema).default([]),
    conflicts: z.array(GoldQuoteSetSchema).default([]),
    notConflicts: z.array(GoldQuoteSetSchema).default([]),
    corroborated: z.array(GoldQuoteSetSchema).default([]),
    noise: z.array(GoldNoiseSchema).default([]),
    summaryVerdicts: GoldSummaryVerdictsSchema.nullable().default(null),
  })
  .loose()
  .superRefine((gold, ctx) => {
    const unique = (key: "entities" | "events" | "conflicts" | "notConflicts" | "corroborated") => {
      const seen = new Set<string>();
      gold[key].forEach((item, i) => {
        if (seen.has(item.id)) ctx.addIssue({ code: "custom", path: [key, i, "id"], message: `id "${item.id}" appears twice` });
        seen.add(item.id);
      });
    };
    for (const key of ["entities", "events", "conflicts", "notConflicts", "corroborated"] as const) unique(key);
    const entityIds = new Set(gold.entities.map((e) => e.id));
    gold.mustNotMerge.forEach((pair, i) => {
      pair.forEach((id, j) => {
        if (!entityIds.has(id)) ctx.addIssue({ code: "custom", path: ["mustNotMerge", i, j], message: `"${id}" is not the id of an entity` });
      });
      if (pair[0] === pair[1]) ctx.addIssue({ code: "custom", path: ["mustNotMerge", i], message: "a pair must name two different entities" });
    });
  });
/** A parsed gold file. */
export type Gold = z.infer<typeof GoldSchema>;

/**
 * A `gold.json` that is not valid JSON or does not follow the format (code `PARSE_FAILED`); the message
 * names the file and every problem found.
 */
export class GoldError extends CorroborateError {
  constructor(input: string, message: string, options?: { cause?: unknown }) {
    super("PARSE_FAILED", input, message, options);
    this.name = "GoldError";
  }
}

/** Parses and validates a gold file's JSON text; `name` names it in errors ({@link GoldError}). */
export function parseGold(json: string, name: string): Gold {
  let data: unknown;
  try {
    data = JSON.parse(json.charCodeAt(0) === 0xfeff ? json.slice(1) : json);
  } catch (cause) {
    throw new GoldError(name, `not valid JSON: ${(cause as Error).message}`, { cause });
  }
  const result = GoldSchema.safeParse(data);
  if (!result.success) {
    const detail = result.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
    throw new GoldError(name, `not a valid gold file: ${detail}`, { cause: result.error });
  }
  return result.data;
}

/** Reads and validates a gold file: {@link InputReadError} when it cannot be read, {@link GoldError} when it is invalid. */
export async function readGold(path: string): Promise<Gold> {
  let json: string;
  try {
    json = await readFile(path, "utf8");
  } catch (cause) {
    throw new InputReadError(path, `cannot read the gold file: ${(cause as Error).message}`, { cause });
  }
  return parseGold(json, path);
}
