//! Trains a named-entity tagger ([`vntext::NerTagger`]) from CoNLL files and writes its model.
//!
//! ```text
//! cargo run --release --example train_ner -- --train FILE... [--dev FILE] --out MODEL
//!     [--bits N] [--epochs N] [--runs N]
//! ```
//!
//! Each file has one token per line with its BIO tag in the last column (tab-separated,
//! so a token may hold spaces; VLSP 2016/2018 layouts included), a blank line between
//! sentences (see [`vntext::read_conll`]). `--train` takes one or more files (repeat it or
//! list them after it). `--dev` scores the new model on a held-out file: precision, recall
//! and F1 per type and micro-averaged over PER, LOC, ORG, DATE, TIME (exact spans, as
//! conlleval). Never pass a test file to `--dev` while choosing features or settings; a
//! `--train` file whose name contains `test` is refused.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use vntext::{NerScores, NerTagger, NerTrainer, read_conll};

struct Options {
    train: Vec<PathBuf>,
    dev: Option<PathBuf>,
    out: PathBuf,
    bits: u32,
    epochs: usize,
    runs: usize,
}

const USAGE: &str =
    "usage: train_ner --train FILE... [--dev FILE] --out MODEL [--bits N] [--epochs N] [--runs N]";

fn parse_args() -> Result<Option<Options>, String> {
    let mut train = Vec::new();
    let (mut dev, mut out) = (None, None);
    let (mut bits, mut epochs, mut runs) = (18, 10, 5);
    let mut args = std::env::args().skip(1).peekable();
    while let Some(a) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{a} needs a value"));
        match a.as_str() {
            "--help" | "-h" => return Ok(None),
            "--train" => {
                train.push(PathBuf::from(value()?));
                while let Some(more) = args.next_if(|a| !a.starts_with("--")) {
                    train.push(more.into());
                }
            }
            "--dev" => dev = Some(PathBuf::from(value()?)),
            "--out" => out = Some(PathBuf::from(value()?)),
            "--bits" => bits = value()?.parse().map_err(|e| format!("--bits: {e}"))?,
            "--epochs" => epochs = value()?.parse().map_err(|e| format!("--epochs: {e}"))?,
            "--runs" => runs = value()?.parse().map_err(|e| format!("--runs: {e}"))?,
            _ => return Err(format!("unknown argument {a} ({USAGE})")),
        }
    }
    if train.is_empty() {
        return Err(format!("--train is required ({USAGE})"));
    }
    if train.iter().any(|p| p.file_name().is_some_and(|n| n.to_string_lossy().contains("test"))) {
        return Err("refusing to train on a test file".into());
    }
    let out = out.ok_or_else(|| format!("--out is required ({USAGE})"))?;
    Ok(Some(Options { train, dev, out, bits, epochs, runs }))
}

fn read(path: &std::path::Path) -> Result<Vec<vntext::ConllSentence>, String> {
    let text = vntext::read_text(path.to_str()).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(read_conll(&text))
}

fn run() -> Result<(), String> {
    let Some(o) = parse_args()? else {
        println!("{USAGE}");
        return Ok(());
    };
    let started = Instant::now();
    let mut trainer = NerTrainer::new();
    trainer.hash_bits(o.bits).epochs(o.epochs).runs(o.runs);
    let mut sentences = 0;
    for path in &o.train {
        for (k, s) in read(path)?.iter().enumerate() {
            trainer
                .add_sentence(&s.tokens, &s.tags)
                .map_err(|e| format!("{}: sentence {}: {e}", path.display(), k + 1))?;
            sentences += 1;
        }
    }
    let model = trainer.train().map_err(|e| e.to_string())?;
    std::fs::write(&o.out, &model).map_err(|e| format!("{}: {e}", o.out.display()))?;
    eprintln!(
        "train_ner: {sentences} sentences, model {} bytes, {:.1}s; wrote {}",
        model.len(),
        started.elapsed().as_secs_f64(),
        o.out.display()
    );
    if let Some(path) = &o.dev {
        let tagger = NerTagger::from_model_bytes(&model).map_err(|e| e.to_string())?;
        let mut worker = tagger.worker();
        let mut scores = NerScores::default();
        for s in read(path)? {
            let predicted: Vec<String> = worker.tag(&s.tokens).map(str::to_owned).collect();
            scores.add(&s.tags, &predicted);
        }
        for (typ, c) in &scores.by_type {
            println!(
                "{typ}\tP {:.2}\tR {:.2}\tF1 {:.2}\t(gold {}, predicted {})",
                100.0 * c.precision(),
                100.0 * c.recall(),
                100.0 * c.f1(),
                c.gold,
                c.predicted
            );
        }
        let t = scores.total();
        println!(
            "{}: micro P {:.2} R {:.2} F1 {:.2}",
            path.display(),
            100.0 * t.precision(),
            100.0 * t.recall(),
            100.0 * t.f1()
        );
    }
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train_ner: {e}");
            ExitCode::FAILURE
        }
    }
}
