/**
 * How the verifier compares the values two sentences state: names (runs of capitalised words) and anchored
 * times (quantities are compared by `quantitiesCompatible` in `reconcile/similarity.ts`, which agreements use
 * too). The times themselves come from the pipeline's time stage (`extract/time.ts`); this module only
 * decides when two of them can be the same.
 */
import type { TimeValue } from "../model/claim.js";
import type { Token } from "./text.js";

/** A run of capitalised words (a name) in a sentence, by token indexes. */
export interface NameRun {
  /** Index of the first and one past the last token. */
  from: number;
  to: number;
  text: string;
}

/** Runs of capitalised content tokens (not months or weekdays): the names a sentence uses. */
export function nameRuns(tokens: readonly Token[], isCalendar: (norm: string) => boolean): NameRun[] {
  const out: NameRun[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (t && t.capital && t.content && !isCalendar(t.norm) && !/^\p{N}/u.test(t.text)) {
      let j = i + 1;
      while (j < tokens.length) {
        const u = tokens[j];
        if (!u || !u.capital || !u.content || isCalendar(u.norm) || u.clause !== t.clause) break;
        j++;
      }
      out.push({ from: i, to: j, text: tokens.slice(i, j).map((x) => x.text).join(" ") });
      i = j;
    } else i++;
  }
  return out;
}

/** Whether two anchored times can describe the same day(s): their ranges overlap. */
export function timesCompatible(a: TimeValue, b: TimeValue): boolean {
  if (!a.startDate || !b.startDate) return true;
  const aEnd = a.endDate ?? a.startDate;
  const bEnd = b.endDate ?? b.startDate;
  return a.startDate <= bEnd && b.startDate <= aEnd;
}
