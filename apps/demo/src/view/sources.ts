import type { Article, Report, Span, VerdictLabel } from "@corroborate/core";
import { el } from "../dom.js";
import { cutPieces, type Mark } from "./pieces.js";
import { NOISE_KINDS, VERDICT_LABELS } from "./labels.js";
import { articleName } from "./context.js";

/** One rendered piece of a source text. */
interface PieceElement {
  start: number;
  end: number;
  node: HTMLElement;
}

/**
 * The sources side by side: each article's metadata and its text, rendered as text (never markup),
 * with entity mentions, claims and noise segments marked, and every span the report points at cut out
 * so that it can be highlighted.
 */
export class SourcesView {
  private readonly pieces = new Map<string, PieceElement[]>();
  private highlighted: HTMLElement[] = [];

  constructor(
    private readonly onClaim: (claimId: string) => void,
  ) {}

  /** Renders every article of the report into cards. */
  render(report: Report): HTMLElement[] {
    this.pieces.clear();
    this.highlighted = [];
    const refs = referencedSpans(report);
    return report.articles.map((article) => this.card(article, report, refs.get(article.id) ?? []));
  }

  private card(article: Article, report: Report, refs: Mark[]): HTMLElement {
    const marks: Mark[] = [...refs];
    for (const s of article.segments) if (NOISE_KINDS.has(s.kind)) marks.push({ start: s.start, end: s.end, kind: "noise", id: s.kind });
    for (const c of report.claims) if (c.articleId === article.id) marks.push({ start: c.start, end: c.end, kind: "claim", id: c.id });
    for (const v of report.verdicts) if (v.articleId === article.id) marks.push({ start: v.start, end: v.end, kind: "verdict", id: v.verdict });
    for (const e of report.entities)
      for (const m of e.mentions) if (m.articleId === article.id) marks.push({ start: m.start, end: m.end, kind: "mention", id: e.id });

    const entityName = new Map(report.entities.map((e) => [e.id, e.name]));
    const notes = claimNotes(report);
    const list: PieceElement[] = [];
    const text = el("div", { class: "source-text", "data-article": article.id });
    const seenClaim = new Set<string>();
    const seenNoise = new Set<number>();
    const seenVerdict = new Set<number>();
    for (const piece of cutPieces(article.text, marks)) {
      const classes = ["p"];
      const attrs: Record<string, string> = {};
      const claim = piece.marks.find((m) => m.kind === "claim");
      const mention = piece.marks.find((m) => m.kind === "mention");
      const noise = piece.marks.find((m) => m.kind === "noise");
      if (noise && !seenNoise.has(noise.start)) {
        seenNoise.add(noise.start);
        text.append(el("span", { class: "noise-tag" }, `${noise.id}: `));
      }
      if (noise) classes.push("noise");
      const verdict = piece.marks.find((m) => m.kind === "verdict");
      if (verdict) {
        classes.push(`v-${verdict.id}`);
        // Each checked sentence of a derived text starts with its verdict in symbol and words.
        if (!seenVerdict.has(verdict.start)) {
          seenVerdict.add(verdict.start);
          const label = VERDICT_LABELS[verdict.id as VerdictLabel];
          text.append(el("span", { class: `verdict-tag verdict-${verdict.id}` }, `${label.symbol} ${label.text}`), " ");
        }
      }
      if (claim) {
        classes.push("claim");
        attrs["data-claim"] = claim.id;
        const note = notes.get(claim.id);
        if (note?.conflict) classes.push("in-conflict");
        attrs["title"] = note?.text ?? "Only this source says this.";
      }
      if (mention) {
        classes.push("mention");
        const name = entityName.get(mention.id) ?? mention.id;
        attrs["title"] = attrs["title"] ? `${name} · ${attrs["title"]}` : name;
      }
      const node = el("span", { class: classes.join(" "), ...attrs }, piece.text);
      // The first piece of each claim is its keyboard handle: Tab reaches it, Enter opens its details.
      if (claim && !seenClaim.has(claim.id)) {
        seenClaim.add(claim.id);
        node.setAttribute("tabindex", "0");
        node.setAttribute("role", "button");
        node.setAttribute("aria-description", `claim: ${notes.get(claim.id)?.text ?? "only this source says this"}; press Enter for details`);
      }
      text.append(node);
      list.push({ start: piece.start, end: piece.end, node });
    }
    text.addEventListener("click", (event) => this.activate(event.target));
    text.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        if (this.activate(event.target)) event.preventDefault();
      }
    });
    this.pieces.set(article.id, list);

    const date = article.publishedAt ? article.publishedAt.slice(0, 10) : "date unknown";
    return el(
      "article",
      { class: `source ${article.role}`, "aria-labelledby": `src-${article.id}`, "data-article": article.id },
      el(
        "header",
        {},
        el("h3", { id: `src-${article.id}` }, articleName(article)),
        el(
          "p",
          { class: "meta" },
          el("span", { class: `role role-${article.role}` }, article.role === "derived" ? "derived text" : "source"),
          " · ",
          el("time", { datetime: date }, date),
          " · ",
          el("span", { class: "adapter" }, `${article.source.input} (${article.source.adapter})`),
        ),
        article.title ? el("p", { class: "title" }, article.title) : null,
      ),
      text,
    );
  }

  private activate(target: EventTarget | null): boolean {
    const node = target instanceof Element ? target.closest<HTMLElement>("[data-claim]") : null;
    const id = node?.getAttribute("data-claim");
    if (!id) return false;
    this.onClaim(id);
    return true;
  }

  /**
   * Highlights the pieces inside `spans` (class `hl`) and those inside `related` (class `rel`),
   * replacing the previous highlight, then scrolls the first highlighted piece into view and focuses it.
   * Returns the highlighted text of each span, for tests and screen readers.
   */
  highlight(spans: readonly Span[], related: readonly Span[] = []): string[] {
    for (const node of this.highlighted) node.classList.remove("hl", "rel");
    this.highlighted = [];
    const texts: string[] = [];
    const mark = (span: Span, cls: string): string => {
      let text = "";
      for (const p of this.pieces.get(span.articleId) ?? []) {
        if (p.start >= span.start && p.end <= span.end) {
          p.node.classList.add(cls);
          this.highlighted.push(p.node);
          text += p.node.textContent ?? "";
        }
      }
      return text;
    };
    for (const span of related) mark(span, "rel");
    for (const span of spans) texts.push(mark(span, "hl"));
    const first = this.highlighted.find((n) => n.classList.contains("hl"));
    if (first) {
      if (!first.hasAttribute("tabindex")) first.setAttribute("tabindex", "-1");
      first.focus({ preventScroll: true });
      first.scrollIntoView?.({ block: "center", inline: "nearest" });
    }
    return texts;
  }
}

/** Spans the report points at beyond claims and mentions: verdict evidence, sentences, facts, attributions. */
function referencedSpans(report: Report): Map<string, Mark[]> {
  const out = new Map<string, Mark[]>();
  const add = (articleId: string, start: number, end: number) => {
    let list = out.get(articleId);
    if (!list) out.set(articleId, (list = []));
    list.push({ start, end, kind: "ref", id: "" });
  };
  for (const v of report.verdicts) {
    add(v.articleId, v.start, v.end);
    for (const e of v.evidence) add(e.articleId, e.start, e.end);
    for (const p of v.parts) add(v.articleId, p.start, p.end);
  }
  for (const c of report.claims) {
    for (const f of c.facts) add(c.articleId, f.start, f.end);
    if (c.attribution) add(c.articleId, c.attribution.start, c.attribution.end);
  }
  return out;
}

/**
 * What a reader sees when hovering a claim: whether other sources agree (and how many independent
 * ones), whether it is in conflict, or whether a difference with it is explained.
 */
function claimNotes(report: Report): Map<string, { text: string; conflict: boolean }> {
  const notes = new Map<string, { parts: string[]; conflict: boolean }>();
  const note = (id: string) => {
    let n = notes.get(id);
    if (!n) notes.set(id, (n = { parts: [], conflict: false }));
    return n;
  };
  for (const c of report.conflicts)
    for (const id of c.claimIds) {
      const n = note(id);
      n.conflict = true;
      n.parts.push(`⚠ in conflict: ${c.explanation}`);
    }
  for (const a of report.agreements)
    for (const id of a.claimIds) note(id).parts.push(`✓ agreed by ${a.independentSources} independent source${a.independentSources === 1 ? "" : "s"}`);
  for (const d of report.nonConflicts) for (const id of d.claimIds) note(id).parts.push(`explained difference: ${d.explanation}`);
  return new Map([...notes].map(([id, n]) => [id, { text: [...new Set(n.parts)].join(" · "), conflict: n.conflict }]));
}
