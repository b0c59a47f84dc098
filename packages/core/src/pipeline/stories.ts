/**
 * Story assignment, and the pipeline run story by story.
 *
 * A batch of thousands of articles holds hundreds of stories that have nothing to say to each other. The
 * {@link StoryAssigner} puts each article, as it arrives, into a story: the articles that name the same
 * rare names. {@link reconcileStories} then runs the whole pipeline once
 * per story and yields one report per story, so the work grows with the number of stories (not with the
 * square of the batch) and only one story's analyses are in memory at a time.
 *
 * Joining too much is safe (the pipeline keeps distinct events of one story apart), splitting is not (two
 * reports of one event in different stories are never compared), so the rules lean towards joining.
 */
import { CONTENT_KINDS, type Article } from "../model/article.js";
import type { Report } from "../model/report.js";
import { monthNumber } from "../extract/numbers.js";
import { COUNTRIES, DEMONYMS } from "../resolve/gazetteer.js";
import { isMediaName } from "../resolve/lexicon.js";
import { UnionFind } from "../util/union-find.js";
import { codePointAt, isUpper } from "../util/chars.js";
import { reconcile, type ReconcileOptions } from "./reconcile.js";

/** Options of {@link StoryAssigner}. */
export interface StoryOptions {
  /**
   * Articles published more than this many days apart never join through names (default: no limit, as a
   * person's trips months apart are one story whose events the pipeline keeps apart, and a summary may mix
   * them).
   */
  windowDays?: number;
  /** A name in more stories than this is too common to join stories (default 50). */
  maxNameStories?: number;
}

/** A story: the articles it holds, in the order they arrived. */
export interface Story {
  /** The id of the story's first article: stable for the same input. */
  id: string;
  articleIds: string[];
}

const DAY = 86_400_000;
/** Names an article must share with a story to join it ("New York" alone makes no story). */
const MIN_SHARED_NAMES = 2;
const WEEKDAYS = new Set(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]);
/** Capitalised words that start sentences or label things rather than name them. */
const COMMON = new Set(
  "the a an in on at of for and but or as by to from with after before when while this that these those it its he she they we i his her their our there here".split(" "),
);

/**
 * The names an article uses, as keys: runs of capitalised words (two or more words, or one word that does
 * not start a sentence), lower-cased; not dates, not outlets. A scan by regular expression over the raw
 * text, written by hand because it runs before any analysis and must cost far less than it.
 */
export function storyKeys(text: string): { names: string[]; words: string[] } {
  const names = new Set<string>();
  const words = new Set<string>();
  for (const m of capitalisedRuns(text)) {
    const parts = m[0].split(/[ \t]+/).filter((w) => {
      const lower = w.toLowerCase();
      return !COMMON.has(lower) && !WEEKDAYS.has(lower) && monthNumber(lower) === 0 && w.length > 1;
    });
    if (parts.length === 0) continue;
    const name = parts.join(" ");
    const key = name.toLowerCase().replace(/['’]s$/u, "");
    // Countries, nationalities and short acronyms (US, CEO, PM) are in too many stories to tell one.
    if (isMediaName(name) || COUNTRIES.has(key) || DEMONYMS.has(key) || /^\p{Lu}{1,4}$/u.test(parts.join(""))) continue;
    if (parts.length >= 2) names.add(key);
    else {
      // A single capitalised word at the start of a sentence or a line says nothing.
      const before = text.slice(Math.max(0, m.index - 3), m.index);
      if (m.index > 0 && !/(?:^|[.!?:"“”]\s*|\n\s*)$/u.test(before)) words.add(key);
    }
  }
  return { names: [...names].sort(), words: [...words].sort() };
}

const CAPITALISED_RUN = /\p{Lu}[\p{L}'’-]*(?:[ \t]+\p{Lu}[\p{L}'’-]*)*/uy;

/**
 * Runs of capitalised words ("Calder Dockworkers Union"): the matches of `/\p{Lu}[\p{L}'’-]*(?:[ \t]+\p{Lu}[\p{L}'’-]*)*\/gu`.
 * Each run's start is found by a scan and the run read by the pattern, sticky, there: searched globally,
 * the pattern tests every position for an upper-case letter, several times slower on a whole text.
 */
export function* capitalisedRuns(text: string): Generator<RegExpExecArray, void, undefined> {
  for (let at = nextUpper(text, 0); at < text.length; ) {
    CAPITALISED_RUN.lastIndex = at;
    const m = CAPITALISED_RUN.exec(text)!;
    at = nextUpper(text, at + m[0].length);
    yield m;
  }
}

/** Offset of the first upper-case letter at or after `from`, or the text's length. */
function nextUpper(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const cp = codePointAt(text, i);
    if (isUpper(cp)) return i;
    if (cp > 0xffff) i++;
  }
  return text.length;
}

/**
 * Assigns articles to stories as they arrive. An article joins the stories it shares two rare names with (optionally only among articles published within
 * {@link StoryOptions.windowDays} of it); joining two stories merges them. Deterministic for the same order
 * of articles. Linear in the articles: names are looked up in an index, never compared pairwise.
 */
export class StoryAssigner {
  private readonly windowDays: number;
  private readonly maxNameStories: number;
  private readonly groups = new UnionFind();
  private readonly articleIds: string[] = [];
  private readonly days: (number | null)[] = [];
  /** Articles (indexes) by name key; `null` once the name is in too many stories to join any. */
  private readonly byKey = new Map<string, number[] | null>();

  constructor(options: StoryOptions = {}) {
    this.windowDays = options.windowDays ?? Infinity;
    this.maxNameStories = options.maxNameStories ?? 50;
  }

  /** Adds an article and returns the id of its story (which a later article may merge into another). */
  add(article: Article): string {
    const i = this.groups.add();
    this.articleIds.push(article.id);
    const day = article.publishedAt ? Math.floor(Date.parse(article.publishedAt) / DAY) : null;
    this.days.push(Number.isNaN(day) ? null : day);
    const { names, words } = storyKeys(bodyText(article));
    // Shared keys per earlier story (by root).
    const shared = new Map<number, number>();
    const consider = (key: string, weight: number) => {
      const list = this.byKey.get(key);
      if (!list) return;
      const roots = new Set<number>();
      for (const j of list) if (this.near(i, j)) roots.add(this.groups.find(j));
      for (const r of roots) shared.set(r, (shared.get(r) ?? 0) + weight);
    };
    for (const key of names) consider(key, 1);
    for (const key of words) consider(key, 1);
    for (const [root, score] of shared) if (score >= MIN_SHARED_NAMES) this.groups.union(root, i);
    for (const key of [...names, ...words]) {
      const list = this.byKey.get(key);
      if (list === null) continue;
      if (!list) {
        this.byKey.set(key, [i]);
        continue;
      }
      list.push(i);
      if (list.length > 2 * this.maxNameStories) this.compact(key, list);
    }
    return this.articleIds[this.groups.find(i)]!;
  }

  /** The stories so far, in the order of their first article. */
  stories(): Story[] {
    const out = new Map<number, Story>();
    this.articleIds.forEach((id, i) => {
      const root = this.groups.find(i);
      const story = out.get(root);
      if (story) story.articleIds.push(id);
      else out.set(root, { id: this.articleIds[root]!, articleIds: [id] });
    });
    return [...out.values()];
  }

  /**
   * Keeps one article per story in a name's list (the latest), so lists stay short; a name whose articles
   * sit in more stories than {@link StoryOptions.maxNameStories} ("Monday", a country) joins nothing and is
   * dropped for good.
   */
  private compact(key: string, list: number[]): void {
    const latest = new Map<number, number>();
    for (const j of list) latest.set(this.groups.find(j), j);
    if (latest.size > this.maxNameStories) this.byKey.set(key, null);
    else this.byKey.set(key, [...latest.values()].sort((a, b) => a - b));
  }

  private near(i: number, j: number): boolean {
    const a = this.days[i] ?? null;
    const b = this.days[j] ?? null;
    return a === null || b === null || Math.abs(a - b) <= this.windowDays;
  }
}

/** The text of an article's body and quotes when an adapter classified its segments, else all of it. */
function bodyText(article: Article): string {
  const segments = article.segments ?? [];
  if (!segments.some((s) => s.reason !== null || s.kind !== "body")) return article.text;
  return segments
    .filter((s) => CONTENT_KINDS.has(s.kind))
    .map((s) => article.text.slice(s.start, s.end))
    .join("\n");
}

/** The stories of a batch; the assigner and its name index are let go once they are known. */
export function assignStories(articles: readonly Article[], options: StoryOptions): Story[] {
  const assigner = new StoryAssigner(options);
  for (const article of articles) assigner.add(article);
  return assigner.stories();
}

/** Options of {@link reconcileStories} beyond the pipeline's and the story assigner's. */
export interface StoryRunOptions {
  /**
   * Let go of the articles as the stories take them (default false): the `articles` array passed in is
   * emptied once the stories are assigned, and each story's articles are dropped once its pipeline has
   * run. For a caller that keeps no other reference to them and only writes the reports out, as the CLI
   * does: the memory the batch's articles take is given back story by story instead of held to the end.
   */
  releaseArticles?: boolean;
}

/** One story's report, from {@link reconcileStories}. */
export interface StoryReport {
  story: Story;
  report: Report;
}

/**
 * Assigns the articles to stories ({@link StoryAssigner}) and runs the pipeline on each story in turn,
 * yielding its report before the next story is read. Failures passed in the options go with the first
 * story's report (or a report of no articles when there is none), so none is lost.
 */
export async function* reconcileStories(
  articles: readonly Article[],
  options: ReconcileOptions & StoryOptions & StoryRunOptions = {},
): AsyncGenerator<StoryReport> {
  const stories = assignStories(articles, options);
  const byId = articlesById(articles, options);
  let failures = options.failures ?? [];
  if (stories.length === 0) {
    yield { story: { id: "", articleIds: [] }, report: await reconcile([], { ...options, failures }) };
    return;
  }
  for (const story of stories) {
    const report = await reconcile(takeArticles(byId, story, options), { ...options, failures });
    failures = [];
    yield { story, report };
  }
}

/** The articles by id; with `releaseArticles`, the caller's array is emptied (see {@link StoryRunOptions}). */
export function articlesById(articles: readonly Article[], options: StoryRunOptions): Map<string, Article> {
  const byId = new Map(articles.map((a) => [a.id, a]));
  if (options.releaseArticles) (articles as Article[]).length = 0;
  return byId;
}

/** A story's articles, in its order; with `releaseArticles`, no longer kept in `byId`. */
export function takeArticles(byId: Map<string, Article>, story: Story, options: StoryRunOptions): Article[] {
  const members = story.articleIds.map((id) => byId.get(id)!);
  if (options.releaseArticles) for (const id of story.articleIds) byId.delete(id);
  return members;
}
