//! Expands the abbreviations of a text, with the built-in dictionary or your own.
//!
//! `vntext expand FILE` prints the expanded text;
//! `vntext expand --matches FILE` prints one match per line:
//! `START<TAB>END<TAB>SURFACE<TAB>EXPANSION<TAB>SOURCE` (byte offsets into the input);
//! `--dict DICT.tsv` uses a dictionary in the format of `data/abbreviations.tsv` instead of
//! the built-in one. Without FILE (or with `-`) the text is read from standard input.

/// `vntext expand --help`.
pub const HELP: &str = "Expands the abbreviations of a text, with the built-in dictionary or your own.

usage: vntext expand [--matches] [--dict DICT.tsv] [FILE]

Prints the expanded text, or with --matches one match per line:
START<TAB>END<TAB>SURFACE<TAB>EXPANSION<TAB>SOURCE (byte offsets into the input).
  --dict   a dictionary in the format of vntext's data/abbreviations.tsv instead of the
           built-in one
FILE `-` or none: standard input.
";

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use vntext::Abbreviations;

fn fail(msg: &str) -> ExitCode {
    eprintln!("expand: {msg}");
    ExitCode::FAILURE
}

pub fn run(args: Vec<String>) -> ExitCode {
    let mut matches = false;
    let mut path = None;
    let mut dict_path = None;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        if arg == "--matches" {
            matches = true;
        } else if arg == "--dict" {
            match args.next() {
                Some(p) => dict_path = Some(p),
                None => {
                    return fail("--dict needs a file (usage: expand [--matches] [--dict DICT.tsv] [FILE])");
                }
            }
        } else if path.is_none() && (arg == "-" || !arg.starts_with('-')) {
            path = Some(arg);
        } else {
            return fail("usage: expand [--matches] [--dict DICT.tsv] [FILE]");
        }
    }
    let own;
    let dict = match &dict_path {
        None => Abbreviations::builtin(),
        Some(p) => {
            let loaded = crate::input::read_text(Some(p))
                .map_err(|e| format!("{p}: {e}"))
                .and_then(|src| Abbreviations::from_tsv(p, &src).map_err(|e| e.to_string()));
            match loaded {
                Ok(d) => {
                    own = d;
                    &own
                }
                Err(e) => return fail(&e),
            }
        }
    };
    let text = match crate::input::read_text(path.as_deref()) {
        Ok(t) => t,
        Err(e) => return fail(&format!("{}: {e}", path.as_deref().unwrap_or("-"))),
    };
    let expanded = dict.expand(&text);
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
