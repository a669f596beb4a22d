// Exports: CSV, TSV and JSON of tables, SVG and PNG of charts, downloads and the clipboard.
//
// Pure helpers first (they run in Node too: tests/browser/export.test.mjs), then the ones that
// need a browser. Every view may use them: `toCsv(rows, columns)` takes any list of rows.
//
// Spreadsheet safety: a cell that starts with = + - @ (or tab / carriage return) is read by
// Excel, LibreOffice and Google Sheets as a formula ("CSV injection", OWASP). Text from the
// user's document is neutralised with a leading apostrophe; numbers we computed are not text
// and are written as they are, so a negative log ratio stays a number.

/** A column: `header` (string) and `value(row, index)` giving a string, number or null. */
/** @typedef {{ header: string, value: (row: any, index: number) => (string | number | null | undefined) }} Column */

const FORMULA_START = /^[=+\-@\t\r]/;

/** `text` made safe to open in a spreadsheet: a formula-like start gets an apostrophe. */
export function neutralise(text) {
  const s = String(text);
  return FORMULA_START.test(s) ? `'${s}` : s;
}

/** One cell's text: numbers as numbers (no neutralising), strings neutralised, null empty. */
function cellText(value) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return neutralise(value);
}

/** RFC 4180 quoting: a cell with a quote, comma or line break is quoted, quotes doubled. */
function csvQuote(text) {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The UTF-8 byte order mark: without it Excel reads a CSV file as the system code page. */
export const BOM = '\ufeff';

/**
 * `rows` as CSV text: a header line, then one line per row, CRLF line ends (RFC 4180), a
 * leading BOM.
 * @param {any[]} rows
 * @param {Column[]} columns
 */
export function toCsv(rows, columns) {
  const lines = [columns.map((c) => csvQuote(neutralise(c.header))).join(',')];
  rows.forEach((row, i) => {
    lines.push(columns.map((c) => csvQuote(cellText(c.value(row, i)))).join(','));
  });
  return BOM + lines.join('\r\n') + '\r\n';
}

/**
 * `rows` as tab-separated text for the clipboard (pasting into a spreadsheet makes a table):
 * tabs and line breaks inside cells become spaces; cells are neutralised as in CSV.
 */
export function toTsv(rows, columns) {
  const clean = (text) => text.replace(/[\t\r\n]+/g, ' ');
  const lines = [columns.map((c) => clean(neutralise(c.header))).join('\t')];
  rows.forEach((row, i) => {
    // Neutralised before cleaning (a leading tab is a formula start) and after it.
    lines.push(columns.map((c) => neutralise(clean(cellText(c.value(row, i))))).join('\t'));
  });
  return lines.join('\n') + '\n';
}

/** Numbers rounded for export: enough digits to be exact for the reader, no float noise. */
export const round = (x, digits = 6) => (Number.isFinite(x) ? Number(x.toFixed(digits)) : null);

/** The keyword columns of CSV/TSV exports: rank as in `rows`, then the report's fields. */
export const KEYWORD_COLUMNS = [
  { header: 'rank', value: (_, i) => i + 1 },
  { header: 'word', value: (k) => k.word },
  { header: 'key', value: (k) => k.key },
  { header: 'count', value: (k) => k.count },
  { header: 'share', value: (k) => round(k.share) },
  { header: 'tfidf', value: (k) => round(k.weight) },
  { header: 'textrank', value: (k) => round(k.textrank) },
  { header: 'pos', value: (k) => k.pos },
  { header: 'first', value: (k) => k.first },
  { header: 'reference', value: (k) => k.reference },
  { header: 'sections', value: (k) => k.sections.map(([s, n]) => `${s}:${n}`).join(' ') },
];

/**
 * The dispersion columns the keyword table adds: Juilland's D and Gries' DP of each keyword,
 * from `measures` (a Map from a keyword's key to the engine's {juillandD, dp}); empty cells for
 * a keyword without them.
 */
export function dispersionColumns(measures) {
  return [
    { header: 'juillandD', value: (k) => round(measures.get(k.key)?.juillandD ?? NaN) },
    { header: 'dp', value: (k) => round(measures.get(k.key)?.dp ?? NaN) },
  ];
}

/** Keywords (in the given order) as CSV; with `measures`, their D and DP too (dispersionColumns). */
export function keywordsToCsv(keywords, measures) {
  return toCsv(keywords, measures ? [...KEYWORD_COLUMNS, ...dispersionColumns(measures)] : KEYWORD_COLUMNS);
}

/**
 * Keywords (in the given order) as a JSON document: what made them and the keyword objects
 * as the report has them, without the occurrence lists (the text's offsets are no use
 * without the text, and would make the file large).
 */
export function keywordsToJson(report, keywords, extra = {}) {
  const doc = {
    generator: `Wenxi ${report.version}`,
    ...extra,
    stats: report.stats,
    referenceTotal: report.referenceTotal,
    keywords: keywords.map(({ occurrences, ...rest }) => ({ ...rest, occurrenceCount: occurrences.length })),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

/**
 * `value` as a JSON document: two-space indents and a final newline, no BOM (RFC 8259 §8.1
 * forbids one). Key order is the objects' own, so the same value gives the same bytes.
 */
export function toJson(value) {
  return JSON.stringify(value, null, 2) + '\n';
}

/**
 * A safe download name: `base` (a fixed name such as "wenxi-keywords") reduced to ASCII
 * letters, digits, '-' and '_', plus the extension. Never derive `base` from the user's text
 * without passing it through here.
 */
export function fileName(base, ext) {
  const stem = String(base)
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-_.]+|[-_.]+$/g, '')
    .slice(0, 80);
  const extension = String(ext).replace(/[^A-Za-z0-9]/g, '').slice(0, 8) || 'txt';
  return `${stem || 'wenxi'}.${extension}`;
}

// ---------------------------------------------------------------------------------------------
// Browser-only helpers.

/** Save `data` (string or Blob) as `name` through an <a download>; the blob URL is revoked. */
export function download(data, name, type = 'text/plain;charset=utf-8') {
  const blob = data instanceof Blob ? data : new Blob([data], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The click starts the download synchronously; revoke on the next task, once it has the blob.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Save `value` as the JSON file `base`.json (`base` goes through fileName). */
export function downloadJson(value, base) {
  download(toJson(value), fileName(base, 'json'), 'application/json;charset=utf-8');
}

/** Put `text` on the clipboard; resolves true on success, false when the browser refuses. */
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

// Properties that CSS gives the chart on screen and that a standalone SVG file must carry
// itself, as presentation attributes (a style attribute would need 'unsafe-inline' here).
const PRESENTATION = [
  'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'opacity',
  'font-family', 'font-size', 'font-weight', 'text-anchor', 'dominant-baseline', 'text-decoration',
];

/**
 * A standalone SVG document of the on-screen `svgElement`: computed colours and fonts copied
 * into attributes (so CSS variables and dark mode come out as seen), the size fixed, a
 * background rectangle first, focus and interaction attributes dropped.
 *
 * `without`: classes that mark a passing state on screen (a selection that fades every other
 * word, say) and that the file is drawn without. They come off the chart while its styles are
 * read and go back before this returns, so the page never shows the difference.
 */
export function serializeSvg(svgElement, { without = [] } = {}) {
  const marked = without.flatMap((name) =>
    [svgElement, ...svgElement.querySelectorAll(`.${CSS.escape(name)}`)]
      .filter((node) => node.classList.contains(name))
      .map((node) => [node, name]),
  );
  for (const [node, name] of marked) node.classList.remove(name);
  try {
    return serializeAsShown(svgElement);
  } finally {
    for (const [node, name] of marked) node.classList.add(name);
  }
}

/** serializeSvg's work, on the chart as it is styled now. */
function serializeAsShown(svgElement) {
  const clone = svgElement.cloneNode(true);
  const originals = [svgElement, ...svgElement.querySelectorAll('*')];
  const copies = [clone, ...clone.querySelectorAll('*')];
  originals.forEach((node, i) => {
    const copy = copies[i];
    const style = getComputedStyle(node);
    for (const prop of PRESENTATION) {
      const value = style.getPropertyValue(prop);
      if (value && value !== 'normal' && value !== 'auto') copy.setAttribute(prop, value);
    }
    for (const attr of ['tabindex', 'class', 'role', 'aria-pressed', 'aria-label', 'data-key']) copy.removeAttribute(attr);
  });
  const { width, height } = svgElement.getBoundingClientRect();
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(Math.round(width)));
  clone.setAttribute('height', String(Math.round(height)));
  if (!clone.getAttribute('viewBox')) clone.setAttribute('viewBox', `0 0 ${Math.round(width)} ${Math.round(height)}`);
  const [vx, vy, vw, vh] = clone.getAttribute('viewBox').split(/[\s,]+/).map(Number);
  const background = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  const bg = getComputedStyle(svgElement).backgroundColor;
  for (const [k, v] of Object.entries({ x: vx, y: vy, width: vw, height: vh, fill: bg && bg !== 'rgba(0, 0, 0, 0)' ? bg : '#ffffff' })) {
    background.setAttribute(k, String(v));
  }
  clone.insertBefore(background, clone.firstChild);
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(clone) + '\n';
}

/**
 * The chart as a PNG Blob, drawn at `scale` × its on-screen size: the serialized SVG (with
 * serializeSvg's `options`) is loaded as an image (a data: URL, which the page's img-src
 * allows) and drawn on a canvas.
 */
export async function svgToPng(svgElement, scale = 2, options = {}) {
  const source = serializeSvg(svgElement, options);
  const { width, height } = svgElement.getBoundingClientRect();
  const bytes = new TextEncoder().encode(source);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  const image = new Image();
  image.src = `data:image/svg+xml;base64,${btoa(binary)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  canvas.getContext('2d').drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise((ok, fail) =>
    canvas.toBlob((blob) => (blob ? ok(blob) : fail(new Error('PNG encoding failed'))), 'image/png'),
  );
}
