// A corpus report of many documents draws only what is in view (issue 15), yet shows and
// exports all of them: 120 generated documents opened as files on the real page and analysed
// with the page's engine.
//
//   node --test tests/browser/corpus-scale.test.mjs
//
// Checked: the documents table says it has 120 rows (aria-rowcount, the header row included)
// but holds far fewer in the DOM; scrolling it to the bottom shows the last document; the
// similarity matrix's readout (pointer and keyboard) gives the value the report has for that
// cell (the report read back through the view's JSON export); the exports hold all 120 rows.
// No timing is asserted (the benchmark measures that: node scripts/bench.mjs --corpus).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useShell } from './shell-helpers.mjs';
import { downloaded, openCorpusMode, openFiles } from './corpus-helpers.mjs';

const env = useShell();
const N = 120;

/** A small deterministic generator (mulberry32), so the documents are the same every run. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['城市', '乡村', '经济', '文化', '教育', '科技', '农业', '工业', '交通', '环境', '医疗', '旅游', '水利', '能源', '金融', '贸易'];
const PLACES = ['江南', '塞北', '岭南', '巴蜀', '齐鲁', '燕赵', '荆楚', '吴越', '关中', '河西'];

/** Document k: sentences about a few topics, leaning on two of them, naming its own place. */
function documentText(k, rand) {
  const lean = [WORDS[k % WORDS.length], WORDS[(k * 7 + 3) % WORDS.length]];
  const place = `${PLACES[k % PLACES.length]}${String.fromCodePoint(0x4e00 + ((k * 37) % 500))}`;
  const sentences = [];
  for (let s = 0; s < 12; s++) {
    const topic = rand() < 0.6 ? lean[s % 2] : WORDS[Math.floor(rand() * WORDS.length)];
    sentences.push(`${place}大力发展${topic}，${topic}建设取得新进展。`);
  }
  return sentences.join('');
}

const NAMES = Array.from({ length: N }, (_, k) => `文档${String(k + 1).padStart(3, '0')}.txt`);

test('120 documents: all listed and exported, few drawn; the matrix readout gives the report’s value', { timeout: 180_000 }, async () => {
  const { context, page, errors } = await openCorpusMode(env, { viewport: { width: 1280, height: 900 } });
  try {
    const rand = random(15);
    await openFiles(page, NAMES.map((name, k) => ({ name, text: documentText(k, rand) })));
    // The documents list draws only its rows in view; each tells the list's size.
    await page.locator(`[data-testid="corpus-doc"][aria-setsize="${N}"]`).first().waitFor();
    await page.getByTestId('corpus-analyse').click();
    await page.waitForFunction(() => document.querySelector('#view-corpus')?.dataset.state === 'ready', null, { timeout: 120_000 });

    // The documents table: all 120 counted, far fewer drawn.
    const table = page.getByTestId('creport-docs-table');
    assert.equal(await table.getAttribute('aria-rowcount'), String(N + 1), 'aria-rowcount: 120 documents and the header row');
    const drawn = await table.locator('tbody tr[aria-rowindex]').count();
    assert.ok(drawn > 0 && drawn < N / 2, `${drawn} rows in the DOM`);
    const firstName = await table.locator('tbody tr[aria-rowindex="2"] th').textContent();
    const docsCsv = (await downloaded(page, 'creport-docs-export-csv')).text.replace(/^\ufeff/, '').trim().split('\r\n');
    assert.equal(docsCsv.length, N + 1, 'the CSV has every document');
    const docsJson = JSON.parse((await downloaded(page, 'creport-docs-export-json')).text);
    assert.equal(docsJson.length, N);
    assert.deepEqual(docsJson.map((d) => d.name), NAMES, 'every document, in corpus order');
    assert.equal(firstName, NAMES[0]);

    // Scrolled to the bottom, the box shows the last document (row 121 of the table).
    const wrap = table.locator('xpath=..');
    await wrap.evaluate((box) => {
      box.scrollTop = box.scrollHeight;
    });
    const last = table.locator(`tbody tr[aria-rowindex="${N + 1}"]`);
    await last.waitFor();
    assert.equal(await last.locator('th').textContent(), docsJson.at(-1).name);
    assert.ok(await last.isVisible());
    assert.ok((await table.locator('tbody tr[aria-rowindex]').count()) < N / 2, 'still few rows after scrolling');

    // The similarity matrix: the readout of a cell gives the report's value for it.
    const sim = JSON.parse((await downloaded(page, 'creport-similarity-export-json')).text);
    assert.equal(sim.order.length, N);
    assert.equal(sim.matrix.length, N);
    const expected = (r, c) => sim.matrix[sim.order[r]][sim.order[c]];
    const matrixBox = page.getByTestId('creport-similarity-matrix');
    await matrixBox.scrollIntoViewIfNeeded();
    const cell = Number(await page.getByTestId('creport-similarity-matrix-canvas').getAttribute('data-cell'));
    const readout = page.getByTestId('creport-similarity-matrix-readout');
    const read = async () => ({
      row: Number(await readout.getAttribute('data-row')),
      col: Number(await readout.getAttribute('data-col')),
      value: Number(await readout.getAttribute('data-value')),
      text: await readout.textContent(),
    });
    const at = await matrixBox.boundingBox();
    const [r, c] = [5, 9];
    await page.mouse.move(at.x + 1 + c * cell + cell / 2, at.y + 1 + r * cell + cell / 2);
    let shown = await read();
    assert.deepEqual([shown.row, shown.col], [r, c]);
    assert.equal(shown.value, expected(r, c));
    assert.ok(shown.text.includes(expected(r, c).toFixed(2)), shown.text);
    assert.ok(shown.text.includes(docsJson.find((d) => d.index === sim.order[r]).name), shown.text);

    // By keyboard: the focus cell starts at the corner; End goes to the row's last column
    // (scrolling the matrix), Down one row.
    await matrixBox.focus();
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowDown');
    shown = await read();
    assert.deepEqual([shown.row, shown.col], [1, N - 1]);
    assert.equal(shown.value, expected(1, N - 1));
    assert.ok(await matrixBox.evaluate((box) => box.scrollLeft > 0 || box.scrollWidth <= box.clientWidth));

    // The matrix as a table: 120 rows and columns counted, few drawn.
    const simTable = page.getByTestId('creport-similarity-table');
    await page.getByTestId('creport-similarity').locator('summary').click();
    // The table is drawn on the disclosure's 'toggle' event, which comes after the click.
    await page.waitForFunction(() => document.querySelector('[data-testid="creport-similarity-table"]').hasAttribute('aria-rowcount'));
    assert.equal(await simTable.getAttribute('aria-rowcount'), String(N + 1));
    assert.equal(await simTable.getAttribute('aria-colcount'), String(N + 1));
    const cells = await simTable.locator('tbody td[aria-colindex]').count();
    assert.ok(cells > 0 && cells < (N * N) / 4, `${cells} cells in the DOM`);
    const firstCell = simTable.locator('tbody tr[aria-rowindex="2"] td[aria-colindex="3"]');
    assert.equal(Number(await firstCell.getAttribute('data-value')), expected(0, 1));

    await page.getByTestId('view-corpus').screenshot({ path: new URL('../../test-output/corpus-scale-120.png', import.meta.url).pathname });

    const simCsv = (await downloaded(page, 'creport-similarity-export-csv')).text.replace(/^\ufeff/, '').trim().split('\r\n');
    assert.equal(simCsv.length, N + 1);
    assert.equal(simCsv[0].split(',').length, N + 1);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
