// A square matrix of shaded cells drawn on a <canvas> the size of its scrolling box: however
// large the matrix (500 × 500 documents is 250,000 cells), each frame paints only the cells in
// view (issue 15). The canvas stays in place (position: sticky) while a sizer the matrix's full
// size gives the box its scroll bars. Pointing at a cell, or moving a focus cell with the
// arrow keys (Home/End, Page Up/Down too), shows the cell in a readout line (aria-live), so the
// values are reachable without colour and without a mouse; the caller adds a table beside it.

import { el } from './dom.js';

/** Shades 0–5 as in corpus.css (.creport-heat-N): the accent over the surface at these strengths. */
const STRENGTH = [0, 0.14, 0.3, 0.5, 0.72, 1];

/**
 * `size`: rows = columns; `value(r, c)` the number of the cell at display position (r, c);
 * `level(v)` its shade 0–5; `label(r, c)` the readout's text; `cell` the cell's side in CSS
 * pixels; `testid` names the box (`${testid}`), canvas and readout. Returns { element } (the
 * box and the readout, to put in the page) and focus(r, c).
 */
export function matrixCanvas({ size, value, level, label, cell, testid, name }) {
  const canvas = el('canvas', { className: 'matrix-canvas', attrs: { 'aria-hidden': 'true', 'data-testid': `${testid}-canvas`, 'data-cell': cell, 'data-size': size } });
  const sizer = el('div', { className: 'matrix-sizer' }, canvas);
  sizer.style.width = sizer.style.height = `${size * cell}px`;
  const readout = el('p', { className: 'matrix-readout', attrs: { 'aria-live': 'polite', 'data-testid': `${testid}-readout` } });
  const box = el('div', {
    className: 'matrix-box',
    attrs: { role: 'application', tabindex: '0', 'aria-label': name, 'aria-describedby': null, 'data-testid': testid },
  }, sizer);
  readout.id = `${testid}-readout`;
  box.setAttribute('aria-describedby', readout.id);

  let focus = null; // [r, c] of the keyboard's cell
  let hover = null;
  let frame = 0;
  let colours = null;

  function paint() {
    frame = 0;
    const width = box.clientWidth;
    const height = box.clientHeight;
    if (!width || !height) return;
    const ratio = window.devicePixelRatio || 1;
    const w = Math.min(width, size * cell);
    const h = Math.min(height, size * cell);
    if (canvas.width !== Math.round(w * ratio) || canvas.height !== Math.round(h * ratio)) {
      canvas.width = Math.round(w * ratio);
      canvas.height = Math.round(h * ratio);
      canvas.style.width = `${w}px`;
      canvas.style.height = `${h}px`;
    }
    if (!colours) {
      const css = getComputedStyle(box);
      const get = (name, fallback) => css.getPropertyValue(name).trim() || fallback;
      colours = { bg: get('--bg', '#f7f6f2'), surface: get('--surface', '#fff'), accent: get('--accent', '#9b2c2c'), focus: get('--focus', '#1a5fb4'), text: get('--text', '#000') };
    }
    const ctx = canvas.getContext('2d');
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    const left = box.scrollLeft;
    const top = box.scrollTop;
    const c0 = Math.floor(left / cell);
    const c1 = Math.min(size, Math.ceil((left + w) / cell));
    const r0 = Math.floor(top / cell);
    const r1 = Math.min(size, Math.ceil((top + h) / cell));
    ctx.fillStyle = colours.surface;
    ctx.fillRect(0, 0, w, h);
    const gap = cell >= 8 ? 1 : 0;
    for (let r = r0; r < r1; r++) {
      for (let c = c0; c < c1; c++) {
        const shade = level(value(r, c));
        ctx.globalAlpha = 1;
        ctx.fillStyle = shade === 0 ? colours.bg : colours.surface;
        const x = c * cell - left;
        const y = r * cell - top;
        ctx.fillRect(x, y, cell - gap, cell - gap);
        if (shade > 0) {
          ctx.globalAlpha = STRENGTH[shade];
          ctx.fillStyle = colours.accent;
          ctx.fillRect(x, y, cell - gap, cell - gap);
        }
      }
    }
    ctx.globalAlpha = 1;
    for (const [mark, colour] of [[hover, colours.text], [document.activeElement === box ? focus : null, colours.focus]]) {
      if (!mark) continue;
      ctx.strokeStyle = colour;
      ctx.lineWidth = 2;
      ctx.strokeRect(mark[1] * cell - left + 1, mark[0] * cell - top + 1, Math.max(2, cell - 2), Math.max(2, cell - 2));
    }
  }
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(paint);
  };

  function show(at) {
    if (!at) return;
    readout.textContent = label(at[0], at[1]);
    readout.dataset.row = at[0];
    readout.dataset.col = at[1];
    readout.dataset.value = value(at[0], at[1]);
  }

  function cellAt(event) {
    const rect = box.getBoundingClientRect();
    const x = event.clientX - rect.left + box.scrollLeft - box.clientLeft;
    const y = event.clientY - rect.top + box.scrollTop - box.clientTop;
    const r = Math.floor(y / cell);
    const c = Math.floor(x / cell);
    return r >= 0 && c >= 0 && r < size && c < size ? [r, c] : null;
  }

  box.addEventListener('pointermove', (event) => {
    const at = cellAt(event);
    if (at && hover && at[0] === hover[0] && at[1] === hover[1]) return;
    hover = at;
    show(at);
    schedule();
  });
  box.addEventListener('pointerleave', () => {
    hover = null;
    schedule();
  });
  box.addEventListener('click', (event) => {
    const at = cellAt(event);
    if (at) moveFocus(at[0], at[1]);
  });
  box.addEventListener('focus', () => {
    if (!focus) focus = [0, 0];
    show(focus);
    schedule();
  });
  box.addEventListener('blur', schedule);
  box.addEventListener('scroll', schedule, { passive: true });
  box.addEventListener('keydown', (event) => {
    const [r, c] = focus ?? [0, 0];
    const page = Math.max(1, Math.floor(box.clientHeight / cell) - 1);
    const to = {
      ArrowRight: [r, c + 1],
      ArrowLeft: [r, c - 1],
      ArrowDown: [r + 1, c],
      ArrowUp: [r - 1, c],
      Home: event.ctrlKey ? [0, 0] : [r, 0],
      End: event.ctrlKey ? [size - 1, size - 1] : [r, size - 1],
      PageDown: [r + page, c],
      PageUp: [r - page, c],
    }[event.key];
    if (!to) return;
    event.preventDefault();
    moveFocus(to[0], to[1]);
  });

  function moveFocus(r, c) {
    focus = [Math.max(0, Math.min(size - 1, r)), Math.max(0, Math.min(size - 1, c))];
    // Keep the focus cell in view.
    const x = focus[1] * cell;
    const y = focus[0] * cell;
    if (x < box.scrollLeft) box.scrollLeft = x;
    else if (x + cell > box.scrollLeft + box.clientWidth) box.scrollLeft = x + cell - box.clientWidth;
    if (y < box.scrollTop) box.scrollTop = y;
    else if (y + cell > box.scrollTop + box.clientHeight) box.scrollTop = y + cell - box.clientHeight;
    show(focus);
    schedule();
  }

  const resize = typeof ResizeObserver === 'function' ? new ResizeObserver(schedule) : null;
  resize?.observe(box);
  schedule();

  return {
    element: el('div', { className: 'matrix' }, box, readout),
    focus: (r, c) => {
      box.focus();
      moveFocus(r, c);
    },
  };
}
