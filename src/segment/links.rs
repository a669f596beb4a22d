//! URLs and e-mail addresses: found in the text and joined into one token each.

use super::tokens::{Pos, Tok, Tokens};
use crate::report::TokenKind;

/// Join the tokens of each URL and e-mail address into one (jieba cuts `https://a.com/x` at every
/// `:` and `/`). The joined token is of kind `Other`, so links are never keywords; a link whose
/// ends fall inside a token is left as it is.
pub(super) fn join_links(text: &str, toks: &mut Tokens) {
    let links = link_spans(text);
    if links.is_empty() {
        return;
    }
    let mut links = links.into_iter().peekable();
    // In place, as in `numbers::join_numbers`.
    let (mut w, mut i) = (0, 0);
    while i < toks.len() {
        let t = toks.get(i).unwrap_or_default();
        while links.next_if(|&(_, end)| end <= t.byte_start).is_some() {}
        if let Some(&(start, end)) = links.peek() {
            if t.byte_start == start {
                // The tokens up to the one that ends at `end` exactly, if the link's end is a
                // token boundary (looking no further than the link).
                let n = (i..toks.len())
                    .filter_map(|j| toks.get(j))
                    .take_while(|u| u.byte_start < end)
                    .position(|u| u.byte_end == end);
                if let Some(n) = n {
                    toks.set(
                        w,
                        Tok {
                            kind: TokenKind::Other,
                            pos: Pos::X,
                            ..t
                        },
                    );
                    w += 1;
                    i += n + 1;
                    continue;
                }
            }
        }
        toks.set(w, t);
        w += 1;
        i += 1;
    }
    toks.truncate(w);
}

/// Byte ranges of URLs (`http://`, `https://`, `www.`) and e-mail addresses in `text`, in order
/// and not overlapping. Linear: each byte is looked at a bounded number of times.
fn link_spans(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let url_char = |c: u8| c.is_ascii_alphanumeric() || b"-._~:/?#[]@!$&'*+,;=%".contains(&c);
    let local_char = |c: u8| c.is_ascii_alphanumeric() || b"._%+-".contains(&c);
    let domain_char = |c: u8| c.is_ascii_alphanumeric() || c == b'-' || c == b'.';
    // Trailing punctuation belongs to the sentence, not the link.
    let trim = |start: usize, mut end: usize| {
        while end > start && b".,;:!?)]'".contains(&b[end - 1]) {
            end -= 1;
        }
        end
    };
    let mut spans = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let rest = &b[i..];
        let url = rest.starts_with(b"https://")
            || rest.starts_with(b"http://")
            || rest.starts_with(b"www.");
        if url && (i == 0 || !b[i - 1].is_ascii_alphanumeric()) {
            let mut end = i;
            while end < b.len() && url_char(b[end]) {
                end += 1;
            }
            let end = trim(i, end);
            if end > i + 4 {
                spans.push((i, end));
                i = end;
                continue;
            }
        }
        if b[i] == b'@' {
            let floor = spans
                .last()
                .map_or(0, |s: &(usize, usize)| s.1)
                .max(i.saturating_sub(64));
            let mut start = i;
            while start > floor && local_char(b[start - 1]) {
                start -= 1;
            }
            let mut end = i + 1;
            while end < b.len() && domain_char(b[end]) {
                end += 1;
            }
            let end = trim(i + 1, end);
            let domain = &b[i + 1..end];
            if start < i && domain.contains(&b'.') && !domain.starts_with(b".") {
                spans.push((start, end));
                i = end;
                continue;
            }
        }
        i += 1;
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::Segmenter;

    #[test]
    fn urls_and_email_addresses_stay_whole() {
        let seg = Segmenter::new();
        let text = "访问https://example.com/a?b=1或www.example.cn。发邮件到wenxi@example.org，谢谢";
        let toks = seg.tokens(text, true);
        let w: Vec<&str> = toks
            .iter()
            .map(|t| &text[t.byte_start..t.byte_end])
            .collect();
        for link in [
            "https://example.com/a?b=1",
            "www.example.cn",
            "wenxi@example.org",
        ] {
            let t = toks
                .iter()
                .find(|t| &text[t.byte_start..t.byte_end] == link);
            assert!(
                t.is_some_and(|t| t.kind == TokenKind::Other),
                "{link} in {w:?}"
            );
        }
        assert!(w.contains(&"访问") && w.contains(&"谢谢"), "{w:?}");
        assert_eq!(link_spans("a@b 和 @ 和 x@y."), Vec::<(usize, usize)>::new());
        assert_eq!(link_spans("见 http://a.b/c)。"), vec![(4, 16)]);
    }
}
