/**
 * `@corroborate/core/node`: what only runs in Node, kept out of the main entry so that the browser build
 * stays free of Node modules.
 */
export { reconcileStoriesInThreads, renderStoriesInThreads, defaultThreads, MIN_ARTICLES_PER_THREAD, type RenderedStory, type ThreadOptions } from "./threads.js";
export type { StoryFormat } from "./protocol.js";
