//! The learning engine shared by the word segmenter and, next, the named-entity and
//! part-of-speech taggers: hashed features, an averaged structured perceptron, Viterbi over
//! N tags with first-order transitions, and one versioned, checksummed model format whose
//! header names the task (`"segment"`, `"ner"`...) and the tags.
//!
//! A task turns its text into positions (tokens), gives each position the tags it may take
//! and the hashes of its features, and lets the engine score and decode. Of the engine, only
//! [`TagModel`] is public: the immutable model (weights, transitions, task, tags), read with
//! typed errors from any bytes, so that a program can tell what a model file is for. The
//! decoder and the trainer are internal; train models through
//! [`SegmenterTrainer`](crate::SegmenterTrainer) and [`NerTrainer`](crate::NerTrainer) and
//! use them through [`WordSegmenter`](crate::WordSegmenter) and
//! [`NerTagger`](crate::NerTagger).
//!
//! ```
//! # #[cfg(feature = "ner")] {
//! use vntext::tagging::TagModel;
//!
//! let mut trainer = vntext::NerTrainer::new();
//! trainer.hash_bits(8);
//! trainer.add_sentence(&["UBND", "tỉnh", "Đắk_Nông"], &["B-ORG", "I-ORG", "I-ORG"])?;
//! let model = TagModel::from_bytes(&trainer.train()?)?;
//! assert_eq!(model.task(), "ner");
//! assert!(model.tags().any(|t| t == "B-ORG"));
//! # }
//! # Ok::<(), vntext::Error>(())
//! ```
//!
//! A task's own data (the segmenter's lexicon and syllable-pair statistics) travels in the
//! model file as a payload behind the engine's sections, under the same checksum.

mod decode;
mod hash;
mod model;
mod train;

pub use self::model::TagModel;

pub(crate) use self::decode::Lattice;
#[cfg(feature = "ner")]
pub(crate) use self::decode::all_tags;
pub(crate) use self::hash::{feature, feature2, feature3, mix};
pub(crate) use self::model::ModelReader;
#[cfg(test)]
pub(crate) use self::model::checksum;
pub(crate) use self::train::{Example, Trainer};
pub(crate) use crate::hash::HashKeyed;
#[cfg(feature = "ner")]
pub(crate) use crate::hash::fnv1a;
