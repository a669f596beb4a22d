//! Native benchmark of the Rust core against plain jieba-rs (issue 6): every pipeline stage
//! alone and the whole analysis, then each query on the kept analysis (issue 14), on the first
//! megabyte of a simplified and a traditional novel from the shared corpus
//! (`../shared/corpus/running-text/`, beside the project).
//!
//!   cargo bench --bench core
//!
//! Throughput is reported in MB/s of UTF-8 input, so lines compare directly.

use std::path::Path;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use wenxi::query::{
    By, CollocatesQuery, ConcordanceQuery, DispersionQuery, NgramsQuery, TermsQuery, TrendsQuery,
};
use wenxi::script::Converter;
use wenxi::segment::Segmenter;
use wenxi::{normalize, sections, Analyzer, Options};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/running-text");
const MB: usize = 1 << 20;

/// The first `bytes` of a corpus file, cut back to a character boundary.
fn head(rel: &str, bytes: usize) -> String {
    let path = Path::new(CORPUS).join(rel);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (the benchmark needs ../shared/corpus/ beside the project)",
            path.display()
        )
    });
    let mut end = bytes.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end].to_string()
}

fn stages(c: &mut Criterion) {
    let texts = [
        ("simplified", head("simplified/红楼梦.txt", MB)),
        ("traditional", head("traditional/pg24264_紅樓夢.txt", MB)),
    ];
    let jieba = upstream_jieba::Jieba::new();
    let converter = Converter::new();
    let segmenter = Segmenter::new();
    let mut analyzer = Analyzer::new();
    let options = Options::default();

    let mut g = c.benchmark_group("1MB");
    g.sample_size(10);
    for (name, text) in &texts {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(
            BenchmarkId::new("jieba-rs cut (hmm)", name),
            text,
            |b, t| b.iter(|| jieba.cut(t, true).len()),
        );
        g.bench_with_input(
            BenchmarkId::new("jieba-rs tag (hmm)", name),
            text,
            |b, t| b.iter(|| jieba.tag(t, true).len()),
        );
        g.bench_with_input(BenchmarkId::new("wenxi analyze", name), text, |b, t| {
            b.iter(|| analyzer.analyze(t, &options).map(|r| r.keywords.len()))
        });
        g.bench_with_input(BenchmarkId::new("stage clean", name), text, |b, t| {
            b.iter(|| normalize::clean(t).text.len())
        });
        let cleaned = normalize::clean(text).text;
        g.bench_with_input(
            BenchmarkId::new("stage script detect", name),
            &cleaned,
            |b, t| b.iter(|| converter.detect(t).traditional_chars),
        );
        g.bench_with_input(
            BenchmarkId::new("stage to simplified", name),
            &cleaned,
            |b, t| b.iter(|| converter.to_simplified(t).len()),
        );
        g.bench_with_input(
            BenchmarkId::new("stage sections", name),
            &cleaned,
            |b, t| b.iter(|| sections::detect(t).sections.len()),
        );
        let simplified = converter.to_simplified(&cleaned);
        g.bench_with_input(
            BenchmarkId::new("stage segment", name),
            &simplified,
            |b, t| b.iter(|| segmenter.tokens(t, true).len()),
        );
    }
    g.finish();

    // The queries on the kept analysis of 1 MB (issue 14: each ≤ 50 ms in the worker).
    let mut g = c.benchmark_group("query 1MB");
    g.sample_size(10);
    for (name, text) in &texts {
        analyzer
            .analyze(text, &options)
            .expect("the benchmark text analyses");
        let top: Vec<String> = analyzer
            .analyze(text, &options)
            .map(|r| {
                r.keywords
                    .iter()
                    .take(100)
                    .map(|k| k.word.clone())
                    .collect()
            })
            .unwrap_or_default();
        let word = top.first().cloned().unwrap_or_default();
        let query = |q: &str, by| ConcordanceQuery {
            query: q.into(),
            by,
            limit: Some(1000),
            ..Default::default()
        };
        let concordances = [
            ("concordance string", query(&word, By::String)),
            ("concordance word 的", query("的", By::Word)),
            ("concordance regex", query(r"\p{Han}{2}之", By::Regex)),
        ];
        for (label, q) in &concordances {
            g.bench_with_input(BenchmarkId::new(*label, name), q, |b, q| {
                b.iter(|| analyzer.concordance(q).map(|c| c.total))
            });
        }
        let collocates = CollocatesQuery {
            word: word.clone(),
            ..Default::default()
        };
        g.bench_with_input(BenchmarkId::new("collocates", name), &collocates, |b, q| {
            b.iter(|| analyzer.collocates(q).map(|c| c.collocates.len()))
        });
        let ngrams = NgramsQuery {
            limit: Some(1000),
            ..Default::default()
        };
        g.bench_with_input(BenchmarkId::new("ngrams 2-6", name), &ngrams, |b, q| {
            b.iter(|| analyzer.ngrams(q).map(|n| n.ngrams.len()))
        });
        let chars = NgramsQuery {
            characters: true,
            ..ngrams.clone()
        };
        g.bench_with_input(BenchmarkId::new("ngrams chars", name), &chars, |b, q| {
            b.iter(|| analyzer.ngrams(q).map(|n| n.ngrams.len()))
        });
        g.bench_with_input(
            BenchmarkId::new("terms", name),
            &TermsQuery::default(),
            |b, q| b.iter(|| analyzer.terms(q).map(|t| t.terms.len())),
        );
        let dispersion = DispersionQuery {
            words: top.clone(),
            positions: false,
            ..Default::default()
        };
        g.bench_with_input(
            BenchmarkId::new("dispersion top 100", name),
            &dispersion,
            |b, q| b.iter(|| analyzer.dispersion(q).map(|d| d.words.len())),
        );
        let trends = TrendsQuery {
            words: top.iter().take(10).cloned().collect(),
            segments: Some(20),
        };
        g.bench_with_input(BenchmarkId::new("trends top 10", name), &trends, |b, q| {
            b.iter(|| analyzer.trends(q).map(|t| t.series.len()))
        });
    }
    g.finish();

    let mut g = c.benchmark_group("startup");
    g.sample_size(10);
    g.bench_function("jieba-rs Jieba::new", |b| {
        b.iter(upstream_jieba::Jieba::new)
    });
    g.bench_function("wenxi Segmenter::new", |b| b.iter(Segmenter::new));
    g.bench_function("wenxi Converter::new", |b| b.iter(Converter::new));
    g.bench_function("wenxi Analyzer::new", |b| b.iter(Analyzer::new));
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
