import { distance } from "fastest-levenshtein";
import type { Passage } from "./passage.js";

/** Stems at least this long match a longer stem they begin ("relat" ~ "relationship", "appoint" ~ "appointment"). */
const PREFIX = 5;

/**
 * A run of words a derived sentence copies verbatim from one source sentence: tokens `from` to `to` (exclusive)
 * of the derived sentence, found at token `at` of the source sentence `passage` (its index in the index).
 */
export interface CopiedFragment {
  from: number;
  to: number;
  passage: number;
  at: number;
}

/** Occurrences of one word read when looking for a copied run from it (bounds the cost on very long sources). */
const MAX_OCCURRENCES = 4000;

/** A source sentence found for a derived sentence, with its retrieval score (summed IDF of shared stems). */
export interface Retrieved {
  passage: Passage;
  score: number;
}

/**
 * The evidence sentences (source articles' body sentences) indexed by content stem, with IDF weights.
 * Retrieval scores only the sentences that share one of the query's rarer stems or entities (blocking), so the
 * cost follows the postings of those keys, not the number of sentence pairs.
 */
export class SourceIndex {
  /** The indexed sentences, in article and text order. */
  readonly passages: readonly Passage[];
  private readonly postings = new Map<string, number[]>();
  private readonly byPrefix = new Map<string, string[]>();
  private readonly norms = new Set<string>();
  private readonly normsByLength = new Map<number, string[]>();
  private readonly byEntity = new Map<string, number[]>();
  private readonly concepts = new Set<string>();
  /** Where each word (norm) occurs: passage and token indexes, flat pairs, in index and text order. */
  private occurrences: Map<string, number[]> | null = null;
  /** Memos of {@link variants} and {@link idf}: the decider asks about the same stems many times. */
  private readonly variantMemo = new Map<string, string[]>();
  private readonly idfMemo = new Map<string, number>();
  private readonly fragmentCache = new WeakMap<Passage, CopiedFragment[]>();
  private position: Map<Passage, number> | null = null;

  constructor(passages: readonly Passage[]) {
    this.passages = passages;
    passages.forEach((p, i) => {
      for (const e of new Set(p.mentions.map((m) => m.entityId))) {
        const list = this.byEntity.get(e);
        if (list) list.push(i);
        else this.byEntity.set(e, [i]);
      }
      for (const c of p.concepts) this.concepts.add(c);
      for (const s of p.stems) {
        const list = this.postings.get(s);
        if (list) list.push(i);
        else this.postings.set(s, [i]);
      }
      for (const t of p.tokens) {
        if (this.norms.has(t.norm)) continue;
        this.norms.add(t.norm);
        const byLen = this.normsByLength.get(t.norm.length);
        if (byLen) byLen.push(t.norm);
        else this.normsByLength.set(t.norm.length, [t.norm]);
      }
    });
    for (const s of [...this.postings.keys()].sort()) {
      if (s.length < PREFIX) continue;
      const key = s.slice(0, PREFIX);
      const list = this.byPrefix.get(key);
      if (list) list.push(s);
      else this.byPrefix.set(key, [s]);
    }
  }

  /** Number of indexed sentences. */
  get size(): number {
    return this.passages.length;
  }

  /** Inverse document frequency of a stem over the sentences (high for stems no source uses). */
  idf(stem: string): number {
    let idf = this.idfMemo.get(stem);
    if (idf === undefined) {
      const df = this.variants(stem).reduce((n, s) => n + (this.postings.get(s)?.length ?? 0), 0);
      idf = Math.log((this.passages.length + 1) / (Math.min(df, this.passages.length) + 0.5));
      this.idfMemo.set(stem, idf);
    }
    return idf;
  }

  /** The indexed stems that match `stem`: itself, and longer or shorter stems sharing a 5-letter prefix and one being the other's start. */
  variants(stem: string): string[] {
    const known = this.variantMemo.get(stem);
    if (known) return known;
    let out: string[];
    if (stem.length < PREFIX || /^\p{N}/u.test(stem)) out = this.postings.has(stem) ? [stem] : [];
    else {
      out = [];
      for (const s of this.byPrefix.get(stem.slice(0, PREFIX)) ?? []) {
        if (s === stem || s.startsWith(stem) || stem.startsWith(s)) out.push(s);
      }
    }
    this.variantMemo.set(stem, out);
    return out;
  }

  /**
   * Share of a passage's words that lie in a run of `n` words (any words, in order) some source sentence holds
   * verbatim: how much of it was copied rather than written anew.
   */
  copiedShare(p: Passage, n = 4): number {
    if (p.tokens.length < n) return 0;
    const occurrences = this.wordOccurrences();
    const words = p.tokens;
    const copied = new Uint8Array(words.length);
    for (let i = 0; i + n <= words.length; i++) {
      // Every occurrence of the run's first word is tried (no cap): the share must not depend on source order.
      const found = occurrences.get(words[i]!.norm);
      if (!found) continue;
      for (let o = 0; o < found.length; o += 2) {
        const source = this.passages[found[o]!]!.tokens;
        const at = found[o + 1]!;
        if (at + n > source.length) continue;
        let k = 1;
        while (k < n && source[at + k]!.norm === words[i + k]!.norm) k++;
        if (k === n) {
          copied.fill(1, i, i + n);
          break;
        }
      }
    }
    let sum = 0;
    for (const c of copied) sum += c;
    return sum / words.length;
  }

  /** Where each word occurs in the indexed sentences, built on first use. */
  private wordOccurrences(): Map<string, number[]> {
    if (!this.occurrences) {
      const occurrences = new Map<string, number[]>();
      this.passages.forEach((q, k) =>
        q.tokens.forEach((t, i) => {
          const list = occurrences.get(t.norm);
          if (list) list.push(k, i);
          else occurrences.set(t.norm, [k, i]);
        }),
      );
      this.occurrences = occurrences;
    }
    return this.occurrences;
  }

  /**
   * The runs of words a passage copies verbatim from the source sentences, left to right: at each word, the
   * longest run (of any words, in order) that one source sentence holds from there; words no source uses are
   * skipped. The extractive fragments of Grusky et al. (2018, "Newsroom"), found greedily. Cost: the words'
   * occurrences in the sources times the run lengths.
   */
  fragments(p: Passage): CopiedFragment[] {
    const cached = this.fragmentCache.get(p);
    if (cached) return cached;
    const occurrences = this.wordOccurrences();
    const out: CopiedFragment[] = [];
    const words = p.tokens;
    let i = 0;
    while (i < words.length) {
      let best: CopiedFragment | null = null;
      const found = occurrences.get(words[i]!.norm);
      const reads = Math.min(found?.length ?? 0, 2 * MAX_OCCURRENCES);
      for (let o = 0; o < reads; o += 2) {
        const k = found![o]!;
        const at = found![o + 1]!;
        const source = this.passages[k]!.tokens;
        let n = 1;
        while (i + n < words.length && at + n < source.length && source[at + n]!.norm === words[i + n]!.norm) n++;
        if (!best || n > best.to - best.from) best = { from: i, to: i + n, passage: k, at };
      }
      if (best) {
        out.push(best);
        i = best.to;
      } else i++;
    }
    this.fragmentCache.set(p, out);
    return out;
  }

  /** The sentences just before and after a passage in its article (among those indexed). */
  neighbours(p: Passage): Passage[] {
    if (!this.position) this.position = new Map(this.passages.map((q, i) => [q, i]));
    const i = this.position.get(p);
    if (i === undefined) return [];
    return [this.passages[i - 1], this.passages[i + 1]].filter((q): q is Passage => q !== undefined && q.articleId === p.articleId);
  }

  /** Whether any source sentence names the entity (an id from the entities stage). */
  hasEntity(entityId: string): boolean {
    return this.byEntity.has(entityId);
  }

  /** The source sentences that name the entity, in order. */
  passagesNaming(entityId: string): Passage[] {
    return (this.byEntity.get(entityId) ?? []).map((i) => this.passages[i] as Passage);
  }

  /** Whether any source sentence uses a word of the synonym group. */
  hasConcept(concept: string): boolean {
    return this.concepts.has(concept);
  }

  /** Whether any source sentence uses the stem (or a variant). */
  hasStem(stem: string): boolean {
    return this.variants(stem).length > 0;
  }

  /** Whether any source uses the word, allowing one edit for words of five letters or more ("Olexiy" ~ "Oleksiy"). */
  hasWord(norm: string): boolean {
    if (this.norms.has(norm)) return true;
    if (norm.length < 5) return false;
    for (const len of [norm.length - 1, norm.length, norm.length + 1]) {
      for (const w of this.normsByLength.get(len) ?? []) if (w[0] === norm[0] && distance(w, norm) <= 1) return true;
    }
    return false;
  }

  /**
   * The `limit` sentences that best share the query's stems (IDF-weighted), best first; ties go to the earlier
   * article, then the earlier sentence. Only postings of the query's rarer stems are read.
   */
  retrieve(query: Passage, limit: number, exclude: (p: Passage) => boolean = () => false): Retrieved[] {
    const weighted = [...query.stems]
      .map((s) => ({ s, variants: this.variants(s), idf: this.idf(s) }))
      .filter((x) => x.variants.length > 0)
      .sort((a, b) => b.idf - a.idf || (a.s < b.s ? -1 : a.s > b.s ? 1 : 0));
    const entities = [...new Set(query.mentions.map((m) => m.entityId))].sort().filter((e) => this.byEntity.has(e));
    if (weighted.length === 0 && entities.length === 0) return [];
    // Rare stems: those used by at most a tenth of the sentences (at least the three rarest).
    const maxDf = Math.max(5, Math.ceil(this.passages.length / 10));
    const rare = weighted.filter((x, i) => i < 3 || x.variants.reduce((n, v) => n + (this.postings.get(v)?.length ?? 0), 0) <= maxDf);
    const scores = new Map<number, number>();
    for (const x of rare) {
      for (const v of x.variants) for (const i of this.postings.get(v) ?? []) scores.set(i, 0);
    }
    // Entities the query names: their sentences are candidates too, and sharing one counts like a rare word.
    for (const e of entities) {
      const list = this.byEntity.get(e) ?? [];
      const idf = Math.log((this.passages.length + 1) / (list.length + 0.5));
      if (list.length <= maxDf) for (const i of list) if (!scores.has(i)) scores.set(i, 0);
      for (const i of list) {
        const cur = scores.get(i);
        if (cur !== undefined) scores.set(i, cur + idf / 2);
      }
    }
    for (const x of weighted) {
      for (const v of x.variants) {
        for (const i of this.postings.get(v) ?? []) {
          const cur = scores.get(i);
          if (cur !== undefined) scores.set(i, cur + x.idf / x.variants.length);
        }
      }
    }
    return [...scores]
      .filter(([i]) => {
        const p = this.passages[i];
        return p !== undefined && !exclude(p);
      })
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, limit)
      .map(([i, score]) => ({ passage: this.passages[i] as Passage, score }));
  }
}
