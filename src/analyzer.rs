//! The pipeline: normalize → script → segment → sections → keywords → stats, and the
//! [`Analyzer`] that holds what is expensive to build and keeps the last analysed text for the
//! queries (`analyzer/queries.rs`).

use crate::collection::TermCount;
use crate::error::Error;
use crate::idf::Idf;
use std::borrow::Cow;

use crate::keywords::{Filter, Occurrence, Stopwords, Tally};
use crate::normalize::{self, Cleaned};
use crate::options::Options;
use crate::query::{self, Corpus, SectionMark, Stream, TermsQuery};
use crate::report::{self, Progress, Report, Section, Stage, Token, TokenKind};
use crate::script::Converter;
use crate::segment::{Compound, Segmenter, Tokens};
use crate::{sections, segment, stats};
use parts::{Plan, Segmented};

/// Longest custom dictionary word, in chars. jieba's DAG is built per sentence; a "word" of
/// thousands of characters is a paste mistake, not a word.
const MAX_WORD_CHARS: usize = 64;

/// Analyses texts. Building one loads jieba's dictionary and the conversion tables (the slow
/// part, a fraction of a second natively); each [`Analyzer::analyze`] call is then fast.
pub struct Analyzer {
    segmenter: Segmenter,
    converter: Converter,
    stopwords: Stopwords,
    idf: Idf,
    /// What the queries read of the last analysed text (`None` before the first analysis).
    kept: Option<Corpus>,
    /// The last corpus, document by document (see `analyzer/documents.rs`).
    documents: documents::KeptCorpus,
    /// The text whose part 0 [`Analyzer::segment_part`] segmented last, cleaned, for the
    /// [`Analyzer::analyze_parts`] that follows it in the same worker.
    prepared: Option<parts::Prepared>,
    /// The HSK word lists handed over with [`Analyzer::load_levels`] (natively, the built-in
    /// ones serve until then).
    levels: Option<query::Levels>,
}

impl Analyzer {
    /// Build the dictionary, the conversion tables and the stopword lists.
    pub fn new() -> Analyzer {
        Analyzer {
            segmenter: Segmenter::new(),
            converter: Converter::new(),
            stopwords: Stopwords::builtin(),
            idf: Idf::builtin(),
            kept: None,
            documents: documents::KeptCorpus::default(),
            prepared: None,
            levels: None,
        }
    }

    /// Add words to the dictionary so segmentation keeps them whole, in either script (a
    /// traditional word is added in its simplified form too, since traditional text is
    /// segmented through a simplified copy). Returns how many entries were new.
    ///
    /// # Errors
    /// [`Error::InvalidWord`] for an empty word, one with whitespace, or one longer than 64
    /// chars; no word of the call is added then.
    pub fn add_words<S: AsRef<str>>(&mut self, words: &[S]) -> Result<usize, Error> {
        validate_words(words)?;
        let mut added = 0;
        for w in words {
            let w = w.as_ref();
            let simplified = self.converter.to_simplified(w);
            added += usize::from(self.segmenter.add_word(w));
            if simplified != w {
                added += usize::from(self.segmenter.add_word(&simplified));
            }
        }
        Ok(added)
    }

    /// Take words out of the dictionary so that segmentation splits them (the page's "split
    /// this word"), in either script like [`Analyzer::add_words`]. Returns how many entries
    /// were removed.
    ///
    /// # Errors
    /// [`Error::InvalidWord`] as for [`Analyzer::add_words`]; nothing is removed then.
    pub fn remove_words<S: AsRef<str>>(&mut self, words: &[S]) -> Result<usize, Error> {
        validate_words(words)?;
        let mut removed = 0;
        for w in words {
            let w = w.as_ref();
            let simplified = self.converter.to_simplified(w);
            removed += usize::from(self.segmenter.remove_word(w));
            if simplified != w {
                removed += usize::from(self.segmenter.remove_word(&simplified));
            }
        }
        Ok(removed)
    }

    /// Forget every word added or removed since the analyzer was built: the dictionary is
    /// jieba's own again (built anew, as costly as [`Analyzer::new`]'s dictionary). A page
    /// that lets the reader undo a custom word resets, then applies the words still wanted.
    pub fn reset_words(&mut self) {
        self.segmenter = Segmenter::new();
    }

    /// The built-in stopword lists (Chinese and English), sorted: what `defaultStopwords`
    /// leaves out, for a page to show and let the reader edit (through `keep_words`).
    pub fn builtin_stopwords(&self) -> Vec<String> {
        self.stopwords.sorted()
    }

    /// `text` in simplified characters (OpenCC, phrase level).
    pub fn to_simplified(&self, text: &str) -> String {
        self.converter.to_simplified(text)
    }

    /// `text` in traditional characters (OpenCC, phrase level), for showing words in the
    /// script a reader prefers.
    ///
    /// # Errors
    /// [`Error::InvalidRequest`] in the wasm before [`Analyzer::load_traditional_phrases`]:
    /// the wasm does not embed the phrase table (native builds do).
    pub fn to_traditional(&self, text: &str) -> Result<String, Error> {
        self.converter.to_traditional(text).ok_or_else(|| {
            Error::InvalidRequest(
                "the simplified→traditional phrase table is not loaded: call loadTraditionalPhrases first (the package's convert does)".into(),
            )
        })
    }

    /// Hand over OpenCC's simplified→traditional phrases (`STPhrases.txt`), which the wasm does
    /// not embed; see [`Converter::load_traditional_phrases`](crate::script::Converter::load_traditional_phrases).
    pub fn load_traditional_phrases(&self, phrases: &str) {
        self.converter.load_traditional_phrases(phrases);
    }

    /// Whether [`Analyzer::to_traditional`] can convert now.
    pub fn has_traditional_phrases(&self) -> bool {
        self.converter.has_traditional_phrases()
    }

    /// Analyse `text`. Offsets in the report are UTF-16 code units into `text`.
    ///
    /// # Errors
    /// [`Error::InputTooLarge`] beyond [`crate::MAX_INPUT_UTF16`] code units; [`Error::InvalidWord`]
    /// for a bad `options.words` entry.
    pub fn analyze(&mut self, text: &str, options: &Options) -> Result<Report, Error> {
        self.analyze_with_progress(text, options, &mut |_| {})
    }

    /// [`Analyzer::analyze`], calling `progress` as the analysis moves through its stages and
    /// through the text (about every 256 KB while segmenting), ending with fraction 1.
    ///
    /// # Errors
    /// As [`Analyzer::analyze`]; `progress` is not called then.
    pub fn analyze_with_progress(
        &mut self,
        text: &str,
        options: &Options,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<Report, Error> {
        // The previous text's kept analysis goes first, so the two never take memory at once
        // (and a failed analysis leaves no stale text for the queries to read).
        self.kept = None;
        self.prepared = None;
        self.prepare(text, options)?;
        let (report, corpus, _) = self.run_planned(text, options, progress, None, Plan::Threads);
        self.kept = Some(corpus);
        Ok(report)
    }

    /// Run one analysis of a built-in text of about 400 KB and keep nothing of it: the work a
    /// first analysis does once (reading jieba's POS model of unknown words, building tables,
    /// growing memory) done ahead, and, in a browser, the engine's code run enough that the
    /// wasm compiler optimises it; the queries a page asks after an analysis too. In a Node
    /// worker thread the first analysis of 2 MB with the page's options took 467 ms without a
    /// warm-up, 410 after one of 40 KB, 317–357 after this one (later ones 260), which itself
    /// takes 75–105 ms while a reader pastes. (Touching 96 MB of memory ahead saved 40 ms more,
    /// at the cost of that memory in every worker for every reader: not done.) The last
    /// analysed text, its queries and the dictionary are untouched.
    pub fn warm_up(&self) {
        let mut text = String::with_capacity(480 * 1024);
        for i in 1..=400 {
            text.push_str(&format!("第{i}章 关于推进长江经济带高质量发展的若干意见\n"));
            text.push_str(WARM_UP_PARAGRAPH);
        }
        let options = Options {
            terms: true,
            ..Options::default()
        };
        let (report, corpus, _) = self.run_planned(&text, &options, &mut |_| {}, None, Plan::Whole);
        self.warm_up_queries(&corpus, &report);
    }

    /// The kept analysis of the last analysed text, for the queries.
    ///
    /// # Errors
    /// [`Error::NotAnalyzed`] before any text was analysed (or after a failed analysis).
    pub fn corpus(&self) -> Result<&Corpus, Error> {
        self.kept.as_ref().ok_or(Error::NotAnalyzed)
    }

    /// Segmentation alone: the words of `text` as the analysis cuts them (cleaning, script
    /// conversion, jieba, compounds, as `options` say), as UTF-16 `[start, end)` pairs into
    /// `text`, flattened: `[start0, end0, start1, end1, …]`. Whitespace is not a word and is
    /// left out; text removed by cleaning (tags, annotations) falls between words. Nothing is
    /// counted, so this is the cheap way to mark words in a page.
    ///
    /// # Errors
    /// As [`Analyzer::analyze`].
    pub fn tokenize(&mut self, text: &str, options: &Options) -> Result<Vec<u32>, Error> {
        self.prepare(text, options)?;
        let cleaned = normalize::clean(text);
        let Segmented {
            simplified,
            tokens: mut toks,
            compounds,
            ..
        } = self.segment_planned(&cleaned, options, &mut |_| {}, Plan::Threads);
        if options.terms {
            let seg_text: &str = simplified.as_deref().unwrap_or(&cleaned.text);
            let stream = Stream::build(&cleaned.text, seg_text, toks.iter(), &compounds);
            let structure = sections::detect(&cleaned.text);
            toks = join_terms(&stream, &structure, seg_text, toks, &compounds).0;
        }
        let mut out = Vec::with_capacity(toks.len() * 2);
        for t in toks.iter().filter(|t| t.kind != TokenKind::Whitespace) {
            let (start, end) = span_of(&cleaned, t.start, t.end);
            out.extend([start, end]);
        }
        Ok(out)
    }

    /// The segmented text: each line of `text` as its words (as [`Analyzer::tokenize`] cuts
    /// them, as written) separated by single spaces, one output line per input line, each
    /// ending in `'\n'` (see [`crate::segmented::by_line`]). What `wenxi --tokens` prints.
    ///
    /// # Errors
    /// As [`Analyzer::analyze`].
    pub fn segmented_text(&mut self, text: &str, options: &Options) -> Result<String, Error> {
        let spans = self.tokenize(text, options)?;
        Ok(crate::segmented::by_line(text, &spans))
    }

    /// What every entry point does first: refuse a text over the size limit, and add
    /// `options.words` to the dictionary.
    fn prepare(&mut self, text: &str, options: &Options) -> Result<(), Error> {
        check_size(text)?;
        if !options.words.is_empty() {
            self.add_words(&options.words)?;
        }
        Ok(())
    }

    /// The caller's extra stopwords and the built-in ones it keeps, keyed as the analysis
    /// counts words.
    fn stopword_sets(&self, options: &Options) -> (Stopwords, Stopwords) {
        let set = |words: &[String]| {
            let mut set = Stopwords::default();
            for w in words {
                set.insert(&self.converter.to_simplified(w));
            }
            set
        };
        (set(&options.stopwords), set(&options.keep_words))
    }

    /// What counts as a content word under `options`, with the stopword sets of
    /// [`Analyzer::stopword_sets`].
    fn content_filter<'a>(
        &'a self,
        options: &'a Options,
        extra: &'a Stopwords,
        keep: &'a Stopwords,
    ) -> Filter<'a> {
        Filter {
            min_length: options.min_length,
            pos: &options.pos,
            builtin: options.default_stopwords.then_some(&self.stopwords),
            keep,
            extra,
        }
    }

    /// The analysis of `text`, segmented in one piece: its report and kept analysis; with
    /// `terms`, every content word it counts goes there too (a corpus's document summary needs
    /// them all, the report lists `top_n`). Corpus documents take this: they are analysed on
    /// threads or workers of their own already.
    fn run(
        &self,
        text: &str,
        options: &Options,
        progress: &mut dyn FnMut(Progress),
        terms: Option<&mut Vec<TermCount>>,
    ) -> (Report, Corpus) {
        let (report, corpus, _) = self.run_planned(text, options, progress, terms, Plan::Whole);
        (report, corpus)
    }

    /// [`Analyzer::run`], segmented as `plan` says; also how many parts made elsewhere it used.
    fn run_planned(
        &self,
        text: &str,
        options: &Options,
        progress: &mut dyn FnMut(Progress),
        terms: Option<&mut Vec<TermCount>>,
        plan: Plan<'_>,
    ) -> (Report, Corpus, usize) {
        // Shares of the work, measured on a novel: segmentation dominates.
        let mut report = |stage: Stage, fraction: f64| progress(Progress { stage, fraction });
        report(Stage::Cleaning, 0.0);
        let (cleaned, plan) = plan.cleaned(text, options.convert);
        report(Stage::Script, 0.03);
        let total = cleaned.text.len().max(1) as f64;
        let Segmented {
            script,
            simplified,
            tokens: mut toks,
            compounds,
            parts_used,
        } = self.segment_planned(
            &cleaned,
            options,
            &mut |done| report(Stage::Segmenting, 0.05 + 0.65 * done as f64 / total),
            plan,
        );
        let seg_text: &str = simplified.as_deref().unwrap_or(&cleaned.text);
        report(Stage::Sections, 0.72);
        let structure = sections::detect(&cleaned.text);
        // The token stream, compactly: what the keywords are counted by, and what the queries
        // read later (taken with the cleaned text once the report is done). When terms are
        // joined, the stream of the joined tokens replaces the plain one, so that the queries
        // count words as the keyword list does (高质量发展 is one word to dispersion and
        // collocates too); the joined terms are kept for the terms query.
        let mut stream = Stream::build(&cleaned.text, seg_text, toks.iter(), &compounds);
        let mut joined_terms = Vec::new();
        if options.terms {
            let (joined, terms, compounds) = join_terms(
                &stream,
                &structure,
                seg_text,
                std::mem::take(&mut toks),
                &compounds,
            );
            toks = joined;
            joined_terms = terms;
            stream = stream.rejoined(&cleaned.text, seg_text, toks.iter(), &compounds);
        }
        let counted = &stream;
        report(Stage::Keywords, 0.75);
        let display = CharIndex::new(&cleaned.text, seg_text);

        let (extra, keep) = self.stopword_sets(options);
        let filter = self.content_filter(options, &extra, &keep);

        // Section of each token: sections tile the text and tokens come in order.
        let bounds: Vec<usize> = structure.sections.iter().map(|s| s.end).collect();
        let mut section = 0usize;
        // Streamed into the tally: a text's content words are never all held at once.
        let occurrences = toks.iter().enumerate().filter_map(|(i, t)| {
            while section + 1 < bounds.len() && t.start >= bounds[section] {
                section += 1;
            }
            let word_id = counted.id_at(i);
            let key: &str = counted.entry(word_id).key();
            if !filter.accepts(t.kind, key, t.pos.as_str()) {
                return None;
            }
            let (start, end) = span_of(&cleaned, t.start, t.end);
            Some(Occurrence {
                key: Cow::Borrowed(key),
                word_id,
                word: display.slice(t.start, t.end, t.byte_start, t.byte_end),
                pos: t.pos.as_str(),
                token: i,
                section: section as u32,
                start,
                end,
            })
        });
        let tally = Tally::new(occurrences, counted.vocab_len());
        if let Some(terms) = terms {
            terms.extend(tally.counts().map(|(key, word, pos, count)| TermCount {
                key: key.to_string(),
                word: word.to_string(),
                pos: pos.to_string(),
                count,
            }));
        }
        let kinds: Vec<TokenKind> = toks.iter().map(|t| t.kind).collect();
        let tokens = options.include_tokens.then(|| {
            toks.iter()
                .map(|t| {
                    let (start, end) = span_of(&cleaned, t.start, t.end);
                    Token {
                        word: display
                            .slice(t.start, t.end, t.byte_start, t.byte_end)
                            .to_string(),
                        start,
                        end,
                        kind: t.kind,
                        pos: t.pos.as_str().to_string(),
                    }
                })
                .collect()
        });
        // The token vector is the largest buffer of a long text's analysis: free it before
        // TextRank builds its graph, so the two never hold memory at once.
        drop(toks);
        report(Stage::Keywords, 0.85);
        let keywords = tally.keywords(
            options.top_n,
            |w| self.idf.get(w),
            |w| self.idf.frequency(w),
        );
        report(Stage::Keywords, 0.95);
        let section_top = tally.section_top(structure.sections.len(), options.section_keywords);

        let sections = sections_report(&cleaned, &structure, section_top);
        let stats = stats::compute(&stats::Inputs {
            original: text,
            utf16_len: cleaned.utf16_len,
            cleaned: &cleaned.text,
            kinds: &kinds,
            words: tally.total(),
            distinct_words: tally.distinct(),
            sentences: structure.sentences,
            paragraphs: structure.paragraphs,
        });
        report(Stage::Done, 1.0);
        let report = Report {
            version: crate::VERSION,
            keywords,
            sections,
            stats,
            cleaning: cleaned.cleaning.clone(),
            script,
            reference_total: segment::REFERENCE_TOTAL,
            tokens,
        };
        let marks = section_marks(&structure, &report.sections);
        drop(tally);
        let kept = Corpus::new(text, cleaned, stream, marks).with_joined(joined_terms);
        (report, kept, parts_used)
    }
}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer::new()
    }
}

/// One paragraph of [`Analyzer::warm_up`]'s text: simplified and traditional sentences, names
/// the dictionary lacks (so that the POS model of unknown words is read), numbers, Latin words
/// and a numbered list, as pasted text has them.
const WARM_UP_PARAGRAPH: &str =
    "一、总体要求。会议强调，要推动长江经济带发展，坚持生态优先、绿色发展，\
2023年GDP增长5.2%，COVID-19疫情之后经济回升向好。贾雨村和甄士隐在葫芦庙旁谈论林黛玉与薛宝钗。\n\
（一）加强组织领导。各地区各部门要把思想和行动统一到党中央决策部署上来，切实抓好落实。\n\
會議強調，要推動長江經濟帶發展，堅持生態優先、綠色發展，提高人民生活品質。\n\
1. 健全工作机制；2. 强化督促检查；3. 营造良好氛围。AI和5G等新技术加快应用。\n\n";

/// Dictionary words are non-empty, without whitespace, and at most [`MAX_WORD_CHARS`] long.
/// [`Error::InputTooLarge`] beyond [`crate::MAX_INPUT_UTF16`] code units.
fn check_size(text: &str) -> Result<(), Error> {
    crate::error::check_input_length(text.chars().map(char::len_utf16).sum::<usize>())
}

fn validate_words<S: AsRef<str>>(words: &[S]) -> Result<(), Error> {
    for w in words {
        let w = w.as_ref();
        if w.is_empty() || w.chars().any(char::is_whitespace) {
            return Err(Error::InvalidWord(format!(
                "{w:?} is empty or contains whitespace"
            )));
        }
        if w.chars().count() > MAX_WORD_CHARS {
            return Err(Error::InvalidWord(format!(
                "a word has at most {MAX_WORD_CHARS} characters"
            )));
        }
    }
    Ok(())
}

/// UTF-16 range in the user's text of the cleaned chars `[start, end)`.
fn span_of(cleaned: &Cleaned, start: usize, end: usize) -> (u32, u32) {
    cleaned.utf16_span(start, end)
}

/// The report's sections, with offsets in the user's text. The first starts at 0 and the last
/// ends at the text's end, so the sections tile the user's text whatever cleaning removed
/// around them. A text that cleaning emptied (only markup, say) is one untitled section.
fn sections_report(
    cleaned: &Cleaned,
    structure: &sections::Structure,
    mut tops: Vec<Vec<report::WordCount>>,
) -> Vec<Section> {
    let n = structure.sections.len();
    if n == 0 {
        if cleaned.utf16_len == 0 {
            return Vec::new();
        }
        return vec![Section {
            title: String::new(),
            level: 0,
            parent: None,
            heading: false,
            start: 0,
            end: cleaned.utf16_len,
            paragraphs: 0,
            sentences: 0,
            characters: 0,
            keywords: Vec::new(),
        }];
    }
    let starts: Vec<u32> = structure
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| {
            if i == 0 {
                0
            } else {
                span_of(cleaned, s.start, s.start).0
            }
        })
        .collect();
    structure
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| Section {
            title: s.title.clone(),
            level: s.level,
            parent: s.parent.map(|p| p as u32),
            heading: s.heading,
            start: starts[i],
            end: starts.get(i + 1).copied().unwrap_or(cleaned.utf16_len),
            paragraphs: s.paragraphs,
            sentences: s.sentences,
            characters: s.characters,
            keywords: std::mem::take(&mut tops[i]),
        })
        .collect()
}

/// Join the terms found in the text (by discovery over `stream`, the plain tokens `toks`)
/// into one token each, longer runs first where two overlap. Returns the joined tokens, the
/// joined terms as the terms query lists them (with the occurrences actually joined), and
/// `compounds` renumbered for the joined tokens (a noun pair inside a joined run is gone).
fn join_terms(
    stream: &Stream,
    structure: &sections::Structure,
    seg_text: &str,
    toks: Tokens,
    compounds: &[Compound],
) -> (Tokens, Vec<query::Term>, Vec<Compound>) {
    let starts: Vec<u32> = structure
        .sections
        .iter()
        .map(|s| stream.token_at_or_after(s.start) as u32)
        .collect();
    let flags = stream.break_flags(&starts);
    let defaults = TermsQuery::default();
    let found = query::discover(stream, &flags, defaults.min_count, defaults.max_words);
    // Joined noun pairs are one token already.
    let mut runs: Vec<(usize, usize, usize)> = found
        .iter()
        .enumerate()
        .filter(|(_, f)| f.ids.len() > 1)
        .flat_map(|(k, f)| f.tokens.iter().map(move |&t| (t as usize, f.ids.len(), k)))
        .collect();
    runs.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut end = 0;
    runs.retain(|&(first, len, _)| {
        let free = first >= end;
        if free {
            end = first + len;
        }
        free
    });
    let mut joined_count = vec![0u32; found.len()];
    for &(_, _, k) in &runs {
        joined_count[k] += 1;
    }
    let terms = found
        .iter()
        .zip(&joined_count)
        .filter(|(f, &n)| f.ids.len() > 1 && n > 0)
        .map(|(f, &n)| query::term_of(stream, f, n))
        .collect();
    // Each compound's token index after the joins before it; none inside a run.
    let mut renumbered = Vec::with_capacity(compounds.len());
    let (mut r, mut removed) = (0, 0);
    for c in compounds {
        while r < runs.len() && runs[r].0 + runs[r].1 <= c.token {
            removed += runs[r].1 - 1;
            r += 1;
        }
        let inside = runs.get(r).is_some_and(|&(first, _, _)| first <= c.token);
        if !inside {
            renumbered.push(Compound {
                token: c.token - removed,
                split: c.split,
            });
        }
    }
    let spans: Vec<(usize, usize)> = runs.iter().map(|&(first, len, _)| (first, len)).collect();
    (
        segment::join_runs(seg_text, toks, &spans),
        terms,
        renumbered,
    )
}

/// The sections as the kept analysis marks them: the cleaned text's char starts with the
/// report's UTF-16 ranges and titles.
fn section_marks(structure: &sections::Structure, report: &[Section]) -> Vec<SectionMark> {
    report
        .iter()
        .enumerate()
        .map(|(i, s)| SectionMark {
            title: s.title.clone(),
            heading: s.heading,
            start_char: structure.sections.get(i).map_or(0, |x| x.start),
            start: s.start,
            end: s.end,
        })
        .collect()
}

/// Slices of the cleaned text by the char ranges of tokens found in the segmented copy.
/// The two have the same chars count but not always the same bytes (a traditional character
/// and its simplified form can differ in UTF-8 length), so a converted text needs a char → byte
/// table; an unconverted one is its own copy and uses the token's bytes directly.
struct CharIndex<'a> {
    text: &'a str,
    /// Byte offset of each char of `text`, plus its length; empty when no mapping is needed.
    bytes: Vec<u32>,
}

impl<'a> CharIndex<'a> {
    fn new(text: &'a str, segmented: &str) -> CharIndex<'a> {
        // Conversion keeps the char count, and nearly always each char's byte length too
        // (both scripts are three-byte BMP characters): then the segmented text's byte
        // offsets are the text's, and no index is needed.
        let same_offsets = std::ptr::eq(text, segmented)
            || (text.len() == segmented.len()
                && text
                    .char_indices()
                    .map(|(b, _)| b)
                    .eq(segmented.char_indices().map(|(b, _)| b)));
        let bytes = if same_offsets {
            Vec::new()
        } else {
            text.char_indices()
                .map(|(b, _)| b as u32)
                .chain(std::iter::once(text.len() as u32))
                .collect()
        };
        CharIndex { text, bytes }
    }

    fn slice(&self, start: usize, end: usize, byte_start: usize, byte_end: usize) -> &'a str {
        let (a, b) = if self.bytes.is_empty() {
            (byte_start, byte_end)
        } else {
            (
                self.bytes
                    .get(start)
                    .map_or(self.text.len(), |&b| b as usize),
                self.bytes.get(end).map_or(self.text.len(), |&b| b as usize),
            )
        };
        self.text.get(a..b).unwrap_or("")
    }
}

mod documents;
mod parts;
mod queries;
#[cfg(test)]
mod tests;
