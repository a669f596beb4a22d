//! Heading detection: the heading kinds, the shape of what follows a list marker, and the
//! decision, per line, of which marked lines are headings (articles 第X条 count only in a text
//! of articles and only where their label stands apart from the text; code fences hide
//! everything). The one-line recognisers are in `markers.rs`, the list context in `lists.rs`,
//! short title lines in `title_lines.rs`.

use super::lines::{clip, Line, MAX_CLAUSE, MAX_TITLE};
use super::lists::{list_headings, ListLine, Mark};
use super::markers::{
    appendix_label, chapter_label, label_number, list_marker, markdown_heading, marker_number,
    stands_apart, Unit,
};
use super::sentences::{is_closer, is_final};

/// The kind of a heading, which decides its level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// Markdown `#`…`######`: the number of `#`s.
    Markdown(u8),
    /// `第X编/章/节/…`: the unit.
    Chapter(Unit),
    /// `附件1`: an appendix, which starts the outline afresh at the top level.
    Appendix,
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
            Kind::Chapter(u) => Some((1, u as u8)),
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
    /// The number of a numbered heading (`第九回` 9, `（四）` 4), which tells where a sequence
    /// resumes.
    pub(super) number: Option<u32>,
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
pub(super) enum Shape {
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
        if is_final(c) || c == '!' || c == '?' || c == ';' {
            // A head sentence ends with a full stop; a clause that ends in `；` is one item of
            // an enumeration (`（一）质量要求不明确的，按照……履行；没有……`).
            if n == 0 || n > max_sentence || c == '；' || c == ';' {
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
    /// Markdown, 第X章 or an appendix: a heading as it stands.
    Fixed(Head),
    /// 第X条: a heading if the text has enough of them.
    Article(Head),
    /// A list marker line.
    List(ListLine),
}

fn candidate(t: &str, len: usize) -> Candidate {
    if let Some((n, title)) = markdown_heading(t) {
        return Candidate::Fixed(Head {
            kind: Kind::Markdown(n),
            title: clip(title, MAX_TITLE),
            run_in: false,
            number: None,
        });
    }
    if let Some(label) = chapter_label(t) {
        let rest = t[label.len..].trim();
        let after = &t[label.len..];
        let unit = label.unit;
        let label = &t[..label.len];
        if unit == Unit::Article {
            // An article's label stands apart from its text: alone on its line (Taiwan's
            // `第 78 條`), before a space (`第一条 为了……`) or a bracketed caption. A line that
            // runs on from the label into a sentence is article text that begins with a
            // reference: `第七十八條至第八十三條規定，於……準用之。`, `第一百條之規定，……`.
            if !stands_apart(after, unit) {
                return Candidate::None;
            }
            // An article's title is its label, with a short caption if one follows.
            let caption = !rest.is_empty()
                && rest.chars().nth(MAX_CLAUSE).is_none()
                && !rest.contains(['。', '，', '；', '：', '！', '？']);
            let title = match caption {
                true => format!("{label} {rest}"),
                false => label.to_string(),
            };
            return Candidate::Article(Head {
                kind: Kind::Chapter(unit),
                title,
                run_in: !rest.is_empty() && !caption,
                number: None,
            });
        }
        if len <= MAX_CHAPTER_LINE && !t.ends_with(is_final) {
            return Candidate::Fixed(Head {
                kind: Kind::Chapter(unit),
                title: clip(t, MAX_TITLE),
                run_in: false,
                number: label_number(label),
            });
        }
        return Candidate::None;
    }
    if appendix_label(t).is_some() && len <= MAX_CHAPTER_LINE {
        return Candidate::Fixed(Head {
            kind: Kind::Appendix,
            title: clip(t, MAX_TITLE),
            run_in: false,
            number: None,
        });
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
        return Candidate::List(ListLine {
            kind,
            number: marker_number(&t[..marker_len]),
            shape,
            head,
        });
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

    contents_lists(lines, &mut cands);
    let articles = cands
        .iter()
        .filter(|c| matches!(c, Candidate::Article(_)))
        .count();
    // Article lines are headings only in a text made of articles, not where a news report
    // happens to start a line with 第一条.
    let articles = articles >= 3;
    // Two Markdown headings make a text whose headings are marked.
    let marked = cands
        .iter()
        .filter(|c| {
            matches!(
                c,
                Candidate::Fixed(Head {
                    kind: Kind::Markdown(_),
                    ..
                })
            )
        })
        .count()
        >= 2;
    let mut heads: Vec<Option<Head>> = Vec::with_capacity(cands.len());
    let mut marks = Vec::with_capacity(cands.len());
    for c in cands {
        let (head, mark) = match c {
            Candidate::None => (None, Mark::Text),
            Candidate::Fixed(head) => (Some(head), Mark::Heading),
            Candidate::Article(head) if articles => (Some(head), Mark::Article),
            Candidate::Article(_) => (None, Mark::Text),
            Candidate::List(item) => (None, Mark::List(item)),
        };
        heads.push(head);
        marks.push(mark);
    }
    for (head, list) in heads.iter_mut().zip(list_headings(lines, marks, marked)) {
        if list.is_some() {
            *head = list;
        }
    }
    heads
}

/// The unit and number of a line that is a `第X章`-family heading (articles aside).
fn chapter_unit(c: &Candidate) -> Option<(Unit, Option<u32>)> {
    match c {
        Candidate::Fixed(Head {
            kind: Kind::Chapter(unit),
            number,
            ..
        }) if *unit != Unit::Article => Some((*unit, *number)),
        _ => None,
    }
}

/// A table of contents is no run of headings: two or more `第X回` (or 章, 节 …) lines of one
/// unit, numbered one after another, with nothing but blank lines between them list chapters
/// that start further on (老残游记 opens with its twenty 回 titles). Such lines are text; the
/// first chapter itself, which starts the numbering again, is not part of the list.
fn contents_lists(lines: &[Line], cands: &mut [Candidate]) {
    let mut i = 0;
    while i < cands.len() {
        let Some((unit, mut number)) = chapter_unit(&cands[i]) else {
            i += 1;
            continue;
        };
        let mut members = vec![i];
        let mut j = i + 1;
        loop {
            while j < lines.len() && lines[j].blank {
                j += 1;
            }
            let next = match cands.get(j).and_then(chapter_unit) {
                Some((u, n)) if u == unit && (number.is_none() || n == number.map(|k| k + 1)) => n,
                _ => break,
            };
            number = next;
            members.push(j);
            j += 1;
        }
        if members.len() >= 2 {
            for &m in &members {
                cands[m] = Candidate::None;
            }
        }
        i = members.last().map_or(i + 1, |&m| m + 1);
    }
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
            ("第一章 总则", Some((Chapter(Unit::Chapter), "第一章 总则"))),
            ("第 十一 章 地方制度", Some((Chapter(Unit::Chapter), "第 十一 章 地方制度"))),
            ("第一百二十回 甄士隐详说太虚情", Some((Chapter(Unit::Chapter), "第一百二十回 甄士隐详说太虚情"))),
            ("第一○○回：漢兵劫寨破曹真", Some((Chapter(Unit::Chapter), "第一○○回：漢兵劫寨破曹真"))),
            ("第二编 分则", Some((Chapter(Unit::Part), "第二编 分则"))),
            ("第三節 國民經濟", Some((Chapter(Unit::Section), "第三節 國民經濟"))),
            ("第一部分 总体要求", Some((Chapter(Unit::Part), "第一部分 总体要求"))),
            ("第一分编  通则", Some((Chapter(Unit::Subpart), "第一分编  通则"))),
            // U+2002 spaces inside the title (民法典's 合同编).
            ("第三分编\u{2002}准\u{2002}合\u{2002}同", Some((Chapter(Unit::Subpart), "第三分编\u{2002}准\u{2002}合\u{2002}同"))),
            ("第二分編 物權", Some((Chapter(Unit::Subpart), "第二分編 物權"))),
            ("第 五 章之一 沒收", Some((Chapter(Unit::Chapter), "第 五 章之一 沒收"))),
            ("附件1", Some((Appendix, "附件1"))),
            ("附件", Some((Appendix, "附件"))),
            ("附件2 名词解释", Some((Appendix, "附件2 名词解释"))),
            ("附录一：术语表", Some((Appendix, "附录一：术语表"))),
            // An announcement of attachments, and a sentence, are not appendices.
            ("附件：", None),
            ("附表所列项目，按年度更新。", None),
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
            ("3．10种有色金属：铜、铅、锌", Some((Dotted(1), "3．10种有色金属：铜、铅、锌"))),
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
    fn article_labels_stand_apart_from_their_text() {
        // Issue 13: in Taiwan's 民法 (labels alone on their lines) 52 lines of article text
        // that begin with a reference became headings.
        let text = "第 84 條\n法定代理人允許限制行為能力人處分之財產，就該財產有處分之能力。\n\
            第 85 條\n法定代理人允許限制行為能力人獨立營業者，關於其營業，有行為能力。\n\
            第七十八條至第八十三條規定，於未依前項規定得輔助人同意之情形，準用之。\n\
            第 85-1 條\n第一百條之規定，於前二項情形準用之。\n\
            第六百三十一條、第六百三十五條之規定，於前項情形準用之。\n\
            第一百二十条之一 帮助恐怖活动组织的，处五年以下有期徒刑。\n\
            第四条（禁止行为） 任何单位和个人不得有下列行为：\n";
        let heads = strong_headings(&split_lines(text));
        let titles: Vec<_> = heads.iter().flatten().map(|h| h.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "第 84 條",
                "第 85 條",
                "第 85-1 條",
                "第一百二十条之一",
                "第四条"
            ]
        );
    }

    #[test]
    fn a_clause_ending_in_a_semicolon_is_no_head_sentence() {
        let (shape_of, _) = shape(
            "质量要求不明确的，按照国家标准履行；没有国家标准的，按照通常标准履行。",
            MAX_SENTENCE,
        );
        assert_eq!(shape_of, Shape::Prose);
        let (shape_of, _) = shape("加强政治建设。持续深入学习，提升政治能力。", MAX_SENTENCE);
        assert_eq!(shape_of, Shape::RunIn);
    }

    #[test]
    fn a_table_of_contents_is_not_a_run_of_headings() {
        // 老残游记 lists its 回 before the first one starts.
        let text = "老残游记\n\n第一回　土不制水历年成患　风能鼓浪到处可危\n\
            第二回　历山山下古帝遗踪　明湖湖边美人绝调\n\
            第三回　金线东来寻黑虎　布帆西去访苍鹰\n\n\n\
            第一回 土不制水历年成患 风能鼓浪到处可危\n\n话说山东登州府东门外有一座大山。\n\n\
            第二回 历山山下古帝遗踪 明湖湖边美人绝调\n\n话说老残在渔船上被众人砸得沉下海去。\n";
        let heads = strong_headings(&split_lines(text));
        let lines: Vec<usize> = (0..heads.len()).filter(|&i| heads[i].is_some()).collect();
        assert_eq!(lines, [7, 11]);
        // A law's units in a row are not a contents list: they differ.
        let law = "第一编 总则\n第一章 任务\n第一节 范围\n第一条 内容。\n";
        let heads = strong_headings(&split_lines(law));
        assert_eq!(heads.iter().flatten().count(), 3);
    }

    #[test]
    fn code_fences_hide_headings() {
        let text = "```\n# 注释\n一、不是\n```\n# 真标题\n";
        let heads = strong_headings(&split_lines(text));
        let titles: Vec<_> = heads.iter().flatten().map(|h| h.title.as_str()).collect();
        assert_eq!(titles, ["真标题"]);
    }
}
