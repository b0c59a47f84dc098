import { z } from "zod";
import { ReportSchema, type Report } from "../model/report.js";
import { joinChunks } from "./chunks.js";

/** Indentation of `JSON.stringify(…, null, 2)`: one step per nesting level. */
const STEP = "  ";

/**
 * Serialises a report as pretty JSON (two-space indent, a final newline). Key order follows the schema,
 * so equal reports give identical bytes. Throws the `ZodError` of the first invalid part, its issues'
 * paths from the report's root (`claims[12].start`).
 *
 * The text is {@link renderJsonChunks} joined: a large report (tens of thousands of claims) is better
 * streamed with that, since one string of it can pass the engine's maximum string length (a `RangeError`
 * that says so).
 */
export function renderJson(report: Report): string {
  try {
    return joinChunks(renderJsonChunks(report));
  } catch (error) {
    // V8's own message ("Invalid string length") does not say what to do instead.
    if (error instanceof RangeError && /string length/i.test(error.message)) {
      throw new RangeError("the report's JSON is longer than a JavaScript string can be: write it with renderJsonChunks", { cause: error });
    }
    throw error;
  }
}

/**
 * The JSON of {@link renderJson}, piece by piece, for writing a large report to a file or a stream
 * without building it as one string: the concatenation of the chunks is exactly `renderJson(report)`,
 * i.e. `JSON.stringify(ReportSchema.parse(report), null, 2) + "\n"`.
 *
 * Each element of the report's arrays (an article, a claim, a conflict, …) is validated and normalised on
 * its own with its element schema, then rendered as one chunk (with the punctuation before it), so no
 * chunk is larger than one top-level element and no copy of the whole report is ever made. Iterating is
 * lazy: a consumer that writes each chunk before asking for the next holds one element's JSON at a time.
 * An invalid element throws its `ZodError` when it is reached (the chunks before it have been yielded),
 * with paths from the report's root, as `ReportSchema.parse` would name them. With `compact: true` the
 * same report is written on one line (see {@link JsonRenderOptions}).
 */
export function* renderJsonChunks(report: Report, options: JsonRenderOptions = {}): Generator<string, void, undefined> {
  if (typeof report !== "object" || report === null || Array.isArray(report)) {
    // Not an object at all: the whole-report parse gives zod's usual error.
    ReportSchema.parse(report);
    return;
  }
  const compact = options.compact ?? false;
  const input = report as Record<string, unknown>;
  let first = true;
  for (const [key, field] of Object.entries(ReportSchema.shape) as [string, z.ZodType][]) {
    const lead = compact ? `${first ? "{" : ","}${JSON.stringify(key)}:` : `${first ? "{\n" : ",\n"}${STEP}${JSON.stringify(key)}: `;
    const value = input[key];
    const element = streamableElement(field);
    if (element && Array.isArray(value)) {
      first = false;
      if (value.length === 0) {
        yield `${lead}[]`;
        continue;
      }
      for (let i = 0; i < value.length; i++) {
        const parsed = parseAt(element, value[i], [key, i]);
        // Rendered inside an array so that what has no JSON becomes `null`, as it does in the whole array.
        const item = compact ? JSON.stringify([parsed]).slice(1, -1) : elementJson(parsed);
        if (compact) yield i === 0 ? `${lead}[${item}` : `,${item}`;
        else yield i === 0 ? `${lead}[\n${item}` : `,\n${item}`;
      }
      yield compact ? "]" : `\n${STEP}]`;
      continue;
    }
    // A scalar or small field, or a missing array that takes its default: parsed whole.
    const parsed = parseAt(field, value, [key]);
    const text = compact ? (JSON.stringify(parsed) as string | undefined) : stringify(parsed, 1);
    if (text === undefined) continue; // JSON.stringify leaves out keys whose value is undefined.
    first = false;
    yield lead + text;
  }
  if (compact) yield first ? "{}" : "}";
  else yield first ? "{}\n" : "\n}\n";
}

/** Options of {@link renderJsonChunks}. */
export interface JsonRenderOptions {
  /**
   * One line: no indentation, no spaces, no final line break, i.e. the chunks joined are exactly
   * `JSON.stringify(ReportSchema.parse(report))` (for JSON Lines). Default false (pretty, as `renderJson`).
   */
  compact?: boolean;
}

/**
 * The element schema of a report field that can be validated element by element: an array, or an array
 * with a default, without checks on the array itself (a length check needs the whole array).
 */
function streamableElement(field: z.ZodType): z.ZodType | null {
  const inner = field instanceof z.ZodDefault ? (field.def.innerType as z.ZodType) : field;
  if (!(inner instanceof z.ZodArray) || (inner.def.checks?.length ?? 0) > 0) return null;
  return inner.element as z.ZodType;
}

/** Parses `value` with `schema`; a failure is rethrown with its paths from the report's root. */
function parseAt(schema: z.ZodType, value: unknown, at: PropertyKey[]): unknown {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new z.ZodError(result.error.issues.map((issue) => ({ ...issue, path: [...at, ...issue.path] })));
}

/**
 * An array element of a top-level field as `JSON.stringify(…, null, 2)` writes it in the whole document,
 * its first line's indent included: the element is rendered two arrays deep and the brackets cut off, so
 * JSON itself indents the nested lines (no second pass over the text) and writes `null` for what has no
 * JSON, as it does in arrays.
 */
function elementJson(value: unknown): string {
  return JSON.stringify([[value]], null, 2).slice(ELEMENT_OPEN.length, -ELEMENT_CLOSE.length);
}
const ELEMENT_OPEN = `[\n${STEP}[\n`;
const ELEMENT_CLOSE = `\n${STEP}]\n]`;

/**
 * `JSON.stringify(value, null, 2)` as it would appear `depth` levels deep in the whole document: JSON
 * strings never hold a raw line break, so indenting every line break indents exactly the nested lines.
 */
function stringify(value: unknown, depth: number): string | undefined {
  const text = JSON.stringify(value, null, 2) as string | undefined;
  return text === undefined ? undefined : text.replaceAll("\n", `\n${STEP.repeat(depth)}`);
}
