//! Character knowledge for Vietnamese: the 12 vowel letters with their 6 tones, `đ`,
//! combining marks, look-alikes and the character classes the scanners use.
//!
//! Everything here works on `char`s and small tables; nothing allocates.

/// One of the six Vietnamese tones, as written by a tone mark.
///
/// `Level` (thanh ngang) has no mark.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Tone {
    /// No mark (thanh ngang): `a`.
    #[default]
    Level = 0,
    /// Grave (thanh huyền): `à`.
    Grave = 1,
    /// Acute (thanh sắc): `á`.
    Acute = 2,
    /// Tilde (thanh ngã): `ã`.
    Tilde = 3,
    /// Hook above (thanh hỏi): `ả`.
    Hook = 4,
    /// Dot below (thanh nặng): `ạ`.
    Dot = 5,
}

impl Tone {
    const ALL: [Tone; 6] = [Tone::Level, Tone::Grave, Tone::Acute, Tone::Tilde, Tone::Hook, Tone::Dot];

    fn from_index(i: u8) -> Tone {
        Tone::ALL[usize::from(i).min(5)]
    }

    /// The combining character that writes this tone, or `None` for [`Tone::Level`].
    pub fn combining_mark(self) -> Option<char> {
        match self {
            Tone::Level => None,
            Tone::Grave => Some('\u{300}'),
            Tone::Acute => Some('\u{301}'),
            Tone::Tilde => Some('\u{303}'),
            Tone::Hook => Some('\u{309}'),
            Tone::Dot => Some('\u{323}'),
        }
    }
}

/// The vowel bases in table order: `a ă â e ê i o ô ơ u ư y`.
pub(crate) const VOWEL_BASES: [char; 12] = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];

#[rustfmt::skip]
static VOWEL_TABLE: [[char; 12]; 12] = [
    ['a', 'A', 'à', 'À', 'á', 'Á', 'ã', 'Ã', 'ả', 'Ả', 'ạ', 'Ạ'],
    ['ă', 'Ă', 'ằ', 'Ằ', 'ắ', 'Ắ', 'ẵ', 'Ẵ', 'ẳ', 'Ẳ', 'ặ', 'Ặ'],
    ['â', 'Â', 'ầ', 'Ầ', 'ấ', 'Ấ', 'ẫ', 'Ẫ', 'ẩ', 'Ẩ', 'ậ', 'Ậ'],
    ['e', 'E', 'è', 'È', 'é', 'É', 'ẽ', 'Ẽ', 'ẻ', 'Ẻ', 'ẹ', 'Ẹ'],
    ['ê', 'Ê', 'ề', 'Ề', 'ế', 'Ế', 'ễ', 'Ễ', 'ể', 'Ể', 'ệ', 'Ệ'],
    ['i', 'I', 'ì', 'Ì', 'í', 'Í', 'ĩ', 'Ĩ', 'ỉ', 'Ỉ', 'ị', 'Ị'],
    ['o', 'O', 'ò', 'Ò', 'ó', 'Ó', 'õ', 'Õ', 'ỏ', 'Ỏ', 'ọ', 'Ọ'],
    ['ô', 'Ô', 'ồ', 'Ồ', 'ố', 'Ố', 'ỗ', 'Ỗ', 'ổ', 'Ổ', 'ộ', 'Ộ'],
    ['ơ', 'Ơ', 'ờ', 'Ờ', 'ớ', 'Ớ', 'ỡ', 'Ỡ', 'ở', 'Ở', 'ợ', 'Ợ'],
    ['u', 'U', 'ù', 'Ù', 'ú', 'Ú', 'ũ', 'Ũ', 'ủ', 'Ủ', 'ụ', 'Ụ'],
    ['ư', 'Ư', 'ừ', 'Ừ', 'ứ', 'Ứ', 'ữ', 'Ữ', 'ử', 'Ử', 'ự', 'Ự'],
    ['y', 'Y', 'ỳ', 'Ỳ', 'ý', 'Ý', 'ỹ', 'Ỹ', 'ỷ', 'Ỷ', 'ỵ', 'Ỵ'],
];

/// A letter of the Vietnamese alphabet taken apart: its lowercase base (with the quality
/// mark of `ă â ê ô ơ ư đ`, without tone), its tone and its case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Letter {
    pub base: char,
    pub tone: Tone,
    pub upper: bool,
}

impl Letter {
    pub(crate) fn compose(self) -> char {
        compose(self.base, self.tone, self.upper)
    }

    pub(crate) fn is_vowel(self) -> bool {
        vowel_row(self.base).is_some()
    }
}

/// The table row of a lowercase vowel base, or `None` for a consonant.
pub(crate) fn vowel_row(base: char) -> Option<usize> {
    Some(match base {
        'a' => 0,
        'ă' => 1,
        'â' => 2,
        'e' => 3,
        'ê' => 4,
        'i' => 5,
        'o' => 6,
        'ô' => 7,
        'ơ' => 8,
        'u' => 9,
        'ư' => 10,
        'y' => 11,
        _ => return None,
    })
}

/// Writes a base letter with a tone and case as one precomposed (NFC) character.
///
/// A tone on a consonant cannot be written precomposed; the tone is dropped there, which
/// the callers never ask for.
pub(crate) fn compose(base: char, tone: Tone, upper: bool) -> char {
    if let Some(row) = vowel_row(base) {
        return VOWEL_TABLE[row][tone as usize * 2 + usize::from(upper)];
    }
    match (base, upper) {
        ('đ', true) => 'Đ',
        (c, true) => c.to_ascii_uppercase(),
        (c, false) => c,
    }
}

/// Takes a precomposed letter apart. Look-alikes of `Đ`/`đ` (U+00D0 `Ð`, U+0189 `Ɖ`,
/// U+00F0 `ð`, U+0256 `ɖ`) are read as `Đ`/`đ`. Returns `None` for anything that is not a
/// letter of the Vietnamese alphabet or a plain ASCII letter.
pub(crate) fn letter(c: char) -> Option<Letter> {
    if c.is_ascii_alphabetic() {
        return Some(Letter {
            base: c.to_ascii_lowercase(),
            tone: Tone::Level,
            upper: c.is_ascii_uppercase(),
        });
    }
    if c.is_ascii() {
        return None;
    }
    let (row, tone, upper): (usize, u8, bool) = match c {
        'đ' | 'ð' | 'ɖ' => {
            return Some(Letter { base: 'đ', tone: Tone::Level, upper: false });
        }
        'Đ' | 'Ð' | 'Ɖ' => {
            return Some(Letter { base: 'đ', tone: Tone::Level, upper: true });
        }
        'à' => (0, 1, false),
        'À' => (0, 1, true),
        'á' => (0, 2, false),
        'Á' => (0, 2, true),
        'ã' => (0, 3, false),
        'Ã' => (0, 3, true),
        'ả' => (0, 4, false),
        'Ả' => (0, 4, true),
        'ạ' => (0, 5, false),
        'Ạ' => (0, 5, true),
        'ă' => (1, 0, false),
        'Ă' => (1, 0, true),
        'ằ' => (1, 1, false),
        'Ằ' => (1, 1, true),
        'ắ' => (1, 2, false),
        'Ắ' => (1, 2, true),
        'ẵ' => (1, 3, false),
        'Ẵ' => (1, 3, true),
        'ẳ' => (1, 4, false),
        'Ẳ' => (1, 4, true),
        'ặ' => (1, 5, false),
        'Ặ' => (1, 5, true),
        'â' => (2, 0, false),
        'Â' => (2, 0, true),
        'ầ' => (2, 1, false),
        'Ầ' => (2, 1, true),
        'ấ' => (2, 2, false),
        'Ấ' => (2, 2, true),
        'ẫ' => (2, 3, false),
        'Ẫ' => (2, 3, true),
        'ẩ' => (2, 4, false),
        'Ẩ' => (2, 4, true),
        'ậ' => (2, 5, false),
        'Ậ' => (2, 5, true),
        'è' => (3, 1, false),
        'È' => (3, 1, true),
        'é' => (3, 2, false),
        'É' => (3, 2, true),
        'ẽ' => (3, 3, false),
        'Ẽ' => (3, 3, true),
        'ẻ' => (3, 4, false),
        'Ẻ' => (3, 4, true),
        'ẹ' => (3, 5, false),
        'Ẹ' => (3, 5, true),
        'ê' => (4, 0, false),
        'Ê' => (4, 0, true),
        'ề' => (4, 1, false),
        'Ề' => (4, 1, true),
        'ế' => (4, 2, false),
        'Ế' => (4, 2, true),
        'ễ' => (4, 3, false),
        'Ễ' => (4, 3, true),
        'ể' => (4, 4, false),
        'Ể' => (4, 4, true),
        'ệ' => (4, 5, false),
        'Ệ' => (4, 5, true),
        'ì' => (5, 1, false),
        'Ì' => (5, 1, true),
        'í' => (5, 2, false),
        'Í' => (5, 2, true),
        'ĩ' => (5, 3, false),
        'Ĩ' => (5, 3, true),
        'ỉ' => (5, 4, false),
        'Ỉ' => (5, 4, true),
        'ị' => (5, 5, false),
        'Ị' => (5, 5, true),
        'ò' => (6, 1, false),
        'Ò' => (6, 1, true),
        'ó' => (6, 2, false),
        'Ó' => (6, 2, true),
        'õ' => (6, 3, false),
        'Õ' => (6, 3, true),
        'ỏ' => (6, 4, false),
        'Ỏ' => (6, 4, true),
        'ọ' => (6, 5, false),
        'Ọ' => (6, 5, true),
        'ô' => (7, 0, false),
        'Ô' => (7, 0, true),
        'ồ' => (7, 1, false),
        'Ồ' => (7, 1, true),
        'ố' => (7, 2, false),
        'Ố' => (7, 2, true),
        'ỗ' => (7, 3, false),
        'Ỗ' => (7, 3, true),
        'ổ' => (7, 4, false),
        'Ổ' => (7, 4, true),
        'ộ' => (7, 5, false),
        'Ộ' => (7, 5, true),
        'ơ' => (8, 0, false),
        'Ơ' => (8, 0, true),
        'ờ' => (8, 1, false),
        'Ờ' => (8, 1, true),
        'ớ' => (8, 2, false),
        'Ớ' => (8, 2, true),
        'ỡ' => (8, 3, false),
        'Ỡ' => (8, 3, true),
        'ở' => (8, 4, false),
        'Ở' => (8, 4, true),
        'ợ' => (8, 5, false),
        'Ợ' => (8, 5, true),
        'ù' => (9, 1, false),
        'Ù' => (9, 1, true),
        'ú' => (9, 2, false),
        'Ú' => (9, 2, true),
        'ũ' => (9, 3, false),
        'Ũ' => (9, 3, true),
        'ủ' => (9, 4, false),
        'Ủ' => (9, 4, true),
        'ụ' => (9, 5, false),
        'Ụ' => (9, 5, true),
        'ư' => (10, 0, false),
        'Ư' => (10, 0, true),
        'ừ' => (10, 1, false),
        'Ừ' => (10, 1, true),
        'ứ' => (10, 2, false),
        'Ứ' => (10, 2, true),
        'ữ' => (10, 3, false),
        'Ữ' => (10, 3, true),
        'ử' => (10, 4, false),
        'Ử' => (10, 4, true),
        'ự' => (10, 5, false),
        'Ự' => (10, 5, true),
        'ỳ' => (11, 1, false),
        'Ỳ' => (11, 1, true),
        'ý' => (11, 2, false),
        'Ý' => (11, 2, true),
        'ỹ' => (11, 3, false),
        'Ỹ' => (11, 3, true),
        'ỷ' => (11, 4, false),
        'Ỷ' => (11, 4, true),
        'ỵ' => (11, 5, false),
        'Ỵ' => (11, 5, true),
        _ => return None,
    };
    Some(Letter { base: VOWEL_BASES[row], tone: Tone::from_index(tone), upper })
}

/// A combining mark that Vietnamese text written in NFD (or typed with some input
/// methods) puts after a base letter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mark {
    Tone(Tone),
    /// U+0302 combining circumflex: `a e o` → `â ê ô`.
    Circumflex,
    /// U+0306 combining breve: `a` → `ă`.
    Breve,
    /// U+031B combining horn: `o u` → `ơ ư`.
    Horn,
}

/// Reads a combining mark used in Vietnamese. U+0340/U+0341 are the deprecated tone-mark
/// forms of grave and acute.
pub(crate) fn mark(c: char) -> Option<Mark> {
    Some(match c {
        '\u{300}' | '\u{340}' => Mark::Tone(Tone::Grave),
        '\u{301}' | '\u{341}' => Mark::Tone(Tone::Acute),
        '\u{303}' => Mark::Tone(Tone::Tilde),
        '\u{309}' => Mark::Tone(Tone::Hook),
        '\u{323}' => Mark::Tone(Tone::Dot),
        '\u{302}' => Mark::Circumflex,
        '\u{306}' => Mark::Breve,
        '\u{31B}' => Mark::Horn,
        _ => return None,
    })
}

/// Applies a combining mark to a letter; `None` if Vietnamese spelling has no such letter
/// (a second tone, a horn on `a`...).
pub(crate) fn apply_mark(l: Letter, m: Mark) -> Option<Letter> {
    let base = match (m, l.base) {
        (Mark::Tone(t), _) => {
            if l.tone != Tone::Level || !l.is_vowel() {
                return None;
            }
            return Some(Letter { tone: t, ..l });
        }
        (Mark::Circumflex, 'a') => 'â',
        (Mark::Circumflex, 'e') => 'ê',
        (Mark::Circumflex, 'o') => 'ô',
        (Mark::Breve, 'a') => 'ă',
        (Mark::Horn, 'o') => 'ơ',
        (Mark::Horn, 'u') => 'ư',
        _ => return None,
    };
    Some(Letter { base, ..l })
}

/// True for combining marks (general category Mn in the blocks Latin text uses), which
/// belong to the letter before them.
pub(crate) fn is_combining(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// Characters that take no room and only get in the way of matching: zero-width space,
/// word joiner, byte-order mark, soft hyphen, zero-width (non-)joiners.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}')
}

/// Whitespace, invisible characters and control characters: what separates tokens.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || is_invisible(c) || c.is_control()
}

/// A letter for the tokenizer: any alphabetic character or combining mark.
pub(crate) fn is_letter(c: char) -> bool {
    c.is_alphabetic() || is_combining(c)
}

/// Folds a letter to ASCII where Vietnamese spelling has an ASCII base (`ắ` → `a`,
/// `Đ` → `D`); other characters are returned as they are.
pub(crate) fn fold_char(c: char) -> char {
    match letter(c) {
        Some(l) => {
            let base = match l.base {
                'ă' | 'â' => 'a',
                'ê' => 'e',
                'ô' | 'ơ' => 'o',
                'ư' => 'u',
                'đ' => 'd',
                b => b,
            };
            if l.upper { base.to_ascii_uppercase() } else { base }
        }
        None => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_round_trips_every_vowel() {
        for (row, base) in VOWEL_BASES.iter().enumerate() {
            for tone in Tone::ALL {
                for upper in [false, true] {
                    let c = VOWEL_TABLE[row][tone as usize * 2 + usize::from(upper)];
                    let l = letter(c).expect("table letter parses");
                    assert_eq!((l.base, l.tone, l.upper), (*base, tone, upper), "{c}");
                    assert_eq!(l.compose(), c);
                }
            }
        }
    }

    #[test]
    fn table_agrees_with_unicode_nfc() {
        use unicode_normalization::UnicodeNormalization;
        for (row, base) in VOWEL_BASES.iter().enumerate() {
            for tone in Tone::ALL {
                let mut s = base.to_string();
                if let Some(m) = tone.combining_mark() {
                    s.push(m);
                }
                let nfc: String = s.nfc().collect();
                assert_eq!(nfc.chars().next(), Some(VOWEL_TABLE[row][tone as usize * 2]));
            }
        }
    }

    #[test]
    fn lookalikes_read_as_d_bar() {
        for c in ['Ð', 'Ɖ'] {
            assert_eq!(letter(c).map(|l| l.compose()), Some('Đ'));
        }
        assert_eq!(letter('ð').map(|l| l.compose()), Some('đ'));
    }

    #[test]
    fn marks_apply() {
        let a = letter('a').unwrap();
        let a_hat = apply_mark(a, Mark::Circumflex).unwrap();
        let a_hat_acute = apply_mark(a_hat, Mark::Tone(Tone::Acute)).unwrap();
        assert_eq!(a_hat_acute.compose(), 'ấ');
        assert!(apply_mark(a_hat_acute, Mark::Tone(Tone::Grave)).is_none());
        assert!(apply_mark(letter('n').unwrap(), Mark::Tone(Tone::Grave)).is_none());
    }

    #[test]
    fn folding() {
        let folded: String = "Đắk Nông ƯỚC".chars().map(fold_char).collect();
        assert_eq!(folded, "Dak Nong UOC");
    }
}
