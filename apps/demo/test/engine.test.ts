import { describe, expect, it } from "vitest";
import { ReportSchema } from "@corroborate/core";
import { analyse } from "../src/engine.js";
import { exampleInputs, exampleStory } from "../src/example.js";

describe("the demo's engine (the code its worker runs), in Node", () => {
  it("bundles the example story as the manifest lists it, with one derived text", () => {
    const inputs = exampleInputs();
    expect(inputs.length).toBeGreaterThanOrEqual(2);
    expect(inputs.filter((i) => i.metadata.role === "derived")).toHaveLength(1);
    for (const input of inputs) expect(typeof input.data === "string" && input.data.length > 100).toBe(true);
    expect(exampleStory()).toMatch(/invented/i);
  });

  it("reconciles the example into a valid report, the same bytes every time", async () => {
    const first = await analyse(exampleInputs());
    const second = await analyse(exampleInputs());
    expect(ReportSchema.safeParse(first.report).success).toBe(true);
    expect(first.report.articles).toHaveLength(exampleInputs().length);
    expect(first.report.entities.length).toBeGreaterThan(0);
    expect(first.report.claims.length).toBeGreaterThan(0);
    expect(first.json).toBe(second.json);
    expect(first.markdown).toBe(second.markdown);
    expect(first.adapters).toContain("text");
  });

  it("lists an unreadable input as a failure and still reports the others", async () => {
    const inputs = exampleInputs().slice(0, 2);
    const report = (await analyse([...inputs, { name: "empty.txt", data: "", mediaType: "text/plain", metadata: {} }])).report;
    expect(report.articles).toHaveLength(2);
    expect(report.failures.map((f) => f.input)).toEqual(["empty.txt"]);
  });
});
