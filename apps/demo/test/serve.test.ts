import { request } from "node:http";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTENT_SECURITY_POLICY, startServer } from "../scripts/serve.mjs";

/** A raw GET (no URL normalisation by the client), resolving to status, headers and body. */
function get(base: string, path: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((ok, fail) => {
    const url = new URL(base);
    const req = request({ host: url.hostname, port: url.port, path, method: "GET" }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => ok({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", fail);
    req.end();
  });
}

describe("the demo's static server", () => {
  let server: { url: string; close: () => Promise<void> };
  beforeAll(async () => {
    const root = await mkdtemp(join(tmpdir(), "demo-serve-"));
    await writeFile(join(root, "index.html"), "<!doctype html><title>t</title>");
    server = await startServer({ root, port: 0 });
  });
  afterAll(() => server.close());

  it("serves the page with the content security policy that forbids inline script", async () => {
    const res = await get(server.url, "/");
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toContain("text/html");
    expect(res.headers["content-security-policy"]).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain("unsafe-inline");
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'none'");
  });

  it("refuses paths outside its folder and survives malformed ones", async () => {
    expect((await get(server.url, "/../../etc/passwd")).status).not.toBe(200);
    expect((await get(server.url, "/%2e%2e/%2e%2e/etc/passwd")).status).not.toBe(200);
    expect((await get(server.url, "/%E0%A4%A")).status).toBe(400);
    expect((await get(server.url, "/missing.js")).status).toBe(404);
    expect((await get(server.url, "/")).status).toBe(200);
  });

  it("fails with a clear message when the app is not built", async () => {
    const empty = await mkdtemp(join(tmpdir(), "demo-empty-"));
    await expect(startServer({ root: empty, port: 0 })).rejects.toThrow(/build the demo first/);
  });
});
