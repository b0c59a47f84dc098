// Writes the Report's JSON Schema (from the zod schema in dist) to schema/report.schema.json,
// so that tools outside TypeScript can validate reports.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { reportJsonSchema } from "../dist/index.js";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "schema", "report.schema.json");
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(reportJsonSchema(), null, 2) + "\n");
console.log(`wrote ${out}`);
