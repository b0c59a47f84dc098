import type { Article, SegmentKind } from "../model/article.js";
import type { Claim, Quantity, TimeValue } from "../model/claim.js";
import type { Entity, Mention } from "../model/entity.js";
import type { Event } from "../model/event.js";
import type { Agreement, Conflict, NonConflict } from "../model/reconcile.js";
import type { InputFailure, ReportMessage } from "../model/report.js";
import type { Verdict } from "../model/verdict.js";
import type { ClaimDraft } from "../extract/claims.js";
import type { TokenTable } from "../extract/nlp.js";

/** A sentence of an article: offsets into its text, and the kind of the segment that holds it. */
export interface Sentence {
  start: number;
  end: number;
  /** Index into the article's `segments`. */
  segmentIndex: number;
  kind: SegmentKind;
}

/** Everything the stages learn about one article, beyond the Article itself. */
export interface ArticleAnalysis {
  article: Article;
  /** Sentences in text order. */
  sentences: Sentence[];
  /** Anchored time expressions, in text order. */
  times: TimeValue[];
  /** Normalised quantities, in text order. */
  quantities: Quantity[];
  /** Tokens of the body text with parts of speech and lemmas, kept compactly (filled by the segment stage). */
  tokens: TokenTable;
  /** The article's claims with their comparison data (filled by the claims stage). */
  claims: ClaimDraft[];
}

/** The state the pipeline's stages read and fill, in order. */
export interface PipelineState {
  articles: Article[];
  analyses: Map<string, ArticleAnalysis>;
  entities: Entity[];
  /** Entity mentions per article id, sorted by offset (filled by the entities stage). */
  mentionsByArticle: Map<string, Mention[]>;
  claims: Claim[];
  events: Event[];
  agreements: Agreement[];
  conflicts: Conflict[];
  nonConflicts: NonConflict[];
  verdicts: Verdict[];
  failures: InputFailure[];
  messages: ReportMessage[];
}

/** A named step of the pipeline. */
export interface Stage {
  readonly name: string;
  run(state: PipelineState): void | Promise<void>;
}
