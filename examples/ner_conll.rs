//! Tags a CoNLL-style NER file with the recognizer and scores it against the file's own
//! tags.
//!
//! `cargo run --release --example ner_conll -- FILE > predicted.conll`
//!
//! Input: one token per line (`TOKEN<TAB>TAG`, BIO; with more columns the first is the
//! token and the last the tag), a blank line between sentences, `#` comments and
//! `-DOCSTART-` skipped. Each sentence's tokens are joined with single spaces (`_` inside a
//! token counts as a space) and recognized; see [`vntext::Recognizer::tag_tokens`] for the
//! type mapping (PER, LOC, ORG, DATE, TIME). Standard output gets
//! `TOKEN<TAB>GOLD<TAB>PREDICTED` per token; standard error gets per-type precision,
//! recall and F1 over exact spans (conlleval style) and the gold types it ignored (MISC...).
//! Only the types the file annotates are tagged: in a file without dates (VLSP 2016) the
//! recognizer's dates are left out of the output and the scores.

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use vntext::{NerScores, Recognizer, read_conll};

fn main() -> ExitCode {
    let path = std::env::args().nth(1);
    let text = match vntext::read_text(path.as_deref()) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("ner_conll: {}: {e}", path.as_deref().unwrap_or("-"));
            return ExitCode::FAILURE;
        }
    };
    let recognizer = Recognizer::builtin();
    let sentences = read_conll(&text);
    let mut scores = NerScores::default();
    let mut out = BufWriter::new(std::io::stdout().lock());
    let tokens: Vec<&[String]> = sentences.iter().map(|s| s.tokens.as_slice()).collect();
    let mut tagged = recognizer.tag_document(&tokens);
    // Tag only the types the file annotates: a VLSP 2016 file has no dates, and a date
    // tagged there would count against us in any scorer that reads our output.
    let annotated: std::collections::BTreeSet<&str> = sentences
        .iter()
        .flat_map(|s| &s.tags)
        .filter_map(|t| t.split_once('-').map(|(_, typ)| typ))
        .collect();
    let mut dropped = std::collections::BTreeSet::new();
    for tag in tagged.iter_mut().flatten() {
        if let Some((_, typ)) = tag.split_once('-') {
            if !annotated.contains(typ) {
                dropped.insert(typ.to_owned());
                *tag = "O".to_owned();
            }
        }
    }
    for (s, predicted) in sentences.iter().zip(&tagged) {
        scores.add(&s.tags, predicted);
        for ((token, gold), pred) in s.tokens.iter().zip(&s.tags).zip(predicted) {
            if writeln!(out, "{token}\t{gold}\t{pred}").is_err() {
                return ExitCode::FAILURE;
            }
        }
        if writeln!(out).is_err() {
            return ExitCode::FAILURE;
        }
    }
    if out.flush().is_err() {
        return ExitCode::FAILURE;
    }
    eprintln!("{} sentences", sentences.len());
    eprintln!("type\tprecision\trecall\tF1\tgold\tpredicted");
    let rows = scores.by_type.iter().map(|(t, c)| (t.as_str(), *c)).chain([("all", scores.total())]);
    for (t, c) in rows {
        eprintln!(
            "{t}\t{:.2}\t{:.2}\t{:.2}\t{}\t{}",
            100.0 * c.precision(),
            100.0 * c.recall(),
            100.0 * c.f1(),
            c.gold,
            c.predicted
        );
    }
    for (t, n) in &scores.ignored {
        eprintln!("ignored gold type {t}: {n} spans");
    }
    for t in &dropped {
        eprintln!("not tagged: {t} (the file annotates none)");
    }
    ExitCode::SUCCESS
}
