import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, cpSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "./run-cli.js";
import { ClaimSchema, ReportSchema, type Report } from "@corroborate/core";
import { GoldError, parseGold, type Gold } from "../src/eval/gold.js";
import { SECTION_IDS, scoreReport, type SectionId, type StoryScore } from "../src/eval/score.js";
import { totals } from "../src/eval/render.js";
import type { StoryRun } from "../src/eval/story.js";

// ---------------------------------------------------------------- a small invented story, scored by hand

const TEXT = {
  a1: "Mayor Tova Brenn opened the Lindhaven bridge on Monday. The bridge cost 40 million crowns.\n\nRead more: Storm warning for the coast",
  a2: "Tova Brenn, the mayor, opened the bridge in Lindhaven on Monday. It cost 45 million crowns, said councillor Ivo Brenn. The opening drew a large crowd.",
  a3: "Tova Brenn will open a school in Lindhaven next year.",
  s1: "Tova Brenn opened a bridge. It cost 50 million crowns. It is a triumph.",
} as const;
type Id = keyof typeof TEXT;

const GOLD: Gold = parseGold(
  JSON.stringify({
    entities: [
      { id: "tova-brenn", type: "person", mentions: ["Tova Brenn"], articles: ["a1", "a2", "a3", "s1"] },
      { id: "ivo-brenn", type: "person", mentions: ["Ivo Brenn"], articles: ["a2"] },
      { id: "lindhaven", type: "place", mentions: ["Lindhaven"], articles: ["a1", "a2", "a3"] },
    ],
    mustNotMerge: [["tova-brenn", "ivo-brenn"]],
    events: [
      {
        id: "bridge",
        reportedBy: ["a1", "a2"],
        facts: [
          { slot: "start", value: "2025-05-05", quotes: [["a1", "on Monday"]] },
          { slot: "costMillions", value: 40, quotes: [["a1", "40 million crowns"]] },
        ],
      },
      { id: "school", reportedBy: ["a3"] },
    ],
    conflicts: [{ id: "cost", quotes: [["a1", "40 million crowns"], ["a2", "45 million crowns"]] }],
    notConflicts: [{ id: "when", about: "another event", quotes: [["a1", "on Monday"], ["a3", "next year"]] }],
    corroborated: [{ id: "opened", quotes: [["a1", "opened the Lindhaven bridge on Monday"], ["a2", "opened the bridge in Lindhaven on Monday"]] }],
    noise: [{ article: "a1", quote: "Read more: Storm warning for the coast" }],
    summaryVerdicts: {
      article: "s1",
      sentences: [
        { starts: "Tova Brenn opened a bridge", verdict: "supported", evidence: ["a1", "a2"] },
        { starts: "It cost 50 million", verdict: "contradicted", evidence: ["a1"] },
        { starts: "It is a triumph", verdict: "unsupported", evidence: [] },
      ],
    },
  }),
  "test-gold.json",
);

/** Offsets of the n-th occurrence of `needle` in an article. */
function at(id: Id, needle: string, nth = 0): { start: number; end: number } {
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = TEXT[id].indexOf(needle, i + 1);
    if (i < 0) throw new Error(`"${needle}" not in ${id}`);
  }
  return { start: i, end: i + needle.length };
}

const mention = (entityId: string, id: Id, text: string, nth = 0) => ({ ...at(id, text, nth), articleId: id, text, entityId, via: "name" as const });
const claim = (cid: string, id: Id, sentence: string, extra: Record<string, unknown> = {}) => ({ id: cid, articleId: id, ...at(id, sentence), text: sentence, ...extra });
const fact = (slot: string, value: string | number, id: Id, text: string) => ({ slot, value, ...at(id, text) });

/** The report a perfect pipeline would write for the story above. */
function perfect(): Report {
  return ReportSchema.parse({
    schemaVersion: "1.0.0",
    generator: { name: "test", version: "0" },
    articles: (Object.keys(TEXT) as Id[]).map((id) => ({
      id,
      role: id === "s1" ? "derived" : "source",
      publishedAt: "2025-05-06",
      text: TEXT[id],
      source: { input: `${id}.txt`, adapter: "text" },
    })),
    entities: [
      {
        id: "e-tova",
        type: "person",
        name: "Tova Brenn",
        aliases: [],
        articleIds: ["a1", "a2", "a3", "s1"],
        mentions: (["a1", "a2", "a3", "s1"] as Id[]).map((id) => mention("e-tova", id, "Tova Brenn")),
      },
      { id: "e-ivo", type: "person", name: "Ivo Brenn", aliases: [], articleIds: ["a2"], mentions: [mention("e-ivo", "a2", "Ivo Brenn")] },
      {
        id: "e-lindhaven",
        type: "place",
        name: "Lindhaven",
        aliases: [],
        articleIds: ["a1", "a2", "a3"],
        mentions: (["a1", "a2", "a3"] as Id[]).map((id) => mention("e-lindhaven", id, "Lindhaven")),
      },
    ],
    claims: [
      claim("a1#1", "a1", "Mayor Tova Brenn opened the Lindhaven bridge on Monday.", { eventId: "ev-bridge", facts: [fact("start", "2025-05-05", "a1", "on Monday")] }),
      claim("a1#2", "a1", "The bridge cost 40 million crowns.", {
        eventId: "ev-bridge",
        quantities: [{ ...at("a1", "40 million crowns"), text: "40 million crowns", value: 40, unit: "million crowns" }],
        facts: [fact("count:crown", 40, "a1", "40 million crowns")],
      }),
      claim("a2#1", "a2", "Tova Brenn, the mayor, opened the bridge in Lindhaven on Monday.", { eventId: "ev-bridge", facts: [fact("start", "2025-05-05", "a2", "on Monday")] }),
      claim("a2#2", "a2", "It cost 45 million crowns, said councillor Ivo Brenn.", { eventId: "ev-bridge", facts: [fact("count:crown", 45, "a2", "45 million crowns")] }),
      claim("a2#3", "a2", "The opening drew a large crowd.", { eventId: "ev-bridge" }),
      claim("a3#1", "a3", "Tova Brenn will open a school in Lindhaven next year.", { eventId: "ev-school", modality: "future", facts: [fact("start", "2026", "a3", "next year")] }),
    ],
    events: [
      { id: "ev-bridge", label: "bridge", articleIds: ["a1", "a2"], claimIds: ["a1#1", "a1#2", "a2#1", "a2#2", "a2#3"] },
      { id: "ev-school", label: "school", articleIds: ["a3"], claimIds: ["a3#1"] },
    ],
    agreements: [{ id: "ag-1", claimIds: ["a1#1", "a2#1"], articleIds: ["a1", "a2"], independentSources: 2 }],
    conflicts: [
      {
        id: "cf-1",
        slot: "count:crown",
        claimIds: ["a1#2", "a2#2"],
        values: [
          { value: 40, claimIds: ["a1#2"], articleIds: ["a1"] },
          { value: 45, claimIds: ["a2#2"], articleIds: ["a2"] },
        ],
        explanation: "the cost differs",
      },
    ],
    nonConflicts: [
      {
        id: "nc-1",
        slot: "start",
        reason: "different-event",
        claimIds: ["a1#1", "a3#1"],
        values: [
          { value: "2025-05-05", claimIds: ["a1#1"], articleIds: ["a1"] },
          { value: "2026", claimIds: ["a3#1"], articleIds: ["a3"] },
        ],
        explanation: "another event",
      },
    ],
    verdicts: [
      verdict("v1", "Tova Brenn opened a bridge.", "supported", ["a1", "a2"]),
      verdict("v2", "It cost 50 million crowns.", "contradicted", ["a1"]),
      verdict("v3", "It is a triumph.", "unsupported", []),
    ],
  });
}

function verdict(id: string, sentence: string, label: string, evidence: Id[]) {
  return {
    id,
    articleId: "s1",
    ...at("s1", sentence),
    text: sentence,
    verdict: label,
    reason: "test",
    evidence: evidence.map((a) => ({ ...at(a, "Tova Brenn"), articleId: a, text: "Tova Brenn" })),
  };
}

const sectionOf = (score: StoryScore, id: SectionId) => score.sections.find((s) => s.id === id)!;
const figure = (score: StoryScore, id: SectionId, label: string) => {
  const f = sectionOf(score, id).figures.find((x) => x.label === label)!;
  return `${f.hit}/${f.total}`;
};

describe("scoreReport", () => {
  it("gives a perfect report 1.0 in every section and overall, with no gold problem", () => {
    const score = scoreReport(perfect(), GOLD);
    expect(score.problems).toEqual([]);
    expect(score.sections.map((s) => s.id)).toEqual([...SECTION_IDS]);
    for (const s of score.sections) {
      expect([s.id, s.precision, s.recall, s.f1, s.misses]).toEqual([s.id, 1, 1, 1, []]);
    }
    expect(score.overall).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(figure(score, "mustNotMerge", "merged")).toBe("0/1");
    expect(figure(score, "verdicts", "correct")).toBe("3/3");
  });

  it("scores an empty report 0 (not undefined) wherever the gold has items, and verdicts 0/N", () => {
    const empty = ReportSchema.parse({ ...perfect(), entities: [], events: [], claims: [], agreements: [], conflicts: [], nonConflicts: [], verdicts: [] });
    const score = scoreReport(empty, GOLD);
    for (const id of SECTION_IDS.filter((x) => x !== "noise")) expect(sectionOf(score, id).f1, id).toBe(0);
    expect(figure(score, "verdicts", "correct")).toBe("0/3");
    expect(sectionOf(score, "verdicts").precision).toBeNull();
    expect(score.overall.f1).toBe(0);
  });

  it("counts a wrong merge against must-not-merge and entity precision", () => {
    const report = perfect();
    const ivo = report.entities.find((e) => e.id === "e-ivo")!;
    const tova = report.entities.find((e) => e.id === "e-tova")!;
    tova.mentions.push(...ivo.mentions.map((m) => ({ ...m, entityId: "e-tova" })));
    report.entities = report.entities.filter((e) => e.id !== "e-ivo");
    const score = scoreReport(report, GOLD);
    expect(figure(score, "mustNotMerge", "merged")).toBe("1/1");
    expect(sectionOf(score, "mustNotMerge").recall).toBe(0);
    expect(sectionOf(score, "mustNotMerge").misses[0]).toContain("tova-brenn + ivo-brenn");
    expect(sectionOf(score, "entities").precision).toBeLessThan(1);
    expect(sectionOf(score, "entities").recall).toBe(1);
  });

  it("counts a split entity against merge recall, not precision", () => {
    const report = perfect();
    const tova = report.entities.find((e) => e.id === "e-tova")!;
    const moved = tova.mentions.filter((m) => m.articleId === "a3");
    tova.mentions = tova.mentions.filter((m) => m.articleId !== "a3");
    report.entities.push({ id: "e-tova-2", type: "person", name: "Tova Brenn", aliases: [], articleIds: ["a3"], mentions: moved.map((m) => ({ ...m, entityId: "e-tova-2" })) });
    const score = scoreReport(report, GOLD);
    expect(figure(score, "entities", "merged")).toBe("2/3");
    expect(sectionOf(score, "entities").precision).toBe(1);
    // 3 of the 6 pairs of Tova's four mentions, and the 3 pairs of Lindhaven's: 6 of 9.
    expect(sectionOf(score, "entities").recall).toBeCloseTo(6 / 9, 5);
  });

  it("matches a mention by text within the article when its span is off", () => {
    const report = perfect();
    const ivo = report.entities.find((e) => e.id === "e-ivo")!;
    ivo.mentions = ivo.mentions.map((m) => ({ ...m, start: 0, end: 9 })); // wrong offsets, right text
    const score = scoreReport(report, GOLD);
    expect(figure(score, "entities", "mentions found")).toBe("8/8");
  });

  it("neither requires nor forbids naming an entity inside page noise", () => {
    const withStorm = parseGold(
      JSON.stringify({
        ...GOLD,
        summaryVerdicts: null,
        entities: [...GOLD.entities, { id: "storm", type: "other", mentions: ["Storm"], articles: ["a1"] }],
      }),
      "g.json",
    );
    const score = scoreReport(perfect(), withStorm);
    expect(figure(score, "entities", "merged")).toBe("3/3");
    expect(sectionOf(score, "entities").recall).toBe(1);
    expect(sectionOf(score, "entities").misses).toEqual(["storm: not scored (named only in page noise, and not found there)"]);
    const report = perfect();
    report.entities.push({ id: "e-storm", type: "other", name: "Storm", aliases: [], articleIds: ["a1"], mentions: [mention("e-storm", "a1", "Storm")] });
    expect(figure(scoreReport(report, withStorm), "entities", "merged")).toBe("4/4");
  });

  it("counts lookalike events merged into one against event precision and keeping them apart", () => {
    const report = perfect();
    report.events = [{ ...report.events[0]!, articleIds: ["a1", "a2", "a3"] }];
    const score = scoreReport(report, GOLD);
    expect(figure(score, "events", "apart")).toBe("0/1");
    expect(sectionOf(score, "events").precision).toBeCloseTo(1 / 3, 5);
    expect(sectionOf(score, "events").recall).toBe(1);
  });

  it("finds a conflict only when it sets the two quotes on different values", () => {
    const report = perfect();
    const cf = report.conflicts[0]!;
    report.conflicts = [{ ...cf, values: [{ value: 40, claimIds: ["a1#2", "a2#2"], articleIds: ["a1", "a2"] }] }];
    const score = scoreReport(report, GOLD);
    expect(figure(score, "conflicts", "found")).toBe("0/1");
    report.conflicts = [];
    expect(sectionOf(scoreReport(report, GOLD), "conflicts").recall).toBe(0);
  });

  it("counts an apparent conflict reported as a conflict against both conflict sections", () => {
    const report = perfect();
    report.conflicts.push({
      id: "cf-2",
      eventId: null,
      slot: "start",
      claimIds: ["a1#1", "a3#1"],
      values: [
        { value: "2025-05-05", claimIds: ["a1#1"], articleIds: ["a1"] },
        { value: "2026", claimIds: ["a3#1"], articleIds: ["a3"] },
      ],
      explanation: "wrong",
    });
    const score = scoreReport(report, GOLD);
    expect(figure(score, "nonConflicts", "as conflicts")).toBe("1/1");
    expect(sectionOf(score, "nonConflicts").recall).toBe(0);
    expect(sectionOf(score, "conflicts").precision).toBe(0.5);
    expect(sectionOf(score, "conflicts").recall).toBe(1);
  });

  it("wants apparent conflicts explained, not only left out", () => {
    const report = perfect();
    report.nonConflicts = [];
    const score = scoreReport(report, GOLD);
    expect(figure(score, "nonConflicts", "as conflicts")).toBe("0/1");
    expect(figure(score, "nonConflicts", "explained")).toBe("0/1");
    expect(sectionOf(score, "nonConflicts").recall).toBe(0);
  });

  it("counts a claim drawn from page noise", () => {
    const report = perfect();
    report.claims.push(ClaimSchema.parse(claim("a1#3", "a1", "Read more: Storm warning for the coast")));
    const score = scoreReport(report, GOLD);
    expect(figure(score, "noise", "clean")).toBe("0/1");
    expect(sectionOf(score, "noise").precision).toBeCloseTo(6 / 7, 5);
  });

  it("needs an agreement grouping two quotes, and penalises agreeing on a conflict", () => {
    const report = perfect();
    report.agreements = [{ ...report.agreements[0]!, claimIds: ["a1#2", "a2#2"] }];
    const score = scoreReport(report, GOLD);
    expect(figure(score, "corroborations", "grouped")).toBe("0/1");
    expect(sectionOf(score, "corroborations").misses.join(" ")).toContain("conflict cost");
  });

  it("checks the independent-source count of a found corroboration", () => {
    const report = perfect();
    report.agreements[0]!.independentSources = 3; // only two source articles
    const score = scoreReport(report, GOLD);
    expect(figure(score, "corroborations", "grouped")).toBe("1/1");
    expect(figure(score, "corroborations", "source counts plausible")).toBe("0/1");
  });

  it("scores a wrong fact value as stated but wrong", () => {
    const report = perfect();
    const c = report.claims.find((x) => x.id === "a1#1")!;
    c.facts = [{ ...c.facts[0]!, value: "2025-05-12" }];
    const score = scoreReport(report, GOLD);
    expect(figure(score, "facts", "quotes")).toBe("1/2");
    expect(sectionOf(score, "facts").precision).toBe(0.5);
  });

  it("scores each summary verdict by its label", () => {
    const report = perfect();
    report.verdicts[1]!.verdict = "supported";
    const score = scoreReport(report, GOLD);
    expect(figure(score, "verdicts", "correct")).toBe("2/3");
    expect(sectionOf(score, "verdicts").misses).toEqual(['"It cost 50 million…": expected contradicted, got supported']);
  });

  it("reports gold quotes that are not in the articles as problems", () => {
    const gold = parseGold(JSON.stringify({ noise: [{ article: "a1", quote: "not in the text" }, { article: "zz", quote: "x" }] }), "g.json");
    const score = scoreReport(perfect(), gold);
    expect(score.problems).toEqual(['noise: quote not found in a1: "not in the text"', 'noise: article "zz" is not in the report']);
  });

  it("sums stories section by section", () => {
    const one = scoreReport(perfect(), GOLD);
    const empty = scoreReport(ReportSchema.parse({ ...perfect(), verdicts: [] }), GOLD);
    const run = (score: StoryScore) => ({ score }) as StoryRun;
    const t = totals([run(one), run(empty)]);
    const v = t.sections.find((s) => s.id === "verdicts")!;
    expect(v.figures[0]).toMatchObject({ hit: 3, total: 6 });
    expect(v.recall).toBe(0.5);
    expect(v.precision).toBe(1);
  });
});

describe("parseGold", () => {
  it("names the file and the problem", () => {
    expect(() => parseGold("{", "bad.json")).toThrow(GoldError);
    expect(() => parseGold("{", "bad.json")).toThrow(/bad\.json: not valid JSON/);
    const unknown = JSON.stringify({ entities: [{ id: "a", mentions: ["A"], articles: ["x"] }], mustNotMerge: [["a", "b"]] });
    expect(() => parseGold(unknown, "g.json")).toThrow(/mustNotMerge\.0\.1: "b" is not the id of an entity/);
    expect(() => parseGold(JSON.stringify({ conflicts: [{ id: "c", quotes: [["a", "q"]] }] }), "g.json")).toThrow(/needs at least two quotes/);
  });
});

// ---------------------------------------------------------------- the command, on the project's example story

const examples = join(import.meta.dirname, "..", "..", "..", "examples");


// Each case starts the CLI and runs the whole pipeline; on a busy machine that takes seconds.
describe("corroborate eval", { timeout: 60_000 }, () => {
  it("scores examples/harbour-strike: every section, no gold problem, byte-identical JSON", async () => {
    const a = await cli("eval", join(examples, "harbour-strike"), "--json", "--no-timing");
    const b = await cli("eval", join(examples, "harbour-strike"), "--json", "--no-timing");
    expect(a.code, a.stderr).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const result = JSON.parse(a.stdout);
    expect(result.errors).toEqual([]);
    expect(result.stories).toHaveLength(1);
    const story = result.stories[0];
    expect(story.story).toBe("harbour-strike");
    expect(story.problems).toEqual([]);
    expect(story.failures).toEqual([]);
    expect(story.articles).toEqual({ total: 7, sources: 6, derived: 1 });
    expect(story.sections.map((s: { id: string }) => s.id)).toEqual([...SECTION_IDS]);
    const gold = JSON.parse(readFileSync(join(examples, "harbour-strike", "gold.json"), "utf8"));
    const byId = Object.fromEntries(story.sections.map((s: { id: string }) => [s.id, s]));
    expect(byId.verdicts.recallCount.total).toBe(gold.summaryVerdicts.sentences.length);
    expect(byId.mustNotMerge.recallCount.total).toBe(gold.mustNotMerge.length);
    expect(byId.conflicts.recallCount.total).toBe(gold.conflicts.length);
    for (const s of story.sections) for (const v of [s.precision, s.recall, s.f1]) expect(v === null || (v >= 0 && v <= 1)).toBe(true);
    expect("timing" in story).toBe(false);
  });

  it("prints a readable table with wall time and throughput; --all finds the story folders", async () => {
    const { code, stdout } = await cli("eval", "--all", examples, "--runs", "2");
    expect(code).toBe(0);
    expect(stdout).toContain("== harbour-strike");
    expect(stdout).toMatch(/pipeline \d+ ms cold, \d+ ms warm \(median of 1\); [\d.]+ KB\/s/);
    expect(stdout).toContain("deterministic over 2 runs: yes");
    for (const title of ["entities: must merge", "entities: must not merge", "events: grouping", "conflicts", "apparent conflicts", "corroborations", "page noise", "summary verdicts", "overall (macro)"]) {
      expect(stdout).toContain(title);
    }
    expect(stdout).toMatch(/summary verdicts\s+\d+\/9 correct/);
  });

  it("exits 2 on a missing folder, a folder that is not a story, an invalid gold file; 0 with --skip-missing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "corroborate-eval-"));
    expect((await cli("eval")).code).toBe(2);
    const help = await cli("eval", "--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("apparent conflicts");
    expect((await cli("eval", join(dir, "nope"))).code).toBe(2);
    const skipped = await cli("eval", "--all", join(dir, "nope"), "--skip-missing", "--no-timing");
    expect(skipped.code).toBe(0);
    expect(skipped.stderr).toContain("skipped");
    expect((await cli("eval", dir)).code).toBe(2);
    expect((await cli("eval", examples, "--runs", "0")).code).toBe(2);

    const story = join(dir, "stories", "broken");
    mkdirSync(story, { recursive: true });
    cpSync(join(examples, "harbour-strike"), join(dir, "stories", "good"), { recursive: true });
    writeFileSync(join(story, "manifest.json"), JSON.stringify({ articles: [{ file: "a.txt", id: "a" }] }));
    writeFileSync(join(story, "a.txt"), "Tova Brenn opened a bridge on Monday.");
    writeFileSync(join(story, "gold.json"), JSON.stringify({ mustNotMerge: [["x", "y"]] }));
    const res = await cli("eval", "--all", join(dir, "stories"), "--no-timing");
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/broken.*gold\.json.*"x" is not the id of an entity/);
    expect(res.stdout).toContain("== good"); // the other story is still scored
  });
});
