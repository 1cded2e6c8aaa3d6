//! Parts: runs of letters (and attached digits) with their counts of capitals, vowels and
//! digits, read by a fast path for plain Vietnamese text and a general one.

use super::Tokens;
use super::scanner::{decode, letter_len};
use crate::chars::{self, ASCII_LETTER_CODE, Letter, Tone};
use crate::syllable;

/// Where the counts of capitals and vowels sit in `Tokens::plain_part`'s sum, above the
/// count of letters; each field holds up to 2^20.
const UPPER_FIELD: u32 = 20;
const VOWEL_FIELD: u32 = 40;

/// For ASCII letters: 1 (one letter), plus one in the capitals field for a capital and one
/// in the vowels field for a vowel; 0 for every other byte.
static ASCII_LETTER_COUNT: [u64; 256] = {
    let mut t = [0u64; 256];
    let mut b = 0;
    while b < 256 {
        let code = ASCII_LETTER_CODE[b] as u64;
        if code != 0 {
            t[b] = 1 | ((code >> 6) & 1) << UPPER_FIELD | (code >> 7) << VOWEL_FIELD;
        }
        b += 1;
    }
    t
};

/// A letter outside the Vietnamese alphabet that should count as a vowel: a Latin letter
/// whose base is a vowel (`ü`, `ø` is not decomposable and counts), or any letter of
/// another script.
fn is_vowel_like(c: char) -> bool {
    let latin = c <= '\u{24F}' || ('\u{1E00}'..='\u{1EFF}').contains(&c);
    if !latin {
        return true;
    }
    let mut base = c;
    unicode_normalization::char::decompose_canonical(c, |d| {
        if base == c {
            base = d;
        }
    });
    !base.is_ascii_alphabetic() || matches!(base.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

/// What a run of letters (and attached digits) looks like.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Part {
    pub(super) end: usize,
    pub(super) letters: usize,
    pub(super) upper: usize,
    pub(super) lower: usize,
    pub(super) digits: usize,
    pub(super) vowels: usize,
    pub(super) first_upper: bool,
    /// The part is one Vietnamese syllable (in lower, title or upper case).
    pub(super) syllable: bool,
}

impl Part {
    pub(super) fn all_caps(&self) -> bool {
        self.letters > 0 && self.lower == 0
    }

    pub(super) fn title_or_lower(&self) -> bool {
        self.upper == 0 || (self.upper == 1 && self.first_upper)
    }
}

impl<'h> Tokens<'_, 'h> {
    /// A run of letters, digits, combining marks and inner apostrophes (`H'Mông`).
    #[inline]
    pub(super) fn part(&self, start: usize) -> Part {
        self.plain_part(start).unwrap_or_else(|| self.any_part(start))
    }

    /// The common part read in one pass: ASCII and precomposed Vietnamese letters only,
    /// ended by the end of the text, by an ASCII byte that is not a letter, digit or
    /// apostrophe, or by General Punctuation (U+2000–U+203F: quotes, dashes, `…`) other than
    /// the apostrophe U+2019. Each letter steps the syllable automaton as it is read, so no
    /// key is built and nothing is looked up afterwards. `None` for any other part (digits,
    /// apostrophes, combining marks, other letters): [`Self::any_part`] reads it from the
    /// start, with the same result as if this had not been tried.
    #[inline(always)]
    fn plain_part(&self, start: usize) -> Option<Part> {
        let bytes = self.text.as_bytes();
        let set = self.syllables;
        let mut state = set.start();
        // The letters, capitals and vowels as fields of one sum (see `ASCII_LETTER_COUNT`);
        // wrapping, since a run too long for the fields is given up below.
        let mut counts = 0u64;
        // The tones of the letters OR-ed, and how many letters have one: with at most one
        // toned letter, `tones` is the syllable's tone.
        let mut tones = 0u16;
        let mut toned = 0u32;
        let mut i = start;
        loop {
            // ASCII letters: a tight loop over the slice, a table look-up and an automaton
            // step each. A letter's code is its low five bits (`a`/`A` = 1 ... `z`/`Z` = 26).
            let mut run = 0;
            for &b in &bytes[i..] {
                let count = ASCII_LETTER_COUNT[usize::from(b)];
                if count == 0 {
                    break;
                }
                counts = counts.wrapping_add(count);
                state = set.step(state, u64::from(b & 31));
                run += 1;
            }
            i += run;
            let Some(&b) = bytes.get(i) else { break };
            if b < 0x80 {
                if b.is_ascii_digit() || b == b'\'' {
                    return None;
                }
                break;
            }
            // Precomposed Vietnamese letters straight from their bytes.
            if let Some((p, len)) = chars::utf8_letter(bytes, i) {
                state = set.step(state, u64::from(p & 63));
                let (up, vowel) = (u64::from((p >> 6) & 1), u64::from((p >> 10) & 1));
                counts = counts.wrapping_add(1 | up << UPPER_FIELD | vowel << VOWEL_FIELD);
                let tone = (p >> 7) & 7;
                tones |= tone;
                toned += u32::from(tone != 0);
                i += len;
                continue;
            }
            // U+2000–U+203F but U+2019: no letter or mark among them (tested).
            if b == 0xE2 && bytes.get(i + 1) == Some(&0x80) && bytes.get(i + 2) != Some(&0x99) {
                break;
            }
            return None;
        }
        if i - start >= 1 << UPPER_FIELD {
            return None;
        }
        let field = |shift: u32| ((counts >> shift) & ((1 << UPPER_FIELD) - 1)) as usize;
        let (letters, upper, vowels) = (field(0), field(UPPER_FIELD), field(VOWEL_FIELD));
        if letters == 0 {
            return None;
        }
        let first = bytes[start];
        let first_upper = if first < 0x80 {
            first.is_ascii_uppercase()
        } else {
            chars::utf8_letter(bytes, start).is_some_and(|(p, _)| p & 64 != 0)
        };
        let mut p = Part {
            end: i,
            letters,
            upper,
            lower: letters - upper,
            digits: 0,
            vowels,
            first_upper,
            syllable: false,
        };
        p.syllable = toned <= 1 && (p.title_or_lower() || p.all_caps()) && set.accepts(state, tones);
        Some(p)
    }

    /// Any part, as [`Self::part`] describes it.
    fn any_part(&self, start: usize) -> Part {
        let bytes = self.text.as_bytes();
        // The syllable candidate is read once, into a packed key of its toneless letters
        // (see `SyllableSet`) and its tone. `vietnamese` turns false once the part cannot
        // be a syllable (a foreign letter, a stray mark). `lower` counts only letters that
        // have case; ASCII and Vietnamese letters are counted by `letters - upper`.
        let mut key = 0u64;
        let mut tone = Tone::Level;
        let mut toned = 0u32;
        let mut last_tone = Tone::Level;
        let mut last_upper = false;
        let (mut letters, mut upper, mut caseless, mut digits, mut vowels) = (0u32, 0u32, 0u32, 0u32, 0u32);
        let mut syllable_from = 0u32;
        let mut vietnamese = true;
        let mut apostrophe = false;
        let mut i = start;
        loop {
            // ASCII letters, the bulk of Vietnamese text: a tight loop over the slice, without
            // a branch on case.
            let mut run = 0;
            for &b in &bytes[i..] {
                let code = ASCII_LETTER_CODE[usize::from(b)];
                if code == 0 {
                    break;
                }
                key = (key << 6) | u64::from(code & 63);
                upper += u32::from((code >> 6) & 1);
                vowels += u32::from(code >> 7);
                run += 1;
            }
            letters += run as u32;
            i += run;
            let Some(&b) = bytes.get(i) else { break };
            if b < 0x80 {
                if b.is_ascii_digit() {
                    digits += 1;
                    i += 1;
                } else if b == b'\'' && self.apostrophe_joins(start, i, 1) {
                    apostrophe = true;
                    (key, syllable_from) = (0, letters);
                    i += 1;
                } else {
                    break;
                }
                continue;
            }
            if b == 0xE2 && bytes.get(i + 1) == Some(&0x80) && bytes.get(i + 2) == Some(&0x99) {
                // U+2019, the typographic apostrophe.
                if self.apostrophe_joins(start, i, 3) {
                    apostrophe = true;
                    (key, syllable_from) = (0, letters);
                    i += 3;
                    continue;
                }
                break;
            }
            // Precomposed Vietnamese letters straight from their bytes.
            if let Some((p, len)) = chars::utf8_letter(bytes, i) {
                key = (key << 6) | u64::from(p & 63);
                letters += 1;
                let up = (p >> 6) & 1 != 0;
                upper += u32::from(up);
                vowels += u32::from((p >> 10) & 1);
                let t = chars::packed_tone(p);
                if t != Tone::Level {
                    tone = t;
                    toned += 1;
                }
                last_tone = t;
                last_upper = up;
                i += len;
                continue;
            }
            let Some(c) = decode(bytes, i) else { break };
            if let Some(l) = chars::letter(c) {
                key = (key << 6) | syllable::letter_code(l.base);
                letters += 1;
                upper += u32::from(l.upper);
                vowels += u32::from(l.is_vowel());
                if l.tone != Tone::Level {
                    tone = l.tone;
                    toned += 1;
                }
                last_tone = l.tone;
                last_upper = l.upper;
            } else if let Some(m) = chars::mark(c) {
                // NFD: the mark changes the letter before it, the last one in the key. After an
                // ASCII letter that letter is toneless; after a precomposed one or another mark,
                // the branches below kept its tone and case.
                let before =
                    if letters > syllable_from { bytes.get(i.wrapping_sub(1)).copied() } else { None };
                let (t, up) = match before {
                    Some(b) if b < 0x80 => (Tone::Level, b.is_ascii_uppercase()),
                    _ => (last_tone, last_upper),
                };
                let last =
                    before.map(|_| Letter { base: syllable::code_letter(key & 63), tone: t, upper: up });
                match last.and_then(|l| chars::apply_mark(l, m)) {
                    Some(marked) => {
                        key = (key & !63) | syllable::letter_code(marked.base);
                        if marked.tone != t {
                            tone = marked.tone;
                            toned += 1;
                        }
                        last_tone = marked.tone;
                        last_upper = marked.upper;
                    }
                    None => vietnamese = false,
                }
            } else if chars::is_combining(c) {
                vietnamese = false;
            } else if chars::is_letter(c) && crate::normalize::quote_lookalike(c).is_none() {
                // Titlecase letters (`ǅ`, `ᾞ`) count as capitals, as their NFD forms do.
                let up = !c.is_lowercase() && c.to_lowercase().next() != Some(c);
                letters += 1;
                upper += u32::from(up);
                caseless += u32::from(!up && !c.is_lowercase());
                // Latin letters count as vowels by their base letter, as in NFD; letters of
                // other scripts always do: only Latin words without a vowel (`km`, `Tp`) are
                // read as abbreviations.
                vowels += u32::from(is_vowel_like(c));
                vietnamese = false;
            } else {
                break;
            }
            i += c.len_utf8();
        }
        let n = (letters - syllable_from) as usize;
        let first_upper = letters > 0 && self.first_letter_upper(start);
        let mut p = Part {
            end: i,
            letters: letters as usize,
            upper: upper as usize,
            lower: (letters - upper - caseless) as usize,
            digits: digits as usize,
            vowels: vowels as usize,
            first_upper,
            syllable: false,
        };
        // After an apostrophe (`H'Mông`) the syllable is the tail, which has its own capital.
        let case_ok = p.title_or_lower() || p.all_caps() || (apostrophe && upper <= 2);
        p.syllable = vietnamese
            && digits == 0
            && case_ok
            && (1..=syllable::MAX_LETTERS).contains(&n)
            && toned <= 1
            && self.syllables.contains(key, n, tone);
        p
    }

    /// Whether the first letter at `start` (a part never starts with a digit) is a capital.
    fn first_letter_upper(&self, start: usize) -> bool {
        let b = self.byte(start);
        if b < 0x80 {
            return b.is_ascii_uppercase();
        }
        match decode(self.text.as_bytes(), start) {
            Some(c) => match chars::letter(c) {
                Some(l) => l.upper,
                None => !c.is_lowercase() && c.to_lowercase().next() != Some(c),
            },
            None => false,
        }
    }

    /// An apostrophe at `i` joins a word only after one ASCII letter (`H'Mông`, `K'Ho`), so
    /// that NFC and NFD agree, and before a letter.
    fn apostrophe_joins(&self, start: usize, i: usize, len: usize) -> bool {
        let bytes = self.text.as_bytes();
        i == start + 1 && bytes[start].is_ascii_alphabetic() && letter_len(bytes, self.text, i + len) > 0
    }

    /// Looks like part of an acronym: has a capital and is not a plain syllable (all-caps
    /// syllables of two letters or more count, as in `CA`).
    pub(super) fn abbrev_like(&self, p: &Part) -> bool {
        if p.upper == 0 {
            return false;
        }
        if p.digits > 0 {
            return true;
        }
        !p.syllable || (p.all_caps() && p.letters >= 2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;
    use proptest::prelude::*;

    /// Checks the fast reading of a part against the general one at every place a part
    /// can start; returns how many parts the fast path read.
    fn check_plain_parts(text: &str) -> usize {
        let tokens = tokenize(text);
        let bytes = text.as_bytes();
        let mut plain = 0;
        for i in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
            if letter_len(bytes, text, i) == 0 {
                continue;
            }
            if let Some(p) = tokens.plain_part(i) {
                assert_eq!(p, tokens.any_part(i), "{text:?} at {i}");
                plain += 1;
            }
        }
        plain
    }

    #[test]
    fn plain_parts_equal_general_parts() {
        let text = "Người NGHIÊNG Quốc hoà HÒA thuỷ Đắk ĐĂK đắk, GMT Facebook iPhone ThS “xin” chào… \
                    tiếng–Việt ảa ươi qUốc Ưu ƯU ng gi";
        // Every word of this text is read by the fast path.
        assert_eq!(
            check_plain_parts(text),
            text.split([' ', ',', '“', '”', '…', '–'])
                .map(|w| { w.char_indices().filter(|&(i, _)| letter_len(w.as_bytes(), w, i) > 0).count() })
                .sum::<usize>()
        );
        for (word, syllable) in [
            ("Người", true),
            ("NGHIÊNG", true),
            ("qUốc", false),
            ("ĐẮK", true),
            ("ĐĂK", false),
            ("bàt", false),
        ] {
            let tokens = tokenize(word);
            assert_eq!(tokens.plain_part(0).map(|p| p.syllable), Some(syllable), "{word}");
        }
        // Digits, apostrophes, marks and other letters are left to the general path.
        for word in ["QK5", "H'Mông", "R’Lấp", "ngo\u{300}i", "über", "a\u{2060}"] {
            assert_eq!(tokenize(word).plain_part(0), None, "{word}");
        }
    }

    #[test]
    fn parts_too_long_for_the_counts_take_the_general_path() {
        let text = "ươ".repeat(1 << 19);
        let tokens = tokenize(&text);
        assert_eq!(tokens.plain_part(0), None);
        let p = tokens.any_part(0);
        assert_eq!(
            (p.end, p.letters, p.upper, p.vowels, p.syllable),
            (text.len(), 1 << 20, 0, 1 << 20, false)
        );
        let shorter = &text[..(1 << 20) - 2];
        assert_eq!(tokenize(shorter).plain_part(0), Some(tokenize(shorter).any_part(0)));
    }

    #[test]
    fn general_punctuation_ends_a_part() {
        // What `plain_part` relies on to stop at U+2000–U+203F without decoding.
        for c in ('\u{2000}'..='\u{203F}').filter(|&c| c != '\u{2019}') {
            assert!(!chars::is_letter(c) && chars::letter(c).is_none() && chars::mark(c).is_none(), "{c:?}");
        }
    }

    /// Text of Vietnamese and other letters in both cases, digits, spaces, punctuation and
    /// combining marks: every way a part can go on or end.
    fn mixed_text() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            3 => prop::sample::select(vec![
                "người", "NGHIÊNG", "Quốc", "hoà", "thuỷ", "Đắk", "ĐĂK", "ươi", "Ưu", "GMT", "iPhone",
                "ThS", "bàt", "Facebook", "gi", "ng", "qUốc",
            ]).prop_map(str::to_owned),
            4 => "[a-zA-ZăâêôơưđĂÂÊÔƠƯĐàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵÀÁẢÃẠỲÝỄỰ]{1,8}",
            2 => "[ 0-9'’.,;:!?@_&+%/-]{1,2}",
            1 => "[“”…–—\u{2000}-\u{203F}\u{300}-\u{309}\u{323}\u{31B}üñøǅ中ÐʺˮʻʽʼMiSu]{1,2}",
            1 => any::<char>().prop_map(String::from),
        ];
        prop::collection::vec(piece, 0..16).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn plain_parts_equal_general_parts_on_generated_text(text in mixed_text()) {
            check_plain_parts(&text);
        }
    }
}
