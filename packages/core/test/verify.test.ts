import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  ArticleSchema,
  createVerifyStage,
  defaultStages,
  lexicalDecider,
  reconcile,
  renderJson,
  renderMarkdown,
  type Article,
  type Report,
  type VerdictDecider,
  type VerdictQuestion,
} from "../src/index.js";

const article = (id: string, publishedAt: string, text: string, role: "source" | "derived" = "source"): Article =>
  ArticleSchema.parse({ id, role, text, publishedAt, language: "en", source: { input: `${id}.txt`, adapter: "test" } });

const verdictOf = (r: Report, starts: string) => {
  const derived = r.articles.find((a) => a.role === "derived")!;
  const at = derived.text.indexOf(starts);
  expect(at).toBeGreaterThanOrEqual(0);
  return r.verdicts.find((v) => v.articleId === derived.id && v.start <= at && at < v.end);
};

// The invented harbour-strike story of the examples folder, with its gold verdicts.
const story = fileURLToPath(new URL("../../../examples/harbour-strike/", import.meta.url));
const manifest = JSON.parse(readFileSync(`${story}manifest.json`, "utf8")) as {
  articles: { file: string; id: string; role: "source" | "derived"; publishedAt: string }[];
};
const gold = JSON.parse(readFileSync(`${story}gold.json`, "utf8")) as {
  summaryVerdicts: { article: string; sentences: { starts: string; verdict: string; evidence: string[] }[] };
};
const harbour = manifest.articles.map((a) => article(a.id, a.publishedAt, readFileSync(`${story}${a.file}`, "utf8"), a.role));

describe("verifier on the invented harbour-strike story", async () => {
  const report = await reconcile(harbour);

  it("gives every body sentence of the derived summary a verdict, and none to the sources", () => {
    expect(report.verdicts.length).toBe(gold.summaryVerdicts.sentences.length);
    expect(report.verdicts.every((v) => v.articleId === gold.summaryVerdicts.article)).toBe(true);
  });

  for (const s of gold.summaryVerdicts.sentences) {
    it(`labels “${s.starts}…” ${s.verdict}`, () => {
      const v = verdictOf(report, s.starts);
      expect(v?.verdict).toBe(s.verdict);
    });
  }

  it("contradicts the wrong year with the source that dates the strike, quoting its span", () => {
    const v = verdictOf(report, "Dockworkers at Calder Harbour walked off the job")!;
    expect(v.verdict).toBe("contradicted");
    const byId = new Map(report.articles.map((a) => [a.id, a]));
    expect(v.evidence.length).toBeGreaterThan(0);
    for (const e of v.evidence) expect(byId.get(e.articleId)?.text.slice(e.start, e.end)).toBe(e.text);
    expect(v.evidence.some((e) => e.text.includes("4 to 9 June"))).toBe(true);
    expect(v.reason).toMatch(/2024/);
  });

  it("says which part of a partial sentence the sources lack", () => {
    const v = verdictOf(report, "Port Authority chief Mara Quist")!;
    expect(v.verdict).toBe("partial");
    expect(v.parts.find((p) => p.verdict === "unsupported")?.text).toMatch(/12 million crowns/);
    expect(v.parts.find((p) => p.verdict === "supported")?.text).toMatch(/unlawful/);
  });

  it("cites a source sentence for each supported sentence, never the derived text itself", () => {
    for (const v of report.verdicts.filter((x) => x.verdict === "supported")) {
      expect(v.evidence.length).toBeGreaterThan(0);
      expect(v.evidence.every((e) => e.articleId !== gold.summaryVerdicts.article)).toBe(true);
    }
  });

  it("renders the derived text sentence by sentence in Markdown", () => {
    const md = renderMarkdown(report);
    expect(md).toContain("## Derived text, sentence by sentence");
    expect(md).toContain("**CONTRADICTED**");
    expect(md).toContain("**PARTIAL**");
    expect(md).toMatch(/part unsupported: “[^”]*12 million crowns/);
  });

  it("is deterministic", async () => {
    expect(renderJson(await reconcile(harbour))).toBe(renderJson(report));
  });
});

describe("verifier on small invented cases", () => {
  const source = article(
    "valley-post",
    "2024-05-08",
    [
      "Mayor Tomas Brell opened the new Ostrava Bridge over the Lenne river on Tuesday.",
      "Seven workers were injured during the construction of the bridge, the city council said.",
      "The bridge cost 40 million crowns and took three years to build.",
      "Brell did not attend the ceremony in Kessel on Wednesday.",
    ].join("\n\n"),
  );
  const check = (text: string) => reconcile([source, article("digest", "2024-05-10", text, "derived")]);

  it("supports a faithful rewording, with the source span as evidence", async () => {
    const r = await check("The Ostrava Bridge over the Lenne was opened by Mayor Tomas Brell on Tuesday.");
    expect(r.verdicts[0]?.verdict).toBe("supported");
    expect(r.verdicts[0]?.evidence[0]?.text).toContain("opened the new Ostrava Bridge");
  });

  it("contradicts a wrong count of the same thing", async () => {
    const r = await check("Nine workers were injured during the construction of the bridge.");
    expect(r.verdicts[0]?.verdict).toBe("contradicted");
    expect(r.verdicts[0]?.evidence[0]?.text).toContain("Seven workers");
  });

  it("contradicts a clause the source negates", async () => {
    const r = await check("Brell attended the ceremony in Kessel on Wednesday.");
    expect(r.verdicts[0]?.verdict).toBe("contradicted");
  });

  it("does not support a name no source gives", async () => {
    const r = await check("Mayor Tomas Brell opened the bridge with engineer Hilde Sandvik on Tuesday.");
    expect(r.verdicts[0]?.verdict).not.toBe("supported");
  });

  it("calls a conclusion the writer draws commentary", async () => {
    const r = await check("This shows how badly the city has managed its building projects.");
    expect(r.verdicts[0]?.verdict).toBe("unsupported");
    expect(r.verdicts[0]?.evidence).toEqual([]);
  });

  it("does not support words put in the mouth of someone the sources do not quote", async () => {
    const quoted = article(
      "harbour-news",
      "2024-05-08",
      [
        "Harbour master Lise Anker said the ferry Morgenrot would resume sailings to Halvik on Friday.",
        "The ferry company declined to comment.",
        "Storms closed the port of Halvik for most of last week.",
        "Mayor Ansgar Holm opened a new ferry terminal in Kessel on Monday.",
      ].join("\n\n"),
    );
    const r = await reconcile([quoted, article("digest", "2024-05-10", "The ferry Morgenrot will resume sailings to Halvik on Friday, Mayor Ansgar Holm said.", "derived")]);
    expect(r.verdicts[0]?.verdict).toBe("unsupported");
    expect(r.verdicts[0]?.reason).toMatch(/Ansgar Holm/);
    const right = await reconcile([quoted, article("digest", "2024-05-10", "The ferry Morgenrot will resume sailings to Halvik on Friday, harbour master Lise Anker said.", "derived")]);
    expect(right.verdicts[0]?.verdict).toBe("supported");
  });

  it("reads a demonym as its place and a spaced thousands separator as one number", async () => {
    const src = article("wire", "2024-05-08", "Officials in Veltria said 3, 000 people attended the harbour festival in Calder.");
    const ok = await reconcile([src, article("d", "2024-05-10", "Veltrian officials said 3,000 people attended the harbour festival in Calder.", "derived")]);
    expect(ok.verdicts[0]?.verdict).toBe("supported");
    const wrong = await reconcile([src, article("d", "2024-05-10", "Veltrian officials said 5,000 people attended the harbour festival in Calder.", "derived")]);
    expect(wrong.verdicts[0]?.verdict).not.toBe("supported");
  });

  it("reads a number the source wrote as \"98. 7\" as one number, even where a sentence was cut after \"98.\"", async () => {
    const src = article("lab", "2024-05-08", "The first sniffer dog was right in 98. 7 per cent of the cases it was shown, the clinic said.");
    const r = await reconcile([src, article("d", "2024-05-10", "The first sniffer dog was right in 98.7 per cent of the cases it was shown.", "derived")]);
    expect(r.verdicts[0]?.verdict).not.toBe("contradicted");
  });

  it("reads a negation as negating the first word after it, not a name further on", async () => {
    const src = article("wire", "2024-05-08", "Storms have not stopped Mayor Ansgar Holm from visiting the islands of Halvik this week.");
    const r = await reconcile([src, article("d", "2024-05-10", "Mayor Ansgar Holm is visiting the islands of Halvik this week.", "derived")]);
    expect(r.verdicts[0]?.verdict).not.toBe("contradicted");
  });

  it("never counts a derived article as a source", async () => {
    const claim = "The bridge was painted bright green by volunteers from Kessel.";
    const r = await reconcile([source, article("digest-a", "2024-05-10", claim, "derived"), article("digest-b", "2024-05-11", claim, "derived")]);
    expect(r.verdicts.map((v) => v.verdict)).toEqual(["unsupported", "unsupported"]);
  });

  it("finds every sentence unsupported when there is no source at all", async () => {
    const r = await reconcile([article("d", "2024-05-10", "The bridge opened on Tuesday. Seven workers were hurt.", "derived")]);
    expect(r.verdicts.map((v) => v.verdict)).toEqual(["unsupported", "unsupported"]);
  });

  it("gives no verdicts when no article is derived", async () => {
    expect((await reconcile([source])).verdicts).toEqual([]);
  });
});

describe("a derived text that copies and glues", () => {
  const src = article(
    "coast-news",
    "2024-05-08",
    [
      "The ferry Morgenrot left the port of Halvik at dawn on Monday with 40 passengers on board.",
      "A fishing boat from Kessel was damaged in the storm near the old lighthouse.",
      "Its captain was taken to hospital in Calder with minor injuries, the coastguard said.",
      "Rescue crews searched the bay until late in the evening.",
    ].join("\n\n"),
  );
  const copied = "The ferry Morgenrot left the port of Halvik at dawn on Monday with 40 passengers on board.";
  const glued = "The ferry Morgenrot was damaged in the storm and its captain was taken to hospital.";
  // Splices of neighbouring nouns are left out here (`splices`) so that only the glue decides.
  const run = (text: string, options: Parameters<typeof lexicalDecider>[0]) =>
    reconcile([src, article("digest", "2024-05-10", text, "derived")], {
      stages: [...defaultStages.filter((s) => s.name !== "verify"), createVerifyStage({ decider: lexicalDecider({ splices: 99, ...options }) })],
    });

  it("does not support a sentence glued from runs copied from different sentences, in a text that copies", async () => {
    const r = await run(`${copied}\n\n${glued}`, {});
    const [first, second] = r.verdicts;
    expect(first?.verdict).toBe("supported");
    expect(second?.verdict).not.toBe("supported");
    expect(second?.reason).toMatch(/glues 3 runs copied from different places/);
  });

  it("counts the glue only when the text as a whole copies from the sources", async () => {
    // Alone, the glued sentence is too short to tell how the text was written: it is judged on its words.
    const alone = await run(glued, {});
    expect(alone.verdicts[0]?.verdict).toBe("supported");
    const lenient = await run(`${copied}\n\n${glued}`, { junctions: 3 });
    expect(lenient.verdicts[1]?.verdict).toBe("supported");
  });
});

describe("the decision step is pluggable", () => {
  it("runs a replacement decider on the retrieved candidates, without changing the pipeline", async () => {
    const asked: VerdictQuestion[] = [];
    const decider: VerdictDecider = {
      name: "always-partial",
      decide(q) {
        asked.push(q);
        return { verdict: "partial", evidence: [], reason: `${q.candidates.length} candidates`, parts: [], score: null };
      },
    };
    const stages = [...defaultStages.filter((s) => s.name !== "verify"), createVerifyStage({ decider })];
    const r = await reconcile(
      [
        article("a", "2024-01-02", "The ferry Morgenrot sank off Halvik on Monday."),
        article("d", "2024-01-03", "The ferry Morgenrot sank off Halvik.", "derived"),
      ],
      { stages },
    );
    expect(r.verdicts.map((v) => v.verdict)).toEqual(["partial"]);
    expect(asked[0]?.candidates[0]?.passage.articleId).toBe("a");
    expect(asked[0]?.sentence.articleId).toBe("d");
    // How the derived text was written: all six of its words in one run copied from the source.
    expect(asked[0]?.text).toEqual({ words: 6, copiedWords: 6 });
  });

  it("takes other thresholds through lexicalDecider options", async () => {
    const strict = createVerifyStage({ decider: lexicalDecider({ support: 1.01 }) });
    const stages = [...defaultStages.filter((s) => s.name !== "verify"), strict];
    const r = await reconcile(
      [
        article("a", "2024-01-02", "The ferry Morgenrot sank off Halvik on Monday."),
        article("d", "2024-01-03", "The ferry Morgenrot sank off Halvik.", "derived"),
      ],
      { stages },
    );
    expect(r.verdicts[0]?.verdict).toBe("unsupported");
  });
});
