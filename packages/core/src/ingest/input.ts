import { z } from "zod";
import { ArticleRoleSchema } from "../model/article.js";
import type { CorroborateError } from "../errors.js";

/** One input handed to an adapter: bytes or a string, with its name and, when known, its media type. */
export interface AdapterInput {
  /** A name for the input (file name or URL); errors and default ids use it. */
  name: string;
  /** The content, as bytes (preferred: adapters find the encoding) or as an already decoded string. */
  data: Uint8Array | string;
  /** Media type when known (`text/html`, `application/rss+xml`). */
  mediaType?: string | null;
}

/** Metadata a caller knows about an input (from a manifest or flags); it overrides what the input says. */
export const ArticleMetadataSchema = z
  .object({
    id: z.string().min(1),
    role: ArticleRoleSchema,
    outlet: z.string().nullable(),
    url: z.string().nullable(),
    title: z.string().nullable(),
    byline: z.string().nullable(),
    publishedAt: z.string().nullable(),
    language: z.string().nullable(),
  })
  .partial();
/** Caller-known metadata. */
export type ArticleMetadata = z.infer<typeof ArticleMetadataSchema>;

/** Options for parsing one input. */
export interface ParseOptions {
  /** Metadata that overrides what the input declares. */
  metadata?: ArticleMetadata;
  /** Reject inputs larger than this many bytes (default 64 MiB). */
  maxBytes?: number;
  /**
   * Called for each item of a multi-article input (a feed entry) that could not be read while the
   * rest of the input still was; the error names the input and the item. `ingest` lists these in its
   * `failures`. Adapters of single-article formats never call it.
   */
  onItemFailure?: (error: CorroborateError) => void;
}

/** Default size limit for one input. */
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

/** The input's size in bytes (strings counted as UTF-16 code units × 2 at most, cheaply: length). */
export function inputSize(input: AdapterInput): number {
  return typeof input.data === "string" ? input.data.length : input.data.byteLength;
}

/** The lower-cased file extension of an input's name, without the dot ("" when none). */
export function inputExtension(input: AdapterInput): string {
  const base = input.name.split(/[\\/]/).pop() ?? "";
  const lower = base.toLowerCase().replace(/\.gz$/, "");
  const dot = lower.lastIndexOf(".");
  return dot <= 0 ? "" : lower.slice(dot + 1);
}

/** The base name of an input without directories or extensions, for default ids. */
export function inputStem(input: AdapterInput): string {
  const base = input.name.split(/[\\/]/).pop() ?? input.name;
  return base.replace(/(\.[a-z0-9]{1,8})+$/i, "") || base;
}
