//! Expands the abbreviations of a text with the built-in dictionary.
//!
//! `cargo run --release --example expand -- FILE` prints the expanded text;
//! `cargo run --release --example expand -- --matches FILE` prints one match per line:
//! `START<TAB>END<TAB>SURFACE<TAB>EXPANSION<TAB>SOURCE` (byte offsets into the input).
//! Without FILE (or with `-`) the text is read from standard input.

use std::io::{BufWriter, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut matches = false;
    let mut path = None;
    for arg in std::env::args().skip(1) {
        if arg == "--matches" {
            matches = true;
        } else if path.is_none() && (arg == "-" || !arg.starts_with('-')) {
            path = Some(arg);
        } else {
            eprintln!("expand: usage: expand [--matches] [FILE]");
            return ExitCode::FAILURE;
        }
    }
    let text = match vntext::read_text(path.as_deref()) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("expand: {}: {e}", path.as_deref().unwrap_or("-"));
            return ExitCode::FAILURE;
        }
    };
    let expanded = vntext::Abbreviations::builtin().expand(&text);
    let mut out = BufWriter::new(std::io::stdout().lock());
    let written = if matches {
        expanded.matches().iter().try_for_each(|m| {
            writeln!(out, "{}\t{}\t{}\t{}\t{}", m.span.start, m.span.end, m.surface, m.expansion, m.source)
        })
    } else {
        out.write_all(expanded.as_str().as_bytes())
    };
    if written.and_then(|()| out.flush()).is_err() {
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
