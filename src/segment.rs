//! Stage 3: segmentation. The one module that names `jieba_rs`: words, their part-of-speech
//! tags, what kind of token each is, and the dictionary's reference frequencies. (jieba's IDF
//! table is read by `idf`, without jieba-rs.)

use jieba_rs::Jieba;
use rustc_hash::FxHashMap;

use crate::chars::{is_han, is_punctuation};
use crate::lexicon;
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
    end: usize,
    byte_end: usize,
}

impl Tokens {
    fn with_capacity(n: usize) -> Tokens {
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
    fn kind(&self, i: usize) -> Option<TokenKind> {
        self.packed.get(i).map(|p| p.kind)
    }

    /// Every token, in order.
    pub fn iter(&self) -> impl Iterator<Item = Tok> + '_ {
        (0..self.len()).filter_map(|i| self.get(i))
    }

    /// Append `t`, which starts where the last token ends.
    fn push(&mut self, t: Tok) {
        self.packed.push(Packed::of(&t));
        self.end = t.end;
        self.byte_end = t.byte_end;
    }

    /// Extend the last token to `end` / `byte_end`.
    fn extend_last(&mut self, end: usize, byte_end: usize) {
        self.end = end;
        self.byte_end = byte_end;
    }

    /// Rewrite in place: token `w` becomes `t`, which must end where token `w + 1` will
    /// start (the passes below only ever join neighbours or cut one in two).
    fn set(&mut self, w: usize, t: Tok) {
        if let Some(p) = self.packed.get_mut(w) {
            *p = Packed::of(&t);
        }
    }

    /// Keep the first `n` tokens; the last of them now ends where the text does.
    fn truncate(&mut self, n: usize) {
        self.packed.truncate(n);
    }

    fn reserve_exact(&mut self, n: usize) {
        self.packed.reserve_exact(n);
    }
}

/// Every part-of-speech tag jieba gives: its dictionary's, its POS HMM's, `eng` and `m` for
/// Latin and digits, and `""` for a word added without one.
const POS_TAGS: [&str; 66] = [
    "", "a", "ad", "ag", "an", "b", "bg", "c", "d", "df", "dg", "e", "en", "eng", "f", "g", "h",
    "i", "in", "j", "jn", "k", "l", "ln", "m", "mg", "mq", "n", "ng", "nr", "nrfg", "nrt", "ns",
    "nt", "nz", "o", "p", "q", "qe", "qg", "r", "rg", "rr", "rz", "s", "t", "tg", "u", "ud", "ug",
    "uj", "ul", "uv", "uz", "v", "vd", "vg", "vi", "vn", "vq", "w", "x", "y", "yg", "z", "zg",
];

/// A part-of-speech tag as one byte (an index into [`POS_TAGS`]): a long text has millions
/// of tokens, and a `&str` per token would be most of their size.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Pos(u8);

impl Pos {
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

/// jieba's dictionary and HMM, built once.
pub struct Segmenter {
    jieba: Jieba,
    /// The dictionary's tag of each single-char numeral, demonstrative and measure word, for
    /// the halves `measure_split` cuts: a word keeps one tag wherever it stands, so a tag-based
    /// filter (numbers are not keywords) counts every occurrence of it or none (jieba tags a
    /// lone 种 `m`; tagging the 种 of 这种 `q` once made 种 count half its occurrences).
    split_tags: FxHashMap<char, Pos>,
}

/// Signs that belong to the number before them: `3‰` is one token, like jieba's own `3.14%`.
/// Dates stay as jieba cuts them (`2023` / `年` / `2` / `月`), the convention of the gold
/// segmentations we measure against: joining them cost 0.036 F1 on UD GSD
/// (`node scripts/eval-segmentation.mjs`).
const NUMBER_UNITS: &[&str] = &["%", "‰"];

impl Segmenter {
    /// Build jieba's dictionary (about 350k words) from the embedded lexicon. This is the slow
    /// part of starting up; do it once.
    pub fn new() -> Segmenter {
        let dict = lexicon::dictionary_text();
        // The embedded lexicon's frequencies are all integers (the lexicon's tests read every
        // line); should that ever break, segmenting with an empty dictionary (single
        // characters and the HMM) beats a panic that kills the wasm module.
        let jieba = Jieba::with_dict(&mut dict.as_bytes()).unwrap_or_else(|_| Jieba::empty());
        let mut segmenter = Segmenter {
            jieba,
            split_tags: FxHashMap::default(),
        };
        let mut buf = [0u8; 4];
        for c in QUANTIFIERS.chars().chain(MEASURE_WORDS.chars()) {
            if let Some(pos) = segmenter.lone_tag(c.encode_utf8(&mut buf)) {
                segmenter.split_tags.insert(c, pos);
            }
        }
        segmenter
    }

    /// Add a word to the dictionary so that segmentation keeps it whole, with the frequency
    /// jieba suggests for that (which also restores a removed word). Returns whether it was
    /// new to the dictionary.
    pub fn add_word(&mut self, word: &str) -> bool {
        let new = !self.jieba.has_word(word);
        self.jieba.add_word(word, None, None);
        new
    }

    /// Take a word out of the dictionary, so segmentation splits it (jieba's `del_word`: a
    /// frequency of 0 makes every route through it impossible). The HMM may still join its
    /// characters when they are single-character runs unknown to the dictionary.
    pub fn remove_word(&mut self, word: &str) -> bool {
        if !self.jieba.has_word(word) {
            return false;
        }
        self.jieba.add_word(word, Some(0), None);
        true
    }

    /// Segment `text` into tokens covering it entirely, in order.
    pub fn tokens<'a>(&'a self, text: &'a str, hmm: bool) -> Tokens {
        self.tokens_with_progress(text, hmm, &mut |_| {})
    }

    /// [`Segmenter::tokens`], reporting the bytes of `text` segmented so far after each chunk
    /// of about [`CHUNK_BYTES`], so a page can show progress on a long text. Chunks end after a
    /// line break or a `。`, characters at which jieba starts a new block anyway, so the tokens
    /// are the same as in one call.
    pub fn tokens_with_progress<'a>(
        &'a self,
        text: &'a str,
        hmm: bool,
        progress: &mut dyn FnMut(usize),
    ) -> Tokens {
        // The token vector is the largest buffer of a long text's analysis, and letting it
        // grow would double it at its peak. So it is sized once: the first chunk gets room
        // for a token per char (never fewer chars than tokens: a measure-word split makes two
        // tokens of two chars), then the whole text at that chunk's density plus a margin.
        let mut out = Tokens::with_capacity(0);
        let (mut byte_base, mut char_base) = (0usize, 0usize);
        for chunk in chunks(text, CHUNK_BYTES) {
            if byte_base == 0 {
                out.reserve_exact(chunk.chars().count());
            }
            self.push_tokens(chunk, byte_base, char_base, hmm, &mut out);
            if byte_base == 0 && chunk.len() < text.len() {
                let per_byte = out.len() as f64 / chunk.len().max(1) as f64;
                let estimate = (per_byte * text.len() as f64 * 1.1) as usize + 1024;
                out.reserve_exact(estimate.saturating_sub(out.len()));
            }
            byte_base += chunk.len();
            char_base = if out.is_empty() { char_base } else { out.end };
            progress(byte_base);
        }
        join_numbers(text, &mut out, &|w| self.lone_tag(w));
        join_links(text, &mut out);
        out
    }

    /// Segment `chunk`, which starts at `byte_base` / `char_base` in the whole text, onto `out`.
    fn push_tokens<'a>(
        &'a self,
        chunk: &'a str,
        byte_base: usize,
        char_base: usize,
        hmm: bool,
        out: &mut Tokens,
    ) {
        let mut tags: rustc_hash::FxHashMap<(usize, usize), Pos> = Default::default();
        for t in self.jieba.tag(chunk, hmm) {
            let t = jieba_rs::Tag {
                start: t.start + char_base,
                end: t.end + char_base,
                byte_start: t.byte_start + byte_base,
                byte_end: t.byte_end + byte_base,
                ..t
            };
            let kind = classify(t.word);
            // `3` `‰` → `3‰`.
            if out.kind(out.len().wrapping_sub(1)) == Some(TokenKind::Number)
                && out.byte_end == t.byte_start
                && NUMBER_UNITS.contains(&t.word)
            {
                out.extend_last(t.end, t.byte_end);
                continue;
            }
            let pos = match kind {
                TokenKind::Number => Pos::of("m"),
                TokenKind::Punctuation | TokenKind::Whitespace | TokenKind::Other => Pos::of("x"),
                // jieba's tags are interned: one lookup per distinct tag, by address.
                _ => *tags
                    .entry((t.tag.as_ptr() as usize, t.tag.len()))
                    .or_insert_with(|| Pos::of(t.tag)),
            };
            if let Some((head, head_pos, measure)) =
                measure_split(t.word).filter(|_| kind == TokenKind::Han)
            {
                let mut head_chars = t.word[..head].chars();
                let head_pos = match (head_chars.next(), head_chars.next()) {
                    (Some(c), None) => self.split_tags.get(&c).copied().unwrap_or(head_pos),
                    _ => head_pos,
                };
                let measure_pos = self.split_tags.get(&measure).copied();
                // `一个` → `一` `个` (the measure word is one char).
                out.push(Tok {
                    start: t.start,
                    end: t.end - 1,
                    byte_start: t.byte_start,
                    byte_end: t.byte_start + head,
                    kind,
                    pos: head_pos,
                });
                out.push(Tok {
                    start: t.end - 1,
                    end: t.end,
                    byte_start: t.byte_start + head,
                    byte_end: t.byte_end,
                    kind,
                    pos: measure_pos.unwrap_or_else(|| Pos::of("q")),
                });
                continue;
            }
            out.push(Tok {
                start: t.start,
                end: t.end,
                byte_start: t.byte_start,
                byte_end: t.byte_end,
                kind,
                pos,
            });
        }
    }

    /// jieba's tag for `word` when its dictionary has it as one word, else `None`.
    fn lone_tag(&self, word: &str) -> Option<Pos> {
        if !self.jieba.has_word(word) {
            return None;
        }
        match self.jieba.tag(word, false).as_slice() {
            [t] => Some(Pos::of(t.tag)),
            _ => None,
        }
    }
}

impl Default for Segmenter {
    fn default() -> Self {
        Segmenter::new()
    }
}

/// The sum of the frequencies in jieba's dictionary (jieba-rs 0.11's `dict.txt`, 349,045
/// words), the size of the reference corpus that [`crate::idf::Idf::frequency`] counts in.
pub const REFERENCE_TOTAL: u64 = 60_101_964;

/// Segmentation works through long texts in chunks of about this many bytes (see
/// [`Segmenter::tokens_with_progress`]).
pub const CHUNK_BYTES: usize = 256 * 1024;

/// Join the tokens of each URL and e-mail address into one (jieba cuts `https://a.com/x` at every
/// `:` and `/`). The joined token is of kind `Other`, so links are never keywords; a link whose
/// ends fall inside a token is left as it is.
fn join_links(text: &str, toks: &mut Tokens) {
    let links = link_spans(text);
    if links.is_empty() {
        return;
    }
    let mut links = links.into_iter().peekable();
    // In place, as in `join_numbers`.
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
                            pos: Pos::of("x"),
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

/// Join what jieba cuts inside one written number or name: digit groups (`16` `,` `250` → `16,250`),
/// a number and its 万/亿 (`8000` `万` → `8000万`), and an ordinal (`第` `6` → `第6`). Each is
/// one quantity to a reader and one word in the gold segmentations (UD, PKU, CTB); jieba's
/// own words for them (`第一`, `三万`) are whole already. Dates stay cut (see
/// [`NUMBER_UNITS`]). Also a product name with its model number (`iPhone 15`), one name to a
/// reader and one keyword.
///
/// `lone_tag` tells whether a string is one dictionary word (and its tag): jieba has words
/// like 万美元 and 亿元, which are cut after their 万/亿 so the number takes it (8000万 美元).
fn join_numbers(text: &str, toks: &mut Tokens, lone_tag: &dyn Fn(&str) -> Option<Pos>) {
    let word = |t: &Tok| text.get(t.byte_start..t.byte_end).unwrap_or("");
    let digits = |t: &Tok, len: std::ops::RangeInclusive<usize>| {
        let w = word(t);
        len.contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit())
    };
    // In place: `w` tokens written, `i` read; a step reads before it writes and never writes
    // more tokens than it read, so `w <= i` throughout and no second vector is needed.
    let (mut w, mut i) = (0, 0);
    while i < toks.len() {
        let mut t = toks.get(i).unwrap_or_default();
        i += 1;
        if let Some(n) = toks
            .get(i)
            .filter(|n| word(&t) == "第" && n.kind == TokenKind::Number)
        {
            t = joined(&t, &n, text, "m");
            i += 1;
        }
        if digits(&t, 1..=3) {
            // `1,234,567`: a comma, then exactly three digits, as often as it repeats.
            while let (Some(comma), Some(group)) = (toks.get(i), toks.get(i + 1)) {
                if word(&comma) != ","
                    || !digits(&group, 3..=3)
                    || group.byte_start != comma.byte_end
                {
                    break;
                }
                t = joined(&t, &group, text, "m");
                i += 2;
            }
        }
        let mut rest = None;
        if let Some(next) = toks.get(i).filter(|n| {
            t.kind == TokenKind::Number && n.byte_start == t.byte_end && n.kind == TokenKind::Han
        }) {
            let w = word(&next);
            let unit = ["万亿", "万", "亿"].into_iter().find(|u| w.starts_with(u));
            if let Some(unit) = unit {
                let tail = &w[unit.len()..];
                let tail_tag = if tail.is_empty() {
                    None
                } else {
                    lone_tag(tail)
                };
                if tail.is_empty() || tail_tag.is_some() {
                    let cut = next.byte_start + unit.len();
                    let unit_chars = unit.chars().count();
                    let head = Tok {
                        end: next.start + unit_chars,
                        byte_end: cut,
                        ..next
                    };
                    t = joined(&t, &head, text, "m");
                    rest = tail_tag.map(|pos| Tok {
                        start: next.start + unit_chars,
                        byte_start: cut,
                        pos,
                        ..next
                    });
                    i += 1;
                }
            }
        }
        if let Some(rest) = rest {
            toks.set(w, t);
            toks.set(w + 1, rest);
            w += 2;
            continue;
        }
        // A product and its model number, `iPhone 15`, `Windows 11`: a Latin word, one space,
        // one to three digits — unless the word is itself inside an English phrase
        // (`bought 3`), which a preceding Latin word and space show.
        let in_phrase = w >= 2
            && toks.kind(w - 1) == Some(TokenKind::Whitespace)
            && toks.kind(w - 2) == Some(TokenKind::Latin);
        if t.kind == TokenKind::Latin && !in_phrase {
            if let (Some(space), Some(model)) = (toks.get(i), toks.get(i + 1)) {
                if word(&space) == " "
                    && digits(&model, 1..=3)
                    && model.byte_start == space.byte_end
                {
                    t = joined(&t, &model, text, "eng");
                    i += 2;
                }
            }
        }
        toks.set(w, t);
        w += 1;
    }
    toks.truncate(w);
}

/// `a` extended to the end of `b`, tagged `pos`, its kind read again from its characters.
fn joined(a: &Tok, b: &Tok, text: &str, pos: &str) -> Tok {
    Tok {
        start: a.start,
        end: b.end,
        byte_start: a.byte_start,
        byte_end: b.byte_end,
        kind: classify(text.get(a.byte_start..b.byte_end).unwrap_or("")),
        pos: Pos::of(pos),
    }
}

/// Numerals and demonstratives that take a measure word after them.
const QUANTIFIERS: &str = "一二三四五六七八九十两几这那哪某每数多";
/// Measure words that are cut from the numeral before them. Not 样/般/定/直/起/点/时/道/
/// 头/口/手/分, which after 一 make words of their own (一样, 一般, 一定, 十分…).
const MEASURE_WORDS: &str =
    "个种座部条支所层名次位件只本家张台辆架艘批项份首篇句段届场节集册卷幅枚封杯届门队轮股岁年";

/// Cut a numeral or demonstrative from its measure word (`一个` → `一` `个`, `这种` → `这`
/// `种`, `第一个` → `第一` `个`). jieba's dictionary lists hundreds of such pairs as words;
/// the gold segmentations (UD, PKU, CTB) cut them, and a reader counts 个 as a separate
/// word. Keywords lose nothing: neither half is a content word.
///
/// Returns the byte length of the numeral, a tag for it (the caller prefers the dictionary's)
/// and the measure word, when `word` is such a pair.
fn measure_split(word: &str) -> Option<(usize, Pos, char)> {
    let mut chars = word.chars();
    let last = chars.next_back()?;
    let first = chars.clone().next()?;
    let head = chars.as_str();
    let numeral = match head.chars().count() {
        1 => QUANTIFIERS.contains(first),
        // 第一, 三十, 第十二: an ordinal or a number written in Han numerals.
        2..=3 => head
            .chars()
            .enumerate()
            .all(|(i, c)| (i == 0 && c == '第') || "一二三四五六七八九十百千两".contains(c)),
        _ => false,
    };
    if !numeral || !MEASURE_WORDS.contains(last) {
        return None;
    }
    let pos = if "这那哪某".contains(first) {
        "r"
    } else {
        "m"
    };
    Some((head.len(), Pos::of(pos), last))
}

/// `text` cut into pieces of at least `size` bytes (the last may be shorter), each ending just
/// after a `\n` or `。` where there is one; a text with neither is one piece.
fn chunks(text: &str, size: usize) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let from = size.min(rest.len());
        let cut = rest
            .get(from..)
            .or_else(|| {
                // `from` is inside a character: move to its end.
                (from..rest.len())
                    .find(|&i| rest.is_char_boundary(i))
                    .and_then(|i| rest.get(i..))
            })
            .and_then(|tail| tail.find(['\n', '。']).map(|i| rest.len() - tail.len() + i))
            .map_or(rest.len(), |i| {
                i + if rest[i..].starts_with('\n') {
                    1
                } else {
                    '。'.len_utf8()
                }
            });
        let (piece, tail) = rest.split_at(cut);
        rest = tail;
        Some(piece)
    })
}

/// A noun pair is joined into one term when it occurs at least this often…
const COMPOUND_MIN_COUNT: u32 = 3;
/// …and accounts for at least this share of the rarer part's occurrences.
const COMPOUND_MIN_SHARE: f64 = 0.8;

/// Join noun pairs that the text uses as one term. jieba's dictionary lacks most policy and
/// domain terms (长江经济带 comes out as 长江 / 经济带), and a reader of a report on it expects
/// the term, not its halves. A pair is joined where both parts are Han nouns of two or more
/// chars, they stand side by side with nothing between, the pair occurs at least
/// [`COMPOUND_MIN_COUNT`] times, and at least [`COMPOUND_MIN_SHARE`] of the rarer part's
/// occurrences are in the pair (so 长江 alone elsewhere does not stop 长江经济带, but a noun
/// that mostly stands free is not glued to its neighbour). One pass, so terms have two parts.
/// The joined token takes the second part's tag (the head noun in Chinese).
pub fn join_compounds(text: &str, toks: Tokens) -> Tokens {
    let noun = |t: &Tok| {
        t.kind == TokenKind::Han && t.pos.as_str().starts_with('n') && t.end - t.start >= 2
    };
    let word = |t: &Tok| text.get(t.byte_start..t.byte_end).unwrap_or("");
    let mut singles: rustc_hash::FxHashMap<&str, u32> = Default::default();
    let mut pairs: rustc_hash::FxHashMap<(&str, &str), u32> = Default::default();
    let mut previous: Option<Tok> = None;
    for t in toks.iter() {
        if noun(&t) {
            *singles.entry(word(&t)).or_insert(0) += 1;
            if let Some(p) = previous.filter(|p| noun(p) && p.byte_end == t.byte_start) {
                *pairs.entry((word(&p), word(&t))).or_insert(0) += 1;
            }
        }
        previous = Some(t);
    }
    let joins = |a: &Tok, b: &Tok| -> bool {
        if !(noun(a) && noun(b) && a.byte_end == b.byte_start) {
            return false;
        }
        let (wa, wb) = (word(a), word(b));
        let together = pairs.get(&(wa, wb)).copied().unwrap_or(0);
        let rarer = singles
            .get(wa)
            .copied()
            .unwrap_or(0)
            .min(singles.get(wb).copied().unwrap_or(0));
        together >= COMPOUND_MIN_COUNT
            && f64::from(together) >= COMPOUND_MIN_SHARE * f64::from(rarer)
    };
    // In place, as in `join_numbers`.
    let mut toks = toks;
    let (mut w, mut i) = (0, 0);
    while i < toks.len() {
        let t = toks.get(i).unwrap_or_default();
        match toks.get(i + 1) {
            Some(next) if joins(&t, &next) => {
                toks.set(w, Tok { pos: next.pos, ..t });
                i += 2;
            }
            _ => {
                toks.set(w, t);
                i += 1;
            }
        }
        w += 1;
    }
    toks.truncate(w);
    toks
}

/// What kind of token `word` is, by its characters.
pub fn classify(word: &str) -> TokenKind {
    let mut han = false;
    let mut letter = false;
    let mut digit = false;
    let mut space = true;
    let mut punct = true;
    let mut other = false;
    for c in word.chars() {
        space &= c.is_whitespace();
        punct &= is_punctuation(c);
        if is_han(c) {
            han = true;
        } else if c.is_ascii_alphabetic() || matches!(c, '\u{00C0}'..='\u{024F}') {
            letter = true;
        } else if c.is_ascii_digit() {
            digit = true;
        } else if !is_punctuation(c) && !c.is_whitespace() {
            other = true;
        }
    }
    if word.is_empty() {
        TokenKind::Other
    } else if space {
        TokenKind::Whitespace
    } else if punct {
        TokenKind::Punctuation
    } else if han {
        TokenKind::Han
    } else if other {
        TokenKind::Other
    } else if letter {
        TokenKind::Latin
    } else if digit {
        TokenKind::Number
    } else {
        TokenKind::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(seg: &Segmenter, text: &str) -> Vec<String> {
        seg.tokens(text, true)
            .iter()
            .map(|t| text[t.byte_start..t.byte_end].to_string())
            .collect()
    }

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

    #[test]
    fn classifies_by_characters() {
        let cases = [
            ("发展", TokenKind::Han),
            ("5G网络", TokenKind::Han),
            ("DDR5", TokenKind::Latin),
            ("COVID-19", TokenKind::Latin),
            ("3.14%", TokenKind::Number),
            ("2023", TokenKind::Number),
            ("，", TokenKind::Punctuation),
            ("……", TokenKind::Punctuation),
            (" \u{3000}", TokenKind::Whitespace),
            ("👪", TokenKind::Other),
            ("\u{FFFD}", TokenKind::Other),
            ("Привет", TokenKind::Other),
        ];
        for (w, k) in cases {
            assert_eq!(classify(w), k, "{w}");
        }
    }

    #[test]
    fn mixed_tokens_stay_whole() {
        let seg = Segmenter::new();
        let w = words(
            &seg,
            "2023年发布了5G和DDR5，增长3.14%，千分之3‰，COVID-19疫情",
        );
        for whole in ["2023", "5G", "DDR5", "3.14%", "3‰", "COVID-19"] {
            assert!(w.iter().any(|x| x == whole), "{whole} not whole in {w:?}");
        }
    }

    #[test]
    fn tokens_tile_the_text() {
        let seg = Segmenter::new();
        let text = "会议强调，要推动长江经济带发展。𦡦👪 Hello!\r\n";
        let toks = seg.tokens(text, true);
        let mut at = 0;
        for t in toks.iter() {
            assert_eq!(t.byte_start, at);
            at = t.byte_end;
        }
        assert_eq!(at, text.len());
    }

    #[test]
    fn chunked_segmentation_equals_one_call() {
        let seg = Segmenter::new();
        let text = "会议强调，要推动长江经济带发展。\n第二段落很长很长。👪𦡦\r\n三\n".repeat(50);
        let whole = {
            let mut out = Tokens::default();
            seg.push_tokens(&text, 0, 0, true, &mut out);
            out
        };
        let mut seen = Vec::new();
        let mut out = Tokens::default();
        let (mut b, mut c) = (0, 0);
        for piece in chunks(&text, 100) {
            assert!(
                piece.ends_with('\n') || piece.ends_with('。') || b + piece.len() == text.len()
            );
            seg.push_tokens(piece, b, c, true, &mut out);
            b += piece.len();
            c = out.end;
            seen.push(b);
        }
        assert_eq!(out, whole);
        assert!(seen.len() > 10);
        assert_eq!(chunks("", 10).count(), 0);
        assert_eq!(
            chunks("没有换行的一句话", 3).collect::<Vec<_>>(),
            ["没有换行的一句话"]
        );
    }

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

    #[test]
    fn joins_noun_pairs_used_as_one_term() {
        let seg = Segmenter::new();
        let text = "长江经济带很重要。推动长江经济带发展。长江经济带的生态。长江很长。";
        let joined = join_compounds(text, seg.tokens(text, true));
        let w: Vec<&str> = joined
            .iter()
            .map(|t| &text[t.byte_start..t.byte_end])
            .collect();
        assert_eq!(w.iter().filter(|&&x| x == "长江经济带").count(), 3, "{w:?}");
        assert!(w.contains(&"长江"), "the free-standing 长江 stays");
        // Twice is not enough.
        let text = "长江经济带很重要。长江经济带的生态。";
        let joined = join_compounds(text, seg.tokens(text, true));
        assert!(!joined
            .iter()
            .any(|t| &text[t.byte_start..t.byte_end] == "长江经济带"));
    }
}
