/**
 * Character classes by code point, for the word scans that run over every paragraph (language, topic
 * words, copy shingles). Written by hand because a regular expression match allocates an array per word:
 * ASCII is tested by range, anything else by a Unicode property test whose answer is kept per code point.
 */

const LETTER = /^\p{L}$/u;
const UPPER = /^\p{Lu}$/u;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const letters = new Map<number, boolean>();
const uppers = new Map<number, boolean>();
const lettersOrDigits = new Map<number, boolean>();

/** Whether code point `cp` is a letter (`\p{L}`). */
export function isLetter(cp: number): boolean {
  if (cp < 128) return (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90);
  let known = letters.get(cp);
  if (known === undefined) letters.set(cp, (known = LETTER.test(String.fromCodePoint(cp))));
  return known;
}

/** Whether code point `cp` is an upper-case letter (`\p{Lu}`). */
export function isUpper(cp: number): boolean {
  if (cp < 128) return cp >= 65 && cp <= 90;
  let known = uppers.get(cp);
  if (known === undefined) uppers.set(cp, (known = UPPER.test(String.fromCodePoint(cp))));
  return known;
}

/** Whether code point `cp` is a letter or a digit (`[\p{L}\p{N}]`). */
export function isLetterOrDigit(cp: number): boolean {
  if (cp < 128) return (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) || (cp >= 48 && cp <= 57);
  let known = lettersOrDigits.get(cp);
  if (known === undefined) lettersOrDigits.set(cp, (known = LETTER_OR_DIGIT.test(String.fromCodePoint(cp))));
  return known;
}

/** Where the run of code points passing `test` (such as {@link isLetter}) that starts at `i` in `text` ends. */
export function runEnd(text: string, i: number, test: (cp: number) => boolean): number {
  while (i < text.length) {
    const cp = codePointAt(text, i);
    if (!test(cp)) break;
    i += cp > 0xffff ? 2 : 1;
  }
  return i;
}

/**
 * Calls `visit(start, end)` for each word of `text`, in order: a word starts where `wordEnd(text, i) > i`
 * and ends there; the characters between words are passed a code point at a time. `visit` may return
 * where the scan goes on (after a word it cut short; past `start`), else it goes on at `end`.
 */
export function forEachWord(text: string, wordEnd: (text: string, i: number) => number, visit: (start: number, end: number) => number | void): void {
  for (let i = 0; i < text.length; ) {
    const end = wordEnd(text, i);
    if (end === i) {
      i += codePointAt(text, i) > 0xffff ? 2 : 1;
      continue;
    }
    i = visit(i, end) ?? end;
  }
}

/** The code point at `i` in `text` (a lone surrogate stands for itself); its width is 2 above U+FFFF. */
export function codePointAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff ? text.codePointAt(i)! : c;
}
