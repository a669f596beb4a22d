//! The concordance's tests: matches, context, sorts and refusals on small texts.

use super::*;
use crate::query::corpus::for_test;

fn lower(w: &str) -> String {
    w.to_lowercase()
}

fn run(c: &Corpus, q: ConcordanceQuery) -> Concordance {
    concordance(c, &q, &lower).unwrap()
}

fn query(q: &str, by: By) -> ConcordanceQuery {
    ConcordanceQuery {
        query: q.into(),
        by,
        context: 6,
        ..Default::default()
    }
}

#[test]
fn strings_words_and_patterns() {
    let c = for_test("the cat sat. The catalog, a cat!\nCat");
    // The string is matched as written: `cat` three times (in `catalog` too), `Cat` not.
    let found = run(&c, query("cat", By::String));
    assert_eq!(found.total, 3);
    let l = &found.lines[1];
    assert_eq!(
        (l.left.as_str(), l.matched.as_str(), l.right.as_str()),
        (". The ", "cat", "alog, ")
    );
    assert_eq!((l.start, l.end), (17, 20));
    // As a word: whole tokens, any case (`Cat` on the last line too, not `catalog`).
    let found = run(&c, query("CAT", By::Word));
    assert_eq!(found.total, 3);
    assert_eq!(
        found.lines[2].left, " cat! ",
        "the line break reads as a space"
    );
    assert_eq!(found.lines[2].matched, "Cat");
    let found = run(&c, query(r"[Cc]at\b", By::Regex));
    assert_eq!(found.total, 3);
    assert_eq!(run(&c, query("dog", By::Word)).total, 0);
}

#[test]
fn sort_orders_and_limit() {
    let c = for_test("b x a. c x d. a x c.");
    let order = |sort| -> Vec<u32> {
        run(
            &c,
            ConcordanceQuery {
                sort,
                ..query("x", By::Word)
            },
        )
        .lines
        .iter()
        .map(|l| l.start)
        .collect()
    };
    assert_eq!(order(Sort::Position), [2, 9, 16]);
    assert_eq!(order(Sort::Left1), [16, 2, 9], "a < b < c");
    assert_eq!(order(Sort::Right1), [2, 16, 9], "a < c < d");
    assert_eq!(order(Sort::Left2), [2, 9, 16], "none, then a, then d");
    let found = run(
        &c,
        ConcordanceQuery {
            limit: Some(1),
            sort: Sort::Left1,
            ..query("x", By::Word)
        },
    );
    assert_eq!(
        (found.total, found.lines.len(), found.lines[0].start),
        (3, 1, 16)
    );
}

#[test]
fn cleaned_or_as_written_context_and_offsets() {
    let text = "<b>經(jīng)濟</b>發展，經濟";
    let c = for_test(text);
    let units: Vec<u16> = text.encode_utf16().collect();
    let found = run(&c, query("經濟", By::String));
    assert_eq!(found.total, 2);
    let l = &found.lines[0];
    // The offsets cover the annotation inside the match; slicing gives what the user wrote.
    assert_eq!(
        String::from_utf16_lossy(&units[l.start as usize..l.end as usize]),
        "經(jīng)濟"
    );
    assert_eq!(l.right, "發展，經濟");
    let written = run(
        &c,
        ConcordanceQuery {
            as_written: true,
            ..query("經濟", By::String)
        },
    );
    assert_eq!(written.lines[0].left, "<b>");
    assert_eq!(written.lines[0].matched, "經(jīng)濟");
    assert_eq!(written.lines[0].right, "</b>發展");
}

#[test]
fn refusals() {
    let c = for_test("abc");
    let err = |q: ConcordanceQuery| concordance(&c, &q, &lower).unwrap_err();
    assert_eq!(err(query("", By::String)).kind(), "invalid_query");
    assert!(err(query("(", By::Regex))
        .to_string()
        .contains("does not parse"));
    let costly = err(query(r"(\w{50}){50}", By::Regex));
    assert!(costly.to_string().contains("too costly"), "{costly}");
    assert_eq!(
        err(query("a{1000}{1000}", By::Regex)).kind(),
        "invalid_query"
    );
    let wide = ConcordanceQuery {
        context: MAX_CONTEXT + 1,
        ..query("a", By::String)
    };
    assert_eq!(err(wide).kind(), "invalid_query");
    // A pattern that can match nothing still finds only real matches.
    assert_eq!(run(&c, query("b*", By::Regex)).total, 1);
}

#[test]
fn totals_equal_a_naive_count_on_random_texts() {
    // A small deterministic generator: texts over a few letters, Han chars, spaces and
    // punctuation, with needles drawn from the same alphabet.
    let alphabet: Vec<char> = "ab 的了。，\n𦡦".chars().collect();
    let mut seed = 0x2545_f491_u64;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..200 {
        let len = (next() % 60) as usize;
        let text: String = (0..len)
            .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
            .collect();
        let needle: String = (0..1 + next() % 3)
            .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
            .collect();
        let c = for_test(&text);
        let found = run(&c, query(&needle, By::String));
        // Non-overlapping, left to right, as `str::matches` counts.
        let mut naive = 0;
        let mut rest = text.as_str();
        while let Some(i) = rest.find(&needle) {
            naive += 1;
            rest = &rest[i + needle.len()..];
        }
        assert_eq!(found.total as usize, naive, "{text:?} / {needle:?}");
        let units: Vec<u16> = text.encode_utf16().collect();
        for l in &found.lines {
            assert_eq!(
                String::from_utf16_lossy(&units[l.start as usize..l.end as usize]),
                needle
            );
        }
    }
}

#[test]
fn as_written_context_decodes_only_a_window_and_agrees_with_the_whole() {
    let text = format!(
        "<b>👪👪👪</b>{}經(jīng)濟{}𦡦x",
        " ".repeat(100),
        "𦡦\n\n".repeat(30)
    );
    let units: Vec<u16> = text.encode_utf16().collect();
    for at in 0..=units.len() {
        // Only at char boundaries, as offsets of spans are.
        if at > 0 && at < units.len() && (0xDC00..0xE000).contains(&units[at]) {
            continue;
        }
        for n in [0, 1, 5, 20] {
            let whole_left = tail(&String::from_utf16_lossy(&units[..at]), n);
            let whole_right = head(&String::from_utf16_lossy(&units[at..]), n);
            assert_eq!(tail16(&units, at, n), whole_left, "left of {at}, {n}");
            assert_eq!(head16(&units, at, n), whole_right, "right of {at}, {n}");
        }
    }
}
