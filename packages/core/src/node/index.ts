/**
 * `@corroborate/core/node`: what only runs in Node, kept out of the main entry so that the browser build
 * stays free of Node modules.
 */
export { reconcileStoriesInThreads, defaultThreads, MIN_ARTICLES_PER_THREAD, type ThreadOptions } from "./threads.js";
