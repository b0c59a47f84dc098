import type { gunzipSync } from "node:zlib";
import sniffHTMLEncoding from "html-encoding-sniffer";
import {
  decodeText,
  DEFAULT_MAX_BYTES,
  InputTooLargeError,
  ParseError,
  type AdapterInput,
  type DecodedText,
} from "@corroborate/core";

/** Options of {@link decodeHtml}. */
export interface DecodeHtmlOptions {
  /** Largest decompressed size accepted for gzip input, in bytes (default 64 MiB). */
  maxBytes?: number;
}

/** True when the bytes start with the gzip magic number. */
export function isGzip(data: AdapterInput["data"]): data is Uint8Array {
  return typeof data !== "string" && data.byteLength >= 2 && data[0] === 0x1f && data[1] === 0x8b;
}

/**
 * Decodes an HTML page's bytes the way browsers do: gzip is inflated first (bounded by `maxBytes`,
 * {@link gunzip}), then the encoding is found by {@link sniffHtmlEncoding} (byte order mark, the
 * `charset` of the input's media type, the `<meta charset>` / `http-equiv` prescan), else UTF-8 when the
 * bytes are valid UTF-8, else windows-1252. Empty, binary and undecodable inputs are typed errors naming
 * the input (from core's `decodeText`, which decodes with `TextDecoder`). Runs in Node and in browsers.
 */
export async function decodeHtml(input: AdapterInput, options: DecodeHtmlOptions = {}): Promise<DecodedText> {
  if (typeof input.data === "string") return decodeText(input);
  const bytes = isGzip(input.data) ? await gunzip(input.data, input.name, options.maxBytes ?? DEFAULT_MAX_BYTES) : input.data;
  return decodeText({ ...input, data: bytes }, { declared: sniffHtmlEncoding(bytes, input.mediaType), fallback: "windows-1252" });
}

/**
 * The encoding an HTML page declares, by the HTML standard's sniffing algorithm (`html-encoding-sniffer`):
 * its byte order mark, else the `charset` parameter of `mediaType` (the transport layer's label), else
 * the `<meta charset>` / `http-equiv="Content-Type"` found by the prescan of the first 1,024 bytes; null
 * when none of them names an encoding (the caller then tries UTF-8, then its fallback).
 */
export function sniffHtmlEncoding(bytes: Uint8Array, mediaType?: string | null): string | null {
  const transport = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(mediaType ?? "")?.[1];
  return sniffHTMLEncoding(bytes, { ...(transport ? { transportLayerEncodingLabel: transport } : {}), defaultEncoding: null });
}

/**
 * Inflates gzip data, refusing output past `maxBytes` (a gzip bomb) with an `InputTooLargeError` and
 * corrupt or truncated data with a `ParseError`, both naming the input. In Node it uses `node:zlib`,
 * reached through `process.getBuiltinModule` rather than an import so that browser bundles carry no
 * `node:` module; elsewhere the platform's `DecompressionStream` ({@link gunzipWithStream}).
 */
export async function gunzip(data: Uint8Array, name: string, maxBytes: number): Promise<Uint8Array> {
  const zlib = nodeZlib();
  return zlib ? gunzipWithZlib(zlib.gunzipSync, data, name, maxBytes) : gunzipWithStream(data, name, maxBytes);
}

/**
 * Inflates gzip data with the web platform's `DecompressionStream` (browsers, workers, Node), reading it
 * chunk by chunk and cancelling as soon as the output passes `maxBytes`, so a bomb never sits in memory.
 */
export async function gunzipWithStream(data: Uint8Array, name: string, maxBytes: number): Promise<Uint8Array> {
  if (typeof DecompressionStream !== "function") {
    throw new ParseError(name, "the input is gzip data, and this runtime has no DecompressionStream to inflate it");
  }
  const reader = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream("gzip")).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        reader.cancel().catch(() => undefined);
        throw new InputTooLargeError(name, `the gzip data inflates to more than ${maxBytes} bytes`);
      }
      chunks.push(value);
    }
  } catch (cause) {
    if (cause instanceof InputTooLargeError) throw cause;
    throw new ParseError(name, `the gzip data is corrupt: ${(cause as Error).message}`, { cause });
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

function gunzipWithZlib(inflate: typeof gunzipSync, data: Uint8Array, name: string, maxBytes: number): Uint8Array {
  try {
    return new Uint8Array(inflate(data, { maxOutputLength: maxBytes }));
  } catch (cause) {
    if ((cause as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") {
      throw new InputTooLargeError(name, `the gzip data inflates to more than ${maxBytes} bytes`, { cause });
    }
    throw new ParseError(name, `the gzip data is corrupt: ${(cause as Error).message}`, { cause });
  }
}

/** Node's zlib when running in Node (20.16+), else undefined. */
function nodeZlib(): { gunzipSync: typeof gunzipSync } | undefined {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return typeof proc?.getBuiltinModule === "function" ? (proc.getBuiltinModule("node:zlib") as { gunzipSync: typeof gunzipSync } | undefined) : undefined;
}
