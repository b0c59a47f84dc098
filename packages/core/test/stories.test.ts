import { describe, expect, it } from "vitest";
import { ArticleSchema, StoryAssigner, reconcile, reconcileStories, renderJson, storyKeys, type Article, type InputFailure } from "../src/index.js";

const article = (id: string, publishedAt: string, text: string, role: "source" | "derived" = "source"): Article =>
  ArticleSchema.parse({ id, role, text, publishedAt, language: "en", source: { input: `${id}.txt`, adapter: "test" } });

// Two invented stories that have nothing to say to each other, and a summary of the first.
const strike = [
  article("gazette", "2024-06-04", "Ferry crews at Port Calder walked out on Monday, union leader Rosa Ventris said.\nThe Calder Ferry Union wants a pay rise of 6 per cent."),
  article("herald", "2024-06-05", "The ferry strike in Port Calder entered its second day, Rosa Ventris told reporters.\nKeel Logistics said talks would resume."),
  article("summary", "2024-06-08", "Rosa Ventris led a ferry strike in Port Calder that began on Monday.", "derived"),
];
const fire = [
  article("courier", "2024-06-04", "A fire damaged the Lindqvist Museum in Tarnby on Tuesday, fire chief Oskar Brant said.\nNo one was hurt."),
  article("ledger", "2024-06-06", "Investigators are examining the Lindqvist Museum after Tuesday's fire, Oskar Brant said.\nThe building in Tarnby will stay closed."),
];

describe("storyKeys", () => {
  it("keeps names and drops sentence openers, dates, countries, acronyms and outlets", () => {
    const { names, words } = storyKeys(
      "Union leader Rosa Ventris spoke in Calder on Monday in June. The strike hit France, the US and the CEO of Reuters. Keel said Ventris would meet them.",
    );
    expect(names).toContain("rosa ventris");
    expect(words).toEqual(expect.arrayContaining(["calder", "ventris"]));
    // "Union" and "The" open sentences, "Keel" opens one too; months, weekdays, countries, acronyms and an agency are no story's own.
    for (const k of ["union", "the", "keel", "monday", "june", "france", "us", "ceo", "reuters"]) {
      expect([...names, ...words]).not.toContain(k);
    }
  });
});

describe("StoryAssigner", () => {
  it("puts articles that share names in one story and unrelated ones in another, in arrival order", () => {
    const assigner = new StoryAssigner();
    for (const a of [strike[0]!, fire[0]!, strike[1]!, fire[1]!, strike[2]!]) assigner.add(a);
    expect(assigner.stories()).toEqual([
      { id: "gazette", articleIds: ["gazette", "herald", "summary"] },
      { id: "courier", articleIds: ["courier", "ledger"] },
    ]);
  });

  it("merges two stories when an article names both", () => {
    const assigner = new StoryAssigner();
    expect(assigner.add(strike[0]!)).toBe("gazette");
    expect(assigner.add(fire[0]!)).toBe("courier");
    const bridge = article("digest", "2024-06-07", "Rosa Ventris of Port Calder visited the Lindqvist Museum in Tarnby with Oskar Brant.");
    expect(assigner.add(bridge)).toBe("gazette");
    expect(assigner.stories()).toEqual([{ id: "gazette", articleIds: ["gazette", "courier", "digest"] }]);
  });

  it("stops joining through a name once it is in more stories than the limit", () => {
    // Three stories (two articles each, sharing their own harbour and mayor) that all mention one inspector.
    const towns = ["Arlo", "Bexby", "Corran"];
    const batch = towns.flatMap((town) =>
      [0, 1].map((k) => article(`${town}-${k}`, "2024-06-04", `Inspector Mara Quell met Mayor ${town}son at ${town} Harbour on day ${k}.`)),
    );
    // A later article names the inspector and one town's harbour only: two shared names with that story.
    const late = article("late", "2024-06-09", `Inspector Mara Quell returned to Arlo Harbour.`);
    const run = (maxNameStories: number) => {
      const assigner = new StoryAssigner({ maxNameStories });
      for (const a of [...batch, late]) assigner.add(a);
      return assigner.stories();
    };
    expect(run(50).map((s) => s.articleIds)).toEqual([["Arlo-0", "Arlo-1", "late"], ["Bexby-0", "Bexby-1"], ["Corran-0", "Corran-1"]]);
    // With a limit of two stories the inspector's name is too common to join anything.
    expect(run(2).map((s) => s.articleIds)).toEqual([["Arlo-0", "Arlo-1"], ["Bexby-0", "Bexby-1"], ["Corran-0", "Corran-1"], ["late"]]);
  });

  it("can keep articles far apart in time out of one story", () => {
    const assigner = new StoryAssigner({ windowDays: 30 });
    assigner.add(strike[0]!);
    assigner.add(article("next-year", "2025-06-04", "Ferry crews at Port Calder walked out again, Rosa Ventris said."));
    expect(assigner.stories()).toHaveLength(2);
    const unbounded = new StoryAssigner();
    unbounded.add(strike[0]!);
    unbounded.add(article("next-year", "2025-06-04", "Ferry crews at Port Calder walked out again, Rosa Ventris said."));
    expect(unbounded.stories()).toHaveLength(1);
  });
});

describe("reconcileStories", () => {
  const failure: InputFailure = { input: "broken.html", code: "MALFORMED_INPUT", name: "MalformedInputError", message: "not a page" };

  it("gives one report per story, the same as reconciling that story alone, with the failures in the first", async () => {
    const out = [];
    for await (const part of reconcileStories([strike[0]!, fire[0]!, strike[1]!, fire[1]!, strike[2]!], { failures: [failure] })) out.push(part);
    expect(out.map((p) => p.story.id)).toEqual(["gazette", "courier"]);
    const [first, second] = out;
    expect(first!.report.failures).toEqual([failure]);
    expect(second!.report.failures).toEqual([]);
    expect(new Set(first!.report.claims.map((c) => c.articleId))).toEqual(new Set(["gazette", "herald", "summary"]));
    expect(new Set(second!.report.claims.map((c) => c.articleId))).toEqual(new Set(["courier", "ledger"]));
    expect(first!.report.verdicts.length).toBeGreaterThan(0);
    expect(renderJson(second!.report)).toBe(renderJson(await reconcile([fire[0]!, fire[1]!])));
  });

  it("lets go of the articles when asked to: the array is emptied, the reports are the same", async () => {
    const input = [strike[0]!, fire[0]!, strike[1]!, fire[1]!, strike[2]!];
    const kept = [];
    for await (const part of reconcileStories([...input], { failures: [failure] })) kept.push(renderJson(part.report));
    const owned = [...input];
    const released = [];
    for await (const part of reconcileStories(owned, { failures: [failure], releaseArticles: true })) {
      expect(owned).toEqual([]);
      released.push(renderJson(part.report));
    }
    expect(released).toEqual(kept);
    expect(input).toHaveLength(5);
  });

  it("gives a report of no articles, carrying the failures, when nothing was read", async () => {
    const out = [];
    for await (const part of reconcileStories([], { failures: [failure] })) out.push(part);
    expect(out).toHaveLength(1);
    expect(out[0]!.report.articles).toEqual([]);
    expect(out[0]!.report.failures).toEqual([failure]);
  });
});
