//! Trains the word segmentation model and writes it (the built-in one is `data/segmenter.bin`).
//!
//! ```text
//! vntext train-segmenter [--out data/segmenter.bin]
//!     [--train FILE]... [--heldout FILE] [--raw FILE_OR_DIR]... [--no-raw]
//!     [--abbreviations FILE] [--no-abbreviations] [--no-gazetteers] [--lexicon FILE]...
//!     [--dictionary FILE] [--no-dictionary]
//!     [--titles] [--bits N] [--epochs N] [--runs N] [--min-pair N] [--min-feature N]
//!     [--self-train MIN_COUNT] [--rounds N] [--margin N] [--seed N]
//! ```
//!
//! Defaults (paths relative to the current directory: run it from the repository root): `--train` the UD Vietnamese-VTB train and dev
//! files of `../shared/data/ud-vtb/`, `--raw` the Wikipedia and law corpora of
//! `../shared/data/`, `--abbreviations` the soe-vinorm list (its long forms become lexicon
//! words), `--dictionary` the general word list `data/segmenter/dictionary.tsv` (a TSV file
//! with a `word` column). `--heldout` scores the new model on a gold file; use `--train` with
//! the train file only and `--heldout` dev to tune without touching test. A file whose name
//! contains `-test` is refused for training.
//!
//! `--train` and `--heldout` read any segmentation convention, in three formats told apart
//! by their content (`cli/src/gold.rs`; `cli/tests/data/segment_train.*` holds one
//! small corpus in each):
//!
//! - CoNLL-U: the FORMs of the integer-id lines are the words (`1-2` ranges and `1.1` empty
//!   nodes skipped), spaces inside a multi-syllable word (`Quốc phòng`, as UD-VTB writes
//!   them); a `# text =` line gives the sentence's spacing when the words are found in it in
//!   order, otherwise the words are joined by single spaces;
//! - `_`-joined words, one sentence per line: `Bộ Quốc_phòng họp_báo .`;
//! - `w_w/TAG` (the VLSP 2013 layout), one sentence per line: `Bộ/N Quốc_phòng/Np
//!   họp_báo/V ./CH`; the tags (one to four ASCII letters, the first a capital) are dropped
//!   when every word of the file carries one, so a `_` file with a `km/h` stays as it is.
//!
//! Load the model with `segment --model FILE` or `WordSegmenter::from_model_bytes`. On 30,000
//! sentences (UD-VTB train and dev repeated and shuffled) with the default raw text and
//! lexicons, training took 23.5 s and 579 MB (see `data/SOURCES.md`); `--bits` (default 20,
//! 2^20 two-byte weights, a 5 MB model) may be raised for much larger corpora.
//! Unless `--no-gazetteers`, the crate's own lists are lexicon sources too: place names
//! (provinces, districts, places), organisation names and the long forms of
//! `data/abbreviations.tsv`. `--lexicon` adds a word list (one word per line), with the
//! organisation names' source.
//! `--titles` takes the titles of the Wikipedia articles (`### title` lines of the `--raw`
//! files, 2 to 4 syllables) as lexicon words too; off by default because they did not raise
//! dev F1 (95.01 against 95.00 with a train-only model, before the i/y spellings). `--runs N` averages N perceptrons
//! trained on different sentence orders; `--min-feature N` learns a feature only from
//! sentences when N training sentences have it (default 1).
//! `--self-train N` (default 0, off) segments the unlabelled text with a first model, takes
//! the multi-syllable words found at least N times as a lexicon source, and trains again
//! (`--rounds` times). It helped before the dictionary (dev F1 92.68 against 92.21); with
//! the dictionary it no longer does (94.87 with `--self-train 5` against 95.00 without, before the i/y spellings).
//! The model is a structured perceptron over the tags B (starts a word) and I (joins the
//! previous token) with transitions and Viterbi over the whole sentence, on the crate's
//! engine (`src/tagging/`). Four tags (B, I, E, S; each token scored with the features of
//! the boundaries before and after it) did not beat it on dev with a train-only model:
//! 95.16 at 2^20 rows (9.2 MB), 95.09 at 2^19 (6.0 MB), 95.11 at 2^18 (4.4 MB), against
//! 95.13 for B/I at 2^20 (5.0 MB), for twice the feature work per token; B/I stays.
//!
//! Issue 13 ablation (UD-VTB dev, train-only model, `--train …train.conllu --heldout
//! …dev.conllu`; one run each, and two hash layouts of one feature set differed by 0.06,
//! so steps under ~0.1 are noise):
//!
//! | change | dev F1 |
//! |---|---|
//! | before (30 templates, `--min-feature 2`) | 95.13 |
//! | `--min-feature 1` alone | 95.13 |
//! | lexicon source × syllable conjunctions (source mask of the words covering the place × the syllable left / right of it; sources of the two-syllable word itself × shapes and × both syllables) | 95.17 |
//! | both (kept) | **95.29** |
//! | + `--epochs 20` (with the conjunctions, `--min-feature 2`) | 95.19 |
//! | + `--min-pair 2` / `--min-pair 5` (same) | 95.24 / 95.21 |
//! | + word clusters of `data/ner/clusters.tsv` (cluster bigram, cluster × syllable, cluster pair × source, cluster trigram; stored in the model) | 95.33 (95.33 with the same templates and no clusters: no gain, not kept) |
//! | + sources of the words ending before / starting at the place × covering sources | 95.31 (not kept) |
//! | + syllable classes from the person-name lists (common / other surname, middle, given) × shapes, × sources, and over four syllables | 95.32 (errors on capitalised pairs 126 → 131: not kept) |
//! | + skip-grams (two left and right, one right and two left) × sources | 95.24 (not kept) |
//! | + sentence-initial capitals taken as lower case in the shape templates | 95.23 (not kept) |
//! | `--runs 20` / `--epochs 8` / `--epochs 16` | 95.29 / 95.27 / 95.28 |
//! | + a word written with a hyphen and no space (`Wai-kru`, `knock-out`) always one word, as UD-VTB writes it (kept) | 95.31 |
//! | + affix templates: the syllable left of the place, and the one right of it, each × the lengths of the lexicon words starting at the right syllable, ending at the left one and covering both (`nhà` + `khoa học`, `tái` + unseen stem, stem + `hoá`) (kept) | **95.35** |
//! | the same with the covering sources in the affix templates too | 95.32 (not kept) |
//! | + the syllable on each side × PMI × the lexicon word starting right / ending left of the place | 95.37 (two words more than 95.35: noise, not kept) |
//!
//! Later (mean of three seeds, `--seed 1/2/3`, the same train-only model; one seed varies by ~0.05):
//!
//! | change | dev F1 (seeds 1, 2, 3) | mean |
//! |---|---|---|
//! | + spaced thousands one word (`10 . 000`; none in dev), `--margin 0` | 95.37 95.39 95.36 | 95.373 |
//! | `--margin 20` | 95.43 95.41 95.39 | 95.410 |
//! | `--margin 40` (kept, the default) | 95.47 95.42 95.42 | **95.437** |
//! | `--margin 80` | 95.39 95.37 95.37 | 95.377 |
//! | + runs of capitalised syllables left and right of the place × covering lexicon length and sources (not kept) | 95.43 95.44 95.43 | 95.433 |
//! | `--margin 40 --epochs 16` (not kept) | 95.44 95.44 95.41 | 95.430 |
//!
//! Then (the same protocol; seeds 4–6 of the model above: 95.43 95.42 95.42, mean 95.423). Each
//! template left out alone (its feature replaced by the bias) moved the mean by −0.10 to +0.02,
//! except template 12 (the four shapes, 95.513) and template 17 (the lengths of the words ending
//! left and starting right of the place, 95.530; seeds 4–6: 95.503). Feature dropout in the
//! perceptron (each feature of a position left out of a visit at random) and a gold lexicon left
//! out by contiguous blocks of sentences instead of by sentence did not help:
//!
//! | change | dev F1 (seeds 1, 2, 3) | mean |
//! |---|---|---|
//! | without template 17 (seeds 4–6: 95.54 95.52 95.54; not shipped, see below) | 95.53 95.53 95.54 | **95.533** |
//! | without templates 12 and 17 / 17 and 19 / 17 and 25 | — | 95.517 / 95.500 / 95.513 |
//! | + the syllable two right of the place (unigram, bigram with the one before, trigram) | 95.36 95.35 95.35 | 95.353 |
//! | + whether the syllable pairs left of, at and right of the place are lexicon words, × PMI and × the neighbours' PMI | 95.37 95.37 95.38 | 95.373 |
//! | + covering lexicon sources × pair count bucket; two-syllable word sources × pair statistics × PMI | 95.39 95.40 95.40 | 95.397 |
//! | feature dropout 0.1 / 0.25 (every template) | — | 95.457 / 95.337 |
//! | feature dropout 0.2 / 0.4 of the lexicon templates (16–19, 25, 31–36) | — | 95.410 / 95.380 |
//! | feature dropout 0.2 / 0.4 of the syllable identity templates (2–10, 13, 14, 27, 28) | — | 95.440 / 95.363 |
//! | gold lexicon left out by 10 / 50 / 200 blocks of sentences | — | 95.303 / 95.420 / 95.413 |
//! | without template 17, `--margin 30` / `--margin 55` | — | 95.477 / 95.410 |
//! | without template 17, `--raw` Wikipedia, laws and `news-sample/` (news text for the pair statistics) | 95.50 95.48 95.50 | 95.493 |
//! | + the lexicon words joining the place, each by its start (1–3 tokens back) and length (2–5) as one bit set | 95.42 95.42 95.42 | 95.420 |
//! | the same bit set × PMI instead of template 17 | 95.43 95.43 95.42 | 95.427 |
//! | each of the 10 runs on 90% / 75% of the sentences (bagging) | 95.41 95.46 95.32 / 95.29 95.29 95.30 | 95.397 / 95.293 |
//!
//! The model without template 17 (train + dev, as built in) scored 96.81 on UD-VTB test (P 96.96,
//! R 96.66) against 96.84, and the recognizer's evaluation set lost one person name (PER F1
//! 91.47 to 91.24, under the floor of `tests/repo/ner_eval.rs`). A dev gain of 0.1 that does not
//! show elsewhere was not worth a new feature set (every model trained by users refused), so
//! the built-in model keeps its 36 templates.

/// `vntext train-segmenter --help`.
pub const HELP: &str =
    "Trains a word segmentation model and writes it (the built-in one is data/segmenter.bin).

usage: vntext train-segmenter [--out data/segmenter.bin] [--train FILE]... [--heldout FILE]
           [--raw FILE_OR_DIR]... [--no-raw] [--abbreviations FILE] [--no-abbreviations]
           [--no-gazetteers] [--lexicon FILE]... [--dictionary FILE] [--no-dictionary]
           [--titles] [--bits N] [--epochs N] [--runs N] [--min-pair N] [--min-feature N]
           [--self-train MIN_COUNT] [--rounds N] [--margin N] [--seed N]

Default paths are relative to the current directory (run it from the root of the vntext
repository): --out data/segmenter.bin; --train the UD Vietnamese-VTB train and dev files of
../shared/data/ud-vtb/; --raw the Wikipedia and law corpora of ../shared/data/;
--abbreviations the soe-vinorm list of ../shared (its long forms become lexicon words);
--dictionary data/segmenter/dictionary.tsv (a TSV file with a `word` column); unless
--no-gazetteers, the lists of data/gazetteer/ and data/abbreviations.tsv are lexicon sources.
--heldout scores the new model on a gold file. A --train file whose name contains `-test` is
refused.

--train and --heldout read CoNLL-U, `_`-joined words (one sentence per line) and `w_w/TAG`
(VLSP 2013), told apart by their content. --lexicon adds a word list (one word per line).
--titles takes the `### title` lines of the --raw files (2 to 4 syllables) as lexicon words.
--runs N averages N perceptrons trained on different sentence orders (default 10); --bits
(default 20), --epochs (12), --min-pair (3), --min-feature (1). --self-train N segments the
raw text with a first model, takes the multi-syllable words found at least N times as a
lexicon, and trains again (--rounds times). --margin N (default 40; 0 is the plain perceptron)
updates the weights also when the gold segmentation wins by less than N; --seed N changes the
order in which the sentences are visited (report dev figures as the mean of a few seeds).

Load the model with `vntext segment --model FILE` or `WordSegmenter::from_model_bytes`.
";

use crate::gold;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use vntext::{SegmenterTrainer, WordSegmenter};

struct Options {
    out: PathBuf,
    train: Vec<PathBuf>,
    heldout: Option<PathBuf>,
    raw: Vec<PathBuf>,
    abbreviations: Option<PathBuf>,
    lexicons: Vec<PathBuf>,
    dictionary: Option<PathBuf>,
    gazetteers: bool,
    titles: bool,
    bits: u32,
    epochs: usize,
    min_pair: u32,
    min_feature: u32,
    runs: usize,
    margin: f64,
    seed: Option<u64>,
    self_train: u32,
    rounds: u32,
}

fn parse_args(args: Vec<String>) -> Result<Options, String> {
    // Relative to the current directory: run from the root of the vntext repository.
    let root = Path::new(".");
    let shared = root.join("../shared/data");
    let mut o = Options {
        out: root.join("data/segmenter.bin"),
        train: Vec::new(),
        heldout: None,
        raw: Vec::new(),
        abbreviations: Some(shared.join("abbreviations/soe-vinorm/abbreviations.txt")),
        lexicons: Vec::new(),
        dictionary: Some(root.join("data/segmenter/dictionary.tsv")),
        gazetteers: true,
        titles: false,
        bits: 20,
        epochs: 12,
        min_pair: 3,
        min_feature: 1,
        runs: 10,
        margin: SegmenterTrainer::DEFAULT_MARGIN,
        seed: None,
        self_train: 0,
        rounds: 1,
    };
    let mut no_raw = false;
    let mut args = args.into_iter();
    while let Some(a) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{a} needs a value"));
        match a.as_str() {
            "--out" => o.out = value()?.into(),
            "--train" => o.train.push(value()?.into()),
            "--heldout" => o.heldout = Some(value()?.into()),
            "--raw" => o.raw.push(value()?.into()),
            "--no-raw" => no_raw = true,
            "--abbreviations" => o.abbreviations = Some(value()?.into()),
            "--no-abbreviations" => o.abbreviations = None,
            "--lexicon" => o.lexicons.push(value()?.into()),
            "--dictionary" => o.dictionary = Some(value()?.into()),
            "--no-dictionary" => o.dictionary = None,
            "--no-gazetteers" => o.gazetteers = false,
            "--titles" => o.titles = true,
            "--bits" => o.bits = value()?.parse().map_err(|e| format!("--bits: {e}"))?,
            "--epochs" => o.epochs = value()?.parse().map_err(|e| format!("--epochs: {e}"))?,
            "--rounds" => o.rounds = value()?.parse().map_err(|e| format!("--rounds: {e}"))?,
            "--self-train" => o.self_train = value()?.parse().map_err(|e| format!("--self-train: {e}"))?,
            "--min-feature" => o.min_feature = value()?.parse().map_err(|e| format!("--min-feature: {e}"))?,
            "--margin" => o.margin = value()?.parse().map_err(|e| format!("--margin: {e}"))?,
            "--seed" => o.seed = Some(value()?.parse().map_err(|e| format!("--seed: {e}"))?),
            "--runs" => o.runs = value()?.parse().map_err(|e| format!("--runs: {e}"))?,
            "--min-pair" => o.min_pair = value()?.parse().map_err(|e| format!("--min-pair: {e}"))?,
            _ => return Err(format!("unknown argument {a}")),
        }
    }
    if o.train.is_empty() {
        o.train =
            vec![shared.join("ud-vtb/vi_vtb-ud-train.conllu"), shared.join("ud-vtb/vi_vtb-ud-dev.conllu")];
    }
    if o.train.iter().any(|p| p.to_string_lossy().contains("-test")) {
        return Err("refusing to train on a test file".into());
    }
    if no_raw {
        o.raw.clear();
    } else if o.raw.is_empty() {
        o.raw = vec![shared.join("viwiki"), shared.join("laws/corpus")];
    }
    Ok(o)
}

/// The `.txt` files of a directory in name order, or the file itself.
fn files(path: &Path) -> Result<Vec<PathBuf>, String> {
    if !path.is_dir() {
        return Ok(vec![path.to_owned()]);
    }
    let rd = std::fs::read_dir(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut v: Vec<PathBuf> = rd
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    v.sort();
    Ok(v)
}

fn read(path: &Path) -> Result<String, String> {
    crate::input::read_file(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// Lexicon source of the general dictionary (`--dictionary`).
const DICTIONARY_SOURCE: u8 = 3;

/// Lexicon sources of the self-training words, by how often they were found (the first two
/// tiers share one source).
const SELF_TRAINING_SOURCES: [u8; 3] = [4, 4, 5];

/// Wikipedia titles longer than this are not taken as lexicon words.
const MAX_TITLE_SYLLABLES: usize = 4;

fn execute(args: Vec<String>) -> Result<(), String> {
    let o = parse_args(args)?;
    let started = Instant::now();
    let mut trainer = SegmenterTrainer::new();
    trainer
        .hash_bits(o.bits)
        .epochs(o.epochs)
        .min_pair_count(o.min_pair)
        .min_feature_sentences(o.min_feature)
        .margin(o.margin)
        .runs(o.runs);
    if let Some(seed) = o.seed {
        trainer.seed(seed);
    }
    for path in &o.train {
        let src = read(path)?;
        for s in gold::read_gold(&src) {
            trainer.add_sentence(&s.text, &s.words);
            // The labelled text is also unlabelled text for the pair statistics.
            trainer.add_raw_text(&s.text);
        }
    }
    if let Some(path) = &o.abbreviations {
        // Lines are `ABBR:long form`; the long forms are the lexicon words.
        let src = read(path)?;
        for line in src.lines() {
            if let Some((_, long)) = line.split_once(':') {
                trainer.add_lexicon_word(0, long.trim());
            }
        }
    }
    if o.gazetteers {
        // The crate's own word lists, each kind its own lexicon source: place names,
        // organisation names, abbreviation long forms.
        let data = Path::new("data");
        let columns: [(&str, usize, u8); 5] = [
            ("gazetteer/provinces.tsv", 3, 1),
            ("gazetteer/districts.tsv", 1, 1),
            ("gazetteer/places.tsv", 0, 1),
            ("gazetteer/organizations.tsv", 0, 2),
            ("abbreviations.tsv", 1, 0),
        ];
        for (file, column, source) in columns {
            let src = read(&data.join(file))?;
            for line in src.lines().skip(1).filter(|l| !l.starts_with('#')) {
                if let Some(word) = line.split('\t').nth(column) {
                    trainer.add_lexicon_word(source, word.trim());
                }
            }
        }
    }
    if let Some(path) = &o.dictionary {
        // A general dictionary (TSV, header `word`): its own lexicon source, so the model
        // learns how far the dictionary's idea of a word agrees with the treebank's.
        let src = read(path)?;
        for line in src.lines().skip(1).filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
            trainer.add_lexicon_word(DICTIONARY_SOURCE, line.split('\t').next().unwrap_or("").trim());
        }
    }
    for path in &o.lexicons {
        // One word per line (the first tab-separated field), `#` comments; the same source
        // as the organisation names.
        let src = read(path)?;
        for line in src.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
            trainer.add_lexicon_word(2, line.split('\t').next().unwrap_or("").trim());
        }
    }
    for dir in &o.raw {
        for path in files(dir)? {
            let text = read(&path)?;
            if o.titles {
                // Wikipedia articles start with a `### title` line: titles of a few syllables
                // are terms and names, a lexicon source of their own (`Hà Nội (định hướng)`
                // gives `Hà Nội`). Longer titles are phrases, not words.
                for title in text.lines().filter_map(|l| l.strip_prefix("### ")) {
                    let title = title.split(" (").next().unwrap_or("").trim();
                    if (2..=MAX_TITLE_SYLLABLES).contains(&title.split_whitespace().count()) {
                        trainer.add_lexicon_word(2, title);
                    }
                }
            }
            trainer.add_raw_text(&text);
        }
    }
    let stats = trainer.stats();
    eprintln!(
        "train-segmenter: {} sentences, {} tokens, {} unreachable boundaries, {} raw syllables, {} distinct pairs, {} lexicon words ({:.1}s)",
        stats.sentences,
        stats.tokens,
        stats.unreachable,
        stats.raw_tokens,
        stats.raw_pairs,
        stats.lexicon_words,
        started.elapsed().as_secs_f64()
    );
    let mut model = trainer.train().map_err(|e| e.to_string())?;
    for _ in 0..if o.self_train > 0 { o.rounds } else { 0 } {
        // Self-training: the words the first model finds at least `self_train` times in the
        // unlabelled text become a lexicon of their own, and the model is trained again.
        let first = WordSegmenter::from_model_bytes(&model).map_err(|e| e.to_string())?;
        let mut worker = first.worker();
        let mut counts: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
        for dir in &o.raw {
            for path in files(dir)? {
                let text = read(&path)?;
                for line in text.lines() {
                    for w in worker.segment(line).filter(|w| w.token_count() > 1) {
                        *counts.entry(vntext::key(w.as_str()).into_owned()).or_insert(0) += 1;
                    }
                }
            }
        }
        let mut words: Vec<(&String, &u32)> = counts.iter().filter(|(_, c)| **c >= o.self_train).collect();
        words.sort();
        for source in SELF_TRAINING_SOURCES {
            trainer.clear_lexicon_source(source);
        }
        for &(w, &c) in &words {
            let source = match c / o.self_train {
                0..4 => SELF_TRAINING_SOURCES[0],
                4..20 => SELF_TRAINING_SOURCES[1],
                _ => SELF_TRAINING_SOURCES[2],
            };
            trainer.add_lexicon_word(source, w);
        }
        eprintln!(
            "train-segmenter: self-training lexicon of {} words ({:.1}s)",
            words.len(),
            started.elapsed().as_secs_f64()
        );
        model = trainer.train().map_err(|e| e.to_string())?;
    }
    eprintln!(
        "train-segmenter: trained in {:.1}s total, model {} bytes",
        started.elapsed().as_secs_f64(),
        model.len()
    );
    std::fs::write(&o.out, &model).map_err(|e| format!("{}: {e}", o.out.display()))?;
    eprintln!("train-segmenter: wrote {}", o.out.display());
    if let Some(path) = &o.heldout {
        let segmenter = WordSegmenter::from_model_bytes(&model).map_err(|e| e.to_string())?;
        let score = gold::evaluate(&segmenter, &gold::read_gold(&read(path)?));
        println!("{}: {score}", path.display());
    }
    Ok(())
}

pub fn run(args: Vec<String>) -> ExitCode {
    match execute(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train-segmenter: {e}");
            ExitCode::FAILURE
        }
    }
}
