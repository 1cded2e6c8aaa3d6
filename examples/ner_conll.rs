//! Tags a two-column CoNLL file (`TOKEN<TAB>TAG`, BIO tags, a blank line between
//! sentences) with the recognizer and scores it against the file's own tags.
//!
//! `cargo run --release --example ner_conll -- FILE > predicted.conll`
//!
//! Each sentence's tokens are joined with single spaces (`_` inside a token counts as a
//! space, for word-segmented sets such as `Hồ_Văn_Mười`) and recognized; a token is tagged
//! when an entity covers it. Types: PER (Person), LOC (Province, Location, and a
//! MilitaryRegion used as a place: after `địa bàn`, `tại`, `ở`, `thuộc`, `trên`...), ORG
//! (Organization, MilitaryRegion as a body), DATE, TIME. `#` comment lines and
//! `-DOCSTART-` are skipped; with more than two columns the first is the token and the last
//! the tag. Standard output gets `TOKEN<TAB>GOLD<TAB>PREDICTED`; standard error gets
//! per-type precision, recall and F1 over exact spans (conlleval style); gold types other
//! than these five (MISC...) are counted and ignored.

use std::collections::BTreeMap;
use std::io::{BufWriter, Write};
use std::process::ExitCode;

use vntext::{EntityKind, Recognizer};

const TYPES: [&str; 5] = ["PER", "LOC", "ORG", "DATE", "TIME"];

/// Words after which a military region is a place, not a body.
const PLACE_WORDS: [&str; 11] = ["bàn", "tại", "ở", "thuộc", "trên", "khắp", "vùng", "về", "đến", "tới", "vào"];

struct Sentence {
    tokens: Vec<String>,
    gold: Vec<String>,
}

fn read_sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut cur = Sentence { tokens: Vec::new(), gold: Vec::new() };
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !cur.tokens.is_empty() {
                out.push(std::mem::replace(&mut cur, Sentence { tokens: Vec::new(), gold: Vec::new() }));
            }
            continue;
        }
        if line.starts_with('#') || line.starts_with("-DOCSTART-") {
            continue;
        }
        let cols: Vec<&str> = line.split(['\t', ' ']).filter(|c| !c.is_empty()).collect();
        let (token, tag) = match cols.as_slice() {
            [t] => (*t, "O"),
            [t, .., tag] => (*t, *tag),
            [] => continue,
        };
        cur.tokens.push(token.to_owned());
        cur.gold.push(tag.to_owned());
    }
    if !cur.tokens.is_empty() {
        out.push(cur);
    }
    out
}

/// Spans `(start, end, type)` of a BIO sequence (an `I-` after another type starts a span).
fn spans(tags: &[String]) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut cur: Option<(usize, String)> = None;
    for (i, tag) in tags.iter().enumerate() {
        let (bio, typ) = tag.split_once('-').map_or((tag.as_str(), ""), |(b, t)| (b, t));
        let continues = bio == "I" && cur.as_ref().is_some_and(|(_, t)| t == typ);
        if !continues {
            if let Some((s, t)) = cur.take() {
                out.push((s, i, t));
            }
            if bio == "B" || bio == "I" {
                cur = Some((i, typ.to_owned()));
            }
        }
    }
    if let Some((s, t)) = cur {
        out.push((s, tags.len(), t));
    }
    out
}

fn predict(recognizer: &Recognizer, tokens: &[String]) -> Vec<String> {
    let mut text = String::new();
    let mut starts = Vec::with_capacity(tokens.len());
    for t in tokens {
        if !text.is_empty() {
            text.push(' ');
        }
        starts.push(text.len());
        text.extend(t.chars().map(|c| if c == '_' { ' ' } else { c }));
    }
    let ends: Vec<usize> = starts.iter().zip(tokens).map(|(s, t)| s + t.len()).collect();
    let mut tags = vec!["O".to_owned(); tokens.len()];
    let entities = recognizer.recognize(&text);
    for e in entities.iter().filter(|e| !e.nested) {
        let typ = match e.kind {
            EntityKind::Person => "PER",
            EntityKind::Province | EntityKind::Location => "LOC",
            EntityKind::Organization => "ORG",
            EntityKind::MilitaryRegion => {
                let before = text[..e.span.start].split_whitespace().next_back().unwrap_or("").to_lowercase();
                if PLACE_WORDS.contains(&before.as_str()) { "LOC" } else { "ORG" }
            }
            EntityKind::Date => "DATE",
            EntityKind::Time => "TIME",
            _ => continue,
        };
        let mut first = true;
        for (k, (&s, &end)) in starts.iter().zip(&ends).enumerate() {
            if end > e.span.start && s < e.span.end && tags[k] == "O" {
                tags[k] = format!("{}-{typ}", if first { "B" } else { "I" });
                first = false;
            }
        }
    }
    tags
}

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
    let sentences = read_sentences(&text);
    // type → (true positives, predicted, gold)
    let mut counts: BTreeMap<&str, (usize, usize, usize)> = TYPES.iter().map(|t| (*t, (0, 0, 0))).collect();
    let mut ignored: BTreeMap<String, usize> = BTreeMap::new();
    let mut out = BufWriter::new(std::io::stdout().lock());
    for s in &sentences {
        let pred = predict(recognizer, &s.tokens);
        for ((tok, g), p) in s.tokens.iter().zip(&s.gold).zip(&pred) {
            if writeln!(out, "{tok}\t{g}\t{p}").is_err() {
                return ExitCode::FAILURE;
            }
        }
        if writeln!(out).is_err() {
            return ExitCode::FAILURE;
        }
        let gold = spans(&s.gold);
        let predicted = spans(&pred);
        for g in &gold {
            match counts.get_mut(g.2.as_str()) {
                Some(c) => {
                    c.2 += 1;
                    if predicted.contains(g) {
                        c.0 += 1;
                    }
                }
                None => *ignored.entry(g.2.clone()).or_default() += 1,
            }
        }
        for p in &predicted {
            if let Some(c) = counts.get_mut(p.2.as_str()) {
                c.1 += 1;
            }
        }
    }
    if out.flush().is_err() {
        return ExitCode::FAILURE;
    }
    let f1 = |tp: usize, p: usize, g: usize| {
        let prec = if p == 0 { 0.0 } else { tp as f64 / p as f64 };
        let rec = if g == 0 { 0.0 } else { tp as f64 / g as f64 };
        let f = if prec + rec == 0.0 { 0.0 } else { 2.0 * prec * rec / (prec + rec) };
        (100.0 * prec, 100.0 * rec, 100.0 * f)
    };
    eprintln!("{} sentences", sentences.len());
    eprintln!("type\tprecision\trecall\tF1\tgold\tpredicted");
    let (mut tp, mut np, mut ng) = (0, 0, 0);
    for (t, &(a, p, g)) in &counts {
        let (pr, rc, f) = f1(a, p, g);
        eprintln!("{t}\t{pr:.2}\t{rc:.2}\t{f:.2}\t{g}\t{p}");
        (tp, np, ng) = (tp + a, np + p, ng + g);
    }
    let (pr, rc, f) = f1(tp, np, ng);
    eprintln!("all\t{pr:.2}\t{rc:.2}\t{f:.2}\t{ng}\t{np}");
    for (t, n) in &ignored {
        eprintln!("ignored gold type {t}: {n} spans");
    }
    ExitCode::SUCCESS
}
