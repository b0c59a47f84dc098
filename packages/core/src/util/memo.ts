/**
 * Memos for word-level functions: a text repeats its words (a few thousand make most of news copy), so
 * what is derived from a word as written (its key, stem, concept) is computed once per spelling.
 */

/**
 * Entries a memo holds at most; a full memo is emptied and refilled, so the memory memos keep stays bounded
 * however many texts go through (a day's news vocabulary fits many times over).
 */
export const MEMO_LIMIT = 50_000;

/**
 * `compute` memoised per string, in a map of at most `limit` entries (emptied when full). `compute` must be
 * pure; an `undefined` result is not kept (return `null` for "none" to keep it).
 */
export function memoByString<V>(compute: (key: string) => V, limit = MEMO_LIMIT): (key: string) => V {
  const memo = new Map<string, V>();
  return (key) => {
    const known = memo.get(key);
    if (known !== undefined) return known;
    const own = detach(key);
    const value = compute(own);
    if (memo.size >= limit) memo.clear();
    memo.set(own, value);
    return value;
  };
}

/**
 * A copy of `s` that does not hold on to a larger string. Words are cut from article texts, and V8 keeps a
 * long enough substring as a view of its whole text: a memo keyed by it would keep every article it ever
 * saw a new word in. Concatenating builds a new string, and the slice of it is a view of that one only.
 */
function detach(s: string): string {
  return s.length < 13 ? s : ` ${s}`.slice(1);
}
