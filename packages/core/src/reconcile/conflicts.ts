import type { Article } from "../model/article.js";
import type { Claim } from "../model/claim.js";
import type { Entity } from "../model/entity.js";
import type { Event } from "../model/event.js";
import type { Conflict, NonConflict, SlotValue } from "../model/reconcile.js";
import { keysOverlap } from "./similarity.js";

interface FactRef {
  claim: Claim;
  slot: string;
  value: string | number;
  /** How the value was said: a range, a duration, a date, a count. */
  form: string;
}

/** Result of {@link findConflicts}. */
export interface ConflictResult {
  conflicts: Conflict[];
  nonConflicts: NonConflict[];
}

const isDateValue = (v: string | number) => typeof v === "string" && /^\d{4}(-\d{2}){0,2}(\/\d{4}(-\d{2}){0,2})?$/.test(v);

/** Whether two slot values can both be true: equal numbers, or dates where one contains the other. */
export function valuesAgree(a: string | number, b: string | number): boolean {
  if (typeof a === "number" && typeof b === "number") return a === b;
  if (isDateValue(a) && isDateValue(b)) return keysOverlap(String(a), String(b));
  return String(a) === String(b);
}

/**
 * Finds true conflicts (the same slot of the same event, or a person's own slot such as when they took
 * office, with incompatible values) and explains the differences that are not conflicts: another event,
 * the same value said two ways (a range and a duration), a later update of a toll, a spelling variant.
 * Facts are bucketed by slot first, so only facts about the same thing are compared.
 */
export function findConflicts(
  claims: readonly Claim[],
  articles: readonly Article[],
  entities: readonly Entity[],
  events?: readonly Event[],
): ConflictResult {
  const articleById = new Map(articles.map((a) => [a.id, a]));
  const entityName = new Map(entities.map((e) => [e.id, e.name]));
  const nameOf = (id: string) => entityName.get(id);
  const order = new Map(articles.map((a, i) => [a.id, i]));
  const byScope = new Map<string, FactRef[]>();
  const bySlot = new Map<string, FactRef[]>();
  for (const claim of claims) {
    for (const f of claim.facts) {
      const form = formOf(claim, f);
      const ref: FactRef = { claim, slot: f.slot, value: f.value, form };
      // A person's own facts (when they took office) and a named event's own dates hold across events.
      const personal = f.slot.startsWith("appointed:") || f.slot.startsWith("scheduled:");
      if (!personal && !claim.eventId) continue;
      const scope = personal ? f.slot : `${claim.eventId}|${f.slot}`;
      push(byScope, scope, ref);
      if (!personal) push(bySlot, f.slot, ref);
    }
  }
  const conflicts: Omit<Conflict, "id">[] = [];
  const nonConflicts: Omit<NonConflict, "id">[] = [];

  for (const [scope, all] of byScope) {
    // An article that gives one count several values (three cars' horsepower) speaks of several things:
    // its counts are not compared.
    const refs = all[0]!.slot.startsWith("count:") || all[0]!.slot.startsWith("percent:") ? unambiguous(all) : all;
    if (refs.length === 0) continue;
    const classes = classesOf(refs);
    const eventId = scope.includes("|") ? scope.split("|")[0]! : null;
    const slot = refs[0]!.slot;
    if (classes.length > 1) {
      const articlesPerClass = classes.map((c) => new Set(c.map((r) => r.claim.articleId)));
      // Disagreement only when different articles hold different values.
      if (new Set(articlesPerClass.flatMap((s) => [...s])).size < 2) continue;
      const values = classes.map((c) => slotValue(c, order));
      if (((slot.startsWith("count:") || slot.startsWith("toll:")) && isUpdate(classes, articleById)) || (slot.startsWith("scheduled:") && isReschedule(classes, articleById))) {
        nonConflicts.push({
          slot,
          reason: "update",
          claimIds: values.flatMap((v) => v.claimIds),
          values,
          explanation: `Later reports update ${slotName(slot, nameOf)} (${byDate(values, articleById).map((v) => v.value).join(" → ")}): a change over time, not a disagreement.`,
        });
        continue;
      }
      conflicts.push({
        eventId,
        slot,
        claimIds: values.flatMap((v) => v.claimIds),
        values,
        explanation: `Sources disagree on ${slotName(slot, nameOf)}: ${values.map((v) => `${v.value} (${v.articleIds.join(", ")})`).join(" vs ")}.`,
      });
    } else if (classes.length === 1) {
      const forms = new Set(refs.map((r) => r.form));
      const arts = new Set(refs.map((r) => r.claim.articleId));
      if (forms.size > 1 && arts.size > 1) {
        const byForm = [...forms].map((form) => refs.filter((r) => r.form === form));
        const values = byForm.map((c) => ({ ...slotValue(c, order), value: `${c[0]!.value} (${c[0]!.form})` }));
        nonConflicts.push({
          slot,
          reason: "same-value",
          claimIds: values.flatMap((v) => v.claimIds),
          values,
          explanation: `${cap(slotName(slot, nameOf))} is the same, said two ways (${[...forms].join(" and ")}): they agree.`,
        });
      }
    }
  }

  // The same slot with different values in different events: not a conflict, another event.
  // Only lookalike events (sharing a participant or a place) need the explanation; with the events
  // unknown, every pair is explained.
  const eventById = new Map((events ?? []).map((e) => [e.id, e]));
  for (const [slot, refs] of bySlot) {
    const perEvent = new Map<string, FactRef[]>();
    for (const r of refs) push(perEvent, r.claim.eventId!, r);
    const eventIds = [...perEvent.keys()].sort();
    for (const [i, j] of lookalikePairs(eventIds, events === undefined ? null : eventById)) {
      const a = perEvent.get(eventIds[i]!)!;
      const b = perEvent.get(eventIds[j]!)!;
      if (a.some((x) => b.some((y) => valuesAgree(x.value, y.value)))) continue;
      const va = slotValue(a, order);
      const vb = slotValue(b, order);
      nonConflicts.push({
        slot,
        reason: "different-event",
        claimIds: [...va.claimIds, ...vb.claimIds],
        values: [va, vb],
        explanation: `${cap(slotName(slot, nameOf))} differs (${va.value} vs ${vb.value}) because the claims are about different events (${eventIds[i]} and ${eventIds[j]}).`,
      });
    }
  }

  nonConflicts.push(...spellingVariants(claims, entities, order));
  const sortKey = (x: { claimIds: string[] }) => x.claimIds[0] ?? "";
  conflicts.sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : a.slot < b.slot ? -1 : 1));
  return {
    conflicts: conflicts.map((c, i) => ({ ...c, id: `conflict-${i + 1}` })),
    nonConflicts: nonConflicts.map((c, i) => ({ ...c, id: `nonconflict-${i + 1}` })),
  };
}

/**
 * Index pairs (i < j, in order) of the events in `ids` that share a participant or a place, found through
 * an index of those entities rather than by testing every pair of events; every pair when the events are
 * not known (`null`).
 */
function lookalikePairs(ids: readonly string[], eventById: ReadonlyMap<string, Event> | null): [number, number][] {
  const pairs: [number, number][] = [];
  if (eventById === null) {
    for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) pairs.push([i, j]);
    return pairs;
  }
  const byEntity = new Map<string, number[]>();
  ids.forEach((id, i) => {
    const e = eventById.get(id);
    if (!e) return;
    for (const entityId of new Set([...e.participantIds, ...e.placeIds])) push(byEntity, entityId, i);
  });
  const seen = new Set<number>();
  for (const list of byEntity.values())
    for (let x = 0; x < list.length; x++)
      for (let y = x + 1; y < list.length; y++) {
        const key = list[x]! * ids.length + list[y]!;
        if (seen.has(key)) continue;
        seen.add(key);
        pairs.push([list[x]!, list[y]!]);
      }
  return pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function formOf(claim: Claim, f: Claim["facts"][number]): string {
  const t = claim.times.find((x) => x.start <= f.start && x.end >= f.start);
  if (t) return t.kind;
  const q = claim.quantities.find((x) => x.start <= f.start && x.end >= f.start);
  // How a number was written: "9%" and "nine per cent" are the same figure said two ways.
  if (q) return /^\W*(?:over|under|about|around|nearly|more than|fewer than|some|almost|roughly)?\s*\d/i.test(q.text) ? "digits" : "words";
  return "value";
}

/** Groups values into classes that agree (greedy, in order): one class means no disagreement. */
export function classesOf<T extends { value: string | number }>(refs: readonly T[]): T[][] {
  const classes: T[][] = [];
  for (const r of refs) {
    const home = classes.find((c) => c.every((x) => valuesAgree(x.value, r.value)));
    if (home) home.push(r);
    else classes.push([r]);
  }
  return classes;
}

/** The facts of articles that give the slot a single value (or agreeing values). */
function unambiguous(refs: FactRef[]): FactRef[] {
  const byArticle = new Map<string, FactRef[]>();
  for (const r of refs) push(byArticle, r.claim.articleId, r);
  const single = new Set([...byArticle].filter(([, own]) => classesOf(own).length === 1).map(([id]) => id));
  return refs.filter((r) => single.has(r.claim.articleId));
}

function slotValue(refs: FactRef[], order: Map<string, number>): SlotValue {
  const claimIds = [...new Set(refs.map((r) => r.claim.id))];
  const articleIds = [...new Set(refs.map((r) => r.claim.articleId))].sort((a, b) => order.get(a)! - order.get(b)!);
  // The most precise value stands for the class (a day over its month).
  const value = [...refs].sort((a, b) => String(b.value).length - String(a.value).length)[0]!.value;
  return { value, claimIds, articleIds };
}

/** Words that say a date was changed: a later report of a new date is then news, not a disagreement. */
const RESCHEDULED = /\b(?:postpon|delay|reschedul|moved|pushed back|brought forward|put off|now\b)/i;

/** Whether the later classes of a named event's dates come from later reports that say it was moved. */
function isReschedule(classes: FactRef[][], articleById: Map<string, Article>): boolean {
  const dated = classes.map((c) => ({ c, date: c.map((r) => articleById.get(r.claim.articleId)?.publishedAt ?? "").sort()[0]! }));
  if (dated.some((d) => !d.date)) return false;
  dated.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return dated.slice(1).every((d, i) => d.date > dated[i]!.date && d.c.some((r) => RESCHEDULED.test(r.claim.text)));
}

/** Slot values in the order their first article was published. */
function byDate(values: SlotValue[], articleById: Map<string, Article>): SlotValue[] {
  const first = (v: SlotValue) => v.articleIds.map((id) => articleById.get(id)?.publishedAt ?? "").sort()[0] ?? "";
  return [...values].sort((a, b) => (first(a) < first(b) ? -1 : first(a) > first(b) ? 1 : 0));
}

function isUpdate(classes: FactRef[][], articleById: Map<string, Article>): boolean {
  // Running counts (a toll, arrests, ships waiting) grow as a story goes on: each class from a later
  // publication must carry a larger count than every earlier one. A smaller later figure stays a conflict.
  const points = classes.map((c) => ({
    value: Math.max(...c.map((r) => Number(r.value))),
    date: c.map((r) => articleById.get(r.claim.articleId)?.publishedAt ?? "").sort()[0]!,
  }));
  if (points.some((p) => !p.date)) return false;
  points.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (let i = 1; i < points.length; i++) if (!(points[i]!.date > points[i - 1]!.date && points[i]!.value > points[i - 1]!.value)) return false;
  return true;
}

/** A slot in words, for explanations ("the start date", "the number of ships"); `nameOf` names entities. */
export function slotName(slot: string, nameOf: (id: string) => string | undefined = () => undefined): string {
  const id = slot.slice(slot.indexOf(":") + 1);
  if (slot === "start") return "the start date";
  if (slot === "end") return "the end date";
  if (slot === "durationDays") return "the duration in days";
  if (slot.startsWith("count:")) return `the number of ${plural(id)}`;
  if (slot.startsWith("toll:")) return `the number ${id === "missing" ? "missing" : id.endsWith("e") ? `${id}d` : `${id}ed`}`;
  if (slot.startsWith("spokesperson")) return "who announced it";
  if (slot.startsWith("appointed:")) return `when ${nameOf(id) ?? "the person"} took office`;
  if (slot.startsWith("scheduled:")) return `the dates of ${nameOf(id) ?? "the named event"}`;
  if (slot.startsWith("percent:")) return `the ${id} in per cent`;
  return slot;
}

function plural(noun: string): string {
  if (/(?:s|x|ch|sh)$/.test(noun)) return `${noun}es`;
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  return noun === "people" ? noun : `${noun}s`;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Names written differently across articles ("Aleksandr"/"Alexander"): explained, never conflicts. */
function spellingVariants(claims: readonly Claim[], entities: readonly Entity[], order: Map<string, number>): Omit<NonConflict, "id">[] {
  const out: Omit<NonConflict, "id">[] = [];
  const claimsByArticle = new Map<string, Claim[]>();
  for (const c of claims) push(claimsByArticle, c.articleId, c);
  for (const e of entities) {
    const forms = new Map<string, { articleIds: Set<string>; claimIds: Set<string> }>();
    for (const m of e.mentions) {
      if (m.via !== "name" || !m.text.includes(" ")) continue;
      const f = forms.get(m.text) ?? { articleIds: new Set(), claimIds: new Set() };
      f.articleIds.add(m.articleId);
      const claim = (claimsByArticle.get(m.articleId) ?? []).find((c) => c.start <= m.start && c.end >= m.end);
      if (claim) f.claimIds.add(claim.id);
      forms.set(m.text, f);
    }
    if (forms.size < 2) continue;
    const byLength = new Map<number, string[]>();
    for (const k of forms.keys()) push(byLength, k.split(/\s+/).length, k);
    for (const group of byLength.values()) {
      if (group.length < 2) continue;
      const arts = new Set(group.flatMap((g) => [...forms.get(g)!.articleIds]));
      if (arts.size < 2) continue;
      const values: SlotValue[] = group.sort().map((g) => ({
        value: g,
        claimIds: [...forms.get(g)!.claimIds],
        articleIds: [...forms.get(g)!.articleIds].sort((a, b) => order.get(a)! - order.get(b)!),
      }));
      out.push({
        slot: `name:${e.id}`,
        reason: "spelling-variant",
        claimIds: values.flatMap((v) => v.claimIds),
        values,
        explanation: `${group.join(", ")} are spellings of one name (${e.name}), not different ${e.type === "person" ? "people" : "entities"}.`,
      });
    }
  }
  return out;
}
