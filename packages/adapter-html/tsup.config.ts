import { defineConfig } from "tsup";

export default defineConfig({
  entry: { index: "src/index.ts" },
  format: ["esm"],
  dts: true,
  clean: true,
  sourcemap: true,
  // ES2022, not "node20": esbuild lowers every \p{…} regular expression literal to `new RegExp(...)` for node
  // targets, so it is built again on each call of its function. Node 20 runs ES2022 as is.
  target: "es2022",
});
