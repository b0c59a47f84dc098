import type { NonConflictReason, SegmentKind, VerdictLabel } from "@corroborate/core";

/** A verdict as a symbol and words, so that colour never carries the meaning alone. */
export const VERDICT_LABELS: Record<VerdictLabel, { symbol: string; text: string }> = {
  supported: { symbol: "✓", text: "Supported" },
  contradicted: { symbol: "✗", text: "Contradicted" },
  unsupported: { symbol: "?", text: "Unsupported" },
  partial: { symbol: "◐", text: "Partly supported" },
};

/** Why a difference is not a conflict, in a reader's words. */
export const NON_CONFLICT_LABELS: Record<NonConflictReason, string> = {
  "different-event": "Another event",
  "same-value": "Same value, said two ways",
  "spelling-variant": "Same name, spelled two ways",
  update: "Updated later",
};

/** Segment kinds that are not the article's own story text: shown greyed, with their kind named. */
export const NOISE_KINDS: ReadonlySet<SegmentKind> = new Set<SegmentKind>([
  "byline",
  "dateline",
  "boilerplate",
  "related",
  "feed",
  "other-language",
  "metadata",
  "caption",
]);

/** A fact slot ("start", "durationDays", "count:injured", "name:ent-x") in a reader's words. */
export function slotLabel(slot: string): string {
  const [head, rest] = slot.includes(":") ? [slot.slice(0, slot.indexOf(":")), slot.slice(slot.indexOf(":") + 1)] : [slot, ""];
  const words = head.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  if (!rest) return words;
  if (head === "name") return "name";
  return `${words}: ${rest.replace(/^ent-/, "").replace(/-/g, " ")}`;
}
