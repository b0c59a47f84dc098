import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "./run-cli.js";
import { Ajv2020 } from "ajv/dist/2020.js";

const fixtures = join(import.meta.dirname, "fixtures");
const schema = JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", "core", "schema", "report.schema.json"), "utf8"));


describe("corroborate reconcile", () => {
  it("writes a JSON report that validates against the shipped JSON Schema", async () => {
    const { code, stdout } = await cli("reconcile", join(fixtures, "one.txt"), join(fixtures, "two.txt"), "--format", "json");
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    const validate = new Ajv2020({ strict: false }).compile(schema);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.articles.map((a: { id: string }) => a.id)).toEqual(["one", "two"]);
    expect(report.articles[0].text).toBe(readFileSync(join(fixtures, "one.txt"), "utf8"));
  });

  it("gives byte-identical output for the same input", async () => {
    const a = await cli("reconcile", fixtures, "--format", "json");
    const b = await cli("reconcile", fixtures, "--format", "json");
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout.length).toBeGreaterThan(100);
  });

  it("reports a failed input, goes on with the rest, and exits 1", async () => {
    const dir = mkdtempSync(join(tmpdir(), "corroborate-"));
    writeFileSync(join(dir, "binary.bin"), Buffer.from([0, 1, 2, 3, 0, 0]));
    const { code, stdout, stderr } = await cli("reconcile", join(fixtures, "one.txt"), join(dir, "binary.bin"), join(dir, "missing.txt"), "--format", "json");
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.articles).toHaveLength(1);
    expect(report.failures.map((f: { code: string }) => f.code).sort()).toEqual(["BINARY_INPUT", "UNREADABLE_INPUT"].sort());
    expect(stderr).toContain("binary.bin");
  });

  it("writes Markdown to --out", async () => {
    const dir = mkdtempSync(join(tmpdir(), "corroborate-"));
    const out = join(dir, "report.md");
    const { code, stdout } = await cli("reconcile", join(fixtures, "one.txt"), "--out", out);
    expect(code).toBe(0);
    expect(stdout).toBe("");
    expect(readFileSync(out, "utf8")).toMatch(/^# Corroborate report/);
  });

  it("exits 2 on usage errors and 0 on --help", async () => {
    expect((await cli("reconcile")).code).toBe(2);
    expect((await cli("reconcile", "x.txt", "--format", "pdf")).code).toBe(2);
    expect((await cli("frobnicate")).code).toBe(2);
    const help = await cli("reconcile", "--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("--manifest");
  });
});
