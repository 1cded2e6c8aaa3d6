//! Tokens and gazetteer look-ups: the tokens of a line with their vocabulary ids, the
//! gazetteer names and cue words that start at a token, and the questions the rules ask
//! about them (`starts_*`).

use super::parser::Parser;
use super::{MatchKind, Recognizer};
use crate::gazetteer::{Cue, Hit, NO_SYM, OrganizationKind, Record, Target};
use crate::span::Span;
use crate::token::{TokenKind, tokenize};

#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: TokenKind,
    pub(crate) sym: u32,
    /// Id of its folded (ASCII) key, for names written without diacritics.
    pub(super) fsym: u32,
    /// First letter upper case.
    pub(crate) cap: bool,
    /// Every letter upper case (and more than one letter).
    pub(crate) upper: bool,
    /// First word of a sentence or line.
    pub(crate) sent_start: bool,
    /// Hash of its lower-case key, for the tagger's features.
    pub(crate) lower: u64,
}

impl Tok {
    pub(super) fn is_syllable(&self) -> bool {
        self.kind == TokenKind::Syllable
    }
    pub(super) fn is_word(&self) -> bool {
        self.kind.is_word()
    }
}

/// Ids of the function words the rules look for.
#[derive(Clone, Copy, Debug)]
pub(super) struct Words {
    pub(super) ngay: u32,
    pub(super) mong: u32,
    pub(super) so: u32,
    pub(super) slash: u32,
    pub(super) paren: u32,
    pub(super) tu: u32,
    pub(super) den: u32,
    pub(super) toi: u32,
    pub(super) sinh: u32,
    pub(super) comma: u32,
    pub(super) day_parts: [u32; 5],
    pub(super) thang: u32,
    pub(super) nam: u32,
    pub(super) gio: u32,
    pub(super) phut: u32,
    pub(super) va: u32,
    pub(super) dash: u32,
    pub(super) en_dash: u32,
}

impl Recognizer {
    /// Appends the tokens of `text[range]` (spans into `text`) to `toks`; `marks`: the text
    /// may hold combining marks (false when it holds no lead byte of one).
    pub(super) fn tokens_into(
        &self,
        text: &str,
        range: std::ops::Range<usize>,
        toks: &mut Vec<Tok>,
        key: &mut String,
        marks: bool,
    ) {
        let offset = range.start;
        let Some(line) = text.get(range) else { return };
        KEY_IDS.with(|ids| {
            let mut ids = ids.borrow_mut();
            ids.serve(self.gazetteer);
            self.tokens_with(line, offset, toks, key, marks, &mut ids);
        });
    }

    /// [`tokens_into`](Self::tokens_into) of `line` (at `offset` in its text), with the
    /// vocabulary ids of recent keys in `ids`.
    fn tokens_with(
        &self,
        line: &str,
        offset: usize,
        toks: &mut Vec<Tok>,
        key: &mut String,
        marks: bool,
        ids: &mut KeyIds,
    ) {
        let mut after_break = true;
        for t in tokenize(line) {
            let s = t.as_str();
            let span = Span::new(t.span().start + offset, t.span().end + offset);
            let kind = t.kind();
            key.clear();
            let (mut first_upper, mut lower, mut letters) = (None, false, 0usize);
            // Combining marks (U+0300..U+036F, lead bytes CC/CD) need the full key; NFC text
            // only needs lower case (the vocabulary holds both tone placements).
            if !kind.is_word() {
                key.push_str(s);
            } else if marks && super::has_mark_lead(s.as_bytes()) {
                key.push_str(&crate::normalize::key(s));
                for c in s.chars().filter(|c| c.is_alphabetic()) {
                    first_upper.get_or_insert(c.is_uppercase());
                    lower |= c.is_lowercase();
                    letters += 1;
                }
            } else if s.is_ascii() {
                for &b in s.as_bytes() {
                    if b.is_ascii_alphabetic() {
                        first_upper.get_or_insert(b.is_ascii_uppercase());
                        lower |= b.is_ascii_lowercase();
                        letters += 1;
                    }
                }
                key.push_str(s);
                key.make_ascii_lowercase();
            } else {
                for c in s.chars() {
                    if c.is_ascii() {
                        if c.is_ascii_alphabetic() {
                            first_upper.get_or_insert(c.is_ascii_uppercase());
                            lower |= c.is_ascii_lowercase();
                            letters += 1;
                        }
                        key.push(c.to_ascii_lowercase());
                    } else {
                        // Word tokens hold letters: a letter that lower-casing changes
                        // is upper case.
                        let (first, whole) = match table_free_lower(c) {
                            Some(l) => (l, true),
                            None => (c.to_lowercase().next().unwrap_or(c), false),
                        };
                        let is_upper = first != c;
                        first_upper.get_or_insert(is_upper);
                        lower |= !is_upper;
                        letters += 1;
                        if first == c && !whole {
                            key.extend(c.to_lowercase());
                        } else {
                            key.push(first);
                        }
                    }
                }
            }
            let hash = crate::tagging::fnv1a(key.as_bytes());
            let (sym, folded) = ids.get(self.gazetteer, key, hash);
            // Any ASCII word or number may go on a name written without diacritics (`Quan khu
            // 7`, `quan khu 7`); the walk in `matches` starts it only at a capital, or at a
            // word that starts a name found in any case (`Gazetteer::folded_lower_start`).
            let fsym =
                if (kind.is_word() || kind == TokenKind::Number) && s.is_ascii() { folded } else { NO_SYM };
            let cap = first_upper == Some(true);
            let upper = cap && letters > 1 && !lower;
            let sent_start = after_break;
            after_break = kind == TokenKind::Punctuation
                && matches!(
                    s,
                    "." | "!" | "?" | ":" | "…" | "..." | "\"" | "“" | "(" | "-" | "–" | "—" | ";"
                );
            toks.push(Tok {
                start: span.start,
                end: span.end,
                kind,
                sym,
                fsym,
                cap,
                upper,
                sent_start,
                lower: hash,
            });
        }
    }
}

/// The longest key [`KeyIds`] keeps.
const KEPT_KEY: usize = 22;

/// A key and its ids in the gazetteer's vocabulary and folded vocabulary.
#[derive(Clone, Copy, Debug)]
struct KeySlot {
    hash: u64,
    len: u8,
    bytes: [u8; KEPT_KEY],
    sym: u32,
    fsym: u32,
}

/// The vocabulary ids of the keys seen last, in slots picked by the key's hash: a text
/// repeats its syllables, and one comparison of a short key is cheaper than hashing it
/// twice into the two vocabularies. The ids are those of the maps, for the gazetteer the
/// slots were filled from ([`KeyIds::serve`]).
#[derive(Debug, Default)]
struct KeyIds {
    /// The address of the gazetteer the slots hold ids of (gazetteers are `'static`).
    owner: usize,
    slots: Vec<KeySlot>,
}

/// Slots of [`KeyIds`] (a power of two).
const KEY_SLOTS: usize = 1024;

thread_local! {
    static KEY_IDS: std::cell::RefCell<KeyIds> = std::cell::RefCell::default();
}

impl KeyIds {
    /// Empties the slots unless they hold the ids of `g`.
    fn serve(&mut self, g: &'static crate::gazetteer::Gazetteer) {
        let owner = std::ptr::from_ref(g) as usize;
        if self.owner != owner || self.slots.len() != KEY_SLOTS {
            self.owner = owner;
            let empty = KeySlot { hash: 0, len: 0, bytes: [0; KEPT_KEY], sym: NO_SYM, fsym: NO_SYM };
            self.slots.clear();
            self.slots.resize(KEY_SLOTS, empty);
        }
    }

    /// The ids of `key` (whose FNV-1a hash is `hash`) in the vocabulary and the folded
    /// vocabulary of `g`, `NO_SYM` where it has none.
    #[inline]
    fn get(&mut self, g: &crate::gazetteer::Gazetteer, key: &str, hash: u64) -> (u32, u32) {
        let look = || {
            let id = |m: &crate::hash::FxMap<Box<str>, u32>| m.get(key).copied().unwrap_or(NO_SYM);
            (id(&g.vocab), id(&g.folded_vocab))
        };
        let b = key.as_bytes();
        let Some(slot) = self.slots.get_mut((hash ^ hash >> 32) as usize % KEY_SLOTS) else { return look() };
        if b.len() > KEPT_KEY {
            return look();
        }
        // Keys are never empty: an empty slot (length 0) holds none.
        if slot.hash == hash && usize::from(slot.len) == b.len() && slot.bytes[..b.len()] == *b {
            return (slot.sym, slot.fsym);
        }
        let (sym, fsym) = look();
        let mut bytes = [0; KEPT_KEY];
        bytes[..b.len()].copy_from_slice(b);
        *slot = KeySlot { hash, len: b.len() as u8, bytes, sym, fsym };
        (sym, fsym)
    }
}

/// A gazetteer name or cue word matched from a token on: it ends before token `end`, at
/// `node` of the trie (of the folded trie when `folded`), whose hits say what it is.
#[derive(Clone, Copy, Debug)]
pub(super) struct NameMatch {
    pub(super) end: usize,
    pub(super) node: u32,
    pub(super) folded: bool,
}

/// The lower-case form of a Vietnamese letter without Unicode tables, `None` for the
/// characters that need them: Latin-1 letters, the even/odd pairs of Latin Extended-A
/// (`Ă Đ Ĩ Ũ`; not the odd/even stretches), `Ơ Ư`, and the even/odd pairs of the
/// Vietnamese block U+1EA0..U+1EFF, each one character in either case.
#[inline]
fn table_free_lower(c: char) -> Option<char> {
    let u = c as u32;
    let lowered = match u {
        0x1EA0..=0x1EFF | 0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 => u | 1,
        0xC0..=0xDE if u != 0xD7 => u + 0x20,
        0xDF..=0xFF if u != 0xF7 => u,
        0x1A0 | 0x1A1 => 0x1A1,
        0x1AF | 0x1B0 => 0x1B0,
        _ => return None,
    };
    char::from_u32(lowered)
}

impl Parser<'_, '_> {
    /// All gazetteer matches starting at token `i`, shortest first.
    pub(super) fn matches(&self, i: usize, out: &mut Vec<NameMatch>) {
        out.clear();
        let mut node = 0u32;
        let mut j = i;
        while let Some(t) = self.toks.get(j) {
            if t.sym == NO_SYM {
                break;
            }
            match self.gazetteer.trie.step(node, t.sym) {
                Some(n) => node = n,
                None => break,
            }
            j += 1;
            if !self.gazetteer.trie.hits(node).is_empty() {
                out.push(NameMatch { end: j, node, folded: false });
            }
        }
        // Names written without diacritics, from a capitalized word on (`Dak Nong`, `Quan khu
        // 7`), or in any case for the names that allow it (`quan khu 7`); `best` then asks
        // for the capitals of the name.
        let (mut node, mut j) = (0u32, i);
        while let Some(t) = self.toks.get(j) {
            if t.fsym == NO_SYM || (j == i && !t.cap && !self.gazetteer.folded_lower_start(t.fsym)) {
                break;
            }
            match self.gazetteer.folded_trie.step(node, t.fsym) {
                Some(n) => node = n,
                None => break,
            }
            j += 1;
            // One folded word is too often another word (`My` for `Mỹ`, `Hue`); two or more.
            if j - i >= 2
                && !self.gazetteer.folded_trie.hits(node).is_empty()
                && !out.iter().any(|m| m.end == j)
            {
                out.push(NameMatch { end: j, node, folded: true });
            }
        }
    }

    pub(super) fn hits(&self, m: &NameMatch) -> &'static [Hit] {
        if m.folded { self.gazetteer.folded_trie.hits(m.node) } else { self.gazetteer.trie.hits(m.node) }
    }

    /// How tokens `i..end` match a gazetteer spelling with capitals `caps`; `None` when a
    /// word the gazetteer capitalizes is written in lower case.
    pub(super) fn case_of(&self, i: usize, end: usize, caps: u32, folded: bool) -> Option<MatchKind> {
        let mut exact = true;
        for k in i..end {
            let t = self.toks[k];
            if !t.is_word() {
                continue;
            }
            let want = (caps >> (k - i)) & 1 == 1;
            if want && !t.cap {
                return None;
            }
            if t.cap != want || (t.upper && self.str(k).chars().count() > 1 && t.kind == TokenKind::Syllable)
            {
                exact = false;
            }
        }
        Some(if folded {
            MatchKind::Folded
        } else if exact {
            MatchKind::Exact
        } else {
            MatchKind::CaseInsensitive
        })
    }

    /// The longest match at `i` whose hit satisfies `want`, with that hit and its case.
    pub(super) fn best(
        &self,
        i: usize,
        names: &[NameMatch],
        want: impl Fn(&Hit) -> bool,
        lower_ok: bool,
    ) -> Option<(usize, Hit, MatchKind)> {
        for m in names.iter().rev() {
            for h in self.hits(m) {
                if !want(h) {
                    continue;
                }
                match self.case_of(i, m.end, h.caps, m.folded) {
                    Some(c) => return Some((m.end, *h, c)),
                    None if lower_ok && !m.folded => return Some((m.end, *h, MatchKind::CaseInsensitive)),
                    None => {}
                }
            }
        }
        None
    }

    pub(super) fn cue_at(&self, names: &[NameMatch], cue: Cue) -> Option<usize> {
        // Forms of address are titles too.
        let same = |t: Target| t == Target::Cue(cue) || (cue == Cue::Title && t == Target::Cue(Cue::Address));
        names.iter().rev().find(|m| !m.folded && self.hits(m).iter().any(|h| same(h.target))).map(|m| m.end)
    }

    pub(super) fn hits_cue(&self, i: usize, end: usize, cue: Cue) -> bool {
        let mut names = Vec::new();
        self.matches(i, &mut names);
        names.iter().any(|m| m.end == end && self.hits(m).iter().any(|h| h.target == Target::Cue(cue)))
    }

    /// True when a gazetteer organisation that is not a head word starts at `j`.
    pub(super) fn starts_body(&self, j: usize, names: &mut Vec<NameMatch>) -> bool {
        self.matches(j, names);
        names.iter().any(|m| {
            self.hits(m).iter().any(|h| {
                matches!(h.target, Target::Record(Record::Organization(id))
                if self.gazetteer.organization_by_id(id).is_some_and(|o| o.kind != OrganizationKind::Head))
            })
        })
    }

    /// True when an organisation (body or head word) starts at `j`.
    pub(super) fn starts_organization(&self, j: usize) -> bool {
        let mut names = Vec::new();
        self.matches(j, &mut names);
        names
            .iter()
            .any(|m| self.hits(m).iter().any(|h| matches!(h.target, Target::Record(Record::Organization(_)))))
    }

    /// True when a gazetteer name or a person's name starts at `j`.
    pub(super) fn starts_entity(&self, j: usize) -> bool {
        self.starts_record(j) || self.tok(j).is_some_and(|t| t.cap) && self.person_at(j, false).is_some()
    }

    /// True when a province or place name of two words or more starts at `j`.
    pub(super) fn starts_long_place(&self, j: usize) -> bool {
        let mut names = Vec::new();
        self.matches(j, &mut names);
        names.iter().any(|m| {
            m.end >= j + 2
                && !m.folded
                && self
                    .hits(m)
                    .iter()
                    .any(|h| matches!(h.target, Target::Record(Record::Province(_) | Record::Place(_))))
        })
    }

    /// True when a gazetteer name starts at `j`.
    pub(super) fn starts_record(&self, j: usize) -> bool {
        let mut names = Vec::new();
        self.matches(j, &mut names);
        names.iter().any(|m| self.hits(m).iter().any(|h| matches!(h.target, Target::Record(_))))
    }

    /// True when the cue word `cue` starts at `j`.
    pub(super) fn starts_cue(&self, j: usize, cue: Cue) -> bool {
        let mut names = Vec::new();
        self.matches(j, &mut names);
        names.iter().any(|m| self.hits(m).iter().any(|h| h.target == Target::Cue(cue)))
    }

    /// True when a military region's name starts at `j`.
    pub(super) fn starts_military_region(&self, j: usize, names: &mut Vec<NameMatch>) -> bool {
        self.matches(j, names);
        names.iter().any(|m| {
            self.hits(m).iter().any(|h| matches!(h.target, Target::Record(Record::MilitaryRegion(_))))
        })
    }

    pub(super) fn is_admin_word(&self, j: usize, names: &mut Vec<NameMatch>) -> bool {
        if self.tok(j).is_none_or(|t| t.cap) {
            return false;
        }
        self.matches(j, names);
        names.iter().any(|m| {
            self.hits(m).iter().any(|h| matches!(h.target, Target::Cue(Cue::AdminProvince | Cue::Admin)))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_free_lower_case_agrees_with_unicode() {
        let letters = "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ";
        // Every Vietnamese letter, in both cases, without tables.
        for c in letters.chars().chain(letters.to_lowercase().chars()) {
            assert_eq!(table_free_lower(c), c.to_lowercase().next(), "{c}");
        }
        // Where it answers, the answer is the whole lower-case form.
        for u in (0..0x2000).chain(0x1E00..0x1F00) {
            let Some(c) = char::from_u32(u) else { continue };
            if let Some(l) = table_free_lower(c) {
                assert_eq!(c.to_lowercase().collect::<String>(), l.to_string(), "U+{u:04X}");
            }
        }
        assert_eq!(table_free_lower('×'), None);
        assert_eq!(table_free_lower('İ'), None);
    }

    #[test]
    fn kept_key_ids_are_the_vocabularies_ids() {
        let g = crate::Gazetteer::builtin();
        let direct = |k: &str| {
            let id = |m: &crate::hash::FxMap<Box<str>, u32>| m.get(k).copied().unwrap_or(NO_SYM);
            (id(&g.vocab), id(&g.folded_vocab))
        };
        let mut keys: Vec<String> = g.vocab.keys().take(3000).map(|k| k.to_string()).collect();
        keys.extend(g.folded_vocab.keys().take(3000).map(|k| k.to_string()));
        keys.extend(
            ["xyzzy", "đắk", "dak", "hà", "ha", ",", "quân khu", "một từ rất dài không có trong từ điển"]
                .map(String::from),
        );
        assert!(keys.iter().any(|k| k.len() > KEPT_KEY));
        let mut ids = KeyIds::default();
        ids.serve(g);
        // Twice over (filled, then found), in two orders so that slots are taken over.
        let mut last = 0;
        for round in 0..4 {
            for k in &keys {
                // A key under the hash of the key before (kept in its slot) is not taken for it.
                assert_eq!(ids.get(g, k, last), direct(k), "{k} in round {round}");
                let hash = crate::tagging::fnv1a(k.as_bytes());
                assert_eq!(ids.get(g, k, hash), direct(k), "{k} in round {round}");
                last = hash;
            }
            keys.reverse();
        }
        assert!(keys.iter().any(|k| direct(k).0 != NO_SYM) && keys.iter().any(|k| direct(k).1 != NO_SYM));
    }

    #[test]
    fn mark_lead_bytes_are_found_anywhere() {
        let text = "Đắk Nông, xã Cương Gián và 12 huyện ";
        for len in 0..text.len() {
            for at in 0..=len {
                let mut bytes = text.as_bytes()[..len].to_vec();
                assert_eq!(
                    super::super::has_mark_lead(&bytes),
                    bytes.iter().any(|&b| b == 0xCC || b == 0xCD)
                );
                for b in [0xCC, 0xCD, 0xCB, 0xCE, 0x4C, 0x8C] {
                    bytes.insert(at, b);
                    assert_eq!(super::super::has_mark_lead(&bytes), b == 0xCC || b == 0xCD, "{b:x} at {at}");
                    bytes.remove(at);
                }
            }
        }
    }
}
