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
  const validate = options.validate ?? true;
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
        const parsed = validate ? parseAt(element, value[i], [key, i]) : arranger(element)(value[i]);
        // What has no JSON (undefined) is `null` in an array, as in the whole array.
        const item = compact ? ((JSON.stringify(parsed) as string | undefined) ?? "null") : elementJson(parsed);
        if (compact) yield i === 0 ? `${lead}[${item}` : `,${item}`;
        else yield i === 0 ? `${lead}[\n${item}` : `,\n${item}`;
      }
      yield compact ? "]" : `\n${STEP}]`;
      continue;
    }
    // A scalar or small field, or a missing array that takes its default: parsed whole.
    const parsed = validate ? parseAt(field, value, [key]) : arranger(field)(value);
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
  /**
   * Check each element with its schema before writing it (default true). `false` skips the checks, about
   * twice as fast, for a report `reconcile` has just built: the objects are still arranged as the schema
   * says (its key order, unknown keys left out, defaults filled in), so a valid report gives the same bytes
   * either way; an invalid one is written as it is instead of throwing.
   */
  validate?: boolean;
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

/** Rewrites a value as its schema's parse would output it, without checking it. */
type Arranger = (value: unknown) => unknown;

const arrangers = new WeakMap<z.ZodType, Arranger>();
const asIs: Arranger = (value) => value;

/**
 * The {@link Arranger} of a schema, compiled once. Written by hand because zod has no mode that strips and
 * orders an object without checking it, and its checks cost about as much again as writing the JSON.
 * Objects, arrays, optional, nullable and default wrappers are walked; scalars, enums, literals and unions
 * of those are taken as they are; any other kind of schema is parsed by zod, so the output stays exact.
 */
function arranger(schema: z.ZodType): Arranger {
  let arrange = arrangers.get(schema);
  if (!arrange) {
    arrange = compileArranger(schema);
    arrangers.set(schema, arrange);
  }
  return arrange;
}

function compileArranger(schema: z.ZodType): Arranger {
  if (schema instanceof z.ZodObject) {
    const keys = Object.keys(schema.shape);
    const fields = Object.values(schema.shape) as z.ZodType[];
    let children: Arranger[] | null = null; // compiled on first use: a schema may name itself deeper down
    return (value) => {
      if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
      children ??= fields.map(arranger);
      const input = value as Record<string, unknown>;
      // Most objects already have the schema's keys in its order: then they are kept, not copied, unless a
      // value inside changes (a default filled in deeper down).
      let count = 0;
      for (const key in input) if (key !== keys[count++]) return rebuild(input, children);
      if (count !== keys.length) return rebuild(input, children);
      let out: Record<string, unknown> | null = null;
      for (let i = 0; i < keys.length; i++) {
        const v = input[keys[i]!];
        const w = children[i]!(v);
        if (w !== v) (out ??= { ...input })[keys[i]!] = w;
      }
      return out ?? input;
    };
    function rebuild(input: Record<string, unknown>, children: Arranger[]): Record<string, unknown> {
      const out: Record<string, unknown> = {};
      for (let i = 0; i < keys.length; i++) {
        const v = children[i]!(input[keys[i]!]);
        if (v !== undefined) out[keys[i]!] = v; // JSON leaves out keys whose value is undefined
      }
      return out;
    }
  }
  if (schema instanceof z.ZodArray) {
    const element = schema.element as z.ZodType;
    return (value) => {
      if (!Array.isArray(value)) return value;
      const arrange = arranger(element);
      let out: unknown[] | null = null;
      for (let i = 0; i < value.length; i++) {
        const v: unknown = value[i];
        const w = arrange(v);
        if (w !== v) (out ??= value.slice())[i] = w;
      }
      return out ?? value;
    };
  }
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) {
    const inner = arranger(schema.unwrap() as z.ZodType);
    return inner === asIs ? asIs : (value) => (value === undefined || value === null ? value : inner(value));
  }
  if (schema instanceof z.ZodDefault) {
    const inner = arranger(schema.def.innerType as z.ZodType);
    return (value) => (value === undefined ? (schema.def.defaultValue as unknown) : inner(value));
  }
  if (schema instanceof z.ZodUnion) {
    const options = schema.options as z.ZodType[];
    if (options.every((o) => arranger(o) === asIs)) return asIs;
  } else if (SCALARS.some((kind) => schema instanceof kind)) {
    return asIs;
  }
  return (value) => schema.parse(value);
}
const SCALARS = [z.ZodString, z.ZodNumber, z.ZodBoolean, z.ZodEnum, z.ZodLiteral, z.ZodNull];

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
