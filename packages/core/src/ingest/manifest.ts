import { z } from "zod";
import { ManifestError } from "../errors.js";
import { ArticleRoleSchema } from "../model/article.js";
import type { ArticleMetadata } from "./input.js";

/** One entry of a manifest: a file beside the manifest and what the user knows about it. */
export const ManifestEntrySchema = z
  .object({
    file: z.string().min(1),
    id: z.string().min(1).optional(),
    role: ArticleRoleSchema.optional(),
    outlet: z.string().nullable().optional(),
    url: z.string().nullable().optional(),
    title: z.string().nullable().optional(),
    byline: z.string().nullable().optional(),
    publishedAt: z.string().nullable().optional(),
    language: z.string().nullable().optional(),
    mediaType: z.string().nullable().optional(),
  })
  .loose();
/** A manifest entry. */
export type ManifestEntry = z.infer<typeof ManifestEntrySchema>;

/** A manifest: a story's articles with their metadata (`articles[]`). */
export const ManifestSchema = z
  .object({
    story: z.string().optional(),
    articles: z.array(ManifestEntrySchema).min(1),
  })
  .loose();
/** A manifest. */
export type Manifest = z.infer<typeof ManifestSchema>;

/** Parses and validates a manifest's JSON text; `name` names it in errors. */
export function parseManifest(json: string, name: string): Manifest {
  let data: unknown;
  try {
    data = JSON.parse(json.charCodeAt(0) === 0xfeff ? json.slice(1) : json);
  } catch (cause) {
    throw new ManifestError(name, `not valid JSON: ${(cause as Error).message}`, { cause });
  }
  const result = ManifestSchema.safeParse(data);
  if (!result.success) {
    const detail = result.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
    throw new ManifestError(name, `not a valid manifest: ${detail}`, { cause: result.error });
  }
  const ids = new Set<string>();
  for (const entry of result.data.articles) {
    if (entry.id && ids.has(entry.id)) throw new ManifestError(name, `article id "${entry.id}" appears twice`);
    if (entry.id) ids.add(entry.id);
  }
  return result.data;
}

/** The metadata overrides a manifest entry gives its article (null fields are kept: the user said "unknown"). */
export function manifestMetadata(entry: ManifestEntry): ArticleMetadata {
  const meta: ArticleMetadata = {};
  if (entry.id !== undefined) meta.id = entry.id;
  if (entry.role !== undefined) meta.role = entry.role;
  for (const key of ["outlet", "url", "title", "byline", "publishedAt", "language"] as const) {
    const value = entry[key];
    if (typeof value === "string") meta[key] = value;
  }
  return meta;
}
