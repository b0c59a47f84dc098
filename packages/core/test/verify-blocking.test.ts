import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ArticleSchema, createVerifyStage, defaultStages, reconcile, verifyState, type Article, type PipelineState, type Stage } from "../src/index.js";
import { BLOCK_KEY_LIMIT } from "../src/verify/block.js";

// What blocking guarantees is written at the top of src/verify/block.ts; each test here checks one clause.

const article = (id: string, text: string, role: "source" | "derived" = "source"): Article =>
  ArticleSchema.parse({ id, role, text, publishedAt: "2024-05-08", language: "en", source: { input: `${id}.txt`, adapter: "test" } });

/** The pipeline state after the given stages (none of them the verifier). */
async function stateAfter(articles: Article[], names: readonly string[]): Promise<PipelineState> {
  let state: PipelineState | undefined;
  const grab: Stage = { name: "grab", run: (s) => void (state = s) };
  await reconcile(articles, { stages: [...defaultStages.filter((s) => names.includes(s.name)), grab] });
  return state!;
}

/** Runs the verifier, recording each index it builds. */
async function verifyRecording(state: PipelineState) {
  const indexes: { sources: readonly string[]; derived: readonly string[] }[] = [];
  const verdicts = await verifyState(state, { onIndex: (i) => indexes.push(i) });
  return { verdicts, indexes };
}

// Sources about other things, all of them using "paint" and "harbour" (common words once there are more of
// them than BLOCK_KEY_LIMIT) and no other word of the derived sentences below.
const fillers = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    article(
      `filler-${String(i).padStart(2, "0")}`,
      ["The harbour bakery ordered sacks of flour and fresh paint for the ovens.", `Customers queued for bread and cakes before noon at stall ${String.fromCharCode(65 + (i % 26))}.`].join("\n\n"),
    ),
  );
// Support that shares words, and nothing else (no name, so no entity), with the derived sentence.
const support = article(
  "coast-notes",
  ["The volunteers repainted the lighthouse with reflective copper paint last week.", "Gulls nested on the rocks below."].join("\n\n"),
);
const derived = article("digest", "Volunteers repainted the lighthouse with reflective copper paint.", "derived");

describe("verifier blocking", () => {
  it("builds no index when there is no derived article", async () => {
    const state = await stateAfter([...fillers(3), support], ["segment"]);
    const { verdicts, indexes } = await verifyRecording(state);
    expect(verdicts).toEqual([]);
    expect(indexes).toEqual([]);
    // The same through the stage, after every other stage.
    let built = 0;
    const stages = [...defaultStages.filter((s) => s.name !== "verify"), createVerifyStage({ onIndex: () => built++ })];
    const r = await reconcile([...fillers(3), support], { stages });
    expect(r.verdicts).toEqual([]);
    expect(built).toBe(0);
  });

  it(`checks a sentence against a source that shares only rare words with it, among more than ${BLOCK_KEY_LIMIT} sources`, async () => {
    // Segmenting only: no entities, no claims, no events, so the shared words alone must bring the source in.
    const state = await stateAfter([...fillers(BLOCK_KEY_LIMIT + 8), support, derived], ["segment"]);
    expect(state.entities).toEqual([]);
    expect(state.events).toEqual([]);
    const { verdicts, indexes } = await verifyRecording(state);
    // "paint" is held by more than BLOCK_KEY_LIMIT sources: common, it brings none of them in.
    expect(indexes).toEqual([{ sources: ["coast-notes"], derived: ["digest"] }]);
    expect(verdicts).toHaveLength(1);
    expect(verdicts[0]?.verdict).toBe("supported");
    expect(verdicts[0]?.evidence[0]?.articleId).toBe("coast-notes");
  });

  it("finds the same source when the whole pipeline ran before it", async () => {
    const state = await stateAfter([...fillers(BLOCK_KEY_LIMIT + 8), support, derived], defaultStages.map((s) => s.name).filter((n) => n !== "verify"));
    const { verdicts, indexes } = await verifyRecording(state);
    expect(indexes).toEqual([{ sources: ["coast-notes"], derived: ["digest"] }]);
    expect(verdicts[0]?.verdict).toBe("supported");
  });

  it(`checks against every source sharing a content word when there are at most ${BLOCK_KEY_LIMIT} sources`, async () => {
    const few = fillers(BLOCK_KEY_LIMIT - 1);
    const state = await stateAfter([...few, support, derived], ["segment"]);
    const { verdicts, indexes } = await verifyRecording(state);
    expect(indexes).toHaveLength(1);
    expect(indexes[0]?.sources).toEqual([...few.map((a) => a.id), "coast-notes"]);
    expect(verdicts[0]?.verdict).toBe("supported");
  });

  it("leaves out a source that shares no content word, entity or event", async () => {
    const unrelated = article("weather", "Heavy snow closed the mountain pass on Sunday.");
    const state = await stateAfter([unrelated, support, derived], ["segment"]);
    const { indexes } = await verifyRecording(state);
    expect(indexes).toEqual([{ sources: ["coast-notes"], derived: ["digest"] }]);
  });

  it("gives a story's summary the same verdicts alone and within a batch of unrelated stories", async () => {
    const story = fileURLToPath(new URL("../../../examples/harbour-strike/", import.meta.url));
    const manifest = JSON.parse(readFileSync(`${story}manifest.json`, "utf8")) as {
      articles: { file: string; id: string; role: "source" | "derived"; publishedAt: string }[];
    };
    const harbour = manifest.articles.map((a) =>
      ArticleSchema.parse({ id: a.id, role: a.role, text: readFileSync(`${story}${a.file}`, "utf8"), publishedAt: a.publishedAt, language: "en", source: { input: a.file, adapter: "test" } }),
    );
    const alone = await reconcile(harbour);
    // More unrelated sources than BLOCK_KEY_LIMIT, so that blocking has something to leave out.
    let pools: (readonly string[])[] = [];
    const stages = [...defaultStages.filter((s) => s.name !== "verify"), createVerifyStage({ onIndex: (i) => pools.push(i.sources) })];
    const batch = await reconcile([...fillers(BLOCK_KEY_LIMIT + 8), ...harbour], { stages });
    expect(pools).toEqual([harbour.filter((a) => a.role === "source").map((a) => a.id)]);
    expect(batch.verdicts).toEqual(alone.verdicts);
    pools = [];
  });
});
