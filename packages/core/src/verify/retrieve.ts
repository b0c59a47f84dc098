import { distance } from "fastest-levenshtein";
import type { Passage } from "./passage.js";

/** Stems at least this long match a longer stem they begin ("relat" ~ "relationship", "appoint" ~ "appointment"). */
const PREFIX = 5;

/** A source sentence found for a derived sentence, with its retrieval score (summed IDF of shared stems). */
export interface Retrieved {
  passage: Passage;
  score: number;
}

/**
 * The evidence sentences (source articles' body sentences) indexed by content stem, with IDF weights.
 * Retrieval scores only the sentences that share one of the query's rarer stems, so the cost follows the
 * postings of those stems, not the number of sentence pairs.
 */
export class SourceIndex {
  /** The indexed sentences, in article and text order. */
  readonly passages: readonly Passage[];
  private readonly postings = new Map<string, number[]>();
  private readonly byPrefix = new Map<string, string[]>();
  private readonly norms = new Set<string>();
  private readonly normsByLength = new Map<number, string[]>();

  constructor(passages: readonly Passage[]) {
    this.passages = passages;
    passages.forEach((p, i) => {
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
    const df = this.variants(stem).reduce((n, s) => n + (this.postings.get(s)?.length ?? 0), 0);
    return Math.log((this.passages.length + 1) / (Math.min(df, this.passages.length) + 0.5));
  }

  /** The indexed stems that match `stem`: itself, and longer or shorter stems sharing a 5-letter prefix and one being the other's start. */
  variants(stem: string): string[] {
    if (stem.length < PREFIX || /^\p{N}/u.test(stem)) return this.postings.has(stem) ? [stem] : [];
    const out: string[] = [];
    for (const s of this.byPrefix.get(stem.slice(0, PREFIX)) ?? []) {
      if (s === stem || s.startsWith(stem) || stem.startsWith(s)) out.push(s);
    }
    return out;
  }

  /** Whether any source sentence uses the stem (or a variant). */
  hasStem(stem: string): boolean {
    return this.variants(stem).length > 0;
  }

  /** Whether any source uses the word, allowing one edit for words of five letters or more ("Sergey" ~ "Sergei"). */
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
    if (weighted.length === 0) return [];
    // Rare stems: those used by at most a tenth of the sentences (at least the three rarest).
    const maxDf = Math.max(5, Math.ceil(this.passages.length / 10));
    const rare = weighted.filter((x, i) => i < 3 || x.variants.reduce((n, v) => n + (this.postings.get(v)?.length ?? 0), 0) <= maxDf);
    const scores = new Map<number, number>();
    for (const x of rare) {
      for (const v of x.variants) for (const i of this.postings.get(v) ?? []) scores.set(i, 0);
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
