import { ZodError } from "zod";
import { CorroborateError, InputTooLargeError, InvalidArticleError, ParseError } from "../errors.js";
import { ArticleSchema, type Article, type ArticleInput } from "../model/article.js";
import { DEFAULT_MAX_BYTES, inputSize, inputStem, type AdapterInput, type ParseOptions } from "./input.js";

/** Version of the adapter contract. Adapters declare the version they implement. */
export const ADAPTER_SPECIFICATION_VERSION = "v1";

/** What an adapter's format logic returns for one article; `id`, `source` and metadata overrides are filled in. */
export type AdapterArticle = Omit<ArticleInput, "id" | "source"> & { id?: string; source?: ArticleInput["source"] };

/** The contract every ingestion adapter implements (version `v1`). */
export interface Adapter {
  readonly specificationVersion: typeof ADAPTER_SPECIFICATION_VERSION;
  /** Stable adapter name, e.g. `text`, `html`. */
  readonly name: string;
  /**
   * How likely this adapter can read the input, from 0 (no) to 1 (certain). Must be cheap: look at the
   * name, the media type and the first bytes only. Never throws.
   */
  detect(input: AdapterInput): number;
  /** Reads the input into one or more articles, or throws a {@link CorroborateError} naming the input. */
  parse(input: AdapterInput, options?: ParseOptions): Promise<Article[]>;
}

/** The format logic an adapter author writes; {@link defineAdapter} adds the rest. */
export interface AdapterDefinition {
  name: string;
  detect(input: AdapterInput): number;
  parse(input: AdapterInput, options: ParseOptions): AdapterArticle[] | Promise<AdapterArticle[]>;
}

/**
 * Turns format logic into a full adapter: size limits, stable default ids (`<file stem>` or
 * `<file stem>-<n>` for inputs with several articles), metadata overrides, validation of every
 * article against the model, and wrapping of unexpected exceptions in a typed {@link ParseError}.
 */
export function defineAdapter(definition: AdapterDefinition): Adapter {
  return {
    specificationVersion: ADAPTER_SPECIFICATION_VERSION,
    name: definition.name,
    detect(input) {
      try {
        const score = definition.detect(input);
        return Number.isFinite(score) ? Math.max(0, Math.min(1, score)) : 0;
      } catch {
        return 0;
      }
    },
    async parse(input, options = {}) {
      const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
      const size = inputSize(input);
      if (size > maxBytes) {
        throw new InputTooLargeError(input.name, `the input is ${size} bytes, over the limit of ${maxBytes} bytes`);
      }
      let raw: AdapterArticle[];
      try {
        raw = await definition.parse(input, options);
      } catch (error) {
        if (CorroborateError.is(error)) throw error;
        throw new ParseError(input.name, `${definition.name} adapter failed: ${describe(error)}`, { cause: error });
      }
      if (!Array.isArray(raw) || raw.length === 0) {
        throw new ParseError(input.name, `${definition.name} adapter returned no article`);
      }
      const stem = slugify(inputStem(input)) || "article";
      return raw.map((article, index) => finishArticle(article, index, raw.length, stem, input, definition.name, options));
    },
  };
}

function finishArticle(
  article: AdapterArticle,
  index: number,
  count: number,
  stem: string,
  input: AdapterInput,
  adapter: string,
  options: ParseOptions,
): Article {
  const meta = options.metadata ?? {};
  const defaultId = count === 1 ? stem : `${stem}-${index + 1}`;
  const id = count === 1 && meta.id ? meta.id : meta.id ? `${meta.id}-${index + 1}` : (article.id ?? defaultId);
  const merged: ArticleInput = {
    ...article,
    id,
    role: meta.role ?? article.role,
    outlet: meta.outlet ?? article.outlet,
    url: meta.url ?? article.url,
    title: meta.title ?? article.title,
    byline: meta.byline ?? article.byline,
    publishedAt: meta.publishedAt ?? article.publishedAt,
    language: meta.language ?? article.language,
    source: article.source ?? { input: input.name, adapter, mediaType: input.mediaType ?? null, index },
  };
  try {
    return ArticleSchema.parse(merged);
  } catch (error) {
    const detail = error instanceof ZodError ? error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") : describe(error);
    throw new InvalidArticleError(input.name, `${adapter} adapter produced an invalid article: ${detail}`, { cause: error });
  }
}

/** Lower-case ASCII slug used for ids: letters, digits and dashes. */
export function slugify(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
