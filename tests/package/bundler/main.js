// Bundled by Vite: the worker and the wasm must come out as files of their own.
import { createAnalyzer } from 'wenxi';

const status = document.getElementById('status');

try {
  const wenxi = await createAnalyzer();
  const report = await wenxi.analyze('推动长江经济带发展，推动绿色发展。坚持生态优先、绿色发展，共抓大保护。', { topN: 3 });
  document.getElementById('top').textContent = report.keywords[0].word;
  status.textContent = `Done (Wenxi ${wenxi.version()})`;
  wenxi.terminate();
} catch (error) {
  status.textContent = `Failed: ${error.message}`;
  console.error(error);
}
