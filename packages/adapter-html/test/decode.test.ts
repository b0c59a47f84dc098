import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { InputTooLargeError, ParseError } from "@corroborate/core";
import { decodeHtml, gunzip, sniffHtmlEncoding } from "../src/index.js";
import { gunzipWithStream } from "../src/decode.js";

const dir = join(import.meta.dirname, "fixtures");
const bytes = (name: string) => new Uint8Array(readFileSync(join(dir, name)));
const enc = new TextEncoder();

describe("gunzip: node:zlib in Node, DecompressionStream elsewhere, the same results and errors", () => {
  const page = bytes("harbour-page.html");
  const gz = new Uint8Array(gzipSync(page));
  const paths = [
    ["gunzip (Node: zlib)", gunzip],
    ["gunzipWithStream (browsers)", gunzipWithStream],
  ] as const;

  for (const [label, inflate] of paths) {
    it(`${label} inflates a page byte for byte`, async () => {
      expect(await inflate(gz, "page.html.gz", 1_000_000)).toEqual(page);
    });

    it(`${label} refuses a gzip bomb past maxBytes with INPUT_TOO_LARGE naming the input`, async () => {
      const bomb = new Uint8Array(gzipSync(new Uint8Array(5_000_000)));
      const error = await inflate(bomb, "bomb.html.gz", 1_000_000).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputTooLargeError);
      expect(error).toMatchObject({ code: "INPUT_TOO_LARGE", input: "bomb.html.gz", message: expect.stringContaining("more than 1000000 bytes") });
    });

    it(`${label} says PARSE_ERROR for corrupt and truncated gzip data`, async () => {
      const corrupt = new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3, 4, 5]);
      for (const [name, data] of [["corrupt.html.gz", corrupt], ["cut.html.gz", gz.subarray(0, gz.length - 12)]] as const) {
        const error = await inflate(data, name, 1_000_000).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ParseError);
        expect(error).toMatchObject({ input: name, message: expect.stringContaining("the gzip data is corrupt") });
      }
    });
  }

  it("the stream's output decodes to the same page text as the zlib path's", async () => {
    const viaStream = await decodeHtml({ name: "p.html", data: await gunzipWithStream(gz, "p.html.gz", 1_000_000) });
    expect(viaStream.text).toBe((await decodeHtml({ name: "p.html.gz", data: gz })).text);
  });
});

describe("sniffHtmlEncoding: the HTML standard's sniffing algorithm", () => {
  const meta = (decl: string, body = "<p>x</p>") => enc.encode(`<!doctype html><html><head>${decl}</head><body>${body}</body></html>`);

  it("finds <meta charset> and the http-equiv Content-Type pragma in the prescan", () => {
    expect(sniffHtmlEncoding(meta('<meta charset="ISO-8859-2">'))?.toLowerCase()).toBe("iso-8859-2");
    expect(sniffHtmlEncoding(meta("<meta charset=koi8-r>"))?.toLowerCase()).toBe("koi8-r");
    expect(sniffHtmlEncoding(meta('<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'))?.toLowerCase()).toBe("windows-1251");
    // content= with a charset but no http-equiv pragma declares nothing.
    expect(sniffHtmlEncoding(meta('<meta content="text/html; charset=windows-1251">'))).toBeNull();
  });

  it("puts the byte order mark first, then the media type's charset, then the markup", () => {
    const declared = meta('<meta charset="koi8-r">');
    expect(sniffHtmlEncoding(new Uint8Array([0xef, 0xbb, 0xbf, ...declared]))?.toLowerCase()).toBe("utf-8");
    expect(sniffHtmlEncoding(declared, "text/html; charset=ISO-8859-1")?.toLowerCase()).toBe("windows-1252");
    expect(sniffHtmlEncoding(declared, "text/html")?.toLowerCase()).toBe("koi8-r");
  });

  it("ignores declarations inside comments, past the first 1,024 bytes, or naming no encoding", () => {
    expect(sniffHtmlEncoding(meta('<!-- <meta charset="koi8-r"> -->'))).toBeNull();
    expect(sniffHtmlEncoding(meta(`<title>${"x".repeat(1100)}</title><meta charset="koi8-r">`))).toBeNull();
    expect(sniffHtmlEncoding(meta('<meta charset="no-such-encoding">'))).toBeNull();
    // A page cannot declare itself UTF-16 in ASCII markup: the standard reads that as UTF-8.
    expect(sniffHtmlEncoding(meta('<meta charset="utf-16le">'))?.toLowerCase()).toBe("utf-8");
  });
});

describe("browser safety", () => {
  it("no source file imports a node: module at run time (type-only imports are erased)", () => {
    const src = join(import.meta.dirname, "../src");
    const offending = readdirSync(src)
      .filter((f) => f.endsWith(".ts"))
      .flatMap((f) => (readFileSync(join(src, f), "utf8").match(/^import\s+(?!type\s)[^;]*?from\s+["']node:[^"']+["']/gm) ?? []).map((m) => `${f}: ${m}`));
    expect(offending).toEqual([]);
  });
});
