//! A text segmented in parts (`segment_part` in other analyzers, `analyze_parts` in the one
//! that finishes) gives the report of the text analysed in one piece, byte for byte: on
//! pseudo-random pastes cut into 2 to 6 parts, and on the novels of the shared corpus in both
//! scripts (`../shared/corpus/running-text/`, beside the project). A part made for another
//! text, under another dictionary, or damaged, is not used, and the report is still the same.
#![cfg(not(target_arch = "wasm32"))]

use wenxi::{Analyzer, Options};

mod common;
use common::XorShift as Rng;

#[path = "../fuzz/pieces.rs"]
mod pieces;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/running-text");

fn options(terms: bool) -> Options {
    Options {
        include_tokens: true,
        terms,
        ..Options::default()
    }
}

/// The report of `text` segmented in one piece, as JSON.
fn whole(analyzer: &mut Analyzer, text: &str, options: &Options) -> String {
    let (report, used) = analyzer
        .analyze_parts(text, options, 1, &[], &mut |_| {})
        .unwrap();
    assert_eq!(used, 0);
    serde_json::to_string(&report).unwrap()
}

/// The report of `text` with its `of` parts made by `helper`, as JSON, and how many were used.
fn in_parts(
    analyzer: &mut Analyzer,
    helper: &mut Analyzer,
    text: &str,
    options: &Options,
    of: usize,
) -> (String, usize) {
    let parts: Vec<Vec<u8>> = (0..of)
        .map(|i| helper.segment_part(text, options, i, of).unwrap())
        .collect();
    let (report, used) = analyzer
        .analyze_parts(text, options, of, &parts, &mut |_| {})
        .unwrap();
    (serde_json::to_string(&report).unwrap(), used)
}

fn random_text(rng: &mut Rng) -> String {
    let lines = 1 + (rng.next() % 40) as usize;
    let mut text = String::new();
    for _ in 0..lines {
        for _ in 0..(rng.next() % 12) {
            text.push_str(rng.pick(pieces::PIECES));
        }
        text.push_str(["\n", "\r\n", "\n\n"][(rng.next() % 3) as usize]);
    }
    text
}

#[test]
fn parts_give_the_one_piece_report_on_random_texts() {
    let mut analyzer = Analyzer::new();
    let mut helper = Analyzer::new();
    let mut rng = Rng(0x9A27_5EED);
    for round in 0..150 {
        let text = random_text(&mut rng);
        let options = options(round % 2 == 0);
        let expected = whole(&mut analyzer, &text, &options);
        let of = 2 + round % 5;
        let (got, used) = in_parts(&mut analyzer, &mut helper, &text, &options, of);
        assert_eq!(used, of, "round {round}: every part fits");
        assert_eq!(got, expected, "round {round}, {of} parts: {text:?}");
        // Natively, `analyze` cuts a long text on threads itself.
        let threads = serde_json::to_string(&analyzer.analyze(&text, &options).unwrap()).unwrap();
        assert_eq!(threads, expected, "round {round}");
    }
}

#[test]
fn parts_that_do_not_fit_are_segmented_again() {
    let text = "會議強調，要推動長江經濟帶發展。\n文析工具很好用，见 https://example.com/a?b=1。\n2023年GDP增长5.2%。\n".repeat(40);
    let options = options(true);
    let mut analyzer = Analyzer::new();
    let expected = whole(&mut analyzer, &text, &options);
    let mut helper = Analyzer::new();
    let parts: Vec<Vec<u8>> = (0..3)
        .map(|i| helper.segment_part(&text, &options, i, 3).unwrap())
        .collect();

    // Damaged: a token's offset, a tag, the text's copy, a cut-off end; and a part of
    // another count.
    let mut damaged = parts.clone();
    let last = damaged[0].len() - 1;
    damaged[0][last] = 250;
    let cut = damaged[1].len() - 3;
    damaged[1].truncate(cut);
    let mid = damaged[2].len() / 2;
    damaged[2][mid] ^= 0x5A;
    let other_count = helper.segment_part(&text, &options, 0, 2).unwrap();
    damaged.push(other_count);
    let (report, used) = analyzer
        .analyze_parts(&text, &options, 3, &damaged, &mut |_| {})
        .unwrap();
    assert!(used < 3, "a damaged part was used");
    assert_eq!(serde_json::to_string(&report).unwrap(), expected);

    // Another text's parts.
    let other = helper
        .segment_part(&text.replace("長江", "黃河"), &options, 1, 3)
        .unwrap();
    let (report, used) = analyzer
        .analyze_parts(&text, &options, 3, &[other], &mut |_| {})
        .unwrap();
    assert_eq!(used, 0);
    assert_eq!(serde_json::to_string(&report).unwrap(), expected);

    // A dictionary that lags behind: the helper lacks the word the analyzer added.
    analyzer.add_words(&["文析工具"]).unwrap();
    let expected = whole(&mut analyzer, &text, &options);
    assert!(expected.contains("文析工具"));
    let (report, used) = analyzer
        .analyze_parts(&text, &options, 3, &parts, &mut |_| {})
        .unwrap();
    assert_eq!(used, 0, "parts cut without the added word");
    assert_eq!(serde_json::to_string(&report).unwrap(), expected);
    // Caught up, its parts are used again.
    helper.add_words(&["文析工具"]).unwrap();
    let (got, used) = in_parts(&mut analyzer, &mut helper, &text, &options, 3);
    assert_eq!(used, 3);
    assert_eq!(got, expected);

    // Options that change segmentation are part of what a part is made under.
    let no_hmm = Options {
        hmm: false,
        ..options.clone()
    };
    let (_, used) = analyzer
        .analyze_parts(&text, &no_hmm, 3, &parts, &mut |_| {})
        .unwrap();
    assert_eq!(used, 0);
}

#[test]
fn part_counts_out_of_range_are_refused() {
    let mut analyzer = Analyzer::new();
    let options = Options::default();
    for (part, of) in [(0, 0), (0, 17), (3, 3)] {
        let e = analyzer
            .segment_part("文本", &options, part, of)
            .unwrap_err();
        assert_eq!(e.kind(), "invalid_request", "{part} of {of}");
    }
    let e = analyzer
        .analyze_parts("文本", &options, 0, &[], &mut |_| {})
        .unwrap_err();
    assert_eq!(e.kind(), "invalid_request");
}

#[test]
fn parts_give_the_one_piece_report_on_the_novels() {
    let mut analyzer = Analyzer::new();
    let mut helper = Analyzer::new();
    let mut checked = 0;
    for script in ["simplified", "traditional"] {
        let dir = format!("{CORPUS}/{script}");
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("the shared corpus is missing ({dir}: {e}); this test needs ../shared/corpus/ beside the project"))
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt") && !p.to_string_lossy().contains("LICENSE"))
            .collect();
        files.sort();
        // The first two of each script, 1.8 to 2.6 MB each: the page's default analysis.
        for path in files.iter().take(2) {
            let text = std::fs::read_to_string(path).unwrap();
            let options = options(true);
            let expected = whole(&mut analyzer, &text, &options);
            let (got, used) = in_parts(&mut analyzer, &mut helper, &text, &options, 3);
            assert_eq!(used, 3, "{}", path.display());
            assert!(
                got == expected,
                "{}: the report in 3 parts differs",
                path.display()
            );
            let threads =
                serde_json::to_string(&analyzer.analyze(&text, &options).unwrap()).unwrap();
            assert!(
                threads == expected,
                "{}: the report on threads differs",
                path.display()
            );
            checked += 1;
        }
    }
    assert_eq!(checked, 4);
}

/// The worker API's order of calls: each worker segments its part (adding `options.words`),
/// then one analyses with them all (adding the words again).
#[test]
fn parts_made_with_the_options_words_are_used() {
    let text = "文析工具很好用。會議強調長江經濟帶。\n".repeat(30);
    let options = Options {
        words: vec!["文析工具".into()],
        ..options(true)
    };
    let expected =
        serde_json::to_string(&Analyzer::new().analyze(&text, &options).unwrap()).unwrap();
    assert!(expected.contains("文析工具"));
    let mut analyzer = Analyzer::new();
    let mut helper = Analyzer::new();
    for round in 0..2 {
        let own = analyzer.segment_part(&text, &options, 0, 2).unwrap();
        let other = helper.segment_part(&text, &options, 1, 2).unwrap();
        let (report, used) = analyzer
            .analyze_parts(&text, &options, 2, &[own, other], &mut |_| {})
            .unwrap();
        assert_eq!(used, 2, "round {round}");
        assert_eq!(
            serde_json::to_string(&report).unwrap(),
            expected,
            "round {round}"
        );
    }
}

/// The worker that segments part 0 keeps that text cleaned for the analysis that follows; an
/// analysis of another text, or under another script option, must not read it.
#[test]
fn part_zero_kept_for_another_text_or_option_is_not_read() {
    let text = "會議強調，要推動長江經濟帶發展。\n".repeat(50);
    let other = "会议强调，要推动黄河流域高质量发展。\n".repeat(50);
    let options = options(false);
    let mut analyzer = Analyzer::new();
    let expected_other = whole(&mut analyzer, &other, &options);
    let _ = analyzer.segment_part(&text, &options, 0, 2).unwrap();
    let (report, _) = analyzer
        .analyze_parts(&other, &options, 2, &[], &mut |_| {})
        .unwrap();
    assert_eq!(serde_json::to_string(&report).unwrap(), expected_other);

    let unconverted = Options {
        convert: false,
        ..options.clone()
    };
    let expected = whole(&mut analyzer, &text, &unconverted);
    let _ = analyzer.segment_part(&text, &options, 0, 2).unwrap();
    let (report, _) = analyzer
        .analyze_parts(&text, &unconverted, 2, &[], &mut |_| {})
        .unwrap();
    assert_eq!(serde_json::to_string(&report).unwrap(), expected);
}
