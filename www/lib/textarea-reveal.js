// The page's textarea as a place to show a range of the text (app.js), for when the text view
// has not drawn: the range selected and scrolled a quarter of the way down.

import { el } from './dom.js';

/**
 * A reveal (state.reveal) shown in the page's textarea, where the text view draws nothing: until
 * the text view is written, a reveal selects the range in the textarea, as the first
 * page did. The text view takes over once it draws anything.
 */
export function revealInTextarea(textarea, textView, { reveal, analyzedText }) {
  if (!reveal || textView.childElementCount > 0) return;
  if (textarea.value !== analyzedText) return;
  let from = reveal.start;
  let to = reveal.end;
  // Keep the blank lines between sections out of the selection: the highlight covers the text.
  while (to > from && /\s/.test(textarea.value[to - 1])) to--;
  while (from < to && /\s/.test(textarea.value[from])) from++;
  textarea.focus({ preventScroll: true });
  textarea.setSelectionRange(from, to, 'forward');
  scrollTextareaTo(textarea, from);
  textarea.scrollIntoView({ block: 'nearest' });
}

/**
 * Scroll the textarea so that offset `at` sits a quarter of the way down: measure the height of
 * the text before it in an invisible copy laid out at the textarea's width and font.
 */
function scrollTextareaTo(textarea, at) {
  const style = getComputedStyle(textarea);
  const mirror = el('div', { className: 'textarea-mirror', attrs: { 'aria-hidden': 'true' } });
  for (const prop of ['fontFamily', 'fontSize', 'fontWeight', 'lineHeight', 'letterSpacing', 'wordSpacing', 'tabSize']) {
    mirror.style[prop] = style[prop];
  }
  const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
  mirror.style.width = `${textarea.clientWidth - padding}px`;
  // A trailing line break adds no line box of its own; the caret's line starts below it.
  mirror.textContent = textarea.value.slice(0, at) + '\u200b';
  document.body.append(mirror);
  const lineHeight = parseFloat(style.lineHeight) || 24;
  const caretTop = mirror.scrollHeight - lineHeight + parseFloat(style.paddingTop);
  mirror.remove();
  textarea.scrollTop = Math.max(0, caretTop - textarea.clientHeight / 4);
}
