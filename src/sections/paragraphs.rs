//! Paragraphs: lines separated by blank lines and line breaks, with the lines of hard-wrapped
//! text joined back into their paragraphs.

use super::headings::Head;
use super::lines::Line;
use super::sentences::{is_closer, is_final};
use crate::chars::is_han;

/// A paragraph: lines `first..=last`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Para {
    pub(super) first: usize,
    pub(super) last: usize,
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

pub(super) fn find_paragraphs(lines: &[Line], heads: &[Option<Head>]) -> Vec<Para> {
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

#[cfg(test)]
mod tests {
    use crate::sections::detect;

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
}
