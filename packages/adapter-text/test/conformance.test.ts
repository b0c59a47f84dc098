import { readFileSync } from "node:fs";
import { join } from "node:path";
import { testAdapter } from "@corroborate/core/testing";
import { textAdapter } from "../src/index.js";

const dir = join(import.meta.dirname, "fixtures");
const file = (name: string) => ({ name, data: new Uint8Array(readFileSync(join(dir, name))) });

testAdapter({
  adapter: () => textAdapter(),
  fixtures: [file("plain.txt"), file("front-matter.txt"), { name: "pasted", data: "A sentence pasted as a string.", mediaType: "text/plain" }],
  invalid: [{ name: "zeros.txt", data: new Uint8Array(64) }],
  foreign: [{ name: "page.html", data: new TextEncoder().encode("<!doctype html><html><body><p>x</p></body></html>"), mediaType: "text/html" }],
});
