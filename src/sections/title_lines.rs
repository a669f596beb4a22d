//! Short title lines (`2026年上海市政府工作报告`): lines with no heading mark that are headings
//! by their text and the paragraph after them. A title has no sentence punctuation (红楼梦 ends
//! its sentences with `．`), though it may have a comma (甘肃's `一是聚焦全方位扩大内需，着力
//! 提消费促投资`). A text whose divisions are marked (`#`, or two or more `第X回`/`第X章`) has no
//! unmarked headings inside them: a short line within a chapter of a novel is a poem's line, a
//! letter's signature or a roster of names (红楼梦, 水浒传), so only lines before the first
//! marked division can be titles there.

use super::headings::{Head, Kind};
use super::lines::Line;
use super::markers::Unit;
use super::paragraphs::Para;
use crate::chars::is_han;

/// Whether a line can be a title line by its own text.
fn title_like(t: &str) -> bool {
    let n = t.chars().count();
    if !(5..=30).contains(&n) {
        return false;
    }
    if t.contains([
        '：', ':', '︰', '。', '．', '！', '？', '；', '!', '?', ';', '|',
    ]) || t.ends_with(['，', ',', '、', '…', '.', '．', '—', '-'])
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
    let chapters: Vec<usize> = heads
        .iter()
        .enumerate()
        .filter(|(_, h)| {
            h.as_ref()
                .is_some_and(|h| matches!(h.kind, Kind::Chapter(u) if u != Unit::Article))
        })
        .map(|(i, _)| i)
        .collect();
    // Unmarked lines may head sections only before the first marked division.
    let last_title_line = match chapters.as_slice() {
        [first, _, ..] => *first,
        _ => usize::MAX,
    };
    let first_line = lines.iter().position(|l| !l.blank);
    let mut kept = Vec::with_capacity(paras.len());
    for (k, p) in paras.iter().enumerate() {
        let line = &lines[p.first];
        let t = line.text.trim();
        let single = p.first == p.last && heads[p.first].is_none() && p.first < last_title_line;
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
            // A sentence ending in 红楼梦's `．` is not a title.
            ("一个是阆苑仙葩，一个是美玉无瑕．若说", false),
        ];
        for (line, want) in cases {
            assert_eq!(title_like(line), *want, "{line:?}");
        }
    }

    #[test]
    fn no_unmarked_headings_inside_marked_chapters() {
        use crate::sections::detect;
        // 水浒传: a roster of names inside a chapter, then the story goes on.
        let text = "《水浒传》施耐庵\n\n\
            第七十一回 忠义堂石碣受天文 梁山泊英雄惊恶梦\n\n\
            当时何道士辨验天书，教萧让写录出来。读罢，众人看了，俱惊讶不已。\n\n\
            地贼星鼓上蚤时迁地狗星金毛犬段景住\n\n\
            当时何道士辨验天书，教萧让写录出来。众头领看了，都拜谢了道士，各自散去。\n\n\
            第七十二回 柴进簪花入禁院 李逵元夜闹东京\n\n\
            话说宋江与众头领商议，要往东京看灯，众人都要同去，宋江只许几人随行。\n";
        let s = detect(text);
        let titles: Vec<_> = s
            .sections
            .iter()
            .filter(|x| x.heading)
            .map(|x| x.title.as_str())
            .collect();
        // The book's title, before the first chapter, is still a title.
        assert_eq!(
            titles,
            [
                "《水浒传》施耐庵",
                "第七十一回 忠义堂石碣受天文 梁山泊英雄惊恶梦",
                "第七十二回 柴进簪花入禁院 李逵元夜闹东京"
            ]
        );
    }
}
