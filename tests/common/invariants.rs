//! The invariants every report must satisfy, whatever the text: offsets inside the original
//! text and rising, sections tiling it, keyword counts equal to a naive recount from the
//! tokens, and the same JSON for the same input. Shared by `tests/invariants.rs`,
//! `tests/fuzz_corpus.rs` and the fuzz targets in `fuzz/` (which include this file by path),
//! so the fuzzer checks exactly what the test command checks.

use wenxi::report::{Report, TokenKind};
use wenxi::script::Converter;
use wenxi::{Analyzer, Error, Options};

macro_rules! ensure {
    ($cond:expr, $($msg:tt)+) => {
        if !$cond {
            return Err(format!($($msg)+));
        }
    };
}

/// The options the checks analyse with: every token listed, every keyword kept, so that a
/// recount can see them all.
pub fn options() -> Options {
    Options {
        include_tokens: true,
        min_length: 1,
        top_n: usize::MAX,
        ..Options::default()
    }
}

/// Analyse `text` and check every invariant; `Err` describes the first that fails. An input
/// the analyzer refuses must be refused with a typed error for a reason the input gives.
pub fn check(analyzer: &mut Analyzer, converter: &Converter, text: &str) -> Result<(), String> {
    let options = options();
    let report = match analyzer.analyze(text, &options) {
        Ok(r) => r,
        Err(Error::InputTooLarge { utf16_length, max }) if utf16_length > max => return Ok(()),
        Err(e) => return Err(format!("refused: {e}")),
    };
    check_report(&report, text, converter)?;
    // Same input, byte-identical output.
    let first = serde_json::to_string(&report).map_err(|e| e.to_string())?;
    let again = analyzer
        .analyze(text, &options)
        .map_err(|e| format!("second run refused: {e}"))?;
    let again = serde_json::to_string(&again).map_err(|e| e.to_string())?;
    if first != again {
        return Err("a second analysis gave different JSON".into());
    }
    check_queries(analyzer, &again_report(&first)?, text)
}

/// The report back from its JSON, for the words the queries ask about.
fn again_report(json: &str) -> Result<serde_json::Value, String> {
    serde_json::from_str(json).map_err(|e| e.to_string())
}

/// Every query answers on the text just analysed, without panicking, with offsets inside
/// the text and rising, counts within what the text holds.
pub fn check_queries(
    analyzer: &Analyzer,
    report: &serde_json::Value,
    text: &str,
) -> Result<(), String> {
    use wenxi::query::*;
    let len = text.encode_utf16().count() as u32;
    // The top keyword, unless it is longer than a query may be (a run of one name repeated).
    let word = report["keywords"][0]["word"]
        .as_str()
        .filter(|w| w.chars().count() <= 1000)
        .unwrap_or("的")
        .to_string();
    let probe: String = text.chars().take(2).collect();
    for (query, by) in [
        (probe.clone(), By::String),
        (word.clone(), By::Word),
        (".".to_string(), By::Regex),
    ] {
        if query.is_empty() {
            continue;
        }
        for sort in [Sort::Position, Sort::Left2, Sort::Right1, Sort::Match] {
            let q = ConcordanceQuery {
                query: query.clone(),
                by,
                sort,
                as_written: sort == Sort::Match,
                ..Default::default()
            };
            let c = analyzer
                .concordance(&q)
                .map_err(|e| format!("concordance: {e}"))?;
            ensure!(
                c.lines.len() == c.total as usize,
                "concordance: {} lines of {}",
                c.lines.len(),
                c.total
            );
            for l in &c.lines {
                ensure!(
                    l.start <= l.end && l.end <= len,
                    "concordance line {}..{} in {len}",
                    l.start,
                    l.end
                );
            }
        }
    }
    let found = analyzer.concordance(&ConcordanceQuery {
        query: probe.clone(),
        ..Default::default()
    });
    if let (Ok(found), false) = (found, probe.is_empty()) {
        // Within what the text holds (cleaning can only remove occurrences, or join them).
        ensure!(
            found.total as usize <= text.chars().count(),
            "concordance total {}",
            found.total
        );
    }
    let c = analyzer
        .collocates(&CollocatesQuery {
            word: word.clone(),
            min_count: 1,
            ..Default::default()
        })
        .map_err(|e| format!("collocates: {e}"))?;
    for x in &c.collocates {
        ensure!(
            x.count <= x.frequency && x.count <= c.window,
            "collocate {} {}",
            x.word,
            x.count
        );
    }
    for characters in [false, true] {
        let n = analyzer
            .ngrams(&NgramsQuery {
                characters,
                longest_only: characters,
                ..Default::default()
            })
            .map_err(|e| format!("ngrams: {e}"))?;
        for g in &n.ngrams {
            ensure!(
                g.count >= 2 && (2..=6).contains(&g.words.len()),
                "ngram {:?}",
                g.words
            );
        }
    }
    analyzer
        .terms(&TermsQuery::default())
        .map_err(|e| format!("terms: {e}"))?;
    let d = analyzer
        .dispersion(&DispersionQuery {
            words: vec![word.clone()],
            ..Default::default()
        })
        .map_err(|e| format!("dispersion: {e}"))?;
    let mut at = 0;
    for p in &d.parts {
        ensure!(
            p.start == at && p.start <= p.end,
            "parts do not tile: {}..{} after {at}",
            p.start,
            p.end
        );
        at = p.end;
    }
    ensure!(
        d.parts.is_empty() || at == len,
        "parts end at {at}, not {len}"
    );
    for &(s, e) in &d.words[0].positions {
        ensure!(s <= e && e <= len, "dispersion position {s}..{e}");
    }
    if let Some(dd) = d.words[0].juilland_d {
        ensure!((0.0..=1.0).contains(&dd), "Juilland's D {dd}");
    }
    let t = analyzer
        .trends(&TrendsQuery {
            words: vec![word],
            segments: Some(3),
        })
        .map_err(|e| format!("trends: {e}"))?;
    ensure!(t.parts.len() == 3, "trends: {} parts", t.parts.len());
    Ok(())
}

/// The invariants of one report of `text`.
pub fn check_report(r: &Report, text: &str, converter: &Converter) -> Result<(), String> {
    let len = text.encode_utf16().count() as u32;
    ensure!(
        r.stats.utf16_length == len && r.stats.characters as usize == text.chars().count(),
        "stats: {} chars, {} UTF-16 units",
        r.stats.characters,
        r.stats.utf16_length
    );

    // Tokens rise and stay inside the text.
    let tokens = r.tokens.as_ref().ok_or("no tokens")?;
    let mut at = 0;
    for t in tokens {
        ensure!(
            t.start >= at && t.end >= t.start && t.end <= len,
            "token {:?} at {}..{} after {at}",
            t.word,
            t.start,
            t.end
        );
        at = t.end;
    }

    // Sections tile the text; parents come first and are shallower.
    if len > 0 {
        ensure!(
            r.sections.first().map(|s| s.start) == Some(0),
            "first section"
        );
        ensure!(
            r.sections.last().map(|s| s.end) == Some(len),
            "last section"
        );
    }
    for w in r.sections.windows(2) {
        ensure!(
            w[0].end == w[1].start,
            "sections {}..{} then {}..{}",
            w[0].start,
            w[0].end,
            w[1].start,
            w[1].end
        );
    }
    for (i, s) in r.sections.iter().enumerate() {
        ensure!(s.start <= s.end, "section {i} backwards");
        if let Some(p) = s.parent {
            ensure!((p as usize) < i, "section {i}: parent {p} after it");
            ensure!(
                r.sections[p as usize].level < s.level,
                "section {i}: parent not shallower"
            );
        }
    }

    // Keyword counts equal a naive recount over the tokens, per-section counts add up to them,
    // and the occurrences are one per count, rising, inside the text. (The recount keys each
    // token on its own, through a fresh conversion, so it shares no code with the tally.)
    let mut recount: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
    for t in tokens {
        if matches!(t.kind, TokenKind::Han | TokenKind::Latin) {
            *recount
                .entry(converter.to_simplified(&t.word).to_lowercase())
                .or_default() += 1;
        }
    }
    let mut total = 0;
    for k in &r.keywords {
        let naive = recount.get(&k.key).copied().unwrap_or(0);
        ensure!(
            naive == k.count,
            "{}: counted {} but {naive} tokens",
            k.word,
            k.count
        );
        ensure!(
            k.occurrences.len() as u32 == k.count,
            "{}: occurrences",
            k.word
        );
        ensure!(
            k.occurrences.first().map(|o| o.0) == Some(k.first),
            "{}: first",
            k.word
        );
        for w in k.occurrences.windows(2) {
            ensure!(w[0].1 <= w[1].0, "{}: occurrences overlap", k.word);
        }
        ensure!(
            k.occurrences.iter().all(|&(s, e)| s < e && e <= len),
            "{}: occurrence outside the text",
            k.word
        );
        let per_section: u32 = k.sections.iter().map(|s| s.1).sum();
        ensure!(per_section == k.count, "{}: per-section counts", k.word);
        total += k.count;
    }
    ensure!(
        total == r.stats.words,
        "words {} but keywords add to {total}",
        r.stats.words
    );
    let share: f64 = r.keywords.iter().map(|k| k.share).sum();
    ensure!(
        r.keywords.is_empty() || (share - 1.0).abs() < 1e-9,
        "shares add to {share}"
    );
    for w in r.keywords.windows(2) {
        ensure!(
            w[0].count > w[1].count || (w[0].count == w[1].count && w[0].word <= w[1].word),
            "keyword order {} then {}",
            w[0].word,
            w[1].word
        );
    }
    Ok(())
}
