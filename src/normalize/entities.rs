//! HTML character references (`&amp;`, `&nbsp;`, `&#12289;`, `&#x3001;`), decoded to the one
//! char they stand for.

/// The length in bytes of the entity at the start of `s` and the char it decodes to, if
/// html-escape decodes it to exactly one char. Text that only looks like an entity (`AT&T;`,
/// `&#0;`, `&bogus;`) is not one. A few named entities decode to two code points; one span
/// cannot hold two chars without overlap, so they are not decoded either.
pub(super) fn entity_at(s: &str) -> Option<(usize, char)> {
    let candidate = s.get(..entity_candidate(s.as_bytes())?)?;
    let decoded = html_escape::decode_html_entities(candidate);
    if decoded == candidate {
        return None;
    }
    let mut chars = decoded.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Some((candidate.len(), c)),
        _ => None,
    }
}

/// The length of `&name;`, `&#123;` or `&#x1F4;` at the start of `b`; bounded like the
/// longest named entity (`&CounterClockwiseContourIntegral;`).
fn entity_candidate(b: &[u8]) -> Option<usize> {
    if b.first() != Some(&b'&') {
        return None;
    }
    let (digits_start, is_digit): (usize, fn(&u8) -> bool) = match b.get(1)? {
        b'#' => match b.get(2)? {
            b'x' | b'X' => (3, u8::is_ascii_hexdigit),
            _ => (2, u8::is_ascii_digit),
        },
        x if x.is_ascii_alphabetic() => (1, u8::is_ascii_alphanumeric),
        _ => return None,
    };
    let mut i = digits_start;
    while i < 40 && b.get(i).is_some_and(is_digit) {
        i += 1;
    }
    (i > digits_start && b.get(i) == Some(&b';')).then_some(i + 1)
}

#[cfg(test)]
mod tests {
    use super::super::tests::assert_cases;

    #[test]
    fn entities_decode_to_one_char() {
        assert_cases(&[
            ("甲&nbsp;乙", "甲\u{A0}乙"),
            ("A&amp;B&lt;C&gt;", "A&B<C>"),
            ("顿号&#12289;&#x3001;", "顿号、、"),
            ("AT&T; &bogus; &#0; & ;", "AT&T; &bogus; &#0; & ;"),
            ("&#99999999999;", "&#99999999999;"),
            ("&#xFF21;", "A"),
        ]);
    }
}
