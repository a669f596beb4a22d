//! The concordance over the documents of a corpus: each document's lines found as in one text,
//! labelled with the document, and merged into one order. (Collocates and n-grams over a
//! corpus are counted by [`super::collocates_in`] and [`super::ngrams_in`].)

use serde::Serialize;

use super::concordance::{keyed_lines, ConcordanceLine, ConcordanceQuery};
use super::corpus::Corpus;
use crate::Error;

/// Every occurrence of a query in a corpus.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CorpusConcordance {
    /// Occurrences in all the documents (every one, whatever `limit`).
    pub total: u32,
    /// Occurrences in each document, in corpus order.
    pub per_document: Vec<u32>,
    /// The lines, in the order asked for (ties, and the `position` order, by document then
    /// position), at most `limit` of them over the whole corpus.
    pub lines: Vec<DocumentLine>,
}

/// A concordance line of one document of a corpus: its `start` and `end` are UTF-16 offsets
/// into that document's own text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct DocumentLine {
    /// The document's index in the corpus.
    pub document: u32,
    #[serde(flatten)]
    #[cfg_attr(test, ts(flatten))]
    pub line: ConcordanceLine,
}

/// Every occurrence of `q` in `docs`, as [`super::concordance`] finds them in each. Each
/// document's lines come sorted with their sort keys, so one stable sort by key over the
/// documents in order gives key, then document, then position; each document needs to give
/// no more than `limit` lines for the merged first `limit` to be exact.
///
/// # Errors
/// As [`super::concordance`]; [`Error::InvalidQuery`] for `ranges`, which name places in
/// one text.
pub fn concordance_in(
    docs: &[&Corpus],
    q: &ConcordanceQuery,
    key: &dyn Fn(&str) -> String,
) -> Result<CorpusConcordance, Error> {
    if q.ranges.is_some() {
        return Err(Error::InvalidQuery(
            "ranges name places in one text: a corpus concordance matches a query".into(),
        ));
    }
    let mut total = 0u32;
    let mut per_document = Vec::with_capacity(docs.len());
    let mut keyed = Vec::new();
    for (d, &corpus) in docs.iter().enumerate() {
        let (count, lines) = keyed_lines(corpus, q, key)?;
        total += count;
        per_document.push(count);
        keyed.extend(lines.into_iter().map(|(k, line)| {
            (
                k,
                DocumentLine {
                    document: d as u32,
                    line,
                },
            )
        }));
    }
    // Stable: equal keys keep document order, then each document's position order.
    keyed.sort_by(|a, b| a.0.cmp(&b.0));
    keyed.truncate(q.limit.unwrap_or(usize::MAX));
    Ok(CorpusConcordance {
        total,
        per_document,
        lines: keyed.into_iter().map(|(_, line)| line).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::concordance::{concordance, By, Sort};
    use crate::query::corpus::for_test;
    use crate::query::{
        collocates, collocates_in, ngrams, ngrams_in, CollocatesQuery, NgramsQuery,
    };

    fn plain(w: &str) -> String {
        w.to_lowercase()
    }

    #[test]
    fn lines_are_labelled_and_merged_in_sort_order() {
        let a = for_test("x b. y a.");
        let b = for_test("z a. w b. y a.");
        let q = ConcordanceQuery {
            query: "a".into(),
            by: By::Word,
            context: 3,
            sort: Sort::Left1,
            ..Default::default()
        };
        let found = concordance_in(&[&a, &b], &q, &plain).unwrap();
        assert_eq!((found.total, found.per_document.clone()), (3, vec![1, 2]));
        // Sorted by the word on the left (y, y, z), ties by document.
        let order: Vec<(u32, &str)> = found
            .lines
            .iter()
            .map(|l| (l.document, l.line.left.as_str()))
            .collect();
        assert_eq!(order, [(0, " y "), (1, " y "), (1, "z ")]);
        // Offsets are the document's own: they slice its text back.
        let text_b = "z a. w b. y a.";
        for l in found.lines.iter().filter(|l| l.document == 1) {
            let units: Vec<u16> = text_b.encode_utf16().collect();
            let m = String::from_utf16(&units[l.line.start as usize..l.line.end as usize]);
            assert_eq!(m.unwrap(), "a");
        }
        // The limit cuts the merged order, not each document's.
        let first = concordance_in(
            &[&a, &b],
            &ConcordanceQuery {
                limit: Some(2),
                ..q.clone()
            },
            &plain,
        );
        let first = first.unwrap();
        assert_eq!((first.total, first.lines.len()), (3, 2));
        assert_eq!(first.lines[1].document, 1);
        // One document: the single text's lines.
        let one = concordance_in(&[&b], &q, &plain).unwrap();
        let single = concordance(&b, &q, &plain).unwrap();
        let lines: Vec<&ConcordanceLine> = one.lines.iter().map(|l| &l.line).collect();
        assert_eq!(lines, single.lines.iter().collect::<Vec<_>>());
        let ranges = ConcordanceQuery {
            ranges: Some(vec![(0, 1)]),
            ..q
        };
        assert_eq!(
            concordance_in(&[&a], &ranges, &plain).unwrap_err().kind(),
            "invalid_query"
        );
    }

    #[test]
    fn collocates_and_ngrams_add_up_over_documents_without_crossing_them() {
        // "p q" ends document a and "q" starts b: joined they would be one window and one
        // bigram too many.
        let a = for_test("p q r s p q");
        let b = for_test("q r s t");
        let both = for_test("p q r s p q.\nq r s t");
        let cq = CollocatesQuery {
            word: "q".into(),
            left: 1,
            right: 1,
            min_count: 1,
            ..Default::default()
        };
        let found = collocates_in(&[&a, &b], &cq, &plain).unwrap();
        let joined = collocates(&both, &cq, &plain).unwrap();
        // Same node and word counts as the joined text (a full stop ends a's window there).
        assert_eq!((found.frequency, found.words, found.window), (3, 10, 4));
        assert_eq!((joined.frequency, joined.words, joined.window), (3, 10, 4));
        let counts = |c: &crate::query::Collocates| {
            let mut v: Vec<(String, u32, u32)> = c
                .collocates
                .iter()
                .map(|x| (x.word.clone(), x.count, x.frequency))
                .collect();
            v.sort();
            v
        };
        assert_eq!(counts(&found), counts(&joined));
        assert_eq!(
            counts(&found),
            [("p".to_string(), 2, 2), ("r".to_string(), 2, 2)]
        );
        let nq = NgramsQuery {
            min_n: 2,
            max_n: 3,
            ..Default::default()
        };
        let grams = ngrams_in(&[&a, &b], &nq).unwrap();
        let listed: Vec<(String, u32, u32)> = grams
            .ngrams
            .iter()
            .map(|g| (g.words.join(" "), g.count, g.documents))
            .collect();
        // "q r s" twice (once in each), "p q" twice in a only; no "q q" across the end.
        assert_eq!(
            listed,
            [
                ("q r s".to_string(), 2, 2),
                ("p q".to_string(), 2, 1),
                ("q r".to_string(), 2, 2),
                ("r s".to_string(), 2, 2),
            ]
        );
        // One document: the single text's n-grams.
        let one = ngrams_in(&[&a], &nq).unwrap();
        let single = ngrams(&a, &nq).unwrap();
        assert_eq!(one.ngrams.len(), single.ngrams.len());
        assert!(one
            .ngrams
            .iter()
            .zip(&single.ngrams)
            .all(|(x, y)| x.words == y.words && x.count == y.count && x.documents == 1));
    }
}
