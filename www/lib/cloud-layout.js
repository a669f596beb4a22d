// The word cloud's layout, as a classic script shared by the page and its cloud worker: the
// worker (cloud-worker.js) loads it with importScripts and lays the cloud out off the main
// thread; a browser without OffscreenCanvas loads it with a script element (views/charts.js)
// and lays out on the page. Either way d3-cloud (www/vendor/, BSD-3-Clause) places the words
// with the same seeded randomness, so the same report gives the same cloud.
//
// Defines self.wenxiCloudLayout(cloud, request, done) → { stop() }:
//   cloud    d3.layout.cloud
//   request  { size: [w, h], words: [{text, key, value, size, index}], seed, font, sliceMs,
//              offscreen: whether to measure glyphs on an OffscreenCanvas }
//   done     called once with the placed words: [{text, key, value, size, index, x, y, weight}]

(function (scope) {
  /** A small seeded generator (mulberry32). */
  function seeded(seed) {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let x = Math.imul(a ^ (a >>> 15), 1 | a);
      x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
      return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
    };
  }

  scope.wenxiCloudLayout = function (cloud, request, done) {
    const layout = cloud()
      .size(request.size)
      .words(request.words.map((w) => ({ ...w })))
      .padding(2)
      // Chinese reads across; turned words are hard to read, so none are turned.
      .rotate(0)
      .font(request.font)
      .fontWeight((d) => (d.index < 10 ? 700 : 500))
      .fontSize((d) => d.size)
      .random(seeded(request.seed))
      // In slices of a few ms, so that on the page it never makes one long task.
      .timeInterval(request.sliceMs)
      .on('end', (tags) =>
        done(tags.map((d) => ({ text: d.text, key: d.key, value: d.value, size: d.size, index: d.index, x: d.x, y: d.y, weight: d.weight }))),
      );
    if (request.offscreen) layout.canvas(() => new OffscreenCanvas(1, 1));
    layout.start();
    return { stop: () => layout.stop() };
  };
})(self);
