//! HTML tags: telling a real tag (`<p>`, `</div >`, `<br/>`, `<o:p>`, `<!DOCTYPE html>`) from
//! text that only looks like one (`a < b`, `<3`, `<三国演义>`), and what each tag becomes.

use super::hidden::hidden_element;

/// What a tag becomes in the cleaned text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TagKind {
    /// A line break: the page showed a new line or block here.
    Block,
    /// Nothing.
    Inline,
    /// Nothing, and when it opens an element that has a closing tag, neither does the
    /// content up to it (the element's index in `hidden`'s list).
    Hidden(usize),
}

/// Elements that start a new line when rendered: the HTML Living Standard's flow-content
/// blocks ("The p element", "Grouping content", "Sections", "Tabular data"), plus `br`.
/// Table cells count as blocks so that neighbouring cells do not run into one word.
const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "legend",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "ul",
];

/// Elements that vanish: phrasing content, embedded content and document scaffolding. (Those
/// whose content vanishes too are listed in `hidden`.)
const INLINE_TAGS: &[&str] = &[
    "a", "abbr", "acronym", "audio", "b", "base", "bdi", "bdo", "big", "body", "button", "canvas",
    "cite", "code", "col", "colgroup", "data", "del", "dfn", "em", "embed", "font", "head", "html",
    "i", "iframe", "img", "input", "ins", "kbd", "label", "link", "mark", "meta", "nobr", "object",
    "picture", "q", "rp", "rt", "ruby", "s", "samp", "select", "small", "source", "span", "strike",
    "strong", "sub", "sup", "textarea", "time", "tt", "u", "var", "video", "wbr",
];

/// Longest tag we look for; longer `<…>` stay text. Bounds the look-ahead at each `<`.
const MAX_TAG_BYTES: usize = 1024;

/// The length and kind of the tag at the start of `b` (which starts with `<`), if it is a
/// real tag: `<name …>`, `</name>`, `<!DOCTYPE …>` or `<?xml …?>`, where `name` is an HTML
/// element we know, or has a `-` (custom element) or `:` (`<o:p>` from Word). So `a < b`,
/// `<3` and `<三国演义>` are not tags.
pub(super) fn parse_tag(b: &[u8]) -> Option<(usize, TagKind)> {
    if b.first() != Some(&b'<') {
        return None;
    }
    let (len, kind) = parse_tag_after_lt(b.get(1..)?)?;
    Some((len + 1, kind))
}

/// [`parse_tag`] for the bytes after `<`.
pub(super) fn parse_tag_after_lt(b: &[u8]) -> Option<(usize, TagKind)> {
    match *b.first()? {
        b'!' | b'?' => {
            // `<!DOCTYPE html>`, `<?xml version="1.0"?>`
            if !b.get(1)?.is_ascii_alphabetic() {
                return None;
            }
            Some((attributes_end(b, 2)?, TagKind::Inline))
        }
        b'/' => {
            let (name_end, kind) = tag_name(b, 1)?;
            let mut i = name_end;
            while b.get(i).is_some_and(u8::is_ascii_whitespace) {
                i += 1;
            }
            (b.get(i) == Some(&b'>')).then_some((i + 1, kind))
        }
        _ => {
            let (name_end, kind) = tag_name(b, 0)?;
            match *b.get(name_end)? {
                b'>' => Some((name_end + 1, kind)),
                b'/' | b' ' | b'\t' | b'\n' | b'\r' | b'\x0C' => {
                    let end = attributes_end(b, name_end)?;
                    // `<script src="x" />` has no content to drop.
                    let self_closing = end >= 2 && b.get(end - 2) == Some(&b'/');
                    match kind {
                        TagKind::Hidden(_) if self_closing => Some((end, TagKind::Inline)),
                        _ => Some((end, kind)),
                    }
                }
                _ => None,
            }
        }
    }
}

/// The end of the tag name starting at `b[start]`, and what the element becomes.
fn tag_name(b: &[u8], start: usize) -> Option<(usize, TagKind)> {
    if !b.get(start)?.is_ascii_alphabetic() {
        return None;
    }
    let mut end = start;
    while b
        .get(end)
        .is_some_and(|&x| x.is_ascii_alphanumeric() || x == b'-' || x == b':')
    {
        end += 1;
    }
    let name = std::str::from_utf8(b.get(start..end)?)
        .ok()?
        .to_ascii_lowercase();
    let kind = if let Some(i) = hidden_element(&name) {
        TagKind::Hidden(i)
    } else if BLOCK_TAGS.contains(&name.as_str()) {
        TagKind::Block
    } else if INLINE_TAGS.contains(&name.as_str()) || name.contains(['-', ':']) {
        TagKind::Inline
    } else {
        return None;
    };
    Some((end, kind))
}

/// The index just past the `>` that closes a tag whose attributes start at `b[start]`;
/// quoted values may hold `>` and `<`. `None` for a bare `<` before the `>` (so `a <b and
/// c <d>` is not read as one tag) or no `>` within [`MAX_TAG_BYTES`].
fn attributes_end(b: &[u8], start: usize) -> Option<usize> {
    let mut quote = None;
    let mut i = start;
    while i < MAX_TAG_BYTES {
        let x = *b.get(i)?;
        match (quote, x) {
            (Some(q), _) if x == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(x),
            (None, b'>') => return Some(i + 1),
            (None, b'<') => return None,
            (None, _) => {}
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::tests::assert_cases;

    #[test]
    fn tags_go() {
        assert_cases(&[
            ("第一段</p><p>第二段", "第一段\n\n第二段"),
            ("甲<br/>乙<br>丙<BR />丁", "甲\n乙\n丙\n丁"),
            ("<span class=\"x\">重点</span>内容", "重点内容"),
            ("<!DOCTYPE html><html><body>正文</body></html>", "正文"),
            ("<o:p></o:p>内容", "内容"),
            ("<a href=\"x.html?a=1&b=2\" title='>'>链接</a>", "链接"),
        ]);
    }

    #[test]
    fn text_that_looks_like_a_tag_stays() {
        assert_cases(&[
            ("a < b 且 c > d", "a < b 且 c > d"),
            ("我<3你", "我<3你"),
            ("书名<三国演义>", "书名<三国演义>"),
            ("x<y>z", "x<y>z"),
        ]);
    }
}
