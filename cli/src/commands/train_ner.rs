//! Trains a named-entity tagger ([`vntext::NerTagger`]) from CoNLL files and writes its model.
//!
//! ```text
//! vntext train-ner --train FILE... [--dev FILE] --out MODEL
//!     [--bits N] [--epochs N] [--runs N] [--no-clusters] [--no-memory] [--no-rules]
//!     [--no-affixes] [--no-name-runs] [--no-history] [--no-words]
//! ```
//!
//! Each file has one token per line with its BIO tag in the last column (tab-separated,
//! so a token may hold spaces; VLSP 2016/2018 layouts included), a blank line between
//! sentences, `-DOCSTART-` lines between documents (see [`vntext::read_conll`]); the
//! sentences of a document share the document memory. `--train` takes one or more files
//! (repeat it or list them after it). `--dev` scores the new model, run inside
//! [`vntext::Recognizer`] as a user gets it, on a held-out file: precision, recall and F1 per
//! type and micro-averaged over PER, LOC and ORG (exact whole mentions, as conlleval).
//! Never pass a test file to `--dev` while choosing features or settings; a `--train` file
//! whose name contains `test` is refused. `--no-clusters`, `--no-memory`, `--no-rules`,
//! `--no-affixes`, `--no-name-runs`, `--no-history` and `--no-words` (the word boundaries of
//! the segmenter's lexicon) leave a feature group out (for ablations; the history group makes
//! training about six times longer).
//!
//! The built-in model (`data/ner/tagger.bin`):
//! `vntext train-ner --train corpus/ner/conll/train.conll --dev corpus/ner/conll/dev.conll --out data/ner/tagger.bin`

/// `vntext train-ner --help`.
pub const HELP: &str = "Trains a named-entity tagger (vntext::NerTagger) from CoNLL files and writes its model.

usage: vntext train-ner --train FILE... [--dev FILE] --out MODEL [--bits N] [--epochs N]
                        [--runs N] [--no-clusters] [--no-memory] [--no-rules]
                        [--no-affixes] [--no-name-runs] [--no-history] [--no-words]

Each file has one token per line with its BIO tag in the last column (tab-separated), a blank
line between sentences, `-DOCSTART-` lines between documents; the sentences of a document share
the document memory. --train takes one or more files (repeat it or list them after it); a file
whose name contains `test` is refused. --dev scores the new model, run inside the recognizer, on
a held-out file: P, R and F1 per type and micro-averaged over PER, LOC and ORG. --no-clusters,
--no-memory, --no-rules, --no-affixes, --no-name-runs, --no-history and --no-words (the word
boundaries of the segmenter's lexicon) leave a feature group out (for ablations; the history
group makes training about six times longer). Defaults: --bits 18,
--epochs 10, --runs 5.

The built-in model (data/ner/tagger.bin), from the repository root:
  vntext train-ner --train corpus/ner/conll/train.conll --dev corpus/ner/conll/dev.conll --out data/ner/tagger.bin
";

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use vntext::{NerScores, NerTrainer, Recognizer, read_conll};

struct Options {
    train: Vec<PathBuf>,
    dev: Option<PathBuf>,
    out: PathBuf,
    bits: u32,
    epochs: usize,
    runs: usize,
    groups: [bool; 7],
}

const USAGE: &str = "usage: vntext train-ner --train FILE... [--dev FILE] --out MODEL [--bits N] [--epochs N] [--runs N] \
     [--no-clusters] [--no-memory] [--no-rules] [--no-affixes] [--no-name-runs] [--no-history] [--no-words]";

fn parse_args(args: Vec<String>) -> Result<Option<Options>, String> {
    let mut train = Vec::new();
    let (mut dev, mut out) = (None, None);
    let (mut bits, mut epochs, mut runs) = (18, 10, 5);
    let mut groups = [true; 7];
    let mut args = args.into_iter().peekable();
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
            "--no-clusters" => groups[0] = false,
            "--no-memory" => groups[1] = false,
            "--no-rules" => groups[2] = false,
            "--no-affixes" => groups[3] = false,
            "--no-name-runs" => groups[4] = false,
            "--no-history" => groups[5] = false,
            "--no-words" => groups[6] = false,
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
    Ok(Some(Options { train, dev, out, bits, epochs, runs, groups }))
}

fn read(path: &std::path::Path) -> Result<Vec<vntext::ConllSentence>, String> {
    let text = crate::input::read_file(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(read_conll(&text))
}

fn execute(args: Vec<String>) -> Result<(), String> {
    let Some(o) = parse_args(args)? else {
        println!("{USAGE}");
        return Ok(());
    };
    let started = Instant::now();
    let mut trainer = NerTrainer::new();
    trainer
        .hash_bits(o.bits)
        .epochs(o.epochs)
        .runs(o.runs)
        .feature_groups(o.groups[0], o.groups[1], o.groups[2])
        .context_groups(o.groups[3], o.groups[4], o.groups[5])
        .word_boundaries(o.groups[6]);
    let mut sentences = 0;
    for path in &o.train {
        let all = read(path)?;
        for doc in all.chunk_by(|a, b| a.document == b.document) {
            let pairs: Vec<(&[String], &[String])> =
                doc.iter().map(|s| (s.tokens.as_slice(), s.tags.as_slice())).collect();
            trainer
                .add_document(&pairs)
                .map_err(|e| format!("{}: sentence {}: {e}", path.display(), sentences + 1))?;
            sentences += doc.len();
        }
    }
    let model = trainer.train().map_err(|e| e.to_string())?;
    std::fs::write(&o.out, &model).map_err(|e| format!("{}: {e}", o.out.display()))?;
    eprintln!(
        "train-ner: {sentences} sentences, model {} bytes, {:.1}s; wrote {}",
        model.len(),
        started.elapsed().as_secs_f64(),
        o.out.display()
    );
    if let Some(path) = &o.dev {
        let recognizer = Recognizer::builder().model(&model).map_err(|e| e.to_string())?.build();
        let mut scores = NerScores::default();
        let sentences = read(path)?;
        for doc in sentences.chunk_by(|a, b| a.document == b.document) {
            let tokens: Vec<&[String]> = doc.iter().map(|s| s.tokens.as_slice()).collect();
            for (s, predicted) in doc.iter().zip(recognizer.tag_document(&tokens)) {
                scores.add(&s.tags, &predicted);
            }
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
        let t = scores.micro(&["PER", "LOC", "ORG"]);
        println!(
            "{}: micro PER/LOC/ORG P {:.2} R {:.2} F1 {:.2}",
            path.display(),
            100.0 * t.precision(),
            100.0 * t.recall(),
            100.0 * t.f1()
        );
    }
    Ok(())
}

pub fn run(args: Vec<String>) -> ExitCode {
    match execute(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train-ner: {e}");
            ExitCode::FAILURE
        }
    }
}
