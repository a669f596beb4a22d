//! What a kept corpus costs, measured: every text file under the folders given is kept as a
//! document of one corpus (as the page's worker keeps it for its queries), then the corpus
//! report and the corpus queries run once each. Prints the bytes the kept analyses hold per
//! byte of text, the heap live and at its peak (counted by the allocator below), and each
//! query's time.
//!
//!   cargo run --release --example corpus_memory -- ../shared/corpus/running-text
//!
//! The README's figures for the kept corpus come from this command.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::Instant;

use wenxi::collection::CorpusRequest;
use wenxi::query::{CollocatesQuery, ConcordanceQuery, Corpus, NgramsQuery, Sort};
use wenxi::{Analyzer, Options};

/// The system allocator, counting the bytes live and their peak.
struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let live = LIVE.fetch_add(layout.size(), Relaxed) + layout.size();
        PEAK.fetch_max(live, Relaxed);
        System.alloc(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Relaxed);
        System.dealloc(ptr, layout)
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1e6
}

/// The text files under `dir`, in path order (a licence file is not a document).
fn files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|x| x == "txt")
            && !path.to_string_lossy().contains("LICENSE")
        {
            out.push(path);
        }
    }
}

fn main() {
    let mut paths = Vec::new();
    for dir in std::env::args().skip(1) {
        files(std::path::Path::new(&dir), &mut paths);
    }
    // Documents of about 100 KB, as the page's 500-document benchmark makes them.
    const CHARS: usize = 33_000;
    let mut docs = Vec::new();
    for path in &paths {
        let text = std::fs::read_to_string(path).expect("a UTF-8 text");
        let chars: Vec<char> = text.chars().collect();
        for (i, piece) in chars.chunks(CHARS).enumerate() {
            docs.push((
                format!("{}#{i}", path.display()),
                piece.iter().collect::<String>(),
            ));
        }
    }
    let text_bytes: usize = docs.iter().map(|(_, t)| t.len()).sum();
    let options = Options::default();
    let mut analyzer = Analyzer::new();
    let mut exporter = Analyzer::new();
    let mut kept_bytes = 0;
    for (name, text) in &docs {
        let (_, bytes) = exporter.export_document(name, text, &options).unwrap();
        kept_bytes += Corpus::from_bytes(&bytes).unwrap().heap_bytes();
    }
    drop(exporter);
    let base = LIVE.load(Relaxed);
    for (i, (name, text)) in docs.iter().enumerate() {
        analyzer
            .keep_document(i, name, text, &options, true)
            .unwrap();
    }
    let kept = LIVE.load(Relaxed) - base;
    println!(
        "{} documents, {:.1} MB of text: the kept analyses hold {:.1} MB ({:.2} bytes a byte); \
         with the summaries and everything else the analyzer keeps, {:.1} MB live",
        docs.len(),
        mb(text_bytes),
        mb(kept_bytes),
        kept_bytes as f64 / text_bytes as f64,
        mb(kept)
    );
    PEAK.store(LIVE.load(Relaxed), Relaxed);
    let before = LIVE.load(Relaxed);
    let started = Instant::now();
    let report = analyzer
        .kept_corpus_report(&CorpusRequest::default())
        .unwrap();
    println!(
        "corpus report: {:?}, heap peak {:.1} MB above what was kept, {:.1} MB held by the report",
        started.elapsed(),
        mb(PEAK.load(Relaxed) - before),
        mb(LIVE.load(Relaxed) - before)
    );
    drop(report);
    let time = |what: &str, run: &dyn Fn() -> usize| {
        let started = Instant::now();
        let n = run();
        println!("{what}: {n} in {:?}", started.elapsed());
    };
    let q = |query: &str, sort| ConcordanceQuery {
        query: query.into(),
        sort,
        limit: Some(1000),
        ..Default::default()
    };
    time("concordance 的 (total)", &|| {
        analyzer
            .corpus_concordance(&q("的", Sort::Position))
            .unwrap()
            .total as usize
    });
    time("concordance 的 by the word on the left (total)", &|| {
        analyzer
            .corpus_concordance(&q("的", Sort::Left1))
            .unwrap()
            .total as usize
    });
    for word in ["宝玉", "的"] {
        time(&format!("collocates of {word} (listed)"), &|| {
            let q = CollocatesQuery {
                word: word.into(),
                ..Default::default()
            };
            analyzer.corpus_collocates(&q).unwrap().collocates.len()
        });
    }
    for characters in [false, true] {
        time(
            &format!("n-grams, characters {characters} (listed)"),
            &|| {
                let q = NgramsQuery {
                    characters,
                    limit: Some(1000),
                    ..Default::default()
                };
                analyzer.corpus_ngrams(&q).unwrap().ngrams.len()
            },
        );
    }
}
