import { describe, expect, it } from "vitest";
import { ArticleSchema, reconcile, renderJson, type Article, type Report } from "../src/index.js";

const article = (id: string, publishedAt: string, text: string, role: "source" | "derived" = "source"): Article =>
  ArticleSchema.parse({ id, role, text, publishedAt, language: "en", source: { input: `${id}.txt`, adapter: "test" } });

// An invented story: the dockworkers of Port Calder strike in March and again in June.
const wire =
  "Dockworkers at Port Calder began a six-day strike on Tuesday over pay, the Calder Dockworkers Union said, and union leader Rosa Ventris said talks with the port operator had collapsed on Monday night.";
const stories: Article[] = [
  article("gazette-march", "2024-03-11", [
    "Port Calder dockworkers walk out",
    "Dockworkers at Port Calder will begin a four-day strike on Wednesday, union leader Rosa Ventris said on Monday.",
    "The port operator Keel Logistics denied that it had hired replacement crews.",
  ].join("\n")),
  article("wire-june", "2024-06-05", wire),
  article("herald-june", "2024-06-05", `(Calder Wire) — ${wire}\nThe strike runs from 4 to 9 June, the union said.`),
  article("times-june", "2024-06-05", `CALDER — ${wire}\nKeel Logistics never hired replacement crews during the stoppage, a company spokesperson said.\n5 workers were injured in clashes at the gates, the union said.`),
  article("post-june", "2024-06-06", [
    "The strike at Port Calder entered its second day on Wednesday.",
    "Union leader Rosa Ventris said the union plans to extend the strike.",
    "The strike began on 5 June, according to the port authority.",
    "Ventris had already led a strike last March.",
    "By Wednesday 7 workers had been injured in clashes at the gates, the union said.",
  ].join("\n")),
];

const claimOf = (r: Report, articleId: string, fragment: string) =>
  r.claims.find((c) => c.articleId === articleId && c.text.includes(fragment));

describe("pipeline on an invented two-strike story", async () => {
  const report = await reconcile(stories);

  it("keeps the March strike and the June strike apart, each article on its own event", () => {
    const march = report.events.find((e) => e.articleIds.includes("gazette-march"))!;
    const june = report.events.find((e) => e.articleIds.includes("herald-june"))!;
    expect(march).toBeDefined();
    expect(june).toBeDefined();
    expect(march.id).not.toBe(june.id);
    expect(june.articleIds).toEqual(expect.arrayContaining(["wire-june", "herald-june", "times-june", "post-june"]));
    expect(march.start).toBe("2024-03-13");
    // The label says what happened, who and where, and when.
    expect(june.label).toMatch(/^strike · Rosa Ventris · .*Port Calder.* \(2024-06-04/);
  });

  it("puts a passing mention of the earlier strike on the earlier event", () => {
    const march = report.events.find((e) => e.articleIds.includes("gazette-march"))!;
    expect(march.mentionedByArticleIds).toContain("post-june");
    expect(claimOf(report, "post-june", "last March")?.eventId).toBe(march.id);
  });

  it("counts a wire story reprinted by three outlets as one independent source", () => {
    const group = report.agreements.find((g) => g.articleIds.includes("herald-june") && g.articleIds.includes("times-june") && g.articleIds.includes("wire-june"));
    expect(group).toBeDefined();
    expect(group!.independentSources).toBe(1);
  });

  it("finds the true conflict on the June strike's start date", () => {
    const c = report.conflicts.find((x) => x.slot === "start");
    expect(c).toBeDefined();
    expect(c!.values.map((v) => v.value).sort()).toEqual(["2024-06-04", "2024-06-05"]);
    expect(c!.claimIds).toContain(claimOf(report, "post-june", "began on 5 June")!.id);
  });

  it("explains the different durations as different events, not a conflict", () => {
    expect(report.conflicts.some((c) => c.slot === "durationDays")).toBe(false);
    expect(report.nonConflicts.some((n) => n.slot === "durationDays" && n.reason === "different-event")).toBe(true);
  });

  it("counts a fact given in different words by several outlets as corroborated", () => {
    const g = report.agreements.find((a) => a.summary.startsWith("The duration in days: 6"));
    expect(g).toBeDefined();
    expect(g!.articleIds).toEqual(expect.arrayContaining(["herald-june", "wire-june"]));
  });

  it("explains a six-day strike and 4 to 9 June as the same value", () => {
    expect(report.nonConflicts.some((n) => n.slot === "durationDays" && n.reason === "same-value")).toBe(true);
  });

  it("explains the rising injury count as an update", () => {
    expect(report.nonConflicts.some((n) => n.slot === "toll:injure" && n.reason === "update")).toBe(true);
  });

  it("groups claims that deny the same thing in different words", () => {
    const denied = claimOf(report, "gazette-march", "denied")!;
    expect(denied.modality).toBe("denied");
    expect(denied.negated).toBe(true);
  });

  it("attributes claims to their speakers", () => {
    const c = claimOf(report, "gazette-march", "four-day strike")!;
    expect(c.attribution?.text).toBe("union leader Rosa Ventris said on Monday");
    expect(c.attribution?.entityId).toBe(report.entities.find((e) => e.name === "Rosa Ventris")!.id);
    expect(claimOf(report, "post-june", "plans to extend")!.modality).toBe("planned");
  });

  it("keeps every claim span inside its article and equal to its text", () => {
    for (const c of report.claims) {
      const a = report.articles.find((x) => x.id === c.articleId)!;
      expect(a.text.slice(c.start, c.end)).toBe(c.text);
    }
  });

  it("gives byte-identical reports on two runs", async () => {
    expect(renderJson(await reconcile(stories))).toBe(renderJson(report));
  });
});
