//! The Vietnamese syllable: onset, glide, nucleus, coda and tone.
//!
//! Vietnamese is written one syllable at a time, and its syllables follow a small, closed
//! grammar. Parsing against that grammar tells a Vietnamese syllable (`Nông`, `nghiêng`,
//! `quốc`) from a foreign word or acronym (`GMT`, `Facebook`, `UBND`), and it says where
//! the tone mark belongs, which is what tone-placement normalization needs.
//!
//! ```
//! use vntext::{Syllable, Tone};
//!
//! let s = Syllable::parse("Quốc").unwrap();
//! assert_eq!((s.onset, s.glide, s.nucleus, s.coda, s.tone), ("q", Some('u'), "ô", "c", Tone::Acute));
//! assert!(Syllable::parse("Facebook").is_none());
//! assert!(vntext::is_syllable("nghiêng"));
//! ```

use crate::chars::{self, Letter, Tone};

/// Longest syllable in letters (`nghiêng` has 7); longer letter runs are never syllables.
pub(crate) const MAX_LETTERS: usize = 8;

/// A parsed Vietnamese syllable. All parts are lowercase and without tone marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Syllable {
    /// Initial consonant as written (`ngh`, `gi`, `q`, `đ`...), or `""`.
    pub onset: &'static str,
    /// The medial glide `o` (`hoa`) or `u` (`quốc`, `thuý`), if any.
    pub glide: Option<char>,
    /// The main vowel or diphthong (`a`, `ê`, `iê`, `ươ`...).
    pub nucleus: &'static str,
    /// Final consonant or semivowel (`ng`, `ch`, `i`, `u`...), or `""`.
    pub coda: &'static str,
    /// The tone.
    pub tone: Tone,
}

/// Where the tone mark goes in the open syllables `oa`, `oe`, `uy`, the only place where
/// Vietnamese writers disagree.
///
/// Every other syllable has one accepted placement, and [`Normalizer`](crate::Normalizer)
/// uses it whatever this setting says.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TonePlacement {
    /// Leave every tone mark where the writer put it.
    Keep,
    /// Old style, on the first vowel: `hòa`, `khỏe`, `thủy` (the style of most government
    /// and news text, of `Ủy ban`, `Thanh Hóa`, `Khánh Hòa`).
    #[default]
    Old,
    /// New style, on the main vowel: `hoà`, `khoẻ`, `thuỷ`.
    New,
}

/// The structure of a syllable as letter positions, for tone placement.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Analysis {
    syllable: Syllable,
    /// First letter of the vowel block that takes tone marks (after `qu`/`gi`).
    vowels_start: usize,
    /// One past the last vowel letter.
    vowels_end: usize,
    consonant_coda: bool,
    /// The glide is `o`/`u` written after a consonant other than `q` (`hoa`, `thuy`).
    free_glide: bool,
}

fn is_vowel(c: char) -> bool {
    chars::vowel_row(c).is_some()
}

fn has_quality_mark(c: char) -> bool {
    matches!(c, 'ă' | 'â' | 'ê' | 'ô' | 'ơ' | 'ư')
}

impl Analysis {
    /// Parses lowercase bases (one per letter) with the syllable's single tone.
    #[inline]
    fn parse(b: &[char], tone: Tone) -> Option<Analysis> {
        let n = b.len();
        if n == 0 || n > MAX_LETTERS {
            return None;
        }
        let at = |i: usize| b.get(i).copied().unwrap_or('\0');
        // Onset: longest match; `gi` only when a vowel follows (`gì` is g + i).
        let (mut onset, onset_len): (&'static str, usize) = match (b[0], at(1), at(2)) {
            ('n', 'g', 'h') => ("ngh", 3),
            ('n', 'g', _) => ("ng", 2),
            ('n', 'h', _) => ("nh", 2),
            ('c', 'h', _) => ("ch", 2),
            ('g', 'h', _) => ("gh", 2),
            ('g', 'i', v) if is_vowel(v) => ("gi", 2),
            ('k', 'h', _) => ("kh", 2),
            ('p', 'h', _) => ("ph", 2),
            ('t', 'h', _) => ("th", 2),
            ('t', 'r', _) => ("tr", 2),
            ('q', 'u', _) => ("qu", 2),
            ('b', ..) => ("b", 1),
            ('c', ..) => ("c", 1),
            ('d', ..) => ("d", 1),
            ('đ', ..) => ("đ", 1),
            ('g', ..) => ("g", 1),
            ('h', ..) => ("h", 1),
            ('k', ..) => ("k", 1),
            ('l', ..) => ("l", 1),
            ('m', ..) => ("m", 1),
            ('n', ..) => ("n", 1),
            ('p', ..) => ("p", 1),
            ('r', ..) => ("r", 1),
            ('s', ..) => ("s", 1),
            ('t', ..) => ("t", 1),
            ('v', ..) => ("v", 1),
            ('x', ..) => ("x", 1),
            (v, ..) if is_vowel(v) => ("", 0),
            _ => return None,
        };
        let mut p = onset_len;
        let mut glide = None;
        let mut free_glide = false;
        let vowels_start = p;
        if (b[0], at(1)) == ('q', 'u') {
            onset = "q";
            glide = Some('u');
            if !is_vowel(at(p)) {
                return None;
            }
        } else {
            match (at(p), at(p + 1)) {
                ('o', 'a' | 'ă' | 'e') => {
                    glide = Some('o');
                    free_glide = true;
                    p += 1;
                }
                ('u', 'â' | 'ê' | 'y' | 'ơ') => {
                    glide = Some('u');
                    free_glide = true;
                    p += 1;
                }
                _ => {}
            }
        }
        let at_end = |i: usize| i == n;
        // `ia ya ua ưa` end the syllable; before a coda they are two letters.
        let (nucleus, nucleus_len): (&'static str, usize) = match (at(p), at(p + 1)) {
            ('i', 'ê') => ("iê", 2),
            ('y', 'ê') => ("yê", 2),
            ('u', 'ô') => ("uô", 2),
            ('ư', 'ơ') => ("ươ", 2),
            ('o', 'o') => ("oo", 2),
            ('i', 'a') if at_end(p + 2) => ("ia", 2),
            ('y', 'a') if at_end(p + 2) => ("ya", 2),
            ('u', 'a') if at_end(p + 2) => ("ua", 2),
            ('ư', 'a') if at_end(p + 2) => ("ưa", 2),
            ('a', _) => ("a", 1),
            ('ă', _) => ("ă", 1),
            ('â', _) => ("â", 1),
            ('e', _) => ("e", 1),
            ('ê', _) => ("ê", 1),
            ('i', _) => ("i", 1),
            ('o', _) => ("o", 1),
            ('ô', _) => ("ô", 1),
            ('ơ', _) => ("ơ", 1),
            ('u', _) => ("u", 1),
            ('ư', _) => ("ư", 1),
            ('y', _) => ("y", 1),
            _ => return None,
        };
        let q = p + nucleus_len;
        // `k` is not a coda of the standard language but ends the highland place names
        // `Đắk`, `Lắk`, written with Vietnamese letters and tones; it behaves like `c`.
        let (coda, consonant_coda): (&'static str, bool) = match &b[q..] {
            [] => ("", false),
            ['c', 'h'] => ("ch", true),
            ['n', 'h'] => ("nh", true),
            ['n', 'g'] => ("ng", true),
            ['c'] => ("c", true),
            ['k'] => ("k", true),
            ['m'] => ("m", true),
            ['n'] => ("n", true),
            ['p'] => ("p", true),
            ['t'] => ("t", true),
            ['i'] => ("i", false),
            ['y'] => ("y", false),
            ['o'] => ("o", false),
            ['u'] => ("u", false),
            _ => return None,
        };

        // Spelling rules: which letters may follow which. The checks compare letters, not
        // strings: this runs once per word the tokenizer sees.
        let first_vowel = b[vowels_start];
        let front = matches!(first_vowel, 'i' | 'e' | 'ê' | 'y');
        let (o0, o1) = (at(0), at(1));
        let onset_ok = match onset_len {
            3 => matches!(first_vowel, 'i' | 'e' | 'ê'),
            2 if (o0, o1) == ('g', 'h') => matches!(first_vowel, 'i' | 'e' | 'ê'),
            2 if (o0, o1) == ('n', 'g') => !front,
            1 if o0 == 'c' => !front,
            1 if o0 == 'g' => !matches!(first_vowel, 'e' | 'ê' | 'y'),
            _ => true,
        };
        if !onset_ok {
            return None;
        }
        let nu = (at(p), if nucleus_len == 2 { at(p + 1) } else { '\0' });
        let coda_letters = (at(q), at(q + 1));
        let has_coda = q < n;
        if !has_coda && matches!(nu, ('ă' | 'â', '\0') | ('i' | 'y', 'ê') | ('u', 'ô') | ('ư', 'ơ')) {
            return None;
        }
        if nu == ('o', 'o') && !consonant_coda {
            return None;
        }
        if free_glide {
            let ok = match glide {
                Some('o') => matches!(nu, ('a' | 'ă' | 'e', '\0')),
                _ => matches!(nu, ('â' | 'ê' | 'y' | 'ơ', '\0') | ('y', 'ê' | 'a')),
            };
            if !ok {
                return None;
            }
        }
        if has_coda && !consonant_coda {
            let ok = match coda_letters.0 {
                'i' => matches!(nu, ('a' | 'o' | 'ô' | 'ơ' | 'u' | 'ư', '\0') | ('u', 'ô') | ('ư', 'ơ')),
                'y' => matches!(nu, ('a' | 'â', '\0')),
                'o' => matches!(nu, ('a' | 'e', '\0')),
                _ => matches!(nu, ('a' | 'â' | 'ê' | 'i' | 'ư' | 'y', '\0') | ('i' | 'y', 'ê') | ('ư', 'ơ')),
            };
            if !ok {
                return None;
            }
        }
        if coda_letters.1 == 'h' && !matches!(nu, ('a' | 'ê' | 'i' | 'y', '\0')) {
            return None;
        }
        let stop = matches!(coda_letters, ('c' | 'k' | 'p' | 't', '\0') | ('c', 'h'));
        if stop && !matches!(tone, Tone::Acute | Tone::Dot) {
            return None;
        }
        let vowels_end = if consonant_coda { q } else { n };
        Some(Analysis {
            syllable: Syllable { onset, glide, nucleus, coda, tone },
            vowels_start,
            vowels_end,
            consonant_coda,
            free_glide,
        })
    }

    /// The letter index that carries the tone mark in the given placement, or `None` for
    /// [`TonePlacement::Keep`].
    pub(crate) fn tone_index(&self, b: &[char], placement: TonePlacement) -> Option<usize> {
        let (start, end) = (self.vowels_start, self.vowels_end);
        if placement == TonePlacement::Keep || start >= end {
            return None;
        }
        if let Some(i) = (start..end).rev().find(|&i| has_quality_mark(b[i])) {
            return Some(i);
        }
        if self.consonant_coda {
            return Some(end - 1);
        }
        Some(match end - start {
            1 => start,
            2 if self.free_glide => match placement {
                TonePlacement::New => start + 1,
                _ => start,
            },
            2 => start,
            _ => start + 1,
        })
    }

    pub(crate) fn syllable(&self) -> Syllable {
        self.syllable
    }
}

/// Reads letters (precomposed or followed by combining marks) into `out`; returns how many,
/// or `None` when `s` holds anything else or more than [`MAX_LETTERS`] letters.
pub(crate) fn read_letters(s: &str, out: &mut [Letter; MAX_LETTERS]) -> Option<usize> {
    let mut n = 0;
    for c in s.chars() {
        if let Some(l) = chars::letter(c) {
            if n == MAX_LETTERS {
                return None;
            }
            out[n] = l;
            n += 1;
        } else if let Some(m) = chars::mark(c) {
            let last = n.checked_sub(1)?;
            out[last] = chars::apply_mark(out[last], m)?;
        } else {
            return None;
        }
    }
    Some(n)
}

/// Analyses letters already read; `None` if they are not one Vietnamese syllable.
pub(crate) fn analyze(letters: &[Letter]) -> Option<(Analysis, [char; MAX_LETTERS])> {
    let mut bases = ['\0'; MAX_LETTERS];
    let mut tone = Tone::Level;
    for (i, l) in letters.iter().enumerate() {
        bases[i] = l.base;
        if l.tone != Tone::Level {
            if tone != Tone::Level {
                return None;
            }
            tone = l.tone;
        }
    }
    let a = Analysis::parse(&bases[..letters.len()], tone)?;
    Some((a, bases))
}

impl Syllable {
    /// Parses one syllable, in any letter case, NFC or NFD, with the tone mark on any of
    /// its vowels. Returns `None` when `text` is not a single Vietnamese syllable.
    pub fn parse(text: &str) -> Option<Syllable> {
        let mut buf = [Letter { base: 'a', tone: Tone::Level, upper: false }; MAX_LETTERS];
        let n = read_letters(text, &mut buf)?;
        analyze(&buf[..n]).map(|(a, _)| a.syllable())
    }
}

/// True if `text` is one Vietnamese syllable (see [`Syllable::parse`]).
pub fn is_syllable(text: &str) -> bool {
    Syllable::parse(text).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(s: &str) -> (&'static str, Option<char>, &'static str, &'static str) {
        let p = Syllable::parse(s).unwrap_or_else(|| panic!("{s} should parse"));
        (p.onset, p.glide, p.nucleus, p.coda)
    }

    #[test]
    fn structures() {
        assert_eq!(parts("nghiêng"), ("ngh", None, "iê", "ng"));
        assert_eq!(parts("quốc"), ("q", Some('u'), "ô", "c"));
        assert_eq!(parts("hoà"), ("h", Some('o'), "a", ""));
        assert_eq!(parts("thuỷ"), ("th", Some('u'), "y", ""));
        assert_eq!(parts("gìn"), ("g", None, "i", "n"));
        assert_eq!(parts("giữ"), ("gi", None, "ư", ""));
        assert_eq!(parts("người"), ("ng", None, "ươ", "i"));
        assert_eq!(parts("khuya"), ("kh", Some('u'), "ya", ""));
        assert_eq!(parts("Đắk"), ("đ", None, "ă", "k"));
        assert_eq!(parts("yêu"), ("", None, "yê", "u"));
        assert_eq!(parts("ngoài"), ("ng", Some('o'), "a", "i"));
        assert_eq!(parts("MƯỜI"), ("m", None, "ươ", "i"));
    }

    #[test]
    fn foreign_words_are_not_syllables() {
        for w in [
            "GMT", "Facebook", "UBND", "ci", "ghu", "nge", "ăn", "hotel", "xyz", "online", "hátk", "bát",
            "iPhone",
        ] {
            let ok = w == "ăn" || w == "bát";
            assert_eq!(is_syllable(w), ok, "{w}");
        }
        // Stop codas take only the acute or dot tone.
        assert!(!is_syllable("bàt"));
        assert!(is_syllable("bạt"));
    }
}

/// A letter's 6-bit code in a packed syllable key: `a`–`z` are 1–26, then `ă â ê ô ơ ư đ`.
#[inline]
pub(crate) const fn letter_code(base: char) -> u64 {
    match base {
        'a'..='z' => (base as u32 - 'a' as u32 + 1) as u64,
        'ă' => 27,
        'â' => 28,
        'ê' => 29,
        'ô' => 30,
        'ơ' => 31,
        'ư' => 32,
        'đ' => 33,
        _ => 63,
    }
}

pub(crate) fn code_letter(code: u64) -> char {
    match code {
        1..=26 => char::from(b'a' + (code - 1) as u8),
        27 => 'ă',
        28 => 'â',
        29 => 'ê',
        30 => 'ô',
        31 => 'ơ',
        32 => 'ư',
        33 => 'đ',
        _ => '\0',
    }
}

/// Every toneless syllable the grammar accepts, for the tokenizer's per-word check.
///
/// A packed key (six bits a letter, first letter highest) is split into its onset, found
/// as the parser finds it, and its rhyme, looked up in a small table of the rhymes that
/// occur; a bit matrix says which onsets take which rhymes. Everything fits in a few KB,
/// so the check runs from the L1 cache without the parser's branches.
pub(crate) struct SyllableSet {
    /// The onset by the codes of the first two letters: `id | len << 5`, [`NO_ONSET`], or
    /// [`NEEDS_THIRD`] for `ng`/`gi`, whose reading depends on the third letter. A table
    /// instead of `onset_of`'s cascade of comparisons, which mispredicts on every word.
    onsets: Box<[[u8; 64]; 64]>,
    /// Rhyme keys by slot (0 = empty), open addressing. Fixed-size arrays and masked
    /// indices keep the look-up free of bounds checks.
    rhyme_keys: Box<[u32; RHYME_SLOTS]>,
    /// The rhyme's index for each slot.
    rhyme_ids: Box<[u16; RHYME_SLOTS]>,
    /// `compatible[onset][rhyme / 64]` bit `rhyme % 64`.
    compatible: Box<[[u64; RHYME_WORDS]; ONSET_SLOTS]>,
}

const NO_ONSET: u8 = 0xFF;
const NEEDS_THIRD: u8 = 0xFE;
const RHYME_BITS: u32 = 10;
const RHYME_SLOTS: usize = 1 << RHYME_BITS;
/// The onsets, rounded up to a power of two for masking.
const ONSET_SLOTS: usize = 32;
const RHYME_WORDS: usize = 8;
const ONSET_COUNT: usize = 28;

impl core::fmt::Debug for SyllableSet {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("SyllableSet")
    }
}

const fn code(c: char) -> u64 {
    letter_code(c)
}

/// Which 6-bit letter codes are vowels.
static VOWEL_CODE: [bool; 64] = {
    let mut t = [false; 64];
    let vowels = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
    let mut i = 0;
    while i < vowels.len() {
        t[letter_code(vowels[i]) as usize] = true;
        i += 1;
    }
    t
};

/// The onset of a packed key of `n` letters as the parser reads it: its index (0 = none)
/// and length in letters; `None` if the first letter cannot start a syllable. Works on
/// the letter codes, without turning them back into chars.
#[inline]
fn onset_of(key: u64, n: usize) -> Option<(usize, usize)> {
    let at = |i: usize| if i < n { (key >> (6 * (n - 1 - i))) & 63 } else { 0 };
    const B: u64 = code('b');
    const C: u64 = code('c');
    const D: u64 = code('d');
    const DD: u64 = code('đ');
    const G: u64 = code('g');
    const H: u64 = code('h');
    const I: u64 = code('i');
    const K: u64 = code('k');
    const L: u64 = code('l');
    const M: u64 = code('m');
    const N: u64 = code('n');
    const P: u64 = code('p');
    const Q: u64 = code('q');
    const R: u64 = code('r');
    const S: u64 = code('s');
    const T: u64 = code('t');
    const U: u64 = code('u');
    const V: u64 = code('v');
    const X: u64 = code('x');
    let (c0, c1, c2) = (at(0), at(1), at(2));
    Some(match (c0, c1, c2) {
        (N, G, H) => (1, 3),
        (N, G, _) => (2, 2),
        (N, H, _) => (3, 2),
        (C, H, _) => (4, 2),
        (G, H, _) => (5, 2),
        (G, I, v) if VOWEL_CODE[v as usize] => (6, 2),
        (K, H, _) => (7, 2),
        (P, H, _) => (8, 2),
        (T, H, _) => (9, 2),
        (T, R, _) => (10, 2),
        (Q, U, _) => (11, 2),
        (B, ..) => (12, 1),
        (C, ..) => (13, 1),
        (D, ..) => (14, 1),
        (DD, ..) => (15, 1),
        (G, ..) => (16, 1),
        (H, ..) => (17, 1),
        (K, ..) => (18, 1),
        (L, ..) => (19, 1),
        (M, ..) => (20, 1),
        (N, ..) => (21, 1),
        (P, ..) => (22, 1),
        (R, ..) => (23, 1),
        (S, ..) => (24, 1),
        (T, ..) => (25, 1),
        (V, ..) => (26, 1),
        (X, ..) => (27, 1),
        (v, ..) if VOWEL_CODE[v as usize] => (0, 0),
        _ => return None,
    })
}

impl SyllableSet {
    fn slot(rhyme: u32) -> usize {
        (rhyme.wrapping_mul(0x9E37_79B1) >> (32 - RHYME_BITS)) as usize
    }

    fn build() -> SyllableSet {
        const ONSETS: [&str; ONSET_COUNT] = [
            "", "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr", "qu", "b", "c", "d", "đ", "g",
            "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
        ];
        const GLIDES: [&str; 3] = ["", "o", "u"];
        const NUCLEI: [&str; 21] = [
            "iê", "yê", "ia", "ya", "uô", "ua", "ươ", "ưa", "oo", "a", "ă", "â", "e", "ê", "i", "o", "ô",
            "ơ", "u", "ư", "y",
        ];
        const CODAS: [&str; 15] =
            ["", "ch", "nh", "ng", "c", "k", "m", "n", "p", "t", "i", "y", "o", "u", "a"];
        let mut set = SyllableSet {
            onsets: Box::new([[NO_ONSET; 64]; 64]),
            rhyme_keys: Box::new([0u32; RHYME_SLOTS]),
            rhyme_ids: Box::new([0u16; RHYME_SLOTS]),
            compatible: Box::new([[0u64; RHYME_WORDS]; ONSET_SLOTS]),
        };
        for c0 in 0..64u64 {
            for c1 in 0..64u64 {
                // Two letters read as a whole syllable's start; `ng` and `gi` depend on
                // the third (`ngh`; `gi` + vowel).
                let two = (c0 << 6) | c1;
                let with_consonant = onset_of((two << 6) | code('b'), 3);
                let with_vowel = onset_of((two << 6) | code('a'), 3);
                let with_h = onset_of((two << 6) | code('h'), 3);
                set.onsets[c0 as usize][c1 as usize] = match (with_consonant, with_vowel, with_h) {
                    (a, b, c) if a == b && b == c => a.map_or(NO_ONSET, |(id, len)| (id | len << 5) as u8),
                    _ => NEEDS_THIRD,
                };
            }
        }
        let mut rhymes = 0usize;
        let mut bases = ['\0'; MAX_LETTERS];
        for onset in ONSETS {
            for glide in GLIDES {
                for nucleus in NUCLEI {
                    for coda in CODAS {
                        let mut n = 0;
                        for c in onset.chars().chain(glide.chars()).chain(nucleus.chars()).chain(coda.chars())
                        {
                            if n < MAX_LETTERS {
                                bases[n] = c;
                            }
                            n += 1;
                        }
                        if n > MAX_LETTERS || Analysis::parse(&bases[..n], Tone::Acute).is_none() {
                            continue;
                        }
                        let key = bases[..n].iter().fold(0u64, |k, &c| (k << 6) | letter_code(c));
                        let Some((onset_id, onset_len)) = onset_of(key, n) else { continue };
                        let rhyme = (key & ((1u64 << (6 * (n - onset_len))) - 1)) as u32;
                        let mut i = SyllableSet::slot(rhyme);
                        while set.rhyme_keys[i] != 0 && set.rhyme_keys[i] != rhyme {
                            i = (i + 1) & ((1 << RHYME_BITS) - 1);
                        }
                        if set.rhyme_keys[i] == 0 {
                            set.rhyme_keys[i] = rhyme;
                            set.rhyme_ids[i] = rhymes as u16;
                            rhymes += 1;
                            assert!(rhymes <= RHYME_WORDS * 64, "more rhymes than the bit matrix holds");
                        }
                        let id = usize::from(set.rhyme_ids[i]);
                        set.compatible[onset_id][id / 64] |= 1 << (id % 64);
                    }
                }
            }
        }
        set
    }

    pub(crate) fn get() -> &'static SyllableSet {
        static SET: std::sync::OnceLock<SyllableSet> = std::sync::OnceLock::new();
        SET.get_or_init(SyllableSet::build)
    }

    /// The onset of a packed key of `n` letters, as [`onset_of`] reads it.
    #[inline]
    fn onset(&self, key: u64, n: usize) -> Option<(usize, usize)> {
        if n < 3 {
            return onset_of(key, n);
        }
        let shift = 6 * (n - 2);
        let (c0, c1) = (((key >> shift) >> 6) & 63, (key >> shift) & 63);
        match self.onsets[c0 as usize][c1 as usize] {
            NO_ONSET => None,
            NEEDS_THIRD => onset_of(key, n),
            v => Some((usize::from(v & 31), usize::from(v >> 5))),
        }
    }

    /// True if the packed toneless key of `n` letters (1 to [`MAX_LETTERS`]) is a
    /// syllable and `tone` fits its coda (a stop coda `c ch k p t` takes only the acute
    /// or dot tone).
    #[inline]
    pub(crate) fn contains(&self, key: u64, n: usize, tone: Tone) -> bool {
        const C: u64 = code('c');
        const K: u64 = code('k');
        const P: u64 = code('p');
        const T: u64 = code('t');
        const H: u64 = code('h');
        let last = key & 63;
        let stop = matches!(last, C | K | P | T) || (last == H && (key >> 6) & 63 == C);
        if stop && !matches!(tone, Tone::Acute | Tone::Dot) {
            return false;
        }
        let Some((onset, onset_len)) = self.onset(key, n) else { return false };
        if onset_len >= n {
            return false;
        }
        let rhyme = (key & ((1u64 << (6 * (n - onset_len))) - 1)) as u32;
        let mut i = SyllableSet::slot(rhyme) & (RHYME_SLOTS - 1);
        loop {
            match self.rhyme_keys[i] {
                0 => return false,
                k if k == rhyme => {
                    let id = usize::from(self.rhyme_ids[i]) & (RHYME_WORDS * 64 - 1);
                    return self.compatible[onset & (ONSET_SLOTS - 1)][id / 64] & (1 << (id % 64)) != 0;
                }
                _ => i = (i + 1) & (RHYME_SLOTS - 1),
            }
        }
    }

    #[cfg(test)]
    fn rhymes(&self) -> usize {
        self.rhyme_keys.iter().filter(|&&k| k != 0).count()
    }
}

#[cfg(test)]
mod set_tests {
    use super::*;

    #[test]
    fn set_agrees_with_the_parser() {
        let set = SyllableSet::get();
        assert!(set.rhymes() > 100 && set.rhymes() < (1 << RHYME_BITS) / 2, "{}", set.rhymes());
        // The onset table reads every start of three letters as the cascade does.
        for key in 0..(1u64 << 18) {
            assert_eq!(set.onset(key, 3), onset_of(key, 3), "{key:o}");
        }
        let words = "người nghiêng quốc phòng ủy ban nhân dân tỉnh đắk nông khuya giặc gìn oanh thuở \
                     huơ xoong hoạch khuỷu ngoằn ngoèo facebook gmt ubnd ci ghu nge hotel bàt bát ăn ka \
                     gịa quá giá yêu uyên tuần quân hoà hòa thuý thúy kon krông lắk";
        for w in words.split(' ') {
            let mut buf = [Letter { base: 'a', tone: Tone::Level, upper: false }; MAX_LETTERS];
            let n = read_letters(w, &mut buf).unwrap();
            let tone = buf[..n].iter().map(|l| l.tone).find(|&t| t != Tone::Level).unwrap_or_default();
            let key = buf[..n].iter().fold(0u64, |k, l| (k << 6) | letter_code(l.base));
            assert_eq!(set.contains(key, n, tone), is_syllable(w), "{w}");
        }
    }
}
