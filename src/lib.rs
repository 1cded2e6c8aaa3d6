//! # vntext — Vietnamese text analysis
//!
//! Fast, offset-exact building blocks for Vietnamese text:
//!
//! - **normalization** ([`Normalizer`], [`normalize`](fn@normalize)): NFC, tone-mark placement as an
//!   explicit choice ([`TonePlacement`]), look-alike letters, invisible characters, odd
//!   spaces, with an [`OffsetMap`] back to the input; diacritic folding
//!   ([`fold_diacritics`]); comparison keys ([`key`], [`folded_key`]) for dictionary
//!   look-ups;
//! - **syllables** ([`Syllable`]): onset, glide, nucleus, coda and tone;
//! - **tokens** ([`Tokenizer`], [`tokenize`]): syllables, foreign words, abbreviations
//!   (`TP.HCM`, `QP-QSĐP`), numbers (`1.234,5`), dates (`08/12/2022`, day first), times,
//!   URLs, e-mails, phone numbers, plates, document numbers (`15/2020/NĐ-CP`), punctuation;
//!   each a zero-copy slice with its byte [`Span`];
//! - **sentences** ([`sentences`]);
//! - **words** ([`WordSegmenter`]): multi-syllable words (`quốc phòng`, `Ủy ban nhân dân`) from a
//!   model trained in Rust, with a user dictionary and a reusable [`SegmentWorker`];
//! - **abbreviations** ([`Abbreviations`]): `UBND` → `Ủy ban nhân dân`, `QP-QSĐP` →
//!   `quốc phòng - quân sự địa phương`, with context, in-document definitions and an offset map;
//! - **named entities** ([`Recognizer`], [`Gazetteer`]): people, provinces (with the 2025 merger
//!   of 63 provincial units into 34), military regions, organisations, places, dates and times,
//!   each with its gazetteer record, found by a tagger trained in Rust ([`NerTagger`], built-in
//!   model) and rules;
//! - **learning** ([`tagging`]): the engine the segmenter and the taggers share (hashed
//!   features, averaged perceptron, Viterbi, one versioned model format naming its task).
//!
//! ```
//! use vntext::TokenKind;
//!
//! let text = "Chiều 8/12, UBND tỉnh Đắk Nông tổ chức hội nghị QP-QSĐP.";
//! let abbreviations: Vec<&str> = vntext::tokenize(text)
//!     .filter(|t| t.kind() == TokenKind::Abbreviation)
//!     .map(|t| t.as_str())
//!     .collect();
//! assert_eq!(abbreviations, ["UBND", "QP-QSĐP"]);
//!
//! let date = vntext::tokenize(text).nth(1).unwrap();
//! assert_eq!((date.kind(), date.span().range()), (TokenKind::Date, 8..12));
//! ```
//!
//! The stages share the tokenizer, so their spans agree:
//!
//! ```
//! # #[cfg(feature = "ner")] {
//! use vntext::{Abbreviations, EntityKind, Recognizer, WordSegmenter};
//!
//! let text = "Chủ tịch UBND tỉnh Đắk Nông Hồ Văn Mười dự hội nghị quốc phòng.";
//! let expanded = Abbreviations::builtin().expand(text);
//! assert!(expanded.as_str().starts_with("Chủ tịch Ủy ban nhân dân tỉnh Đắk Nông"));
//!
//! let entities = Recognizer::builtin().recognize(text);
//! let person = entities.iter().find(|e| e.kind == EntityKind::Person).unwrap();
//! assert_eq!(person.text, "Hồ Văn Mười");
//!
//! let words = WordSegmenter::builtin().segment(text);
//! assert!(words.iter().any(|w| w.as_str() == "quốc phòng"));
//! # }
//! ```
//!
//! Each stage is a module holding its types: [`token`], [`normalize`](mod@normalize),
//! [`sentence`], [`syllable`], [`segment`], [`abbrev`], [`ner`] (with the trained tagger and
//! CoNLL scoring), [`gazetteer`] and [`tagging`] (for instance `vntext::abbrev::Match`,
//! `vntext::token::TokenKind`, `vntext::ner::EntityKind`, `vntext::gazetteer::PlaceKind`).
//! The engines, the everyday functions, [`Span`] and [`Error`] are at the root, and the
//! stages' other types are re-exported there too.
//!
//! ```
//! # #[cfg(feature = "ner")] {
//! use vntext::ner::EntityKind;
//! use vntext::token::TokenKind;
//!
//! let text = "UBND tỉnh Đắk Nông họp ngày 8/12.";
//! assert_eq!(vntext::tokenize(text).next().unwrap().kind(), TokenKind::Abbreviation);
//! let kinds: Vec<EntityKind> = vntext::Recognizer::builtin().recognize(text).iter().map(|e| e.kind).collect();
//! assert!(kinds.contains(&EntityKind::Province));
//! let first: vntext::abbrev::Match = vntext::Abbreviations::builtin().find(text).remove(0);
//! assert_eq!(first.expansion, "Ủy ban nhân dân");
//! # }
//! ```
//!
//! ## I want to …
//!
//! | I want to … | use … |
//! |---|---|
//! | **normalize text** (NFC, tone-mark placement, look-alike letters, invisible characters, odd spaces) | [`normalize`](fn@normalize), or a [`Normalizer`] from [`Normalizer::builder`]; [`Normalizer::normalize_mapped`] keeps a map back to the input |
//! | compare or look up names whatever their case, tone placement or accents | [`key`], [`folded_key`], [`fold_diacritics`] |
//! | **tokenize** into syllables, words, numbers, dates, abbreviations, punctuation… | [`tokenize`] or a [`Tokenizer`]: [`Token`]s with a [`TokenKind`] and a [`Span`] |
//! | tell a Vietnamese syllable from a foreign word, take one apart | [`is_syllable`], [`Syllable::parse`] |
//! | **split sentences** | [`sentences`]: [`Sentence`]s with their spans |
//! | **segment words** (`quốc phòng`, `Ủy ban nhân dân`) | [`WordSegmenter::builtin`] and [`WordSegmenter::segment`]; in a loop, a [`SegmentWorker`] from [`WordSegmenter::worker`]; words of your own with [`WordSegmenter::builder`] |
//! | **expand abbreviations** (`UBND` → `Ủy ban nhân dân`) | [`Abbreviations::builtin`] and [`Abbreviations::expand`] (an [`Expansion`] with its [`Match`]es and an offset map), [`Abbreviations::find`] for the matches alone; your own dictionary with [`Abbreviations::from_tsv`] |
//! | **find named entities and their records** (the province, its 2025 successor, its military region) | [`Recognizer::builtin`] and [`Recognizer::recognize`]: [`Entity`]s with a [`Record`] in the [`Gazetteer`], described on one line by [`Recognizer::describe`]; names of your own with [`Recognizer::builder`] |
//! | **train a word segmenter on my own data** | [`SegmenterTrainer`], then [`WordSegmenter::from_model_bytes`] |
//! | **train an NER model on my own data** | [`read_conll`] and [`NerTrainer`], then [`NerTagger::from_model_bytes`]; score it with [`bio_spans`] and [`NerScores`] |
//! | see what a model file is (task, tags, size) | [`tagging::TagModel::from_bytes`] |
//! | **use it from Python, or on Spark** | the Python package (PyO3 + maturin) in the `python/` directory of the repository: `import vntext`, with underthesea's function names, code-point offsets, batch calls that release the GIL, and a PySpark example (`python/examples/spark_pipeline.py`) |
//! | **use it from the command line** | the `vntext` command below |
//!
//! The command-line tool is the `vntext-cli` crate (`cli/` in the repository; `cargo install
//! --path cli` installs the `vntext` binary). It uses only this crate's public API; each
//! command reads a file, or standard input when given none or `-`, and `vntext COMMAND --help`
//! describes it:
//!
//! | command | what it does |
//! |---|---|
//! | `vntext analyze FILE\|DIR [--jobs N] [--json]` | the whole pipeline over a file or a directory of `.txt` files, in parallel: a summary or JSON Lines |
//! | `vntext tokenize FILE` | one token per line: `START<TAB>END<TAB>KIND<TAB>TEXT` |
//! | `vntext sentences FILE` | one sentence per line: `START<TAB>END<TAB>TEXT` |
//! | `vntext normalize [--tone old\|new\|keep] [--fold] FILE` | the normalized (or folded) text |
//! | `vntext segment FILE` | the words of each line, syllables joined by `_`; `--eval GOLD` scores against a CoNLL-U or `_` file |
//! | `vntext expand [--matches] FILE` | the text with its abbreviations expanded, or one match per line |
//! | `vntext ner FILE` | one entity per line: `START<TAB>END<TAB>KIND<TAB>TEXT<TAB>RECORD` |
//! | `vntext ner-conll FILE` | tags a CoNLL file and prints per-type precision, recall and F1 |
//! | `vntext train-segmenter --train FILE... --out MODEL` | trains a word segmentation model from CoNLL-U or `_`-joined files (without `--train` it reads corpora from outside the package) |
//! | `vntext train-ner --train FILE... [--dev FILE] --out MODEL` | trains an NER tagger from CoNLL files |
//! | `vntext throughput FILE` | the throughput of every stage |
//!
//! ## Offsets
//! Every span is a byte range into the text the caller passed in and lies on `char`
//! boundaries, so `&text[span.range()]` never panics. Text is never rewritten unless the
//! caller asks for normalization or expansion, which return the new text with a map back
//! to the original ([`Normalized::to_original`], [`Expansion::to_original`]). NFD input
//! gives the same tokens as NFC input, with spans on the NFD text. (The Python package
//! gives string indices, in code points, and the byte offsets besides.)
//!
//! ```
//! use vntext::{Normalizer, Span};
//!
//! let text = "Tỉnh Đa\u{301}k Nông"; // `á` written as `a` + U+0301
//! let token = vntext::tokenize(text).nth(1).unwrap();
//! assert_eq!((token.as_str(), token.span()), ("Đa\u{301}k", Span::new(7, 13)));
//!
//! // Find in the normalized text, report on the caller's.
//! let normalized = Normalizer::new().normalize_mapped(text);
//! let start = normalized.as_str().find("Đák").unwrap();
//! let span = normalized.to_original(Span::new(start, start + "Đák".len()));
//! assert_eq!(&text[span.range()], "Đa\u{301}k");
//! ```
//!
//! ## Errors
//! There is one error type, [`Error`] (with the alias [`Result`]); it is opaque: [`Error::kind`]
//! says what failed (an [`ErrorKind`], `#[non_exhaustive]`), [`Error::path`] and [`Error::line`] where.
//! Only functions that take the caller's files, dictionaries, training data or models
//! return it: [`Abbreviations::from_tsv`],
//! [`RecognizerBuilder::entities_tsv`], [`WordSegmenter::from_model_bytes`],
//! [`NerTagger::from_model_bytes`], [`tagging::TagModel::from_bytes`] and the trainers. Each
//! says when in its `# Errors` section; data errors name the file and the line. The built-in
//! dictionaries and models are checked by the crate's tests and are loaded without a
//! `Result`, and the functions that analyse text accept any `&str`.
//!
//! ```
//! # #[cfg(feature = "segment")] {
//! let err = vntext::WordSegmenter::from_model_bytes(b"not a model").unwrap_err();
//! assert_eq!(err.kind(), vntext::ErrorKind::Model);
//! # }
//! ```
//!
//! ## Performance
//! Engines ([`Tokenizer`], [`Normalizer`], [`WordSegmenter`], [`Abbreviations`],
//! [`Recognizer`], [`NerTagger`]) are immutable, `Send + Sync` and used through `&self`:
//! build them once and share them between threads. The `builtin()` constructors build on
//! first use and hand out the same `&'static` engine afterwards. What changes per call
//! lives in a worker ([`SegmentWorker`], [`NerWorker`]): make one per thread and reuse it,
//! and it allocates nothing once its buffers have grown. The tokenizer scans bytes with an
//! ASCII table and allocates nothing per token. Throughput figures, measured against
//! underthesea, pyvi and vinorm, are in `BENCHMARKS.md` in the repository.
//!
//! ```
//! # #[cfg(feature = "segment")] {
//! use vntext::WordSegmenter;
//!
//! fn shared<T: Send + Sync>(_: &T) {}
//! let segmenter = WordSegmenter::builtin(); // built once, on first use
//! shared(segmenter);
//!
//! let lines = ["Bộ Quốc phòng họp báo.", "UBND tỉnh Đắk Nông họp."];
//! let counts: Vec<usize> = std::thread::scope(|scope| {
//!     let threads: Vec<_> = lines
//!         .iter()
//!         .map(|line| {
//!             scope.spawn(move || {
//!                 let mut worker = segmenter.worker(); // one per thread, reused for every line
//!                 worker.segment(line).count()
//!             })
//!         })
//!         .collect();
//!     threads.into_iter().map(|t| t.join().unwrap()).collect()
//! });
//! assert_eq!(counts, [4, 5]);
//! # }
//! ```
//!
//! ## Data and licences
//! Built-in dictionaries are TSV files compiled into the crate (in `data/` of the package and
//! the repository); their sources and licences are listed in `data/SOURCES.md`, in the
//! package and the repository. The code is MIT OR Apache-2.0. The built-in word
//! segmentation model (`data/segmenter.bin`, used by [`WordSegmenter::builtin`]) is CC BY-SA
//! 4.0, the licence of the treebank it was trained on, and the package ships that licence's
//! text (`LICENSE-CC-BY-SA-4.0`): the crate as a whole is `(MIT OR Apache-2.0) AND
//! CC-BY-SA-4.0`. The built-in NER model (`data/ner/`) is CC BY-SA 4.0 too (its training
//! corpus holds CC BY-SA 3.0 Wikipedia text). A program that does not want the models can load
//! its own with [`WordSegmenter::from_model_bytes`] and [`RecognizerBuilder::model`].
//!
//! ## Feature flags
//! | feature | default | what it adds |
//! |---|---|---|
//! | `segment` | on | [`WordSegmenter`] and its built-in model (about 5 MB, CC BY-SA 4.0) |
//! | `abbrev` | on | [`Abbreviations`] and the built-in dictionary |
//! | `ner` | on | [`Recognizer`], [`Gazetteer`] and the gazetteers; brings `segment` and `abbrev` |
//! | `serde` | off | `Serialize` for tokens, sentences, words, entities, abbreviation matches, spans and records |
//!
//! With `default-features = false` the crate is the normalizer, the tokenizer and the sentence
//! splitter alone, and no data file is compiled in:
//!
//! ```toml
//! [dependencies]
//! vntext = { version = "0.1", default-features = false }
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]

#[cfg(feature = "abbrev")]
pub mod abbrev;
mod chars;
#[cfg(feature = "ner")]
mod conll;
mod error;
#[cfg(feature = "ner")]
pub mod gazetteer;
// Each stage uses its part of the hashers; with some features off, the rest is unused.
#[cfg_attr(not(all(feature = "abbrev", feature = "ner", feature = "segment")), allow(dead_code))]
mod hash;
mod joined;
#[cfg(feature = "ner")]
pub mod ner;
#[cfg(feature = "ner")]
mod ner_tagger;
pub mod normalize;
#[cfg(feature = "segment")]
pub mod segment;
pub mod sentence;
mod span;
pub mod syllable;
#[cfg(any(feature = "segment", feature = "ner"))]
pub mod tagging;
pub mod token;
#[cfg(any(feature = "abbrev", feature = "ner"))]
mod tsv;

// The engines, the everyday functions and the shared types, at the root; each stage's other
// types live in its module (`vntext::abbrev::Match`) and are re-exported here too.
#[cfg(feature = "abbrev")]
#[doc(inline)]
pub use abbrev::{Abbreviations, AbbreviationsBuilder};
#[cfg(feature = "abbrev")]
#[doc(no_inline)]
pub use abbrev::{CUE_WINDOW, Decision, Entry, Expansion, Match, Source};
pub use error::{Error, ErrorKind, Result};
#[cfg(feature = "ner")]
#[doc(inline)]
pub use gazetteer::Gazetteer;
#[cfg(feature = "ner")]
#[doc(no_inline)]
pub use gazetteer::{
    District, DistrictId, DistrictKind, Era, MilitaryRegion, MilitaryRegionId, Organization, OrganizationId,
    OrganizationKind, Place, PlaceId, PlaceKind, Province, ProvinceId, ProvinceKind, Record, Sector,
};
pub use joined::{read_joined, write_joined};
#[cfg(feature = "ner")]
#[doc(no_inline)]
pub use ner::{CONLL_TYPES, ConllSentence, NerCounts, NerScores, bio_spans, read_conll};
#[cfg(feature = "ner")]
#[doc(no_inline)]
pub use ner::{Entity, EntityKind, MatchKind};
#[cfg(feature = "ner")]
#[doc(inline)]
pub use ner::{NerTagger, NerTrainer, NerWorker};
#[cfg(feature = "ner")]
#[doc(inline)]
pub use ner::{Recognizer, RecognizerBuilder};
#[doc(no_inline)]
pub use normalize::{Normalized, OffsetMap};
#[doc(inline)]
pub use normalize::{
    Normalizer, NormalizerBuilder, fold_diacritics, fold_mapped, folded_key, key, key_into, normalize,
};
#[cfg(feature = "segment")]
#[doc(inline)]
pub use segment::{SegmentWorker, SegmenterTrainer, WordSegmenter, WordSegmenterBuilder};
#[cfg(feature = "segment")]
#[doc(no_inline)]
pub use segment::{TrainingStats, Word, Words};
#[doc(inline)]
pub use sentence::sentences;
#[doc(no_inline)]
pub use sentence::{Sentence, Sentences};
pub use span::Span;
#[doc(inline)]
pub use syllable::is_syllable;
#[doc(no_inline)]
pub use syllable::{Syllable, Tone, TonePlacement};
#[doc(no_inline)]
pub use token::{Token, TokenKind, Tokens};
#[doc(inline)]
pub use token::{Tokenizer, TokenizerBuilder, tokenize};

// The README's examples use every stage; `ner` brings the others.
#[cfg(all(doctest, feature = "ner"))]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
