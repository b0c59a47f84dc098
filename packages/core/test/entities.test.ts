import { describe, expect, it } from "vitest";
import { ArticleSchema, reconcile, type Article, type Report } from "../src/index.js";

function article(id: string, text: string, publishedAt = "2024-06-05"): Article {
  return ArticleSchema.parse({ id, text, publishedAt, language: "en", source: { input: `${id}.txt`, adapter: "test" } });
}

const a1 = article(
  "gazette",
  [
    "Veltrian Transport Minister Aleksandr Koval will visit Skerra on Monday, the Veltrian Transport Ministry said.",
    "Koval will meet union leader Rosa Ventris of the Calder Dockworkers Union (CDU) at the 3rd Calder Maritime Forum.",
    "The CDU said the strike would continue. Skerra's Harbour Authority declined to comment.",
  ].join("\n"),
);
const a2 = article(
  "courier",
  [
    "Transport Minister Alexander Koval arrives in Skerra for the Third Calder Maritime Forum.",
    "Ventris told reporters the Veltrian Ministry of Transport had ignored the dockworkers, and the Calder Harbor Authority said nothing.",
    "The minister's visit follows talks with Skerran Transport Minister Ilse Brandt in May.",
  ].join("\n"),
);

function entityOf(report: Report, articleId: string, surface: string): string | undefined {
  const a = report.articles.find((x) => x.id === articleId)!;
  const at = a.text.indexOf(surface);
  return report.entities.find((e) => e.mentions.some((m) => m.articleId === articleId && m.start === at && m.end === at + surface.length))?.id;
}

describe("entity resolution", async () => {
  const report = await reconcile([a1, a2]);

  it("links a surname to the full name within an article", () => {
    const full = entityOf(report, "gazette", "Aleksandr Koval");
    expect(full).toBeDefined();
    expect(entityOf(report, "gazette", "Koval will meet")?.length).toBeUndefined();
    const a = report.articles[0]!;
    const at = a.text.indexOf("Koval will meet");
    expect(report.entities.find((e) => e.id === full)!.mentions.some((m) => m.start === at && m.text === "Koval")).toBe(true);
  });

  it("merges transliteration variants across articles (Aleksandr/Alexander)", () => {
    expect(entityOf(report, "gazette", "Aleksandr Koval")).toBe(entityOf(report, "courier", "Alexander Koval"));
    expect(report.entities.find((e) => e.id === entityOf(report, "gazette", "Aleksandr Koval"))!.type).toBe("person");
  });

  it("keeps the apposed title as an alias of the person", () => {
    const e = report.entities.find((x) => x.id === entityOf(report, "gazette", "Aleksandr Koval"))!;
    expect(e.aliases).toContain("Veltrian Transport Minister");
  });

  it("links an acronym introduced in parentheses", () => {
    const union = entityOf(report, "gazette", "Calder Dockworkers Union");
    expect(union).toBeDefined();
    expect(entityOf(report, "gazette", "CDU) at")).toBeUndefined();
    const a = report.articles[0]!;
    const later = a.text.indexOf("The CDU said") + 4;
    expect(report.entities.find((e) => e.id === union)!.mentions.some((m) => m.start === later)).toBe(true);
  });

  it("treats ordinals in names alike (3rd = Third)", () => {
    expect(entityOf(report, "gazette", "3rd Calder Maritime Forum")).toBe(entityOf(report, "courier", "Third Calder Maritime Forum"));
  });

  it("merges British and American spellings and word order of organisation names", () => {
    expect(entityOf(report, "gazette", "Veltrian Transport Ministry")).toBe(entityOf(report, "courier", "Veltrian Ministry of Transport"));
  });

  it("keeps people with the same title apart", () => {
    expect(entityOf(report, "courier", "Ilse Brandt")).toBeDefined();
    expect(entityOf(report, "courier", "Ilse Brandt")).not.toBe(entityOf(report, "courier", "Alexander Koval"));
  });

  it("gives every mention a span whose text is the article's text there", () => {
    for (const e of report.entities)
      for (const m of e.mentions) {
        const a = report.articles.find((x) => x.id === m.articleId)!;
        expect(a.text.slice(m.start, m.end)).toBe(m.text);
      }
  });

  it("is deterministic", async () => {
    const again = await reconcile([a1, a2]);
    expect(JSON.stringify(again.entities)).toBe(JSON.stringify(report.entities));
  });
});

describe("entities and page furniture", async () => {
  const text = [
    "Harbour pilots in Port Senna stopped work on Monday, pilot union chair Delia Moran said.",
    "Moran said the stoppage would last until the port authority answered the union.",
    "Read more: Tobias Wendt opens a bakery in Vell",
    "Oriel Pask is a correspondent for the Senna Courier who covers shipping and trade.",
  ].join("\n");
  const report = await reconcile([article("courier", text)]);
  const names = report.entities.map((e) => e.name);

  it("takes names from the story", () => {
    expect(names).toContain("Delia Moran");
  });

  it("takes no names from links to other stories or the author's biography", () => {
    expect(report.articles[0]!.segments.map((s) => s.kind)).toEqual(expect.arrayContaining(["related", "boilerplate"]));
    expect(names).not.toContain("Tobias Wendt");
    expect(names).not.toContain("Oriel Pask");
  });
});

describe("names after 'according to'", async () => {
  const report = await reconcile([article("x", "The ferry will resume on Monday, according to Ostrova. Crews flew to Ostrova Bay.")]);
  it("does not read a cited source as a place", () => {
    const cited = report.entities.find((e) => e.mentions.some((m) => m.text === "Ostrova"));
    expect(cited?.type).not.toBe("place");
  });
});

describe("news media names", async () => {
  const { isMediaName } = await import("../src/resolve/lexicon.js");
  it("tells outlets and agencies, which carry a story, from its participants", () => {
    expect(["Reuters", "Calder Wire", "The Meridian Post", "Tidewater Review"].every(isMediaName)).toBe(true);
    expect(["Calder Dockworkers Union", "Selvane Lines", "Rosa Ventris"].some(isMediaName)).toBe(false);
  });
});

describe("numbers in names, and lone head words", async () => {
  const report = await reconcile([article("y", "Pickets gathered at Gate 4 on June 5. Union spokesperson Ilse Marrow said the 4,200-member union would stay.")]);
  const names = report.entities.map((e) => e.name);
  it("keeps a number that is part of a name, never a date's day or a count", () => {
    expect(names).toContain("Gate 4");
    expect(names.some((n) => /June|^4/.test(n))).toBe(false);
  });
  it("takes no entity from a capitalised common noun alone", () => {
    expect(names).not.toContain("Union");
    expect(names).toContain("Ilse Marrow");
  });
});

describe("short forms of organisation names", async () => {
  const report = await reconcile([
    article("p", "The Orvala Port Authority raised its offer. The Transport Ministry said talks would resume.", "2025-06-02"),
    article("q", "The Port Authority declined to comment. The Skerran Transport Ministry offered berths.", "2025-06-03"),
  ]);
  const idOf = (articleId: string, surface: string) => entityOf(report, articleId, surface);
  it("reads a short name as the one longer name it ends", () => {
    expect(idOf("q", "Port Authority")).toBeDefined();
    expect(idOf("q", "Port Authority")).toBe(idOf("p", "Orvala Port Authority"));
  });
  it("keeps a nation's body apart from the bare name a story uses for its own", () => {
    expect(idOf("p", "Transport Ministry")).toBeDefined();
    expect(idOf("p", "Transport Ministry")).not.toBe(idOf("q", "Skerran Transport Ministry"));
  });
});
