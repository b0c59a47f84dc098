import type { Article } from "../model/article.js";
import type { Report } from "../model/report.js";
import type { Span } from "../model/span.js";
import { joinChunks } from "./chunks.js";

/**
 * Renders a report for a person: sources, events, entities, agreements, conflicts, verdicts, failures.
 * The text is {@link renderMarkdownChunks} joined.
 */
export function renderMarkdown(report: Report): string {
  return joinChunks(renderMarkdownChunks(report));
}

/**
 * The Markdown of {@link renderMarkdown}, piece by piece (one chunk per source, event, entity, agreement,
 * conflict, difference or failure, a section's heading with its first item, the verdicts section as
 * one), for writing a large report without building it as one string. The chunks joined are exactly
 * `renderMarkdown(report)`; iterating is lazy.
 */
export function* renderMarkdownChunks(report: Report): Generator<string, void, undefined> {
  const claimById = new Map(report.claims.map((c) => [c.id, c]));
  const quote = quoter(report);
  // The text is these lines joined with line breaks; each chunk takes the lines written since the last
  // one, with the break that joins them to what came before.
  let lines: string[] = ["# Corroborate report", ""];
  let started = false;
  function* flush(): Generator<string, void, undefined> {
    if (lines.length === 0) return;
    const text = lines.join("\n");
    yield started ? `\n${text}` : text;
    started = true;
    lines = [];
  }

  lines.push("## Sources", "");
  lines.push("| id | role | outlet | published | title | segments |", "|---|---|---|---|---|---|");
  for (const a of report.articles) {
    lines.push(
      `| ${cell(a.id)} | ${a.role} | ${cell(a.outlet ?? "—")} | ${cell(a.publishedAt ?? "—")} | ${cell(a.title ?? "—")} | ${segmentSummary(a)} |`,
    );
    yield* flush();
  }
  lines.push("");

  if (report.events.length > 0) {
    lines.push("## Events", "");
    for (const e of report.events) {
      const when = e.start ? (e.end && e.end !== e.start ? `${e.start} to ${e.end}` : e.start) : "date unknown";
      lines.push(`- **${e.label}** (${when}): reported by ${list(e.articleIds)}` +
        (e.mentionedByArticleIds.length ? `; mentioned by ${list(e.mentionedByArticleIds)}` : "") +
        `; ${e.claimIds.length} claims`);
      yield* flush();
    }
    lines.push("");
  }

  if (report.entities.length > 0) {
    lines.push("## Entities", "");
    for (const e of report.entities) {
      const aliases = e.aliases.length ? ` — also ${e.aliases.map((x) => `“${x}”`).join(", ")}` : "";
      lines.push(`- **${e.name}** (${e.type})${aliases}: ${e.mentions.length} mentions in ${list(e.articleIds)}`);
      yield* flush();
    }
    lines.push("");
  }

  if (report.agreements.length > 0) {
    lines.push("## Agreements", "");
    for (const g of report.agreements) {
      lines.push(`- **${g.independentSources} independent source${g.independentSources === 1 ? "" : "s"}** (${list(g.articleIds)})${g.summary ? `: ${g.summary}` : ""}`);
      for (const id of g.claimIds) {
        const c = claimById.get(id);
        if (c) lines.push(`  - ${quote(c)}`);
      }
      yield* flush();
    }
    lines.push("");
  }

  lines.push("## Conflicts", "");
  if (report.conflicts.length === 0) lines.push("No conflict found.");
  for (const c of report.conflicts) {
    lines.push(`- **${c.slot}**: ${c.explanation}`);
    for (const v of c.values) {
      for (const id of v.claimIds) {
        const claim = claimById.get(id);
        if (claim) lines.push(`  - \`${String(v.value)}\`: ${quote(claim)}`);
      }
    }
    yield* flush();
  }
  lines.push("");

  if (report.nonConflicts.length > 0) {
    lines.push("## Differences that are not conflicts", "");
    for (const n of report.nonConflicts) {
      lines.push(`- **${n.slot}** (${n.reason}): ${n.explanation}`);
      for (const v of n.values) {
        for (const id of v.claimIds) {
          const claim = claimById.get(id);
          if (claim) lines.push(`  - \`${String(v.value)}\`: ${quote(claim)}`);
        }
      }
      yield* flush();
    }
    lines.push("");
  }

  if (report.verdicts.length > 0) {
    lines.push(renderVerdicts(report));
    yield* flush();
  }

  if (report.failures.length > 0) {
    lines.push("## Inputs that failed", "");
    for (const f of report.failures) {
      lines.push(`- \`${f.input}\`: ${f.name} (${f.code}): ${f.message}`);
      yield* flush();
    }
    lines.push("");
  }
  yield* flush();
}

/**
 * The verdicts section alone: each sentence of the derived texts with its verdict, reason, parts and quoted
 * evidence (what `corroborate verify` prints). Empty when there are no verdicts.
 */
export function renderVerdicts(report: Report): string {
  if (report.verdicts.length === 0) return "";
  const quote = quoter(report);
  const lines: string[] = ["## Derived text, sentence by sentence", ""];
  for (const v of report.verdicts) {
    lines.push(`- **${v.verdict.toUpperCase()}**: “${oneLine(v.text)}”`);
    lines.push(`  - ${v.reason}`);
    for (const p of v.parts) lines.push(`  - part ${p.verdict}: “${oneLine(p.text)}”`);
    for (const e of v.evidence) lines.push(`  - evidence: ${quote(e)}`);
  }
  lines.push("");
  return lines.join("\n");
}

/** Quotes a span of one of the report's articles, with where it lies. */
function quoter(report: Report): (span: Span, max?: number) => string {
  const byId = new Map(report.articles.map((a) => [a.id, a]));
  return (span, max = 160) => {
    const text = byId.get(span.articleId)?.text.slice(span.start, span.end) ?? "";
    return `“${clip(oneLine(text), max)}” (${span.articleId}, ${span.start}–${span.end})`;
  };
}

function segmentSummary(a: Article): string {
  const counts = new Map<string, number>();
  for (const s of a.segments) counts.set(s.kind, (counts.get(s.kind) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${n} ${k}`).join(", ") || "—";
}

function list(ids: readonly string[]): string {
  return ids.length ? ids.join(", ") : "none";
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

function clip(s: string, max: number): string {
  return s.length > max ? s.slice(0, max - 1) + "…" : s;
}

function cell(s: string): string {
  return oneLine(s).replace(/\|/g, "\\|");
}
