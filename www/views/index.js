// The views of the page, mounted by app.js into the containers of index.html.
//
// A view module exports `mount(root, ctx)`:
//   root  its container element (index.html: <section id="view-NAME">); the view owns
//         everything inside it and draws only there.
//   ctx   { store, actions, t }
//     store    lib/store.js: get(), set(patch), subscribe(fn(state, changed))
//     actions  { analyze(), cancel(), addWords(words), removeWords(words),
//                convert(text, 'simplified' | 'traditional') → Promise<string>,
//                builtinStopwords() → Promise<string[]>, forgetWords(words),
//                reveal(start, end) }   — reveal sets state.reveal for the text view
//     t        lib/i18n.js t(key): the interface string for the current language
// A view redraws in its store subscription, for the keys it shows; it puts user-derived
// strings in with textContent only (lib/dom.js). Its CSS is views/NAME.css, linked by
// index.html.

import * as keywords from './keywords.js';
import * as charts from './charts.js';
import * as keyness from './keyness.js';
import * as outline from './outline.js';
import * as heatmap from './heatmap.js';
import * as text from './text.js';
import * as kwic from './kwic.js';
import * as stats from './stats.js';
import * as options from './options.js';

export const VIEWS = { keywords, charts, keyness, outline, heatmap, text, kwic, stats, options };
