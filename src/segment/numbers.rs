//! Numbers and measure words: the units that stay with a number (`3‰`), the passes that join
//! what jieba cuts inside one written number (`16,250`, `8000万`, `第6`, `iPhone 15`), and the
//! cut of a numeral from its measure word (`一个` → `一` `个`).

use super::classify::classify;
use super::tokens::{Pos, Tok, Tokens};
use crate::report::TokenKind;

/// Signs that belong to the number before them: `3‰` is one token, like jieba's own `3.14%`.
/// Dates stay as jieba cuts them (`2023` / `年` / `2` / `月`), the convention of the gold
/// segmentations we measure against: joining them cost 0.036 F1 on UD GSD
/// (`node scripts/eval-segmentation.mjs`).
pub(super) const NUMBER_UNITS: &[&str] = &["%", "‰"];

/// Join what jieba cuts inside one written number or name: digit groups (`16` `,` `250` → `16,250`),
/// a number and its 万/亿 (`8000` `万` → `8000万`), and an ordinal (`第` `6` → `第6`). Each is
/// one quantity to a reader and one word in the gold segmentations (UD, PKU, CTB); jieba's
/// own words for them (`第一`, `三万`) are whole already. Dates stay cut (see
/// [`NUMBER_UNITS`]). Also a product name with its model number (`iPhone 15`), one name to a
/// reader and one keyword.
///
/// `lone_tag` tells whether a string is one dictionary word (and its tag): jieba has words
/// like 万美元 and 亿元, which are cut after their 万/亿 so the number takes it (8000万 美元).
pub(super) fn join_numbers(text: &str, toks: &mut Tokens, lone_tag: &dyn Fn(&str) -> Option<Pos>) {
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
pub(super) const QUANTIFIERS: &str = "一二三四五六七八九十两几这那哪某每数多";
/// Measure words that are cut from the numeral before them. Not 样/般/定/直/起/点/时/道/
/// 头/口/手/分, which after 一 make words of their own (一样, 一般, 一定, 十分…).
pub(super) const MEASURE_WORDS: &str =
    "个种座部条支所层名次位件只本家张台辆架艘批项份首篇句段届场节集册卷幅枚封杯届门队轮股岁年";

/// Cut a numeral or demonstrative from its measure word (`一个` → `一` `个`, `这种` → `这`
/// `种`, `第一个` → `第一` `个`). jieba's dictionary lists hundreds of such pairs as words;
/// the gold segmentations (UD, PKU, CTB) cut them, and a reader counts 个 as a separate
/// word. Keywords lose nothing: neither half is a content word.
///
/// Returns the byte length of the numeral, a tag for it (the caller prefers the dictionary's)
/// and the measure word, when `word` is such a pair.
pub(super) fn measure_split(word: &str) -> Option<(usize, Pos, char)> {
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
        Pos::R
    } else {
        Pos::M
    };
    Some((head.len(), pos, last))
}
