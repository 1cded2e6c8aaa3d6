//! Gazetteers for named-entity recognition: Vietnam's provincial units before and after the
//! 1 July 2025 merger (63 → 34) with their successors and military regions, pre-2025
//! districts, military regions, organisations, countries and other places, and the
//! knowledge used to find person names (surnames, name syllables, titles and cue words).
//!
//! The [`Gazetteer`] holds the records ([`Province`], [`District`], [`MilitaryRegion`],
//! [`Organization`], [`Place`]), each with a typed id, and looks them up by code, by any alias
//! or by a name written in any case, with or without diacritics ([`Gazetteer::find`] gives
//! [`Record`]s). The [`Recognizer`](crate::Recognizer) links each entity it finds to one of them.
//!
//! ```
//! use vntext::Gazetteer;
//! use vntext::gazetteer::{PlaceKind, Record};
//!
//! let g = Gazetteer::builtin();
//! let dak_nong = g.province("67").unwrap();
//! assert_eq!(dak_nong.name, "Đắk Nông");
//! let successor = g.successor(dak_nong).unwrap();
//! assert_eq!((successor.code, successor.name), ("68", "Lâm Đồng"));
//! assert_eq!(g.military_regions_of(dak_nong).next().unwrap().name, "Quân khu 5");
//! // Any alias, any case, with or without diacritics.
//! assert!(matches!(g.find("DAK NONG").first(), Some(Record::Province(_))));
//! let china = g.places().iter().find(|p| p.name == "Trung Quốc").unwrap();
//! assert_eq!(china.kind, PlaceKind::Country);
//! ```
//!
//! All data comes from TSV files in `data/gazetteer/` (sources in `data/SOURCES.md`),
//! compiled into the crate and parsed once.

mod build;
mod index;
mod records;

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::hash::FxMap;
use build::{fold_key, lookup_key};
pub(crate) use index::{Cue, Hit, NO_SYM, Target, Trie, sym};
pub use records::{
    District, DistrictId, DistrictKind, Era, MilitaryRegion, MilitaryRegionId, Organization, OrganizationId,
    OrganizationKind, Place, PlaceId, PlaceKind, Province, ProvinceId, ProvinceKind, Record, Sector,
};

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
    pub(crate) vocab: FxMap<Box<str>, u32>,
    /// Folded (ASCII) key → id, for names written without diacritics.
    pub(crate) folded_vocab: FxMap<Box<str>, u32>,
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
    /// assert_eq!((d.kind.as_str(), d.name), ("quận", "Ba Đình"));
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
    /// assert!(places.iter().any(|p| p.name == "Việt Nam" && p.kind == vntext::PlaceKind::Country));
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
    fn descriptions_name_the_place_kind_and_sector() {
        let g = Gazetteer::builtin();
        let china = g.places().iter().find(|p| p.name == "Trung Quốc").unwrap();
        assert_eq!(china.kind, PlaceKind::Country);
        assert_eq!(g.describe(Record::Place(china.id)), "place:country Trung Quốc");
        let bqp = g.organizations().iter().find(|o| o.name == "Bộ Quốc phòng").unwrap();
        assert_eq!(bqp.sector, Sector::Ministry);
        assert_eq!(g.describe(Record::Organization(bqp.id)), "organization:ministry Bộ Quốc phòng");
        let count = |k: PlaceKind| g.places().iter().filter(|p| p.kind == k).count();
        assert_eq!((count(PlaceKind::Country), count(PlaceKind::Mountain)), (133, 3));
        let sport = g.organizations().iter().filter(|o| o.sector == Sector::Sport).count();
        assert_eq!(sport, 3);
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
