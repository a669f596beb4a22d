//! The native side of `node scripts/bench.mjs` (issue 6): plain jieba-rs `cut` (HMM on) and
//! Wenxi's whole analysis on the very files the browser run uses, one JSON line per file:
//! `{"file", "bytes", "jiebaCutMs", "wenxiAnalyzeMs", "peakHeapBytes", "peakByStage",
//! "keptBytes", "reportJsonBytes"}`, times as medians of `WENXI_BENCH_RUNS` runs (default 5),
//! heap as counted by the allocator; `keptBytes` is what the analyzer keeps for the queries
//! once the report is dropped. Not a criterion bench: the browser bench needs its figures in
//! the same run.
//!
//!   cargo bench --bench native -- FILE...

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use wenxi::{Analyzer, Options};

/// The system allocator, counting live and peak heap bytes: the memory figure of a native
/// analysis (`peakHeapBytes`, above what was live before it started).
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(live, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn main() {
    let runs: usize = std::env::var("WENXI_BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5);
    let jieba = upstream_jieba::Jieba::new();
    let mut analyzer = Analyzer::new();
    let options = Options::default();
    // `cargo bench` adds `--bench`; everything else is a file.
    for file in std::env::args().skip(1).filter(|a| !a.starts_with("--")) {
        let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{file}: {e}"));
        let cut = median_ms(runs, || {
            std::hint::black_box(jieba.cut(&text, true).len());
        });
        let analyze = median_ms(runs, || {
            std::hint::black_box(
                analyzer
                    .analyze(&text, &options)
                    .map(|r| r.keywords.len())
                    .ok(),
            );
        });
        // Peak heap of one more analysis, and the peak reached by the end of each stage, above
        // an analyzer that keeps nothing of a text (its kept analysis of the empty text).
        let _ = analyzer.analyze("", &options);
        let base = LIVE.load(Ordering::Relaxed);
        PEAK.store(base, Ordering::Relaxed);
        let mut stages = Vec::new();
        let report = analyzer.analyze_with_progress(&text, &options, &mut |p| {
            stages.push(format!(
                "\"{:?}@{:.2}\":{}",
                p.stage,
                p.fraction,
                PEAK.load(Ordering::Relaxed) - base
            ));
        });
        let peak = PEAK.load(Ordering::Relaxed) - base;
        let json = report
            .as_ref()
            .map_or(0, |r| serde_json::to_string(r).map_or(0, |j| j.len()));
        drop(report);
        let kept = LIVE.load(Ordering::Relaxed) - base;
        let name = serde_json::to_string(&file).unwrap_or_default();
        println!(
            "{{\"file\":{name},\"bytes\":{},\"jiebaCutMs\":{cut:.3},\"wenxiAnalyzeMs\":{analyze:.3},\"peakHeapBytes\":{peak},\"peakByStage\":{{{}}},\"keptBytes\":{kept},\"reportJsonBytes\":{json}}}",
            text.len(),
            stages.join(",")
        );
    }
}
