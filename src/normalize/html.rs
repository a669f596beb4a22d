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
/// blocks ("The p element", "Grouping content", "Sections", "Tabular data"), plus `br`, and
/// the obsolete preformatted blocks `listing`, `plaintext` and `xmp`. Table cells and the
/// options of a list count as blocks so that neighbouring ones do not run into one word.
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
    "listing",
    "main",
    "menu",
    "nav",
    "ol",
    "optgroup",
    "option",
    "p",
    "plaintext",
    "pre",
    "search",
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
    "xmp",
];

/// Elements that vanish: phrasing content, embedded content, form controls and document
/// scaffolding, with the obsolete ones old pages still carry (HTML Living Standard, "Obsolete
/// features"). (Those whose content vanishes too are listed in `hidden`.)
const INLINE_TAGS: &[&str] = &[
    "a", "abbr", "acronym", "applet", "area", "audio", "b", "base", "basefont", "bdi", "bdo",
    "bgsound", "big", "blink", "body", "button", "canvas", "cite", "code", "col", "colgroup",
    "data", "datalist", "del", "dfn", "em", "embed", "font", "frame", "frameset", "head", "html",
    "i", "iframe", "image", "img", "input", "ins", "isindex", "kbd", "keygen", "label", "link",
    "map", "mark", "marquee", "math", "menuitem", "meta", "meter", "multicol", "nextid", "nobr",
    "noembed", "noframes", "object", "output", "param", "picture", "progress", "q", "rb", "rp",
    "rt", "rtc", "ruby", "s", "samp", "select", "slot", "small", "source", "spacer", "span",
    "strike", "strong", "sub", "sup", "textarea", "time", "track", "tt", "u", "var", "video",
    "wbr",
];

/// Longest tag we look for; longer `<…>` stay text. Bounds the look-ahead at each `<`. Real
/// pages carry share links whose URL-encoded titles make a tag 3 KB long.
const MAX_TAG_BYTES: usize = 4096;

/// Which element names make a tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Names {
    /// An HTML element we know, or a name with a `-` (custom element) or `:` (`<o:p>` from
    /// Word): in pasted text `x<y>z` is not markup.
    Known,
    /// Any name of ASCII letters and digits: in a whole page's source, text that is not
    /// markup writes its `<` as `&lt;`, so `<txpdiv>` or `<h7>` is a tag there, if no
    /// standard's.
    Any,
}

/// The names to read tags with in `src`: [`Names::Any`] if it is a whole HTML page, which
/// opens with `<!DOCTYPE html`, `<html` or `<?xml`, after spaces, a byte order mark and
/// comments (a browser's "Save as" writes `<!-- saved from url=… -->` first).
pub(super) fn names_for(src: &str) -> Names {
    let mut start = src;
    loop {
        start = start.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
        match start.strip_prefix("<!--").and_then(|c| c.split_once("-->")) {
            Some((_, after)) => start = after,
            None => break,
        }
    }
    let head = start.as_bytes().get(..14).unwrap_or(start.as_bytes());
    let opens = |prefix: &[u8]| {
        head.get(..prefix.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(prefix))
    };
    if opens(b"<!doctype html") || opens(b"<html") || opens(b"<?xml") {
        Names::Any
    } else {
        Names::Known
    }
}

/// The length and kind of the tag at the start of `b` (which starts with `<`), if it is a
/// real tag: `<name …>`, `</name>`, `<!DOCTYPE …>` or `<?xml …?>`, where `name` is one that
/// `names` accepts. So `a < b`, `<3` and `<三国演义>` are never tags.
pub(super) fn parse_tag(b: &[u8], names: Names) -> Option<(usize, TagKind)> {
    if b.first() != Some(&b'<') {
        return None;
    }
    let (len, kind) = parse_tag_after_lt(b.get(1..)?, names)?;
    Some((len + 1, kind))
}

/// [`parse_tag`] for the bytes after `<`.
pub(super) fn parse_tag_after_lt(b: &[u8], names: Names) -> Option<(usize, TagKind)> {
    match *b.first()? {
        b'!' | b'?' => {
            // `<!DOCTYPE html>`, `<?xml version="1.0"?>`
            if !b.get(1)?.is_ascii_alphabetic() {
                return None;
            }
            Some((attributes_end(b, 2)?, TagKind::Inline))
        }
        b'/' => {
            let (name_end, kind) = tag_name(b, 1, names)?;
            let mut i = name_end;
            while b.get(i).is_some_and(u8::is_ascii_whitespace) {
                i += 1;
            }
            (b.get(i) == Some(&b'>')).then_some((i + 1, kind))
        }
        _ => {
            let (name_end, kind) = tag_name(b, 0, names)?;
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
fn tag_name(b: &[u8], start: usize, names: Names) -> Option<(usize, TagKind)> {
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
    } else if INLINE_TAGS.contains(&name.as_str())
        || name.contains(['-', ':'])
        || names == Names::Any
    {
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
            (
                "<select><option>北京</option><option>上海</option></select>",
                "\n北京\n\n上海\n",
            ),
            ("<map><area alt=\"举报\" href=\"x\"></map>正文", "正文"),
        ]);
    }

    #[test]
    fn a_whole_page_makes_every_tag_shaped_name_a_tag() {
        assert_cases(&[
            (
                "<!DOCTYPE html><p>甲<txpdiv class=\"x\">乙</txpdiv><h7>丙</h7></p>",
                "\n甲乙丙\n",
            ),
            (
                "\u{FEFF}\n <HTML><fjtignoreurl>中国</fjtignoreurl>",
                "\n 中国",
            ),
            (
                "<!-- saved from url=(0014)about:internet -->\n<!DOCTYPE html><h7>标题</h7>",
                "\n标题",
            ),
            // Not a whole page: unknown names stay text.
            ("甲<txpdiv>乙</txpdiv>", "甲<txpdiv>乙</txpdiv>"),
            ("x<y>z <html>", "x<y>z "),
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
