// End to end, in a real browser: Debian's chromium, driven by playwright-core (no browser download),
// against the built app served on localhost. What the page shows is checked against the report the same
// pipeline makes in Node from the same inputs, so nothing here is a hard-coded answer.
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser, type Page } from "playwright-core";
import axe from "axe-core";
import { build } from "vite";
import { analyse, type Analysis } from "../src/engine.js";
import { exampleInputs } from "../src/example.js";
import { startServer } from "../scripts/serve.mjs";

const CHROMIUM = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";
const OUT = fileURLToPath(new URL("../test-output/", import.meta.url));
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const HOSTILE = [
  "Isle Courier: ferry notice <script>window.__pwned = 1</script>",
  "",
  'Ferries from Ostra Quay resumed on Friday <img src=x onerror="window.__pwned = 2"> after the harbour strike ended, the ferry company said.',
].join("\n");
// An invented page of an invented outlet, saved in windows-1252 (declared by http-equiv, as old CMSs do).
const LEGACY_PAGE = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
<title>Quay café counts the cost of the strike – Isle Courier</title></head><body>
<div class="nav"><a href="/">Home</a> | <a href="/harbour">Harbour</a> | <a href="/subscribe">Subscribe</a></div>
<div id="story"><h1>Quay café counts the cost of the strike</h1>
<p class="date">Published 4 June 2025</p>
<p>The Harbour Lantern café on Ostra Quay lost most of its trade during the three days of the ferry strike, its owner said on Wednesday.</p>
<p>“We lost €900 on the first day – every table empty,” said the café’s owner, Ines Marlow. “The day-trippers simply didn’t come.”</p>
<p>Other businesses along the quay reported the same, and the harbour board said it would discuss a relief fund at its next meeting.</p>
</div>
<div class="footer">Subscribe to the Isle Courier newsletter. Copyright Isle Courier.</div>
</body></html>`;
const CP1252_EXTRA: Record<string, number> = { "€": 0x80, "‘": 0x91, "’": 0x92, "“": 0x93, "”": 0x94, "–": 0x96 };

/** Encodes text as windows-1252 bytes (ASCII, Latin-1 and the punctuation above). */
function windows1252(text: string): Uint8Array {
  return Uint8Array.from([...text], (c) => {
    const code = CP1252_EXTRA[c] ?? c.charCodeAt(0);
    if (code > 0xff) throw new Error(`no windows-1252 byte for ${c}`);
    return code;
  });
}

let server: { url: string; close: () => Promise<void> };
let browser: Browser;
let page: Page;
let expected: Analysis;
const requests: string[] = [];
const problems: string[] = [];

/** Waits for the worker's answer to the latest request and returns the time it reports. */
async function waitForReport(p: Page, articles: number): Promise<number> {
  await p.waitForFunction(
    (n) => {
      const s = document.getElementById("status");
      return s?.dataset["state"] === "done" && document.querySelectorAll("#source-list article.source").length === n;
    },
    articles,
    { timeout: 60_000 },
  );
  return Number(await p.locator("#status").getAttribute("data-ms"));
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Debian's chromium was not found at ${CHROMIUM}. The browser tests need it: install it with ` +
        "`apt-get install chromium` (.ci/run does this), or set CHROMIUM_PATH to a Chromium binary.",
    );
  }
  await mkdir(OUT, { recursive: true });
  // Build the app here, from the packages as they are now, so the page and the Node side run the same code.
  const app = `${OUT}app`;
  await build({ root: fileURLToPath(new URL("..", import.meta.url)), logLevel: "warn", build: { outDir: app, emptyOutDir: true } });
  expected = await analyse(exampleInputs());
  server = await startServer({ root: app, port: 0 });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, acceptDownloads: true });
  page = await context.newPage();
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(`console ${m.type()}: ${m.text()}`);
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the demo in Chromium", () => {
  let reconcileMs = 0;
  let warmMs = 0;

  it("starts empty with ?empty, loads the example story with one click, and reconciles it in the worker", async () => {
    await page.goto(`${server.url}?empty`);
    expect(await page.locator("#input-list li").count()).toBe(0);
    expect(await page.locator("#add").getAttribute("open")).not.toBeNull();
    await page.getByRole("button", { name: "Load the example story" }).click();
    reconcileMs = await waitForReport(page, expected.report.articles.length);
    expect(reconcileMs).toBeGreaterThan(0);
    expect(await page.locator("#input-list li").count()).toBe(exampleInputs().length);
    // Once more, warm: the figure a user sees when editing the story.
    await page.getByRole("button", { name: "Reconcile", exact: true }).click();
    warmMs = await waitForReport(page, expected.report.articles.length);
  });

  it("shows the entities, events and claims the pipeline finds", async () => {
    const shown = await page.locator("#entities th.entity-name").allTextContents();
    expect(shown.sort()).toEqual(expected.report.entities.map((e) => e.name).sort());
    expect(await page.locator("#events .timeline li").count()).toBe(expected.report.events.length);
    const claims = await page.locator("#source-list [data-claim][tabindex='0']").evaluateAll((n) => n.map((e) => e.getAttribute("data-claim")));
    expect(claims.sort()).toEqual(expected.report.claims.map((c) => c.id).sort());
    const status = await page.locator("#status").textContent();
    expect(status).toContain(`${expected.report.entities.length} entities`);
    expect(status).toContain(`${expected.report.conflicts.length} conflicts`);
    expect(status).toContain(`${expected.report.verdicts.length} verdicts`);
  });

  it("shows each conflict with its values and every quote, and the explained differences with their reasons", async () => {
    const { conflicts, nonConflicts, claims } = expected.report;
    const claimText = new Map(claims.map((c) => [c.id, c.text]));
    expect(await page.locator("#conflicts li.conflict").count()).toBe(conflicts.length);
    for (const [i, c] of conflicts.entries()) {
      const item = page.locator("#conflicts li.conflict").nth(i);
      expect(await item.locator(".value-text").allTextContents()).toEqual(c.values.map((v) => String(v.value)));
      expect(await item.locator("button.quote").allTextContents()).toEqual(c.values.flatMap((v) => v.claimIds.map((id) => `“${claimText.get(id)}”`)));
    }
    // The example story is written with sources that disagree: at least one conflict shows, with two sources quoted.
    expect(conflicts.length).toBeGreaterThan(0);
    const first = page.locator("#conflicts li.conflict").first();
    expect(await first.locator(".value").count()).toBeGreaterThanOrEqual(2);
    expect(await first.locator("button.quote").count()).toBeGreaterThanOrEqual(2);
    const reasons = await page.locator("#non-conflicts li.non-conflict").evaluateAll((n) => n.map((e) => e.getAttribute("data-reason")));
    expect(reasons).toEqual(nonConflicts.map((n) => n.reason));
  });

  it("shows the derived text's verdicts sentence by sentence", async () => {
    const { verdicts, articles } = expected.report;
    const labels = await page.locator("#verdicts li.verdict").evaluateAll((n) => n.map((e) => e.getAttribute("data-verdict")));
    const derivedIds = articles.filter((a) => a.role === "derived").map((a) => a.id);
    const derived = new Set(derivedIds);
    // The page shows each derived article in report order, its sentences in text order.
    const order = [...verdicts]
      .filter((v) => derived.has(v.articleId))
      .sort((a, b) => derivedIds.indexOf(a.articleId) - derivedIds.indexOf(b.articleId) || a.start - b.start);
    expect(labels).toEqual(order.map((v) => v.verdict));
    expect(await page.locator("#verdicts h3").count()).toBe(derived.size);
    // The example's summary is written with a wrong date: at least one sentence is contradicted, and its
    // evidence from the sources is quoted on demand.
    const contradicted = order.filter((o) => o.verdict === "contradicted");
    expect(contradicted.length).toBeGreaterThan(0);
    for (const v of contradicted) {
      const item = page.locator("#verdicts li.verdict-contradicted").filter({ hasText: v.text });
      expect(await item.count()).toBe(1);
      expect(await item.locator(".verdict-label").textContent()).toBe("✗ Contradicted");
      if (v.evidence.length > 0) {
        await item.locator("details summary").click();
        expect(await item.locator("details blockquote button").allTextContents()).toEqual(v.evidence.map((e) => `“${e.text}”`));
      }
    }
  });

  it("offers the report for download, byte-identical to the report made in Node", async () => {
    const [json] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download JSON" }).click()]);
    expect(await readFile(await json.path(), "utf8")).toBe(expected.json);
    const [md] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download Markdown" }).click()]);
    expect(await readFile(await md.path(), "utf8")).toBe(expected.markdown);
  });

  it("links a quoted claim to its highlighted words in the source, and shows what it agrees or conflicts with", async () => {
    const quote = page.locator("#agreements button.quote, #conflicts button.quote, #non-conflicts button.quote").first();
    const id = await quote.getAttribute("data-claim");
    const claim = expected.report.claims.find((c) => c.id === id)!;
    expect(claim).toBeDefined();
    await page.locator("#agreements details, #non-conflicts details").evaluateAll((n) => n.forEach((d) => d.setAttribute("open", "")));
    await quote.click();
    const highlighted = await page.locator(`#source-list article[data-article="${claim.articleId}"] .p.hl`).evaluateAll((n) => n.map((e) => e.textContent).join(""));
    expect(highlighted).toBe(claim.text);
    expect(await page.locator(`#claim-body [data-claim-detail="${claim.id}"]`).count()).toBe(1);
    // Keyboard: the claim's handle in the text is focusable and Enter selects it.
    const other = expected.report.claims.find((c) => c.articleId !== claim.articleId)!;
    await page.locator(`[data-claim="${other.id}"][tabindex="0"]`).focus();
    await page.keyboard.press("Enter");
    expect(await page.locator(`#claim-body [data-claim-detail="${other.id}"]`).count()).toBe(1);
  });

  it("passes axe-core's WCAG 2 A and AA checks, and the toolbar is reachable with the keyboard", async () => {
    await page.evaluate(axe.source);
    const violations = await page.evaluate(async () => {
      const w = window as unknown as { axe: typeof axe };
      const result = await w.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
      return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
    });
    expect(violations).toEqual([]);
    await page.locator("a.skip").focus();
    const reached: string[] = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press("Tab");
      reached.push(await page.evaluate(() => document.activeElement?.textContent?.trim() ?? ""));
    }
    expect(reached).toEqual(["Load the example story", "Reconcile", "Remove all", "Download JSON"]);
  });

  it("takes a screenshot with every panel filled", async () => {
    const quote = page.locator("#conflicts button.quote, #non-conflicts button.quote, #agreements button.quote").first();
    await quote.click();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${OUT}demo.png`, fullPage: true });
    await page.screenshot({ path: `${OUT}demo-top.png` });
    const png = await readFile(`${OUT}demo.png`);
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    const assets: Record<string, { bytes: number; gzip: number }> = {};
    for (const name of await readdir(`${OUT}app/assets`)) {
      const body = await readFile(`${OUT}app/assets/${name}`);
      assets[name.replace(/-[\w-]{8}\./, ".")] = { bytes: body.byteLength, gzip: gzipSync(body).byteLength };
    }
    const figures = { articles: expected.report.articles.length, firstReconcileMs: reconcileMs, warmReconcileMs: warmMs, assets };
    await writeFile(`${OUT}figures.json`, `${JSON.stringify(figures, null, 2)}\n`);
  });

  it("adds a pasted article, shows its markup as text and runs none of it; removing it changes the report back", async () => {
    const before = expected.report.articles.length;
    if ((await page.locator("#add").getAttribute("open")) === null) await page.locator("#add > summary").click();
    await page.locator("#paste-form").getByLabel("Outlet").fill("Isle Courier");
    await page.getByLabel("Text (title on the first line)").fill(HOSTILE);
    await page.getByRole("button", { name: "Add pasted article" }).click();
    await waitForReport(page, before + 1);
    const card = page.locator("#source-list article.source").filter({ hasText: "Isle Courier" });
    expect(await card.count()).toBe(1);
    const text = await card.locator(".source-text").textContent();
    expect(text).toContain("<script>window.__pwned = 1</script>");
    expect(text).toContain('<img src=x onerror="window.__pwned = 2">');
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator("#report script, #report img").count()).toBe(0);

    await page.getByRole("button", { name: "Remove pasted-1.txt" }).click();
    await waitForReport(page, before);
    expect(await page.locator("#source-list article.source").filter({ hasText: "Isle Courier" }).count()).toBe(0);
  });

  it("reads chosen and dropped files in each format (HTML pages too, gzipped and windows-1252) with the same adapters as in Node", async () => {
    const dir = fileURLToPath(new URL("../../../examples/formats/", import.meta.url));
    const chosen = ["feed.xml", "item.ninjs.json", "story.jsonld", "page.html"];
    const files = await Promise.all([...chosen, "newsml.xml"].map(async (name) => ({ name, data: new Uint8Array(await readFile(dir + name)), type: "text/xml" })));
    // Dropped with the NewsML item: a gzipped page in windows-1252, declared by http-equiv, so the browser
    // inflates it (DecompressionStream) and sniffs its charset as Node does (node:zlib there).
    files.push({ name: "quay-cafe.html.gz", data: new Uint8Array(gzipSync(windows1252(LEGACY_PAGE))), type: "application/gzip" });
    const dropped = files.filter((f) => !chosen.includes(f.name));
    const inNode = await analyse(files.map((f) => ({ name: f.name, data: f.data, mediaType: null, metadata: {} })));
    expect(inNode.report.failures).toEqual([]);
    const pages = inNode.report.articles.filter((a) => a.source.adapter === "html");
    expect(pages.map((a) => a.source.input).sort()).toEqual(["page.html", "quay-cafe.html.gz"]);
    const cafe = pages.find((a) => a.source.input === "quay-cafe.html.gz")!;
    expect(cafe.text).toContain("“We lost €900 on the first day – every table empty,” said the café’s owner");
    // The navigation is left out; the footer's newsletter line is kept, classified as boilerplate.
    expect(cafe.text).not.toContain("Home");
    expect(cafe.segments.filter((g) => g.kind === "boilerplate").map((g) => cafe.text.slice(g.start, g.end))).toEqual([
      "Subscribe to the Isle Courier newsletter. Copyright Isle Courier.",
    ]);

    await page.getByRole("button", { name: "Remove all" }).click();
    await page.locator("#file-input").setInputFiles(chosen.map((name) => dir + name));
    await waitForReport(page, inNode.report.articles.filter((a) => chosen.includes(a.source.input)).length);
    const transfer = await page.evaluateHandle(
      (list) => {
        const dt = new DataTransfer();
        for (const f of list) dt.items.add(new File([new Uint8Array(f.bytes)], f.name, { type: f.type }));
        return dt;
      },
      dropped.map((f) => ({ name: f.name, type: f.type, bytes: [...f.data] })),
    );
    await page.dispatchEvent("#drop", "drop", { dataTransfer: transfer });
    await waitForReport(page, inNode.report.articles.length);
    const shown = await page.locator("#source-list .adapter").allTextContents();
    expect(shown.sort()).toEqual(inNode.report.articles.map((a) => `${a.source.input} (${a.source.adapter})`).sort());
    expect(new Set(inNode.report.articles.map((a) => a.source.adapter)).size).toBe(5);
    // The pages' article text in the browser is the text Node extracted, character for character.
    for (const a of pages) {
      const text = await page.locator(`#source-list .source-text[data-article="${a.id}"] .p`).allTextContents();
      expect(text.join("")).toBe(a.text);
    }

    // An input that is no article is not lost: it is listed with the reason, and the rest is still reported.
    const page2 = { name: "notice.html", mimeType: "text/html", buffer: Buffer.from("<!doctype html><title>Notice</title><p>Ferries resume on Friday.</p>") };
    const withFailure = await analyse([
      ...files.map((f) => ({ name: f.name, data: f.data, mediaType: null, metadata: {} })),
      { name: page2.name, data: new Uint8Array(page2.buffer), mediaType: page2.mimeType, metadata: {} },
    ]);
    expect(withFailure.report.failures).toEqual([expect.objectContaining({ input: "notice.html", code: "NOT_AN_ARTICLE" })]);
    await page.locator("#file-input").setInputFiles(page2);
    await page.waitForFunction(() => document.querySelectorAll("#problems .failure").length === 1);
    expect(await page.locator("#problems .failure").textContent()).toContain(withFailure.report.failures[0]!.message);
    expect(await page.locator("#source-list article.source").count()).toBe(inNode.report.articles.length);
  });

  it("made no request beyond the app's own files on localhost, and logged no error (CSP violations included)", () => {
    const foreign = requests.filter((u) => !u.startsWith(server.url) && !u.startsWith("blob:") && !u.startsWith("data:"));
    expect(foreign).toEqual([]);
    expect(requests.some((u) => u.endsWith("/x"))).toBe(false);
    expect(problems).toEqual([]);
  });
});
