// examples/module.html's script: the worker API without a bundler. In your own page, import
// from where the package is served, e.g. '/node_modules/wenxi/index.js'.
import { createAnalyzer } from '../pkg/index.js';

const $ = (id) => document.getElementById(id);
const status = (text) => ($('status').textContent = text);

let wenxi;
try {
  wenxi = await createAnalyzer(); // starts the worker; the wasm is fetched and compiled there
} catch (error) {
  status(`Wenxi could not start (${error.kind}): ${error.message}`);
  throw error;
}
status(`Ready (Wenxi ${wenxi.version()})`);
$('analyze').disabled = false;

// Progress arrives as events on the analyzer too (and through the onProgress callback).
wenxi.addEventListener('progress', (event) => {
  $('progress').value = event.detail.fraction;
});

let controller = null;

$('analyze').addEventListener('click', async () => {
  controller?.abort();
  controller = new AbortController();
  const { signal } = controller;
  $('cancel').disabled = false;
  $('progress').hidden = false;
  status('Analysing…');
  try {
    const report = await wenxi.analyze($('text').value, { topN: 10 }, { signal });
    // User text is shown with textContent only.
    $('keywords').replaceChildren(
      ...report.keywords.map((k) => {
        const li = document.createElement('li');
        li.textContent = `${k.word} ${k.count}`;
        return li;
      }),
    );
    status(`Done: ${report.keywords.length} keywords`);
  } catch (error) {
    if (signal !== controller.signal) return; // a newer analysis has taken over the page
    if (error.name === 'AbortError') status('Cancelled');
    else status(`Error (${error.kind}): ${error.message}`);
  } finally {
    if (controller?.signal === signal) {
      $('cancel').disabled = true;
      $('progress').hidden = true;
    }
  }
});

$('cancel').addEventListener('click', () => controller?.abort());
