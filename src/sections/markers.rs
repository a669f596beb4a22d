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

/// The units of the `第X章` family, outermost first. They follow the hierarchy of Chinese
/// statutes: 编 > 分编 > 章 > 节 (Taiwan's 編 > 章 > 節 > 款 > 目), with articles (条/條)
/// deepest. A novel's 回 ranks with 章, a report's 部分 with 编. 民法典's 合同编 and 物权编 are
/// divided into 分编 between the 编 and its 章 (`第一分编  通则`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Unit {
    Part,
    Subpart,
    Chapter,
    Section,
    Subsection,
    Item,
    Article,
}

/// A `第X章` label at the start of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Label {
    pub(super) unit: Unit,
    /// Byte length of the label (`第 15-1 條`, `第一百二十条之一`).
    pub(super) len: usize,
}

/// The article number's tail after `第` and its numerals: `-1` in Taiwan's `第 15-1 條` (an
/// article inserted after article 15). Returns its byte length.
fn inserted_number(rest: &str) -> usize {
    let Some(after) = rest.strip_prefix(['-', '－']) else {
        return 0;
    };
    let digits = after.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        rest.len() - after.len() + digits
    } else {
        0
    }
}

/// `第X章` at the start of `t`: the unit and the label's byte length. Numerals may be Han or
/// digits, with spaces between (`第 十一 章`). An article label may carry the number of an
/// inserted article: `第 15-1 條` in Taiwan's laws, `第一百二十条之一` in the PRC's.
pub(super) fn chapter_label(t: &str) -> Option<Label> {
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
    let inserted = inserted_number(&rest[used..]);
    let after_number = used + inserted;
    let unit = rest[after_number..].trim_start();
    let used = rest.len() - unit.len();
    let (unit, unit_len) = if unit.starts_with("部分") {
        (Unit::Part, "部分".len())
    } else if unit.starts_with("分编") || unit.starts_with("分編") {
        (Unit::Subpart, "分编".len())
    } else {
        let c = unit.chars().next()?;
        let unit = match c {
            '编' | '編' => Unit::Part,
            '章' | '回' => Unit::Chapter,
            '节' | '節' => Unit::Section,
            '款' => Unit::Subsection,
            '目' => Unit::Item,
            '条' | '條' => Unit::Article,
            _ => return None,
        };
        (unit, c.len_utf8())
    };
    if inserted > 0 && unit != Unit::Article {
        return None;
    }
    let mut end = '第'.len_utf8() + used + unit_len;
    if unit == Unit::Article {
        // `第一百二十条之一`: 之 and a numeral number an inserted article; `第一百條之規定` is a
        // reference to article 100 in a sentence.
        if let Some(tail) = t[end..].strip_prefix('之') {
            let n: usize = tail
                .chars()
                .take_while(|&c| is_han_numeral(c))
                .map(char::len_utf8)
                .sum();
            if n > 0 {
                end += '之'.len_utf8() + n;
            }
        }
        return Some(Label { unit, len: end });
    }
    // `第一章 总则` and `第一章总则` are headings; `第四回中既將薛家母子…，` is a wrapped line of a
    // novel's prose that happens to begin with a chapter reference. Without a separator after
    // the label, the rest must read as a short title. Articles run straight into their text in
    // some layouts and are judged in `headings.rs`.
    let after = t.get(end..).unwrap_or("");
    let title_like =
        after.chars().count() <= 24 && !after.contains(['，', ',', '。', '．', '；', ';']);
    if !stands_apart(after, unit) && !title_like {
        return None;
    }
    Some(Label { unit, len: end })
}

/// The number a `第X章` label counts: `第九回` 9, `第 十一 章` 11, `第一○○回` 100.
pub(super) fn label_number(label: &str) -> Option<u32> {
    let numerals: String = label
        .chars()
        .skip(1)
        .take_while(|&c| c.is_ascii_digit() || is_han_numeral(c) || c.is_whitespace())
        .filter(|c| !c.is_whitespace())
        .collect();
    if numerals.chars().all(|c| c.is_ascii_digit()) {
        return numerals.parse().ok();
    }
    han_number(&numerals)
}

/// Whether what follows a label sets it apart from a sentence: nothing, a space, a colon, or
/// a bracketed caption (`第四条（禁止行为）`); for the units above articles also list
/// punctuation (`第一章、总则`), which after an article label lists more references
/// (`第六百三十一條、第六百三十五條……`).
pub(super) fn stands_apart(after: &str, unit: Unit) -> bool {
    let marks = if unit == Unit::Article {
        "：:（(【〔"
    } else {
        "：:、.．（(【〔"
    };
    after
        .chars()
        .next()
        .is_none_or(|c| c.is_whitespace() || marks.contains(c))
}

/// `附件`, `附件1`, `附件二`, `附录A`, `附表`, alone or with a short title (`附件2 名词解释`):
/// the label of an appendix, whose byte length is returned. `附件：` followed by nothing or
/// by a numbered list introduces a list of attachments, not an appendix. A glossary or the notes
/// at the end of a report (`名词解释`, `注释` alone on a line) are appendices too.
pub(super) fn appendix_label(t: &str) -> Option<usize> {
    if [
        "名词解释",
        "名词注释",
        "名詞解釋",
        "注释",
        "註釋",
        "附注",
        "附註",
    ]
    .contains(&t)
    {
        return Some(t.len());
    }
    let rest = ["附件", "附录", "附錄", "附表"]
        .iter()
        .find_map(|w| t.strip_prefix(w))?;
    let number: usize = rest
        .chars()
        .take_while(|&c| c.is_ascii_alphanumeric() || is_han_numeral(c))
        .take(4)
        .map(char::len_utf8)
        .sum();
    let len = t.len() - rest.len() + number;
    let title =
        rest[number..].trim_start_matches(|c: char| c.is_whitespace() || c == '：' || c == ':');
    if title.is_empty() {
        // `附件：` alone announces a list; `附件` and `附件1` alone label an appendix.
        return (!rest[number..].contains(['：', ':'])).then_some(len);
    }
    let separated =
        rest[number..].starts_with(|c: char| c.is_whitespace() || c == '：' || c == ':');
    let listed = title.starts_with(|c: char| c.is_ascii_digit() || c == '（' || c == '(')
        || list_marker(title).is_some();
    let short = title.chars().count() <= 30;
    let sentence = title.contains(['。', '，', '；', '！', '？', ',', ';']);
    (separated && short && !listed && !sentence).then_some(len)
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
            // A unit or measure word after the number makes it a quantity: `3.5亿元`.
            let next = t[end..].chars().next();
            let unit = |c: char| {
                "亿万千百元角倍个米吨年月日时度岁人次项家件%种类条名位所座套台辆户处批场篇张亩公克升斤届"
                    .contains(c)
            };
            if !next.is_some_and(|c| c.is_whitespace() || (is_han(c) && !unit(c))) {
                // After a full-width `．` the quantity is the item's text: `3．10种有色金属` is
                // item 3, about ten metals (云南's glossary).
                let full_stop = t[digits..].starts_with('．');
                return (full_stop && depth == 1 && next.is_some_and(unit))
                    .then_some((Kind::Dotted(1), digits + '．'.len_utf8()));
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

/// The number a list marker counts: `三、` 3, `（十二）` 12, `4.` 4, `（5）` 5, `⑥` 6. `None`
/// for dotted numbers below the first level (`1.2`), which count within their parent.
pub(super) fn marker_number(marker: &str) -> Option<u32> {
    if let Some(c) = marker.chars().find(|c| ('①'..='⑳').contains(c)) {
        return Some(c as u32 - '①' as u32 + 1);
    }
    let body = marker.trim_matches(|c: char| "（）()、.．".contains(c));
    if body.chars().all(|c| c.is_ascii_digit()) {
        return body.parse().ok();
    }
    han_number(body)
}

/// The value of a Han numeral up to the thousands: `十二` 12, `二十` 20, `一百零五` 105, and
/// digit by digit `一○○` 100.
fn han_number(s: &str) -> Option<u32> {
    let digit = |c: char| {
        Some(match c {
            '〇' | '○' | '零' => 0,
            '一' => 1,
            '二' | '两' | '兩' => 2,
            '三' => 3,
            '四' => 4,
            '五' => 5,
            '六' => 6,
            '七' => 7,
            '八' => 8,
            '九' => 9,
            _ => return None,
        })
    };
    if s.is_empty() {
        return None;
    }
    if !s.contains(['十', '百', '千']) {
        return s.chars().try_fold(0u32, |n, c| Some(n * 10 + digit(c)?));
    }
    let (mut total, mut current) = (0u32, None::<u32>);
    for c in s.chars() {
        let unit = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            _ => {
                current = Some(digit(c)?);
                continue;
            }
        };
        total += current.take().unwrap_or(1) * unit;
    }
    Some(total + current.unwrap_or(0))
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

    #[test]
    fn label_units_and_lengths() {
        fn label(t: &str) -> Option<(Unit, &str)> {
            chapter_label(t).map(|l| (l.unit, &t[..l.len]))
        }
        assert_eq!(label("第一分编  通则"), Some((Unit::Subpart, "第一分编")));
        assert_eq!(label("第二分編 物權"), Some((Unit::Subpart, "第二分編")));
        assert_eq!(label("第 15-1 條"), Some((Unit::Article, "第 15-1 條")));
        assert_eq!(
            label("第一百二十条之一 帮助"),
            Some((Unit::Article, "第一百二十条之一"))
        );
        // 之 before a word is a reference's grammar, not an inserted article's number.
        assert_eq!(
            label("第一百條之規定，於前二項情形準用之。"),
            Some((Unit::Article, "第一百條"))
        );
        assert_eq!(label("第 3-1 章"), None);
        assert!(Unit::Part < Unit::Subpart && Unit::Subpart < Unit::Chapter);
        assert!(stands_apart("", Unit::Article) && stands_apart(" 为了", Unit::Article));
        assert!(!stands_apart("至第八十三條規定，", Unit::Article));
        assert!(!stands_apart("、第六百三十五條", Unit::Article));
        assert!(stands_apart("、总则", Unit::Chapter));
    }

    #[test]
    fn marker_numbers() {
        let cases: &[(&str, Option<u32>)] = &[
            ("三、", Some(3)),
            ("（十二）", Some(12)),
            ("(二十)", Some(20)),
            ("（二十一）", Some(21)),
            ("4.", Some(4)),
            ("12、", Some(12)),
            ("（5）", Some(5)),
            ("⑥", Some(6)),
            ("1.2", None),
        ];
        for (marker, want) in cases {
            assert_eq!(marker_number(marker), *want, "{marker:?}");
        }
        assert_eq!(han_number("一百零五"), Some(105));
        assert_eq!(han_number("一○○"), Some(100));
        assert_eq!(han_number("十"), Some(10));
    }

    #[test]
    fn appendix_labels() {
        for (t, want) in [
            ("附件1", Some("附件1")),
            ("附件", Some("附件")),
            ("附件二", Some("附件二")),
            ("附件2 名词解释", Some("附件2")),
            ("名词解释", Some("名词解释")),
            ("名词解释：", None),
            ("附录A：术语", Some("附录A")),
            ("附件：", None),
            ("附件：1.关于禁毒的决定", None),
            ("附件1：关于……的决定，自公布之日起施行。", None),
            ("附表所列", None),
        ] {
            assert_eq!(appendix_label(t).map(|n| &t[..n]), want, "{t:?}");
        }
    }
}
