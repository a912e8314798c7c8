// A tiny static file server for the end-to-end tests and the benchmark: node:http only, bound to
// 127.0.0.1 on an ephemeral port, correct MIME types (Chromium refuses to stream-compile a .wasm
// served with anything but application/wasm), and extra response headers per path, so the demo pages
// that need a Content-Security-Policy header get it (see PAGE_HEADERS).
//
//   import { startServer } from './server.mjs';
//   const { url, close } = await startServer('dist');
//   const sub = await startServer('dist', { base: '/reciprocity/' });   // files under a sub-path only
//
// As a script:  node tests/e2e/server.mjs [dir=dist] [port=0]   (prints the URL, Ctrl+C to stop)

import http from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** The strict policy a careful clinic site sends (the embedding guide tells them what to add). */
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
].join('; ');

/** The same policy without 'wasm-unsafe-eval': the browser refuses to compile the widget's wasm. */
export const WASM_BLOCKING_CSP = STRICT_CSP.replace(" 'wasm-unsafe-eval'", '');

/** Extra response headers by path (relative to `base`, leading slash): the demo pages' policies. */
export const PAGE_HEADERS = {
  '/strict-csp.html': { 'Content-Security-Policy': STRICT_CSP },
  '/csp-blocked.html': { 'Content-Security-Policy': WASM_BLOCKING_CSP },
};

/**
 * Serves `dir` on 127.0.0.1. Resolves to `{ url, port, close }`; `url` is the base URL (it ends with a
 * slash). Options:
 *   - `port`: 0 for any free port,
 *   - `base`: the URL path the files are served under ('/' by default; anything outside it is a 404),
 *   - `headers`: extra response headers by path relative to `base` (PAGE_HEADERS by default),
 *   - `everyResponse`: headers added to every file's response (a CORS header, say).
 */
export async function startServer(dir, { port = 0, base = '/', headers = PAGE_HEADERS, everyResponse = {} } = {}) {
  const root = path.resolve(dir);
  if (!base.startsWith('/') || !base.endsWith('/')) throw new Error(`base must start and end with "/": ${base}`);
  const server = http.createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD' }).end();
        return;
      }
      const { pathname: fullPath } = new URL(req.url, 'http://127.0.0.1');
      if (!fullPath.startsWith(base)) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
        return;
      }
      const pathname = fullPath.slice(base.length - 1); // keeps the leading slash
      let file = path.join(root, path.normalize(decodeURIComponent(pathname)));
      // path.join + normalize keeps "..": refuse anything that escapes the root.
      if (file !== root && !file.startsWith(root + path.sep)) {
        res.writeHead(403).end('Forbidden');
        return;
      }
      let info = await stat(file).catch(() => null);
      if (info?.isDirectory()) {
        file = path.join(file, 'index.html');
        info = await stat(file).catch(() => null);
      }
      if (!info?.isFile()) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
        return;
      }
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': body.length,
        // Every load in the tests and the benchmark is a cold one.
        'Cache-Control': 'no-store',
        ...everyResponse,
        ...(headers[pathname] ?? (pathname.endsWith('/') ? headers[`${pathname}index.html`] : undefined)),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (error) {
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end(String(error));
    }
  });
  // Keep-alive sockets would hold close() open until they time out.
  const sockets = new Set();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const actual = server.address().port;
  return {
    url: `http://127.0.0.1:${actual}${base}`,
    port: actual,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? 'dist';
  const port = Number(process.argv[3] ?? 0);
  const { url, close } = await startServer(dir, { port });
  console.log(`Serving ${path.resolve(dir)} at ${url} (Ctrl+C to stop)`);
  const stop = async () => {
    await close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
