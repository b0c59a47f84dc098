import type { Article } from "../model/article.js";
import type { Entity } from "../model/entity.js";
import type { Event } from "../model/event.js";
import { timeKey, type ClaimDraft } from "../extract/claims.js";
import { concept, EVENT_NOUNS, START_VERBS } from "../extract/lexicon.js";
import { isMediaName } from "../resolve/lexicon.js";
import { keyRange } from "./similarity.js";
import { UnionFind } from "../util/union-find.js";

/** Claims at the top of an article that tell what its story is. */
const LEAD_CLAIMS = 4;
/** Articles whose stories start within this many days of each other may report one event. */
const SAME_EVENT_DAYS = 7;
/** Longest span an event's dates may cover (longer spans come from another story's dates). */
const MAX_EVENT_DAYS = 60;

const DAY = 86_400_000;
const toDay = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY;
const fromDay = (d: number) => new Date(d * DAY).toISOString().slice(0, 10);

/** Where an article's main story sits in time, and what it is about. */
interface Lead {
  article: Article;
  index: number;
  /** Day number (days since 1970) of the story, or null when nothing dates it. */
  day: number | null;
  salient: string[];
}

/** Result of {@link groupEvents}. */
export interface EventGrouping {
  events: Event[];
  /** Event of each article's main story. */
  eventOfArticle: Map<string, string>;
}

/**
 * Groups articles into the events they report, then assigns each claim to an event. Articles join when
 * their stories are dated within a week of each other and share a salient participant; lookalike events
 * (the same person's trips months apart) stay apart. A claim dated inside another event's days belongs to
 * that event (a passing mention), and a claim dated away from every event is background (no event).
 */
export function groupEvents(articles: readonly Article[], draftsByArticle: ReadonlyMap<string, ClaimDraft[]>, entities: readonly Entity[]): EventGrouping {
  const entityById = new Map(entities.map((e) => [e.id, e]));
  const leads: Lead[] = articles.map((article, index) => lead(article, index, draftsByArticle.get(article.id) ?? [], entityById));
  // Union articles whose story days are close and who share a salient entity. Blocked by entity: each
  // entity's articles sorted by day, and only neighbours are joined. That gives the same groups as joining
  // every pair within the window (any two within it are linked through the ones between them), in
  // O(n log n) instead of comparing every pair of articles dated within a week of each other.
  const groups = new UnionFind(leads.length);
  const byEntity = new Map<string, number[]>();
  leads.forEach((l, i) => {
    for (const e of new Set(l.salient)) {
      const list = byEntity.get(e);
      if (list) list.push(i);
      else byEntity.set(e, [i]);
    }
  });
  for (const list of byEntity.values()) {
    list.sort((a, b) => (leads[a]!.day ?? Infinity) - (leads[b]!.day ?? Infinity) || a - b);
    for (let x = 1; x < list.length; x++) {
      const a = leads[list[x - 1]!]!;
      const b = leads[list[x]!]!;
      if ((a.day === null) !== (b.day === null)) continue;
      if (a.day !== null && b.day !== null && b.day - a.day > SAME_EVENT_DAYS) continue;
      groups.union(list[x - 1]!, list[x]!);
    }
  }
  const clusters = new Map<number, number[]>();
  leads.forEach((_, i) => {
    const r = groups.find(i);
    const members = clusters.get(r);
    if (members) members.push(i);
    else clusters.set(r, [i]);
  });

  const drafted = [...clusters.values()].map((members) => describe(members.map((i) => leads[i]!), draftsByArticle, entityById));
  drafted.sort((a, b) => (a.start ?? "9999") < (b.start ?? "9999") ? -1 : (a.start ?? "9999") > (b.start ?? "9999") ? 1 : a.firstIndex - b.firstIndex);
  const events: Event[] = drafted.map((d, i) => ({
    id: `evt-${i + 1}`,
    label: d.label,
    start: d.start,
    end: d.end,
    articleIds: d.articleIds,
    mentionedByArticleIds: [],
    claimIds: [],
    participantIds: d.participants,
    placeIds: d.places,
  }));
  const eventOfArticle = new Map<string, string>();
  events.forEach((e) => e.articleIds.forEach((a) => eventOfArticle.set(a, e.id)));

  // Assign claims. Day ranges of time keys are parsed once per distinct key, and the events a set of keys
  // falls in once per distinct set, so this stays linear in the claims.
  const windows = events.map((e, i) => windowOf(e, drafted[i]!.day));
  const indexOf = new Map(events.map((e, i) => [e.id, i]));
  const mentioned = events.map((e) => new Set(e.articleIds));
  const dayRanges = new Map<string, [number, number]>();
  const dayRange = (key: string): [number, number] => {
    let r = dayRanges.get(key);
    if (!r) {
      const [a, b] = keyRange(key);
      r = [toDay(a), toDay(b.length === 10 ? clampDay(b) : b)];
      dayRanges.set(key, r);
    }
    return r;
  };
  const inWindow = (keys: string[], w: [number, number]) => keys.some((k) => {
    const [a, b] = dayRange(k);
    return a <= w[1] && b >= w[0];
  });
  const eventsOfKeys = new Map<string, number[]>();
  for (const article of articles) {
    const own = indexOf.get(eventOfArticle.get(article.id)!)!;
    const ownWindow = windows[own]!;
    for (const d of draftsByArticle.get(article.id) ?? []) {
      const all = d.claim.times.map(timeKey).filter((k): k is string => k !== null);
      // The finest dates decide: "this year, after a three-day walkout in March" is about March.
      const fine = all.filter((k) => k.length > 4);
      const keys = fine.length > 0 ? fine : all;
      let eventIndex: number | null = own;
      if (keys.length > 0 && ownWindow && !inWindow(keys, ownWindow)) {
        const joined = keys.join(" ");
        let hits = eventsOfKeys.get(joined);
        if (!hits) {
          hits = [];
          windows.forEach((w, i) => {
            if (w && inWindow(keys, w)) hits!.push(i);
          });
          eventsOfKeys.set(joined, hits);
        }
        const other = hits.find((i) => i !== own);
        eventIndex = other ?? null;
        if (other !== undefined && !mentioned[other]!.has(article.id)) {
          mentioned[other]!.add(article.id);
          events[other]!.mentionedByArticleIds.push(article.id);
        }
      }
      d.claim.eventId = eventIndex === null ? null : events[eventIndex]!.id;
      if (eventIndex !== null) events[eventIndex]!.claimIds.push(d.claim.id);
    }
  }
  return { events, eventOfArticle };
}

function clampDay(iso: string): string {
  // "2024-06-31" from a month key: clamp to a real date for Date.parse.
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${y}-${String(m).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

function windowOf(e: Event, day: number | null): [number, number] | null {
  if (e.start) return [toDay(e.start) - 3, toDay(e.end ?? e.start) + 3];
  if (day !== null) return [day - 3, day + 3];
  return null;
}

function lead(article: Article, index: number, drafts: ClaimDraft[], entityById: Map<string, Entity>): Lead {
  const pub = article.publishedAt ? toDay(article.publishedAt) : null;
  const top = drafts.slice(0, LEAD_CLAIMS);
  let day: number | null = null;
  let best = Infinity;
  for (const d of top) {
    for (const t of d.claim.times) {
      if (t.kind === "duration" || !t.startDate || t.grain === "month" || t.grain === "year") continue;
      const td = toDay(t.startDate);
      const distance = pub === null ? 0 : Math.abs(td - pub);
      if (pub !== null && distance > 45) continue;
      // Prefer explicit ranges, then the dates of claims that say when something starts.
      const rank = distance - (t.kind === "range" ? 100 : 0) - (d.claim.facts.some((f) => f.slot === "start") ? 50 : 0);
      if (rank < best) {
        best = rank;
        day = td;
      }
    }
  }
  if (day === null) day = pub;
  // Salient entities: the most named people, organisations and named events, counting the lead twice.
  const score = new Map<string, number>();
  drafts.forEach((d, i) => {
    for (const id of d.claim.entityIds) {
      const e = entityById.get(id);
      const t = e?.type;
      if (t !== "person" && t !== "organization" && t !== "event-name") continue;
      // Who carries the story (an agency in every dateline, a paper) does not make two articles one story.
      if (isMediaName(e!.name)) continue;
      score.set(id, (score.get(id) ?? 0) + (i < LEAD_CLAIMS ? 2 : 1));
    }
  });
  const salient = [...score].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 3).map(([id]) => id);
  return { article, index, day, salient };
}

function describe(members: Lead[], draftsByArticle: ReadonlyMap<string, ClaimDraft[]>, entityById: Map<string, Entity>) {
  const sources = members.filter((m) => m.article.role === "source");
  const basis = sources.length > 0 ? sources : members;
  const starts = new Map<string, number>();
  const ends = new Map<string, number>();
  const durations = new Map<number, number>();
  const people = new Map<string, number>();
  const places = new Map<string, number>();
  const verbs = new Map<string, number>();
  const nouns = new Map<string, number>();
  for (const m of basis) {
    const drafts = (draftsByArticle.get(m.article.id) ?? []).slice(0, LEAD_CLAIMS + 2);
    for (const d of drafts) {
      for (const f of d.claim.facts) {
        if (f.slot === "start") starts.set(String(f.value), (starts.get(String(f.value)) ?? 0) + 1);
        if (f.slot === "end") ends.set(String(f.value), (ends.get(String(f.value)) ?? 0) + 1);
        if (f.slot === "durationDays") durations.set(Number(f.value), (durations.get(Number(f.value)) ?? 0) + 1);
      }
      for (const id of d.claim.entityIds) {
        const t = entityById.get(id)?.type;
        if (t === "person") people.set(id, (people.get(id) ?? 0) + 1);
        if (t === "place") places.set(id, (places.get(id) ?? 0) + 1);
      }
      // What happened: the event nouns the lead claims use ("strike", "visit", "fire"), else their verbs;
      // never what a claim says did not happen.
      if (d.claim.negated) continue;
      for (const c of d.concepts) if (EVENT_NOUNS.has(c)) nouns.set(c, (nouns.get(c) ?? 0) + 1);
      if (d.claim.predicate) {
        const c = concept(d.claim.predicate);
        verbs.set(c, (verbs.get(c) ?? 0) + (START_VERBS.has(d.claim.predicate) ? 2 : 1));
      }
    }
  }
  const top = <K>(m: Map<K, number>, n: number): K[] => [...m].sort((a, b) => b[1] - a[1] || (String(a[0]) < String(b[0]) ? -1 : 1)).slice(0, n).map(([k]) => k);
  const dayOf = basis.map((m) => m.day).filter((d): d is number => d !== null);
  const day = dayOf.length ? Math.min(...dayOf) : null;
  let start = top(starts, 1)[0] ?? null;
  let end = top(ends, 1)[0] ?? null;
  const duration = top(durations, 1)[0];
  if (start && !end && duration) end = fromDay(toDay(start) + duration - 1);
  if (!start && day !== null) start = fromDay(day);
  // An end before the start, or months after it, was read from another story's dates.
  if (start && end && (end < start || toDay(end) - toDay(start) > MAX_EVENT_DAYS)) end = duration ? fromDay(toDay(start) + duration - 1) : null;
  const participants = top(people, 3);
  const placeIds = top(places, 2);
  const who = participants[0] ? entityById.get(participants[0])!.name : null;
  const what = top(nouns, 1)[0] ?? top(verbs, 1)[0] ?? "event";
  const where = placeIds.map((id) => entityById.get(id)!.name).join(", ");
  const when = start ? (end && end !== start ? `${start} to ${end}` : start) : "undated";
  // "strike · Rosa Ventris · Port Calder (2024-06-04 to 2024-06-09)": what, who, where, when.
  const label = [what, who, where || null].filter(Boolean).join(" · ") + ` (${when})`;
  return {
    label,
    start,
    end: end ?? null,
    day,
    articleIds: members.map((m) => m.article.id),
    participants,
    places: placeIds,
    firstIndex: Math.min(...members.map((m) => m.index)),
  };
}
