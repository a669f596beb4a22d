// Lays out the word cloud off the page's main thread (views/charts.js starts it when the
// browser has OffscreenCanvas): measuring and placing a hundred glyphs takes tens of ms, too
// long for the page's one thread. A classic worker, because d3-cloud is a classic script.
//
// Protocol: page → worker {id, request} (see lib/cloud-layout.js); worker → page {id, placed}.
// A newer request supersedes an older one still running, which is answered with placed: null.

importScripts('./vendor/d3-cloud/d3.layout.cloud.js', './lib/cloud-layout.js');

let running = null; // { id, layout, done } of the layout under way

self.addEventListener('message', (event) => {
  const { id, request } = event.data ?? {};
  if (running) {
    running.layout.stop();
    self.postMessage({ id: running.id, placed: null });
    running = null;
  }
  const entry = { id, layout: null, done: false };
  entry.layout = self.wenxiCloudLayout(self.d3.layout.cloud, { ...request, offscreen: true }, (placed) => {
    // A layout with little to place can finish inside start(), before this assignment ends.
    entry.done = true;
    if (running === entry) running = null;
    self.postMessage({ id, placed });
  });
  if (!entry.done) running = entry;
});
