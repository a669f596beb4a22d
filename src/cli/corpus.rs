//! The command line's corpus: the files a PATH stands for, their summaries (in parallel
//! across cores), the corpus report with its reference, and documents kept for the queries
//! over several files.

use std::cell::RefCell;
use std::path::Path;

// Native only (Cargo.toml): `wasm-pack test` builds this binary for wasm32 too.
#[cfg(not(target_arch = "wasm32"))]
use rayon::prelude::*;
use serde::Serialize;
use wenxi::collection::{
    corpus_report, CorpusOptions, CorpusRequest, DocumentSummary, ReferenceSource,
};
use wenxi::{Analyzer, Options};

use super::{analysed, failed, options, print, read, Common, CorpusArgs};

/// Every file `paths` name, in order: a file as given, a directory as the files under it,
/// recursively, sorted by path (names starting with "." skipped).
pub(crate) fn expand(paths: &[String]) -> Result<Vec<String>, String> {
    fn walk(dir: &Path, out: &mut Vec<String>) -> Result<(), String> {
        let entries =
            std::fs::read_dir(dir).map_err(|e| format!("reading {}: {e}", dir.display()))?;
        let mut found = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|e| format!("reading {}: {e}", dir.display()))?;
            if !entry.file_name().to_string_lossy().starts_with('.') {
                found.push(entry.path());
            }
        }
        found.sort();
        for path in found {
            if path.is_dir() {
                walk(&path, out)?;
            } else {
                out.push(path.to_string_lossy().into_owned());
            }
        }
        Ok(())
    }
    let mut files = Vec::new();
    for p in paths {
        if Path::new(p).is_dir() {
            walk(Path::new(p), &mut files)?;
        } else {
            files.push(p.clone());
        }
    }
    Ok(files)
}

thread_local! {
    /// Each thread's analyzer: building one loads the dictionary, so a thread builds one and
    /// analyses all its documents with it.
    static ANALYZER: RefCell<Option<Analyzer>> = const { RefCell::new(None) };
}

/// The summaries of `files`, in order, analysed on `threads` threads (rayon's default when
/// `None`). Each document's summary depends on its text and the options alone, so the
/// result is the same on any number of threads.
pub(crate) fn summarize_all(
    files: &[String],
    options: &Options,
    threads: Option<usize>,
) -> Result<Vec<DocumentSummary>, String> {
    #[cfg(target_arch = "wasm32")]
    {
        // No threads (nor rayon) on wasm32, where only `wasm-pack test` builds this binary.
        let _ = threads;
        files.iter().map(|f| summarize_file(f, options)).collect()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads.unwrap_or(0))
            .build()
            .map_err(|e| e.to_string())?;
        pool.install(|| {
            files
                .par_iter()
                .map(|f| summarize_file(f, options))
                .collect()
        })
    }
}

/// The summary of `file`, by this thread's analyzer.
fn summarize_file(file: &str, options: &Options) -> Result<DocumentSummary, String> {
    let text = read(file)?;
    ANALYZER.with(|cell| {
        let mut cell = cell.borrow_mut();
        let analyzer = cell.get_or_insert_with(Analyzer::new);
        analyzer
            .summarize(file, &text, options)
            .map_err(|e| format!("{file}: {}", failed(e)))
    })
}

/// Print the corpus report of `docs`, with the reference `args` names (a text, analysed with
/// `options`, or a frequency list).
pub(crate) fn report_corpus(
    docs: &[DocumentSummary],
    args: &CorpusArgs,
    options: &Options,
    pretty: bool,
) -> Result<(), String> {
    let reference = match (&args.reference, &args.reference_list) {
        (Some(file), _) => Some(ReferenceSource::Text {
            name: file.clone(),
            text: read(file)?,
        }),
        (None, Some(file)) => Some(ReferenceSource::List {
            name: file.clone(),
            list: read(file)?,
        }),
        (None, None) if args.reference_dictionary => Some(ReferenceSource::Dictionary {
            name: "jieba dictionary".into(),
        }),
        (None, None) => None,
    };
    let list_file = args
        .reference_list
        .as_deref()
        .filter(|_| args.reference.is_none());
    let request = CorpusRequest {
        options: CorpusOptions {
            top_n: args.top,
            terms: args.terms,
            compare: args.compare.clone(),
        },
        reference,
        analysis: options.clone(),
    };
    // Without a reference to analyse, `merge` need not load a dictionary.
    let report = match request.reference {
        Some(_) => Analyzer::new().corpus_report(docs, &request),
        None => corpus_report(docs, &request.options, None),
    }
    .map_err(|e| match (list_file, &e) {
        // A frequency list's error names its line: say which file.
        (Some(file), wenxi::Error::InvalidFrequencyList { .. }) => format!("{file}: {}", failed(e)),
        _ => failed(e),
    })?;
    print(&report, pretty)
}

/// What a query reads: one text, or several documents kept as a corpus (with their names).
pub(crate) enum Documents {
    Single(Analyzer),
    Several(Vec<String>, Analyzer),
}

/// A corpus query's answer, after the documents' names.
#[derive(Serialize)]
pub(crate) struct InDocuments<T: Serialize> {
    pub documents: Vec<String>,
    #[serde(flatten)]
    pub found: T,
}

/// `paths` analysed for a query: one file as a text; several, or a directory, as a corpus
/// whose documents are kept for the corpus queries, in path order.
pub(crate) fn documents(paths: &[String], common: &Common) -> Result<Documents, String> {
    let single = match paths {
        [path] => !Path::new(path).is_dir(),
        _ => false,
    };
    if single {
        return analysed(&paths[0], common).map(Documents::Single);
    }
    let names = expand(paths)?;
    let options = options(common)?;
    let mut analyzer = Analyzer::new();
    for (i, name) in names.iter().enumerate() {
        let text = read(name)?;
        analyzer
            .keep_document(i, name, &text, &options, true)
            .map_err(|e| format!("{name}: {}", failed(e)))?;
    }
    Ok(Documents::Several(names, analyzer))
}
