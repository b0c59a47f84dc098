import type { Agreement, Conflict, NonConflict, SlotValue, Span, Verdict } from "@corroborate/core";
import { el, type Child } from "../dom.js";
import { NON_CONFLICT_LABELS, VERDICT_LABELS, slotLabel } from "./labels.js";
import { articleLabel, articleName, claimSpan, outletsOf, quoteClaim, spanButton, type ReportContext } from "./context.js";

/** A paragraph saying a panel has nothing, and why that can be. */
function empty(text: string): HTMLElement {
  return el("p", { class: "empty" }, text);
}

/** Entities with their type, aliases, the sources that name them, and a button through their mentions. */
export function entitiesPanel(ctx: ReportContext): HTMLElement {
  const { entities } = ctx.report;
  if (entities.length === 0) return empty("No entities found.");
  const sorted = [...entities].sort((a, b) => b.articleIds.length - a.articleIds.length || a.name.localeCompare(b.name));
  return el(
    "table",
    { class: "entities" },
    el("caption", { class: "visually-hidden" }, "Entities resolved across the sources"),
    el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Name"), el("th", { scope: "col" }, "Type"), el("th", { scope: "col" }, "Also written"), el("th", { scope: "col" }, "Named by"), el("th", { scope: "col" }, "Mentions"))),
    el(
      "tbody",
      {},
      sorted.map((e) => {
        const spans: Span[] = e.mentions.map((m) => ({ articleId: m.articleId, start: m.start, end: m.end }));
        return el(
          "tr",
          { "data-entity": e.id },
          el("th", { scope: "row", class: "entity-name" }, e.name),
          el("td", {}, e.type),
          el("td", { class: "aliases" }, e.aliases.length ? e.aliases.join(", ") : "—"),
          el("td", { class: "named-by" }, `${e.articleIds.length} — ${[...new Set(e.articleIds.map((id) => articleName(ctx.articles.get(id), id)))].join(", ")}`),
          el("td", {}, spanButton(ctx, `${e.mentions.length} shown`, spans, `Highlight every mention of ${e.name}`)),
        );
      }),
    ),
  );
}

/** Events as a timeline, earliest first, with who reports them as their story and who only mentions them. */
export function eventsPanel(ctx: ReportContext): HTMLElement {
  const { events } = ctx.report;
  if (events.length === 0) return empty("No events found.");
  const sorted = [...events].sort((a, b) => (a.start ?? "9999").localeCompare(b.start ?? "9999") || a.id.localeCompare(b.id));
  return el(
    "ol",
    { class: "timeline" },
    sorted.map((ev) => {
      const when = ev.start ? (ev.end && ev.end !== ev.start ? `${ev.start} – ${ev.end}` : ev.start) : "date unknown";
      const spans = ev.claimIds.map((id) => ctx.claims.get(id)).filter((c) => c !== undefined).map(claimSpan);
      return el(
        "li",
        { "data-event": ev.id },
        el("time", { datetime: ev.start ?? "" }, when),
        el("p", { class: "event-label" }, ev.label),
        el("p", { class: "small" }, "Reported by: ", outletsOf(ctx, ev.articleIds) || "—"),
        ev.mentionedByArticleIds.length ? el("p", { class: "small" }, "Mentioned in passing by: ", outletsOf(ctx, ev.mentionedByArticleIds)) : null,
        spanButton(ctx, `${ev.claimIds.length} claims`, spans, "Highlight this event's claims"),
      );
    }),
  );
}

/** Agreements, largest first, with their count of independent sources and the claims quoted. */
export function agreementsPanel(ctx: ReportContext): HTMLElement {
  const { agreements } = ctx.report;
  if (agreements.length === 0) return empty("No two sources say the same thing.");
  const sorted = [...agreements].sort((a, b) => b.independentSources - a.independentSources || a.id.localeCompare(b.id));
  return el("ul", { class: "cards" }, sorted.map((a) => el("li", { class: "agreement", "data-agreement": a.id }, agreementBody(ctx, a))));
}

function agreementBody(ctx: ReportContext, a: Agreement): Child[] {
  const copies = a.copyGroups.filter((g) => g.length > 1);
  return [
    el("p", { class: "headline" }, el("span", { class: "badge" }, `${a.independentSources} independent source${a.independentSources === 1 ? "" : "s"}`), " ", a.summary),
    el("p", { class: "small" }, `${a.articleIds.length} articles: ${outletsOf(ctx, a.articleIds)}`),
    copies.length
      ? el("p", { class: "small" }, "Counted once (same wire copy): ", copies.map((g) => g.map((id) => articleName(ctx.articles.get(id), id)).join(" = ")).join("; "))
      : null,
    el("details", {}, el("summary", {}, `The ${a.claimIds.length} claims`), a.claimIds.map((id) => quoteClaim(ctx, id))),
  ];
}

/** Values of a conflict or an explained difference: each value, who states it, and their words. */
function valuesList(ctx: ReportContext, values: readonly SlotValue[]): HTMLElement {
  return el(
    "ul",
    { class: "values" },
    values.map((v) =>
      el(
        "li",
        { class: "value" },
        el("p", {}, el("strong", { class: "value-text" }, String(v.value)), " — ", outletsOf(ctx, v.articleIds)),
        v.claimIds.map((id) => quoteClaim(ctx, id)),
      ),
    ),
  );
}

/** True conflicts: the slot, the explanation, and who says what, quoted. */
export function conflictsPanel(ctx: ReportContext): HTMLElement {
  const { conflicts } = ctx.report;
  if (conflicts.length === 0) return empty("No conflicts: no two sources give incompatible values for the same thing.");
  return el(
    "ul",
    { class: "cards" },
    conflicts.map((c: Conflict) =>
      el(
        "li",
        { class: "conflict", "data-conflict": c.id },
        el("p", { class: "headline" }, el("span", { class: "badge warn" }, "⚠ Conflict"), " ", slotLabel(c.slot), c.eventId ? ` (${eventLabel(ctx, c.eventId)})` : ""),
        el("p", {}, c.explanation),
        valuesList(ctx, c.values),
      ),
    ),
  );
}

/** Differences that are not conflicts, with the reason named. */
export function nonConflictsPanel(ctx: ReportContext): HTMLElement {
  const { nonConflicts } = ctx.report;
  if (nonConflicts.length === 0) return empty("No explained differences.");
  return el(
    "ul",
    { class: "cards" },
    nonConflicts.map((n: NonConflict) =>
      el(
        "li",
        { class: "non-conflict", "data-non-conflict": n.id, "data-reason": n.reason },
        el("p", { class: "headline" }, el("span", { class: "badge ok" }, `✓ Not a conflict: ${NON_CONFLICT_LABELS[n.reason]}`), " ", slotLabel(n.slot)),
        el("p", {}, n.explanation),
        el("details", {}, el("summary", {}, "Who says what"), valuesList(ctx, n.values)),
      ),
    ),
  );
}

function eventLabel(ctx: ReportContext, eventId: string): string {
  return ctx.report.events.find((e) => e.id === eventId)?.label ?? eventId;
}

/** Each derived text sentence by sentence, with its verdict in words and symbol, and the evidence on demand. */
export function verdictsPanel(ctx: ReportContext): HTMLElement {
  const derived = ctx.report.articles.filter((a) => a.role === "derived");
  if (derived.length === 0) return empty("No derived text: mark an article as “derived” to check it against the sources.");
  return el(
    "div",
    {},
    derived.map((article) => {
      const verdicts = ctx.report.verdicts.filter((v) => v.articleId === article.id).sort((a, b) => a.start - b.start);
      return el(
        "section",
        { class: "derived", "aria-label": `Verdicts on ${articleLabel(article)}` },
        el("h3", {}, articleLabel(article)),
        verdicts.length === 0
          ? empty("The pipeline gave no verdict for this text.")
          : el("ol", { class: "verdicts" }, verdicts.map((v) => verdictItem(ctx, v))),
      );
    }),
  );
}

function verdictItem(ctx: ReportContext, v: Verdict): HTMLElement {
  const label = VERDICT_LABELS[v.verdict];
  return el(
    "li",
    { class: `verdict verdict-${v.verdict}`, "data-verdict": v.verdict },
    el("span", { class: "verdict-label" }, el("span", { "aria-hidden": "true" }, label.symbol), " ", label.text),
    " ",
    spanButton(ctx, v.text, [{ articleId: v.articleId, start: v.start, end: v.end }], "Show this sentence in the derived text"),
    el("p", { class: "small" }, v.reason, v.score !== null ? ` (score ${v.score.toFixed(2)})` : ""),
    v.parts.length
      ? el("p", { class: "small" }, "Parts: ", v.parts.map((p) => `${VERDICT_LABELS[p.verdict].symbol} “${p.text}”`).join(" "))
      : null,
    v.evidence.length
      ? el(
          "details",
          {},
          el("summary", {}, `Evidence (${v.evidence.length})`),
          v.evidence.map((e) =>
            el("blockquote", { class: "claim-quote" }, spanButton(ctx, `“${e.text}”`, [e]), el("cite", {}, "— ", articleLabel(ctx.articles.get(e.articleId)))),
          ),
        )
      : el("p", { class: "small" }, "No evidence span."),
  );
}

/** Inputs that could not be read, and the pipeline's messages: nothing is dropped silently. */
export function problemsPanel(ctx: ReportContext): HTMLElement {
  const { failures, messages } = ctx.report;
  if (failures.length === 0 && messages.length === 0) return empty("Every input was read; the pipeline reported nothing.");
  return el(
    "ul",
    { class: "problems" },
    failures.map((f) => el("li", { class: "failure" }, el("strong", {}, f.input), ` could not be read (${f.name}, ${f.code}): ${f.message}`)),
    messages.map((m) => el("li", { class: `message ${m.level}` }, `${m.level} [${m.stage}]${m.articleId ? ` ${m.articleId}` : ""}: ${m.message}`)),
  );
}

/** A claim's details: its qualifiers, and every agreement, conflict and explained difference it is part of. */
export function claimDetail(ctx: ReportContext, claimId: string): HTMLElement {
  const claim = ctx.claims.get(claimId);
  if (!claim) return empty(`Claim ${claimId} is not in the report.`);
  const r = ctx.report;
  const agreements = r.agreements.filter((a) => a.claimIds.includes(claimId));
  const conflicts = r.conflicts.filter((c) => c.claimIds.includes(claimId));
  const differences = r.nonConflicts.filter((n) => n.claimIds.includes(claimId));
  const facts: string[] = [];
  if (claim.attribution) facts.push(`said by: ${claim.attribution.text}`);
  if (claim.modality !== "asserted") facts.push(`modality: ${claim.modality}`);
  if (claim.negated) facts.push("negated");
  for (const t of claim.times) facts.push(`time: “${t.text}” = ${t.startDate ?? "?"}${t.endDate && t.endDate !== t.startDate ? ` – ${t.endDate}` : ""}${t.days ? ` (${t.days} days)` : ""}`);
  for (const q of claim.quantities) facts.push(`quantity: “${q.text}” = ${q.bound === "exact" ? "" : `${q.bound} `}${q.value}${q.unit ? ` ${q.unit}` : ""}`);
  for (const f of claim.facts) facts.push(`${slotLabel(f.slot)} = ${f.value}`);
  return el(
    "div",
    { class: "claim-detail", "data-claim-detail": claim.id },
    el("blockquote", { class: "claim-quote" }, `“${claim.text}”`, el("cite", {}, "— ", articleLabel(ctx.articles.get(claim.articleId)))),
    facts.length ? el("ul", { class: "small" }, facts.map((f) => el("li", {}, f))) : null,
    agreements.length === 0 && conflicts.length === 0 && differences.length === 0
      ? el("p", {}, "Only this source says this: no agreement, conflict or explained difference involves it.")
      : null,
    conflicts.map((c) => el("section", { class: "conflict" }, el("h3", {}, "⚠ In conflict: ", slotLabel(c.slot)), el("p", {}, c.explanation), valuesList(ctx, c.values))),
    agreements.map((a) =>
      el(
        "section",
        { class: "agreement" },
        el("h3", {}, `✓ Agreed by ${a.independentSources} independent source${a.independentSources === 1 ? "" : "s"}`),
        el("p", {}, a.summary),
        a.claimIds.filter((id) => id !== claimId).map((id) => quoteClaim(ctx, id)),
      ),
    ),
    differences.map((n) =>
      el("section", { class: "non-conflict" }, el("h3", {}, `Not a conflict: ${NON_CONFLICT_LABELS[n.reason]}`), el("p", {}, n.explanation), valuesList(ctx, n.values)),
    ),
  );
}
