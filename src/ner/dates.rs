//! Date and time rules: the tokenizer's dates and times, `ngày 8 tháng 12 năm 2022`,
//! `năm 2023`, `16 giờ 30`, bare years after a cue.

use super::parser::Parser;
use super::{EntityKind, MatchKind};
use crate::gazetteer::NO_SYM;
use crate::token::TokenKind;

/// `30` and `1` form a valid day and month.
fn day_month(d: &str, m: &str) -> bool {
    d.len() <= 2
        && m.len() <= 2
        && d.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
        && m.parse::<u32>().is_ok_and(|m| (1..=12).contains(&m))
}

impl Parser<'_, '_> {
    /// Dates and times at `i`; returns the end.
    pub(super) fn date_time(&mut self, i: usize) -> Option<usize> {
        let (start, end, kind) = self.date_time_span(i)?;
        self.push(kind, start, end, None, MatchKind::Exact, false);
        Some(end)
    }

    pub(super) fn date_time_span(&self, i: usize) -> Option<(usize, usize, EntityKind)> {
        let t = self.toks[i];
        let w = self.words;
        let date = EntityKind::Date;
        let prev = if i > 0 { self.sym(i - 1) } else { NO_SYM };
        match t.kind {
            // `08/12/2022`, but not document numbers (`số 04/2016/VB-LD`) or addresses.
            TokenKind::Date => {
                let numbered = prev == w.so || prev == w.slash || self.sym(i + 1) == w.slash;
                return (!numbered).then_some((i, i + 1, date));
            }
            TokenKind::Time => return Some((i, i + 1, EntityKind::Time)),
            TokenKind::Range => {
                // `1928-2002`; `30-1` after `Sáng`.
                let s = self.str(i);
                let (a, b) = s.split_once(['-', '–'])?;
                let years = [a, b]
                    .iter()
                    .all(|y| y.len() == 4 && y.parse::<u32>().is_ok_and(|y| (1000..=2199).contains(&y)));
                let after_day_part = w.day_parts.contains(&prev) && day_month(a, b);
                return (years || after_day_part).then_some((i, i + 1, date));
            }
            TokenKind::Number => {
                // `16 giờ 30 (phút)`.
                let h = self.number(i);
                if h.is_some_and(|h| h <= 24) && self.sym(i + 1) == w.gio {
                    let mut end = i + 2;
                    if self.number(end).is_some_and(|m| m < 60) {
                        end += 1;
                        if self.sym(end) == w.phut {
                            end += 1;
                        }
                    }
                    return Some((i, end, EntityKind::Time));
                }
                // `21 tháng 9 (năm 1938)`.
                if h.is_some_and(|d| (1..=31).contains(&d))
                    && self.sym(i + 1) == w.thang
                    && self.number(i + 2).is_some_and(|m| (1..=12).contains(&m))
                {
                    let end =
                        if self.sym(i + 3) == w.nam && self.year_after_nam(i + 4) { i + 5 } else { i + 3 };
                    return Some((i, end, date));
                }
                // A bare year after `(`, `từ`, `đến`, `tới`, `sinh`, `và` or a comma, not
                // followed by a word (`(1842)`, `từ 1960 đến 1975`, `1996, 2000, 2004`).
                let after_cue = [w.paren, w.tu, w.den, w.toi, w.sinh, w.va, w.comma].contains(&prev);
                if self.year(i) && (after_cue || (i == 0 && self.sym(i + 1) == w.en_dash)) {
                    if self.sym(i + 1) == w.dash && self.year(i + 2) {
                        return Some((i, i + 3, date));
                    }
                    let next_ok = self.tok(i + 1).is_none_or(|n| !n.is_word())
                        || [w.den, w.toi, w.va].contains(&self.sym(i + 1));
                    if next_ok {
                        return Some((i, i + 1, date));
                    }
                }
                return None;
            }
            _ => {}
        }
        if t.sym == NO_SYM || !t.is_syllable() {
            return None;
        }
        let next = self.tok(i + 1)?;
        if t.sym == w.ngay || t.sym == w.mong || t.sym == w.thang {
            // `ngày 08/12/2022`, `tháng 12/2022`.
            if next.kind == TokenKind::Date {
                return Some((i, i + 2, date));
            }
            // `ngày 14.2`, `ngày 30-1`, `tháng 4-2016`.
            let s = self.str(i + 1);
            if matches!(next.kind, TokenKind::Number | TokenKind::Range) {
                if let Some((a, b)) = s.split_once(['.', '-', '–']) {
                    let ok = if t.sym == w.thang {
                        a.parse::<u32>().is_ok_and(|m| (1..=12).contains(&m)) && self.year_str(b)
                    } else {
                        day_month(a, b)
                    };
                    if ok {
                        return Some((i, i + 2, date));
                    }
                }
            }
        }
        if t.sym == w.ngay || t.sym == w.mong {
            // `ngày 8 tháng 12 (năm 2022)`.
            let d = self.number(i + 1)?;
            if (1..=31).contains(&d)
                && self.sym(i + 2) == w.thang
                && self.number(i + 3).is_some_and(|m| (1..=12).contains(&m))
            {
                let mut end = i + 4;
                if self.sym(end) == w.nam && self.year_after_nam(end + 1) {
                    end += 2;
                }
                return Some((i, end, date));
            }
            return None;
        }
        if t.sym == w.thang {
            // `tháng 12 (năm 2022)`.
            let m = self.number(i + 1)?;
            if (1..=12).contains(&m) && self.str(i + 1).bytes().all(|b| b.is_ascii_digit()) {
                if self.sym(i + 2) == w.nam && self.year_after_nam(i + 3) {
                    return Some((i, i + 4, date));
                }
                return Some((i, i + 2, date));
            }
            return None;
        }
        if t.sym == w.nam {
            // `năm 2023`, `năm 312`, `năm 1955-1956`.
            if self.year_after_nam(i + 1) {
                return Some((i, i + 2, date));
            }
            if self.tok(i + 1).is_some_and(|n| n.kind == TokenKind::Range) {
                if let Some((a, b)) = self.str(i + 1).split_once(['-', '–']) {
                    if self.year_str(a) && self.year_str(b) {
                        return Some((i, i + 2, date));
                    }
                }
            }
        }
        None
    }

    /// A year after `năm`, which may have three digits (`năm 312`).
    pub(super) fn year_after_nam(&self, i: usize) -> bool {
        let s = self.str(i);
        self.tok(i).is_some_and(|t| t.kind == TokenKind::Number)
            && (3..=4).contains(&s.len())
            && s.parse::<u32>().is_ok_and(|y| (100..=2199).contains(&y))
    }

    pub(super) fn year_str(&self, s: &str) -> bool {
        s.len() == 4 && s.parse::<u32>().is_ok_and(|y| (1000..=2199).contains(&y))
    }

    pub(super) fn year(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.kind == TokenKind::Number) && self.year_str(self.str(i))
    }
}
