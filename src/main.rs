//! `wenxi`: analyse a text file natively and print the report as JSON.
//!
//! ```text
//! wenxi [--options JSON] [--pretty] FILE     (FILE "-" reads standard input)
//! wenxi --tokens [--options JSON] FILE        one output line per input line: its words,
//!                                             separated by single spaces
//! ```
//! `--tokens` writes the segmentation the analysis uses (cleaning, script conversion, jieba,
//! joined terms), each word as written in the input, so any gold set in the usual one
//! sentence a line, words separated by spaces format can be scored against it.
//! Same core, same report as the browser build. Invalid UTF-8 is replaced with U+FFFD (with a
//! warning on stderr) rather than refused: pasted text often has a stray byte.

use std::io::{self, Read, Write};
use std::process::ExitCode;

use wenxi::{Analyzer, Options};

const USAGE: &str =
    "usage: wenxi [--options JSON] [--pretty | --tokens] FILE   (FILE - reads stdin)";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("wenxi: {message}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), String> {
    let mut options = Options::default();
    let mut pretty = false;
    let mut tokens = false;
    let mut file = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--options" => {
                let json = args.next().ok_or("--options needs a JSON object")?;
                options = Options::from_json(&json).map_err(|e| format!("{e} ({})", e.kind()))?;
            }
            "--pretty" => pretty = true,
            "--tokens" => tokens = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            _ if file.is_none() => file = Some(arg),
            _ => return Err(format!("unexpected argument {arg:?}\n{USAGE}")),
        }
    }
    let file = file.ok_or(USAGE)?;
    let bytes = if file == "-" {
        let mut buf = Vec::new();
        io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("reading stdin: {e}"))?;
        buf
    } else {
        std::fs::read(&file).map_err(|e| format!("reading {file}: {e}"))?
    };
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("wenxi: {file} is not valid UTF-8; invalid bytes read as U+FFFD");
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    };
    let mut analyzer = Analyzer::new();
    if tokens {
        // Segmentation alone: the words the analysis cuts, without counting them.
        let lines = analyzer
            .segmented_text(&text, &options)
            .map_err(|e| format!("{} ({})", e, e.kind()))?;
        return io::stdout()
            .lock()
            .write_all(lines.as_bytes())
            .map_err(|e| e.to_string());
    }
    let report = analyzer
        .analyze(&text, &options)
        .map_err(|e| format!("{} ({})", e, e.kind()))?;
    let json = if pretty {
        serde_json::to_string_pretty(&report)
    } else {
        serde_json::to_string(&report)
    }
    .map_err(|e| e.to_string())?;
    let mut out = io::stdout().lock();
    writeln!(out, "{json}").map_err(|e| e.to_string())
}
