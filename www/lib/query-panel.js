// The parts of a query panel in views/corpus-search.js (concordance, collocates, n-grams over
// the corpus): labelled form fields, and the answer area (a summary, a message, the export
// buttons and their status, a table in a scrolling region, a "show more" button). Styled by
// the kw-* classes of views/keywords.css and the csearch-* ones of views/corpus-search.css.
//
// Labels are set through the view's `say(node, key)`, which records them so the view can
// redo them when the language changes; nothing here writes user text.

import { el } from './dom.js';
import { t } from './i18n.js';
import { button, statusLine } from './widgets.js';

/**
 * The builders of one view's panels. `say(node, key)` translates a node's text and returns it;
 * `exporters[name]` is `{csv(), json()}`, called by panel `name`'s export buttons (read at the
 * click, so a panel can set its exporters after building its area).
 */
export function panelParts(say, exporters) {
  /** A label and its control, as one field of a panel's form. */
  const field = (id, labelKey, input, className = 'csearch-field') =>
    el('span', { className: `kw-field ${className}` }, say(el('label', { attrs: { for: id } }), labelKey), input);
  /** A whole-number input (its testid is its id). */
  const number = (id, value, min, max) =>
    el('input', { attrs: { type: 'number', id, min, max, step: 1, value, inputmode: 'numeric', 'data-testid': id } });
  /** A checkbox and its label: {input, box}. */
  const checkbox = (id, labelKey) => {
    const input = el('input', { attrs: { type: 'checkbox', id, 'data-testid': id } });
    return { input, box: el('span', { className: 'csearch-check' }, input, say(el('label', { attrs: { for: id } }), labelKey)) };
  };
  /** A select of `values`, each option's text the key `keyOf(value)`. */
  const select = (id, values, keyOf) =>
    el('select', { attrs: { id, 'data-testid': id } }, ...values.map((v) => say(el('option', { attrs: { value: v } }), keyOf(v))));

  /** The answer area of panel `name`, its table's region labelled by `headingId`. */
  const answerArea = (name, headingId) => {
    const summary = el('p', { className: 'csearch-summary', attrs: { 'data-testid': `csearch-${name}-summary`, 'aria-live': 'polite' } });
    const message = el('p', { className: 'kw-empty', attrs: { 'data-testid': `csearch-${name}-message` } });
    const status = statusLine(`csearch-${name}-status`);
    const csv = say(button('', () => exporters[name].csv(), { 'data-testid': `csearch-${name}-csv` }), 'export.csv');
    const json = say(button('', () => exporters[name].json(), { 'data-testid': `csearch-${name}-json` }), 'export.json');
    const head = el('tr', {});
    const tbody = el('tbody', {});
    const table = el('table', { className: `kw-table csearch-table csearch-${name}-table`, attrs: { 'data-testid': `csearch-${name}-table` } }, el('thead', {}, head), tbody);
    const wrap = el('div', { className: 'kw-wrap csearch-wrap', attrs: { role: 'region', tabindex: '0', 'aria-labelledby': headingId } }, table);
    const more = el('button', { className: 'kw-button csearch-more', attrs: { type: 'button', 'data-testid': `csearch-${name}-more` } });
    const results = el('div', { className: 'csearch-results' }, el('div', { className: 'kw-toolbar' }, el('div', { className: 'kw-exports' }, csv, json)), status, wrap, more);
    return { summary, message, status, head, tbody, wrap, more, results };
  };

  /** The area's column headings: [key, numeric] pairs, translated now (drawn with the table). */
  const headCells = (area, columns) =>
    area.head.replaceChildren(...columns.map(([key, num]) => el('th', { className: num ? 'num' : null, attrs: { scope: 'col' }, text: t(key) })));

  return { field, number, checkbox, select, answerArea, headCells };
}
