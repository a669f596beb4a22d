//! Stage: section structure. Finds headings, paragraphs and sentences in the cleaned text and
//! cuts the text into sections that tile it.
//!
//! The stage reads the text line by line and never looks further than a bounded distance
//! inside a line, so it is linear in the text's length whatever the input (a 10 MB line without
//! punctuation, 100,000 headings).
//!
//! # Headings
//! A heading is a whole line (trimmed) in one of these conventions:
//!
//! | convention                                   | example                     | kept when             |
//! |----------------------------------------------|-----------------------------|-----------------------|
//! | Markdown ATX, outside ``` / ~~~ fences       | `## 第一章 总则`             | always                |
//! | 编/部分 > 章/回 > 节 > 款 > 目 > 条 (and 編節條) | `第 一 章 總綱`, `第十二回`   | line ≤ 50 chars, no final `。！？；` |
//! | articles 第X条 / 條                           | `第一条 为了……。`            | ≥ 3 article lines in the text |
//! | list markers `一、` `（一）` `1.` `1.1` `1、` `（1）` `①` | `（一）加力扩内需稳增长` | see below             |
//! | a short title line                           | `2026年上海市政府工作报告`    | see below             |
//!
//! A list-marker line is a heading when what follows the marker is a short phrase without
//! sentence punctuation (`一、工作回顾`); or a single short sentence (`（一）坚持……增长。`) that
//! is not one item of a list of such lines; or a short "run-in" head sentence opening a longer
//! paragraph (`（一）加强政治建设。持续深入……`), the style of Chinese government reports, unless
//! the line is one of a list of short items. A long sentence after a marker is a list item of
//! its paragraph, not a heading (`1.加强…，…。`). Markers in the middle of a line (`一是……，二是……`)
//! are never headings.
//!
//! A short title line (5–30 chars, with Han, no punctuation at its end, no colon, no space
//! between Han characters as in a by-line `市长 龚 正`) is a heading only when the next line is
//! a paragraph at least twice its length (or, for the text's first line, a heading), and only in
//! texts without Markdown headings, whose headings are explicit.
//!
//! # Levels
//! Levels are relative, like a document outline: each heading *kind* (`一、`, `（一）`, `1.`, Markdown
//! `##`, 章, …) takes the next level the first time it appears below another, and returns to that
//! level when it appears again. Ranked kinds (Markdown `#` counts; 编 > 章 > 节 > 条; `1.` > `1.1`)
//! close deeper ranks of their own family. The document title — the first heading when it is a
//! short title line, or a `#` heading that no other `#` heading follows — is level 1 but does not
//! contain the rest: the outline below it starts at level 1 again. So `一、` is level 1 in a report
//! whether or not its title was recognised, and a law's 编 has the same level with or without
//! Markdown marks. Text before the first heading is a level-0 preamble.
//!
//! # Paragraphs and sentences
//! Paragraphs are separated by blank lines and line breaks, except in hard-wrapped text (the
//! Project Gutenberg novels in the evaluation corpus break every line at about 36 chars), where a
//! line near the wrap width that does not end a sentence continues into the next line unless
//! that one is indented or a heading. A heading line that holds nothing but the heading is
//! neither a paragraph nor a sentence; a run-in heading's line is a paragraph.
//!
//! Sentences end at a run of `。！？；…．` with the closing quotes and brackets after it (紅樓夢
//! in the corpus writes its full stops as `．`), at a half-width `! ? ;` or `.` that follows a
//! Han character or closing quote and precedes a space, the end or a Han character, and at a
//! paragraph's end. Only sentences with non-whitespace content count.

use crate::chars::is_han;

/// One section, in character indices of the cleaned text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionSpan {
    /// The heading line trimmed (Markdown `#`s removed), or for a section that is not a heading,
    /// the opening clause of its first paragraph; at most 40 chars (41 with a closing `…`).
    pub title: String,
    /// 0 for the preamble before the first heading, 1 for top-level sections, deeper below.
    pub level: u8,
    /// Index of the nearest earlier section with a smaller level ≥ 1.
    pub parent: Option<usize>,
    /// Whether the section starts at a heading line.
    pub heading: bool,
    /// Char range `[start, end)` in the cleaned text; the sections tile `0..char_count`.
    pub start: usize,
    pub end: usize,
    /// Paragraphs that start in this section.
    pub paragraphs: u32,
    /// Sentences of those paragraphs.
    pub sentences: u32,
    /// Non-whitespace chars in `[start, end)`, U+FFFD (mojibake) excluded.
    pub characters: u32,
}

/// The structure of a text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Structure {
    pub sections: Vec<SectionSpan>,
    /// Total paragraphs (the sum over sections).
    pub paragraphs: u32,
    /// Total sentences (the sum over sections).
    pub sentences: u32,
}

/// Find the structure of `text` (the cleaned text). Empty text has no sections; any other
/// text has at least one, in document order, and the sections tile it.
///
/// # Example
/// ```
/// let text = "一、总体要求\n坚持稳中求进。推动高质量发展。\n（一）扩大内需\n提振消费。";
/// let s = wenxi::sections::detect(text);
/// let titles: Vec<_> = s.sections.iter().map(|x| (x.title.as_str(), x.level)).collect();
/// assert_eq!(titles, [("一、总体要求", 1), ("（一）扩大内需", 2)]);
/// assert_eq!(s.sections[1].parent, Some(0));
/// assert_eq!((s.paragraphs, s.sentences), (2, 3));
/// assert_eq!(s.sections.last().map(|x| x.end), Some(text.chars().count()));
/// ```
pub fn detect(text: &str) -> Structure {
    let lines = split_lines(text);
    let total = lines.last().map_or(0, |l| l.next);
    if total == 0 {
        return Structure::default();
    }
    let mut heads = strong_headings(&lines);
    let paragraphs = find_paragraphs(&lines, &heads);
    let paragraphs = find_title_lines(&lines, &mut heads, paragraphs);
    build(&lines, &heads, &paragraphs, total)
}

// ---------------------------------------------------------------------------------------------
// Lines

/// One line of the text, without its line terminator.
#[derive(Debug)]
struct Line<'a> {
    text: &'a str,
    /// Char index of the line's first char.
    start: usize,
    /// Char index just after the line terminator (the next line's start).
    next: usize,
    /// Chars in the line with trailing whitespace removed (leading indentation kept).
    len: usize,
    blank: bool,
    indented: bool,
}

fn split_lines(text: &str) -> Vec<Line<'_>> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut rest = text;
    while !rest.is_empty() {
        let (raw, tail, terminator) = match rest.find('\n') {
            Some(i) => (&rest[..i], &rest[i + 1..], 1),
            None => (rest, "", 0),
        };
        let content = raw.strip_suffix('\r').unwrap_or(raw);
        let chars = raw.chars().count() + terminator;
        let trimmed = content.trim_end();
        let blank = trimmed.trim_start().is_empty();
        lines.push(Line {
            text: content,
            start,
            next: start + chars,
            len: trimmed.chars().count(),
            blank,
            indented: !blank && content.starts_with([' ', '\t', '\u{3000}']),
        });
        start += chars;
        rest = tail;
    }
    lines
}

// ---------------------------------------------------------------------------------------------
// Heading recognisers

/// The kind of a heading, which decides its level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
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
    fn rank(self) -> Option<(u8, u8)> {
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
struct Head {
    kind: Kind,
    title: String,
    /// The line holds a paragraph's text after the heading (a run-in heading or an article).
    run_in: bool,
}

const MAX_TITLE: usize = 40;
const MAX_CLAUSE: usize = 20;
/// Longest heading line of the 第X章 family, in chars.
const MAX_CHAPTER_LINE: usize = 50;
/// Longest phrase after a list marker for a heading without punctuation.
const MAX_PHRASE: usize = 40;
/// Longest sentence after a `一、` or `（一）` marker for a sentence heading (湖北's report has
/// 44-char ones).
const MAX_SENTENCE: usize = 45;
/// Longest sentence after a digit marker for a sentence heading.
const MAX_DIGIT_SENTENCE: usize = 25;

/// Sentence-final punctuation that ends a sentence wherever it appears.
fn is_final(c: char) -> bool {
    // `．` is the full stop of some traditional texts (Gutenberg's 紅樓夢); cleaning keeps it
    // after Han characters and folds it to `.` only inside numbers.
    matches!(c, '。' | '！' | '？' | '；' | '…' | '．')
}

/// Closing quotes and brackets, which stay with the sentence they close.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '」' | '』' | '）' | ')' | '》' | '〉' | '】' | '〕' | '"' | '\'' | ']'
    )
}

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

/// Cut `s` to at most `max` chars, ending with `…` when something was cut.
fn clip(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        None => s.to_string(),
        Some(_) => {
            let keep = s.char_indices().nth(max - 1).map_or(s.len(), |(i, _)| i);
            format!("{}…", s[..keep].trim_end())
        }
    }
}

/// The opening clause of a paragraph: up to the first `，,。：:！？；`, trimmed, clipped.
fn opening_clause(s: &str) -> String {
    let s = s.trim_start();
    let end = s
        .char_indices()
        .take(MAX_CLAUSE * 4)
        .find(|&(_, c)| matches!(c, '，' | ',' | '。' | '：' | ':' | '！' | '？' | '；'))
        .map_or(s.len().min(byte_of_char(s, MAX_CLAUSE * 4)), |(i, _)| i);
    clip(s[..end].trim(), MAX_CLAUSE)
}

/// The byte index of char `n` of `s` (or `s.len()`).
fn byte_of_char(s: &str, n: usize) -> usize {
    s.char_indices().nth(n).map_or(s.len(), |(i, _)| i)
}

/// `## 标题` → (2, "标题"). A closing sequence of `#`s is dropped.
fn markdown_heading(t: &str) -> Option<(u8, &str)> {
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
fn chapter_label(t: &str) -> Option<(u8, usize)> {
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
fn list_marker(t: &str) -> Option<(Kind, usize)> {
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
fn strong_headings(lines: &[Line]) -> Vec<Option<Head>> {
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

// ---------------------------------------------------------------------------------------------
// Paragraphs

/// A paragraph: lines `first..=last`.
#[derive(Debug, Clone, Copy)]
struct Para {
    first: usize,
    last: usize,
}

/// The wrap width of a hard-wrapped text: the most common line length, when at least 30% of
/// the lines of 16 chars or more are within 2 chars below it.
fn wrap_width(lines: &[Line], heads: &[Option<Head>]) -> Option<usize> {
    const CAP: usize = 200;
    let mut hist = vec![0usize; CAP + 1];
    let mut long = 0;
    for (line, head) in lines.iter().zip(heads) {
        if head.is_none() && line.len >= 16 {
            hist[line.len.min(CAP)] += 1;
            long += 1;
        }
    }
    let (width, _) = hist[..CAP]
        .iter()
        .enumerate()
        .max_by_key(|&(len, &n)| (n, len))?;
    let near: usize = hist[width.saturating_sub(2)..=width].iter().sum();
    (long >= 3 && width >= 16 && near * 10 >= long * 3).then_some(width)
}

/// Whether the line ends a sentence (or a clause that closes a quotation).
fn ends_sentence(line: &Line) -> bool {
    let t = line.text.trim_end();
    let t = t.trim_end_matches(is_closer);
    t.ends_with(|c: char| is_final(c) || matches!(c, '!' | '?' | ';' | '.' | '：' | ':' | '︰'))
}

fn find_paragraphs(lines: &[Line], heads: &[Option<Head>]) -> Vec<Para> {
    let width = wrap_width(lines, heads);
    // Hard-wrapped text that marks paragraphs by indenting them (Project Gutenberg's novels):
    // a line at the wrap width continues into the next unindented line even when it happens to
    // end a sentence, since only indentation starts a paragraph there.
    let nonblank = lines.iter().filter(|l| !l.blank).count();
    let indented = lines.iter().filter(|l| !l.blank && l.indented).count();
    let by_indent = width.is_some() && indented * 10 >= nonblank;
    let mut paras: Vec<Para> = Vec::new();
    let mut open = false;
    for (i, line) in lines.iter().enumerate() {
        if line.blank {
            open = false;
            continue;
        }
        let head = heads[i].as_ref();
        if head.is_some_and(|h| !h.run_in) {
            open = false;
            continue;
        }
        let joins = open
            && head.is_none()
            && !line.indented
            && i > 0
            && continues(lines, i - 1, width, by_indent);
        match (joins, paras.last_mut()) {
            (true, Some(p)) => p.last = i,
            _ => paras.push(Para { first: i, last: i }),
        }
        open = true;
    }
    paras
}

/// Whether line `i` is broken mid-sentence by hard wrapping, so that the next line continues it.
fn continues(lines: &[Line], i: usize, width: Option<usize>, by_indent: bool) -> bool {
    let line = &lines[i];
    if let Some(w) = width {
        return line.len + 4 >= w && (by_indent || !ends_sentence(line));
    }
    if ends_sentence(line) {
        return false;
    }
    // No wrap width for the whole text (a law with a wrapped preamble): a line that stops
    // mid-word at the same length as a neighbour.
    let mid_word = line
        .text
        .trim_end()
        .ends_with(|c: char| is_han(c) || c.is_alphanumeric());
    let near = |j: usize| lines.get(j).is_some_and(|l| l.len.abs_diff(line.len) <= 1);
    mid_word && line.len >= 20 && (near(i + 1) || (i > 0 && near(i - 1)))
}

// ---------------------------------------------------------------------------------------------
// Short title lines

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
fn find_title_lines(lines: &[Line], heads: &mut [Option<Head>], paras: Vec<Para>) -> Vec<Para> {
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
            });
        } else {
            kept.push(*p);
        }
    }
    kept
}

// ---------------------------------------------------------------------------------------------
// Sentences

/// The number of sentences with content in a paragraph's lines.
fn count_sentences<'a>(lines: impl Iterator<Item = &'a str>) -> u32 {
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

// ---------------------------------------------------------------------------------------------
// Sections

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
}

impl Outline {
    /// Open a heading of `kind` and return its level.
    fn enter(&mut self, kind: Kind) -> u8 {
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
        u8::try_from(self.open.len()).unwrap_or(u8::MAX)
    }
}

fn section_starts(lines: &[Line], heads: &[Option<Head>], paras: &[Para]) -> Vec<Start> {
    let mut found: Vec<(usize, &Head)> = heads
        .iter()
        .enumerate()
        .filter_map(|(i, h)| h.as_ref().map(|h| (i, h)))
        .collect();

    // The document title: the first heading, when it is a plain title line. A Markdown `#`
    // title is not special: its author nested the rest under it with `##`, and readers of
    // Markdown expect the outline to follow the marks.
    let title_line = found
        .first()
        .and_then(|&(i, h)| (h.kind == Kind::Title).then_some(i));

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
    for (i, h) in found {
        starts.push(Start {
            line: i,
            title: h.title.clone(),
            level: outline.enter(h.kind),
            heading: true,
        });
    }
    starts
}

fn build(lines: &[Line], heads: &[Option<Head>], paras: &[Para], total: usize) -> Structure {
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
    use super::*;

    fn first_heading(line: &str) -> Option<(Kind, String)> {
        let heads = strong_headings(&split_lines(line));
        heads
            .into_iter()
            .next()
            .flatten()
            .map(|h| (h.kind, h.title))
    }

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

    #[test]
    fn titles() {
        let cases: &[(&str, &str)] = &[
            ("本报讯 昨天上午，市图书馆开馆。", "本报讯 昨天上午"),
            ("  据了解：新馆藏书二百万册。", "据了解"),
            (
                "没有标点的一段很长很长很长很长的文字一直写下去",
                "没有标点的一段很长很长很长很长的文字一…",
            ),
            ("Short, then more", "Short"),
            ("👪𦡦，后面", "👪𦡦"),
        ];
        for (text, want) in cases {
            assert_eq!(opening_clause(text), *want, "{text:?}");
        }
        assert_eq!(clip("一二三", 3), "一二三");
        assert_eq!(clip("一二三四", 3), "一二…");
    }

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

    #[test]
    fn hard_wrapped_lines_join() {
        let line = "这是一段被硬换行的文字没有任何标点符号一直写下去直到三十六个字为";
        let text = format!(
            "{line}\n{line}\n{line}\n结尾。\n\n\u{3000}\u{3000}新段落开始。\n{line}\n尾。\n"
        );
        let s = detect(&text);
        // The wrapped lines and `结尾。`; the indented line, which ends its sentence; the rest.
        assert_eq!(s.paragraphs, 3);
        // Without wrapping, each line is a paragraph.
        let s = detect("第一行。\n第二行。\n第三行。\n");
        assert_eq!(s.paragraphs, 3);
    }

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
}
