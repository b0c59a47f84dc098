import { CONTENT_KINDS, type Article } from "../model/article.js";
import type { Attribution, Claim, Modality, TimeValue } from "../model/claim.js";
import type { Entity, Mention } from "../model/entity.js";
import type { ArticleAnalysis } from "../pipeline/state.js";
import { APPOINT_WORDS, END_VERBS, EVENT_NOUNS, SPEECH_VERBS, START_VERBS, STOP, TOLL_WORDS, concept, mayBeOneOf } from "./lexicon.js";
import { TokenTable, type Token } from "./nlp.js";
import { spansWithin } from "../util/spans.js";
import { memoByString } from "../util/memo.js";
import { codePointAt, isLetterOrDigit } from "../util/chars.js";

/** Segment kinds claims are drawn from: the article's own body text. */

/** A claim with the working data later stages use (content concepts, tokens). */
export interface ClaimDraft {
  claim: Claim;
  /** Content concepts (lemmas folded through the synonym table), for comparing claims. */
  concepts: string[];
  /** Index of the claim within its article. */
  index: number;
}

const ATTRIBUTION_END = new RegExp(
  String.raw`(?:,|—|–)\s*((?:[^,;"“”]{2,90}?))\s+(?:${SPEECH_VERBS})\b([^"“”]{0,60})$`,
  "u",
);
const ATTRIBUTION_END_INVERTED = new RegExp(String.raw`(?:,|—|–)\s*(?:${SPEECH_VERBS})\s+([^,;"“”]{2,90})$`, "u");
const ATTRIBUTION_START = new RegExp(String.raw`^((?:[^,;"“”]{2,90}?))\s+(?:${SPEECH_VERBS})\b(?:\s+on\s+\w+[\w .]*?)?(?:\s+that)?\s+`, "u");
const ACCORDING = /\b(according to|citing|as reported by|as quoted by)\s+([^,;.]{2,90})/u;

/** Splits a sentence into clauses at semicolons, dashes and contrastive or relative joints. Linear scan. */
export function splitClauses(text: string, start: number, end: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /;\s+|\s+—\s+|,\s+(?=(?:while|whereas|but|although|though|where|during which|as well as|however)\b)/gu;
  const slice = text.slice(start, end);
  let from = 0;
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    const piece = slice.slice(from, m.index);
    if (piece.trim().split(/\s+/).length >= 4 && slice.slice(m.index + m[0].length).trim().split(/\s+/).length >= 4) {
      out.push({ start: start + from, end: start + m.index });
      from = m.index + m[0].length;
    }
  }
  out.push({ start: start + from, end });
  return out.map((c) => trim(text, c)).filter((c) => c.end > c.start);
}

function trim(text: string, c: { start: number; end: number }): { start: number; end: number } {
  let s = c.start;
  let e = c.end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return { start: s, end: e };
}

/** Finds who a sentence says is speaking, with offsets into the text. */
export function findAttribution(text: string, start: number, end: number): { start: number; end: number } | null {
  const s = text.slice(start, end).replace(/[.!?]["”’]?$/u, "");
  const acc = ACCORDING.exec(s);
  if (acc) return { start: start + acc.index, end: start + acc.index + acc[0].length };
  const tail = ATTRIBUTION_END.exec(s) ?? ATTRIBUTION_END_INVERTED.exec(s);
  if (tail) {
    const at = tail.index + (/^[,—–]\s*/.exec(tail[0])?.[0].length ?? 0);
    return { start: start + at, end: start + tail.index + tail[0].length };
  }
  const head = ATTRIBUTION_START.exec(s);
  if (head && head[1]!.split(/\s+/).length <= 10) return { start, end: start + head[0].trimEnd().length };
  return null;
}

// ASCII words, matched with the i flag alone: with i and u together V8 folds case by Unicode's rules, about
// eight times slower, and these run on every clause.
const FUTURE = /\b(will|shall|'ll|’ll|is set to|are set to|is scheduled to|are scheduled to|is expected to|are expected to|is due to|are due to|is to|are to)\b/i;
const PLANNED = /\b(plans? to|planned to|planning to|intends? to|intended to|aims? to|aimed to|prepares? to|is preparing to)\b/i;
const DENIED = /\b(denied|denies|deny|denying|rejected|rejects|dismissed|dismisses|refuted)\b/i;
const SUGGESTED = /\b(suggested|suggests|may|might|could|probably|possibly|likely|allegedly|appears? to|seems? to)\b/i;
const REPORTED = /\b(reportedly|according to|is said to|are said to|was said to|citing|sources said)\b/i;
const CONDITIONAL = /\b(if|unless|would)\b/i;
const NEGATION = /\b(not|never|no|n't|without|nor|neither)\b|n['’]t\b/i;

/** How firmly a clause is stated. */
export function modalityOf(text: string): Modality {
  if (DENIED.test(text)) return "denied";
  if (PLANNED.test(text)) return "planned";
  if (FUTURE.test(text)) return "future";
  if (SUGGESTED.test(text)) return "suggested";
  if (REPORTED.test(text)) return "reported";
  if (CONDITIONAL.test(text)) return "conditional";
  return "asserted";
}

/** Whether a clause is negated (or denies something). */
export function isNegated(text: string): boolean {
  return NEGATION.test(text) || DENIED.test(text);
}

/** Inputs of {@link extractClaims} for one article. */
export interface ClaimContext {
  article: Article;
  analysis: ArticleAnalysis;
  /**
   * The article's tokens (tagged, with lemmas, in text order): token objects, or its token table, from which
   * only the tokens of body clauses are made into objects.
   */
  tokens: readonly Token[] | TokenTable;
  mentions: Mention[];
  entityById: Map<string, Entity>;
}

/**
 * Draws atomic claims from an article's body sentences: one per clause, with its attribution, modality,
 * negation, entities, anchored times, quantities, and the event slots it states (start, end, duration,
 * counts, spokesperson, appointment). Page furniture and other-language text never give claims.
 */
export function extractClaims(ctx: ClaimContext): ClaimDraft[] {
  const { article, analysis, mentions, entityById } = ctx;
  const text = article.text;
  const tokens = ctx.tokens instanceof TokenTable ? ctx.tokens : TokenTable.from(ctx.tokens);
  const drafts: ClaimDraft[] = [];
  let ti = 0;
  let mi = 0;
  // Spans inside a clause or a sentence are found by binary search in lists sorted by start, so that a long
  // article's claims cost n log n, not clauses × spans.
  const mentionsIn = spansWithin(mentions);
  const timesIn = spansWithin(analysis.times);
  const quantitiesIn = spansWithin(analysis.quantities);
  for (const sentence of analysis.sentences) {
    if (!CONTENT_KINDS.has(sentence.kind)) continue;
    const attribution = findAttribution(text, sentence.start, sentence.end);
    for (const clause of splitClauses(text, sentence.start, sentence.end)) {
      while (ti < tokens.length && tokens.endOf(ti) <= clause.start) ti++;
      let tj = ti;
      while (tj < tokens.length && tokens.startOf(tj) < clause.end) tj++;
      const ctoks = tokens.slice(ti, tj, text);
      while (mi < mentions.length && mentions[mi]!.end <= clause.start) mi++;
      const cmentions: Mention[] = [];
      for (let k = mi; k < mentions.length && mentions[k]!.start < clause.end; k++) if (mentions[k]!.end <= clause.end) cmentions.push(mentions[k]!);
      const clauseText = text.slice(clause.start, clause.end);
      // The sentence's attribution covers each of its clauses.
      const attr = attribution;
      const attrMentions = attr ? mentionsIn(attr.start, attr.end) : [];
      const attrEntity = pickAttributionEntity(attrMentions, entityById);
      const attributionOut: Attribution | null = attr ? { start: attr.start, end: attr.end, text: text.slice(attr.start, attr.end), entityId: attrEntity } : null;
      const inAttr = (o: { start: number; end: number }) => !!attr && o.start >= attr.start && o.end <= attr.end;
      const times = timesIn(clause.start, clause.end);
      const quantities = quantitiesIn(clause.start, clause.end);
      const contentToks = ctoks.filter((t) => !inAttr(t) && isContent(t));
      const verb = ctoks.find((t) => !inAttr(t) && t.pos === "VERB" && !STOP.has((t.lemma ?? t.text).toLowerCase()));
      const predicate = verb ? (verb.lemma ?? verb.text).toLowerCase() : null;
      const ownMentions = cmentions.filter((m) => !inAttr(m));
      const subjectMention = verb ? ownMentions.filter((m) => m.end <= verb.start).at(0) ?? ownMentions[0] : ownMentions[0];
      const entityIds = [...new Set(cmentions.map((m) => m.entityId))];
      const placeIds = entityIds.filter((id) => entityById.get(id)?.type === "place");
      const body = clauseText;
      const claim: Claim = {
        id: `${article.id}#c${drafts.length + 1}`,
        articleId: article.id,
        start: clause.start,
        end: clause.end,
        text: clauseText,
        eventId: null,
        subject: subjectMention ? { start: subjectMention.start, end: subjectMention.end, text: subjectMention.text, entityIds: [subjectMention.entityId] } : null,
        predicate,
        object: verb && verb.end < clause.end ? objectOf(text, verb.end, clause.end, ownMentions) : null,
        attribution: attributionOut,
        modality: modalityOf(body),
        negated: isNegated(attr ? stripRange(text, clause, attr) : body),
        times,
        quantities,
        entityIds,
        placeIds,
        facts: [],
      };
      // Names earlier in the sentence may own the clause's dates ("the Fair, an event due to open on 6 June").
      const leading = mentionsIn(sentence.start, clause.end).filter((m) => !inAttr(m));
      claim.facts = factsOf(claim, ctoks, ownMentions, entityById, inAttr, attrMentions, leading);
      drafts.push({ claim, concepts: conceptsOf(contentToks), index: drafts.length });
    }
  }
  return drafts;
}

function stripRange(text: string, clause: { start: number; end: number }, cut: { start: number; end: number }): string {
  const a = Math.max(clause.start, cut.start);
  const b = Math.min(clause.end, cut.end);
  if (b <= a) return text.slice(clause.start, clause.end);
  return text.slice(clause.start, a) + " " + text.slice(b, clause.end);
}

function isContent(t: Token): boolean {
  // The part of speech first: the cheapest test, and most tokens that fail fail it.
  if (!(t.pos === "NOUN" || t.pos === "PROPN" || t.pos === "VERB" || t.pos === "ADJ" || t.pos === "NUM" || t.pos === "ADV" || t.pos === "")) return false;
  // Leads with a letter or a digit (`/^[\p{L}\p{N}]/u`).
  if (t.text.length === 0 || !isLetterOrDigit(codePointAt(t.text, 0))) return false;
  const lowered = t.text.toLowerCase();
  if (STOP.has(lowered)) return false;
  return t.lemma === undefined || !STOP.has(t.lemma.toLowerCase());
}

/** Content concepts of tokens: lemmas, lower-cased, British spellings folded, synonyms joined. */
export function conceptsOf(tokens: readonly Token[]): string[] {
  const out: string[] = [];
  for (const t of tokens) out.push(conceptOfWord(t.lemma ?? t.text));
  return out;
}

/** The concept of one lemma (or word): lower-cased, possessive dropped, British spellings folded, synonyms joined. */
const conceptOfWord = memoByString((word) => {
  const raw = word.toLowerCase().replace(/['’]s$/, "");
  return concept(raw.replace(/our$/, "or").replace(/ence$/, "ense").replace(/isation$/, "ization"));
});

function objectOf(text: string, from: number, to: number, mentions: Mention[]) {
  let s = from;
  while (s < to && /\s/.test(text[s]!)) s++;
  let e = to;
  while (e > s && /[\s.,;:!?"”’]/.test(text[e - 1]!)) e--;
  if (e <= s) return null;
  return { start: s, end: e, text: text.slice(s, e), entityIds: [...new Set(mentions.filter((m) => m.start >= s && m.end <= e).map((m) => m.entityId))] };
}

function pickAttributionEntity(mentions: Mention[], entityById: Map<string, Entity>): string | null {
  const rank = (m: Mention) => {
    const t = entityById.get(m.entityId)?.type;
    return t === "person" ? 0 : t === "organization" ? 1 : 2;
  };
  const best = [...mentions].sort((a, b) => rank(a) - rank(b) || a.start - b.start)[0];
  return best ? best.entityId : null;
}

/**
 * The word and the bases it may inflect from: the tagger sometimes reads a participle as an adjective and
 * keeps it as its lemma ("departed"), so "-ed", "-d", "-ing" and "-s" are also tried.
 */
function verbForms(word: string): string[] {
  const out = [word];
  if (word.endsWith("ed")) out.push(word.slice(0, -2), word.slice(0, -1));
  if (word.endsWith("ing")) out.push(word.slice(0, -3), `${word.slice(0, -3)}e`);
  if (word.endsWith("s")) out.push(word.slice(0, -1));
  return out;
}

/** Parts of speech that carry no content of their own. */
const FUNCTION_POS = new Set(["DET", "ADP", "PUNCT", "AUX", "PRON", "CCONJ", "SCONJ", "PART", "SYM", "NUM", "SPACE"]);

/**
 * Which event slot a date fills, from the verb that governs it: the nearest verb before it ("began on
 * Tuesday" → start, "is due to end on Thursday" → end, "announced the walkout on 2 June" → none), or a
 * "from" right before it ("a strike from Wednesday" → start).
 */
function governingSlot(day: { start: number }, toks: Token[], textBefore: string): "start" | "end" | null {
  if (/\b(?:from|starting|beginning|as of)\s+(?:on\s+)?$/i.test(textBefore)) return "start";
  for (let k = toks.length - 1; k >= 0; k--) {
    const t = toks[k]!;
    if (t.end > day.start) continue;
    const forms = verbForms((t.lemma ?? t.text).toLowerCase());
    if (t.pos === "NOUN" || t.pos === "PROPN") continue;
    if (forms.some((v) => START_VERBS.has(v))) return "start";
    if (forms.some((v) => END_VERBS.has(v))) return "end";
    if (t.pos === "VERB") return null;
  }
  return null;
}

/** What befell the people a number counts, when a toll verb follows it closely ("were injured"). */
function tollOf(q: { end: number }, toks: Token[]): string | null {
  for (const t of toks.filter((k) => k.start >= q.end).slice(0, 5)) {
    const forms = verbForms((t.lemma ?? t.text).toLowerCase());
    const hit = forms.find((f) => TOLL_WORDS.has(f));
    if (hit) return concept(hit);
    if (t.pos === "PUNCT" && t.text !== "-") break;
  }
  return null;
}

/** The concept a percentage measures: the noun phrase after it, else the noun or verb just before it. */
function percentHead(q: { start: number; end: number }, toks: Token[]): string | null {
  const after = toks.filter((t) => t.start >= q.end);
  let head: Token | null = null;
  for (const t of after.slice(0, 3)) {
    if (FUNCTION_POS.has(t.pos)) break;
    head = t;
  }
  if (!head) {
    const before = toks.filter((t) => t.end <= q.start).reverse();
    for (const t of before.slice(0, 3)) {
      if (t.pos === "NOUN" || t.pos === "VERB") {
        head = t;
        break;
      }
    }
  }
  return head ? concept((head.lemma ?? head.text).toLowerCase()) : null;
}

/** Serialises a time value for comparison: a day, a month, a year, or a range. */
export function timeKey(t: TimeValue): string | null {
  if (t.kind === "duration" || !t.startDate) return null;
  if (t.kind === "range" && t.endDate && t.endDate !== t.startDate) return `${t.startDate}/${t.endDate}`;
  if (t.grain === "month") return t.startDate.slice(0, 7);
  if (t.grain === "year") return t.startDate.slice(0, 4);
  if (t.grain === "week") return `${t.startDate}/${t.endDate ?? t.startDate}`;
  return t.startDate;
}

const MAY_APPOINT = mayBeOneOf(APPOINT_WORDS);
/** Whether a word, in any case, is an appointment word (lower-cased only when it may be one). */
const isAppointWord = (w: string) => MAY_APPOINT(w) && APPOINT_WORDS.has(w.toLowerCase());

function factsOf(
  claim: Claim,
  toks: Token[],
  mentions: Mention[],
  entityById: Map<string, Entity>,
  inAttr: (o: { start: number; end: number }) => boolean,
  attrMentions: Mention[],
  leading: Mention[],
): Claim["facts"] {
  const facts: Claim["facts"] = [];
  const ownTimes = claim.times.filter((t) => !inAttr(t));
  // The first appointment word outside the attribution (a loop: this runs for every clause).
  let appoint: Token | undefined;
  for (const t of toks) {
    if (inAttr(t)) continue;
    if (isAppointWord(t.lemma ?? t.text) || isAppointWord(t.text)) {
      appoint = t;
      break;
    }
  }
  let times = ownTimes;
  if (appoint) {
    // Taking office belongs to a person, whatever the event: compare it across events. Its date is the
    // one nearest the appointment word; the other dates of the clause may still date the event
    // ("Li, who was named minister in March, will start the visit Sunday").
    const person = [...mentions].reverse().find((m) => m.end <= appoint.start && entityById.get(m.entityId)?.type === "person") ??
      mentions.find((m) => entityById.get(m.entityId)?.type === "person");
    const distance = (t: { start: number; end: number }) => (t.start >= appoint.end ? t.start - appoint.end : appoint.start - t.end + 1);
    const when = ownTimes
      .filter((t) => t.kind !== "duration" && t.startDate)
      .sort((a, b) => distance(a) - distance(b) || a.start - b.start)[0];
    if (person && when) {
      const key = timeKey(when);
      if (key) facts.push({ slot: `appointed:${person.entityId}`, value: key, start: when.start, end: when.end });
      times = ownTimes.filter((t) => t !== when);
    }
  }
  // A date a named event's own verb governs ("the forum, due to open on 6 June") dates that event
  // (a conference, a summit), not the story's event: it goes to a `scheduled:` slot of the entity.
  const ownerOf = (at: number): string | null => {
    // The name that ends last before the date; of nested names ("Orvala" in "4th Orvala Trade Fair"), the outer one.
    const last = leading
      .filter((m) => m.end <= at)
      .sort((a, b) => b.end - a.end || a.start - b.start)[0];
    return last && entityById.get(last.entityId)?.type === "event-name" ? last.entityId : null;
  };
  const range = times.find((t) => t.kind === "range" && t.grain === "day" && t.startDate && t.endDate);
  if (range) {
    const owner = ownerOf(range.start);
    if (owner) facts.push({ slot: `scheduled:${owner}`, value: `${range.startDate}/${range.endDate}`, start: range.start, end: range.end });
    else {
      facts.push({ slot: "start", value: range.startDate!, start: range.start, end: range.end });
      facts.push({ slot: "end", value: range.endDate!, start: range.start, end: range.end });
      if (range.days) facts.push({ slot: "durationDays", value: range.days, start: range.start, end: range.end });
    }
  } else if (claim.modality !== "denied") {
    const slots = new Set<string>();
    for (const day of times) {
      if (day.kind === "duration" || !day.startDate || (day.kind !== "date" && day.grain !== "day")) continue;
      const slot = governingSlot(day, toks, claim.text.slice(0, day.start - claim.start));
      if (!slot || slots.has(slot)) continue;
      slots.add(slot);
      const owner = ownerOf(day.start);
      if (owner) facts.push({ slot: `scheduled:${owner}`, value: day.startDate, start: day.start, end: day.end });
      else facts.push({ slot, value: day.startDate, start: day.start, end: day.end });
    }
  }
  for (const t of ownTimes) {
    if (t.kind !== "duration" || t.days === null) continue;
    // "a six-day trip": a duration that qualifies an event noun right after it.
    const after = toks.find((k) => k.start >= t.end && /^[\p{L}]/u.test(k.text));
    if (after && EVENT_NOUNS.has((after.lemma ?? after.text).toLowerCase())) facts.push({ slot: "durationDays", value: t.days, start: t.start, end: after.end });
    else if (/\b(for|lasting|last|lasted)\s*$/i.test(claim.text.slice(0, t.start - claim.start))) facts.push({ slot: "durationDays", value: t.days, start: t.start, end: t.end });
  }
  for (const q of claim.quantities) {
    if (inAttr(q) || !q.unit) continue;
    if (q.unit === "percent") {
      // A percentage is of something: "a 9% pay increase", "raised its offer to 5%".
      const head = percentHead(q, toks);
      if (head) facts.push({ slot: `percent:${head}`, value: q.value, start: q.start, end: q.end });
      continue;
    }
    // "three dockworkers were injured", "five people were hurt": a toll is counted by what happened to
    // the people, whatever noun counts them.
    // "five injured, including two guards": a part of a figure already given is not another figure.
    if (/\b(?:including|among them|of them|of whom|among whom)\s*$/i.test(claim.text.slice(Math.max(0, q.start - claim.start - 20), q.start - claim.start))) continue;
    const toll = tollOf(q, toks);
    const slot = toll ? `toll:${toll}` : `count:${q.unit}`;
    if (facts.some((f) => f.slot === slot)) continue;
    facts.push({ slot, value: q.value, start: q.start, end: q.end });
  }
  // A spokesperson named in the attribution: who announced it, for the organisation they speak for.
  if (claim.attribution && /\bspokes(?:person|man|woman)\b/i.test(claim.attribution.text)) {
    const person = attrMentions.find((m) => entityById.get(m.entityId)?.type === "person");
    const org = attrMentions.find((m) => entityById.get(m.entityId)?.type === "organization");
    if (person) facts.push({ slot: org ? `spokesperson:${org.entityId}` : "spokesperson", value: person.entityId, start: person.start, end: person.end });
  } else {
    // Or in apposition: "Pia Lund, a spokeswoman for the Port Authority, said...".
    const m = /,\s+(?:a|the|its)\s+(?:\w+\s+)?spokes(?:person|man|woman)\s+(?:for|of|at)\s+/i.exec(claim.text);
    if (m) {
      const at = claim.start + m.index;
      const person = [...leading].reverse().find((x) => x.end <= at && at - x.end <= 2 && entityById.get(x.entityId)?.type === "person");
      const after = at + m[0].length;
      const org = mentions.find((x) => x.start >= after && x.start - after <= 5 && entityById.get(x.entityId)?.type === "organization");
      if (person && org) facts.push({ slot: `spokesperson:${org.entityId}`, value: person.entityId, start: person.start, end: org.end });
    }
  }
  return facts;
}

