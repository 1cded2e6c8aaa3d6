//! Gazetteers for named-entity recognition: Vietnam's provincial units before and after the
//! 1 July 2025 merger (63 → 34) with their successors and military regions, pre-2025
//! districts, military regions, organisations, countries and other places, and the
//! knowledge used to find person names (surnames, name syllables, titles and cue words).
//!
//! ```
//! use vntext::{Gazetteer, Record};
//!
//! let g = Gazetteer::builtin();
//! let dak_nong = g.province("67").unwrap();
//! assert_eq!(dak_nong.name, "Đắk Nông");
//! let successor = g.successor(dak_nong).unwrap();
//! assert_eq!((successor.code, successor.name), ("68", "Lâm Đồng"));
//! assert_eq!(g.military_regions_of(dak_nong).next().unwrap().name, "Quân khu 5");
//! // Any alias, any case, with or without diacritics.
//! assert!(matches!(g.find("DAK NONG").first(), Some(Record::Province(_))));
//! ```
//!
//! All data comes from TSV files in `data/gazetteer/` (sources in `data/SOURCES.md`),
//! compiled into the crate and parsed once.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::error::{Error, Result};
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

/// Which set a provincial unit belongs to.
///
/// ```
/// use vntext::{Era, Gazetteer};
///
/// let g = Gazetteer::builtin();
/// assert_eq!(g.province("67").unwrap().era, Era::Before2025);
/// assert_eq!(g.province_since_2025("68").unwrap().era, Era::Since2025);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Era {
    /// One of the 63 units that existed until 30 June 2025.
    Before2025,
    /// One of the 34 units in place since 1 July 2025.
    Since2025,
}

/// Whether a provincial unit is a province (`tỉnh`) or a centrally-run city (`thành phố`).
///
/// ```
/// use vntext::{Gazetteer, ProvinceKind};
///
/// let g = Gazetteer::builtin();
/// assert_eq!(g.province("01").unwrap().kind, ProvinceKind::City); // Hà Nội
/// assert_eq!(g.province("67").unwrap().kind, ProvinceKind::Province); // Đắk Nông
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ProvinceKind {
    /// `tỉnh`.
    Province,
    /// `thành phố` (trực thuộc trung ương).
    City,
}

/// Index of a [`Province`] in [`Gazetteer::provinces`].
///
/// ```
/// use vntext::{Gazetteer, Record};
///
/// let g = Gazetteer::builtin();
/// let Some(&Record::Province(id)) = g.lookup("Đắk Nông").first() else { panic!() };
/// assert_eq!(g.province_by_id(id).unwrap().code, "67");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ProvinceId(pub u16);
/// Index of a [`District`] in [`Gazetteer::districts`].
///
/// ```
/// use vntext::{Gazetteer, Record};
///
/// let g = Gazetteer::builtin();
/// let Some(&Record::District(id)) = g.lookup("Gia Nghĩa").first() else { panic!() };
/// assert_eq!(g.district_by_id(id).unwrap().code, "660");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct DistrictId(pub u16);
/// Index of a [`MilitaryRegion`] in [`Gazetteer::military_regions`].
///
/// ```
/// use vntext::{Gazetteer, Record};
///
/// let g = Gazetteer::builtin();
/// let Some(&Record::MilitaryRegion(id)) = g.lookup("Quân khu 5").first() else { panic!() };
/// assert_eq!(g.military_region_by_id(id).unwrap().code, "QK5");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct MilitaryRegionId(pub u16);
/// Index of an [`Organization`] in [`Gazetteer::organizations`].
///
/// ```
/// use vntext::{Gazetteer, Record};
///
/// let g = Gazetteer::builtin();
/// let Some(&Record::Organization(id)) = g.lookup("UBND").first() else { panic!() };
/// assert_eq!(g.organization_by_id(id).unwrap().name, "Ủy ban nhân dân");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct OrganizationId(pub u16);
/// Index of a [`Place`] in [`Gazetteer::places`].
///
/// ```
/// use vntext::{Gazetteer, Record};
///
/// let g = Gazetteer::builtin();
/// let Some(&Record::Place(id)) = g.lookup("Mỹ").first() else { panic!() };
/// assert_eq!(g.place_by_id(id).unwrap().name, "Hoa Kỳ");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct PlaceId(pub u16);

/// A gazetteer entry an entity links to.
///
/// ```
/// use vntext::{EntityKind, Gazetteer, Recognizer, Record};
///
/// let entities = Recognizer::builtin().recognize("Bộ Quốc phòng làm việc với tỉnh Đắk Nông.");
/// let place = entities.iter().find(|e| e.kind == EntityKind::Province).unwrap();
/// let Some(Record::Province(id)) = place.record else { panic!("a province") };
/// assert_eq!(Gazetteer::builtin().province_by_id(id).unwrap().name, "Đắk Nông");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Record {
    /// A provincial unit (either era).
    Province(ProvinceId),
    /// A pre-2025 district-level unit.
    District(DistrictId),
    /// A military region (Quân khu) or the Hanoi Capital Command.
    MilitaryRegion(MilitaryRegionId),
    /// An organisation or an organisation head word (`Công ty`, `Sở`).
    Organization(OrganizationId),
    /// A country, foreign city, region, sea, river, island or mountain.
    Place(PlaceId),
}

/// A provincial unit: one of the 63 before 1 July 2025 or one of the 34 since.
///
/// ```
/// let p = vntext::Gazetteer::builtin().province("79").unwrap();
/// assert_eq!((p.name, p.official_name), ("Hồ Chí Minh", "Thành phố Hồ Chí Minh"));
/// assert_eq!(p.valid_to, Some("2025-06-30"));
/// assert!(p.aliases.contains(&"TP.HCM"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Province {
    /// Its index.
    pub id: ProvinceId,
    /// Which set it belongs to.
    pub era: Era,
    /// GSO statistics code (`"67"`); codes repeat across eras (`"68"` is both the old and
    /// the new Lâm Đồng).
    pub code: &'static str,
    /// Short name (`"Đắk Nông"`).
    pub name: &'static str,
    /// Official name with its kind (`"Tỉnh Đắk Nông"`).
    pub official_name: &'static str,
    /// Province or centrally-run city (the latest status).
    pub kind: ProvinceKind,
    /// Date from which `kind` holds when it changed (`"2026-04-30"` for Đồng Nai).
    pub kind_from: Option<&'static str>,
    /// First day of validity (`"2025-07-01"` for the new units).
    pub valid_from: Option<&'static str>,
    /// Last day of validity (`"2025-06-30"` for the old units).
    pub valid_to: Option<&'static str>,
    /// Other names and spellings (`TP.HCM`, `Sài Gòn`, `Thừa Thiên Huế`).
    pub aliases: Vec<&'static str>,
    successor: Option<ProvinceId>,
    military_regions: Vec<MilitaryRegionId>,
}

/// A pre-2025 district-level unit (quận, huyện, thị xã, thành phố thuộc tỉnh).
///
/// ```
/// let g = vntext::Gazetteer::builtin();
/// let d = g.districts().iter().find(|d| d.name == "Gia Nghĩa").unwrap();
/// assert_eq!((d.code, d.kind), ("660", "thành phố"));
/// assert_eq!(g.province_by_id(d.province).unwrap().name, "Đắk Nông");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct District {
    /// Its index.
    pub id: DistrictId,
    /// GSO code (`"660"`).
    pub code: &'static str,
    /// Name (`"Gia Nghĩa"`, `"1"` for Quận 1).
    pub name: &'static str,
    /// `quận`, `huyện`, `thị xã` or `thành phố`.
    pub kind: &'static str,
    /// The pre-2025 province it belonged to.
    pub province: ProvinceId,
    /// Other spellings.
    pub aliases: Vec<&'static str>,
}

/// A military region (Quân khu) or the Hanoi Capital Command, with the provinces it held
/// before the 2025 merger.
///
/// ```
/// let g = vntext::Gazetteer::builtin();
/// let qk5 = g.military_region("Quân khu V").unwrap();
/// assert_eq!((qk5.code, qk5.number), ("QK5", 5));
/// let dak_nong = g.province("67").unwrap();
/// assert!(qk5.provinces.contains(&dak_nong.id));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct MilitaryRegion {
    /// Its index.
    pub id: MilitaryRegionId,
    /// Short code (`"QK5"`, `"BTLTD"`).
    pub code: &'static str,
    /// Name (`"Quân khu 5"`).
    pub name: &'static str,
    /// Its number (0 for the Capital Command).
    pub number: u8,
    /// Where its headquarters are.
    pub headquarters: &'static str,
    /// Other names (`QK5`, `Quân khu V`).
    pub aliases: Vec<&'static str>,
    /// Pre-2025 provinces it held.
    pub provinces: Vec<ProvinceId>,
}

/// How an organisation entry is used by the recognizer.
///
/// ```
/// use vntext::{Gazetteer, OrganizationKind};
///
/// let g = Gazetteer::builtin();
/// let kind = |name: &str| g.organizations().iter().find(|o| o.name == name).unwrap().kind;
/// assert_eq!(kind("Bộ Quốc phòng"), OrganizationKind::Body);
/// assert_eq!(kind("Ủy ban nhân dân"), OrganizationKind::Local);
/// assert_eq!(kind("Công ty"), OrganizationKind::Head);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum OrganizationKind {
    /// A complete name (`Bộ Quốc phòng`, `Quốc hội`).
    Body,
    /// A local body that is an organisation by itself and usually takes a place
    /// (`UBND tỉnh Đắk Nông`, `Tỉnh ủy`, `Công an`).
    Local,
    /// A head word that starts a name (`Công ty ...`, `Sở ...`, `Trường ...`).
    Head,
}

/// An organisation or organisation head word.
///
/// ```
/// let g = vntext::Gazetteer::builtin();
/// let bqp = g.organizations().iter().find(|o| o.aliases.contains(&"BQP")).unwrap();
/// assert_eq!((bqp.name, bqp.sector), ("Bộ Quốc phòng", "ministry"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Organization {
    /// Its index.
    pub id: OrganizationId,
    /// Name (`"Ủy ban nhân dân"`).
    pub name: &'static str,
    /// How it is used.
    pub kind: OrganizationKind,
    /// `state`, `party`, `ministry`, `military`, `mass`, `company`, `school`...
    pub sector: &'static str,
    /// Abbreviations and spellings (`UBND`).
    pub aliases: Vec<&'static str>,
}

/// A country, foreign city, region, sea, river, island or mountain.
#[derive(Clone, Debug, PartialEq, Eq)]
///
/// ```
/// let g = vntext::Gazetteer::builtin();
/// let china = g.places().iter().find(|p| p.aliases.contains(&"TQ")).unwrap();
/// assert_eq!((china.name, china.kind), ("Trung Quốc", "country"));
/// ```
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Place {
    /// Its index.
    pub id: PlaceId,
    /// Name (`"Trung Quốc"`).
    pub name: &'static str,
    /// `country`, `capital`, `city`, `region`, `sea`, `river`, `island`, `mountain`.
    pub kind: &'static str,
    /// Other names (`Mỹ` for Hoa Kỳ).
    pub aliases: Vec<&'static str>,
}

/// Cue words around entities.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Cue {
    /// A title before a person's name (`Đại tá`, `Chủ tịch`).
    Title,
    /// A form of address before a person's name (`ông`, `bà`, `anh`).
    Address,
    /// A byline before an author's name (`Tin, ảnh:`).
    Byline,
    /// A provincial-level word (`tỉnh`, `thành phố`, `TP`).
    AdminProvince,
    /// A lower administrative level (`huyện`, `xã`, `phường`).
    Admin,
    /// A geographic feature (`sông`, `núi`, `đảo`).
    Geo,
    /// A word after which a military region is a place (`địa bàn`, `tại`).
    PlaceContext,
    /// A capitalized word that is never part of a name (`Nhà nước`, `Nhân dân`).
    NotName,
    /// A road word before a number (`Quốc lộ 18`).
    Road,
    /// A word that starts the full name of a state (`Vương quốc`, `Cộng hòa`).
    State,
}

/// What a key sequence in the matching trie stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Target {
    Record(Record),
    Cue(Cue),
}

/// One entry of a trie node: what it is and which of its tokens start with a capital in
/// the gazetteer's spelling (bit i for token i).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Hit {
    pub target: Target,
    pub caps: u32,
}

/// Flags of a single syllable key.
pub(crate) mod sym {
    pub const SURNAME: u16 = 1;
    pub const MIDDLE: u16 = 2;
    pub const GIVEN: u16 = 4;
    pub const NOT_NAME: u16 = 8;
    pub const ORG_HEAD: u16 = 16;
    pub const COMMON_SURNAME: u16 = 32;
}

/// Words the recognizer's date, time and name rules compare by id.
pub(crate) const FUNCTION_WORDS: [&str; 22] = [
    "ngày", "mồng", "tháng", "năm", "giờ", "phút", "và", "-", "–", "số", "/", "(", "từ", "đến", "tới",
    "sinh", ",", "sáng", "chiều", "tối", "trưa", "đêm",
];

/// How many of the first rows of `surnames.tsv` are common enough to start a two-word
/// name without a title (`Lê Lợi`); rarer ones are also words (`Đồng`, `Thịnh`).
const COMMON_SURNAMES: usize = 30;

/// Sentinel for a token whose key is not in the vocabulary.
pub(crate) const NO_SYM: u32 = u32::MAX;

/// A small, fast multiply-rotate hasher over 64-bit words for the short keys and id pairs
/// of the matcher; the keys come from the crate's own data, not from an adversary.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct FastHasher(u64);

impl std::hash::Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // Eight bytes at a time: keys are short syllables, hashed once per token.
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.write_u64(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.write_u64(u64::from_le_bytes(w) ^ ((rest.len() as u64) << 59));
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }
    fn write_u64(&mut self, n: u64) {
        let h = (self.0.rotate_left(5) ^ n).wrapping_mul(0x517c_c1b7_2722_0a95);
        self.0 = h;
    }
}

pub(crate) type FastMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<FastHasher>>;

/// A trie over syllable-key ids: the gazetteer's multi-token names and cues.
#[derive(Clone, Debug, Default)]
pub(crate) struct Trie {
    edges: FastMap<(u32, u32), u32>,
    /// Per node, the range of its hits in `hits`.
    nodes: Vec<(u32, u32)>,
    hits: Vec<Hit>,
    pending: Vec<Vec<Hit>>,
}

impl Trie {
    fn new() -> Trie {
        Trie { nodes: vec![(0, 0)], pending: vec![Vec::new()], ..Trie::default() }
    }

    fn insert(&mut self, syms: &[u32], hit: Hit) {
        let mut node = 0u32;
        for &s in syms {
            node = match self.edges.get(&(node, s)) {
                Some(&n) => n,
                None => {
                    let n = self.pending.len() as u32;
                    self.pending.push(Vec::new());
                    self.edges.insert((node, s), n);
                    n
                }
            };
        }
        let hits = &mut self.pending[node as usize];
        if !hits.contains(&hit) {
            hits.push(hit);
        }
    }

    fn finish(&mut self) {
        self.nodes.clear();
        for hits in self.pending.drain(..) {
            let start = self.hits.len() as u32;
            self.hits.extend(hits);
            self.nodes.push((start, self.hits.len() as u32));
        }
    }

    /// The child of `node` by `sym`.
    pub(crate) fn step(&self, node: u32, sym: u32) -> Option<u32> {
        self.edges.get(&(node, sym)).copied()
    }

    /// The hits ending at `node`.
    pub(crate) fn hits(&self, node: u32) -> &[Hit] {
        let (a, b) = self.nodes.get(node as usize).copied().unwrap_or((0, 0));
        &self.hits[a as usize..b as usize]
    }
}

/// The built-in gazetteers and the matcher built from them. Immutable, `Send + Sync`.
///
/// Vietnam's provincial units before and after the 1 July 2025 merger (63 → 34) with their
/// successors and military regions, pre-2025 districts, military regions, organisations,
/// countries and other places, and the knowledge used to find person names (surnames, name
/// syllables, titles and cue words). The data comes from TSV files in `data/gazetteer/` of
/// the package and the repository (sources and licences in `data/SOURCES.md`), compiled
/// into the crate and parsed once. The [`Recognizer`](crate::Recognizer) links each entity
/// it finds to a [`Record`] here.
///
/// ```
/// use vntext::{Gazetteer, Record};
///
/// let g = Gazetteer::builtin();
/// let dak_nong = g.province("67").unwrap();
/// assert_eq!(dak_nong.name, "Đắk Nông");
/// let successor = g.successor(dak_nong).unwrap();
/// assert_eq!((successor.code, successor.name), ("68", "Lâm Đồng"));
/// assert_eq!(g.military_regions_of(dak_nong).next().unwrap().name, "Quân khu 5");
/// // Any alias, any case, with or without diacritics.
/// assert!(matches!(g.find("DAK NONG").first(), Some(Record::Province(_))));
/// ```
#[derive(Debug)]
pub struct Gazetteer {
    provinces: Vec<Province>,
    districts: Vec<District>,
    military_regions: Vec<MilitaryRegion>,
    organizations: Vec<Organization>,
    places: Vec<Place>,
    by_key: HashMap<String, Vec<Record>>,
    by_folded: HashMap<String, Vec<Record>>,
    /// Syllable key → id, for keys in any name or cue (both tone placements).
    pub(crate) vocab: FastMap<Box<str>, u32>,
    /// Folded (ASCII) key → id, for names written without diacritics.
    pub(crate) folded_vocab: FastMap<Box<str>, u32>,
    /// Flags per vocabulary id ([`sym`]).
    pub(crate) flags: Vec<u16>,
    /// Names and cues by key ids.
    pub(crate) trie: Trie,
    /// Names by folded key ids.
    pub(crate) folded_trie: Trie,
    /// Per folded id: a name written without diacritics may start with it in lower case
    /// (`quan khu 7`; see [`Gazetteer::folded_lower_start`]).
    folded_lower_starts: Vec<bool>,
}

/// Splits a name into its token keys the way the recognizer sees text.
fn token_keys(name: &str) -> Vec<(String, bool)> {
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
fn lookup_key(name: &str) -> String {
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

fn fold_key(k: &str) -> String {
    crate::normalize::fold_diacritics(k).into_owned()
}

fn split_list(field: &str, sep: char) -> Vec<&str> {
    field.split(sep).map(str::trim).filter(|s| !s.is_empty()).collect()
}

struct Builder {
    vocab: FastMap<Box<str>, u32>,
    folded_vocab: FastMap<Box<str>, u32>,
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
    /// The built-in gazetteer, parsed once on first use.
    ///
    /// ```
    /// let g = vntext::Gazetteer::builtin();
    /// assert!(std::ptr::eq(g, vntext::Gazetteer::builtin()));
    /// assert_eq!(g.provinces().len(), 97);
    /// ```
    pub fn builtin() -> &'static Gazetteer {
        static BUILTIN: OnceLock<Gazetteer> = OnceLock::new();
        BUILTIN.get_or_init(|| Gazetteer::parse().expect("built-in gazetteer data is validated by tests"))
    }

    /// Parses the built-in data files (the tests call this to check them).
    pub(crate) fn parse() -> Result<Gazetteer> {
        let mut b = Builder {
            vocab: FastMap::default(),
            folded_vocab: FastMap::default(),
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
            districts.push(District {
                id: DistrictId(districts.len() as u16),
                code: row.get(0),
                name: row.get(1),
                kind: row.get(2),
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
            organizations.push(Organization {
                id: OrganizationId(organizations.len() as u16),
                name: row.get(0),
                kind,
                sector: row.get(2),
                aliases: split_list(row.get(3), '|'),
            });
        }

        let file = "places.tsv";
        let rows = tsv::parse(file, PLACES, &["name", "kind", "aliases"], 2)?;
        let mut places = Vec::new();
        for row in &rows {
            places.push(Place {
                id: PlaceId(places.len() as u16),
                name: row.get(0),
                kind: row.get(1),
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
                let mut kind = d.kind.to_owned();
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

    /// True when a name written without diacritics may start, in lower case, with the word
    /// of folded id `fsym` (the military regions: `quan khu 7`); other folded names start
    /// with a capital.
    pub(crate) fn folded_lower_start(&self, fsym: u32) -> bool {
        self.folded_lower_starts.get(fsym as usize).copied().unwrap_or(false)
    }

    /// Records whose name or alias has the same [`key`](crate::key) as `name` (any case,
    /// either tone placement, `Bà Rịa-Vũng Tàu` = `Bà Rịa - Vũng Tàu`).
    ///
    /// ```
    /// use vntext::Record;
    ///
    /// let g = vntext::Gazetteer::builtin();
    /// // Case and tone placement do not matter: the old and the new Khánh Hòa.
    /// assert_eq!(g.lookup("KHÁNH HOÀ"), g.lookup("Khánh Hòa"));
    /// assert!(matches!(g.lookup("Khánh Hòa"), [Record::Province(_), Record::Province(_)]));
    /// assert_eq!(g.lookup("Bà Rịa-Vũng Tàu"), g.lookup("Bà Rịa - Vũng Tàu"));
    /// // The old and the new Lâm Đồng.
    /// assert_eq!(g.lookup("Lâm Đồng").len(), 2);
    /// assert!(g.lookup("Dak Nong").is_empty()); // no diacritics: see `lookup_folded`
    /// ```
    pub fn lookup(&self, name: &str) -> &[Record] {
        self.by_key.get(&lookup_key(name)).map_or(&[], Vec::as_slice)
    }

    /// Records whose name or alias has the same [`folded_key`](crate::folded_key) as
    /// `name` (`Dak Nong`, `DAK NONG`).
    ///
    /// ```
    /// let g = vntext::Gazetteer::builtin();
    /// assert_eq!(g.lookup_folded("DAK NONG"), g.lookup("Đắk Nông"));
    /// ```
    pub fn lookup_folded(&self, name: &str) -> &[Record] {
        self.by_folded.get(&fold_key(&lookup_key(name))).map_or(&[], Vec::as_slice)
    }

    /// [`lookup`](Self::lookup), else [`lookup_folded`](Self::lookup_folded).
    ///
    /// ```
    /// let g = vntext::Gazetteer::builtin();
    /// assert_eq!(g.find("Dak Nong"), g.find("Đắk Nông"));
    /// assert!(g.find("Atlantis").is_empty());
    /// ```
    pub fn find(&self, name: &str) -> &[Record] {
        let exact = self.lookup(name);
        if exact.is_empty() { self.lookup_folded(name) } else { exact }
    }

    /// The pre-2025 provincial unit with this GSO code (`"67"` → Đắk Nông), whose
    /// [`successor`](Self::successor) is its unit since 1 July 2025.
    ///
    /// ```
    /// let g = vntext::Gazetteer::builtin();
    /// assert_eq!(g.province("67").unwrap().name, "Đắk Nông");
    /// assert!(g.province("99").is_none());
    /// ```
    pub fn province(&self, code: &str) -> Option<&Province> {
        self.provinces.iter().find(|p| p.era == Era::Before2025 && p.code == code)
    }

    /// The provincial unit in place since 1 July 2025 with this GSO code (`"68"` → the
    /// new Lâm Đồng).
    ///
    /// ```
    /// let g = vntext::Gazetteer::builtin();
    /// let lam_dong = g.province_since_2025("68").unwrap();
    /// assert_eq!(lam_dong.valid_from, Some("2025-07-01"));
    /// assert!(g.province_since_2025("67").is_none()); // Đắk Nông is no more
    /// ```
    pub fn province_since_2025(&self, code: &str) -> Option<&Province> {
        self.provinces.iter().find(|p| p.era == Era::Since2025 && p.code == code)
    }

    /// All 97 provincial units: the 63 pre-2025 ones, then the 34 current ones.
    ///
    /// ```
    /// use vntext::Era;
    ///
    /// let provinces = vntext::Gazetteer::builtin().provinces();
    /// assert_eq!(provinces.iter().filter(|p| p.era == Era::Before2025).count(), 63);
    /// assert_eq!(provinces.iter().filter(|p| p.era == Era::Since2025).count(), 34);
    /// ```
    pub fn provinces(&self) -> &[Province] {
        &self.provinces
    }

    /// A provincial unit by id.
    ///
    /// ```
    /// let g = vntext::Gazetteer::builtin();
    /// let dak_nong = g.province("67").unwrap();
    /// assert_eq!(g.province_by_id(dak_nong.id), Some(dak_nong));
    /// ```
    pub fn province_by_id(&self, id: ProvinceId) -> Option<&Province> {
        self.provinces.get(usize::from(id.0))
    }

    /// The unit a pre-2025 unit became part of on 1 July 2025 (`None` for current units).
    ///
    /// ```
    /// let g = vntext::Gazetteer::builtin();
    /// let binh_thuan = g.province("60").unwrap();
    /// let successor = g.successor(binh_thuan).unwrap();
    /// assert_eq!(successor.name, "Lâm Đồng");
    /// assert!(g.successor(successor).is_none());
    /// ```
    pub fn successor(&self, province: &Province) -> Option<&Province> {
        province.successor.and_then(|id| self.province_by_id(id))
    }

    /// The pre-2025 units a current unit was formed from.
    ///
    /// ```
    /// let g = vntext::Gazetteer::builtin();
    /// let lam_dong = g.province_since_2025("68").unwrap();
    /// let mut names: Vec<&str> = g.predecessors(lam_dong).map(|p| p.name).collect();
    /// names.sort();
    /// assert_eq!(names, ["Bình Thuận", "Lâm Đồng", "Đắk Nông"]);
    /// ```
    pub fn predecessors<'g>(&'g self, province: &'g Province) -> impl Iterator<Item = &'g Province> + 'g {
        self.provinces.iter().filter(move |p| p.successor == Some(province.id))
    }

    /// The military region a pre-2025 unit belonged to; for a current unit, the regions
    /// of the units it was formed from (two for Phú Thọ and Lâm Đồng, whose merger crossed
    /// regions).
    ///
    /// ```
    /// let g = vntext::Gazetteer::builtin();
    /// let lam_dong = g.province_since_2025("68").unwrap();
    /// let codes: Vec<&str> = g.military_regions_of(lam_dong).map(|m| m.code).collect();
    /// assert_eq!(codes, ["QK5", "QK7"]);
    /// ```
    pub fn military_regions_of<'g>(
        &'g self,
        province: &'g Province,
    ) -> impl Iterator<Item = &'g MilitaryRegion> + 'g {
        province.military_regions.iter().filter_map(|&id| self.military_region_by_id(id))
    }

    /// Pre-2025 districts.
    ///
    /// ```
    /// let g = vntext::Gazetteer::builtin();
    /// let d = g.districts().iter().find(|d| d.code == "001").unwrap();
    /// assert_eq!((d.kind, d.name), ("quận", "Ba Đình"));
    /// ```
    pub fn districts(&self) -> &[District] {
        &self.districts
    }

    /// A district by id.
    ///
    /// ```
    /// use vntext::Record;
    ///
    /// let g = vntext::Gazetteer::builtin();
    /// let Some(&Record::District(id)) = g.lookup("Gia Nghĩa").iter().find(|r| matches!(r, Record::District(_))) else {
    ///     panic!()
    /// };
    /// assert_eq!(g.district_by_id(id).unwrap().code, "660");
    /// ```
    pub fn district_by_id(&self, id: DistrictId) -> Option<&District> {
        self.districts.get(usize::from(id.0))
    }

    /// Military regions and the Capital Command.
    ///
    /// ```
    /// let regions = vntext::Gazetteer::builtin().military_regions();
    /// assert_eq!(regions.len(), 8);
    /// assert!(regions.iter().any(|m| m.code == "BTLTD" && m.number == 0));
    /// ```
    pub fn military_regions(&self) -> &[MilitaryRegion] {
        &self.military_regions
    }

    /// A military region by code (`"QK5"`) or any name or alias (`"Quân khu V"`).
    ///
    /// ```
    /// let g = vntext::Gazetteer::builtin();
    /// assert_eq!(g.military_region("QK5"), g.military_region("Quân khu V"));
    /// assert_eq!(g.military_region("quan khu 5").unwrap().code, "QK5");
    /// assert!(g.military_region("Quân khu 10").is_none());
    /// ```
    pub fn military_region(&self, name: &str) -> Option<&MilitaryRegion> {
        self.military_regions.iter().find(|m| m.code == name).or_else(|| {
            self.find(name).iter().find_map(|r| match r {
                Record::MilitaryRegion(id) => self.military_region_by_id(*id),
                _ => None,
            })
        })
    }

    /// A military region by id.
    ///
    /// ```
    /// let g = vntext::Gazetteer::builtin();
    /// let qk7 = g.military_region("QK7").unwrap();
    /// assert_eq!(g.military_region_by_id(qk7.id), Some(qk7));
    /// ```
    pub fn military_region_by_id(&self, id: MilitaryRegionId) -> Option<&MilitaryRegion> {
        self.military_regions.get(usize::from(id.0))
    }

    /// Organisations and organisation head words.
    ///
    /// ```
    /// let orgs = vntext::Gazetteer::builtin().organizations();
    /// assert!(orgs.iter().any(|o| o.name == "Quốc hội"));
    /// ```
    pub fn organizations(&self) -> &[Organization] {
        &self.organizations
    }

    /// An organisation by id.
    ///
    /// ```
    /// use vntext::Record;
    ///
    /// let g = vntext::Gazetteer::builtin();
    /// let Some(&Record::Organization(id)) = g.lookup("BQP").first() else { panic!() };
    /// assert_eq!(g.organization_by_id(id).unwrap().name, "Bộ Quốc phòng");
    /// ```
    pub fn organization_by_id(&self, id: OrganizationId) -> Option<&Organization> {
        self.organizations.get(usize::from(id.0))
    }

    /// Countries and other places.
    ///
    /// ```
    /// let places = vntext::Gazetteer::builtin().places();
    /// assert!(places.iter().any(|p| p.name == "Việt Nam" && p.kind == "country"));
    /// ```
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    /// A place by id.
    ///
    /// ```
    /// let g = vntext::Gazetteer::builtin();
    /// let usa = g.places().iter().find(|p| p.name == "Hoa Kỳ").unwrap();
    /// assert_eq!(g.place_by_id(usa.id), Some(usa));
    /// ```
    pub fn place_by_id(&self, id: PlaceId) -> Option<&Place> {
        self.places.get(usize::from(id.0))
    }

    /// True when `word` is a Vietnamese surname (`Nguyễn`, `Hồ`).
    ///
    /// ```
    /// let g = vntext::Gazetteer::builtin();
    /// assert!(g.is_surname("Nguyễn") && g.is_surname("NGUYỄN"));
    /// assert!(!g.is_surname("Mười"));
    /// ```
    pub fn is_surname(&self, word: &str) -> bool {
        self.word_flags(word) & sym::SURNAME != 0
    }

    /// True when `word` is a known middle or given name syllable (`Văn`, `Mười`).
    ///
    /// ```
    /// let g = vntext::Gazetteer::builtin();
    /// assert!(g.is_name_syllable("Văn") && g.is_name_syllable("Mười"));
    /// assert!(!g.is_name_syllable("phòng"));
    /// ```
    pub fn is_name_syllable(&self, word: &str) -> bool {
        self.word_flags(word) & (sym::MIDDLE | sym::GIVEN) != 0
    }

    fn word_flags(&self, word: &str) -> u16 {
        self.vocab
            .get(crate::normalize::key(word).as_ref())
            .and_then(|&id| self.flags.get(id as usize))
            .copied()
            .unwrap_or(0)
    }

    /// A one-line description of a record, as the `ner` example prints it:
    /// `province:67 → 68 Lâm Đồng; QK5`, `military_region:QK5 Quân khu 5`.
    ///
    /// ```
    /// use vntext::Record;
    ///
    /// let g = vntext::Gazetteer::builtin();
    /// let dak_nong = g.province("67").unwrap();
    /// assert_eq!(g.describe(Record::Province(dak_nong.id)), "province:67 → 68 Lâm Đồng; QK5");
    /// let qk5 = g.military_region("QK5").unwrap();
    /// assert_eq!(g.describe(Record::MilitaryRegion(qk5.id)), "military_region:QK5 Quân khu 5");
    /// ```
    pub fn describe(&self, record: Record) -> String {
        match record {
            Record::Province(id) => {
                let Some(p) = self.province_by_id(id) else { return String::new() };
                let mrs: Vec<&str> = self.military_regions_of(p).map(|m| m.code).collect();
                let mrs = if mrs.is_empty() { String::new() } else { format!("; {}", mrs.join(",")) };
                match (p.era, self.successor(p)) {
                    (Era::Before2025, Some(s)) => format!("province:{} → {} {}{mrs}", p.code, s.code, s.name),
                    _ => format!("province:{} {} (since 2025-07-01){mrs}", p.code, p.name),
                }
            }
            Record::District(id) => self
                .district_by_id(id)
                .map(|d| {
                    let p = self.province_by_id(d.province).map_or("", |p| p.name);
                    format!("district:{} {} {}, {p}", d.code, d.kind, d.name)
                })
                .unwrap_or_default(),
            Record::MilitaryRegion(id) => self
                .military_region_by_id(id)
                .map(|m| format!("military_region:{} {}", m.code, m.name))
                .unwrap_or_default(),
            Record::Organization(id) => self
                .organization_by_id(id)
                .map(|o| format!("organization:{} {}", o.sector, o.name))
                .unwrap_or_default(),
            Record::Place(id) => {
                self.place_by_id(id).map(|p| format!("place:{} {}", p.kind, p.name)).unwrap_or_default()
            }
        }
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

    #[test]
    fn trie_keeps_hits_per_node() {
        let mut t = Trie::new();
        let hit = |n| Hit { target: Target::Cue(Cue::Title), caps: n };
        t.insert(&[1, 2], hit(1));
        t.insert(&[1], hit(2));
        t.insert(&[1, 2], hit(1));
        t.finish();
        let a = t.step(0, 1).unwrap();
        let b = t.step(a, 2).unwrap();
        assert_eq!(t.hits(a), [hit(2)]);
        assert_eq!(t.hits(b), [hit(1)]);
        assert!(t.step(b, 3).is_none());
    }

    #[test]
    fn names_are_case_and_placement_insensitive() {
        let g = Gazetteer::builtin();
        assert!(g.is_surname("NGUYỄN"));
        assert!(g.is_name_syllable("Mười"));
        assert_eq!(g.lookup("Khánh Hoà"), g.lookup("Khánh Hòa"));
        assert!(!g.lookup("Khánh Hòa").is_empty());
    }
}
