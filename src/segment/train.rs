//! Training the segmentation model: the segmenter's features and lexicon, learned by the
//! crate's engine ([`crate::tagging`]).

use super::features::{
    FEATURES_PER_POSITION, LEXICON_PREFIX, Lexicon, Scratch, SoundCache, Tok, analyze, analyze_with,
    pack_pair, pair_hash, seq_hash,
};
use super::model::{LexTable, Model, PairTable, TAGS, TASK};
use super::{MAY_JOIN, MAY_START};
use crate::error::{Error, Result};
use crate::span::Span;
use crate::tagging::{Example, HashKeyed, Trainer};

/// Counts of what a [`SegmenterTrainer`] was given; from [`SegmenterTrainer::stats`].
///
/// ```
/// use vntext::{SegmenterTrainer, Span};
///
/// let mut trainer = SegmenterTrainer::new();
/// trainer.add_sentence("quốc phòng toàn dân", &[Span::new(0, 13), Span::new(14, 24)]);
/// trainer.add_lexicon_word(1, "an ninh");
/// let stats = trainer.stats();
/// assert_eq!((stats.sentences, stats.tokens, stats.unreachable), (1, 4, 0));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TrainingStats {
    /// Labelled sentences.
    pub sentences: usize,
    /// Tokens in them.
    pub tokens: usize,
    /// Gold word boundaries the model cannot reproduce: a gold word that joins tokens the
    /// segmenter never joins (punctuation, numbers, a line break) or that splits a token.
    pub unreachable: usize,
    /// Syllables of unlabelled text counted for pair statistics.
    pub raw_tokens: u64,
    /// Distinct syllable pairs seen in unlabelled text.
    pub raw_pairs: usize,
    /// Multi-token words in the lexicon.
    pub lexicon_words: usize,
}

struct Sentence {
    toks: Vec<Tok>,
    /// 1 where the token joins the previous one.
    gold: Vec<u8>,
    /// Lexicon hashes of this sentence's own multi-token gold words.
    own_words: Vec<u64>,
}

/// Trains a [`super::WordSegmenter`] model from labelled sentences, word lists and
/// unlabelled text. Deterministic: the same inputs in the same order give the same bytes.
///
/// Each sentence's own words are left out of the lexicon when training on that sentence
/// (that is what an unseen word is at run time), so the model learns how far a lexicon
/// match is worth on words it has not seen; with [`SegmenterTrainer::min_feature_sentences`]
/// above 1, so are the features found in fewer training sentences.
///
/// ```
/// use vntext::{SegmenterTrainer, Span, WordSegmenter};
///
/// let mut trainer = SegmenterTrainer::new();
/// trainer.hash_bits(12).epochs(3);
/// trainer.add_raw_text("quốc phòng toàn dân, an ninh quốc phòng");
/// let text = "bộ quốc phòng";
/// trainer.add_sentence(text, &[Span::new(0, 4), Span::new(5, text.len())]);
/// trainer.add_sentence("quốc phòng toàn dân", &[Span::new(0, 13), Span::new(14, 24)]);
/// let model = trainer.train().unwrap();
/// let segmenter = WordSegmenter::from_model_bytes(&model).unwrap();
/// let words: Vec<_> = segmenter.segment(text).iter().map(|w| w.as_str()).collect();
/// assert_eq!(words, ["bộ", "quốc phòng"]);
/// ```
pub struct SegmenterTrainer {
    bits: u32,
    epochs: usize,
    min_pair_count: u32,
    min_feature_sentences: u32,
    runs: usize,
    seed: u64,
    margin: f64,
    sentences: Vec<Sentence>,
    /// Occurrences of multi-token gold words.
    gold_words: HashKeyed<u32>,
    /// Words of added lists, with their source bits.
    listed_words: HashKeyed<u8>,
    max_len: usize,
    /// Hashes of the first 2.. tokens of longer lexicon words.
    prefixes: HashKeyed<()>,
    unigrams: HashKeyed<u32>,
    pairs: HashKeyed<(u32, u64, u64)>,
    stats: TrainingStats,
    toks: Vec<Tok>,
    sounds: SoundCache,
}

impl Default for SegmenterTrainer {
    fn default() -> Self {
        SegmenterTrainer::new()
    }
}

impl core::fmt::Debug for SegmenterTrainer {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("SegmenterTrainer").field("stats", &self.stats).finish_non_exhaustive()
    }
}

/// Source bit of the words gathered from the labelled sentences.
const GOLD_SOURCE: u8 = 1;

impl SegmenterTrainer {
    /// The default of [`SegmenterTrainer::margin`].
    ///
    /// ```
    /// use vntext::SegmenterTrainer;
    ///
    /// let mut trainer = SegmenterTrainer::new();
    /// trainer.margin(SegmenterTrainer::DEFAULT_MARGIN / 2.0); // a smaller margin than the built-in model's
    /// ```
    pub const DEFAULT_MARGIN: f64 = 40.0;

    /// A trainer with the defaults of the built-in model: 2^20 weights, 12 epochs, 10 runs, pairs
    /// seen at least 3 times, every feature.
    ///
    /// ```
    /// let trainer = vntext::SegmenterTrainer::new();
    /// assert_eq!(trainer.stats(), vntext::TrainingStats::default());
    /// ```
    pub fn new() -> SegmenterTrainer {
        SegmenterTrainer {
            bits: 20,
            epochs: 12,
            min_pair_count: 3,
            min_feature_sentences: 1,
            runs: 10,
            seed: 0x5e9_2024,
            margin: SegmenterTrainer::DEFAULT_MARGIN,
            sentences: Vec::new(),
            gold_words: HashKeyed::default(),
            listed_words: HashKeyed::default(),
            max_len: 2,
            prefixes: HashKeyed::default(),
            unigrams: HashKeyed::default(),
            pairs: HashKeyed::default(),
            stats: TrainingStats::default(),
            toks: Vec::new(),
            sounds: SoundCache::new(),
        }
    }

    /// The weight table has `1 << bits` entries (clamped to 8..=24); two bytes each.
    ///
    /// ```
    /// use vntext::{SegmenterTrainer, Span, tagging::TagModel};
    ///
    /// let mut trainer = SegmenterTrainer::new();
    /// trainer.hash_bits(2); // below the range: 8 bits, 256 weights
    /// trainer.add_sentence("quốc phòng", &[Span::new(0, 13)]);
    /// let model = TagModel::from_bytes(&trainer.train()?)?;
    /// assert_eq!(model.hash_bits(), 8);
    /// # Ok::<(), vntext::Error>(())
    /// ```
    pub fn hash_bits(&mut self, bits: u32) -> &mut Self {
        self.bits = bits.clamp(8, 24);
        self
    }

    /// Passes over the labelled sentences.
    ///
    /// ```
    /// # use vntext::{SegmenterTrainer, Span};
    /// # let train = |trainer: &mut SegmenterTrainer| {
    /// #     trainer.hash_bits(10);
    /// #     trainer.add_raw_text("quốc phòng toàn dân, an ninh nhân dân");
    /// #     trainer.add_sentence("quốc phòng toàn dân", &[Span::new(0, 13), Span::new(14, 24)]);
    /// #     trainer.add_sentence("an ninh nhân dân", &[Span::new(0, 7), Span::new(8, 18)]);
    /// #     trainer.train().unwrap()
    /// # };
    /// let default = train(&mut SegmenterTrainer::new());
    /// let changed = train(SegmenterTrainer::new().epochs(5));
    /// assert_ne!(default, changed); // a different model
    /// ```
    pub fn epochs(&mut self, epochs: usize) -> &mut Self {
        self.epochs = epochs;
        self
    }

    /// Syllable pairs seen fewer times in unlabelled text are not stored in the model.
    ///
    /// ```
    /// # use vntext::{SegmenterTrainer, Span};
    /// # let train = |trainer: &mut SegmenterTrainer| {
    /// #     trainer.hash_bits(10);
    /// #     trainer.add_raw_text("quốc phòng toàn dân, an ninh nhân dân");
    /// #     trainer.add_sentence("quốc phòng toàn dân", &[Span::new(0, 13), Span::new(14, 24)]);
    /// #     trainer.add_sentence("an ninh nhân dân", &[Span::new(0, 7), Span::new(8, 18)]);
    /// #     trainer.train().unwrap()
    /// # };
    /// let default = train(&mut SegmenterTrainer::new());
    /// let changed = train(SegmenterTrainer::new().min_pair_count(1));
    /// assert_ne!(default, changed); // pairs seen once are stored
    /// ```
    pub fn min_pair_count(&mut self, count: u32) -> &mut Self {
        self.min_pair_count = count.max(1);
        self
    }

    /// A feature is learned only from sentences when it occurs in at least this many
    /// training sentences (default 1: every feature; 2 learned less on UD-VTB dev, 95.17
    /// against 95.29).
    ///
    /// ```
    /// # use vntext::{SegmenterTrainer, Span};
    /// # let train = |trainer: &mut SegmenterTrainer| {
    /// #     trainer.hash_bits(10);
    /// #     trainer.add_raw_text("quốc phòng toàn dân, an ninh nhân dân");
    /// #     trainer.add_sentence("quốc phòng toàn dân", &[Span::new(0, 13), Span::new(14, 24)]);
    /// #     trainer.add_sentence("an ninh nhân dân", &[Span::new(0, 7), Span::new(8, 18)]);
    /// #     trainer.train().unwrap()
    /// # };
    /// let default = train(&mut SegmenterTrainer::new());
    /// let changed = train(SegmenterTrainer::new().min_feature_sentences(2));
    /// assert_ne!(default, changed); // a different model
    /// ```
    pub fn min_feature_sentences(&mut self, count: u32) -> &mut Self {
        self.min_feature_sentences = count.max(1);
        self
    }

    /// Trains this many perceptrons, each visiting the sentences in its own order, and
    /// averages them (default 10).
    ///
    /// ```
    /// # use vntext::{SegmenterTrainer, Span};
    /// # let train = |trainer: &mut SegmenterTrainer| {
    /// #     trainer.hash_bits(10);
    /// #     trainer.add_raw_text("quốc phòng toàn dân, an ninh nhân dân");
    /// #     trainer.add_sentence("quốc phòng toàn dân", &[Span::new(0, 13), Span::new(14, 24)]);
    /// #     trainer.add_sentence("an ninh nhân dân", &[Span::new(0, 7), Span::new(8, 18)]);
    /// #     trainer.train().unwrap()
    /// # };
    /// let default = train(&mut SegmenterTrainer::new());
    /// let changed = train(SegmenterTrainer::new().runs(3));
    /// assert_ne!(default, changed); // a different model
    /// ```
    pub fn runs(&mut self, runs: usize) -> &mut Self {
        self.runs = runs.max(1);
        self
    }

    /// Seed of the order in which sentences are visited.
    ///
    /// Training is deterministic: the same seed and inputs give the same bytes.
    ///
    /// ```
    /// use vntext::{SegmenterTrainer, Span};
    ///
    /// let train = |seed| {
    ///     let mut trainer = SegmenterTrainer::new();
    ///     trainer.hash_bits(10).epochs(2).runs(2).seed(seed);
    ///     trainer.add_sentence("quốc phòng toàn dân", &[Span::new(0, 13), Span::new(14, 24)]);
    ///     trainer.add_sentence("an ninh quốc phòng", &[Span::new(0, 7), Span::new(8, 21)]);
    ///     trainer.train().unwrap()
    /// };
    /// assert_eq!(train(7), train(7));
    /// ```
    pub fn seed(&mut self, seed: u64) -> &mut Self {
        self.seed = seed;
        self
    }

    /// Margin of the perceptron updates (default [`SegmenterTrainer::DEFAULT_MARGIN`]): while training, each
    /// wrong decision at a joinable place scores this much more than the weights give, so a
    /// sentence also updates the weights when the gold segmentation wins by less. 0 gives
    /// the plain perceptron.
    ///
    /// ```
    /// # use vntext::{SegmenterTrainer, Span};
    /// # let train = |trainer: &mut SegmenterTrainer| {
    /// #     trainer.hash_bits(10);
    /// #     trainer.add_raw_text("quốc phòng toàn dân, an ninh nhân dân");
    /// #     trainer.add_sentence("quốc phòng toàn dân", &[Span::new(0, 13), Span::new(14, 24)]);
    /// #     trainer.add_sentence("an ninh nhân dân", &[Span::new(0, 7), Span::new(8, 18)]);
    /// #     trainer.train().unwrap()
    /// # };
    /// let default = train(&mut SegmenterTrainer::new());
    /// let changed = train(SegmenterTrainer::new().margin(0.0));
    /// assert_ne!(default, changed); // a different model
    /// ```
    pub fn margin(&mut self, margin: f64) -> &mut Self {
        self.margin = margin.max(0.0);
        self
    }

    /// What the trainer has been given so far.
    ///
    /// ```
    /// use vntext::{SegmenterTrainer, Span};
    ///
    /// let mut trainer = SegmenterTrainer::new();
    /// trainer.add_sentence("bộ quốc phòng", &[Span::new(0, 4), Span::new(5, 18)]);
    /// trainer.add_raw_text("quốc phòng toàn dân");
    /// let stats = trainer.stats();
    /// assert_eq!((stats.sentences, stats.tokens, stats.raw_tokens), (1, 3, 4));
    /// ```
    pub fn stats(&self) -> TrainingStats {
        TrainingStats {
            lexicon_words: self.gold_words.len() + self.listed_words.len(),
            raw_pairs: self.pairs.len(),
            ..self.stats
        }
    }

    /// Counts adjacent syllables of unlabelled text for the pair statistics.
    ///
    /// ```
    /// let mut trainer = vntext::SegmenterTrainer::new();
    /// trainer.add_raw_text("quốc phòng toàn dân");
    /// trainer.add_raw_text("an ninh quốc phòng");
    /// let stats = trainer.stats();
    /// // `quốc phòng` twice: five distinct pairs of adjacent syllables.
    /// assert_eq!((stats.raw_tokens, stats.raw_pairs), (8, 5));
    /// ```
    pub fn add_raw_text(&mut self, text: &str) {
        analyze_with(text, &mut self.toks, &mut self.sounds);
        for (i, t) in self.toks.iter().enumerate() {
            if !t.word {
                continue;
            }
            self.stats.raw_tokens += 1;
            *self.unigrams.entry(t.key).or_insert(0) += 1;
            if i > 0 && t.joinable(self.toks[i - 1]) {
                let left = self.toks[i - 1].key;
                let e = self.pairs.entry(pair_hash(left, t.key)).or_insert((0, left, t.key));
                e.0 += 1;
            }
        }
    }

    /// Adds a word of a word list (gazetteer, abbreviation long forms...) as a lexicon
    /// feature. `source` (0..=5) tells the lists apart, so the model learns how far to
    /// trust each. Words of fewer than two syllables are ignored. The word's other `i`/`y`
    /// spellings (`lí`/`lý`, `kĩ thuật`/`kỹ thuật`, `công ti`/`công ty`) are added too:
    /// dictionaries keep the older `i`, news text mostly writes `y`.
    ///
    /// ```
    /// let mut trainer = vntext::SegmenterTrainer::new();
    /// trainer.add_lexicon_word(1, "quốc phòng");
    /// trainer.add_lexicon_word(1, "nhà"); // one syllable: ignored
    /// assert_eq!(trainer.stats().lexicon_words, 1);
    /// ```
    pub fn add_lexicon_word(&mut self, source: u8, word: &str) {
        for spelling in i_y_spellings(word) {
            self.add_one_lexicon_word(source, &spelling);
        }
    }

    fn add_one_lexicon_word(&mut self, source: u8, word: &str) {
        analyze(word, &mut self.toks);
        let toks = &self.toks;
        if toks.len() < 2 || (1..toks.len()).any(|i| !toks[i].joinable(toks[i - 1])) {
            return;
        }
        let h = seq_hash(toks.iter().map(|t| t.key));
        *self.listed_words.entry(h).or_insert(0) |= 2 << source.min(5);
        self.max_len = self.max_len.max(toks.len());
        let keys: Vec<u64> = toks.iter().map(|t| t.key).collect();
        self.add_prefixes(&keys);
    }

    fn add_prefixes(&mut self, keys: &[u64]) {
        for len in 2..keys.len() {
            self.prefixes.insert(seq_hash(keys[..len].iter().copied()), ());
        }
    }

    /// Removes the words of one lexicon source (as given to
    /// [`SegmenterTrainer::add_lexicon_word`]), e.g. to replace a self-training lexicon.
    ///
    /// ```
    /// let mut trainer = vntext::SegmenterTrainer::new();
    /// trainer.add_lexicon_word(1, "quốc phòng");
    /// trainer.add_lexicon_word(2, "an ninh");
    /// trainer.clear_lexicon_source(2);
    /// assert_eq!(trainer.stats().lexicon_words, 1);
    /// ```
    pub fn clear_lexicon_source(&mut self, source: u8) {
        let bit = 2 << source.min(5);
        self.listed_words.retain(|_, mask| {
            *mask &= !bit;
            *mask != 0
        });
    }

    /// Adds a labelled sentence: `words` are the gold words' spans in `text`, in order.
    /// Returns how many gold boundaries the segmenter cannot reproduce (see
    /// [`TrainingStats::unreachable`]).
    ///
    /// ```
    /// use vntext::{SegmenterTrainer, Span};
    ///
    /// let mut trainer = SegmenterTrainer::new();
    /// let text = "Bộ Quốc phòng.";
    /// // `Bộ` | `Quốc phòng` | `.`
    /// assert_eq!(trainer.add_sentence(text, &[Span::new(0, 4), Span::new(5, 18), Span::new(18, 19)]), 0);
    /// // A gold word that takes in the full stop cannot be reproduced.
    /// assert_eq!(trainer.add_sentence(text, &[Span::new(0, 4), Span::new(5, 19)]), 1);
    /// ```
    pub fn add_sentence(&mut self, text: &str, words: &[Span]) -> usize {
        let mut toks = Vec::new();
        analyze_with(text, &mut toks, &mut self.sounds);
        let mut gold = vec![0u8; toks.len()];
        let mut unreachable = 0;
        let mut own_words = Vec::new();
        let mut w = 0;
        for (i, t) in toks.iter().enumerate() {
            while w < words.len() && words[w].end <= t.span.start {
                w += 1;
            }
            let inside = w < words.len() && words[w].start < t.span.start;
            if words.get(w).is_some_and(|s| s.start > t.span.start && s.start < t.span.end) {
                unreachable += 1;
            }
            if !inside && t.joins_prev {
                unreachable += 1;
            }
            if inside {
                if t.allowed(i.checked_sub(1).map(|p| toks[p])) & MAY_JOIN != 0 {
                    gold[i] = 1;
                } else {
                    unreachable += 1;
                }
            }
        }
        // The sentence's multi-token words, for the lexicon.
        let mut i = 0;
        while i < toks.len() {
            let mut j = i + 1;
            while j < toks.len() && gold[j] == 1 {
                j += 1;
            }
            if j - i >= 2 && toks[i..j].iter().all(|t| t.word) {
                let h = seq_hash(toks[i..j].iter().map(|t| t.key));
                own_words.push(h);
                *self.gold_words.entry(h).or_insert(0) += 1;
                self.max_len = self.max_len.max(j - i);
                let keys: Vec<u64> = toks[i..j].iter().map(|t| t.key).collect();
                self.add_prefixes(&keys);
            }
            i = j;
        }
        self.stats.sentences += 1;
        self.stats.tokens += toks.len();
        self.stats.unreachable += unreachable;

        self.sentences.push(Sentence { toks, gold, own_words });
        unreachable
    }

    /// Trains and returns the model's bytes, for [`super::WordSegmenter::from_model_bytes`].
    ///
    /// # Errors
    /// [`ErrorKind::Model`](crate::ErrorKind::Model) when no labelled sentence was added.
    ///
    /// ```
    /// use vntext::{SegmenterTrainer, Span, WordSegmenter};
    ///
    /// let mut trainer = SegmenterTrainer::new();
    /// trainer.hash_bits(12).epochs(3);
    /// assert_eq!(trainer.train().unwrap_err().kind(), vntext::ErrorKind::Model);
    ///
    /// trainer.add_sentence("quốc phòng toàn dân", &[Span::new(0, 13), Span::new(14, 24)]);
    /// let segmenter = WordSegmenter::from_model_bytes(&trainer.train()?)?;
    /// assert_eq!(segmenter.segment("quốc phòng toàn dân").len(), 2);
    /// # Ok::<(), vntext::Error>(())
    /// ```
    pub fn train(&self) -> Result<Vec<u8>> {
        if self.sentences.is_empty() {
            return Err(Error::model("no labelled sentences to train on"));
        }
        let pairs = self.pair_table();
        let mut trainer = Trainer::new(TASK, &TAGS);
        trainer
            .hash_bits(self.bits)
            .epochs(self.epochs)
            .runs(self.runs)
            .seed(self.seed)
            .margin(self.margin)
            .min_feature_examples(self.min_feature_sentences);

        // Features of every joinable position. The lexicon leaves out each sentence's own
        // words, so that the model learns how much a match is worth on words it has not
        // seen.
        let mut scratch = Scratch::default();
        let mut feats = [0u64; FEATURES_PER_POSITION];
        for s in &self.sentences {
            let view = LeaveOneOut { trainer: self, own: &s.own_words };
            scratch.prepare(&s.toks, &view, &pairs);
            let mut example = Example::default();
            for i in 0..s.toks.len() {
                let allowed = s.toks[i].allowed(i.checked_sub(1).map(|p| s.toks[p]));
                if allowed == MAY_START | MAY_JOIN {
                    scratch.features(&s.toks, i, &mut feats);
                    example.push(s.gold[i], allowed, &feats);
                } else {
                    example.push(s.gold[i], allowed, &[]);
                }
            }
            trainer.add(example);
        }
        let tagger = trainer.train()?;
        let mut words = self.listed_words.clone();
        for &h in self.gold_words.keys() {
            *words.entry(h).or_insert(0) |= GOLD_SOURCE;
        }
        for &h in self.prefixes.keys() {
            *words.entry(h).or_insert(0) |= LEXICON_PREFIX;
        }
        let model = Model { tagger, pairs, lexicon: LexTable { max_len: self.max_len, words } };
        Ok(model.to_bytes())
    }

    /// The pair statistics to store: pairs seen at least `min_pair_count` times.
    fn pair_table(&self) -> PairTable {
        let total: u64 = self.unigrams.values().map(|&c| u64::from(c)).sum();
        let unigram = |k: u64| u64::from(self.unigrams.get(&k).copied().unwrap_or(0));
        let mut entries: Vec<(u32, u16)> = self
            .pairs
            .iter()
            .filter(|(_, v)| v.0 >= self.min_pair_count)
            .map(|(&h, &(count, left, right))| {
                ((h >> 32) as u32, pack_pair(u64::from(count), unigram(left), unigram(right), total))
            })
            .collect();
        entries.sort_unstable();
        // Two pairs with one fingerprint cannot be told apart at run time: keep one.
        entries.dedup_by_key(|e| e.0);
        PairTable::new(entries.iter().map(|e| e.0).collect(), entries.iter().map(|e| e.1).collect())
    }
}

/// The spellings of a word with `i` and `y` swapped where Vietnamese writes either (`lí`/`lý`,
/// `kĩ`/`kỹ`, `qui`/`quy`: a lone `i`/`y` after `h`, `k`, `l`, `m`, `s`, `t` or `qu`), the word
/// itself first. The dictionary keeps the older `i` spellings; news text mostly has `y`.
pub(crate) fn i_y_spellings(word: &str) -> Vec<String> {
    const I: [char; 6] = ['i', 'í', 'ì', 'ỉ', 'ĩ', 'ị'];
    const Y: [char; 6] = ['y', 'ý', 'ỳ', 'ỷ', 'ỹ', 'ỵ'];
    let swap = |syllable: &str| -> Option<String> {
        let mut chars: Vec<char> = syllable.chars().collect();
        let last = *chars.last()?;
        let onset: String = chars[..chars.len() - 1].iter().flat_map(|c| c.to_lowercase()).collect();
        if !matches!(onset.as_str(), "h" | "k" | "l" | "m" | "s" | "t" | "qu") {
            return None;
        }
        let lower = last.to_lowercase().next()?;
        let other = if let Some(k) = I.iter().position(|&c| c == lower) {
            Y[k]
        } else {
            I[Y.iter().position(|&c| c == lower)?]
        };
        *chars.last_mut()? = if last.is_uppercase() { other.to_uppercase().next()? } else { other };
        Some(chars.into_iter().collect())
    };
    let mut out = vec![String::new()];
    for (n, syllable) in word.split_whitespace().enumerate() {
        let alternative = swap(syllable);
        let mut next = Vec::with_capacity(out.len() * 2);
        for prefix in &out {
            let sep = if n == 0 { "" } else { " " };
            next.push(format!("{prefix}{sep}{syllable}"));
            if let Some(alt) = &alternative {
                next.push(format!("{prefix}{sep}{alt}"));
            }
        }
        out = next;
    }
    out
}

/// The lexicon as a training sentence sees it: without its own gold words.
struct LeaveOneOut<'a> {
    trainer: &'a SegmenterTrainer,
    own: &'a [u64],
}

impl Lexicon for LeaveOneOut<'_> {
    fn max_len(&self) -> usize {
        self.trainer.max_len
    }

    fn lookup(&self, hash: u64) -> u8 {
        let mut mask = self.trainer.listed_words.get(&hash).copied().unwrap_or(0);
        if self.trainer.prefixes.contains_key(&hash) {
            mask |= LEXICON_PREFIX;
        }
        if let Some(&n) = self.trainer.gold_words.get(&hash) {
            let own = self.own.iter().filter(|&&h| h == hash).count() as u32;
            if n > own {
                mask |= GOLD_SOURCE;
            }
        }
        mask
    }
}

#[cfg(test)]
mod tests {
    use super::i_y_spellings;

    #[test]
    fn i_and_y_spellings() {
        assert_eq!(i_y_spellings("kĩ thuật"), ["kĩ thuật", "kỹ thuật"]);
        assert_eq!(i_y_spellings("quy định"), ["quy định", "qui định"]);
        assert_eq!(i_y_spellings("Lí Thường Kiệt"), ["Lí Thường Kiệt", "Lý Thường Kiệt"]);
        assert_eq!(i_y_spellings("MĨ THUẬT"), ["MĨ THUẬT", "MỸ THUẬT"]);
        assert_eq!(i_y_spellings("tỉ mỉ"), ["tỉ mỉ", "tỉ mỷ", "tỷ mỉ", "tỷ mỷ"]);
        // Only a lone i/y after h, k, l, m, s, t or qu varies.
        for fixed in ["thi đua", "tùy ý", "đi về", "chi phí", "vi phạm", "nghỉ hưu", "khuya khoắt"]
        {
            assert_eq!(i_y_spellings(fixed), [fixed]);
        }
    }

    #[test]
    fn both_spellings_are_lexicon_words() {
        let mut trainer = super::SegmenterTrainer::new();
        trainer.add_lexicon_word(0, "kĩ thuật");
        assert_eq!(trainer.stats().lexicon_words, 2);
    }
}
