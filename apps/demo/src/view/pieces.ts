/**
 * Cuts an article's text into pieces at every boundary of the spans the report points at, so that any
 * of those spans can be highlighted as whole elements, and each piece knows what covers it.
 * Overlapping spans are fine (a mention inside a claim inside a segment).
 */

/** A range of the text with what it is: an entity mention, a claim, a noise segment, or another referenced span. */
export interface Mark {
  start: number;
  end: number;
  kind: "mention" | "claim" | "noise" | "verdict" | "ref";
  /** Entity id, claim id, segment kind, verdict label, or "" for plain references. */
  id: string;
}

/** A stretch of text between two consecutive boundaries, with the marks that cover it. */
export interface Piece {
  start: number;
  end: number;
  text: string;
  marks: Mark[];
}

/**
 * Splits `text` at every mark boundary (clamped to the text) and lists, for each piece, the marks
 * covering it, innermost (shortest) first. Sweeps once over the sorted boundaries: linear in the text
 * plus marks times the marks active at a point.
 */
export function cutPieces(text: string, marks: readonly Mark[]): Piece[] {
  const length = text.length;
  const valid = marks
    .map((m) => ({ ...m, start: clamp(m.start, length), end: clamp(m.end, length) }))
    .filter((m) => m.end > m.start);
  const cuts = new Set<number>([0, length]);
  for (const m of valid) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const byStart = [...valid].sort((a, b) => a.start - b.start || b.end - a.end);
  const pieces: Piece[] = [];
  let active: Mark[] = [];
  let next = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    active = active.filter((m) => m.end > start);
    while (next < byStart.length && byStart[next]!.start <= start) {
      const m = byStart[next++]!;
      if (m.end > start) active.push(m);
    }
    const covering = active.filter((m) => m.start <= start && m.end >= end).sort((a, b) => a.end - a.start - (b.end - b.start));
    pieces.push({ start, end, text: text.slice(start, end), marks: covering });
  }
  return pieces;
}

function clamp(n: number, length: number): number {
  return Math.max(0, Math.min(length, Math.trunc(n)));
}
