#!/usr/bin/env node
// Time Wenxi in headless Chromium: start-up (module import + Analyzer construction) and one
// full analyze() of 1 MB of simplified and 1 MB of traditional text from the shared corpus,
// with Intl.Segmenter over the same text in the same run for scale. Medians of 5 runs.
//
//   bash scripts/build.sh && node scripts/bench.mjs
//
// Needs ../shared/corpus/running-text (beside the project) and /usr/bin/chromium.

import { readFileSync, existsSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './chromium.mjs';
import { serve } from './serve.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const corpus = `${root}../shared/corpus/running-text`;
const MB = 1 << 20;
const RUNS = 5;

if (!existsSync(corpus)) {
  console.error(`bench: corpus missing at ${corpus}`);
  process.exit(2);
}

/** The first `bytes` UTF-8 bytes of a file, cut back to a character boundary. */
function head(path, bytes) {
  const buf = readFileSync(path);
  let end = Math.min(bytes, buf.length);
  while (end > 0 && (buf[end] & 0xc0) === 0x80) end--;
  return buf.subarray(0, end).toString('utf8');
}

const texts = {
  'simplified 红楼梦': head(`${corpus}/simplified/红楼梦.txt`, MB),
  'traditional 紅樓夢': head(`${corpus}/traditional/pg24264_紅樓夢.txt`, MB),
};

const wasm = `${root}www/pkg/wenxi_bg.wasm`;
const raw = statSync(wasm).size;
const gz = gzipSync(readFileSync(wasm), { level: 9 }).length;

const server = await serve({ port: 0 });
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.goto(server.url);
  const startup = await page.evaluate(async () => {
    const t0 = performance.now();
    const mod = await import('/pkg/wenxi.js');
    await mod.default();
    const t1 = performance.now();
    globalThis.__analyzer = new mod.Analyzer();
    const t2 = performance.now();
    return { load: t1 - t0, construct: t2 - t1 };
  });
  const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const rows = [];
  for (const [name, text] of Object.entries(texts)) {
    const bytes = Buffer.byteLength(text);
    const r = await page.evaluate(({ text, runs }) => {
      const wenxi = [];
      const seg = [];
      let words = 0;
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        const report = globalThis.__analyzer.analyze(text, {});
        wenxi.push(performance.now() - t0);
        words = report.stats.words;
        const s = new Intl.Segmenter('zh', { granularity: 'word' });
        const t1 = performance.now();
        let n = 0;
        // Node's Intl.Segmenter is quadratic on long strings; Chromium's is not, but
        // paragraphs are what a page would feed it anyway.
        for (const para of text.split('\n')) for (const _ of s.segment(para)) n++;
        seg.push(performance.now() - t1);
      }
      return { wenxi, seg, words };
    }, { text, runs: RUNS });
    const w = median(r.wenxi);
    const s = median(r.seg);
    rows.push([name, (bytes / MB).toFixed(2), w.toFixed(0), (bytes / MB / (w / 1000)).toFixed(2),
      s.toFixed(0), (bytes / MB / (s / 1000)).toFixed(2)]);
  }
  const version = await browser.version();
  console.log(`Wenxi benchmark, Chromium ${version}, ${new Date().toISOString().slice(0, 10)}`);
  console.log(`wasm: ${(raw / MB).toFixed(2)} MB raw, ${(gz / MB).toFixed(2)} MB gzip -9`);
  console.log(`start-up: import + instantiate ${startup.load.toFixed(0)} ms, new Analyzer() ${startup.construct.toFixed(0)} ms`);
  console.log('');
  console.log('| text | MB | Wenxi analyze (ms) | Wenxi MB/s | Intl.Segmenter (ms) | Intl.Segmenter MB/s |');
  console.log('|---|---|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
} finally {
  await browser.close();
  await server.close();
}
