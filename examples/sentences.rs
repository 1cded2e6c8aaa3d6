//! Prints one sentence per line: `START<TAB>END<TAB>TEXT` (byte offsets; line breaks inside
//! a sentence are printed as spaces).
//!
//! `cargo run --release --example sentences -- FILE` (or `-`/nothing for standard input).

use std::io::{BufWriter, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let path = std::env::args().nth(1);
    let text = match vntext::read_text(path.as_deref()) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("sentences: {}: {e}", path.as_deref().unwrap_or("-"));
            return ExitCode::FAILURE;
        }
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
