// Layouts that take tens of ms, done in the page's one layout worker (layout-worker.js) so that
// they never make a long task on the page's thread while a long text's views draw: the word
// cloud (d3-cloud, lib/cloud-layout.js) and the collocation network (d3-force,
// lib/network-layout.js). Both libraries are classic scripts; where the worker cannot help
// (no OffscreenCanvas to measure the cloud's glyphs on, or a worker that failed to start), the
// same layout scripts are loaded on the page with script elements from this origin (the CSP
// allows 'self') and run here, with the same seeded results.

import { loadScript } from './dom.js';

let worker = null; // the layout worker; false once it failed to start
let requests = 0;

/** The layout worker, started on first use; null when this page cannot have one. */
function layoutWorker() {
  if (worker === null) {
    try {
      worker = new Worker(new URL('../layout-worker.js', import.meta.url), { name: 'wenxi-layout' });
    } catch {
      worker = false;
    }
  }
  return worker || null;
}

/**
 * Ask the layout worker; resolves to its answer ({id, placed} or {id, layout, error}), or to
 * `fallback()` when the worker could not start or load its scripts (then, and from then on,
 * the page lays out itself).
 */
function ask(kind, request, fallback) {
  const target = layoutWorker();
  if (!target) return fallback();
  const id = ++requests;
  return new Promise((resolve, reject) => {
    const onMessage = (event) => {
      if (event.data?.id !== id) return;
      settle();
      resolve(event.data);
    };
    const onError = (event) => {
      event.preventDefault?.();
      settle();
      if (worker === target) worker = false;
      fallback().then(resolve, reject);
    };
    const settle = () => {
      target.removeEventListener('message', onMessage);
      target.removeEventListener('error', onError);
    };
    target.addEventListener('message', onMessage);
    target.addEventListener('error', onError);
    target.postMessage({ id, kind, request });
  });
}

let pageCloud = null;

/** d3-cloud and lib/cloud-layout.js on the page, for a browser without OffscreenCanvas. */
function loadPageCloud() {
  pageCloud ??= (async () => {
    await loadScript(new URL('../vendor/d3-cloud/d3.layout.cloud.js', import.meta.url).href);
    await loadScript(new URL('./cloud-layout.js', import.meta.url).href);
    if (!window.d3?.layout?.cloud || !window.wenxiCloudLayout) throw new Error('the cloud layout did not load');
    return (request, done) => window.wenxiCloudLayout(window.d3.layout.cloud, request, done);
  })();
  pageCloud.catch(() => (pageCloud = null)); // a failed load may be tried again
  return pageCloud;
}

/**
 * Lay out a cloud `request` (see lib/cloud-layout.js): in the layout worker when the browser
 * has OffscreenCanvas, else on the page. Resolves to the placed words, or to null when a newer
 * request replaced this one first.
 */
export async function layOutCloud(request) {
  const onPage = () =>
    loadPageCloud().then((layout) => new Promise((resolve) => layout(request, (placed) => resolve({ placed }))));
  if (typeof OffscreenCanvas !== 'function') return (await onPage()).placed;
  return (await ask('cloud', request, onPage)).placed;
}

let pageForce = null;

/** d3-force, its dependencies and lib/network-layout.js on the page, when the worker cannot help. */
function loadPageForce() {
  pageForce ??= (async () => {
    // In dependency order: each UMD build reads the global d3 the earlier ones filled.
    for (const name of ['d3-dispatch', 'd3-quadtree', 'd3-timer', 'd3-force']) {
      await loadScript(new URL(`../vendor/d3-force/${name}.js`, import.meta.url).href);
    }
    await loadScript(new URL('./network-layout.js', import.meta.url).href);
    if (typeof window.d3?.forceSimulation !== 'function' || !window.wenxiNetworkLayout) {
      throw new Error('d3-force did not load');
    }
    return (request) => window.wenxiNetworkLayout(window.d3, request);
  })();
  pageForce.catch(() => (pageForce = null));
  return pageForce;
}

/**
 * Lay out a collocation network `request` ({word, words: [{word, value}]}, see
 * lib/network-layout.js): in the layout worker, else on the page. Rejects when d3-force
 * could not be loaded.
 */
export async function layOutNetwork(request) {
  const onPage = () => loadPageForce().then((layout) => ({ layout: layout(request) }));
  const answer = await ask('network', request, onPage);
  if (answer.error) throw new Error(answer.error);
  return answer.layout;
}
