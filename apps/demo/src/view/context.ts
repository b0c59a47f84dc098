import type { Article, Claim, Entity, Report, Span } from "@corroborate/core";
import { el, type Child } from "../dom.js";

/** Lookups over one report, shared by the panels. */
export interface ReportContext {
  report: Report;
  articles: Map<string, Article>;
  claims: Map<string, Claim>;
  entities: Map<string, Entity>;
  /** Highlights spans in the sources (replacing the previous highlight) and brings the first into view. */
  highlight(spans: readonly Span[], related?: readonly Span[]): void;
  /** Shows a claim's details (agreement, conflict, explained difference) in the claim panel. */
  selectClaim(claimId: string): void;
}

/** How an article is named to a reader: its outlet, else its title, else its id. */
export function articleName(article: Article | undefined, fallback = "unknown article"): string {
  if (!article) return fallback;
  return article.outlet ?? article.title ?? article.id;
}

/** An article's outlet with its date, "Harbour Gazette, 2025-06-05". */
export function articleLabel(article: Article | undefined): string {
  if (!article) return "unknown article";
  const date = article.publishedAt ? article.publishedAt.slice(0, 10) : null;
  return [articleName(article), date].filter(Boolean).join(", ");
}

/** A claim's span. */
export function claimSpan(claim: Claim): Span {
  return { articleId: claim.articleId, start: claim.start, end: claim.end };
}

/** A button that highlights spans of the sources: every reference in the report panels is one. */
export function spanButton(ctx: ReportContext, label: Child | Child[], spans: readonly Span[], title?: string): HTMLButtonElement {
  const button = el("button", { type: "button", class: "ref", title: title ?? "Show in the source text" }, label);
  button.addEventListener("click", () => ctx.highlight(spans));
  return button;
}

/**
 * A claim quoted with its outlet: the quote itself is a button that highlights it in its source and
 * opens its details.
 */
export function quoteClaim(ctx: ReportContext, claimId: string): HTMLElement {
  const claim = ctx.claims.get(claimId);
  if (!claim) return el("span", { class: "missing" }, `(claim ${claimId} not in report)`);
  const article = ctx.articles.get(claim.articleId);
  const button = el("button", { type: "button", class: "ref quote", "data-claim": claim.id, title: "Show in the source text" }, `“${claim.text}”`);
  button.addEventListener("click", () => {
    ctx.selectClaim(claim.id);
  });
  return el("blockquote", { class: "claim-quote" }, button, el("cite", {}, "— ", articleLabel(article)));
}

/** The distinct outlets of some article ids, joined for reading. */
export function outletsOf(ctx: ReportContext, articleIds: readonly string[]): string {
  return [...new Set(articleIds.map((id) => articleLabel(ctx.articles.get(id))))].join("; ");
}
