//! Loading: the built-in TSV files parsed into records, and the vocabulary, flags, trie and
//! look-up tables built from their names.

use std::collections::HashMap;

use super::Gazetteer;
use super::index::{Cue, FUNCTION_WORDS, Hit, Target, Trie, sym};
use super::records::*;
use crate::error::{Error, Result};
use crate::hash::FxMap;
use crate::token::{TokenKind, tokenize};
use crate::tsv;

static PROVINCES: &str = include_str!("../../data/gazetteer/provinces.tsv");
static DISTRICTS: &str = include_str!("../../data/gazetteer/districts.tsv");
static MILITARY_REGIONS: &str = include_str!("../../data/gazetteer/military_regions.tsv");
static ORGANIZATIONS: &str = include_str!("../../data/gazetteer/organizations.tsv");
static PLACES: &str = include_str!("../../data/gazetteer/places.tsv");
static SURNAMES: &str = include_str!("../../data/gazetteer/surnames.tsv");
static NAME_SYLLABLES: &str = include_str!("../../data/gazetteer/name_syllables.tsv");
static CUES: &str = include_str!("../../data/gazetteer/cues.tsv");

/// How many of the first rows of `surnames.tsv` are common enough to start a two-word
/// name without a title (`Lê Lợi`); rarer ones are also words (`Đồng`, `Thịnh`).
const COMMON_SURNAMES: usize = 30;

/// Splits a name into its token keys the way the recognizer sees text.
pub(super) fn token_keys(name: &str) -> Vec<(String, bool)> {
    tokenize(name)
        .map(|t| {
            let s = t.as_str();
            let capital = s.chars().next().is_some_and(char::is_uppercase);
            (crate::normalize::key(s).into_owned(), capital && t.kind() != TokenKind::Number)
        })
        .collect()
}

/// The look-up key of a whole name: its [`key`](crate::key) with punctuation set apart
/// by spaces, so that `Bà Rịa-Vũng Tàu`, `Bà Rịa - Vũng Tàu` and `TP. HCM`/`TP.HCM` agree
/// whatever the tokenizer makes of them.
pub(super) fn lookup_key(name: &str) -> String {
    let key = crate::normalize::key(name);
    let mut out = String::with_capacity(key.len() + 8);
    for c in key.chars() {
        if c.is_alphanumeric() || c == '\'' || c == '’' {
            out.push(c);
        } else {
            if !out.ends_with(' ') {
                out.push(' ');
            }
            if !c.is_whitespace() {
                out.push(c);
                out.push(' ');
            }
        }
    }
    out.trim_end().to_owned()
}

pub(super) fn fold_key(k: &str) -> String {
    crate::normalize::fold_diacritics(k).into_owned()
}

fn split_list(field: &str, sep: char) -> Vec<&str> {
    field.split(sep).map(str::trim).filter(|s| !s.is_empty()).collect()
}

struct Builder {
    vocab: FxMap<Box<str>, u32>,
    folded_vocab: FxMap<Box<str>, u32>,
    flags: Vec<u16>,
    trie: Trie,
    folded_trie: Trie,
    folded_lower_starts: Vec<bool>,
    by_key: HashMap<String, Vec<Record>>,
    by_folded: HashMap<String, Vec<Record>>,
    modern: crate::normalize::Normalizer,
}

impl Builder {
    fn sym(&mut self, key: &str) -> u32 {
        if let Some(&id) = self.vocab.get(key) {
            return id;
        }
        let id = self.flags.len() as u32;
        self.flags.push(0);
        self.vocab.insert(key.into(), id);
        // The recognizer lowercases NFC text without moving tone marks; register the
        // modern placement (`hoà`) as the same id as the key's old one (`hòa`).
        let modern = self.modern.normalize(key).into_owned();
        self.vocab.entry(modern.into_boxed_str()).or_insert(id);
        id
    }

    fn folded_sym(&mut self, folded: &str) -> u32 {
        let next = self.folded_vocab.len() as u32;
        *self.folded_vocab.entry(folded.into()).or_insert(next)
    }

    fn add(&mut self, name: &str, target: Target) {
        self.add_with(name, target, false);
    }

    /// [`Builder::add`]; with `folded_any_case`, the name written without diacritics is
    /// found in any case, all lower case too (`quan khu 7`), not only with its capitals.
    fn add_with(&mut self, name: &str, target: Target, folded_any_case: bool) {
        let keys = token_keys(name);
        if keys.is_empty() || keys.len() > 32 {
            return;
        }
        let caps = keys.iter().enumerate().fold(0u32, |m, (i, (_, c))| if *c { m | 1 << i } else { m });
        let syms: Vec<u32> = keys.iter().map(|(k, _)| self.sym(k)).collect();
        self.trie.insert(&syms, Hit { target, caps });
        if let Target::Record(r) = target {
            let joined = lookup_key(name);
            let folded = fold_key(&joined);
            let list = self.by_key.entry(joined).or_default();
            if !list.contains(&r) {
                list.push(r);
            }
            let list = self.by_folded.entry(folded).or_default();
            if !list.contains(&r) {
                list.push(r);
            }
            let fsyms: Vec<u32> = keys.iter().map(|(k, _)| self.folded_sym(&fold_key(k))).collect();
            if folded_any_case {
                self.folded_trie.insert(&fsyms, Hit { target, caps: 0 });
                let first = fsyms[0] as usize;
                if self.folded_lower_starts.len() <= first {
                    self.folded_lower_starts.resize(first + 1, false);
                }
                self.folded_lower_starts[first] = true;
            } else {
                self.folded_trie.insert(&fsyms, Hit { target, caps });
            }
        }
    }

    fn flag(&mut self, word: &str, flag: u16) {
        let key = crate::normalize::key(word).into_owned();
        let id = self.sym(&key) as usize;
        self.flags[id] |= flag;
    }
}

fn parse_province_ref(
    file: &str,
    line: usize,
    codes: &HashMap<(Era, &str), ProvinceId>,
    era: Era,
    code: &str,
) -> Result<ProvinceId> {
    codes
        .get(&(era, code))
        .copied()
        .ok_or_else(|| Error::data(file, line, format!("unknown province code `{code}`")))
}

impl Gazetteer {
    /// Parses the built-in data files (the tests call this to check them).
    pub(crate) fn parse() -> Result<Gazetteer> {
        let mut b = Builder {
            vocab: FxMap::default(),
            folded_vocab: FxMap::default(),
            flags: Vec::new(),
            trie: Trie::new(),
            folded_trie: Trie::new(),
            folded_lower_starts: Vec::new(),
            by_key: HashMap::new(),
            by_folded: HashMap::new(),
            modern: crate::normalize::Normalizer::builder().tone(crate::syllable::TonePlacement::New).build(),
        };

        // Military regions first: provinces refer to them by code.
        let file = "military_regions.tsv";
        let header = ["id", "name", "number", "hq", "aliases", "provinces"];
        let mr_rows = tsv::parse(file, MILITARY_REGIONS, &header, 4)?;
        let mut military_regions = Vec::new();
        for row in &mr_rows {
            let number = row.get(2).parse::<u8>().map_err(|_| Error::data(file, row.line, "bad `number`"))?;
            military_regions.push(MilitaryRegion {
                id: MilitaryRegionId(military_regions.len() as u16),
                code: row.get(0),
                name: row.get(1),
                number,
                headquarters: row.get(3),
                aliases: split_list(row.get(4), '|'),
                provinces: Vec::new(),
            });
        }
        let mr_by_code: HashMap<&str, MilitaryRegionId> =
            military_regions.iter().map(|m| (m.code, m.id)).collect();

        let file = "provinces.tsv";
        let header = [
            "id",
            "era",
            "code",
            "name",
            "official_name",
            "kind",
            "kind_from",
            "valid_from",
            "valid_to",
            "successor",
            "military_regions",
            "aliases",
        ];
        let rows = tsv::parse(file, PROVINCES, &header, 6)?;
        let mut provinces = Vec::new();
        let mut codes: HashMap<(Era, &str), ProvinceId> = HashMap::new();
        for row in &rows {
            let era = match row.get(1) {
                "old" => Era::Before2025,
                "new" => Era::Since2025,
                other => return Err(Error::data(file, row.line, format!("unknown era `{other}`"))),
            };
            let kind = match row.get(5) {
                "tỉnh" => ProvinceKind::Province,
                "thành phố" => ProvinceKind::City,
                other => return Err(Error::data(file, row.line, format!("unknown kind `{other}`"))),
            };
            let prefix = if era == Era::Before2025 { "old-" } else { "new-" };
            if row.get(0) != format!("{prefix}{}", row.get(2)) {
                return Err(Error::data(file, row.line, "`id` must be `old-CODE` or `new-CODE`"));
            }
            let id = ProvinceId(provinces.len() as u16);
            if codes.insert((era, row.get(2)), id).is_some() {
                return Err(Error::data(file, row.line, "duplicate code"));
            }
            let mut mrs = Vec::new();
            for code in split_list(row.get(10), ',') {
                mrs.push(*mr_by_code.get(code).ok_or_else(|| {
                    Error::data(file, row.line, format!("unknown military region `{code}`"))
                })?);
            }
            let opt = |s: &'static str| if s.is_empty() { None } else { Some(s) };
            provinces.push(Province {
                id,
                era,
                code: row.get(2),
                name: row.get(3),
                official_name: row.get(4),
                kind,
                kind_from: opt(row.get(6)),
                valid_from: opt(row.get(7)),
                valid_to: opt(row.get(8)),
                aliases: split_list(row.get(11), '|'),
                successor: None,
                military_regions: mrs,
            });
        }
        for (row, i) in rows.iter().zip(0..) {
            let succ = row.get(9);
            if let Some(code) = succ.strip_prefix("new-") {
                let id = parse_province_ref(file, row.line, &codes, Era::Since2025, code)?;
                provinces[i].successor = Some(id);
            } else if !succ.is_empty() {
                return Err(Error::data(file, row.line, "`successor` must be `new-CODE`"));
            }
        }
        for (row, m) in mr_rows.iter().zip(military_regions.iter_mut()) {
            for code in split_list(row.get(5), ',') {
                m.provinces.push(parse_province_ref(
                    "military_regions.tsv",
                    row.line,
                    &codes,
                    Era::Before2025,
                    code,
                )?);
            }
        }

        let file = "districts.tsv";
        let rows = tsv::parse(file, DISTRICTS, &["code", "name", "kind", "province", "aliases"], 4)?;
        let mut districts = Vec::new();
        for row in &rows {
            let province = parse_province_ref(file, row.line, &codes, Era::Before2025, row.get(3))?;
            let kind = DistrictKind::from_name(row.get(2))
                .ok_or_else(|| Error::data(file, row.line, format!("unknown kind `{}`", row.get(2))))?;
            districts.push(District {
                id: DistrictId(districts.len() as u16),
                code: row.get(0),
                name: row.get(1),
                kind,
                province,
                aliases: split_list(row.get(4), '|'),
            });
        }

        let file = "organizations.tsv";
        let rows = tsv::parse(file, ORGANIZATIONS, &["name", "kind", "sector", "aliases"], 3)?;
        let mut organizations = Vec::new();
        for row in &rows {
            let kind = match row.get(1) {
                "body" => OrganizationKind::Body,
                "local" => OrganizationKind::Local,
                "head" => OrganizationKind::Head,
                other => return Err(Error::data(file, row.line, format!("unknown kind `{other}`"))),
            };
            let sector = Sector::from_name(row.get(2))
                .ok_or_else(|| Error::data(file, row.line, format!("unknown sector `{}`", row.get(2))))?;
            organizations.push(Organization {
                id: OrganizationId(organizations.len() as u16),
                name: row.get(0),
                kind,
                sector,
                aliases: split_list(row.get(3), '|'),
            });
        }

        let file = "places.tsv";
        let rows = tsv::parse(file, PLACES, &["name", "kind", "aliases"], 2)?;
        let mut places = Vec::new();
        for row in &rows {
            let kind = PlaceKind::from_name(row.get(1))
                .ok_or_else(|| Error::data(file, row.line, format!("unknown kind `{}`", row.get(1))))?;
            places.push(Place {
                id: PlaceId(places.len() as u16),
                name: row.get(0),
                kind,
                aliases: split_list(row.get(2), '|'),
            });
        }

        // Index every name and alias.
        for p in &provinces {
            let r = Target::Record(Record::Province(p.id));
            // Official names (`Tỉnh Đắk Nông`) are found as a kind word and a name.
            for name in std::iter::once(&p.name).chain(&p.aliases) {
                b.add(name, r);
            }
        }
        for d in &districts {
            // Numbered districts (`Quận 1`) are only found with their kind word.
            let r = Target::Record(Record::District(d.id));
            if d.name.bytes().all(|c| c.is_ascii_digit()) {
                let mut kind = d.kind.as_str().to_owned();
                if let Some(first) = kind.get(..1) {
                    kind.replace_range(..1, &first.to_uppercase());
                }
                b.add(&format!("{kind} {}", d.name), r);
            } else {
                b.add(d.name, r);
            }
            for a in &d.aliases {
                b.add(a, r);
            }
        }
        for m in &military_regions {
            let r = Target::Record(Record::MilitaryRegion(m.id));
            // Written without diacritics, a military region's name is found in lower case too
            // (`quan khu 7`, as typed on a phone): `quan khu` followed by its number or name
            // is no other phrase, unlike a folded province (`dak nong`).
            for name in std::iter::once(&m.name).chain(&m.aliases) {
                b.add_with(name, r, true);
            }
        }
        for o in &organizations {
            let r = Target::Record(Record::Organization(o.id));
            for name in std::iter::once(&o.name).chain(&o.aliases) {
                b.add(name, r);
            }
            if o.kind == OrganizationKind::Head {
                if let Some((k, _)) = token_keys(o.name).first() {
                    let id = b.sym(k) as usize;
                    b.flags[id] |= sym::ORG_HEAD;
                }
            }
        }
        for p in &places {
            let r = Target::Record(Record::Place(p.id));
            for name in std::iter::once(&p.name).chain(&p.aliases) {
                b.add(name, r);
            }
        }

        let file = "surnames.tsv";
        // The file lists the most frequent surnames first.
        for (rank, row) in tsv::parse(file, SURNAMES, &["surname", "variant_of"], 1)?.iter().enumerate() {
            b.flag(row.get(0), sym::SURNAME);
            if rank < COMMON_SURNAMES {
                b.flag(row.get(0), sym::COMMON_SURNAME);
            }
        }
        let file = "name_syllables.tsv";
        for row in tsv::parse(file, NAME_SYLLABLES, &["syllable", "role"], 2)? {
            for role in split_list(row.get(1), ',') {
                let flag = match role {
                    "middle" => sym::MIDDLE,
                    "given" => sym::GIVEN,
                    other => return Err(Error::data(file, row.line, format!("unknown role `{other}`"))),
                };
                b.flag(row.get(0), flag);
            }
        }
        let file = "cues.tsv";
        for row in tsv::parse(file, CUES, &["cue", "kind"], 2)? {
            let cue = match row.get(1) {
                "title" => Cue::Title,
                "address" => Cue::Address,
                "byline" => Cue::Byline,
                "admin_province" => Cue::AdminProvince,
                "admin" => Cue::Admin,
                "geo" => Cue::Geo,
                "place_context" => Cue::PlaceContext,
                "not_name" => Cue::NotName,
                "road" => Cue::Road,
                "state" => Cue::State,
                other => return Err(Error::data(file, row.line, format!("unknown kind `{other}`"))),
            };
            if cue == Cue::NotName && !row.get(0).contains(' ') {
                b.flag(row.get(0), sym::NOT_NAME);
            }
            b.add(row.get(0), Target::Cue(cue));
        }

        // Function words the recognizer's rules look for by id.
        for w in FUNCTION_WORDS {
            b.sym(w);
        }
        b.trie.finish();
        b.folded_trie.finish();
        Ok(Gazetteer {
            provinces,
            districts,
            military_regions,
            organizations,
            places,
            by_key: b.by_key,
            by_folded: b.by_folded,
            vocab: b.vocab,
            folded_vocab: b.folded_vocab,
            flags: b.flags,
            trie: b.trie,
            folded_trie: b.folded_trie,
            folded_lower_starts: b.folded_lower_starts,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_data_parses() {
        let g = Gazetteer::parse().unwrap();
        assert_eq!(g.provinces().iter().filter(|p| p.era == Era::Before2025).count(), 63);
        assert_eq!(g.provinces().iter().filter(|p| p.era == Era::Since2025).count(), 34);
        assert_eq!(g.military_regions().len(), 8);
        assert!(g.districts().len() > 700);
    }

    #[test]
    fn data_files_are_nfc_without_duplicate_rows() {
        for (name, src) in [
            ("provinces", PROVINCES),
            ("districts", DISTRICTS),
            ("military_regions", MILITARY_REGIONS),
            ("organizations", ORGANIZATIONS),
            ("places", PLACES),
            ("surnames", SURNAMES),
            ("name_syllables", NAME_SYLLABLES),
            ("cues", CUES),
        ] {
            assert!(unicode_normalization::is_nfc(src), "{name} is not NFC");
            let mut seen = std::collections::HashSet::new();
            for line in src.lines().filter(|l| !l.trim().is_empty()) {
                assert!(seen.insert(line), "{name}: duplicate row {line:?}");
            }
        }
    }
}
