import { defineConfig } from "tsup";

export default defineConfig({
  entry: { index: "src/index.ts", bench: "src/bench.ts" },
  format: ["esm"],
  dts: { entry: { index: "src/index.ts" } },
  clean: true,
  sourcemap: true,
  target: "node20",
});
