//! Organisation rules: a gazetteer body or a head word and its name (`Sở Y tế`, `Công ty ...`),
//! its place complement (`UBND tỉnh Đắk Nông`, `Đảng bộ Quân khu 5`), the body it belongs to,
//! and the record the abbreviation expander agrees on.

use super::index::NameMatch;
use super::parser::Parser;
use super::{EntityKind, Found, MatchKind};
use crate::gazetteer::{Cue, Hit, NO_SYM, OrganizationKind, PlaceKind, Record, Sector, Target, sym};
use crate::token::TokenKind;

/// Lower-case words that never continue an organisation's name.
const NOT_IN_NAMES: [&str; 54] = [
    "của", "do", "tại", "ở", "với", "cho", "từ", "đến", "về", "là", "trong", "trên", "thì", "mà", "khi",
    "được", "bị", "đã", "sẽ", "đang", "này", "có", "không", "các", "những", "một", "nói", "cũng", "vẫn",
    "sau", "thuộc", "vòng", "ra", "vào", "giao", "gồm", "theo", "nhằm", "để", "như", "hay", "hoặc", "nhưng",
    "còn", "rồi", "nên", "vì", "nếu", "nước", "phía", "hướng", "chả", "thành", "cáo",
];

/// An organisation head word and the lower-case word that makes it a common noun: a hall, a
/// meeting, a fair, a meeting room.
const NOT_BODIES: [(&str, &str); 7] = [
    ("Hội", "trường"),
    ("Hội", "nghị"),
    ("Hội", "thảo"),
    ("Hội", "chợ"),
    ("Hội", "thi"),
    ("Hội", "diễn"),
    ("Phòng", "họp"),
];

/// `I`, `XII`, `IV`: an upper-case Roman numeral.
fn is_roman(s: &str) -> bool {
    !s.is_empty() && s.len() <= 6 && s.bytes().all(|b| matches!(b, b'I' | b'V' | b'X' | b'L'))
}

impl Parser<'_, '_> {
    /// An organisation starting at `i` whose gazetteer part ends at `end`.
    pub(super) fn organization(
        &mut self,
        i: usize,
        end: usize,
        hit: Hit,
        matched: MatchKind,
        names: &mut Vec<NameMatch>,
    ) -> Option<usize> {
        let Target::Record(Record::Organization(id)) = hit.target else { return None };
        let org = self.gazetteer.organization_by_id(id)?;
        // `Hội trường UBND tỉnh` (the committee's hall), `Hội nghị`, `Phòng họp`: the head word
        // and the lower-case word after it are a common noun, not a body.
        if org.kind == OrganizationKind::Head
            && NOT_BODIES.iter().any(|&(head, next)| org.name == head && self.str(end) == next)
        {
            return None;
        }
        let mut e = end;
        if org.kind == OrganizationKind::Head {
            // Bodies named by common nouns (`Sở Y tế`, `Báo Đầu tư Bất động sản`) may end in a
            // lower-case word; companies rarely do (`Công ty Duy Phát nộp tiền`).
            let lower_tail = matches!(
                org.sector,
                Sector::State | Sector::Military | Sector::Media | Sector::School | Sector::Health
            );
            e = self.org_name(end, lower_tail, org.sector == Sector::Military, names);
        }
        // `Chi cục Thi hành án dân sự (THADS) huyện Lâm Hà`: an abbreviation in parentheses.
        // Without a place after it, the abbreviation is an organisation of its own
        // (`Công ty cổ phần Xuân Hòa (XHC)`).
        if self.str(e) == "("
            && self.tok(e + 1).is_some_and(|t| t.kind == TokenKind::Abbreviation)
            && self.str(e + 2) == ")"
        {
            if self.is_admin_word(e + 3, names) {
                e += 3;
            } else {
                self.push(EntityKind::Organization, e + 1, e + 2, None, MatchKind::Exact, false);
            }
        }
        // `Ủy ban nhân dân cấp tỉnh`: a kind of body, not a body.
        if self.str(e) == "cấp" {
            return None;
        }
        let start_nested = self.out.len();
        let mut full = self.org_complement(e, org.kind, names);
        // A head word needs a name or a place (`Bộ Tư lệnh Quân khu 7`).
        if org.kind == OrganizationKind::Head && full == end {
            self.out.truncate(start_nested);
            return None;
        }
        // `Quốc hội khóa XII`.
        if matches!(self.str(full), "khóa" | "khoá" | "Khóa")
            && (self.number(full + 1).is_some() || is_roman(self.str(full + 1)))
        {
            full += 2;
        }
        // A unit and the body it belongs to are one name: `Cơ quan CSĐT Bộ Công an`,
        // `Cục Tài chính / Bộ Quốc phòng`; the body is kept as a nested entity.
        if org.kind != OrganizationKind::Body {
            let next = if self.str(full) == "/" { full + 1 } else { full };
            let mut parent_names = Vec::new();
            self.matches(next, &mut parent_names);
            let parent = self.toks.get(next).is_some_and(|t| t.cap).then(|| {
                self.best(
                    next,
                    &parent_names,
                    |h| {
                        matches!(h.target, Target::Record(Record::Organization(id))
                    if self.gazetteer.organization_by_id(id).is_some_and(|o| o.kind != OrganizationKind::Head))
                    },
                    true,
                )
            });
            if let Some(Some((pend, phit, pmatched))) = parent {
                let before = self.out.len();
                if let Some(after) = self.organization(next, pend, phit, pmatched, names) {
                    for f in &mut self.out[before..] {
                        f.nested = true;
                    }
                    full = after;
                }
            }
        }
        let record = if org.kind == OrganizationKind::Head {
            // A head word and an abbreviated name (`Tổng cục CT`): the body the expansion
            // names, and the mention ends with that name.
            let named = (end + 1..=full).rev().find_map(|to| Some((self.agreed_record(i, to, to)?, to)));
            named.map(|(r, to)| {
                full = to;
                let out = &mut *self.out;
                let mut k = start_nested;
                while k < out.len() {
                    if out[k].end > to {
                        out.remove(k);
                    } else {
                        k += 1;
                    }
                }
                r
            })
        } else {
            Some(self.agreed_record(i, end, full).unwrap_or(Record::Organization(id)))
        };
        // The nested entities were pushed by the complement; the outer one goes first.
        self.out.insert(
            start_nested,
            Found {
                kind: EntityKind::Organization,
                start: i,
                end: full,
                record,
                matched,
                nested: false,
                mention_start: i,
            },
        );
        Some(full)
    }

    /// The organisation that the abbreviation expander reads in the mention `i..full`
    /// (whose gazetteer part is `i..end`), when it holds an abbreviation: the record named
    /// by the expanded mention, else by the expanded gazetteer part. The expander decides
    /// with its cues and the words around (`BCHQS huyện` is the `Ban`, `QĐND Việt Nam` is
    /// the army), so that the record and the expansion of one mention agree.
    pub(super) fn agreed_record(&self, i: usize, end: usize, full: usize) -> Option<Record> {
        // Abbreviations, and capitals that also spell a syllable (`CA`).
        let abbreviated =
            |k: usize| self.tok(k).is_some_and(|t| t.kind == TokenKind::Abbreviation || t.upper);
        if !(i..end).any(abbreviated) {
            return None;
        }
        let matches = self.expansions.get_or_init(|| {
            let (Some(first), Some(last)) = (self.toks.first(), self.toks.last()) else { return Vec::new() };
            let line = self.text.get(first.start..last.end).unwrap_or("");
            let found = crate::Abbreviations::builtin().find(line);
            found
                .into_iter()
                .map(|m| (m.span.start + first.start, m.span.end + first.start, m.expansion.into_owned()))
                .collect()
        });
        let expanded = |to: usize| -> Option<String> {
            let mut out = String::new();
            for k in i..to {
                let t = self.tok(k)?;
                if k > i {
                    out.push_str(self.text.get(self.toks[k - 1].end..t.start)?);
                }
                let at = matches.partition_point(|m| m.0 < t.start);
                match matches.get(at) {
                    Some((start, end, expansion)) if *start == t.start && *end == t.end => {
                        out.push_str(expansion)
                    }
                    _ => out.push_str(self.str(k)),
                }
            }
            Some(out)
        };
        let organization = |name: String| {
            self.gazetteer.lookup(&name).iter().copied().find(|r| {
                matches!(r, Record::Organization(id)
                    if self.gazetteer.organization_by_id(*id).is_some_and(|o| o.kind != OrganizationKind::Head))
            })
        };
        // With `end == full` (a head word's name) the second reading is the first again.
        expanded(full)
            .and_then(organization)
            .or_else(|| (end < full).then(|| expanded(end)).flatten().and_then(organization))
    }

    /// The name after an organisation head word (`Sở Giáo dục và Đào tạo`, `Lữ đoàn công
    /// binh 219`): capitalized words, numbers, and short lower-case stretches that lead to
    /// another capitalized word or a place.
    pub(super) fn org_name(
        &mut self,
        mut j: usize,
        allow_lower_tail: bool,
        numbered: bool,
        names: &mut Vec<NameMatch>,
    ) -> usize {
        let start = j;
        let mut last_cap = false;
        while let Some(t) = self.tok(j).copied() {
            if j > start && self.is_admin_word(j, names) {
                break;
            }
            if t.cap && t.is_word() {
                if j > start && self.flags(j) & sym::ORG_HEAD != 0 && self.tok(j + 1).is_some_and(|n| n.cap) {
                    break;
                }
                if (j > start && self.starts_body(j, names)) || self.starts_military_region(j, names) {
                    break;
                }
                j += 1;
                last_cap = true;
                continue;
            }
            if t.kind == TokenKind::Number && self.str(j).bytes().all(|b| b.is_ascii_digit()) {
                j += 1;
                last_cap = false;
                continue;
            }
            if (t.sym == self.words.dash || t.sym == self.words.en_dash)
                && last_cap
                && self.tok(j + 1).is_some_and(|n| n.cap && n.is_syllable())
                && self.text.get(t.start.saturating_sub(1)..t.start) == Some(" ")
            {
                j += 1;
                continue;
            }
            if !t.is_syllable() || t.cap {
                break;
            }
            // A lower-case stretch: kept when it leads to a capitalized word, a number or a
            // place (`Thi hành án dân sự huyện`), or as a one-word tail (`Sở Y tế`).
            let mut k = j;
            while k < self.toks.len() && k - j < 3 {
                let n = self.toks[k];
                let before_head = self.sym(k) == self.words.va && self.flags(k + 1) & sym::ORG_HEAD != 0;
                if !n.is_syllable()
                    || n.cap
                    || before_head
                    || NOT_IN_NAMES.contains(&self.str(k))
                    || self.is_admin_word(k, names)
                {
                    break;
                }
                k += 1;
            }
            if k == j {
                break;
            }
            let connector_to_head = self.sym(j) == self.words.va && self.flags(j + 1) & sym::ORG_HEAD != 0;
            let leads_on = self.tok(k).is_some_and(|n| {
                (n.cap && n.is_word())
                    || (numbered
                        && self.sym(k - 1) != self.words.va
                        && n.kind == TokenKind::Number
                        && self.str(k).bytes().all(|b| b.is_ascii_digit()))
            }) || self.is_admin_word(k, names);
            // A name that already ends in a country or province is whole: a lower-case word
            // and a capital after it are the sentence going on (`Đội tuyển Việt Nam thắng
            // Thái Lan`), unlike a number (`Quân đoàn Hungary thứ 2`).
            let to_capital = self.tok(k).is_some_and(|n| n.cap && n.is_word());
            if leads_on
                && !connector_to_head
                && !(to_capital && self.ends_with_country_or_province(start, j, names))
            {
                j = k;
                last_cap = false;
                continue;
            }
            // A last word of up to two lower-case syllables before punctuation, a function
            // word or `và` + another body (`Báo Đầu tư Bất động sản đã`).
            let ends_here = self.tok(k).is_none_or(|n| {
                n.kind == TokenKind::Punctuation
                    || NOT_IN_NAMES.contains(&self.str(k))
                    || (self.sym(k) == self.words.va && self.flags(k + 1) & sym::ORG_HEAD != 0)
            });
            if last_cap && allow_lower_tail && k - j <= 2 && ends_here && self.sym(j) != self.words.va {
                j = k;
                break;
            }
            if last_cap && allow_lower_tail && self.sym(j) != self.words.va {
                j += 1;
            }
            break;
        }
        j
    }

    /// True when a country or province name ends just before `end`, starting at or after
    /// `start`.
    pub(super) fn ends_with_country_or_province(
        &self,
        start: usize,
        end: usize,
        names: &mut Vec<NameMatch>,
    ) -> bool {
        (start..end).any(|s| {
            self.matches(s, names);
            names.iter().any(|m| {
                m.end == end
                    && !m.folded
                    && self.hits(m).iter().any(|h| match h.target {
                        Target::Record(Record::Province(_)) => true,
                        Target::Record(Record::Place(p)) => {
                            self.gazetteer.place_by_id(p).is_some_and(|p| p.kind == PlaceKind::Country)
                        }
                        _ => false,
                    })
            })
        })
    }

    /// The place, military region or country after an organisation ending at `e`.
    pub(super) fn org_complement(
        &mut self,
        e: usize,
        kind: OrganizationKind,
        names: &mut Vec<NameMatch>,
    ) -> usize {
        // `Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam`.
        if self.str(e) == "nước" {
            self.matches(e + 1, names);
            let country = |h: &Hit| {
                matches!(h.target, Target::Record(Record::Place(p))
                    if self.gazetteer.place_by_id(p).is_some_and(|p| p.kind == PlaceKind::Country))
            };
            if let Some((end, hit, matched)) = self.best(e + 1, names, country, false) {
                self.push_place(e + 1, end, hit, matched, true);
                return end;
            }
        }
        self.matches(e, names);
        let admin = names
            .iter()
            .rev()
            .find(|m| {
                !m.folded
                    && self
                        .hits(m)
                        .iter()
                        .any(|h| matches!(h.target, Target::Cue(Cue::AdminProvince | Cue::Admin)))
                    && self.toks[e].sym != NO_SYM
            })
            .map(|m| m.end);
        let mut scratch = Vec::new();
        if let Some(cue_end) = admin {
            let provincial = self.hits_cue(e, cue_end, Cue::AdminProvince);
            if let Some(after) = self.admin_place(e, cue_end, provincial, true, &mut scratch) {
                return after;
            }
            // `UBND tỉnh`, `Công an huyện`: the bare level names the local body.
            if kind != OrganizationKind::Head {
                return cue_end;
            }
            return e;
        }
        let want = |h: &Hit| {
            matches!(
                h.target,
                Target::Record(
                    Record::Province(_) | Record::District(_) | Record::MilitaryRegion(_) | Record::Place(_)
                )
            )
        };
        if let Some((end, hit, matched)) = self.best(e, names, want, false) {
            let country = matches!(hit.target, Target::Record(Record::Place(p)) if self.gazetteer.place_by_id(p).is_some_and(|p| p.kind == PlaceKind::Country));
            let ok = match hit.target {
                Target::Record(Record::MilitaryRegion(_)) => true,
                Target::Record(Record::Place(p)) => {
                    country
                        || kind != OrganizationKind::Body
                        || self.gazetteer.place_by_id(p).is_some_and(|p| {
                            matches!(p.kind, PlaceKind::Capital | PlaceKind::City | PlaceKind::Region)
                        })
                }
                _ => kind != OrganizationKind::Body,
            };
            if ok {
                self.push_place(e, end, hit, matched, true);
                return end;
            }
        }
        e
    }
}
