//! Values across the edge: options from JS objects, reports and errors to JS values.

use js_sys::{Array, Reflect, Uint32Array};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::collection::{CorpusRequest, DocumentSummary};
use crate::query::LevelMarks;
use crate::{Error, Options, Report};

/// A plain JS object (no Maps; `null` for `None`) for a serialisable value.
pub(crate) fn to_js<T: Serialize>(value: &T) -> Result<JsValue, Error> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| Error::Internal(e.to_string()))
}

/// Options from a JS object; `undefined` and `null` are the defaults.
///
/// # Errors
/// [`Error::InvalidOptions`] naming the field at fault.
pub(crate) fn parse_options(options: &JsValue) -> Result<Options, Error> {
    options_from(options, Options::from_json)
}

/// A corpus report's request (`{topN, terms, compare, reference, analysis}`) from a JS
/// object; `undefined` and `null` are the defaults.
///
/// # Errors
/// [`Error::InvalidOptions`] naming the field at fault.
pub(crate) fn parse_corpus_request(options: &JsValue) -> Result<CorpusRequest, Error> {
    options_from(options, CorpusRequest::from_json)
}

/// Document summaries from a JS array of the objects `summarize` returns, checked as
/// `wenxi merge` checks its lines (through JSON, so that an unknown field is refused).
///
/// # Errors
/// [`Error::InvalidRequest`] when `value` is not an array; [`Error::InvalidSummary`] naming
/// the first element that is not a summary (`summaries[2]: …`).
pub(crate) fn summaries_of(value: &JsValue) -> Result<Vec<DocumentSummary>, Error> {
    let array: &Array = value.dyn_ref().ok_or_else(|| {
        Error::InvalidRequest("summaries must be an array of document summaries".into())
    })?;
    array
        .iter()
        .enumerate()
        .map(|(i, summary)| summary_of(&summary, &format!("summaries[{i}]")))
        .collect()
}

/// One document summary (named `label` in errors), checked as [`summaries_of`] checks each.
///
/// # Errors
/// [`Error::InvalidSummary`] when `value` is not a summary of this version.
pub(crate) fn summary_of(value: &JsValue, label: &str) -> Result<DocumentSummary, Error> {
    let invalid = |why: String| Error::InvalidSummary {
        line: 0,
        why: format!("{label}: {why}"),
    };
    let json = js_sys::JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| invalid("not a plain object".into()))?;
    DocumentSummary::from_json_line(&json, 0).map_err(|e| match e {
        Error::InvalidSummary { why, .. } => invalid(why),
        other => other,
    })
}

/// A document's index in a corpus: a whole number from 0.
///
/// # Errors
/// [`Error::InvalidRequest`] for anything else.
pub(crate) fn index_of(value: &JsValue) -> Result<usize, Error> {
    whole_number_of(value, "a document's index")
}

/// A whole number from 0 (below 2³²), named `what` in the error.
///
/// # Errors
/// [`Error::InvalidRequest`] for anything else.
pub(crate) fn whole_number_of(value: &JsValue, what: &str) -> Result<usize, Error> {
    value
        .as_f64()
        .filter(|n| n.fract() == 0.0 && *n >= 0.0 && *n < 4_294_967_296.0)
        .map(|n| n as usize)
        .ok_or_else(|| Error::InvalidRequest(format!("{what} is a whole number from 0")))
}

/// A document's name: a string.
///
/// # Errors
/// [`Error::InvalidRequest`] for anything else.
pub(crate) fn name_of(value: &JsValue) -> Result<String, Error> {
    value
        .as_string()
        .ok_or_else(|| Error::InvalidRequest("a document's name must be a string".into()))
}

/// A group of document indices from a JS array of whole numbers.
///
/// # Errors
/// [`Error::InvalidRequest`] for anything else.
pub(crate) fn indices_of(value: &JsValue) -> Result<Vec<u32>, Error> {
    let not_indices =
        || Error::InvalidRequest("a group must be an array of document indices".into());
    let array: &Array = value.dyn_ref().ok_or_else(not_indices)?;
    array
        .iter()
        .map(|i| {
            i.as_f64()
                .filter(|&f| f.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&f))
                .map(|f| f as u32)
                .ok_or_else(not_indices)
        })
        .collect()
}

/// An options object through `parse` (its type's JSON reader); `undefined` and `null` are the
/// defaults.
fn options_from<T: Default>(
    options: &JsValue,
    parse: fn(&str) -> Result<T, Error>,
) -> Result<T, Error> {
    if options.is_undefined() || options.is_null() {
        return Ok(T::default());
    }
    // Through JSON rather than `serde_wasm_bindgen::from_value`, which reads only the fields
    // it knows and so would let a misspelt option (`topn`) pass unnoticed.
    let json = js_sys::JSON::stringify(options)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| Error::InvalidOptions("options must be a plain object".into()))?;
    parse(&json)
}

/// A query's request from a JS object; `undefined` and `null` are the defaults.
///
/// # Errors
/// [`Error::InvalidQuery`] naming the field at fault (read through JSON, like the options, so
/// that a misspelt field is refused rather than ignored).
pub(crate) fn parse_request<T: serde::de::DeserializeOwned + Default>(
    request: &JsValue,
) -> Result<T, Error> {
    if request.is_undefined() || request.is_null() {
        return Ok(T::default());
    }
    let json = js_sys::JSON::stringify(request)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| Error::InvalidQuery("a request must be a plain object".into()))?;
    crate::query::request_from_json(&json)
}

/// A JS string's contents, refused before they are copied into wasm memory when the string is
/// longer than the analyzer takes: a 50 MB paste would otherwise grow the wasm memory by
/// 150 MB (UTF-8) just to be turned down, and wasm memory never shrinks. `undefined` and
/// `null` read as the empty text.
///
/// # Errors
/// [`Error::InputTooLarge`]; [`Error::InvalidRequest`] for a value that is not a string.
pub(crate) fn text_of(value: &JsValue) -> Result<String, Error> {
    if value.is_undefined() || value.is_null() {
        return Ok(String::new());
    }
    let text: &js_sys::JsString = value
        .dyn_ref()
        .ok_or_else(|| Error::InvalidRequest("the text must be a string".into()))?;
    crate::error::check_input_length(text.length() as usize)?;
    // Lone surrogates (possible in a JS string) become U+FFFD, one for one, so UTF-16
    // offsets into the caller's string stay right.
    Ok(String::from(text))
}

/// A list of words from a JS array of strings.
///
/// # Errors
/// [`Error::InvalidRequest`] for anything else.
pub(crate) fn words_of(value: &JsValue) -> Result<Vec<String>, Error> {
    let not_words = || Error::InvalidRequest("words must be an array of strings".into());
    let array: &Array = value.dyn_ref().ok_or_else(not_words)?;
    array
        .iter()
        .map(|w| w.as_string().ok_or_else(not_words))
        .collect()
}

/// The report as a JS object whose keywords carry their occurrences and their counts per
/// section each as one flat `Uint32Array` (`occurrencesPacked`: start, end, start, end, …;
/// `sectionsPacked`: section, count, section, count, …), their `occurrences` and `sections`
/// left empty in place (so that the unpacked report keeps the analyzer's field order), with the
/// arrays' buffers listed for a transfer. A novel has hundreds of thousands of occurrences, and
/// its 300 listed keywords a hundred thousand section counts: as small arrays they would cost
/// the receiving thread one long task to clone, as buffers they move for free.
/// `js/protocol.js` unpacks them into the usual shape when they are first read.
pub(crate) fn packed_report(mut report: Report) -> Result<(JsValue, Array), Error> {
    let pairs: Vec<[Vec<(u32, u32)>; 2]> = report
        .keywords
        .iter_mut()
        .map(|k| {
            [
                std::mem::take(&mut k.occurrences),
                std::mem::take(&mut k.sections),
            ]
        })
        .collect();
    let value = to_js(&report)?;
    let transfer = Array::new();
    let keywords = Reflect::get(&value, &"keywords".into())
        .map_err(|_| Error::Internal("the report has no keywords".into()))?;
    let keywords: Array = keywords.unchecked_into();
    for (keyword, lists) in keywords.iter().zip(pairs) {
        for (field, list) in ["occurrencesPacked", "sectionsPacked"]
            .into_iter()
            .zip(lists)
        {
            let flat: Vec<u32> = list.into_iter().flat_map(|(a, b)| [a, b]).collect();
            let packed = Uint32Array::from(flat.as_slice());
            Reflect::set(&keyword, &field.into(), &packed)
                .map_err(|_| Error::Internal(format!("could not pack a keyword's {field}")))?;
            transfer.push(&packed.buffer());
        }
    }
    Ok((value, transfer))
}

/// The level marks as a JS object whose `spans` are one flat `Uint32Array` of triples
/// `start, end, code` (`code & 15`: the level, 1–7 or 8 beyond the lists; `code & 16`: the
/// reader knows the word), with its buffer listed for a transfer: a novel has a million graded
/// running words, too many to cross as objects.
pub(crate) fn packed_marks(mut marks: LevelMarks) -> Result<(JsValue, Array), Error> {
    let spans = std::mem::take(&mut marks.spans);
    let flat: Vec<u32> = spans
        .iter()
        .flat_map(|s| {
            let level = s.level.map_or(8, u32::from);
            [s.start, s.end, level | if s.known { 16 } else { 0 }]
        })
        .collect();
    let value = to_js(&marks)?;
    let packed = Uint32Array::from(flat.as_slice());
    Reflect::set(&value, &"spans".into(), &packed)
        .map_err(|_| Error::Internal("could not pack the level marks".into()))?;
    let transfer = Array::of1(&packed.buffer());
    Ok((value, transfer))
}

/// A real JS `Error` with the message and a stable `kind` property.
pub(crate) fn js_error(e: Error) -> JsValue {
    let error = js_sys::Error::new(&e.to_string());
    // Setting a property on a fresh Error object cannot fail; if it ever did, the message
    // alone still reaches the caller.
    let _ = Reflect::set(&error, &"kind".into(), &e.kind().into());
    error.into()
}
