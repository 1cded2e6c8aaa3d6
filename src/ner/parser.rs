//! The rule parser's state over one line and its main loop, which tries the rules of each
//! kind (dates and times, military regions, organisations, places, people) at each token.

use super::index::{Tok, Words};
use super::{EntityKind, Found, MatchKind};
use crate::gazetteer::{Cue, Gazetteer, Hit, NO_SYM, OrganizationKind, Record, Target, sym};
use crate::token::TokenKind;

/// The rules' state over the tokens of one line.
pub(super) struct Parser<'a, 'h> {
    /// Ids of the function words the rules compare tokens with.
    pub(super) words: Words,
    pub(super) gazetteer: &'static Gazetteer,
    pub(super) toks: &'a [Tok],
    pub(super) text: &'h str,
    /// What the rules found, in the order they found it.
    pub(super) out: &'a mut Vec<Found>,
    /// The expander's matches on this line (start, end, expansion), in order, read once
    /// when a mention first needs them (see [`Parser::agreed_record`]).
    pub(super) expansions: std::cell::OnceCell<Vec<(usize, usize, String)>>,
}

/// A plain number.
fn small_number(s: &str) -> Option<u32> {
    s.parse::<u32>().ok()
}

impl Parser<'_, '_> {
    pub(super) fn tok(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }

    pub(super) fn sym(&self, i: usize) -> u32 {
        self.toks.get(i).map_or(NO_SYM, |t| t.sym)
    }

    pub(super) fn str(&self, i: usize) -> &str {
        self.toks.get(i).and_then(|t| self.text.get(t.start..t.end)).unwrap_or("")
    }

    pub(super) fn flags(&self, i: usize) -> u16 {
        let s = self.sym(i);
        if s == NO_SYM { 0 } else { self.gazetteer.flags.get(s as usize).copied().unwrap_or(0) }
    }

    pub(super) fn number(&self, i: usize) -> Option<u32> {
        let t = self.tok(i)?;
        if t.kind != TokenKind::Number {
            return None;
        }
        small_number(self.str(i))
    }

    pub(super) fn flags_of(&self, t: &Tok) -> u16 {
        if t.sym == NO_SYM { 0 } else { self.gazetteer.flags.get(t.sym as usize).copied().unwrap_or(0) }
    }

    pub(super) fn push(
        &mut self,
        kind: EntityKind,
        start: usize,
        end: usize,
        record: Option<Record>,
        matched: MatchKind,
        nested: bool,
    ) {
        self.out.push(Found { kind, start, end, record, matched, nested, mention_start: start });
    }

    pub(super) fn push_place(&mut self, i: usize, end: usize, hit: Hit, matched: MatchKind, nested: bool) {
        let Target::Record(r) = hit.target else { return };
        let kind = match r {
            Record::Province(_) => EntityKind::Province,
            Record::MilitaryRegion(_) => EntityKind::MilitaryRegion,
            _ => EntityKind::Location,
        };
        self.push(kind, i, end, Some(r), matched, nested);
    }

    pub(super) fn run(&mut self) {
        // The gazetteer names and cue words that start at token `i`.
        let mut names = Vec::new();
        // A buffer for the look-ups the rules make further on.
        let mut scratch = Vec::new();
        let mut i = 0;
        let mut title_before = false;
        // The title was a form of address (`ông`, `bà`, `anh`): any capitalized syllable
        // after it is a name (`bà Mì`), not only known name syllables.
        let mut address_before = false;
        while i < self.toks.len() {
            // Most tokens are lower-case words that no name or cue starts with.
            let t = self.toks[i];
            if t.sym == NO_SYM
                && !t.cap
                && matches!(t.kind, TokenKind::Syllable | TokenKind::Foreign)
                && !self.gazetteer.folded_lower_start(t.fsym)
            {
                title_before = false;
                i += 1;
                continue;
            }
            if let Some(end) = self.date_time(i) {
                i = end;
                title_before = false;
                continue;
            }
            self.matches(i, &mut names);
            let tok = self.toks[i];
            // A byline: `Tin, ảnh: Khánh An`.
            let byline = self.cue_at(&names, Cue::Byline).filter(|&end| {
                // `Tin, ảnh:` anywhere; a cue without a colon (`Ảnh Lã Nghĩa`) only starting a line
                // or sentence, so that `điện ảnh Việt Nam` is no byline.
                tok.cap && (self.str(end - 1) == ":" || tok.sent_start)
            });
            if let Some(end) = byline {
                if let Some(after) = self.bylines(end) {
                    i = after;
                    continue;
                }
            }
            let is_org = |h: &Hit| matches!(h.target, Target::Record(Record::Organization(_)));
            let is_mr = |h: &Hit| matches!(h.target, Target::Record(Record::MilitaryRegion(_)));
            let is_place = |h: &Hit| {
                matches!(
                    h.target,
                    Target::Record(Record::Province(_) | Record::District(_) | Record::Place(_))
                )
            };
            let title_end = self.cue_at(&names, Cue::Title);
            let place = self.best(i, &names, is_place, false);
            // Military regions.
            if let Some((end, hit, matched)) = self.best(i, &names, is_mr, true) {
                if let Target::Record(r) = hit.target {
                    self.push(EntityKind::MilitaryRegion, i, end, Some(r), matched, false);
                    i = end;
                    continue;
                }
            }
            // Organisations.
            if tok.cap {
                if let Some((end, hit, matched)) = self.best(i, &names, is_org, true) {
                    let head = matches!(hit.target, Target::Record(Record::Organization(id))
                        if self.gazetteer.organization_by_id(id).is_some_and(|o| o.kind == OrganizationKind::Head));
                    let place_longer = place.is_some_and(|(pe, _, _)| pe > end);
                    if title_end.is_none_or(|t| end > t) && !(head && place_longer) {
                        if let Some(after) = self.organization(i, end, hit, matched, &mut scratch) {
                            i = after;
                            title_before = false;
                            continue;
                        }
                    }
                }
            }
            // A place after an administrative word: `tỉnh Đắk Nông`, `xã Quảng Sơn`.
            let admin_province = self.cue_at(&names, Cue::AdminProvince);
            let admin = admin_province.or_else(|| self.cue_at(&names, Cue::Admin));
            if let Some(cue_end) = admin {
                if place.is_none_or(|(end, _, _)| end <= cue_end) {
                    if let Some(after) =
                        self.admin_place(i, cue_end, admin_province.is_some(), false, &mut scratch)
                    {
                        i = after;
                        continue;
                    }
                }
            }
            // People.
            let person = if tok.cap { self.person_at(i, title_before) } else { None };
            if let Some(end) = person {
                let place_len = place.map_or(0, |(e, _, _)| e - i);
                // A person beats a place name at the same word only after a title, or when
                // a common surname starts a longer name (`Hạ Long Uông` is no person). A
                // country that is the whole name stays a country after a title of office
                // (`Tổng thống Hoa Kỳ`), not after `ông`/`bà`; `Chủ tịch Hồ Chí Minh` is a
                // person.
                let common = self.flags(i) & sym::COMMON_SURNAME != 0;
                let country = place.is_some_and(|(_, hit, _)| self.is_country(hit));
                let title_wins = title_before && (address_before || place_len < end - i || !country);
                if place_len == 0 && !title_before && self.house_number_before(i) {
                    // `số 52 - 54 Nguyễn Khắc Nhu`: a street named after a person.
                    self.push(EntityKind::Location, i, end, None, MatchKind::Exact, false);
                    i = end;
                    continue;
                }
                if place_len == 0 || title_wins || (common && end - i > place_len) {
                    self.push(EntityKind::Person, i, end, None, MatchKind::Exact, false);
                    i = end;
                    title_before = false;
                    continue;
                }
            }
            if let Some((end, hit, matched)) = place {
                // A title of office and its country (`Thủ tướng Canada`, `Tổng thống Pháp`),
                // then maybe the name the title belongs to (`Tổng thống Mỹ Donald Trump`).
                // A one-word country is a given name after `ông`/`bà` (`ông Đức`) or before
                // another name syllable (`ca sĩ Mỹ Tâm`), unless a foreign name follows.
                let next_cap = |kind: TokenKind| self.tok(end).is_some_and(|n| n.cap && n.kind == kind);
                let given_name_like = end - i == 1 && tok.is_syllable() && next_cap(TokenKind::Syllable);
                let country_of_title = title_before
                    && self.is_country(hit)
                    && (next_cap(TokenKind::Foreign) || !(address_before || given_name_like));
                if country_of_title || self.place_ok(i, end, hit) {
                    self.push_place(i, end, hit, matched, false);
                    i = end;
                    // The title goes on to the name after its country.
                    title_before = country_of_title;
                    continue;
                }
            }
            if let Some(end) = title_end {
                title_before = true;
                address_before = names.iter().any(|m| {
                    m.end == end
                        && !m.folded
                        && self.hits(m).iter().any(|h| h.target == Target::Cue(Cue::Address))
                });
                i = end;
                continue;
            }
            // A name right after a title: `ông Tuấn`, `Tổng thống Joe Biden`.
            if title_before && self.best(i, &names, is_org, true).is_none() {
                // After a formal title (`Tổng giám đốc, Kế toán trưởng`) one word is rarely a
                // name: the press gives the full name.
                let name = self.titled_name(i, false, address_before).filter(|&after| {
                    address_before
                        || after - i >= 2
                        || self.toks[i].kind != TokenKind::Syllable
                        || self.str(i).len() == 1
                });
                if let Some(after) = name {
                    self.push(EntityKind::Person, i, after, None, MatchKind::Exact, false);
                    i = after;
                    title_before = false;
                    continue;
                }
            }
            // A road by its number, cue included: `Quốc lộ 18`, `QL 18`.
            if let Some(cue_end) = self.cue_at(&names, Cue::Road) {
                if self.tok(cue_end).is_some_and(|t| t.kind == TokenKind::Number)
                    && self.str(cue_end).bytes().all(|b| b.is_ascii_digit())
                {
                    self.push(EntityKind::Location, i, cue_end + 1, None, MatchKind::Exact, false);
                    i = cue_end + 1;
                    continue;
                }
            }
            // A state by its full name, prefix included: `Vương quốc Nam Tư`, `Cộng hòa Guinée`.
            if let Some(cue_end) = self.cue_at(&names, Cue::State).filter(|_| tok.cap) {
                let mut after_cue = Vec::new();
                self.matches(cue_end, &mut after_cue);
                let known = self.best(cue_end, &after_cue, is_place, false).map(|(e, _, _)| e);
                let end = known.max(self.capitalized_run(cue_end, 6)).filter(|&e| e > cue_end);
                if let Some(end) = end {
                    self.push(EntityKind::Location, i, end, None, MatchKind::Exact, false);
                    i = end;
                    continue;
                }
            }
            // An unknown name after a geographic word or a place preposition (`sông Sêrêpốk`,
            // `tại Montréal`); known names are matched at their own position. Streets may be
            // named after people (`đường Phan Thanh Giản`).
            let geo = self.cue_at(&names, Cue::Geo).or_else(|| self.cue_at(&names, Cue::PlaceContext));
            let street = matches!(self.str(i), "đường" | "Đường" | "phố" | "Phố");
            if let Some(cue_end) = geo.filter(|&e| {
                !self.starts_cue(e, Cue::NotName)
                    && if street { !self.starts_record(e) } else { !self.starts_entity(e) }
            }) {
                let preposition = self.cue_at(&names, Cue::Geo).is_none();
                // Of the prepositions only `tại`, `ở` and `sang` introduce unknown places often
                // enough (`thuộc Danh mục...` does not).
                let strong = !preposition || matches!(self.str(i), "tại" | "Tại" | "ở" | "Ở" | "sang");
                if let Some(after) = self.capitalized_run(cue_end, 4) {
                    let t = self.toks[cue_end];
                    // After `tại`, `ở`... one capitalized Vietnamese word is too often a common
                    // noun (`đến Cung văn hóa`); a foreign word or two words are names.
                    let name_like = !preposition || after - cue_end >= 2 || t.kind == TokenKind::Foreign;
                    if after > cue_end
                        && name_like
                        && strong
                        && (t.is_syllable() || t.kind == TokenKind::Foreign)
                        && !t.upper
                    {
                        self.push(EntityKind::Location, cue_end, after, None, MatchKind::Exact, false);
                        i = after;
                        continue;
                    }
                }
            }
            if !(tok.kind == TokenKind::Punctuation && self.str(i) == ",") {
                title_before = false;
            }
            i += 1;
        }
    }
}
