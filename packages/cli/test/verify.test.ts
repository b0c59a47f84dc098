import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "./run-cli.js";

const story = join(import.meta.dirname, "..", "..", "..", "examples", "harbour-strike");


interface Verdict {
  articleId: string;
  text: string;
  verdict: string;
  evidence: { articleId: string }[];
}

describe("corroborate verify", () => {
  it("checks the summary given with --derived against the --sources, never counting it as a source", async () => {
    const sources = ["gazette-2025-03-12.txt", "meridian-2025-06-02.txt", "gazette-2025-06-05.txt", "tidewater-2025-06-10.txt"].map((f) => join(story, f));
    const { code, stdout } = await cli("verify", "--sources", ...sources, "--derived", join(story, "summary-2025-06-10.txt"), "--format", "json");
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { articles: { id: string; role: string }[]; verdicts: Verdict[]; claims: unknown[] };
    expect(report.claims).toEqual([]);
    expect(report.articles.filter((a) => a.role === "derived").map((a) => a.id)).toEqual(["summary-2025-06-10"]);
    expect(report.verdicts.length).toBeGreaterThanOrEqual(8);
    expect(report.verdicts.every((v) => v.articleId === "summary-2025-06-10")).toBe(true);
    expect(report.verdicts.flatMap((v) => v.evidence).every((e) => e.articleId !== "summary-2025-06-10")).toBe(true);
    const commentary = report.verdicts.find((v) => v.text.startsWith("The dispute shows how badly"));
    expect(commentary?.verdict).toBe("unsupported");
  });

  it("takes the roles of a manifest and shows each verdict in Markdown", async () => {
    const { code, stdout } = await cli("verify", "--manifest", join(story, "manifest.json"));
    expect(code).toBe(0);
    expect(stdout).toContain("## Derived text, sentence by sentence");
    expect(stdout).toMatch(/\*\*CONTRADICTED\*\*: “Dockworkers at Calder Harbour walked off the job/);
  });

  it("is a usage error without sources and a derived text", async () => {
    const { code, stderr } = await cli("verify", "--sources", join(story, "gazette-2025-03-12.txt"));
    expect(code).toBe(2);
    expect(stderr).toMatch(/--derived/);
  });
});
