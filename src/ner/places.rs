//! Place rules: a place after an administrative word (`tỉnh Đắk Nông`, `xã Quảng Sơn`), and
//! whether a place name standing alone is a place.

use super::index::NameMatch;
use super::parser::Parser;
use super::{EntityKind, MatchKind};
use crate::gazetteer::{Cue, Hit, PlaceKind, Record, Target, sym};
use crate::token::TokenKind;

impl Parser<'_, '_> {
    /// Whether a standalone place name at `i..end` stands: a one-word place (`Mỹ`, `Đức`,
    /// `Nhật`) that is part of a longer capitalized run or follows a title is a name.
    /// The hit is a country (or a foreign place of the same standing: no person is named
    /// `Hoa Kỳ` or `Nhật Bản`).
    pub(super) fn is_country(&self, hit: Hit) -> bool {
        match hit.target {
            Target::Record(Record::Place(id)) => self
                .gazetteer
                .place_by_id(id)
                .is_some_and(|p| matches!(p.kind, PlaceKind::Country | PlaceKind::Region)),
            _ => false,
        }
    }

    pub(super) fn place_ok(&self, i: usize, end: usize, hit: Hit) -> bool {
        if end - i > 1 {
            return true;
        }
        let neighbour_name = |k: Option<usize>| {
            k.and_then(|k| self.tok(k)).is_some_and(|t| {
                t.is_syllable() && t.cap && !t.upper && self.flags_of(t) & sym::NOT_NAME == 0
            })
        };
        let prev_is_name = neighbour_name(i.checked_sub(1)) && !self.toks[i].sent_start;
        if prev_is_name || neighbour_name(Some(end)) {
            return false;
        }
        if i > 0 && self.is_title_before(i) {
            return false;
        }
        // A word that starts a common compound (`Pháp nhân`, `Ý kiến`, `Mỹ thuật`).
        let mut names = Vec::new();
        self.matches(i, &mut names);
        if names
            .iter()
            .any(|m| m.end > end && self.hits(m).iter().any(|h| h.target == Target::Cue(Cue::NotName)))
        {
            return false;
        }
        // An all-capitals word among others is a heading (`HIẾN PHÁP`), not a country.
        let upper_word =
            |k: Option<usize>| k.and_then(|k| self.tok(k)).is_some_and(|t| t.is_word() && t.upper);
        if self.toks[i].upper && (upper_word(i.checked_sub(1)) || upper_word(Some(end))) {
            return false;
        }
        !matches!(hit.target, Target::Record(Record::District(_))) || self.toks[i].cap
    }

    /// True when a house number ends right before token `i`: `số` and numbers joined by
    /// `-` or `/` (`số 52`, `số 52 - 54`, `Số 12/3`).
    pub(super) fn house_number_before(&self, i: usize) -> bool {
        let mut k = i;
        let mut numbers = 0;
        while k > 0 {
            let t = self.toks[k - 1];
            let s = self.str(k - 1);
            if t.kind == TokenKind::Number || t.kind == TokenKind::Range || t.kind == TokenKind::Date {
                numbers += 1;
            } else if !(numbers > 0 && matches!(s, "-" | "–" | "/")) {
                return numbers > 0 && matches!(s, "số" | "Số");
            }
            k -= 1;
        }
        false
    }

    /// A place after an administrative word `cue..at`; returns the end. With `nested`,
    /// the place is recorded as nested (inside an organisation). The word is outside the
    /// span except the abbreviations `TP`, `P.`, `Q.` and before a number (`phường 9`).
    pub(super) fn admin_place(
        &mut self,
        cue: usize,
        at: usize,
        provincial: bool,
        nested: bool,
        names: &mut Vec<NameMatch>,
    ) -> Option<usize> {
        let abbreviated = matches!(self.str(cue), "TP" | "P" | "Q" | "Tp");
        let from = if abbreviated { cue } else { at };
        let province_word = matches!(self.str(cue), "tỉnh" | "Tỉnh");
        self.matches(at, names);
        let want = |h: &Hit| {
            matches!(h.target, Target::Record(Record::Province(_) | Record::District(_) | Record::Place(_)))
        };
        let known = self.best(at, names, want, true);
        let run = self.capitalized_run(at, 4);
        if let Some((end, hit, matched)) = known {
            let is_province = matches!(hit.target, Target::Record(Record::Province(_)));
            // A longer capitalized name wins over a shorter known one (`xã Mỹ Chánh`).
            let longer_run = !provincial && run.is_some_and(|r| r > end);
            if (!province_word || is_province) && !longer_run {
                if let Target::Record(r) = hit.target {
                    let kind = if is_province { EntityKind::Province } else { EntityKind::Location };
                    self.push(kind, from, end, Some(r), matched, nested);
                }
                return Some(end);
            }
        }
        let end = run?;
        if self.toks[at].upper {
            return None;
        }
        // Vietnam's provinces are all known: an unknown name after `tỉnh` is a foreign
        // province (`tỉnh Ratanakiri`, `tỉnh Phúc Kiến`) unless it looks like a person
        // (`Chủ tịch UBND tỉnh Hồ Văn Mười`).
        if province_word && self.flags(at) & sym::SURNAME != 0 {
            return None;
        }
        let from = if self.toks[at].kind == TokenKind::Number { cue } else { from };
        // `UBND huyện Nguyễn Văn A` style: a surname + Văn/Thị is a person, not a place.
        if end - at >= 3 && self.flags(at) & sym::SURNAME != 0 && matches!(self.str(at + 1), "Văn" | "Thị")
        {
            return None;
        }
        self.push(EntityKind::Location, from, end, None, MatchKind::Exact, nested);
        Some(end)
    }

    /// Capitalized syllables (or a number for `Quận 1`, `phường 5`) from `i`, at most `max`.
    pub(super) fn capitalized_run(&self, i: usize, max: usize) -> Option<usize> {
        let t = self.tok(i)?;
        if t.kind == TokenKind::Number {
            return Some(i + 1);
        }
        let mut j = i;
        while j < self.toks.len() && j - i < max {
            let t = self.toks[j];
            if !(t.cap
                && (t.is_syllable() || t.kind == TokenKind::Foreign || t.kind == TokenKind::Abbreviation))
            {
                break;
            }
            if j > i && self.flags(j) & sym::ORG_HEAD != 0 && self.starts_organization(j) {
                break;
            }
            j += 1;
        }
        (j > i).then_some(j)
    }
}
