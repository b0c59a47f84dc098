import { z } from "zod";
import { ArticleMetadataSchema, type Report } from "@corroborate/core";

/**
 * One input the user added: a pasted text, a dropped file, or a file of the example story.
 * Validated with zod where it crosses into the worker: the page is one boundary, the worker another.
 */
export const DemoInputSchema = z.object({
  /** Unique among the inputs of a session; also the input's name given to the adapters. */
  name: z.string().min(1),
  /** Bytes for files (adapters find the encoding), a string for pasted text. */
  data: z.union([z.instanceof(Uint8Array), z.string()]),
  /** Media type, when the browser knows it. */
  mediaType: z.string().nullable(),
  /** What the user (or the example's manifest) knows about the article; it overrides the input. */
  metadata: ArticleMetadataSchema,
});
/** One input of the demo. */
export type DemoInput = z.infer<typeof DemoInputSchema>;

/**
 * Page → worker: analyse this set of inputs, or hand over the bundled example story (which lives in
 * the worker's bundle with the core, keeping the page's own script small). `seq` pairs answers with requests.
 */
export const WorkerRequestSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("analyse"), seq: z.number().int().nonnegative(), inputs: z.array(DemoInputSchema) }),
  z.object({ kind: z.literal("example"), seq: z.number().int().nonnegative() }),
]);
/** A request to the worker. */
export type WorkerRequest = z.infer<typeof WorkerRequestSchema>;

/** Worker → page: the report of a request (with its JSON and Markdown renderings), the example's inputs, or why it failed. */
export type WorkerResponse =
  | {
      seq: number;
      ok: true;
      kind: "analyse";
      report: Report;
      json: string;
      markdown: string;
      /** Milliseconds the worker spent reading and reconciling the inputs. */
      ms: number;
      /** Names of the adapters the worker used. */
      adapters: string[];
    }
  | { seq: number; ok: true; kind: "example"; story: string; inputs: DemoInput[] }
  | { seq: number; ok: false; error: string };
