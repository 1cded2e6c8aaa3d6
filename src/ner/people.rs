//! Person rules: names by the structure of Vietnamese names (surname, middle and given
//! names), names after a title or a form of address, and bylines.

use super::parser::Parser;
use super::{EntityKind, MatchKind};
use crate::gazetteer::{Cue, NO_SYM, Target, sym};
use crate::token::TokenKind;

impl Parser<'_, '_> {
    pub(super) fn is_title_before(&self, i: usize) -> bool {
        let mut names = Vec::new();
        (i.saturating_sub(3)..i).any(|s| {
            self.matches(s, &mut names);
            names.iter().any(|m| {
                m.end == i
                    && self.hits(m).iter().any(|h| matches!(h.target, Target::Cue(Cue::Title | Cue::Address)))
            })
        })
    }

    /// A person name by its structure at `i`: surname, then capitalized name syllables.
    pub(super) fn person_at(&self, i: usize, title_before: bool) -> Option<usize> {
        let t = self.toks[i];
        if !t.is_syllable() || self.flags(i) & sym::SURNAME == 0 {
            return None;
        }
        let all_upper = t.upper;
        let mut j = i + 1;
        while j < self.toks.len() && j - i < 4 {
            let n = self.toks[j];
            if !(n.is_syllable() && n.cap && n.upper == all_upper) {
                break;
            }
            let f = self.flags(j);
            if f & (sym::NOT_NAME | sym::ORG_HEAD) != 0 && f & (sym::MIDDLE | sym::GIVEN) == 0 {
                break;
            }
            // All capitals: every syllable a known name syllable (`ỨNG DỤNG` is no name).
            if all_upper && f & (sym::MIDDLE | sym::GIVEN) == 0 {
                break;
            }
            // A place inside stops the name (`đồng Việt Nam` is a currency).
            if self.starts_long_place(j) {
                break;
            }
            j += 1;
        }
        // Inner syllables must be known name syllables; the last may be any syllable.
        let mut end = j;
        while end > i + 1 && (i + 1..end - 1).any(|k| self.flags(k) & (sym::MIDDLE | sym::GIVEN) == 0) {
            end -= 1;
        }
        let len = end - i;
        if len < 2 {
            return None;
        }
        // An all-capitals name must stand alone, not continue a heading (`XỬ LÝ VI PHẠM`).
        let caps_before = i > 0 && self.toks[i - 1].upper && self.toks[i - 1].is_word();
        if all_upper && (len < 3 || caps_before) {
            return None;
        }
        let last_known = self.flags(end - 1) & (sym::MIDDLE | sym::GIVEN) != 0;
        let common = self.flags(i) & sym::COMMON_SURNAME != 0;
        if len == 2 && !title_before && (!last_known || t.sent_start || !common) {
            return None;
        }
        // An initial for the given name, as the press writes suspects (`Phạm Đình M.`).
        if self.tok(end).is_some_and(|n| n.cap && self.str(end).len() == 1) {
            return Some(end + 1);
        }
        Some(end)
    }

    /// A name right after a title, not starting a place or organisation: name syllables
    /// (`ông Tuấn`), foreign words (`Tổng thống Joe Biden`), or initials (`bà NTMP`,
    /// `ông T.`). With `upper`, an all-capitals name is accepted (`Ảnh: NGUYỄN HIỀN`).
    pub(super) fn titled_name(&self, i: usize, upper: bool, any_syllable: bool) -> Option<usize> {
        let t = self.tok(i)?;
        let letters = self.str(i).chars().filter(|c| c.is_alphabetic()).count();
        if t.cap
            && t.kind == TokenKind::Abbreviation
            && (1..=5).contains(&letters)
            && !self.str(i).contains('-')
            && self.flags(i) & (sym::ORG_HEAD | sym::NOT_NAME) == 0
            && (t.sym == NO_SYM || letters == 1)
        {
            return Some(i + 1);
        }
        let mut j = i;
        while j < self.toks.len() && j - i < 4 {
            let n = self.toks[j];
            let f = self.flags(j);
            let name_like = match n.kind {
                TokenKind::Foreign => true,
                TokenKind::Syllable => any_syllable || f & (sym::SURNAME | sym::MIDDLE | sym::GIVEN) != 0,
                _ => false,
            };
            if !(n.cap && name_like && (upper || !n.upper || self.str(j).chars().count() == 1)) {
                break;
            }
            if f & (sym::NOT_NAME | sym::ORG_HEAD) != 0 && f & (sym::MIDDLE | sym::GIVEN) == 0 {
                break;
            }
            j += 1;
        }
        (j > i).then_some(j)
    }

    /// Names after a byline cue ending at `at`, separated by `-`, `,` or `và`.
    pub(super) fn bylines(&mut self, at: usize) -> Option<usize> {
        let mut i = at;
        let mut found = false;
        while let Some(end) = self.titled_name(i, true, false) {
            self.push(EntityKind::Person, i, end, None, MatchKind::Exact, false);
            found = true;
            i = end;
            let sep = matches!(self.str(i), "-" | "–" | "," | "và");
            if sep && self.titled_name(i + 1, true, false).is_some() {
                i += 1;
            } else {
                break;
            }
        }
        found.then_some(i)
    }
}
