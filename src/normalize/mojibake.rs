//! Mojibake: text saved in one encoding and read in another. Runs of it become one U+FFFD.

use super::pinyin::read_pinyin;
use crate::chars::is_han;

/// The Unicode replacement character, which a decoder writes for bytes it cannot read.
pub(super) const REPLACEMENT: char = '\u{FFFD}';

/// Longest mojibake run we look for, in chars; bounds the look-ahead at each `?`.
const MAX_MOJIBAKE_CHARS: usize = 64;

/// The length in bytes of the mojibake run at the start of `s` (which starts with `?` and
/// follows a Han char), if there is one.
///
/// In the corpus's `web_examples.tsv`, text saved in one encoding and read in another turns
/// `。“一帶一路”倡議` into `?!耙粠б宦贰背h` and `請(qǐng)` into `?qǐng)`: the byte that could
/// not be decoded became `?`, often swallowing the next ASCII char (`(`, `<`), and the rest
/// became plausible-looking but wrong Han chars, salted with letters from GBK's symbol rows
/// (Cyrillic `б`), stray single ASCII letters and pinyin whose `(` was eaten. Real Chinese
/// never shows those together, so a run must:
/// - start with `?!` or with an orphaned annotation `?qǐng)` (one tone-marked syllable and a
///   closing parenthesis with no opening one);
/// - hold evidence: an orphaned annotation, a GBK symbol-row letter or U+FFFD;
/// - continue only through Han chars, single ASCII letters, such letters and orphaned
///   annotations, and end at the last of these that is not Han (the wrong Han chars after
///   it cannot be told from the real text that follows, so they stay).
///
/// Mojibake Han chars not anchored by such a `?` are left alone: no rule found in the
/// examples tells them from real text without risking real Chinese.
pub(super) fn mojibake_run_len(s: &str) -> Option<usize> {
    let starts_with_bang = s.starts_with("?!");
    let first_orphan = s.get(1..).and_then(orphan_annotation_len).is_some();
    if !starts_with_bang && !first_orphan {
        return None;
    }
    let mut i = if starts_with_bang { 2 } else { 0 };
    let mut end = i;
    let mut evidence = false;
    let mut prev_ascii_letter = false;
    for _ in 0..MAX_MOJIBAKE_CHARS {
        let Some(c) = s.get(i..).and_then(|r| r.chars().next()) else {
            break;
        };
        let rest = s.get(i + c.len_utf8()..).unwrap_or("");
        if c == '?' {
            let Some(len) = orphan_annotation_len(rest) else {
                break;
            };
            i += 1 + len;
            end = i;
            evidence = true;
            prev_ascii_letter = false;
            continue;
        }
        if is_han(c) {
            prev_ascii_letter = false;
        } else if is_mojibake_letter(c) {
            evidence = true;
            end = i + c.len_utf8();
            prev_ascii_letter = false;
        } else if c.is_ascii_alphabetic() {
            // Single ASCII letters only: an ASCII word next to Han chars is real text.
            let next_is_letter = rest.chars().next().is_some_and(|n| n.is_ascii_alphabetic());
            if prev_ascii_letter || next_is_letter {
                break;
            }
            end = i + 1;
            prev_ascii_letter = true;
        } else {
            break;
        }
        i += c.len_utf8();
    }
    (evidence && end > 0).then_some(end)
}

/// The length in bytes of `qǐng)` at the start of `s`: one tone-marked pinyin syllable and a
/// closing parenthesis, what is left of an annotation whose `(` mis-decoding swallowed.
fn orphan_annotation_len(s: &str) -> Option<usize> {
    for (i, c) in s.char_indices().take(8) {
        if c == ')' || c == '）' {
            let reading = read_pinyin(s.get(..i)?)?;
            return (reading.syllables == 1 && reading.toned).then_some(i + c.len_utf8());
        }
    }
    None
}

/// Letters that GBK's symbol rows and user-defined area produce when bytes are decoded with
/// the wrong encoding (GBK rows A6 Greek, A7 Cyrillic, A9 box drawing, AA–AF and F8–FE the
/// private use area), and U+FFFD itself. Found in Chinese prose only as mojibake, except
/// Greek (`α粒子`), which is why they count only inside a run that already starts like one.
fn is_mojibake_letter(c: char) -> bool {
    matches!(c,
        '\u{0370}'..='\u{03FF}'
        | '\u{0400}'..='\u{04FF}'
        | '\u{2500}'..='\u{257F}'
        | '\u{E000}'..='\u{F8FF}'
        | REPLACEMENT)
}

#[cfg(test)]
mod tests {
    use super::super::clean;
    use super::super::spans::Span;
    use super::super::tests::assert_cases;

    #[test]
    fn mojibake_runs_become_one_replacement_char() {
        assert_cases(&[
            ("引擎?!耙粠б宦贰背h的提出", "引擎\u{FFFD}的提出"),
            ("原理?!皞卧瓌?chuàng)”的目標", "原理\u{FFFD}”的目標"),
            ("咨詢?nèi)绾纬蔀榇河鹱髡哒?qǐng)聯系", "咨詢\u{FFFD}聯系"),
            ("結束?/p>下一段", "結束\u{FFFD}\n下一段"),
            ("結束?!/p>", "結束\u{FFFD}\n"),
            ("乱码\u{FFFD}\u{FFFD}\u{FFFD}文字", "乱码\u{FFFD}文字"),
        ]);
    }

    #[test]
    fn real_question_marks_stay() {
        assert_cases(&[
            ("真的吗?!我不信", "真的吗?!我不信"),
            ("真的吗?!我用iPhone", "真的吗?!我用iPhone"),
            ("什么?α粒子", "什么?α粒子"),
            ("是吗?(jīng)", "是吗?(jīng)"),
            ("a?nèi)", "a?nèi)"),
        ]);
    }

    #[test]
    fn mojibake_span_covers_the_run() {
        let cleaned = clean("擎?!耙粠б宦贰背h的");
        assert_eq!(cleaned.text, "擎\u{FFFD}的");
        let spans: Vec<Span> = cleaned.spans.iter().collect();
        let want = [(0, 1), (1, 10), (10, 11)].map(|(start, end)| Span { start, end });
        assert_eq!(spans, want);
    }
}
