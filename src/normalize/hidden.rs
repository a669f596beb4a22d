//! Markup whose content a reader never sees: comments, and the elements that hold code,
//! drawings or fallbacks instead of text (`<script>`, `<style>`, `<svg>`, `<noscript>`,
//! `<template>`). A whole pasted page brings them along; left in, they put SVG path data
//! (`48s21.5`, `160z`) among the keywords and a script's `// TODO` comment into the outline.
//!
//! What is left out, and what is kept rather than risk losing the user's words:
//! - a comment, through its `-->`; an unclosed `<!--` is text;
//! - an element's content, through its own closing tag: the first one for elements whose
//!   content is not markup (`script`, `style`, and `noscript`, which a browser with scripts on
//!   reads as raw text: HTML Living Standard, "The in body insertion mode"), the matching one
//!   for elements that nest (`<svg>` in `<svg>`, `<template>` in `<template>`);
//! - nothing more when there is no such closing tag (a fragment cut short): the opening tag
//!   goes as a tag and the text after it stays;
//! - nothing more when the opening tag is followed by non-ASCII text: code, style sheets and
//!   drawings start with ASCII, so `<script>标签` or `<style> 里的规则` is a tutorial naming
//!   the tag in prose, not markup (a later `</script>` must not eat the sentences between).
//!
//! Each comment and element left out counts once in `Cleaning::hidden`; an element's own
//! opening and closing tags count in `Cleaning::tags`, as other tags do.

use super::html::{parse_tag, Names, TagKind};

/// How the content of a hidden element ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ends {
    /// At the first closing tag: the content is not parsed as markup.
    FirstClose,
    /// At the closing tag that matches, counting nested elements of the same name.
    MatchingClose,
}

/// The elements whose content is left out, by lower-case name.
const HIDDEN: [(&str, Ends); 5] = [
    ("script", Ends::FirstClose),
    ("style", Ends::FirstClose),
    ("noscript", Ends::FirstClose),
    ("svg", Ends::MatchingClose),
    ("template", Ends::MatchingClose),
];

/// The index in the hidden elements of a lower-case tag name, if its content is left out.
pub(super) fn hidden_element(name: &str) -> Option<usize> {
    HIDDEN.iter().position(|&(n, _)| n == name)
}

/// Whether the text after an opening tag reads as prose (a non-ASCII char first, after at
/// most a few spaces) rather than as the element's content.
pub(super) fn reads_as_prose(after_tag: &[u8]) -> bool {
    const MAX_SPACES: usize = 64;
    after_tag
        .iter()
        .take(MAX_SPACES)
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|&b| !b.is_ascii())
}

/// Where comments and hidden elements end, remembered across the pass so that cleaning stays
/// linear: a search for `-->` that failed is not repeated from further on, and the closing
/// tags of one element name are all found by a single scan, made when the first opening tag
/// of that name is read (a later opening tag is further on, so the scan covered it).
#[derive(Debug, Default)]
pub(super) struct HiddenEnds {
    /// Byte offset from which a search for `-->` failed: a later one fails too.
    no_comment_end_after: Option<usize>,
    /// For each hidden element, the scan's result.
    closes: [Option<Closes>; HIDDEN.len()],
}

/// The closing tags of one element name, from one scan.
#[derive(Debug)]
struct Closes {
    /// Where the scan started: opening tags before it are not in `ends`.
    from: usize,
    /// `(start of an opening tag, end of its closing tag)`, by start.
    ends: Vec<(usize, usize)>,
}

impl HiddenEnds {
    /// The byte offset just past the `-->` of the comment that starts at `src[pos]`, if it is
    /// closed.
    pub(super) fn comment_end(&mut self, src: &[u8], pos: usize) -> Option<usize> {
        if self
            .no_comment_end_after
            .is_some_and(|failed| pos >= failed)
        {
            return None;
        }
        let body = src.get(pos + 4..)?;
        match body.windows(3).position(|w| w == b"-->") {
            Some(i) => Some(pos + 4 + i + 3),
            None => {
                self.no_comment_end_after = Some(pos);
                None
            }
        }
    }

    /// The byte offset just past the closing tag of hidden element `which`, whose opening tag
    /// starts at `src[pos]`, if it has one.
    pub(super) fn element_end(&mut self, src: &[u8], pos: usize, which: usize) -> Option<usize> {
        let slot = self.closes.get_mut(which)?;
        if slot.as_ref().is_none_or(|closes| pos < closes.from) {
            *slot = Some(scan(src, pos, which));
        }
        let ends = &slot.as_ref()?.ends;
        let k = ends.binary_search_by_key(&pos, |&(open, _)| open).ok()?;
        ends.get(k).map(|&(_, end)| end)
    }
}

/// Pair each opening tag of hidden element `which` from `src[from]` on with its closing tag.
/// Tags are recognised as the pass recognises them (the same parser, not after a backtick),
/// and opening tags that read as prose are not elements.
fn scan(src: &[u8], from: usize, which: usize) -> Closes {
    let Some(&(name, ends_at)) = HIDDEN.get(which) else {
        return Closes {
            from,
            ends: Vec::new(),
        };
    };
    let mut open = Vec::new();
    let mut ends = Vec::new();
    let mut i = from;
    while let Some(lt) = src
        .get(i..)
        .and_then(|rest| rest.iter().position(|&b| b == b'<'))
    {
        i += lt;
        let rest = src.get(i..).unwrap_or(&[]);
        let closing = rest.get(1) == Some(&b'/');
        let name_at = if closing { 2 } else { 1 };
        let named = rest
            .get(name_at..name_at + name.len())
            .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()));
        let after_backtick = i > 0 && src.get(i - 1) == Some(&b'`');
        let tag = match parse_tag(rest, Names::Known) {
            Some((len, TagKind::Hidden(w))) if named && w == which && !after_backtick => len,
            _ => {
                i += 1;
                continue;
            }
        };
        if !closing {
            if !reads_as_prose(rest.get(tag..).unwrap_or(&[])) {
                open.push(i);
            }
        } else if ends_at == Ends::FirstClose {
            // Raw text: every opening tag still waiting (those after the first are only text
            // inside it) ends here.
            ends.extend(open.drain(..).map(|start| (start, i + tag)));
        } else if let Some(start) = open.pop() {
            ends.push((start, i + tag));
        }
        i += tag;
    }
    ends.sort_unstable();
    Closes { from, ends }
}

#[cfg(test)]
mod tests {
    use super::super::clean;
    use super::super::tests::assert_cases;

    #[test]
    fn hidden_content_is_left_out() {
        assert_cases(&[
            ("前<!-- 注释 <p> -->后", "前后"),
            ("前<script>var a = '</p>';</script>后", "前后"),
            (
                "<style type=\"text/css\">p { color: red }</style>正文",
                "正文",
            ),
            (
                "图<svg viewBox=\"0 0 24 24\"><path d=\"M12 48s21.5 48 160z\"/></svg>后",
                "图后",
            ),
            ("前<noscript><img src=\"t.gif\">请启用脚本</noscript>后", "前后"),
            ("前<template><p>模板</p></template>后", "前后"),
            // Old-style scripts hide their code in a comment; CDATA sits inside the script.
            (
                "<script type=\"text/javascript\">\n<!--\n// 旧式注释\nvar x;\n//-->\n</script>正文",
                "正文",
            ),
            ("<script>//<![CDATA[\nvar a = 1;\n//]]></script>正文", "正文"),
            // Upper case, and space before the closing `>`.
            ("前<SCRIPT LANGUAGE=\"JavaScript\">x()</SCRIPT >后", "前后"),
            ("前<Svg><g/></sVG>后", "前后"),
            // A script's content is not markup: `</p>` and `<script>` inside are only text.
            ("前<script>a('<script>'); b('</p>')</script>后", "前后"),
            // Nested drawings end at their own closing tag, not the inner one's.
            (
                "前<svg><svg><path d=\"M0 0\"/></svg><text>字</text></svg>后",
                "前后",
            ),
            (
                "前<template><template><b>甲</b></template><b>乙</b></template>后",
                "前后",
            ),
            // Self-closing: nothing inside.
            ("前<svg/>中<script src=\"a.js\" />后", "前中后"),
            // The document's scaffolding goes; its title is what the page is called, and stays.
            (
                "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>标题</title></head><body>正文</body></html>",
                "\n标题\n正文",
            ),
        ]);
    }

    #[test]
    fn words_are_kept_when_the_markup_is_not_whole() {
        assert_cases(&[
            // No closing tag: the opening tag goes, the words after it stay.
            ("前<script>未闭合", "前未闭合"),
            (
                "前<svg><path d=\"M0\"/>未闭合的文字",
                "前<path d=\"M0\"/>未闭合的文字",
            ),
            ("前<!-- 未闭合", "前<!-- 未闭合"),
            // An inner drawing closed, the outer not: only the inner one goes.
            ("甲<svg>\n<svg><path/></svg>乙", "甲\n乙"),
        ]);
    }

    #[test]
    fn tags_named_in_prose_do_not_hide_the_prose() {
        assert_cases(&[
            (
                "在网页中，<script>标签用来嵌入脚本，写在</script>之前的代码都会执行。",
                "在网页中，标签用来嵌入脚本，写在之前的代码都会执行。",
            ),
            (
                "样式写在 <style> 里，图标用 <svg> 画，二者都以 </style> 和 </svg> 结束。",
                "样式写在  里，图标用  画，二者都以  和  结束。",
            ),
            (
                "用 `<script>` 引入，`</script>` 结束",
                "用 `<script>` 引入，`</script>` 结束",
            ),
            // Named in prose first, real markup later: the real element still goes.
            (
                "<script>标签的例子：<script>var a;</script>完",
                "标签的例子：完",
            ),
        ]);
    }

    #[test]
    fn left_out_content_keeps_the_offsets_of_what_follows() {
        let cleaned = clean("甲<svg><path d=\"M0\"/></svg>乙");
        assert_eq!(cleaned.text, "甲乙");
        let spans: Vec<_> = cleaned.spans.iter().map(|s| (s.start, s.end)).collect();
        assert_eq!(spans, [(0, 1), (26, 27)]);
    }
}
