// Tables that draw only the rows in view (issue 15: a 500-document corpus report must not
// freeze the page). A table of `count` rows of one fixed height sits in a scrolling box; its
// <tbody> holds a spacer row for the rows above the window, the rows in view (plus a few
// either side), and a spacer row for the rows below, so the scroll bar measures all of them.
// The row elements are made once and re-filled as the box scrolls. A wide table (the
// similarity matrix as a table) can draw only its columns in view the same way.
//
// Screen readers still learn the table's full size: the table carries aria-rowcount (its
// header row included, as WAI-ARIA counts rows) and every drawn row aria-rowindex; with
// columns, aria-colcount and aria-colindex. The box is focusable, so the keyboard scrolls it
// (arrows, Page Up/Down, Home/End) and the window follows.

import { el } from './dom.js';

/** Rows drawn beyond each edge of the window, so a small scroll shows rows already there. */
const OVERSCAN = 8;
/** Rows drawn while the box has no size yet (hidden, or not laid out). */
const UNMEASURED = 40;

/**
 * Make `table` (a <table> with its <thead>, inside the scrolling `box`) draw `count` rows of
 * `rowHeight` CSS pixels. `fillRow(tr, index, columns)` fills a row element for the row at
 * `index` (0-based, in the order the caller keeps); the element may hold the cells of another
 * row from before, to be re-used. With `columns: {count, width, before}` (`before`: the width
 * of the leading cells that are always drawn, e.g. a row heading), only the columns in view
 * are drawn: `columns` passed to fillRow (and to `fillHead(columns)`) is `[first, end)`, and
 * the caller puts a spacer cell of `spacer(n)` before and after them.
 * Returns { refresh(count?), scrollToRow(index), range(), destroy() }.
 */
export function virtualRows(box, table, { count, rowHeight, fillRow, fillHead = null, columns = null }) {
  const body = table.tBodies[0] ?? table.appendChild(el('tbody'));
  const above = spacerRow();
  const below = spacerRow();
  const pool = [];
  let total = count;
  let drawn = null; // [first, end, colFirst, colEnd] last drawn
  let frame = 0;

  table.setAttribute('aria-rowcount', String(total + (table.tHead?.rows.length ?? 0)));
  if (columns) table.setAttribute('aria-colcount', String(columns.count + 1));

  function spacerRow() {
    const tr = el('tr', { className: 'virtual-spacer', attrs: { 'aria-hidden': 'true' } }, el('td'));
    return tr;
  }

  /** The rows [first, end) and columns [colFirst, colEnd) in view, with the overscan. */
  function windowNow(measure) {
    // Not measured on the first drawing: reading a size there would lay the whole page out at
    // once; the ResizeObserver's first call (after the browser's own layout) draws it again.
    const head = measure ? table.tHead?.offsetHeight ?? 0 : 0;
    const height = measure ? box.clientHeight : 0;
    let first = 0;
    let end = Math.min(total, UNMEASURED);
    if (height > 0) {
      const top = Math.max(0, box.scrollTop - head);
      first = Math.max(0, Math.floor(top / rowHeight) - OVERSCAN);
      end = Math.min(total, Math.ceil((top + height) / rowHeight) + OVERSCAN);
    }
    let colFirst = 0;
    let colEnd = 0;
    if (columns) {
      const width = (measure && box.clientWidth) || 800;
      const left = Math.max(0, box.scrollLeft - columns.before);
      colFirst = Math.max(0, Math.floor(left / columns.width) - 2);
      colEnd = Math.min(columns.count, Math.ceil((left + width) / columns.width) + 2);
    }
    return [first, end, colFirst, colEnd];
  }

  function draw(force = false, measure = true) {
    frame = 0;
    const [first, end, colFirst, colEnd] = windowNow(measure);
    if (!force && drawn && drawn[0] === first && drawn[1] === end && drawn[2] === colFirst && drawn[3] === colEnd) return;
    drawn = [first, end, colFirst, colEnd];
    const colRange = columns ? [colFirst, colEnd] : null;
    if (columns && fillHead) fillHead(colRange);
    while (pool.length < end - first) pool.push(el('tr'));
    const rows = [];
    for (let k = 0; k < end - first; k++) {
      const tr = pool[k];
      const index = first + k;
      tr.setAttribute('aria-rowindex', String(index + 1 + (table.tHead?.rows.length ?? 0)));
      tr.style.height = `${rowHeight}px`;
      fillRow(tr, index, colRange);
      rows.push(tr);
    }
    setSpacer(above, first * rowHeight);
    setSpacer(below, (total - end) * rowHeight);
    const want = [first > 0 ? above : null, ...rows, end < total ? below : null].filter(Boolean);
    // Re-order only when the set of row elements changed (a scroll re-fills them in place).
    if (want.length !== body.children.length || want.some((tr, i) => body.children[i] !== tr)) body.replaceChildren(...want);
  }

  function setSpacer(tr, px) {
    tr.style.height = `${px}px`;
    tr.firstChild.colSpan = Math.max(1, table.tHead?.rows[0]?.cells.length ?? 1);
  }

  const onScroll = () => {
    if (!frame) frame = requestAnimationFrame(() => draw());
  };
  box.addEventListener('scroll', onScroll, { passive: true });
  // The box gets its size late (a closed <details> opened, a phone rotated): draw again then.
  const resize = typeof ResizeObserver === 'function' ? new ResizeObserver(() => onScroll()) : null;
  resize?.observe(box);
  // The box takes its height from its content (up to its max-height): give it the full height
  // before measuring the window.
  setSpacer(below, total * rowHeight);
  body.replaceChildren(below);
  draw(true, false);

  return {
    /** Draw again, e.g. after the rows were re-sorted (and with a new row count). */
    refresh(newCount = total) {
      total = newCount;
      setSpacer(below, total * rowHeight);
      body.replaceChildren(below);
      table.setAttribute('aria-rowcount', String(total + (table.tHead?.rows.length ?? 0)));
      draw(true);
    },
    /** Scroll the box so that the row at `index` is in view, and draw. */
    scrollToRow(index) {
      const head = table.tHead?.offsetHeight ?? 0;
      const top = head + index * rowHeight;
      if (top - head < box.scrollTop) box.scrollTop = top - head;
      else if (top + rowHeight > box.scrollTop + box.clientHeight) box.scrollTop = top + rowHeight - box.clientHeight;
      draw();
    },
    range: () => (drawn ? [drawn[0], drawn[1]] : [0, 0]),
    destroy() {
      box.removeEventListener('scroll', onScroll);
      resize?.disconnect();
      if (frame) cancelAnimationFrame(frame);
    },
  };
}

/** A spacer cell `px` wide, standing for the columns not drawn (see `columns` above). */
export function spacerCell(px) {
  const td = el('td', { className: 'virtual-gap', attrs: { 'aria-hidden': 'true' } });
  td.style.minWidth = td.style.width = td.style.maxWidth = `${px}px`;
  td.style.padding = '0';
  return td;
}
