// The package's TypeScript types resolve through package.json `exports` and describe the API
// as the README uses it (strict mode). A compile error fails the test with tsc's message.
//
//   bash scripts/build.sh && node --test tests/package/

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PKG, REPO, assertPackaged } from './helpers.mjs';

const USAGE = `
import { createAnalyzer, Analyzer, init, version, type Concordance, type ConcordanceLine, type CorpusProgress, type CorpusReport, type Report, type Terms, type WorkerAnalyzer, type WenxiError } from 'wenxi';
import { Analyzer as LowLevel, type AnalyzeOptions, type Keyword } from 'wenxi/low-level';
import {
  DEFAULT_OPTIONS, distinctiveTerms, heatmapMatrix, keyness, keywordPool, parseRanking, rankBy, rankKeywords, sanitizeOptions, sectionTree,
  whyNoKeywords, type DistinctiveTerm, type HeatmapRow, type KeynessRow, type NoKeywordsReason, type Ranking, type SectionTree,
} from 'wenxi/model';
import { formatValue, type WenxiAnalyzerElement } from 'wenxi/component';

export async function browser(text: string): Promise<string> {
  const wenxi: WorkerAnalyzer = await createAnalyzer({ workerUrl: '/wenxi/worker.js', wasmUrl: new URL('/wenxi/wenxi_bg.wasm', location.href) });
  wenxi.addEventListener('progress', (event) => console.log(event.detail.stage, event.detail.fraction));
  const controller = new AbortController();
  const report: Report = await wenxi.analyze(text, { topN: 20 }, { signal: controller.signal, onProgress: (p) => p.fraction });
  const added: number = await wenxi.addWords(['长江经济带']);
  const simplified: string = await wenxi.convert(text, 'simplified');
  const segmented: string = await wenxi.segmentedText(text, { hmm: false }, { signal: controller.signal });
  const kwic: Concordance = await wenxi.concordance({ query: '发展', by: 'regex', context: 10 }, { signal: controller.signal });
  const lines: ConcordanceLine[] = (await wenxi.concordance({ ranges: report.keywords[0].occurrences, asWritten: true })).lines;
  const terms: Terms = await wenxi.terms();
  const logDice: number | undefined = (await wenxi.collocates({ word: '发展' })).collocates[0]?.logDice;
  const trend: number[] = (await wenxi.trends({ words: ['发展'] })).series[0].relative;
  const seen: CorpusProgress[] = [];
  const corpus: CorpusReport = await wenxi.analyzeCorpus(
    [{ name: 'a.txt', text }, { name: 'b.txt', text }],
    { terms: 10, compare: [[0], [1]], analysis: { minLength: 1 } },
    { signal: controller.signal, workers: 2, onProgress: (p) => seen.push(p) },
  );
  const distinctive: string | undefined = corpus.documents[0].distinctive[0]?.word;
  wenxi.terminate();
  await init();
  const inWorker: Report = new Analyzer().analyze(text);
  const low = new LowLevel();
  return report.keywords[0].word + added + simplified + segmented + lines[0]?.left + inWorker.sections.length + version() + String(low) + (wenxi.version() ?? '')
    + kwic.total + terms.terms.length + logDice + trend.length + distinctive + seen.length;
}

export function kindOf(error: unknown): string | undefined {
  return (error as WenxiError).kind;
}

export function model(report: Report, saved: unknown): string {
  const ranking: Ranking = parseRanking('weight');
  const top: Keyword[] = rankKeywords(report.keywords, ranking, 10);
  const tree: SectionTree = sectionTree(report.sections);
  const rows: HeatmapRow[] = heatmapMatrix(report, top, 'top');
  const terms: DistinctiveTerm[] = distinctiveTerms(report, tree.roots[0], tree.last[tree.roots[0]]);
  const keyed: KeynessRow[] = rankBy(keyness(report), (r) => r.g2, (r) => r.count);
  const options: Required<AnalyzeOptions> = sanitizeOptions(saved);
  const pool: number = keywordPool(options.topN, 1000);
  const element: WenxiAnalyzerElement['ranking'] = ranking;
  const why: NoKeywordsReason | null = whyNoKeywords(report, options.minLength);
  return \`\${rows.length} \${terms[0]?.g2} \${keyed[0]?.mark} \${pool} \${DEFAULT_OPTIONS.topN} \${formatValue(top[0], element)}\`;
}
`;

// Node resolves 'wenxi' through the "node" condition: node.js and node.d.ts.
const NODE_USAGE = `
import { Analyzer, load, createAnalyzer, type Report } from 'wenxi';
load();
export const report: Report = new Analyzer().analyze('推动发展', { topN: 3 });
export const worker = createAnalyzer().then((w) => w.analyze('推动发展'));
export const corpus = createAnalyzer().then((w) => w.analyzeCorpus([{ name: 'a', text: '推动发展' }], { topN: 5 }, { workers: 2 }));
`;

function compile(files, compilerOptions) {
  const dir = mkdtempSync(join(tmpdir(), 'wenxi-types-'));
  try {
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(PKG, join(dir, 'node_modules', 'wenxi'), 'dir');
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const tsconfig = { compilerOptions: { strict: true, noEmit: true, target: 'es2022', ...compilerOptions }, files: Object.keys(files).filter((f) => f.endsWith('.ts')) };
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
    const tsc = spawnSync(process.execPath, [`${REPO}node_modules/typescript/bin/tsc`, '-p', dir], { encoding: 'utf8' });
    assert.equal(tsc.status, 0, `tsc failed:\n${tsc.stdout}${tsc.stderr}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the browser entry’s types: a bundler project (moduleResolution bundler)', () => {
  assertPackaged();
  // esnext lib: wasm-bindgen's generated classes declare [Symbol.dispose].
  compile({ 'usage.ts': USAGE }, { module: 'esnext', moduleResolution: 'bundler', lib: ['esnext', 'dom'], types: [] });
});

test('the Node entry’s types: a Node project (moduleResolution nodenext)', () => {
  assertPackaged();
  compile({ 'usage.ts': NODE_USAGE, 'package.json': '{"type": "module"}' }, { module: 'nodenext', moduleResolution: 'nodenext', lib: ['esnext', 'dom'], types: [] });
});
