import type { PipelineState, Stage } from "../pipeline/state.js";
import { verifyState, type VerifyOptions } from "./verify.js";

/**
 * Builds the verify stage with another decision step or retrieval depth (for example a decider that asks an
 * NLI model, falling back to {@link lexicalDecider}).
 */
export function createVerifyStage(options: VerifyOptions = {}): Stage {
  return {
    name: "verify",
    async run(state: PipelineState) {
      state.verdicts = await verifyState(state, options);
    },
  };
}

/** Stage 8: each sentence of a derived article checked against the sources (default, offline decider). */
export const verifyStage: Stage = createVerifyStage();
