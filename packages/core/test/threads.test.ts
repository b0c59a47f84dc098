import { describe, expect, it } from "vitest";
import { ArticleSchema, OptionsError, reconcileStories, renderJson, renderJsonChunks, renderMarkdown, segmentStage, type Article } from "../src/index.js";
import { defaultThreads, MIN_ARTICLES_PER_THREAD, reconcileStoriesInThreads, renderStoriesInThreads } from "../src/node/index.js";

// The real story worker runs from the built package: the CLI's tests (`--threads 2`) and the benchmark's
// fuzz test compare its output with one thread's, byte for byte. Here: the pool, with stand-in workers
// (test/fixtures/workers), and what needs no worker.
const article = (id: string, text: string): Article =>
  ArticleSchema.parse({ id, role: "source", text, publishedAt: "2024-06-04", language: "en", source: { input: `${id}.txt`, adapter: "test" } });
const batch = [
  article("a", "Ferry crews at Port Calder walked out on Monday, union leader Rosa Ventris said."),
  article("b", "A fire damaged the Lindqvist Museum in Tarnby on Tuesday, fire chief Oskar Brant said."),
  article("c", "The ferry strike in Port Calder entered its second day, Rosa Ventris told reporters."),
];

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

const workers = new URL("./fixtures/workers/", import.meta.url);
// Six articles that share no names: six stories.
const towns = ["Arlo", "Bexby", "Corran", "Dunmere", "Elsworth", "Farrow"];
const many = towns.map((town, k) => article(`t${k}`, `Harbour master ${town} Quill met Mayor ${town} Vance at ${town}port on day ${k}.`));

describe("reconcileStoriesInThreads", () => {
  it("hands the stories out to the workers and yields them in story order, stage times forwarded", async () => {
    const stages: string[] = [];
    const failures = [{ input: "bad.bin", code: "BINARY_INPUT", message: "binary", adapter: null }] as never[];
    const out = await collect(
      reconcileStoriesInThreads(many, { threads: 2, failures, workerUrl: new URL("echo.mjs", workers), onStage: (name) => stages.push(name) }),
    );
    expect(out.map((s) => s.story.articleIds)).toEqual(many.map((a) => [a.id]));
    // Each story's "report" came from the worker that was sent that story's articles.
    expect(out.map((s) => (s.report as unknown as { articles: string[] }).articles)).toEqual(many.map((a) => [a.id]));
    // The failures go with the first story only.
    expect(out.map((s) => s.report.failures.length)).toEqual([1, 0, 0, 0, 0, 0]);
    expect(stages).toEqual(many.flatMap(() => ["segment", "claims"]));
  });

  it("lets go of the articles when asked to, and still sends each worker its story's articles", async () => {
    const owned = [...many];
    const out = await collect(reconcileStoriesInThreads(owned, { threads: 2, releaseArticles: true, workerUrl: new URL("echo.mjs", workers) }));
    expect(owned).toEqual([]);
    expect(out.map((s) => (s.report as unknown as { articles: string[] }).articles)).toEqual(many.map((a) => [a.id]));
  });

  it("renderStoriesInThreads passes on each worker's text, in story order, with the first story's failures", async () => {
    const failures = [{ input: "bad.bin", code: "BINARY_INPUT", message: "binary", adapter: null }] as never[];
    const out = await collect(renderStoriesInThreads(many, { threads: 3, failures, format: "markdown", workerUrl: new URL("echo.mjs", workers) }));
    expect(out.map((s) => [...s.chunks].join(""))).toEqual(many.map((a) => `markdown:${a.id}`));
    expect(out.map((s) => s.failures.length)).toEqual([1, 0, 0, 0, 0, 0]);
  });

  it("renderStoriesInThreads on one thread renders each story as the renderers do", async () => {
    const stages: string[] = [];
    const plain = await collect(reconcileStories(batch));
    for (const format of ["json", "json-compact", "markdown"] as const) {
      const out = await collect(renderStoriesInThreads(batch, { threads: 1, format, onStage: (name) => stages.push(name) }));
      expect(out.map((s) => s.story)).toEqual(plain.map((s) => s.story));
      const expected = plain.map(({ report }) =>
        format === "markdown" ? renderMarkdown(report) : format === "json" ? renderJson(report) : [...renderJsonChunks(report, { compact: true })].join(""),
      );
      expect(out.map((s) => [...s.chunks].join(""))).toEqual(expected);
    }
    expect(stages.filter((s) => s === "report")).toHaveLength(3 * plain.length);
  });

  it("refuses an unknown format, and a worker's output of the wrong kind", async () => {
    const format = "xml" as unknown as "json";
    await expect(collect(renderStoriesInThreads(batch, { threads: 1, format }))).rejects.toThrow(/expected one of json, json-compact, markdown, got xml/);
    // The stand-in fails.mjs always sends reports: asked for text, that is an error, not a silent drop.
    await expect(collect(renderStoriesInThreads(many, { threads: 2, format: "json", workerUrl: new URL("fails.mjs", workers) }))).rejects.toThrow(
      /story t0: the worker sent a report where rendered text was asked for/,
    );
  });

  it("stops with an error naming the story when a worker reports one, after yielding the stories before it", async () => {
    const seen: string[] = [];
    const run = async () => {
      for await (const { story } of reconcileStoriesInThreads(many, { threads: 2, workerUrl: new URL("fails.mjs", workers) })) seen.push(story.id);
    };
    await expect(run()).rejects.toThrow(`story t1: the story was too much`);
    await expect(run()).rejects.toMatchObject({ name: "RangeError" });
    expect(seen[0]).toBe("t0");
    expect(seen).not.toContain("t1");
  });

  it("stops with an error when a worker dies", async () => {
    await expect(collect(reconcileStoriesInThreads(many, { threads: 2, workerUrl: new URL("crashes.mjs", workers) }))).rejects.toThrow(
      /story worker failed: worker blew up/,
    );
  });

  it("with one thread gives what reconcileStories gives, story by story", async () => {
    const threaded = await collect(reconcileStoriesInThreads(batch, { threads: 1 }));
    const plain = await collect(reconcileStories(batch));
    expect(threaded.map((s) => s.story)).toEqual([
      { id: "a", articleIds: ["a", "c"] },
      { id: "b", articleIds: ["b"] },
    ]);
    expect(threaded.map((s) => renderJson(s.report))).toEqual(plain.map((s) => renderJson(s.report)));
  });

  it("rejects custom stages (functions cannot cross threads) and a number of threads below 1", async () => {
    const stages = { stages: [segmentStage] } as unknown as Parameters<typeof reconcileStoriesInThreads>[1];
    await expect(collect(reconcileStoriesInThreads(batch, stages))).rejects.toThrow(OptionsError);
    await expect(collect(reconcileStoriesInThreads(batch, stages))).rejects.toThrow(/custom stages/);
    for (const threads of [0, -1, 1.5, Number.NaN]) {
      await expect(collect(reconcileStoriesInThreads(batch, { threads }))).rejects.toThrow(/whole number of threads/);
    }
  });

  it("defaults to one thread per MIN_ARTICLES_PER_THREAD articles, at least one and at most 4", () => {
    expect(defaultThreads(0)).toBe(1);
    expect(defaultThreads(MIN_ARTICLES_PER_THREAD - 1)).toBe(1);
    expect(defaultThreads(MIN_ARTICLES_PER_THREAD * 2)).toBeLessThanOrEqual(2);
    expect(defaultThreads(MIN_ARTICLES_PER_THREAD * 100)).toBeLessThanOrEqual(4);
    expect(defaultThreads(MIN_ARTICLES_PER_THREAD * 100)).toBeGreaterThanOrEqual(1);
  });
});
