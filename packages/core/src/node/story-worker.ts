/**
 * A story worker: runs the whole pipeline on each story {@link reconcileStoriesInThreads} sends it and
 * posts the report back. Loads the tagging model once, on its first story.
 */
import { parentPort } from "node:worker_threads";
import { reconcile } from "../pipeline/reconcile.js";
import type { StoryResult, StoryTask } from "./protocol.js";

const port = parentPort;
if (!port) throw new Error("@corroborate/core story worker: run it with new Worker(), not on the main thread");

port.on("message", (task: StoryTask) => {
  const stages: [string, number][] = [];
  reconcile(task.articles, { failures: task.failures, onStage: (name, ms) => stages.push([name, ms]) }).then(
    (report) => port.postMessage({ index: task.index, ok: true, report, stages } satisfies StoryResult),
    (error: unknown) => {
      const e = error instanceof Error ? error : new Error(String(error));
      port.postMessage({ index: task.index, ok: false, error: { name: e.name, message: e.message, stack: e.stack } } satisfies StoryResult);
    },
  );
});
