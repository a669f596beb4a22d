//! One long text segmented in parts at once: by threads natively, by other workers in a
//! browser ([`Analyzer::segment_part`] in each, [`Analyzer::analyze_parts`] in the one that
//! finishes the analysis), with a report byte-identical to the one-piece analysis.
//!
//! Segmentation (script conversion, jieba's cut and tags, the number and link passes) is most
//! of an analysis's time, and none of it looks across a line break: jieba cuts at whitespace,
//! OpenCC's rules never span a line, a number or a link holds no `'\n'`. So the cleaned text is
//! cut just after line breaks into parts of about equal size, each part is segmented alone, and
//! the parts' tokens and simplified copies, joined, are the whole text's. Everything that reads
//! the text as a whole (script detection, joined compounds and terms, sections, keywords) runs
//! once, on the joined result.
//!
//! A part made elsewhere arrives as bytes. It says which part of how many it is, of which text
//! (a digest of the cleaned part) under which dictionary (the words added and removed) and
//! options; one that does not match, or whose tokens do not tile its text, is segmented again
//! here instead, so a worker whose dictionary lags behind slows an analysis but never changes it.

use std::hash::{Hash, Hasher};

use rustc_hash::FxHasher;

use super::Analyzer;
use crate::error::Error;
use crate::normalize::{self, Cleaned};
use crate::options::Options;
use crate::report::{Progress, Report, Script};
use crate::segment::{self, Compound, Tokens};

/// Natively, a text is cut into parts on threads only where each holds at least this much:
/// the unknown words both parts share are tagged in each, and a thread costs its start. (In a
/// browser, the client decides: `js/index.js`.)
#[cfg(not(target_arch = "wasm32"))]
pub const MIN_PART_BYTES: usize = 256 * 1024;

/// The most parts a text is cut into.
pub const MAX_PARTS: usize = 16;

/// The first bytes of a part: what it is, and the layout's version.
const MAGIC: &[u8; 4] = b"WXP1";

/// How an analysis has its text segmented.
pub(super) enum Plan<'a> {
    /// In one piece, here.
    Whole,
    /// In parts on threads, natively, when the text is long enough (in one piece in wasm).
    Threads,
    /// In `of` parts, those among `parts` that fit made elsewhere, the rest here; the text
    /// cleaned and its script known already when `prepared` is its own.
    Given {
        of: usize,
        parts: &'a [Vec<u8>],
        prepared: Option<Prepared>,
        script: Option<Script>,
    },
}

impl<'a> Plan<'a> {
    /// `text` cleaned, and the plan: taken from `prepared` when it is this text's, with its
    /// script when that was found under the same `convert` option.
    pub(super) fn cleaned(self, text: &str, convert: bool) -> (Cleaned, Plan<'a>) {
        match self {
            Plan::Given {
                of,
                parts,
                prepared: Some(prepared),
                ..
            } if prepared.text == text => {
                let script = (prepared.convert == convert).then_some(prepared.script);
                let plan = Plan::Given {
                    of,
                    parts,
                    prepared: None,
                    script,
                };
                (prepared.cleaned, plan)
            }
            plan => (normalize::clean(text), plan),
        }
    }
}

/// A text cleaned by [`Analyzer::segment_part`] (part 0): the worker that segments part 0
/// finishes the analysis, and need not clean the same text twice (8 ms for 2 MB in a browser).
pub(super) struct Prepared {
    text: String,
    cleaned: Cleaned,
    /// Its script, found under this `convert` option.
    script: Script,
    convert: bool,
}

/// A segmented part: its simplified copy (when the text is converted) and its tokens, in
/// offsets of that copy.
struct Piece {
    simplified: Option<String>,
    tokens: Tokens,
}

/// What segmentation gives the rest of the pipeline.
pub(super) struct Segmented {
    pub script: Script,
    /// The simplified copy segmentation read, `None` when it read the cleaned text itself.
    pub simplified: Option<String>,
    pub tokens: Tokens,
    pub compounds: Vec<Compound>,
    /// How many parts made elsewhere were used.
    pub parts_used: usize,
}

impl Analyzer {
    /// One worker's share of a parallel analysis: part `part` of `of` of `text` segmented
    /// under `options`, as bytes for [`Analyzer::analyze_parts`] in another worker (whose
    /// dictionary must hold the same words for the part to be used there). `options.words`
    /// are added first, as [`Analyzer::analyze`] adds them.
    ///
    /// # Errors
    /// [`Error::InvalidRequest`] unless `1 <= of <= MAX_PARTS` and `part < of`; otherwise as
    /// [`Analyzer::analyze`].
    pub fn segment_part(
        &mut self,
        text: &str,
        options: &Options,
        part: usize,
        of: usize,
    ) -> Result<Vec<u8>, Error> {
        check_parts(of)?;
        if part >= of {
            return Err(Error::InvalidRequest(format!(
                "part {part} of {of}: parts count from 0"
            )));
        }
        self.prepared = None;
        self.prepare(text, options)?;
        let cleaned = normalize::clean(text);
        let script = self.converter.script_of(&cleaned.text, options.convert);
        let range = part_ranges(&cleaned.text, of)[part].clone();
        let source = &cleaned.text[range];
        let piece = self.piece(source, script.converted, options.hmm, &mut |_| {});
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(of as u32).to_le_bytes());
        out.extend_from_slice(&(part as u32).to_le_bytes());
        out.extend_from_slice(
            &self
                .part_digest(source, script.converted, options)
                .to_le_bytes(),
        );
        let seg = piece.simplified.as_deref().unwrap_or(source);
        if piece.simplified.is_some() {
            out.extend_from_slice(&(seg.len() as u32).to_le_bytes());
            out.extend_from_slice(seg.as_bytes());
        }
        piece.tokens.write(&mut out);
        if part == 0 {
            self.prepared = Some(Prepared {
                text: text.to_string(),
                cleaned,
                script,
                convert: options.convert,
            });
        }
        Ok(out)
    }

    /// [`Analyzer::analyze_with_progress`] with the text's `of` parts segmented elsewhere
    /// ([`Analyzer::segment_part`]): `parts` in any order, any missing or not made for this
    /// text, dictionary and options segmented here. The report is the one
    /// [`Analyzer::analyze`] gives; the second value is how many of `parts` were used.
    ///
    /// # Errors
    /// [`Error::InvalidRequest`] unless `1 <= of <= MAX_PARTS`; otherwise as
    /// [`Analyzer::analyze`].
    pub fn analyze_parts(
        &mut self,
        text: &str,
        options: &Options,
        of: usize,
        parts: &[Vec<u8>],
        progress: &mut dyn FnMut(Progress),
    ) -> Result<(Report, usize), Error> {
        check_parts(of)?;
        self.kept = None;
        let prepared = self.prepared.take();
        self.prepare(text, options)?;
        let plan = Plan::Given {
            of,
            parts,
            prepared,
            script: None,
        };
        let (report, corpus, used) = self.run_planned(text, options, progress, None, plan);
        self.kept = Some(corpus);
        Ok((report, used))
    }

    /// The text whose part 0 this analyzer segmented last ([`Analyzer::segment_part`]), until
    /// its next analysis: the worker that finishes an analysis in parts has it already.
    pub fn prepared_text(&self) -> Option<&str> {
        self.prepared.as_ref().map(|p| p.text.as_str())
    }

    /// `cleaned` segmented under `options` as `plan` says, `progress` told the bytes done.
    pub(super) fn segment_planned(
        &self,
        cleaned: &Cleaned,
        options: &Options,
        progress: &mut dyn FnMut(usize),
        plan: Plan<'_>,
    ) -> Segmented {
        let script = match &plan {
            Plan::Given {
                script: Some(script),
                ..
            } => script.clone(),
            _ => self.converter.script_of(&cleaned.text, options.convert),
        };
        let text = cleaned.text.as_str();
        let of = match plan {
            Plan::Whole => 1,
            Plan::Threads => threads_for(text.len()),
            Plan::Given { of, .. } => of,
        };
        let ranges = part_ranges(text, of);
        let mut pieces: Vec<Option<Piece>> = (0..of).map(|_| None).collect();
        if let Plan::Given { parts, .. } = &plan {
            for bytes in parts.iter() {
                if let Some((i, piece)) =
                    self.read_part(bytes, text, &ranges, script.converted, options)
                {
                    pieces[i] = Some(piece);
                }
            }
        }
        let parts_used = pieces.iter().flatten().count();
        self.fill(
            &mut pieces,
            text,
            &ranges,
            script.converted,
            options.hmm,
            progress,
        );
        // Joined: the parts' copies are the whole text's copy, their tokens its tokens.
        let mut simplified = script.converted.then(|| String::with_capacity(text.len()));
        let mut tokens = Tokens::default();
        for piece in pieces.into_iter().flatten() {
            if let (Some(all), Some(part)) = (simplified.as_mut(), piece.simplified.as_deref()) {
                all.push_str(part);
            }
            tokens.append(&piece.tokens);
        }
        let mut compounds = Vec::new();
        if options.compounds {
            let seg_text = simplified.as_deref().unwrap_or(text);
            (tokens, compounds) = segment::join_compounds(seg_text, tokens);
        }
        Segmented {
            script,
            simplified,
            tokens,
            compounds,
            parts_used,
        }
    }

    /// Segment every part `pieces` lacks: natively, all but the first on threads of their own
    /// while this one does the first (the only one that reports progress).
    fn fill(
        &self,
        pieces: &mut [Option<Piece>],
        text: &str,
        ranges: &[std::ops::Range<usize>],
        converted: bool,
        hmm: bool,
        progress: &mut dyn FnMut(usize),
    ) {
        let missing: Vec<usize> = (0..pieces.len()).filter(|&i| pieces[i].is_none()).collect();
        let Some((&first, rest)) = missing.split_first() else {
            return;
        };
        #[cfg(not(target_arch = "wasm32"))]
        if !rest.is_empty() {
            let made: Vec<(usize, Piece)> = std::thread::scope(|scope| {
                let handles: Vec<_> = rest
                    .iter()
                    .map(|&i| {
                        let source = &text[ranges[i].clone()];
                        (
                            i,
                            scope.spawn(move || self.piece(source, converted, hmm, &mut |_| {})),
                        )
                    })
                    .collect();
                let base = ranges[first].start;
                let here = self.piece(&text[ranges[first].clone()], converted, hmm, &mut |done| {
                    progress(base + done)
                });
                let mut made = vec![(first, here)];
                for (i, handle) in handles {
                    // A thread that panicked segments its part again here, where the panic
                    // reaches the caller as it would without threads.
                    let piece = handle.join().unwrap_or_else(|_| {
                        self.piece(&text[ranges[i].clone()], converted, hmm, &mut |_| {})
                    });
                    made.push((i, piece));
                }
                made
            });
            for (i, piece) in made {
                pieces[i] = Some(piece);
            }
            progress(text.len());
            return;
        }
        for &i in std::iter::once(&first).chain(rest) {
            let base = ranges[i].start;
            let source = &text[ranges[i].clone()];
            pieces[i] = Some(self.piece(source, converted, hmm, &mut |done| progress(base + done)));
        }
    }

    /// One part segmented: through its simplified copy when the text is `converted`.
    fn piece(
        &self,
        source: &str,
        converted: bool,
        hmm: bool,
        progress: &mut dyn FnMut(usize),
    ) -> Piece {
        let simplified = converted.then(|| self.converter.simplify_lines(source));
        let seg = simplified.as_deref().unwrap_or(source);
        let tokens = self.segmenter.tokens_with_progress(seg, hmm, progress);
        Piece { simplified, tokens }
    }

    /// Part `bytes` made by [`Analyzer::segment_part`], with its index, if it is one of these
    /// `ranges` of `text` made under this dictionary and these options, and its tokens tile
    /// its text; `None` otherwise.
    fn read_part(
        &self,
        bytes: &[u8],
        text: &str,
        ranges: &[std::ops::Range<usize>],
        converted: bool,
        options: &Options,
    ) -> Option<(usize, Piece)> {
        let mut reader = Reader { bytes };
        if reader.take(MAGIC.len())? != MAGIC || reader.u32()? as usize != ranges.len() {
            return None;
        }
        let i = reader.u32()? as usize;
        let source = &text[ranges.get(i)?.clone()];
        if reader.u64()? != self.part_digest(source, converted, options) {
            return None;
        }
        let simplified = if converted {
            let len = reader.u32()? as usize;
            let copy = std::str::from_utf8(reader.take(len)?).ok()?;
            // The copy has the source's chars one for one: offsets map char by char.
            (copy.chars().count() == source.chars().count()).then(|| copy.to_string())?
        } else {
            source.to_string()
        };
        let tokens = Tokens::read(reader.bytes, &simplified)?;
        Some((
            i,
            Piece {
                simplified: converted.then_some(simplified),
                tokens,
            },
        ))
    }

    /// What a part's tokens depend on besides the dictionary's own words: its text, whether it
    /// is converted, the HMM option and the words added and removed.
    fn part_digest(&self, source: &str, converted: bool, options: &Options) -> u64 {
        let mut hasher = FxHasher::default();
        source.hash(&mut hasher);
        converted.hash(&mut hasher);
        options.hmm.hash(&mut hasher);
        self.segmenter.dictionary_fingerprint().hash(&mut hasher);
        hasher.finish()
    }
}

/// Reads a part's fields in order.
struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if n > self.bytes.len() {
            return None;
        }
        let (head, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Some(head)
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
}

fn check_parts(of: usize) -> Result<(), Error> {
    if (1..=MAX_PARTS).contains(&of) {
        Ok(())
    } else {
        Err(Error::InvalidRequest(format!(
            "a text is segmented in 1 to {MAX_PARTS} parts, not {of}"
        )))
    }
}

/// How many parts a text of `len` bytes is segmented in on this machine's threads.
fn threads_for(len: usize) -> usize {
    #[cfg(not(target_arch = "wasm32"))]
    {
        let threads = std::thread::available_parallelism().map_or(1, usize::from);
        threads.min(len / MIN_PART_BYTES).clamp(1, MAX_PARTS)
    }
    #[cfg(target_arch = "wasm32")]
    {
        let _ = len;
        1
    }
}

/// `text` cut into `of` ranges of about equal size, each cut just after a `'\n'` (the first at
/// or after the equal share's end); ranges tile the text, and some are empty when the text has
/// too few line breaks. The same text and count always give the same ranges: every worker
/// finds its part by this.
pub fn part_ranges(text: &str, of: usize) -> Vec<std::ops::Range<usize>> {
    let bytes = text.as_bytes();
    let mut ranges = Vec::with_capacity(of);
    let mut start = 0;
    for i in 1..=of {
        let end = if i == of {
            text.len()
        } else {
            let share = (text.len() as u128 * i as u128 / of as u128) as usize;
            let from = share.max(start);
            bytes[from..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(text.len(), |p| from + p + 1)
        };
        ranges.push(start..end);
        start = end;
    }
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_tile_the_text_and_end_after_line_breaks() {
        let text = "第一行很长很长\n第二行\n\n第三行\r\n最后";
        for of in 1..=6 {
            let ranges = part_ranges(text, of);
            assert_eq!(ranges.len(), of);
            assert_eq!(ranges[0].start, 0);
            assert_eq!(ranges[of - 1].end, text.len());
            for w in ranges.windows(2) {
                assert_eq!(w[0].end, w[1].start);
                assert!(text[..w[0].end].ends_with('\n') || w[0].end == text.len());
            }
        }
        assert_eq!(part_ranges("", 3), vec![0..0, 0..0, 0..0]);
        assert_eq!(part_ranges("没有换行", 2), vec![0..12, 12..12]);
    }
}
