//! What the segmenter sees of a text: tokens with hashed comparison keys and shapes, and the
//! hashed features of each place where two tokens may be joined into one word.
//!
//! The same code serves the trainer and the segmenter, so that a model always sees features
//! computed exactly as they were when it was trained.

use super::{MAY_JOIN, MAY_START};
use crate::chars;
use crate::hash::{FNV_OFFSET, fnv1a, fnv1a_step};
use crate::span::Span;
use crate::tagging::{feature as f, feature2 as f2, feature3 as f3, mix};
use crate::token::TokenKind;

/// A token as the segmenter sees it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    pub span: Span,
    /// Hash of the comparison key for words; of the kind (numbers, dates...) or the text
    /// (punctuation) otherwise.
    pub key: u64,
    pub shape: u8,
    /// A syllable or foreign word: may be part of a multi-token word.
    pub word: bool,
    /// Only whitespace without a line break separates it from the previous token.
    pub gap_ok: bool,
    /// Hashes of the syllable's onset and of its rhyme without tone (0 for other tokens), and
    /// its tone: reduplicative words (`tấp nập`, `lung linh`) repeat one or the other.
    pub onset: u32,
    pub rhyme: u32,
    pub tone: u8,
    /// A full stop glued to an initial or `TP` (`H. Anh`, `TP. HCM`), before the next token
    /// confirms it.
    glued: bool,
    /// Always part of the word before it: a confirmed glued full stop, or a number and
    /// letters written without a space between them (`1A`, `10km`).
    pub joins_prev: bool,
    /// A plain number: the model may join it to a syllable next to it (`tháng 10`,
    /// `10 triệu`), never to another number.
    pub number: bool,
}

impl Tok {
    /// May this token be joined to the previous one by the model?
    #[inline]
    pub fn joinable(self, prev: Tok) -> bool {
        self.gap_ok && (self.word && (prev.word || prev.number) || self.number && prev.word)
    }

    /// How the token may relate to the previous one (`prev` is `None` for the first
    /// token): [`MAY_START`], [`MAY_JOIN`] or both.
    #[inline]
    pub fn allowed(self, prev: Option<Tok>) -> u32 {
        match prev {
            _ if self.joins_prev => MAY_JOIN,
            Some(p) if self.joinable(p) => MAY_START | MAY_JOIN,
            _ => MAY_START,
        }
    }
}

const M2: u64 = 0xBF58_476D_1CE4_E5B9;

/// Hashes a string's characters, lowercased.
fn hash_lower_chars(s: &str) -> u64 {
    // Each character lowercased on its own, as the models were trained; ASCII the fast way.
    let mut h = FNV_OFFSET;
    for c in s.chars() {
        if c.is_ascii() {
            h = fnv1a_step(h, u64::from(c.to_ascii_lowercase() as u8));
            continue;
        }
        for l in c.to_lowercase() {
            h = fnv1a_step(h, u64::from(u32::from(l)));
        }
    }
    mix(h, 0x5eed)
}

/// Hashes a string's bytes as they are.
pub(crate) fn hash_bytes(s: &str) -> u64 {
    mix(fnv1a(s.as_bytes()), 0xb17e)
}

/// True when lowercasing alone would not give [`crate::key`] of the word: combining marks,
/// letters outside the precomposed Vietnamese set, look-alikes of `Đ` (`Ð` U+00D0), or a tone written on the
/// second vowel of an open `oa`/`oe`/`uy` (`hoà`, `thuý`), which the key moves.
fn needs_full_key(text: &str) -> bool {
    let mut prev2 = ' ';
    let mut prev = ' ';
    let mut last = ' ';
    for c in text.chars() {
        let u = u32::from(c);
        if !(u < 0x80 || (0xC0..0x1B5).contains(&u) || (0x1EA0..0x1F00).contains(&u))
            || crate::normalize::lookalike(c) != c
        {
            return true;
        }
        prev2 = prev;
        prev = last;
        last = c;
    }
    let (Some(l), Some(p)) = (chars::letter(last), chars::letter(prev)) else { return false };
    l.tone != crate::Tone::Level
        && matches!(l.base, 'a' | 'e' | 'y')
        && p.tone == crate::Tone::Level
        && matches!(p.base, 'o' | 'u')
        && !matches!(prev2, 'q' | 'Q')
}

/// Hash of the comparison key of a word token, the same as hashing `vntext::key(text)`.
pub(crate) fn word_key(text: &str) -> u64 {
    if needs_full_key(text) { hash_lower_chars(&crate::key(text)) } else { hash_lower_chars(text) }
}

// Shapes.
const SHAPE_PAD: u8 = 0;
const SHAPE_LOWER: u8 = 1;
const SHAPE_TITLE: u8 = 2;
const SHAPE_UPPER: u8 = 3;
const SHAPE_FOREIGN: u8 = 4;
const SHAPE_FOREIGN_TITLE: u8 = 5;
const SHAPE_ABBREVIATION: u8 = 6;
const SHAPE_NUMBER: u8 = 7;
const SHAPE_DATE: u8 = 8;
const SHAPE_CONTACT: u8 = 9;
const SHAPE_PUNCT: u8 = 10;
const SHAPE_OTHER: u8 = 11;
/// A capitalised syllable that starts a sentence or line: its capital says nothing of a name.
const SHAPE_TITLE_START: u8 = 12;

fn case_shape(text: &str, lower: u8, title: u8, upper: u8) -> u8 {
    let mut chars = text.chars().filter(|c| c.is_alphabetic());
    let Some(first) = chars.next() else { return lower };
    if !first.is_uppercase() {
        return lower;
    }
    let mut any_rest = false;
    let mut all_upper = true;
    for c in chars {
        any_rest = true;
        all_upper &= c.is_uppercase();
    }
    if any_rest && all_upper { upper } else { title }
}

/// Reads `text` into `out` (cleared first). Allocates nothing once `out` has grown.
pub(crate) fn analyze(text: &str, out: &mut Vec<Tok>) {
    analyze_with(text, out, &mut SoundCache::default());
}

/// [`analyze`] with a cache of syllable sounds, for many texts.
pub(crate) fn analyze_with(text: &str, out: &mut Vec<Tok>, sounds: &mut SoundCache) {
    out.clear();
    let mut prev_end = 0;
    for t in crate::tokenize(text) {
        let s = t.as_str();
        let kind = t.kind();
        let (key, shape, word) = match kind {
            TokenKind::Syllable => (word_key(s), case_shape(s, SHAPE_LOWER, SHAPE_TITLE, SHAPE_UPPER), true),
            TokenKind::Foreign => {
                (word_key(s), case_shape(s, SHAPE_FOREIGN, SHAPE_FOREIGN_TITLE, SHAPE_FOREIGN_TITLE), true)
            }
            TokenKind::Abbreviation => (word_key(s), SHAPE_ABBREVIATION, false),
            TokenKind::Number | TokenKind::Percent | TokenKind::Range | TokenKind::Quantity => {
                (mix(0x4e55, kind as u64), SHAPE_NUMBER, false)
            }
            TokenKind::Date | TokenKind::Time => (mix(0xda7e, kind as u64), SHAPE_DATE, false),
            TokenKind::Punctuation => (hash_bytes(s), SHAPE_PUNCT, false),
            TokenKind::Phone | TokenKind::Plate | TokenKind::Url | TokenKind::Email => {
                (mix(0xc0de, kind as u64), SHAPE_CONTACT, false)
            }
            _ => (mix(0x0be7, kind as u64), SHAPE_OTHER, false),
        };
        let span = t.span();
        let gap = &text[prev_end..span.start];
        let starts_sentence = gap.contains(['\n', '\r'])
            || out.last().is_none_or(|p: &Tok| {
                p.shape == SHAPE_PUNCT
                    && matches!(&text[p.span.range()], "." | "!" | "?" | ":" | "\"" | "..." | "…" | "-" | "–")
            });
        let shape = if shape == SHAPE_TITLE && starts_sentence { SHAPE_TITLE_START } else { shape };
        let gap_ok = !out.is_empty() && !gap.is_empty() && !gap.contains(['\n', '\r']);
        // `H.` / `TP.` followed on the same line by a capitalised word or abbreviation.
        let glued_candidate = s == "."
            && gap.is_empty()
            && out.last().is_some_and(|p: &Tok| {
                let prev = &text[p.span.range()];
                let letters = prev.chars().count();
                (p.word || p.shape == SHAPE_ABBREVIATION)
                    && (letters == 1 && prev.chars().all(char::is_uppercase)
                        || prev.eq_ignore_ascii_case("tp"))
            });
        // A number written against letters (`1A`, `3G`, `10km`, `H5`+`N1`) is one word
        // as the writer wrote it: the tokenizer splits it, the segmenter puts it back.
        let glued_alnum = gap.is_empty()
            && out.last().is_some_and(|p: &Tok| {
                let letters = |word: bool, shape: u8| word || shape == SHAPE_ABBREVIATION;
                (p.shape == SHAPE_NUMBER && letters(word, shape))
                    || (letters(p.word, p.shape) && kind == TokenKind::Number)
            });
        // Words written with a hyphen and no space (`Mác-Lênin`, `Niu-Ước`, `knock-out`,
        // `COVID-19`) are one word as the writer wrote them: the hyphen and the word after it
        // join the word before.
        let hyphenated = gap.is_empty() && (word || kind == TokenKind::Number) && out.len() >= 2 && {
            let (before, hyphen) = (out[out.len() - 2], out[out.len() - 1]);
            hyphen.shape == SHAPE_PUNCT
                && text[hyphen.span.range()] == *"-"
                && hyphen.span.start == before.span.end
                && before.word
        };
        if hyphenated {
            if let Some(hyphen) = out.last_mut() {
                hyphen.joins_prev = true;
            }
        }
        // A number whose thousands are written with spaces around the full stop (`10 . 000`,
        // `70 . 000 . 000`, as UD-VTB writes them) is one word: the full stop and a group of
        // exactly three digits after it join the number before.
        let number_group = kind == TokenKind::Number
            && gap_ok
            && s.len() == 3
            && s.bytes().all(|b| b.is_ascii_digit())
            && out.len() >= 2
            && {
                let (before, stop) = (out[out.len() - 2], out[out.len() - 1]);
                stop.gap_ok
                    && stop.shape == SHAPE_PUNCT
                    && text[stop.span.range()] == *"."
                    && before.number
                    && {
                        let digits = &text[before.span.range()];
                        (1..=3).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit())
                    }
            };
        if number_group {
            if let Some(stop) = out.last_mut() {
                stop.joins_prev = true;
            }
        }
        // `ông H. cúi xuống`: after an initial, a lowercase word shows that the full stop
        // ends no sentence.
        let after_initial = out.len() >= 2 && {
            let initial = &text[out[out.len() - 2].span.range()];
            initial.chars().count() == 1 && initial.chars().all(char::is_uppercase)
        };
        if let Some(last) = out.last_mut() {
            // The token before this one was a glued candidate: confirm it now.
            if last.glued
                && !(gap_ok && (after_initial && matches!(shape, SHAPE_LOWER | SHAPE_FOREIGN))
                    || gap_ok
                        && matches!(
                            shape,
                            SHAPE_TITLE
                                | SHAPE_TITLE_START
                                | SHAPE_UPPER
                                | SHAPE_ABBREVIATION
                                | SHAPE_FOREIGN_TITLE
                        ))
            {
                last.glued = false;
            }
        }
        prev_end = span.end;
        let (onset, rhyme, tone) = match kind {
            TokenKind::Syllable => sounds.get(key, s),
            _ => (0, 0, 0),
        };
        out.push(Tok {
            span,
            key,
            shape,
            word,
            gap_ok,
            glued: glued_candidate,
            onset,
            rhyme,
            tone,
            joins_prev: glued_alnum || hyphenated || number_group,
            number: kind == TokenKind::Number,
        });
    }
    if let Some(last) = out.last_mut() {
        last.glued = false;
    }
    // A confirmed full stop joins the word before it.
    for t in out.iter_mut() {
        t.joins_prev |= t.glued;
    }
}

/// Onset and rhyme hashes and the tone of a syllable (see [`Tok::onset`]), a function of
/// its comparison key: letter case and tone placement do not change them.
fn sounds(s: &str) -> (u32, u32, u8) {
    if needs_full_key(s) { sounds_of_key(&crate::key(s)) } else { sounds_of_key(s) }
}

/// Syllable sounds by comparison key, in a direct-mapped table: a syllable's sounds cost a
/// full parse, and running text repeats a few thousand syllables. A hit gives what
/// [`sounds`] gives, as the sounds are a function of the key. The default cache is empty and
/// computes every time (for one-off texts such as lexicon words).
#[derive(Clone, Debug, Default)]
pub(crate) struct SoundCache {
    slots: Vec<SoundSlot>,
}

#[derive(Clone, Copy, Debug)]
struct SoundSlot {
    key: u64,
    onset: u32,
    rhyme: u32,
    tone: u8,
}

impl SoundCache {
    const BITS: u32 = 12;

    /// A cache of `1 << BITS` slots. Slot `i` starts with a key that belongs to slot `i + 1`,
    /// so no look-up can match a slot that was never filled.
    pub(crate) fn new() -> SoundCache {
        let n = 1usize << Self::BITS;
        let slots = (0..n)
            .map(|i| SoundSlot {
                key: (((i + 1) % n) as u64) << (64 - Self::BITS),
                onset: 0,
                rhyme: 0,
                tone: 0,
            })
            .collect();
        SoundCache { slots }
    }

    #[inline]
    fn get(&mut self, key: u64, text: &str) -> (u32, u32, u8) {
        if self.slots.is_empty() {
            return sounds(text);
        }
        let slot = &mut self.slots[(key >> (64 - Self::BITS)) as usize];
        if slot.key != key {
            let (onset, rhyme, tone) = sounds(text);
            *slot = SoundSlot { key, onset, rhyme, tone };
        }
        (slot.onset, slot.rhyme, slot.tone)
    }
}

fn sounds_of_key(s: &str) -> (u32, u32, u8) {
    let Some(syl) = crate::Syllable::parse(s) else { return (0, 0, 0) };
    let onset = hash_bytes(syl.onset) as u32 | 1;
    let glide = syl.glide.map_or(0, u64::from);
    let rhyme = mix(mix(hash_bytes(syl.nucleus), hash_bytes(syl.coda)), glide) as u32 | 1;
    (onset, rhyme, syl.tone as u8)
}

/// Hash of a run of tokens' keys, as the lexicons store words.
#[inline]
pub(crate) fn seq_hash(keys: impl IntoIterator<Item = u64>) -> u64 {
    keys.into_iter().fold(0x1e81_c0de, mix)
}

/// Lexicon bit of a token sequence that begins a longer word (the search goes on).
pub(crate) const LEXICON_PREFIX: u8 = 0x80;

/// Multi-syllable words known to the model, by [`seq_hash`] of their keys, with a bit mask of
/// the lists they come from.
pub(crate) trait Lexicon {
    /// The longest word, in tokens.
    fn max_len(&self) -> usize;
    /// The sources of a word, with [`LEXICON_PREFIX`] when it begins a longer one; 0
    /// when neither.
    fn lookup(&self, hash: u64) -> u8;
}

/// Association statistics of adjacent syllables from unlabelled text.
pub(crate) trait PairStats {
    /// Packed buckets of the pair, 0 when the pair is rare or unseen.
    fn lookup(&self, left: u64, right: u64) -> u16;
}

/// The hash under which pair statistics are stored.
#[inline]
pub(crate) fn pair_hash(left: u64, right: u64) -> u64 {
    mix(mix(0x9a1e, left), right).wrapping_mul(M2)
}

/// Buffers for feature extraction, reused across calls.
#[derive(Default, Debug, Clone)]
pub(crate) struct Scratch {
    /// Longest lexicon word starting at each token.
    start_len: Vec<u8>,
    /// Longest lexicon word ending at each token.
    end_len: Vec<u8>,
    /// Longest lexicon word joining each token to the previous one, and its sources.
    inside_len: Vec<u8>,
    inside_mask: Vec<u8>,
    /// Sources of the two-token word made of each token and the previous one.
    pair_mask: Vec<u8>,
    /// Tags by forward and backward longest matching (1 = joined to the previous token).
    fmm: Vec<u8>,
    bmm: Vec<u8>,
    /// Pair statistics of each token with the previous one.
    pair: Vec<u16>,
}

/// Number of features per joinable position.
pub(crate) const FEATURES_PER_POSITION: usize = 36;

impl Scratch {
    /// Prepares the lexicon and pair information of `toks`.
    pub(crate) fn prepare(&mut self, toks: &[Tok], lexicon: &impl Lexicon, pairs: &impl PairStats) {
        let n = toks.len();
        for v in [
            &mut self.start_len,
            &mut self.end_len,
            &mut self.inside_len,
            &mut self.inside_mask,
            &mut self.pair_mask,
        ] {
            v.clear();
            v.resize(n, 0);
        }
        self.pair.clear();
        self.pair.resize(n, 0);
        let max_len = lexicon.max_len().min(255);
        for j in 0..n {
            if j > 0 && toks[j].joinable(toks[j - 1]) {
                self.pair[j] = pairs.lookup(toks[j - 1].key, toks[j].key);
            }
            if !toks[j].word {
                continue;
            }
            let mut h = seq_hash([toks[j].key]);
            let mut len = 1;
            while len < max_len && j + len < n && toks[j + len].joinable(toks[j + len - 1]) {
                h = mix(h, toks[j + len].key);
                len += 1;
                let mask = lexicon.lookup(h);
                if mask == 0 {
                    break;
                }
                let mask = mask & !LEXICON_PREFIX;
                if mask == 0 {
                    continue;
                }
                let l8 = len as u8;
                if len == 2 {
                    self.pair_mask[j + 1] = mask;
                }
                self.start_len[j] = self.start_len[j].max(l8);
                let last = j + len - 1;
                self.end_len[last] = self.end_len[last].max(l8);
                for k in j + 1..=last {
                    self.inside_len[k] = self.inside_len[k].max(l8);
                    self.inside_mask[k] |= mask;
                }
            }
        }
        self.fmm.clear();
        self.fmm.resize(n, 0);
        let mut j = 0;
        while j < n {
            let len = usize::from(self.start_len[j]).max(1);
            for k in j + 1..j + len {
                self.fmm[k] = 1;
            }
            j += len;
        }
        self.bmm.clear();
        self.bmm.resize(n, 0);
        let mut j = n;
        while j > 0 {
            let last = j - 1;
            let len = usize::from(self.end_len[last]).max(1);
            for k in last + 2 - len..=last {
                self.bmm[k] = 1;
            }
            j -= len;
        }
    }

    /// Writes the feature hashes of joining token `i` to token `i - 1` into `out`.
    pub(crate) fn features(&self, toks: &[Tok], i: usize, out: &mut [u64; FEATURES_PER_POSITION]) {
        const PAD: u64 = 0x5a5a_0001;
        let key =
            |k: isize| -> u64 { if k < 0 || k as usize >= toks.len() { PAD } else { toks[k as usize].key } };
        let shape = |k: isize| -> u64 {
            if k < 0 || k as usize >= toks.len() {
                u64::from(SHAPE_PAD)
            } else {
                u64::from(toks[k as usize].shape)
            }
        };
        let pair = |k: isize| -> u64 {
            if k < 1 || k as usize >= toks.len() { 0 } else { u64::from(self.pair[k as usize]) }
        };
        let ii = i as isize;
        let (a, b, c, d) = (key(ii - 2), key(ii - 1), key(ii), key(ii + 1));
        let (sa, sb, sc, sd) = (shape(ii - 2), shape(ii - 1), shape(ii), shape(ii + 1));
        let shapes = sa | sb << 8 | sc << 16 | sd << 24;
        let p = pair(ii);
        let pmi = p >> 12;
        let coarse = |v: u64| (v >> 12).div_ceil(4);
        let (pl, pr) = (coarse(pair(ii - 1)), coarse(pair(ii + 1)));
        let inside = u64::from(self.inside_len[i].min(6));
        let lex_mask = u64::from(self.inside_mask[i]);
        let pair_mask = u64::from(self.pair_mask[i]);
        let end_prev = u64::from(self.end_len[i - 1].min(6));
        let start_here = u64::from(self.start_len[i].min(6));
        let mm = u64::from(self.fmm[i]) | u64::from(self.bmm[i]) << 1;
        let (tb, tc) = (toks[i - 1], toks[i]);
        let redup = u64::from(tb.onset != 0 && tb.onset == tc.onset)
            | u64::from(tb.rhyme != 0 && tb.rhyme == tc.rhyme) << 1;
        *out = [
            f(1, 0),
            f2(2, b, c),
            f(3, b),
            f(4, c),
            f2(5, a, b),
            f2(6, c, d),
            f3(7, a, b, c),
            f3(8, b, c, d),
            f(9, a),
            f(10, d),
            f(11, sb | sc << 8),
            f(12, shapes),
            f2(13, sb, c),
            f2(14, b, sc),
            f(15, u64::from(b == c)),
            f2(16, inside, lex_mask),
            f2(17, end_prev, start_here),
            f(18, mm),
            f3(19, inside, mm, end_prev << 8 | start_here),
            f(20, pmi),
            f3(21, pmi, pl, pr),
            f(22, p & 0xff),
            f(23, p),
            f2(24, pmi, sb | sc << 8),
            f2(25, pmi, inside),
            f3(26, pmi, mm, u64::from(b == c)),
            f2(27, b, pmi),
            f2(28, c, pmi),
            f(29, redup | u64::from(tb.tone) << 2 | u64::from(tc.tone) << 5),
            f2(30, redup, pmi),
            f3(31, lex_mask, inside, b),
            f3(32, lex_mask, inside, c),
            f3(33, pair_mask, lex_mask, sb | sc << 8),
            f3(34, pair_mask, b, c),
            // Affixes: `nhà` before a word (`nhà khoa học`), a stem before `hoá`.
            f3(35, b, start_here, end_prev << 8 | inside),
            f3(36, c, start_here, end_prev << 8 | inside),
        ];
    }
}

/// Packs pair statistics into the 16 bits [`PairStats::lookup`] returns: PMI, P(right|left),
/// P(left|right), count, 4 bits each, every field 1..=15 for a known pair.
pub(crate) fn pack_pair(count: u64, left: u64, right: u64, total: u64) -> u16 {
    let c = count.max(1) as f64;
    let pmi = (c * total.max(1) as f64 / (left.max(1) as f64 * right.max(1) as f64)).ln();
    let pmi_b = (pmi.round() + 4.0).clamp(1.0, 15.0) as u16;
    let cond = |n: u64| ((-(c / n.max(1) as f64).log2()).floor() + 1.0).clamp(1.0, 15.0) as u16;
    let count_b = (c.log2().floor() + 1.0).clamp(1.0, 15.0) as u16;
    pmi_b << 12 | cond(left) << 8 | cond(right) << 4 | count_b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_key_matches_the_crate_key() {
        for w in [
            "Hoà",
            "hòa",
            "THUỶ",
            "thủy",
            "Quá",
            "toán",
            "Nguyễn",
            "khoẻ",
            "Đắk",
            "ho\u{300}a",
            "Ðặng",
            "ðến",
            "Ɖà",
        ] {
            assert_eq!(word_key(w), hash_lower_chars(&crate::key(w)), "{w}");
        }
        assert_eq!(word_key("Hoà"), word_key("hòa"));
        assert_eq!(word_key("THUỶ"), word_key("thủy"));
        assert_eq!(word_key("Ðặng"), word_key("Đặng"), "a look-alike Đ is the same word");
        assert_ne!(word_key("hòa"), word_key("hoa"));
    }

    #[test]
    fn shapes_and_joins() {
        let mut toks = Vec::new();
        analyze("Ủy ban nhân dân, UBND\nHà Nội 2023", &mut toks);
        let shapes: Vec<u8> = toks.iter().map(|t| t.shape).collect();
        assert_eq!(
            shapes,
            [
                SHAPE_TITLE_START,
                SHAPE_LOWER,
                SHAPE_LOWER,
                SHAPE_LOWER,
                SHAPE_PUNCT,
                SHAPE_ABBREVIATION,
                SHAPE_TITLE_START,
                SHAPE_TITLE,
                SHAPE_NUMBER
            ]
        );
        let joins: Vec<bool> = (0..toks.len()).map(|i| i > 0 && toks[i].joinable(toks[i - 1])).collect();
        assert_eq!(joins, [false, true, true, true, false, false, false, true, true]);
    }

    #[test]
    fn spaced_thousands_are_one_number() {
        let joins = |text: &str| -> Vec<bool> {
            let mut toks = Vec::new();
            analyze(text, &mut toks);
            toks.iter().map(|t| t.joins_prev).collect()
        };
        // `rút 5 . 000 đồng`: the full stop and `000` join `5`.
        assert_eq!(joins("rút 5 . 000 đồng"), [false, false, true, true, false]);
        assert_eq!(joins("70 . 000 . 000 đ"), [false, true, true, true, true, false]);
        // Not groups of three digits after a number of one to three digits.
        assert_eq!(joins("năm 2000 . 100 người"), [false; 5]);
        assert_eq!(joins("35 . 1000 đ"), [false; 4]);
        assert_eq!(joins("tháng 10 , 110 ngày"), [false; 5]);
        assert_eq!(joins("số 5 .\n000"), [false; 4]);
    }

    #[test]
    fn cached_sounds_are_the_sounds_of_the_key() {
        let words = [
            "tấp",
            "nập",
            "Tấp",
            "TẤP",
            "hòa",
            "hoà",
            "Hoà",
            "HÒA",
            "thủy",
            "thuỷ",
            "ho\u{300}a",
            "Ðặng",
            "Đặng",
            "lung",
            "Linh",
            "quốc",
            "gi",
            "giữa",
            "nghiêng",
        ];
        let mut cache = SoundCache::new();
        for round in 0..2 {
            for w in words {
                let expected = sounds(w);
                assert_eq!(cache.get(word_key(w), w), expected, "{w} (round {round})");
                assert_eq!(expected, sounds(&crate::key(w)), "{w}");
            }
        }
        assert_eq!(sounds("Hoà"), sounds("hòa"));
        assert_ne!(sounds("tấp").0, sounds("nập").0);
        assert_eq!(sounds("tấp").1, sounds("nập").1);
    }

    #[test]
    fn pair_packing_orders_by_association() {
        let strong = pack_pair(900, 1000, 1000, 1_000_000);
        let weak = pack_pair(2, 50_000, 40_000, 1_000_000);
        assert!(strong >> 12 > weak >> 12);
        assert!(strong & 0xf > weak & 0xf);
        assert!(strong >> 12 >= 1 && weak >> 12 >= 1);
    }
}
