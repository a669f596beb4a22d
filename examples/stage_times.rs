//! Where a whole analysis spends its time, natively: the milliseconds per MB between the
//! analysis's progress points (cleaning, segmentation, sections and the token stream, the
//! tally, keywords, the rest), best of `RUNS` runs, for each file given.
//!
//!   cargo run --release --example stage_times -- [--options JSON] FILE...
//!
//! `--options '{"terms": true}'` analyses with the page's defaults (term joining on).

use std::time::Instant;

use wenxi::{Analyzer, Options};

const RUNS: usize = 5;

fn main() {
    let mut analyzer = Analyzer::new();
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let options = match args.iter().position(|a| a == "--options") {
        Some(i) => {
            let json = args.get(i + 1).cloned().unwrap_or_default();
            args.drain(i..(i + 2).min(args.len()));
            Options::from_json(&json).expect("--options: analysis options as JSON")
        }
        None => Options::default(),
    };
    for path in args {
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let mb = text.len() as f64 / 1e6;
        let mut best: Option<(f64, Vec<(String, f64)>)> = None;
        for _ in 0..RUNS {
            let mut marks: Vec<(String, Instant)> = Vec::new();
            let start = Instant::now();
            analyzer
                .analyze_with_progress(&text, &options, &mut |p| {
                    let name = format!("{:?} {:.2}", p.stage, p.fraction);
                    // Segmentation reports every chunk: keep its first mark only.
                    if !matches!(marks.last(), Some((n, _)) if n.starts_with("Segmenting") && name.starts_with("Segmenting")) {
                        marks.push((name, Instant::now()));
                    }
                })
                .expect("analysis");
            let total = start.elapsed().as_secs_f64() * 1e3;
            let mut stages = Vec::new();
            for w in marks.windows(2) {
                stages.push((w[0].0.clone(), (w[1].1 - w[0].1).as_secs_f64() * 1e3));
            }
            if best.as_ref().is_none_or(|(t, _)| total < *t) {
                best = Some((total, stages));
            }
        }
        let (total, stages) = best.expect("runs");
        println!(
            "{path}: {mb:.2} MB, {:.1} ms/MB ({:.1} MB/s)",
            total / mb,
            mb * 1e3 / total
        );
        for (name, ms) in stages {
            println!("  from {name:<16} {:>7.1} ms/MB", ms / mb);
        }
    }
}
