//! Prints one named entity per line: `START<TAB>END<TAB>KIND<TAB>TEXT<TAB>RECORD` (byte
//! offsets; RECORD such as `province:67 → 68 Lâm Đồng; QK5`, empty when the entity has no
//! gazetteer entry). Nested entities (the province
//! in `UBND tỉnh Đắk Nông`) follow their outer entity with `nested:` before their kind;
//! matches written in other case or without diacritics end with `(case-insensitive)` or
//! `(folded)`.
//!
//! `vntext ner FILE` (or `-`/nothing for standard input).

/// `vntext ner --help`.
pub const HELP: &str =
    "Prints one named entity per line: START<TAB>END<TAB>KIND<TAB>TEXT<TAB>RECORD (byte offsets;
RECORD such as `province:67 → 68 Lâm Đồng; QK5`, empty when the entity has no gazetteer entry).
Nested entities (the province in `UBND tỉnh Đắk Nông`) follow their outer entity with `nested:`
before their kind; matches written in other case or without diacritics end with
`(case-insensitive)` or `(folded)`.

usage: vntext ner [FILE]   (FILE `-` or none: standard input)
";

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use vntext::{MatchKind, Recognizer};

pub fn run(args: Vec<String>) -> ExitCode {
    let text = match crate::input::single_text("ner", args) {
        Ok(t) => t,
        Err(code) => return code,
    };
    let recognizer = Recognizer::builtin();
    let mut out = BufWriter::new(std::io::stdout().lock());
    for e in recognizer.recognize(&text) {
        let nested = if e.nested { "nested:" } else { "" };
        let how = match e.matched {
            MatchKind::Exact => "",
            MatchKind::CaseInsensitive => " (case-insensitive)",
            MatchKind::Folded => " (folded)",
        };
        let line = format!(
            "{}\t{}\t{nested}{}\t{}\t{}{how}",
            e.span.start,
            e.span.end,
            e.kind,
            e.text,
            recognizer.describe(&e)
        );
        if writeln!(out, "{line}").is_err() {
            return ExitCode::FAILURE;
        }
    }
    if out.flush().is_err() {
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
