#!/usr/bin/env node
// Serves the built demo (dist/) on localhost with a strict content security policy. No dependencies:
// the demo is static files, and this is the smallest server that sends the right headers.
/* global process, console, URL */
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

/** The policy the page also declares in a meta tag; sent as a header it covers the worker too. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
  "frame-ancestors 'none'",
].join("; ");

/** @type {Record<string, string>} */
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

/** The built app's folder. */
export const DIST = fileURLToPath(new URL("../dist/", import.meta.url));

/**
 * Starts a static server for `root` on `host:port` (port 0 picks a free one) and resolves once it
 * listens, with its URL and a `close` function. Only GET and HEAD; no directory listings; paths
 * that leave `root` are refused.
 * @param {{ root?: string, host?: string, port?: number }} [options]
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function startServer(options = {}) {
  const root = resolve(options.root ?? DIST);
  const host = options.host ?? "127.0.0.1";
  try {
    await stat(join(root, "index.html"));
  } catch {
    throw new Error(`${join(root, "index.html")} is missing: build the demo first (pnpm --filter @corroborate/demo build)`);
  }
  const server = createServer((req, res) => {
    const headers = {
      "Content-Security-Policy": CONTENT_SECURITY_POLICY,
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
      "Cross-Origin-Opener-Policy": "same-origin",
      "Cache-Control": "no-store",
    };
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { ...headers, Allow: "GET, HEAD" }).end();
      return;
    }
    let path;
    try {
      path = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    } catch {
      res.writeHead(400, headers).end("bad request");
      return;
    }
    const file = normalize(join(root, path.endsWith("/") ? `${path}index.html` : path));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403, headers).end("forbidden");
      return;
    }
    readFile(file).then(
      (body) => {
        res.writeHead(200, { ...headers, "Content-Type": TYPES[extname(file)] ?? "application/octet-stream", "Content-Length": body.byteLength });
        res.end(req.method === "HEAD" ? undefined : body);
      },
      () => res.writeHead(404, { ...headers, "Content-Type": "text/plain; charset=utf-8" }).end("not found"),
    );
  });
  await new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(options.port ?? 0, host, () => ok(undefined));
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return {
    url: `http://${host}:${port}/`,
    close: () => new Promise((ok) => server.close(() => ok(undefined))),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 5173);
  startServer({ port }).then(
    ({ url }) => {
      console.log(`Corroborate demo: ${url}  (the example story loads on open; ${url}?empty starts with no articles)`);
      console.log("Press Ctrl+C to stop.");
    },
    (error) => {
      console.error(`corroborate demo: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
