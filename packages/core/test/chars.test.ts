import { describe, expect, it } from "vitest";
import { topicKeys, type Article } from "../src/index.js";
import { STOP } from "../src/extract/lexicon.js";
import { shingles } from "../src/reconcile/copies.js";
import { capitalisedRuns } from "../src/pipeline/stories.js";
import { nameWordEnd } from "../src/resolve/candidates.js";
import { forEachWord, isLetter, isLetterOrDigit, isUpper, runEnd } from "../src/util/chars.js";

// The hand-written word scans must find exactly the words their regular expressions define, on text full
// of what trips scanners up: accents, apostrophes, hyphens, digits, astral letters, lone surrogates,
// combining marks, other scripts.
const PIECES = ["the", "Ferry", "U.S.", "AT&T", "Jr.", "partnership.The", ".", "&", "crews", "l’économie", "rock'n'roll", "well-known", "İstanbul", "Ölüdeniz", "2024", "6.5", "𝒜𝒷𝒸", "😀", "\ud800", "a\u0307b", "Москва", "東京", "—", " ", "  ", "\t", "\n", "Harbour Union", "NEW", ",", "'", "’", "-", "x"];

function* texts(count: number): Generator<string> {
  let seed = 12345;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (let n = 0; n < count; n++) {
    let text = "";
    const length = Math.floor(next() * 30);
    for (let i = 0; i < length; i++) text += PIECES[Math.floor(next() * PIECES.length)];
    yield text;
  }
}

function fnv(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Shingles as the regular expression defines their words. */
function referenceShingles(text: string): Set<number> {
  const words = [...text.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)].map((m) => fnv(m[0]));
  const out = new Set<number>();
  for (let i = 0; i + 8 <= words.length; i++) {
    let h = 0x811c9dc5;
    for (let j = i; j < i + 8; j++) h = Math.imul(h ^ words[j]!, 0x01000193);
    out.add(h >>> 0);
  }
  return out;
}

describe("hand-written word scans", () => {
  it("classify code points as the Unicode property escapes do", () => {
    for (let cp = 0; cp < 0x3000; cp++) {
      const ch = String.fromCodePoint(cp);
      expect(isLetter(cp), `U+${cp.toString(16)}`).toBe(/^\p{L}$/u.test(ch));
      expect(isLetterOrDigit(cp), `U+${cp.toString(16)}`).toBe(/^[\p{L}\p{N}]$/u.test(ch));
      expect(isUpper(cp), `U+${cp.toString(16)}`).toBe(/^\p{Lu}$/u.test(ch));
    }
    for (const cp of [0x1d49c, 0x1d400, 0x1f600, 0xd800, 0xdfff, 0x20000]) {
      expect(isLetter(cp)).toBe(/^\p{L}$/u.test(String.fromCodePoint(cp)));
      expect(isUpper(cp)).toBe(/^\p{Lu}$/u.test(String.fromCodePoint(cp)));
    }
  });

  it("copy shingles hash the same words as /[\\p{L}\\p{N}]+/u", () => {
    let compared = 0;
    for (const text of texts(400)) {
      const article = { text, segments: [{ start: 0, end: text.length, kind: "body" }] } as unknown as Article;
      const expected = referenceShingles(text);
      expect([...shingles(article)].sort()).toEqual([...expected].sort());
      compared += expected.size;
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it("capitalised runs are the matches of /\\p{Lu}[\\p{L}'’-]*(?:[ \\t]+\\p{Lu}[\\p{L}'’-]*)*/gu", () => {
    let runs = 0;
    for (const text of texts(400)) {
      const expected = [...text.matchAll(/\p{Lu}[\p{L}'’-]*(?:[ \t]+\p{Lu}[\p{L}'’-]*)*/gu)].map((m) => [m.index, m[0]]);
      expect([...capitalisedRuns(text)].map((m) => [m.index, m[0]])).toEqual(expected);
      runs += expected.length;
    }
    expect(runs).toBeGreaterThan(500);
  });

  it("name words end where /[\\p{L}\\p{N}]+(?:[-'’.&][\\p{L}\\p{N}]+)*\\.?/u ends them", () => {
    let words = 0;
    for (const text of texts(400)) {
      const re = /[\p{L}\p{N}]+(?:[-'’.&][\p{L}\p{N}]+)*\.?/uy;
      // Every start a scan can be at: each code point (never inside a surrogate pair).
      for (let i = 0; i < text.length; i += (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1) {
        re.lastIndex = i;
        const m = re.exec(text);
        expect(nameWordEnd(text, i), `${JSON.stringify(text)} at ${i}`).toBe(m ? i + m[0].length : i);
        if (m) words++;
      }
    }
    expect(words).toBeGreaterThan(2000);
  });

  it("forEachWord visits each word once, in order, and goes on where the visitor says", () => {
    const text = "ab, 𝒜𝒷 c.d e";
    const letters = (t: string, i: number) => runEnd(t, i, isLetter);
    const seen: string[] = [];
    forEachWord(text, letters, (s, e) => void seen.push(text.slice(s, e)));
    expect(seen).toEqual(["ab", "𝒜𝒷", "c", "d", "e"]);
    // A visitor that cut its word short says where to go on: "abc" visited at 0, then from 1.
    const resumed: number[] = [];
    forEachWord("abc def", letters, (s) => {
      resumed.push(s);
      return s === 0 ? 1 : undefined;
    });
    expect(resumed).toEqual([0, 1, 4]);
  });

  it("topic keys take the same words as /\\p{L}[\\p{L}'’-]*/u", () => {
    for (const text of texts(400)) {
      const reference = { all: new Set<string>(), named: new Set<string>() };
      // topicKeys' rules (possessive, stopwords, four-letter keys, capitals) on the regex's words.
      for (const [raw] of text.matchAll(/\p{L}[\p{L}'’-]*/gu)) {
        let w = raw.toLowerCase();
        if (/^.+['’]s$/u.test(w)) w = w.slice(0, -2);
        if (w.length < 3 || STOP.has(w)) continue;
        const key = w.length > 4 ? w.slice(0, 4) : w;
        reference.all.add(key);
        if (/^\p{Lu}/u.test(raw)) reference.named.add(key);
      }
      const keys = topicKeys(text);
      expect([...keys.all].sort()).toEqual([...reference.all].sort());
      expect([...keys.named].sort()).toEqual([...reference.named].sort());
    }
  });
});
