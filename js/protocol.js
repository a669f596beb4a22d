// The one message protocol between a client (index.js's WorkerAnalyzer, which the page, the
// component and `createAnalyzer` all use) and the engine's worker (worker.js, which loads the
// wasm and hands the port to the Rust loop `serve` in src/wasm/worker.rs). Every message is a
// plain object.
//
//   client → worker  {type: 'init', wasmUrl?}                      loads the wasm; every init
//                                                                   is answered with 'ready'
//                    {type: 'analyze', id, text, options}
//                    {type: 'segmentPart', id, text, options, part, of}
//                                                                   one worker's share of an
//                                                                   analysis in parts: part
//                                                                   `part` of `of` segmented,
//                                                                   as a Uint8Array (transferred)
//                    {type: 'analyzeParts', id, text, options, of, parts}
//                                                                   'analyze' with the parts
//                                                                   other workers segmented
//                                                                   (any unfit is done here);
//                                                                   text null: the one this
//                                                                   worker segmented part 0 of
//                    {type: 'tokenize', id, text, options}
//                    {type: 'segmentedText', id, text, options}
//                    {type: 'concordance', id, text, ranges, options}
//                    {type: 'addWords' | 'removeWords', id, words}
//                    {type: 'resetWords', id}
//                    {type: 'warmUp', id}                          one analysis of a built-in
//                                                                   text, kept nowhere
//                    {type: 'convert', id, text, to}               to 'traditional' only after
//                                                                   loadTraditionalPhrases
//                    {type: 'loadTraditionalPhrases', id, text}    OpenCC's STPhrases.txt (the
//                                                                   wasm leaves it out)
//                    {type: 'loadLevels', id, text}                the HSK word lists (the wasm
//                                                                   leaves them out), before
//                                                                   'levels' and 'levelMarks'
//                    {type: 'builtinStopwords', id}
//                    {type: 'summarize', id, name, text, options}   a corpus document's summary
//                                                                   (DocumentSummary): counts,
//                                                                   not the text
//                    {type: 'corpusReport', id, summaries, options} the CorpusReport of the
//                                                                   summaries, in order
//                                                                   (null: the kept corpus's);
//                                                                   options: CorpusReportOptions
//                    {type: 'clearDocuments', id}                  forget the kept corpus
//                    {type: 'keepDocument', id, index, name, text, options, queries}
//                                                                   analyse and keep document
//                                                                   `index` (its tokens and text
//                                                                   too with `queries`)
//                    {type: 'exportDocument', id, name, text, options}  → {summary, kept}: kept
//                                                                   a Uint8Array (transferred)
//                                                                   for another worker's
//                    {type: 'adoptDocument', id, index, summary, kept?}  keep a document
//                                                                   another worker analysed
//                    {type: 'compareGroups', id, a, b, terms}      keyness of two groups of
//                                                                   the kept corpus
//                    {type: 'corpusConcordance' | 'corpusCollocates' | 'corpusNgrams', id,
//                           request}                                a query over the kept
//                                                                   corpus's documents
//                    {type: 'concordance' | 'collocates' | 'ngrams' | 'terms' | 'dispersion'
//                           | 'trends' | 'levels' | 'levelMarks', id, request}
//                                                                   a query on the last analysed
//                                                                   text; request as in
//                                                                   report.d.ts (*Request);
//                                                                   levelMarks' spans are
//                                                                   transferred
//   worker → client  {type: 'ready', version, maxInputLength}
//                    {type: 'progress', id, stage, fraction, ms}    while 'analyze' runs, at
//                                                                   most one per 50 ms and the
//                                                                   last (fraction 1)
//                    {type: 'result', id, value, ms, timings?, partsUsed?}
//                                                                   timings: ms per stage;
//                                                                   partsUsed: how many of an
//                                                                   'analyzeParts' were used
//                    {type: 'error', id, kind, message}             id null: start-up failed
//
// Requests are answered one at a time in the order sent. An analysis's report arrives with its
// keywords' occurrences packed (`occurrencesPacked`, one Uint32Array each, transferred rather
// than copied), and their counts per section too (`sectionsPacked`); `unpackReport` gives it
// back the analyzer's shape.

/**
 * Every `kind` a failed call can have: the analyzer's own (src/error.rs), and the worker's.
 * An aborted call rejects with its signal's reason instead (an 'AbortError' by default).
 */
export const ERROR_KINDS = Object.freeze([
  'invalid_options', // an option has the wrong type, or is not an option
  'invalid_word', // a custom word is empty, too long or has whitespace
  'invalid_request', // a message the worker does not know (a bug of the caller's)
  'input_too_large', // the text is longer than maxInputLength
  'not_analyzed', // a query before any text was analysed (queries read the last one)
  'invalid_query', // a query's request refused: empty, a bad or too costly pattern, out of range
  'invalid_summary', // a corpus report's summary that is not one of this version's (named by index)
  'invalid_frequency_list', // a reference frequency list's line that is not word<TAB>count
  'internal', // a bug of Wenxi's; the worker is replaced
  'init_failed', // the wasm could not be loaded or compiled
  'worker_failed', // the worker script could not run
  'terminated', // terminate() was called while the call waited
]);

/** An Error with a stable `kind`. */
export function failure(kind, message) {
  return Object.assign(new Error(message), { kind });
}

/** The fields a worker packs into one Uint32Array each, and what they unpack to. */
const PACKED = [
  ['occurrencesPacked', 'occurrences'],
  ['sectionsPacked', 'sections'],
];

/**
 * The report as the analyzer gives it: each keyword's `occurrencesPacked` and `sectionsPacked`
 * turn back into `occurrences` ([[start, end], …]) and `sections` ([[section, count], …]) the
 * first time each is read (views read the selected keyword's occurrences only), ordinary
 * enumerable properties after that, so JSON exports see the usual shape. The worker leaves
 * `occurrences` and `sections` in their places (empty), and redefining a property keeps its
 * place, so the field order stays the analyzer's. Anything that is not a packed report passes
 * through untouched.
 */
export function unpackReport(report) {
  if (!Array.isArray(report?.keywords)) return report;
  for (const keyword of report.keywords) {
    for (const [packed, field] of PACKED) {
      const flat = keyword[packed];
      if (!(flat instanceof Uint32Array)) continue;
      delete keyword[packed];
      Object.defineProperty(keyword, field, {
        configurable: true,
        enumerable: true,
        get() {
          const pairs = [];
          for (let i = 0; i + 1 < flat.length; i += 2) pairs.push([flat[i], flat[i + 1]]);
          Object.defineProperty(keyword, field, { value: pairs, enumerable: true, writable: true, configurable: true });
          return pairs;
        },
      });
    }
  }
  return report;
}
