// Lays out the word cloud and the collocation network off the page's main thread
// (lib/off-thread.js starts it): measuring and placing a hundred glyphs, or three hundred ticks
// of a force simulation, take tens of ms, too long for the page's one thread while a long
// text's views draw. A classic worker, because d3-cloud and d3-force are classic scripts.
//
// Protocol: page → worker {id, kind: 'cloud' | 'network', request}
//   cloud    request as lib/cloud-layout.js takes it (with an OffscreenCanvas to measure on);
//            answered {id, placed}. A newer cloud request supersedes an older one still
//            running, which is answered with placed: null.
//   network  request as lib/network-layout.js takes it; answered {id, layout}, or
//            {id, error} when d3-force could not be loaded.

importScripts('./vendor/d3-cloud/d3.layout.cloud.js', './lib/cloud-layout.js');

let running = null; // { id, layout, done } of the cloud layout under way
let force = false; // d3-force and the network layout loaded (only when a network is asked for)

self.addEventListener('message', (event) => {
  const { id, kind, request } = event.data ?? {};
  if (kind === 'network') {
    try {
      if (!force) {
        // d3.layout.cloud is already on self.d3; d3-force's UMD builds add to it.
        importScripts(
          ...['d3-dispatch', 'd3-quadtree', 'd3-timer', 'd3-force'].map((f) => `./vendor/d3-force/${f}.js`),
          './lib/network-layout.js',
        );
        force = true;
      }
      self.postMessage({ id, layout: self.wenxiNetworkLayout(self.d3, request) });
    } catch (error) {
      self.postMessage({ id, error: String(error?.message ?? error) });
    }
    return;
  }
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
