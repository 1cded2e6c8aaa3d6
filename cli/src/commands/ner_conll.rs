//! Tags a CoNLL-style NER file with the recognizer and scores it against the file's own
//! tags.
//!
//! `vntext ner-conll FILE [--rules | --model MODEL] > predicted.conll`
//!
//! Input: one token per line (`TOKEN<TAB>TAG`, BIO; with more columns the first is the
//! token and the last the tag), a blank line between sentences, `#` comments skipped,
//! `-DOCSTART-` lines between documents. Each sentence's tokens are joined with single
//! spaces (`_` inside a token counts as a space) and the sentences of a document are
//! recognized as one text (so the document memory works); see
//! [`vntext::Recognizer::tag_tokens`] for the type mapping (PER, LOC, ORG, MISC, DATE,
//! TIME). Spans follow the VLSP convention: a place's whole mention, designator included
//! (`tỉnh Đắk Nông`). `--rules` runs the rules alone (no tagger); `--model` loads a model
//! written by `train_ner`. The scores end with the micro average over PER, LOC and ORG. Standard output gets
//! `TOKEN<TAB>GOLD<TAB>PREDICTED` per token; standard error gets per-type precision,
//! recall and F1 over exact spans (conlleval style) and the gold types it ignored (MISC...).
//! Only the types the file annotates are tagged: in a file without dates (VLSP 2016) the
//! recognizer's dates are left out of the output and the scores.

/// `vntext ner-conll --help`.
pub const HELP: &str =
    "Tags a CoNLL-style NER file with the recognizer and scores it against the file's own tags.

usage: vntext ner-conll [--rules | --model MODEL] [FILE] > predicted.conll

Input: one token per line (TOKEN<TAB>TAG, BIO; with more columns the first is the token and the
last the tag), a blank line between sentences, `#` comments skipped, `-DOCSTART-` lines between
documents. Each sentence's tokens are joined with single spaces (`_` inside a token counts as a
space) and the sentences of a document are recognized as one text (so the document memory
works). Spans follow the VLSP convention: a place's whole mention, designator included.
  --rules        the rules alone (no tagger)
  --model MODEL  a tagger model written by `vntext train-ner`
Standard output gets TOKEN<TAB>GOLD<TAB>PREDICTED per token; standard error gets per-type
precision, recall and F1 over exact spans (conlleval style), the micro average over PER, LOC
and ORG, and the gold types it ignored. Only the types the file annotates are tagged.
FILE `-` or none: standard input.
";

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use vntext::{NerScores, Recognizer, read_conll};

pub fn run(args: Vec<String>) -> ExitCode {
    let mut builder = Recognizer::builder();
    let mut path = None;
    let mut k = 0;
    while k < args.len() {
        match args[k].as_str() {
            "--rules" => {
                builder.rules_only();
            }
            "--model" => {
                k += 1;
                let loaded = args
                    .get(k)
                    .ok_or_else(|| "--model needs a file".to_owned())
                    .and_then(|m| std::fs::read(m).map_err(|e| format!("{m}: {e}")))
                    .and_then(|bytes| builder.model(&bytes).map(|_| ()).map_err(|e| e.to_string()));
                if let Err(e) = loaded {
                    eprintln!("ner-conll: {e}");
                    return ExitCode::FAILURE;
                }
            }
            other if other.starts_with('-') && other != "-" => {
                eprintln!(
                    "ner-conll: unknown option {other} (usage: vntext ner-conll [--rules | --model MODEL] [FILE])"
                );
                return ExitCode::from(2);
            }
            other if path.is_some() => {
                eprintln!("ner-conll: more than one FILE ({other})");
                return ExitCode::from(2);
            }
            other => path = Some(other.to_owned()),
        }
        k += 1;
    }
    let text = match crate::input::read_text(path.as_deref()) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("ner-conll: {}: {e}", path.as_deref().unwrap_or("-"));
            return ExitCode::FAILURE;
        }
    };
    let recognizer = builder.build();
    let sentences = read_conll(&text);
    let mut scores = NerScores::default();
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut tagged = Vec::with_capacity(sentences.len());
    for doc in sentences.chunk_by(|a, b| a.document == b.document) {
        let tokens: Vec<&[String]> = doc.iter().map(|s| s.tokens.as_slice()).collect();
        tagged.extend(recognizer.tag_document(&tokens));
    }
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
    let rows = scores
        .by_type
        .iter()
        .map(|(t, c)| (t.as_str(), *c))
        .chain([("all", scores.total()), ("PER+LOC+ORG", scores.micro(&["PER", "LOC", "ORG"]))]);
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
