import type { Claim, Offsets, Report } from "@corroborate/core";
import type { Gold, GoldEntity, GoldFact, GoldQuote, GoldQuoteSet, GoldVerdictLabel } from "./gold.js";
import { findAll, findWord, isIsoDate, looseText, overlapLength, overlaps, sameValue } from "./match.js";
import { pairs, prfOf, type Count, type Prf } from "./metrics.js";

/** The scored sections, in display order. */
export const SECTION_IDS = [
  "entities",
  "mustNotMerge",
  "events",
  "facts",
  "conflicts",
  "nonConflicts",
  "corroborations",
  "noise",
  "verdicts",
] as const;
/** A scored section. */
export type SectionId = (typeof SECTION_IDS)[number];

/** Titles of the sections, as printed. */
export const SECTION_TITLES: Record<SectionId, string> = {
  entities: "entities: must merge",
  mustNotMerge: "entities: must not merge",
  events: "events: grouping",
  facts: "events: facts",
  conflicts: "conflicts",
  nonConflicts: "apparent conflicts",
  corroborations: "corroborations",
  noise: "page noise",
  verdicts: "summary verdicts",
};

/** A headline count of a section ("14/18 merged"). `lowerIsBetter` marks error counts ("0/5 merged"). */
export interface Figure extends Count {
  label: string;
  lowerIsBetter?: boolean;
}

/**
 * One section's score. Precision and recall carry their own counts because a section may count precision
 * over what the report holds and recall over what the gold lists (see {@link scoreReport}).
 */
export interface SectionScore extends Prf {
  id: SectionId;
  title: string;
  figures: Figure[];
  precisionCount: Count;
  recallCount: Count;
  /** What was missed or wrong, one line each, in gold order. */
  misses: string[];
}

/** Counts of what the report holds. */
export interface ReportCounts {
  articles: number;
  entities: number;
  events: number;
  claims: number;
  agreements: number;
  conflicts: number;
  nonConflicts: number;
  verdicts: number;
  failures: number;
}

/** Everything {@link scoreReport} measures on one story. */
export interface StoryScore {
  sections: SectionScore[];
  /** Macro average over the sections the gold has items for (a null precision, recall or F1 counts as 0). */
  overall: Prf;
  report: ReportCounts;
  /** Problems with the gold itself (unknown articles, quotes not found): those items score as misses. */
  problems: string[];
}

function section(id: SectionId, figures: Figure[], precisionCount: Count, recallCount: Count, misses: string[]): SectionScore {
  return { id, title: SECTION_TITLES[id], figures, precisionCount, recallCount, misses, ...prfOf(precisionCount, recallCount) };
}

/** Macro average of the sections' precision, recall and F1 over the sections with gold items (null counts as 0). */
export function macroAverage(sections: readonly Prf[], weights: readonly boolean[]): Prf {
  const used = sections.filter((_, i) => weights[i]);
  if (used.length === 0) return { precision: null, recall: null, f1: null };
  const mean = (key: keyof Prf) => used.reduce((sum, s) => sum + (s[key] ?? 0), 0) / used.length;
  return { precision: mean("precision"), recall: mean("recall"), f1: mean("f1") };
}

/** Read-only lookups over the report, built once; gathers problems with the gold. */
class ReportIndex {
  readonly text = new Map<string, string>();
  readonly role = new Map<string, string>();
  readonly claimsByArticle = new Map<string, Claim[]>();
  readonly problems: string[] = [];
  private readonly quoteCache = new Map<string, Offsets[]>();

  constructor(readonly report: Report) {
    for (const a of report.articles) {
      this.text.set(a.id, a.text);
      this.role.set(a.id, a.role);
    }
    for (const c of report.claims) {
      const list = this.claimsByArticle.get(c.articleId) ?? [];
      list.push(c);
      this.claimsByArticle.set(c.articleId, list);
    }
  }

  /** Occurrences of a gold quote; records a problem when the article or the quote is not found. */
  locate([article, quote]: GoldQuote, where: string): Offsets[] {
    const key = `${article}\u0000${quote}`;
    const cached = this.quoteCache.get(key);
    if (cached) return cached;
    const text = this.text.get(article);
    let found: Offsets[] = [];
    if (text === undefined) this.problem(`${where}: article "${article}" is not in the report`);
    else {
      found = findAll(text, quote);
      if (found.length === 0) this.problem(`${where}: quote not found in ${article}: "${quote}"`);
    }
    this.quoteCache.set(key, found);
    return found;
  }

  problem(message: string): void {
    if (!this.problems.includes(message)) this.problems.push(message);
  }

  /** Claims of the article whose span overlaps one of the quote's occurrences. */
  claimsCovering(article: string, quote: readonly Offsets[]): Claim[] {
    if (quote.length === 0) return [];
    return (this.claimsByArticle.get(article) ?? []).filter((c) => quote.some((q) => overlaps(c, q)));
  }
}

/**
 * Scores a report against a story's gold answers (format: the evaluation corpus README). Pure and
 * deterministic. Sections, each with precision (P), recall (R) and F1:
 * - entities, must merge: pairs of gold mention occurrences put in one report entity (P over the pairs the
 *   report joins, R over the pairs the gold joins). Occurrences match report mentions by exact span first,
 *   then by an overlap covering at least half of the occurrence, then by the same text in the same article.
 * - entities, must not merge: gold pairs kept in different report entities (R over all pairs, both found;
 *   P over the pairs the report decided: kept apart or merged).
 * - events, grouping: pairs of articles reporting one gold event that share a report event (P over the
 *   article pairs the report puts together, so lookalike events merged lower it; R over the gold's pairs).
 * - events, facts: fact quotes whose covering claim states the normalised value (P over the quotes where
 *   the report states that slot at all).
 * - conflicts: gold conflicts one report conflict joins (R); P over report conflicts that match a gold
 *   conflict or join a gold non-conflict (the gold is a floor: other report conflicts are not counted).
 * - apparent conflicts: gold non-conflicts not reported as conflicts and explained, by a report
 *   non-conflict joining their quotes or (spelling) by their quotes being mentions of one report entity.
 * - corroborations: gold corroborated claims with one agreement covering two or more of their quotes (R);
 *   P over those and the agreements that join the two sides of a gold conflict.
 * - page noise: noise passages no claim and no verdict evidence is drawn from (R); P over report claims,
 *   those drawn from a gold noise passage being the errors.
 * - summary verdicts: gold sentences whose report verdict has the gold label (P over sentences with a
 *   verdict, R over all gold sentences).
 */
export function scoreReport(report: Report, gold: Gold): StoryScore {
  const index = new ReportIndex(report);
  checkArticles(index, gold);
  const entities = scoreEntities(index, gold);
  const sections = [
    entities.merge,
    entities.mustNotMerge,
    scoreEvents(index, gold),
    scoreFacts(index, gold, entities.mapping),
    ...scoreConflicts(index, gold, entities.reportEntityOf),
    scoreCorroborations(index, gold),
    scoreNoise(index, gold),
    scoreVerdicts(index, gold),
  ];
  return {
    sections,
    overall: macroAverage(
      sections,
      sections.map((s) => s.recallCount.total > 0),
    ),
    report: {
      articles: report.articles.length,
      entities: report.entities.length,
      events: report.events.length,
      claims: report.claims.length,
      agreements: report.agreements.length,
      conflicts: report.conflicts.length,
      nonConflicts: report.nonConflicts.length,
      verdicts: report.verdicts.length,
      failures: report.failures.length,
    },
    problems: index.problems,
  };
}

function checkArticles(index: ReportIndex, gold: Gold): void {
  const named = new Set<string>();
  for (const e of gold.entities) e.articles.forEach((a) => named.add(a));
  for (const e of gold.events) [...e.reportedBy, ...e.mentionedBy].forEach((a) => named.add(a));
  for (const a of [...named].sort()) if (!index.text.has(a)) index.problem(`the gold names article "${a}", which is not in the report`);
}

// ---------------------------------------------------------------- entities

/** A gold occurrence of an entity mention, and the report entity it landed in. */
interface Occurrence extends Offsets {
  entity: string;
  article: string;
  text: string;
  report: string | null;
}

function entityOccurrences(index: ReportIndex, entities: readonly GoldEntity[]): Occurrence[] {
  const byArticle = new Map<string, Occurrence[]>();
  for (const entity of entities) {
    for (const article of entity.articles) {
      const text = index.text.get(article);
      if (text === undefined) continue; // reported by checkArticles
      const list = byArticle.get(article) ?? [];
      let any = false;
      for (const mention of entity.mentions) {
        for (const o of findWord(text, mention)) {
          list.push({ ...o, entity: entity.id, article, text: mention, report: null });
          any = true;
        }
      }
      if (!any) index.problem(`entity ${entity.id}: none of its mentions occurs in ${article}`);
      byArticle.set(article, list);
    }
  }
  // A shorter occurrence inside a longer one is part of the longer name: "Koval" in "Aleksandr Koval" counts as
  // the full name's occurrence, a place inside an organisation's name counts for the organisation.
  const kept: Occurrence[] = [];
  for (const article of [...byArticle.keys()].sort()) {
    const list = byArticle.get(article)!;
    list.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
    const accepted: Occurrence[] = [];
    for (const o of list) if (!accepted.some((a) => overlaps(a, o))) accepted.push(o);
    accepted.sort((a, b) => a.start - b.start);
    kept.push(...accepted);
  }
  return kept;
}

interface ReportMention extends Offsets {
  entityId: string;
  loose: string;
}

/**
 * Puts each gold occurrence in a report entity: the mention with exactly its span; else the mention that
 * overlaps it most, if the overlap covers at least half of the occurrence ("Aleksandr Koval" inside a mention
 * "Transport Minister Aleksandr Koval"); else a mention of the same article with the same text.
 */
function assignMentions(report: Report, occurrences: Occurrence[]): void {
  const byArticle = new Map<string, ReportMention[]>();
  for (const e of report.entities) {
    for (const m of e.mentions) {
      const list = byArticle.get(m.articleId) ?? [];
      list.push({ start: m.start, end: m.end, entityId: e.id, loose: looseText(m.text) });
      byArticle.set(m.articleId, list);
    }
  }
  for (const list of byArticle.values()) list.sort((a, b) => a.start - b.start || a.end - b.end || (a.entityId < b.entityId ? -1 : 1));
  for (const o of occurrences) {
    const list = byArticle.get(o.article) ?? [];
    const exact = list.find((m) => m.start === o.start && m.end === o.end);
    if (exact) {
      o.report = exact.entityId;
      continue;
    }
    let best: ReportMention | null = null;
    let bestOverlap = 0;
    for (const m of list) {
      const n = overlapLength(m, o);
      if (n > bestOverlap) {
        best = m;
        bestOverlap = n;
      }
    }
    if (best && bestOverlap * 2 >= o.end - o.start) {
      o.report = best.entityId;
      continue;
    }
    const loose = looseText(o.text);
    o.report = list.find((m) => m.loose === loose)?.entityId ?? null;
  }
}

interface EntityResult {
  merge: SectionScore;
  mustNotMerge: SectionScore;
  /** Gold entity id → the report entity most of its occurrences landed in. */
  mapping: Map<string, string>;
  /** Report entity of the gold occurrence at these offsets, if any. */
  reportEntityOf: (article: string, at: Offsets) => string | null;
}

function scoreEntities(index: ReportIndex, gold: Gold): EntityResult {
  const all = entityOccurrences(index, gold.entities);
  assignMentions(index.report, all);
  // Naming an entity in page noise is fine, and so is not naming it there: an occurrence inside a gold
  // noise passage counts only when the report has a mention at it.
  const noise = gold.noise.map((n) => ({ article: n.article, at: index.locate([n.article, n.quote], "noise") }));
  const inNoise = (o: Occurrence) => noise.some((n) => n.article === o.article && n.at.some((q) => overlaps(q, o)));
  const occurrences = all.filter((o) => o.report !== null || !inNoise(o));
  const onlyInNoise = new Set(all.map((o) => o.entity).filter((id) => !occurrences.some((o) => o.entity === id)));
  const perGold = new Map<string, Occurrence[]>();
  for (const o of occurrences) {
    const list = perGold.get(o.entity) ?? [];
    list.push(o);
    perGold.set(o.entity, list);
  }
  const reportSets = new Map<string, Set<string>>();
  const mapping = new Map<string, string>();
  const misses: string[] = [];
  let merged = 0;
  const scored = gold.entities.filter((e) => !onlyInNoise.has(e.id));
  for (const id of onlyInNoise) misses.push(`${id}: not scored (named only in page noise, and not found there)`);
  for (const entity of scored) {
    const list = perGold.get(entity.id) ?? [];
    const counts = new Map<string, number>();
    for (const o of list) if (o.report) counts.set(o.report, (counts.get(o.report) ?? 0) + 1);
    const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([id]) => id);
    reportSets.set(entity.id, new Set(ranked));
    if (ranked[0]) mapping.set(entity.id, ranked[0]);
    const covered = list.filter((o) => o.report !== null).length;
    if (ranked.length === 1) merged++;
    else if (ranked.length === 0) misses.push(`${entity.id}: not found (${list.length} occurrences)`);
    else misses.push(`${entity.id}: split over ${ranked.length} report entities (${ranked.join(", ")})`);
    if (ranked.length === 1 && covered < list.length) misses.push(`${entity.id}: ${list.length - covered} of ${list.length} occurrences not found`);
  }
  // Pairwise counts over gold occurrences: (gold entity, report entity) cells.
  const cell = new Map<string, number>();
  const reportCount = new Map<string, number>();
  for (const o of occurrences) {
    if (!o.report) continue;
    const key = `${o.entity}\u0000${o.report}`;
    cell.set(key, (cell.get(key) ?? 0) + 1);
    reportCount.set(o.report, (reportCount.get(o.report) ?? 0) + 1);
  }
  let truePairs = 0;
  for (const n of cell.values()) truePairs += pairs(n);
  let reportPairs = 0;
  for (const n of reportCount.values()) reportPairs += pairs(n);
  let goldPairs = 0;
  for (const list of perGold.values()) goldPairs += pairs(list.length);
  const covered = occurrences.filter((o) => o.report !== null).length;
  for (const [reportId, n] of [...reportCount.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const golds = [...new Set(occurrences.filter((o) => o.report === reportId).map((o) => o.entity))];
    if (golds.length > 1) misses.push(`report entity ${reportId} joins ${golds.join(" + ")} (${n} occurrences)`);
  }

  const notMergeMisses: string[] = [];
  let violated = 0;
  let apart = 0;
  for (const [a, b] of gold.mustNotMerge) {
    const setA = reportSets.get(a) ?? new Set<string>();
    const setB = reportSets.get(b) ?? new Set<string>();
    const shared = [...setA].filter((id) => setB.has(id));
    if (shared.length > 0) {
      violated++;
      notMergeMisses.push(`${a} + ${b}: merged in ${shared.join(", ")}`);
    } else if (setA.size === 0 || setB.size === 0) {
      notMergeMisses.push(`${a} + ${b}: ${setA.size === 0 ? a : b} not found`);
    } else apart++;
  }
  const reportEntityOf = (article: string, at: Offsets): string | null =>
    occurrences.find((o) => o.article === article && overlaps(o, at))?.report ?? null;
  return {
    merge: section(
      "entities",
      [
        { label: "merged", hit: merged, total: scored.length },
        { label: "mentions found", hit: covered, total: occurrences.length },
      ],
      { hit: truePairs, total: reportPairs },
      { hit: truePairs, total: goldPairs },
      misses,
    ),
    mustNotMerge: section(
      "mustNotMerge",
      [{ label: "merged", hit: violated, total: gold.mustNotMerge.length, lowerIsBetter: true }],
      { hit: apart, total: apart + violated },
      { hit: apart, total: gold.mustNotMerge.length },
      notMergeMisses,
    ),
    mapping,
    reportEntityOf,
  };
}

// ---------------------------------------------------------------- events

function scoreEvents(index: ReportIndex, gold: Gold): SectionScore {
  const events = index.report.events;
  const misses: string[] = [];
  const shareEvent = (a: string, b: string) => events.some((e) => e.articleIds.includes(a) && e.articleIds.includes(b));
  // Pairwise over the articles that report a gold event.
  const articles = [...new Set(gold.events.flatMap((e) => e.reportedBy))].sort();
  const sameGold = (a: string, b: string) => gold.events.some((e) => e.reportedBy.includes(a) && e.reportedBy.includes(b));
  let truePairs = 0;
  let reportPairs = 0;
  let goldPairs = 0;
  for (let i = 0; i < articles.length; i++) {
    for (let j = i + 1; j < articles.length; j++) {
      const a = articles[i]!;
      const b = articles[j]!;
      const g = sameGold(a, b);
      const r = shareEvent(a, b);
      if (g) goldPairs++;
      if (r) reportPairs++;
      if (g && r) truePairs++;
    }
  }
  let together = 0;
  const homes = new Map<string, Set<string>>();
  for (const g of gold.events) {
    const home = events.find((e) => g.reportedBy.every((a) => e.articleIds.includes(a)));
    if (home) together++;
    else {
      const where = g.reportedBy.map((a) => `${a} → ${events.filter((e) => e.articleIds.includes(a)).map((e) => e.id).join("/") || "none"}`);
      misses.push(`${g.id}: its articles are not in one report event (${where.join(", ")})`);
    }
    homes.set(g.id, new Set(events.filter((e) => g.reportedBy.some((a) => e.articleIds.includes(a))).map((e) => e.id)));
  }
  let apart = 0;
  let eventPairs = 0;
  for (let i = 0; i < gold.events.length; i++) {
    for (let j = i + 1; j < gold.events.length; j++) {
      eventPairs++;
      const a = gold.events[i]!;
      const b = gold.events[j]!;
      const ha = homes.get(a.id)!;
      const hb = homes.get(b.id)!;
      const joined = a.reportedBy.some((x) => b.reportedBy.some((y) => x !== y && shareEvent(x, y)));
      if (ha.size > 0 && hb.size > 0 && !joined) apart++;
      else misses.push(`${a.id} + ${b.id}: not kept apart${ha.size === 0 || hb.size === 0 ? " (an event was not found)" : ""}`);
    }
  }
  let mentioned = 0;
  let mentionedTotal = 0;
  for (const g of gold.events) {
    const home = [...homes.get(g.id)!];
    for (const m of g.mentionedBy) {
      mentionedTotal++;
      const linked = events.some(
        (e) =>
          home.includes(e.id) &&
          (e.mentionedByArticleIds.includes(m) || e.articleIds.includes(m) || (index.claimsByArticle.get(m) ?? []).some((c) => c.eventId === e.id)),
      );
      if (linked) mentioned++;
      else misses.push(`${g.id}: the passing mention in ${m} is not linked to it`);
    }
  }
  return section(
    "events",
    [
      { label: "together", hit: together, total: gold.events.length },
      { label: "apart", hit: apart, total: eventPairs },
      { label: "mentions linked", hit: mentioned, total: mentionedTotal },
    ],
    { hit: truePairs, total: reportPairs },
    { hit: truePairs, total: goldPairs },
    misses,
  );
}

/**
 * Whether a claim covering the fact's quote states the fact: a `facts[]` entry with the slot and value, or a
 * time (start dates, or end dates for end slots; days for durations) or quantity with the value inside the
 * quote. A gold entity id as value matches a fact whose value is the report entity the gold entity's
 * mentions landed in (or one of its names), or the claim's attribution.
 */
function claimStates(claim: Claim, fact: GoldFact, quote: readonly Offsets[], reportId: string | undefined, names: string[] | undefined): boolean {
  const slot = fact.slot.toLowerCase();
  const expected = fact.value;
  if (names) {
    const loose = names.map(looseText);
    const matches = (v: string | number) => typeof v === "string" && (v === reportId || loose.includes(looseText(v)));
    if (claim.facts.some((f) => matches(f.value))) return true;
    return reportId !== undefined && claim.attribution?.entityId === reportId;
  }
  if (claim.facts.some((f) => f.slot.toLowerCase() === slot && sameValue(f.value, expected))) return true;
  const inQuote = (o: Offsets) => quote.some((q) => overlaps(o, q));
  if (isIsoDate(expected)) {
    const end = /end/i.test(fact.slot);
    return claim.times.some((t) => inQuote(t) && sameValue((end ? t.endDate : t.startDate) ?? "", expected));
  }
  if (typeof expected === "number") {
    if (/day/i.test(fact.slot) && claim.times.some((t) => inQuote(t) && t.days === expected)) return true;
    return claim.quantities.some((q) => inQuote(q) && q.value === expected);
  }
  return false;
}

function scoreFacts(index: ReportIndex, gold: Gold, mapping: Map<string, string>): SectionScore {
  const names = new Map(gold.entities.map((e) => [e.id, e.mentions]));
  const misses: string[] = [];
  let quotes = 0;
  let right = 0;
  let stated = 0;
  let facts = 0;
  let factsFound = 0;
  for (const g of gold.events) {
    for (const fact of g.facts) {
      facts++;
      let any = false;
      const entityNames = typeof fact.value === "string" ? names.get(fact.value) : undefined;
      const reportId = typeof fact.value === "string" ? mapping.get(fact.value) : undefined;
      for (const quote of fact.quotes) {
        quotes++;
        const where = index.locate(quote, `event ${g.id} fact ${fact.slot}`);
        const claims = index.claimsCovering(quote[0], where);
        const ok = claims.some((c) => claimStates(c, fact, where, reportId, entityNames));
        const sameSlot = claims.some((c) => c.facts.some((f) => f.slot.toLowerCase() === fact.slot.toLowerCase() && where.some((q) => overlaps(f, q))));
        if (ok) {
          right++;
          stated++;
          any = true;
        } else {
          if (sameSlot) stated++;
          misses.push(`${g.id} ${fact.slot}=${fact.value}: ${sameSlot ? "wrong value" : "not found"} in ${quote[0]} "${quote[1]}"`);
        }
      }
      if (any) factsFound++;
    }
  }
  return section(
    "facts",
    [
      { label: "quotes", hit: right, total: quotes },
      { label: "facts", hit: factsFound, total: facts },
    ],
    { hit: right, total: stated },
    { hit: right, total: quotes },
    misses,
  );
}

// ---------------------------------------------------------------- conflicts, agreements

/** Ids of the claims a conflict, non-conflict or agreement joins (its own list and its values' lists). */
function claimIdsOf(item: { claimIds: string[]; values?: { claimIds: string[] }[] }): Set<string> {
  return new Set([...item.claimIds, ...(item.values ?? []).flatMap((v) => v.claimIds)]);
}

/**
 * Whether one of the given claims covers a quote. With a `slot` (conflicts and non-conflicts), a claim that
 * states that slot covers the quote only when the slot's value lies in the quote: a conflict about
 * durations does not join two place names that happen to share its sentences.
 */
function quoteCovered(index: ReportIndex, quote: GoldQuote, claimIds: ReadonlySet<string>, where: string, slot?: string): boolean {
  const found = index.locate(quote, where);
  return index.claimsCovering(quote[0], found).some((c) => {
    if (!claimIds.has(c.id)) return false;
    const facts = slot === undefined ? [] : c.facts.filter((f) => f.slot === slot);
    return facts.length === 0 || facts.some((f) => found.some((q) => overlaps(f, q)));
  });
}

/** How many of a quote set's quotes the given claims cover (see {@link quoteCovered}). */
function quotesCovered(index: ReportIndex, set: GoldQuoteSet, claimIds: ReadonlySet<string>, where: string, slot?: string): number {
  return set.quotes.filter((quote) => quoteCovered(index, quote, claimIds, where, slot)).length;
}

/** A report conflict as the scorer sees it: its slot, all its claims, and the claims of each value. */
interface ConflictView {
  id: string;
  slot: string;
  claims: Set<string>;
  sides: Set<string>[];
}

/**
 * Whether a report conflict sets a gold set's quotes against each other: every quote is covered by one
 * of its values, and no single value covers them all (quotes on the same side agree). A conflict without
 * values is judged by its claims alone.
 */
function setsAgainst(index: ReportIndex, set: GoldQuoteSet, conflict: ConflictView, where: string): boolean {
  if (conflict.sides.length === 0) return quotesCovered(index, set, conflict.claims, where, conflict.slot) === set.quotes.length;
  const sides = set.quotes.map((q) => conflict.sides.flatMap((side, i) => (quoteCovered(index, q, side, where, conflict.slot) ? [i] : [])));
  if (sides.some((s) => s.length === 0)) return false;
  return !sides[0]!.some((i) => sides.every((s) => s.includes(i)));
}

function scoreConflicts(index: ReportIndex, gold: Gold, reportEntityOf: EntityResult["reportEntityOf"]): [SectionScore, SectionScore] {
  const view = (c: Report["conflicts"][number] | Report["nonConflicts"][number]): ConflictView => ({
    id: c.id,
    slot: c.slot,
    claims: claimIdsOf(c),
    sides: c.values.map((v) => new Set(v.claimIds)),
  });
  const conflicts = index.report.conflicts.map(view);
  const nonConflicts = index.report.nonConflicts.map(view);
  // A non-conflict explains a gold set when it joins claims covering all its quotes, on any side.
  const joins = (set: GoldQuoteSet, group: ConflictView, where: string) => quotesCovered(index, set, group.claims, where, group.slot) === set.quotes.length;

  const matching = new Set<string>();
  const misses: string[] = [];
  let found = 0;
  for (const g of gold.conflicts) {
    g.quotes.forEach((q) => index.locate(q, `conflict ${g.id}`));
    const hits = conflicts.filter((c) => setsAgainst(index, g, c, `conflict ${g.id}`));
    hits.forEach((c) => matching.add(c.id));
    if (hits.length > 0) found++;
    else misses.push(`${g.id}: not found`);
  }

  const wrong = new Set<string>();
  const nonMisses: string[] = [];
  let violations = 0;
  let explained = 0;
  let good = 0;
  for (const g of gold.notConflicts) {
    const where = `notConflict ${g.id}`;
    const located = g.quotes.map((q) => index.locate(q, where));
    const against = conflicts.filter((c) => setsAgainst(index, g, c, where));
    against.forEach((c) => wrong.add(c.id));
    const byNonConflict = nonConflicts.some((c) => joins(g, c, where));
    // A spelling variant is explained when the report makes both names one entity.
    const entities = g.quotes.map((q, i) => {
      const at = located[i]![0];
      return at ? reportEntityOf(q[0], at) : null;
    });
    const byEntity = entities.every((e) => e !== null && e === entities[0]);
    const isExplained = byNonConflict || byEntity;
    if (against.length > 0) {
      violations++;
      nonMisses.push(`${g.id}: reported as a conflict (${against.map((c) => c.id).join(", ")})`);
    } else if (!isExplained) nonMisses.push(`${g.id}: not reported as a conflict, but not explained either`);
    if (isExplained) explained++;
    if (isExplained && against.length === 0) good++;
  }
  for (const c of conflicts) if (!matching.has(c.id) && wrong.has(c.id)) misses.push(`report conflict ${c.id} joins a gold non-conflict`);
  const judged = [...new Set([...matching, ...wrong])];
  return [
    section(
      "conflicts",
      [
        { label: "found", hit: found, total: gold.conflicts.length },
        { label: "report conflicts matching gold", hit: matching.size, total: conflicts.length },
      ],
      { hit: matching.size, total: judged.length },
      { hit: found, total: gold.conflicts.length },
      misses,
    ),
    section(
      "nonConflicts",
      [
        { label: "as conflicts", hit: violations, total: gold.notConflicts.length, lowerIsBetter: true },
        { label: "explained", hit: explained, total: gold.notConflicts.length },
      ],
      { hit: good, total: good + violations },
      { hit: good, total: gold.notConflicts.length },
      nonMisses,
    ),
  ];
}

function scoreCorroborations(index: ReportIndex, gold: Gold): SectionScore {
  const groups = index.report.agreements.map((a) => ({ agreement: a, claims: claimIdsOf(a) }));
  const misses: string[] = [];
  let found = 0;
  let counted = 0;
  for (const g of gold.corroborated) {
    const where = `corroborated ${g.id}`;
    g.quotes.forEach((q) => index.locate(q, where));
    const hit = groups.find((group) => quotesCovered(index, g, group.claims, where) >= 2);
    if (!hit) {
      misses.push(`${g.id}: no agreement groups two of its quotes`);
      continue;
    }
    found++;
    // Independent sources: at least one, at most the distinct source (not derived) articles of the group.
    const sources = new Set(hit.agreement.articleIds.filter((a) => index.role.get(a) !== "derived")).size;
    if (hit.agreement.independentSources >= 1 && hit.agreement.independentSources <= sources) counted++;
    else misses.push(`${g.id}: agreement ${hit.agreement.id} counts ${hit.agreement.independentSources} independent sources out of ${sources} source articles`);
  }
  // Agreements that join the two sides of a true conflict are wrong.
  let wrong = 0;
  for (const group of groups) {
    const bad = gold.conflicts.find((g) => quotesCovered(index, g, group.claims, `conflict ${g.id}`) === g.quotes.length);
    if (bad) {
      wrong++;
      misses.push(`agreement ${group.agreement.id} joins the two sides of conflict ${bad.id}`);
    }
  }
  return section(
    "corroborations",
    [
      { label: "grouped", hit: found, total: gold.corroborated.length },
      { label: "source counts plausible", hit: counted, total: found },
    ],
    { hit: found, total: found + wrong },
    { hit: found, total: gold.corroborated.length },
    misses,
  );
}

// ---------------------------------------------------------------- noise

function scoreNoise(index: ReportIndex, gold: Gold): SectionScore {
  const misses: string[] = [];
  const noisyClaims = new Set<string>();
  let clean = 0;
  for (const n of gold.noise) {
    const where = index.locate([n.article, n.quote], "noise");
    const claims = index.claimsCovering(n.article, where);
    claims.forEach((c) => noisyClaims.add(c.id));
    const verdicts = index.report.verdicts.filter((v) => v.evidence.some((e) => e.articleId === n.article && where.some((q) => overlaps(e, q))));
    if (claims.length === 0 && verdicts.length === 0 && where.length > 0) clean++;
    else if (where.length > 0) {
      const by = [...claims.map((c) => `claim ${c.id}`), ...verdicts.map((v) => `verdict ${v.id}`)];
      misses.push(`${n.article} "${n.quote}": drawn from by ${by.join(", ")}`);
    }
  }
  const claims = index.report.claims.length;
  return section(
    "noise",
    [
      { label: "clean", hit: clean, total: gold.noise.length },
      { label: "claims from noise", hit: noisyClaims.size, total: claims, lowerIsBetter: true },
    ],
    { hit: claims - noisyClaims.size, total: claims },
    { hit: clean, total: gold.noise.length },
    misses,
  );
}

// ---------------------------------------------------------------- verdicts

function scoreVerdicts(index: ReportIndex, gold: Gold): SectionScore {
  const sv = gold.summaryVerdicts;
  if (!sv) return section("verdicts", [{ label: "correct", hit: 0, total: 0 }], { hit: 0, total: 0 }, { hit: 0, total: 0 }, []);
  const text = index.text.get(sv.article);
  if (text === undefined) index.problem(`summaryVerdicts: article "${sv.article}" is not in the report`);
  const verdicts = index.report.verdicts.filter((v) => v.articleId === sv.article);
  const misses: string[] = [];
  let withVerdict = 0;
  let correct = 0;
  let evidenceHit = 0;
  let evidenceTotal = 0;
  for (const s of sv.sentences) {
    const at = text === undefined ? -1 : text.indexOf(s.starts);
    if (text !== undefined && at < 0) index.problem(`summaryVerdicts: sentence not found in ${sv.article}: "${s.starts}"`);
    const v = at < 0 ? undefined : verdicts.find((x) => x.start <= at && at < x.end);
    const got: GoldVerdictLabel | null = v?.verdict ?? null;
    if (got) withVerdict++;
    if (got === s.verdict) correct++;
    else misses.push(`"${s.starts}…": expected ${s.verdict}, got ${got ?? "no verdict"}`);
    const cited = new Set(v?.evidence.map((e) => e.articleId) ?? []);
    evidenceHit += s.evidence.filter((a) => cited.has(a)).length;
    evidenceTotal += s.evidence.length;
  }
  return section(
    "verdicts",
    [
      { label: "correct", hit: correct, total: sv.sentences.length },
      { label: "evidence articles cited", hit: evidenceHit, total: evidenceTotal },
    ],
    { hit: correct, total: withVerdict },
    { hit: correct, total: sv.sentences.length },
    misses,
  );
}
