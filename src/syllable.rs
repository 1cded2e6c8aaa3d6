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

const ONSETS: [&str; 27] = [
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr", "qu", "b", "c", "d", "đ", "g", "h", "k",
    "l", "m", "n", "p", "r", "s", "t", "v", "x",
];
const NUCLEI: [&str; 21] = [
    "iê", "yê", "ia", "ya", "uô", "ua", "ươ", "ưa", "oo", "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u",
    "ư", "y",
];
// `k` is not a coda of the standard language but ends the highland place names `Đắk`,
// `Lắk`, written with Vietnamese letters and tones; it behaves like `c`.
const CONSONANT_CODAS: [&str; 9] = ["ch", "nh", "ng", "c", "k", "m", "n", "p", "t"];
const SEMIVOWEL_CODAS: [&str; 4] = ["i", "y", "o", "u"];

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

fn starts_with(letters: &[char], pat: &str) -> bool {
    let mut i = 0;
    for p in pat.chars() {
        if letters.get(i) != Some(&p) {
            return false;
        }
        i += 1;
    }
    true
}

fn pat_len(pat: &str) -> usize {
    pat.chars().count()
}

fn is_vowel(c: char) -> bool {
    chars::vowel_row(c).is_some()
}

fn has_quality_mark(c: char) -> bool {
    matches!(c, 'ă' | 'â' | 'ê' | 'ô' | 'ơ' | 'ư')
}

impl Analysis {
    /// Parses lowercase bases (one per letter) with the syllable's single tone.
    fn parse(b: &[char], tone: Tone) -> Option<Analysis> {
        let n = b.len();
        if n == 0 || n > MAX_LETTERS {
            return None;
        }
        // Onset: longest match; `gi` only when a vowel follows (`gì` is g + i).
        let mut onset = "";
        for o in ONSETS {
            if starts_with(b, o) {
                if o == "gi" && !b.get(2).copied().is_some_and(is_vowel) {
                    continue;
                }
                onset = o;
                break;
            }
        }
        let mut p = pat_len(onset);
        let mut glide = None;
        let mut free_glide = false;
        let vowels_start;
        if onset == "qu" {
            onset = "q";
            glide = Some('u');
            vowels_start = p;
            if !b.get(p).copied().is_some_and(is_vowel) {
                return None;
            }
        } else {
            vowels_start = p;
            let next = b.get(p + 1).copied();
            match (b.get(p).copied(), next) {
                (Some('o'), Some('a' | 'ă' | 'e')) => {
                    glide = Some('o');
                    free_glide = true;
                    p += 1;
                }
                (Some('u'), Some('â' | 'ê' | 'y' | 'ơ')) => {
                    glide = Some('u');
                    free_glide = true;
                    p += 1;
                }
                _ => {}
            }
        }
        let rest = &b[p..];
        let nucleus = NUCLEI.iter().copied().find(|nu| {
            starts_with(rest, nu) && {
                let len = pat_len(nu);
                // `ia ya ua ưa` end the syllable; before a coda they are two letters.
                !matches!(*nu, "ia" | "ya" | "ua" | "ưa") || rest.len() == len
            }
        })?;
        let q = p + pat_len(nucleus);
        let tail = &b[q..];
        let (coda, consonant_coda) = if tail.is_empty() {
            ("", false)
        } else if let Some(c) =
            CONSONANT_CODAS.iter().copied().find(|c| tail.len() == pat_len(c) && starts_with(tail, c))
        {
            (c, true)
        } else if let Some(c) =
            SEMIVOWEL_CODAS.iter().copied().find(|c| tail.len() == 1 && starts_with(tail, c))
        {
            (c, false)
        } else {
            return None;
        };

        // Spelling rules: which letters may follow which.
        let first_vowel = b[vowels_start];
        let front = matches!(first_vowel, 'i' | 'e' | 'ê' | 'y');
        match onset {
            "gh" | "ngh" if !matches!(first_vowel, 'i' | 'e' | 'ê') => return None,
            "c" | "ng" if front => return None,
            "g" if matches!(first_vowel, 'e' | 'ê' | 'y') => return None,
            _ => {}
        }
        if matches!(nucleus, "ă" | "â" | "iê" | "yê" | "uô" | "ươ") && coda.is_empty() {
            return None;
        }
        if nucleus == "oo" && !consonant_coda {
            return None;
        }
        if free_glide {
            let ok = match glide {
                Some('o') => matches!(nucleus, "a" | "ă" | "e"),
                _ => matches!(nucleus, "â" | "ê" | "y" | "ơ" | "yê" | "ya"),
            };
            if !ok {
                return None;
            }
        }
        if !consonant_coda && !coda.is_empty() {
            let ok = match coda {
                "i" => matches!(nucleus, "a" | "o" | "ô" | "ơ" | "u" | "ư" | "uô" | "ươ"),
                "y" => matches!(nucleus, "a" | "â"),
                "o" => matches!(nucleus, "a" | "e"),
                _ => matches!(nucleus, "a" | "â" | "ê" | "i" | "ư" | "iê" | "yê" | "ươ" | "y"),
            };
            if !ok {
                return None;
            }
        }
        if matches!(coda, "ch" | "nh") && !matches!(nucleus, "a" | "ê" | "i" | "y") {
            return None;
        }
        if matches!(coda, "c" | "ch" | "k" | "p" | "t") && !matches!(tone, Tone::Acute | Tone::Dot) {
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
