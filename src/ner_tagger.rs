//! A trained named-entity tagger on the crate's learning engine ([`crate::tagging`]): BIO
//! tags over pre-split tokens (CoNLL style), learned by an averaged structured perceptron.
//!
//! Experimental: there is no built-in model yet (the annotated corpus it will be trained on
//! is being made), and [`crate::Recognizer`] does not use it. Train one with
//! [`NerTrainer`] or `examples/train_ner.rs` and load it with [`NerTagger::from_model_bytes`].
//!
//! Features of each token: its form and lower-case form, their ±2 window, word bigrams, its
//! shape (capitalisation, digits, punctuation, syllable count) and its neighbours' shapes,
//! whether it starts the sentence, the surname and name-syllable lists of the gazetteer, and
//! the BIO tag the rule-based [`crate::Recognizer`] gives it and its neighbours, so the model
//! learns how far to trust each rule.

use std::sync::Arc;

use crate::error::{Error, Result};
use crate::ner::Recognizer;
use crate::segment::{hash_bytes, word_key};
use crate::tagging::{Example, Lattice, TagModel, Trainer, feature, feature2, feature3};

/// The task name in the model header.
const TASK: &str = "ner";

/// Features per token.
const FEATURES: usize = 26;

/// Token shapes.
const SHAPE_LOWER: u64 = 1;
const SHAPE_TITLE: u64 = 2;
const SHAPE_UPPER: u64 = 3;
const SHAPE_MIXED: u64 = 4;
const SHAPE_NUMBER: u64 = 5;
const SHAPE_ALNUM: u64 = 6;
const SHAPE_PUNCT: u64 = 7;
const SHAPE_OTHER: u64 = 8;
/// Outside the sentence.
const PAD: u64 = 0x9ad_0001;

/// What the features see of a token.
#[derive(Clone, Copy, Debug, Default)]
struct TokenView {
    exact: u64,
    lower: u64,
    shape: u64,
    syllables: u64,
    name: u64,
    rule: u64,
}

fn shape(token: &str) -> u64 {
    let (mut upper, mut lower, mut digit, mut other) = (0, 0, 0, 0);
    let mut first_upper = false;
    for (i, c) in token.chars().enumerate() {
        if c.is_uppercase() {
            upper += 1;
            first_upper |= i == 0;
        } else if c.is_lowercase() {
            lower += 1;
        } else if c.is_ascii_digit() {
            digit += 1;
        } else if c != '_' && c != ' ' {
            other += 1;
        }
    }
    match () {
        _ if upper + lower == 0 && digit > 0 => SHAPE_NUMBER,
        _ if upper + lower > 0 && digit > 0 => SHAPE_ALNUM,
        _ if upper + lower == 0 && other > 0 => SHAPE_PUNCT,
        _ if upper > 0 && lower == 0 => SHAPE_UPPER,
        _ if first_upper && upper == 1 => SHAPE_TITLE,
        _ if upper == 0 && lower > 0 => SHAPE_LOWER,
        _ if upper > 0 => SHAPE_MIXED,
        _ => SHAPE_OTHER,
    }
}

/// Reads tokens into views, with the rule-based recognizer's tags as signals.
fn views<S: AsRef<str>>(tokens: &[S], rules: &Recognizer, out: &mut Vec<TokenView>) {
    out.clear();
    let gazetteer = rules.gazetteer();
    let rule_tags = rules.tag_tokens(tokens);
    for (t, rule) in tokens.iter().zip(&rule_tags) {
        let t = t.as_ref();
        let first = t.split(['_', ' ']).next().unwrap_or(t);
        let syllables = t.split(['_', ' ']).filter(|s| !s.is_empty()).count() as u64;
        let name = u64::from(gazetteer.is_surname(first)) | u64::from(gazetteer.is_name_syllable(first)) << 1;
        out.push(TokenView {
            exact: hash_bytes(t),
            lower: word_key(t),
            shape: shape(t),
            syllables: syllables.min(4),
            name,
            rule: hash_bytes(rule),
        });
    }
}

/// The feature hashes of token `i`.
fn features(v: &[TokenView], i: usize, out: &mut [u64; FEATURES]) {
    let at = |k: isize| -> Option<&TokenView> { usize::try_from(k).ok().and_then(|k| v.get(k)) };
    let lower = |k: isize| at(k).map_or(PAD, |t| t.lower);
    let shape = |k: isize| at(k).map_or(0, |t| t.shape);
    let rule = |k: isize| at(k).map_or(PAD, |t| t.rule);
    let ii = i as isize;
    let t = v[i];
    let start = u64::from(i == 0);
    *out = [
        feature(1, 0),
        feature(2, t.exact),
        feature(3, t.lower),
        feature(4, lower(ii - 2)),
        feature(5, lower(ii - 1)),
        feature(6, lower(ii + 1)),
        feature(7, lower(ii + 2)),
        feature2(8, lower(ii - 1), t.lower),
        feature2(9, t.lower, lower(ii + 1)),
        feature(10, t.shape | start << 8),
        feature2(11, shape(ii - 1), t.shape),
        feature2(12, t.shape, shape(ii + 1)),
        feature3(13, shape(ii - 1), t.shape, shape(ii + 1)),
        feature2(14, t.shape, t.syllables),
        feature2(15, t.name, t.shape),
        feature2(16, at(ii - 1).map_or(0, |p| p.name), t.name),
        feature(17, t.rule),
        feature2(18, rule(ii - 1), t.rule),
        feature2(19, t.rule, rule(ii + 1)),
        feature2(20, t.rule, t.shape),
        feature2(21, lower(ii - 1), t.shape),
        feature2(22, t.shape, lower(ii + 1)),
        feature2(23, lower(ii - 2), lower(ii - 1)),
        feature2(24, t.exact, t.rule),
        feature2(25, t.lower, start),
        feature3(26, lower(ii - 1), t.shape, shape(ii - 1)),
    ];
}

/// Tags that may start a sentence: `O` and `B-…`.
fn sentence_start_mask(tags: &TagModel) -> u32 {
    tags.tags().enumerate().filter(|(_, t)| !t.starts_with("I-")).fold(0, |m, (k, _)| m | 1 << k)
}

/// Tags tokens with named entities (BIO over PER, LOC, ORG... as the training data had them).
///
/// Immutable, `Send + Sync`, cheap to clone; [`NerTagger::worker`] reuses buffers across
/// sentences.
///
/// Experimental: there is no built-in model yet and [`crate::Recognizer`] does not use the
/// tagger. Train a model with [`NerTrainer`] (which shows an example) or
/// `examples/train_ner.rs`. The features of a token are its form and lower-case form, the
/// ±2 window, word bigrams, shapes (capitalisation, digits, punctuation, syllable count),
/// the sentence start, the gazetteer's surname and name-syllable lists, and the BIO tags
/// the rule-based [`crate::Recognizer`] gives the token and its neighbours, so that the
/// model learns how far to trust each rule.
#[derive(Clone, Debug)]
pub struct NerTagger {
    model: Arc<TagModel>,
    start_mask: u32,
}

impl NerTagger {
    /// Reads a model written by [`NerTrainer::train`].
    ///
    /// ```
    /// let err = vntext::NerTagger::from_model_bytes(b"VNTAGMDL").unwrap_err();
    /// assert!(matches!(err, vntext::Error::Model { .. }));
    /// ```
    ///
    /// # Errors
    /// [`Error::Model`] when the bytes are not such a model (another task's, such as the
    /// word segmenter's), are of another format version, or are corrupt or truncated.
    pub fn from_model_bytes(bytes: &[u8]) -> Result<NerTagger> {
        let (model, payload) = TagModel::read(bytes, Some(TASK))?;
        if !payload.is_empty() {
            return Err(Error::model(format!("{} unexpected payload bytes in a NER model", payload.len())));
        }
        if model.tags().next() != Some("O") || model.tags().skip(1).any(|t| !t.starts_with(['B', 'I'])) {
            return Err(Error::model("NER tags must be `O` followed by B-/I- tags"));
        }
        let start_mask = sentence_start_mask(&model);
        Ok(NerTagger { model: Arc::new(model), start_mask })
    }

    /// The model's tags (`O`, `B-LOC`, `I-LOC`...).
    ///
    /// ```
    /// # let mut trainer = vntext::NerTrainer::new();
    /// # trainer.hash_bits(8);
    /// # trainer.add_sentence(&["Hà_Nội"], &["B-LOC"])?;
    /// let tagger = vntext::NerTagger::from_model_bytes(&trainer.train()?)?;
    /// assert_eq!(tagger.tags().collect::<Vec<_>>(), ["O", "B-LOC", "I-LOC"]);
    /// # Ok::<(), vntext::Error>(())
    /// ```
    pub fn tags(&self) -> impl ExactSizeIterator<Item = &str> {
        self.model.tags()
    }

    /// BIO tags of `tokens` (one per token). For many sentences, [`NerTagger::worker`].
    ///
    /// ```
    /// # let mut trainer = vntext::NerTrainer::new();
    /// # trainer.hash_bits(8);
    /// # trainer.add_sentence(&["Hà_Nội"], &["B-LOC"])?;
    /// let tagger = vntext::NerTagger::from_model_bytes(&trainer.train()?)?;
    /// assert_eq!(tagger.tag_tokens(&["tại", "Hà_Nội"]).len(), 2);
    /// # Ok::<(), vntext::Error>(())
    /// ```
    pub fn tag_tokens<S: AsRef<str>>(&self, tokens: &[S]) -> Vec<String> {
        self.worker().tag(tokens).map(str::to_owned).collect()
    }

    /// A worker that tags sentence after sentence, reusing its buffers.
    ///
    /// ```
    /// # let mut trainer = vntext::NerTrainer::new();
    /// # trainer.hash_bits(8);
    /// # trainer.add_sentence(&["Hà_Nội"], &["B-LOC"])?;
    /// let tagger = vntext::NerTagger::from_model_bytes(&trainer.train()?)?;
    /// let mut worker = tagger.worker();
    /// for sentence in [&["về", "Hà_Nội"][..], &["Hà_Nội"]] {
    ///     assert_eq!(worker.tag(sentence).count(), sentence.len());
    /// }
    /// # Ok::<(), vntext::Error>(())
    /// ```
    pub fn worker(&self) -> NerWorker<'_> {
        NerWorker { tagger: self, views: Vec::new(), lattice: Lattice::default() }
    }
}

/// Reusable buffers for tagging many sentences with one [`NerTagger`].
#[derive(Debug)]
pub struct NerWorker<'t> {
    tagger: &'t NerTagger,
    views: Vec<TokenView>,
    lattice: Lattice,
}

impl<'t> NerWorker<'t> {
    /// The BIO tags of `tokens`, one per token.
    ///
    /// ```
    /// # let mut trainer = vntext::NerTrainer::new();
    /// # trainer.hash_bits(8);
    /// # trainer.add_sentence(&["Hà_Nội"], &["B-LOC"])?;
    /// # let tagger = vntext::NerTagger::from_model_bytes(&trainer.train()?)?;
    /// let mut worker = tagger.worker();
    /// let tags: Vec<&str> = worker.tag(&["ở", "Hà_Nội"]).collect();
    /// assert_eq!(tags.len(), 2);
    /// # Ok::<(), vntext::Error>(())
    /// ```
    pub fn tag<S: AsRef<str>>(&mut self, tokens: &[S]) -> impl ExactSizeIterator<Item = &'t str> + '_ {
        let model = &*self.tagger.model;
        views(tokens, Recognizer::builtin(), &mut self.views);
        let n = self.views.len();
        self.lattice.reset(model, n);
        if let Some(a) = self.lattice.allowed_mut().first_mut() {
            *a = self.tagger.start_mask;
        }
        let mut feats = [0u64; FEATURES];
        for i in 0..n {
            features(&self.views, i, &mut feats);
            self.lattice.add_features(model, i, &feats);
        }
        let tags: &'t TagModel = &self.tagger.model;
        self.lattice.decode().iter().map(move |&t| tags.tags[usize::from(t)].as_str())
    }
}

/// Trains a [`NerTagger`] model from sentences tagged in BIO. Deterministic.
///
/// The tag set is `O` and `B-`/`I-` of every type the sentences use (at most 15 types).
///
/// ```
/// use vntext::{NerTagger, NerTrainer};
///
/// let mut trainer = NerTrainer::new();
/// trainer.hash_bits(12).epochs(5);
/// for (tokens, tags) in [
///     (vec!["Ông", "Tevez", "đến", "Hà_Nội"], vec!["O", "B-PER", "O", "B-LOC"]),
///     (vec!["Ông", "Park", "ghé", "Hà_Nội"], vec!["O", "B-PER", "O", "B-LOC"]),
///     (vec!["Anh", "Tevez", "về", "Hà_Nội"], vec!["O", "B-PER", "O", "B-LOC"]),
/// ] {
///     trainer.add_sentence(&tokens, &tags)?;
/// }
/// let tagger = NerTagger::from_model_bytes(&trainer.train()?)?;
/// assert_eq!(tagger.tag_tokens(&["Ông", "Tevez", "đến", "Hà_Nội"]), ["O", "B-PER", "O", "B-LOC"]);
/// # Ok::<(), vntext::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct NerTrainer {
    bits: u32,
    epochs: usize,
    runs: usize,
    sentences: Vec<(Vec<u64>, Vec<String>)>,
    views: Vec<TokenView>,
}

impl Default for NerTrainer {
    fn default() -> Self {
        NerTrainer::new()
    }
}

impl NerTrainer {
    /// A trainer with 2^18 weight rows, 10 epochs and 5 runs.
    ///
    /// ```
    /// assert!(vntext::NerTrainer::new().train().is_err()); // no sentences yet
    /// ```
    pub fn new() -> NerTrainer {
        NerTrainer { bits: 18, epochs: 10, runs: 5, sentences: Vec::new(), views: Vec::new() }
    }

    /// The weight table has `1 << bits` rows (clamped to 8..=24), each of `2 × types` 16-bit
    /// weights.
    ///
    /// ```
    /// let mut trainer = vntext::NerTrainer::new();
    /// trainer.hash_bits(16);
    /// ```
    pub fn hash_bits(&mut self, bits: u32) -> &mut Self {
        self.bits = bits.clamp(8, 24);
        self
    }

    /// Passes over the sentences.
    ///
    /// ```
    /// let mut trainer = vntext::NerTrainer::new();
    /// trainer.epochs(12);
    /// ```
    pub fn epochs(&mut self, epochs: usize) -> &mut Self {
        self.epochs = epochs;
        self
    }

    /// Perceptrons trained on different sentence orders and averaged.
    ///
    /// ```
    /// let mut trainer = vntext::NerTrainer::new();
    /// trainer.runs(3);
    /// ```
    pub fn runs(&mut self, runs: usize) -> &mut Self {
        self.runs = runs.max(1);
        self
    }

    /// Adds a sentence: its tokens and their BIO tags (`O`, `B-PER`, `I-PER`...).
    ///
    /// ```
    /// let mut trainer = vntext::NerTrainer::new();
    /// trainer.add_sentence(&["Hà_Nội"], &["B-LOC"])?;
    /// assert!(trainer.add_sentence(&["Hà", "Nội"], &["B-LOC"]).is_err());
    /// assert!(trainer.add_sentence(&["Hà_Nội"], &["LOC"]).is_err());
    /// # Ok::<(), vntext::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::Model`] when there are not as many tags as tokens or a tag is not `O`,
    /// `B-TYPE` or `I-TYPE`.
    pub fn add_sentence<S: AsRef<str>, T: AsRef<str>>(&mut self, tokens: &[S], tags: &[T]) -> Result<()> {
        if tokens.len() != tags.len() {
            return Err(Error::model(format!("{} tokens but {} tags", tokens.len(), tags.len())));
        }
        if let Some(bad) = tags.iter().map(AsRef::as_ref).find(|t| {
            *t != "O" && !(t.len() > 2 && (t.starts_with("B-") || t.starts_with("I-")) && t.len() <= 40)
        }) {
            return Err(Error::model(format!("tag {bad:?} is not O, B-TYPE or I-TYPE")));
        }
        views(tokens, Recognizer::builtin(), &mut self.views);
        let mut feats = [0u64; FEATURES];
        let mut hashes = Vec::with_capacity(tokens.len() * FEATURES);
        for i in 0..tokens.len() {
            features(&self.views, i, &mut feats);
            hashes.extend_from_slice(&feats);
        }
        self.sentences.push((hashes, tags.iter().map(|t| t.as_ref().to_owned()).collect()));
        Ok(())
    }

    /// Trains and returns the model's bytes, for [`NerTagger::from_model_bytes`].
    ///
    /// ```
    /// let mut trainer = vntext::NerTrainer::new();
    /// trainer.hash_bits(8).add_sentence(&["Hà_Nội"], &["B-LOC"])?;
    /// let bytes = trainer.train()?;
    /// assert_eq!(bytes, trainer.train()?); // deterministic
    /// # Ok::<(), vntext::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::Model`] when no sentence was added or they use more than 15 types.
    pub fn train(&self) -> Result<Vec<u8>> {
        let mut types: Vec<&str> =
            self.sentences.iter().flat_map(|(_, tags)| tags).filter_map(|t| t.get(2..)).collect();
        types.sort_unstable();
        types.dedup();
        let mut labels = vec!["O".to_owned()];
        for t in &types {
            labels.push(format!("B-{t}"));
            labels.push(format!("I-{t}"));
        }
        if labels.len() > 31 {
            return Err(Error::model(format!("{} entity types, a model has at most 15", types.len())));
        }
        let label_refs: Vec<&str> = labels.iter().map(String::as_str).collect();
        let mut trainer = Trainer::new(TASK, &label_refs);
        trainer.hash_bits(self.bits).epochs(self.epochs).runs(self.runs);
        let all = crate::tagging::all_tags(labels.len());
        let start =
            labels.iter().enumerate().filter(|(_, t)| !t.starts_with("I-")).fold(0, |m, (k, _)| m | 1 << k);
        for (hashes, tags) in &self.sentences {
            let mut e = Example::default();
            for (i, (tag, feats)) in tags.iter().zip(hashes.chunks_exact(FEATURES)).enumerate() {
                let gold = labels.iter().position(|l| l == tag).unwrap_or(0) as u8;
                e.push(gold, if i == 0 { start } else { all }, feats);
            }
            trainer.add(e);
        }
        Ok(trainer.train()?.to_bytes(&[]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        let s: Vec<u64> =
            ["hà", "Hà_Nội", "UBND", "2023", "U23", "(", "iPhone", "_"].iter().map(|t| shape(t)).collect();
        assert_eq!(
            s,
            [
                SHAPE_LOWER,
                SHAPE_MIXED,
                SHAPE_UPPER,
                SHAPE_NUMBER,
                SHAPE_ALNUM,
                SHAPE_PUNCT,
                SHAPE_MIXED,
                SHAPE_OTHER
            ]
        );
        assert_eq!(shape("Hà"), SHAPE_TITLE);
    }

    fn trainer() -> NerTrainer {
        let mut t = NerTrainer::new();
        t.hash_bits(12).epochs(6).runs(2);
        let data: [(&[&str], &[&str]); 6] = [
            (&["Ông", "Tevez", "đến", "Hà_Nội", "."], &["O", "B-PER", "O", "B-LOC", "O"]),
            (&["Bà", "Lan", "ở", "Đà_Nẵng", "."], &["O", "B-PER", "O", "B-LOC", "O"]),
            (&["Công_ty", "Samsung", "mở", "nhà_máy", "."], &["B-ORG", "I-ORG", "O", "O", "O"]),
            (&["Anh", "Park", "Hang-seo", "về", "Hà_Nội"], &["O", "B-PER", "I-PER", "O", "B-LOC"]),
            (&["Công_ty", "Viettel", "ở", "Hà_Nội"], &["B-ORG", "I-ORG", "O", "B-LOC"]),
            (&["Ông", "Park", "đến", "Đà_Nẵng"], &["O", "B-PER", "O", "B-LOC"]),
        ];
        for (tokens, tags) in data {
            t.add_sentence(tokens, tags).unwrap();
        }
        t
    }

    #[test]
    fn learns_its_training_sentences_and_is_deterministic() {
        let t = trainer();
        let bytes = t.train().unwrap();
        assert_eq!(bytes, t.train().unwrap());
        let tagger = NerTagger::from_model_bytes(&bytes).unwrap();
        assert_eq!(
            tagger.tags().collect::<Vec<_>>(),
            ["O", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-PER", "I-PER"]
        );
        assert_eq!(
            tagger.tag_tokens(&["Anh", "Park", "Hang-seo", "về", "Hà_Nội"]),
            ["O", "B-PER", "I-PER", "O", "B-LOC"]
        );
        assert_eq!(
            tagger.tag_tokens(&["Công_ty", "Samsung", "mở", "nhà_máy", "."]),
            ["B-ORG", "I-ORG", "O", "O", "O"]
        );
        // A sentence never starts inside an entity.
        for tokens in [&["Park"][..], &["Hang-seo", "về"], &[]] {
            let tags = tagger.tag_tokens(tokens);
            assert_eq!(tags.len(), tokens.len());
            assert!(tags.first().is_none_or(|t| !t.starts_with("I-")), "{tags:?}");
        }
    }

    #[test]
    fn other_models_and_bad_input_are_errors() {
        let segmenter = {
            let mut t = crate::SegmenterTrainer::new();
            t.hash_bits(8);
            t.add_sentence("quốc phòng", &[crate::Span::new(0, 13)]);
            t.train().unwrap()
        };
        let err = NerTagger::from_model_bytes(&segmenter).unwrap_err();
        assert!(err.to_string().contains("task `segment`, not `ner`"), "{err}");
        let bytes = trainer().train().unwrap();
        for len in 0..bytes.len().min(400) {
            assert!(NerTagger::from_model_bytes(&bytes[..len]).is_err());
        }
        let mut other_tags = TagModel::read(&bytes, None).unwrap().0;
        other_tags.tags[1] = "LOC".into();
        assert!(NerTagger::from_model_bytes(&other_tags.to_bytes(&[])).is_err());
        assert!(NerTrainer::new().train().is_err());
        let mut t = NerTrainer::new();
        assert!(t.add_sentence(&["a", "b"], &["O"]).is_err());
        assert!(t.add_sentence(&["a"], &["B-"]).is_err());
    }
}
