//! The prefilter: the byte scan over chunks of text that finds the few worth tokenizing,
//! with byte classes of characters and Bloom filters over the letter runs of the keys.

use std::sync::OnceLock;

use super::Abbreviations;
use crate::hash::FxSet;
use crate::span::Span;
use crate::syllable::is_syllable;

impl Abbreviations {
    /// True when `chunk` (a run of non-whitespace) may hold a token that this dictionary or
    /// the `learned` definitions expand: two capitals (`UBND`, `ThS`, `TP.`), a capital
    /// before `.`, `/`, `&`, `-` or a digit (`Q.`, `K/g`), a combining mark (NFD text; and a
    /// mark of any script, which the tokenizer may join to the character before it, so that
    /// the letter runs below are not the tokens' letters: `!ਾGđ` is `!ਾ` and `Gđ`), or a
    /// run of letters found in a key that is not an ordinary syllable (`ubnd`, `Tp`, `v`,
    /// `km`; a syllable such as `ha` only next to a number). Everything the scanner could
    /// match passes, so skipping the rest changes nothing (tested against a full scan).
    fn is_candidate(&self, chunk: &str, number_before: bool, learned: &RunSet, buf: &mut String) -> bool {
        let mut upper = 0;
        let mut prev_upper = false;
        let mut digit = number_before;
        for c in chunk.chars() {
            if c.is_uppercase() {
                upper += 1;
                if upper >= 2 {
                    return true;
                }
                prev_upper = true;
                continue;
            }
            if prev_upper && matches!(c, '.' | '/' | '&' | '-' | '0'..='9') {
                return true;
            }
            prev_upper = false;
            if crate::chars::is_combining(c) {
                return true;
            }
            digit |= c.is_ascii_digit();
        }
        for run in chunk.split(|c: char| !c.is_alphabetic()) {
            if run.is_empty() || run.len() > self.runs.longest.max(learned.longest) {
                continue;
            }
            buf.clear();
            buf.extend(run.chars().flat_map(char::to_lowercase));
            if (self.runs.contains(buf) || learned.contains(buf))
                && (digit || self.lower_syllable_forms || !is_syllable(run))
            {
                return true;
            }
        }
        false
    }
}

/// A set of letter runs with a fast hash, and Bloom filters over signatures of their bytes
/// that the byte scanner tests without building strings: one of every run, one of the runs
/// that are not Vietnamese syllables (a syllable such as `nhà` or `an` is a candidate only
/// next to a number).
#[derive(Clone, Debug, Default)]
pub(super) struct RunSet {
    set: FxSet<Box<str>>,
    longest: usize,
    bloom: Vec<u64>,
    unsyllabic: Vec<u64>,
}

/// [`RunSet::probe`]: a run may be in the set, and only as a syllable.
const SYLLABLE_HIT: u8 = 1;
/// [`RunSet::probe`]: a run may be in the set as a run that is not a syllable (or the
/// prefilter cannot tell; the exact test decides).
const RUN_HIT: u8 = 2;

/// Words of the Bloom filters: a run sets two bits of one 64-bit word (a blocked filter, one
/// load per test).
const BLOOM_WORDS: usize = 1 << 10;

/// A cheap fingerprint of a lower-case run of letters of `n` bytes: its length and its first
/// and last two bytes (0 for the second and the one before the last of a one-byte run), mixed.
#[inline(always)]
fn run_signature(n: usize, first: u8, second: u8, before_last: u8, last: u8) -> u64 {
    let word = u64::from_le_bytes([first, second, before_last, last, n as u8, 0, 0, 0]);
    word.wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// [`run_signature`] of the bytes of a run.
fn signature_of(run: &[u8]) -> u64 {
    let n = run.len();
    let (Some(&first), Some(&last)) = (run.first(), run.last()) else { return 0 };
    let (second, before_last) = if n > 1 { (run[1], run[n - 2]) } else { (0, 0) };
    run_signature(n, first, second, before_last, last)
}

/// The word and the two bits of a signature in the Bloom filters, from its high bits (the
/// well-mixed ones of a product).
#[inline(always)]
fn bloom_slot(hash: u64) -> (usize, u64) {
    ((hash >> 54) as usize, (1 << ((hash >> 48) & 63)) | (1 << ((hash >> 42) & 63)))
}

impl RunSet {
    pub(super) fn insert_runs(&mut self, key: &str) {
        if self.bloom.is_empty() {
            self.bloom = vec![0; BLOOM_WORDS];
            self.unsyllabic = vec![0; BLOOM_WORDS];
        }
        for run in key.split(|c: char| !c.is_alphabetic()).filter(|r| !r.is_empty()) {
            self.longest = self.longest.max(run.len());
            let (word, mask) = bloom_slot(signature_of(run.as_bytes()));
            self.bloom[word] |= mask;
            if !is_syllable(run) {
                self.unsyllabic[word] |= mask;
            }
            self.set.insert(run.into());
        }
    }

    fn contains(&self, run: &str) -> bool {
        self.set.contains(run)
    }

    /// Whether a lower-case run with the signature `hash` may be in the set: 0 (it is not),
    /// [`SYLLABLE_HIT`] or [`RUN_HIT`].
    #[inline(always)]
    fn probe(&self, hash: u64) -> u8 {
        let (word, mask) = bloom_slot(hash);
        match self.bloom.get(word) {
            Some(&w) if w & mask == mask => {
                if self.unsyllabic[word] & mask == mask {
                    RUN_HIT
                } else {
                    SYLLABLE_HIT
                }
            }
            _ => 0,
        }
    }
}

/// Walks the document chunk by chunk (runs of bytes between ASCII whitespace, which no token
/// crosses) looking for candidates.
pub(super) struct Chunks<'h> {
    text: &'h str,
    pub(super) pos: usize,
    buf: String,
    classes: &'static Classes,
}

impl<'h> Chunks<'h> {
    pub(super) fn new(text: &'h str) -> Self {
        Chunks { text, pos: 0, buf: String::new(), classes: Classes::get() }
    }
}

// What the prefilter needs to know of a character, as bits of a byte.
/// A letter (`char::is_alphabetic`).
const LETTER: u8 = 1;
/// A capital (`char::is_uppercase`).
const UPPER: u8 = 2;
/// Makes its chunk a candidate at once: a combining mark of any script (the tokenizer joins
/// it to the character before it, and NFD text is left to the exact test) or a look-alike of
/// `Đ`/`đ` (`Ðs`, read by the exact test as the letter it stands for).
const CANDIDATE: u8 = 4;
/// ASCII whitespace: ends a chunk.
const SPACE: u8 = 8;
/// `.`, `/`, `&`, `-` or an ASCII digit: makes a chunk a candidate right after a capital
/// (`Q.`, `K/g`, `F5`).
const AFTER_CAPITAL: u8 = 16;
/// An ASCII digit: a syllable in a key (`ha`) is a candidate next to one (`2ha`).
const DIGIT: u8 = 32;

/// The class bits of every character up to U+07FF (indexed by code point, which a one- or
/// two-byte UTF-8 sequence gives with a shift and two masks) and of U+1E80..U+1EFF (the
/// Vietnamese letters of Latin Extended Additional, `E1 BA xx` and `E1 BB xx`).
struct Classes {
    low: [u8; 0x800],
    vietnamese: [u8; 0x80],
}

impl Classes {
    fn get() -> &'static Classes {
        static CLASSES: OnceLock<Classes> = OnceLock::new();
        CLASSES.get_or_init(|| {
            let mut classes = Classes { low: [0; 0x800], vietnamese: [0; 0x80] };
            for (cp, class) in classes.low.iter_mut().enumerate() {
                *class = char::from_u32(cp as u32).map_or(0, class_of);
            }
            for (k, class) in classes.vietnamese.iter_mut().enumerate() {
                *class = char::from_u32(0x1E80 + k as u32).map_or(0, class_of);
            }
            classes
        })
    }

    /// The class bits and UTF-8 length of the character at byte `i` of `text`.
    #[inline(always)]
    fn at(&self, text: &str, i: usize) -> (u8, usize) {
        let b = text.as_bytes();
        let c = b[i];
        if c < 0x80 {
            return (self.low[usize::from(c)], 1);
        }
        let next = usize::from(b[i + 1]);
        if c < 0xE0 {
            return (self.low[(usize::from(c & 0x1F) << 6) | (next & 0x3F)], 2);
        }
        if c == 0xE1 && next & 0xFE == 0xBA {
            return (self.vietnamese[((next & 1) << 6) | (usize::from(b[i + 2]) & 0x3F)], 3);
        }
        // U+2000..U+203F: spaces, dashes, quotes, `…`; no letters, no marks.
        if c == 0xE2 && next == 0x80 {
            return (0, 3);
        }
        let ch = text[i..].chars().next().unwrap_or(' ');
        (class_of(ch), ch.len_utf8())
    }
}

/// The class bits of `c`, from the general character properties (the tables above hold
/// this for their characters; tested for every character).
fn class_of(c: char) -> u8 {
    let mut class = 0;
    if c.is_alphabetic() {
        class |= LETTER;
    }
    if c.is_uppercase() {
        class |= UPPER;
    }
    let mut buf = [0; 4];
    let bytes = c.encode_utf8(&mut buf).as_bytes();
    if crate::chars::is_combining(c) || (bytes.len() == 2 && is_d_lookalike(bytes[0], bytes[1])) {
        class |= CANDIDATE;
    }
    if c.is_ascii_whitespace() {
        class |= SPACE;
    }
    if matches!(c, '.' | '/' | '&' | '-' | '0'..='9') {
        class |= AFTER_CAPITAL;
    }
    if c.is_ascii_digit() {
        class |= DIGIT;
    }
    class
}

impl Chunks<'_> {
    /// The next candidate chunk that starts before `limit`; stops at `limit` otherwise.
    ///
    /// One pass over the characters, each classed by a table look-up ([`Classes`]): a chunk
    /// with two capitals, a capital before `.`, `/`, `&`, `-` or a digit, a combining mark or
    /// a look-alike of `Đ` is a candidate at once; a chunk with a run of letters with a
    /// capital inside, or whose signature (lower-cased first letter) is in the Bloom filter
    /// of the key runs that are not syllables, or in that of all key runs next to a number,
    /// goes to the exact test ([`Abbreviations::is_candidate`]); every other chunk is
    /// skipped. Runs of ASCII lower-case letters are stepped over without a look-up. Equal
    /// to [`reference_candidates`], the same rules over decoded characters (tested).
    pub(super) fn next_candidate(
        &mut self,
        dict: &Abbreviations,
        learned: &RunSet,
        limit: usize,
    ) -> Option<Span> {
        let text = self.text;
        let classes = self.classes;
        let b = text.as_bytes();
        let n = b.len();
        let mut i = self.pos;
        loop {
            while i < n && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if i >= n || i >= limit {
                self.pos = i;
                return None;
            }
            let start = i;
            let mut upper = 0u32;
            let mut prev_upper = false;
            let mut hits = 0;
            let mut candidate = false;
            let mut digit = false;
            while i < n {
                let (class, len) = classes.at(text, i);
                if class & LETTER == 0 {
                    if class & SPACE != 0 {
                        break;
                    }
                    candidate |= (prev_upper && class & AFTER_CAPITAL != 0) || class & CANDIDATE != 0;
                    digit |= class & DIGIT != 0;
                    prev_upper = false;
                    i += len;
                    continue;
                }
                // A run of letters.
                let run_start = i;
                let first_upper = class & UPPER != 0;
                let first_len = len;
                let mut inner_upper = false;
                candidate |= class & CANDIDATE != 0;
                upper += u32::from(first_upper);
                prev_upper = first_upper;
                i += len;
                loop {
                    let lower_start = i;
                    while i < n && b[i].is_ascii_lowercase() {
                        i += 1;
                    }
                    if i > lower_start {
                        prev_upper = false;
                    }
                    if i >= n {
                        break;
                    }
                    let (class, len) = classes.at(text, i);
                    if class & LETTER == 0 {
                        break;
                    }
                    candidate |= class & CANDIDATE != 0;
                    prev_upper = class & UPPER != 0;
                    inner_upper |= prev_upper;
                    upper += u32::from(prev_upper);
                    i += len;
                }
                // A capital inside a run (`iPhone`) goes to the exact test; a first capital
                // is lowered for the signature.
                hits |= if inner_upper {
                    RUN_HIT
                } else {
                    run_hit(dict, learned, &b[run_start..i], first_upper.then_some(first_len))
                };
            }
            if candidate || upper >= 2 {
                self.pos = i;
                return Some(Span::new(start, i));
            }
            // A syllable of a key only matters next to a number (`2 ha`, `2ha`).
            let exact = hits & RUN_HIT != 0
                || (hits != 0 && (digit || dict.lower_syllable_forms || number_before(b, start)));
            if exact && dict.is_candidate(&text[start..i], number_before(b, start), learned, &mut self.buf) {
                self.pos = i;
                return Some(Span::new(start, i));
            }
        }
    }
}

/// True when the chunk starting at `start` follows a digit across ASCII whitespace and
/// no-break spaces only (`15 km`, `15\u{A0} ha`): a number may come before it.
fn number_before(b: &[u8], start: usize) -> bool {
    let mut p = start;
    loop {
        if p > 0 && b[p - 1].is_ascii_whitespace() {
            p -= 1;
        } else if p >= 2 && b[p - 2..p] == [0xC2, 0xA0] {
            p -= 2;
        } else {
            return p > 0 && b[p - 1].is_ascii_digit();
        }
    }
}

/// The candidate chunks of `text`, by the rules of [`Chunks::next_candidate`] applied to
/// decoded characters and their general properties: the slow path the byte classes must
/// agree with.
#[cfg(test)]
fn reference_candidates(dict: &Abbreviations, learned: &RunSet, text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut number_before = false;
    let mut buf = String::new();
    let mut pos = 0;
    for chunk in text.split(|c: char| c.is_ascii_whitespace()) {
        let start = pos;
        pos += chunk.len() + 1;
        if chunk.is_empty() {
            continue;
        }
        let chars: Vec<char> = chunk.chars().collect();
        let capital = |c: &char| c.is_alphabetic() && c.is_uppercase();
        let upper = chars.iter().filter(|c| capital(c)).count();
        let capital_before =
            chars.windows(2).any(|w| capital(&w[0]) && matches!(w[1], '.' | '/' | '&' | '-' | '0'..='9'));
        let marked = chars.iter().any(|&c| {
            let mut b = [0; 4];
            let b = c.encode_utf8(&mut b).as_bytes();
            crate::chars::is_combining(c) || (b.len() == 2 && is_d_lookalike(b[0], b[1]))
        });
        let mut hits = 0;
        for run in chunk.split(|c: char| !c.is_alphabetic()) {
            let Some(first) = run.chars().next() else { continue };
            let inner = run.chars().skip(1).any(char::is_uppercase);
            let first_upper = first.is_uppercase();
            hits |= if inner {
                RUN_HIT
            } else {
                run_hit(dict, learned, run.as_bytes(), first_upper.then_some(first.len_utf8()))
            };
        }
        let before = number_before;
        let trimmed = chunk.trim_end_matches('\u{A0}');
        if !trimmed.is_empty() {
            number_before = trimmed.ends_with(|c: char| c.is_ascii_digit());
        }
        let digit = before || dict.lower_syllable_forms || chunk.bytes().any(|b| b.is_ascii_digit());
        let exact = hits & RUN_HIT != 0 || (hits != 0 && digit);
        if upper >= 2
            || capital_before
            || marked
            || (exact && dict.is_candidate(chunk, before, learned, &mut buf))
        {
            out.push(Span::new(start, start + chunk.len()));
        }
    }
    out
}

/// Whether a run of letters, lower case but for its first letter of `upper_first` bytes when
/// given, may be in a key: 0 (it is not), [`SYLLABLE_HIT`] or [`RUN_HIT`].
#[inline(always)]
fn run_hit(dict: &Abbreviations, learned: &RunSet, run: &[u8], upper_first: Option<usize>) -> u8 {
    let n = run.len();
    let (Some(&first), Some(&last)) = (run.first(), run.last()) else { return 0 };
    let (second, before_last) = if n > 1 { (run[1], run[n - 2]) } else { (0, 0) };
    let hash = match upper_first {
        None => run_signature(n, first, second, before_last, last),
        Some(len) => {
            // The signature of the run with its first letter lowered, read without a copy.
            let mut lowered = [0u8; 3];
            let Some(head) = lowered.get_mut(..len) else { return RUN_HIT };
            head.copy_from_slice(&run[..len]);
            if !lower_first(head) {
                return RUN_HIT;
            }
            let byte = |k: usize| if k < len { lowered[k] } else { run[k] };
            let (second, before_last) = if n > 1 { (byte(1), byte(n - 2)) } else { (0, 0) };
            run_signature(n, byte(0), second, before_last, byte(n - 1))
        }
    };
    dict.runs.probe(hash) | learned.probe(hash)
}

/// Lower-cases in place the UTF-8 bytes of one capital of the Vietnamese alphabet; false for
/// other capitals (the exact test sees them).
fn lower_first(c: &mut [u8]) -> bool {
    match c {
        [a] => *a = a.to_ascii_lowercase(),
        [0xC3, b] => *b += 0x20,
        [0xC4 | 0xC5, b] => *b += 1,
        [0xC6, b] => *b = if *b == 0xAF { 0xB0 } else { *b + 1 },
        [0xE1, 0xBA | 0xBB, t] => *t += 1,
        _ => return false,
    }
    true
}

/// True when the two-byte character starting with `lead`, `next` is a look-alike letter of
/// `Đ`/`đ` (`Ð` C3 90, `ð` C3 B0, `Ɖ` C6 89, `ɖ` C9 96): bytes, not a decoded character,
/// as the prefilter meets `C3` in most Vietnamese words. Pinned to the normalizer's table
/// by `d_lookalike_bytes_match_the_table`.
fn is_d_lookalike(lead: u8, next: u8) -> bool {
    matches!((lead, next), (0xC3, 0x90 | 0xB0) | (0xC6, 0x89) | (0xC9, 0x96))
}

/// The start of the `n`-th chunk before `pos` (the chunk `pos` is in counts as the first).
pub(super) fn back_chunks(bytes: &[u8], pos: usize, n: usize) -> usize {
    let mut p = pos;
    for _ in 0..n {
        while p > 0 && bytes[p - 1].is_ascii_whitespace() {
            p -= 1;
        }
        while p > 0 && !bytes[p - 1].is_ascii_whitespace() {
            p -= 1;
        }
    }
    p
}

/// The end of the `n`-th chunk after `pos` (the chunk `pos` is in counts as the first).
pub(super) fn forward_chunks(bytes: &[u8], pos: usize, n: usize) -> usize {
    let mut p = pos;
    for _ in 0..n {
        while p < bytes.len() && bytes[p].is_ascii_whitespace() {
            p += 1;
        }
        while p < bytes.len() && !bytes[p].is_ascii_whitespace() {
            p += 1;
        }
    }
    p
}

/// [`back_chunks`] for the prefilter's regions: chunks without a token (only spaces and
/// invisible characters, `\u{A0}`, `\u{200B}`) or with opening quotes, brackets and dashes
/// only do not count, as the rules look through them (the `?` before `\u{3000} BH` and the
/// `…` before `“ NNTƯ` start their sentences).
pub(super) fn back_token_chunks(text: &str, pos: usize, n: usize) -> usize {
    let bytes = text.as_bytes();
    let mut p = pos;
    let mut counted = 0;
    while counted < n && p > 0 {
        while p > 0 && bytes[p - 1].is_ascii_whitespace() {
            p -= 1;
        }
        let end = p;
        while p > 0 && !bytes[p - 1].is_ascii_whitespace() {
            p -= 1;
        }
        counted += usize::from(has_context(&text[p..end]));
    }
    p
}

/// [`forward_chunks`] for the prefilter's regions; chunks without a token do not count, as
/// in [`back_token_chunks`].
pub(super) fn forward_token_chunks(text: &str, pos: usize, n: usize) -> usize {
    let bytes = text.as_bytes();
    let mut p = pos;
    let mut counted = 0;
    while counted < n && p < bytes.len() {
        while p < bytes.len() && bytes[p].is_ascii_whitespace() {
            p += 1;
        }
        let start = p;
        while p < bytes.len() && !bytes[p].is_ascii_whitespace() {
            p += 1;
        }
        counted += usize::from(has_token(&text[start..p]));
    }
    p
}

/// True when the tokenizer finds a token in `chunk`: it holds a character other than a space
/// or an invisible or control character.
fn has_token(chunk: &str) -> bool {
    chunk.bytes().any(|b| b > b' ' && b < 0x7F) || chunk.chars().any(|c| !crate::chars::is_space(c))
}

/// True when `chunk` holds a token that the look back for the start of a sentence
/// ([`Scan::sentence_start`]) stops at: other than an opening quote, bracket or dash.
fn has_context(chunk: &str) -> bool {
    chunk.chars().any(|c| {
        !crate::chars::is_space(c) && !matches!(c, '(' | '[' | '"' | '“' | '\'' | '‘' | '«' | '-' | '–' | '—')
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use unicode_normalization::UnicodeNormalization;

    /// The prefilter's byte test for look-alikes of `Đ` says what the normalizer's table says,
    /// for every two-byte character, and its capital flag is the character's case.
    #[test]
    fn d_lookalike_bytes_match_the_table() {
        for c in '\u{80}'..=char::MAX {
            let mut buf = [0; 4];
            let b = c.encode_utf8(&mut buf).as_bytes();
            let table = crate::normalize::lookalike(c) != c;
            assert_eq!(b.len() == 2 && is_d_lookalike(b[0], b[1]), table, "{c:?}");
            if table {
                assert_eq!((b[0] == 0xC3 && b[1] == 0x90) || b[0] == 0xC6, c.is_uppercase(), "{c:?}");
            }
        }
    }

    /// The prefilter's byte classes are the general properties of every character.
    #[test]
    fn classes_are_the_general_properties_of_every_character() {
        let classes = Classes::get();
        for c in '\0'..=char::MAX {
            let text = format!("{c}\u{0}");
            assert_eq!(classes.at(&text, 0), (class_of(c), c.len_utf8()), "{c:?}");
        }
        assert_eq!(class_of('Đ'), LETTER | UPPER);
        assert_eq!(class_of('Ð'), LETTER | UPPER | CANDIDATE);
        assert_eq!(class_of('\u{301}'), CANDIDATE);
        assert_eq!(class_of('\u{A3E}'), LETTER | CANDIDATE);
        assert_eq!(class_of('\n'), SPACE);
        assert_eq!(class_of('/'), AFTER_CAPITAL);
    }

    /// The prefilter skips a chunk whose only key runs are syllables (`nhà`, `Nhà`) when no
    /// number is near, as the exact test does: that holds when a lower-case syllable is still
    /// a syllable with its first letter capitalised, for the key runs and the words of text.
    #[test]
    fn a_capitalised_syllable_is_a_syllable() {
        let dict = Abbreviations::builtin();
        let sample = include_str!("../../benches/texts/sample.txt");
        let words = sample.split(|c: char| !c.is_alphabetic()).map(str::to_lowercase);
        let mut syllables = 0;
        for run in dict.runs.set.iter().map(|r| r.to_string()).chain(words) {
            if is_syllable(&run) {
                let mut chars = run.chars();
                let first = chars.next().unwrap();
                let title: String = first.to_uppercase().chain(chars).collect();
                assert!(is_syllable(&title), "{run:?} {title:?}");
                syllables += 1;
            }
        }
        assert!(syllables > 250, "{syllables}");
    }

    /// The byte-class prefilter finds the chunks that the same rules over decoded characters
    /// find.
    fn same_candidates_as_the_reference(text: &str) {
        let dict = Abbreviations::builtin();
        let learned = RunSet::default();
        let mut chunks = Chunks::new(text);
        let mut fast = Vec::new();
        while let Some(span) = chunks.next_candidate(dict, &learned, usize::MAX) {
            fast.push(span);
        }
        assert_eq!(fast, reference_candidates(dict, &learned, text), "{text:?}");
    }

    #[test]
    fn the_prefilter_is_its_reference() {
        for text in [
            include_str!("../../benches/texts/sample.txt"),
            "UBND, Ubnd, ubnd; 15 km, 10km, 2 ha; TP. Hồ Chí Minh, Q. 1; v.v. k/g. Ðs ðs ĐS. iPhone",
            "hoàაa!ਾGđ 15\u{A0} ha 5\u{A0} \u{A0} ha F5 Ĺĺ ĹĹ ǅa \u{1E9E}x Ⅻ. 🄰🄱",
        ] {
            same_candidates_as_the_reference(text);
        }
    }

    /// The candidate prefilter skips only text that a full scan finds nothing in.
    #[test]
    fn the_prefilter_changes_nothing() {
        let texts: Vec<String> = vec![
            include_str!("../../benches/texts/sample.txt").to_owned(),
            "UBND, Ubnd, ubnd; 15 km, 10km, 2 ha; TP. Hồ Chí Minh, Q. 1; v.v. Sau đó k/g ông. CA SĨ. \
             Tp.HCM, tp, Ths A, ĐH, đ/c B. khu vực phòng thủ then chốt (KVPTTC) rồi kvpttc và KVPTTC. \
             NSU\u{31B}T A; \"QP\" là; (UBND) (Ủy ban nhân dân) UBND (Ủy ban nhân dân)."
                .to_owned(),
            // Look-alikes of Đ (found by the NFD property test: `Ðs+hoà`).
            "Ðs+hoà, Ðs hoa, ðs, Ɖs, ɖs, ĐS.".to_owned(),
            // A mark the tokenizer joins to the `!` before it (found by the NFD property test
            // of tests/it/invariants.rs), a number before no-break spaces and a chunk of them
            // only, a sentence end before a chunk without a token or with opening quotes and
            // brackets only (found by the property test below).
            "hoàაa!ਾGđ +/᎕)2469,17ngườiᆩ{&ਾGđ a!ਾGđ".to_owned(),
            "Diện tích 15\u{A0} ha, 5\u{A0} \u{A0} ha. Xong? \u{3000} BH tỉnh. Rồi?\t\u{3000} \u{200B}BH"
                .to_owned(),
            "…\u{200B}\t“\tNNTƯ. Xong. “ ( UBND".to_owned(),
        ];
        prefilter_changes_nothing(&texts);
    }

    /// The same on real text.
    #[test]
    #[ignore = "needs ../shared"]
    fn the_prefilter_changes_nothing_on_shared_text() {
        let texts: Vec<String> =
            ["seed/article.txt", "data/news-sample/demo-full.txt", "data/laws/corpus/hien-phap.txt"]
                .iter()
                .map(|path| {
                    let full = format!("{}/../shared/{path}", env!("CARGO_MANIFEST_DIR"));
                    std::fs::read_to_string(&full)
                        .unwrap_or_else(|e| panic!("{full}: {e} (this test needs ../shared)"))
                })
                .collect();
        prefilter_changes_nothing(&texts);
    }

    fn prefilter_changes_nothing(texts: &[String]) {
        let dict = Abbreviations::builtin();
        for text in texts {
            let fast = dict.expand_with(text, true);
            let full = dict.expand_with(text, false);
            assert_eq!(fast.matches().len(), full.matches().len());
            for (a, b) in fast.matches().iter().zip(full.matches()) {
                assert_eq!(a, b);
            }
            assert_eq!(fast.as_str(), full.as_str());
        }
    }

    /// Text made of the dictionary's forms, numbers, spaces of several kinds, punctuation,
    /// combining marks of several scripts and letters of other scripts, composed or not.
    fn abbreviation_like() -> impl Strategy<Value = String> {
        let dict = Abbreviations::builtin();
        let mut forms: Vec<String> = dict.entries().iter().map(|e| e.abbreviation().to_owned()).collect();
        forms.sort();
        forms.dedup();
        let piece = prop_oneof![
            4 => prop::sample::select(forms),
            2 => prop::sample::select(vec![
                "hoà", "người", "Đắk", "Nông", "ha", "Hà", "đất", "và", "Bộ", "Ðs", "(", ")", "ĐT",
                "Dân quân tự vệ", "(DQTV)", "DQTV", "%", "١٥", "中", "ა", "Ω", "ᆩ", "᎕",
            ]).prop_map(str::to_owned),
            2 => "[0-9]{1,4}([./,:-][0-9]{1,3}){0,2}",
            2 => "[ \n\t\u{A0}\u{200B}\u{2009}\u{3000}]{1,3}",
            2 => "[.,;:!?\"'()…“”/&+-]{1,3}",
            1 => prop::sample::select(vec![
                "\u{300}", "\u{301}", "\u{302}", "\u{323}", "\u{31B}", "\u{345}", "\u{A3E}",
                "\u{93F}", "\u{94D}", "\u{E31}", "\u{5B0}", "\u{64B}", "\u{20DD}", "\u{DDA}",
                "\u{1AB0}", "\u{FE20}",
            ]).prop_map(str::to_owned),
            1 => "[a-zA-ZăâêôơưđĐ]{1,4}",
            1 => any::<String>().prop_map(|s| s.chars().take(3).collect()),
        ];
        (prop::collection::vec(piece, 0..16), any::<bool>())
            .prop_map(|(v, nfd)| if nfd { v.concat().nfd().collect() } else { v.concat() })
    }

    proptest! {
        #![proptest_config(ProptestConfig {
            cases: std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(500),
            ..ProptestConfig::default()
        })]

        /// The candidate prefilter skips only text that a full scan finds nothing in, on
        /// generated text.
        #[test]
        fn the_prefilter_changes_nothing_on_generated_text(text in abbreviation_like()) {
            prefilter_changes_nothing(&[text]);
        }

        /// The byte-class prefilter is the same rules over decoded characters, on generated
        /// text.
        #[test]
        fn the_prefilter_is_its_reference_on_generated_text(text in abbreviation_like()) {
            same_candidates_as_the_reference(&text);
        }
    }
}
