//! Heading detection: the heading kinds, and the decision, per line, of which marked lines are
//! headings given the text around them (lists of short items are not; articles 第X条 count only
//! in a text of articles; code fences hide everything). The one-line recognisers are in
//! `markers.rs`, short title lines in `title_lines.rs`.

use super::lines::{clip, Line, MAX_CLAUSE, MAX_TITLE};
use super::markers::{chapter_label, list_marker, markdown_heading};
use super::sentences::{is_closer, is_final};

/// The kind of a heading, which decides its level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// Markdown `#`…`######`: the number of `#`s.
    Markdown(u8),
    /// `第X编/章/节/…`: the rank (编 1 … 条 6).
    Chapter(u8),
    /// `一、`
    HanComma,
    /// `（一）` or `(一)`
    HanParen,
    /// `1.` (depth 1), `1.1` (depth 2), …
    Dotted(u8),
    /// `1、`
    DigitComma,
    /// `（1）` or `(1)`
    DigitParen,
    /// `①`…`⑳`
    Circled,
    /// A short title line.
    Title,
}

impl Kind {
    /// The family and rank of kinds that have an intrinsic order.
    pub(super) fn rank(self) -> Option<(u8, u8)> {
        match self {
            Kind::Markdown(n) => Some((0, n)),
            Kind::Chapter(r) => Some((1, r)),
            Kind::Dotted(d) => Some((2, d)),
            _ => None,
        }
    }
}

/// A heading found on a line.
#[derive(Debug, Clone)]
pub(super) struct Head {
    pub(super) kind: Kind,
    pub(super) title: String,
    /// The line holds a paragraph's text after the heading (a run-in heading or an article).
    pub(super) run_in: bool,
}

/// Longest heading line of the 第X章 family, in chars.
const MAX_CHAPTER_LINE: usize = 50;
/// Longest phrase after a list marker for a heading without punctuation.
const MAX_PHRASE: usize = 40;
/// Longest sentence after a `一、` or `（一）` marker for a sentence heading (湖北's report has
/// 44-char ones).
const MAX_SENTENCE: usize = 45;
/// Longest sentence after a digit marker for a sentence heading.
const MAX_DIGIT_SENTENCE: usize = 25;

/// What follows a list marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// A short phrase without sentence punctuation: `一、工作回顾`.
    Phrase,
    /// One short sentence: `（一）坚持……增长。` (its length in chars).
    Sentence,
    /// A short head sentence, then more text: `（一）加强政治建设。持续……`.
    RunIn,
    /// Anything else: a list item of its paragraph.
    Prose,
}

/// The shape of the text after a list marker and the byte length of its first sentence
/// (without the punctuation).
fn shape(body: &str, max_sentence: usize) -> (Shape, usize) {
    let body = body.trim();
    let mut chars = body.char_indices().enumerate();
    for (n, (i, c)) in chars.by_ref() {
        if is_final(c) || c == '!' || c == '?' {
            if n == 0 || n > max_sentence {
                return (Shape::Prose, i);
            }
            let rest = body[i..].trim_start_matches(|c: char| {
                is_final(c) || is_closer(c) || c.is_whitespace() || c == '!' || c == '?'
            });
            return match rest.is_empty() {
                true => (Shape::Sentence, i),
                false => (Shape::RunIn, i),
            };
        }
        if n >= MAX_SENTENCE.max(MAX_PHRASE) {
            return (Shape::Prose, body.len());
        }
    }
    let n = body.chars().count();
    let ends_open = body.ends_with(['，', ',', '、', '；', ';']);
    if n == 0 || n > MAX_PHRASE || ends_open {
        (Shape::Prose, body.len())
    } else {
        (Shape::Phrase, body.len())
    }
}

/// A line's candidate heading before list context is known.
#[derive(Debug, Clone)]
enum Candidate {
    None,
    /// Markdown or 第X章: a heading as it stands.
    Fixed(Head),
    /// 第X条: a heading if the text has enough of them.
    Article(Head),
    /// A list marker line.
    List {
        kind: Kind,
        shape: Shape,
        head: String,
    },
}

fn candidate(t: &str, len: usize) -> Candidate {
    if let Some((n, title)) = markdown_heading(t) {
        return Candidate::Fixed(Head {
            kind: Kind::Markdown(n),
            title: clip(title, MAX_TITLE),
            run_in: false,
        });
    }
    if let Some((rank, label_len)) = chapter_label(t) {
        let label = &t[..label_len];
        let rest = t[label_len..].trim();
        if rank == 6 {
            // An article's title is its label, with a short caption if one follows.
            let caption = !rest.is_empty()
                && rest.chars().nth(MAX_CLAUSE).is_none()
                && !rest.contains(['。', '，', '；', '：', '！', '？']);
            let title = match caption {
                true => format!("{label} {rest}"),
                false => label.to_string(),
            };
            return Candidate::Article(Head {
                kind: Kind::Chapter(rank),
                title,
                run_in: !rest.is_empty() && !caption,
            });
        }
        if len <= MAX_CHAPTER_LINE && !t.ends_with(is_final) {
            return Candidate::Fixed(Head {
                kind: Kind::Chapter(rank),
                title: clip(t, MAX_TITLE),
                run_in: false,
            });
        }
        return Candidate::None;
    }
    if let Some((kind, marker_len)) = list_marker(t) {
        let body = &t[marker_len..];
        // Digit markers number list items more often than headings: a shorter sentence limit.
        let max_sentence = match kind {
            Kind::HanComma | Kind::HanParen => MAX_SENTENCE,
            _ => MAX_DIGIT_SENTENCE,
        };
        let (shape, first) = shape(body, max_sentence);
        let head = match shape {
            Shape::Phrase => clip(t, MAX_TITLE),
            _ => {
                let body = body.trim_start();
                let first = body.get(..first).unwrap_or(body);
                let head: String = t[..marker_len]
                    .chars()
                    .chain(first.chars())
                    .take(MAX_TITLE + 1)
                    .collect();
                clip(&head, MAX_TITLE)
            }
        };
        return Candidate::List { kind, shape, head };
    }
    Candidate::None
}

/// Per line, the headings that need no context beyond the text's lists and article count.
pub(super) fn strong_headings(lines: &[Line]) -> Vec<Option<Head>> {
    let mut cands = Vec::with_capacity(lines.len());
    let mut fence: Option<&str> = None;
    for line in lines {
        let t = line.text.trim();
        if let Some(open) = fence {
            if t.starts_with(open) {
                fence = None;
            }
            cands.push(Candidate::None);
            continue;
        }
        if t.starts_with("```") || t.starts_with("~~~") {
            fence = Some(&t[..3]);
            cands.push(Candidate::None);
            continue;
        }
        cands.push(if line.blank {
            Candidate::None
        } else {
            candidate(t, line.len)
        });
    }

    let articles = cands
        .iter()
        .filter(|c| matches!(c, Candidate::Article(_)))
        .count();
    let runs = list_runs(lines, &cands);

    cands
        .into_iter()
        .zip(runs)
        .map(|(c, run)| match c {
            Candidate::None => None,
            Candidate::Fixed(head) => Some(head),
            // Article lines are headings only in a text made of articles, not where a news
            // report happens to start a line with 第一条.
            Candidate::Article(head) => (articles >= 3).then_some(head),
            Candidate::List { kind, shape, head } => {
                let alone = run.count == 1;
                // Lines of one kind with no text between them are a list, not headings; but
                // paragraphs that each open with a head sentence are sections (government
                // reports), and one such line among a list of sentences is a list item.
                let sections = alone || run.run_in * 2 >= run.count;
                let heading = match shape {
                    Shape::Phrase => sections,
                    // `①` marks notes more often than headings.
                    _ if kind == Kind::Circled => false,
                    Shape::Sentence => alone,
                    Shape::RunIn => sections,
                    Shape::Prose => false,
                };
                heading.then(|| Head {
                    kind,
                    title: head,
                    run_in: shape != Shape::Phrase,
                })
            }
        })
        .collect()
}

/// For each list line, the run of same-kind list lines it belongs to (consecutive non-blank
/// lines).
#[derive(Debug, Clone, Copy, Default)]
struct Run {
    count: usize,
    /// Members shaped as a head sentence and more.
    run_in: usize,
}

fn list_runs(lines: &[Line], cands: &[Candidate]) -> Vec<Run> {
    let mut runs = vec![Run::default(); cands.len()];
    let mut i = 0;
    while i < cands.len() {
        let Candidate::List { kind, .. } = cands[i] else {
            i += 1;
            continue;
        };
        let mut members = vec![i];
        let mut j = i + 1;
        loop {
            while j < lines.len() && lines[j].blank {
                j += 1;
            }
            match cands.get(j) {
                Some(Candidate::List { kind: k, .. }) if *k == kind => {
                    members.push(j);
                    j += 1;
                }
                _ => break,
            }
        }
        let run_in = members
            .iter()
            .filter(|&&m| {
                matches!(
                    cands[m],
                    Candidate::List {
                        shape: Shape::RunIn,
                        ..
                    }
                )
            })
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
    use super::*;
    use crate::sections::lines::split_lines;

    fn first_heading(line: &str) -> Option<(Kind, String)> {
        let heads = strong_headings(&split_lines(line));
        heads
            .into_iter()
            .next()
            .flatten()
            .map(|h| (h.kind, h.title))
    }

    #[test]
    fn heading_recognisers() {
        use Kind::*;
        let cases: &[(&str, Option<(Kind, &str)>)] = &[
            ("# 标题", Some((Markdown(1), "标题"))),
            ("### 第一节 概述 ###", Some((Markdown(3), "第一节 概述"))),
            ("#标签", None),
            ("####### 七级", None),
            ("第一章 总则", Some((Chapter(2), "第一章 总则"))),
            ("第 十一 章 地方制度", Some((Chapter(2), "第 十一 章 地方制度"))),
            ("第一百二十回 甄士隐详说太虚情", Some((Chapter(2), "第一百二十回 甄士隐详说太虚情"))),
            ("第一○○回：漢兵劫寨破曹真", Some((Chapter(2), "第一○○回：漢兵劫寨破曹真"))),
            ("第二编 分则", Some((Chapter(1), "第二编 分则"))),
            ("第三節 國民經濟", Some((Chapter(3), "第三節 國民經濟"))),
            ("第一部分 总体要求", Some((Chapter(1), "第一部分 总体要求"))),
            ("第二章讲述了他的童年。", None),
            ("第二日，母親同他到隔壁。", None),
            // A lone article line is not enough to make articles headings.
            ("第一条 为了规范示例行为，制定本法。", None),
            ("一、2025年工作回顾", Some((HanComma, "一、2025年工作回顾"))),
            ("（一）全力稳增长", Some((HanParen, "（一）全力稳增长"))),
            ("(二)持续改善民生", Some((HanParen, "(二)持续改善民生"))),
            ("（十一）牢牢守住安全发展底线", Some((HanParen, "（十一）牢牢守住安全发展底线"))),
            ("1.扩大有效投资", Some((Dotted(1), "1.扩大有效投资"))),
            ("1.1 研究背景", Some((Dotted(2), "1.1 研究背景"))),
            ("2.3.1 数据", Some((Dotted(3), "2.3.1 数据"))),
            ("3、主要做法", Some((DigitComma, "3、主要做法"))),
            ("（2）具体措施", Some((DigitParen, "（2）具体措施"))),
            ("②另一要点", Some((Circled, "②另一要点"))),
            ("（一）加强政治建设。持续深入学习，提升政治能力。", Some((HanParen, "（一）加强政治建设"))),
            ("（一）坚持供需两端协同发力，推动经济增长。", Some((HanParen, "（一）坚持供需两端协同发力，推动经济增长"))),
            // Long sentences after a marker are list items.
            ("1.加强基本民生保障，提高城乡居民基础养老金最低标准，扩大失业保险覆盖面，做好兜底保障。", None),
            ("一、", None),
            ("5.5%左右的预期增长目标", None),
            ("3.5亿元用于民生", None),
            ("2026.02.09 发布", None),
            ("一是经济持续回升向好，二是新质生产力加快发展。", None),
            ("① 刑法的施行日期，分别依据各法律所规定的施行日期确定。", None),
            ("普通的一行文字。", None),
        ];
        for (line, want) in cases {
            let got = first_heading(line);
            let want = want.map(|(k, t)| (k, t.to_string()));
            assert_eq!(got, want, "{line:?}");
        }
    }

    #[test]
    fn lists_are_not_headings() {
        // Short sentences of one kind on consecutive lines: a list.
        let text = "下列机关不适用本法：\n一、各级民意机关。\n二、司法机关。\n三、监察机关。\n";
        assert!(strong_headings(&split_lines(text))
            .iter()
            .all(Option::is_none));
        let text = "附件：\n\n1．关于禁毒的决定\n\n2．关于严禁卖淫嫖娼的决定\n";
        assert!(strong_headings(&split_lines(text))
            .iter()
            .all(Option::is_none));
        // Articles count once there are three of them.
        let text = "第一条 甲。\n第二条 乙。\n第三条 丙。\n";
        let heads = strong_headings(&split_lines(text));
        let titles: Vec<_> = heads.iter().flatten().map(|h| h.title.as_str()).collect();
        assert_eq!(titles, ["第一条", "第二条", "第三条"]);
    }

    #[test]
    fn code_fences_hide_headings() {
        let text = "```\n# 注释\n一、不是\n```\n# 真标题\n";
        let heads = strong_headings(&split_lines(text));
        let titles: Vec<_> = heads.iter().flatten().map(|h| h.title.as_str()).collect();
        assert_eq!(titles, ["真标题"]);
    }
}
