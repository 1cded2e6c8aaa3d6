//! Named entities: people, provinces (with the 2025 merger), military regions,
//! organisations, other places, dates and times.
//!
//! ```
//! use vntext::{EntityKind, Recognizer};
//!
//! let text = "Chiều 8/12, đồng chí Hồ Văn Mười, Chủ tịch UBND tỉnh Đắk Nông, làm việc với Quân khu 5.";
//! let r = Recognizer::builtin();
//! let found: Vec<(EntityKind, &str, bool)> =
//!     r.recognize(text).iter().map(|e| (e.kind, e.text, e.nested)).collect();
//! assert_eq!(found, [
//!     (EntityKind::Date, "8/12", false),
//!     (EntityKind::Person, "Hồ Văn Mười", false),
//!     (EntityKind::Organization, "UBND tỉnh Đắk Nông", false),
//!     (EntityKind::Province, "Đắk Nông", true),
//!     (EntityKind::MilitaryRegion, "Quân khu 5", false),
//! ]);
//! let dak_nong = &r.recognize(text)[3];
//! assert_eq!(r.describe(dak_nong), "province:67 → 68 Lâm Đồng; QK5");
//! ```
//!
//! ## How it works
//! The text is tokenized ([`tokenize`](crate::tokenize)); each word token gets the id of its
//! lowercase key in the gazetteer's vocabulary (one hash look-up, no allocation), and
//! gazetteer names and cue words are matched as sequences of ids in a trie, at token
//! boundaries only. Rules then read the tokens left to right:
//! - dates and times from the tokenizer's `Date`/`Time` tokens and `ngày 8 tháng 12 năm 2022`,
//!   `năm 2023`, `16 giờ 30`;
//! - organisations from the gazetteer (`Bộ Quốc phòng`, `UBND`, `Tỉnh ủy`) or a head word and a
//!   capitalized name (`Sở Y tế`, `Công ty ...`), with a place complement (`UBND tỉnh Đắk Nông`,
//!   `Đảng bộ Quân khu 5`);
//! - places after an administrative word (`tỉnh`, `huyện`, `xã` — the word is not part of the
//!   span) or by their gazetteer name;
//! - people by the structure of Vietnamese names (surname + middle + given name, all
//!   capitalized) or after a title or byline (`ông`, `Đại tá`, `Tin, ảnh:`), never by a list
//!   of people; a place is never a person.
//!
//! ## Nested entities
//! An entity inside another (the province in `UBND tỉnh Đắk Nông`, the military region in
//! `Đảng bộ Quân khu 5`) is returned right after the outer one with [`Entity::nested`] set.
//! Entities come sorted by start, outer before inner; the entities with `nested == false`
//! never overlap (they are the flat, longest reading).

use crate::gazetteer::{
    Cue, Gazetteer, Hit, NO_SYM, OrganizationKind, PlaceKind, Record, Sector, Target, sym,
};
use crate::ner_tagger::{LineState, NerTagger};
use crate::span::Span;
use crate::token::{TokenKind, tokenize};
use crate::user_entities::UserEntities;

/// What an entity is: [`Entity::kind`].
///
/// The enum is `#[non_exhaustive]`: a `match` needs a `_` arm.
///
/// ```
/// use vntext::{EntityKind, Recognizer};
///
/// let text = "Chiều 8/12/2022, Chủ tịch UBND tỉnh Đắk Nông Hồ Văn Mười làm việc với Bộ Tư lệnh Quân khu 5.";
/// let entities = Recognizer::builtin().recognize(text);
/// let kinds: Vec<(EntityKind, &str)> = entities.iter().map(|e| (e.kind, e.text)).collect();
/// assert_eq!(kinds, [
///     (EntityKind::Date, "8/12/2022"),
///     (EntityKind::Organization, "UBND tỉnh Đắk Nông"),
///     (EntityKind::Province, "Đắk Nông"),
///     (EntityKind::Person, "Hồ Văn Mười"),
///     (EntityKind::Organization, "Bộ Tư lệnh Quân khu 5"),
///     (EntityKind::MilitaryRegion, "Quân khu 5"),
/// ]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum EntityKind {
    /// A person's name (`Hồ Văn Mười`), without titles.
    Person,
    /// A provincial unit, before or after the 2025 merger (`Đắk Nông`).
    Province,
    /// A military region or the Hanoi Capital Command (`Quân khu 5`).
    MilitaryRegion,
    /// An organisation (`Bộ Quốc phòng`, `UBND tỉnh Đắk Nông`).
    Organization,
    /// Any other place: district, commune, country, region, river (`Gia Nghĩa`, `Lào`).
    Location,
    /// A date (`08/12/2022`, `ngày 8 tháng 12 năm 2022`, `năm 2023`).
    Date,
    /// A time of day (`16:53`, `16 giờ 30`).
    Time,
    /// Another proper name the tagger finds (VLSP's MISC): nationalities and languages
    /// (`người Pháp`, `tiếng Nhật`), events, festivals, named laws, works, products.
    Misc,
}

impl EntityKind {
    /// The kind's name (`"person"`, `"province"`...), as the CLI prints it and `serde`
    /// writes it; `Display` writes the same.
    ///
    /// ```
    /// use vntext::EntityKind;
    ///
    /// assert_eq!(EntityKind::MilitaryRegion.as_str(), "military_region");
    /// assert_eq!(EntityKind::Person.to_string(), "person");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Province => "province",
            EntityKind::MilitaryRegion => "military_region",
            EntityKind::Organization => "organization",
            EntityKind::Location => "location",
            EntityKind::Date => "date",
            EntityKind::Time => "time",
            EntityKind::Misc => "misc",
        }
    }
}

impl core::fmt::Display for EntityKind {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How a gazetteer name matched the text: [`Entity::matched`].
///
/// A folded match (a name written without its diacritics) is the least sure: keep or drop it
/// as your text calls for.
///
/// ```
/// use vntext::{MatchKind, Recognizer};
///
/// let matched = |text: &str| Recognizer::builtin().recognize(text)[0].matched;
/// assert_eq!(matched("Ông Ba đến Đắk Nông."), MatchKind::Exact);
/// assert_eq!(matched("Đoàn công tác đến DAK NONG."), MatchKind::Folded);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum MatchKind {
    /// As the gazetteer writes it (or not from the gazetteer at all).
    #[default]
    Exact,
    /// Same letters and marks, other capitalization (`ĐẮK NÔNG`, `Ủy Ban Nhân Dân`).
    CaseInsensitive,
    /// Written without diacritics (`Dak Nong`).
    Folded,
}

/// A named entity found in a text, from [`Recognizer::recognize`].
///
/// It borrows the text (`'h`) and is `Copy`.
///
/// ```
/// use vntext::{EntityKind, MatchKind, Recognizer, Span};
///
/// let text = "Ông Nguyễn Văn An thăm tỉnh Lâm Đồng.";
/// let entities = Recognizer::builtin().recognize(text);
/// let place = entities[1];
/// assert_eq!((place.kind, place.text), (EntityKind::Province, "Lâm Đồng"));
/// assert_eq!(place.span, Span::new(35, 47));
/// // The mention includes the designator `tỉnh`.
/// assert_eq!(&text[place.mention.range()], "tỉnh Lâm Đồng");
/// assert!(place.record.is_some() && !place.nested);
/// assert_eq!(place.matched, MatchKind::Exact);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Entity<'h> {
    /// What it is.
    pub kind: EntityKind,
    /// Where it is, in bytes of the text passed to [`Recognizer::recognize`].
    pub span: Span,
    /// Its text (`&text[span.range()]`): for a place, the name without its designator
    /// (`Đắk Nông`).
    pub text: &'h str,
    /// The whole mention, with a place's designator (`tỉnh Đắk Nông`, `sông Hồng`: the VLSP
    /// convention); the same as [`span`](Self::span) for other entities.
    pub mention: Span,
    /// The gazetteer entry it refers to, if any; see [`Recognizer::describe`].
    pub record: Option<Record>,
    /// True when it lies inside another entity returned just before it.
    pub nested: bool,
    /// How its gazetteer name matched.
    pub matched: MatchKind,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: TokenKind,
    pub(crate) sym: u32,
    fsym: u32,
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
    fn is_syllable(&self) -> bool {
        self.kind == TokenKind::Syllable
    }
    fn is_word(&self) -> bool {
        self.kind.is_word()
    }
}

/// Ids of the function words the rules look for.
#[derive(Clone, Copy, Debug)]
struct Words {
    ngay: u32,
    mong: u32,
    so: u32,
    slash: u32,
    paren: u32,
    tu: u32,
    den: u32,
    toi: u32,
    sinh: u32,
    comma: u32,
    day_parts: [u32; 5],
    thang: u32,
    nam: u32,
    gio: u32,
    phut: u32,
    va: u32,
    dash: u32,
    en_dash: u32,
}

/// Finds named entities. Built once, immutable, `Send + Sync`.
///
/// Use [`Recognizer::builtin`] for the built-in gazetteer, rules and tagger model, and
/// [`Recognizer::builder`] to add names of your own, use your own model, the rules alone, or
/// a document date. [`Recognizer::recognize`] gives the [`Entity`]s of a text; each place or
/// organisation the gazetteer knows comes with its [`Record`], which
/// [`Recognizer::describe`] writes on one line.
///
/// ```
/// use vntext::{EntityKind, Recognizer};
///
/// let recognizer = Recognizer::builtin();
/// let text = "Ông Hồ Văn Mười đến Đắk Nông.";
/// let entities = recognizer.recognize(text);
/// let found: Vec<(EntityKind, &str, String)> =
///     entities.iter().map(|e| (e.kind, e.text, recognizer.describe(e))).collect();
/// assert_eq!(found, [
///     (EntityKind::Person, "Hồ Văn Mười", String::new()),
///     (EntityKind::Province, "Đắk Nông", "province:67 → 68 Lâm Đồng; QK5".to_string()),
/// ]);
/// ```
#[derive(Debug)]
pub struct Recognizer {
    gazetteer: &'static Gazetteer,
    words: Words,
    /// Names the caller added with [`RecognizerBuilder`].
    user: std::sync::Arc<UserEntities>,
    /// The trained tagger that finds people, places, organisations and other names (none:
    /// the rules alone).
    tagger: Option<NerTagger>,
    /// The caller said the text was written on or after 1 July 2025.
    pub(crate) after_merger: bool,
}

/// Builds a [`Recognizer`] with names of your own: names that must be recognised as a
/// person, organisation or place whatever the rules say (a company, a local unit, a new
/// ward). They are matched whatever their case, NFC/NFD form, tone placement or spacing.
///
/// ```
/// use vntext::{EntityKind, Recognizer};
///
/// let recognizer = Recognizer::builder()
///     .entities_tsv("mine.tsv", "name\tkind\nBan Chỉ huy Phòng thủ khu vực 5\torganization\n")?
///     .entity("Thủy điện Đồng Nai 3", EntityKind::Location)
///     .build();
/// let found = recognizer.recognize("BAN CHỈ HUY PHÒNG THỦ KHU VỰC 5 thăm Thủy điện Đồng Nai 3.");
/// assert_eq!((found[0].kind, found[0].text), (EntityKind::Organization, "BAN CHỈ HUY PHÒNG THỦ KHU VỰC 5"));
/// assert_eq!((found[1].kind, found[1].text), (EntityKind::Location, "Thủy điện Đồng Nai 3"));
/// # Ok::<(), vntext::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct RecognizerBuilder {
    user: UserEntities,
    model: ModelChoice,
    after_merger: bool,
}

#[derive(Clone, Debug, Default)]
enum ModelChoice {
    #[default]
    Builtin,
    RulesOnly,
    Own(NerTagger),
}

impl RecognizerBuilder {
    /// Adds one name. A name already added is kept with its first kind.
    ///
    /// ```
    /// use vntext::{EntityKind, Recognizer};
    ///
    /// let recognizer = Recognizer::builder()
    ///     .entity("Công ty Sao Khuê", EntityKind::Organization)
    ///     .entity("Công ty Sao Khuê", EntityKind::Location) // ignored: already added
    ///     .build();
    /// let found = recognizer.recognize("Ông Ba làm ở công ty sao khuê.");
    /// let org = found.iter().find(|e| e.text == "công ty sao khuê").unwrap();
    /// assert_eq!(org.kind, EntityKind::Organization);
    /// ```
    pub fn entity(&mut self, name: &str, kind: EntityKind) -> &mut Self {
        let _ = self.user.add(name, kind, 0);
        self
    }

    /// Adds the names of a TSV file (header `name<TAB>kind`, kind `person`, `organization`
    /// or `location`).
    ///
    /// Use it to keep a list of names (your units, customers, local places) in a file beside
    /// your program.
    ///
    /// ```
    /// use vntext::{EntityKind, Recognizer};
    ///
    /// let tsv = "name\tkind\nCông ty Sao Khuê\torganization\nXóm Bến Đò\tlocation\n";
    /// let recognizer = Recognizer::builder().entities_tsv("names.tsv", tsv)?.build();
    /// let found = recognizer.recognize("Công ty Sao Khuê mở chi nhánh ở Xóm Bến Đò.");
    /// let kinds: Vec<(EntityKind, &str)> = found.iter().map(|e| (e.kind, e.text)).collect();
    /// assert!(kinds.contains(&(EntityKind::Organization, "Công ty Sao Khuê")));
    /// assert!(kinds.contains(&(EntityKind::Location, "Xóm Bến Đò")));
    ///
    /// let err = Recognizer::builder().entities_tsv("bad.tsv", "name\tkind\nAn\tanimal\n").unwrap_err();
    /// assert!(err.to_string().starts_with("bad.tsv:2: "), "{err}");
    /// # Ok::<(), vntext::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::Data`](crate::Error::Data) naming the line of a row with a wrong column
    /// count, an empty name, an unknown kind or a name already listed.
    pub fn entities_tsv(&mut self, file: &str, src: &str) -> crate::Result<&mut Self> {
        self.user.parse_into(file, src)?;
        Ok(self)
    }

    /// Uses a tagger model of your own (written by [`crate::NerTrainer`] or `vntext
    /// train-ner`, the command-line tool) instead of the built-in one.
    ///
    /// ```
    /// let err = vntext::Recognizer::builder().model(b"not a model").unwrap_err();
    /// assert!(matches!(err, vntext::Error::Model { .. }));
    /// ```
    ///
    /// # Errors
    /// [`Error::Model`](crate::Error::Model) when the bytes are not a NER model of this
    /// version, or are corrupt or truncated.
    pub fn model(&mut self, bytes: &[u8]) -> crate::Result<&mut Self> {
        self.model = ModelChoice::Own(NerTagger::from_model_bytes(bytes)?);
        Ok(self)
    }

    /// The date the texts were written: from 1 July 2025 on, a province named as it is
    /// named since the merger (`tỉnh Lâm Đồng`) is the new unit, not the old one of that
    /// name. Without a date, a mention links to the new unit when the text says so
    /// (`tỉnh Lâm Đồng (mới)`, `nay là tỉnh An Giang`).
    ///
    /// ```
    /// use vntext::{Era, Record, Recognizer};
    ///
    /// let r = Recognizer::builder().document_date(2025, 8, 1).build();
    /// let lam_dong = r.recognize("Đoàn công tác làm việc tại tỉnh Lâm Đồng.")[0];
    /// let Some(Record::Province(id)) = lam_dong.record else { panic!() };
    /// assert_eq!(r.gazetteer().province_by_id(id).unwrap().era, Era::Since2025);
    /// ```
    pub fn document_date(&mut self, year: u16, month: u8, day: u8) -> &mut Self {
        self.after_merger = (year, month, day) >= (2025, 7, 1);
        self
    }

    /// No tagger: people, places and organisations from the gazetteer and rules alone (high
    /// precision, low recall), as before the tagger existed.
    ///
    /// ```
    /// let rules = vntext::Recognizer::builder().rules_only().build();
    /// assert_eq!(rules.recognize("Ông Hồ Văn Mười đến Đắk Nông.").len(), 2);
    /// ```
    pub fn rules_only(&mut self) -> &mut Self {
        self.model = ModelChoice::RulesOnly;
        self
    }

    /// The recognizer: the built-in gazetteer and rules, then these names, which win over
    /// any built-in entity they overlap. The builder can build again.
    ///
    /// ```
    /// use vntext::{EntityKind, Recognizer};
    ///
    /// let mut builder = Recognizer::builder();
    /// builder.entity("Đội Sông Đà", EntityKind::Organization);
    /// let recognizer = builder.build();
    /// let found = recognizer.recognize("Đội Sông Đà thi công.");
    /// assert_eq!((found[0].kind, found[0].text), (EntityKind::Organization, "Đội Sông Đà"));
    /// ```
    pub fn build(&self) -> Recognizer {
        let mut r = Recognizer::with_rules();
        r.user = std::sync::Arc::new(self.user.clone());
        r.after_merger = self.after_merger;
        r.tagger = match &self.model {
            ModelChoice::Builtin => Some(NerTagger::builtin().clone()),
            ModelChoice::RulesOnly => None,
            ModelChoice::Own(t) => Some(t.clone()),
        };
        r
    }
}

impl Default for Recognizer {
    fn default() -> Recognizer {
        Recognizer::new()
    }
}

/// A gazetteer match: tokens `start..end` and the hits ending there.
#[derive(Clone, Copy, Debug)]
struct GMatch {
    end: usize,
    node: u32,
    folded: bool,
}

/// What the parser found at a position before it is written out.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Found {
    pub(crate) kind: EntityKind,
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) record: Option<Record>,
    pub(crate) matched: MatchKind,
    pub(crate) nested: bool,
    /// Where the whole mention starts (before `start` when a designator precedes the name).
    pub(crate) mention_start: usize,
}

impl Recognizer {
    /// A recognizer over the built-in [`Gazetteer`] and the built-in tagger model.
    ///
    /// Each call builds a recognizer (the gazetteer and model are loaded once per process
    /// and shared); [`Recognizer::builtin`] hands out one shared recognizer instead.
    ///
    /// ```
    /// use vntext::Recognizer;
    ///
    /// let recognizer = Recognizer::new();
    /// let text = "Ông Hồ Văn Mười đến Đắk Nông.";
    /// assert_eq!(recognizer.recognize(text), Recognizer::builtin().recognize(text));
    /// ```
    pub fn new() -> Recognizer {
        Recognizer { tagger: Some(NerTagger::builtin().clone()), ..Recognizer::with_rules() }
    }

    /// The gazetteer and rules, without a tagger.
    fn with_rules() -> Recognizer {
        let gazetteer = Gazetteer::builtin();
        let id = |w: &str| gazetteer.vocab.get(w).copied().unwrap_or(NO_SYM);
        let words = Words {
            ngay: id("ngày"),
            mong: id("mồng"),
            so: id("số"),
            slash: id("/"),
            paren: id("("),
            tu: id("từ"),
            den: id("đến"),
            toi: id("tới"),
            sinh: id("sinh"),
            comma: id(","),
            day_parts: [id("sáng"), id("chiều"), id("tối"), id("trưa"), id("đêm")],
            thang: id("tháng"),
            nam: id("năm"),
            gio: id("giờ"),
            phut: id("phút"),
            va: id("và"),
            dash: id("-"),
            en_dash: id("–"),
        };
        Recognizer { gazetteer, words, user: std::sync::Arc::default(), tagger: None, after_merger: false }
    }

    /// The rules alone, for the tagger's features.
    pub(crate) fn rules() -> &'static Recognizer {
        static RULES: std::sync::OnceLock<Recognizer> = std::sync::OnceLock::new();
        RULES.get_or_init(Recognizer::with_rules)
    }

    /// Tokenizes one line (`text` holds no line break) and runs the rules on it.
    pub(crate) fn rule_pass(
        &self,
        text: &str,
        toks: &mut Vec<Tok>,
        found: &mut Vec<Found>,
        key: &mut String,
    ) {
        toks.clear();
        found.clear();
        self.tokens_into(text, 0..text.len(), toks, key);
        Parser { r: self, g: self.gazetteer, toks, text, out: found, expansions: std::cell::OnceCell::new() }
            .run();
    }

    /// A builder, to add names of your own (see [`RecognizerBuilder`]).
    ///
    /// ```
    /// use vntext::Recognizer;
    ///
    /// let rules = Recognizer::builder().rules_only().build();
    /// let dates: Vec<&str> = rules.recognize("Ngày 8/12/2022 lúc 16:53").iter().map(|e| e.text).collect();
    /// assert_eq!(dates, ["Ngày 8/12/2022", "16:53"]);
    /// ```
    pub fn builder() -> RecognizerBuilder {
        RecognizerBuilder::default()
    }

    /// The shared built-in recognizer: built on first use, the same `&'static` one
    /// afterwards. Use it unless you need a [`Recognizer::builder`].
    ///
    /// ```
    /// use vntext::Recognizer;
    ///
    /// let recognizer = Recognizer::builtin();
    /// assert!(std::ptr::eq(recognizer, Recognizer::builtin()));
    /// assert_eq!(recognizer.recognize("Hà Nội")[0].text, "Hà Nội");
    /// ```
    pub fn builtin() -> &'static Recognizer {
        static BUILTIN: std::sync::OnceLock<Recognizer> = std::sync::OnceLock::new();
        BUILTIN.get_or_init(Recognizer::new)
    }

    /// The gazetteer its records refer to: look an entity's [`Record`] up in it.
    ///
    /// ```
    /// use vntext::{Record, Recognizer};
    ///
    /// let recognizer = Recognizer::builtin();
    /// let entity = recognizer.recognize("Đoàn công tác đến tỉnh Đắk Nông.")[0];
    /// let Some(Record::Province(id)) = entity.record else { panic!("{entity:?}") };
    /// let province = recognizer.gazetteer().province_by_id(id).unwrap();
    /// assert_eq!(province.name, "Đắk Nông");
    /// ```
    pub fn gazetteer(&self) -> &'static Gazetteer {
        self.gazetteer
    }

    /// The entity's record described on one line (empty when it has none), e.g.
    /// `province:67 → 68 Lâm Đồng; QK5`.
    ///
    /// ```
    /// use vntext::Recognizer;
    ///
    /// let recognizer = Recognizer::builtin();
    /// let entities = recognizer.recognize("Bộ Tư lệnh Quân khu 5 họp.");
    /// let described: Vec<String> = entities.iter().map(|e| recognizer.describe(e)).collect();
    /// assert_eq!(described, ["", "military_region:QK5 Quân khu 5"]);
    /// ```
    pub fn describe(&self, entity: &Entity<'_>) -> String {
        entity.record.map(|r| self.gazetteer.describe(r)).unwrap_or_default()
    }

    /// The entities of `text`, sorted by start, outer before nested (see the module docs).
    ///
    /// Each line is read on its own: no entity crosses a line break. Spans are byte offsets
    /// into `text`, NFD input included. Use [`RecognizerBuilder::document_date`] for texts
    /// written after the 2025 merger of provinces.
    ///
    /// ```
    /// use vntext::{EntityKind, Recognizer};
    ///
    /// let text = "Bộ Tư lệnh Quân khu 5 họp.";
    /// let entities = Recognizer::builtin().recognize(text);
    /// // The region is nested in the organisation, right after it.
    /// let flat: Vec<&str> = entities.iter().filter(|e| !e.nested).map(|e| e.text).collect();
    /// assert_eq!(flat, ["Bộ Tư lệnh Quân khu 5"]);
    /// assert_eq!((entities[1].kind, entities[1].nested), (EntityKind::MilitaryRegion, true));
    /// assert_eq!(&text[entities[1].span.range()], "Quân khu 5");
    /// ```
    pub fn recognize<'h>(&self, text: &'h str) -> Vec<Entity<'h>> {
        // Combining marks (U+0300..U+036F, lead bytes CC/CD): the words are compared as
        // written in many rules, so NFD text is composed first and the spans mapped back.
        self.recognize_as(text, false)
    }

    /// [`recognize`](Self::recognize), or with `corpus` the names as the NER corpus tags them
    /// (for the CoNLL scoring: without the rules' bodies that the tagger leaves alone).
    pub(crate) fn recognize_as<'h>(&self, text: &'h str, corpus: bool) -> Vec<Entity<'h>> {
        if text.bytes().any(|b| b == 0xCC || b == 0xCD) {
            return self.recognize_composed(text, corpus);
        }
        self.recognize_nfc(text, corpus)
    }

    /// [`recognize`](Self::recognize) on the NFC form of `text`, with spans on `text`.
    fn recognize_composed<'h>(&self, text: &'h str, corpus: bool) -> Vec<Entity<'h>> {
        let compose = crate::Normalizer::builder()
            .tone(crate::TonePlacement::Keep)
            .lookalikes(false)
            .remove_invisible(false)
            .plain_spaces(false)
            .build();
        let composed = compose.normalize_mapped(text);
        let entities = self.recognize_nfc(composed.as_str(), corpus);
        entities
            .iter()
            .filter_map(|e| {
                let span = composed.to_original(e.span);
                let mention = composed.to_original(e.mention);
                Some(Entity { span, mention, text: text.get(span.range())?, ..*e })
            })
            .collect()
    }

    fn recognize_nfc<'h>(&self, text: &'h str, corpus: bool) -> Vec<Entity<'h>> {
        // One line at a time, with buffers reused across lines: the tokens of a line stay
        // in cache and nothing grows with the text but the result.
        let mut entities = Vec::new();
        let mut toks = Vec::new();
        let mut found = Vec::new();
        let mut key = String::new();
        let mut tagging = self.tagger.as_ref().map(|t| {
            let mut state = LineState::default();
            state.keep_rule_bodies = !corpus;
            (t, state, Vec::new())
        });
        let mut line_start = 0;
        while line_start < text.len() {
            let line_end = text[line_start..].find('\n').map_or(text.len(), |k| line_start + k + 1);
            toks.clear();
            self.tokens_into(text, line_start..line_end, &mut toks, &mut key);
            line_start = line_end;
            if toks.is_empty() {
                continue;
            }
            found.clear();
            Parser {
                r: self,
                g: self.gazetteer,
                toks: &toks,
                text,
                out: &mut found,
                expansions: std::cell::OnceCell::new(),
            }
            .run();
            if let Some((tagger, state, merged)) = &mut tagging {
                found.sort_by_key(|f| (f.start, std::cmp::Reverse(f.end), f.nested));
                crate::ner_tagger::tag_line(tagger, self, text, &toks, &found, state, merged);
                std::mem::swap(&mut found, merged);
            }
            found.sort_by_key(|f| (f.start, std::cmp::Reverse(f.end), f.nested));
            entities.extend(found.iter().filter_map(|f| {
                let (start, end) = (toks.get(f.start)?.start, toks.get(f.end.checked_sub(1)?)?.end);
                let mention_start = toks.get(f.mention_start.min(f.start))?.start;
                Some(Entity {
                    kind: f.kind,
                    span: Span::new(start, end),
                    mention: Span::new(mention_start, end),
                    text: text.get(start..end)?,
                    record: f.record,
                    nested: f.nested,
                    matched: f.matched,
                })
            }));
        }
        if self.user.is_empty() {
            return entities;
        }
        crate::user_entities::merge(entities, self.user.find(text))
    }

    /// Appends the tokens of `text[range]` (spans into `text`) to `toks`.
    fn tokens_into(&self, text: &str, range: std::ops::Range<usize>, toks: &mut Vec<Tok>, key: &mut String) {
        let offset = range.start;
        let Some(line) = text.get(range) else { return };
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
            } else if s.bytes().any(|b| b == 0xCC || b == 0xCD) {
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
                        let first = lower_letter(c);
                        let is_upper = first != c;
                        first_upper.get_or_insert(is_upper);
                        lower |= !is_upper;
                        letters += 1;
                        if first == c && !is_vietnamese_lower(c) {
                            key.extend(c.to_lowercase());
                        } else {
                            key.push(first);
                        }
                    }
                }
            }
            let sym = self.gazetteer.vocab.get(key.as_str()).copied().unwrap_or(NO_SYM);
            // Any ASCII word or number may go on a name written without diacritics (`Quan khu
            // 7`, `quan khu 7`); the walk in `matches` starts it only at a capital, or at a
            // word that starts a name found in any case (`Gazetteer::folded_lower_start`).
            let fsym = if (kind.is_word() || kind == TokenKind::Number) && s.is_ascii() {
                self.gazetteer.folded_vocab.get(key.as_str()).copied().unwrap_or(NO_SYM)
            } else {
                NO_SYM
            };
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
                lower: crate::tagging::fnv1a(key.as_bytes()),
            });
        }
    }
}

struct Parser<'a, 'h> {
    r: &'a Recognizer,
    g: &'static Gazetteer,
    toks: &'a [Tok],
    text: &'h str,
    out: &'a mut Vec<Found>,
    /// The expander's matches on this line (start, end, expansion), in order, read once
    /// when a mention first needs them (see [`Parser::agreed_record`]).
    expansions: std::cell::OnceCell<Vec<(usize, usize, String)>>,
}

/// The lower-case form of a Vietnamese letter without Unicode tables: Latin-1 capitals,
/// the even/odd pairs of Latin Extended-A (`Ă Đ Ĩ Ũ`; not the odd/even stretches), `Ơ Ư`, and the even/odd pairs of the
/// Vietnamese block U+1EA0..U+1EFF; other characters through `char::to_lowercase`.
fn lower_letter(c: char) -> char {
    let u = c as u32;
    let lowered = match u {
        0xC0..=0xDE if u != 0xD7 => u + 0x20,
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 if u % 2 == 0 => u + 1,
        0x1A0 | 0x1AF => u + 1,
        0x1EA0..=0x1EFF if u % 2 == 0 => u + 1,
        _ if is_vietnamese_lower(c) => u,
        _ => return c.to_lowercase().next().unwrap_or(c),
    };
    char::from_u32(lowered).unwrap_or(c)
}

/// True for the lower-case letters [`lower_letter`] handles without tables.
fn is_vietnamese_lower(c: char) -> bool {
    let u = c as u32;
    matches!(u, 0xDF..=0xFF if u != 0xF7)
        || (matches!(u, 0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177) && u % 2 == 1)
        || matches!(u, 0x1A1 | 0x1B0)
        || (matches!(u, 0x1EA0..=0x1EFF) && u % 2 == 1)
}

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

/// `30` and `1` form a valid day and month.
fn day_month(d: &str, m: &str) -> bool {
    d.len() <= 2
        && m.len() <= 2
        && d.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
        && m.parse::<u32>().is_ok_and(|m| (1..=12).contains(&m))
}

/// `I`, `XII`, `IV`: an upper-case Roman numeral.
fn is_roman(s: &str) -> bool {
    !s.is_empty() && s.len() <= 6 && s.bytes().all(|b| matches!(b, b'I' | b'V' | b'X' | b'L'))
}

/// A plain number.
fn small_number(s: &str) -> Option<u32> {
    s.parse::<u32>().ok()
}

impl Parser<'_, '_> {
    fn tok(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }

    fn sym(&self, i: usize) -> u32 {
        self.toks.get(i).map_or(NO_SYM, |t| t.sym)
    }

    fn str(&self, i: usize) -> &str {
        self.toks.get(i).and_then(|t| self.text.get(t.start..t.end)).unwrap_or("")
    }

    fn flags(&self, i: usize) -> u16 {
        let s = self.sym(i);
        if s == NO_SYM { 0 } else { self.g.flags.get(s as usize).copied().unwrap_or(0) }
    }

    fn number(&self, i: usize) -> Option<u32> {
        let t = self.tok(i)?;
        if t.kind != TokenKind::Number {
            return None;
        }
        small_number(self.str(i))
    }

    /// All gazetteer matches starting at token `i`, shortest first.
    fn matches(&self, i: usize, out: &mut Vec<GMatch>) {
        out.clear();
        let mut node = 0u32;
        let mut j = i;
        while let Some(t) = self.toks.get(j) {
            if t.sym == NO_SYM {
                break;
            }
            match self.g.trie.step(node, t.sym) {
                Some(n) => node = n,
                None => break,
            }
            j += 1;
            if !self.g.trie.hits(node).is_empty() {
                out.push(GMatch { end: j, node, folded: false });
            }
        }
        // Names written without diacritics, from a capitalized word on (`Dak Nong`, `Quan khu
        // 7`), or in any case for the names that allow it (`quan khu 7`); `best` then asks
        // for the capitals of the name.
        let (mut node, mut j) = (0u32, i);
        while let Some(t) = self.toks.get(j) {
            if t.fsym == NO_SYM || (j == i && !t.cap && !self.g.folded_lower_start(t.fsym)) {
                break;
            }
            match self.g.folded_trie.step(node, t.fsym) {
                Some(n) => node = n,
                None => break,
            }
            j += 1;
            // One folded word is too often another word (`My` for `Mỹ`, `Hue`); two or more.
            if j - i >= 2 && !self.g.folded_trie.hits(node).is_empty() && !out.iter().any(|m| m.end == j) {
                out.push(GMatch { end: j, node, folded: true });
            }
        }
    }

    fn hits(&self, m: &GMatch) -> &'static [Hit] {
        if m.folded { self.g.folded_trie.hits(m.node) } else { self.g.trie.hits(m.node) }
    }

    /// How tokens `i..end` match a gazetteer spelling with capitals `caps`; `None` when a
    /// word the gazetteer capitalizes is written in lower case.
    fn case_of(&self, i: usize, end: usize, caps: u32, folded: bool) -> Option<MatchKind> {
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
    fn best(
        &self,
        i: usize,
        ms: &[GMatch],
        want: impl Fn(&Hit) -> bool,
        lower_ok: bool,
    ) -> Option<(usize, Hit, MatchKind)> {
        for m in ms.iter().rev() {
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

    fn cue_at(&self, ms: &[GMatch], cue: Cue) -> Option<usize> {
        // Forms of address are titles too.
        let same = |t: Target| t == Target::Cue(cue) || (cue == Cue::Title && t == Target::Cue(Cue::Address));
        ms.iter().rev().find(|m| !m.folded && self.hits(m).iter().any(|h| same(h.target))).map(|m| m.end)
    }

    fn push(
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

    fn run(&mut self) {
        let mut ms = Vec::new();
        let mut ms2 = Vec::new();
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
                && !self.g.folded_lower_start(t.fsym)
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
            self.matches(i, &mut ms);
            let tok = self.toks[i];
            // A byline: `Tin, ảnh: Khánh An`.
            let byline = self.cue_at(&ms, Cue::Byline).filter(|&end| {
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
            let title_end = self.cue_at(&ms, Cue::Title);
            let place = self.best(i, &ms, is_place, false);
            // Military regions.
            if let Some((end, hit, matched)) = self.best(i, &ms, is_mr, true) {
                if let Target::Record(r) = hit.target {
                    self.push(EntityKind::MilitaryRegion, i, end, Some(r), matched, false);
                    i = end;
                    continue;
                }
            }
            // Organisations.
            if tok.cap {
                if let Some((end, hit, matched)) = self.best(i, &ms, is_org, true) {
                    let head = matches!(hit.target, Target::Record(Record::Organization(id))
                        if self.g.organization_by_id(id).is_some_and(|o| o.kind == OrganizationKind::Head));
                    let place_longer = place.is_some_and(|(pe, _, _)| pe > end);
                    if title_end.is_none_or(|t| end > t) && !(head && place_longer) {
                        if let Some(after) = self.organization(i, end, hit, matched, &mut ms2) {
                            i = after;
                            title_before = false;
                            continue;
                        }
                    }
                }
            }
            // A place after an administrative word: `tỉnh Đắk Nông`, `xã Quảng Sơn`.
            let admin_province = self.cue_at(&ms, Cue::AdminProvince);
            let admin = admin_province.or_else(|| self.cue_at(&ms, Cue::Admin));
            if let Some(cue_end) = admin {
                if place.is_none_or(|(end, _, _)| end <= cue_end) {
                    if let Some(after) =
                        self.admin_place(i, cue_end, admin_province.is_some(), false, &mut ms2)
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
                address_before = ms.iter().any(|m| {
                    m.end == end
                        && !m.folded
                        && self.hits(m).iter().any(|h| h.target == Target::Cue(Cue::Address))
                });
                i = end;
                continue;
            }
            // A name right after a title: `ông Tuấn`, `Tổng thống Joe Biden`.
            if title_before && self.best(i, &ms, is_org, true).is_none() {
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
            if let Some(cue_end) = self.cue_at(&ms, Cue::Road) {
                if self.tok(cue_end).is_some_and(|t| t.kind == TokenKind::Number)
                    && self.str(cue_end).bytes().all(|b| b.is_ascii_digit())
                {
                    self.push(EntityKind::Location, i, cue_end + 1, None, MatchKind::Exact, false);
                    i = cue_end + 1;
                    continue;
                }
            }
            // A state by its full name, prefix included: `Vương quốc Nam Tư`, `Cộng hòa Guinée`.
            if let Some(cue_end) = self.cue_at(&ms, Cue::State).filter(|_| tok.cap) {
                let mut ms2 = Vec::new();
                self.matches(cue_end, &mut ms2);
                let known = self.best(cue_end, &ms2, is_place, false).map(|(e, _, _)| e);
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
            let geo = self.cue_at(&ms, Cue::Geo).or_else(|| self.cue_at(&ms, Cue::PlaceContext));
            let street = matches!(self.str(i), "đường" | "Đường" | "phố" | "Phố");
            if let Some(cue_end) = geo.filter(|&e| {
                !self.starts_cue(e, Cue::NotName)
                    && if street { !self.starts_record(e) } else { !self.starts_entity(e) }
            }) {
                let preposition = self.cue_at(&ms, Cue::Geo).is_none();
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

    /// Whether a standalone place name at `i..end` stands: a one-word place (`Mỹ`, `Đức`,
    /// `Nhật`) that is part of a longer capitalized run or follows a title is a name.
    /// The hit is a country (or a foreign place of the same standing: no person is named
    /// `Hoa Kỳ` or `Nhật Bản`).
    fn is_country(&self, hit: Hit) -> bool {
        match hit.target {
            Target::Record(Record::Place(id)) => self
                .g
                .place_by_id(id)
                .is_some_and(|p| matches!(p.kind, PlaceKind::Country | PlaceKind::Region)),
            _ => false,
        }
    }

    fn place_ok(&self, i: usize, end: usize, hit: Hit) -> bool {
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
        let mut ms = Vec::new();
        self.matches(i, &mut ms);
        if ms
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
    fn house_number_before(&self, i: usize) -> bool {
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

    fn flags_of(&self, t: &Tok) -> u16 {
        if t.sym == NO_SYM { 0 } else { self.g.flags.get(t.sym as usize).copied().unwrap_or(0) }
    }

    fn is_title_before(&self, i: usize) -> bool {
        let mut ms = Vec::new();
        (i.saturating_sub(3)..i).any(|s| {
            self.matches(s, &mut ms);
            ms.iter().any(|m| {
                m.end == i
                    && self.hits(m).iter().any(|h| matches!(h.target, Target::Cue(Cue::Title | Cue::Address)))
            })
        })
    }

    fn push_place(&mut self, i: usize, end: usize, hit: Hit, matched: MatchKind, nested: bool) {
        let Target::Record(r) = hit.target else { return };
        let kind = match r {
            Record::Province(_) => EntityKind::Province,
            Record::MilitaryRegion(_) => EntityKind::MilitaryRegion,
            _ => EntityKind::Location,
        };
        self.push(kind, i, end, Some(r), matched, nested);
    }

    /// A place after an administrative word `cue..at`; returns the end. With `nested`,
    /// the place is recorded as nested (inside an organisation). The word is outside the
    /// span except the abbreviations `TP`, `P.`, `Q.` and before a number (`phường 9`).
    fn admin_place(
        &mut self,
        cue: usize,
        at: usize,
        provincial: bool,
        nested: bool,
        ms: &mut Vec<GMatch>,
    ) -> Option<usize> {
        let abbreviated = matches!(self.str(cue), "TP" | "P" | "Q" | "Tp");
        let from = if abbreviated { cue } else { at };
        let province_word = matches!(self.str(cue), "tỉnh" | "Tỉnh");
        self.matches(at, ms);
        let want = |h: &Hit| {
            matches!(h.target, Target::Record(Record::Province(_) | Record::District(_) | Record::Place(_)))
        };
        let known = self.best(at, ms, want, true);
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
    fn capitalized_run(&self, i: usize, max: usize) -> Option<usize> {
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

    /// An organisation starting at `i` whose gazetteer part ends at `end`.
    fn organization(
        &mut self,
        i: usize,
        end: usize,
        hit: Hit,
        matched: MatchKind,
        ms: &mut Vec<GMatch>,
    ) -> Option<usize> {
        let Target::Record(Record::Organization(id)) = hit.target else { return None };
        let org = self.g.organization_by_id(id)?;
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
            e = self.org_name(end, lower_tail, org.sector == Sector::Military, ms);
        }
        // `Chi cục Thi hành án dân sự (THADS) huyện Lâm Hà`: an abbreviation in parentheses.
        // Without a place after it, the abbreviation is an organisation of its own
        // (`Công ty cổ phần Xuân Hòa (XHC)`).
        if self.str(e) == "("
            && self.tok(e + 1).is_some_and(|t| t.kind == TokenKind::Abbreviation)
            && self.str(e + 2) == ")"
        {
            if self.is_admin_word(e + 3, ms) {
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
        let mut full = self.org_complement(e, org.kind, ms);
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
            let mut ms3 = Vec::new();
            self.matches(next, &mut ms3);
            let parent = self.toks.get(next).is_some_and(|t| t.cap).then(|| {
                self.best(
                    next,
                    &ms3,
                    |h| {
                        matches!(h.target, Target::Record(Record::Organization(id))
                    if self.g.organization_by_id(id).is_some_and(|o| o.kind != OrganizationKind::Head))
                    },
                    true,
                )
            });
            if let Some(Some((pend, phit, pmatched))) = parent {
                let before = self.out.len();
                if let Some(after) = self.organization(next, pend, phit, pmatched, ms) {
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
    fn agreed_record(&self, i: usize, end: usize, full: usize) -> Option<Record> {
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
            self.g.lookup(&name).iter().copied().find(|r| {
                matches!(r, Record::Organization(id)
                    if self.g.organization_by_id(*id).is_some_and(|o| o.kind != OrganizationKind::Head))
            })
        };
        expanded(full).and_then(organization).or_else(|| expanded(end).and_then(organization))
    }

    /// The name after an organisation head word (`Sở Giáo dục và Đào tạo`, `Lữ đoàn công
    /// binh 219`): capitalized words, numbers, and short lower-case stretches that lead to
    /// another capitalized word or a place.
    fn org_name(
        &mut self,
        mut j: usize,
        allow_lower_tail: bool,
        numbered: bool,
        ms: &mut Vec<GMatch>,
    ) -> usize {
        let start = j;
        let mut last_cap = false;
        while let Some(t) = self.tok(j).copied() {
            if j > start && self.is_admin_word(j, ms) {
                break;
            }
            if t.cap && t.is_word() {
                if j > start && self.flags(j) & sym::ORG_HEAD != 0 && self.tok(j + 1).is_some_and(|n| n.cap) {
                    break;
                }
                if (j > start && self.starts_body(j, ms)) || self.starts_military_region(j, ms) {
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
            if (t.sym == self.r.words.dash || t.sym == self.r.words.en_dash)
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
                let before_head = self.sym(k) == self.r.words.va && self.flags(k + 1) & sym::ORG_HEAD != 0;
                if !n.is_syllable()
                    || n.cap
                    || before_head
                    || NOT_IN_NAMES.contains(&self.str(k))
                    || self.is_admin_word(k, ms)
                {
                    break;
                }
                k += 1;
            }
            if k == j {
                break;
            }
            let connector_to_head = self.sym(j) == self.r.words.va && self.flags(j + 1) & sym::ORG_HEAD != 0;
            let leads_on = self.tok(k).is_some_and(|n| {
                (n.cap && n.is_word())
                    || (numbered
                        && self.sym(k - 1) != self.r.words.va
                        && n.kind == TokenKind::Number
                        && self.str(k).bytes().all(|b| b.is_ascii_digit()))
            }) || self.is_admin_word(k, ms);
            // A name that already ends in a country or province is whole: a lower-case word
            // and a capital after it are the sentence going on (`Đội tuyển Việt Nam thắng
            // Thái Lan`), unlike a number (`Quân đoàn Hungary thứ 2`).
            let to_capital = self.tok(k).is_some_and(|n| n.cap && n.is_word());
            if leads_on
                && !connector_to_head
                && !(to_capital && self.ends_with_country_or_province(start, j, ms))
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
                    || (self.sym(k) == self.r.words.va && self.flags(k + 1) & sym::ORG_HEAD != 0)
            });
            if last_cap && allow_lower_tail && k - j <= 2 && ends_here && self.sym(j) != self.r.words.va {
                j = k;
                break;
            }
            if last_cap && allow_lower_tail && self.sym(j) != self.r.words.va {
                j += 1;
            }
            break;
        }
        j
    }

    /// True when a country or province name ends just before `end`, starting at or after
    /// `start`.
    fn ends_with_country_or_province(&self, start: usize, end: usize, ms: &mut Vec<GMatch>) -> bool {
        (start..end).any(|s| {
            self.matches(s, ms);
            ms.iter().any(|m| {
                m.end == end
                    && !m.folded
                    && self.hits(m).iter().any(|h| match h.target {
                        Target::Record(Record::Province(_)) => true,
                        Target::Record(Record::Place(p)) => {
                            self.g.place_by_id(p).is_some_and(|p| p.kind == PlaceKind::Country)
                        }
                        _ => false,
                    })
            })
        })
    }

    /// True when a gazetteer organisation that is not a head word starts at `j`.
    fn starts_body(&self, j: usize, ms: &mut Vec<GMatch>) -> bool {
        self.matches(j, ms);
        ms.iter().any(|m| {
            self.hits(m).iter().any(|h| {
                matches!(h.target, Target::Record(Record::Organization(id))
                if self.g.organization_by_id(id).is_some_and(|o| o.kind != OrganizationKind::Head))
            })
        })
    }

    /// True when an organisation (body or head word) starts at `j`.
    fn starts_organization(&self, j: usize) -> bool {
        let mut ms = Vec::new();
        self.matches(j, &mut ms);
        ms.iter()
            .any(|m| self.hits(m).iter().any(|h| matches!(h.target, Target::Record(Record::Organization(_)))))
    }

    /// True when a gazetteer name or a person's name starts at `j`.
    fn starts_entity(&self, j: usize) -> bool {
        self.starts_record(j) || self.tok(j).is_some_and(|t| t.cap) && self.person_at(j, false).is_some()
    }

    /// True when a province or place name of two words or more starts at `j`.
    fn starts_long_place(&self, j: usize) -> bool {
        let mut ms = Vec::new();
        self.matches(j, &mut ms);
        ms.iter().any(|m| {
            m.end >= j + 2
                && !m.folded
                && self
                    .hits(m)
                    .iter()
                    .any(|h| matches!(h.target, Target::Record(Record::Province(_) | Record::Place(_))))
        })
    }

    /// True when a gazetteer name starts at `j`.
    fn starts_record(&self, j: usize) -> bool {
        let mut ms = Vec::new();
        self.matches(j, &mut ms);
        ms.iter().any(|m| self.hits(m).iter().any(|h| matches!(h.target, Target::Record(_))))
    }

    /// True when the cue word `cue` starts at `j`.
    fn starts_cue(&self, j: usize, cue: Cue) -> bool {
        let mut ms = Vec::new();
        self.matches(j, &mut ms);
        ms.iter().any(|m| self.hits(m).iter().any(|h| h.target == Target::Cue(cue)))
    }

    /// True when a military region's name starts at `j`.
    fn starts_military_region(&self, j: usize, ms: &mut Vec<GMatch>) -> bool {
        self.matches(j, ms);
        ms.iter().any(|m| {
            self.hits(m).iter().any(|h| matches!(h.target, Target::Record(Record::MilitaryRegion(_))))
        })
    }

    fn is_admin_word(&self, j: usize, ms: &mut Vec<GMatch>) -> bool {
        if self.tok(j).is_none_or(|t| t.cap) {
            return false;
        }
        self.matches(j, ms);
        ms.iter().any(|m| {
            self.hits(m).iter().any(|h| matches!(h.target, Target::Cue(Cue::AdminProvince | Cue::Admin)))
        })
    }

    /// The place, military region or country after an organisation ending at `e`.
    fn org_complement(&mut self, e: usize, kind: OrganizationKind, ms: &mut Vec<GMatch>) -> usize {
        // `Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam`.
        if self.str(e) == "nước" {
            self.matches(e + 1, ms);
            let country = |h: &Hit| {
                matches!(h.target, Target::Record(Record::Place(p))
                    if self.g.place_by_id(p).is_some_and(|p| p.kind == PlaceKind::Country))
            };
            if let Some((end, hit, matched)) = self.best(e + 1, ms, country, false) {
                self.push_place(e + 1, end, hit, matched, true);
                return end;
            }
        }
        self.matches(e, ms);
        let admin = ms
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
        let mut ms2 = Vec::new();
        if let Some(cue_end) = admin {
            let provincial = self.hits_cue(e, cue_end, Cue::AdminProvince);
            if let Some(after) = self.admin_place(e, cue_end, provincial, true, &mut ms2) {
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
        if let Some((end, hit, matched)) = self.best(e, ms, want, false) {
            let country = matches!(hit.target, Target::Record(Record::Place(p)) if self.g.place_by_id(p).is_some_and(|p| p.kind == PlaceKind::Country));
            let ok = match hit.target {
                Target::Record(Record::MilitaryRegion(_)) => true,
                Target::Record(Record::Place(p)) => {
                    country
                        || kind != OrganizationKind::Body
                        || self.g.place_by_id(p).is_some_and(|p| {
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

    fn hits_cue(&self, i: usize, end: usize, cue: Cue) -> bool {
        let mut ms = Vec::new();
        self.matches(i, &mut ms);
        ms.iter().any(|m| m.end == end && self.hits(m).iter().any(|h| h.target == Target::Cue(cue)))
    }

    /// A person name by its structure at `i`: surname, then capitalized name syllables.
    fn person_at(&self, i: usize, title_before: bool) -> Option<usize> {
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
    fn titled_name(&self, i: usize, upper: bool, any_syllable: bool) -> Option<usize> {
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
    fn bylines(&mut self, at: usize) -> Option<usize> {
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

    /// Dates and times at `i`; returns the end.
    fn date_time(&mut self, i: usize) -> Option<usize> {
        let (start, end, kind) = self.date_time_span(i)?;
        self.push(kind, start, end, None, MatchKind::Exact, false);
        Some(end)
    }

    fn date_time_span(&self, i: usize) -> Option<(usize, usize, EntityKind)> {
        let t = self.toks[i];
        let w = self.r.words;
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
    fn year_after_nam(&self, i: usize) -> bool {
        let s = self.str(i);
        self.tok(i).is_some_and(|t| t.kind == TokenKind::Number)
            && (3..=4).contains(&s.len())
            && s.parse::<u32>().is_ok_and(|y| (100..=2199).contains(&y))
    }

    fn year_str(&self, s: &str) -> bool {
        s.len() == 4 && s.parse::<u32>().is_ok_and(|y| (1000..=2199).contains(&y))
    }

    fn year(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.kind == TokenKind::Number) && self.year_str(self.str(i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(EntityKind, &str)> {
        Recognizer::builtin().recognize(text).iter().filter(|e| !e.nested).map(|e| (e.kind, e.text)).collect()
    }

    #[test]
    fn table_free_lower_case_agrees_with_unicode() {
        let letters = "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ";
        for c in letters.chars().chain(letters.to_lowercase().chars()) {
            assert_eq!(Some(lower_letter(c)), c.to_lowercase().next(), "{c}");
        }
        assert!(letters.to_lowercase().chars().all(is_vietnamese_lower));
        assert!(!letters.chars().any(is_vietnamese_lower));
        for u in 0xC0..0x250 {
            let c = char::from_u32(u).unwrap();
            assert_eq!(Some(lower_letter(c)), c.to_lowercase().next(), "U+{u:04X}");
        }
    }

    #[test]
    fn dates_and_times() {
        assert_eq!(
            kinds("Ngày 8 tháng 12 năm 2022, lúc 16 giờ 30 phút, năm 2023 và tháng 12/2022, 7h30."),
            [
                (EntityKind::Date, "Ngày 8 tháng 12 năm 2022"),
                (EntityKind::Time, "16 giờ 30 phút"),
                (EntityKind::Date, "năm 2023"),
                (EntityKind::Date, "tháng 12/2022"),
                (EntityKind::Time, "7h30"),
            ]
        );
    }

    #[test]
    fn numeral_given_name_is_a_person() {
        assert_eq!(kinds("ông Hồ Văn Mười phát biểu"), [(EntityKind::Person, "Hồ Văn Mười")]);
        assert_eq!(kinds("Anh ấy có mười quyển sách"), []);
    }
}
