import { gunzipSync } from "node:zlib";
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
 * Decodes an HTML page's bytes the way browsers do: gzip is inflated first (bounded by `maxBytes`),
 * then the encoding is the byte order mark's, else the `charset` of the input's media type, else the
 * `<meta charset>` / `http-equiv` found by the WHATWG prescan (`html-encoding-sniffer`), else UTF-8 when
 * the bytes are valid UTF-8, else windows-1252. Empty, binary and undecodable inputs are typed errors
 * naming the input (from core's `decodeText`).
 */
export function decodeHtml(input: AdapterInput, options: DecodeHtmlOptions = {}): DecodedText {
  if (typeof input.data === "string") return decodeText(input);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let bytes = input.data;
  if (isGzip(bytes)) {
    try {
      bytes = new Uint8Array(gunzipSync(bytes, { maxOutputLength: maxBytes }));
    } catch (cause) {
      if ((cause as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") {
        throw new InputTooLargeError(input.name, `the gzip data inflates to more than ${maxBytes} bytes`, { cause });
      }
      throw new ParseError(input.name, `the gzip data is corrupt: ${(cause as Error).message}`, { cause });
    }
  }
  const transport = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(input.mediaType ?? "")?.[1];
  const declared = sniffHTMLEncoding(bytes, {
    ...(transport ? { transportLayerEncodingLabel: transport } : {}),
    defaultEncoding: null,
  });
  return decodeText({ ...input, data: bytes }, { declared, fallback: "windows-1252" });
}
