//! A trained named-entity tagger on the crate's learning engine ([`crate::tagging`]): BIO
//! tags over the recognizer's tokens, learned by an averaged structured perceptron.
//!
//! [`crate::Recognizer`] runs the built-in model (`data/ner/tagger.bin`, trained on the
//! corpus's train split, see `data/SOURCES.md`) and merges its entities with the rules'
//! (`tag_line`). Train another with [`NerTrainer`] or `vntext train-ner` and load it
//! with [`crate::RecognizerBuilder::model`] or [`NerTagger::from_model_bytes`].
//!
//! Features of each token: its form and lower-case form, their ±2 window, word bigrams, its
//! shape (capitalisation, digits, punctuation) and its neighbours' shapes, whether it starts
//! a sentence, the surname and name-syllable lists of the gazetteer, its word cluster and its
//! neighbours', the words around its run of capitalised tokens, the word of the segmenter's
//! lexicon it falls in (word boundaries), what the rule-based recognizer finds there (so the
//! model learns how far to trust each rule), and the document memory (what the rules found
//! earlier in the same text).

use std::sync::{Arc, OnceLock};

use crate::error::{Error, Result};
use crate::gazetteer::{NO_SYM, sym};
use crate::ner::{EntityKind, Found, Recognizer, Tok};
use crate::tagging::{Example, Lattice, TagModel, Trainer, feature, feature2, feature3};
use crate::token::TokenKind;

/// The task name in the model header.
const TASK: &str = "ner";

/// The version of the feature set, first byte of a NER model's payload; the second byte
/// says which feature groups the model was trained with ([`Features`]).
const FEATURE_VERSION: u8 = 3;

/// Features per token.
const FEATURES: usize = 50;

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

/// The word clusters of `data/ner/clusters.tsv` (learned by `examples/word_clusters.rs`).
static CLUSTERS_TSV: &str = include_str!("../data/ner/clusters.tsv");

/// Cluster of each key hash; 0 for words without one.
fn clusters() -> &'static crate::tagging::HashKeyed<u16> {
    static CLUSTERS: OnceLock<crate::tagging::HashKeyed<u16>> = OnceLock::new();
    CLUSTERS.get_or_init(|| {
        let mut map = crate::tagging::HashKeyed::with_capacity_and_hasher(20_000, Default::default());
        for line in CLUSTERS_TSV.lines().filter(|l| !l.starts_with('#')).skip(1) {
            if let Some((key, cluster)) = line.split_once('\t') {
                if let Ok(c) = cluster.trim().parse::<u16>() {
                    // The recognizer's tokens hash their lower-case key's bytes.
                    // The recognizer's tokens hash the bytes of their lower-case key.
                    map.insert(crate::tagging::fnv1a(key.as_bytes()), c + 1);
                }
            }
        }
        map
    })
}

/// Feature groups a model uses (the second byte of its payload), so that one reader serves
/// the models of the ablation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Features(u8);

impl Features {
    const CLUSTERS: u8 = 1;
    const MEMORY: u8 = 2;
    const RULES: u8 = 4;
    const AFFIX: u8 = 8;
    const HISTORY: u8 = 16;
    const NAMES: u8 = 32;
    const WORDS: u8 = 64;
    /// Every group: those of the built-in model and of [`NerTrainer::new`] (each raised the
    /// micro-F1 of a 5-fold cross-validation over the train split; see `data/SOURCES.md`).
    const ALL: Features = Features(
        Self::CLUSTERS | Self::MEMORY | Self::RULES | Self::AFFIX | Self::HISTORY | Self::NAMES | Self::WORDS,
    );
    fn has(self, bit: u8) -> bool {
        self.0 & bit != 0
    }
}

/// Document memory: what the rules found earlier in the same document, by exact token form.
/// A given name used alone after the full name (`Trần Văn Thía … Thía bảo`) finds the
/// person it ended. Label-free, so that training and tagging see the same signal.
#[derive(Clone, Debug, Default)]
pub(crate) struct Memory {
    seen: crate::tagging::HashKeyed<u16>,
    /// What the tagger itself found earlier in the document, by exact token form: type
    /// (the model's type number, up to 7) and place in the name, as bits.
    predicted: crate::tagging::HashKeyed<u32>,
    /// The segmenter's key of recent word tokens by their lower-case hash (direct-mapped,
    /// `(lower, key, filled)`): running text repeats a few thousand syllables, and the key
    /// costs a pass over the characters. Kept across documents; made only once a text has
    /// shown enough words to pay for it (a recognizer called line by line makes a memory per
    /// call).
    word_keys: Vec<(u64, u64, bool)>,
    uncached_words: u32,
}

impl Memory {
    pub(crate) fn clear(&mut self) {
        self.seen.clear();
        self.predicted.clear();
    }

    /// [`crate::segment::word_key`] of the word token `s` whose lower-case hash is `lower`.
    fn word_key(&mut self, lower: u64, s: &str) -> u64 {
        const BITS: u32 = 12;
        if self.word_keys.is_empty() {
            if self.uncached_words < 1 << BITS {
                self.uncached_words += 1;
                return crate::segment::word_key(s);
            }
            self.word_keys = vec![(0, 0, false); 1 << BITS];
        }
        let slot = &mut self.word_keys[(lower.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - BITS)) as usize];
        if !slot.2 || slot.0 != lower {
            *slot = (lower, crate::segment::word_key(s), true);
        }
        slot.1
    }

    fn get(&self, exact: u64) -> u16 {
        if self.seen.is_empty() { 0 } else { self.seen.get(&exact).copied().unwrap_or(0) }
    }

    fn get_predicted(&self, exact: u64) -> u32 {
        if self.predicted.is_empty() { 0 } else { self.predicted.get(&exact).copied().unwrap_or(0) }
    }

    /// Remembers the capitalised tokens of the names in `path` (the model's tags: `O`, then
    /// `B-`/`I-` pairs of each type).
    fn add_path(&mut self, views: &[TokenView], path: &[u8]) {
        let mut k = 0;
        while k < path.len().min(views.len()) {
            let t = path[k];
            if t == 0 {
                k += 1;
                continue;
            }
            let typ = u32::from((t - 1) / 2);
            let inside = if t % 2 == 1 { t + 1 } else { t };
            let mut end = k + 1;
            while end < path.len().min(views.len()) && path[end] == inside {
                end += 1;
            }
            if typ < 7 {
                for (j, v) in views.iter().enumerate().take(end).skip(k) {
                    if !v.cap {
                        continue;
                    }
                    let pos: u32 = match (j == k, j + 1 == end) {
                        (true, true) => 0,
                        (true, false) => 1,
                        (false, true) => 2,
                        (false, false) => 3,
                    };
                    *self.predicted.entry(v.exact).or_default() |= 1 << (typ * 4 + pos);
                }
            }
            k = end;
        }
    }

    /// Remembers the capitalised tokens of the rules' (outer) people, organisations and
    /// places of a line.
    fn add(&mut self, views: &[TokenView], found: &[Found]) {
        for f in found.iter().filter(|f| !f.nested) {
            let typ: u16 = match f.kind {
                EntityKind::Person => 0,
                EntityKind::Organization => 1,
                EntityKind::Province | EntityKind::Location => 2,
                _ => continue,
            };
            for k in f.start..f.end {
                let Some(t) = views.get(k) else { break };
                if !t.cap {
                    continue;
                }
                let pos: u16 = match (k == f.start, k + 1 == f.end) {
                    (true, true) => 0,
                    (true, false) => 1,
                    (false, true) => 2,
                    (false, false) => 3,
                };
                *self.seen.entry(t.exact).or_default() |= 1 << (typ * 4 + pos);
            }
        }
    }
}

/// What the features see of a token.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct TokenView {
    exact: u64,
    lower: u64,
    shape: u64,
    name: u64,
    rule: u64,
    nested_rule: u64,
    cluster: u64,
    memory: u64,
    /// What the tagger found earlier in the document with this form ([`Memory::add_path`]).
    history: u64,
    /// Hashes of the lower-case form's first and last three characters (0 for short
    /// tokens and non-words).
    prefix: u64,
    suffix: u64,
    start: u64,
    /// In a run of capitalised tokens: the key of the token before the run, of the token
    /// after it, and the position and length in the run (0 outside).
    run_before: u64,
    run_after: u64,
    run_pos: u64,
    /// In a run of capitalised tokens: what the gazetteer's name lists say of the whole run
    /// (every token a name syllable, starts with a surname, holds an organisation head or a
    /// word that is no name).
    run_names: u64,
    /// The lexicon word of the word segmenter's model that the token falls in (forward
    /// longest match; see `WordSegmenter::lexicon_words`): length, place and sources, and
    /// the hash of its lower-case tokens (0 outside a word of two tokens or more).
    word: u64,
    word_hash: u64,
    /// The gazetteer's flags of the token's syllable.
    flags: u16,
    /// Capitalised.
    cap: bool,
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

fn rule_code(kind: EntityKind) -> u64 {
    match kind {
        EntityKind::Person => 1,
        EntityKind::Province => 2,
        EntityKind::MilitaryRegion => 3,
        EntityKind::Organization => 4,
        EntityKind::Location => 5,
        EntityKind::Date => 6,
        EntityKind::Time => 7,
        _ => 8,
    }
}

/// Hashes of the lower-case first and last three characters of a word of more than three.
fn affixes(s: &str) -> (u64, u64) {
    let mut chars = s.char_indices();
    let Some((cut_front, _)) = chars.nth(3) else { return (0, 0) };
    let mut back = s.char_indices().rev();
    let Some((cut_back, _)) = back.nth(2) else { return (0, 0) };
    let hash = |part: &str| {
        part.chars()
            .flat_map(char::to_lowercase)
            .fold(crate::hash::FNV_OFFSET, |h, c| crate::hash::fnv1a_step(h, u64::from(u32::from(c))))
    };
    (hash(&s[..cut_front]), hash(&s[cut_back..]))
}

/// The views of a line's tokens: their forms, shapes, name lists, clusters, what the rules
/// found there (`found`, the parser's output) and the document memory.
pub(crate) fn line_views(
    r: &Recognizer,
    text: &str,
    toks: &[Tok],
    found: &[Found],
    memory: &mut Memory,
    features: Features,
    out: &mut Vec<TokenView>,
) {
    out.clear();
    let clusters = if features.has(Features::CLUSTERS) { Some(clusters()) } else { None };
    let flags = &r.gazetteer().flags;
    for t in toks {
        let s = text.get(t.start..t.end).unwrap_or("");
        let f = if t.sym == NO_SYM { 0 } else { flags.get(t.sym as usize).copied().unwrap_or(0) };
        let name = u64::from(f & sym::SURNAME != 0) | u64::from(f & (sym::MIDDLE | sym::GIVEN) != 0) << 1;
        let exact = crate::tagging::fnv1a(s.as_bytes());
        let lower = t.lower;
        // Syllables are lower, title or upper case; other tokens are read.
        let shape = match t.kind {
            TokenKind::Syllable if t.cap && t.upper => SHAPE_UPPER,
            TokenKind::Syllable if t.cap => SHAPE_TITLE,
            TokenKind::Syllable if !s.bytes().any(|b| b.is_ascii_uppercase()) => SHAPE_LOWER,
            TokenKind::Punctuation => SHAPE_PUNCT,
            _ => shape(s),
        };
        let cluster = clusters.map_or(0, |c| u64::from(c.get(&lower).copied().unwrap_or(0)));
        let history =
            if features.has(Features::HISTORY) { u64::from(memory.get_predicted(exact)) } else { 0 };
        let (prefix, suffix) =
            if features.has(Features::AFFIX) && t.kind.is_word() { affixes(s) } else { (0, 0) };
        let memory = if features.has(Features::MEMORY) { u64::from(memory.get(exact)) } else { 0 };
        out.push(TokenView {
            exact,
            lower,
            shape,
            name,
            rule: 0,
            nested_rule: 0,
            cluster,
            memory,
            history,
            prefix,
            suffix,
            start: u64::from(t.sent_start),
            run_before: 0,
            run_after: 0,
            run_pos: 0,
            run_names: 0,
            word: 0,
            word_hash: 0,
            flags: f,
            cap: t.cap,
        });
    }
    // Runs of capitalised tokens (`Trần Văn Thía`, `Sở Y`): the words around a run are the
    // best cues of what it names (`ông` …, `tỉnh` …, … `FC`).
    let mut k = 0;
    while k < toks.len() {
        if !toks[k].cap {
            k += 1;
            continue;
        }
        let mut e = k + 1;
        while e < toks.len() && toks[e].cap {
            e += 1;
        }
        let before = if k == 0 { PAD } else { out[k - 1].lower };
        let after = out.get(e).map_or(PAD, |t| t.lower);
        let len = (e - k).min(4) as u64;
        let run = &out[k..e];
        let run_names = if features.has(Features::NAMES) {
            u64::from(run.iter().all(|v| v.name != 0))
                | u64::from(run[0].flags & sym::SURNAME != 0) << 1
                | u64::from(run.iter().any(|v| v.flags & sym::ORG_HEAD != 0)) << 2
                | u64::from(run.iter().any(|v| v.flags & sym::NOT_NAME != 0)) << 3
                | u64::from(run[0].flags & sym::COMMON_SURNAME != 0) << 4
        } else {
            0
        };
        for (j, v) in out[k..e].iter_mut().enumerate() {
            let pos = if j == 0 {
                1
            } else if j + 1 == e - k {
                3
            } else {
                2
            };
            v.run_before = before;
            v.run_after = after;
            v.run_pos = pos | len << 4;
            v.run_names = run_names;
        }
        k = e;
    }
    if features.has(Features::WORDS) {
        // Word boundaries: the segmenter's lexicon words (`Trung tâm`, `đấu giá`, `tài sản`)
        // tell where a name made of common words can run and where it cannot.
        for (v, t) in out.iter_mut().zip(toks) {
            let s = text.get(t.start..t.end).unwrap_or("");
            v.word_hash = if t.kind.is_word() { memory.word_key(t.lower, s) } else { 0 };
        }
        let cells = std::cell::Cell::from_mut(out.as_mut_slice()).as_slice_of_cells();
        let joins = |i: usize| i > 0 && text.get(toks[i - 1].end..toks[i].start) == Some(" ");
        crate::WordSegmenter::builtin().lexicon_words(
            cells.len(),
            |i| cells[i].get().word_hash,
            joins,
            |i, code| {
                let mut v = cells[i].get();
                v.word = code;
                cells[i].set(v);
            },
        );
        let mut k = 0;
        while k < out.len() {
            let len = ((out[k].word >> 2) & 63) as usize;
            if out[k].word & 3 != 1 || len < 2 || k + len > out.len() {
                out[k].word_hash = 0;
                k += 1;
                continue;
            }
            let h = out[k..k + len].iter().fold(0x3d_0001, |h, v| crate::tagging::mix(h, v.lower));
            for v in &mut out[k..k + len] {
                v.word_hash = h;
            }
            k += len;
        }
    }
    if features.has(Features::RULES) {
        for f in found {
            let code = rule_code(f.kind);
            for k in f.start..f.end.min(out.len()) {
                let c = code << 1 | u64::from(k > f.start);
                if f.nested {
                    out[k].nested_rule = c;
                } else {
                    out[k].rule = c;
                }
            }
        }
    }
}

/// The feature hashes of token `i`.
fn features_of(v: &[TokenView], i: usize, features: Features, out: &mut [u64; FEATURES]) -> usize {
    let at = |k: isize| -> Option<&TokenView> { usize::try_from(k).ok().and_then(|k| v.get(k)) };
    let lower = |k: isize| at(k).map_or(PAD, |t| t.lower);
    let shape = |k: isize| at(k).map_or(0, |t| t.shape);
    let rule = |k: isize| at(k).map_or(PAD, |t| t.rule);
    let cluster = |k: isize| at(k).map_or(PAD, |t| t.cluster);
    let ii = i as isize;
    let t = v[i];
    let start = t.start;
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
        feature2(14, t.shape, start),
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
        feature(27, t.cluster),
        feature2(28, cluster(ii - 1), t.cluster),
        feature2(29, t.cluster, cluster(ii + 1)),
        feature2(30, cluster(ii - 1), t.shape),
        feature2(31, t.shape, cluster(ii + 1)),
        feature2(32, t.memory, t.shape),
        feature2(33, t.memory, shape(ii - 1)),
        feature2(34, t.nested_rule, t.rule),
        feature3(35, lower(ii + 1), lower(ii + 2), t.shape),
        feature2(36, t.lower, shape(ii + 1)),
        feature2(37, t.run_before, t.run_pos),
        feature2(38, t.run_after, t.run_pos),
        feature3(39, t.run_before, t.run_after, t.run_pos & 0xf),
        feature2(40, t.run_before, t.lower),
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
    ];
    let mut n = 40;
    if features.has(Features::AFFIX) {
        out[n] = feature2(41, t.prefix, t.shape);
        out[n + 1] = feature2(42, t.suffix, t.shape);
        n += 2;
    }
    if features.has(Features::NAMES) {
        out[n] = feature2(45, t.run_names, t.run_pos);
        out[n + 1] = feature3(46, t.run_names, t.run_before, t.run_pos & 0xf);
        n += 2;
    }
    if features.has(Features::WORDS) {
        let word = |k: isize| at(k).map_or(0, |t| t.word & 0xff);
        out[n] = feature2(47, t.word & 0xff, t.shape);
        out[n + 1] = feature2(48, t.word_hash, t.word & 3);
        out[n + 2] = feature3(49, word(ii - 1), t.word & 0xff, word(ii + 1));
        out[n + 3] = feature2(50, t.word >> 8, (t.word & 3) | t.shape << 2);
        n += 4;
    }
    if features.has(Features::HISTORY) {
        out[n] = feature2(43, t.history, t.shape);
        out[n + 1] = feature3(44, t.history, shape(ii - 1), at(ii - 1).map_or(PAD, |p| p.history));
        n += 2;
    }
    n
}

/// Tags that may start a sentence: `O` and `B-…`.
fn sentence_start_mask(tags: &TagModel) -> u32 {
    tags.tags().enumerate().filter(|(_, t)| !t.starts_with("I-")).fold(0, |m, (k, _)| m | 1 << k)
}

/// The entity kind of a model tag's type (`PER`, `LOC`, `ORG`, `MISC`...).
pub(crate) fn type_kind(typ: &str) -> EntityKind {
    match typ {
        "PER" => EntityKind::Person,
        "LOC" => EntityKind::Location,
        "ORG" => EntityKind::Organization,
        "DATE" => EntityKind::Date,
        "TIME" => EntityKind::Time,
        _ => EntityKind::Misc,
    }
}

/// Tokens joined into one line (`_` inside a token read as a space) and the byte range of
/// each token in it.
fn join_tokens<S: AsRef<str>>(tokens: &[S], text: &mut String, bounds: &mut Vec<(usize, usize)>) {
    text.clear();
    bounds.clear();
    for (k, t) in tokens.iter().enumerate() {
        if k > 0 {
            text.push(' ');
        }
        let start = text.len();
        // Line breaks would split the line: they count as spaces too.
        text.extend(t.as_ref().chars().map(|c| if c == '_' || c == '\n' || c == '\r' { ' ' } else { c }));
        bounds.push((start, text.len()));
    }
}

/// For each of the recognizer's tokens, the caller's token holding its start, and whether
/// it is the first there.
fn align(bounds: &[(usize, usize)], toks: &[Tok], out: &mut Vec<(usize, bool)>) {
    out.clear();
    let mut g = 0;
    let mut last = usize::MAX;
    for t in toks {
        while g + 1 < bounds.len() && bounds[g].1 <= t.start {
            g += 1;
        }
        out.push((g, g != last));
        last = g;
    }
}

/// Tags tokens with named entities (BIO over PER, LOC, ORG, MISC... as the training data
/// had them).
///
/// Immutable, `Send + Sync`, cheap to clone; [`NerTagger::worker`] reuses buffers across
/// sentences. [`crate::Recognizer`] runs the built-in model ([`NerTagger::builtin`]) and
/// can load another ([`crate::RecognizerBuilder::model`]).
///
/// The features of a token are its form and lower-case form, the ±2 window, word bigrams,
/// shapes (capitalisation, digits, punctuation), the sentence start, the gazetteer's
/// surname and name-syllable lists, word clusters learned from unlabelled text
/// (`data/ner/clusters.tsv`), word boundaries (the word segmenter's lexicon words), what the
/// rule-based recognizer finds there (so that the model learns how far to trust each rule)
/// and a document memory (the names the rules found earlier in the same text). Train a model with [`NerTrainer`] or `vntext train-ner`.
///
/// Use the tagger alone when your text is already split into tokens (a CoNLL file) and you
/// want BIO tags; for entities with spans and records, use [`crate::Recognizer`].
///
/// ```
/// use vntext::NerTagger;
///
/// let tagger = NerTagger::builtin();
/// let tags = tagger.tag_tokens(&["Ông", "Hồ_Văn_Mười", "đến", "Đắk_Nông"]);
/// assert_eq!(tags, ["O", "B-PER", "O", "B-LOC"]);
/// ```
#[derive(Clone, Debug)]
pub struct NerTagger {
    model: Arc<TagModel>,
    features: Features,
    start_mask: u32,
    kinds: Vec<EntityKind>,
}

/// The built-in model (see `data/SOURCES.md`: trained on the corpus's train split).
static BUILTIN_MODEL: &[u8] = include_bytes!("../data/ner/tagger.bin");

impl NerTagger {
    /// Reads a model written by [`NerTrainer::train`].
    ///
    /// ```
    /// let err = vntext::NerTagger::from_model_bytes(b"VNTAGMDL").unwrap_err();
    /// assert_eq!(err.kind(), vntext::ErrorKind::Model);
    /// ```
    ///
    /// # Errors
    /// [`ErrorKind::Model`](crate::ErrorKind::Model) when the bytes are not such a model (another task's, such as the
    /// word segmenter's), are of another format version, or are corrupt or truncated.
    pub fn from_model_bytes(bytes: &[u8]) -> Result<NerTagger> {
        let (model, payload) = TagModel::read(bytes, Some(TASK))?;
        let features = match payload {
            [FEATURE_VERSION, f] if *f & !Features::ALL.0 == 0 => Features(*f),
            [v, _] if *v != FEATURE_VERSION => {
                return Err(Error::model(format!(
                    "NER feature set version {v}, this vntext reads version {FEATURE_VERSION}; train the model again"
                )));
            }
            _ => return Err(Error::model(format!("{} bytes of NER settings, expected 2", payload.len()))),
        };
        if model.tags().next() != Some("O") || model.tags().skip(1).any(|t| !t.starts_with(['B', 'I'])) {
            return Err(Error::model("NER tags must be `O` followed by B-/I- tags"));
        }
        let kinds = model.tags().map(|t| type_kind(t.get(2..).unwrap_or(""))).collect();
        let start_mask = sentence_start_mask(&model);
        Ok(NerTagger { model: Arc::new(model), features, start_mask, kinds })
    }

    /// The built-in model, read once.
    ///
    /// ```
    /// assert!(vntext::NerTagger::builtin().tags().any(|t| t == "B-PER"));
    /// ```
    pub fn builtin() -> &'static NerTagger {
        static BUILTIN: OnceLock<NerTagger> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            NerTagger::from_model_bytes(BUILTIN_MODEL).expect("the built-in NER model is valid")
        })
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

    /// The entity kind of tag `t` (as [`NerTagger::tags`] numbers them).
    pub(crate) fn kind(&self, t: u8) -> EntityKind {
        self.kinds.get(usize::from(t)).copied().unwrap_or(EntityKind::Misc)
    }

    /// BIO tags of `tokens` (one per token), read as one sentence. For many sentences,
    /// [`NerTagger::worker`].
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
        NerWorker { tagger: self, state: LineState::default(), out: Vec::new() }
    }

    /// Decodes one line whose views are in `state.views` into `state.path` (tag numbers).
    pub(crate) fn decode_line(&self, state: &mut LineState) {
        let model = &*self.model;
        let n = state.views.len();
        // Every position left with a tag besides `O` allowed gets its scores below.
        state.lattice.reset_unscored(model, n);
        if let Some(a) = state.lattice.allowed_mut().first_mut() {
            *a = self.start_mask;
        }
        let mut feats = [0u64; FEATURES];
        // Names hold a capitalised token (`tỉnh Đắk Nông`, `thành phố Hà Nội`, `Sở Y tế`):
        // a token with none within two of it is outside any name, and its features are
        // not worth scoring (most of a text is such lower-case stretches).
        // Two passes, counting the tokens since the last capital (forward, a position more
        // than two after one marked 0 for now: masks are never 0) and until the next one
        // (backward: a marked position within two of the next capital gets its mask back).
        let allowed = state.lattice.allowed_mut();
        let mut since = 3u8;
        for (a, v) in allowed.iter_mut().zip(&state.views) {
            since = if v.cap { 0 } else { (since + 1).min(3) };
            if since > 2 {
                *a = 0;
            }
        }
        let mut until = 3u8;
        for (i, (a, v)) in allowed.iter_mut().zip(&state.views).enumerate().rev() {
            until = if v.cap { 0 } else { (until + 1).min(3) };
            if *a == 0 {
                *a = match (until <= 2, i) {
                    (false, _) => 1,
                    (true, 0) => self.start_mask,
                    (true, _) => crate::tagging::all_tags(model.tag_count()),
                };
            }
        }
        for i in 0..n {
            if state.lattice.allowed()[i] != 1 {
                let k = features_of(&state.views, i, self.features, &mut feats);
                state.lattice.set_features(model, i, &feats[..k]);
            }
        }
        state.path.clear();
        state.path.extend_from_slice(state.lattice.decode());
        if self.features.has(Features::HISTORY) {
            state.memory.add_path(&state.views, &state.path);
        }
    }
}

/// Buffers for one line: the recognizer's tokens and rule findings, the views, the lattice.
#[derive(Debug, Default)]
pub(crate) struct LineState {
    pub(crate) views: Vec<TokenView>,
    pub(crate) lattice: Lattice,
    pub(crate) path: Vec<u8>,
    toks: Vec<Tok>,
    found: Vec<Found>,
    key: String,
    text: String,
    bounds: Vec<(usize, usize)>,
    align: Vec<(usize, bool)>,
    pub(crate) memory: Memory,
    /// Given names (last tokens) of the people the tagger found earlier in the document.
    given_names: crate::tagging::HashKeyed<()>,
    /// Keep the rules' organisations with a gazetteer record where the tagger found no name
    /// (`UBND tỉnh`, which the corpus convention leaves untagged): the library's output
    /// keeps them, the CoNLL scoring follows the corpus.
    pub(crate) keep_rule_bodies: bool,
}

impl LineState {
    /// Reads `tokens` as one line: joins them, runs the rules, builds the views (with the
    /// memory of the lines before) and then remembers the line.
    fn read<S: AsRef<str>>(&mut self, tokens: &[S], features: Features) {
        join_tokens(tokens, &mut self.text, &mut self.bounds);
        let rules = Recognizer::rules();
        rules.rule_pass(&self.text, &mut self.toks, &mut self.found, &mut self.key);
        line_views(rules, &self.text, &self.toks, &self.found, &mut self.memory, features, &mut self.views);
        self.memory.add(&self.views, &self.found);
        align(&self.bounds, &self.toks, &mut self.align);
    }
}

/// Runs the tagger on one line of [`Recognizer::recognize`] and merges its entities with the
/// rules' (`found`, sorted by start) into `out`: the tagger decides what is a person, place, organisation or
/// other name; the rules keep dates, times and military regions, give each place its
/// gazetteer record, and nest their places and bodies inside the tagger's names
/// (`UBND tỉnh Đắk Nông` ⊃ `Đắk Nông`).
pub(crate) fn tag_line(
    tagger: &NerTagger,
    r: &Recognizer,
    text: &str,
    toks: &[Tok],
    found: &[Found],
    state: &mut LineState,
    out: &mut Vec<Found>,
) {
    out.clear();
    // One view per token: room for them all before they are pushed.
    state.views.clear();
    state.views.reserve(toks.len());
    line_views(r, text, toks, found, &mut state.memory, tagger.features, &mut state.views);
    state.memory.add(&state.views, found);
    tagger.decode_line(state);
    // The tagger's spans.
    let path = &state.path;
    let mut k = 0;
    while k < path.len() {
        let t = path[k];
        if t == 0 {
            k += 1;
            continue;
        }
        let kind = tagger.kind(t);
        let mut end = k + 1;
        // Tags are `O`, then `B-X`, `I-X` pairs: `I-X` is `B-X` + 1.
        let inside = if t % 2 == 1 { t + 1 } else { t };
        while end < path.len() && path[end] == inside {
            end += 1;
        }
        // A name the tagger ends inside a lower-case word the rules read whole (`Sở Y` | `tế`).
        if let Some(f) =
            starting_in(found, k, end).iter().find(|f| f.end > end && toks[end..f.end].iter().all(|t| !t.cap))
        {
            end = f.end;
        }
        let name = |j: usize| text.get(toks[j].start..toks[j].end).unwrap_or("");
        // A name never ends on the punctuation that ends its clause (`Shinzo Abe.`); the
        // punctuation stays outside every name.
        let next = end;
        let clause_end = |j: usize| matches!(name(j), "." | "," | ";" | ":" | "!" | "?" | "…");
        while end > k && clause_end(end - 1) {
            end -= 1;
        }
        if end == k {
            k = next;
            continue;
        }
        // An organisation named after its province ends with the province: the lower-case
        // words after it are the sentence's (`UBND tỉnh Lâm Đồng` | `họp`).
        if kind == EntityKind::Organization {
            if let Some(f) = starting_in(found, k, end).iter().rev().find(|f| {
                f.kind == EntityKind::Province && f.end < end && toks[f.end..end].iter().all(|t| !t.cap)
            }) {
                end = f.end;
            }
        }
        // A year of the sixty-year cycle (`Tết Đinh Dậu`, `năm Giáp Thìn`) is a date, no person.
        if kind == EntityKind::Person && end == k + 2 && CAN.contains(&name(k)) && CHI.contains(&name(k + 1))
        {
            k = next;
            continue;
        }
        // A club named by its city (`Hà Nội FC`).
        if kind == EntityKind::Location
            && matches!(toks.get(end).map(|t| name_of(text, t)), Some("FC" | "F.C."))
        {
            end += 1;
            push_tagged(r, text, toks, found, EntityKind::Organization, k, end, out);
            k = next.max(end);
            continue;
        }
        push_tagged(r, text, toks, found, kind, k, end, out);
        if kind == EntityKind::Person && end > k + 1 {
            state.given_names.insert(state.views[end - 1].exact, ());
        }
        k = next;
    }
    // The rules' dates, times and military regions that the tagger's names leave alone. The
    // tagger's names are disjoint and in order: those overlapping a rule entity are found by
    // binary search (a line may hold thousands of both).
    let outers: Vec<usize> = (0..out.len()).filter(|&j| !out[j].nested).collect();
    let mut dropped = vec![false; out.len()];
    let mut added = Vec::new();
    for f in found.iter().filter(|f| !f.nested) {
        if !matches!(f.kind, EntityKind::Date | EntityKind::Time | EntityKind::MilitaryRegion) {
            continue;
        }
        let first = outers.partition_point(|&j| out[j].end <= f.start);
        let count =
            outers[first..].iter().take_while(|&&j| out[j].mention_start.min(out[j].start) < f.end).count();
        let hits = &outers[first..first + count];
        // The same tokens as a name: the rules' date, time or military region it is.
        if let Some(&j) = hits.iter().find(|&&j| out[j].mention_start == f.start && out[j].end == f.end) {
            out[j] = *f;
            continue;
        }
        if hits.iter().any(|&j| out[j].mention_start <= f.start && f.end <= out[j].end) {
            continue; // nested already, or inside a name
        }
        // A military region or date cut by a name: the rules are right.
        for &j in hits {
            dropped[j] = true;
        }
        added.push(*f);
    }
    let (mut index, mut keep) = (0, true);
    out.retain(|e| {
        if !e.nested {
            keep = !dropped[index];
        }
        index += 1;
        keep
    });
    out.extend(added);
    if state.keep_rule_bodies {
        keep_rule_bodies(found, out);
    }
    numbered_roads(text, toks, out);
    // The 2025 merger: a province named as a unit since 1 July 2025 is that unit when the
    // text says so (`tỉnh Lâm Đồng (mới)`, `nay là tỉnh An Giang`) or is dated after it.
    let g = r.gazetteer();
    let word = |j: Option<usize>| j.and_then(|j| toks.get(j)).map_or("", |t| name_of(text, t));
    for f in out.iter_mut().filter(|f| f.kind == EntityKind::Province) {
        let Some(crate::Record::Province(id)) = f.record else { continue };
        let Some(p) = g.province_by_id(id).filter(|p| p.era == crate::Era::Before2025) else { continue };
        let m = f.mention_start.min(f.start);
        let new = word(Some(f.end)) == "(" && word(Some(f.end + 1)).eq_ignore_ascii_case("mới")
            || (word(m.checked_sub(2)).eq_ignore_ascii_case("nay")
                && matches!(word(m.checked_sub(1)), "là" | "thuộc"))
            || r.after_merger;
        if !new {
            continue;
        }
        if let Some(since) = g.provinces().iter().find(|q| q.era == crate::Era::Since2025 && q.name == p.name)
        {
            f.record = Some(crate::Record::Province(since.id));
        }
    }
    // Document memory, for certain: a person's given name used alone after the full name
    // (`Trần Văn Thía` … `Thía bảo`), where the tagger left it out.
    if !state.given_names.is_empty() {
        let mut covered = vec![false; toks.len()];
        for f in found.iter().chain(out.iter()) {
            for c in covered.iter_mut().take(f.end).skip(f.mention_start.min(f.start)) {
                *c = true;
            }
        }
        for j in 0..toks.len() {
            let alone = toks[j].cap
                && path[j] == 0
                && !toks.get(j + 1).is_some_and(|t| t.cap)
                && !(j > 0 && toks[j - 1].cap && !toks[j - 1].sent_start && path[j - 1] != 0);
            let t = toks[j];
            let flags = if t.sym == NO_SYM {
                0
            } else {
                r.gazetteer().flags.get(t.sym as usize).copied().unwrap_or(0)
            };
            // `Nghị` after `Nguyễn Văn Nghị` is no person in `Nghị định`: the name is not the
            // first syllable of a word (the word segmenter, asked only for these few candidates).
            let in_word = || {
                toks.get(j + 1).is_some_and(|next| {
                    text.get(t.start..next.end)
                        .is_some_and(|pair| crate::WordSegmenter::builtin().segment(pair).len() == 1)
                })
            };
            if alone
                && flags & sym::NOT_NAME == 0
                && state.given_names.contains_key(&state.views[j].exact)
                && !covered[j]
                && !in_word()
            {
                out.push(Found {
                    kind: EntityKind::Person,
                    start: j,
                    end: j + 1,
                    record: None,
                    matched: crate::MatchKind::Exact,
                    nested: false,
                    mention_start: j,
                });
            }
        }
    }
}

/// Numbered roads, places by the guidelines (`quốc lộ 18`, `Quốc lộ 1A`, `QL 14`, `QL1A`,
/// `tỉnh lộ 10`, `đường tỉnh 741`), which the tagger misses in lower case: the designator and
/// the number make the name. A name of the tagger's that stops at the designator runs on to
/// the number; any other name over the road's tokens stays as it is.
fn numbered_roads(text: &str, toks: &[Tok], out: &mut Vec<Found>) {
    let name = |j: usize| toks.get(j).map_or("", |t| name_of(text, t));
    let glued = |j: usize| j > 0 && j < toks.len() && toks[j - 1].end == toks[j].start;
    let number = |j: usize| {
        toks.get(j).is_some_and(|t| t.kind == TokenKind::Number)
            && name(j).bytes().all(|b| b.is_ascii_digit())
    };
    let mut j = 0;
    while j < toks.len() {
        let first = name(j);
        let designator = match first {
            "QL" => 1,
            _ if first.len() > 2
                && first.starts_with("QL")
                && first.as_bytes()[2].is_ascii_digit()
                && first[2..].bytes().all(|b| b.is_ascii_alphanumeric()) =>
            {
                0
            }
            _ if (lower_is(name(j + 1), "lộ")
                && ["quốc", "tỉnh", "hương"].iter().any(|w| lower_is(first, w)))
                || (lower_is(name(j + 1), "tỉnh") && lower_is(first, "đường")) =>
            {
                2
            }
            _ => {
                j += 1;
                continue;
            }
        };
        let mut end = j + designator;
        if designator > 0 {
            if !number(end) || glued(end) {
                j += 1;
                continue;
            }
            end += 1;
            // `1A`, `14B`: a capital letter written against the number.
            if glued(end) && name(end).len() == 1 && name(end).bytes().all(|b| b.is_ascii_uppercase()) {
                end += 1;
            }
        } else {
            end += 1;
        }
        let overlapping: Vec<usize> = (0..out.len())
            .filter(|&k| !out[k].nested && out[k].mention_start.min(out[k].start) < end && out[k].end > j)
            .collect();
        match overlapping[..] {
            [] => out.push(Found {
                kind: EntityKind::Location,
                start: j,
                end,
                record: None,
                matched: crate::MatchKind::Exact,
                nested: false,
                mention_start: j,
            }),
            [k] if out[k].kind == EntityKind::Location && out[k].start == j && out[k].end < end => {
                out[k].end = end;
            }
            // `QL1A` read as a product or a body.
            [k] if out[k].start == j && out[k].end == end && out[k].record.is_none() => {
                out[k].kind = EntityKind::Location;
            }
            _ => {}
        }
        j = end;
    }
}

/// `word` in any case is `lower` (lower case), compared without allocating.
fn lower_is(word: &str, lower: &str) -> bool {
    word.len() == lower.len() && word.chars().flat_map(char::to_lowercase).eq(lower.chars())
}

/// Adds the rules' outer organisations and provinces of two tokens or more with a gazetteer
/// record (`UBND tỉnh`, `Tỉnh ủy`, `ĐẮK NÔNG` in an upper-case headline) that no name of the
/// tagger's (`out`, disjoint and in order) overlaps, with what they nest.
fn keep_rule_bodies(found: &[Found], out: &mut Vec<Found>) {
    let mut outers: Vec<(usize, usize)> =
        out.iter().filter(|e| !e.nested).map(|e| (e.mention_start.min(e.start), e.end)).collect();
    outers.sort_unstable();
    let mut added = Vec::new();
    for (k, f) in found.iter().enumerate() {
        // One token (`Ca` in `Ca bệnh`) is too weak a cue without the tagger.
        let body = matches!(f.kind, EntityKind::Organization | EntityKind::Province);
        if f.nested || !body || f.record.is_none() || f.end < f.start + 2 {
            continue;
        }
        let m = f.mention_start.min(f.start);
        let first = outers.partition_point(|&(_, e)| e <= m);
        if outers.get(first).is_some_and(|&(s, _)| s < f.end) {
            continue;
        }
        added.push(*f);
        added.extend(found[k + 1..].iter().take_while(|g| g.start < f.end).filter(|g| g.nested).copied());
    }
    out.extend(added);
}

/// The ten heavenly stems and twelve earthly branches that name the years of the cycle.
const CAN: [&str; 10] = ["Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"];
const CHI: [&str; 14] =
    ["Tý", "Sửu", "Dần", "Mão", "Mẹo", "Thìn", "Tỵ", "Tị", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi"];

/// The entities of `found` (sorted by start) that start in `lo..hi`.
fn starting_in(found: &[Found], lo: usize, hi: usize) -> &[Found] {
    let first = found.partition_point(|f| f.start < lo);
    let count = found[first..].partition_point(|f| f.start < hi);
    &found[first..first + count]
}

fn name_of<'t>(text: &'t str, t: &Tok) -> &'t str {
    text.get(t.start..t.end).unwrap_or("")
}

/// Adds the tagger's entity `start..end` of `kind` with its record and nested entities.
#[allow(clippy::too_many_arguments)]
fn push_tagged(
    r: &Recognizer,
    text: &str,
    toks: &[Tok],
    found: &[Found],
    kind: EntityKind,
    start: usize,
    end: usize,
    out: &mut Vec<Found>,
) {
    let mut e = Found {
        kind,
        start,
        end,
        record: None,
        matched: crate::MatchKind::Exact,
        nested: false,
        mention_start: start,
    };
    let found = starting_in(found, start, end);
    let placed = |f: &Found| {
        matches!(f.kind, EntityKind::Province | EntityKind::Location | EntityKind::MilitaryRegion)
    };
    // The rules' entity of the same extent, or a place ending the mention (`tỉnh Đắk Nông`).
    let same = found.iter().find(|f| {
        f.start == start && f.end == end && (f.kind == kind || (kind == EntityKind::Location && placed(f)))
    });
    let tail = || {
        found
            .iter()
            .filter(|f| placed(f) && f.record.is_some() && f.end == end && f.start > start)
            .min_by_key(|f| f.start)
    };
    let mut used = None;
    if let Some(f) = same {
        e.record = f.record;
        e.matched = f.matched;
        if kind == EntityKind::Location {
            e.kind = f.kind;
        }
        used = Some((f.start, f.end));
    } else if kind == EntityKind::Location {
        if let Some(f) =
            tail().filter(|f| toks[start..f.start].iter().all(|t| !t.cap) || f.kind != EntityKind::Location)
        {
            e = Found { start: f.start, kind: f.kind, record: f.record, matched: f.matched, ..e };
            used = Some((f.start, f.end));
        } else {
            // A place the rules did not find: its name starts at the first capitalised
            // token (`xã Cương Gián`), and the gazetteer may know it.
            if let Some(first) = (start..end).find(|&k| toks[k].cap) {
                e.start = first;
            }
            let name = text.get(toks[e.start].start..toks[end - 1].end).unwrap_or("");
            let records = r.gazetteer().find(name);
            let record = records
                .iter()
                .find(|r| matches!(r, crate::Record::Province(_)))
                .or_else(|| records.first())
                .copied();
            if let Some(record) = record {
                e.record = Some(record);
                if matches!(record, crate::Record::Province(_)) {
                    e.kind = EntityKind::Province;
                } else if matches!(record, crate::Record::MilitaryRegion(_)) {
                    e.kind = EntityKind::MilitaryRegion;
                }
            }
        }
    }
    out.push(e);
    // The rules' places, bodies, dates and times inside a body or other name, nested (a
    // place inside a place's name is part of that name: `sân bay Tân Sơn Nhất`).
    for f in found.iter().filter(|_| !matches!(e.kind, EntityKind::Location | EntityKind::Province)) {
        let inside = f.start >= start && f.end <= end && (f.start, f.end) != (start, end);
        let kept = matches!(
            f.kind,
            EntityKind::Province
                | EntityKind::Location
                | EntityKind::MilitaryRegion
                | EntityKind::Organization
                | EntityKind::Date
                | EntityKind::Time
        ) && (f.record.is_some() || matches!(f.kind, EntityKind::Date | EntityKind::Time));
        if inside && kept && Some((f.start, f.end)) != used {
            out.push(Found { nested: true, ..*f });
        }
    }
}

/// Reusable buffers for tagging many sentences with one [`NerTagger`].
///
/// Each sentence is read on its own; [`NerWorker::tag_in_document`] keeps the document
/// memory across the sentences of one document. Make one per thread (from
/// [`NerTagger::worker`]) and reuse it: it allocates nothing once its buffers have grown.
///
/// ```
/// let tagger = vntext::NerTagger::builtin();
/// let mut worker = tagger.worker();
/// let sentences = [&["Ông", "Hồ_Văn_Mười", "phát_biểu"][..], &["Đắk_Nông", "mưa"]];
/// let tagged: Vec<Vec<&str>> = sentences.iter().map(|s| worker.tag(s).collect()).collect();
/// assert_eq!(tagged, [vec!["O", "B-PER", "O"], vec!["B-LOC", "O"]]);
/// ```
#[derive(Debug)]
pub struct NerWorker<'t> {
    tagger: &'t NerTagger,
    state: LineState,
    out: Vec<u8>,
}

impl<'t> NerWorker<'t> {
    /// The BIO tags of `tokens`, one per token, read as a sentence of its own.
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
        self.state.memory.clear();
        self.tag_in_document(tokens)
    }

    /// The BIO tags of `tokens`, a sentence of the document the previous calls read
    /// (names found there are remembered); [`NerWorker::new_document`] starts another.
    ///
    /// ```
    /// # let mut trainer = vntext::NerTrainer::new();
    /// # trainer.hash_bits(8);
    /// # trainer.add_sentence(&["Hà_Nội"], &["B-LOC"])?;
    /// # let tagger = vntext::NerTagger::from_model_bytes(&trainer.train()?)?;
    /// let mut worker = tagger.worker();
    /// worker.new_document();
    /// assert_eq!(worker.tag_in_document(&["Ông", "Trần", "Văn", "Thía"]).len(), 4);
    /// assert_eq!(worker.tag_in_document(&["Thía", "bảo"]).len(), 2);
    /// # Ok::<(), vntext::Error>(())
    /// ```
    pub fn tag_in_document<S: AsRef<str>>(
        &mut self,
        tokens: &[S],
    ) -> impl ExactSizeIterator<Item = &'t str> + '_ {
        self.state.read(tokens, self.tagger.features);
        self.tagger.decode_line(&mut self.state);
        self.out.clear();
        self.out.resize(tokens.len(), 0);
        let mut prev: Option<u8> = None;
        for (&(g, first), &t) in self.state.align.iter().zip(&self.state.path) {
            if first {
                self.out[g] = t;
            }
            prev.get_or_insert(t);
        }
        let tags: &'t TagModel = &self.tagger.model;
        self.out.iter().map(move |&t| tags.tags[usize::from(t)].as_str())
    }

    /// Forgets the names of the document read so far: call it between documents when you
    /// tag with [`NerWorker::tag_in_document`] ([`NerWorker::tag`] forgets at each call).
    ///
    /// ```
    /// let mut worker = vntext::NerTagger::builtin().worker();
    /// let first: Vec<&str> = worker.tag_in_document(&["Ông", "Hồ_Văn_Mười", "phát_biểu"]).collect();
    /// assert_eq!(first[1], "B-PER");
    /// worker.new_document();
    /// // The next document starts with nothing remembered: as a sentence read alone.
    /// let next: Vec<&str> = worker.tag_in_document(&["Mười", "đến"]).collect();
    /// let alone: Vec<&str> = vntext::NerTagger::builtin().worker().tag(&["Mười", "đến"]).collect();
    /// assert_eq!(next, alone);
    /// ```
    pub fn new_document(&mut self) {
        self.state.memory.clear();
    }
}

/// Trains a [`NerTagger`] model from sentences tagged in BIO. Deterministic.
///
/// The tag set is `O` and `B-`/`I-` of every type the sentences use (at most 15 types).
/// Sentences added with [`NerTrainer::add_document`] share the document memory, as the
/// sentences of one text do when [`crate::Recognizer::recognize`] reads it.
///
/// ```
/// use vntext::{NerTagger, NerTrainer};
///
/// let mut trainer = NerTrainer::new();
/// trainer.hash_bits(12).epochs(10);
/// for (tokens, tags) in [
///     (vec!["Ông", "Tevez", "đến", "Hà_Nội"], vec!["O", "B-PER", "O", "B-LOC"]),
///     (vec!["Ông", "Park", "ghé", "Hà_Nội"], vec!["O", "B-PER", "O", "B-LOC"]),
///     (vec!["Anh", "Tevez", "về", "Hà_Nội"], vec!["O", "B-PER", "O", "B-LOC"]),
///     (vec!["Ông", "Lâm", "ở", "Huế"], vec!["O", "B-PER", "O", "B-LOC"]),
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
    features: Features,
    /// Documents: their sentences' tokens and BIO tags.
    documents: Vec<Vec<(Vec<String>, Vec<String>)>>,
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
        NerTrainer { bits: 18, epochs: 10, runs: 5, features: Features::ALL, documents: Vec::new() }
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

    /// Which feature groups to use (all by default), for ablations: word clusters, the
    /// document memory, the rule-based recognizer's findings. Set it before adding
    /// sentences.
    ///
    /// ```
    /// let mut trainer = vntext::NerTrainer::new();
    /// trainer.feature_groups(true, false, true); // no document memory
    /// ```
    pub fn feature_groups(&mut self, clusters: bool, memory: bool, rules: bool) -> &mut Self {
        self.features = Features(
            (self.features.0 & !(Features::CLUSTERS | Features::MEMORY | Features::RULES))
                | (u8::from(clusters) * Features::CLUSTERS)
                | (u8::from(memory) * Features::MEMORY)
                | (u8::from(rules) * Features::RULES),
        );
        self
    }

    /// Which of the context groups to use (all by default), for ablations: the first and
    /// last three letters of a word, what the name lists say of a whole run of capitalised
    /// words, and the history (what the tagger itself found earlier in the document, learnt
    /// from the predictions of models trained without that document, so that training costs
    /// about six trainings). Set it before adding sentences.
    ///
    /// ```
    /// let mut trainer = vntext::NerTrainer::new();
    /// trainer.context_groups(true, true, false); // no history: one training instead of six
    /// ```
    pub fn context_groups(&mut self, affixes: bool, name_runs: bool, history: bool) -> &mut Self {
        self.features = Features(
            (self.features.0 & !(Features::AFFIX | Features::NAMES | Features::HISTORY))
                | (u8::from(affixes) * Features::AFFIX)
                | (u8::from(name_runs) * Features::NAMES)
                | (u8::from(history) * Features::HISTORY),
        );
        self
    }

    /// Whether to use the word boundaries of the word segmenter's lexicon (on by default), for
    /// ablations: the lexicon word each token falls in, its place in it and its sources. Set
    /// it before adding sentences.
    ///
    /// ```
    /// let mut trainer = vntext::NerTrainer::new();
    /// trainer.word_boundaries(false);
    /// ```
    pub fn word_boundaries(&mut self, words: bool) -> &mut Self {
        self.features = Features((self.features.0 & !Features::WORDS) | (u8::from(words) * Features::WORDS));
        self
    }

    /// Adds a sentence of its own: its tokens and their BIO tags (`O`, `B-PER`, `I-PER`...).
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
    /// [`ErrorKind::Model`](crate::ErrorKind::Model) when there are not as many tags as tokens or a tag is not `O`,
    /// `B-TYPE` or `I-TYPE`.
    pub fn add_sentence<S: AsRef<str>, T: AsRef<str>>(&mut self, tokens: &[S], tags: &[T]) -> Result<()> {
        self.add_document(&[(tokens, tags)])
    }

    /// Adds the sentences of one document, in order: names the rules find in a sentence
    /// are remembered for the next ones (the document memory).
    ///
    /// ```
    /// let mut trainer = vntext::NerTrainer::new();
    /// trainer.add_document(&[
    ///     (&["Ông", "Trần", "Văn", "Thía"][..], &["O", "B-PER", "I-PER", "I-PER"][..]),
    ///     (&["Thía", "bảo"], &["B-PER", "O"]),
    /// ])?;
    /// # Ok::<(), vntext::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`NerTrainer::add_sentence`]; no sentence of the document is added then.
    pub fn add_document<S: AsRef<str>, T: AsRef<str>>(&mut self, sentences: &[(&[S], &[T])]) -> Result<()> {
        for (tokens, tags) in sentences {
            if tokens.len() != tags.len() {
                return Err(Error::model(format!("{} tokens but {} tags", tokens.len(), tags.len())));
            }
            if let Some(bad) = tags.iter().map(AsRef::as_ref).find(|t| {
                *t != "O" && !(t.len() > 2 && (t.starts_with("B-") || t.starts_with("I-")) && t.len() <= 40)
            }) {
                return Err(Error::model(format!("tag {bad:?} is not O, B-TYPE or I-TYPE")));
            }
        }
        self.documents.push(
            sentences
                .iter()
                .map(|(tokens, tags)| {
                    (
                        tokens.iter().map(|t| t.as_ref().to_owned()).collect(),
                        tags.iter().map(|t| t.as_ref().to_owned()).collect(),
                    )
                })
                .collect(),
        );
        Ok(())
    }

    /// The features and tags of every sentence, each document read in order with its
    /// memory; `history` holds, per document and sentence, the tags (in `labels`) that a model
    /// trained without the document predicted there.
    fn examples(
        &self,
        features: Features,
        labels: &[String],
        history: Option<&[Vec<Vec<u8>>]>,
    ) -> Vec<(Vec<u64>, Vec<u8>)> {
        let mut out = Vec::new();
        let mut state = LineState::default();
        let mut feats = [0u64; FEATURES];
        for (d, doc) in self.documents.iter().enumerate() {
            state.memory.clear();
            for (s, (tokens, tags)) in doc.iter().enumerate() {
                state.read(tokens, features);
                let mut hashes = Vec::with_capacity(state.views.len() * FEATURES);
                let mut gold = Vec::with_capacity(state.views.len());
                for (i, &(g, first)) in state.align.iter().enumerate() {
                    let k = features_of(&state.views, i, features, &mut feats);
                    hashes.extend_from_slice(&feats[..k]);
                    let tag = tags[g].as_str();
                    let tag = match tag.strip_prefix("B-") {
                        Some(typ) if !first => format!("I-{typ}"),
                        _ => tag.to_owned(),
                    };
                    gold.push(labels.iter().position(|l| *l == tag).unwrap_or(0) as u8);
                }
                if let Some(path) = history.and_then(|h| h.get(d)).and_then(|doc| doc.get(s)) {
                    state.memory.add_path(&state.views, path);
                }
                out.push((hashes, gold));
            }
        }
        out
    }

    /// The model's labels: `O`, then `B-`/`I-` of each type, types sorted.
    fn labels(&self) -> Result<Vec<String>> {
        let mut types: Vec<&str> =
            self.documents.iter().flatten().flat_map(|(_, tags)| tags).filter_map(|t| t.get(2..)).collect();
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
        Ok(labels)
    }

    /// Trains on `examples` over `labels`.
    fn train_examples(&self, labels: &[String], examples: &[(Vec<u64>, Vec<u8>)]) -> Result<TagModel> {
        let per_token = examples.iter().find(|(_, g)| !g.is_empty()).map_or(1, |(h, g)| h.len() / g.len());
        let label_refs: Vec<&str> = labels.iter().map(String::as_str).collect();
        let mut trainer = Trainer::new(TASK, &label_refs);
        trainer.hash_bits(self.bits).epochs(self.epochs).runs(self.runs);
        let all = crate::tagging::all_tags(labels.len());
        let start =
            labels.iter().enumerate().filter(|(_, t)| !t.starts_with("I-")).fold(0, |m, (k, _)| m | 1 << k);
        for (hashes, gold) in examples {
            let mut e = Example::default();
            for (i, (&g, feats)) in gold.iter().zip(hashes.chunks_exact(per_token)).enumerate() {
                e.push(g, if i == 0 { start } else { all }, feats);
            }
            trainer.add(e);
        }
        trainer.train()
    }

    /// Jackknifed predictions: each fold of documents tagged by a model trained on the
    /// others, without the history features, so that the history the final model learns
    /// from is as noisy as its own predictions at run time.
    fn jackknife(&self, labels: &[String]) -> Result<Vec<Vec<Vec<u8>>>> {
        const FOLDS: usize = 5;
        let base = Features(self.features.0 & !Features::HISTORY);
        let examples = self.examples(base, labels, None);
        let doc_of: Vec<usize> = self
            .documents
            .iter()
            .enumerate()
            .flat_map(|(d, doc)| std::iter::repeat_n(d, doc.len()))
            .collect();
        let mut history: Vec<Vec<Vec<u8>>> =
            self.documents.iter().map(|d| vec![Vec::new(); d.len()]).collect();
        for fold in 0..FOLDS {
            // With fewer documents than folds, a fold holds no document, or no other
            // document is left to learn from: its documents then get no history, as the first
            // sentence of a document gets none when tagging.
            if fold >= self.documents.len() || self.documents.len() == 1 {
                continue;
            }
            let train: Vec<(Vec<u64>, Vec<u8>)> = examples
                .iter()
                .zip(&doc_of)
                .filter(|(_, d)| *d % FOLDS != fold)
                .map(|(e, _)| e.clone())
                .collect();
            if train.is_empty() {
                continue; // the other documents hold no sentence
            }
            let model = self.train_examples(labels, &train)?;
            let tagger = NerTagger::from_model_bytes(&model.to_bytes(&[FEATURE_VERSION, base.0]))?;
            let mut state = LineState::default();
            for (d, doc) in self.documents.iter().enumerate().filter(|(d, _)| d % FOLDS == fold) {
                state.memory.clear();
                for (s, (tokens, _)) in doc.iter().enumerate() {
                    state.read(tokens, base);
                    tagger.decode_line(&mut state);
                    history[d][s] = state.path.clone();
                }
            }
        }
        Ok(history)
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
    /// [`ErrorKind::Model`](crate::ErrorKind::Model) when no sentence was added or they use more than 15 types.
    pub fn train(&self) -> Result<Vec<u8>> {
        if self.documents.is_empty() {
            return Err(Error::model("no labelled sentences to train on"));
        }
        let labels = self.labels()?;
        let history =
            if self.features.has(Features::HISTORY) { Some(self.jackknife(&labels)?) } else { None };
        let examples = self.examples(self.features, &labels, history.as_deref());
        Ok(self.train_examples(&labels, &examples)?.to_bytes(&[FEATURE_VERSION, self.features.0]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_positions_within_two_of_a_capital_are_scored() {
        let tagger = NerTagger::builtin();
        let all = crate::tagging::all_tags(tagger.model.tag_count());
        let mut state = LineState::default();
        let mut rng = 0x1357_9bdf_2468_ace0u64;
        for round in 0..400 {
            let len: usize = round % 23;
            state.views.clear();
            for _ in 0..len {
                rng ^= rng << 13;
                rng ^= rng >> 7;
                rng ^= rng << 17;
                state
                    .views
                    .push(TokenView { cap: rng % (2 + round as u64 % 7) == 0, ..TokenView::default() });
            }
            tagger.decode_line(&mut state);
            let want: Vec<u32> = (0..len)
                .map(|i| {
                    let near = state.views[i.saturating_sub(2)..(i + 3).min(len)].iter().any(|v| v.cap);
                    match (near, i) {
                        (false, _) => 1,
                        (true, 0) => tagger.start_mask,
                        (true, _) => all,
                    }
                })
                .collect();
            assert_eq!(state.lattice.allowed(), want, "round {round}");
        }
    }

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
            tagger.tag_tokens(&["Công_ty", "Samsung", "mở", "nhà_máy", "."])[..3],
            ["B-ORG", "I-ORG", "O"]
        );
        // A sentence never starts inside an entity.
        for tokens in [&["Park"][..], &["Hang-seo", "về"], &[]] {
            let tags = tagger.tag_tokens(tokens);
            assert_eq!(tags.len(), tokens.len());
            assert!(tags.first().is_none_or(|t| !t.starts_with("I-")), "{tags:?}");
        }
    }

    #[test]
    fn the_context_groups_are_the_default_and_can_be_left_out() {
        let mut t = trainer();
        assert_eq!(t.features, Features::ALL);
        t.context_groups(false, false, false);
        let tagger = NerTagger::from_model_bytes(&t.train().unwrap()).unwrap();
        assert_eq!(
            tagger.features,
            Features(Features::CLUSTERS | Features::MEMORY | Features::RULES | Features::WORDS)
        );
        assert_eq!(tagger.tag_tokens(&["Ông", "Park", "đến", "Hà_Nội"]), ["O", "B-PER", "O", "B-LOC"]);
        t.word_boundaries(false);
        let tagger = NerTagger::from_model_bytes(&t.train().unwrap()).unwrap();
        assert_eq!(tagger.features, Features(Features::CLUSTERS | Features::MEMORY | Features::RULES));
    }

    #[test]
    fn the_word_key_cache_gives_the_segmenters_keys() {
        let mut memory = Memory::default();
        let words: Vec<String> =
            (0..3 * 4096).map(|i| format!("Hòa{}", ["", "ng", "nh", "n"][i % 4]).repeat(1 + i % 7)).collect();
        // Past the first 4,096 words the cache serves them; both tone placements and any case.
        for w in words.iter().chain(&words).map(String::as_str).chain(["hoà", "HÒA", "Hoà"]) {
            let lower = crate::tagging::fnv1a(w.to_lowercase().as_bytes());
            assert_eq!(memory.word_key(lower, w), crate::segment::word_key(w), "{w}");
        }
        assert!(!memory.word_keys.is_empty());
        assert_eq!(crate::segment::word_key("hoà"), crate::segment::word_key("HÒA"));
    }

    #[test]
    fn word_boundaries_come_from_the_segmenters_lexicon() {
        let r = Recognizer::rules();
        let views_of = |text: &str, features: Features| {
            let (mut toks, mut found, mut views) = (Vec::new(), Vec::new(), Vec::new());
            r.rule_pass(text, &mut toks, &mut found, &mut String::new());
            line_views(r, text, &toks, &found, &mut Memory::default(), features, &mut views);
            views
        };
        let text = "Giám đốc sở tài chính nói rằng ông đã bán đấu giá nhà";
        let views = views_of(text, Features::ALL);
        assert_eq!(views.len(), 13);
        let place_len = |k: usize| (views[k].word & 3, (views[k].word >> 2) & 63);
        // `Giám đốc`, `tài chính`: first and last of two-token words; `bán đấu giá`: three.
        for (first, len) in [(0, 2), (3, 2), (9, 3)] {
            assert_eq!(place_len(first), (1, len));
            for k in first + 1..first + len as usize - 1 {
                assert_eq!(place_len(k), (2, len));
            }
            assert_eq!(place_len(first + len as usize - 1), (3, len));
            assert!(views[first..first + len as usize].iter().all(|v| v.word_hash == views[first].word_hash));
            assert_ne!(views[first].word_hash, 0);
        }
        assert_ne!(views[0].word_hash, views[3].word_hash);
        // `sở`, `nói`, `nhà`: in no word of two tokens or more.
        for k in [2, 5, 12] {
            assert_eq!((views[k].word, views[k].word_hash), (0, 0));
        }
        // One word whatever the case; none across a comma; nothing without the group.
        let upper = views_of("GIÁM ĐỐC Sở", Features::ALL);
        assert_eq!(upper[0].word_hash, views[0].word_hash);
        assert!(views_of("Giám, đốc", Features::ALL).iter().all(|v| v.word == 0));
        assert!(views_of(text, Features(Features::RULES)).iter().all(|v| v.word == 0 && v.word_hash == 0));
    }

    #[test]
    fn fewer_documents_than_history_folds_still_train() {
        // The history group's fold models need other documents; with one or two documents
        // the folds without any are skipped instead of failing.
        for documents in 1..=2 {
            let mut t = NerTrainer::new();
            t.hash_bits(8).epochs(3).runs(1);
            for _ in 0..documents {
                t.add_sentence(&["Ông", "Tevez", "đến", "Hà_Nội"], &["O", "B-PER", "O", "B-LOC"]).unwrap();
            }
            let tagger = NerTagger::from_model_bytes(&t.train().unwrap()).unwrap();
            assert_eq!(tagger.features, Features::ALL);
            assert_eq!(tagger.tag_tokens(&["Ông", "Tevez", "đến", "Hà_Nội"])[..2], ["O", "B-PER"]);
        }
    }

    #[test]
    fn the_context_groups_train_and_tag() {
        // Affixes, name runs and the jackknifed history of the tagger's own predictions.
        let t = trainer();
        let bytes = t.train().unwrap();
        assert_eq!(bytes, t.train().unwrap());
        let tagger = NerTagger::from_model_bytes(&bytes).unwrap();
        assert_eq!(tagger.features, Features::ALL);
        let mut worker = tagger.worker();
        worker.new_document();
        let first: Vec<&str> = worker.tag_in_document(&["Ông", "Park", "đến", "Hà_Nội"]).collect();
        assert_eq!(first, ["O", "B-PER", "O", "B-LOC"]);
        // The history remembers what the tagger found.
        assert_ne!(worker.state.memory.get_predicted(crate::tagging::fnv1a(b"Park")), 0);
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
        // A model of an older feature set (version 2, before the affix and history
        // features) is a clear error, not a misread.
        let (model, _) = TagModel::read(&bytes, None).unwrap();
        let err = NerTagger::from_model_bytes(&model.to_bytes(&[2, 7])).unwrap_err();
        assert!(err.to_string().contains("feature set version 2"), "{err}");
        assert!(NerTagger::from_model_bytes(&model.to_bytes(&[FEATURE_VERSION, 0x80])).is_err());
        assert!(NerTrainer::new().train().is_err());
        let mut t = NerTrainer::new();
        assert!(t.add_sentence(&["a", "b"], &["O"]).is_err());
        assert!(t.add_sentence(&["a"], &["B-"]).is_err());
    }
}
