import {
  decodeText,
  defineAdapter,
  inputExtension,
  lineParagraphs,
  looksBinary,
  type Adapter,
  type AdapterArticle,
  type AdapterInput,
  type Segment,
} from "@corroborate/core";

/** Metadata keys the front-matter header understands, and the article field each fills. */
const HEADER_KEYS: Record<string, "title" | "outlet" | "url" | "publishedAt" | "language" | "role" | "byline" | "id"> = {
  title: "title",
  headline: "title",
  outlet: "outlet",
  source: "outlet",
  url: "url",
  link: "url",
  published: "publishedAt",
  publishedat: "publishedAt",
  date: "publishedAt",
  language: "language",
  lang: "language",
  role: "role",
  byline: "byline",
  author: "byline",
  id: "id",
};

const TEXT_EXTENSIONS = new Set(["txt", "text", "md", "markdown"]);

/** Front matter found at the top of a text: its metadata and where it ends. */
export interface FrontMatter {
  metadata: Partial<Record<"title" | "outlet" | "url" | "publishedAt" | "language" | "role" | "byline" | "id", string>>;
  /** Offset just after the closing `---` line (0 when there is no header). */
  end: number;
}

/**
 * Reads an optional header block at the very top of the text:
 * ```
 * ---
 * title: Port strike enters second week
 * outlet: Harbour Gazette
 * published: 2024-03-04
 * ---
 * ```
 * The block stays in the text (spans index the file as it is) and becomes a `metadata` segment.
 */
export function readFrontMatter(text: string): FrontMatter {
  const open = /^---[ \t]*\r?\n/.exec(text);
  if (!open) return { metadata: {}, end: 0 };
  const close = /\r?\n---[ \t]*(\r?\n|$)/.exec(text.slice(open[0].length));
  if (!close) return { metadata: {}, end: 0 };
  const body = text.slice(open[0].length, open[0].length + close.index);
  const metadata: FrontMatter["metadata"] = {};
  for (const line of body.split(/\r?\n/)) {
    const m = /^\s*([A-Za-z]+)\s*:\s*(.*?)\s*$/.exec(line);
    if (!m) continue;
    const key = HEADER_KEYS[m[1]!.toLowerCase()];
    const value = m[2]!.replace(/^["']|["']$/g, "");
    if (key && value) metadata[key] = value;
  }
  if (Object.keys(metadata).length === 0) return { metadata: {}, end: 0 };
  return { metadata, end: open[0].length + close.index + close[0].length };
}

/** Options of {@link textAdapter}. */
export interface TextAdapterOptions {
  /** Default language when the file does not say (default `null`: unknown). */
  defaultLanguage?: string | null;
}

/**
 * The plain-text adapter: keeps the text verbatim (after removing a byte order mark), reads
 * optional front matter, and marks each non-empty line as a paragraph segment.
 */
export function textAdapter(options: TextAdapterOptions = {}): Adapter {
  return defineAdapter({
    name: "text",
    detect: detectText,
    parse(input) {
      const { text } = decodeText(input);
      const header = readFrontMatter(text);
      const segments: Segment[] = [];
      if (header.end > 0) {
        segments.push({ start: 0, end: header.end, kind: "metadata", language: null, reason: "front matter" });
      }
      for (const p of lineParagraphs(text)) {
        if (p.start >= header.end) segments.push(p);
      }
      const m = header.metadata;
      const role = m.role === "derived" || m.role === "source" ? m.role : undefined;
      const article: AdapterArticle = {
        text,
        segments,
        title: m.title ?? null,
        outlet: m.outlet ?? null,
        url: m.url ?? null,
        publishedAt: m.publishedAt ?? null,
        language: m.language ?? options.defaultLanguage ?? null,
        byline: m.byline ?? null,
        ...(role ? { role } : {}),
        ...(m.id ? { id: m.id } : {}),
      };
      return [article];
    },
  });
}

/** How likely the input is plain text: by extension and media type, else by sniffing the first bytes. */
export function detectText(input: AdapterInput): number {
  const ext = inputExtension(input);
  const type = (input.mediaType ?? "").toLowerCase();
  if (type.startsWith("text/plain") || type.startsWith("text/markdown")) return 0.9;
  if (TEXT_EXTENSIONS.has(ext)) return 0.9;
  const head =
    typeof input.data === "string" ? input.data.slice(0, 512) : new TextDecoder().decode(input.data.subarray(0, 512));
  if (typeof input.data !== "string" && looksBinary(input.data.subarray(0, 512))) return 0;
  const start = head.replace(/^\uFEFF/, "").trimStart();
  // Leave markup and JSON to their adapters; plain text is the fallback for everything else.
  if (start.startsWith("<") || start.startsWith("{") || start.startsWith("[")) return 0.05;
  return 0.3;
}
