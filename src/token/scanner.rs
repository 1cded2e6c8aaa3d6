//! The scanner's main loop: one token from a byte, by the byte's class, with the
//! helpers the other files use (byte classes, letter lengths, decoding, spaces, marks).

use super::{TokenKind, Tokens, is_punctuation};
use crate::chars;

// ASCII byte classes.
pub(super) const SP: u8 = 0;
const LE: u8 = 1;
const DI: u8 = 2;
const PU: u8 = 3;
const SY: u8 = 4;
/// Punctuation (`:` `;` `-`) or a symbol (`=` `<` `^` `>`) that may start an emoticon or an
/// arrow: classes of their own, so that other punctuation pays nothing for them.
const EP: u8 = 5;
const ES: u8 = 6;

pub(super) static ASCII_CLASS: [u8; 128] = {
    let mut t = [SY; 128];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        t[i] = if b.is_ascii_alphabetic() {
            LE
        } else if b.is_ascii_digit() {
            DI
        } else if b.is_ascii_whitespace() || b.is_ascii_control() {
            SP
        } else if matches!(
            b,
            b'!' | b'"'
                | b'\''
                | b'('
                | b')'
                | b','
                | b'-'
                | b'.'
                | b'/'
                | b':'
                | b';'
                | b'?'
                | b'['
                | b']'
                | b'{'
                | b'}'
        ) {
            if matches!(b, b':' | b';' | b'-') { EP } else { PU }
        } else if matches!(b, b'=' | b'<' | b'^' | b'>') {
            ES
        } else {
            SY
        };
        i += 1;
    }
    t
};

fn is_ascii_letter(b: u8) -> bool {
    b.is_ascii_alphabetic()
}

/// Length of the letter (or combining mark) at `i`, or 0. Vietnamese letters are read by
/// their UTF-8 lead bytes without decoding.
pub(super) fn letter_len(bytes: &[u8], text: &str, i: usize) -> usize {
    let Some(&b) = bytes.get(i) else { return 0 };
    if b < 0x80 {
        return usize::from(is_ascii_letter(b));
    }
    // U+00C0..U+01BF: Latin-1 letters and Latin Extended-A/B (Vietnamese đ ă ơ ư), except
    // × and ÷.
    if (0xC3..=0xC6).contains(&b) {
        if let Some(&b2) = bytes.get(i + 1) {
            if !(b == 0xC3 && (b2 == 0x97 || b2 == 0xB7)) {
                return 2;
            }
        }
    }
    // U+1EA0..U+1EFF: Latin Extended Additional, the precomposed Vietnamese letters.
    if b == 0xE1 && matches!(bytes.get(i + 1), Some(0xBA | 0xBB)) {
        return 3;
    }
    match text[i..].chars().next() {
        Some(c) if chars::is_letter(c) && crate::normalize::quote_lookalike(c).is_none() => c.len_utf8(),
        _ => 0,
    }
}

/// The char starting at byte `i` of valid UTF-8, read without re-checking the text.
#[inline]
pub(super) fn decode(bytes: &[u8], i: usize) -> Option<char> {
    let b0 = u32::from(*bytes.get(i)?);
    let cont = |k: usize| bytes.get(i + k).map_or(0, |&b| u32::from(b) & 0x3F);
    let code = match b0 {
        0..=0x7F => b0,
        0xC0..=0xDF => ((b0 & 0x1F) << 6) | cont(1),
        0xE0..=0xEF => ((b0 & 0x0F) << 12) | (cont(1) << 6) | cont(2),
        _ => ((b0 & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3),
    };
    char::from_u32(code)
}

impl<'h> Tokens<'_, 'h> {
    pub(super) fn byte(&self, i: usize) -> u8 {
        self.text.as_bytes().get(i).copied().unwrap_or(0)
    }

    pub(super) fn scan(&mut self, i: usize) -> (usize, TokenKind) {
        let b = self.text.as_bytes()[i];
        if b < 0x80 {
            match ASCII_CLASS[usize::from(b)] {
                SP => (self.space_end(i), TokenKind::Whitespace),
                LE => self.word(i),
                DI => self.number(i),
                PU => self.with_marks(self.punct(i)),
                EP | ES if self.may_start_emoticon(i, b) => match self.emoticon(i) {
                    Some(end) => (end, TokenKind::Symbol),
                    None if ASCII_CLASS[usize::from(b)] == EP => self.with_marks(self.punct(i)),
                    None => self.with_marks(self.symbol(i)),
                },
                EP => self.with_marks(self.punct(i)),
                _ => self.with_marks(self.symbol(i)),
            }
        } else {
            let c = self.text[i..].chars().next().unwrap_or('\u{FFFD}');
            // Punctuation is asked before letters: no punctuation is a letter (tested), and
            // the dashes and quotes that come here most would otherwise go through the
            // Unicode letter tables first.
            if chars::is_space(c) {
                (self.space_end(i), TokenKind::Whitespace)
            } else if is_punctuation(c) {
                self.with_marks((i + c.len_utf8(), TokenKind::Punctuation))
            } else if letter_len(self.text.as_bytes(), self.text, i) > 0 {
                self.word(i)
            } else {
                self.with_marks((i + c.len_utf8(), TokenKind::Symbol))
            }
        }
    }

    /// Combining marks belong to the character before them (`=` + U+0338 is `≠`). Inlined: it
    /// ends every punctuation mark and symbol, and is a look at one byte but for the rare
    /// mark.
    #[inline(always)]
    fn with_marks(&self, (end, kind): (usize, TokenKind)) -> (usize, TokenKind) {
        if self.byte(end) >= 0x80 { (self.combining_end(end), kind) } else { (end, kind) }
    }

    #[inline(never)]
    fn combining_end(&self, mut i: usize) -> usize {
        while let Some(c) = self.text.get(i..).and_then(|r| r.chars().next()) {
            if !chars::is_combining(c) {
                break;
            }
            i += c.len_utf8();
        }
        i
    }

    fn space_end(&self, mut i: usize) -> usize {
        let bytes = self.text.as_bytes();
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                if ASCII_CLASS[usize::from(b)] != SP {
                    break;
                }
                i += 1;
            } else {
                match self.text[i..].chars().next() {
                    Some(c) if chars::is_space(c) => i += c.len_utf8(),
                    _ => break,
                }
            }
        }
        i
    }

    pub(super) fn digits_end(&self, mut i: usize) -> usize {
        let bytes = self.text.as_bytes();
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        i
    }

    fn punct(&self, i: usize) -> (usize, TokenKind) {
        if self.byte(i) == b'.' {
            let mut end = i + 1;
            while self.byte(end) == b'.' {
                end += 1;
            }
            return (end, TokenKind::Punctuation);
        }
        (i + 1, TokenKind::Punctuation)
    }

    fn symbol(&self, i: usize) -> (usize, TokenKind) {
        if self.byte(i) == b'+' && self.byte(i + 1).is_ascii_digit() {
            let e = self.digits_end(i + 1);
            if (10..=13).contains(&(e - i - 1)) && !self.byte(e).is_ascii_alphanumeric() {
                return (e, TokenKind::Phone);
            }
        }
        (i + 1, TokenKind::Symbol)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `scan` asks `is_punctuation` before `letter_len`, and `is_space` before both: the
    /// order changes nothing only while no punctuation is a letter or a space.
    #[test]
    fn no_punctuation_is_a_letter_or_a_space() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32).filter(|&c| is_punctuation(c)) {
            let s = c.to_string();
            assert_eq!(letter_len(s.as_bytes(), &s, 0), 0, "{c:?} U+{:04X}", u32::from(c));
            assert!(!chars::is_space(c), "{c:?} U+{:04X}", u32::from(c));
        }
    }

    #[test]
    fn classes() {
        assert_eq!(ASCII_CLASS[usize::from(b'a')], LE);
        assert_eq!(ASCII_CLASS[usize::from(b'7')], DI);
        assert_eq!(ASCII_CLASS[usize::from(b'\n')], SP);
        assert_eq!(ASCII_CLASS[usize::from(b',')], PU);
        assert_eq!(ASCII_CLASS[usize::from(b'+')], SY);
    }
}
