/**
 * Guards run on the HTML string before any DOM is built: hostile markup (100,000 nested `<div>`s, a
 * million unclosed `<b>`s, millions of elements) is refused in one linear pass, before the parser and
 * Readability spend seconds and gigabytes on it. Written by hand because HTML parsers have no such
 * limits (htmlparser2 and parse5 build whatever they are given).
 */
import { HostileInputError } from "@corroborate/core";

/** Limits that keep hostile pages bounded in time and memory. */
export interface PageLimits {
  /** Deepest element nesting accepted (default 1,000); deeper is a {@link HostileInputError}. */
  maxDepth?: number;
  /** Most elements accepted in one page (default 100,000); more is a {@link HostileInputError}. */
  maxElements?: number;
  /** Most `<` that start no tag (`a < b` in text) accepted (default 50,000): parsers slow down on each. */
  maxStrayLessThan?: number;
}

// Scripts (but JSON-LD), styles, inline SVG and comments never hold article text; they are often more
// than half of a page's bytes. Cutting them before parsing makes the DOM smaller for every later stage.
// A script's content ends at the first `</script`, as in the HTML tokenizer, so this cuts what a browser
// would. Written as a scan (not one regular expression with a lazy `[\s\S]*?`), so that thousands of
// unterminated `<script>`s cannot make each one rescan the rest of the page.
const INERT_OPEN = /<(script|style|svg)\b([^<>]*)>|<!--/gi;
const INERT_CLOSE: Record<string, RegExp> = {
  script: /<\/script\s*>/gi,
  style: /<\/style\s*>/gi,
  svg: /<\/svg\s*>/gi,
  comment: /-->/g,
};

/** The HTML without scripts (JSON-LD kept), styles, inline SVG and comments; an unterminated one runs to the end, as in browsers. */
export function stripInert(html: string): string {
  let out = "";
  let from = 0;
  INERT_OPEN.lastIndex = 0;
  for (let m = INERT_OPEN.exec(html); m; m = INERT_OPEN.exec(html)) {
    const kind = m[1] ? m[1].toLowerCase() : "comment";
    if (kind === "script" && /application\/ld\+json/i.test(m[2] ?? "")) continue;
    const close = INERT_CLOSE[kind]!;
    close.lastIndex = m.index + m[0].length;
    const end = close.exec(html);
    out += html.slice(from, m.index);
    if (!end) return out;
    from = end.index + end[0].length;
    INERT_OPEN.lastIndex = from;
  }
  return from === 0 ? html : out + html.slice(from);
}

/** Elements that never hold children. */
const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr"]);
/** Elements whose end tag parsers imply (an open `<p>` ends at the next `<p>`): not counted as nesting. */
const IMPLIED_END = new Set(["p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb", "rt", "rp", "rtc", "thead", "tbody", "tfoot", "colgroup"]);
// `[^<>]*`: a run of `<` without `>` cannot make each `<` rescan the rest of the input.
const STRAY = /<(?![A-Za-z/!?])/g;
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]*)[^<>]*>/g;

/**
 * Throws {@link HostileInputError} when the markup nests elements deeper than `maxDepth`, holds more
 * than `maxElements` start tags or more than `maxStrayLessThan` stray `<`. One pass over the tags, linear in the input: a close tag pops the open
 * elements down to its match (as parsers do), and a close tag without an open match is ignored in O(1).
 */
export function assertBoundedHtml(html: string, name: string, limits: PageLimits = {}): void {
  const maxDepth = limits.maxDepth ?? 1000;
  const maxElements = limits.maxElements ?? 100_000;
  const maxStray = limits.maxStrayLessThan ?? 50_000;
  let stray = 0;
  STRAY.lastIndex = 0;
  while (STRAY.exec(html)) {
    if (++stray > maxStray) throw new HostileInputError(name, `the HTML holds more than ${maxStray} '<' that start no tag: broken or hostile markup`);
  }
  const stack: string[] = [];
  const open = new Map<string, number>();
  let elements = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    const tag = m[2]!.toLowerCase();
    if (!m[1]) {
      if (++elements > maxElements) throw new HostileInputError(name, `the HTML holds more than ${maxElements} elements`);
      if (VOID.has(tag) || IMPLIED_END.has(tag)) continue;
      stack.push(tag);
      open.set(tag, (open.get(tag) ?? 0) + 1);
      if (stack.length > maxDepth) throw new HostileInputError(name, `the HTML nests elements deeper than ${maxDepth} levels`);
    } else if ((open.get(tag) ?? 0) > 0) {
      for (;;) {
        const top = stack.pop()!;
        open.set(top, open.get(top)! - 1);
        if (top === tag) break;
      }
    }
  }
}
