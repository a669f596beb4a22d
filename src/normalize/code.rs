//! Markdown code: inside a fenced code block nothing is rewritten, since there `<div>` and
//! `&amp;` are code being shown, not markup. (A tag right after a backtick is the other case,
//! checked where tags are read.)

/// The fence char (`` ` `` or `~`) if `line` (the bytes from a line's start) opens or closes a
/// fenced code block: CommonMark 0.31, 4.5, up to three spaces then three or more of the char.
pub(super) fn fence_mark(line: &[u8]) -> Option<u8> {
    let indent = line.iter().take(4).take_while(|&&b| b == b' ').count();
    let &mark = line.get(indent)?;
    let fence = indent <= 3
        && matches!(mark, b'`' | b'~')
        && line.get(indent..indent + 3) == Some(&[mark; 3][..]);
    fence.then_some(mark)
}

#[cfg(test)]
mod tests {
    use super::super::tests::assert_cases;

    #[test]
    fn code_is_kept_as_written() {
        assert_cases(&[
            ("用 `<button>` 按钮", "用 `<button>` 按钮"),
            (
                "文字<br>\n```jsx\n<div>&amp;</div>\n```\n<br>",
                "文字\n\n```jsx\n<div>&amp;</div>\n```\n\n",
            ),
            ("   ~~~\n<p>\n```\n~~~\n<p>", "   ~~~\n<p>\n```\n~~~\n\n"),
            ("行内``` <p>不是代码块", "行内``` \n不是代码块"),
        ]);
    }
}
