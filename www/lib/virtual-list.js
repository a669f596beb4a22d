// Lists that draw only the items in view, for lists whose items hold controls (the corpus
// panel's documents: a name field and buttons each). With 500 documents every item in the DOM
// made each rendering frame lay out 500 fields and 1,500 buttons (over 50 ms; issue 15).
// lib/virtual-rows.js does the same for tables; this is its sibling for a <ol>/<ul>.
//
// The list sits alone in a scrolling box and is as tall as all its items (`count` × the item
// height); each item drawn is placed absolutely at its own offset, so any set of items can be
// drawn, not only a run: the items in view (plus a few either side), and the item that holds
// the focus wherever the box is scrolled, so a control keeps the focus and any text typed in
// it. Items are drawn in index order, so Tab moves through them in the list's order; moving
// the focus into an item draws the items around it before the next key press.
//
// Screen readers learn the list's full size: every item drawn carries aria-setsize and
// aria-posinset (WAI-ARIA listitem).

import { el } from './dom.js';

/** Items drawn beyond each edge of the window, so Tab and a small scroll find items there. */
const OVERSCAN = 6;
/** Items drawn while the box has no size yet (hidden, or not laid out). */
const UNMEASURED = 20;

/**
 * Make `list` (an <ol>/<ul>, the only child of the scrolling `box`) draw `count` items of one
 * height, which CSS gives them (`itemHeight`: the CSS pixels assumed until an item is measured).
 * `fillItem(li, index)` fills an item element for the item at `index` (0-based); the element
 * may hold another item's content from before, to be re-used.
 * Returns { refresh(count?), scrollToIndex(index), item(index), range(), destroy() }.
 */
export function virtualList(box, list, { count, fillItem, itemHeight = 48 }) {
  const drawn = new Map(); // index → li, in the DOM now
  const pool = []; // li elements out of use
  let total = count;
  let height = itemHeight;
  let frame = 0;

  list.style.position = 'relative';

  /** The index of the item holding the focus, or -1. */
  function focusedIndex() {
    const active = document.activeElement;
    if (!active || !list.contains(active)) return -1;
    const li = active.closest('li');
    return li && li.parentNode === list ? Number(li.dataset.index) : -1;
  }

  /** The items [first, end) in view, with the overscan. */
  function windowNow(measure) {
    // Not measured on the first drawing (reading a size there would lay the whole page out at
    // once); the ResizeObserver's first call, after the browser's own layout, draws it again.
    const view = measure ? box.clientHeight : 0;
    const sample = measure ? drawn.values().next().value : null;
    if (sample && sample.offsetHeight > 0 && sample.offsetHeight !== height) {
      // The rows changed height (a phone turned, the text zoomed): keep the same row at the
      // top of the box.
      const ratio = sample.offsetHeight / height;
      height = sample.offsetHeight;
      list.style.height = `${total * height}px`;
      box.scrollTop = Math.round(box.scrollTop * ratio);
    }
    if (view <= 0) return [0, Math.min(total, UNMEASURED)];
    const top = box.scrollTop;
    return [Math.max(0, Math.floor(top / height) - OVERSCAN), Math.min(total, Math.ceil((top + view) / height) + OVERSCAN)];
  }

  function draw(force = false, measure = true) {
    frame = 0;
    const before = height;
    const [first, end] = windowNow(measure);
    const keep = focusedIndex();
    const wanted = (i) => (i >= first && i < end) || (i === keep && i < total);
    // Out of view: back to the pool (never the focused item, which stays wanted).
    for (const [i, li] of drawn) {
      if (wanted(i)) continue;
      li.remove();
      drawn.delete(i);
      pool.push(li);
    }
    const indices = [];
    for (let i = first; i < end; i++) indices.push(i);
    if (keep >= 0 && keep < total && (keep < first || keep >= end)) {
      indices.push(keep);
      indices.sort((a, b) => a - b);
    }
    // The item height changed (a phone turned, the text zoomed): every item moves.
    const moved = force || height !== before;
    // The items still drawn are in index order in the DOM and are never moved (moving an
    // element takes the focus from it); new ones are inserted between them.
    let next = list.firstElementChild;
    for (const i of indices) {
      let li = drawn.get(i);
      const fresh = !li;
      if (fresh) {
        li = pool.pop() ?? el('li');
        drawn.set(i, li);
      }
      if (fresh || moved) {
        li.dataset.index = String(i);
        li.setAttribute('aria-posinset', String(i + 1));
        li.style.position = 'absolute';
        li.style.top = `${i * height}px`;
        li.style.left = '0';
        li.style.right = '0';
      }
      li.setAttribute('aria-setsize', String(total));
      if (fresh || force) fillItem(li, i);
      if (li === next) next = next.nextElementSibling;
      else list.insertBefore(li, next);
    }
    list.style.height = `${total * height}px`;
  }

  const onScroll = () => {
    if (!frame) frame = requestAnimationFrame(() => draw());
  };
  // The focus moved into an item (Tab, a click): draw the items around it now, so the next
  // Tab finds the item after it (the browser has scrolled the focused control into view).
  const onFocus = () => draw();
  box.addEventListener('scroll', onScroll, { passive: true });
  list.addEventListener('focusin', onFocus);
  // The box gets its size late (the panel shown, a phone rotated): draw again then.
  const resize = typeof ResizeObserver === 'function' ? new ResizeObserver(() => onScroll()) : null;
  resize?.observe(box);
  draw(true, false);

  return {
    /** Draw again, every item re-filled, e.g. after the items changed (and with a new count). */
    refresh(newCount = total) {
      total = newCount;
      draw(true);
    },
    /** Scroll the box so that the item at `index` is in view, and draw. */
    scrollToIndex(index) {
      const top = index * height;
      if (top < box.scrollTop) box.scrollTop = top;
      else if (top + height > box.scrollTop + box.clientHeight) box.scrollTop = top + height - box.clientHeight;
      draw();
    },
    /** The item element drawn for `index`, or null. */
    item: (index) => drawn.get(index) ?? null,
    /** The items [first, end) drawn for the window (the focused item may be drawn too). */
    range() {
      const keys = [...drawn.keys()];
      return keys.length ? [Math.min(...keys), Math.max(...keys) + 1] : [0, 0];
    },
    destroy() {
      box.removeEventListener('scroll', onScroll);
      list.removeEventListener('focusin', onFocus);
      resize?.disconnect();
      if (frame) cancelAnimationFrame(frame);
    },
  };
}
