// The service worker: keeps a copy of the page and the analyzer so Wenxi works offline once
// it has been loaded. It touches only this origin's files; the user's text never passes
// through here (it stays in the page and the analysis worker, and is never fetched or sent).
//
// Install: cache the app shell and pkg/ (the wasm). Fetch: same-origin GETs are served from
// the cache first, and the copy is refreshed from the network in the background, so the next
// visit gets a new build; anything not cached yet is fetched and kept. Other requests (there
// are none: the CSP forbids them) are left alone.

const CACHE = 'wenxi-v1';

/** Needed to analyse offline: install fails without them. */
const CORE = [
  './',
  './index.html',
  './style.css',
  './app.js',
  './boot.js',
  './sw.js',
  './lib/store.js',
  './lib/dom.js',
  './lib/i18n.js',
  './lib/decode.js',
  './lib/samples.js',
  './lib/widgets.js',
  './lib/query-text.js',
  './lib/query-panel.js',
  './lib/page-options.js',
  './lib/saved.js',
  './lib/converted.js',
  './lib/off-thread.js',
  './corpus-input.js',
  './corpus-input.css',
  './lib/corpus.js',
  './lib/corpus-files.js',
  './lib/session.js',
  './lib/kept-corpus.js',
  './lib/virtual-rows.js',
  './lib/virtual-list.js',
  './lib/matrix-canvas.js',
  './lib/levels.js',
  './lib/textarea-reveal.js',
  './views/text-levels.js',
  './views/index.js',
  ...['keywords', 'charts', 'keyness', 'outline', 'heatmap', 'text', 'kwic', 'collocates', 'ngrams', 'terms', 'dispersion', 'trends', 'stats', 'vocabulary', 'options', 'corpus', 'corpus-search', 'corpus-keyness'].flatMap((v) => [
    `./views/${v}.js`,
    `./views/${v}.css`,
  ]),
  './pkg/index.js',
  './pkg/model.js',
  './pkg/options.js',
  './pkg/protocol.js',
  './pkg/loading.js',
  './pkg/worker.js',
  './pkg/wenxi.js',
  './pkg/wenxi_bg.wasm',
];

/** Cached when present (views may add files the shell does not know of; the page also
 * reports every file it loaded, see the 'message' handler). */
const OPTIONAL = ['./lib/export.js', './vendor/d3-cloud/d3.layout.cloud.js', './lib/cloud-layout.js', './lib/network-layout.js', './layout-worker.js',
  ...['d3-dispatch', 'd3-quadtree', 'd3-timer', 'd3-force'].map((f) => `./vendor/d3-force/${f}.js`),
  './vendor/fflate/browser.js', './pkg/hsk-levels.js'];

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // cache: 'reload' skips the HTTP cache, so the copy is what the server has now.
      await cache.addAll(CORE.map((url) => new Request(url, { cache: 'reload' })));
      await Promise.all(OPTIONAL.map((url) => cache.add(new Request(url, { cache: 'reload' })).catch(() => {})));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

/** The page sends {type: 'cache', urls} with the files it has loaded, to keep them too. */
self.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'cache' || !Array.isArray(data.urls)) return;
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      for (const url of data.urls) {
        if (typeof url !== 'string' || new URL(url).origin !== self.location.origin) continue;
        if (await cache.match(url)) continue;
        await cache.add(url).catch(() => {});
      }
    })(),
  );
});

function sameOrigin(request) {
  return new URL(request.url).origin === self.location.origin;
}

async function refresh(cache, request) {
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !sameOrigin(request)) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      const cached = await cache.match(request, { ignoreSearch: true });
      if (cached) {
        // Served now; the next visit gets what the server has (quietly nothing when offline).
        event.waitUntil(refresh(cache, request).catch(() => {}));
        return cached;
      }
      try {
        return await refresh(cache, request);
      } catch (error) {
        // Offline and never cached: a page navigation still gets the page.
        if (request.mode === 'navigate') {
          const page = await cache.match('./index.html');
          if (page) return page;
        }
        throw error;
      }
    })(),
  );
});
