//! Named entities: people, provinces (with the 2025 merger), military regions,
//! organisations, other places, dates and times.
//!
//! ```
//! use vntext::Recognizer;
//! use vntext::ner::EntityKind;
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

mod dates;
mod index;
mod organizations;
mod parser;
mod people;
mod places;
mod user;

pub use crate::conll::{CONLL_TYPES, ConllSentence, NerCounts, NerScores, bio_spans, read_conll};
use crate::gazetteer::{Gazetteer, NO_SYM, Record};
use crate::ner_tagger::LineState;
pub use crate::ner_tagger::{NerTagger, NerTrainer, NerWorker};
use crate::span::Span;
pub(crate) use index::Tok;
use index::Words;
use parser::Parser;
use user::UserEntities;

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
    /// [`ErrorKind::Data`](crate::ErrorKind::Data) naming the line of a row with a wrong column
    /// count, an empty name, an unknown kind or a name already listed.
    pub fn entities_tsv(&mut self, file: &str, src: &str) -> crate::Result<&mut Self> {
        self.user.parse_into(file, src)?;
        Ok(self)
    }

    /// Adds a pattern (the [`regex`](https://docs.rs/regex) crate's syntax) whose matches are
    /// entities of `kind`: the identifiers a domain writes in its own format (case numbers,
    /// ID numbers, licence plates, contract codes). Like added names, matches win over any
    /// built-in entity they overlap; an added name wins over a pattern's match, and an
    /// earlier pattern over a later one. A pattern is matched on the text as written: use
    /// `\b` to keep it to whole words.
    ///
    /// ```
    /// use vntext::{EntityKind, Recognizer};
    ///
    /// let recognizer = Recognizer::builder()
    ///     .pattern(EntityKind::Misc, r"\bBN\d{3,5}\b")?
    ///     .build();
    /// let found = recognizer.recognize("Bệnh nhân BN1014 ở Hà Nội.");
    /// assert!(found.iter().any(|e| e.kind == EntityKind::Misc && e.text == "BN1014"));
    ///
    /// let err = Recognizer::builder().pattern(EntityKind::Misc, r"BN(\d+").unwrap_err();
    /// assert_eq!(err.kind(), vntext::ErrorKind::Data);
    /// # Ok::<(), vntext::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`ErrorKind::Data`](crate::ErrorKind::Data) when the pattern does not compile; the
    /// message names the pattern and the `regex` crate's reason.
    pub fn pattern(&mut self, kind: EntityKind, pattern: &str) -> crate::Result<&mut Self> {
        self.user.add_pattern(kind, pattern)?;
        Ok(self)
    }

    /// Uses a tagger model of your own (written by [`crate::NerTrainer`] or `vntext
    /// train-ner`, the command-line tool) instead of the built-in one.
    ///
    /// ```
    /// let err = vntext::Recognizer::builder().model(b"not a model").unwrap_err();
    /// assert_eq!(err.kind(), vntext::ErrorKind::Model);
    /// ```
    ///
    /// # Errors
    /// [`ErrorKind::Model`](crate::ErrorKind::Model) when the bytes are not a NER model of this
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
        self.tokens_into(text, 0..text.len(), toks, key, true);
        Parser {
            words: self.words,
            gazetteer: self.gazetteer,
            toks,
            text,
            out: found,
            expansions: std::cell::OnceCell::new(),
        }
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
    /// Each line is read on its own: no entity crosses a line break. A line longer than
    /// 64 KiB is read in pieces cut where a sentence starts, so that memory stays bounded
    /// (about 110 MB peak for a 50 MB line, input included). Spans are byte offsets
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
        if has_mark_lead(text.as_bytes()) {
            return self.recognize_composed(text, corpus);
        }
        self.recognize_nfc(text, corpus, false)
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
        // Marks that compose with nothing stay in the composed text.
        let entities = self.recognize_nfc(composed.as_str(), corpus, true);
        entities
            .iter()
            .filter_map(|e| {
                let span = composed.to_original(e.span);
                let mention = composed.to_original(e.mention);
                Some(Entity { span, mention, text: text.get(span.range())?, ..*e })
            })
            .collect()
    }

    /// [`recognize`](Self::recognize) on NFC text; `marks`: it may still hold combining marks
    /// (false when it holds no lead byte of one).
    fn recognize_nfc<'h>(&self, text: &'h str, corpus: bool, marks: bool) -> Vec<Entity<'h>> {
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
            let line_end = piece_end(text, line_start, line_end);
            toks.clear();
            // Room for the line's tokens at once (about five bytes a token in news): a text
            // of one line, or the first lines of a text, do not grow the buffer token by token.
            toks.reserve((line_end - line_start) / 4 + 1);
            self.tokens_into(text, line_start..line_end, &mut toks, &mut key, marks);
            line_start = line_end;
            if toks.is_empty() {
                continue;
            }
            found.clear();
            Parser {
                words: self.words,
                gazetteer: self.gazetteer,
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
        user::merge(entities, self.user.find(text))
    }
}

/// True when `bytes` hold 0xCC or 0xCD, the lead bytes of the combining marks
/// U+0300..U+036F (and of a few Greek letters after them), eight bytes at a time.
pub(crate) fn has_mark_lead(bytes: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut words = bytes.chunks_exact(8);
    for w in &mut words {
        let mut b = [0u8; 8];
        b.copy_from_slice(w);
        // 0xCC and 0xCD are the bytes that become 0xCC without their low bit: a zero byte
        // of `x`, which the borrow test finds (never a zero where there is none).
        let x = (u64::from_le_bytes(b) & !ONES) ^ (0xCC * ONES);
        if x.wrapping_sub(ONES) & !x & HIGH != 0 {
            return true;
        }
    }
    words.remainder().iter().any(|&b| b & 0xFE == 0xCC)
}

/// The longest stretch of one line read at once. A line is the unit of the rules and the
/// tagger (its tokens, views and lattice live together), so a text of one very long line
/// would take memory in proportion to it; such a line is read in pieces of up to this many
/// bytes, cut where a sentence starts.
const MAX_PIECE: usize = 1 << 16;

/// Where the piece of the line `text[start..end]` that starts at `start` ends: `end` for a
/// line of up to [`MAX_PIECE`] bytes; else the start of the last sentence that starts in the
/// second half of the next [`MAX_PIECE`] bytes (the crate's sentence splitter), else after the
/// last whitespace there, else at the last character boundary there.
fn piece_end(text: &str, start: usize, end: usize) -> usize {
    if end - start <= MAX_PIECE {
        return end;
    }
    let mut limit = start + MAX_PIECE;
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let window = &text[start..limit];
    let half = MAX_PIECE / 2;
    // The last sentence of the window may be cut by the window's end: only the starts of
    // sentences count, and the first sentence's start is the piece's own.
    let sentence = crate::sentences(window).map(|s| s.span.start).filter(|&k| k >= half).last();
    let space = || {
        window
            .char_indices()
            .rev()
            .take_while(|&(k, _)| k >= half)
            .find(|(_, c)| c.is_whitespace())
            .map(|(k, c)| k + c.len_utf8())
    };
    start + sentence.or_else(space).unwrap_or(window.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_line_is_read_in_pieces_cut_where_sentences_start() {
        let sentence = "Ông Hồ Văn Mười đến tỉnh Đắk Nông hôm 8/12/2022. ";
        let line = sentence.repeat(5_000);
        assert!(line.len() > 4 * MAX_PIECE);
        let mut start = 0;
        let mut pieces = 0;
        while start < line.len() {
            let end = piece_end(&line, start, line.len());
            assert!(end > start && end - start <= MAX_PIECE);
            assert!(
                line[end..].is_empty() || line[end..].starts_with("Ông"),
                "{}",
                &line[end - 20..end + 20]
            );
            start = end;
            pieces += 1;
        }
        assert!(pieces >= 4);
        // No entity is cut: each sentence gives its person, its province and its date.
        let found = Recognizer::builtin().recognize(&line);
        let count = |kind: EntityKind| found.iter().filter(|e| e.kind == kind && !e.nested).count();
        assert_eq!(count(EntityKind::Person), 5_000);
        assert_eq!(count(EntityKind::Province), 5_000);
        assert_eq!(count(EntityKind::Date), 5_000);
        // Without a sentence end or a space, the cut falls on a character boundary.
        let word = "ừ".repeat(MAX_PIECE);
        let end = piece_end(&word, 0, word.len());
        assert!(word.is_char_boundary(end) && end <= MAX_PIECE && end > MAX_PIECE / 2);
        // A line of up to MAX_PIECE bytes is one piece.
        assert_eq!(piece_end(&line, 0, MAX_PIECE), MAX_PIECE);
    }

    fn kinds(text: &str) -> Vec<(EntityKind, &str)> {
        Recognizer::builtin().recognize(text).iter().filter(|e| !e.nested).map(|e| (e.kind, e.text)).collect()
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
