//! # vntext — Vietnamese text analysis
//!
//! Fast, offset-exact building blocks for Vietnamese text:
//!
//! - **normalization** ([`Normalizer`], [`normalize`]): NFC, tone-mark placement as an
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
//! ```
//!
//! ## Offsets
//! Every span is a byte range into the text the caller passed in and lies on `char`
//! boundaries. Text is never rewritten unless the caller asks for normalization, which
//! returns the new text with a map back to the original.
//!
//! ## Performance
//! Engines are immutable, `Send + Sync` and used through `&self`; build them once. The
//! tokenizer scans bytes with an ASCII table and allocates nothing per token.
//!
//! ## Data and licences
//! Built-in dictionaries live in `data/` as TSV files compiled into the crate; their
//! sources and licences are listed in `data/SOURCES.md` of the package. The code is MIT OR
//! Apache-2.0. The built-in word segmentation model (`data/segmenter.bin`, used by
//! [`WordSegmenter::builtin`]) is CC BY-SA 4.0, the licence of the treebank it was trained
//! on, and the package ships that licence's text (`LICENSE-CC-BY-SA-4.0`): the crate as a whole
//! is `(MIT OR Apache-2.0) AND CC-BY-SA-4.0`. The built-in NER model (`data/ner/`) is CC BY-SA
//! 4.0 too (its training corpus holds CC BY-SA 3.0 Wikipedia text). A program that does not want
//! the models can load its own with [`WordSegmenter::from_model_bytes`] and
//! [`RecognizerBuilder::model`].

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod abbrev;
mod chars;
mod conll;
mod error;
mod gazetteer;
mod ner;
mod ner_tagger;
mod normalize;
mod segment;
mod sentence;
mod span;
mod syllable;
pub mod tagging;
mod token;
mod tsv;
mod user_entities;

pub use abbrev::{Abbreviations, CUE_WINDOW, Decision, Entry, Expansion, Match, Source};
pub use chars::Tone;
pub use conll::{CONLL_TYPES, ConllSentence, NerCounts, NerScores, bio_spans, read_conll};
pub use error::{Error, Result, read_text};
pub use gazetteer::{
    District, DistrictId, Era, Gazetteer, MilitaryRegion, MilitaryRegionId, Organization, OrganizationId,
    OrganizationKind, Place, PlaceId, Province, ProvinceId, ProvinceKind, Record,
};
pub use ner::{Entity, EntityKind, MatchKind, Recognizer, RecognizerBuilder};
pub use ner_tagger::{NerTagger, NerTrainer, NerWorker};
pub use normalize::{
    Normalized, Normalizer, NormalizerBuilder, OffsetMap, fold_diacritics, fold_mapped, folded_key, key,
    key_into, normalize,
};
pub use segment::{
    SegmentWorker, SegmenterTrainer, TrainingStats, Word, WordSegmenter, WordSegmenterBuilder, Words,
};
pub use sentence::{Sentence, Sentences, sentences};
pub use span::Span;
pub use syllable::{Syllable, TonePlacement, is_syllable};
pub use token::{Token, TokenKind, Tokenizer, TokenizerBuilder, Tokens, tokenize};

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
