//! Prints one token per line: `START<TAB>END<TAB>KIND<TAB>TEXT` (byte offsets).
//!
//! `cargo run --release --example tokenize -- FILE` (or `-`/nothing for standard input).

use std::io::{BufWriter, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let path = std::env::args().nth(1);
    let text = match vntext::read_text(path.as_deref()) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("tokenize: {}: {e}", path.as_deref().unwrap_or("-"));
            return ExitCode::FAILURE;
        }
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
