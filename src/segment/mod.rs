//! Word segmentation: which syllables form one word (`quốc phòng`, `Ủy ban nhân dân`).
//!
//! ```
//! let segmenter = vntext::WordSegmenter::builtin();
//! let text = "Bộ Quốc phòng họp báo.";
//! let words: Vec<&str> = segmenter.segment(text).iter().map(|w| w.as_str()).collect();
//! assert_eq!(words, ["Bộ", "Quốc phòng", "họp báo", "."]);
//! ```
//!
//! A word is a run of tokens from [`crate::tokenize`] that the model joins: syllables and
//! foreign words, and a plain number next to a syllable where the model learned that
//! UD-VTB writes one word (`10 triệu`, `tháng 10`; never two numbers). A number written
//! against letters (`1A`, `10km`) is always one word, so is a word written with a hyphen and
//! no space (`Mác-Lênin`, `Niu-Ước`, `COVID-19`), and so is an initial or `TP` with its
//! full stop (`H.`, `TP.`) when a word follows on the line. Every other token (dates,
//! punctuation, abbreviations...) is a word of its own, and no token is ever split. Words
//! never span a line break. Each word is a [`Span`] over the caller's text.
//!
//! The model is an averaged structured perceptron over two tags, "starts a word" and "joins
//! the previous token", with exact (Viterbi) decoding, on the crate's learning engine
//! ([`crate::tagging`]). Its features are the hashed syllable n-grams
//! around each place, their shapes and case, matches of a lexicon of multi-syllable words
//! (the treebank's own, a general dictionary of about 60,000 words, place and organisation
//! names, abbreviation long forms; forward and backward longest match too), how strongly two syllables go together in
//! unlabelled text (PMI and conditional probabilities from Wikipedia and Vietnamese laws),
//! and whether two syllables share their onset or rhyme (reduplicative words such as
//! `tấp nập`). [`SegmenterTrainer`] builds it;
//! `vntext train-segmenter` (the command-line tool, `cli/` in the repository) shows how the
//! built-in model is made.

mod features;
mod model;
mod train;

use std::sync::{Arc, OnceLock};

use self::features::{FEATURES_PER_POSITION, Scratch, SoundCache, Tok, analyze, analyze_with, seq_hash};
use self::model::Model;
use crate::error::Result;
use crate::span::Span;
use crate::tagging::{HashKeyed, Lattice, mix};

pub use self::train::{SegmenterTrainer, TrainingStats};

pub(crate) use self::features::hash_bytes;
#[cfg(feature = "ner")]
pub(crate) use self::features::word_key;

/// The built-in model, trained on UD Vietnamese-VTB (train and dev) with statistics from
/// Vietnamese Wikipedia and laws and a general dictionary as lexicon; see `data/SOURCES.md`.
static MODEL: &[u8] = include_bytes!("../../data/segmenter.bin");

/// A word: a slice of the caller's text made of one or more tokens.
///
/// ```
/// let text = "Bộ Quốc phòng họp báo.";
/// let words = vntext::WordSegmenter::builtin().segment(text);
/// let word = words[1];
/// assert_eq!((word.as_str(), word.token_count()), ("Quốc phòng", 2));
/// assert_eq!(&text[word.span().range()], "Quốc phòng");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Word<'h> {
    text: &'h str,
    span: Span,
    tokens: u32,
}

impl<'h> Word<'h> {
    /// The word's text, borrowed from the input, with the caller's spaces between its
    /// syllables (`"quốc phòng"`).
    ///
    /// ```
    /// let words = vntext::WordSegmenter::builtin().segment("hội nghị  quốc phòng");
    /// let words: Vec<&str> = words.iter().map(|w| w.as_str()).collect();
    /// assert_eq!(words, ["hội nghị", "quốc phòng"]);
    /// ```
    pub fn as_str(&self) -> &'h str {
        self.text
    }

    /// Where the word is in the input, in bytes.
    ///
    /// ```
    /// use vntext::Span;
    ///
    /// let words = vntext::WordSegmenter::builtin().segment("Bộ Quốc phòng");
    /// // `Bộ` is four bytes, then a space.
    /// assert_eq!(words[1].span(), Span::new(5, 18));
    /// ```
    pub fn span(&self) -> Span {
        self.span
    }

    /// How many tokens (syllables) the word has.
    ///
    /// ```
    /// let words = vntext::WordSegmenter::builtin().segment("Ủy ban nhân dân tỉnh");
    /// let counts: Vec<usize> = words.iter().map(|w| w.token_count()).collect();
    /// assert_eq!(counts, [4, 1]);
    /// ```
    pub fn token_count(&self) -> usize {
        self.tokens as usize
    }
}

/// Words that the user requires to stay whole, by the hash of their tokens' keys.
#[derive(Clone, Debug, Default)]
struct UserDictionary {
    max_len: usize,
    words: HashKeyed<()>,
}

/// Splits Vietnamese text into words: which syllables form one word (`quốc phòng`,
/// `Ủy ban nhân dân`).
///
/// Immutable, `Send + Sync`, used through `&self`; cloning is cheap (the model is shared).
/// Build it once: [`WordSegmenter::builtin`] for the shipped model, [`WordSegmenter::builder`]
/// to add a user dictionary, [`WordSegmenter::from_model_bytes`] for a model you trained.
///
/// A word is a run of tokens from [`tokenize`](crate::tokenize) that the model joins:
/// syllables and foreign words, and a plain number next to a syllable where the model
/// learned that UD-VTB writes one word (`10 triệu`, `tháng 10`; never two numbers). A number
/// written against letters (`1A`, `10km`) is always one word, so is a word written with a
/// hyphen and no space (`Mác-Lênin`, `COVID-19`), and so is an initial or `TP` with its full
/// stop (`H.`, `TP.`) when a word follows on the line. Every other token (dates,
/// punctuation, abbreviations...) is a word of its own, and no token is ever split. Words
/// never span a line break. Each word is a [`Span`] over the caller's text.
///
/// The model is an averaged structured perceptron over two tags ("starts a word", "joins
/// the previous token") with exact (Viterbi) decoding, on the crate's learning engine
/// ([`crate::tagging`]). Its features are syllable n-grams, their shapes and case, matches
/// of a lexicon of multi-syllable words, how strongly two syllables go together in
/// unlabelled text, and whether two syllables share their onset or rhyme (`tấp nập`).
/// [`SegmenterTrainer`] builds such a model from your own data.
///
/// ```
/// let segmenter = vntext::WordSegmenter::builtin();
/// let text = "Bộ Quốc phòng họp báo.";
/// let words: Vec<&str> = segmenter.segment(text).iter().map(|w| w.as_str()).collect();
/// assert_eq!(words, ["Bộ", "Quốc phòng", "họp báo", "."]);
///
/// // A date and an abbreviation are words of their own; nothing crosses a line break.
/// let words = segmenter.segment("Ngày 8/12, UBND tỉnh\nquốc phòng");
/// let words: Vec<&str> = words.iter().map(|w| w.as_str()).collect();
/// assert_eq!(words, ["Ngày", "8/12", ",", "UBND", "tỉnh", "quốc phòng"]);
/// ```
#[derive(Clone, Debug)]
pub struct WordSegmenter {
    model: Arc<Model>,
    user: Arc<UserDictionary>,
}

/// Configures a [`WordSegmenter`]: its model and a user dictionary. Made by
/// [`WordSegmenter::builder`].
///
/// ```
/// let text = "Ban Chỉ huy Quân sự huyện họp.";
/// let segmenter = vntext::WordSegmenter::builder().word("Ban Chỉ huy Quân sự").build();
/// let words = segmenter.segment(text);
/// assert_eq!(words[0].as_str(), "Ban Chỉ huy Quân sự");
/// ```
#[derive(Clone, Debug)]
pub struct WordSegmenterBuilder {
    model: Arc<Model>,
    words: Vec<String>,
}

impl WordSegmenterBuilder {
    /// Uses the model of `segmenter` (e.g. one read by [`WordSegmenter::from_model_bytes`])
    /// instead of the built-in one.
    ///
    /// ```
    /// use vntext::{SegmenterTrainer, Span, WordSegmenter};
    ///
    /// let mut trainer = SegmenterTrainer::new();
    /// trainer.hash_bits(12).epochs(3);
    /// trainer.add_sentence("quốc phòng toàn dân", &[Span::new(0, 13), Span::new(14, 24)]);
    /// let mine = WordSegmenter::from_model_bytes(&trainer.train().unwrap()).unwrap();
    ///
    /// // My model, with a word of my own on top.
    /// let segmenter = WordSegmenter::builder().model_of(&mine).word("an ninh").build();
    /// let words: Vec<&str> =
    ///     segmenter.segment("quốc phòng an ninh").iter().map(|w| w.as_str()).collect();
    /// assert_eq!(words, ["quốc phòng", "an ninh"]);
    /// ```
    pub fn model_of(&mut self, segmenter: &WordSegmenter) -> &mut Self {
        self.model = Arc::clone(&segmenter.model);
        self
    }

    /// Adds a word that must stay whole wherever it occurs, e.g. an organisation's name
    /// (`"Ban Chỉ huy Quân sự"`). Matching ignores case, tone-mark placement and spacing;
    /// where user words overlap, the leftmost and then the longest wins. A word of one
    /// token changes nothing (every token is inside one word anyway).
    ///
    /// ```
    /// let segmenter = vntext::WordSegmenter::builder().word("ban chỉ huy quân sự").build();
    /// // Case and spacing do not matter.
    /// let words = segmenter.segment("BAN CHỈ HUY  QUÂN SỰ tỉnh");
    /// assert_eq!(words[0].as_str(), "BAN CHỈ HUY  QUÂN SỰ");
    /// assert_eq!(words[0].token_count(), 5);
    /// ```
    pub fn word(&mut self, word: &str) -> &mut Self {
        self.words.push(word.to_owned());
        self
    }

    /// Adds several words, as [`WordSegmenterBuilder::word`] does.
    ///
    /// ```
    /// let segmenter =
    ///     vntext::WordSegmenter::builder().words(["Ban Chỉ huy", "Quân sự tỉnh"]).build();
    /// let words = segmenter.segment("Ban Chỉ huy Quân sự tỉnh");
    /// let words: Vec<&str> = words.iter().map(|w| w.as_str()).collect();
    /// assert_eq!(words, ["Ban Chỉ huy", "Quân sự tỉnh"]);
    /// ```
    pub fn words<I, S>(&mut self, words: I) -> &mut Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        for w in words {
            self.word(w.as_ref());
        }
        self
    }

    /// Builds the segmenter. The builder can be reused to build more.
    ///
    /// ```
    /// let mut builder = vntext::WordSegmenter::builder();
    /// let plain = builder.build();
    /// let custom = builder.word("họp báo quốc phòng").build();
    /// let text = "họp báo quốc phòng";
    /// assert_eq!(plain.segment(text).len(), 2);
    /// assert_eq!(custom.segment(text).len(), 1);
    /// ```
    pub fn build(&self) -> WordSegmenter {
        let mut user = UserDictionary::default();
        let mut toks = Vec::new();
        for w in &self.words {
            analyze(w, &mut toks);
            if toks.len() < 2 {
                continue;
            }
            let h = seq_hash(toks.iter().map(|t| exact_key(w, t)));
            user.words.insert(h, ());
            user.max_len = user.max_len.max(toks.len());
        }
        WordSegmenter { model: Arc::clone(&self.model), user: Arc::new(user) }
    }
}

/// The key that user words match on: the comparison key for words, the text otherwise.
fn exact_key(text: &str, t: &Tok) -> u64 {
    if t.word { t.key } else { hash_bytes(&text[t.span.range()]) }
}

impl WordSegmenter {
    /// The model's lexicon over a sentence of `n` tokens, for other stages' features (the
    /// NER tagger's word boundaries): forward longest match, giving `set(i, code)` for each
    /// token `i` inside a lexicon word of two tokens or more, `code` packed as
    /// `len << 2 | place` (`place` 1 first, 2 inside, 3 last; `len` up to 63 tokens) with
    /// the word's sources above bit 8. `key(i)` is the [`word_key`] of a word token (0 for
    /// other tokens), `joins(i)` says that token `i` may form a word with token `i - 1`.
    #[cfg(feature = "ner")]
    pub(crate) fn lexicon_words(
        &self,
        n: usize,
        key: impl Fn(usize) -> u64,
        joins: impl Fn(usize) -> bool,
        mut set: impl FnMut(usize, u64),
    ) {
        let lexicon = &self.model.lexicon;
        let max_len = lexicon.max_len.min(63);
        let mut j = 0;
        while j < n {
            let (mut best, mut best_mask) = (1, 0u8);
            let first = key(j);
            if first != 0 {
                let mut h = seq_hash([first]);
                let mut len = 1;
                while len < max_len && j + len < n && joins(j + len) {
                    let next = key(j + len);
                    if next == 0 {
                        break;
                    }
                    h = mix(h, next);
                    len += 1;
                    let mask = lexicon.words.get(&h).copied().unwrap_or(0);
                    if mask == 0 {
                        break;
                    }
                    if mask & !features::LEXICON_PREFIX != 0 {
                        (best, best_mask) = (len, mask & !features::LEXICON_PREFIX);
                    }
                }
            }
            if best > 1 {
                for k in 0..best {
                    let place = if k == 0 {
                        1
                    } else if k + 1 == best {
                        3
                    } else {
                        2
                    };
                    set(j + k, (best as u64) << 2 | place | u64::from(best_mask) << 8);
                }
            }
            j += best;
        }
    }

    /// The segmenter with the built-in model and no user dictionary, built on first use;
    /// later calls return the same segmenter.
    ///
    /// The model (`data/segmenter.bin`) is trained on UD Vietnamese-VTB and is licensed
    /// CC BY-SA 4.0, as that treebank is; see the crate docs.
    ///
    /// ```
    /// let segmenter = vntext::WordSegmenter::builtin();
    /// assert!(std::ptr::eq(segmenter, vntext::WordSegmenter::builtin()));
    /// assert_eq!(segmenter.segment("thủ đô Hà Nội").len(), 2);
    /// ```
    pub fn builtin() -> &'static WordSegmenter {
        static BUILTIN: OnceLock<WordSegmenter> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            // The shipped model is checked by the tests, so this cannot fail.
            WordSegmenter::from_model_bytes(MODEL).expect("the built-in segmentation model is valid")
        })
    }

    /// A builder starting from the built-in model, with no user words.
    ///
    /// ```
    /// let segmenter = vntext::WordSegmenter::builder().word("Công ty Sữa").build();
    /// assert_eq!(segmenter.segment("Công ty Sữa Việt Nam")[0].as_str(), "Công ty Sữa");
    /// ```
    pub fn builder() -> WordSegmenterBuilder {
        WordSegmenterBuilder { model: Arc::clone(&WordSegmenter::builtin().model), words: Vec::new() }
    }

    /// Reads a model written by [`SegmenterTrainer::train`].
    ///
    /// # Errors
    /// [`ErrorKind::Model`](crate::ErrorKind::Model) when the bytes are not such a model, are of another format
    /// version, or are corrupt or truncated (checked by a checksum).
    ///
    /// ```
    /// use vntext::{SegmenterTrainer, Span, WordSegmenter};
    ///
    /// let mut trainer = SegmenterTrainer::new();
    /// trainer.hash_bits(12).epochs(3);
    /// trainer.add_sentence("quốc phòng toàn dân", &[Span::new(0, 13), Span::new(14, 24)]);
    /// let model = trainer.train()?;
    /// let segmenter = WordSegmenter::from_model_bytes(&model)?;
    /// assert_eq!(segmenter.segment("quốc phòng toàn dân").len(), 2);
    ///
    /// // A cut model is rejected, not misread.
    /// let err = WordSegmenter::from_model_bytes(&model[..model.len() - 1]).unwrap_err();
    /// assert_eq!(err.kind(), vntext::ErrorKind::Model);
    /// # Ok::<(), vntext::Error>(())
    /// ```
    pub fn from_model_bytes(bytes: &[u8]) -> Result<WordSegmenter> {
        Ok(WordSegmenter { model: Arc::new(Model::from_bytes(bytes)?), user: Arc::default() })
    }

    /// The words of `text`, in order. Every token of the text is in exactly one word.
    ///
    /// For many texts, [`WordSegmenter::worker`] reuses its buffers instead.
    ///
    /// ```
    /// let text = "Ủy ban nhân dân tỉnh Đắk Nông";
    /// let words = vntext::WordSegmenter::builtin().segment(text);
    /// let words: Vec<&str> = words.iter().map(|w| w.as_str()).collect();
    /// assert_eq!(words, ["Ủy ban nhân dân", "tỉnh", "Đắk Nông"]);
    /// ```
    pub fn segment<'h>(&self, text: &'h str) -> Vec<Word<'h>> {
        // One text: the syllable-sound cache would cost more to set up than it saves.
        self.worker_with(SoundCache::default()).segment(text).collect()
    }

    /// A worker that segments text after text, reusing its buffers, so that a loop
    /// allocates nothing once the buffers have grown to the longest text (except for the
    /// rare syllable whose comparison key needs the full normalizer: decomposed marks,
    /// look-alike letters, `hoà`-style tone marks).
    ///
    /// ```
    /// let segmenter = vntext::WordSegmenter::builtin();
    /// let mut worker = segmenter.worker();
    /// let counts: Vec<usize> =
    ///     ["Bộ Quốc phòng", "UBND tỉnh Đắk Nông"].iter().map(|l| worker.segment(l).count()).collect();
    /// assert_eq!(counts, [2, 3]);
    /// ```
    pub fn worker(&self) -> SegmentWorker<'_> {
        self.worker_with(SoundCache::new())
    }

    fn worker_with(&self, sounds: SoundCache) -> SegmentWorker<'_> {
        SegmentWorker {
            segmenter: self,
            toks: Vec::new(),
            scratch: Scratch::default(),
            lattice: Lattice::default(),
            sounds,
            keys: Vec::new(),
            words: Vec::new(),
        }
    }
}

impl Default for WordSegmenter {
    /// The built-in segmenter.
    fn default() -> WordSegmenter {
        WordSegmenter::builtin().clone()
    }
}

/// Reusable buffers for segmenting many texts with one [`WordSegmenter`].
///
/// ```
/// let segmenter = vntext::WordSegmenter::builtin();
/// let mut worker = segmenter.worker();
/// for line in ["Ủy ban nhân dân tỉnh", "quốc phòng toàn dân"] {
///     // The same words as `WordSegmenter::segment`, without allocating a `Vec`.
///     let words: Vec<_> = worker.segment(line).collect();
///     assert_eq!(words, segmenter.segment(line));
///     assert_eq!(words.len(), 2);
/// }
/// ```
#[derive(Debug)]
pub struct SegmentWorker<'s> {
    segmenter: &'s WordSegmenter,
    toks: Vec<Tok>,
    scratch: Scratch,
    lattice: Lattice,
    sounds: SoundCache,
    keys: Vec<u64>,
    words: Vec<(Span, u32)>,
}

/// The length of the parts of a long text in [`SegmentWorker::for_each_word`], in bytes.
const PART: usize = 1 << 16;
/// The text read on each side of a part, in bytes: far more than the features of a token
/// reach (two tokens before it, one after, and the words of the lexicon through it).
const CONTEXT: usize = 1 << 10;

/// The start of the white space at or before `at` (0 when there is none).
fn space_at_or_before(text: &str, at: usize) -> usize {
    text.as_bytes()[..at].iter().rposition(|&b| b == b' ').unwrap_or(0)
}

/// The start of the white space at or after `at` (the end of the text when there is none).
fn space_at_or_after(text: &str, at: usize) -> usize {
    text.as_bytes()[at..].iter().position(|&b| b == b' ').map_or(text.len(), |k| at + k)
}

/// Tag sets allowed at a token, as the engine's bit masks over the tags `B` and `I` (see
/// `model.rs`): may start a word, may continue the previous token's word.
pub(crate) const MAY_START: u32 = 1;
pub(crate) const MAY_JOIN: u32 = 2;

impl<'s> SegmentWorker<'s> {
    /// The words of `text`, in order, as an iterator over the worker's buffer (which the
    /// next call reuses).
    ///
    /// ```
    /// let mut worker = vntext::WordSegmenter::builtin().worker();
    /// let words: Vec<&str> = worker.segment("Bộ Quốc phòng họp báo.").map(|w| w.as_str()).collect();
    /// assert_eq!(words, ["Bộ", "Quốc phòng", "họp báo", "."]);
    /// ```
    pub fn segment<'w, 'h>(&'w mut self, text: &'h str) -> Words<'w, 'h> {
        self.run(text);
        Words { text, words: self.words.iter() }
    }

    /// Calls `each` with the words of `text`, in order: the same words as
    /// [`segment`](Self::segment), in memory bounded by a part of the text rather than the
    /// whole, for long texts such as a file of one line.
    ///
    /// A long text is segmented a part of about 64 KiB at a time, with a little text on each
    /// side for the features of the part's first and last tokens. Parts end before a
    /// punctuation mark written against the word before it (`.` or `,` in `nhà.`): no word
    /// of the lexicon, the user's dictionary or the model crosses it, and the decoder's best
    /// path always starts a word there, so that the words on either side do not depend on
    /// the other side beyond the features' reach.
    ///
    /// ```
    /// let segmenter = vntext::WordSegmenter::builtin();
    /// let text = "Bộ Quốc phòng họp báo. ".repeat(10_000);
    /// let mut words = Vec::new();
    /// segmenter.worker().for_each_word(&text, |w| words.push(w));
    /// assert_eq!(words, segmenter.segment(&text));
    /// ```
    pub fn for_each_word<'h>(&mut self, text: &'h str, mut each: impl FnMut(Word<'h>)) {
        if text.len() <= PART + 2 * CONTEXT {
            self.segment(text).for_each(each);
            return;
        }
        // Words from `pos` on are still to give; `pos` is 0 or a cut.
        let mut pos = 0;
        while pos < text.len() {
            let start = if pos <= CONTEXT { 0 } else { space_at_or_before(text, pos - CONTEXT) };
            let mut want = pos + PART;
            loop {
                let end = if want + CONTEXT >= text.len() {
                    text.len()
                } else {
                    space_at_or_after(text, want + CONTEXT)
                };
                self.run(&text[start..end]);
                let cut = if end == text.len() { Some(text.len()) } else { self.last_cut(start, pos, want) };
                let Some(cut) = cut else {
                    // No place to cut in the part (a very long stretch without punctuation
                    // against a word): a part twice as long, so that the work stays linear.
                    want = pos + 2 * (want - pos);
                    continue;
                };
                for &(span, tokens) in &self.words {
                    let span = Span::new(span.start + start, span.end + start);
                    if span.start >= pos && span.start < cut {
                        each(Word { text: &text[span.range()], span, tokens });
                    }
                }
                pos = cut;
                break;
            }
        }
    }

    /// The start (in the whole text, the window starting at `offset`) of the last token of
    /// the window that starts after `pos` and no later than `want` where the words may be
    /// cut (see [`for_each_word`](Self::for_each_word)): a token written against the one
    /// before it that can only start a word, neither joinable nor glued to it.
    fn last_cut(&self, offset: usize, pos: usize, want: usize) -> Option<usize> {
        let allowed = self.lattice.allowed();
        (1..self.toks.len()).rev().find_map(|j| {
            let t = self.toks[j];
            let at = t.span.start + offset;
            let cut = at > pos
                && at <= want
                && !t.gap_ok
                && t.span.start == self.toks[j - 1].span.end
                && !t.joins_prev
                && !t.joinable(self.toks[j - 1])
                && allowed[j] == MAY_START;
            cut.then_some(at)
        })
    }

    /// Segments `text` into `self.words`.
    fn run(&mut self, text: &str) {
        let model = &*self.segmenter.model;
        analyze_with(text, &mut self.toks, &mut self.sounds);
        let n = self.toks.len();
        self.lattice.reset(&model.tagger, n);
        let toks = &self.toks;
        for (i, a) in self.lattice.allowed_mut().iter_mut().enumerate() {
            *a = toks[i].allowed(i.checked_sub(1).map(|p| toks[p]));
        }
        self.apply_user_dictionary(text);
        let toks = &self.toks;
        self.scratch.prepare(toks, &model.lexicon, &model.pairs);
        let mut feats = [0u64; FEATURES_PER_POSITION];
        for i in 1..n {
            if self.lattice.allowed()[i] == MAY_START | MAY_JOIN {
                self.scratch.features(toks, i, &mut feats);
                self.lattice.add_features(&model.tagger, i, &feats);
            }
        }
        let tags = self.lattice.decode();
        self.words.clear();
        for (i, tok) in toks.iter().enumerate() {
            if tags[i] == 1 {
                if let Some(last) = self.words.last_mut() {
                    last.0.end = tok.span.end;
                    last.1 += 1;
                    continue;
                }
            }
            self.words.push((tok.span, 1));
        }
    }

    /// Forces the user's words: leftmost-longest matches, never across a line break.
    fn apply_user_dictionary(&mut self, text: &str) {
        let user = &*self.segmenter.user;
        if user.words.is_empty() {
            return;
        }
        let toks = &self.toks;
        let n = toks.len();
        self.keys.clear();
        self.keys.extend(toks.iter().map(|t| exact_key(text, t)));
        let mut j = 0;
        while j < n {
            let mut longest = 0;
            let mut h = seq_hash([self.keys[j]]);
            let mut len = 1;
            while len < user.max_len && j + len < n && toks[j + len].gap_ok {
                h = mix(h, self.keys[j + len]);
                len += 1;
                if user.words.contains_key(&h) {
                    longest = len;
                }
            }
            if longest == 0 {
                j += 1;
                continue;
            }
            let allowed = self.lattice.allowed_mut();
            allowed[j] = MAY_START;
            for a in &mut allowed[j + 1..j + longest] {
                *a = MAY_JOIN;
            }
            if let Some(a) = allowed.get_mut(j + longest) {
                *a = MAY_START;
            }
            j += longest;
        }
    }
}

/// The words of one text; returned by [`SegmentWorker::segment`]. It knows its length.
///
/// ```
/// let mut worker = vntext::WordSegmenter::builtin().worker();
/// let mut words = worker.segment("Bộ Quốc phòng");
/// assert_eq!(words.len(), 2);
/// assert_eq!(words.next().map(|w| w.as_str()), Some("Bộ"));
/// assert_eq!(words.len(), 1);
/// ```
#[derive(Clone, Debug)]
pub struct Words<'w, 'h> {
    text: &'h str,
    words: core::slice::Iter<'w, (Span, u32)>,
}

impl<'h> Iterator for Words<'_, 'h> {
    type Item = Word<'h>;

    fn next(&mut self) -> Option<Word<'h>> {
        let &(span, tokens) = self.words.next()?;
        Some(Word { text: &self.text[span.range()], span, tokens })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.words.size_hint()
    }
}

impl ExactSizeIterator for Words<'_, '_> {}
impl core::iter::FusedIterator for Words<'_, '_> {}
