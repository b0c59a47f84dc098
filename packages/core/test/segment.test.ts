import { describe, expect, it } from "vitest";
import { ArticleSchema, type Article, type Segment } from "../src/model/article.js";
import { lineParagraphs, segmentArticle, splitSentences } from "../src/extract/segment.js";
import { tokenize, TokenTable } from "../src/extract/nlp.js";
import { datelinePrefix, isNameList, isStampLine, lineRule } from "../src/extract/noise.js";
import { wordCount } from "../src/extract/noise-rules.js";

// Every outlet, person and place below is invented.

function article(text: string, extra: Partial<Article> = {}): Article {
  return ArticleSchema.parse({ id: "a1", text, language: "en", source: { input: "a1.txt", adapter: "text" }, ...extra });
}

function sentences(text: string): string[] {
  return splitSentences(text, 0, text.length).map((s) => text.slice(s.start, s.end));
}

/** The kind of the segment holding the first occurrence of `needle`. */
function kindOf(a: Article, segments: Segment[], needle: string): string {
  const at = a.text.indexOf(needle);
  expect(at, needle).toBeGreaterThanOrEqual(0);
  const seg = segments.find((s) => s.start <= at && at < s.end);
  return seg ? seg.kind : "none";
}

describe("sentence splitting", () => {
  it("does not break on abbreviations, titles, initials, decimals and numbers", () => {
    expect(sentences("The U.S. Navy said on Aug. 14 that the ship would sail. Officials in Port Verin agreed.")).toEqual([
      "The U.S. Navy said on Aug. 14 that the ship would sail.",
      "Officials in Port Verin agreed.",
    ]);
    expect(sentences("Mr. Dorran met Gen. Okafor and Lt. Col. Weiss in Calder. They talked for an hour.")).toEqual([
      "Mr. Dorran met Gen. Okafor and Lt. Col. Weiss in Calder.",
      "They talked for an hour.",
    ]);
    expect(sentences("The report by J. R. Tolland ran to 3.5 pages. It praised No. 4 Squadron.")).toEqual([
      "The report by J. R. Tolland ran to 3.5 pages.",
      "It praised No. 4 Squadron.",
    ]);
    expect(sentences("Adm. Park and Sgt. Maj. Lee arrived on Sept. 3. Sen. Ruiz (D-Ore.) spoke later.")).toEqual([
      "Adm. Park and Sgt. Maj. Lee arrived on Sept. 3.",
      "Sen. Ruiz (D-Ore.) spoke later.",
    ]);
  });

  it("keeps quotations and parentheses whole", () => {
    expect(sentences('"We will not leave. We will stay," said Anna Berg. The mayor disagreed.')).toEqual([
      '"We will not leave. We will stay," said Anna Berg.',
      "The mayor disagreed.",
    ]);
    expect(sentences("He said: “I am tired. Very tired.” Then he left.")).toEqual(["He said: “I am tired. Very tired.”", "Then he left."]);
    expect(sentences("The ministry (in a rare statement. It was short.) said nothing. Then it closed.")).toEqual([
      "The ministry (in a rare statement. It was short.) said nothing.",
      "Then it closed.",
    ]);
  });

  it("leaves a quotation that runs on into the next paragraph split", () => {
    expect(sentences("“The port is closed. The strike goes on. We wait.")).toEqual(["“The port is closed.", "The strike goes on.", "We wait."]);
  });

  it("splits where a known abbreviation is really a sentence end, and keeps web addresses whole", () => {
    expect(sentences("Col. H. T. Marsh said no. Prof. Ling agreed.")).toEqual(["Col. H. T. Marsh said no.", "Prof. Ling agreed."]);
    expect(sentences("Details are at www.calder-news.example.com today. Ask the desk.")).toEqual([
      "Details are at www.calder-news.example.com today.",
      "Ask the desk.",
    ]);
  });

  it("keeps a very long run of non-space characters (a long web address) inside its sentence", () => {
    const url = `https://calder-news.example.com/${"harbour-bridge-".repeat(12)}vote`;
    const text = `The council published the plans at ${url} on Monday. Comments close in May.`;
    expect(sentences(text)).toEqual([`The council published the plans at ${url} on Monday.`, "Comments close in May."]);
    const hostile = "A/".repeat(20000);
    expect(sentences(hostile)).toEqual([hostile]);
  });

  it("returns exact offsets into the whole text for a sub-range", () => {
    const text = "Headline\nFirst one. Second one.\nTail";
    const start = text.indexOf("First");
    const end = text.indexOf("\nTail");
    const got = splitSentences(text, start, end);
    expect(got.map((s) => text.slice(s.start, s.end))).toEqual(["First one.", "Second one."]);
  });
});

// An invented web page pasted as plain text: furniture of every kind around a short article.
const PAGE = [
  "Skip to content",
  "Harbour pilots strike halts shipping in Port Verin",
  "3 min read",
  "By Anna Berg and Tomas Ruell",
  "PORT VERIN (Northwire) — Harbour pilots in Port Verin walked off the job on Tuesday, halting all shipping in the port, the Verin Pilots' Guild said.",
  "Pilots guide every cargo ship into the harbour, and the guild said the strike would last until the port authority agreed to hire 40 more pilots.",
  "Cargo ships queued outside Port Verin as the harbour pilots strike entered its first night (Photo: Lena Okoro/Northwire)",
  "The port authority said it regretted the strike and offered talks on Friday. Guild leader Marta Dahl said the pilots would answer on Thursday.",
  "Related: Calder dockers vote on new contract",
  "Talks on pilot numbers",
  "Shipping companies have diverted 12 vessels to Calder, the port authority said, and more could follow if the harbour stays shut.",
  "El sindicato de prácticos dijo que la huelga continuará hasta que la autoridad portuaria contrate a más prácticos.",
  "Share this article",
  "Follow us on social media for the latest updates",
  "Anna Berg is a correspondent who covers shipping and trade for Northwire.",
  "© 2026 Northwire Media. All rights reserved.",
  "Read more",
  "Latest news",
  "2 hours ago",
  "A new bakery opened in the old town of Lindqvist on Monday, drawing long queues of customers for its rye bread.",
  "The Lindqvist football club signed a goalkeeper from a rival team in the northern league for an undisclosed fee.",
].join("\n\n");

describe("paragraph classification of a pasted web page", () => {
  const a = article(PAGE);
  const { segments, sentences: sents } = segmentArticle(a);

  it("finds the title, byline, dateline, metadata and captions", () => {
    expect(kindOf(a, segments, "Skip to content")).toBe("boilerplate");
    expect(kindOf(a, segments, "Harbour pilots strike halts")).toBe("title");
    expect(kindOf(a, segments, "3 min read")).toBe("metadata");
    expect(kindOf(a, segments, "By Anna Berg")).toBe("byline");
    expect(kindOf(a, segments, "PORT VERIN (Northwire) —")).toBe("dateline");
    expect(kindOf(a, segments, "Harbour pilots in Port Verin walked off")).toBe("body");
    expect(kindOf(a, segments, "Cargo ships queued")).toBe("caption");
  });

  it("keeps the article's body paragraphs as body", () => {
    for (const needle of ["Pilots guide every cargo ship", "The port authority said it regretted", "Shipping companies have diverted"]) {
      expect(kindOf(a, segments, needle), needle).toBe("body");
    }
  });

  it("classifies links, headings, boilerplate and the author biography", () => {
    expect(kindOf(a, segments, "Related: Calder dockers")).toBe("related");
    expect(kindOf(a, segments, "Talks on pilot numbers")).toBe("heading");
    expect(kindOf(a, segments, "Share this article")).toBe("boilerplate");
    expect(kindOf(a, segments, "Follow us on social media")).toBe("boilerplate");
    expect(kindOf(a, segments, "Anna Berg is a correspondent")).toBe("boilerplate");
    expect(kindOf(a, segments, "© 2026 Northwire")).toBe("boilerplate");
    expect(kindOf(a, segments, "Read more")).toBe("boilerplate");
  });

  it("marks text in another language", () => {
    const at = a.text.indexOf("El sindicato");
    const seg = segments.find((s) => s.start <= at && at < s.end);
    expect(seg?.kind).toBe("other-language");
    expect(seg?.language).toBe("es");
  });

  it("marks unrelated items after the end of the article as feed", () => {
    expect(kindOf(a, segments, "2 hours ago")).toBe("metadata");
    expect(kindOf(a, segments, "A new bakery opened")).toBe("feed");
    expect(kindOf(a, segments, "The Lindqvist football club")).toBe("feed");
  });

  it("gives every non-body segment a reason, and sentences the kind of their segment", () => {
    for (const s of segments) {
      if (s.kind !== "body") expect(s.reason, a.text.slice(s.start, s.end)).toBeTruthy();
    }
    for (const s of sents) expect(s.kind).toBe(segments[s.segmentIndex]?.kind);
    const body = sents.filter((s) => s.kind === "body").map((s) => a.text.slice(s.start, s.end));
    expect(body[0]).toBe(
      "Harbour pilots in Port Verin walked off the job on Tuesday, halting all shipping in the port, the Verin Pilots' Guild said.",
    );
    expect(body).toHaveLength(5);
  });

  it("is deterministic", () => {
    expect(segmentArticle(a)).toEqual(segmentArticle(article(PAGE)));
  });
});

describe("more furniture", () => {
  it("reads captions, bylines and links written in other ways", () => {
    const rules: [string, string][] = [
      ["NORTHWIRE/LENA OKORO via CALDERPIX - Guild leader Marta Dahl speaks to pilots", "caption"],
      ["File photo: the harbour of Port Verin at dawn", "caption"],
      ["Marta Dahl addresses striking pilots on Tuesday. (AP Photo/Kim Sorel)", "caption"],
      ["Anna Berg, Northwire", "byline"],
      ["—With assistance from Tomas Ruell and Ida Vang.", "byline"],
      ["Senior correspondent", "byline"],
      ["Also read: Port Verin's pilots warn of a long strike", "related"],
      ["Subscribe to our newsletter", "boilerplate"],
      ["Updated 14:32 GMT", "metadata"],
      ["Tomas Ruell covers maritime affairs from Calder.", "boilerplate"],
      ["Save my name, email, and website in this browser for the next time I comment.", "boilerplate"],
      ["Pilots march through the old town of Port Verin on Tuesday. Photograph: Lena Okoro/Northwire", "caption"],
      ["Image source, Northwire", "caption"],
      ["Northwire writer Ida Vang in Calder contributed to this report.", "byline"],
      ["Tomas Ruell is Northwire's senior maritime correspondent based in Calder.", "boilerplate"],
      ["Contact Anna Berg at aberg@northwire.example", "byline"],
      ["Story continues below advertisement", "boilerplate"],
      ["This article is more than 2 years old", "boilerplate"],
      ["Correction: An earlier version of this story misstated the length of the Calder bridge.", "boilerplate"],
      ["Editor's note: Anna Berg's father works for the Port Verin authority.", "boilerplate"],
      ["Your email address will not be published. Required fields are marked *", "boilerplate"],
      ["The Northwire site uses cookies to improve your experience.", "boilerplate"],
      ["Calder mayor opens the new ferry terminal, promising cheaper tick...", "related"],
      ["The mayor at the terminal on Monday. Credit...Lena Okoro/Northwire", "caption"],
    ];
    for (const [line, kind] of rules) expect(lineRule(line)?.kind, line).toBe(kind);
  });

  it("does not take ordinary sentences for furniture", () => {
    for (const line of [
      "By Monday, the ministry had received 300 complaints from shipowners.",
      "More than 40 ships waited outside the harbour on Wednesday.",
      "Read the statement, the guild told its members, and decide for yourselves.",
      "The guild's photo of the queue was shared widely on Tuesday.",
      "Marta Dahl is the guild's leader and a former harbour pilot herself.",
      "This story is far from over, the guild's leader told reporters on Friday.",
      "More news is expected from the port authority on Monday.",
      "By continuing the strike, the pilots risk losing their bonus, the authority warned.",
      "Jorin Maas is an analyst at Calder Bank who follows shipping rates.",
      "Ida Sorel is a former editor of the Calder Mail, and she said the strike was long overdue.",
      "The guild wrote to the port authority at its official address on Friday, the letter shows.",
    ]) {
      expect(lineRule(line), line).toBeNull();
    }
  });

  it("takes a run of headline-like lines after the body for links to other stories", () => {
    const text = [
      "Calder opens a new ferry line",
      "The city of Calder opened a ferry line to Port Verin on Monday, the transport office said.",
      "The ferry will run twice a day and carry up to 300 passengers, the office added.",
      "Lindqvist museum reopens after repairs",
      "Northern league season starts with a derby",
      "Farmers in Tolland expect a record apple harvest",
    ].join("\n");
    const a = article(text);
    const { segments } = segmentArticle(a);
    expect(kindOf(a, segments, "Lindqvist museum")).toBe("related");
    expect(kindOf(a, segments, "Farmers in Tolland")).toBe("related");
    expect(kindOf(a, segments, "The ferry will run")).toBe("body");
  });

  it("keeps a paragraph about the story's own subject even when it reads like a biography or follows the end", () => {
    const text = [
      "Journalist Ida Vang freed in Calder after two weeks",
      "Ida Vang, a journalist detained in Calder for two weeks, was freed on Monday, her newspaper said.",
      "Calder police had held Ida Vang without charge since she photographed a protest outside the port.",
      "Ida Vang is a reporter who was detained in Calder while covering a protest outside the port.",
      "Read more",
      "Ida Vang said after her release that Calder police had questioned her about the protest every day.",
    ].join("\n");
    const a = article(text);
    const { segments } = segmentArticle(a);
    expect(kindOf(a, segments, "Ida Vang is a reporter")).toBe("body");
    expect(kindOf(a, segments, "Ida Vang said after her release")).toBe("body");
  });

  it("does not end the article at a marker above it (teasers and a button in the page header)", () => {
    const text = [
      "Northwire",
      "Lindqvist bakers win a national prize for their rye bread, the third award in five years for the town.",
      "The northern league season starts on Saturday with a derby between the two Tolland football clubs.",
      "Read more",
      "Calder council backs a new harbour bridge",
      "The Calder city council voted on Tuesday to build a new bridge over the harbour, ending ten years of debate about the crossing.",
      "The bridge will cost 80 million crowns and open in 2030, council leader Jorin Maas said after the vote in the city hall.",
      "Opponents of the harbour bridge said the council had ignored the ferry operators, who fear losing their passengers to the bridge.",
      "The ferry company said it would ask the regional court to review the council's vote on the bridge before the end of the year.",
      "Construction of the bridge is due to start next spring, once the harbour authority has approved the final plans for the crossing.",
    ].join("\n");
    const a = article(text);
    const { segments } = segmentArticle(a);
    expect(kindOf(a, segments, "Northwire")).not.toBe("body");
    for (const needle of ["The Calder city council voted", "The bridge will cost", "Opponents of the harbour bridge", "The ferry company said", "Construction of the bridge"]) {
      expect(kindOf(a, segments, needle), needle).toBe("body");
    }
  });

  it("finds a news feed appended without any marker, and leaves a closing section on the story's topic alone", () => {
    const story = [
      "Calder council backs a new harbour bridge",
      "The Calder city council voted on Tuesday to build a new bridge over the harbour, ending ten years of debate about the crossing.",
      "The bridge will cost 80 million crowns and open in 2030, council leader Jorin Maas said after the vote in the city hall.",
      "Opponents of the harbour bridge said the council had ignored the ferry operators, who fear losing their passengers to the bridge.",
      "Ferry operators object",
      "The ferry company said it would ask the regional court to review the council's vote on the bridge before the end of the year.",
    ];
    const feed = [
      "Lindqvist bakery wins national prize",
      "A bakery in the old town of Lindqvist won the national rye bread prize on Monday, its third award in five years.",
      "Tolland clubs sign new goalkeepers",
      "Both football clubs of Tolland signed goalkeepers from rival teams in the northern league for undisclosed fees.",
    ];
    const a = article([...story, ...feed].join("\n"));
    const { segments } = segmentArticle(a);
    expect(kindOf(a, segments, "Lindqvist bakery wins")).toBe("feed");
    expect(kindOf(a, segments, "A bakery in the old town")).toBe("feed");
    expect(kindOf(a, segments, "Both football clubs")).toBe("feed");
    expect(kindOf(a, segments, "The ferry company said")).toBe("body");
    const alone = article(story.join("\n"));
    const plain = segmentArticle(alone).segments;
    expect(kindOf(alone, plain, "Ferry operators object")).toBe("heading");
    expect(kindOf(alone, plain, "The ferry company said")).toBe("body");
  });

  it("does not take list items, wrapped sentence lines or table cells for headlines, links or stamps", () => {
    const text = [
      "Calder market prices this week",
      "The Calder market office published its weekly prices on Monday, with apples up and pears down.",
      "1) Apples from Tolland",
      "2) Pears from Lindqvist",
      "Traders said the price of apples from the northern farms had risen after the",
      "Frost Of Early October",
      "42",
    ].join("\n");
    const a = article(text);
    const { segments } = segmentArticle(a);
    expect(kindOf(a, segments, "1) Apples")).toBe("body");
    expect(kindOf(a, segments, "2) Pears")).toBe("body");
    expect(kindOf(a, segments, "Traders said")).toBe("body");
    expect(isStampLine("42")).toBe(false);
    expect(lineRule("Updated Calder Police Name the Driver in Harbour Crash")).toBeNull();
    expect(lineRule("(Updated: 10:42 GMT, Oct. 3, 2026)")?.kind).toBe("metadata");
    expect(lineRule("(Updated: 10:42 GMT, Oct. 3, 2026)")?.endMarker).toBe(true);
    // A clock time alone separates the entries of a live report: not the end of the article.
    expect(lineRule("4:14 p.m.")?.kind).toBe("metadata");
    expect(lineRule("4:14 p.m.")?.endMarker).toBeUndefined();
    expect(lineRule("(Graphic: Calder house prices since 2020)")?.kind).toBe("caption");
  });

  it("joins lines that a hard wrap cut inside a sentence", () => {
    const text = [
      "Calder opens its new ferry terminal",
      "The new ferry terminal in Calder, which cost 40 million crowns and took",
      "three years to build, opened on Monday with a ceremony on the quay.",
      "",
      "Mayor Ida Sorel said the terminal would serve two million passengers a year.",
    ].join("\n");
    const a = article(text);
    const { segments, sentences: sents } = segmentArticle(a);
    const first = sents.find((s) => s.kind === "body");
    expect(a.text.slice(first!.start, first!.end)).toBe(
      "The new ferry terminal in Calder, which cost 40 million crowns and took\nthree years to build, opened on Monday with a ceremony on the quay.",
    );
    expect(segments.filter((s) => s.kind === "body")).toHaveLength(2);
  });

  it("takes the headline under a site name and a section label for the title", () => {
    const text = ["Northwire", "World", "Calder council backs a new harbour bridge after ten years of debate", "Updated 10:42 GMT", "The Calder city council voted on Tuesday to build a new bridge over the harbour, ending ten years of debate."].join("\n");
    const a = article(text);
    const { segments } = segmentArticle(a);
    expect(kindOf(a, segments, "Calder council backs")).toBe("title");
    expect(kindOf(a, segments, "The Calder city council voted")).toBe("body");
  });

  it("marks a line repeating the declared headline as the title, whatever its case and punctuation", () => {
    const body = "The Calder city council voted on Tuesday to build a new bridge over the harbour, ending ten years of debate.";
    for (const [title, line] of [
      ["Calder council backs a new harbour bridge", "CALDER COUNCIL BACKS A NEW HARBOUR BRIDGE"],
      ["Calder council backs a new harbour bridge", "“Calder council backs a new harbour bridge”"],
      ["İzmir ferry crews vote to strike", "'İzmir ferry crews vote to strike'"],
      ["42 ferries stay in port", "— 42 ferries stay in port —"],
    ] as [string, string][]) {
      const a = article([body, line, body.replace("Tuesday", "Wednesday")].join("\n"), { title });
      expect(kindOf(a, segmentArticle(a).segments, line), line).toBe("title");
    }
    const a = article([body, "Calder council backs a new ferry bridge", body].join("\n"), { title: "Calder council backs a new harbour bridge" });
    expect(kindOf(a, segmentArticle(a).segments, "Calder council backs")).not.toBe("title");
  });

  it("ends the article at a bracketed credit and reads a site's own list header", () => {
    const text = [
      "Tolland ferry crews vote to strike over rosters",
      "TOLLAND, May 4 (Northwire) — Ferry crews in Tolland voted on Sunday to strike for four days from Friday, their union said, after talks on new rosters failed.",
      "The union said 300 crew members took part in the vote and that the ferries to Lindqvist would stop running during the strike.",
      "The ferry operator said it regretted the vote and would run a reduced timetable with managers on board.",
      "(Reporting by Northwire; editing by the Tolland Courier)",
      "LATEST FROM THE COURIER",
      "Tolland library extends its opening hours",
      "The town library will open on Sundays from June, the culture office announced, after a petition signed by 2,000 residents.",
    ].join("\n");
    const a = article(text);
    const { segments } = segmentArticle(a);
    expect(kindOf(a, segments, "(Reporting by")).toBe("byline");
    expect(kindOf(a, segments, "LATEST FROM THE COURIER")).toBe("feed");
    expect(kindOf(a, segments, "The town library will open")).toBe("feed");
    expect(kindOf(a, segments, "The ferry operator said")).toBe("body");
  });

  it("takes a biography whose beat matches the story for furniture, unless the lead names its subject", () => {
    const text = [
      "Calder harbour pilots end their strike",
      "Harbour pilots in Calder ended their strike on Friday after the port authority agreed to hire more pilots, the pilots' guild said.",
      "Shipping in the harbour resumed within hours, and the port authority said the queue of ships would clear by Monday.",
      "Anna Berg is the Northwire's harbour and shipping correspondent. She has covered the port of Calder since 2019.",
    ].join("\n");
    const a = article(text);
    expect(kindOf(a, segmentArticle(a).segments, "Anna Berg is")).toBe("boilerplate");
  });

  it("leaves a clean article all body", () => {
    const text = [
      "The Tolland regional council approved a budget of 3.5 million crowns for road repairs on Thursday.",
      "Council leader Jorin Maas said work on the coastal road would start in May.",
      "Opposition members said the sum was too small to fix the bridges near Lindqvist.",
    ].join("\n\n");
    const { segments } = segmentArticle(article(text));
    expect(segments.map((s) => s.kind)).toEqual(["body", "body", "body"]);
  });

  it("keeps adapter kinds, still splits them into sentences and still detects other languages", () => {
    const text = "Port Verin strike\nThe pilots struck. They want more staff.\nLa huelga de los prácticos continúa en el puerto de la ciudad.\nA caption";
    const base = lineParagraphs(text);
    const segments: Segment[] = [
      { ...base[0]!, kind: "heading", reason: "<h2>" },
      { ...base[1]!, kind: "body", reason: "<p>" },
      { ...base[2]!, kind: "body", reason: "<p>" },
      { ...base[3]!, kind: "caption", reason: "<figcaption>" },
    ];
    const a = article(text, { segments });
    const out = segmentArticle(a);
    expect(out.segments.map((s) => s.kind)).toEqual(["heading", "body", "other-language", "caption"]);
    expect(out.sentences.filter((s) => s.kind === "body")).toHaveLength(2);
  });

  it("detects the article's language when none is declared", () => {
    const out = segmentArticle(article("The harbour pilots of Port Verin went on strike on Tuesday and the port is closed.", { language: null }));
    expect(out.language).toBe("en");
  });

  it("gives the tokens of body paragraphs only, as tokenize reads them, from the same pass as the sentences", () => {
    const text = "Harbour pilots walked out on Monday.\nRelated: Ten things to do in Port Calder\nThe strike ended after six days, officials said.";
    const out = segmentArticle(article(text, { language: "en" }));
    const body = out.segments.filter((s) => s.kind === "body");
    expect(body.length).toBeGreaterThan(0);
    expect(out.segments.some((s) => s.kind !== "body")).toBe(true);
    const expected = body.flatMap((s) => tokenize(text, { start: s.start, end: s.end, pos: true, lemma: true }));
    expect(out.tokens.toArray(text).map(({ sentenceIndex: _, ...t }) => t)).toEqual(expected.map(({ sentenceIndex: _, ...t }) => t));
    expect(out.tokens.toArray(text).every((t) => body.some((s) => t.start >= s.start && t.end <= s.end))).toBe(true);
    expect(out.tokens.toArray(text).find((t) => t.text === "walked")).toMatchObject({ pos: "VERB", lemma: "walk" });
  });

  it("reads the paragraphs of an article in a few passes, each paragraph as it reads alone", () => {
    // A headline-like paragraph with no stop, a quotation running over a line break, spaces at the ends,
    // and long paragraphs enough for more than one pass.
    const long = Array.from({ length: 130 }, (_, i) => `Pilot ${i + 1} of the Port Calder crew said the talks had stalled again.`).join(" ");
    const text = [
      "Harbour strike enters its sixth day",
      "  The pilots' union said on Monday that talks had failed.  ",
      "“We will stay out,” said Ana Lima. “Not one ship moves.”",
      long,
      "Officials at the port of St. Verin, in Lt. Col. Roe's words, were “working on it”",
      long,
      "Ships waited off the coast of Dr. Voss's island for 3.5 days",
    ].join("\n");
    const a = article(text);
    const out = segmentArticle(a, { classify: false });
    const alone = out.segments.flatMap((seg, segmentIndex) =>
      splitSentences(text, seg.start, seg.end).map((s) => ({ start: s.start, end: s.end, segmentIndex, kind: seg.kind })),
    );
    expect(out.sentences).toEqual(alone);
    const tokens = out.segments.flatMap((seg) => tokenize(text, { start: seg.start, end: seg.end, pos: true, lemma: true }));
    expect(out.tokens.toArray(text).map(({ sentenceIndex: _, ...t }) => t)).toEqual(tokens.map(({ sentenceIndex: _, ...t }) => t));
    expect(out.sentences.map((s) => text.slice(s.start, s.end))).toContain("Harbour strike enters its sixth day");
  });

  it("keeps tokens in text order around a paragraph with an over-long run, and reads overlapping adapter segments apart", () => {
    const url = `https://example.org/${"a".repeat(300)}`;
    const text = `The pilots struck on Monday.\nRead the statement at ${url} today. It is short.\nThe port stayed closed.`;
    const lines = lineParagraphs(text);
    const out = segmentArticle(article(text), { classify: false });
    const starts = out.tokens.toArray(text).map((t) => t.start);
    expect(starts).toEqual([...starts].sort((x, y) => x - y));
    expect(out.tokens.toArray(text).map(({ sentenceIndex: _, ...t }) => t)).toEqual(
      lines.flatMap((seg) => tokenize(text, { start: seg.start, end: seg.end, pos: true, lemma: true })).map(({ sentenceIndex: _, ...t }) => t),
    );
    // Two adapter segments over the same words (a quote inside a paragraph): each keeps its own sentences.
    const quoteStart = text.indexOf("Read");
    const segments: Segment[] = [
      { start: 0, end: lines[1]!.end, kind: "body", language: "en", reason: "<p>" },
      { start: quoteStart, end: lines[1]!.end, kind: "quote", language: "en", reason: "<q>" },
    ];
    const nested = segmentArticle(article(text, { segments }), { classify: false });
    for (const [i, seg] of nested.segments.entries()) {
      expect(nested.sentences.filter((s) => s.segmentIndex === i).map((s) => [s.start, s.end])).toEqual(
        splitSentences(text, seg.start, seg.end).map((s) => [s.start, s.end]),
      );
    }
  });

  it("handles empty and blank texts", () => {
    for (const text of ["", "   \n\n  "]) {
      const out = segmentArticle(article(text, { language: null }));
      expect({ ...out, tokens: out.tokens.length }).toEqual({ segments: [], sentences: [], tokens: 0, language: null });
    }
  });

  it("can be told not to classify", () => {
    const out = segmentArticle(article("Read more\nThe pilots struck on Tuesday."), { classify: false });
    expect(out.segments.map((s) => s.kind)).toEqual(["body", "body"]);
  });
});

describe("helpers", () => {
  it("recognises stamps, name lists and datelines", () => {
    expect(isStampLine("Dec. 29, 2026, 10:32 PM")).toBe(true);
    expect(isStampLine("3 hours ago")).toBe(true);
    expect(isStampLine("The strike began in May")).toBe(false);
    expect(isNameList("Anna Berg and Tomas Ruell")).toBe(true);
    expect(isNameList("The pilots walked out")).toBe(false);
    const line = "CALDER, Oct. 3 (Northwire) — The council met.";
    expect(line.slice(datelinePrefix(line))).toBe("The council met.");
    expect(datelinePrefix("EU — the bloc met on Monday.")).toBe(0);
    expect(datelinePrefix("(Northwire) — The council met.")).toBe("(Northwire) — ".length);
  });
});

describe("TokenTable", () => {
  it("gives back the tokens it was made from, lemmas included, and finds tags by offset", () => {
    const text = "The pilots' strikes ended; Port Calder's ferries SAILED again at 06:00.";
    const tokens = tokenize(text, { pos: true, lemma: true });
    // Lemmas of every kind: equal to the token, its lower case, and another word.
    expect(tokens.some((t) => t.lemma === t.text)).toBe(true);
    expect(tokens.some((t) => t.lemma !== t.text && t.lemma === t.text.toLowerCase())).toBe(true);
    expect(tokens.some((t) => t.lemma !== t.text.toLowerCase())).toBe(true);
    const table = TokenTable.from(tokens);
    expect(table.length).toBe(tokens.length);
    expect(table.toArray(text)).toEqual(tokens);
    const ended = tokens.find((t) => t.text === "ended")!;
    expect(table.tagAt(ended.start, text)).toEqual({ pos: ended.pos, lemma: ended.lemma });
    expect(table.tagAt(ended.start + 1, text)).toBeUndefined();
    // Any range of it, and an empty one.
    expect(table.slice(3, 9, text)).toEqual(tokens.slice(3, 9));
    expect(table.slice(5, 5, text)).toEqual([]);
  });

  it("keeps tokens without lemmas without them", () => {
    const text = "Ferries sailed.";
    const tokens = tokenize(text, { pos: false });
    const back = TokenTable.from(tokens).toArray(text);
    expect(back).toEqual(tokens);
    expect(back.every((t) => t.lemma === undefined && t.pos === "")).toBe(true);
  });

  it("grows past its first columns without losing a token (an article of thousands of tokens)", () => {
    const text = Array.from({ length: 120 }, (_, i) => `Ferry ${i + 1} sailed from Calder Harbour on ${i % 28 + 1} June.`).join(" ");
    const tokens = tokenize(text, { pos: true, lemma: true });
    expect(tokens.length).toBeGreaterThan(1000);
    const table = TokenTable.from(tokens);
    expect(table.length).toBe(tokens.length);
    expect(table.toArray(text)).toEqual(tokens);
    expect(table.tagAt(tokens.at(-2)!.start, text)).toEqual({ pos: tokens.at(-2)!.pos, lemma: tokens.at(-2)!.lemma });
  });
});

describe("wordCount", () => {
  it("counts what the word pattern matches, on generated texts with joiners, accents, CJK and astral letters", () => {
    const pattern = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;
    const alphabet = ["a", "Z", "9", "'", "’", ".", "-", " ", ",", "é", "日", "𝐀", "😀", "\u00a0", "Ж", "٣"];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 0; n < 20_000; n++) {
      let text = "";
      const length = Math.floor(next() * 12);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)];
      expect(wordCount(text), JSON.stringify(text)).toBe(text.match(pattern)?.length ?? 0);
    }
    expect(wordCount("Port Calder's pilots re-elected U.S.-based chiefs — 48.5% of 𝐀𝐁 votes")).toBe(11);
  });
});
