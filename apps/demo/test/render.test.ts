// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from "vitest";
import { ReportSchema, type Report, type Span } from "@corroborate/core";
import { claimDetail, conflictsPanel, nonConflictsPanel, verdictsPanel } from "../src/view/panels.js";
import { SourcesView } from "../src/view/sources.js";
import type { ReportContext } from "../src/view/context.js";
import { el } from "../src/dom.js";

// A small hand-made report (invented outlets), to test what the panels show for each kind of finding.
const HOSTILE = `Port news <script>window.__pwned = 1</script>\n\nThe strike <img src=x onerror="window.__pwned = 2"> began on 4 June.`;
const A = "The strike at Velm Harbour began on 4 June, the union said.";
const B = "The strike at Velm Harbour began on 7 June.";
const S = "The strike began on 9 June.";

function article(id: string, text: string, role: "source" | "derived" = "source") {
  return { id, role, outlet: `Outlet ${id.toUpperCase()}`, publishedAt: "2025-06-10", text, source: { input: `${id}.txt`, adapter: "text" } };
}

function claim(id: string, articleId: string, text: string, whole: string) {
  const start = whole.indexOf(text);
  return { id, articleId, start, end: start + text.length, text };
}

const report: Report = ReportSchema.parse({
  schemaVersion: "1.0.0",
  generator: { name: "test", version: "0" },
  articles: [article("a", A), article("b", B), article("s", S, "derived"), article("x", HOSTILE)],
  entities: [
    {
      id: "ent-velm",
      type: "place",
      name: "Velm Harbour",
      aliases: [],
      articleIds: ["a", "b"],
      mentions: [
        { articleId: "a", start: 14, end: 26, text: "Velm Harbour", entityId: "ent-velm" },
        { articleId: "b", start: 14, end: 26, text: "Velm Harbour", entityId: "ent-velm" },
      ],
    },
  ],
  claims: [claim("a#1", "a", A, A), claim("b#1", "b", B, B), claim("x#1", "x", "The strike <img", HOSTILE)],
  conflicts: [
    {
      id: "conflict-1",
      slot: "start",
      claimIds: ["a#1", "b#1"],
      values: [
        { value: "2025-06-04", claimIds: ["a#1"], articleIds: ["a"] },
        { value: "2025-06-07", claimIds: ["b#1"], articleIds: ["b"] },
      ],
      explanation: "Sources disagree on start: 2025-06-04 (a) vs 2025-06-07 (b).",
    },
  ],
  nonConflicts: [
    { id: "nc-1", slot: "durationDays", reason: "same-value", claimIds: ["a#1"], values: [{ value: 6, claimIds: ["a#1"], articleIds: ["a"] }], explanation: "A range and a duration agree." },
  ],
  verdicts: [
    {
      id: "v1",
      articleId: "s",
      start: 0,
      end: S.length,
      text: S,
      verdict: "contradicted",
      evidence: [{ articleId: "a", start: 0, end: 43, text: A.slice(0, 43) }],
      reason: "The sources give another start date.",
    },
  ],
});

function context(view: SourcesView): ReportContext & { shown: string[][] } {
  const ctx = {
    report,
    articles: new Map(report.articles.map((a) => [a.id, a])),
    claims: new Map(report.claims.map((c) => [c.id, c])),
    entities: new Map(report.entities.map((e) => [e.id, e])),
    shown: [] as string[][],
    highlight(spans: readonly Span[]) {
      ctx.shown.push(view.highlight(spans));
    },
    selectClaim(id: string) {
      const c = ctx.claims.get(id)!;
      ctx.shown.push(view.highlight([{ articleId: c.articleId, start: c.start, end: c.end }]));
    },
  };
  return ctx;
}

describe("the report's panels", () => {
  let view: SourcesView;
  let ctx: ReturnType<typeof context>;
  let selected: string[];
  beforeEach(() => {
    selected = [];
    view = new SourcesView((id) => selected.push(id));
    ctx = context(view);
    document.body.replaceChildren(el("div", { id: "sources" }, view.render(report)));
  });

  it("shows article text as text: script and event-handler payloads are neither elements nor run", () => {
    const card = document.querySelector('article[data-article="x"]')!;
    expect(card.textContent).toContain("<script>window.__pwned = 1</script>");
    expect(card.textContent).toContain('<img src=x onerror="window.__pwned = 2">');
    expect(document.querySelectorAll("script, img, [onerror]")).toHaveLength(0);
    expect((globalThis as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it("refuses to build event-handler attributes", () => {
    expect(() => el("span", { onclick: "alert(1)" })).toThrow(/event-handler/);
  });

  it("marks mentions and claims in the source text, and a click on a claim selects it", () => {
    const a = document.querySelector('article[data-article="a"]')!;
    expect([...a.querySelectorAll(".mention")].map((n) => n.textContent)).toEqual(["Velm Harbour"]);
    const handle = a.querySelector<HTMLElement>('[data-claim="a#1"][tabindex="0"]')!;
    handle.click();
    expect(selected).toEqual(["a#1"]);
    handle.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
    expect(selected).toEqual(["a#1", "a#1"]);
  });

  it("tells on hover whether a claim is in conflict, and marks it beyond colour", () => {
    const piece = document.querySelector<HTMLElement>('article[data-article="b"] [data-claim="b#1"]')!;
    expect(piece.classList.contains("in-conflict")).toBe(true);
    expect(piece.title).toContain("in conflict");
    const lone = document.querySelector<HTMLElement>('article[data-article="x"] [data-claim="x#1"]')!;
    expect(lone.title).toBe("Only this source says this.");
  });

  it("shows a conflict with both values, who says each, and both quotes; a quote highlights its source", () => {
    const panel = conflictsPanel(ctx);
    const values = [...panel.querySelectorAll(".value")];
    expect(values.map((v) => v.querySelector(".value-text")!.textContent)).toEqual(["2025-06-04", "2025-06-07"]);
    expect(values[0]!.textContent).toContain("Outlet A");
    expect(values[1]!.textContent).toContain("Outlet B");
    const quotes = [...panel.querySelectorAll("button.quote")];
    expect(quotes.map((q) => q.textContent)).toEqual([`“${A}”`, `“${B}”`]);
    (quotes[1] as HTMLElement).click();
    expect(ctx.shown.at(-1)).toEqual([B]);
    expect(document.querySelectorAll(".p.hl")).not.toHaveLength(0);
  });

  it("names why a difference is not a conflict", () => {
    expect(nonConflictsPanel(ctx).textContent).toContain("Not a conflict: Same value, said two ways");
  });

  it("marks each sentence of the derived text with its verdict in words, inside the text itself", () => {
    const card = document.querySelector('article[data-article="s"]')!;
    expect([...card.querySelectorAll(".verdict-tag")].map((t) => t.textContent)).toEqual(["✗ Contradicted"]);
    expect(card.querySelector(".p.v-contradicted")!.textContent).toContain("The strike began");
  });

  it("shows a contradicted sentence in words as well as colour, with its evidence quoted", () => {
    const panel = verdictsPanel(ctx);
    const item = panel.querySelector('li[data-verdict="contradicted"]')!;
    expect(item.querySelector(".verdict-label")!.textContent).toBe("✗ Contradicted");
    expect(item.textContent).toContain(S);
    expect(item.querySelector("details blockquote")!.textContent).toContain(A.slice(0, 43));
  });

  it("a claim's details list the conflict it is part of", () => {
    const detail = claimDetail(ctx, "b#1");
    expect(detail.textContent).toContain("In conflict");
    expect(detail.textContent).toContain("2025-06-04");
  });
});
