//! The worker's side of the message protocol: one loop that every host of the engine runs
//! (the page's worker, `createAnalyzer`'s Web Worker, Node's worker thread), so that requests,
//! progress, transfers and failures behave alike everywhere. `js/protocol.js` documents the
//! messages; `js/worker.js` loads the module and calls [`serve`]; `js/index.js` is the client.
//!
//! Requests are handled one at a time, in the order they arrive (each is a synchronous wasm
//! call), so words added before an analysis are in the dictionary when it runs. Every failure
//! becomes an `error` message with a stable `kind`: one bad request never leaves the client
//! waiting. A panic (a bug of Wenxi's) is reported as kind `internal` for the request that
//! caused it before the module traps; the client then replaces the worker.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Object, Reflect, Uint32Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, MessagePort, Performance};

use super::convert::{
    index_of, indices_of, name_of, packed_marks, packed_report, parse_corpus_request,
    parse_options, parse_request, summaries_of, summary_of, text_of, to_js, whole_number_of,
    words_of,
};
use crate::report::{Progress, Stage};
use crate::Error;

/// Progress messages at most this often (ms): each one wakes the client's main thread.
const PROGRESS_INTERVAL_MS: f64 = 50.0;

/// Where requests come from and answers go: the dedicated worker's global scope in a browser,
/// or a `MessagePort` (Node's `worker_threads.parentPort`, or a port of a `MessageChannel`).
/// Both post with a transfer list and dispatch `message` events with the request as `data`.
#[derive(Clone)]
enum Port {
    Worker(DedicatedWorkerGlobalScope),
    Channel(MessagePort),
}

impl Port {
    fn post(&self, message: &JsValue, transfer: &Array) {
        // Posting fails only for a value that cannot be cloned, and every message here is
        // plain data; there is nobody to tell if it did.
        let _ = match self {
            Port::Worker(scope) => scope.post_message_with_transfer(message, transfer),
            Port::Channel(port) => port.post_message_with_transferable(message, transfer),
        };
    }

    fn listen(&self, on_message: &js_sys::Function) -> Result<(), JsValue> {
        match self {
            Port::Worker(scope) => scope.add_event_listener_with_callback("message", on_message),
            Port::Channel(port) => {
                port.add_event_listener_with_callback("message", on_message)?;
                // A port delivers nothing until started (Node starts it only for `on`).
                port.start();
                Ok(())
            }
        }
    }
}

thread_local! {
    /// The port and the id of the request being handled, for the panic hook: a panic must
    /// still answer that request before the module traps.
    static CURRENT: RefCell<Option<(Port, JsValue)>> = const { RefCell::new(None) };
}

/// Serve requests on `port` until the worker ends: build the analyzer (loading the
/// dictionary), post `{type: 'ready', version, maxInputLength}`, handle the `early` requests
/// (received while the module loaded) in order, then every request that arrives.
///
/// `port` is a `MessagePort`-shaped object (Node's `parentPort`), or `undefined` for the
/// dedicated worker's own global scope.
///
/// # Errors
/// A JS `Error` when `port` is neither, or when no listener can be added.
#[wasm_bindgen]
pub fn serve(port: JsValue, early: Option<Array>) -> Result<(), JsValue> {
    let port = if port.is_undefined() || port.is_null() {
        js_sys::global()
            .dyn_into::<DedicatedWorkerGlobalScope>()
            .map(Port::Worker)
            .map_err(|_| js_sys::Error::new("serve(): not in a dedicated worker; pass a port"))?
    } else if Reflect::has(&port, &"postMessage".into()).unwrap_or(false) {
        // Node's MessagePort is not an instance of a global `MessagePort` class, so it is
        // taken by its shape, which web-sys's bindings call structurally.
        Port::Channel(port.unchecked_into())
    } else {
        return Err(js_sys::Error::new("serve(): the port has no postMessage").into());
    };
    std::panic::set_hook(Box::new(report_panic));

    let server = Rc::new(RefCell::new(Server::new(port.clone())));
    server.borrow().post_ready();
    for request in early.iter().flat_map(|a| a.iter()) {
        server.borrow_mut().handle(&request);
    }
    let handler = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        server.borrow_mut().handle(&event.data());
    });
    port.listen(handler.as_ref().unchecked_ref())?;
    // The listener lives as long as the worker does.
    handler.forget();
    Ok(())
}

/// Answers the request being handled with kind `internal` and the panic's message.
fn report_panic(info: &std::panic::PanicHookInfo<'_>) {
    CURRENT.with(|current| {
        if let Some((port, id)) = current.borrow().as_ref() {
            let e = Error::Internal(info.to_string());
            port.post(&error_message(id, &e), &Array::new());
        }
    });
}

struct Server {
    analyzer: crate::Analyzer,
    port: Port,
    clock: Option<Performance>,
}

impl Server {
    fn new(port: Port) -> Server {
        // `performance` is a global in workers and in Node alike.
        let clock = Reflect::get(&js_sys::global(), &"performance".into())
            .ok()
            .filter(|p| !p.is_undefined())
            .map(JsCast::unchecked_into::<Performance>);
        Server {
            analyzer: crate::Analyzer::new(),
            port,
            clock,
        }
    }

    fn now(&self) -> f64 {
        self.clock.as_ref().map_or(0.0, Performance::now)
    }

    fn post_ready(&self) {
        let message = object(&[
            ("type", "ready".into()),
            ("version", crate::VERSION.into()),
            ("maxInputLength", (crate::MAX_INPUT_UTF16 as u32).into()),
        ]);
        self.port.post(&message, &Array::new());
    }

    /// Handle one request; anything without a string `type` is not for us and is ignored.
    fn handle(&mut self, data: &JsValue) {
        let Some(kind) = get(data, "type").as_string() else {
            return;
        };
        if kind == "init" {
            // The JS side started the module; a client that attached late asks again.
            self.post_ready();
            return;
        }
        let id = match get(data, "id") {
            id if id.is_undefined() => JsValue::NULL,
            id => id,
        };
        CURRENT.with(|c| *c.borrow_mut() = Some((self.port.clone(), id.clone())));
        let started = self.now();
        let answer = self.run(&kind, data, &id);
        let ms = self.now() - started;
        match answer {
            Ok(Answer {
                value,
                transfer,
                timings,
                parts_used,
            }) => {
                let mut fields = vec![
                    ("type", "result".into()),
                    ("id", id.clone()),
                    ("value", value),
                    ("ms", ms.into()),
                ];
                if let Some(timings) = timings {
                    fields.push(("timings", timings));
                }
                if let Some(used) = parts_used {
                    fields.push(("partsUsed", used.into()));
                }
                self.port.post(&object(&fields), &transfer);
            }
            Err(e) => self.port.post(&error_message(&id, &e), &Array::new()),
        }
        CURRENT.with(|c| *c.borrow_mut() = None);
    }

    fn run(&mut self, kind: &str, data: &JsValue, id: &JsValue) -> Result<Answer, Error> {
        match kind {
            "analyze" => self.analyze(data, id, None, |analyzer, text, options, progress| {
                Ok((
                    analyzer.analyze_with_progress(text, options, progress)?,
                    None,
                ))
            }),
            // A parallel analysis: each worker segments one part of the text, then one of
            // them analyses it with the others' parts (see `Analyzer::analyze_parts`).
            "segmentPart" => {
                let text = text_of(&get(data, "text"))?;
                let options = parse_options(&get(data, "options"))?;
                let part = whole_number_of(&get(data, "part"), "a part's index")?;
                let of = whole_number_of(&get(data, "of"), "the count of parts")?;
                let bytes = self.analyzer.segment_part(&text, &options, part, of)?;
                let bytes = js_sys::Uint8Array::from(bytes.as_slice());
                let transfer = Array::of1(&bytes.buffer());
                Ok(Answer::with_transfer(bytes.into(), transfer))
            }
            "analyzeParts" => {
                let of = whole_number_of(&get(data, "of"), "the count of parts")?;
                let parts: Vec<Vec<u8>> = Array::from(&get(data, "parts"))
                    .iter()
                    .filter_map(|p| {
                        p.dyn_ref::<js_sys::Uint8Array>()
                            .map(js_sys::Uint8Array::to_vec)
                    })
                    .collect();
                // Without a text: the one this worker segmented part 0 of.
                let text = match get(data, "text") {
                    t if t.is_null() || t.is_undefined() => Some(
                        self.analyzer
                            .prepared_text()
                            .ok_or_else(|| {
                                Error::InvalidRequest(
                                    "analyzeParts without a text follows a segmentPart of part 0 in the same worker".into(),
                                )
                            })?
                            .to_string(),
                    ),
                    _ => None,
                };
                self.analyze(data, id, text, |analyzer, text, options, progress| {
                    let (report, used) =
                        analyzer.analyze_parts(text, options, of, &parts, progress)?;
                    Ok((report, Some(used as u32)))
                })
            }
            "tokenize" => {
                let text = text_of(&get(data, "text"))?;
                let options = parse_options(&get(data, "options"))?;
                let pairs = self.analyzer.tokenize(&text, &options)?;
                let pairs = Uint32Array::from(pairs.as_slice());
                let transfer = Array::of1(&pairs.buffer());
                Ok(Answer::with_transfer(pairs.into(), transfer))
            }
            "segmentedText" => {
                let text = text_of(&get(data, "text"))?;
                let options = parse_options(&get(data, "options"))?;
                Ok(Answer::plain(
                    self.analyzer.segmented_text(&text, &options)?.into(),
                ))
            }
            "addWords" => {
                let words = words_of(&get(data, "words"))?;
                Ok(Answer::plain(
                    (self.analyzer.add_words(&words)? as u32).into(),
                ))
            }
            "removeWords" => {
                let words = words_of(&get(data, "words"))?;
                Ok(Answer::plain(
                    (self.analyzer.remove_words(&words)? as u32).into(),
                ))
            }
            // Done once after start-up by clients that expect a first analysis soon (the
            // page): see `Analyzer::warm_up`.
            "warmUp" => {
                self.analyzer.warm_up();
                Ok(Answer::plain(JsValue::NULL))
            }
            "resetWords" => {
                self.analyzer.reset_words();
                Ok(Answer::plain(JsValue::NULL))
            }
            // OpenCC's simplified→traditional phrases, which the wasm does not embed: the
            // client sends them once, before its first conversion to traditional script.
            "loadTraditionalPhrases" => {
                let phrases = text_of(&get(data, "text"))?;
                self.analyzer.load_traditional_phrases(&phrases);
                Ok(Answer::plain(JsValue::NULL))
            }
            // The HSK word lists, which the wasm does not embed: sent once, before the first
            // vocabulary profile.
            "loadLevels" => {
                let text = text_of(&get(data, "text"))?;
                self.analyzer.load_levels(&text)?;
                Ok(Answer::plain(JsValue::NULL))
            }
            "convert" => {
                let text = text_of(&get(data, "text"))?;
                let converted = match get(data, "to").as_string().as_deref() {
                    Some("simplified") => self.analyzer.to_simplified(&text),
                    Some("traditional") => self.analyzer.to_traditional(&text)?,
                    other => {
                        return Err(Error::InvalidOptions(format!(
                            "convert to \"simplified\" or \"traditional\", not {other:?}"
                        )))
                    }
                };
                Ok(Answer::plain(converted.into()))
            }
            // Corpus mode: one document at a time into its summary, then the report from all
            // of them. The client's own worker keeps the corpus (`keepDocument` for the
            // documents it analyses, `adoptDocument` for those other workers analysed and
            // exported), so that later reports, comparisons and the corpus queries read it.
            "keepDocument" => {
                let index = index_of(&get(data, "index"))?;
                let name = name_of(&get(data, "name"))?;
                let text = text_of(&get(data, "text"))?;
                let options = parse_options(&get(data, "options"))?;
                let queries = get(data, "queries").as_bool().unwrap_or(false);
                self.analyzer
                    .keep_document(index, &name, &text, &options, queries)?;
                Ok(Answer::plain(JsValue::NULL))
            }
            "exportDocument" => {
                let name = name_of(&get(data, "name"))?;
                let text = text_of(&get(data, "text"))?;
                let options = parse_options(&get(data, "options"))?;
                let (summary, bytes) = self.analyzer.export_document(&name, &text, &options)?;
                let kept = js_sys::Uint8Array::from(bytes.as_slice());
                let transfer = Array::of1(&kept.buffer());
                let value = object(&[("summary", to_js(&summary)?), ("kept", kept.into())]);
                Ok(Answer::with_transfer(value, transfer))
            }
            "adoptDocument" => {
                let index = index_of(&get(data, "index"))?;
                let summary = summary_of(&get(data, "summary"), "summary")?;
                let kept = get(data, "kept");
                let bytes = kept
                    .dyn_ref::<js_sys::Uint8Array>()
                    .map(js_sys::Uint8Array::to_vec);
                self.analyzer
                    .adopt_document(index, summary, bytes.as_deref())?;
                Ok(Answer::plain(JsValue::NULL))
            }
            "clearDocuments" => {
                self.analyzer.clear_documents();
                Ok(Answer::plain(JsValue::NULL))
            }
            "compareGroups" => {
                let a = indices_of(&get(data, "a"))?;
                let b = indices_of(&get(data, "b"))?;
                let terms = get(data, "terms")
                    .as_f64()
                    .map_or(crate::collection::CorpusOptions::default().terms, |t| {
                        t.max(0.0) as usize
                    });
                Ok(Answer::plain(to_js(
                    &self.analyzer.kept_compare(&a, &b, terms)?,
                )?))
            }
            "corpusConcordance" => self.query(data, |a, q| a.corpus_concordance(&q)),
            "corpusCollocates" => self.query(data, |a, q| a.corpus_collocates(&q)),
            "corpusNgrams" => self.query(data, |a, q| a.corpus_ngrams(&q)),
            "summarize" => {
                let name = name_of(&get(data, "name"))?;
                let text = text_of(&get(data, "text"))?;
                let options = parse_options(&get(data, "options"))?;
                let summary = self.analyzer.summarize(&name, &text, &options)?;
                Ok(Answer::plain(to_js(&summary)?))
            }
            // Without summaries: the kept corpus's.
            "corpusReport" => {
                let summaries = get(data, "summaries");
                let request = parse_corpus_request(&get(data, "options"))?;
                let report = if summaries.is_null() || summaries.is_undefined() {
                    self.analyzer.kept_corpus_report(&request)?
                } else {
                    let docs = summaries_of(&summaries)?;
                    self.analyzer.corpus_report(&docs, &request)?
                };
                Ok(Answer::plain(to_js(&report)?))
            }
            "builtinStopwords" => Ok(Answer::plain(to_js(&self.analyzer.builtin_stopwords())?)),
            // The queries read the last analysed text: `{type, id, request}`.
            "concordance" => self.query(data, |a, q| a.concordance(&q)),
            "collocates" => self.query(data, |a, q| a.collocates(&q)),
            "ngrams" => self.query(data, |a, q| a.ngrams(&q)),
            "terms" => self.query(data, |a, q| a.terms(&q)),
            "dispersion" => self.query(data, |a, q| a.dispersion(&q)),
            "trends" => self.query(data, |a, q| a.trends(&q)),
            "levels" => self.query(data, |a, q| a.levels(&q)),
            "levelMarks" => {
                let q = parse_request(&get(data, "request"))?;
                let (value, transfer) = packed_marks(self.analyzer.level_marks(&q)?)?;
                Ok(Answer::with_transfer(value, transfer))
            }
            other => Err(Error::InvalidRequest(format!(
                "unknown request type {other:?}"
            ))),
        }
    }

    /// A query on the last analysed text: its `request` read as `Q`, its result as a plain
    /// object.
    fn query<Q, R>(
        &self,
        data: &JsValue,
        run: impl FnOnce(&crate::Analyzer, Q) -> Result<R, Error>,
    ) -> Result<Answer, Error>
    where
        Q: serde::de::DeserializeOwned + Default,
        R: serde::Serialize,
    {
        let request = parse_request(&get(data, "request"))?;
        Ok(Answer::plain(to_js(&run(&self.analyzer, request)?)?))
    }

    /// `analyze` and `analyzeParts` (`run` is the analyzer's call, with how many parts made
    /// elsewhere it used; `text`, when given, instead of the request's): progress messages while it runs (at most one per 50 ms, and the
    /// last one), each with the milliseconds since the request began; the time each stage took
    /// goes with the result as `timings` (the report itself stays the same for the same input).
    fn analyze(
        &mut self,
        data: &JsValue,
        id: &JsValue,
        text: Option<String>,
        run: impl FnOnce(
            &mut crate::Analyzer,
            &str,
            &crate::Options,
            &mut dyn FnMut(Progress),
        ) -> Result<(crate::Report, Option<u32>), Error>,
    ) -> Result<Answer, Error> {
        let text = match text {
            Some(text) => text,
            None => text_of(&get(data, "text"))?,
        };
        let options = parse_options(&get(data, "options"))?;
        let (port, clock) = (self.port.clone(), self.clock.clone());
        let now = move || clock.as_ref().map_or(0.0, Performance::now);
        let started = now();
        let mut last_post = f64::NEG_INFINITY;
        let mut stage: Option<(Stage, f64)> = None;
        let timings = Object::new();
        let mut on_progress = |p: Progress| {
            let t = now();
            if stage.is_none_or(|(s, _)| s != p.stage) {
                if let Some((s, since)) = stage {
                    let _ = Reflect::set(&timings, &stage_name(s), &(t - since).into());
                }
                stage = Some((p.stage, t));
            }
            if t - last_post < PROGRESS_INTERVAL_MS && p.fraction < 1.0 {
                return;
            }
            last_post = t;
            if let Ok(message) = to_js(&p) {
                let _ = Reflect::set(&message, &"type".into(), &"progress".into());
                let _ = Reflect::set(&message, &"id".into(), id);
                let _ = Reflect::set(&message, &"ms".into(), &(t - started).into());
                port.post(&message, &Array::new());
            }
        };
        let (report, parts_used) = run(&mut self.analyzer, &text, &options, &mut on_progress)?;
        let (value, transfer) = packed_report(report)?;
        Ok(Answer {
            value,
            transfer,
            timings: Some(timings.into()),
            parts_used,
        })
    }
}

/// What a request resolves to, with the buffers to move rather than copy.
struct Answer {
    value: JsValue,
    transfer: Array,
    timings: Option<JsValue>,
    /// `analyzeParts`: how many of the parts sent were used (the rest were segmented here).
    parts_used: Option<u32>,
}

impl Answer {
    fn plain(value: JsValue) -> Answer {
        Answer::with_transfer(value, Array::new())
    }

    fn with_transfer(value: JsValue, transfer: Array) -> Answer {
        Answer {
            value,
            transfer,
            timings: None,
            parts_used: None,
        }
    }
}

/// `{type: 'error', id, kind, message}`.
fn error_message(id: &JsValue, e: &Error) -> JsValue {
    object(&[
        ("type", "error".into()),
        ("id", id.clone()),
        ("kind", e.kind().into()),
        ("message", e.to_string().into()),
    ])
}

/// A stage's name as the progress messages spell it (`"segmenting"`).
fn stage_name(stage: Stage) -> JsValue {
    to_js(&stage).unwrap_or(JsValue::NULL)
}

/// `value[key]`, `undefined` when `value` is not an object.
fn get(value: &JsValue, key: &str) -> JsValue {
    if !value.is_object() {
        return JsValue::UNDEFINED;
    }
    Reflect::get(value, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

/// A plain object with these fields.
fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (key, value) in fields {
        // Defining a property on a fresh plain object cannot fail.
        let _ = Reflect::set(&o, &(*key).into(), value);
    }
    o.into()
}
