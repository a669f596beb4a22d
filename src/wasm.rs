//! The JavaScript shell: the only module that touches `wasm_bindgen`, `js_sys` or
//! `serde_wasm_bindgen`. It converts types and errors, nothing more; the analysis lives in the
//! pure-Rust modules and is tested natively.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::{Error, Options};

/// Analyses texts; build one and reuse it (the constructor loads the dictionary).
#[wasm_bindgen(js_name = Analyzer)]
pub struct JsAnalyzer {
    inner: crate::Analyzer,
}

#[wasm_bindgen(js_class = Analyzer)]
impl JsAnalyzer {
    /// Load jieba's dictionary, the conversion tables and the stopword lists.
    #[wasm_bindgen(constructor)]
    pub fn new() -> JsAnalyzer {
        JsAnalyzer {
            inner: crate::Analyzer::new(),
        }
    }

    /// Analyse `text` with `options` (an object with camelCase fields, or undefined) and return
    /// the report as a plain object. Offsets are UTF-16 code units into `text`.
    ///
    /// Throws an `Error` whose `kind` is `"invalid_options"`, `"invalid_word"` or
    /// `"input_too_large"`.
    pub fn analyze(&mut self, text: &str, options: JsValue) -> Result<JsValue, JsValue> {
        let options = parse_options(options)?;
        let report = self.inner.analyze(text, &options).map_err(js_error)?;
        report
            .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .map_err(|e| js_error(Error::InvalidOptions(e.to_string())))
    }

    /// Add words to the dictionary; returns how many entries were new. Throws an `Error` of
    /// kind `"invalid_word"` for an empty word or one with whitespace.
    #[wasm_bindgen(js_name = addWords)]
    pub fn add_words(&mut self, words: Vec<String>) -> Result<u32, JsValue> {
        self.inner
            .add_words(&words)
            .map(|n| n as u32)
            .map_err(js_error)
    }
}

impl Default for JsAnalyzer {
    fn default() -> Self {
        JsAnalyzer::new()
    }
}

/// The crate version, e.g. `"0.1.0"`.
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}

fn parse_options(options: JsValue) -> Result<Options, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(Options::default());
    }
    // Through JSON rather than `serde_wasm_bindgen::from_value`, which reads only the fields
    // it knows and so would let a misspelt option (`topn`) pass unnoticed.
    let json = js_sys::JSON::stringify(&options)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| {
            js_error(Error::InvalidOptions(
                "options must be a plain object".into(),
            ))
        })?;
    Options::from_json(&json).map_err(js_error)
}

/// A real JS `Error` with the message and a stable `kind` property.
fn js_error(e: Error) -> JsValue {
    let error = js_sys::Error::new(&e.to_string());
    // Setting a property on a fresh Error object cannot fail; if it ever did, the message
    // alone still reaches the caller.
    let _ = js_sys::Reflect::set(&error, &"kind".into(), &e.kind().into());
    error.into()
}
