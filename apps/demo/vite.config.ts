import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * The demo builds to static files (dist/): the page, its script, and a Web Worker that runs the core.
 * Relative asset paths let the files be served from any folder. The example story is bundled from
 * ../../examples, so the dev server may read the repository's root.
 */
export default defineConfig({
  base: "./",
  worker: { format: "es" },
  build: {
    target: "es2022",
    outDir: "dist",
    emptyOutDir: true,
    // The worker carries the core and its English model (a few MB): expected, loaded off the main thread.
    chunkSizeWarningLimit: 6000,
  },
  server: { host: "127.0.0.1", fs: { allow: [fileURLToPath(new URL("../..", import.meta.url))] } },
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
