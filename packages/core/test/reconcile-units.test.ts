import { describe, expect, it } from "vitest";
import { ArticleSchema, ClaimSchema, copyGroups, findAgreements, findConflicts, valuesAgree, type Article, type Claim } from "../src/index.js";

const article = (id: string, text: string, publishedAt: string, role: "source" | "derived" = "source"): Article =>
  ArticleSchema.parse({
    id,
    role,
    text,
    publishedAt,
    segments: [{ start: 0, end: text.length, kind: "body" }],
    source: { input: id, adapter: "test" },
  });

const claim = (id: string, articleId: string, eventId: string | null, facts: Claim["facts"], times: Claim["times"] = []): Claim =>
  ClaimSchema.parse({ id, articleId, start: 0, end: 10, text: "x", eventId, facts, times });

describe("valuesAgree", () => {
  it("lets a day agree with its month and a range with a day inside it", () => {
    expect(valuesAgree("2024-06-04", "2024-06")).toBe(true);
    expect(valuesAgree("2024-06-04/2024-06-09", "2024-06-05")).toBe(true);
    expect(valuesAgree("2018-03", "2024-03")).toBe(false);
    expect(valuesAgree(6, 6)).toBe(true);
    expect(valuesAgree(4, 6)).toBe(false);
  });
});

describe("findConflicts", () => {
  const articles = [article("a", "x".repeat(20), "2024-06-01"), article("b", "x".repeat(20), "2024-06-03"), article("c", "x".repeat(20), "2024-06-05")];

  it("reports the same slot of the same event with different values as a conflict", () => {
    const { conflicts } = findConflicts(
      [claim("a#1", "a", "evt-1", [{ slot: "start", value: "2024-06-04", start: 0, end: 1 }]), claim("b#1", "b", "evt-1", [{ slot: "start", value: "2024-06-07", start: 0, end: 1 }])],
      articles,
      [],
    );
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ slot: "start", eventId: "evt-1", claimIds: ["a#1", "b#1"] });
    expect(conflicts[0]!.values.map((v) => v.value)).toEqual(["2024-06-04", "2024-06-07"]);
  });

  it("explains a different value in another event instead of reporting a conflict", () => {
    const { conflicts, nonConflicts } = findConflicts(
      [claim("a#1", "a", "evt-1", [{ slot: "durationDays", value: 4, start: 0, end: 1 }]), claim("b#1", "b", "evt-2", [{ slot: "durationDays", value: 6, start: 0, end: 1 }])],
      articles,
      [],
    );
    expect(conflicts).toEqual([]);
    expect(nonConflicts).toEqual([expect.objectContaining({ reason: "different-event", slot: "durationDays", claimIds: ["a#1", "b#1"] })]);
  });

  it("explains a range and a duration that agree as the same value said two ways", () => {
    const range = { start: 0, end: 5, text: "4 to 9 June", kind: "range" as const, startDate: "2024-06-04", endDate: "2024-06-09", days: 6, grain: "day" as const };
    const duration = { start: 0, end: 5, text: "six-day", kind: "duration" as const, startDate: null, endDate: null, days: 6, grain: "day" as const };
    const { conflicts, nonConflicts } = findConflicts(
      [
        claim("a#1", "a", "evt-1", [{ slot: "durationDays", value: 6, start: 0, end: 5 }], [range]),
        claim("b#1", "b", "evt-1", [{ slot: "durationDays", value: 6, start: 0, end: 5 }], [duration]),
      ],
      articles,
      [],
    );
    expect(conflicts).toEqual([]);
    expect(nonConflicts[0]).toMatchObject({ reason: "same-value", slot: "durationDays" });
  });

  it("calls a rising toll in later reports an update", () => {
    const { conflicts, nonConflicts } = findConflicts(
      [claim("a#1", "a", "evt-1", [{ slot: "count:injured", value: 3, start: 0, end: 1 }]), claim("c#1", "c", "evt-1", [{ slot: "count:injured", value: 5, start: 0, end: 1 }])],
      articles,
      [],
    );
    expect(conflicts).toEqual([]);
    expect(nonConflicts[0]).toMatchObject({ reason: "update" });
  });

  it("compares a person's appointment date across events", () => {
    const { conflicts } = findConflicts(
      [claim("a#1", "a", "evt-1", [{ slot: "appointed:ent-x", value: "2024-03", start: 0, end: 1 }]), claim("b#1", "b", "evt-2", [{ slot: "appointed:ent-x", value: "2019-03", start: 0, end: 1 }])],
      articles,
      [],
    );
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]!.eventId).toBeNull();
  });
});

describe("copyGroups", () => {
  it("groups wire copy reprinted by several outlets, and not independent reports", () => {
    const wire =
      "Dockworkers at the port of Calder walked out on Monday after talks on pay collapsed late on Sunday night, the union said in a statement issued to reporters at the gates.";
    const a = article("a", `(Calder Wire) — ${wire}`, "2024-06-03");
    const b = article("b", `Harbour Gazette: ${wire} More to follow.`, "2024-06-03");
    const c = article("c", `CALDER — ${wire}`, "2024-06-03");
    const d = article("d", "The strike at the port began on Monday, according to our own reporter who spoke to several workers at the site.", "2024-06-03");
    const groups = copyGroups([a, b, c, d]);
    expect(groups.get("a")).toBe("a");
    expect(groups.get("b")).toBe("a");
    expect(groups.get("c")).toBe("a");
    expect(groups.get("d")).toBe("d");
  });
});

describe("findAgreements", () => {
  const articles = [article("a", "x".repeat(20), "2024-06-01"), article("b", "x".repeat(20), "2024-06-03"), article("c", "x".repeat(20), "2024-06-05")];
  const draft = (c: Claim, concepts: string[], index = 0) => ({ claim: c, concepts, index });
  const plan = (id: string, articleId: string, eventId: string, negated = false) =>
    ClaimSchema.parse({ id, articleId, start: 0, end: 10, text: "x", eventId, modality: negated ? "asserted" : "future", negated });
  // Unrelated claims, so that the shared words are rare enough to pair claims.
  const filler = ["rain", "market", "school", "bridge", "election", "river", "museum", "train"].map((w, i) =>
    draft(ClaimSchema.parse({ id: `c#f${i}`, articleId: "c", start: 0, end: 10, text: "x", eventId: null }), [w, `${w}-2`], i + 1),
  );

  it("never lets a plan of one event corroborate the same words about another event", () => {
    const words = ["minister", "hold", "meet", "harbour", "union"];
    const groups = findAgreements([draft(plan("a#1", "a", "evt-1"), words), draft(plan("b#1", "b", "evt-2"), words), draft(plan("c#1", "c", "evt-2"), words), ...filler], articles, new Map());
    expect(groups).toHaveLength(1);
    expect(groups[0]!.claimIds).toEqual(["b#1", "c#1"]);
  });

  it("lets a stance repeated across events agree, and counts each outlet once", () => {
    const words = ["company", "weapon", "supply", "party"];
    const groups = findAgreements([draft(plan("a#1", "a", "evt-1", true), words), draft(plan("b#1", "b", "evt-2", true), words), ...filler], articles, new Map());
    expect(groups).toEqual([expect.objectContaining({ claimIds: ["a#1", "b#1"], independentSources: 2 })]);
  });

  it("needs more than one or two shared words, and a shared name when both claims name someone", () => {
    const c = (id: string, articleId: string, entityIds: string[]) => ClaimSchema.parse({ id, articleId, start: 0, end: 10, text: "x", eventId: null, entityIds });
    const thin = findAgreements([draft(c("a#1", "a", []), ["see", "photo"]), draft(c("b#1", "b", []), ["see", "photo"]), ...filler], articles, new Map());
    expect(thin).toEqual([]);
    const words = ["spokesperson", "decline", "comment"];
    const others = findAgreements([draft(c("a#1", "a", ["ent-x"]), words), draft(c("b#1", "b", ["ent-y"]), words), ...filler], articles, new Map());
    expect(others).toEqual([]);
    const same = findAgreements([draft(c("a#1", "a", ["ent-x"]), words), draft(c("b#1", "b", ["ent-x"]), words), ...filler], articles, new Map());
    expect(same).toHaveLength(1);
  });
});

describe("findAgreements, amounts and blocks", () => {
  const articles = [article("a", "x".repeat(20), "2024-06-01"), article("b", "x".repeat(20), "2024-06-03"), article("c", "x".repeat(20), "2024-06-05")];
  const draft = (c: Claim, concepts: string[], index = 0) => ({ claim: c, concepts, index });
  const filler = ["rain", "market", "school", "bridge", "election", "river", "museum", "train"].map((w, i) =>
    draft(ClaimSchema.parse({ id: `c#f${i}`, articleId: "c", start: 0, end: 10, text: "x", eventId: null }), [w, `${w}-2`], i + 1),
  );
  const words = ["queue", "car", "form", "quay", "road"];
  const cars = (id: string, articleId: string, value: number, bound: "exact" | "about" = "exact") =>
    ClaimSchema.parse({ id, articleId, start: 0, end: 10, text: "x", eventId: null, quantities: [{ start: 0, end: 5, text: `${value} cars`, value, unit: "car", bound }] });
  const hours = (id: string, articleId: string, days: number) =>
    ClaimSchema.parse({ id, articleId, start: 0, end: 10, text: "x", eventId: null, times: [{ start: 0, end: 5, text: "hours", kind: "duration", startDate: null, endDate: null, days, grain: "day" }] });

  it("never lets different amounts of one thing corroborate each other, and lets close ones with a bound do so", () => {
    expect(findAgreements([draft(cars("a#1", "a", 549), words), draft(cars("b#1", "b", 225), words), ...filler], articles, new Map())).toEqual([]);
    expect(findAgreements([draft(cars("a#1", "a", 549), words), draft(cars("b#1", "b", 520, "about"), words), ...filler], articles, new Map())).toHaveLength(1);
    expect(findAgreements([draft(hours("a#1", "a", 0.292), words), draft(hours("b#1", "b", 0.208), words), ...filler], articles, new Map())).toEqual([]);
    expect(findAgreements([draft(hours("a#1", "a", 0.292), words), draft(hours("b#1", "b", 0.292), words), ...filler], articles, new Map())).toHaveLength(1);
  });

  it("compares only claims that share a block, and finds the same pairs inside a block as without blocks", () => {
    const c = (id: string, articleId: string) => ClaimSchema.parse({ id, articleId, start: 0, end: 10, text: "x", eventId: null });
    const drafts = [draft(c("a#1", "a"), words), draft(c("b#1", "b"), words), ...filler];
    const story = (d: { claim: Claim }) => (d.claim.articleId === "a" ? ["story-1"] : ["story-2"]);
    expect(findAgreements(drafts, articles, new Map(), { blocksOf: story })).toEqual([]);
    const both = (d: { claim: Claim }) => (d.claim.articleId === "a" ? ["story-1", "story-2"] : ["story-2"]);
    expect(findAgreements(drafts, articles, new Map(), { blocksOf: both })).toEqual(findAgreements(drafts, articles, new Map()));
    expect(findAgreements(drafts, articles, new Map())).toHaveLength(1);
  });
});

describe("counts in conflict", () => {
  const articles = [article("a", "x".repeat(20), "2024-06-01"), article("b", "x".repeat(20), "2024-06-01")];
  it("ignores an article that gives one count several values (it speaks of several things)", () => {
    const f = (v: number) => [{ slot: "count:ship", value: v, start: 0, end: 1 }];
    const { conflicts } = findConflicts([claim("a#1", "a", "evt-1", f(31)), claim("a#2", "a", "evt-1", f(12)), claim("b#1", "b", "evt-1", f(40))], articles, []);
    expect(conflicts).toEqual([]);
    const two = findConflicts([claim("a#1", "a", "evt-1", f(31)), claim("b#1", "b", "evt-1", f(40))], articles, []);
    expect(two.conflicts).toHaveLength(1);
  });
});

describe("explanations", () => {
  const articles = [article("a", "x".repeat(20), "2024-06-01"), article("b", "x".repeat(20), "2024-06-03")];
  it("orders an update by publication date and names the slot in words", () => {
    const f = (v: number) => [{ slot: "toll:injure", value: v, start: 0, end: 1 }];
    const { nonConflicts } = findConflicts([claim("b#1", "b", "evt-1", f(5)), claim("a#1", "a", "evt-1", f(3))], articles, []);
    expect(nonConflicts[0]!.explanation).toBe("Later reports update the number injured (3 → 5): a change over time, not a disagreement.");
  });
});
