//! The gazetteer's records: provincial units of both eras, districts, military regions,
//! organisations and other places, with their ids and the [`Record`] an entity links to.

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

/// The kind of a pre-2025 district-level unit, as its designator says.
///
/// ```
/// use vntext::{DistrictKind, Gazetteer};
///
/// let g = Gazetteer::builtin();
/// let d = g.districts().iter().find(|d| d.name == "Gia Nghĩa").unwrap();
/// assert_eq!(d.kind, DistrictKind::City);
/// assert_eq!(d.kind.as_str(), "thành phố");
/// assert_eq!(DistrictKind::UrbanDistrict.to_string(), "quận");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum DistrictKind {
    /// `quận`, an urban district of a city.
    UrbanDistrict,
    /// `huyện`, a rural district.
    RuralDistrict,
    /// `thị xã`, a town.
    Town,
    /// `thành phố` (thuộc tỉnh), a city under a province.
    City,
}

impl DistrictKind {
    const ALL: [DistrictKind; 4] =
        [DistrictKind::UrbanDistrict, DistrictKind::RuralDistrict, DistrictKind::Town, DistrictKind::City];

    /// Its designator, as the data files, [`Gazetteer::describe`](crate::Gazetteer::describe)
    /// and texts write it: `quận`, `huyện`, `thị xã`, `thành phố`.
    ///
    /// ```
    /// assert_eq!(vntext::DistrictKind::Town.as_str(), "thị xã");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            DistrictKind::UrbanDistrict => "quận",
            DistrictKind::RuralDistrict => "huyện",
            DistrictKind::Town => "thị xã",
            DistrictKind::City => "thành phố",
        }
    }

    /// The kind whose designator is `name` in the data files.
    pub(super) fn from_name(name: &str) -> Option<DistrictKind> {
        DistrictKind::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

impl core::fmt::Display for DistrictKind {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Index of a [`Province`] in [`Gazetteer::provinces`](crate::Gazetteer::provinces).
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
/// Index of a [`District`] in [`Gazetteer::districts`](crate::Gazetteer::districts).
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
/// Index of a [`MilitaryRegion`] in [`Gazetteer::military_regions`](crate::Gazetteer::military_regions).
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
/// Index of an [`Organization`] in [`Gazetteer::organizations`](crate::Gazetteer::organizations).
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
/// Index of a [`Place`] in [`Gazetteer::places`](crate::Gazetteer::places).
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
    pub(super) successor: Option<ProvinceId>,
    pub(super) military_regions: Vec<MilitaryRegionId>,
}

/// A pre-2025 district-level unit (quận, huyện, thị xã, thành phố thuộc tỉnh).
///
/// ```
/// let g = vntext::Gazetteer::builtin();
/// let d = g.districts().iter().find(|d| d.name == "Gia Nghĩa").unwrap();
/// assert_eq!((d.code, d.kind), ("660", vntext::DistrictKind::City));
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
    pub kind: DistrictKind,
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
/// assert_eq!((bqp.name, bqp.sector), ("Bộ Quốc phòng", vntext::Sector::Ministry));
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
    /// Which sector it belongs to.
    pub sector: Sector,
    /// Abbreviations and spellings (`UBND`).
    pub aliases: Vec<&'static str>,
}

/// A country, foreign city, region, sea, river, island or mountain.
#[derive(Clone, Debug, PartialEq, Eq)]
///
/// ```
/// let g = vntext::Gazetteer::builtin();
/// let china = g.places().iter().find(|p| p.aliases.contains(&"TQ")).unwrap();
/// assert_eq!((china.name, china.kind), ("Trung Quốc", vntext::PlaceKind::Country));
/// ```
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Place {
    /// Its index.
    pub id: PlaceId,
    /// Name (`"Trung Quốc"`).
    pub name: &'static str,
    /// What kind of place it is.
    pub kind: PlaceKind,
    /// Other names (`Mỹ` for Hoa Kỳ).
    pub aliases: Vec<&'static str>,
}

/// What kind of place a [`Place`] is.
///
/// ```
/// use vntext::{Gazetteer, PlaceKind};
///
/// let g = Gazetteer::builtin();
/// let kind = |name: &str| g.places().iter().find(|p| p.name == name).unwrap().kind;
/// assert_eq!(kind("Trung Quốc"), PlaceKind::Country);
/// assert_eq!(PlaceKind::Country.as_str(), "country");
/// assert_eq!(PlaceKind::Country.to_string(), "country");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum PlaceKind {
    /// A country (`Trung Quốc`, `Hoa Kỳ`).
    Country,
    /// A capital city (`Bắc Kinh`, `Washington`).
    Capital,
    /// Another city (`Thượng Hải`, `New York`).
    City,
    /// A region, territory or continent (`Đài Loan`, `Vân Nam`, `Châu Á`).
    Region,
    /// A sea, gulf or ocean (`Biển Đông`, `Thái Bình Dương`).
    Sea,
    /// A river (`Sông Hồng`).
    River,
    /// An island or archipelago (`Hoàng Sa`, `Phú Quốc`).
    Island,
    /// A mountain or range (`Trường Sơn`, `Fansipan`).
    Mountain,
}

impl PlaceKind {
    const ALL: [PlaceKind; 8] = [
        PlaceKind::Country,
        PlaceKind::Capital,
        PlaceKind::City,
        PlaceKind::Region,
        PlaceKind::Sea,
        PlaceKind::River,
        PlaceKind::Island,
        PlaceKind::Mountain,
    ];

    /// Its name in the data files and in [`Gazetteer::describe`](crate::Gazetteer::describe):
    /// `country`, `capital`, `city`, `region`, `sea`, `river`, `island`, `mountain`.
    ///
    /// ```
    /// use vntext::gazetteer::PlaceKind;
    ///
    /// assert_eq!(PlaceKind::Island.as_str(), "island");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceKind::Country => "country",
            PlaceKind::Capital => "capital",
            PlaceKind::City => "city",
            PlaceKind::Region => "region",
            PlaceKind::Sea => "sea",
            PlaceKind::River => "river",
            PlaceKind::Island => "island",
            PlaceKind::Mountain => "mountain",
        }
    }

    /// The kind named `name` in the data files.
    pub(super) fn from_name(name: &str) -> Option<PlaceKind> {
        PlaceKind::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

impl core::fmt::Display for PlaceKind {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The sector an [`Organization`] belongs to.
///
/// ```
/// use vntext::{Gazetteer, Sector};
///
/// let g = Gazetteer::builtin();
/// let sector = |name: &str| g.organizations().iter().find(|o| o.name == name).unwrap().sector;
/// assert_eq!(sector("Bộ Quốc phòng"), Sector::Ministry);
/// assert_eq!(sector("Quốc hội"), Sector::State);
/// assert_eq!(Sector::Ministry.to_string(), "ministry");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Sector {
    /// State bodies (`Quốc hội`, `Chính phủ`).
    State,
    /// The Party (`Bộ Chính trị`, `Ban Bí thư`).
    Party,
    /// Ministries (`Bộ Quốc phòng`, `Bộ Công an`).
    Ministry,
    /// The armed forces (`Quân đội nhân dân Việt Nam`, `Bộ Tổng Tham mưu`).
    Military,
    /// The police and security bodies (`Công an nhân dân`, `Cơ quan Cảnh sát điều tra`).
    Security,
    /// Mass organisations (`Mặt trận Tổ quốc Việt Nam`).
    Mass,
    /// Companies and banks (`Vietcombank`, `Vinamilk`).
    Company,
    /// Schools and academies (`Học viện`, `Trường Đại học`).
    School,
    /// Hospitals and health centres (`Bệnh viện`, `Trung tâm Y tế`).
    Health,
    /// News agencies, newspapers, radio and television (`Báo Nhân Dân`).
    Media,
    /// Sports clubs, teams and federations (`Câu lạc bộ`, `Đội tuyển`).
    Sport,
    /// International organisations (`Liên Hợp Quốc`, `ASEAN`).
    International,
}

impl Sector {
    const ALL: [Sector; 12] = [
        Sector::State,
        Sector::Party,
        Sector::Ministry,
        Sector::Military,
        Sector::Security,
        Sector::Mass,
        Sector::Company,
        Sector::School,
        Sector::Health,
        Sector::Media,
        Sector::Sport,
        Sector::International,
    ];

    /// Its name in the data files and in [`Gazetteer::describe`](crate::Gazetteer::describe):
    /// `state`, `party`, `ministry`, `military`, `security`, `mass`, `company`, `school`,
    /// `health`, `media`, `sport`, `international`.
    ///
    /// ```
    /// use vntext::gazetteer::Sector;
    ///
    /// assert_eq!(Sector::Ministry.as_str(), "ministry");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Sector::State => "state",
            Sector::Party => "party",
            Sector::Ministry => "ministry",
            Sector::Military => "military",
            Sector::Security => "security",
            Sector::Mass => "mass",
            Sector::Company => "company",
            Sector::School => "school",
            Sector::Health => "health",
            Sector::Media => "media",
            Sector::Sport => "sport",
            Sector::International => "international",
        }
    }

    /// The sector named `name` in the data files.
    pub(super) fn from_name(name: &str) -> Option<Sector> {
        Sector::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

impl core::fmt::Display for Sector {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_and_sector_names_round_trip() {
        for k in PlaceKind::ALL {
            assert_eq!(PlaceKind::from_name(k.as_str()), Some(k));
        }
        for s in Sector::ALL {
            assert_eq!(Sector::from_name(s.as_str()), Some(s));
        }
        assert_eq!(PlaceKind::from_name("Country"), None);
        assert_eq!(Sector::from_name(""), None);
    }
}
