import { BinaryInputError, EmptyInputError, EncodingError } from "../errors.js";
import type { AdapterInput } from "./input.js";

/** Result of decoding an input's bytes. */
export interface DecodedText {
  text: string;
  /** WHATWG encoding label used. */
  encoding: string;
  /** Whether a byte order mark was found (and removed). */
  bom: boolean;
}

/** Options for {@link decodeText}. */
export interface DecodeOptions {
  /** Encoding declared by the container (HTTP header, XML declaration, meta charset). */
  declared?: string | null;
  /** Encoding to try when the bytes are not valid UTF-8 and nothing is declared (default windows-1252). */
  fallback?: string;
}

/**
 * Decodes an input to a string: BOM first (UTF-8, UTF-16 LE/BE), then the declared encoding, then
 * strict UTF-8, then the fallback legacy encoding (as browsers do). Binary data and empty inputs are
 * typed errors naming the input. TextDecoder does the decoding; only the sniffing is ours.
 */
export function decodeText(input: AdapterInput, options: DecodeOptions = {}): DecodedText {
  if (typeof input.data === "string") {
    const text = input.data.charCodeAt(0) === 0xfeff ? input.data.slice(1) : input.data;
    checkText(input.name, text);
    return { text, encoding: "utf-8", bom: text.length !== input.data.length };
  }
  const bytes = input.data;
  if (bytes.byteLength === 0) throw new EmptyInputError(input.name, "the input is empty (0 bytes)");
  let encoding: string | null = null;
  let offset = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = "utf-8";
    offset = 3;
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = "utf-16le";
    offset = 2;
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = "utf-16be";
    offset = 2;
  }
  const body = bytes.subarray(offset);
  if (encoding === null) {
    if (looksBinary(body)) {
      throw new BinaryInputError(input.name, "the input looks like binary data, not text (NUL or control bytes)");
    }
    const declared = normaliseLabel(options.declared);
    if (declared && declared !== "utf-8") encoding = declared;
  }
  if (encoding === null) {
    try {
      const text = new TextDecoder("utf-8", { fatal: true }).decode(body);
      checkText(input.name, text);
      return { text, encoding: "utf-8", bom: false };
    } catch (error) {
      if (error instanceof EmptyInputError || error instanceof BinaryInputError) throw error;
      encoding = normaliseLabel(options.fallback) ?? "windows-1252";
    }
  }
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: encoding.startsWith("utf") }).decode(body);
    if (encoding === "windows-1252") text = fixWindows1252(text);
  } catch (cause) {
    throw new EncodingError(input.name, `the bytes are not valid ${encoding}`, { cause });
  }
  checkText(input.name, text);
  return { text, encoding, bom: offset > 0 };
}

/** Lower-cases and validates an encoding label; null when TextDecoder does not know it. */
export function normaliseLabel(label: string | null | undefined): string | null {
  if (!label) return null;
  try {
    return new TextDecoder(label.trim().toLowerCase()).encoding;
  } catch {
    return null;
  }
}

/** True when a sample of the bytes holds NUL bytes or many control characters. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.byteLength, 8192);
  if (n === 0) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  return control / n > 0.1;
}

function checkText(name: string, text: string): void {
  if (text.trim().length === 0) throw new EmptyInputError(name, "the input holds no text (empty or whitespace only)");
  // Decoded strings can still be binary (a string input, or UTF-16 garbage).
  let control = 0;
  const n = Math.min(text.length, 8192);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) throw new BinaryInputError(name, "the text holds NUL characters: binary data, not text");
    if (c < 9 || (c > 13 && c < 32)) control++;
  }
  if (control / n > 0.1) throw new BinaryInputError(name, "the text is mostly control characters: binary data, not text");
}

// Node's TextDecoder decodes windows-1252 as ISO-8859-1 (bytes 0x80-0x9F become C1 controls instead of
// “ ” – € ...). Browsers do it right; this maps the 27 differing code points by hand, per the WHATWG table.
const CP1252_C1 = "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

/** Replaces C1 control characters left by a latin-1 decode with their windows-1252 characters. */
export function fixWindows1252(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80]!);
}
