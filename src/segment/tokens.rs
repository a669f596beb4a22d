//! The token store: [`Tok`], the packed [`Tokens`] that hold a text's tokens in 12 bytes each,
//! and [`Pos`], a part-of-speech tag in one byte.

use crate::report::TokenKind;

/// One token of the segmented text, in offsets of the text that was segmented.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    /// Char range `[start, end)`.
    pub start: usize,
    pub end: usize,
    /// Byte range `[byte_start, byte_end)`.
    pub byte_start: usize,
    pub byte_end: usize,
    pub kind: TokenKind,
    /// jieba's part-of-speech tag.
    pub pos: Pos,
}

impl Default for Tok {
    /// An empty token at the start of the text.
    fn default() -> Tok {
        Tok {
            start: 0,
            end: 0,
            byte_start: 0,
            byte_end: 0,
            kind: TokenKind::Other,
            pos: Pos::default(),
        }
    }
}

/// A token as stored: where it starts. It ends where the next one starts (tokens tile the
/// text), so a long text's millions of tokens take 12 bytes each, not 20.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Packed {
    start: u32,
    byte_start: u32,
    kind: TokenKind,
    pos: Pos,
}

impl Packed {
    fn of(t: &Tok) -> Packed {
        Packed {
            start: t.start as u32,
            byte_start: t.byte_start as u32,
            kind: t.kind,
            pos: t.pos,
        }
    }
}

/// The tokens of a text, in order, covering it entirely; read them as [`Tok`]s.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tokens {
    packed: Vec<Packed>,
    /// Where the last token ends (chars, bytes).
    pub(super) end: usize,
    pub(super) byte_end: usize,
}

impl Tokens {
    pub(super) fn with_capacity(n: usize) -> Tokens {
        Tokens {
            packed: Vec::with_capacity(n),
            ..Tokens::default()
        }
    }

    /// How many tokens there are.
    pub fn len(&self) -> usize {
        self.packed.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.packed.is_empty()
    }

    /// Token `i`.
    pub fn get(&self, i: usize) -> Option<Tok> {
        let p = self.packed.get(i)?;
        let (end, byte_end) = self
            .packed
            .get(i + 1)
            .map_or((self.end, self.byte_end), |n| {
                (n.start as usize, n.byte_start as usize)
            });
        Some(Tok {
            start: p.start as usize,
            end,
            byte_start: p.byte_start as usize,
            byte_end,
            kind: p.kind,
            pos: p.pos,
        })
    }

    /// The kind of token `i` (without working out where it ends).
    pub(super) fn kind(&self, i: usize) -> Option<TokenKind> {
        self.packed.get(i).map(|p| p.kind)
    }

    /// Every token, in order (an exact-size iterator, so a collection of them is sized once).
    pub fn iter(&self) -> impl ExactSizeIterator<Item = Tok> + '_ {
        (0..self.len()).map(|i| self.get(i).unwrap_or_default())
    }

    /// Append `t`, which starts where the last token ends.
    pub(super) fn push(&mut self, t: Tok) {
        self.packed.push(Packed::of(&t));
        self.end = t.end;
        self.byte_end = t.byte_end;
    }

    /// Extend the last token to `end` / `byte_end`.
    pub(super) fn extend_last(&mut self, end: usize, byte_end: usize) {
        self.end = end;
        self.byte_end = byte_end;
    }

    /// Rewrite in place: token `w` becomes `t`, which must end where token `w + 1` will
    /// start (the passes only ever join neighbours or cut one in two).
    pub(super) fn set(&mut self, w: usize, t: Tok) {
        if let Some(p) = self.packed.get_mut(w) {
            *p = Packed::of(&t);
        }
    }

    /// Keep the first `n` tokens; the last of them now ends where the text does.
    pub(super) fn truncate(&mut self, n: usize) {
        self.packed.truncate(n);
    }

    pub(super) fn reserve_exact(&mut self, n: usize) {
        self.packed.reserve_exact(n);
    }

    /// Append `other`, the tokens of a text that follows this one's: its offsets move on by
    /// where this one's text ends (chars, bytes).
    pub(crate) fn append(&mut self, other: &Tokens) {
        let (chars, bytes) = (self.end as u32, self.byte_end as u32);
        self.packed.extend(other.packed.iter().map(|p| Packed {
            start: p.start + chars,
            byte_start: p.byte_start + bytes,
            ..*p
        }));
        self.end += other.end;
        self.byte_end += other.byte_end;
    }

    /// The tokens as bytes for another worker, [`PACKED_BYTES`] each: where each starts (chars,
    /// bytes; little-endian `u32`s), its kind and its tag. [`Tokens::read`] takes them back.
    pub(crate) fn write(&self, out: &mut Vec<u8>) {
        out.reserve(self.packed.len() * PACKED_BYTES);
        for p in &self.packed {
            out.extend_from_slice(&p.start.to_le_bytes());
            out.extend_from_slice(&p.byte_start.to_le_bytes());
            out.push(kind_index(p.kind));
            out.push(p.pos.0);
        }
    }

    /// The tokens [`Tokens::write`] wrote for `text`, or `None` unless they are tokens of
    /// `text`: each starting on a char boundary, where the one before ends, with its char and
    /// byte offsets agreeing, the first at 0 and the last ending at the text's end, every kind
    /// and tag a real one. Bytes from elsewhere are never trusted to slice a text with.
    pub(crate) fn read(bytes: &[u8], text: &str) -> Option<Tokens> {
        if !bytes.len().is_multiple_of(PACKED_BYTES) || (bytes.is_empty() != text.is_empty()) {
            return None;
        }
        let mut packed = Vec::with_capacity(bytes.len() / PACKED_BYTES);
        let (mut chars, mut at) = (0usize, 0usize);
        for record in bytes.chunks_exact(PACKED_BYTES) {
            let start = u32::from_le_bytes(record[0..4].try_into().ok()?);
            let byte_start = u32::from_le_bytes(record[4..8].try_into().ok()?);
            let kind = *KINDS.get(usize::from(record[8]))?;
            let pos = Pos(record[9]);
            if usize::from(pos.0) >= POS_TAGS.len() {
                return None;
            }
            let to = byte_start as usize;
            chars += text.get(at..to)?.chars().count();
            if start as usize != chars || (packed.is_empty() && to != 0) {
                return None;
            }
            at = to;
            packed.push(Packed {
                start,
                byte_start,
                kind,
                pos,
            });
        }
        let end = chars + text.get(at..)?.chars().count();
        Some(Tokens {
            packed,
            end,
            byte_end: text.len(),
        })
    }
}

/// The bytes of one token as [`Tokens::write`] writes it.
pub(crate) const PACKED_BYTES: usize = 10;

/// Every [`TokenKind`], in the order [`Tokens::write`] numbers them.
const KINDS: [TokenKind; 6] = [
    TokenKind::Han,
    TokenKind::Latin,
    TokenKind::Number,
    TokenKind::Punctuation,
    TokenKind::Whitespace,
    TokenKind::Other,
];

fn kind_index(kind: TokenKind) -> u8 {
    KINDS
        .iter()
        .position(|&k| k == kind)
        .unwrap_or(KINDS.len() - 1) as u8
}

/// Every part-of-speech tag jieba gives: its dictionary's, its POS HMM's, `eng` and `m` for
/// Latin and digits, and `""` for a word added without one.
const POS_TAGS: [&str; 66] = [
    "", "a", "ad", "ag", "an", "b", "bg", "c", "d", "df", "dg", "e", "en", "eng", "f", "g", "h",
    "i", "in", "j", "jn", "k", "l", "ln", "m", "mg", "mq", "n", "ng", "nr", "nrfg", "nrt", "ns",
    "nt", "nz", "o", "p", "q", "qe", "qg", "r", "rg", "rr", "rz", "s", "t", "tg", "u", "ud", "ug",
    "uj", "ul", "uv", "uz", "v", "vd", "vg", "vi", "vn", "vq", "w", "x", "y", "yg", "z", "zg",
];

/// A part-of-speech tag as one byte (an index into `POS_TAGS`): a long text has millions
/// of tokens, and a `&str` per token would be most of their size.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Pos(u8);

impl Pos {
    /// Numerals (`m`).
    pub const M: Pos = Pos::named("m");
    /// Measure words (`q`).
    pub const Q: Pos = Pos::named("q");
    /// Pronouns (`r`).
    pub const R: Pos = Pos::named("r");
    /// Nouns (`n`).
    pub const N: Pos = Pos::named("n");
    /// Other proper nouns (`nz`).
    pub const NZ: Pos = Pos::named("nz");
    /// Non-words: punctuation, spaces, symbols (`x`).
    pub const X: Pos = Pos::named("x");

    /// The tag `tag` names, found at compile time (a name not in the list fails the build):
    /// the tags the segmenter gives every punctuation mark and number cost no search.
    const fn named(tag: &str) -> Pos {
        let mut i = 0;
        while i < POS_TAGS.len() {
            let (a, b) = (POS_TAGS[i].as_bytes(), tag.as_bytes());
            if a.len() == b.len() {
                let mut j = 0;
                while j < a.len() && a[j] == b[j] {
                    j += 1;
                }
                if j == a.len() {
                    return Pos(i as u8);
                }
            }
            i += 1;
        }
        panic!("not a POS tag")
    }

    /// The tag `tag` names; an unknown tag reads as `x`.
    pub fn of(tag: &str) -> Pos {
        let i = POS_TAGS
            .binary_search(&tag)
            .or_else(|_| POS_TAGS.binary_search(&"x"))
            .unwrap_or(0);
        Pos(i as u8)
    }

    /// The tag as jieba writes it.
    pub fn as_str(self) -> &'static str {
        POS_TAGS.get(usize::from(self.0)).copied().unwrap_or("x")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pos_tags_round_trip_through_one_byte() {
        assert!(
            POS_TAGS.windows(2).all(|w| w[0] < w[1]),
            "sorted for binary search"
        );
        for tag in POS_TAGS {
            assert_eq!(Pos::of(tag).as_str(), tag);
        }
        assert_eq!(Pos::of("not-a-tag").as_str(), "x");
    }
}
