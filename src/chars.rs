//! Character knowledge for Vietnamese: the 12 vowel letters with their 6 tones, `đ`,
//! combining marks, look-alikes and the character classes the scanners use.
//!
//! Everything here works on `char`s and small tables; nothing allocates.

/// One of the six Vietnamese tones, as written by a tone mark.
///
/// `Level` (thanh ngang) has no mark. A [`Syllable`](crate::Syllable) carries its tone; the
/// discriminants number the tones 0 to 5 in the order below.
///
/// ```
/// use vntext::{Syllable, Tone};
///
/// let tones: Vec<Tone> = ["ma", "mà", "má", "mã", "mả", "mạ"]
///     .iter()
///     .map(|s| Syllable::parse(s).unwrap().tone)
///     .collect();
/// assert_eq!(tones, [Tone::Level, Tone::Grave, Tone::Acute, Tone::Tilde, Tone::Hook, Tone::Dot]);
/// assert_eq!(Tone::Dot as u8, 5);
/// ```
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
    ///
    /// ```
    /// use vntext::Tone;
    ///
    /// assert_eq!(Tone::Hook.combining_mark(), Some('\u{309}'));
    /// assert_eq!(Tone::Level.combining_mark(), None);
    ///
    /// // A base letter and the mark compose to the precomposed letter.
    /// let nfd = format!("a{}", Tone::Dot.combining_mark().unwrap());
    /// assert_eq!(vntext::normalize(&nfd), "ạ");
    /// ```
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
    #[cfg(test)]
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
    let code = c as u32;
    let packed = if (LATIN_START..LATIN_START + LATIN_LEN as u32).contains(&code) {
        LETTER_TABLES.0[(code - LATIN_START) as usize]
    } else if (EXT_START..EXT_START + EXT_LEN as u32).contains(&code) {
        LETTER_TABLES.1[(code - EXT_START) as usize]
    } else {
        // ɖ (U+0256), the lowercase of the look-alike Ɖ.
        return (c == 'ɖ').then_some(Letter { base: 'đ', tone: Tone::Level, upper: false });
    };
    unpack(packed)
}

// Precomposed letters live in two blocks: Latin-1 Supplement / Extended-A/B (`à`, `đ`,
// `ơ`, `ư`...) and Latin Extended Additional (`ạ`, `ấ`, `ữ`...). One byte per code point
// says which base, tone and case it is, so reading a letter is an index, not a search.
const LATIN_START: u32 = 0xC0;
const LATIN_LEN: usize = 0x1B4 - 0xC0;
const EXT_START: u32 = 0x1EA0;
const EXT_LEN: usize = 0x1EFA - 0x1EA0;
/// Packed value for `đ`; vowels are `1 + row * 12 + tone * 2 + upper`.
const PACKED_D_BAR: u8 = 200;

static LETTER_TABLES: ([u8; LATIN_LEN], [u8; EXT_LEN]) = build_letter_tables();

const fn build_letter_tables() -> ([u8; LATIN_LEN], [u8; EXT_LEN]) {
    let mut latin = [0u8; LATIN_LEN];
    let mut ext = [0u8; EXT_LEN];
    let mut row = 0;
    while row < 12 {
        let mut col = 0;
        while col < 12 {
            let code = VOWEL_TABLE[row][col] as u32;
            let packed = (1 + row * 12 + col) as u8;
            if code >= LATIN_START && code < LATIN_START + LATIN_LEN as u32 {
                latin[(code - LATIN_START) as usize] = packed;
            } else if code >= EXT_START && code < EXT_START + EXT_LEN as u32 {
                ext[(code - EXT_START) as usize] = packed;
            }
            col += 1;
        }
        row += 1;
    }
    // Đ đ, and the look-alikes Ð (U+00D0, Icelandic eth), ð (U+00F0) and Ɖ (U+0189).
    latin[0x110 - 0xC0] = PACKED_D_BAR + 1;
    latin[0x111 - 0xC0] = PACKED_D_BAR;
    latin[0xD0 - 0xC0] = PACKED_D_BAR + 1;
    latin[0xF0 - 0xC0] = PACKED_D_BAR;
    latin[0x189 - 0xC0] = PACKED_D_BAR + 1;
    (latin, ext)
}

fn unpack(packed: u8) -> Option<Letter> {
    match packed {
        0 => None,
        PACKED_D_BAR => Some(Letter { base: 'đ', tone: Tone::Level, upper: false }),
        p if p == PACKED_D_BAR + 1 => Some(Letter { base: 'đ', tone: Tone::Level, upper: true }),
        p => {
            let v = usize::from(p - 1);
            let (row, col) = (v / 12, v % 12);
            Some(Letter {
                base: VOWEL_BASES[row],
                tone: Tone::from_index((col / 2) as u8),
                upper: col % 2 == 1,
            })
        }
    }
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

/// True for combining marks (general category M: Mn, Mc, Me), which belong to the
/// character before them.
pub(crate) fn is_combining(c: char) -> bool {
    ('\u{300}'..='\u{36F}').contains(&c)
        || (!c.is_ascii() && unicode_normalization::char::is_combining_mark(c))
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

/// A Vietnamese letter read straight from its UTF-8 bytes, for the tokenizer's hot loop:
/// bits 0–5 the letter's code in a packed syllable key, bit 6 capital, bits 7–9 the tone,
/// bit 10 vowel, bit 15 set for every letter (0 means "not a Vietnamese letter").
pub(crate) type PackedLetter = u16;

/// Two-byte letters (lead bytes C3–C6: `à`, `đ`, `ơ`, `ư`...), indexed by
/// `(lead - 0xC3) * 64 + (second & 0x3F)`, and three-byte letters (`E1 BA/BB xx`: `ạ`, `ấ`,
/// `ữ`...), indexed by `(second - 0xBA) * 64 + (third & 0x3F)`.
pub(crate) static UTF8_LETTERS: ([PackedLetter; 256], [PackedLetter; 128]) = build_utf8_letters();

const fn pack(base: char, tone: usize, upper: bool) -> PackedLetter {
    let vowel = !matches!(base, 'đ');
    (crate::syllable::letter_code(base) as u16)
        | ((upper as u16) << 6)
        | ((tone as u16) << 7)
        | ((vowel as u16) << 10)
        | 0x8000
}

const fn put(tables: &mut ([PackedLetter; 256], [PackedLetter; 128]), c: char, packed: PackedLetter) {
    let code = c as u32;
    if code >= 0xC0 && code < 0x200 {
        let lead = 0xC0 | (code >> 6);
        let index = (lead - 0xC3) * 64 + (code & 0x3F);
        tables.0[index as usize] = packed;
    } else if code >= 0x1E80 && code < 0x1F00 {
        let second = 0x80 | ((code >> 6) & 0x3F);
        let index = (second - 0xBA) * 64 + (code & 0x3F);
        tables.1[index as usize] = packed;
    }
}

const fn build_utf8_letters() -> ([PackedLetter; 256], [PackedLetter; 128]) {
    let mut t = ([0; 256], [0; 128]);
    let mut row = 0;
    while row < 12 {
        let mut col = 0;
        while col < 12 {
            let c = VOWEL_TABLE[row][col];
            if !c.is_ascii() {
                put(&mut t, c, pack(VOWEL_BASES[row], col / 2, col % 2 == 1));
            }
            col += 1;
        }
        row += 1;
    }
    put(&mut t, 'đ', pack('đ', 0, false));
    put(&mut t, 'ð', pack('đ', 0, false));
    put(&mut t, 'Đ', pack('đ', 0, true));
    put(&mut t, 'Ð', pack('đ', 0, true));
    put(&mut t, 'Ɖ', pack('đ', 0, true));
    t
}

/// Reads the Vietnamese letter at `bytes[i..]` from its UTF-8 bytes: the packed letter and
/// its length, or `None` for anything else.
#[inline]
pub(crate) fn utf8_letter(bytes: &[u8], i: usize) -> Option<(PackedLetter, usize)> {
    let lead = *bytes.get(i)?;
    let second = *bytes.get(i + 1)?;
    let (packed, len) = match lead {
        // The masks keep the indices provably in range (no bounds checks in the hot loop).
        0xC3..=0xC6 => {
            (UTF8_LETTERS.0[(usize::from(lead - 0xC3) * 64 + usize::from(second & 0x3F)) & 255], 2)
        }
        0xE1 if matches!(second, 0xBA | 0xBB) => {
            let third = *bytes.get(i + 2)?;
            (UTF8_LETTERS.1[(usize::from(second - 0xBA) * 64 + usize::from(third & 0x3F)) & 127], 3)
        }
        _ => return None,
    };
    (packed != 0).then_some((packed, len))
}

/// The tone of a packed letter.
pub(crate) fn packed_tone(p: PackedLetter) -> Tone {
    Tone::from_index(((p >> 7) & 7) as u8)
}

#[cfg(test)]
mod utf8_tests {
    use super::*;

    #[test]
    fn utf8_table_agrees_with_letter() {
        for code in 0x80u32..0x2000 {
            let Some(c) = char::from_u32(code) else { continue };
            let mut buf = [0u8; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            let from_table = utf8_letter(bytes, 0);
            match letter(c) {
                // Letters outside the table's lead bytes (`ɖ`) take the decoding path.
                Some(_) if !matches!(bytes[0], 0xC3..=0xC6 | 0xE1) => assert!(from_table.is_none()),
                Some(l) => {
                    let (p, len) = from_table.unwrap_or_else(|| panic!("{c:?} missing"));
                    assert_eq!(len, c.len_utf8());
                    assert_eq!(p & 63, crate::syllable::letter_code(l.base) as u16, "{c:?}");
                    assert_eq!(p & 64 != 0, l.upper, "{c:?}");
                    assert_eq!(packed_tone(p), l.tone, "{c:?}");
                    assert_eq!(p & 1024 != 0, l.is_vowel(), "{c:?}");
                }
                None => assert!(from_table.is_none(), "{c:?} should not be a letter"),
            }
        }
    }
}

/// For ASCII letters (the tokenizer's syllable keys and the normalizer's fast path): the letter's code in a packed syllable key (1–26), plus 64 for a
/// capital and 128 for a vowel; 0 for every other byte.
pub(crate) static ASCII_LETTER_CODE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 26 {
        let vowel = if matches!(b'a' + b as u8, b'a' | b'e' | b'i' | b'o' | b'u' | b'y') { 128 } else { 0 };
        t[b'a' as usize + b] = b as u8 + 1 + vowel;
        t[b'A' as usize + b] = b as u8 + 1 + 64 + vowel;
        b += 1;
    }
    t
};
