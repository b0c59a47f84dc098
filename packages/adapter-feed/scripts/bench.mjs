// Benchmark: a generated 10,000-item feed (RSS 2.0, Atom, JSON Feed) through the feed adapter.
// Prints items per second and peak memory. Each format runs in its own process so that peaks do
// not mix. Needs the built package: `pnpm --filter @corroborate/adapter-feed build && pnpm --filter @corroborate/adapter-feed bench`.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const ITEMS = Number(process.env.BENCH_ITEMS ?? 10_000);
const RUNS = 3;

function paragraph(i, n) {
  return `Harbour notice ${i}, paragraph ${n}: the relief boat between Larsvik and the Skarn Islands leaves at 08:00 &amp; 16:00, the council said on Wednesday.`;
}

function generate(kind) {
  const items = [];
  for (let i = 0; i < ITEMS; i++) {
    const html = [1, 2, 3, 4].map((n) => `<p>${paragraph(i, n)}</p>`).join("");
    if (kind === "rss") {
      items.push(`<item><title>Notice ${i}</title><link>https://bulletin.example/${i}</link><guid>https://bulletin.example/${i}</guid><dc:creator>Desk ${i % 7}</dc:creator><pubDate>Wed, 15 May 2024 09:00:00 +0200</pubDate><description>Notice ${i}</description><content:encoded><![CDATA[${html.replaceAll("&amp;", "&")}]]></content:encoded></item>`);
    } else if (kind === "atom") {
      items.push(`<entry><title>Notice ${i}</title><link href="https://bulletin.example/${i}"/><id>tag:bulletin.example,2024:${i}</id><published>2024-05-15T09:00:00+02:00</published><author><name>Desk ${i % 7}</name></author><content type="html">${html.replaceAll("<", "&lt;").replaceAll(">", "&gt;")}</content></entry>`);
    } else {
      items.push({ id: String(i), url: `https://bulletin.example/${i}`, title: `Notice ${i}`, content_html: html.replaceAll("&amp;", "&"), date_published: "2024-05-15T09:00:00+02:00", authors: [{ name: `Desk ${i % 7}` }] });
    }
  }
  if (kind === "rss") {
    return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Bulletin</title><language>en</language>\n${items.join("\n")}\n</channel></rss>`;
  }
  if (kind === "atom") {
    return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en"><title>Bulletin</title>\n${items.join("\n")}\n</feed>`;
  }
  return JSON.stringify({ version: "https://jsonfeed.org/version/1.1", title: "Bulletin", language: "en", items });
}

async function child(kind) {
  const { feedAdapter } = await import("../dist/index.js");
  const data = new TextEncoder().encode(generate(kind));
  const adapter = feedAdapter();
  const baseline = process.memoryUsage().rss;
  let best = Infinity;
  let count = 0;
  for (let r = 0; r < RUNS; r++) {
    const start = process.hrtime.bigint();
    const articles = await adapter.parse({ name: `bench.${kind}`, data });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    best = Math.min(best, ms);
    count = articles.length;
  }
  const peak = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(JSON.stringify({ kind, bytes: data.byteLength, items: count, ms: best, baseline, peak }));
}

if (process.argv[2]) {
  await child(process.argv[2]);
} else {
  const self = fileURLToPath(import.meta.url);
  const mb = (n) => (n / 1024 / 1024).toFixed(1);
  console.log(`feed adapter benchmark: ${ITEMS} generated items per feed, best of ${RUNS} runs, node ${process.version}`);
  console.log("format     | input MB | items  | ms     | items/s | peak RSS MB (process, incl. input)");
  for (const kind of ["rss", "atom", "json"]) {
    const r = JSON.parse(execFileSync(process.execPath, [self, kind], { encoding: "utf8", maxBuffer: 1 << 20 }));
    console.log(
      `${kind.padEnd(10)} | ${mb(r.bytes).padStart(8)} | ${String(r.items).padStart(6)} | ${r.ms.toFixed(0).padStart(6)} | ${Math.round((r.items / r.ms) * 1000).toString().padStart(7)} | ${mb(r.peak)}`,
    );
  }
}
