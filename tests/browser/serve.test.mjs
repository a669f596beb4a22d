// The static server (scripts/serve.mjs): types, headers, and that nothing outside www/ is served.
// Needs no browser and no build.   Run: node --test tests/browser/

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { CSP, serve } from '../../scripts/serve.mjs';

let server;

before(async () => {
  server = await serve({ port: 0 });
});

after(async () => {
  await server?.close();
});

/** A raw GET, so that `..` reaches the server as sent (fetch() would normalise it away). */
function get(path, method = 'GET') {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, path, method },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString() }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

test('listens on 127.0.0.1 and serves index.html at /', async () => {
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  const res = await get('/');
  assert.equal(res.status, 200);
  assert.equal(res.headers['content-type'], 'text/html; charset=utf-8');
  assert.match(res.body, /文析/);
});

test('every response carries the CSP and nosniff, 404s included', async () => {
  for (const path of ['/', '/app.js', '/no-such-file']) {
    const res = await get(path);
    assert.equal(res.headers['content-security-policy'], CSP, path);
    assert.equal(res.headers['x-content-type-options'], 'nosniff', path);
  }
  assert.match(CSP, /frame-ancestors 'none'/);
  assert.match(CSP, /script-src 'self' 'wasm-unsafe-eval'/);
});

test('the header CSP matches the page meta CSP, except frame-ancestors', async () => {
  const { body } = await get('/index.html');
  const meta = body.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/);
  assert.ok(meta, 'index.html has a CSP meta tag');
  assert.equal(meta[1], CSP.replace("; frame-ancestors 'none'", ''));
});

test('JavaScript, CSS and wasm get their MIME types', async () => {
  assert.equal((await get('/app.js')).headers['content-type'], 'text/javascript; charset=utf-8');
  assert.equal((await get('/boot.js')).headers['content-type'], 'text/javascript; charset=utf-8');
  assert.equal((await get('/style.css')).headers['content-type'], 'text/css; charset=utf-8');
  const wasm = await get('/pkg/wenxi_bg.wasm', 'HEAD');
  if (wasm.status === 200) assert.equal(wasm.headers['content-type'], 'application/wasm');
});

test('paths outside www/ are not served', async () => {
  for (const path of [
    '/../Cargo.toml',
    '/../../etc/passwd',
    '/%2e%2e/Cargo.toml',
    '/pkg/..%2f..%2fCargo.toml',
    '/..%5cCargo.toml',
    '/%00index.html',
    '/%E0%A4%A',
  ]) {
    const res = await get(path);
    assert.equal(res.status, 404, path);
    assert.doesNotMatch(res.body, /\[package\]|root:/, path);
  }
});

test('only GET and HEAD', async () => {
  const res = await get('/', 'POST');
  assert.equal(res.status, 405);
  const head = await get('/', 'HEAD');
  assert.equal(head.status, 200);
  assert.equal(head.body, '');
});
