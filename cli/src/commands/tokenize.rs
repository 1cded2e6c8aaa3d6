//! Prints one token per line: `START<TAB>END<TAB>KIND<TAB>TEXT` (byte offsets).
//!
//! `vntext tokenize FILE` (or `-`/nothing for standard input).

/// `vntext tokenize --help`.
pub const HELP: &str = "Prints one token per line: START<TAB>END<TAB>KIND<TAB>TEXT (byte offsets).

usage: vntext tokenize [FILE]   (FILE `-` or none: standard input)
";

use std::io::{BufWriter, Write};
use std::process::ExitCode;

pub fn run(args: Vec<String>) -> ExitCode {
    let text = match crate::input::single_text("tokenize", args) {
        Ok(t) => t,
        Err(code) => return code,
    };
    let mut out = BufWriter::new(std::io::stdout().lock());
    for t in vntext::tokenize(&text) {
        let s = t.span();
        if writeln!(out, "{}\t{}\t{}\t{}", s.start, s.end, t.kind(), t.as_str()).is_err() {
            return ExitCode::FAILURE;
        }
    }
    if out.flush().is_err() {
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
