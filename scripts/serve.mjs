#!/usr/bin/env node
// A dependency-free static server for www/, for development and the browser tests.
//
//   node scripts/serve.mjs [PORT]        (or PORT=... node scripts/serve.mjs; 0 = any free port)
//
// It binds to 127.0.0.1 only, sends the same Content-Security-Policy as the page's <meta>
// (plus frame-ancestors, which a <meta> CSP cannot carry), and serves nothing outside www/.
// Used in-process by the tests:  const { url, close } = await serve({ root, port: 0 });

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The www/ folder beside this script's folder. */
export const DEFAULT_ROOT = fileURLToPath(new URL('../www/', import.meta.url));

/**
 * The page's policy. 'wasm-unsafe-eval' lets WebAssembly compile without allowing JS eval;
 * worker-src covers the module worker and the service worker (sw.js); connect-src 'self' the
 * fetch of the .wasm file; img-src data: blob: the PNG export of the charts.
 * Kept identical to the <meta> in www/index.html, except frame-ancestors (header only).
 */
export const CSP = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  // instantiateStreaming refuses any other type.
  '.wasm': 'application/wasm',
  '.ts': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

const SECURITY_HEADERS = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  // Development server: always revalidate, so a rebuilt pkg/ is picked up on reload.
  'Cache-Control': 'no-cache',
};

/** Whether `child` is `root` itself or lies inside it (both absolute, resolved). */
function isInside(root, child) {
  return child === root || child.startsWith(root.endsWith(sep) ? root : root + sep);
}

/**
 * The file under `root` that `urlPath` names, or null when it names nothing servable: a path
 * that does not decode, contains NUL, or leaves `root` (through `..` or a symlink).
 */
async function locate(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  let file = resolve(root, '.' + (decoded.startsWith('/') ? decoded : '/' + decoded));
  if (!isInside(root, file)) return null;
  try {
    let info = await stat(file);
    if (info.isDirectory()) {
      file = join(file, 'index.html');
      info = await stat(file);
    }
    if (!info.isFile()) return null;
    // Resolve symlinks last, so a link inside www/ cannot point outside it.
    const real = await realpath(file);
    if (!isInside(root, real)) return null;
    return { file: real, size: info.size };
  } catch {
    return null;
  }
}

function sendText(res, status, text, extra = {}) {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    ...extra,
  });
  res.end(text);
}

/**
 * Serve `root` on 127.0.0.1:`port` (0 picks a free port).
 * @returns {Promise<{url: string, port: number, close: () => Promise<void>}>}
 */
export async function serve({ root = DEFAULT_ROOT, port = 8080 } = {}) {
  const realRoot = await realpath(resolve(root));

  const server = createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        sendText(res, 405, 'Method Not Allowed\n', { Allow: 'GET, HEAD' });
        return;
      }
      const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
      const found = await locate(realRoot, pathname);
      if (!found) {
        sendText(res, 404, 'Not Found\n');
        return;
      }
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': MIME[extname(found.file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': found.size,
      });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      createReadStream(found.file)
        .on('error', () => res.destroy())
        .pipe(res);
    } catch {
      if (!res.headersSent) sendText(res, 500, 'Internal Server Error\n');
      else res.destroy();
    }
  });

  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', fail);
      ok();
    });
  });

  const actual = server.address().port;
  return {
    url: `http://127.0.0.1:${actual}/`,
    port: actual,
    close: () =>
      new Promise((ok) => {
        server.close(() => ok());
        // Let close() finish even while a browser holds keep-alive connections open.
        server.closeAllConnections?.();
      }),
  };
}

function portFromEnvOrArgs() {
  const raw = process.argv[2] ?? process.env.PORT ?? '8080';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve.mjs: not a port number: ${raw}`);
    process.exit(2);
  }
  return port;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { url } = await serve({ port: portFromEnvOrArgs() });
  console.log(`Wenxi is served at ${url}`);
}
