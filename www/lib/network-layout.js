// The collocation network's layout, as a classic script shared by the page and its layout
// worker (layout-worker.js loads it with importScripts and lays the network out off the main
// thread; if that worker cannot start, lib/off-thread.js loads it with a script element and
// lays out on the page). A node word in the centre, its collocates around it, placed by
// d3-force (Mike Bostock, ISC), which scripts/build.sh copies from node_modules into
// www/vendor/d3-force/ with its dependencies and licences.
//
// The layout is deterministic: every node starts at a fixed place (a sunflower spiral, best
// collocate nearest), d3-force's own random source is a fixed-seed generator, and the
// simulation runs a fixed number of ticks at once, never on a timer. The same collocates give
// the same coordinates, in the worker or on the page, and nothing moves after it is drawn.
//
// Defines self.wenxiNetworkLayout(d3, request) → {node: {x, y, r}, words: [{word, value,
// strength, x, y, r}]}:
//   d3       the global that holds d3-force (d3.forceSimulation and its forces)
//   request  {word: the node word, words: [{word, value}] best first, ticks?}
// in layout units around 0, 0; `r` is the room a label takes (its collision radius).

(function (scope) {
  /** Ticks the simulation runs (d3-force's default alpha decay settles in about 300). */
  const TICKS = 300;
  /** Shortest and longest edge, in layout units (the node word is at 0, 0). */
  const NEAR = 70;
  const FAR = 190;

  /**
   * How strongly each of `values` ties its word to the node, 0..1: the measure scaled between
   * the weakest and strongest shown (all 1 when they are equal). Measures can be negative (MI,
   * t-score below chance), so the scale is relative to what is shown.
   */
  function strengths(values) {
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    return values.map((v) => (hi > lo ? (v - lo) / (hi - lo) : 1));
  }

  /** A label's length in characters (a CJK word's width is about its characters). */
  const chars = (word) => Array.from(word).length;

  scope.wenxiNetworkLayout = function (d3, request) {
    const { word: nodeWord, words, ticks = TICKS } = request;
    const s = strengths(words.map((w) => w.value));
    const radius = (word, big) => (big ? 14 : 9) + Math.min(chars(word), 8) * (big ? 9 : 6.5);
    // Golden-angle spiral: evenly spread, the stronger collocates start nearer the centre.
    const golden = Math.PI * (3 - Math.sqrt(5));
    const nodes = [
      { x: 0, y: 0, fx: 0, fy: 0, r: radius(nodeWord, true) },
      ...words.map((w, i) => {
        const distance = NEAR + (1 - s[i]) * (FAR - NEAR);
        return { x: distance * Math.cos(i * golden), y: distance * Math.sin(i * golden), r: radius(w.word, false) };
      }),
    ];
    const links = words.map((_, i) => ({ source: 0, target: i + 1, strength: s[i] }));
    const simulation = d3
      .forceSimulation(nodes)
      .force('link', d3.forceLink(links).distance((l) => NEAR + (1 - l.strength) * (FAR - NEAR)).strength(0.6))
      .force('charge', d3.forceManyBody().strength(-60))
      .force('collide', d3.forceCollide((n) => n.r).strength(0.9))
      .stop();
    simulation.tick(ticks);
    const at = (n) => ({ x: Math.round(n.x * 10) / 10, y: Math.round(n.y * 10) / 10, r: n.r });
    return {
      node: at(nodes[0]),
      words: words.map((w, i) => ({ word: w.word, value: w.value, strength: s[i], ...at(nodes[i + 1]) })),
    };
  };
})(self);
