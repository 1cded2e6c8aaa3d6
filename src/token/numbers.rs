//! Numbers: plain and grouped numbers, ranges, percentages, dates and times, document
//! numbers, licence plates and phone numbers.

use super::addresses::address_byte;
use super::scanner::letter_len;
use super::{TokenKind, Tokens};

impl<'h> Tokens<'_, 'h> {
    pub(super) fn number(&mut self, start: usize) -> (usize, TokenKind) {
        let bytes = self.text.as_bytes();
        let d1_end = self.digits_end(start);
        let d1 = d1_end - start;
        let after = self.byte(d1_end);
        // After a `.`, an address goes on only with one of its bytes (`24h.com.vn`, not the
        // `2020.` that ends a sentence).
        let dot_goes_on = after == b'.' && address_byte(self.byte(d1_end + 1));
        if (after == b'@' || after.is_ascii_alphabetic() || dot_goes_on) && d1 > 0 {
            if let Some(r) = self.address(start) {
                return r;
            }
        }
        if let Some(r) = self.phone(start, d1_end) {
            return r;
        }
        let value = |s: usize, e: usize| -> u32 {
            self.text[s..e].bytes().take(6).fold(0u32, |v, b| v * 10 + u32::from(b - b'0'))
        };
        // Time: 16:53, 16:53:20, 7h30, 7h.
        if d1 <= 2 && value(start, d1_end) <= 24 {
            if after == b':' {
                let m_end = self.digits_end(d1_end + 1);
                if m_end - (d1_end + 1) == 2 && value(d1_end + 1, m_end) < 60 {
                    let mut end = m_end;
                    if self.byte(end) == b':' {
                        let s_end = self.digits_end(end + 1);
                        if s_end - (end + 1) == 2 && value(end + 1, s_end) < 60 {
                            end = s_end;
                        }
                    }
                    if !self.byte(end).is_ascii_digit() {
                        return (end, TokenKind::Time);
                    }
                }
            } else if after == b'h' || after == b'H' {
                let m_end = self.digits_end(d1_end + 1);
                let m = m_end - (d1_end + 1);
                let end = if m == 2 && value(d1_end + 1, m_end) < 60 { m_end } else { d1_end + 1 };
                let next = self.byte(end);
                if (m == 0 || m == 2)
                    && !next.is_ascii_alphanumeric()
                    && letter_len(bytes, self.text, end) == 0
                {
                    return (end, TokenKind::Time);
                }
            }
        }
        if let Some(end) = self.document_number(start, d1_end) {
            return (end, TokenKind::DocumentNumber);
        }
        if let Some(end) = self.date(start, d1_end) {
            return (end, TokenKind::Date);
        }
        if let Some(end) = self.plate(start, d1_end) {
            return (end, TokenKind::Plate);
        }
        let end = self.number_end(d1_end);
        if self.byte(end) == b'%' {
            return (end + 1, TokenKind::Percent);
        }
        if let Some(end) = self.unit_letter(start, end) {
            return (end, TokenKind::Quantity);
        }
        // Ranges: 2020-2025, 5–10.
        let dash_len = if self.byte(end) == b'-' {
            1
        } else if self.text[end..].starts_with('–') {
            '–'.len_utf8()
        } else {
            0
        };
        if dash_len > 0 && self.byte(end + dash_len).is_ascii_digit() {
            let d2_end = self.digits_end(end + dash_len);
            let end2 = self.number_end(d2_end);
            if self.byte(end2) == b'%' {
                return (end2 + 1, TokenKind::Range);
            }
            return (end2, TokenKind::Range);
        }
        (end, TokenKind::Number)
    }

    /// Extends a digit run with `.`/`,` groups: `1.234.567,89`, `2,029`, `3.5`.
    fn number_end(&self, mut end: usize) -> usize {
        while matches!(self.byte(end), b'.' | b',') && self.byte(end + 1).is_ascii_digit() {
            end = self.digits_end(end + 1);
        }
        end
    }

    fn date(&self, start: usize, d1_end: usize) -> Option<usize> {
        let d1 = d1_end - start;
        let sep = self.byte(d1_end);
        if !matches!(sep, b'/' | b'-' | b'.') {
            return None;
        }
        let num = |s: usize, e: usize| -> u32 {
            self.text[s..e].bytes().take(6).fold(0u32, |v, b| v * 10 + u32::from(b - b'0'))
        };
        let d2_start = d1_end + 1;
        let d2_end = self.digits_end(d2_start);
        let d2 = d2_end - d2_start;
        if d2 == 0 {
            return None;
        }
        let third = |end: usize| -> Option<(usize, usize)> {
            if self.byte(end) == sep {
                let e = self.digits_end(end + 1);
                Some((e - (end + 1), e))
            } else {
                None
            }
        };
        let day_ok = |v: u32| (1..=31).contains(&v);
        let month_ok = |v: u32| (1..=12).contains(&v);
        let clean_end = |e: usize| {
            let continues =
                matches!(self.byte(e), b'/' | b'-' | b'.' | b',') && self.byte(e + 1).is_ascii_digit();
            !self.byte(e).is_ascii_digit() && !continues
        };
        if d1 <= 2 && d2 <= 2 && day_ok(num(start, d1_end)) && month_ok(num(d2_start, d2_end)) {
            match third(d2_end) {
                Some((4, e)) if clean_end(e) => return Some(e),
                // d/m/yy, d-m-yy; not with dots, which write version numbers.
                Some((2, e)) if sep != b'.' && clean_end(e) => return Some(e),
                Some(_) => return None,
                None if sep == b'/' && clean_end(d2_end) => return Some(d2_end),
                None => return None,
            }
        }
        // month/year: 12/2022
        if sep == b'/' && d1 <= 2 && d2 == 4 && month_ok(num(start, d1_end)) && clean_end(d2_end) {
            return Some(d2_end);
        }
        // ISO: 2022-12-08
        if d1 == 4 && d2 == 2 && sep != b'.' && month_ok(num(d2_start, d2_end)) {
            if let Some((2, e)) = third(d2_end) {
                if day_ok(num(d2_end + 1, e)) && clean_end(e) {
                    return Some(e);
                }
            }
        }
        None
    }

    /// Document numbers (`số ký hiệu`): up to six digits, optionally `/` and a year, then `/`
    /// or `-` and the issuer's symbol, codes of capitals, `Đ` and digits (`NĐ`, `QH14`,
    /// `TTg`) joined by `-` or `/` (`NĐ-CP`, `NQ/TW`, `TTLT-BTC-BNV`), with at least two
    /// letters in all. Checked before dates, which `12/2020/NĐ-CP` starts like. Two digits,
    /// a dash and a series like `B1` start a plate instead (`59-B1`).
    fn document_number(&self, start: usize, d1_end: usize) -> Option<usize> {
        if !(1..=6).contains(&(d1_end - start)) || !matches!(self.byte(d1_end), b'/' | b'-') {
            return None;
        }
        let mut i = d1_end;
        if self.byte(i) == b'/' {
            let year_end = self.digits_end(i + 1);
            if year_end - (i + 1) == 4
                && matches!(&self.text[i + 1..i + 3], "19" | "20")
                && matches!(self.byte(year_end), b'/' | b'-')
            {
                i = year_end;
            }
        }
        // `i` is on the `/` or `-` before the symbol.
        let mut letters = 0;
        let mut end = i;
        let mut first_code_ends_in_digit = None;
        loop {
            let code_start = end + 1;
            // A code starts with a capital (`Đ` included) and goes on with letters, digits and
            // `&` between capitals (`BNN&PTNT`).
            let mut j = code_start;
            let mut len = 0;
            loop {
                let b = self.byte(j);
                let upper_d = self.text[j..].starts_with('Đ');
                if len == 0 && !(b.is_ascii_uppercase() || upper_d) {
                    break;
                }
                if b.is_ascii_alphabetic() {
                    letters += 1;
                    j += 1;
                } else if b.is_ascii_digit() && len > 0 {
                    j += 1;
                } else if upper_d || self.text[j..].starts_with('đ') {
                    letters += 1;
                    j += 'Đ'.len_utf8();
                } else if b == b'&' && len > 0 && self.byte(j + 1).is_ascii_uppercase() {
                    j += 1;
                } else {
                    break;
                }
                len += 1;
            }
            if len == 0 {
                break;
            }
            first_code_ends_in_digit.get_or_insert(self.byte(j - 1).is_ascii_digit());
            end = j;
            if !(matches!(self.byte(end), b'-' | b'/')) {
                break;
            }
        }
        let clean =
            !self.byte(end).is_ascii_alphanumeric() && letter_len(self.text.as_bytes(), self.text, end) == 0;
        // Two digits, a dash and a letter-digit series are the start of a plate
        // (`59-B1`, `71-MĐ1`, `65-F1-9`), not a document.
        let plate_series = i == d1_end && d1_end - start == 2 && first_code_ends_in_digit == Some(true);
        (end > i && letters >= 2 && clean && !plate_series).then_some(end)
    }

    /// Vehicle plates: two digits, one or two capitals, an optional digit, a dash (alone or
    /// with one space on each side, `53S5 - 3720`), then four or five digits or `ddd.dd`.
    fn plate(&self, start: usize, d1_end: usize) -> Option<usize> {
        if d1_end - start != 2 {
            return None;
        }
        let mut i = d1_end;
        let mut caps = 0;
        while self.byte(i).is_ascii_uppercase() && caps < 2 {
            i += 1;
            caps += 1;
        }
        if caps == 0 {
            return None;
        }
        let dash = |i: usize| match (self.byte(i), self.byte(i + 1), self.byte(i + 2)) {
            (b'-', _, _) => Some(1),
            (b' ', b'-', b' ') => Some(3),
            _ => None,
        };
        if self.byte(i).is_ascii_digit() && dash(i + 1).is_some() {
            i += 1;
        }
        let s = i + dash(i)?;
        let e = self.digits_end(s);
        let end = match e - s {
            4 | 5 => e,
            3 if self.byte(e) == b'.' => {
                let e2 = self.digits_end(e + 1);
                if e2 - (e + 1) == 2 { e2 } else { return None }
            }
            _ => return None,
        };
        (!self.byte(end).is_ascii_alphanumeric()).then_some(end)
    }

    /// A number (`start..end`) with a unit letter against it: `5G`, `4K`, `1080P`, `220V`,
    /// `100W`, `10X`, and `3D` after one digit (dimensions; `12D` is a class). The letter
    /// must end the word.
    fn unit_letter(&self, start: usize, end: usize) -> Option<usize> {
        match self.byte(end) {
            b'G' | b'K' | b'P' | b'V' | b'W' | b'X' => {}
            b'D' if end - start == 1 => {}
            _ => return None,
        }
        let after = end + 1;
        let clean = !self.byte(after).is_ascii_alphanumeric()
            && letter_len(self.text.as_bytes(), self.text, after) == 0
            && self.byte(after) != b'\''
            && !self.text[after..].starts_with('\u{2019}');
        clean.then_some(after)
    }

    /// Vietnamese phone numbers: a leading 0 and 10–11 digits, plain or grouped with `.`/`-`.
    fn phone(&self, start: usize, d1_end: usize) -> Option<(usize, TokenKind)> {
        if self.byte(start) != b'0' {
            return None;
        }
        let mut digits = d1_end - start;
        let mut end = d1_end;
        if (3..=4).contains(&digits) && matches!(self.byte(end), b'.' | b'-' | b' ') {
            // Groups keep the first separator. Spaced groups (`0912 345 678`) stop at ten
            // digits, so that a number written after the phone stays apart.
            let sep = self.byte(end);
            while self.byte(end) == sep && self.byte(end + 1).is_ascii_digit() && (sep != b' ' || digits < 10)
            {
                let e = self.digits_end(end + 1);
                if !(2..=4).contains(&(e - end - 1)) {
                    return None;
                }
                digits += e - end - 1;
                end = e;
            }
        }
        let ok = (10..=11).contains(&digits) && !self.byte(end).is_ascii_alphanumeric();
        ok.then_some((end, TokenKind::Phone))
    }
}
