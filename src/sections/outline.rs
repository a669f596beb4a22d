//! The outline: where sections start, their levels and parents, and the sections built from
//! the lines, headings and paragraphs, with their paragraph, sentence and character counts.

use super::headings::{Head, Kind};
use super::lines::{opening_clause, Line};
use super::paragraphs::Para;
use super::sentences::count_sentences;
use super::{SectionSpan, Structure};

/// Where a section starts and what it is.
struct Start {
    line: usize,
    title: String,
    level: u8,
    heading: bool,
}

/// The outline: the kinds of the open headings, outermost first.
#[derive(Default)]
struct Outline {
    open: Vec<Kind>,
    /// The last number of each numbered kind in the body of the text.
    body_numbers: Vec<(Kind, u32)>,
    /// Inside an appendix: the body's outline as the appendix found it, and the numbered kinds
    /// the appendix itself has used.
    appendix: Option<(Vec<Kind>, Vec<Kind>)>,
}

impl Outline {
    /// Open a heading of `kind` (numbered `number`) and return its level.
    fn enter(&mut self, kind: Kind, number: Option<u32>) -> u8 {
        if kind == Kind::Appendix {
            // An appendix is a document appended: it closes everything and its own numbering
            // starts afresh below it.
            let body = match self.appendix.take() {
                Some((body, _)) => body,
                None => std::mem::take(&mut self.open),
            };
            self.appendix = Some((body, Vec::new()));
            self.open.clear();
            self.open.push(kind);
            return self.level();
        }
        self.resume_body(kind, number);
        if let Some(i) = self.open.iter().position(|&k| k == kind) {
            self.open.truncate(i);
        } else if let Some((family, rank)) = kind.rank() {
            let same = |k: &Kind| k.rank().is_some_and(|(f, _)| f == family);
            let above = self
                .open
                .iter()
                .rposition(|k| k.rank().is_some_and(|(f, r)| f == family && r < rank));
            if let Some(j) = above {
                self.open.truncate(j + 1);
            } else if let Some(j) = self.open.iter().position(same) {
                self.open.truncate(j);
            }
        }
        self.open.push(kind);
        if let Some(n) = number {
            match &mut self.appendix {
                Some((_, used)) if !used.contains(&kind) => used.push(kind),
                Some(_) => {}
                None => match self.body_numbers.iter_mut().find(|(k, _)| *k == kind) {
                    Some(last) => last.1 = n,
                    None => self.body_numbers.push((kind, n)),
                },
            }
        }
        self.level()
    }

    /// Closes the appendix when a heading takes up the body's numbering where the body left it
    /// (西游记's `附录` between `第八回` and `第九回`), unless the appendix numbers that kind
    /// itself (广东's appendix counts its own `一、…十、` after the body's `二、`).
    fn resume_body(&mut self, kind: Kind, number: Option<u32>) {
        let Some((body, used)) = &self.appendix else {
            return;
        };
        let resumes = !used.contains(&kind)
            && number.is_some_and(|n| {
                self.body_numbers
                    .iter()
                    .any(|&(k, last)| k == kind && last + 1 == n)
            });
        if resumes {
            self.open = body.clone();
            self.appendix = None;
        }
    }

    /// The level of the innermost open heading.
    fn level(&self) -> u8 {
        u8::try_from(self.open.len()).unwrap_or(u8::MAX)
    }
}

fn section_starts(lines: &[Line], heads: &[Option<Head>], paras: &[Para]) -> Vec<Start> {
    let mut found: Vec<(usize, &Head)> = heads
        .iter()
        .enumerate()
        .filter_map(|(i, h)| h.as_ref().map(|h| (i, h)))
        .collect();

    // The document title: the first heading, when it is a plain title line that comes before
    // the text. A title line after a sentence of text heads a section (四川's report opens with
    // its address, then `2024年工作回顾`). A Markdown `#` title is not special: its author
    // nested the rest under it with `##`, and readers of Markdown expect the outline to follow
    // the marks.
    let title_line = found.first().and_then(|&(i, h)| {
        let text_before = paras.iter().take_while(|p| p.first < i).any(|p| {
            lines[p.first..=p.last]
                .iter()
                .any(|l| l.text.contains(['。', '！', '？']))
        });
        (h.kind == Kind::Title && !text_before).then_some(i)
    });

    let mut starts = Vec::new();
    let first_heading = found.first().map(|&(i, _)| i);
    let first_para = paras.first().map(|p| p.first);
    match (first_heading, first_para) {
        (Some(h), Some(p)) if p < h => starts.push(Start {
            line: 0,
            title: opening_clause(lines[p].text),
            level: 0,
            heading: false,
        }),
        (None, _) => {}
        _ => {}
    }

    if found.len() == usize::from(title_line.is_some()) {
        // No headings but perhaps a title: a section per paragraph.
        if let Some(t) = title_line {
            starts.push(Start {
                line: t,
                title: found[0].1.title.clone(),
                level: 1,
                heading: true,
            });
        }
        let after = title_line.unwrap_or(0);
        for p in paras
            .iter()
            .filter(|p| title_line.is_none() || p.first > after)
        {
            starts.push(Start {
                line: p.first,
                title: opening_clause(lines[p.first].text),
                level: 1,
                heading: false,
            });
        }
        return starts;
    }

    let mut outline = Outline::default();
    if title_line.is_some() {
        let (i, h) = found.remove(0);
        starts.push(Start {
            line: i,
            title: h.title.clone(),
            level: 1,
            heading: true,
        });
    }
    let mut previous = None;
    for (i, h) in found {
        // An appendix's title line (`附件1` then `2025年省十件民生实事`) is to the appendix what
        // the document title is to the text: one level below the label, holding nothing, so
        // that the appendix's numbering starts at that level too.
        let level = match (previous, h.kind) {
            (Some(Kind::Appendix), Kind::Title) => outline.level().saturating_add(1),
            _ => outline.enter(h.kind, h.number),
        };
        previous = Some(h.kind);
        starts.push(Start {
            line: i,
            title: h.title.clone(),
            level,
            heading: true,
        });
    }
    starts
}

pub(super) fn build(
    lines: &[Line],
    heads: &[Option<Head>],
    paras: &[Para],
    total: usize,
) -> Structure {
    let mut starts = section_starts(lines, heads, paras);
    if starts.is_empty() {
        // Whitespace only.
        starts.push(Start {
            line: 0,
            title: String::new(),
            level: 1,
            heading: false,
        });
    }

    let mut sections: Vec<SectionSpan> = Vec::with_capacity(starts.len());
    let mut parents: Vec<(u8, usize)> = Vec::new();
    for (k, s) in starts.iter().enumerate() {
        let start = if k == 0 { 0 } else { lines[s.line].start };
        let end = starts.get(k + 1).map_or(total, |n| lines[n.line].start);
        while parents.last().is_some_and(|&(level, _)| level >= s.level) {
            parents.pop();
        }
        let parent = match s.level {
            0 => None,
            _ => parents.last().map(|&(_, i)| i),
        };
        if s.level > 0 {
            parents.push((s.level, k));
        }
        sections.push(SectionSpan {
            title: s.title.clone(),
            level: s.level,
            parent,
            heading: s.heading,
            start,
            end,
            paragraphs: 0,
            sentences: 0,
            characters: 0,
        });
    }

    // Each line belongs to the last section starting at or before it.
    let mut owner = vec![0usize; lines.len()];
    let mut k = 0;
    for (i, slot) in owner.iter_mut().enumerate() {
        while starts.get(k + 1).is_some_and(|s| s.line <= i) {
            k += 1;
        }
        *slot = k;
    }
    for (i, line) in lines.iter().enumerate() {
        let n = line
            .text
            .chars()
            .filter(|&c| !c.is_whitespace() && c != '\u{FFFD}')
            .count();
        let s = &mut sections[owner[i]];
        s.characters = s
            .characters
            .saturating_add(u32::try_from(n).unwrap_or(u32::MAX));
    }
    let (mut paragraphs, mut sentences) = (0u32, 0u32);
    for p in paras {
        let n = count_sentences(lines[p.first..=p.last].iter().map(|l| l.text));
        let s = &mut sections[owner[p.first]];
        s.paragraphs = s.paragraphs.saturating_add(1);
        s.sentences = s.sentences.saturating_add(n);
        paragraphs = paragraphs.saturating_add(1);
        sentences = sentences.saturating_add(n);
    }
    Structure {
        sections,
        paragraphs,
        sentences,
    }
}

#[cfg(test)]
mod tests {
    use crate::sections::detect;

    #[test]
    fn preamble_and_levels() {
        let text = "下载\n打印\n# 标题\n## 一\n正文。\n### 二\n## 三\n";
        let s = detect(text);
        let got: Vec<_> = s
            .sections
            .iter()
            .map(|x| (x.level, x.parent, x.heading))
            .collect();
        assert_eq!(
            got,
            // Markdown levels follow the marks: the `#` title holds the `##` sections.
            [
                (0, None, false),
                (1, None, true),
                (2, Some(1), true),
                (3, Some(2), true),
                (2, Some(1), true)
            ]
        );
        // Leading whitespace joins the first section.
        let s = detect("\n\n  \n# 标题\n正文。\n## 小节\n");
        assert_eq!(s.sections[0].start, 0);
        assert!(s.sections[0].heading);
    }

    #[test]
    fn an_appendix_starts_the_outline_afresh() {
        // Issue 13: 广东's report, whose appendices nested under the body's last heading.
        let text = "一、工作回顾\n过去一年，经济持续回升向好。\n\
            （一）扩大内需\n提振消费，扩大有效投资。\n\
            （二）改善民生\n新增就业十万人。\n\
            附件1\n\
            2025年省十件民生实事\n\
            一、为老年人提供健康管理服务。新增社区医养结合服务点一千个，提升养老机构服务水平。\n\
            二、提升困难群众兜底保障水平。逐步提高城乡低保标准，加强关爱服务。\n\
            附件2 名词解释\n\
            1.“四上”企业：规模以上工业企业、有资质的建筑业企业、限额以上批发和零售业企业等。\n";
        let s = detect(text);
        let got: Vec<_> = s
            .sections
            .iter()
            .map(|x| (x.level, x.parent, x.title.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (1, None, "一、工作回顾"),
                (2, Some(0), "（一）扩大内需"),
                (2, Some(0), "（二）改善民生"),
                (1, None, "附件1"),
                // The appendix's title, like a document's, holds nothing.
                (2, Some(3), "2025年省十件民生实事"),
                (2, Some(3), "一、为老年人提供健康管理服务"),
                (2, Some(3), "二、提升困难群众兜底保障水平"),
                (1, None, "附件2 名词解释"),
            ]
        );
    }

    #[test]
    fn a_title_line_after_the_text_begins_heads_a_section() {
        // 四川's 2025 report: address and opening sentence, then unnumbered part headings.
        let text = "来源：四川日报\n各位代表：\n\
            现在，我代表省人民政府，向大会报告工作，请予审议，并请各位政协委员提出意见。\n\
            2024年工作回顾\n\
            过去一年，我们坚持稳中求进工作总基调，全省经济运行稳中有进、持续向好。\n\
            （一）巩固增强经济回升向好态势。面对下行压力加大，因应施策、主动作为。\n\
            （二）大力推动科技创新引领产业创新。强化科技创新策源功能，加快成果转化。\n\
            2025年工作安排建议\n\
            今年是“十四五”规划收官之年，做好政府工作意义重大，我们要全力以赴。\n\
            （一）全方位扩大内需。实施提振消费专项行动，扩大有效投资。\n";
        let s = detect(text);
        let got: Vec<_> = s
            .sections
            .iter()
            .filter(|x| x.heading)
            .map(|x| (x.level, x.title.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (1, "2024年工作回顾"),
                (2, "（一）巩固增强经济回升向好态势"),
                (2, "（二）大力推动科技创新引领产业创新"),
                (1, "2025年工作安排建议"),
                (2, "（一）全方位扩大内需"),
            ]
        );
    }
}
