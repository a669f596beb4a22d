//! Which list-marker lines (`一、` `（一）` `1.` …) are headings, given the lines around them.
//! Four rules a reader would state:
//! - A text that marks its headings with `#` marks all of them: its numbered lines are list
//!   items (`1. **作為文字** 直接在 JSX 標籤內使用。`).
//! - Lines of one kind with no text between them are a list, not headings; but paragraphs that
//!   each open with a head sentence are sections (government reports).
//! - The numbered items of an article are its clauses: inside a 第X条 article, up to the next
//!   章/节 or other structural heading, no list line is a heading (`（一）质量要求不明确的，……`).
//! - Siblings are headings alike: a line numbered n between headings of its kind numbered n−1
//!   or n+1 is a heading too, however long its first sentence (`（四）推动供需高水平动态适配，
//!   ……有效益的投资。` between `（三）` and `（五）`).

use super::headings::{Head, Kind, Shape};
use super::lines::Line;

/// A list-marker line, before its context is known.
#[derive(Debug, Clone)]
pub(super) struct ListLine {
    pub(super) kind: Kind,
    /// The number the marker counts (`三、` 3), when it has one of its own.
    pub(super) number: Option<u32>,
    pub(super) shape: Shape,
    /// The title the line has as a heading.
    pub(super) head: String,
}

/// What a line is, as far as the list context is concerned.
#[derive(Debug, Clone)]
pub(super) enum Mark {
    /// Text, or a line without a mark.
    Text,
    /// A heading that ends any article before it: Markdown, 第X章, an appendix.
    Heading,
    /// An article heading (第X条).
    Article,
    /// A list-marker line.
    List(ListLine),
}

/// One list line outside any article, with the decision so far.
#[derive(Debug, Clone, Copy)]
struct Decision {
    line: usize,
    kind: Kind,
    number: Option<u32>,
    heading: bool,
}

/// For each line, the heading its list marker makes, if any; `None` for lines that are not
/// list lines. `marked`: the text marks its headings with `#`.
pub(super) fn list_headings(lines: &[Line], marks: Vec<Mark>, marked: bool) -> Vec<Option<Head>> {
    if marked {
        return vec![None; marks.len()];
    }
    let runs = runs(lines, &marks);
    let mut in_article = false;
    let mut decisions: Vec<Decision> = Vec::new();
    let mut items: Vec<Option<ListLine>> = vec![None; marks.len()];
    for (line, (mark, run)) in marks.into_iter().zip(runs).enumerate() {
        let item = match mark {
            Mark::Text => continue,
            Mark::Heading => {
                in_article = false;
                continue;
            }
            Mark::Article => {
                in_article = true;
                continue;
            }
            Mark::List(_) if in_article => continue,
            Mark::List(item) => item,
        };
        let alone = run.count == 1;
        // One line with a head sentence among a list of sentences is a list item.
        let sections = alone || run.run_in * 2 >= run.count;
        let heading = match item.shape {
            Shape::Phrase => sections,
            // `①` marks notes more often than headings.
            _ if item.kind == Kind::Circled => false,
            Shape::Sentence => alone,
            Shape::RunIn => sections,
            Shape::Prose => false,
        };
        decisions.push(Decision {
            line,
            kind: item.kind,
            number: item.number,
            heading,
        });
        items[line] = Some(item);
    }
    siblings(&mut decisions);
    let mut heads: Vec<Option<Head>> = vec![None; items.len()];
    for d in decisions.iter().filter(|d| d.heading) {
        if let Some(item) = items[d.line].take() {
            heads[d.line] = Some(Head {
                kind: item.kind,
                title: item.head,
                run_in: item.shape != Shape::Phrase,
                number: item.number,
            });
        }
    }
    heads
}

/// Makes a line a heading when its neighbour of the same kind is a heading numbered one
/// before it (or one after it); both directions, so that a run of long items between two
/// headings follows them. `①` notes are left as they are.
fn siblings(decisions: &mut [Decision]) {
    let follows =
        |a: Option<u32>, b: Option<u32>| matches!((a, b), (Some(a), Some(b)) if a + 1 == b);
    let mut kinds: Vec<Kind> = Vec::new();
    for d in decisions.iter() {
        if d.kind != Kind::Circled && !kinds.contains(&d.kind) {
            kinds.push(d.kind);
        }
    }
    for kind in kinds {
        let of_kind: Vec<usize> = (0..decisions.len())
            .filter(|&j| decisions[j].kind == kind)
            .collect();
        for w in of_kind.windows(2) {
            let (prev, cur) = (decisions[w[0]], decisions[w[1]]);
            if !cur.heading && prev.heading && follows(prev.number, cur.number) {
                decisions[w[1]].heading = true;
            }
        }
        for w in of_kind.windows(2).rev() {
            let (cur, next) = (decisions[w[0]], decisions[w[1]]);
            if !cur.heading && next.heading && follows(cur.number, next.number) {
                decisions[w[0]].heading = true;
            }
        }
    }
}

/// The run of same-kind list lines (consecutive non-blank lines) a list line belongs to.
#[derive(Debug, Clone, Copy, Default)]
struct Run {
    count: usize,
    /// Members shaped as a head sentence and more.
    run_in: usize,
}

fn runs(lines: &[Line], marks: &[Mark]) -> Vec<Run> {
    let kind_at = |j: usize| match marks.get(j) {
        Some(Mark::List(item)) => Some(item.kind),
        _ => None,
    };
    let mut runs = vec![Run::default(); marks.len()];
    let mut i = 0;
    while i < marks.len() {
        let Some(kind) = kind_at(i) else {
            i += 1;
            continue;
        };
        let mut members = vec![i];
        let mut j = i + 1;
        loop {
            while j < lines.len() && lines[j].blank {
                j += 1;
            }
            if kind_at(j) != Some(kind) {
                break;
            }
            members.push(j);
            j += 1;
        }
        let run_in = members
            .iter()
            .filter(|&&m| matches!(&marks[m], Mark::List(item) if item.shape == Shape::RunIn))
            .count();
        let run = Run {
            count: members.len(),
            run_in,
        };
        for &m in &members {
            runs[m] = run;
        }
        i = members.last().map_or(i + 1, |&m| m + 1);
    }
    runs
}

#[cfg(test)]
mod tests {
    use crate::sections::headings::strong_headings;
    use crate::sections::lines::split_lines;

    fn titles(text: &str) -> Vec<String> {
        strong_headings(&split_lines(text))
            .into_iter()
            .flatten()
            .map(|h| h.title)
            .collect()
    }

    #[test]
    fn the_items_of_an_article_are_its_clauses() {
        // Issue 13: 民法典's 合同编 without its `#` marks.
        let text = "第一章 一般规定\n\
            第五百一十条 合同生效后，当事人就质量、价款没有约定的，可以协议补充。\n\n\
            第五百一十一条 当事人就有关合同内容约定不明确的，适用下列规定：\n\n\
            （一）质量要求不明确的，按照强制性国家标准履行。没有强制性国家标准的，按照推荐性国家标准履行。\n\n\
            （二）价款或者报酬不明确的，按照订立合同时履行地的市场价格履行。依法应当执行政府定价的，依照规定履行。\n\n\
            第五百一十二条 通过互联网等信息网络订立的电子合同，收货人的签收时间为交付时间。\n\n\
            附件一\n\n\
            一、示例条例\n说明其适用范围和施行日期。\n";
        assert_eq!(
            titles(text),
            [
                "第一章 一般规定",
                "第五百一十条",
                "第五百一十一条",
                "第五百一十二条",
                "附件一",
                // After the appendix label the list is outside any article again.
                "一、示例条例",
            ]
        );
    }

    #[test]
    fn siblings_of_a_numbered_sequence_are_headings_alike() {
        // Issue 13: 广东's 2026 report, where `（四）` opens with a sentence too long for a
        // head sentence but sits between `（三）` and `（五）`.
        let long = "（四）推动供需高水平动态适配，更好发挥消费的基础作用和投资的关键作用，持续扩大有效需求，\
            实施提振消费专项行动，扩大有效益的投资。深入实施城市更新。";
        let text = format!(
            "（三）加力扩内需稳增长。实施一批重大项目，带动投资增长。\n\
             {long}\n\
             （五）深化改革开放。稳步扩大制度型开放，优化营商环境。\n\
             一、工作回顾\n\
             过去一年，我们主要做了以下工作。\n\
             1.扩大有效投资，全年完成重点项目投资一千亿元，新开工项目二百个，带动社会投资快速增长。\n\
             2.提振消费，社会消费品零售总额增长百分之五，消费新场景不断涌现，夜间经济蓬勃发展。\n"
        );
        let got = titles(&text);
        assert_eq!(got.len(), 4, "{got:?}");
        assert!(
            got[1].starts_with("（四）推动供需高水平动态适配"),
            "{got:?}"
        );
        // Long items next to no heading of their kind stay list items.
        assert_eq!(got[3], "一、工作回顾");
    }

    #[test]
    fn a_list_of_short_sentences_is_not_a_heading_sequence() {
        let text = "下列机关不适用本法：\n一、各级民意机关。\n二、司法机关。\n三、监察机关。\n";
        assert!(titles(text).is_empty());
    }
}
