import { BinaryInputError, CorroborateError, NoAdapterError, ParseError } from "../errors.js";
import { looksBinary } from "./decode.js";
import type { Article } from "../model/article.js";
import type { InputFailure } from "../model/report.js";
import type { Adapter } from "./adapter.js";
import type { AdapterInput, ParseOptions } from "./input.js";

/** Detection scores below this are "no". */
export const MIN_DETECT_SCORE = 0.1;

/** Chooses among adapters by their `detect` score. */
export interface Registry {
  readonly adapters: readonly Adapter[];
  /** The best adapter for the input, or null. Ties go to the adapter registered first. */
  pick(input: AdapterInput): Adapter | null;
  /** Parses the input with the best adapter, or throws {@link NoAdapterError}. */
  parse(input: AdapterInput, options?: ParseOptions): Promise<Article[]>;
}

/** Creates a registry over the given adapters (order breaks ties). */
export function createRegistry(adapters: readonly Adapter[]): Registry {
  const names = new Set<string>();
  for (const adapter of adapters) {
    if (names.has(adapter.name)) throw new Error(`two adapters are named "${adapter.name}"`);
    names.add(adapter.name);
  }
  const registry: Registry = {
    adapters,
    pick(input) {
      let best: Adapter | null = null;
      let bestScore = MIN_DETECT_SCORE;
      for (const adapter of adapters) {
        const score = adapter.detect(input);
        if (score > bestScore) {
          best = adapter;
          bestScore = score;
        }
      }
      return best;
    },
    async parse(input, options) {
      const adapter = registry.pick(input);
      if (!adapter) {
        if (typeof input.data !== "string" && looksBinary(input.data.subarray(0, 4096))) {
          throw new BinaryInputError(input.name, "the input looks like binary data (NUL or control bytes), and no adapter reads it");
        }
        throw new NoAdapterError(
          input.name,
          `no adapter recognises this input (tried: ${adapters.map((a) => a.name).join(", ") || "none"})`,
        );
      }
      return adapter.parse(input, options);
    },
  };
  return registry;
}

/** One input with the options to parse it with. */
export interface IngestItem {
  input: AdapterInput;
  options?: ParseOptions;
}

/** What a batch ingestion produced: the articles, and every input that failed with its reason. */
export interface IngestResult {
  articles: Article[];
  failures: InputFailure[];
}

/**
 * Parses a batch of inputs. A failing input never stops the batch: it is listed in `failures`
 * with its error's code and message, as is each failed item of an input whose other items were read
 * (reported by the adapter through `onItemFailure`). Article ids are made unique in input order (`-2`, `-3`...).
 */
export async function ingest(items: readonly IngestItem[], registry: Registry): Promise<IngestResult> {
  const articles: Article[] = [];
  const failures: InputFailure[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    const itemFailures: InputFailure[] = [];
    const options: ParseOptions = {
      ...item.options,
      onItemFailure: (error) => {
        itemFailures.push(toFailure(item.input.name, error));
        item.options?.onItemFailure?.(error);
      },
    };
    try {
      const parsed = await registry.parse(item.input, options);
      for (const article of parsed) {
        let id = article.id;
        for (let n = 2; seen.has(id); n++) id = `${article.id}-${n}`;
        seen.add(id);
        articles.push(id === article.id ? article : { ...article, id });
      }
      failures.push(...itemFailures);
    } catch (error) {
      failures.push(toFailure(item.input.name, error));
    }
  }
  return { articles, failures };
}

/** Describes any thrown value as an {@link InputFailure}. */
export function toFailure(input: string, error: unknown): InputFailure {
  const e = CorroborateError.is(error)
    ? error
    : new ParseError(input, error instanceof Error ? error.message : String(error), { cause: error });
  return { input, code: e.code, name: e.name, message: e.message };
}
