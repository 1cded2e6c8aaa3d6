//! Abbreviation expansion: `UBND` → `Ủy ban nhân dân`, `QP-QSĐP` → `quốc phòng - quân sự địa
//! phương`.
//!
//! An [`Abbreviations`] dictionary (the built-in one, or yours from a TSV file with
//! [`Abbreviations::from_tsv`] or [`Abbreviations::builder`]) finds the abbreviations of a
//! text ([`Abbreviations::find`]: a [`Match`] for each) or rewrites the text with them
//! expanded ([`Abbreviations::expand`]: an [`Expansion`], with the matches and an offset map
//! back to the input). An abbreviation with several expansions (`CP`: `Chính phủ`, `cổ phần`)
//! is decided by cue words within [`CUE_WINDOW`] words, by an earlier choice in the document,
//! by the document's domain or by frequency; [`Match::decision`] says which ([`Decision`]), and
//! [`Match::source`] whether the expansion came from the dictionary or from a definition in
//! the document (`Dân quân tự vệ (DQTV)`, [`Source`]).
//!
//! ```
//! use vntext::abbrev::{Abbreviations, Decision, Match, Source};
//!
//! let text = "Thủ tướng yêu cầu CP và UBND tỉnh Đắk Nông khẩn trương triển khai.";
//! let dictionary = Abbreviations::builtin();
//! let matches: Vec<Match> = dictionary.find(text);
//! let found: Vec<(&str, &str, Decision)> =
//!     matches.iter().map(|m| (m.surface, &*m.expansion, m.decision)).collect();
//! assert_eq!(found[0], ("CP", "Chính phủ", Decision::Cue));
//! assert_eq!(found[1].0, "UBND");
//! assert_eq!(matches[1].source, Source::Dictionary);
//!
//! let expanded = dictionary.expand(text);
//! assert!(expanded.as_str().contains("Chính phủ và Ủy ban nhân dân tỉnh Đắk Nông"));
//! ```

// The engine and the types of its results live here; the work is done in `dictionary` (rows,
// loading, the look-up key and the case policy), `prefilter` (the byte scan that skips text
// without candidates), `scan` (the expansion scan and its context rules), `definitions`
// (abbreviations a document defines) and `style` (how an expansion is written into the text).

mod definitions;
mod dictionary;
mod prefilter;
mod scan;
mod style;

use std::borrow::Cow;
use std::sync::OnceLock;

pub use dictionary::{AbbreviationsBuilder, Entry};

use crate::error::Result;
use crate::normalize::{self, OffsetMap};
use crate::span::Span;
use crate::syllable::is_syllable;
use crate::tsv;
use dictionary::{BUILTIN_NAME, BUILTIN_TSV, FxMap, HEADER, RowSpec, Shape, same_case};
use prefilter::RunSet;
use scan::Scan;

/// How many word tokens on each side of an ambiguous abbreviation are searched for cue
/// words.
///
/// A cue word of one expansion (`thủ tướng` for `CP` = `Chính phủ`) decides only when it is
/// this close; further away, the abbreviation falls back on earlier choices, the document's
/// domain or the most frequent expansion (see [`Decision`]).
///
/// ```
/// use vntext::{Abbreviations, CUE_WINDOW, Decision};
///
/// let near = "Thủ tướng yêu cầu CP sớm ban hành văn bản.";
/// let m = &Abbreviations::builtin().find(near)[0];
/// assert_eq!((&*m.expansion, m.decision), ("Chính phủ", Decision::Cue));
///
/// // The same cue more than CUE_WINDOW words away decides nothing.
/// let far = format!("Thủ tướng{} CP đã họp.", " và".repeat(CUE_WINDOW + 1));
/// let m = &Abbreviations::builtin().find(&far)[0];
/// assert_eq!(m.decision, Decision::MostFrequent);
/// ```
pub const CUE_WINDOW: usize = 12;

/// Where an expansion came from: [`Match::source`].
///
/// ```
/// use vntext::{Abbreviations, Source};
///
/// let text = "Dân quân tự vệ (DQTV) được huấn luyện; DQTV thuộc QK5.";
/// let sources: Vec<(&str, Source)> =
///     Abbreviations::builtin().find(text).iter().map(|m| (m.surface, m.source)).collect();
/// assert_eq!(sources, [
///     ("DQTV", Source::Document),
///     ("DQTV", Source::Document),
///     ("QK5", Source::Parts),
/// ]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Source {
    /// A dictionary row for the whole token.
    Dictionary,
    /// A definition the document gave itself (`quốc phòng - quân sự địa phương (QP-QSĐP)`).
    Document,
    /// The token's parts were expanded one by one (`QP-AN`, `QK5`).
    Parts,
}

impl Source {
    /// The source's name in lower case: `dictionary`, `document`, `parts` (as the CLI
    /// prints it and `serde` writes it; `Display` writes the same).
    ///
    /// ```
    /// use vntext::Source;
    ///
    /// assert_eq!(Source::Parts.as_str(), "parts");
    /// assert_eq!(Source::Dictionary.to_string(), "dictionary");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Source::Dictionary => "dictionary",
            Source::Document => "document",
            Source::Parts => "parts",
        }
    }
}

impl core::fmt::Display for Source {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What chose the expansion of a match: [`Match::decision`].
///
/// Use it to judge a match: [`Only`](Decision::Only), [`Definition`](Decision::Definition)
/// and [`Cue`](Decision::Cue) are sure, [`MostFrequent`](Decision::MostFrequent) is a guess
/// (and sets [`Match::ambiguous`]).
///
/// ```
/// use vntext::{Abbreviations, Decision};
///
/// let decision = |text: &str| Abbreviations::builtin().find(text)[0].decision;
/// assert_eq!(decision("UBND tỉnh họp."), Decision::Only);
/// // `CP`: Chính phủ, cổ phần or cổ phiếu.
/// assert_eq!(decision("Giá CP ngân hàng giảm trong phiên sáng."), Decision::Cue);
/// assert_eq!(decision("CP đã họp."), Decision::MostFrequent);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Decision {
    /// The abbreviation has one expansion.
    Only,
    /// A definition in the document.
    Definition,
    /// Cue words near the match.
    Cue,
    /// The same abbreviation was resolved by cue words earlier in the document.
    Earlier,
    /// The document's domain.
    Domain,
    /// Nothing decided; the first (most frequent) expansion was taken.
    MostFrequent,
    /// The abbreviation is written inside a name the dictionary knows whole: after a head
    /// word written in full (`Bộ CHQS` is `BCHQS`, `Bộ Chỉ huy Quân sự`; `Tổng cục CT` is
    /// `TCCT`, `Tổng cục Chính trị`) or before the rest of the name (`ĐH Quốc gia` is
    /// `ĐHQG`, `Đại học Quốc gia`). The expansion is that name's part, capitalised as the
    /// name is. Two abbreviations joined by `và` after a head word are read as the one
    /// abbreviation of the dictionary they make (`Bộ GD và ĐT` is `BGDĐT`, `Bộ Giáo dục và
    /// Đào tạo`; `Bộ KH và ĐT` is `KH&ĐT`, `Kế hoạch và Đầu tư`), each the part of the name on
    /// its side of `và`.
    Name,
}

/// One abbreviation found in a text, from [`Abbreviations::find`] or
/// [`Expansion::matches`].
///
/// `'a` is the lifetime of the dictionary, `'h` that of the text.
///
/// ```
/// use vntext::{Abbreviations, Decision, Source, Span};
///
/// let text = "Công ty CP Sữa Việt Nam niêm yết trên sàn.";
/// let m = &Abbreviations::builtin().find(text)[0];
/// assert_eq!((m.surface, m.span), ("CP", Span::new(9, 11)));
/// assert_eq!(m.expansion, "cổ phần");
/// assert_eq!(m.alternatives, ["Chính phủ", "cổ phiếu"]);
/// assert_eq!((m.source, m.decision, m.ambiguous), (Source::Dictionary, Decision::Cue, false));
/// assert_eq!(m.entry.map(|e| e.domain()), Some("economy"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Match<'a, 'h> {
    /// Where the abbreviation is in the input (with the period of forms such as `TP.`).
    pub span: Span,
    /// `&input[span.range()]`.
    pub surface: &'h str,
    /// The chosen expansion, as the dictionary or the document writes it (the expanded text
    /// capitalises it at the start of a sentence).
    pub expansion: Cow<'a, str>,
    /// The other expansions the dictionary has for the abbreviation, most frequent first.
    pub alternatives: Vec<&'a str>,
    /// Where the expansion came from.
    pub source: Source,
    /// What chose it among the alternatives.
    pub decision: Decision,
    /// True when several expansions were possible and nothing in the document decided.
    pub ambiguous: bool,
    /// True for the mention that defines the abbreviation (`(UBND)` in `Ủy ban nhân dân
    /// (UBND)`); it is left as written in the expanded text.
    pub defining: bool,
    /// The dictionary row, for whole-token dictionary matches.
    pub entry: Option<&'a Entry>,
}

/// The result of [`Abbreviations::expand`]: the expanded text, a map back to the input and
/// the matches.
///
/// ```
/// use vntext::{Abbreviations, Span};
///
/// let text = "Đường dài 15 km, thuộc QK5.";
/// let expanded = Abbreviations::builtin().expand(text);
/// assert_eq!(expanded.as_str(), "Đường dài 15 ki-lô-mét, thuộc Quân khu 5.");
/// let surfaces: Vec<&str> = expanded.matches().iter().map(|m| m.surface).collect();
/// assert_eq!(surfaces, ["km", "QK5"]);
///
/// // Back from the expanded text to the input.
/// let start = expanded.as_str().find("Quân khu 5").unwrap();
/// let span = expanded.to_original(Span::new(start, start + "Quân khu 5".len()));
/// assert_eq!(&text[span.range()], "QK5");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expansion<'a, 'h> {
    text: Cow<'h, str>,
    map: OffsetMap,
    matches: Vec<Match<'a, 'h>>,
}

impl<'a, 'h> Expansion<'a, 'h> {
    /// The expanded text (the input itself, borrowed, when nothing was expanded).
    ///
    /// ```
    /// use vntext::Abbreviations;
    ///
    /// let abbreviations = Abbreviations::builtin();
    /// assert_eq!(abbreviations.expand("Ubnd xã họp").as_str(), "Ủy ban nhân dân xã họp");
    /// assert_eq!(abbreviations.expand("Không có gì").as_str(), "Không có gì");
    /// ```
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The expanded text, owned (no copy when something was expanded).
    ///
    /// ```
    /// let text: String = vntext::Abbreviations::builtin().expand("TP. Buôn Ma Thuột").into_string();
    /// assert_eq!(text, "Thành phố Buôn Ma Thuột");
    /// ```
    pub fn into_string(self) -> String {
        self.text.into_owned()
    }

    /// The map from the expanded text back to the input, to keep for later or to combine
    /// with other maps; [`Expansion::to_original`] is the same look-up.
    ///
    /// ```
    /// use vntext::Span;
    ///
    /// let expanded = vntext::Abbreviations::builtin().expand("UBND họp");
    /// let map = expanded.map().clone();
    /// assert!(!map.is_identity());
    /// // `họp` is at 20.. in "Ủy ban nhân dân họp" and at 5.. in the input.
    /// assert_eq!(map.to_original(Span::new(20, 24)), Span::new(5, 9));
    /// ```
    pub fn map(&self) -> &OffsetMap {
        &self.map
    }

    /// The span of the input that `span` (in the expanded text) came from. Any part of an
    /// expansion maps to the whole abbreviation.
    ///
    /// Use it to find or tag in the expanded text and report on the caller's text:
    ///
    /// ```
    /// use vntext::Span;
    ///
    /// let text = "Chủ tịch HĐND tỉnh phát biểu.";
    /// let expanded = vntext::Abbreviations::builtin().expand(text);
    /// let start = expanded.as_str().find("nhân dân").unwrap();
    /// let span = expanded.to_original(Span::new(start, start + "nhân dân".len()));
    /// assert_eq!(&text[span.range()], "HĐND");
    /// ```
    pub fn to_original(&self, span: Span) -> Span {
        self.map.to_original(span)
    }

    /// The abbreviations found, in text order (defining mentions included, with
    /// [`Match::defining`] set; they are left as written in the text).
    ///
    /// ```
    /// let text = "Hội đồng nhân dân (HĐND) tỉnh họp; HĐND thông qua nghị quyết.";
    /// let expanded = vntext::Abbreviations::builtin().expand(text);
    /// let defining: Vec<bool> = expanded.matches().iter().map(|m| m.defining).collect();
    /// assert_eq!(defining, [true, false]);
    /// assert_eq!(
    ///     expanded.as_str(),
    ///     "Hội đồng nhân dân (HĐND) tỉnh họp; Hội đồng nhân dân thông qua nghị quyết."
    /// );
    /// ```
    pub fn matches(&self) -> &[Match<'a, 'h>] {
        &self.matches
    }

    /// The matches, owned (they still borrow the dictionary and the input).
    ///
    /// ```
    /// let matches = vntext::Abbreviations::builtin().expand("UBND và HĐND").into_matches();
    /// let expansions: Vec<&str> = matches.iter().map(|m| &*m.expansion).collect();
    /// assert_eq!(expansions, ["Ủy ban nhân dân", "Hội đồng nhân dân"]);
    /// ```
    pub fn into_matches(self) -> Vec<Match<'a, 'h>> {
        self.matches
    }
}

/// An abbreviation dictionary and the expander that uses it: `UBND` → `Ủy ban nhân dân`,
/// `QP-QSĐP` → `quốc phòng - quân sự địa phương`, with an offset map back to the caller's text.
///
/// Built once ([`Abbreviations::builtin`], [`Abbreviations::from_tsv`]), immutable,
/// `Send + Sync`, used through `&self`.
///
/// ```
/// use vntext::{Abbreviations, Source};
///
/// let abbreviations = Abbreviations::builtin();
/// let text = "UBND tỉnh triển khai nhiệm vụ QP-AN năm 2023.";
/// let expanded = abbreviations.expand(text);
/// assert_eq!(expanded.as_str(), "Ủy ban nhân dân tỉnh triển khai nhiệm vụ quốc phòng - an ninh năm 2023.");
///
/// // Every expansion maps back to the abbreviation it replaced.
/// let m = &expanded.matches()[1];
/// assert_eq!((m.surface, m.source), ("QP-AN", Source::Dictionary));
/// let start = expanded.as_str().find("quốc phòng").unwrap();
/// let span = vntext::Span::new(start, start + "quốc phòng - an ninh".len());
/// assert_eq!(&text[expanded.to_original(span).range()], "QP-AN");
/// ```
///
/// # What matches
/// Abbreviations are found on token boundaries ([`crate::tokenize`]): `UBND` inside `UBNDX`
/// is not one. Look-ups go through the comparison key ([`crate::key`]), so letter case, NFC
/// or NFD and tone-mark placement do not matter, with one exception that keeps ordinary
/// words safe — the **case policy**. A token `s` matches a dictionary form `e` when
///
/// 1. `s` is written exactly as `e` (`ThS`, `v.v.`, `k/g`, `TTg`); or
/// 2. `e` has a capital letter and `s` is all capitals (`UBND`, `THS`), unless `s` is a
///    Vietnamese syllable standing among other all-capital syllables (a headline such as
///    `CA SĨ` is not `Công an SĨ`); or
/// 3. `e` has a capital letter, `s` is in lower, title or mixed case, `s` is **not** a
///    Vietnamese syllable, and `s` starts with a capital or has three letters or more
///    (`Ubnd`, `ubnd`, `Tp` match `UBND` and `TP`; `ban`, `Ban`, `to`, `các` never match
///    anything, and a lower-case pair such as `th` needs a lower-case entry); or
/// 4. `e` has no capital letter (`v.v.`, `km`) and `s` is `e` with at most its first letter
///    capitalised (`V.v.` at the start of a sentence).
///
/// Context rules narrow this further: entries of the `unit` domain (`km`, `kg`, `ha`) match
/// only as written and right after a number (`15 km`, `10km`); forms written with a final
/// period (`TP.`, `Q.`, `TS.`) match the token together with the period after it, and only
/// when a word or number follows on the same line (`Q. Hoàn Kiếm`, `TS. Nguyễn Văn A`) —
/// a single capital with a period is not taken after a capitalised word (`George H. Bush`),
/// next to another initial (`H. P. Lovecraft`) or before a number of three digits or more
/// (`H.264`).
///
/// # Compounds
/// A hyphenated, slashed or dotted token that is not in the dictionary as a whole is expanded
/// part by part when every lettered part is known: `QP-AN` → `quốc phòng - an ninh`,
/// `HĐND-UBND` → `Hội đồng nhân dân - Ủy ban nhân dân`. `-` becomes ` - `, `/` stays `/`,
/// `&` is read `và` and `.` becomes a space; a part that is not a known abbreviation
/// (`HQ-182`, `COVID-19`) leaves the whole token as written. A number written right after
/// one of a few abbreviations is kept: `QK5` → `Quân khu 5`, `QL14` → `quốc lộ 14`.
///
/// # Ambiguity
/// An abbreviation with several expansions (`CP`: `Chính phủ`, `cổ phần`, `cổ phiếu`) is
/// resolved, in this order, by: a definition the document gave itself; the cue words of each
/// expansion found within [`CUE_WINDOW`] word tokens on either side; the choice made by cue
/// words for the same abbreviation earlier in the document; the document's domain (the
/// domain most unambiguous matches so far belong to). When nothing decides, the first (most
/// frequent) expansion is used and the match is flagged [`Match::ambiguous`].
///
/// # Definitions in the document
/// `Ủy ban nhân dân (UBND)`, `quốc phòng - quân sự địa phương (QP-QSĐP)` and the reverse
/// `UBND (Ủy ban nhân dân)`, and definitions in words (`ĐBQH là viết tắt của đại biểu Quốc
/// hội`, `HIV là chữ viết tắt của cụm từ tiếng Anh "Human Immunodeficiency Virus"`), are
/// learned when the abbreviation's letters are the initials of
/// the long form's syllables (compared without diacritics, so `Đ`, `Ư`, `Ơ`, `Â` match their
/// base letters; `W` stands for `Ư` as in `TW`; an onset such as `Th` may be spelled out as
/// in `ThS` = `thạc sĩ`; `&` and the small words `và`, `của`, `các`, `về`, `ở`, `tại` may be
/// skipped). A learned definition wins over the dictionary for the rest of the document, and
/// makes abbreviations the dictionary lacks expand from their second mention on. The
/// defining mention itself is left as written (the text already explains it); it is
/// reported as a match with [`Match::defining`] set. An abbreviation defined in words whose
/// long form does not match its initials (`GT là ký hiệu viết tắt của tổng dung tích`) is
/// left as written for the rest of the document, and not reported.
#[derive(Clone, Debug)]
pub struct Abbreviations {
    entries: Vec<Entry>,
    /// Comparison key of the abbreviation → its rows, in file order (most frequent first).
    index: FxMap<Box<str>, Vec<u32>>,
    domains: Vec<Box<str>>,
    /// Lower-case forms that are Vietnamese syllables (outside the unit domain); a lower-case
    /// syllable token needs a look-up only when this is not empty.
    lower_syllable_forms: bool,
    /// The letter runs of every key (`qp-qsđp` → `qp`, `qsđp`), for the candidate test.
    runs: RunSet,
}

impl Abbreviations {
    /// The built-in dictionary (`data/abbreviations.tsv`, about 2,500 rows), parsed on first
    /// use.
    ///
    /// The first call parses the dictionary (a few milliseconds); later calls return the same
    /// `&'static` dictionary, so call it wherever you need it. Its sources are listed in
    /// `data/SOURCES.md` of the package.
    ///
    /// ```
    /// use vntext::Abbreviations;
    ///
    /// let abbreviations = Abbreviations::builtin();
    /// assert!(abbreviations.len() > 2_000);
    /// assert!(std::ptr::eq(abbreviations, Abbreviations::builtin()));
    /// assert_eq!(abbreviations.expand("UBND tỉnh").as_str(), "Ủy ban nhân dân tỉnh");
    /// ```
    pub fn builtin() -> &'static Abbreviations {
        static BUILTIN: OnceLock<Abbreviations> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            Abbreviations::from_tsv(BUILTIN_NAME, BUILTIN_TSV).expect("built-in data validated by tests")
        })
    }

    /// A dictionary from TSV text named `name` in errors: a header row
    /// `abbreviation<TAB>expansion<TAB>domain<TAB>cues`, then one row per (abbreviation,
    /// expansion); an ambiguous abbreviation has several rows, most frequent meaning first.
    /// `domain` (default `common`) and `cues` (comma-separated words) are optional.
    ///
    /// Errors name the line: too many columns, an empty abbreviation or expansion, an
    /// abbreviation that is not a single token (it could never match), and a duplicate
    /// (abbreviation, expansion) pair — the abbreviation compared as written, the expansion
    /// by its comparison key.
    ///
    /// Use it to replace the built-in dictionary with your own (a domain the built-in one
    /// does not cover, or a licence you need); to add rows to it, use
    /// [`Abbreviations::builder`]. The `--dict` option of `vntext expand` reads the same format.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Data`](crate::ErrorKind::Data), naming `name` and the line, for a header that is
    /// not the one above (the optional trailing columns may be left out of it) and for the
    /// rows described above.
    ///
    /// # Examples
    ///
    /// ```
    /// use vntext::{Abbreviations, Decision};
    ///
    /// let tsv = "abbreviation\texpansion\tdomain\tcues\n\
    ///            HLV\thuấn luyện viên\tsport\tđội tuyển,bóng đá\n\
    ///            HLV\thuấn luyện viên trưởng\tsport\n";
    /// let abbreviations = Abbreviations::from_tsv("sport.tsv", tsv).unwrap();
    /// assert_eq!(abbreviations.len(), 2);
    /// let m = &abbreviations.find("HLV đội tuyển bóng đá")[0];
    /// assert_eq!((&*m.expansion, m.decision), ("huấn luyện viên", Decision::Cue));
    /// // Only the rows given: the built-in `UBND` is not there.
    /// assert!(abbreviations.get("UBND").is_none());
    ///
    /// let err = Abbreviations::from_tsv("bad.tsv", "abbreviation\texpansion\nHLV\t\n").unwrap_err();
    /// assert_eq!(err.to_string(), "bad.tsv:2: empty `expansion`");
    /// ```
    pub fn from_tsv(name: &str, src: &str) -> Result<Abbreviations> {
        let rows = tsv::parse(name, src, &HEADER, 2)?;
        Abbreviations::from_rows(rows.iter().map(|row| RowSpec::read(name, row)))
    }

    /// Adds or overrides rows on top of the built-in dictionary (or builds one from nothing):
    /// see [`AbbreviationsBuilder`].
    ///
    /// # Examples
    ///
    /// ```
    /// use vntext::Abbreviations;
    ///
    /// let abbreviations = Abbreviations::builder()
    ///     .row("VNT", "vntext")
    ///     .row("UBND", "Ủy ban nhân dân")
    ///     .build()
    ///     .unwrap();
    /// assert_eq!(abbreviations.expand("Dùng VNT mỗi ngày").as_str(), "Dùng vntext mỗi ngày");
    /// // The built-in rows are still there.
    /// assert_eq!(abbreviations.expand("hội nghị QP-QSĐP").as_str(), "hội nghị quốc phòng - quân sự địa phương");
    /// ```
    pub fn builder() -> AbbreviationsBuilder {
        AbbreviationsBuilder { builtin: true, rows: Vec::new() }
    }

    /// Number of rows (an abbreviation with three meanings counts three).
    ///
    /// ```
    /// let tsv = "abbreviation\texpansion\nCP\tChính phủ\nCP\tcổ phần\nHLV\thuấn luyện viên\n";
    /// assert_eq!(vntext::Abbreviations::from_tsv("mine.tsv", tsv).unwrap().len(), 3);
    /// ```
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when the dictionary has no rows (a TSV file with its header alone, or a builder
    /// started with `builtin(false)` and given nothing); it then expands nothing.
    ///
    /// ```
    /// use vntext::Abbreviations;
    ///
    /// let empty = Abbreviations::from_tsv("empty.tsv", "abbreviation\texpansion\n").unwrap();
    /// assert!(empty.is_empty());
    /// assert_eq!(empty.expand("UBND").as_str(), "UBND");
    /// assert!(!Abbreviations::builtin().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// All rows in file order (for a builder: the built-in rows that were kept, then the
    /// rows added).
    ///
    /// ```
    /// let abbreviations = vntext::Abbreviations::builtin();
    /// let military = abbreviations.entries().iter().filter(|e| e.domain() == "military").count();
    /// assert!(military > 50);
    /// assert_eq!(abbreviations.entries()[0].line(), 2);
    /// ```
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The domain tags used, in order of first appearance.
    ///
    /// ```
    /// let tsv = "abbreviation\texpansion\tdomain\nHLV\thuấn luyện viên\tsport\nBTC\tBan tổ chức\n";
    /// let abbreviations = vntext::Abbreviations::from_tsv("mine.tsv", tsv).unwrap();
    /// assert_eq!(abbreviations.domains().collect::<Vec<_>>(), ["sport", "common"]);
    /// ```
    pub fn domains(&self) -> impl Iterator<Item = &str> + '_ {
        self.domains.iter().map(|d| &**d)
    }

    /// The most frequent expansion of `surface` taken as one token (`UBND`, `Ubnd`, `TP.`),
    /// under the case policy of the [`Abbreviations`] docs; no context rules apply.
    ///
    /// ```
    /// let a = vntext::Abbreviations::builtin();
    /// assert_eq!(a.get("Ubnd").map(|e| e.expansion()), Some("Ủy ban nhân dân"));
    /// assert!(a.get("ban").is_none());
    /// ```
    pub fn get(&self, surface: &str) -> Option<&Entry> {
        self.candidates(surface).into_iter().next()
    }

    /// Every expansion of `surface` (see [`Abbreviations::get`]), most frequent first.
    ///
    /// Like `get`, this looks at the token alone: to know which expansion a text means,
    /// use [`Abbreviations::find`] or [`Abbreviations::expand`], which read the context.
    ///
    /// ```
    /// let rows = vntext::Abbreviations::builtin().candidates("CP");
    /// let expansions: Vec<&str> = rows.iter().map(|e| e.expansion()).collect();
    /// assert_eq!(expansions, ["Chính phủ", "cổ phần", "cổ phiếu"]);
    /// assert!(vntext::Abbreviations::builtin().candidates("các").is_empty());
    /// ```
    pub fn candidates(&self, surface: &str) -> Vec<&Entry> {
        let key = normalize::key(surface);
        let Some(ids) = self.index.get(&*key) else { return Vec::new() };
        let shape = Shape::of(surface, is_syllable(surface.trim_end_matches('.')), false);
        self.accepted(ids, surface, shape, true).into_iter().map(|id| self.entry(id)).collect()
    }

    /// The rows of `ids` that `surface` may stand for: the case policy, units only after a
    /// number, and rows written exactly as `surface` before all others.
    fn accepted(&self, ids: &[u32], surface: &str, shape: Shape, after_number: bool) -> Vec<u32> {
        let mut out: Vec<u32> = ids
            .iter()
            .copied()
            .filter(|&id| {
                let e = self.entry(id);
                (after_number || !e.is_unit()) && shape.accepts(surface, e)
            })
            .collect();
        if out.iter().any(|&id| same_case(surface, &self.entry(id).abbreviation)) {
            out.retain(|&id| same_case(surface, &self.entry(id).abbreviation));
        }
        out
    }

    /// Finds the abbreviations of `text` (see [`Abbreviations::expand`] for the text).
    ///
    /// Use it when you want the matches without the rewritten text: to annotate a text, to
    /// count abbreviations, or to show the alternatives of an ambiguous one. `text` is one
    /// document: definitions and choices made early in it hold for the rest.
    ///
    /// ```
    /// use vntext::Abbreviations;
    ///
    /// let text = "Bộ CHQS tỉnh và BĐBP phối hợp tuần tra.";
    /// let matches = Abbreviations::builtin().find(text);
    /// let found: Vec<(&str, &str)> =
    ///     matches.iter().map(|m| (&text[m.span.range()], &*m.expansion)).collect();
    /// assert_eq!(found, [("CHQS", "Chỉ huy Quân sự"), ("BĐBP", "Bộ đội Biên phòng")]);
    /// ```
    pub fn find<'a, 'h>(&'a self, text: &'h str) -> Vec<Match<'a, 'h>> {
        let mut scan = Scan::new(self, text);
        scan.run_document(true);
        scan.matches.into_iter().map(|(m, _)| m).collect()
    }

    /// Expands the abbreviations of `text`: the new text (an expansion at the start of a
    /// sentence is capitalised, one among all-capital headline words is written in capitals),
    /// an [`OffsetMap`] from every expanded span back to the abbreviation it replaced, and
    /// the matches.
    ///
    /// Use it to read or index a text whose abbreviations a reader (or a model) would not
    /// know. `text` is one document: a definition (`Dân quân tự vệ (DQTV)`) holds for the
    /// rest of it, so expand a document at once rather than line by line.
    ///
    /// ```
    /// let text = "Hội đồng nhân dân (HĐND) tỉnh họp. HĐND thông qua nghị quyết.";
    /// let expanded = vntext::Abbreviations::builtin().expand(text);
    /// assert_eq!(
    ///     expanded.as_str(),
    ///     "Hội đồng nhân dân (HĐND) tỉnh họp. Hội đồng nhân dân thông qua nghị quyết."
    /// );
    /// ```
    pub fn expand<'a, 'h>(&'a self, text: &'h str) -> Expansion<'a, 'h> {
        self.expand_with(text, true)
    }

    /// [`Abbreviations::expand`], tokenizing either only around candidate words (`prefilter`)
    /// or the whole text; both give the same result (tested).
    fn expand_with<'a, 'h>(&'a self, text: &'h str, prefilter: bool) -> Expansion<'a, 'h> {
        let mut scan = Scan::new(self, text);
        scan.run_document(prefilter);
        let mut map = OffsetMap::new();
        let mut out: Option<String> = None;
        let mut done = 0;
        for (m, style) in &scan.matches {
            if m.defining {
                continue;
            }
            let buf = out.get_or_insert_with(|| String::with_capacity(text.len() + text.len() / 8));
            buf.push_str(&text[done..m.span.start]);
            let start = buf.len();
            // `10km` → `10 ki-lô-mét`.
            if text[..m.span.start].chars().next_back().is_some_and(char::is_alphanumeric) {
                buf.push(' ');
            }
            style.write(&m.expansion, buf);
            map.push(Span::new(start, buf.len()), m.span);
            done = m.span.end;
        }
        let text = match out {
            Some(mut buf) => {
                buf.push_str(&text[done..]);
                Cow::Owned(buf)
            }
            None => Cow::Borrowed(text),
        };
        Expansion { text, map, matches: scan.matches.into_iter().map(|(m, _)| m).collect() }
    }

    fn entry(&self, id: u32) -> &Entry {
        &self.entries[id as usize]
    }
}
