//! Heading recognisers for one line's text, context aside: Markdown `#` headings, the
//! `第X章` family of labels, and list markers (`一、` `（一）` `1.` `1.1` `1、` `（1）` `①`).
//! Whether a marked line is a heading is decided in `headings.rs`.

use super::headings::Kind;
use crate::chars::is_han;

fn is_han_numeral(c: char) -> bool {
    matches!(
        c,
        '〇' | '○'
            | '零'
            | '一'
            | '二'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '千'
            | '两'
            | '兩'
    )
}

/// `## 标题` → (2, "标题"). A closing sequence of `#`s is dropped.
pub(super) fn markdown_heading(t: &str) -> Option<(u8, &str)> {
    let hashes = t.bytes().take_while(|&b| b == b'#').count();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let rest = &t[hashes..];
    if !rest.starts_with(|c: char| c.is_whitespace()) {
        return None;
    }
    let title = rest.trim();
    let title = match title.trim_end_matches('#') {
        stripped if stripped.ends_with(char::is_whitespace) => stripped.trim_end(),
        _ => title,
    };
    if title.is_empty() {
        return None;
    }
    Some((hashes as u8, title))
}

/// `第X章` at the start of `t`: the rank of the unit and the label's byte length. Ranks follow
/// the hierarchy of Chinese statutes (编 > 章 > 节, Taiwan's 編/章/節/款/目) with articles
/// (条/條) deepest; 部分 ranks with 编, a novel's 回 with 章.
pub(super) fn chapter_label(t: &str) -> Option<(u8, usize)> {
    let rest = t.strip_prefix('第')?;
    let mut numerals = 0;
    let mut used = 0;
    for (i, c) in rest.char_indices() {
        if c.is_ascii_digit() || is_han_numeral(c) {
            numerals += 1;
        } else if !c.is_whitespace() {
            used = i;
            break;
        }
        if numerals > 8 || i > 24 {
            return None;
        }
    }
    if numerals == 0 || used == 0 {
        return None;
    }
    let unit = &rest[used..];
    let (rank, unit_len) = if unit.starts_with("部分") {
        (1, "部分".len())
    } else {
        let c = unit.chars().next()?;
        let rank = match c {
            '编' | '編' => 1,
            '章' | '回' => 2,
            '节' | '節' => 3,
            '款' => 4,
            '目' => 5,
            '条' | '條' => 6,
            _ => return None,
        };
        (rank, c.len_utf8())
    };
    let end = '第'.len_utf8() + used + unit_len;
    // `第一章 总则` and `第一章总则` are headings; `第四回中既將薛家母子…，` is a wrapped line of a
    // novel's prose that happens to begin with a chapter reference. Without a separator after
    // the label, the rest must read as a short title. Articles (条) run straight into their
    // text and are judged elsewhere.
    let after = t.get(end..).unwrap_or("");
    let separated = after
        .chars()
        .next()
        .is_none_or(|c| c.is_whitespace() || "：:、.．".contains(c));
    let title_like =
        after.chars().count() <= 24 && !after.contains(['，', ',', '。', '．', '；', ';']);
    if rank != 6 && !separated && !title_like {
        return None;
    }
    Some((rank, end))
}

/// A list marker at the start of `t`: its kind and byte length.
pub(super) fn list_marker(t: &str) -> Option<(Kind, usize)> {
    let mut chars = t.char_indices().peekable();
    let (_, first) = *chars.peek()?;
    if ('①'..='⑳').contains(&first) {
        return Some((Kind::Circled, first.len_utf8()));
    }
    if first == '（' || first == '(' {
        chars.next();
        let body_start = first.len_utf8();
        let mut han = 0;
        let mut digits = 0;
        for (i, c) in chars {
            match c {
                '）' | ')' => {
                    let end = i + c.len_utf8();
                    return match (han, digits) {
                        (1..=4, 0) => Some((Kind::HanParen, end)),
                        (0, 1..=3) => Some((Kind::DigitParen, end)),
                        _ => None,
                    };
                }
                _ if is_han_numeral(c) => han += 1,
                _ if c.is_ascii_digit() => digits += 1,
                _ => return None,
            }
            if i - body_start > 12 {
                return None;
            }
        }
        return None;
    }
    if is_han_numeral(first) {
        for (n, (i, c)) in chars.enumerate() {
            if c == '、' {
                return Some((Kind::HanComma, i + c.len_utf8()));
            }
            if !is_han_numeral(c) || n >= 4 {
                return None;
            }
        }
        return None;
    }
    if first.is_ascii_digit() {
        let bytes = t.as_bytes();
        let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
        if digits > 3 {
            return None;
        }
        let after = &t[digits..];
        if let Some(rest) = after.strip_prefix('、') {
            return (!rest.is_empty()).then_some((Kind::DigitComma, digits + '、'.len_utf8()));
        }
        // 1. / 1.1 / 1.1.1 — dots between groups of at most 3 digits, first group at most 2
        // digits so that years (2026.02) are not markers.
        let mut end = digits;
        let mut depth = 0u8;
        loop {
            let rest = &t[end..];
            let dot = if rest.starts_with('.') {
                1
            } else if rest.starts_with('．') {
                '．'.len_utf8()
            } else {
                break;
            };
            let more = rest[dot..]
                .bytes()
                .take_while(|b| b.is_ascii_digit())
                .count();
            if more > 3 {
                return None;
            }
            depth += 1;
            end += dot + more;
            if more == 0 || depth > 6 {
                break;
            }
        }
        if depth == 0 {
            return None;
        }
        let dotted_tail = t[..end].ends_with(|c: char| c.is_ascii_digit());
        if dotted_tail {
            // `1.1 标题` or `1.1标题`; not `5.5%` or `3.14`.
            if digits > 2 {
                return None;
            }
            // A unit after the number makes it a quantity: `3.5亿元`.
            let next = t[end..].chars().next();
            let unit = |c: char| "亿万千百元角倍个米吨年月日时度岁人次项家件%".contains(c);
            if !next.is_some_and(|c| c.is_whitespace() || (is_han(c) && !unit(c))) {
                return None;
            }
            return Some((Kind::Dotted(depth + 1), end));
        }
        if depth > 1 || t[end..].trim().is_empty() {
            return None;
        }
        return Some((Kind::Dotted(1), end));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chapter_references_in_prose_are_not_headings() {
        assert!(chapter_label(
            "第四回中既將薛家母子在榮府內寄居等事略已表明，此回則暫不能寫矣．如"
        )
        .is_none());
        assert!(chapter_label("第一章总则").is_some());
        assert!(chapter_label("第三回").is_some());
        assert!(chapter_label("第 一 章 總綱").is_some());
    }
}
