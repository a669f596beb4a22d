//! A corpus report as a caller asks for it in one object: the report's options, a reference
//! to measure the corpus against, and the analysis options a reference text is read with.
//! The package's `corpusReport` and `analyzeCorpus` take this object; the command line's
//! flags (`--top`, `--terms`, `--compare`, `--reference`, `--reference-list`, `--options`)
//! build the same request.

use serde::Deserialize;
use serde_json::{Map, Value};

use super::shape::CorpusOptions;
use crate::error::Error;
use crate::options::{from_json, Options};

/// A reference as the caller gives it, before it is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReferenceSource {
    /// A text, analysed as the documents were (with the request's `analysis` options).
    Text { name: String, text: String },
    /// A word-frequency list, `word<TAB>count` a line (see
    /// [`super::parse_frequency_list`]).
    List { name: String, list: String },
    /// jieba's dictionary frequencies (the counts of its own training corpus), the content
    /// words among them as the documents' analysis options define content words.
    Dictionary { name: String },
}

/// What a corpus report is asked for. In JSON every field may be left out:
/// `{"topN", "terms", "compare", "reference": {"name", "text"} | {"name", "list"} |
/// {"name", "dictionary": true}, "analysis": {…options…}}`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CorpusRequest {
    pub options: CorpusOptions,
    pub reference: Option<ReferenceSource>,
    /// The options the documents were analysed with, which a reference text is analysed
    /// with too (the command line's `--options`).
    pub analysis: Options,
}

/// A reference's JSON: a name (default `"reference"`, or `"jieba dictionary"`) and exactly
/// one of text, list and `dictionary: true`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReferenceJson {
    name: Option<String>,
    text: Option<String>,
    list: Option<String>,
    #[serde(default)]
    dictionary: bool,
}

impl CorpusRequest {
    /// A request from a JSON object.
    ///
    /// ```
    /// use wenxi::collection::{CorpusRequest, ReferenceSource};
    /// let r = CorpusRequest::from_json(
    ///     r#"{"terms": 5, "compare": [[0], [1, 2]], "reference": {"list": "发展\t3"}}"#,
    /// )
    /// .unwrap();
    /// assert_eq!(r.options.terms, 5);
    /// assert_eq!(r.options.top_n, 100);
    /// assert_eq!(
    ///     r.reference,
    ///     Some(ReferenceSource::List { name: "reference".into(), list: "发展\t3".into() })
    /// );
    /// let e = CorpusRequest::from_json(r#"{"reference": {"text": "", "list": ""}}"#);
    /// assert_eq!(e.unwrap_err().kind(), "invalid_options");
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidOptions`] naming the field at fault: an unknown field or a wrong type
    /// (in the request, its `reference` or its `analysis`), or a reference with both or
    /// neither of `text` and `list`.
    pub fn from_json(json: &str) -> Result<CorpusRequest, Error> {
        let mut fields: Map<String, Value> = from_json(json, Error::InvalidOptions)?;
        // The report's own options are read by their type, which refuses unknown fields; the
        // two fields it does not know are taken out first.
        let reference = match fields.remove("reference") {
            None | Some(Value::Null) => None,
            Some(value) => Some(reference_of(&value)?),
        };
        let analysis = match fields.remove("analysis") {
            None | Some(Value::Null) => Options::default(),
            Some(value) => {
                Options::from_json(&value.to_string()).map_err(|e| within("analysis", e))?
            }
        };
        let options = from_json(&Value::Object(fields).to_string(), Error::InvalidOptions)?;
        Ok(CorpusRequest {
            options,
            reference,
            analysis,
        })
    }
}

fn reference_of(value: &Value) -> Result<ReferenceSource, Error> {
    let r: ReferenceJson =
        from_json(&value.to_string(), Error::InvalidOptions).map_err(|e| within("reference", e))?;
    let named = |default: &str| r.name.clone().unwrap_or_else(|| default.to_string());
    match (r.text.clone(), r.list.clone(), r.dictionary) {
        (Some(text), None, false) => Ok(ReferenceSource::Text {
            name: named("reference"),
            text,
        }),
        (None, Some(list), false) => Ok(ReferenceSource::List {
            name: named("reference"),
            list,
        }),
        (None, None, true) => Ok(ReferenceSource::Dictionary {
            name: named("jieba dictionary"),
        }),
        _ => Err(Error::InvalidOptions(
            "reference: give one of `text` (a reference text), `list` (word<TAB>count lines) \
             and `dictionary: true` (jieba's dictionary frequencies)"
                .into(),
        )),
    }
}

/// An options error of the object `field`, named so.
fn within(field: &str, e: Error) -> Error {
    match e {
        Error::InvalidOptions(why) => Error::InvalidOptions(format!("{field}: {why}")),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_default_and_errors_name_the_field() {
        assert_eq!(
            CorpusRequest::from_json("{}").unwrap(),
            CorpusRequest::default()
        );
        let r = CorpusRequest::from_json(
            r#"{"topN": 3, "analysis": {"minLength": 1}, "reference": {"name": "去年", "text": "发展"}}"#,
        )
        .unwrap();
        assert_eq!(r.options.top_n, 3);
        assert_eq!(r.analysis.min_length, 1);
        assert_eq!(
            r.reference,
            Some(ReferenceSource::Text {
                name: "去年".into(),
                text: "发展".into()
            })
        );
        let d = CorpusRequest::from_json(r#"{"reference": {"dictionary": true}}"#).unwrap();
        assert_eq!(
            d.reference,
            Some(ReferenceSource::Dictionary {
                name: "jieba dictionary".into()
            })
        );
        for (json, says) in [
            (r#"{"topn": 3}"#, "unknown field `topn`"),
            (r#"{"terms": "5"}"#, "terms: invalid type"),
            (
                r#"{"analysis": {"topn": 1}}"#,
                "analysis: topn: unknown field",
            ),
            (
                r#"{"reference": {"txt": "x"}}"#,
                "reference: txt: unknown field",
            ),
            (r#"{"reference": {"name": "x"}}"#, "reference: give one of"),
            (
                r#"{"reference": {"list": "a\t1", "dictionary": true}}"#,
                "reference: give one of",
            ),
            (r#"[1]"#, "invalid type: sequence"),
        ] {
            match CorpusRequest::from_json(json) {
                Err(Error::InvalidOptions(why)) => assert!(why.contains(says), "{json}: {why}"),
                other => panic!("{json}: {other:?}"),
            }
        }
    }
}
