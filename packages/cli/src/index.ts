/** Programmatic entry of the CLI (for tests and embedding). */
export { buildProgram, runCli, EXIT } from "./program.js";
export { defaultAdapters, defaultRegistry } from "./adapters.js";
export { gatherInputs, type GatheredInputs } from "./inputs.js";
export { compactJsonChunks, storyJsonLine, storyJsonLineChunks, storyMarkdownChunks, storyMarkdownSection } from "./stories.js";
export { writeChunks, type OutputFormat } from "./output.js";
