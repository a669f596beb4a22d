//! The JavaScript edge: the only module that touches `wasm_bindgen`, `js_sys`, `web_sys` or
//! `serde_wasm_bindgen`. It converts types and errors, nothing more; the analysis lives in the
//! pure-Rust modules and is tested natively.
//!
//! - [`analyzer`]: the synchronous `Analyzer` class, for code that already runs off the main
//!   thread (or may block).
//! - [`worker`]: the worker's side of the message protocol (`serve`), which every host of the
//!   engine runs: the page's worker, `createAnalyzer`'s Web Worker and Node's worker thread.
//!   `js/protocol.js` documents the messages; `js/index.js` is the other side.
//! - `convert` (private): options in, reports and errors out.

pub mod analyzer;
mod convert;
pub mod worker;
