//! The analyzer's query entry points: each reads the kept analysis of the last analysed text
//! (see [`crate::query`]) and matches the words it is given as the analysis counts them,
//! through simplified conversion and case folding.

use super::Analyzer;
use crate::keywords::key_of;
use crate::query::{
    self, Collocates, CollocatesQuery, Concordance, ConcordanceQuery, Corpus, Dispersion,
    DispersionQuery, Levels, LevelsProfile, LevelsQuery, Ngrams, NgramsQuery, Terms, TermsQuery,
    Trends, TrendsQuery,
};
use crate::Error;

impl Analyzer {
    /// The queries a page asks after every analysis (its views': the collocates of the top
    /// keyword, the trends and dispersion of the top ones, n-grams, terms, a concordance), run
    /// on `corpus`, the analysis of `report`'s text, and dropped: part of
    /// [`Analyzer::warm_up`], so that a browser has optimised their code before they are first
    /// asked for real.
    pub(super) fn warm_up_queries(&self, corpus: &Corpus, report: &crate::Report) {
        let key = |w: &str| self.key(w);
        let top: Vec<String> = report
            .keywords
            .iter()
            .take(10)
            .map(|k| k.word.clone())
            .collect();
        if let Some(word) = top.first() {
            let collocates = CollocatesQuery {
                word: word.clone(),
                ..CollocatesQuery::default()
            };
            let _ = query::collocates(corpus, &collocates, &key);
            let concordance = ConcordanceQuery {
                query: word.clone(),
                ..ConcordanceQuery::default()
            };
            let _ = query::concordance(corpus, &concordance, &key);
        }
        let trends = TrendsQuery {
            words: top.clone(),
            ..TrendsQuery::default()
        };
        let _ = query::trends(corpus, &trends, &key);
        let dispersion = DispersionQuery {
            words: top,
            ..DispersionQuery::default()
        };
        let _ = query::dispersion(corpus, &dispersion, &key);
        let _ = query::ngrams(corpus, &NgramsQuery::default());
        let _ = query::terms(corpus, &TermsQuery::default(), &|word| {
            self.segmenter.compound_split(word)
        });
    }

    /// The key `word` is counted by: its simplified form, lower-cased.
    pub(super) fn key(&self, word: &str) -> String {
        key_of(&self.converter.to_simplified(word)).into_owned()
    }

    /// Every occurrence of a word, string or regular expression in the last analysed text,
    /// with context (see [`query::concordance`]).
    ///
    /// # Errors
    /// [`Error::NotAnalyzed`] before any analysis; [`Error::InvalidQuery`] for a request
    /// refused as [`query::concordance`] says.
    pub fn concordance(&self, q: &ConcordanceQuery) -> Result<Concordance, Error> {
        query::concordance(self.corpus()?, q, &|w| self.key(w))
    }

    /// The collocates of a node word in the last analysed text, with MI, t-score,
    /// log-likelihood and logDice (see [`query::collocates`]).
    ///
    /// # Errors
    /// [`Error::NotAnalyzed`] before any analysis; [`Error::InvalidQuery`] as
    /// [`query::collocates`] says.
    pub fn collocates(&self, q: &CollocatesQuery) -> Result<Collocates, Error> {
        query::collocates(self.corpus()?, q, &|w| self.key(w))
    }

    /// The word (or character) n-grams that repeat in the last analysed text (see
    /// [`query::ngrams`]).
    ///
    /// # Errors
    /// [`Error::NotAnalyzed`] before any analysis; [`Error::InvalidQuery`] as
    /// [`query::ngrams`] says.
    pub fn ngrams(&self, q: &NgramsQuery) -> Result<Ngrams, Error> {
        query::ngrams(self.corpus()?, q)
    }

    /// Multi-word terms found in the last analysed text: token sequences that recur, hold
    /// together and stand free (see [`query::terms`]).
    ///
    /// # Errors
    /// [`Error::NotAnalyzed`] before any analysis; [`Error::InvalidQuery`] as
    /// [`query::terms`] says.
    pub fn terms(&self, q: &TermsQuery) -> Result<Terms, Error> {
        query::terms(self.corpus()?, q, &|word| {
            self.segmenter.compound_split(word)
        })
    }

    /// Where words occur in the last analysed text and how evenly (Juilland's D, Gries' DP)
    /// over its sections or equal segments (see [`query::dispersion`]).
    ///
    /// # Errors
    /// [`Error::NotAnalyzed`] before any analysis; [`Error::InvalidQuery`] as
    /// [`query::dispersion`] says.
    pub fn dispersion(&self, q: &DispersionQuery) -> Result<Dispersion, Error> {
        query::dispersion(self.corpus()?, q, &|w| self.key(w))
    }

    /// The relative frequency of words in each section or equal segment of the last
    /// analysed text (see [`query::trends`]).
    ///
    /// # Errors
    /// [`Error::NotAnalyzed`] before any analysis; [`Error::InvalidQuery`] as
    /// [`query::trends`] says.
    pub fn trends(&self, q: &TrendsQuery) -> Result<Trends, Error> {
        query::trends(self.corpus()?, q, &|w| self.key(w))
    }

    /// Hand over the HSK 3.0 word lists [`Analyzer::levels`] grades with (the text of
    /// `data/hsk/hsk3-words.tsv`, which the package's `hskLevels()` resolves to): the wasm does
    /// not embed them, so that a page downloads them only when a reader asks for the profile.
    /// Natively the built-in lists serve without this.
    ///
    /// # Errors
    /// [`Error::InvalidRequest`] for text that is not such a list (the lists held are kept).
    pub fn load_levels(&mut self, text: &str) -> Result<(), Error> {
        self.levels = Some(query::Levels::parse(text)?);
        Ok(())
    }

    /// Whether [`Analyzer::levels`] can grade now (always, natively).
    pub fn has_levels(&self) -> bool {
        self.levels.is_some() || cfg!(not(target_arch = "wasm32"))
    }

    /// The vocabulary profile of the last analysed text by HSK 3.0 level: running and
    /// distinct words per level, coverage, the words a reader does not know, characters by
    /// level (see [`query::levels`](crate::query::levels)).
    ///
    /// ```
    /// use wenxi::query::LevelsQuery;
    /// let mut analyzer = wenxi::Analyzer::new();
    /// analyzer.analyze("我们学习汉语。", &wenxi::Options::default()).unwrap();
    /// let profile = analyzer.levels(&LevelsQuery::default()).unwrap();
    /// assert_eq!(profile.graded.tokens, 3); // 我们 学习 汉语
    /// assert_eq!(profile.coverage.level95, Some(1));
    /// ```
    ///
    /// # Errors
    /// [`Error::NotAnalyzed`] before any analysis; [`Error::InvalidQuery`] as
    /// [`query::levels`](crate::query::levels) says; in wasm, [`Error::InvalidRequest`] until
    /// the lists are handed over ([`Analyzer::load_levels`]).
    pub fn levels(&self, q: &LevelsQuery) -> Result<LevelsProfile, Error> {
        let (corpus, lists) = (self.corpus()?, self.level_lists()?);
        query::levels(corpus, lists, q, &|w| self.key(w), &|w| {
            self.dictionary_cut(w)
        })
    }

    /// Where the last analysed text's graded words are, with their levels and whether the
    /// reader `q` describes knows them, and its words in each level band (see
    /// [`query::level_marks`](crate::query::level_marks)): the profile shown against the text.
    ///
    /// ```
    /// use wenxi::query::LevelsQuery;
    /// let mut analyzer = wenxi::Analyzer::new();
    /// analyzer.analyze("我们发展经济。", &wenxi::Options::default()).unwrap();
    /// let marks = analyzer.level_marks(&LevelsQuery { level: Some(1), ..Default::default() }).unwrap();
    /// // 我们 is a level-1 word, known at level 1; 发展 and 经济 are level-3 words.
    /// let places: Vec<(u32, u32, Option<u8>, bool)> =
    ///     marks.spans.iter().map(|s| (s.start, s.end, s.level, s.known)).collect();
    /// assert_eq!(places, [(0, 2, Some(1), true), (2, 4, Some(3), false), (4, 6, Some(3), false)]);
    /// assert_eq!(marks.bands[2].keys, ["发展", "经济"]);
    /// ```
    ///
    /// # Errors
    /// As [`Analyzer::levels`].
    pub fn level_marks(&self, q: &LevelsQuery) -> Result<query::LevelMarks, Error> {
        let (corpus, lists) = (self.corpus()?, self.level_lists()?);
        query::level_marks(corpus, lists, q, &|w| self.key(w), &|w| {
            self.dictionary_cut(w)
        })
    }

    /// The word lists handed over, else the built-in ones.
    fn level_lists(&self) -> Result<&Levels, Error> {
        match &self.levels {
            Some(lists) => Ok(lists),
            None => builtin_levels(),
        }
    }

    /// The dictionary's cut of `word` (without the HMM), as the profile splits a word the
    /// lists lack.
    fn dictionary_cut(&self, word: &str) -> Vec<String> {
        self.segmenter
            .tokens(word, false)
            .iter()
            .map(|t| word.get(t.byte_start..t.byte_end).unwrap_or("").to_string())
            .collect()
    }
}

/// The HSK 3.0 word lists built into native builds (`data/hsk/hsk3-words.tsv`), parsed once.
#[cfg(not(target_arch = "wasm32"))]
fn builtin_levels() -> Result<&'static Levels, Error> {
    static LISTS: std::sync::OnceLock<Levels> = std::sync::OnceLock::new();
    const TEXT: &str = include_str!("../../data/hsk/hsk3-words.tsv");
    if let Some(lists) = LISTS.get() {
        return Ok(lists);
    }
    let parsed = Levels::parse(TEXT)?;
    Ok(LISTS.get_or_init(|| parsed))
}

/// The wasm embeds no lists: they are handed over when a page first asks for a profile.
#[cfg(target_arch = "wasm32")]
fn builtin_levels() -> Result<&'static Levels, Error> {
    Err(Error::InvalidRequest(
        "the HSK word lists are not loaded: hand them over with loadLevels (the package's hskLevels())".into(),
    ))
}
