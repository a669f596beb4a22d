//! A reference word-frequency list, `word<TAB>count` a line, as corpus tools export them
//! (AntConc's word list, a frequency dictionary): what a corpus's keyness can be measured
//! against besides a reference text.

use crate::error::Error;

/// The `(word, count)` pairs of a frequency list, in the list's order. A line is a word, a
/// tab and a whole number (surrounding spaces ignored); blank lines and lines starting with
/// `#` are skipped. Words are returned as written: the caller keys them as the analysis
/// counts words (see `Analyzer::reference_list`), merging repeats.
///
/// ```
/// use wenxi::collection::parse_frequency_list;
/// let list = parse_frequency_list("# words\n发展\t120\n改革\t 80\n").unwrap();
/// assert_eq!(list, [("发展".to_string(), 120), ("改革".to_string(), 80)]);
/// let e = parse_frequency_list("发展 120").unwrap_err();
/// assert_eq!(e.kind(), "invalid_frequency_list");
/// ```
///
/// # Errors
/// [`Error::InvalidFrequencyList`] with the line number (from 1) for a line without a tab, an
/// empty or whitespace-holding word, or a count that is not a whole number below 2⁶³.
pub fn parse_frequency_list(text: &str) -> Result<Vec<(String, u64)>, Error> {
    let mut out = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim_start_matches('\u{feff}').trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let invalid = |why: String| Error::InvalidFrequencyList { line: i + 1, why };
        let Some((word, count)) = line.split_once('\t') else {
            return Err(invalid(format!("{line:?} has no tab")));
        };
        let word = word.trim();
        if word.is_empty() || word.chars().any(char::is_whitespace) {
            return Err(invalid(format!(
                "the word {word:?} is empty or has whitespace"
            )));
        }
        let count = count
            .trim()
            .parse::<u64>()
            .ok()
            .filter(|&c| c <= i64::MAX as u64)
            .ok_or_else(|| {
                invalid(format!(
                    "the count {:?} is not a whole number",
                    count.trim()
                ))
            })?;
        out.push((word.to_string(), count));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn malformed_lines_name_their_line() {
        for (text, line) in [
            ("发展\t1\n改革", 2),
            ("发展\tmany", 1),
            ("\n\n\t3", 3),
            ("发展\t-1", 1),
            ("发 展\t1", 1),
            ("发展\t1.5", 1),
            ("发展\t99999999999999999999", 1),
        ] {
            match parse_frequency_list(text) {
                Err(Error::InvalidFrequencyList { line: l, .. }) => assert_eq!(l, line, "{text:?}"),
                other => panic!("{text:?}: {other:?}"),
            }
        }
        assert_eq!(parse_frequency_list("").unwrap(), []);
        assert_eq!(
            parse_frequency_list("\u{feff}AI\t3\r\n").unwrap(),
            [("AI".to_string(), 3)]
        );
    }
}
