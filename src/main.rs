//! `wenxi`: analyse a text file natively and print the report, or a query on it, as JSON.
//!
//! ```text
//! wenxi [--options JSON] [--pretty] FILE       the report (FILE "-" reads standard input)
//! wenxi --tokens [--options JSON] FILE          one output line per input line: its words,
//!                                               separated by single spaces
//! wenxi concordance QUERY PATH... [--word | --regex] [--context N] [--sort S] [--as-written] [--limit N]
//! wenxi collocates WORD PATH... [--window L,R] [--min N] [--across] [--sort M] [--limit N]
//! wenxi ngrams PATH... [--n MIN,MAX] [--min N] [--longest] [--chars] [--limit N]
//! wenxi terms FILE [--min N] [--max-words N] [--limit N]
//! wenxi dispersion FILE WORD... [--segments N] [--no-positions]
//! wenxi trends FILE WORD... [--segments N]
//! wenxi levels FILE [--known WORDS.txt] [--level N] [--limit N] [--marks]
//! wenxi corpus PATH... [--jsonl] [--threads N] [--top N] [--terms N] [--compare A:B]
//!              [--reference FILE | --reference-list FILE | --reference-dictionary]
//! wenxi merge PART.jsonl... [--top N] [--terms N] [--compare A:B] [--reference… as above]
//! ```
//! Every subcommand also takes `--options JSON` (the analysis's options) and `--pretty`.
//! Offsets are UTF-16 code units into the file's text as read. `--tokens` writes the
//! segmentation the analysis uses (cleaning, script conversion, jieba, joined terms), each
//! word as written in the input, so any gold set in the usual one sentence a line, words
//! separated by spaces format can be scored against it.
//!
//! `corpus` analyses many documents (a PATH that is a directory stands for every file under
//! it, recursively, in path order) in parallel and prints the corpus report; with `--jsonl`
//! it prints one summary line per document instead, and `merge` builds the corpus report
//! from such lines, identical to `corpus` on all the documents at once.
//!
//! `concordance`, `collocates` and `ngrams` given one file answer on its text; given several
//! (or a directory) they answer over all the documents together, as the corpus's: the output
//! then begins with `"documents"` (the names, in corpus order), each concordance line has
//! its `document` (an index into them) and offsets into that document's text, and each
//! n-gram the number of documents it occurs in.
//!
//! Same core, same report as the browser build. Invalid UTF-8 is replaced with U+FFFD (with a
//! warning on stderr) rather than refused: pasted text often has a stray byte.

use std::io::{self, Read, Write};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wenxi::collection::read_jsonl;
use wenxi::query::{
    By, CollocatesQuery, ConcordanceQuery, DispersionQuery, LevelsQuery, NgramsQuery, TermsQuery,
    TrendsQuery,
};
use wenxi::{Analyzer, Options};

// In src/cli/ rather than beside the library's modules in src/.
#[path = "cli/corpus.rs"]
mod corpus;
use corpus::{
    documents, expand, report_corpus, summarize_all,
    Documents::{Several, Single},
    InDocuments,
};

/// Analyse Chinese (and mixed Chinese/English) text: the report as JSON, or a corpus query.
#[derive(Parser)]
#[command(name = "wenxi", version, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    report: ReportArgs,
}

/// `wenxi FILE`: the report, or with `--tokens` the segmentation.
#[derive(Args)]
struct ReportArgs {
    #[command(flatten)]
    common: Common,
    /// Write each input line's words, separated by single spaces, instead of the report.
    #[arg(long)]
    tokens: bool,
    /// The text file ("-" reads standard input).
    file: Option<String>,
}

/// What every command takes.
#[derive(Args, Clone)]
struct Common {
    /// The analysis's options, as a JSON object (`{"topN": 20}`).
    #[arg(long, value_name = "JSON")]
    options: Option<String>,
    /// Indent the JSON.
    #[arg(long)]
    pretty: bool,
}

/// What the corpus report is asked for (`corpus` and `merge`).
#[derive(Args)]
struct CorpusArgs {
    /// How many corpus keywords to list, with their counts per document.
    #[arg(long, default_value_t = 100)]
    top: usize,
    /// How many distinctive, TF-IDF and keyness terms each list holds.
    #[arg(long, default_value_t = 20)]
    terms: usize,
    /// Compare two groups of documents (indices from 0, in corpus order): `0,1:2,3`.
    #[arg(long, value_name = "A:B", value_parser = groups)]
    compare: Option<(Vec<u32>, Vec<u32>)>,
    /// Measure the corpus against this text (analysed with the same --options).
    #[arg(long, value_name = "FILE", conflicts_with = "reference_list")]
    reference: Option<String>,
    /// Measure the corpus against this word-frequency list: `word<TAB>count` a line.
    #[arg(long, value_name = "FILE", conflicts_with = "reference_dictionary")]
    reference_list: Option<String>,
    /// Measure the corpus against jieba's dictionary frequencies.
    #[arg(long, conflicts_with = "reference")]
    reference_dictionary: bool,
}

#[derive(Subcommand)]
enum Command {
    /// The corpus report of many documents: {"documents": [{"name", "stats", "distinctive":
    /// [{"word", "count", "g2", "logRatio", ...}], "tfidf"}], "keywords", "similarity"}.
    Corpus {
        /// Text files, or directories: a directory stands for every file under it,
        /// recursively (names starting with "." skipped), in path order. A document's name
        /// is its path as given, or as the directory joined with the file's path under it.
        #[arg(required = true)]
        paths: Vec<String>,
        /// Write one summary line (JSON) per document instead of the report, for `merge`.
        #[arg(long)]
        jsonl: bool,
        /// Threads to analyse with; by default RAYON_NUM_THREADS, else one per core. The
        /// output is the same whatever the number.
        #[arg(long)]
        threads: Option<usize>,
        #[command(flatten)]
        corpus: CorpusArgs,
        #[command(flatten)]
        common: Common,
    },
    /// The corpus report from summary lines written by `corpus --jsonl`: the files in the
    /// order given, their lines in order ("-" reads standard input).
    Merge {
        #[arg(required = true)]
        parts: Vec<String>,
        #[command(flatten)]
        corpus: CorpusArgs,
        #[command(flatten)]
        common: Common,
    },
    /// Every occurrence of a string (default), word or pattern, with context:
    /// {"total", "lines": [{"start", "end", "left", "match", "right"}]}.
    Concordance {
        /// What to find: a substring of the text by default.
        query: String,
        /// One text file, or several (or directories) searched as one corpus.
        #[arg(required = true)]
        files: Vec<String>,
        /// Match tokens of the analysis (any word, by its simplified, lower-cased form).
        #[arg(long, conflicts_with = "regex")]
        word: bool,
        /// The query is a regular expression (Rust `regex` syntax).
        #[arg(long)]
        regex: bool,
        /// Context on each side, in characters.
        #[arg(long, default_value_t = 20)]
        context: usize,
        /// position, left1, left2, right1, right2 or match.
        #[arg(long, value_parser = enum_arg::<wenxi::query::Sort>, default_value = "position")]
        sort: wenxi::query::Sort,
        /// Show the context as written rather than cleaned.
        #[arg(long)]
        as_written: bool,
        /// At most this many lines (total still counts all).
        #[arg(long)]
        limit: Option<usize>,
        #[command(flatten)]
        common: Common,
    },
    /// The collocates of a word with MI, t-score, log-likelihood and logDice:
    /// {"collocates": [{"word", "count", "mi", "tScore", "logLikelihood", "logDice"}]}.
    Collocates {
        word: String,
        /// One text file, or several (or directories) counted as one corpus.
        #[arg(required = true)]
        files: Vec<String>,
        /// Words left and right of the node.
        #[arg(long, value_name = "L,R", value_parser = pair, default_value = "5,5")]
        window: (usize, usize),
        /// Least co-occurrences.
        #[arg(long, default_value_t = 2)]
        min: u32,
        /// Let windows run across sentence ends.
        #[arg(long)]
        across: bool,
        /// logDice, mi, tScore, logLikelihood or count.
        #[arg(long, value_parser = enum_arg::<wenxi::query::Measure>, default_value = "logDice")]
        sort: wenxi::query::Measure,
        #[arg(long)]
        limit: Option<usize>,
        #[command(flatten)]
        common: Common,
    },
    /// Repeated word (or character) n-grams: {"ngrams": [{"words": [...], "count"}]}.
    Ngrams {
        /// One text file, or several (or directories) counted as one corpus.
        #[arg(required = true)]
        files: Vec<String>,
        /// Shortest and longest n (2 to 6); one number for one n.
        #[arg(long, value_name = "MIN,MAX", value_parser = pair, default_value = "2,6")]
        n: (usize, usize),
        /// Least occurrences.
        #[arg(long, default_value_t = 2)]
        min: u32,
        /// Drop an n-gram inside a longer one with the same count.
        #[arg(long)]
        longest: bool,
        /// Character n-grams instead of word n-grams.
        #[arg(long)]
        chars: bool,
        #[arg(long)]
        limit: Option<usize>,
        #[command(flatten)]
        common: Common,
    },
    /// Multi-word terms found in the text: {"terms": [{"term", "count", ...}]}.
    Terms {
        file: String,
        /// Least occurrences.
        #[arg(long, default_value_t = 3)]
        min: u32,
        /// Most tokens in a term (2 to 6).
        #[arg(long, default_value_t = 4)]
        max_words: usize,
        #[arg(long)]
        limit: Option<usize>,
        #[command(flatten)]
        common: Common,
    },
    /// Where words occur, with Juilland's D and Gries' DP over the sections (or 10 parts).
    Dispersion {
        file: String,
        #[arg(required = true)]
        words: Vec<String>,
        /// N equal parts instead of the sections.
        #[arg(long)]
        segments: Option<usize>,
        /// Leave out each occurrence's offsets.
        #[arg(long)]
        no_positions: bool,
        #[command(flatten)]
        common: Common,
    },
    /// The vocabulary profile by HSK 3.0 level: {"levels": [{"level", "tokens", "types", ...}],
    /// "coverage": {...}, "unknown": [...], ...}.
    Levels {
        file: String,
        /// The reader's known words: a text file, words separated by line breaks, spaces,
        /// commas or tabs (a word list, or a `word<TAB>...` export: the first column counts).
        #[arg(long, value_name = "WORDS.txt")]
        known: Option<String>,
        /// The reader's HSK level (1-7, 7 for the 7-9 band): listed words up to it are known.
        #[arg(long)]
        level: Option<u8>,
        /// How many unknown words to list (default 200).
        #[arg(long)]
        limit: Option<usize>,
        /// Print where the graded words are instead: {"spans": [{"start", "end", "level",
        /// "known"}], "bands": [{"level", "keys"}]} (UTF-16 offsets into FILE's text).
        #[arg(long)]
        marks: bool,
        #[command(flatten)]
        common: Common,
    },
    /// The relative frequency of words per section (or per N equal segments).
    Trends {
        file: String,
        #[arg(required = true)]
        words: Vec<String>,
        /// N equal segments instead of the sections.
        #[arg(long)]
        segments: Option<usize>,
        #[command(flatten)]
        common: Common,
    },
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("wenxi: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<(), String> {
    let Some(command) = cli.command else {
        let ReportArgs {
            common,
            tokens,
            file,
        } = cli.report;
        let file = file.ok_or("a FILE is needed (\"-\" reads standard input); see --help")?;
        let (text, options, mut analyzer) = prepare(&file, &common)?;
        if tokens {
            // Segmentation alone: the words the analysis cuts, without counting them.
            let lines = analyzer.segmented_text(&text, &options).map_err(failed)?;
            return io::stdout()
                .lock()
                .write_all(lines.as_bytes())
                .map_err(|e| e.to_string());
        }
        let report = analyzer.analyze(&text, &options).map_err(failed)?;
        return print(&report, common.pretty);
    };
    match command {
        Command::Corpus {
            paths,
            jsonl,
            threads,
            corpus,
            common,
        } => {
            let options = options(&common)?;
            let files = expand(&paths)?;
            let docs = summarize_all(&files, &options, threads)?;
            if jsonl {
                let mut out = io::BufWriter::new(io::stdout().lock());
                for d in &docs {
                    writeln!(out, "{}", d.to_json_line()).map_err(|e| e.to_string())?;
                }
                return out.flush().map_err(|e| e.to_string());
            }
            report_corpus(&docs, &corpus, &options, common.pretty)
        }
        Command::Merge {
            parts,
            corpus,
            common,
        } => {
            let options = options(&common)?;
            let mut docs = Vec::new();
            for part in &parts {
                let text = read(part)?;
                docs.extend(read_jsonl(&text).map_err(|e| format!("{part}: {}", failed(e)))?);
            }
            report_corpus(&docs, &corpus, &options, common.pretty)
        }
        Command::Concordance {
            query,
            files,
            word,
            regex,
            context,
            sort,
            as_written,
            limit,
            common,
        } => {
            let by = match (word, regex) {
                (true, _) => By::Word,
                (_, true) => By::Regex,
                _ => By::String,
            };
            let q = ConcordanceQuery {
                query,
                by,
                context,
                sort,
                as_written,
                limit,
                ranges: None,
            };
            match documents(&files, &common)? {
                Single(analyzer) => {
                    print(&analyzer.concordance(&q).map_err(failed)?, common.pretty)
                }
                Several(names, analyzer) => {
                    let found = analyzer.corpus_concordance(&q).map_err(failed)?;
                    print(
                        &InDocuments {
                            documents: names,
                            found,
                        },
                        common.pretty,
                    )
                }
            }
        }
        Command::Collocates {
            word,
            files,
            window: (left, right),
            min,
            across,
            sort,
            limit,
            common,
        } => {
            let q = CollocatesQuery {
                word,
                left,
                right,
                across_sentences: across,
                min_count: min,
                sort,
                limit,
            };
            match documents(&files, &common)? {
                Single(analyzer) => print(&analyzer.collocates(&q).map_err(failed)?, common.pretty),
                Several(names, analyzer) => {
                    let found = analyzer.corpus_collocates(&q).map_err(failed)?;
                    print(
                        &InDocuments {
                            documents: names,
                            found,
                        },
                        common.pretty,
                    )
                }
            }
        }
        Command::Ngrams {
            files,
            n: (min_n, max_n),
            min,
            longest,
            chars,
            limit,
            common,
        } => {
            let q = NgramsQuery {
                min_n,
                max_n,
                min_count: min,
                longest_only: longest,
                characters: chars,
                limit,
            };
            match documents(&files, &common)? {
                Single(analyzer) => print(&analyzer.ngrams(&q).map_err(failed)?, common.pretty),
                Several(names, analyzer) => {
                    let found = analyzer.corpus_ngrams(&q).map_err(failed)?;
                    print(
                        &InDocuments {
                            documents: names,
                            found,
                        },
                        common.pretty,
                    )
                }
            }
        }
        Command::Terms {
            file,
            min,
            max_words,
            limit,
            common,
        } => {
            let analyzer = analysed(&file, &common)?;
            let q = TermsQuery {
                min_count: min,
                max_words,
                limit,
            };
            print(&analyzer.terms(&q).map_err(failed)?, common.pretty)
        }
        Command::Dispersion {
            file,
            words,
            segments,
            no_positions,
            common,
        } => {
            let analyzer = analysed(&file, &common)?;
            let q = DispersionQuery {
                words,
                segments,
                positions: !no_positions,
            };
            print(&analyzer.dispersion(&q).map_err(failed)?, common.pretty)
        }
        Command::Trends {
            file,
            words,
            segments,
            common,
        } => {
            let analyzer = analysed(&file, &common)?;
            let q = TrendsQuery { words, segments };
            print(&analyzer.trends(&q).map_err(failed)?, common.pretty)
        }
        Command::Levels {
            file,
            known,
            level,
            limit,
            marks,
            common,
        } => {
            let known = match known {
                Some(path) => known_words(&read(&path)?),
                None => Vec::new(),
            };
            let analyzer = analysed(&file, &common)?;
            let q = LevelsQuery {
                known,
                level,
                limit,
            };
            if marks {
                print(&analyzer.level_marks(&q).map_err(failed)?, common.pretty)
            } else {
                print(&analyzer.levels(&q).map_err(failed)?, common.pretty)
            }
        }
    }
}

/// The words of a known-words file: one a line, or separated by spaces, commas or enumeration
/// commas; of a tab-separated line (a list exported with levels or counts) the first column.
fn known_words(text: &str) -> Vec<String> {
    text.lines()
        .map(|line| line.split('\t').next().unwrap_or(""))
        .flat_map(|line| {
            line.split(|c: char| c.is_whitespace() || matches!(c, ',' | '，' | '、' | ';' | '；'))
        })
        .map(|w| w.trim_start_matches('\u{feff}'))
        .filter(|w| !w.is_empty() && !w.starts_with('#'))
        .map(str::to_string)
        .collect()
}

/// An analyzer that has analysed `file` (its report is not printed: the queries read it).
fn analysed(file: &str, common: &Common) -> Result<Analyzer, String> {
    let (text, options, mut analyzer) = prepare(file, common)?;
    analyzer.analyze(&text, &options).map_err(failed)?;
    Ok(analyzer)
}

/// The file's text, the options and a fresh analyzer.
fn prepare(file: &str, common: &Common) -> Result<(String, Options, Analyzer), String> {
    Ok((read(file)?, options(common)?, Analyzer::new()))
}

/// The analysis's options (`--options`), or the defaults.
fn options(common: &Common) -> Result<Options, String> {
    match &common.options {
        Some(json) => Options::from_json(json).map_err(failed),
        None => Ok(Options::default()),
    }
}

/// An error of the analyzer, with its kind.
fn failed(e: wenxi::Error) -> String {
    format!("{e} ({})", e.kind())
}

/// `FILE`, or standard input for `-`, as text.
fn read(file: &str) -> Result<String, String> {
    let bytes = if file == "-" {
        let mut buf = Vec::new();
        io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("reading stdin: {e}"))?;
        buf
    } else {
        std::fs::read(file).map_err(|e| format!("reading {file}: {e}"))?
    };
    Ok(match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("wenxi: {file} is not valid UTF-8; invalid bytes read as U+FFFD");
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    })
}

/// `value` as one line of JSON (or indented), on standard output.
fn print(value: &impl Serialize, pretty: bool) -> Result<(), String> {
    let json = if pretty {
        serde_json::to_string_pretty(value)
    } else {
        serde_json::to_string(value)
    }
    .map_err(|e| e.to_string())?;
    let mut out = io::stdout().lock();
    writeln!(out, "{json}").map_err(|e| e.to_string())
}

/// A value of one of the queries' enums, by its JSON name (`left1`, `logDice`).
fn enum_arg<T: DeserializeOwned>(s: &str) -> Result<T, String> {
    serde_json::from_value(serde_json::Value::String(s.to_string())).map_err(|e| e.to_string())
}

/// `0,1:2,3` as two groups of document indices.
fn groups(s: &str) -> Result<(Vec<u32>, Vec<u32>), String> {
    let list = |x: &str| {
        x.split(',')
            .map(|i| {
                i.trim()
                    .parse::<u32>()
                    .map_err(|_| format!("{i:?} is not a document index"))
            })
            .collect::<Result<Vec<u32>, String>>()
    };
    let (a, b) = s
        .split_once(':')
        .ok_or_else(|| format!("{s:?}: two groups are written A:B, as 0,1:2,3"))?;
    Ok((list(a)?, list(b)?))
}

/// `A,B` as two numbers; one number `A` as `A,A`.
fn pair(s: &str) -> Result<(usize, usize), String> {
    let number = |x: &str| {
        x.trim()
            .parse::<usize>()
            .map_err(|_| format!("{x:?} is not a number"))
    };
    match s.split_once(',') {
        Some((a, b)) => Ok((number(a)?, number(b)?)),
        None => number(s).map(|a| (a, a)),
    }
}
