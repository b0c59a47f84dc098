/**
 * A deterministic synthetic news corpus for benchmarks: many invented stories, several outlets per
 * story, wire copy reprinted by several outlets, lookalike events (the same organisation in the same
 * place in another month), conflicting figures, attributions, quotes and page furniture. Every name
 * is made up from syllables; nothing is taken from real news.
 */

/** A seeded pseudo-random generator (mulberry32): the same seed gives the same corpus everywhere. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One generated article: plain text with front matter (title, outlet, published, language). */
export interface SyntheticArticle {
  /** A file-like name (`s0012-harbour-gazette.txt`). */
  name: string;
  /** The story it belongs to (several articles share one; lookalike stories have their own). */
  story: number;
  outlet: string;
  title: string;
  /** ISO date of publication. */
  published: string;
  /** The article's body paragraphs (furniture included), without front matter. */
  paragraphs: string[];
  /** True when the text reprints another outlet's wire copy. */
  wireCopy: boolean;
  /** `derived` for a machine-written summary to be checked against the story's sources. */
  role: "source" | "derived";
}

/** Options of {@link generateCorpus}. */
export interface CorpusOptions {
  /** How many articles (default 100). */
  articles?: number;
  /** Seed (default 1). */
  seed?: number;
  /** Roughly how many characters each article's body holds (default 4,000). */
  length?: number;
}

// Enough syllables that names of different stories rarely collide (about 100,000 three-syllable words),
// as in real news, where a story's people and places are mostly its own.
const SYLLABLES = [
  "ka", "lor", "ven", "mi", "ta", "sel", "dra", "no", "vik", "ra", "bel", "thu", "or", "an", "es", "ul", "quin", "mar", "del", "iso",
  "fen", "gar", "ho", "ly", "bri", "cas", "dun", "ef", "gil", "hal", "jor", "kel", "lin", "mos", "nar", "ost", "pel", "rin", "sor", "tev",
  "ub", "val", "wen", "yar", "zel", "bro", "cor", "dim",
];
const EVENT_KINDS = [
  { noun: "strike", verb: "walked out", actor: "union", unit: "workers", count: "members" },
  { noun: "fire", verb: "battled a blaze", actor: "fire service", unit: "firefighters", count: "residents evacuated" },
  { noun: "flood", verb: "opened emergency shelters", actor: "council", unit: "volunteers", count: "homes flooded" },
  { noun: "ferry collision", verb: "suspended crossings", actor: "ferry company", unit: "passengers", count: "people injured" },
  { noun: "trade fair", verb: "opened a trade fair", actor: "chamber of commerce", unit: "exhibitors", count: "visitors" },
  { noun: "bridge closure", verb: "closed the bridge", actor: "roads agency", unit: "engineers", count: "vehicles diverted" },
  { noun: "court ruling", verb: "won an appeal", actor: "fishing cooperative", unit: "lawyers", count: "boats affected" },
  { noun: "storm", verb: "cut power lines", actor: "grid operator", unit: "crews", count: "households without power" },
];
type EventKind = (typeof EVENT_KINDS)[number];
/** What a lookalike story takes over from the story before it. */
interface Story {
  place: string;
  org: string;
  kind: EventKind;
  month: number;
}
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const TITLES = ["spokesperson", "director", "chief", "minister", "mayor", "chair"];
const SAID = ["said", "told reporters", "said in a statement", "told the outlet", "said on the phone"];
const ATTRIBUTION = ["police said", "officials said", "according to the council", "a spokesperson said", "local media reported"];
/**
 * Background sentences around the facts: common words drawn at random every few words, so that, as in
 * real news, an 8-word stretch of background text rarely recurs across stories (only page furniture
 * does; otherwise wire-copy detection would see every article copy every other), with about as many
 * names as real background paragraphs carry.
 */
const NOUNS = [
  "harbour", "market", "school", "bridge", "station", "library", "bakery", "garage", "clinic", "church", "square", "pier", "warehouse",
  "depot", "museum", "stadium", "theatre", "hotel", "factory", "farm", "canal", "tunnel", "airport", "campus", "hospital", "office",
  "parish", "village", "district", "valley", "coast", "island", "forest", "river", "lake", "road", "street", "avenue", "quay", "beach",
  "council", "committee", "union", "club", "charity", "company", "agency", "court", "police", "press", "radio", "parliament", "board",
  "residents", "drivers", "parents", "farmers", "fishermen", "nurses", "teachers", "students", "traders", "tourists", "pensioners",
];
const ADJECTIVES = [
  "old", "new", "northern", "southern", "eastern", "western", "small", "large", "busy", "quiet", "local", "regional", "central", "coastal",
  "rural", "nearby", "main", "narrow", "wide", "crowded", "empty", "wet", "windy", "cold", "warm", "early", "late", "weekly", "annual",
  "temporary", "public", "private", "historic", "modern", "popular", "familiar", "uncertain", "cautious", "angry", "hopeful",
];
type Slots = { noun: () => string; adj: () => string; person: () => string; n: (lo: number, hi: number) => number; weekday: string };
const FILLER: ((s: Slots) => string)[] = [
  (s) => `The ${s.adj()} ${s.noun()} near the ${s.noun()} stayed ${s.adj()} for ${s.n(2, 9)} hours, ${s.noun()} said.`,
  (s) => `${s.n(12, 900)} ${s.noun()} gathered at the ${s.adj()} ${s.noun()} as news of the ${s.noun()} spread.`,
  (s) => `Trade at the ${s.adj()} ${s.noun()} was ${s.adj()} on ${s.weekday}, and the ${s.noun()} closed ${s.n(1, 3)} hours early.`,
  (s) => `A ${s.adj()} meeting of the ${s.noun()} drew ${s.n(20, 400)} ${s.noun()} to the ${s.adj()} ${s.noun()}.`,
  (s) => `Queues of ${s.n(30, 700)} cars formed on the ${s.adj()} ${s.noun()} road towards the ${s.noun()}.`,
  (s) => `“It has been a ${s.adj()} week for the ${s.noun()},” said ${s.person()}, who runs a ${s.noun()} shop.`,
  (s) => `The ${s.noun()} recorded ${s.n(2, 40)} similar cases since ${s.n(1990, 2020)}, a ${s.adj()} ${s.noun()} report shows.`,
  (s) => `Forecasters expect ${s.adj()} winds of ${s.n(10, 90)} km/h over the ${s.noun()} and the ${s.adj()} ${s.noun()}.`,
];
const FURNITURE = [
  "Read more: Council budget talks stall again",
  "Sign up for our morning newsletter to get the day's headlines.",
  "Related: Five things to know about the coastal rail plan",
  "Share this article",
  "Photo: a view of the harbour at dawn.",
];

/** Generates `articles` articles, deterministic for a seed. */
export function generateCorpus(options: CorpusOptions = {}): SyntheticArticle[] {
  const total = options.articles ?? 100;
  const rand = random(options.seed ?? 1);
  const length = options.length ?? 4000;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const word = (min: number, max: number) => {
    let w = "";
    for (let i = int(min, max); i > 0; i--) w += pick(SYLLABLES);
    return w[0]!.toUpperCase() + w.slice(1);
  };
  const person = () => `${word(1, 2)} ${word(2, 3)}`;
  const outlets = Array.from({ length: 40 }, (_, i) => `The ${word(2, 3)} ${["Gazette", "Courier", "Ledger", "Post", "Times", "Herald", "Review", "Daily"][i % 8]}`);
  const wires = Array.from({ length: 4 }, () => `${word(2, 2)} Wire`);

  const out: SyntheticArticle[] = [];
  let story = 0;
  let previous: Story | null = null;
  while (out.length < total) {
    // One story in four is a lookalike of the previous one: same organisation and place, another month.
    const like: Story | null = previous !== null && rand() < 0.25 ? previous : null;
    const kind: EventKind = like ? like.kind : pick(EVENT_KINDS);
    const place: string = like ? like.place : `${word(2, 3)}${pick(["", " Harbour", " Bay", "stad", " Falls"])}`;
    const org: string = like ? like.org : `${place.split(" ")[0]} ${kind.actor.replace(/\b\w/g, (c: string) => c.toUpperCase())}`;
    const month: number = like ? (like.month + int(2, 5)) % 12 : int(0, 11);
    const year = 2024 + (story % 2);
    const day = int(1, 20);
    const weekday = pick(WEEKDAYS);
    const days = int(2, 7);
    const figure = int(12, 4800);
    const staff = int(10, 300);
    const official = person();
    const officialTitle = pick(TITLES);
    const witness = person();
    const wire = pick(wires);
    const facts = [
      `${org} ${kind.verb} in ${place} on ${weekday}, ${pick(ATTRIBUTION)}.`,
      `The ${kind.noun} is expected to last ${days} days, ${org} ${officialTitle} ${official} ${pick(SAID)}.`,
      `About ${staff} ${kind.unit} were involved by ${weekday} evening.`,
      `“We are doing everything we can,” ${official} ${pick(SAID)}.`,
      `Some ${figure.toLocaleString("en-GB")} ${kind.count} were counted, ${pick(ATTRIBUTION)}.`,
      `${witness}, who lives nearby, said the ${kind.noun} had been expected for weeks.`,
      `The ${kind.actor} last faced a ${kind.noun} in ${MONTHS[(month + 9) % 12]}.`,
    ];
    const wireText = [`${place.toUpperCase()}, ${day} ${MONTHS[month]} (${wire}) — ${facts[0]}`, ...facts.slice(1)];
    const reporting = Math.min(total - out.length, int(4, 10));
    for (let r = 0; r < reporting; r++) {
      const outlet = pick(outlets);
      const wireCopy = r > 0 && r <= 2 && rand() < 0.7;
      const paragraphs: string[] = [];
      if (wireCopy) {
        paragraphs.push(...wireText);
        if (rand() < 0.5) paragraphs.push(`Local businesses in ${place} said they were following the ${kind.noun} closely.`);
      } else {
        // An outlet's own report: the facts reordered and reworded, one figure sometimes different.
        const own = facts.map((f) => f);
        if (rand() < 0.3) own[4] = `Around ${(figure + int(1, 40)).toLocaleString("en-GB")} ${kind.count} were counted, ${pick(ATTRIBUTION)}.`;
        if (rand() < 0.5) own[1] = `${official}, the ${kind.actor}'s ${officialTitle}, said the ${kind.noun} would run from ${day} to ${day + days - 1} ${MONTHS[month]}.`;
        for (let i = own.length - 1; i > 1; i--) {
          const j = 2 + Math.floor(rand() * (i - 1));
          [own[i], own[j]] = [own[j]!, own[i]!];
        }
        paragraphs.push(...own);
      }
      let size = paragraphs.reduce((n, p) => n + p.length + 2, 0);
      const slots: Slots = { noun: () => pick(NOUNS), adj: () => pick(ADJECTIVES), person, n: int, weekday: pick(WEEKDAYS) };
      while (size < length) {
        const p = `${pick(FILLER)(slots)} ${pick(FILLER)(slots)}`;
        paragraphs.push(p);
        size += p.length + 2;
      }
      paragraphs.push(pick(FURNITURE), `© ${year} ${outlet}. All rights reserved.`);
      const published = `${year}-${String(month + 1).padStart(2, "0")}-${String(day + int(0, 3)).padStart(2, "0")}`;
      const title = `${kind.noun[0]!.toUpperCase()}${kind.noun.slice(1)} in ${place}: ${org} ${kind.verb}`;
      const slug = outlet.toLowerCase().replace(/[^a-z]+/g, "-").replace(/^-|-$/g, "");
      out.push({ name: `s${String(story).padStart(5, "0")}-${r}-${slug}.txt`, story, outlet, title, published, paragraphs, wireCopy, role: "source" });
    }
    // One story in five gets a summary to verify: two supported sentences, one with a wrong figure, one unsupported.
    if (out.length < total && story % 5 === 0) {
      const paragraphs = [
        `${facts[0]} ${facts[1]}`,
        `Some ${(figure * 2).toLocaleString("en-GB")} ${kind.count} were counted. Insurers put the cost at ${int(2, 90)} million crowns.`,
      ];
      const published = `${year}-${String(month + 1).padStart(2, "0")}-${String(day + 4).padStart(2, "0")}`;
      out.push({ name: `s${String(story).padStart(5, "0")}-summary.txt`, story, outlet: "Summary", title: `Summary: ${kind.noun} in ${place}`, published, paragraphs, wireCopy: false, role: "derived" });
    }
    previous = { place, org, kind, month };
    story++;
  }
  return out;
}

/** An article as a plain-text file with front matter, as the text adapter reads it. */
export function asTextFile(article: SyntheticArticle): string {
  const role = article.role === "derived" ? "role: derived\n" : "";
  return `---\ntitle: ${article.title}\noutlet: ${article.outlet}\npublished: ${article.published}\nlanguage: en\n${role}---\n${article.paragraphs.join("\n\n")}\n`;
}
