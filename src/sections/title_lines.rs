//! Short title lines (`2026年上海市政府工作报告`): lines with no heading mark that are headings
//! by their text and the paragraph after them.

use super::headings::{Head, Kind};
use super::lines::Line;
use super::paragraphs::Para;
use crate::chars::is_han;

/// Whether a line can be a title line by its own text.
fn title_like(t: &str) -> bool {
    let n = t.chars().count();
    if !(5..=30).contains(&n) {
        return false;
    }
    if t.contains(['：', ':', '︰', '。', '！', '？', '；', '!', '?', ';', '|'])
        || t.ends_with(['，', ',', '、', '…', '.', '．', '—', '-'])
    {
        return false;
    }
    // Dates and by-lines are not titles: `2026年2月9日`, `上海市市长 龚 正`.
    let han = t
        .chars()
        .filter(|&c| {
            is_han(c) && !matches!(c, '年' | '月' | '日' | '时' | '時' | '分' | '号' | '號')
        })
        .count();
    if han < 3 {
        return false;
    }
    let chars: Vec<char> = t.chars().collect();
    !chars
        .windows(3)
        .any(|w| is_han(w[0]) && w[1].is_whitespace() && is_han(w[2]))
        && !chars
            .windows(2)
            .any(|w| w[0].is_whitespace() && w[1].is_whitespace())
}

/// Turn single-line paragraphs that are short title lines into headings.
pub(super) fn find_title_lines(
    lines: &[Line],
    heads: &mut [Option<Head>],
    paras: Vec<Para>,
) -> Vec<Para> {
    if heads.iter().any(|h| {
        matches!(
            h,
            Some(Head {
                kind: Kind::Markdown(_),
                ..
            })
        )
    }) {
        return paras;
    }
    let first_line = lines.iter().position(|l| !l.blank);
    let mut kept = Vec::with_capacity(paras.len());
    for (k, p) in paras.iter().enumerate() {
        let line = &lines[p.first];
        let t = line.text.trim();
        let single = p.first == p.last && heads[p.first].is_none();
        let next_line = (p.last + 1..lines.len()).find(|&j| !lines[j].blank);
        let title = single
            && title_like(t)
            && match next_line {
                None => false,
                Some(j) if heads[j].as_ref().is_some_and(|h| !h.run_in) => {
                    Some(p.first) == first_line
                }
                Some(j) => {
                    let next_len = paras
                        .get(k + 1)
                        .filter(|q| q.first == j)
                        .map_or(0, |q| lines[q.first].len);
                    let n = t.chars().count();
                    next_len >= 30 && next_len >= 2 * n
                }
            };
        if title {
            heads[p.first] = Some(Head {
                kind: Kind::Title,
                title: t.to_string(),
                run_in: false,
                number: None,
            });
        } else {
            kept.push(*p);
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_lines() {
        let cases: &[(&str, bool)] = &[
            ("2026年上海市政府工作报告", true),
            ("“十四五”时期工作回顾", true),
            ("下载", false),
            ("【字号：", false),
            ("大 中 小", false),
            ("上海市市长 龚 正", false),
            ("2026年2月9日", false),
            ("来源：解放日报", false),
            ("各位代表：", false),
            ("过去一年，我们主要做了以下工作。", false),
        ];
        for (line, want) in cases {
            assert_eq!(title_like(line), *want, "{line:?}");
        }
    }
}
