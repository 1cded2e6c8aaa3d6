//! Words: the kind of a run of parts joined by `.`, `-`, `/`, `&` or an apostrophe
//! (syllable, abbreviation, foreign word, contraction).

use super::addresses::address_byte;
use super::parts::Part;
use super::scanner::letter_len;
use super::{TokenKind, Tokens};
use crate::chars;

impl<'h> Tokens<'_, 'h> {
    #[inline]
    pub(super) fn word(&mut self, start: usize) -> (usize, TokenKind) {
        // Only `ht…` (http) and `ww…` (www.) can start a web address; `h` alone starts many
        // Vietnamese syllables.
        let pair = (self.byte(start) | 0x20, self.byte(start + 1) | 0x20);
        if pair == (b'h', b't') || pair == (b'w', b'w') {
            if let Some(r) = self.url(start) {
                return r;
            }
        }
        let first = self.part(start);
        let next = self.byte(first.end);
        if first.syllable
            && !matches!(next, b'@' | b'.' | b'_' | b'-' | b'+' | b'%' | b'/' | b'&')
            && (next != b':' || self.byte(first.end + 1) != b'/')
        {
            // The common case, a syllable followed by a space or punctuation that joins
            // nothing: no address or compound to look for.
            return (first.end, TokenKind::Syllable);
        }
        self.word_from(start, first)
    }

    /// The rest of [`Self::word`] after its first part: addresses, compounds and the kind of
    /// anything that is not a plain syllable. Kept out of line so that the common case
    /// inlines into `next` small.
    #[inline(never)]
    fn word_from(&mut self, start: usize, first: Part) -> (usize, TokenKind) {
        let after = self.byte(first.end);
        // A word of one part (`Facebook`, `UBND`, `km` before a space or a comma): no unit,
        // address or compound starts without one of these bytes after the first part.
        if !matches!(after, b'@' | b'.' | b'_' | b'-' | b'+' | b'%' | b'/' | b'&' | b':') {
            return self.single_part_word(start, &first);
        }
        // Whole units first (a `scheme://`, a model name `Su-30MK2`), before the first part is
        // taken for a syllable or a word. Both start with a first part of ASCII letters and
        // digits, then `://`, or `+`, `-` or `.` before a letter or digit: two bytes tell,
        // and every other word (`Hà Nội.`, `Mác-Lênin`, `kinh-tế`) asks no further.
        let next = self.byte(first.end + 1);
        if matches!(after, b':' | b'+' | b'-' | b'.') {
            let goes_on = if after == b':' { next == b'/' } else { next.is_ascii_alphanumeric() };
            if goes_on && first.end - start == first.letters + first.digits {
                if let Some(r) = self.url_or_model_name(start, &first, after) {
                    return r;
                }
            }
        }
        // An e-mail address or a domain goes on after a `.`, `_`, `-`, `+` or `%` only with a
        // letter or digit or one more of its bytes: a word that ends a sentence (`nay. `) or
        // stands before a dash (`Nam - `) is no address, and `address` is not asked.
        let address_goes_on =
            after == b'@' || (matches!(after, b'.' | b'_' | b'-' | b'+' | b'%') && address_byte(next));
        if address_goes_on && first.end > start {
            if let Some(r) = self.address(start) {
                return r;
            }
        }
        let mut end = first.end;
        let mut cur = first;
        let mut parts = 1;
        let mut wordlike_parts = usize::from(Self::wordlike(&first));
        let mut abbrev_dot = false;
        // A capitalised syllable or word, then lower-case parts after dashes: a transliterated
        // name or loanword (`Mát-xcơ-va`, `Ki-tô`, `Ê-đê`, `X-quang`), one foreign word. Not
        // after a capitalised word: there the dash ends a name (`Vũ Ngọc Phan-nhà văn`).
        let mut transliteration = first.first_upper
            && first.upper == 1
            && first.digits == 0
            && self.byte(end) == b'-'
            && !self.after_capitalized_word(start);
        loop {
            let sep = self.byte(end);
            if !matches!(sep, b'.' | b'-' | b'/' | b'&') {
                break;
            }
            let next_start = end + 1;
            let next_is_letter = letter_len(self.text.as_bytes(), self.text, next_start) > 0;
            let next_is_digit = self.byte(next_start).is_ascii_digit();
            if !next_is_letter && !next_is_digit {
                // `v.v.`: a chain of single letters takes its final dot, but not the first
                // dot of an ellipsis (`v.v...` is `v.v` and `...`).
                if sep == b'.' && parts > 1 && abbrev_dot && cur.letters == 1 {
                    let dots = self.text.as_bytes()[end..].iter().take_while(|&&b| b == b'.').count();
                    if dots != 3 {
                        end += 1;
                    }
                }
                break;
            }
            let next = if next_is_letter {
                self.part(next_start)
            } else {
                Part { end: self.digits_end(next_start), digits: 1, ..Part::default() }
            };
            // After a lower-case part a capitalised one may end the name (`Corse-du-Sud`).
            let transliteration_join = transliteration
                && sep == b'-'
                && next_is_letter
                && (next.upper == 0 || (parts >= 2 && next.title_or_lower()))
                && next.digits == 0
                && next.letters > 0;
            let join = match sep {
                b'.' => {
                    next_is_letter
                        && ((self.abbrev_like(&cur) && (self.abbrev_like(&next) || next.all_caps()))
                            || (cur.letters == 1 && next.letters == 1 && cur.digits == 0 && next.digits == 0))
                }
                b'-' => {
                    // `QP-QSĐP`, `COVID-19`, and an acronym before a place name (`TT-Huế`).
                    let acronym = cur.all_caps() && cur.letters >= 2 && !cur.syllable;
                    let acronym_join = self.abbrev_like(&cur)
                        && (self.abbrev_like(&next)
                            || (!next_is_letter && next.digits > 0)
                            || (acronym && next_is_letter && next.syllable && next.first_upper));
                    acronym_join || transliteration_join
                }
                b'/' => {
                    next_is_letter
                        && cur.digits == 0
                        && next.digits == 0
                        && cur.letters <= 5
                        && next.letters <= 5
                        && (!cur.syllable || !next.syllable)
                }
                // `R&D`, `NHNo&PTNT`, and capitals that are also syllables (`M&A`, `E&C`).
                _ => {
                    let capitals = |p: &Part| p.upper > 0 && p.lower == 0;
                    next_is_letter
                        && (self.abbrev_like(&cur) || capitals(&cur))
                        && (self.abbrev_like(&next) || capitals(&next))
                        && cur.digits == 0
                        && next.digits == 0
                }
            };
            if !join {
                break;
            }
            transliteration = transliteration_join;
            abbrev_dot = sep == b'.' && cur.letters == 1 && next.letters == 1 && (parts == 1 || abbrev_dot);
            parts += 1;
            wordlike_parts += usize::from(next_is_letter && Self::wordlike(&next));
            end = next.end;
            cur = next;
        }
        if parts > 1 {
            let kind = if wordlike_parts == parts || transliteration {
                TokenKind::Foreign
            } else {
                TokenKind::Abbreviation
            };
            return (end, kind);
        }
        self.single_part_word(start, &first)
    }

    /// The kind of a word of one part, `first`, starting at `start`.
    #[inline(always)]
    fn single_part_word(&self, start: usize, first: &Part) -> (usize, TokenKind) {
        let end = first.end;
        match Self::single_part_kind(first, end) {
            // Three or four bytes with a `y`: the only ones `contraction` may take.
            (end, TokenKind::Foreign)
                if (3..=4).contains(&(end - start))
                    && self.text.as_bytes()[start..end].iter().any(|&b| b | 0x20 == b'y')
                    && self.contraction(start, end) =>
            {
                (end, TokenKind::Abbreviation)
            }
            r => r,
        }
    }

    /// A contraction whose only vowel letter is a `y` after two consonants that start no
    /// Vietnamese or English word: `Cty`, `cty`, `CTy` (`công ty`). `gym`, `sky`, `try`, `Lynn`
    /// stay foreign words.
    #[inline(never)]
    fn contraction(&self, start: usize, end: usize) -> bool {
        const ONSETS: [&[u8; 2]; 24] = [
            b"bl", b"br", b"ch", b"cl", b"cr", b"dr", b"fl", b"fr", b"gh", b"gl", b"gr", b"kh", b"kn", b"ng",
            b"nh", b"ph", b"pl", b"pr", b"ps", b"rh", b"sc", b"sh", b"th", b"tr",
        ];
        const MORE_ONSETS: [&[u8; 2]; 9] = [b"sk", b"sl", b"sm", b"sn", b"sp", b"st", b"sw", b"wh", b"wr"];
        let word = &self.text.as_bytes()[start..end];
        let lower = |b: u8| b.to_ascii_lowercase();
        // The `y` first: most short foreign words have none.
        if !word.iter().any(|&b| lower(b) == b'y') {
            return false;
        }
        if !(3..=4).contains(&word.len()) || !word.iter().all(u8::is_ascii_alphabetic) {
            return false;
        }
        let vowel = |b: u8| matches!(lower(b), b'a' | b'e' | b'i' | b'o' | b'u');
        if word.iter().any(|&b| vowel(b)) {
            return false;
        }
        let pair = [lower(word[0]), lower(word[1])];
        pair[0] != b'y' && pair[1] != b'y' && !ONSETS.iter().chain(&MORE_ONSETS).any(|o| **o == pair)
    }

    /// True when a word starting with a capital stands right before `start`, one space
    /// apart and with no punctuation after it (`Ngọc Phan`, `(Trung Quốc`; not `Ê-đê, X`).
    fn after_capitalized_word(&self, start: usize) -> bool {
        let Some(before) = self.text[..start].strip_suffix(' ') else { return false };
        let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
        let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
        let last = word.chars().rev().find(|&c| !chars::is_combining(c));
        word.chars().next().is_some_and(char::is_uppercase) && last.is_some_and(char::is_alphabetic)
    }

    /// The kind of a word of one part.
    fn single_part_kind(p: &Part, end: usize) -> (usize, TokenKind) {
        let kind = if p.syllable {
            TokenKind::Syllable
        } else if p.vowels == 0 && p.letters > 0 {
            // No vowel: not a word but a contraction or unit (`Tp`, `Cty`, `ThS`, `km`, `m2`).
            TokenKind::Abbreviation
        } else if p.digits > 0 {
            if p.upper > 0 { TokenKind::Abbreviation } else { TokenKind::Foreign }
        } else if p.upper >= 2 || (p.upper == 1 && p.letters == 1) {
            TokenKind::Abbreviation
        } else {
            TokenKind::Foreign
        };
        (end, kind)
    }

    /// A part that reads as an ordinary word (`Coca`, `cola`): four letters or more, lower
    /// or title case, no digits.
    fn wordlike(p: &Part) -> bool {
        p.letters >= 4 && p.digits == 0 && p.title_or_lower()
    }
}
