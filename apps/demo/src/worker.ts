// The Web Worker that runs the core, so that the page stays responsive while a story is analysed.
import { analyse } from "./engine.js";
import { exampleInputs, exampleStory } from "./example.js";
import { WorkerRequestSchema, type WorkerResponse } from "./protocol.js";

/** The worker's global scope, typed by what this file uses (the page's DOM types describe `self` otherwise). */
const scope = self as unknown as {
  addEventListener(type: "message", listener: (event: MessageEvent<unknown>) => void): void;
  postMessage(message: WorkerResponse): void;
};

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

scope.addEventListener("message", (event: MessageEvent<unknown>) => {
  const parsed = WorkerRequestSchema.safeParse(event.data);
  if (!parsed.success) {
    const seq = (event.data as { seq?: unknown } | null)?.seq;
    scope.postMessage({ seq: typeof seq === "number" ? seq : -1, ok: false, error: `malformed request: ${parsed.error.issues.map((i) => i.message).join("; ")}` });
    return;
  }
  const request = parsed.data;
  if (request.kind === "example") {
    try {
      scope.postMessage({ seq: request.seq, ok: true, kind: "example", story: exampleStory(), inputs: exampleInputs() });
    } catch (error) {
      scope.postMessage({ seq: request.seq, ok: false, error: describe(error) });
    }
    return;
  }
  const t0 = performance.now();
  analyse(request.inputs).then(
    (a) => scope.postMessage({ seq: request.seq, ok: true, kind: "analyse", ...a, ms: Math.round(performance.now() - t0) }),
    (error: unknown) => scope.postMessage({ seq: request.seq, ok: false, error: describe(error) }),
  );
});
