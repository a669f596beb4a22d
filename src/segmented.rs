//! The segmented text: each input line's words separated by single spaces, one output line per
//! input line. What `wenxi --tokens` prints and the page exports, written here once, so that a
//! gold set in the usual format (one sentence a line, words separated by spaces) can be scored
//! against either.
//!
//! ```
//! use wenxi::{Analyzer, Options};
//!
//! let text = "推动长江经济带发展。\n\n绿色 发展";
//! let lines = Analyzer::new().segmented_text(text, &Options::default()).unwrap();
//! assert_eq!(lines, "推动 长江 经济带 发展 。\n\n绿色 发展\n");
//! ```

/// `text`'s words line by line: for each line of `text` (split at `'\n'`; a last line without
/// one counts too, an empty text has none), the words among `spans` (flattened UTF-16
/// `[start, end)` pairs into `text`, in order, as [`crate::Analyzer::tokenize`] gives them)
/// that start on it, cut at its end, as written, without whitespace, joined by single spaces,
/// then `'\n'`.
pub fn by_line(text: &str, spans: &[u32]) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    let mut out = String::with_capacity(text.len() + text.len() / 2);
    let mut next = spans
        .chunks_exact(2)
        .map(|pair| (pair[0] as usize, pair[1] as usize))
        .peekable();
    let mut line_start = 0usize;
    let newline = u16::from(b'\n');
    let line_ends = units
        .iter()
        .enumerate()
        .filter(|(_, &u)| u == newline)
        .map(|(i, _)| i)
        .chain((units.last() != Some(&newline) && !units.is_empty()).then_some(units.len()));
    for end in line_ends {
        let mut first = true;
        while let Some((start, stop)) = next.next_if(|&(start, _)| start < end) {
            if start < line_start {
                continue;
            }
            let slice = units.get(start..stop.min(end)).unwrap_or(&[]);
            let word: String = String::from_utf16_lossy(slice)
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            if !word.is_empty() {
                if !first {
                    out.push(' ');
                }
                out.push_str(&word);
                first = false;
            }
        }
        out.push('\n');
        line_start = end + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_output_line_per_input_line() {
        // 推动 | 发展 on the first line, nothing on the blank one, 改革 on the last (no '\n').
        let text = "推动发展\n\n改革";
        assert_eq!(by_line(text, &[0, 2, 2, 4, 6, 8]), "推动 发展\n\n改革\n");
        assert_eq!(by_line("", &[]), "");
        assert_eq!(by_line("\n", &[]), "\n");
    }

    #[test]
    fn words_are_cut_at_the_line_end_and_keep_no_whitespace() {
        // A span that runs over the line break is cut there; CR before LF is not a word.
        let text = "ab\r\ncd";
        assert_eq!(by_line(text, &[0, 3, 4, 6]), "ab\ncd\n");
        // Astral characters are two UTF-16 units.
        assert_eq!(by_line("👪𦡦 x", &[0, 2, 2, 4, 5, 6]), "👪 𦡦 x\n");
    }
}
