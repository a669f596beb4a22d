// The views of the page, mounted by app.js into the containers of index.html: the one list of
// them. A view NAME is the module views/NAME.js, its stylesheet views/NAME.css, its container
// <section id="view-NAME" data-view="NAME"> and its title, the string `view.NAME`, which the
// module registers and the results navigation shows.
//
// A view module exports `mount(root, ctx)`:
//   root  its container element (index.html: <section id="view-NAME">); the view owns
//         everything inside it and draws only there.
//   ctx   { store, actions, t }
//     store    lib/store.js: get(), set(patch), subscribe(fn(state, changed))
//     actions  { analyze(), cancel(), addWords(words), removeWords(words),
//                convert(text, 'simplified' | 'traditional') → Promise<string>,
//                builtinStopwords() → Promise<string[]>, forgetWords(words),
//                reveal(start, end),  — sets state.reveal for the text view
//                concordance(ConcordanceRequest) → Promise<Concordance>,
//                terms(TermsRequest) → Promise<Terms>,
//                collocates(CollocatesRequest) → Promise<Collocates>,
//                ngrams(NgramsRequest) → Promise<Ngrams>,
//                dispersion(DispersionRequest) → Promise<Dispersion>,
//                trends(TrendsRequest) → Promise<Trends>,
//                levels(LevelsRequest) → Promise<LevelsProfile>,
//                segmentedText() → Promise<string>, allKeywords() → Promise<Keyword[]>,
//                analyzeCorpus(documents, {signal, onProgress}) → Promise<CorpusReport>,
//                corpusReport(options) → Promise<CorpusReport>  — of the kept corpus, e.g.
//                  with {reference}: engine.corpusReport(null, …)
//                compareGroups(a, b, {terms}) → Promise<Comparison>,
//                corpusConcordance(ConcordanceRequest) → Promise<CorpusConcordance>,
//                corpusCollocates(CollocatesRequest) → Promise<Collocates>,
//                corpusNgrams(NgramsRequest) → Promise<{ngrams}> }
//              the queries (concordance to trends) and the last two read the analysed text
//              (state.analyzedText) the engine keeps; a view re-asks when `report` changes
//              and drops an answer to an older request
//     t        lib/i18n.js t(key): the interface string for the current language
// The corpus mode's documents are in the store too (state.mode, state.corpus: lib/corpus.js),
// gathered by corpus-input.js. `actions.analyzeCorpus(documents, {signal, onProgress})` takes
// [{name, text}] in corpus order and the page's analysis options, and resolves to the engine's
// CorpusReport (js/report.d.ts; engine.analyzeCorpus, the package's WorkerAnalyzer): its
// `documents[i]` is `documents[i]`; `onProgress({document: i, of: n, name})` as document i
// (0-based) is analysed; `signal` aborts it (an 'AbortError'). corpus-input.js's Analyse corpus button calls
// it and stores `state.corpusReport = {report, documents: [{id, name}]}` (the documents it was
// made from, to tell when they changed since); the corpus view (corpus.js) draws that.
// analyzeCorpus asks the engine to keep the corpus (`keep: true`), and the corpus queries
// (corpusReport to corpusNgrams) read it: corpus-search.js and corpus-keyness.js ask them,
// through latestAnswer(store, 'corpusReport'), again when `corpusReport` changes.
// A view redraws in its store subscription, for the keys it shows; it puts user-derived
// strings in with textContent only (lib/dom.js). It computes what it shows from the report
// through the package's report model (pkg/model.js: rankings, sections, keyness, options) and
// draws with the shared widgets of lib/widgets.js; a view never imports another view.

import * as keywords from './keywords.js';
import * as charts from './charts.js';
import * as keyness from './keyness.js';
import * as outline from './outline.js';
import * as heatmap from './heatmap.js';
import * as text from './text.js';
import * as kwic from './kwic.js';
import * as terms from './terms.js';
import * as collocates from './collocates.js';
import * as ngrams from './ngrams.js';
import * as dispersion from './dispersion.js';
import * as trends from './trends.js';
import * as stats from './stats.js';
import * as vocabulary from './vocabulary.js';
import * as options from './options.js';

/**
 * A view of the corpus mode, imported (with its stylesheet) the first time the page is in that
 * mode: a reader who only ever analyses one text never downloads it, about 30 KB brotli of the
 * page's first load. Until then its container stays as index.html has it, empty and hidden,
 * as it is outside corpus mode anyway. The module's `mount` then runs as it would have at
 * start-up, drawing from the store's state at that moment.
 */
function corpusModeView(name, load) {
  return {
    mount(root, ctx) {
      let unsubscribe = null;
      let started = false;
      const start = (state) => {
        if (started || state.mode !== 'corpus') return;
        started = true;
        unsubscribe?.();
        const link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = `views/${name}.css`;
        document.head.append(link);
        load()
          .then((view) => view.mount(root, ctx))
          .catch((error) => console.warn(`view ${name} failed to load`, error));
      };
      unsubscribe = ctx.store.subscribe((state) => start(state));
      start(ctx.store.get());
    },
  };
}

const corpus = corpusModeView('corpus', () => import('./corpus.js'));
const corpusSearch = corpusModeView('corpus-search', () => import('./corpus-search.js'));
const corpusKeyness = corpusModeView('corpus-keyness', () => import('./corpus-keyness.js'));

/** Every view by name, in the order they are mounted. */
export const VIEWS = { keywords, charts, keyness, outline, heatmap, text, kwic, collocates, ngrams, terms, dispersion, trends, stats, vocabulary, options, corpus, 'corpus-search': corpusSearch, 'corpus-keyness': corpusKeyness };
