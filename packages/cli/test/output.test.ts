import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ingest, reconcile, renderJson, renderMarkdown, renderVerdicts, type Report } from "@corroborate/core";
import { defaultRegistry, gatherInputs, writeChunks } from "../src/index.js";
import { verdictsOnly } from "../src/commands/verify.js";
import { cli } from "./run-cli.js";

const story = join(import.meta.dirname, "..", "..", "..", "examples", "harbour-strike");
const manifest = join(story, "manifest.json");

/** The report `corroborate reconcile --manifest` builds, built here in the test's process. */
async function reportOf(manifestPath: string): Promise<Report> {
  const gathered = await gatherInputs([], manifestPath);
  const { articles, failures } = await ingest(gathered.items, defaultRegistry());
  return reconcile(articles, { failures: [...gathered.failures, ...failures] });
}

// Each test runs the CLI a few times on the example story.
describe("report output (written as it is rendered)", { timeout: 30_000 }, async () => {
  const report = await reportOf(manifest);
  const json = renderJson(report);

  it("writes the JSON of renderJson to standard output and to --out, byte for byte", async () => {
    // Large enough to be written in three 64 KiB batches.
    expect(json.length).toBeGreaterThan(2 * 64 * 1024);
    const stdout = await cli("reconcile", "--manifest", manifest, "--format", "json");
    expect(stdout.code).toBe(0);
    expect(stdout.stdout).toBe(json);
    const out = join(mkdtempSync(join(tmpdir(), "corroborate-")), "report.json");
    const file = await cli("reconcile", "--manifest", manifest, "--format", "json", "--out", out);
    expect(file.code).toBe(0);
    expect(file.stdout).toBe("");
    expect(readFileSync(out, "utf8")).toBe(json);
  });

  it("writes the Markdown of renderMarkdown, to standard output and to --out", async () => {
    const md = renderMarkdown(report);
    expect((await cli("reconcile", "--manifest", manifest)).stdout).toBe(md);
    const out = join(mkdtempSync(join(tmpdir(), "corroborate-")), "report.md");
    expect((await cli("reconcile", "--manifest", manifest, "--out", out)).code).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(md);
  });

  it("writes verify's JSON and Markdown as before", async () => {
    const verified = verdictsOnly(report);
    const out = join(mkdtempSync(join(tmpdir(), "corroborate-")), "verify.json");
    const run = await cli("verify", "--manifest", manifest, "--format", "json", "--out", out);
    expect(run.code).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(renderJson(verified));
    expect((await cli("verify", "--manifest", manifest, "--format", "json")).stdout).toBe(renderJson(verified));
    expect((await cli("verify", "--manifest", manifest)).stdout).toBe(`# Corroborate verification\n\n${renderVerdicts(verified)}`);
  });

  it("exits 1 naming the file when --out cannot be opened", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "corroborate-")), "no-such-folder", "report.json");
    const { code, stdout, stderr } = await cli("reconcile", "--manifest", manifest, "--format", "json", "--out", out);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain("ENOENT");
    expect(stderr).toContain(out);
  });

  it("stops quietly when the reader of standard output goes away (| head)", async () => {
    // The JSON is larger than a pipe's buffer, so the command is still writing when the pipe is closed.
    const bin = join(import.meta.dirname, "..", "dist", "bin.js");
    for (const args of [["--format", "json"], ["--stories", "--format", "json"]]) {
      const child = spawn(process.execPath, [bin, "reconcile", ...args, "--manifest", manifest], { stdio: ["ignore", "pipe", "pipe"] });
      let stderr = "";
      child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
      child.stdout.once("data", () => child.stdout.destroy());
      const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
      expect(stderr).toBe("");
      expect(code).toBe(0);
    }
  });
});

describe("writeChunks", () => {
  it("writes the pieces of an async source as they come, in order", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "corroborate-")), "pieces.txt");
    const pulled: number[] = [];
    async function* pieces() {
      for (let i = 0; i < 200; i++) {
        pulled.push(i);
        yield `${i}:${"x".repeat(10_000)}\n`;
      }
    }
    await writeChunks(pieces(), out);
    expect(pulled).toHaveLength(200);
    const lines = readFileSync(out, "utf8").split("\n");
    expect(lines).toHaveLength(201);
    expect(lines.map((l) => l.split(":")[0])).toEqual([...Array.from({ length: 200 }, (_, i) => String(i)), ""]);
  });
});
