//! Sentences: the punctuation that ends them and the count of a paragraph's sentences.

use crate::chars::is_han;

/// Sentence-final punctuation that ends a sentence wherever it appears.
pub(super) fn is_final(c: char) -> bool {
    // `．` is the full stop of some traditional texts (Gutenberg's 紅樓夢); cleaning keeps it
    // after Han characters and folds it to `.` only inside numbers.
    matches!(c, '。' | '！' | '？' | '；' | '…' | '．')
}

/// Closing quotes and brackets, which stay with the sentence they close.
pub(super) fn is_closer(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '」' | '』' | '）' | ')' | '》' | '〉' | '】' | '〕' | '"' | '\'' | ']'
    )
}

/// The number of sentences with content in a paragraph's lines.
pub(super) fn count_sentences<'a>(lines: impl Iterator<Item = &'a str>) -> u32 {
    let mut count = 0u32;
    let mut content = false;
    let mut in_final = false;
    let mut prev = '\n';
    for line in lines {
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            let next = chars.peek().copied();
            let conditional = matches!(c, '!' | '?' | ';' | '.' | '．')
                && (is_han(prev) || is_closer(prev) && prev != ')' && prev != ']')
                && next.is_none_or(|n| {
                    n.is_whitespace() || is_han(n) || (matches!(c, '.' | '．') && is_closer(n))
                });
            let ends = is_final(c) || conditional;
            if in_final {
                if ends || is_final(c) || is_closer(c) || matches!(c, '!' | '?') {
                    prev = c;
                    continue;
                }
                count = count.saturating_add(1);
                in_final = false;
                content = false;
            }
            if ends && content {
                in_final = true;
            } else if !c.is_whitespace() && c != '\u{FFFD}' && !ends {
                content = true;
            }
            prev = c;
        }
        // A line break inside a hard-wrapped paragraph is not a sentence end.
        prev = '\n';
    }
    if content || in_final {
        count = count.saturating_add(1);
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_splitting() {
        let cases: &[(&str, u32)] = &[
            ("", 0),
            ("   ", 0),
            ("一句话", 1),
            ("第一句。第二句。", 2),
            ("他说：“好。”然后走了。", 2),
            ("真的吗？！不会吧……", 2),
            ("等等……还有。", 2),
            ("甲；乙；丙", 3),
            ("圆周率是3.14左右。", 1),
            ("见 https://example.com/a?b=1 网站。", 1),
            ("Hello!World", 1),
            ("a?b", 1),
            ("好! 再见", 2),
            ("真的?是的", 2),
            ("寶玉聽了.便走了.", 2),
            ("「來了！」他說。", 2),
            ("。。。", 0),
            ("\u{FFFD}。", 0),
            ("👪𦡦。下一句", 2),
        ];
        for (text, want) in cases {
            assert_eq!(count_sentences(std::iter::once(*text)), *want, "{text:?}");
        }
        // A line break inside a hard-wrapped paragraph does not end a sentence.
        assert_eq!(
            count_sentences(["这是一个被换", "行的句子。"].into_iter()),
            1
        );
    }
}
