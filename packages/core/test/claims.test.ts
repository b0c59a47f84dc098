import { describe, expect, it } from "vitest";
import { mayBeOneOf } from "../src/extract/lexicon.js";
import { extractClaims, findAttribution, isNegated, modalityOf, splitClauses } from "../src/extract/claims.js";
import { ArticleSchema } from "../src/model/article.js";
import { segmentArticle } from "../src/extract/segment.js";

const attribution = (s: string) => {
  const a = findAttribution(s, 0, s.length);
  return a ? s.slice(a.start, a.end) : null;
};

describe("attribution", () => {
  it("finds a trailing speaker", () => {
    expect(attribution("The strike will continue until Friday, union spokesperson Rosa Ventris said.")).toBe("union spokesperson Rosa Ventris said");
    expect(attribution("The ferry will sail twice a day, the company said on Tuesday.")).toBe("the company said on Tuesday");
  });
  it("finds 'according to' sources", () => {
    expect(attribution("About 1,200 passengers use the route, according to the island council.")).toBe("according to the island council");
  });
  it("finds a leading speaker", () => {
    expect(attribution("The port authority said that 14 ships were waiting offshore.")).toBe("The port authority said that");
  });
  it("finds none in a plain statement", () => {
    expect(attribution("Fourteen ships were waiting offshore on Monday.")).toBeNull();
  });
});

describe("modality and negation", () => {
  it.each([
    ["The minister will visit the port on Monday.", "future"],
    ["The union plans to extend the strike.", "planned"],
    ["The company denied that it had hired replacement workers.", "denied"],
    ["The closure may last into July.", "suggested"],
    ["The mayor reportedly left the talks early.", "reported"],
    ["Fourteen ships waited offshore.", "asserted"],
  ])("%s → %s", (text, modality) => {
    expect(modalityOf(text)).toBe(modality);
  });
  it("sees negation and denial", () => {
    expect(isNegated("The company will not hire replacement workers.")).toBe(true);
    expect(isNegated("The company never sells vessels to rivals.")).toBe(true);
    expect(isNegated("The company denied the report.")).toBe(true);
    expect(isNegated("The company hired replacement workers.")).toBe(false);
  });
});

describe("clauses", () => {
  it("splits at semicolons and contrastive joints but keeps short tails", () => {
    const s = "The union called the strike on Monday; the port stayed open for ferries, while cargo ships waited offshore for days.";
    expect(splitClauses(s, 0, s.length).map((c) => s.slice(c.start, c.end))).toEqual([
      "The union called the strike on Monday",
      "the port stayed open for ferries",
      "while cargo ships waited offshore for days.",
    ]);
    const t = "Talks resumed, but briefly.";
    expect(splitClauses(t, 0, t.length)).toHaveLength(1);
  });
});

describe("mayBeOneOf", () => {
  it("never turns away a word that is in the set once lower-cased, and turns away most others", () => {
    const words = ["appoint", "named", "elected", "sworn", "kilo"];
    const may = mayBeOneOf(words);
    const set = new Set(words);
    const variants = (w: string) => [w, w.toUpperCase(), w[0]!.toUpperCase() + w.slice(1), w.replace("k", "\u212a")];
    for (const w of words) for (const v of variants(w)) expect(set.has(v.toLowerCase()) && may(v), v).toBe(set.has(v.toLowerCase()));
    for (const v of variants("kilo")) expect(may(v), v).toBe(true);
    // Too short or long, or another first letter: turned away; the right length and first letter, or a
    // non-ASCII first letter: left to the set.
    const others = ["the", "ferry", "Harbour", "appointments", "İnstalled", "x", "ballot", "union", "seven", "Ankle", "İnstall"];
    expect(others.filter((w) => may(w))).toEqual(["seven", "Ankle", "İnstall"]);
  });
});

describe("extractClaims input", () => {
  it("gives the same claims from the article's token table as from its token objects", () => {
    // Invented outlet and people.
    const text = [
      "Harbour pilots in Port Calder began a six-day strike on Monday, union spokesperson Rosa Ventris said.",
      "Photo: Calder Gazette",
      "The port authority said that 14 ships were waiting offshore, and ferries will not sail until Sunday.",
    ].join("\n\n");
    const article = ArticleSchema.parse({ id: "a1", text, language: "en", publishedAt: "2024-06-05", source: { input: "a1.txt", adapter: "text" } });
    const { sentences, tokens } = segmentArticle(article);
    const analysis = { article, sentences, times: [], quantities: [], tokens, claims: [] };
    const context = { article, analysis, mentions: [], entityById: new Map() };
    const fromTable = extractClaims({ ...context, tokens });
    const fromObjects = extractClaims({ ...context, tokens: tokens.toArray(text) });
    expect(fromTable.length).toBe(2);
    expect(fromTable).toEqual(fromObjects);
    // The caption gives no claim; the predicate comes from the tagged tokens.
    expect(fromTable.some((d) => d.claim.text.includes("Gazette"))).toBe(false);
    expect(fromTable[0]!.claim.predicate).toBe("begin");
  });
});
