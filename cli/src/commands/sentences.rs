//! Prints one sentence per line: `START<TAB>END<TAB>TEXT` (byte offsets; line breaks inside
//! a sentence are printed as spaces).
//!
//! `vntext sentences FILE` (or `-`/nothing for standard input).

/// `vntext sentences --help`.
pub const HELP: &str =
    "Prints one sentence per line: START<TAB>END<TAB>TEXT (byte offsets; line breaks inside a
sentence are printed as spaces).

usage: vntext sentences [FILE]   (FILE `-` or none: standard input)
";

use std::io::{BufWriter, Write};
use std::process::ExitCode;

pub fn run(args: Vec<String>) -> ExitCode {
    let text = match crate::input::single_text("sentences", args) {
        Ok(t) => t,
        Err(code) => return code,
    };
    let mut out = BufWriter::new(std::io::stdout().lock());
    for s in vntext::sentences(&text) {
        let one_line = s.text.replace(['\n', '\r', '\t'], " ");
        if writeln!(out, "{}\t{}\t{}", s.span.start, s.span.end, one_line).is_err() {
            return ExitCode::FAILURE;
        }
    }
    if out.flush().is_err() {
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
