import { describe, expect, it } from "vitest";
import { ArticleSchema, OptionsError, reconcileStories, renderJson, segmentStage, type Article } from "../src/index.js";
import { defaultThreads, MIN_ARTICLES_PER_THREAD, reconcileStoriesInThreads } from "../src/node/index.js";

// The worker threads themselves run from the built package: the CLI's tests (`--threads 2`) and the
// benchmark compare their output with one thread's, byte for byte. Here: what needs no worker.
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

describe("reconcileStoriesInThreads", () => {
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
