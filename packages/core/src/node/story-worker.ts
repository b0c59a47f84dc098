/**
 * A story worker: runs the whole pipeline on each story the calling thread sends it, renders the report
 * when asked to, and posts the result back. Loads the tagging model once, as it starts.
 */
import { parentPort } from "node:worker_threads";
import type { StoryResult, StoryTask } from "./protocol.js";
import { getNlp } from "../extract/nlp.js";
import { runStory } from "./story.js";

const port = parentPort;
if (!port) throw new Error("@corroborate/core story worker: run it with new Worker(), not on the main thread");

port.on("message", (task: StoryTask) => {
  runStory(task).then(
    (result) => port.postMessage(result),
    (error: unknown) => {
      const e = error instanceof Error ? error : new Error(String(error));
      port.postMessage({ index: task.index, ok: false, error: { name: e.name, message: e.message, stack: e.stack } } satisfies StoryResult);
    },
  );
});

// The tagging model loads now, while the calling thread is still assigning the stories.
getNlp("pos");
getNlp("sentences");
