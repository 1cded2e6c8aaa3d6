//! The Vietnamese syllable: onset, glide, nucleus, coda and tone.
//!
//! Vietnamese is written one syllable at a time, and its syllables follow a small, closed
//! grammar. Parsing against that grammar tells a Vietnamese syllable (`Nông`, `nghiêng`,
//! `quốc`) from a foreign word or acronym (`GMT`, `Facebook`, `UBND`), and it says where
//! the tone mark belongs, which is what tone-placement normalization needs.
//!
//! ```
//! use vntext::syllable::{Syllable, Tone};
//!
//! let s = Syllable::parse("Quốc").unwrap();
//! assert_eq!((s.onset, s.glide, s.nucleus, s.coda, s.tone), ("q", Some('u'), "ô", "c", Tone::Acute));
//! assert!(Syllable::parse("Facebook").is_none());
//! assert!(vntext::is_syllable("nghiêng"));
//! ```

use std::collections::HashMap;

pub use crate::chars::Tone;
use crate::chars::{self, Letter};

/// Longest syllable in letters (`nghiêng` has 7); longer letter runs are never syllables.
pub(crate) const MAX_LETTERS: usize = 8;

/// A parsed Vietnamese syllable. All parts are lowercase and without tone marks.
///
/// Get one with [`Syllable::parse`]. The parts, read in order, spell the syllable without its
/// tone (`qu` is written as the onset `q` and the glide `u`).
///
/// ```
/// use vntext::{Syllable, Tone};
///
/// let s = Syllable::parse("Người").unwrap();
/// assert_eq!((s.onset, s.glide, s.nucleus, s.coda), ("ng", None, "ươ", "i"));
/// assert_eq!(s.tone, Tone::Grave);
///
/// let s = Syllable::parse("hoà").unwrap();
/// assert_eq!((s.onset, s.glide, s.nucleus, s.coda, s.tone), ("h", Some('o'), "a", "", Tone::Grave));
/// ```
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
///
/// ```
/// use vntext::{Normalizer, TonePlacement};
///
/// let old = Normalizer::builder().tone(TonePlacement::Old).build();
/// let new = Normalizer::builder().tone(TonePlacement::New).build();
/// let keep = Normalizer::builder().tone(TonePlacement::Keep).build();
/// assert_eq!(old.normalize("hoà thuỷ"), "hòa thủy");
/// assert_eq!(new.normalize("hòa thủy"), "hoà thuỷ");
/// assert_eq!(keep.normalize("hoà thủy"), "hoà thủy");
/// // Only `oa`, `oe`, `uy` have a choice: `quốc` stays `quốc` in every style.
/// assert_eq!(new.normalize("quốc"), "quốc");
/// assert_eq!(TonePlacement::default(), TonePlacement::Old);
/// ```
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
    ///
    /// ```
    /// use vntext::{Syllable, Tone};
    ///
    /// let s = Syllable::parse("nghiêng").unwrap();
    /// assert_eq!((s.onset, s.nucleus, s.coda, s.tone), ("ngh", "iê", "ng", Tone::Level));
    /// // NFD input, upper case, either tone placement: the same syllable.
    /// assert_eq!(Syllable::parse("THU\u{309}Y"), Syllable::parse("thủy"));
    /// assert_eq!(Syllable::parse("thuỷ"), Syllable::parse("thủy"));
    /// // Foreign words, acronyms, two syllables and impossible tones are not syllables.
    /// assert_eq!(Syllable::parse("UBND"), None);
    /// assert_eq!(Syllable::parse("quốc phòng"), None);
    /// assert_eq!(Syllable::parse("bàt"), None); // a stop coda takes only the acute or dot tone
    /// ```
    pub fn parse(text: &str) -> Option<Syllable> {
        let mut buf = [Letter { base: 'a', tone: Tone::Level, upper: false }; MAX_LETTERS];
        let n = read_letters(text, &mut buf)?;
        analyze(&buf[..n]).map(|(a, _)| a.syllable())
    }
}

/// True if `text` is one Vietnamese syllable (see [`Syllable::parse`]).
///
/// ```
/// assert!(vntext::is_syllable("Đắk"));
/// assert!(vntext::is_syllable("khuya"));
/// assert!(!vntext::is_syllable("Facebook"));
/// assert!(!vntext::is_syllable(""));
/// ```
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
/// A minimal deterministic automaton over the 6-bit letter codes of [`letter_code`]: the
/// tokenizer steps it once per letter as it reads a word, so that when the word ends its
/// state already says whether the word is a syllable, without a look-up afterwards. The
/// syllables share their rhymes, so the automaton has a few dozen states (33) and its table
/// fits in a few KB of L1 cache.
pub(crate) struct SyllableSet {
    /// `next[state][code]`: the state after one more letter; [`DEAD`] once no syllable
    /// starts with the letters read. A fixed size indexed by a `u8` state and a masked code
    /// needs no bounds checks.
    next: Box<[[u8; 64]; 256]>,
    /// `tones[state]`: bit `t` is set when the letters read are a syllable that takes tone
    /// `t` (a stop coda `c ch k p t` takes only the acute and dot tones); 0 otherwise.
    tones: [u8; 256],
    /// The state before any letter.
    start: u8,
}

/// The state that no letter leaves and no syllable reaches.
const DEAD: u8 = 0;

/// The automaton's states by their tones and (letter code, next state) pairs.
type StateIds = HashMap<(u8, Vec<(u8, u8)>), u8>;

/// A node of the trie [`SyllableSet::build`] folds into the automaton.
#[derive(Default)]
struct TrieNode {
    /// (letter code, child node).
    children: Vec<(u8, usize)>,
    /// The tones the spelling up to here takes as a syllable (0: not a syllable).
    tones: u8,
}

impl core::fmt::Debug for SyllableSet {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("SyllableSet")
    }
}

const fn code(c: char) -> u64 {
    letter_code(c)
}

/// The tones a syllable with these last two letter codes takes: a stop coda (`c ch k p t`)
/// only the acute and dot tones, anything else all six.
fn tone_mask(last: u64, before: u64) -> u8 {
    let stop = matches!(last, L_C | L_K | L_P | L_T) || (last == L_H && before == L_C);
    // All six tones: `Tone` numbers them 0 to 5.
    if stop { (1 << Tone::Acute as u8) | (1 << Tone::Dot as u8) } else { 0b11_1111 }
}

const L_C: u64 = code('c');
const L_H: u64 = code('h');
const L_K: u64 = code('k');
const L_P: u64 = code('p');
const L_T: u64 = code('t');

impl SyllableSet {
    fn build() -> SyllableSet {
        const ONSETS: [&str; 28] = [
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
        // A trie of every spelling the parser accepts (node 0 is the root)...
        let mut trie: Vec<TrieNode> = vec![TrieNode::default()];
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
                        let mut node = 0;
                        for &c in &bases[..n] {
                            let code = letter_code(c) as u8;
                            node = match trie[node].children.iter().find(|&&(k, _)| k == code) {
                                Some(&(_, child)) => child,
                                None => {
                                    trie.push(TrieNode::default());
                                    let child = trie.len() - 1;
                                    trie[node].children.push((code, child));
                                    child
                                }
                            };
                        }
                        let before = if n >= 2 { letter_code(bases[n - 2]) } else { 0 };
                        trie[node].tones = tone_mask(letter_code(bases[n - 1]), before);
                    }
                }
            }
        }
        // ...folded into the minimal automaton: nodes with the same tones and the same
        // successors are one state.
        let mut set = SyllableSet { next: Box::new([[DEAD; 64]; 256]), tones: [0; 256], start: DEAD };
        let mut ids = std::collections::HashMap::new();
        ids.insert((0, Vec::new()), DEAD);
        set.start = set.fold(&trie, 0, &mut ids);
        set
    }

    /// The state of trie node `node`, numbering new states as they are met. States are
    /// told apart by their tones and their (code, next state) pairs in code order.
    fn fold(&mut self, trie: &[TrieNode], node: usize, ids: &mut StateIds) -> u8 {
        let mut edges: Vec<(u8, u8)> =
            trie[node].children.iter().map(|&(code, child)| (code, self.fold(trie, child, ids))).collect();
        edges.sort_unstable();
        let tones = trie[node].tones;
        let fresh = ids.len();
        let (next, all_tones) = (&mut self.next, &mut self.tones);
        *ids.entry((tones, edges)).or_insert_with_key(|(_, edges)| {
            assert!(fresh < 256, "more automaton states than a u8 holds");
            for &(code, state) in edges {
                next[fresh][usize::from(code)] = state;
            }
            all_tones[fresh] = tones;
            fresh as u8
        })
    }

    pub(crate) fn get() -> &'static SyllableSet {
        static SET: std::sync::OnceLock<SyllableSet> = std::sync::OnceLock::new();
        SET.get_or_init(SyllableSet::build)
    }

    /// The state before any letter.
    #[inline]
    pub(crate) fn start(&self) -> u8 {
        self.start
    }

    /// The state after the letter with code `code` (see [`letter_code`]).
    #[inline]
    pub(crate) fn step(&self, state: u8, code: u64) -> u8 {
        self.next[usize::from(state)][(code & 63) as usize]
    }

    /// True if the letters that led to `state` are a syllable that takes the tone numbered
    /// `tone` (`Tone as u8`; 6 and 7 are never taken).
    #[inline]
    pub(crate) fn accepts(&self, state: u8, tone: u16) -> bool {
        u16::from(self.tones[usize::from(state)]) & (1 << (tone & 7)) != 0
    }

    /// True if the packed toneless key of `n` letters (first letter highest) is a syllable
    /// and `tone` fits its coda.
    #[inline]
    pub(crate) fn contains(&self, key: u64, n: usize, tone: Tone) -> bool {
        if n > MAX_LETTERS {
            return false;
        }
        let state = (0..n).rev().fold(self.start, |s, i| self.step(s, key >> (6 * i)));
        self.accepts(state, tone as u16)
    }
}

#[cfg(test)]
mod set_tests {
    use super::*;

    const TONES: [Tone; 6] = [Tone::Level, Tone::Grave, Tone::Acute, Tone::Tilde, Tone::Hook, Tone::Dot];

    /// The letters of the alphabet by code, `None` for unused codes.
    fn base(code: u64) -> Option<char> {
        let c = code_letter(code);
        (c != '\0').then_some(c)
    }

    fn parser_accepts(codes: &[u64], tone: Tone) -> bool {
        let bases: Vec<char> = codes.iter().map(|&c| code_letter(c)).collect();
        Analysis::parse(&bases, tone).is_some()
    }

    fn key(codes: &[u64]) -> u64 {
        codes.iter().fold(0, |k, &c| (k << 6) | c)
    }

    /// Every spelling the automaton accepts, with the tones it takes.
    fn accepted(set: &SyllableSet) -> Vec<(Vec<u64>, u8)> {
        fn walk(set: &SyllableSet, state: u8, codes: &mut Vec<u64>, out: &mut Vec<(Vec<u64>, u8)>) {
            if set.tones[usize::from(state)] != 0 {
                out.push((codes.clone(), set.tones[usize::from(state)]));
            }
            for code in 1..64 {
                let next = set.step(state, code);
                if next != DEAD {
                    assert!(codes.len() < MAX_LETTERS, "the automaton has a path longer than a syllable");
                    codes.push(code);
                    walk(set, next, codes, out);
                    codes.pop();
                }
            }
        }
        let mut out = Vec::new();
        walk(set, set.start(), &mut Vec::new(), &mut out);
        out
    }

    #[test]
    fn set_agrees_with_the_parser() {
        let set = SyllableSet::get();
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

    #[test]
    fn automaton_agrees_with_the_parser_on_every_short_spelling() {
        let set = SyllableSet::get();
        let codes: Vec<u64> = (1..64).filter(|&c| base(c).is_some()).collect();
        let mut word = Vec::new();
        // Every spelling of up to four letters, with every tone.
        fn all(set: &SyllableSet, codes: &[u64], word: &mut Vec<u64>, left: usize) {
            for tone in TONES {
                if !word.is_empty() {
                    let ok = parser_accepts(word, tone);
                    assert_eq!(set.contains(key(word), word.len(), tone), ok, "{word:?} {tone:?}");
                }
            }
            if left > 0 {
                for &c in codes {
                    word.push(c);
                    all(set, codes, word, left - 1);
                    word.pop();
                }
            }
        }
        all(set, &codes, &mut word, 4);
    }

    #[test]
    fn automaton_accepts_exactly_the_syllables() {
        let set = SyllableSet::get();
        let accepted = accepted(set);
        // Each accepted spelling parses, with exactly the tones the automaton gives it...
        for (word, tones) in &accepted {
            for tone in TONES {
                assert_eq!(tones & (1 << tone as u8) != 0, parser_accepts(word, tone), "{word:?} {tone:?}");
            }
        }
        // ...and every spelling one letter away from one (changed, added or dropped) is
        // accepted exactly when it parses.
        let codes: Vec<u64> = (1..64).filter(|&c| base(c).is_some()).collect();
        for (word, _) in accepted.iter().filter(|(w, _)| w.len() >= 3) {
            let mut near = Vec::new();
            for i in 0..=word.len() {
                for &c in &codes {
                    let mut w = word.clone();
                    if i < word.len() {
                        w[i] = c;
                        near.push(w.clone());
                        w = word.clone();
                    }
                    w.insert(i, c);
                    near.push(w);
                }
                if i < word.len() {
                    let mut w = word.clone();
                    w.remove(i);
                    near.push(w);
                }
            }
            for w in near.iter().filter(|w| !w.is_empty() && w.len() <= MAX_LETTERS) {
                for tone in [Tone::Level, Tone::Acute] {
                    assert_eq!(
                        set.contains(key(w), w.len(), tone),
                        parser_accepts(w, tone),
                        "{w:?} {tone:?}"
                    );
                }
            }
        }
        // The grammar's toneless syllables.
        assert!(accepted.len() > 5000, "{}", accepted.len());
        assert!(!set.contains(key(&[code('a'); 9]), 9, Tone::Level));
    }
}
