import type { Article } from "../model/article.js";
import type { Claim } from "../model/claim.js";
import type { Agreement } from "../model/reconcile.js";
import type { ClaimDraft } from "../extract/claims.js";
import { classesOf, slotName } from "./conflicts.js";
import { idfWeight, quantitiesCompatible, timesCompatible } from "./similarity.js";
import { lowerBoundIn } from "../util/search.js";

/**
 * Whether two claims can say the same thing at all: the same polarity, compatible dates, and not about two
 * different events (a claim of the April trip never corroborates one of the August trip).
 */
function compatible(a: Claim, b: Claim): boolean {
  if (a.negated !== b.negated || !timesCompatible(a, b) || !amountsCompatible(a, b)) return false;
  if (a.eventId === null || b.eventId === null || a.eventId === b.eventId) return true;
  // Different events: only stances and background (undated, no event slot, not a plan) may still agree.
  return !eventBound(a) || !eventBound(b);
}

/**
 * Whether two claims' amounts can be the same: each quantity of one that the other also counts (the same
 * unit) matches one of the other's (bounds respected), and likewise durations ("549 cars" never
 * corroborates "225 cars"; "for five hours" never "for seven hours").
 */
function amountsCompatible(a: Claim, b: Claim): boolean {
  // Loops rather than filtered arrays: this runs for every pair of claims compared.
  for (const qa of a.quantities) {
    let counted = false;
    let matched = false;
    for (const qb of b.quantities) {
      if (qb.unit !== qa.unit) continue;
      counted = true;
      if (quantitiesCompatible(qa, qb)) {
        matched = true;
        break;
      }
    }
    if (counted && !matched) return false;
  }
  if (!b.times.some(isDuration)) return true;
  let durations = false;
  for (const t of a.times) {
    if (!isDuration(t)) continue;
    durations = true;
    for (const u of b.times) if (isDuration(u) && u.days === t.days) return true;
  }
  return !durations;
}

function isDuration(t: Claim["times"][number]): boolean {
  return t.kind === "duration" && t.days !== null;
}

/** Fewest concepts and entities two claims must share to say the same thing ("See more photos" is not a claim). */
const MIN_SHARED = 3;

/**
 * Whether two claims sharing `common` concepts or entities share enough to be one statement: at least
 * {@link MIN_SHARED}, and, when both name someone or something, at least one name in common ("an Alibaba
 * spokesperson declined to comment" is not "a spokesperson for the regulator declined to comment").
 */
function substantial(common: number, a: Claim, b: Claim): boolean {
  if (common < MIN_SHARED) return false;
  if (a.entityIds.length > 0 && b.entityIds.length > 0 && !a.entityIds.some((e) => b.entityIds.includes(e))) return false;
  return true;
}

/** Whether a claim is about its event itself: dated, filling an event slot, or a plan for it. */
function eventBound(c: Claim): boolean {
  return c.times.length > 0 || c.facts.length > 0 || ((c.modality === "future" || c.modality === "planned") && !c.negated);
}

/** Slots whose equal values across articles are a corroborated fact. */
const FACT_SLOT = /^(?:start|end|durationDays|toll:|count:|percent:|scheduled:|appointed:)/;

/**
 * Groups of claims (indices into `drafts`) from at least two articles that give one event slot agreeing
 * values, each with a summary ("The duration in days: 6").
 */
function factAgreements(drafts: readonly ClaimDraft[]): { members: number[]; summary: string }[] {
  const buckets = new Map<string, { i: number; value: string | number }[]>();
  drafts.forEach((d, i) => {
    for (const f of d.claim.facts) {
      if (!FACT_SLOT.test(f.slot)) continue;
      const personal = f.slot.startsWith("scheduled:") || f.slot.startsWith("appointed:");
      if (!personal && !d.claim.eventId) continue;
      const key = personal ? f.slot : `${d.claim.eventId}|${f.slot}`;
      const list = buckets.get(key) ?? [];
      list.push({ i, value: f.value });
      buckets.set(key, list);
    }
  });
  const out: { members: number[]; summary: string }[] = [];
  for (const [key, refs] of buckets) {
    const classes = classesOf(refs);
    // Only a fact no source disputes is corroborated by it.
    if (classes.length !== 1) continue;
    const members = [...new Set(classes[0]!.map((r) => r.i))].sort((a, b) => a - b);
    if (new Set(members.map((m) => drafts[m]!.claim.articleId)).size < 2) continue;
    const slot = key.includes("|") ? key.slice(key.indexOf("|") + 1) : key;
    const value = [...classes[0]!].sort((a, b) => String(b.value).length - String(a.value).length)[0]!.value;
    const name = slotName(slot);
    out.push({ members, summary: `${name.charAt(0).toUpperCase()}${name.slice(1)}: ${value}` });
  }
  return out;
}

/** Options of {@link findAgreements}. */
export interface AgreementOptions {
  /** Weighted Dice similarity from which two claims say the same thing (default 0.42). */
  threshold?: number;
  /** Concepts shared by more claims (of one block) than this are not used to find candidate pairs (default 100). */
  maxPosting?: number;
  /**
   * The blocks a claim belongs to (for example its article's event and its own event): only claims that
   * share a block are compared, so the work grows with the size of stories, not of the whole batch. By
   * default every claim is in one block.
   */
  blocksOf?: (draft: ClaimDraft) => readonly string[];
}

/**
 * Groups claims of different articles that say the same thing in different words. Candidates come from an
 * inverted index of rare concepts (synonyms folded, entities as concepts), so only claims that share
 * something are compared; a pair agrees when its weighted similarity passes the threshold, its negation
 * matches and its dates are compatible. Independent sources count wire copies once; derived texts never count.
 */
export function findAgreements(
  drafts: readonly ClaimDraft[],
  articles: readonly Article[],
  copyOf: ReadonlyMap<string, string>,
  options: AgreementOptions = {},
): Agreement[] {
  const threshold = options.threshold ?? 0.42;
  const maxPosting = options.maxPosting ?? 100;
  const roleOf = new Map(articles.map((a) => [a.id, a.role]));
  const order = new Map(articles.map((a, i) => [a.id, i]));
  // Each claim's concepts (content words, its entities, negation) as small integers, in first-seen order
  // without repeats (as a Set of them iterates), with each concept's idf weight as idfWeights gives it:
  // pairs are then scored with typed arrays, not string sets.
  const idOf = new Map<string, number>();
  const df: number[] = [];
  const lastClaim: number[] = [];
  const conceptIds: Int32Array[] = drafts.map((d, i) => {
    const out: number[] = [];
    const add = (c: string) => {
      let id = idOf.get(c);
      if (id === undefined) {
        id = df.length;
        idOf.set(c, id);
        df.push(0);
        lastClaim.push(-1);
      }
      if (lastClaim[id] === i) return;
      lastClaim[id] = i;
      df[id]!++;
      out.push(id);
    };
    for (const c of d.concepts) add(c);
    for (const e of d.claim.entityIds) add(`@${e}`);
    if (d.claim.negated) add("¬");
    return Int32Array.from(out);
  });
  const weight = Float64Array.from(df, (d) => idfWeight(drafts.length, d));
  const totals = conceptIds.map((ids) => {
    let w = 0;
    for (const id of ids) w += weight[id]!;
    return w;
  });
  const rare = Math.log(1 + 3); // below: too common to find pairs, in over a third of claims
  const blocksOf = options.blocksOf ?? (() => [""]);
  // Posting lists (claims, in order) per block and concept, by list id; and each claim's entries, one per
  // rare concept and block it is in, in flat arrays (claim a's run from entryStart[a]): the list, where the
  // claim's own entry sits in it (its candidates are the entries after it) and the concept's ordinal.
  const listOf = new Map<string, Map<number, number>>();
  const lists: number[][] = [];
  const entryStart = new Int32Array(drafts.length + 1);
  const entryList: number[] = [];
  const entryFrom: number[] = [];
  const entryConcept: number[] = [];
  conceptIds.forEach((ids, i) => {
    entryStart[i] = entryList.length;
    const blocks = blocksOf(drafts[i]!).map((block) => {
      let byConcept = listOf.get(block);
      if (!byConcept) listOf.set(block, (byConcept = new Map()));
      return byConcept;
    });
    let ordinal = 0;
    for (const c of ids) {
      if (weight[c]! < rare) continue;
      for (const listIds of blocks) {
        let id = listIds.get(c);
        if (id === undefined) {
          id = lists.length;
          listIds.set(c, id);
          lists.push([]);
        }
        const list = lists[id]!;
        list.push(i);
        entryList.push(id);
        entryFrom.push(list.length);
        entryConcept.push(ordinal);
      }
      ordinal++;
    }
  });
  entryStart[drafts.length] = entryList.length;
  // Score candidate pairs (blocked by the index): a claim's candidates are the later claims that share at
  // least two of its rare concepts in one of its blocks, counted with stamps in typed arrays rather than a
  // map of pairs. Then merge groups best pair first. Two groups merge only when every cross pair is
  // compatible (negation, dates, amounts) and their average similarity stays high, so one loose pair cannot
  // chain unrelated claims together.
  const n = drafts.length;
  // Similarities of the pairs scored, row by row: claim a's row holds the later claims b it was scored
  // with, sorted (a compressed sparse row; a map keyed by pair cost more to fill than the scoring did).
  const rowStart = new Int32Array(n + 1);
  const simCols: number[] = [];
  const simVals: number[] = [];
  const pairs: [number, number, number][] = [];
  const seenBy = new Int32Array(n).fill(-1);
  const seenIn = new Int32Array(n).fill(-1);
  const shared = new Int32Array(n);
  let conceptStamp = 0;
  const touched: number[] = [];
  // Concepts of the candidate being scored, marked with a stamp per pair.
  const mark = new Int32Array(df.length);
  let stamp = 0;
  // Claims of one article are never compared: where they follow one another (as the pipeline orders them),
  // each claim's candidates start after its article's run, found in each list by binary search.
  const runEnd = new Int32Array(n);
  for (let i = n - 1; i >= 0; i--) {
    runEnd[i] = i + 1 < n && drafts[i + 1]!.claim.articleId === drafts[i]!.claim.articleId ? runEnd[i + 1]! : i + 1;
  }
  for (let a = 0; a < n; a++) {
    rowStart[a] = simCols.length;
    const after = runEnd[a]!;
    touched.length = 0;
    for (let e = entryStart[a]!; e < entryStart[a + 1]!; e++) {
      // A new stamp per concept: a claim met in two blocks through one concept counts once.
      if (e === entryStart[a] || entryConcept[e] !== entryConcept[e - 1]) conceptStamp++;
      const list = lists[entryList[e]!]!;
      if (list.length < 2 || list.length > maxPosting) continue;
      let k = entryFrom[e]!;
      if (k < list.length && list[k]! < after) k = lowerBoundIn(list, after, k);
      for (; k < list.length; k++) {
        const b = list[k]!;
        if (b === a || seenIn[b] === conceptStamp) continue;
        seenIn[b] = conceptStamp;
        if (seenBy[b] !== a) {
          seenBy[b] = a;
          shared[b] = 0;
          touched.push(b);
        }
        shared[b]!++;
      }
    }
    const ca = drafts[a]!.claim;
    // Indexed loops in this hot part: for-of over arrays and typed arrays allocated iterator results here.
    for (let t = 0; t < touched.length; t++) {
      const b = touched[t]!;
      if (shared[b]! < 2) continue;
      const cb = drafts[b]!.claim;
      if (ca.articleId === cb.articleId || !compatible(ca, cb)) continue;
      // One pass over the shared concepts gives both the substance test and the weighted Dice similarity
      // (weightedDice with each set's total weight summed once per claim, in the same order).
      stamp++;
      const idsB = conceptIds[b]!;
      for (let k = 0; k < idsB.length; k++) mark[idsB[k]!] = stamp;
      let common = 0;
      let commonWeight = 0;
      const idsA = conceptIds[a]!;
      for (let k = 0; k < idsA.length; k++) {
        const c = idsA[k]!;
        if (mark[c] !== stamp) continue;
        common++;
        commonWeight += weight[c]!;
      }
      if (!substantial(common, ca, cb)) continue;
      const total = totals[a]! + totals[b]!;
      const sim = total === 0 ? 0 : (2 * commonWeight) / total;
      if (sim > 0) {
        // Insertion into the row kept sorted: rows are short (a few pairs).
        let at = simCols.length;
        simCols.push(b);
        simVals.push(sim);
        while (at > rowStart[a]! && simCols[at - 1]! > b) {
          simCols[at] = simCols[at - 1]!;
          simVals[at] = simVals[at - 1]!;
          at--;
        }
        simCols[at] = b;
        simVals[at] = sim;
      }
      if (sim >= threshold) pairs.push([a, b, sim]);
    }
  }
  rowStart[n] = simCols.length;
  lists.length = 0;
  listOf.clear();
  pairs.sort((p, q) => q[2] - p[2] || p[0] - q[0] || p[1] - q[1]);
  const simOf = (x: number, y: number) => {
    const a = Math.min(x, y);
    const b = Math.max(x, y);
    const end = rowStart[a + 1]!;
    const at = lowerBoundIn(simCols, b, rowStart[a]!, end);
    return at < end && simCols[at] === b ? simVals[at]! : 0;
  };
  const groupOf = drafts.map((_, i) => i);
  // Members of the groups that have merged; any other claim is a group of itself.
  const membersOf = new Map<number, number[]>();
  const members = (g: number) => membersOf.get(g) ?? [g];
  for (const [a, b] of pairs) {
    const ga = groupOf[a]!;
    const gb = groupOf[b]!;
    if (ga === gb) continue;
    const A = members(ga);
    const B = members(gb);
    let total = 0;
    let fits = true;
    for (const x of A) {
      for (const y of B) {
        const ca = drafts[x]!.claim;
        const cb = drafts[y]!.claim;
        if (!compatible(ca, cb)) {
          fits = false;
          break;
        }
        total += Math.max(0, simOf(x, y));
      }
      if (!fits) break;
    }
    if (!fits || total / (A.length * B.length) < threshold * 0.6) continue;
    const [keep, drop] = ga < gb ? [ga, gb] : [gb, ga];
    const merged = [...members(keep), ...members(drop)];
    membersOf.set(keep, merged);
    membersOf.delete(drop);
    for (const m of merged) groupOf[m] = keep;
  }
  const find = (i: number) => groupOf[i]!;
  const groups = new Map<number, number[]>();
  drafts.forEach((_, i) => {
    const r = find(i);
    const list = groups.get(r);
    if (list) list.push(i);
    else groups.set(r, [i]);
  });
  // Claims that give the same event fact (a six-day strike, "from 4 to 9 June", "after six days") agree on
  // it whatever their words: a fact group joins the text groups unless one text group already holds it.
  const factGroups: { members: number[]; summary: string }[] = [];
  for (const g of factAgreements(drafts)) {
    const first = groupOf[g.members[0]!];
    if (g.members.every((m) => groupOf[m] === first)) continue;
    factGroups.push(g);
  }
  const out: Agreement[] = [];
  const firstAt: [number, number][] = [];
  const textGroups = [...groups.values()].filter((members) => members.length > 1);
  const all = [...textGroups.map((members) => ({ members, summary: null as string | null })), ...factGroups];
  for (const { members, summary } of all) {
    const claims = members.map((i) => drafts[i]!.claim);
    const articleIds = [...new Set(claims.map((c) => c.articleId))].sort((a, b) => order.get(a)! - order.get(b)!);
    if (articleIds.length < 2) continue;
    const sources = articleIds.filter((id) => roleOf.get(id) === "source");
    const families = new Map<string, string[]>();
    for (const id of sources) {
      const root = copyOf.get(id) ?? id;
      families.set(root, [...(families.get(root) ?? []), id]);
    }
    const eventIds = [...new Set(claims.map((c) => c.eventId).filter((e): e is string => e !== null))];
    const lead = claims.find((c) => roleOf.get(c.articleId) === "source") ?? claims[0]!;
    claims.sort((a, b) => order.get(a.articleId)! - order.get(b.articleId)! || a.start - b.start);
    // Agreements are listed by where their first claim stands: its article's place, then its offset.
    firstAt.push([order.get(claims[0]!.articleId)!, claims[0]!.start]);
    out.push({
      id: "",
      claimIds: claims.map((c) => c.id),
      articleIds,
      independentSources: families.size,
      copyGroups: [...families.values()].filter((g) => g.length > 1),
      eventId: eventIds.length === 1 ? eventIds[0]! : null,
      summary: summary ?? (lead.text.length > 140 ? `${lead.text.slice(0, 139)}…` : lead.text),
    });
  }
  const ranked = out.map((_, i) => i).sort((a, b) => firstAt[a]![0] - firstAt[b]![0] || firstAt[a]![1] - firstAt[b]![1]);
  return ranked.map((k, i) => ({ ...out[k]!, id: `agr-${i + 1}` }));
}
