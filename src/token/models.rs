//! Words read whole before their parts: web addresses with a scheme and model names
//! (`Su-30MK2`, `Mi-17`, `F-16`).

use super::parts::Part;
use super::scanner::letter_len;
use super::{TokenKind, Tokens};

impl<'h> Tokens<'_, 'h> {
    /// A web address with any scheme or a model name starting at `start`, whose first part
    /// (`first`, of ASCII letters and digits) is followed by `after` and a byte that may go on
    /// with one: the rare units of [`Self::word_from`], kept out of its line.
    #[inline(never)]
    pub(super) fn url_or_model_name(
        &self,
        start: usize,
        first: &Part,
        after: u8,
    ) -> Option<(usize, TokenKind)> {
        if let Some(end) = self.scheme_url(start) {
            return Some((end, TokenKind::Url));
        }
        if after == b'-' && first.first_upper && first.letters <= 3 {
            return self.model_name(start, first).map(|end| (end, TokenKind::Abbreviation));
        }
        None
    }

    /// A model name: one to three ASCII letters starting with a capital, a dash, one to four
    /// digits, then an optional suffix of ASCII letters and digits and further dash groups
    /// that hold a digit: `Su-30MK2`, `Mi-17`, `Mi-17V-5`, `Ka-52`, `Tu-160`, `An-124`,
    /// `F-16`, `MiG-21`, `Yak-130`. Tried before the first part is read as a syllable (`Su`,
    /// `Mi`, `An` are syllables too).
    fn model_name(&self, start: usize, first: &Part) -> Option<usize> {
        let letters_end = first.end;
        let ascii_letters = letters_end - start == first.letters && first.digits == 0;
        if !(ascii_letters && first.first_upper && (1..=3).contains(&first.letters))
            || self.byte(letters_end) != b'-'
        {
            return None;
        }
        let digits_start = letters_end + 1;
        let digits_end = self.digits_end(digits_start);
        if !(1..=4).contains(&(digits_end - digits_start)) {
            return None;
        }
        let alnum_end = |mut i: usize| {
            while self.byte(i).is_ascii_alphanumeric() {
                i += 1;
            }
            i
        };
        let mut end = alnum_end(digits_end);
        while self.byte(end) == b'-' {
            let group_end = alnum_end(end + 1);
            if !self.text.as_bytes()[end + 1..group_end].iter().any(u8::is_ascii_digit) {
                break;
            }
            end = group_end;
        }
        let bytes = self.text.as_bytes();
        let joined = matches!(self.byte(end), b'.' | b'/' | b'&' | b'\'' | b'_')
            && (self.byte(end + 1).is_ascii_digit() || letter_len(bytes, self.text, end + 1) > 0);
        let clean = letter_len(bytes, self.text, end) == 0 && self.byte(end) != b'@' && !joined;
        clean.then_some(end)
    }
}
