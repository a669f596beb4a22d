//! The JS side's view of the options, the report and the queries, generated from the Rust types so that
//! it cannot drift: `js/report.d.ts` (TypeScript declarations, emitted into the wasm module's
//! `wenxi.d.ts` and imported by the package's entries) and `js/options.js` (the options'
//! defaults and value types, for code that must know them without loading the wasm).
//!
//! The test below fails when either file differs from what the types say; after changing a
//! type, regenerate them: `UPDATE_TYPES=1 cargo test --lib typescript`.

use ts_rs::{Config, TS};

use crate::collection::{
    Comparison, CorpusKeyword, CorpusOptions, CorpusReport, DocumentRow, DocumentSummary, KeyTerm,
    Keyness, ReferenceComparison, Similarity, TermCount, TfidfTerm,
};
use crate::options::Options;
use crate::query::{
    Apart, BandWords, By, Characters, Collocate, Collocates, CollocatesQuery, Concordance,
    ConcordanceLine, ConcordanceQuery, CorpusConcordance, CorpusNgram, CorpusNgrams, Coverage,
    Dispersion, DispersionQuery, DocumentLine, KnownCoverage, LevelCount, LevelMarks,
    LevelsProfile, LevelsQuery, Measure, Ngram, Ngrams, NgramsQuery, Part, Series, Sort, Tally,
    Term, Terms, TermsQuery, Trends, TrendsQuery, UnknownWord, WordDispersion,
};
use crate::report::{
    Cleaning, Keyword, Progress, Report, Script, ScriptKind, Section, Stage, Stats, Token,
    TokenKind, WordCount,
};

const HEADER: &str =
    "// GENERATED from src/options.rs, src/report.rs, src/query/ and src/collection/ by `UPDATE_TYPES=1 cargo \
test --lib typescript` (src/typescript.rs); do not edit.";

/// Every declaration, in the order a reader meets them.
fn declarations() -> String {
    let cfg = Config::default();
    let decls = [
        Options::decl(&cfg),
        Report::decl(&cfg),
        Keyword::decl(&cfg),
        Section::decl(&cfg),
        WordCount::decl(&cfg),
        Stats::decl(&cfg),
        Cleaning::decl(&cfg),
        Script::decl(&cfg),
        ScriptKind::decl(&cfg),
        Token::decl(&cfg),
        TokenKind::decl(&cfg),
        Progress::decl(&cfg),
        Stage::decl(&cfg),
        ConcordanceQuery::decl(&cfg),
        By::decl(&cfg),
        Sort::decl(&cfg),
        Concordance::decl(&cfg),
        ConcordanceLine::decl(&cfg),
        CollocatesQuery::decl(&cfg),
        Measure::decl(&cfg),
        Collocates::decl(&cfg),
        Collocate::decl(&cfg),
        NgramsQuery::decl(&cfg),
        Ngrams::decl(&cfg),
        Ngram::decl(&cfg),
        CorpusConcordance::decl(&cfg),
        DocumentLine::decl(&cfg),
        CorpusNgrams::decl(&cfg),
        CorpusNgram::decl(&cfg),
        TermsQuery::decl(&cfg),
        Terms::decl(&cfg),
        Term::decl(&cfg),
        DispersionQuery::decl(&cfg),
        Dispersion::decl(&cfg),
        WordDispersion::decl(&cfg),
        Part::decl(&cfg),
        TrendsQuery::decl(&cfg),
        Trends::decl(&cfg),
        Series::decl(&cfg),
        LevelsQuery::decl(&cfg),
        LevelsProfile::decl(&cfg),
        LevelCount::decl(&cfg),
        Tally::decl(&cfg),
        Apart::decl(&cfg),
        Coverage::decl(&cfg),
        KnownCoverage::decl(&cfg),
        UnknownWord::decl(&cfg),
        Characters::decl(&cfg),
        LevelMarks::decl(&cfg),
        BandWords::decl(&cfg),
        CorpusOptions::decl(&cfg),
        CorpusReport::decl(&cfg),
        DocumentRow::decl(&cfg),
        KeyTerm::decl(&cfg),
        TfidfTerm::decl(&cfg),
        CorpusKeyword::decl(&cfg),
        Similarity::decl(&cfg),
        Comparison::decl(&cfg),
        Keyness::decl(&cfg),
        ReferenceComparison::decl(&cfg),
        DocumentSummary::decl(&cfg),
        TermCount::decl(&cfg),
    ];
    let mut out = format!("{HEADER}\n\n");
    for decl in decls {
        out.push_str("export ");
        out.push_str(&tidy(&decl));
        out.push_str("\n\n");
    }
    out.push_str(
        "/** Options for `analyze`: every field may be left out, for its default. */\n\
         export type AnalyzeOptions = Partial<Options>;\n\n\
         /** The queries' requests as JS passes them: every field may be left out for its \
         default, except what is asked about (a concordance's `query`, or its `ranges`). */\n\
         export type ConcordanceRequest = Partial<ConcordanceQuery> &\n  \
         (Pick<ConcordanceQuery, \"query\"> | { ranges: Array<[number, number]> });\n\
         export type CollocatesRequest = Partial<CollocatesQuery> & Pick<CollocatesQuery, \"word\">;\n\
         export type NgramsRequest = Partial<NgramsQuery>;\n\
         export type TermsRequest = Partial<TermsQuery>;\n\
         export type DispersionRequest = Partial<DispersionQuery> & Pick<DispersionQuery, \"words\">;\n\
         export type TrendsRequest = Partial<TrendsQuery> & Pick<TrendsQuery, \"words\">;\n\
         export type LevelsRequest = Partial<LevelsQuery>;\n\n\
         /** What a corpus report is asked for (`corpusReport`, `analyzeCorpus`; the flags of \
         `wenxi corpus`): every field may be left out. `analysis`: the options the documents \
         are analysed with (`--options`), a reference text too. */\n\
         export type CorpusReportOptions = Partial<CorpusOptions> & {\n  \
         reference?: CorpusReference | null,\n  \
         analysis?: AnalyzeOptions | null,\n\
         };\n\n\
         /** A reference to measure the corpus against: a text (`--reference`), a \
         word-frequency list, `word<TAB>count` a line (`--reference-list`), or jieba's \
         dictionary frequencies (`--reference-dictionary`); `name` defaults to \"reference\" \
         (\"jieba dictionary\"). */\n\
         export type CorpusReference = { name?: string, text: string } | { name?: string, list: string } \
         | { name?: string, dictionary: true };\n",
    );
    out
}

/// ts-rs writes an object type on a few long lines; this puts each field, with its doc
/// comment above it, on a line of its own, indented, as a person would write it.
fn tidy(decl: &str) -> String {
    let (Some(open), Some(close)) = (decl.find('{'), decl.rfind('}')) else {
        return decl.to_string();
    };
    let mut items: Vec<String> = Vec::new();
    let mut item = String::new();
    let mut depth = 0i32;
    let mut rest = &decl[open + 1..close];
    while let Some(c) = rest.chars().next() {
        if depth == 0 && rest.starts_with("/**") {
            let end = rest.find("*/").map_or(rest.len(), |e| e + 2);
            items.push(rest[..end].to_string());
            rest = &rest[end..];
            continue;
        }
        match c {
            '<' | '[' | '{' | '(' => depth += 1,
            '>' | ']' | '}' | ')' => depth -= 1,
            ',' if depth == 0 => {
                items.push(format!("{},", item.trim()));
                item.clear();
                rest = &rest[1..];
                continue;
            }
            _ => {}
        }
        item.push(c);
        rest = &rest[c.len_utf8()..];
    }
    let mut out = format!("{}{{\n", &decl[..open]);
    for item in items.iter().filter(|i| !i.trim().is_empty()) {
        for line in item.trim().lines() {
            let line = line.trim();
            let pad = if line.starts_with('*') { "   " } else { "  " };
            out.push_str(&format!("{pad}{line}\n"));
        }
    }
    out.push_str(&decl[close..]);
    out
}

/// `js/options.js`: `DEFAULT_OPTIONS` as `Options::default()` serialises, and each option's
/// value type.
fn options_module() -> String {
    let defaults = serde_json::to_value(Options::default()).expect("options serialise");
    let defaults = defaults.as_object().expect("options are an object");
    let mut values = String::new();
    let mut types = String::new();
    for (name, value) in defaults {
        let (js, ty) = match value {
            serde_json::Value::Bool(b) => (b.to_string(), "boolean"),
            serde_json::Value::Number(n) => (n.to_string(), "integer"),
            serde_json::Value::Array(a) if a.is_empty() => {
                ("Object.freeze([])".to_string(), "string[]")
            }
            other => panic!("no JS form for the default of {name}: {other}"),
        };
        values.push_str(&format!("  {name}: {js},\n"));
        types.push_str(&format!("  {name}: '{ty}',\n"));
    }
    format!(
        "{HEADER}\n\
         // The analysis options' defaults and value types, for code that must know them before (or\n\
         // without) loading the wasm: the page's options panel, the component, saved settings.\n\
         \n\
         /** Every option's default, as `Options::default()` serialises it. */\n\
         export const DEFAULT_OPTIONS = Object.freeze({{\n{values}}});\n\
         \n\
         /** Every option's value type: \"boolean\", \"integer\" (non-negative) or \"string[]\". */\n\
         export const OPTION_TYPES = Object.freeze({{\n{types}}});\n"
    )
}

#[test]
fn typescript_and_option_defaults_are_current() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = [
        (root.join("js/report.d.ts"), declarations()),
        (root.join("js/options.js"), options_module()),
    ];
    for (path, want) in files {
        if std::env::var_os("UPDATE_TYPES").is_some() {
            std::fs::write(&path, &want).unwrap();
            continue;
        }
        let have = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            have == want,
            "{} is stale: run UPDATE_TYPES=1 cargo test --lib typescript",
            path.display()
        );
    }
}
