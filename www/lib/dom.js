// Small DOM helpers. Nothing here parses HTML: every string becomes a text node, so text
// pasted from web pages (full of tags) can never become markup. The page's CSP backs this up.

/**
 * Create an element. `props.text` sets textContent; `props.className`; `props.attrs` sets
 * attributes (null/undefined/false skip); `props.on` adds event listeners; children may be
 * nodes or strings (strings become text nodes).
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = String(props.text);
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value !== undefined && value !== null && value !== false) node.setAttribute(name, String(value));
  }
  for (const [type, fn] of Object.entries(props.on ?? {})) node.addEventListener(type, fn);
  node.append(...children.filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}

/**
 * The caret position nearest the viewport point (x, y): `{ node, offset }`, both undefined
 * where there is none (the standard caretPositionFromPoint, or WebKit's caretRangeFromPoint).
 */
export function caretAt(x, y) {
  if (document.caretPositionFromPoint) {
    const p = document.caretPositionFromPoint(x, y);
    return { node: p?.offsetNode, offset: p?.offset };
  }
  const r = document.caretRangeFromPoint?.(x, y);
  return { node: r?.startContainer, offset: r?.startOffset };
}

/** The same for SVG elements (charts). */
export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== undefined && value !== null && value !== false) node.setAttribute(name, String(value));
  }
  node.append(...children.filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}

/** A bilingual label: the Chinese, then the English marked as such for screen readers. */
export function bilingual(zhText, enText) {
  return [zhText + ' ', el('span', { attrs: { lang: 'en' }, text: enText })];
}

/**
 * A classic script from this origin (a vendored library), loaded once by a script element:
 * the CSP allows 'self' scripts, and a UMD build sets its global there.
 */
export function loadScript(src) {
  return new Promise((resolve, reject) => {
    let script = [...document.scripts].find((x) => x.src === src);
    if (script?.dataset.loaded) return resolve();
    if (!script) {
      script = document.createElement('script');
      script.src = src;
      document.head.append(script);
    }
    script.addEventListener('load', () => {
      script.dataset.loaded = 'true';
      resolve();
    });
    script.addEventListener('error', () => reject(new Error(`${src} failed to load`)));
  });
}
