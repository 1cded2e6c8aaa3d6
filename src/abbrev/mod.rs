//! Abbreviation expansion (see [`Abbreviations`]).

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
use std::sync::OnceLock;

use crate::error::{Error, Result};
use crate::normalize::{self, OffsetMap};
use crate::span::Span;
use crate::syllable::is_syllable;
use crate::token::{Token, TokenKind, tokenize};
use crate::tsv;

static BUILTIN_TSV: &str = include_str!("../../data/abbreviations.tsv");
const BUILTIN_NAME: &str = "data/abbreviations.tsv";
const HEADER: [&str; 4] = ["abbreviation", "expansion", "domain", "cues"];
const UNIT_DOMAIN: &str = "unit";
const DEFAULT_DOMAIN: &str = "common";

/// Abbreviations that take a number written right after them (`QK5` = `Quân khu 5`,
/// `QL14` = `quốc lộ 14`); other letters-and-digits tokens (`SS501`, `VH1`) are names.
const NUMBERED: [&str; 6] = ["qk", "ql", "tl", "đt", "qh", "kv"];

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

/// Small words a long form may contain that have no letter in the abbreviation
/// (`Bộ Giáo dục và Đào tạo` = `BGDĐT`).
const SKIPPABLE: [&str; 6] = ["va", "cua", "cac", "ve", "o", "tai"];

/// One dictionary row: an abbreviation and one of its expansions.
///
/// Rows come from the dictionary ([`Abbreviations::entries`], [`Abbreviations::get`],
/// [`Abbreviations::candidates`]) and with the whole-token matches of a text
/// ([`Match::entry`]), so a program can show where an expansion came from.
///
/// ```
/// let entry = vntext::Abbreviations::builtin().get("HĐND").unwrap();
/// assert_eq!(entry.abbreviation(), "HĐND");
/// assert_eq!(entry.expansion(), "Hội đồng nhân dân");
/// assert_eq!(entry.domain(), "gov");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Entry {
    abbreviation: Box<str>,
    expansion: Box<str>,
    domain: Box<str>,
    domain_id: u16,
    /// Comparison keys of the cue words.
    cues: Box<[Box<str>]>,
    /// The form has a capital letter (`UBND`, `ThS`); otherwise it is written in lower case
    /// (`v.v.`, `km`) and matches only that way (see the docs of [`Abbreviations`]).
    has_upper: bool,
    line: usize,
}

impl Entry {
    /// The abbreviation as the dictionary writes it (`UBND`, `TP.`, `v.v.`), whatever the
    /// case of the text that matched it.
    ///
    /// ```
    /// let entry = vntext::Abbreviations::builtin().get("Ubnd").unwrap();
    /// assert_eq!(entry.abbreviation(), "UBND");
    /// ```
    pub fn abbreviation(&self) -> &str {
        &self.abbreviation
    }

    /// The expansion (`Ủy ban nhân dân`), as the dictionary writes it.
    ///
    /// ```
    /// let entry = vntext::Abbreviations::builtin().get("TP.").unwrap();
    /// assert_eq!(entry.expansion(), "thành phố");
    /// ```
    pub fn expansion(&self) -> &str {
        &self.expansion
    }

    /// The domain tag (`gov`, `military`, `unit`...; `common` when the row gives none).
    ///
    /// Domains break ties: an ambiguous abbreviation takes the expansion of the domain most
    /// of the document's other abbreviations belong to ([`Decision::Domain`]).
    ///
    /// ```
    /// use vntext::Abbreviations;
    ///
    /// assert_eq!(Abbreviations::builtin().get("QK").unwrap().domain(), "military");
    /// let mine = Abbreviations::from_tsv("mine.tsv", "abbreviation\texpansion\nVNT\tvntext\n").unwrap();
    /// assert_eq!(mine.get("VNT").unwrap().domain(), "common");
    /// ```
    pub fn domain(&self) -> &str {
        &self.domain
    }

    /// The cue words that select this expansion, as comparison keys (lower case): one of
    /// them within [`CUE_WINDOW`] words of the abbreviation chooses this row.
    ///
    /// ```
    /// let rows = vntext::Abbreviations::builtin().candidates("CP");
    /// let shares = rows.iter().find(|e| e.expansion() == "cổ phiếu").unwrap();
    /// assert!(shares.cues().any(|c| c == "chứng khoán"));
    /// ```
    pub fn cues(&self) -> impl Iterator<Item = &str> + '_ {
        self.cues.iter().map(|c| &**c)
    }

    /// The 1-based line of the row in its TSV file (the header is line 1).
    ///
    /// ```
    /// let tsv = "abbreviation\texpansion\nVNT\tvntext\nBTC\tBan tổ chức\n";
    /// let abbreviations = vntext::Abbreviations::from_tsv("mine.tsv", tsv).unwrap();
    /// assert_eq!(abbreviations.get("BTC").unwrap().line(), 3);
    /// ```
    pub fn line(&self) -> usize {
        self.line
    }

    fn is_unit(&self) -> bool {
        &*self.domain == UNIT_DOMAIN
    }
}

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
/// expansion found within [`CUE_WINDOW`](crate::CUE_WINDOW) word tokens on either side; the choice made by cue
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
    /// [`Error::Data`](crate::Error::Data), naming `name` and the line, for a header that is
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

    fn from_rows<'r>(rows: impl Iterator<Item = RowSpec<'r>>) -> Result<Abbreviations> {
        let mut entries = Vec::new();
        let mut index: FxMap<Box<str>, Vec<u32>> = FxMap::default();
        let mut domains: Vec<Box<str>> = Vec::new();
        let mut seen: HashMap<(String, String), (&str, usize)> = HashMap::new();
        let mut lower_syllable_forms = false;
        for row in rows {
            let name = row.file;
            let abbreviation = normalize::normalize(row.abbreviation.trim()).into_owned();
            let expansion = normalize::normalize(row.expansion.trim()).into_owned();
            for (field, value) in [("abbreviation", &abbreviation), ("expansion", &expansion)] {
                if value.is_empty() {
                    return Err(Error::data(name, row.line, format!("empty `{field}`")));
                }
            }
            if abbreviation.chars().any(char::is_whitespace) {
                return Err(Error::data(
                    name,
                    row.line,
                    format!("abbreviation `{abbreviation}` contains a space"),
                ));
            }
            if !is_one_token(&abbreviation) {
                return Err(Error::data(
                    name,
                    row.line,
                    format!("abbreviation `{abbreviation}` is not one token, so it could never match"),
                ));
            }
            let pair = (abbreviation.clone(), normalize::key(&expansion).into_owned());
            if let Some((first_file, first)) = seen.insert(pair, (name, row.line)) {
                let place = if first_file == name {
                    format!("line {first}")
                } else {
                    format!("{first_file}:{first}")
                };
                return Err(Error::data(
                    name,
                    row.line,
                    format!("duplicate row `{abbreviation}` → `{expansion}` (first on {place})"),
                ));
            }
            let domain = match row.domain.trim() {
                "" => DEFAULT_DOMAIN,
                d => d,
            };
            let domain_id = match domains.iter().position(|d| &**d == domain) {
                Some(i) => i,
                None => {
                    domains.push(domain.into());
                    domains.len() - 1
                }
            };
            let domain_id = u16::try_from(domain_id)
                .map_err(|_| Error::data(name, row.line, "more than 65,535 domains"))?;
            let cues: Box<[Box<str>]> = row
                .cues
                .split(',')
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .map(|c| normalize::key(c).into_owned().into_boxed_str())
                .collect();
            let has_upper = abbreviation.chars().any(char::is_uppercase);
            if !has_upper && domain != UNIT_DOMAIN && is_syllable(abbreviation.trim_end_matches('.')) {
                lower_syllable_forms = true;
            }
            let id =
                u32::try_from(entries.len()).map_err(|_| Error::data(name, row.line, "too many rows"))?;
            index.entry(normalize::key(&abbreviation).into_owned().into_boxed_str()).or_default().push(id);
            entries.push(Entry {
                abbreviation: abbreviation.into_boxed_str(),
                expansion: expansion.into_boxed_str(),
                domain: domain.into(),
                domain_id,
                cues,
                has_upper,
                line: row.line,
            });
        }
        let mut runs = RunSet::default();
        for key in index.keys() {
            runs.insert_runs(key);
        }
        Ok(Abbreviations { entries, index, domains, lower_syllable_forms, runs })
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

impl Abbreviations {
    /// True when `chunk` (a run of non-whitespace) may hold a token that this dictionary or
    /// the `learned` definitions expand: two capitals (`UBND`, `ThS`, `TP.`), a capital
    /// before `.`, `/`, `&`, `-` or a digit (`Q.`, `K/g`), a combining mark (NFD text; and a
    /// mark of any script, which the tokenizer may join to the character before it, so that
    /// the letter runs below are not the tokens' letters: `!ਾGđ` is `!ਾ` and `Gđ`), or a
    /// run of letters found in a key that is not an ordinary syllable (`ubnd`, `Tp`, `v`,
    /// `km`; a syllable such as `ha` only next to a number). Everything the scanner could
    /// match passes, so skipping the rest changes nothing (tested against a full scan).
    fn is_candidate(&self, chunk: &str, number_before: bool, learned: &RunSet, buf: &mut String) -> bool {
        let mut upper = 0;
        let mut prev_upper = false;
        let mut digit = number_before;
        for c in chunk.chars() {
            if c.is_uppercase() {
                upper += 1;
                if upper >= 2 {
                    return true;
                }
                prev_upper = true;
                continue;
            }
            if prev_upper && matches!(c, '.' | '/' | '&' | '-' | '0'..='9') {
                return true;
            }
            prev_upper = false;
            if crate::chars::is_combining(c) {
                return true;
            }
            digit |= c.is_ascii_digit();
        }
        for run in chunk.split(|c: char| !c.is_alphabetic()) {
            if run.is_empty() || run.len() > self.runs.longest.max(learned.longest) {
                continue;
            }
            buf.clear();
            buf.extend(run.chars().flat_map(char::to_lowercase));
            if (self.runs.contains(buf) || learned.contains(buf))
                && (digit || self.lower_syllable_forms || !is_syllable(run))
            {
                return true;
            }
        }
        false
    }
}

/// A set of letter runs with a fast hash, and Bloom filters over signatures of their bytes
/// that the byte scanner tests without building strings: one of every run, one of the runs
/// that are not Vietnamese syllables (a syllable such as `nhà` or `an` is a candidate only
/// next to a number).
#[derive(Clone, Debug, Default)]
struct RunSet {
    set: std::collections::HashSet<Box<str>, BuildHasherDefault<FxHasher>>,
    longest: usize,
    bloom: Vec<u64>,
    unsyllabic: Vec<u64>,
}

/// [`RunSet::probe`]: a run may be in the set, and only as a syllable.
const SYLLABLE_HIT: u8 = 1;
/// [`RunSet::probe`]: a run may be in the set as a run that is not a syllable (or the
/// prefilter cannot tell; the exact test decides).
const RUN_HIT: u8 = 2;

/// Words of the Bloom filters: a run sets two bits of one 64-bit word (a blocked filter, one
/// load per test).
const BLOOM_WORDS: usize = 1 << 10;

/// A cheap fingerprint of a lower-case run of letters of `n` bytes: its length and its first
/// and last two bytes (0 for the second and the one before the last of a one-byte run), mixed.
#[inline(always)]
fn run_signature(n: usize, first: u8, second: u8, before_last: u8, last: u8) -> u64 {
    let word = u64::from_le_bytes([first, second, before_last, last, n as u8, 0, 0, 0]);
    word.wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// [`run_signature`] of the bytes of a run.
fn signature_of(run: &[u8]) -> u64 {
    let n = run.len();
    let (Some(&first), Some(&last)) = (run.first(), run.last()) else { return 0 };
    let (second, before_last) = if n > 1 { (run[1], run[n - 2]) } else { (0, 0) };
    run_signature(n, first, second, before_last, last)
}

/// The word and the two bits of a signature in the Bloom filters, from its high bits (the
/// well-mixed ones of a product).
#[inline(always)]
fn bloom_slot(hash: u64) -> (usize, u64) {
    ((hash >> 54) as usize, (1 << ((hash >> 48) & 63)) | (1 << ((hash >> 42) & 63)))
}

impl RunSet {
    fn insert_runs(&mut self, key: &str) {
        if self.bloom.is_empty() {
            self.bloom = vec![0; BLOOM_WORDS];
            self.unsyllabic = vec![0; BLOOM_WORDS];
        }
        for run in key.split(|c: char| !c.is_alphabetic()).filter(|r| !r.is_empty()) {
            self.longest = self.longest.max(run.len());
            let (word, mask) = bloom_slot(signature_of(run.as_bytes()));
            self.bloom[word] |= mask;
            if !is_syllable(run) {
                self.unsyllabic[word] |= mask;
            }
            self.set.insert(run.into());
        }
    }

    fn contains(&self, run: &str) -> bool {
        self.set.contains(run)
    }

    /// Whether a lower-case run with the signature `hash` may be in the set: 0 (it is not),
    /// [`SYLLABLE_HIT`] or [`RUN_HIT`].
    #[inline(always)]
    fn probe(&self, hash: u64) -> u8 {
        let (word, mask) = bloom_slot(hash);
        match self.bloom.get(word) {
            Some(&w) if w & mask == mask => {
                if self.unsyllabic[word] & mask == mask {
                    RUN_HIT
                } else {
                    SYLLABLE_HIT
                }
            }
            _ => 0,
        }
    }
}

/// The multiply-rotate hash of rustc (`FxHasher`): fast on short keys; the keys come from the
/// dictionary, not from an adversary.
#[derive(Clone, Copy, Debug, Default)]
struct FxHasher {
    hash: u64,
}

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut word = [0; 8];
            word.copy_from_slice(c);
            self.add(u64::from_le_bytes(word));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }

    fn write_u8(&mut self, b: u8) {
        self.add(u64::from(b));
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

/// Walks the document chunk by chunk (runs of bytes between ASCII whitespace, which no token
/// crosses) looking for candidates.
struct Chunks<'h> {
    text: &'h str,
    pos: usize,
    buf: String,
    classes: &'static Classes,
}

impl<'h> Chunks<'h> {
    fn new(text: &'h str) -> Self {
        Chunks { text, pos: 0, buf: String::new(), classes: Classes::get() }
    }
}

// What the prefilter needs to know of a character, as bits of a byte.
/// A letter (`char::is_alphabetic`).
const LETTER: u8 = 1;
/// A capital (`char::is_uppercase`).
const UPPER: u8 = 2;
/// Makes its chunk a candidate at once: a combining mark of any script (the tokenizer joins
/// it to the character before it, and NFD text is left to the exact test) or a look-alike of
/// `Đ`/`đ` (`Ðs`, read by the exact test as the letter it stands for).
const CANDIDATE: u8 = 4;
/// ASCII whitespace: ends a chunk.
const SPACE: u8 = 8;
/// `.`, `/`, `&`, `-` or an ASCII digit: makes a chunk a candidate right after a capital
/// (`Q.`, `K/g`, `F5`).
const AFTER_CAPITAL: u8 = 16;
/// An ASCII digit: a syllable in a key (`ha`) is a candidate next to one (`2ha`).
const DIGIT: u8 = 32;

/// The class bits of every character up to U+07FF (indexed by code point, which a one- or
/// two-byte UTF-8 sequence gives with a shift and two masks) and of U+1E80..U+1EFF (the
/// Vietnamese letters of Latin Extended Additional, `E1 BA xx` and `E1 BB xx`).
struct Classes {
    low: [u8; 0x800],
    vietnamese: [u8; 0x80],
}

impl Classes {
    fn get() -> &'static Classes {
        static CLASSES: OnceLock<Classes> = OnceLock::new();
        CLASSES.get_or_init(|| {
            let mut classes = Classes { low: [0; 0x800], vietnamese: [0; 0x80] };
            for (cp, class) in classes.low.iter_mut().enumerate() {
                *class = char::from_u32(cp as u32).map_or(0, class_of);
            }
            for (k, class) in classes.vietnamese.iter_mut().enumerate() {
                *class = char::from_u32(0x1E80 + k as u32).map_or(0, class_of);
            }
            classes
        })
    }

    /// The class bits and UTF-8 length of the character at byte `i` of `text`.
    #[inline(always)]
    fn at(&self, text: &str, i: usize) -> (u8, usize) {
        let b = text.as_bytes();
        let c = b[i];
        if c < 0x80 {
            return (self.low[usize::from(c)], 1);
        }
        let next = usize::from(b[i + 1]);
        if c < 0xE0 {
            return (self.low[(usize::from(c & 0x1F) << 6) | (next & 0x3F)], 2);
        }
        if c == 0xE1 && next & 0xFE == 0xBA {
            return (self.vietnamese[((next & 1) << 6) | (usize::from(b[i + 2]) & 0x3F)], 3);
        }
        // U+2000..U+203F: spaces, dashes, quotes, `…`; no letters, no marks.
        if c == 0xE2 && next == 0x80 {
            return (0, 3);
        }
        let ch = text[i..].chars().next().unwrap_or(' ');
        (class_of(ch), ch.len_utf8())
    }
}

/// The class bits of `c`, from the general character properties (the tables above hold
/// this for their characters; tested for every character).
fn class_of(c: char) -> u8 {
    let mut class = 0;
    if c.is_alphabetic() {
        class |= LETTER;
    }
    if c.is_uppercase() {
        class |= UPPER;
    }
    let mut buf = [0; 4];
    let bytes = c.encode_utf8(&mut buf).as_bytes();
    if crate::chars::is_combining(c) || (bytes.len() == 2 && is_d_lookalike(bytes[0], bytes[1])) {
        class |= CANDIDATE;
    }
    if c.is_ascii_whitespace() {
        class |= SPACE;
    }
    if matches!(c, '.' | '/' | '&' | '-' | '0'..='9') {
        class |= AFTER_CAPITAL;
    }
    if c.is_ascii_digit() {
        class |= DIGIT;
    }
    class
}

impl Chunks<'_> {
    /// The next candidate chunk that starts before `limit`; stops at `limit` otherwise.
    ///
    /// One pass over the characters, each classed by a table look-up ([`Classes`]): a chunk
    /// with two capitals, a capital before `.`, `/`, `&`, `-` or a digit, a combining mark or
    /// a look-alike of `Đ` is a candidate at once; a chunk with a run of letters with a
    /// capital inside, or whose signature (lower-cased first letter) is in the Bloom filter
    /// of the key runs that are not syllables, or in that of all key runs next to a number,
    /// goes to the exact test ([`Abbreviations::is_candidate`]); every other chunk is
    /// skipped. Runs of ASCII lower-case letters are stepped over without a look-up. Equal
    /// to [`reference_candidates`], the same rules over decoded characters (tested).
    fn next_candidate(&mut self, dict: &Abbreviations, learned: &RunSet, limit: usize) -> Option<Span> {
        let text = self.text;
        let classes = self.classes;
        let b = text.as_bytes();
        let n = b.len();
        let mut i = self.pos;
        loop {
            while i < n && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if i >= n || i >= limit {
                self.pos = i;
                return None;
            }
            let start = i;
            let mut upper = 0u32;
            let mut prev_upper = false;
            let mut hits = 0;
            let mut candidate = false;
            let mut digit = false;
            while i < n {
                let (class, len) = classes.at(text, i);
                if class & LETTER == 0 {
                    if class & SPACE != 0 {
                        break;
                    }
                    candidate |= (prev_upper && class & AFTER_CAPITAL != 0) || class & CANDIDATE != 0;
                    digit |= class & DIGIT != 0;
                    prev_upper = false;
                    i += len;
                    continue;
                }
                // A run of letters.
                let run_start = i;
                let first_upper = class & UPPER != 0;
                let first_len = len;
                let mut inner_upper = false;
                candidate |= class & CANDIDATE != 0;
                upper += u32::from(first_upper);
                prev_upper = first_upper;
                i += len;
                loop {
                    let lower_start = i;
                    while i < n && b[i].is_ascii_lowercase() {
                        i += 1;
                    }
                    if i > lower_start {
                        prev_upper = false;
                    }
                    if i >= n {
                        break;
                    }
                    let (class, len) = classes.at(text, i);
                    if class & LETTER == 0 {
                        break;
                    }
                    candidate |= class & CANDIDATE != 0;
                    prev_upper = class & UPPER != 0;
                    inner_upper |= prev_upper;
                    upper += u32::from(prev_upper);
                    i += len;
                }
                // A capital inside a run (`iPhone`) goes to the exact test; a first capital
                // is lowered for the signature.
                hits |= if inner_upper {
                    RUN_HIT
                } else {
                    run_hit(dict, learned, &b[run_start..i], first_upper.then_some(first_len))
                };
            }
            if candidate || upper >= 2 {
                self.pos = i;
                return Some(Span::new(start, i));
            }
            // A syllable of a key only matters next to a number (`2 ha`, `2ha`).
            let exact = hits & RUN_HIT != 0
                || (hits != 0 && (digit || dict.lower_syllable_forms || number_before(b, start)));
            if exact && dict.is_candidate(&text[start..i], number_before(b, start), learned, &mut self.buf) {
                self.pos = i;
                return Some(Span::new(start, i));
            }
        }
    }
}

/// True when the chunk starting at `start` follows a digit across ASCII whitespace and
/// no-break spaces only (`15 km`, `15\u{A0} ha`): a number may come before it.
fn number_before(b: &[u8], start: usize) -> bool {
    let mut p = start;
    loop {
        if p > 0 && b[p - 1].is_ascii_whitespace() {
            p -= 1;
        } else if p >= 2 && b[p - 2..p] == [0xC2, 0xA0] {
            p -= 2;
        } else {
            return p > 0 && b[p - 1].is_ascii_digit();
        }
    }
}

/// The candidate chunks of `text`, by the rules of [`Chunks::next_candidate`] applied to
/// decoded characters and their general properties: the slow path the byte classes must
/// agree with.
#[cfg(test)]
fn reference_candidates(dict: &Abbreviations, learned: &RunSet, text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut number_before = false;
    let mut buf = String::new();
    let mut pos = 0;
    for chunk in text.split(|c: char| c.is_ascii_whitespace()) {
        let start = pos;
        pos += chunk.len() + 1;
        if chunk.is_empty() {
            continue;
        }
        let chars: Vec<char> = chunk.chars().collect();
        let capital = |c: &char| c.is_alphabetic() && c.is_uppercase();
        let upper = chars.iter().filter(|c| capital(c)).count();
        let capital_before =
            chars.windows(2).any(|w| capital(&w[0]) && matches!(w[1], '.' | '/' | '&' | '-' | '0'..='9'));
        let marked = chars.iter().any(|&c| {
            let mut b = [0; 4];
            let b = c.encode_utf8(&mut b).as_bytes();
            crate::chars::is_combining(c) || (b.len() == 2 && is_d_lookalike(b[0], b[1]))
        });
        let mut hits = 0;
        for run in chunk.split(|c: char| !c.is_alphabetic()) {
            let Some(first) = run.chars().next() else { continue };
            let inner = run.chars().skip(1).any(char::is_uppercase);
            let first_upper = first.is_uppercase();
            hits |= if inner {
                RUN_HIT
            } else {
                run_hit(dict, learned, run.as_bytes(), first_upper.then_some(first.len_utf8()))
            };
        }
        let before = number_before;
        let trimmed = chunk.trim_end_matches('\u{A0}');
        if !trimmed.is_empty() {
            number_before = trimmed.ends_with(|c: char| c.is_ascii_digit());
        }
        let digit = before || dict.lower_syllable_forms || chunk.bytes().any(|b| b.is_ascii_digit());
        let exact = hits & RUN_HIT != 0 || (hits != 0 && digit);
        if upper >= 2
            || capital_before
            || marked
            || (exact && dict.is_candidate(chunk, before, learned, &mut buf))
        {
            out.push(Span::new(start, start + chunk.len()));
        }
    }
    out
}

/// Whether a run of letters, lower case but for its first letter of `upper_first` bytes when
/// given, may be in a key: 0 (it is not), [`SYLLABLE_HIT`] or [`RUN_HIT`].
#[inline(always)]
fn run_hit(dict: &Abbreviations, learned: &RunSet, run: &[u8], upper_first: Option<usize>) -> u8 {
    let n = run.len();
    let (Some(&first), Some(&last)) = (run.first(), run.last()) else { return 0 };
    let (second, before_last) = if n > 1 { (run[1], run[n - 2]) } else { (0, 0) };
    let hash = match upper_first {
        None => run_signature(n, first, second, before_last, last),
        Some(len) => {
            // The signature of the run with its first letter lowered, read without a copy.
            let mut lowered = [0u8; 3];
            let Some(head) = lowered.get_mut(..len) else { return RUN_HIT };
            head.copy_from_slice(&run[..len]);
            if !lower_first(head) {
                return RUN_HIT;
            }
            let byte = |k: usize| if k < len { lowered[k] } else { run[k] };
            let (second, before_last) = if n > 1 { (byte(1), byte(n - 2)) } else { (0, 0) };
            run_signature(n, byte(0), second, before_last, byte(n - 1))
        }
    };
    dict.runs.probe(hash) | learned.probe(hash)
}

/// Lower-cases in place the UTF-8 bytes of one capital of the Vietnamese alphabet; false for
/// other capitals (the exact test sees them).
fn lower_first(c: &mut [u8]) -> bool {
    match c {
        [a] => *a = a.to_ascii_lowercase(),
        [0xC3, b] => *b += 0x20,
        [0xC4 | 0xC5, b] => *b += 1,
        [0xC6, b] => *b = if *b == 0xAF { 0xB0 } else { *b + 1 },
        [0xE1, 0xBA | 0xBB, t] => *t += 1,
        _ => return false,
    }
    true
}

/// True when the two-byte character starting with `lead`, `next` is a look-alike letter of
/// `Đ`/`đ` (`Ð` C3 90, `ð` C3 B0, `Ɖ` C6 89, `ɖ` C9 96): bytes, not a decoded character,
/// as the prefilter meets `C3` in most Vietnamese words. Pinned to the normalizer's table
/// by `d_lookalike_bytes_match_the_table`.
fn is_d_lookalike(lead: u8, next: u8) -> bool {
    matches!((lead, next), (0xC3, 0x90 | 0xB0) | (0xC6, 0x89) | (0xC9, 0x96))
}

/// The start of the `n`-th chunk before `pos` (the chunk `pos` is in counts as the first).
fn back_chunks(bytes: &[u8], pos: usize, n: usize) -> usize {
    let mut p = pos;
    for _ in 0..n {
        while p > 0 && bytes[p - 1].is_ascii_whitespace() {
            p -= 1;
        }
        while p > 0 && !bytes[p - 1].is_ascii_whitespace() {
            p -= 1;
        }
    }
    p
}

/// The end of the `n`-th chunk after `pos` (the chunk `pos` is in counts as the first).
fn forward_chunks(bytes: &[u8], pos: usize, n: usize) -> usize {
    let mut p = pos;
    for _ in 0..n {
        while p < bytes.len() && bytes[p].is_ascii_whitespace() {
            p += 1;
        }
        while p < bytes.len() && !bytes[p].is_ascii_whitespace() {
            p += 1;
        }
    }
    p
}

/// [`back_chunks`] for the prefilter's regions: chunks without a token (only spaces and
/// invisible characters, `\u{A0}`, `\u{200B}`) or with opening quotes, brackets and dashes
/// only do not count, as the rules look through them (the `?` before `\u{3000} BH` and the
/// `…` before `“ NNTƯ` start their sentences).
fn back_token_chunks(text: &str, pos: usize, n: usize) -> usize {
    let bytes = text.as_bytes();
    let mut p = pos;
    let mut counted = 0;
    while counted < n && p > 0 {
        while p > 0 && bytes[p - 1].is_ascii_whitespace() {
            p -= 1;
        }
        let end = p;
        while p > 0 && !bytes[p - 1].is_ascii_whitespace() {
            p -= 1;
        }
        counted += usize::from(has_context(&text[p..end]));
    }
    p
}

/// [`forward_chunks`] for the prefilter's regions; chunks without a token do not count, as
/// in [`back_token_chunks`].
fn forward_token_chunks(text: &str, pos: usize, n: usize) -> usize {
    let bytes = text.as_bytes();
    let mut p = pos;
    let mut counted = 0;
    while counted < n && p < bytes.len() {
        while p < bytes.len() && bytes[p].is_ascii_whitespace() {
            p += 1;
        }
        let start = p;
        while p < bytes.len() && !bytes[p].is_ascii_whitespace() {
            p += 1;
        }
        counted += usize::from(has_token(&text[start..p]));
    }
    p
}

/// True when the tokenizer finds a token in `chunk`: it holds a character other than a space
/// or an invisible or control character.
fn has_token(chunk: &str) -> bool {
    chunk.bytes().any(|b| b > b' ' && b < 0x7F) || chunk.chars().any(|c| !crate::chars::is_space(c))
}

/// True when `chunk` holds a token that the look back for the start of a sentence
/// ([`Scan::sentence_start`]) stops at: other than an opening quote, bracket or dash.
fn has_context(chunk: &str) -> bool {
    chunk.chars().any(|c| {
        !crate::chars::is_space(c) && !matches!(c, '(' | '[' | '"' | '“' | '\'' | '‘' | '«' | '-' | '–' | '—')
    })
}

/// True when `form` (without a final period for forms like `TP.`) is a single word token.
fn is_one_token(form: &str) -> bool {
    let mut tokens = tokenize(form);
    let Some(first) = tokens.next() else { return false };
    if first.kind().is_word() && first.span().end == form.len() {
        return tokens.next().is_none();
    }
    // `TP.`: a word and its period.
    first.kind().is_word()
        && form[first.span().end..] == *"."
        && tokens.next().is_some_and(|t| t.as_str() == ".")
        && tokens.next().is_none()
}

/// The letter case of a token and whether it is a Vietnamese syllable.
#[derive(Clone, Copy, Debug)]
struct Shape {
    all_caps: bool,
    /// Starts with a capital (`Tp`, `Ubnd`).
    title: bool,
    letters: usize,
    syllable: bool,
    caps_run: bool,
}

impl Shape {
    fn of(surface: &str, syllable: bool, caps_run: bool) -> Shape {
        let mut upper = false;
        let mut lower = false;
        let mut letters = 0;
        for c in surface.chars() {
            upper |= c.is_uppercase();
            lower |= c.is_lowercase();
            letters += usize::from(c.is_alphabetic());
        }
        let title = surface.chars().next().is_some_and(char::is_uppercase);
        Shape { all_caps: upper && !lower, title, letters, syllable, caps_run }
    }

    /// The case policy of the [`Abbreviations`] docs, for a surface whose comparison key is the
    /// entry's.
    fn accepts(&self, surface: &str, e: &Entry) -> bool {
        if self.all_caps && self.syllable && self.caps_run {
            return false;
        }
        if same_case(surface, &e.abbreviation) {
            return true;
        }
        // Units are case-sensitive: `M` is not `m`, `Mw` is not `MW`.
        if e.is_unit() {
            return false;
        }
        if e.has_upper {
            return self.all_caps || (!self.syllable && (self.title || self.letters >= 3));
        }
        // A lower-case form: the same with at most the first letter capitalised.
        !surface.chars().skip(1).any(char::is_uppercase)
    }
}

/// True when `a` and `b`, which have the same comparison key, are written in the same
/// letter case (`ThS` and `ThS`, not `THS`).
fn same_case(a: &str, b: &str) -> bool {
    a == b || {
        let case_a = a.chars().filter(|c| c.is_alphabetic()).map(char::is_uppercase);
        let case_b = b.chars().filter(|c| c.is_alphabetic()).map(char::is_uppercase);
        case_a.eq(case_b)
    }
}

/// Writes the comparison key of `surface` into `buf`, without allocating for the usual
/// abbreviations.
fn fill_key(surface: &str, buf: &mut String) {
    if !simple_key(surface, buf) {
        buf.clear();
        buf.push_str(&normalize::key(surface));
    }
}

/// Lower-cases `surface` into `buf` when that gives its comparison key without further
/// normalization (ASCII and the toneless Vietnamese letters); false otherwise.
fn simple_key(surface: &str, buf: &mut String) -> bool {
    buf.clear();
    for c in surface.chars() {
        let l = match c {
            'A'..='Z' => c.to_ascii_lowercase(),
            'a'..='z' | '0'..='9' | '-' | '/' | '.' | '&' | '_' => c,
            'Đ' => 'đ',
            'Ư' => 'ư',
            'Ơ' => 'ơ',
            'Â' => 'â',
            'Ă' => 'ă',
            'Ê' => 'ê',
            'Ô' => 'ô',
            'đ' | 'ư' | 'ơ' | 'â' | 'ă' | 'ê' | 'ô' => c,
            _ => return false,
        };
        buf.push(l);
    }
    true
}

/// How an expansion is written into the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Style {
    case: Case,
    /// The abbreviation's own final period also ended the sentence (`..., v.v.`): write it
    /// after the expansion.
    period: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Case {
    AsIs,
    Capitalized,
    Upper,
}

impl Style {
    const AS_IS: Style = Style { case: Case::AsIs, period: false };

    fn write(self, expansion: &str, out: &mut String) {
        match self.case {
            Case::AsIs => out.push_str(expansion),
            Case::Upper => out.extend(expansion.chars().flat_map(char::to_uppercase)),
            Case::Capitalized => {
                let mut chars = expansion.chars();
                if let Some(c) = chars.next() {
                    out.extend(c.to_uppercase());
                }
                out.push_str(chars.as_str());
            }
        }
        if self.period && !expansion.ends_with('.') {
            out.push('.');
        }
    }
}

/// A resolved token: the rows it may stand for and the chosen one.
struct Resolved<'a> {
    expansion: Cow<'a, str>,
    alternatives: Vec<&'a str>,
    decision: Decision,
    entry: Option<&'a Entry>,
}

/// A token with its span in the whole document (regions are tokenized separately).
#[derive(Clone, Copy, Debug)]
struct Tok<'h> {
    text: &'h str,
    span: Span,
    kind: TokenKind,
}

impl<'h> Tok<'h> {
    fn new(t: Token<'h>, offset: usize) -> Tok<'h> {
        let s = t.span();
        Tok { text: t.as_str(), span: Span::new(s.start + offset, s.end + offset), kind: t.kind() }
    }

    fn as_str(&self) -> &'h str {
        self.text
    }

    fn span(&self) -> Span {
        self.span
    }

    fn kind(&self) -> TokenKind {
        self.kind
    }
}

/// Chunks (runs of non-whitespace) of context kept on each side of a candidate word; enough
/// for the neighbours the rules look at (a number before a unit, the period after `TP`, the
/// words around a headline, the start of a sentence).
const MARGIN: usize = 1;

/// State of one expansion run over a document.
struct Scan<'a, 'h> {
    dict: &'a Abbreviations,
    text: &'h str,
    /// The tokens of the region being scanned, with document spans.
    tokens: Vec<Tok<'h>>,
    /// Definitions the document gave: abbreviation key → long form.
    /// `None` for an abbreviation the document defines in a way we cannot read: it is
    /// left as written.
    learned: FxMap<String, Option<Cow<'a, str>>>,
    /// The letter runs of the learned abbreviations, for the candidate test.
    learned_runs: RunSet,
    /// Rows chosen by cue words: abbreviation key → row.
    resolved: FxMap<String, u32>,
    domain_counts: Vec<u32>,
    matches: Vec<(Match<'a, 'h>, Style)>,
    key_buf: String,
    /// Reused by [`Scan::in_name`].
    compound_buf: String,
}

impl<'a, 'h> Scan<'a, 'h> {
    fn new(dict: &'a Abbreviations, text: &'h str) -> Self {
        Scan {
            dict,
            text,
            tokens: Vec::new(),
            learned: FxMap::default(),
            learned_runs: RunSet::default(),
            resolved: FxMap::default(),
            domain_counts: vec![0; dict.domains.len()],
            matches: Vec::new(),
            key_buf: String::new(),
            compound_buf: String::new(),
        }
    }

    /// Scans the document. With `prefilter`, only regions around candidate words (see
    /// [`Abbreviations::is_candidate`]) are tokenized; the rest cannot hold a match.
    fn run_document(&mut self, prefilter: bool) {
        let text = self.text;
        if !prefilter {
            self.run_region(0, text.len(), 0);
            return;
        }
        let mut chunks = Chunks::new(text);
        let mut done = 0;
        while let Some(first) = chunks.next_candidate(self.dict, &self.learned_runs, usize::MAX) {
            let start = back_token_chunks(text, first.start, MARGIN);
            let mut end = forward_token_chunks(text, first.end, MARGIN);
            while let Some(next) = chunks.next_candidate(self.dict, &self.learned_runs, end) {
                end = forward_token_chunks(text, next.end, MARGIN);
            }
            self.run_region(start, end, done);
            done = end;
            chunks.pos = chunks.pos.max(end);
        }
    }

    /// Tokenizes `start..end` and scans its tokens from byte `from` on (the tokens before
    /// are context only).
    fn run_region(&mut self, start: usize, end: usize, from: usize) {
        self.tokens.clear();
        self.tokens.extend(tokenize(&self.text[start..end]).map(|t| Tok::new(t, start)));
        let mut i = self.tokens.partition_point(|t| t.span.start < from);
        while i < self.tokens.len() {
            i = self.token(i);
        }
    }

    /// The tokens from `back` chunks before `span` to `forward` chunks after it, and the
    /// index of the token that starts at `span.start`.
    fn tokens_around(&self, span: Span, back: usize, forward: usize) -> (Vec<Tok<'h>>, usize) {
        let bytes = self.text.as_bytes();
        let start = back_chunks(bytes, span.start, back + 1);
        let end = forward_chunks(bytes, span.end, forward);
        let toks: Vec<Tok<'h>> = tokenize(&self.text[start..end]).map(|t| Tok::new(t, start)).collect();
        let at = toks.partition_point(|t| t.span.start < span.start);
        (toks, at)
    }

    /// Handles token `i`; returns the index of the next token to look at.
    fn token(&mut self, i: usize) -> usize {
        let mut key = std::mem::take(&mut self.key_buf);
        let next = self.token_with(i, &mut key);
        self.key_buf = key;
        next
    }

    fn token_with(&mut self, i: usize, key: &mut String) -> usize {
        let t = self.tokens[i];
        let kind = t.kind();
        if !kind.is_word() {
            return i + 1;
        }
        let s = t.as_str();
        let after_number = self.after_number(i);
        // Fast path: ordinary lower-case or title-case syllables are never abbreviations
        // unless the dictionary has lower-case syllable forms or a unit follows a number.
        let plain_syllable = kind == TokenKind::Syllable && !all_caps(s);
        if plain_syllable && !after_number && !self.dict.lower_syllable_forms {
            return i + 1;
        }
        if let Some(next) = self.definition(i) {
            return next;
        }
        fill_key(s, key);
        let key = key.as_str();
        if let Some(learned) = self.learned.get(key) {
            let Some(long) = learned else { return i + 1 };
            if !plain_syllable {
                let m = Match {
                    span: t.span(),
                    surface: s,
                    expansion: long.clone(),
                    alternatives: Vec::new(),
                    source: Source::Document,
                    decision: Decision::Definition,
                    ambiguous: false,
                    defining: false,
                    entry: None,
                };
                let style = self.style(i, i);
                self.matches.push((m, style));
                return i + 1;
            }
        }
        // Forms with a final period: `TP. Hồ Chí Minh`, `Q. 1`.
        if let Some(dot_end) = self.abbreviation_dot(i) {
            let mut dotted = String::with_capacity(key.len() + 1);
            dotted.push_str(key);
            dotted.push('.');
            let surface = &self.text[t.span().start..dot_end];
            if let Some(r) = self.resolve_key(&dotted, surface, i, after_number) {
                self.push(i, Span::new(t.span().start, dot_end), r, Source::Dictionary);
                return i + 2;
            }
        }
        let resolved = self.resolve_key(key, s, i, after_number);
        if kind == TokenKind::Abbreviation {
            // A name the dictionary knows whole decides when it reads otherwise.
            if let Some(named) = self.in_pair(i, key).or_else(|| self.in_name(i, key)) {
                if resolved.as_ref().is_none_or(|r| r.expansion != named.expansion) {
                    self.push(i, t.span(), named, Source::Dictionary);
                    return i + 1;
                }
            }
        }
        if let Some(r) = resolved {
            self.push(i, t.span(), r, Source::Dictionary);
            return i + 1;
        }
        if kind != TokenKind::Syllable {
            if let Some(expansion) = self.parts(i, s) {
                let r = Resolved {
                    expansion: Cow::Owned(expansion),
                    alternatives: Vec::new(),
                    decision: Decision::Only,
                    entry: None,
                };
                self.push(i, t.span(), r, Source::Parts);
            }
        }
        i + 1
    }

    /// The part of a whole name in the dictionary that the abbreviation at token `i` (with
    /// comparison key `key`) stands for, when the words written around it complete the
    /// name: one or two words before it whose initials and the abbreviation are an
    /// abbreviation of the dictionary whose expansion starts with those words (`Bộ` +
    /// `CHQS`, `Tổng cục` + `CT`, `Ban` + `CHQS`), or one or two capitalised words after it
    /// that end such an expansion (`ĐH` + `Quốc gia`, `QĐND` + `Việt Nam`). See
    /// [`Decision::Name`].
    #[inline(never)]
    fn in_name(&mut self, i: usize, key: &str) -> Option<Resolved<'a>> {
        let span = self.tokens[i].span();
        // Most abbreviations stand among lower-case words: ask the tokens first.
        let capital = |k: Option<usize>| {
            k.and_then(|k| self.tokens.get(k)).is_some_and(|t| t.as_str().starts_with(char::is_uppercase))
        };
        let tail_capital =
            self.text[span.end..].strip_prefix(' ').is_some_and(|a| a.starts_with(char::is_uppercase));
        if !tail_capital && i >= 2 && !capital(Some(i - 1)) && !capital(Some(i - 2)) {
            return None;
        }
        let (before, nb) = self.text[..span.start].strip_suffix(' ').map_or(([""; 2], 0), words_back);
        let (after, na) = self.text[span.end..].strip_prefix(' ').map_or(([""; 2], 0), words_forward);
        let (before, after) = (&before[..nb], &after[..na]);
        let head_ok = before.iter().any(|w| w.starts_with(char::is_uppercase));
        let tail_ok = after.first().is_some_and(|w| w.starts_with(char::is_uppercase));
        if !head_ok && !tail_ok {
            return None;
        }
        let mut compound = std::mem::take(&mut self.compound_buf);
        let found = self.in_name_with(key, before, after, tail_ok, &mut compound);
        self.compound_buf = compound;
        found
    }

    /// The part of a whole name that the abbreviation at token `i` (with comparison key
    /// `key`) stands for when it is one of two abbreviations joined by `và` after a
    /// capitalised head word, which the dictionary knows as one abbreviation: with the head
    /// word's initials (`Bộ GD và ĐT` is `BGDĐT`, `Bộ Giáo dục và Đào tạo`), else without
    /// (`Bộ KH và ĐT` is `KH&ĐT`, `Kế hoạch và Đầu tư`). The first abbreviation stands for
    /// the part of the name before its `và`, the second for the part after. See
    /// [`Decision::Name`].
    #[inline(never)]
    fn in_pair(&self, i: usize, key: &str) -> Option<Resolved<'a>> {
        let text = self.text;
        let span = self.tokens[i].span();
        let (first, second, first_start, is_second) = if let Some(other) = pair_after(&text[span.end..]) {
            (&text[span.start..span.end], other, span.start, false)
        } else {
            let other = pair_before(&text[..span.start])?;
            let other_start = other.as_ptr() as usize - text.as_ptr() as usize;
            (other, &text[span.start..span.end], other_start, true)
        };
        let (heads, n) = text[..first_start].strip_suffix(' ').map_or(([""; 2], 0), words_back);
        let heads = &heads[..n];
        if !heads.last().is_some_and(|w| w.starts_with(char::is_uppercase)) {
            return None;
        }
        let mut other_key = String::new();
        fill_key(if is_second { first } else { second }, &mut other_key);
        let (a, b) = if is_second { (other_key.as_str(), key) } else { (key, other_key.as_str()) };
        let mut compound = String::new();
        // The head word's initials with both (`b` + `gd` + `đt`), longer heads first; then the
        // two joined as the dictionary writes such pairs (`kh&đt`, `khđt`).
        for n in (1..=heads.len()).rev() {
            let words = &heads[heads.len() - n..];
            if !words[0].starts_with(char::is_uppercase) {
                continue;
            }
            compound.clear();
            for w in words {
                match w.chars().next() {
                    Some('Đ' | 'đ') => compound.push('đ'),
                    Some(c) => compound.push(fold_lower(c)),
                    None => {}
                }
            }
            compound.push_str(a);
            compound.push_str(b);
            if let Some(r) = self.pair_part(&compound, words, is_second) {
                return Some(r);
            }
        }
        for joiner in ["&", ""] {
            compound.clear();
            compound.push_str(a);
            compound.push_str(joiner);
            compound.push_str(b);
            if let Some(r) = self.pair_part(&compound, &[], is_second) {
                return Some(r);
            }
        }
        None
    }

    /// For [`Self::in_pair`]: the part before (or, `second`, after) the one `và` of the
    /// expansion of a row of the abbreviation `compound` that starts with the words `heads`
    /// (left out).
    fn pair_part(&self, compound: &str, heads: &[&str], second: bool) -> Option<Resolved<'a>> {
        let dict = self.dict;
        let ids = dict.index.get(compound)?;
        let n = heads.iter().map(|w| w.split(' ').count()).sum::<usize>();
        ids.iter().find_map(|&id| {
            let e = dict.entry(id);
            if e.domain() == "admin" {
                return None;
            }
            let expansion: &'a str = &e.expansion;
            // The byte where the name goes on after its first `n` words.
            let rest_at = match n {
                0 => 0,
                _ => expansion.match_indices(' ').nth(n - 1)?.0 + 1,
            };
            if n > 0 && normalize::key(&expansion[..rest_at - 1]) != normalize::key(&heads.join(" ")) {
                return None;
            }
            let rest = &expansion[rest_at..];
            let mut halves = rest.split(" và ");
            let (before, after) = (halves.next()?, halves.next()?);
            if halves.next().is_some() || before.is_empty() || after.is_empty() {
                return None;
            }
            Some(Resolved {
                expansion: Cow::Borrowed(if second { after } else { before }),
                alternatives: Vec::new(),
                decision: Decision::Name,
                entry: None,
            })
        })
    }

    fn in_name_with(
        &self,
        key: &str,
        before: &[&str],
        after: &[&str],
        tail_ok: bool,
        compound: &mut String,
    ) -> Option<Resolved<'a>> {
        let initials = |words: &[&str], out: &mut String| {
            for w in words {
                // Initials drop tone and vowel marks but keep `đ` (`Ủy ban` → `ub`, `Đại
                // học` → `đh`), as abbreviations are written.
                match w.chars().next() {
                    Some('Đ' | 'đ') => out.push('đ'),
                    Some(c) => out.push(fold_lower(c)),
                    None => {}
                }
            }
        };
        // The rest of a name after it first (`Sinh viên ĐH Quốc gia` is the university),
        // then a head word before it; longer contexts first (`Tổng cục CT` before `cục CT`).
        if tail_ok {
            for n in (1..=after.len()).rev() {
                let words = &after[..n];
                compound.clear();
                compound.push_str(key);
                initials(words, compound);
                if let Some(r) = self.name_part(compound, words, false) {
                    return Some(r);
                }
            }
        }
        for n in (1..=before.len()).rev() {
            let words = &before[before.len() - n..];
            if !words[0].starts_with(char::is_uppercase) {
                continue;
            }
            compound.clear();
            initials(words, compound);
            compound.push_str(key);
            if let Some(r) = self.name_part(compound, words, true) {
                return Some(r);
            }
        }
        None
    }

    /// For [`Self::in_name`]: the rows of the abbreviation `compound` whose expansion starts
    /// (`head`) or ends with `words`, and the rest of the first one's expansion.
    fn name_part(&self, compound: &str, words: &[&str], head: bool) -> Option<Resolved<'a>> {
        let dict = self.dict;
        let ids = dict.index.get(compound)?;
        let mut parts = ids.iter().filter_map(|&id| {
            let e = dict.entry(id);
            // Administrative units are no body's name and keep the abbreviation's own case
            // (`TP Hà Nội` is `thành phố Hà Nội`).
            if e.domain() == "admin" {
                return None;
            }
            let syllables: Vec<&'a str> = e.expansion.split(' ').collect();
            let n = words.iter().map(|w| w.split(' ').count()).sum::<usize>();
            if syllables.len() <= n {
                return None;
            }
            let (outer, inner) = if head {
                syllables.split_at(n)
            } else {
                (&syllables[syllables.len() - n..], &syllables[..])
            };
            let inner = if head { inner } else { &inner[..inner.len() - n] };
            let same = normalize::key(&outer.join(" ")) == normalize::key(&words.join(" "));
            same.then(|| {
                // The part is a slice of the dictionary's own text, so it keeps its capitals.
                let first = inner[0].as_ptr() as usize - e.expansion.as_ptr() as usize;
                let last = inner[inner.len() - 1];
                let end = last.as_ptr() as usize - e.expansion.as_ptr() as usize + last.len();
                &e.expansion[first..end]
            })
        });
        let part = parts.next()?;
        let alternatives = parts.collect();
        Some(Resolved { expansion: Cow::Borrowed(part), alternatives, decision: Decision::Name, entry: None })
    }

    fn lookup_key(&self, s: &str) -> String {
        let mut key = String::new();
        fill_key(s, &mut key);
        key
    }

    /// The previous token is a number right before this one (`15 km`, `10km`).
    fn after_number(&self, i: usize) -> bool {
        i > 0
            && matches!(self.tokens[i - 1].kind(), TokenKind::Number | TokenKind::Range)
            && self.text[self.tokens[i - 1].span().end..self.tokens[i].span().start]
                .chars()
                .all(|c| c == ' ' || c == '\u{a0}')
    }

    /// For `TP. Hồ`, `Q. 1`: the end of the period after token `i` when a word or number
    /// follows on the same line.
    fn abbreviation_dot(&self, i: usize) -> Option<usize> {
        let t = self.tokens[i];
        let dot = self.tokens.get(i + 1)?;
        if dot.as_str() != "." || dot.span().start != t.span().end {
            return None;
        }
        let next = self.tokens.get(i + 2)?;
        let gap = &self.text[dot.span().end..next.span().start];
        let follows = next.kind().is_word() || matches!(next.kind(), TokenKind::Number);
        if !follows || gap.contains(['\n', '\r']) {
            return None;
        }
        // A single capital and a period is an initial in `George H. Bush` and part of a
        // standard's name in `H.264`, `X.400`: not `huyện`, `xã`.
        if t.as_str().chars().nth(1).is_none() {
            let after_name = i > 0
                && self.tokens[i - 1].kind().is_word()
                && self.tokens[i - 1].as_str().starts_with(char::is_uppercase);
            let standard = gap.is_empty() && next.kind() == TokenKind::Number && next.as_str().len() > 2;
            // `H. P. Lovecraft`, `J. P. Morgan`: a run of initials.
            let single = |t: &Tok<'_>| t.kind().is_word() && t.as_str().chars().nth(1).is_none();
            let initials =
                single(next) || (i >= 2 && self.tokens[i - 1].as_str() == "." && single(&self.tokens[i - 2]));
            if after_name || standard || initials {
                return None;
            }
        }
        Some(dot.span().end)
    }

    /// Looks `key` up and applies the case policy and context rules, then chooses among the
    /// rows left.
    fn resolve_key(
        &mut self,
        key: &str,
        surface: &str,
        i: usize,
        after_number: bool,
    ) -> Option<Resolved<'a>> {
        let dict = self.dict;
        let ids = dict.index.get(key)?;
        let t = self.tokens[i];
        let syllable = t.kind() == TokenKind::Syllable
            || (t.kind() != TokenKind::Abbreviation && is_syllable(surface.trim_end_matches('.')));
        let shape = Shape::of(surface, syllable, self.caps_run(i));
        let candidates = dict.accepted(ids, surface, shape, after_number);
        if candidates.is_empty() {
            return None;
        }
        Some(self.choose(key, &candidates, i))
    }

    /// Chooses among the rows `ids` for the abbreviation `key` at token `i`.
    fn choose(&mut self, key: &str, ids: &[u32], i: usize) -> Resolved<'a> {
        let dict = self.dict;
        let alternatives = |chosen: u32| -> Vec<&'a str> {
            ids.iter().filter(|&&id| id != chosen).map(|&id| &*dict.entry(id).expansion).collect()
        };
        if let [only] = ids {
            let e = dict.entry(*only);
            self.domain_counts[usize::from(e.domain_id)] += 1;
            return Resolved {
                expansion: Cow::Borrowed(&e.expansion),
                alternatives: Vec::new(),
                decision: Decision::Only,
                entry: Some(e),
            };
        }
        let (chosen, decision) = if let Some(id) = self.by_cues(ids, i) {
            self.resolved.insert(key.to_owned(), id);
            (id, Decision::Cue)
        } else if let Some(&id) = self.resolved.get(key).filter(|id| ids.contains(id)) {
            (id, Decision::Earlier)
        } else if let Some(id) = self.by_domain(ids) {
            (id, Decision::Domain)
        } else {
            (ids[0], Decision::MostFrequent)
        };
        let e = dict.entry(chosen);
        Resolved {
            expansion: Cow::Borrowed(&e.expansion),
            alternatives: alternatives(chosen),
            decision,
            entry: Some(e),
        }
    }

    /// The row whose cue words score best near token `i`, if one leads. A cue found `d`
    /// tokens away scores `CUE_WINDOW + 1 - d`, so that near cues outweigh far ones
    /// (`BCHQS tỉnh và BCHQS huyện`).
    fn by_cues(&self, ids: &[u32], i: usize) -> Option<u32> {
        if ids.iter().all(|&id| self.dict.entry(id).cues.is_empty()) {
            return None;
        }
        let window = self.window(i);
        let mut best = None;
        let mut best_score = 0;
        let mut tie = false;
        for &id in ids {
            let score: usize = self.dict.entry(id).cues.iter().map(|c| cue_score(&window, c)).sum();
            if score > best_score {
                best = Some(id);
                best_score = score;
                tie = false;
            } else if score == best_score && score > 0 {
                tie = true;
            }
        }
        if tie { None } else { best }
    }

    /// The words around token `i` in its sentence, at most [`CUE_WINDOW`] on each side, as
    /// comparison keys with their distance to it in words (the token itself is an empty
    /// entry). Words are runs of letters read straight from the text, which is much cheaper
    /// than tokenizing the neighbourhood.
    fn window(&self, i: usize) -> Vec<(Cow<'h, str>, usize)> {
        let span = self.tokens[i].span();
        let bytes = self.text.as_bytes();
        let start = back_chunks(bytes, span.start, CUE_WINDOW + 1);
        let end = forward_chunks(bytes, span.end, CUE_WINDOW);
        let before = &self.text[start..span.start];
        let before = &before[sentence_cut_before(before)..];
        let after = &self.text[span.end..end];
        let after = &after[..sentence_cut_after(after)];
        let words = |s: &'h str| s.split(|c: char| !is_word_char(c)).filter(|w| !w.is_empty());
        let mut window: Vec<(Cow<'h, str>, usize)> = Vec::with_capacity(2 * CUE_WINDOW + 1);
        let left: Vec<&'h str> = words(before).collect();
        let n = left.len();
        for (k, w) in left.into_iter().enumerate().skip(n.saturating_sub(CUE_WINDOW)) {
            window.push((normalize::key(w), n - k));
        }
        window.push((Cow::Borrowed(""), 0));
        for (k, w) in words(after).take(CUE_WINDOW).enumerate() {
            window.push((normalize::key(w), k + 1));
        }
        window
    }

    /// The row whose domain is the document's majority domain, if exactly one has it.
    fn by_domain(&self, ids: &[u32]) -> Option<u32> {
        let max = *self.domain_counts.iter().max()?;
        if max == 0 {
            return None;
        }
        let mut leaders = self.domain_counts.iter().enumerate().filter(|&(_, &c)| c == max);
        let (domain, _) = leaders.next()?;
        if leaders.next().is_some() {
            return None;
        }
        let mut with = ids.iter().filter(|&&id| usize::from(self.dict.entry(id).domain_id) == domain);
        let id = *with.next()?;
        with.next().is_none().then_some(id)
    }

    /// Records a match for token `i` covering `span`.
    fn push(&mut self, i: usize, span: Span, r: Resolved<'a>, source: Source) {
        let ambiguous = r.decision == Decision::MostFrequent;
        let m = Match {
            span,
            surface: &self.text[span.range()],
            expansion: r.expansion,
            alternatives: r.alternatives,
            source,
            decision: r.decision,
            ambiguous,
            defining: false,
            entry: r.entry,
        };
        let last = if span.end > self.tokens[i].span().end { i + 1 } else { i };
        let style = self.style(i, last);
        self.matches.push((m, style));
    }

    /// Expands a compound token part by part (`QP-AN`, `HĐND-UBND`, `QK5`).
    fn parts(&mut self, i: usize, s: &str) -> Option<String> {
        let separated = s.contains(['-', '/', '&', '.']);
        if !separated {
            // Letters then digits: `QK5` → `Quân khu 5`.
            let digits = s.bytes().rev().take_while(u8::is_ascii_digit).count();
            if digits == 0 || digits == s.len() {
                return None;
            }
            let (letters, number) = s.split_at(s.len() - digits);
            let key = self.lookup_key(letters);
            if !NUMBERED.contains(&key.as_str()) || !all_caps(letters) {
                return None;
            }
            let r = self.resolve_key(&key, letters, i, false)?;
            let mut out = r.expansion.into_owned();
            out.push(' ');
            out.push_str(number);
            return Some(out);
        }
        let mut out = String::new();
        let mut rest = s;
        loop {
            let cut = rest.find(['-', '/', '&', '.']).unwrap_or(rest.len());
            let part = &rest[..cut];
            if part.is_empty() {
                return None;
            }
            // Every part must be a known abbreviation: `HQ-182`, `SL-1`, `COVID-19` are
            // names and model numbers.
            let key = self.lookup_key(part);
            let r = self.resolve_key(&key, part, i, false)?;
            out.push_str(&r.expansion);
            let Some(sep) = rest[cut..].chars().next() else { break };
            out.push_str(match sep {
                '-' => " - ",
                '/' => "/",
                '&' => " và ",
                _ => " ",
            });
            rest = &rest[cut + 1..];
        }
        Some(out)
    }

    /// Learns a definition at token `i` (`Ủy ban nhân dân (UBND)`, `UBND (Ủy ban nhân
    /// dân)` or `UBND là viết tắt của Ủy ban nhân dân`); returns the next token index when
    /// token `i` was the defining mention.
    fn definition(&mut self, i: usize) -> Option<usize> {
        let t = self.tokens[i];
        if !abbreviation_like(&t) {
            return None;
        }
        let paren_before = i >= 1 && self.tokens[i - 1].as_str() == "(";
        let paren_after = self.tokens.get(i + 1).is_some_and(|n| n.as_str() == ")");
        let opens_after = self.tokens.get(i + 1).is_some_and(|n| n.as_str() == "(");
        let defining_shape = (paren_before && paren_after) || opens_after;
        // `là` in any case or normalization form; only short words starting with `l` are keyed.
        let is_la = |w: &str| {
            w.len() <= 8
                && w.as_bytes().first().is_some_and(|b| b | 0x20 == b'l')
                && normalize::key(w) == "là"
        };
        let stated = !defining_shape && self.tokens.get(i + 1).is_some_and(|n| is_la(n.as_str()));
        if !defining_shape && !stated {
            return None;
        }
        let letters = initials_of(t.as_str())?;
        if stated {
            return self.stated_definition(i, &letters);
        }
        let max_words = letters.len() + SKIPPABLE.len();
        // Every word and dash of the long form is at least one chunk.
        let (toks, k) = self.tokens_around(t.span(), 2 * max_words + 2, 2 * max_words + 2);
        // Long form first: `... (ABBR)`.
        if paren_before && paren_after && k >= 1 {
            let words = self.long_form_before(&toks, k - 1, max_words);
            for n in 1..=words.len() {
                let form = &words[words.len() - n..];
                if initials_match(&letters, form.iter().map(|&j| toks[j].as_str())) {
                    let long = self.long_form_text(&toks, form);
                    self.learn(i, long);
                    return Some(i + 1);
                }
            }
        }
        // Abbreviation first: `ABBR (long form)`.
        if opens_after && !self.line_break(t.span().end, toks.get(k + 1)?.span().start) {
            let mut words = Vec::new();
            let mut j = k + 2;
            while let Some(n) = toks.get(j) {
                if n.as_str() == ")" {
                    break;
                }
                if !(n.kind().is_word() || is_dash(n)) || words.len() > max_words {
                    return None;
                }
                if n.kind().is_word() {
                    words.push(j);
                }
                j += 1;
            }
            toks.get(j)?;
            if !words.is_empty() && initials_match(&letters, words.iter().map(|&w| toks[w].as_str())) {
                let long = self.long_form_text(&toks, &words);
                self.learn(i, long);
                return Some(i + 1);
            }
        }
        None
    }

    /// A definition in words: `ABBR là (ký hiệu | chữ | từ) viết tắt (của | cho) (cụm từ |
    /// từ) (tiếng Anh) LONG FORM`, the long form optionally in quotes, on one line, its
    /// initials matching. When they do not (`GT là ký hiệu viết tắt của tổng dung tích`, from
    /// English), the document's abbreviation is learned as itself and left as written.
    fn stated_definition(&mut self, i: usize, letters: &[char]) -> Option<usize> {
        let t = self.tokens[i];
        let max_words = letters.len() + SKIPPABLE.len();
        let (toks, k) = self.tokens_around(t.span(), 0, max_words + 12);
        let key_at = |j: usize| toks.get(j).map(|t| normalize::key(t.as_str()));
        let is = |j: usize, words: &[&str]| key_at(j).is_some_and(|k| words.contains(&k.as_ref()));
        let mut j = k + 2; // after `là`
        if is(j, &["ký", "kí"]) && is(j + 1, &["hiệu"]) {
            j += 2;
        } else if is(j, &["chữ", "từ"]) {
            j += 1;
        }
        if !(is(j, &["viết"]) && is(j + 1, &["tắt"]) && is(j + 2, &["của", "cho"])) {
            return None;
        }
        j += 3;
        if is(j, &["cụm"]) && is(j + 1, &["từ"]) {
            j += 2;
        } else if is(j, &["từ"]) {
            j += 1;
        }
        if is(j, &["tiếng"]) && toks.get(j + 1).is_some_and(|n| n.kind().is_word()) {
            j += 2;
        }
        if toks.get(j).is_some_and(|n| matches!(n.as_str(), "\"" | "“" | "«")) {
            j += 1;
        }
        let mut words = Vec::new();
        while let Some(n) = toks.get(j) {
            if words.len() >= max_words || self.line_break(t.span().end, n.span().start) {
                break;
            }
            if n.kind().is_word() {
                words.push(j);
            } else if !is_dash(n) {
                break;
            }
            j += 1;
        }
        let n = (1..=words.len())
            .find(|&n| initials_match(letters, words[..n].iter().map(|&w| toks[w].as_str())));
        // Without matching initials the long form cannot be delimited; the abbreviation
        // is still the document's own and stays as written (`50 GT` is no `giao thông`).
        match n {
            Some(n) => {
                let long = self.long_form_text(&toks, &words[..n]);
                self.learn(i, long);
            }
            None => self.keep_as_written(i),
        }
        Some(i + 1)
    }

    /// The word tokens right before `toks[end]` (a `(`), at most `max`, on the same line,
    /// across dashes; in text order.
    fn long_form_before(&self, toks: &[Tok<'h>], end: usize, max: usize) -> Vec<usize> {
        let mut words = Vec::new();
        let mut j = end;
        let mut right = toks[end].span().start;
        while j > 0 && words.len() < max {
            j -= 1;
            let t = toks[j];
            if self.line_break(t.span().end, right) || !(t.kind().is_word() || is_dash(&t)) {
                break;
            }
            if t.kind().is_word() {
                words.push(j);
            }
            right = t.span().start;
        }
        words.reverse();
        words
    }

    /// The long form made of the word tokens `words` of `toks` (dashes between them kept as
    /// ` - `).
    fn long_form_text(&self, toks: &[Tok<'h>], words: &[usize]) -> String {
        let mut out = String::new();
        for (n, &j) in words.iter().enumerate() {
            if n > 0 {
                let between = &toks[words[n - 1] + 1..j];
                out.push_str(if between.iter().any(is_dash) { " - " } else { " " });
            }
            out.push_str(toks[j].as_str());
        }
        // A long form that opens a sentence is capitalised only for that reason when the
        // rest of it is in lower case.
        if let Some(&first) = words.first() {
            let rest_lower = words[1..].iter().all(|&j| !toks[j].as_str().chars().any(char::is_uppercase));
            if words.len() > 1 && rest_lower && self.sentence_start(toks, first) {
                let mut chars = out.chars();
                if let Some(c) = chars.next() {
                    out = c.to_lowercase().chain(chars).collect();
                }
            }
        }
        out
    }

    /// Records that the document defines token `i`'s abbreviation without a long form we
    /// can delimit: it stays as written from here on, and no match is reported.
    fn keep_as_written(&mut self, i: usize) {
        let key = self.lookup_key(self.tokens[i].as_str());
        self.learned_runs.insert_runs(&key);
        self.learned.insert(key, None);
    }

    /// Records the definition of token `i`'s abbreviation and its defining match.
    fn learn(&mut self, i: usize, long: String) {
        let t = self.tokens[i];
        let key = self.lookup_key(t.as_str());
        let long_key = normalize::key(&long).into_owned();
        // Prefer the dictionary's spelling when it has this very expansion.
        let dict = self.dict;
        let entry = dict.index.get(key.as_str()).and_then(|ids| {
            ids.iter().map(|&id| dict.entry(id)).find(|e| normalize::key(&e.expansion) == long_key)
        });
        let expansion: Cow<'a, str> = match entry {
            Some(e) => Cow::Borrowed(&e.expansion),
            None => Cow::Owned(long),
        };
        let alternatives = dict
            .index
            .get(key.as_str())
            .map(|ids| {
                ids.iter()
                    .map(|&id| &*dict.entry(id).expansion)
                    .filter(|x| normalize::key(x) != long_key)
                    .collect()
            })
            .unwrap_or_default();
        self.learned_runs.insert_runs(&key);
        self.learned.insert(key, Some(expansion.clone()));
        let m = Match {
            span: t.span(),
            surface: t.as_str(),
            expansion,
            alternatives,
            source: Source::Document,
            decision: Decision::Definition,
            ambiguous: false,
            defining: true,
            entry,
        };
        self.matches.push((m, Style::AS_IS));
    }

    /// How to write the expansion of the match covering tokens `first..=last`.
    fn style(&self, first: usize, last: usize) -> Style {
        let t = self.tokens[first];
        let case = if all_caps(t.as_str())
            && (self.caps_word(first.checked_sub(1)) || self.caps_word(Some(last + 1)))
        {
            Case::Upper
        } else if self.sentence_start(&self.tokens, first) {
            Case::Capitalized
        } else {
            Case::AsIs
        };
        let period = first == last
            && t.as_str().ends_with('.')
            && match self.tokens.get(last + 1) {
                None => true,
                Some(n) => {
                    self.line_break(t.span().end, n.span().start)
                        || (n.kind().is_word() && n.as_str().starts_with(char::is_uppercase))
                }
            };
        Style { case, period }
    }

    /// Token `i` is a Vietnamese syllable in capitals next to another one (a headline).
    fn caps_run(&self, i: usize) -> bool {
        self.caps_word(i.checked_sub(1)) || self.caps_word(Some(i + 1))
    }

    fn caps_word(&self, i: Option<usize>) -> bool {
        let Some(t) = i.and_then(|i| self.tokens.get(i)) else { return false };
        t.kind() == TokenKind::Syllable && t.as_str().chars().nth(1).is_some() && all_caps(t.as_str())
    }

    /// `toks[i]` starts a sentence: the first token of the text, after a line break, or
    /// after `.`, `!`, `?`, `…` (opening quotes and brackets in between).
    fn sentence_start(&self, toks: &[Tok<'h>], i: usize) -> bool {
        let mut right = toks[i].span().start;
        let mut j = i;
        while j > 0 {
            j -= 1;
            let p = toks[j];
            if self.line_break(p.span().end, right) {
                return true;
            }
            let s = p.as_str();
            if p.kind() == TokenKind::Punctuation
                && matches!(s, "(" | "[" | "\"" | "“" | "'" | "‘" | "«" | "-" | "–" | "—")
            {
                right = p.span().start;
                continue;
            }
            return p.kind() == TokenKind::Punctuation
                && s.starts_with(['.', '!', '?', '…'])
                && !self.is_abbreviation_dot(p.span());
        }
        // Before the tokens at hand: the raw text.
        let before = &self.text[..right];
        let kept = before.trim_end();
        kept.is_empty() || before[kept.len()..].contains(['\n', '\r']) || kept.ends_with(['.', '!', '?', '…'])
    }

    /// The period `dot` belongs to an abbreviation matched with it (`TP.`).
    fn is_abbreviation_dot(&self, dot: Span) -> bool {
        self.matches.last().is_some_and(|(m, _)| m.span.end == dot.end && m.span.start < dot.start)
    }

    fn line_break(&self, a: usize, b: usize) -> bool {
        a < b && self.text.as_bytes()[a..b].iter().any(|&c| c == b'\n' || c == b'\r')
    }
}

/// A letter of a word (combining marks included).
/// Up to two words that end `text` (nearest last) and how many, read back over single
/// spaces; a word is a run of letters, and the reading stops at anything else.
fn words_back(text: &str) -> ([&str; 2], usize) {
    let mut out = [""; 2];
    let mut n = 0;
    let mut rest = text;
    while n < 2 {
        let start = rest
            .rfind(|c: char| !is_alphabetic(c))
            .map_or(0, |k| k + rest[k..].chars().next().map_or(1, char::len_utf8));
        let word = &rest[start..];
        if word.is_empty() {
            break;
        }
        out[n] = word;
        n += 1;
        match rest[..start].strip_suffix(' ') {
            Some(r) if !r.ends_with(' ') => rest = r,
            _ => break,
        }
    }
    out[..n].reverse();
    (out, n)
}

/// The abbreviation after ` và ` at the start of `text` (`ĐT` in ` và ĐT`, ` VÀ ĐT`): a word
/// of two or more capitals that ends at a space, punctuation or the end.
fn pair_after(text: &str) -> Option<&str> {
    let rest = text.strip_prefix(" và ").or_else(|| text.strip_prefix(" VÀ "))?;
    let end = rest.find(|c: char| !is_alphabetic(c)).unwrap_or(rest.len());
    let word = &rest[..end];
    (rest[end..].chars().next().is_none_or(|c| !c.is_alphanumeric() && c != '-' && c != '&')
        && is_capitals(word))
    .then_some(word)
}

/// The abbreviation before ` và ` at the end of `text` (`GD` in `Bộ GD và `): a word of two
/// or more capitals after a space or the start.
fn pair_before(text: &str) -> Option<&str> {
    let rest = text.strip_suffix(" và ").or_else(|| text.strip_suffix(" VÀ "))?;
    let word = &rest[rest.rfind(' ').map_or(0, |k| k + 1)..];
    is_capitals(word).then_some(word)
}

/// Two or more letters, all capitals (`GD`, `ĐT`).
fn is_capitals(word: &str) -> bool {
    word.chars().nth(1).is_some() && word.chars().all(|c| is_alphabetic(c) && c.is_uppercase())
}

/// `char::is_alphabetic`, answered without a table search for ASCII and the Latin blocks
/// that Vietnamese is written in (every character of U+00C0–U+024F but `×` and `÷`, and of
/// U+1E00–U+1EFF, is a letter; `is_alphabetic_fast_path_is_exact` checks them all).
fn is_alphabetic(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\0'..='\u{7F}' => false,
        '\u{D7}' | '\u{F7}' => false,
        '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}' => true,
        c => c.is_alphabetic(),
    }
}

/// Up to two words that start `text` and how many, read over single spaces; a word is a
/// run of letters.
fn words_forward(text: &str) -> ([&str; 2], usize) {
    let mut out = [""; 2];
    let mut n = 0;
    let mut rest = text;
    while n < 2 {
        let end = rest.find(|c: char| !is_alphabetic(c)).unwrap_or(rest.len());
        if end == 0 {
            break;
        }
        out[n] = &rest[..end];
        n += 1;
        match rest[end..].strip_prefix(' ') {
            Some(r) if !r.starts_with(' ') => rest = r,
            _ => break,
        }
    }
    (out, n)
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || ('\u{300}'..='\u{36f}').contains(&c)
}

/// A sentence ends at byte `at` of `s`: a line break, or `.`, `!`, `?`, `;`, `…` followed by
/// a space or the end.
fn ends_sentence(s: &str, at: usize, c: char) -> bool {
    c == '\n'
        || c == '\r'
        || (matches!(c, '.' | '!' | '?' | ';' | '…')
            && s[at + c.len_utf8()..].chars().next().is_none_or(char::is_whitespace))
}

/// Where the sentence that `s` ends in starts (just after its last sentence end).
fn sentence_cut_before(s: &str) -> usize {
    s.char_indices().rfind(|&(at, c)| ends_sentence(s, at, c)).map_or(0, |(at, c)| at + c.len_utf8())
}

/// Where the sentence that `s` starts in ends (at its first sentence end).
fn sentence_cut_after(s: &str) -> usize {
    s.char_indices().find(|&(at, c)| ends_sentence(s, at, c)).map_or(s.len(), |(at, _)| at)
}

fn all_caps(s: &str) -> bool {
    let mut upper = false;
    for c in s.chars() {
        if c.is_lowercase() {
            return false;
        }
        upper |= c.is_uppercase();
    }
    upper
}

fn is_dash(t: &Tok<'_>) -> bool {
    t.kind() == TokenKind::Punctuation && matches!(t.as_str(), "-" | "–")
}

/// A token that may be an abbreviation being defined: two capitals or more, no digits.
fn abbreviation_like(t: &Tok<'_>) -> bool {
    t.kind().is_word()
        && t.as_str().chars().filter(|c| c.is_uppercase()).count() >= 2
        && !t.as_str().bytes().any(|b| b.is_ascii_digit())
}

/// The letters of an abbreviation, folded to ASCII lower case (`QP-QSĐP` → `qpqsdp`), with
/// `&` kept; `None` when it has other characters.
fn initials_of(abbreviation: &str) -> Option<Vec<char>> {
    let mut out = Vec::new();
    for c in abbreviation.chars() {
        match c {
            '-' | '/' | '.' => {}
            '&' => out.push('&'),
            c if c.is_alphabetic() => out.push(fold_lower(c)),
            _ => return None,
        }
    }
    (out.len() >= 2).then_some(out)
}

fn fold_lower(c: char) -> char {
    let folded = crate::chars::fold_char(c);
    folded.to_lowercase().next().unwrap_or(folded)
}

/// Onsets that an abbreviation may spell out (`ThS` = `thạc sĩ`).
const ONSETS: [&str; 11] = ["ngh", "ng", "nh", "ch", "tr", "th", "kh", "ph", "gh", "gi", "qu"];

/// True when `letters` are the initials of `words` (see the docs of [`Abbreviations`]).
fn initials_match<'w>(letters: &[char], words: impl Iterator<Item = &'w str>) -> bool {
    let words: Vec<String> = words.map(|w| w.chars().map(fold_lower).collect()).collect();
    if words.len() > 32 || letters.len() > 32 {
        return false;
    }
    // Memoized search over (letter, word) positions.
    let mut failed = vec![false; (letters.len() + 1) * (words.len() + 1)];
    fn go(letters: &[char], words: &[String], i: usize, j: usize, failed: &mut [bool]) -> bool {
        let slot = i * (words.len() + 1) + j;
        if failed[slot] {
            return false;
        }
        let ok = step(letters, words, i, j, failed);
        if !ok {
            failed[slot] = true;
        }
        ok
    }
    fn step(letters: &[char], words: &[String], i: usize, j: usize, failed: &mut [bool]) -> bool {
        let Some(w) = words.get(j) else { return i == letters.len() };
        // `&` reads `và`, or stands for nothing.
        if letters.get(i) == Some(&'&') {
            if w == "va" && go(letters, words, i + 1, j + 1, failed) {
                return true;
            }
            return go(letters, words, i + 1, j, failed);
        }
        if j > 0 && SKIPPABLE.contains(&w.as_str()) && go(letters, words, i, j + 1, failed) {
            return true;
        }
        let Some(&l) = letters.get(i) else { return false };
        let first = w.chars().next().unwrap_or(' ');
        if (l == first || (l == 'w' && first == 'u')) && go(letters, words, i + 1, j + 1, failed) {
            return true;
        }
        for onset in ONSETS {
            let n = onset.len();
            if w.starts_with(onset)
                && letters.len() >= i + n
                && letters[i..i + n].iter().copied().eq(onset.chars())
                && go(letters, words, i + n, j + 1, failed)
            {
                return true;
            }
        }
        false
    }
    !words.is_empty() && go(letters, &words, 0, 0, &mut failed)
}

/// The score of `cue` (one or more words) in `window`: `CUE_WINDOW + 1 - d` for its nearest
/// occurrence `d` tokens away, 0 when absent.
fn cue_score(window: &[(Cow<'_, str>, usize)], cue: &str) -> usize {
    let words: Vec<&str> = cue.split(' ').collect();
    let n = words.len();
    let nearest = (0..window.len().saturating_sub(n - 1))
        .filter(|&p| window[p..p + n].iter().zip(&words).all(|((k, _), w)| k == w))
        .map(|p| window[p..p + n].iter().map(|&(_, d)| d).min().unwrap_or(usize::MAX))
        .min();
    nearest.map_or(0, |d| (CUE_WINDOW + 1).saturating_sub(d))
}

/// One dictionary row, from a TSV file or the builder, with the file and line its errors name.
struct RowSpec<'r> {
    file: &'r str,
    line: usize,
    abbreviation: &'r str,
    expansion: &'r str,
    domain: &'r str,
    cues: &'r str,
}

impl<'r> RowSpec<'r> {
    fn read(file: &'r str, row: &tsv::Row<'r>) -> RowSpec<'r> {
        RowSpec {
            file,
            line: row.line,
            abbreviation: row.get(0),
            expansion: row.get(1),
            domain: row.get(2),
            cues: row.get(3),
        }
    }
}

/// A row given to [`AbbreviationsBuilder`].
#[derive(Clone, Debug)]
struct BuilderRow {
    file: String,
    line: usize,
    abbreviation: String,
    expansion: String,
    domain: String,
    cues: String,
}

/// Builds an [`Abbreviations`] dictionary from the built-in one plus rows of your own
/// (from [`Abbreviations::builder`]).
///
/// Rows given for an abbreviation **replace** the built-in rows of that abbreviation (compared
/// as written, after NFC): give all the meanings you want for it, most frequent first. Other
/// abbreviations keep their built-in rows. [`builtin(false)`](Self::builtin) starts from an
/// empty dictionary instead.
///
/// # Examples
///
/// ```
/// use vntext::Abbreviations;
///
/// // `HN` is `Hà Nội` in the built-in dictionary; this text means Hà Nam.
/// let abbreviations = Abbreviations::builder().row("HN", "Hà Nam").build().unwrap();
/// assert_eq!(abbreviations.expand("Họp tại HN.").as_str(), "Họp tại Hà Nam.");
/// assert_eq!(Abbreviations::builtin().expand("Họp tại HN.").as_str(), "Họp tại Hà Nội.");
/// ```
#[derive(Clone, Debug)]
pub struct AbbreviationsBuilder {
    builtin: bool,
    rows: Vec<BuilderRow>,
}

impl AbbreviationsBuilder {
    /// Whether to start from the built-in dictionary (the default) or from nothing.
    ///
    /// # Examples
    ///
    /// ```
    /// use vntext::Abbreviations;
    ///
    /// let only_mine = Abbreviations::builder().builtin(false).row("VNT", "vntext").build().unwrap();
    /// assert_eq!(only_mine.len(), 1);
    /// assert_eq!(only_mine.expand("UBND").as_str(), "UBND");
    /// ```
    pub fn builtin(&mut self, yes: bool) -> &mut Self {
        self.builtin = yes;
        self
    }

    /// Adds a row in the `common` domain, with no cue words.
    ///
    /// # Examples
    ///
    /// ```
    /// use vntext::Abbreviations;
    ///
    /// let abbreviations = Abbreviations::builder().row("HĐQT", "Hội đồng quản trị").build().unwrap();
    /// assert_eq!(abbreviations.expand("HĐQT họp").as_str(), "Hội đồng quản trị họp");
    /// ```
    pub fn row(&mut self, abbreviation: &str, expansion: &str) -> &mut Self {
        self.row_with(abbreviation, expansion, "", &[])
    }

    /// Adds a row with its domain (`""` for `common`) and cue words: words that, near the
    /// abbreviation, choose this meaning over the others.
    ///
    /// # Examples
    ///
    /// ```
    /// use vntext::Abbreviations;
    ///
    /// let abbreviations = Abbreviations::builder()
    ///     .row_with("TT", "thông tư", "law", &["ban hành", "Bộ"])
    ///     .row_with("TT", "thị trấn", "place", &["huyện"])
    ///     .build()
    ///     .unwrap();
    /// assert_eq!(abbreviations.get("TT").unwrap().expansion(), "thông tư");
    /// assert_eq!(abbreviations.candidates("TT").len(), 2);
    /// ```
    pub fn row_with(
        &mut self,
        abbreviation: &str,
        expansion: &str,
        domain: &str,
        cues: &[&str],
    ) -> &mut Self {
        let line = self.rows.len() + 1;
        self.rows.push(BuilderRow {
            file: "builder".to_owned(),
            line,
            abbreviation: abbreviation.to_owned(),
            expansion: expansion.to_owned(),
            domain: domain.to_owned(),
            cues: cues.join(","),
        });
        self
    }

    /// Adds the rows of a TSV text in the format of [`Abbreviations::from_tsv`], named `name`
    /// in errors.
    ///
    /// # Errors
    ///
    /// A malformed file: a missing or wrong header, a row with too many columns or an empty
    /// abbreviation or expansion, each with the file name and line.
    ///
    /// # Examples
    ///
    /// ```
    /// use vntext::Abbreviations;
    ///
    /// let tsv = "abbreviation\texpansion\nVNT\tvntext\n";
    /// let abbreviations = Abbreviations::builder().tsv("mine.tsv", tsv).unwrap().build().unwrap();
    /// assert_eq!(abbreviations.expand("Dùng VNT.").as_str(), "Dùng vntext.");
    /// let err = Abbreviations::builder().tsv("bad.tsv", "abbreviation\nVNT\n").unwrap_err();
    /// assert!(err.to_string().starts_with("bad.tsv:1:"));
    /// ```
    pub fn tsv(&mut self, name: &str, src: &str) -> Result<&mut Self> {
        for row in tsv::parse(name, src, &HEADER, 2)? {
            self.rows.push(BuilderRow {
                file: name.to_owned(),
                line: row.line,
                abbreviation: row.get(0).to_owned(),
                expansion: row.get(1).to_owned(),
                domain: row.get(2).to_owned(),
                cues: row.get(3).to_owned(),
            });
        }
        Ok(self)
    }

    /// The dictionary.
    ///
    /// # Errors
    ///
    /// The checks of [`Abbreviations::from_tsv`] on every row: an abbreviation that is not one
    /// token, an empty field, a duplicate (abbreviation, expansion) pair; the error names the
    /// file (`builder` for rows given with [`row`](Self::row)) and the line (the row's number).
    ///
    /// # Examples
    ///
    /// ```
    /// use vntext::Abbreviations;
    ///
    /// let err = Abbreviations::builder().row("A B", "hai từ").build().unwrap_err();
    /// assert_eq!(err.to_string(), "builder:1: abbreviation `A B` contains a space");
    /// ```
    pub fn build(&self) -> Result<Abbreviations> {
        let mine: std::collections::HashSet<String> =
            self.rows.iter().map(|r| normalize::normalize(r.abbreviation.trim()).into_owned()).collect();
        let builtin =
            if self.builtin { tsv::parse(BUILTIN_NAME, BUILTIN_TSV, &HEADER, 2)? } else { Vec::new() };
        let kept = builtin
            .iter()
            .filter(|row| !mine.contains(normalize::normalize(row.get(0).trim()).as_ref()))
            .map(|row| RowSpec::read(BUILTIN_NAME, row));
        let added = self.rows.iter().map(|r| RowSpec {
            file: &r.file,
            line: r.line,
            abbreviation: &r.abbreviation,
            expansion: &r.expansion,
            domain: &r.domain,
            cues: &r.cues,
        });
        Abbreviations::from_rows(kept.chain(added))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use unicode_normalization::UnicodeNormalization;

    fn letters(s: &str) -> Vec<char> {
        initials_of(s).unwrap()
    }

    #[test]
    fn initials() {
        assert!(initials_match(&letters("UBND"), "Ủy ban nhân dân".split(' ')));
        assert!(initials_match(&letters("QP-QSĐP"), "quốc phòng quân sự địa phương".split(' ')));
        assert!(initials_match(&letters("ThS"), "thạc sĩ".split(' ')));
        assert!(initials_match(&letters("TW"), "Trung ương".split(' ')));
        assert!(initials_match(&letters("GD&ĐT"), "Giáo dục và Đào tạo".split(' ')));
        assert!(initials_match(&letters("BGDĐT"), "Bộ Giáo dục và Đào tạo".split(' ')));
        assert!(initials_match(&letters("ƯBKT"), "ưu bình khá tốt".split(' ')));
        assert!(!initials_match(&letters("UBND"), "Ủy ban nhân".split(' ')));
        assert!(!initials_match(&letters("UBND"), "và Ủy ban nhân dân".split(' ')));
        assert!(!initials_match(&letters("QP"), "quốc phòng an ninh".split(' ')));
    }

    #[test]
    fn cue_scores_favour_near_whole_words() {
        let window: Vec<(Cow<'_, str>, usize)> = ["công", "ty", "", "x", "nhà", "đầu", "tư", "tyx"]
            .iter()
            .enumerate()
            .map(|(p, w)| (Cow::Borrowed(*w), p.abs_diff(2)))
            .collect();
        assert_eq!(cue_score(&window, "công ty"), CUE_WINDOW);
        assert_eq!(cue_score(&window, "nhà đầu tư"), CUE_WINDOW - 1);
        assert_eq!(cue_score(&window, "ty x"), 0);
        assert_eq!(cue_score(&window, "tyx"), CUE_WINDOW + 1 - 5);
        assert_eq!(cue_score(&window, "cổ phần"), 0);
    }

    #[test]
    fn is_alphabetic_fast_path_is_exact() {
        for c in '\0'..=char::MAX {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
        }
    }

    /// The prefilter's byte test for look-alikes of `Đ` says what the normalizer's table says,
    /// for every two-byte character, and its capital flag is the character's case.
    #[test]
    fn d_lookalike_bytes_match_the_table() {
        for c in '\u{80}'..=char::MAX {
            let mut buf = [0; 4];
            let b = c.encode_utf8(&mut buf).as_bytes();
            let table = crate::normalize::lookalike(c) != c;
            assert_eq!(b.len() == 2 && is_d_lookalike(b[0], b[1]), table, "{c:?}");
            if table {
                assert_eq!((b[0] == 0xC3 && b[1] == 0x90) || b[0] == 0xC6, c.is_uppercase(), "{c:?}");
            }
        }
    }

    /// The prefilter's byte classes are the general properties of every character.
    #[test]
    fn classes_are_the_general_properties_of_every_character() {
        let classes = Classes::get();
        for c in '\0'..=char::MAX {
            let text = format!("{c}\u{0}");
            assert_eq!(classes.at(&text, 0), (class_of(c), c.len_utf8()), "{c:?}");
        }
        assert_eq!(class_of('Đ'), LETTER | UPPER);
        assert_eq!(class_of('Ð'), LETTER | UPPER | CANDIDATE);
        assert_eq!(class_of('\u{301}'), CANDIDATE);
        assert_eq!(class_of('\u{A3E}'), LETTER | CANDIDATE);
        assert_eq!(class_of('\n'), SPACE);
        assert_eq!(class_of('/'), AFTER_CAPITAL);
    }

    /// The prefilter skips a chunk whose only key runs are syllables (`nhà`, `Nhà`) when no
    /// number is near, as the exact test does: that holds when a lower-case syllable is still
    /// a syllable with its first letter capitalised, for the key runs and the words of text.
    #[test]
    fn a_capitalised_syllable_is_a_syllable() {
        let dict = Abbreviations::builtin();
        let sample = include_str!("../../benches/texts/sample.txt");
        let words = sample.split(|c: char| !c.is_alphabetic()).map(str::to_lowercase);
        let mut syllables = 0;
        for run in dict.runs.set.iter().map(|r| r.to_string()).chain(words) {
            if is_syllable(&run) {
                let mut chars = run.chars();
                let first = chars.next().unwrap();
                let title: String = first.to_uppercase().chain(chars).collect();
                assert!(is_syllable(&title), "{run:?} {title:?}");
                syllables += 1;
            }
        }
        assert!(syllables > 250, "{syllables}");
    }

    /// The byte-class prefilter finds the chunks that the same rules over decoded characters
    /// find.
    fn same_candidates_as_the_reference(text: &str) {
        let dict = Abbreviations::builtin();
        let learned = RunSet::default();
        let mut chunks = Chunks::new(text);
        let mut fast = Vec::new();
        while let Some(span) = chunks.next_candidate(dict, &learned, usize::MAX) {
            fast.push(span);
        }
        assert_eq!(fast, reference_candidates(dict, &learned, text), "{text:?}");
    }

    #[test]
    fn the_prefilter_is_its_reference() {
        for text in [
            include_str!("../../benches/texts/sample.txt"),
            "UBND, Ubnd, ubnd; 15 km, 10km, 2 ha; TP. Hồ Chí Minh, Q. 1; v.v. k/g. Ðs ðs ĐS. iPhone",
            "hoàაa!ਾGđ 15\u{A0} ha 5\u{A0} \u{A0} ha F5 Ĺĺ ĹĹ ǅa \u{1E9E}x Ⅻ. 🄰🄱",
        ] {
            same_candidates_as_the_reference(text);
        }
    }

    /// The candidate prefilter skips only text that a full scan finds nothing in.
    #[test]
    fn the_prefilter_changes_nothing() {
        let texts: Vec<String> = vec![
            include_str!("../../benches/texts/sample.txt").to_owned(),
            "UBND, Ubnd, ubnd; 15 km, 10km, 2 ha; TP. Hồ Chí Minh, Q. 1; v.v. Sau đó k/g ông. CA SĨ. \
             Tp.HCM, tp, Ths A, ĐH, đ/c B. khu vực phòng thủ then chốt (KVPTTC) rồi kvpttc và KVPTTC. \
             NSU\u{31B}T A; \"QP\" là; (UBND) (Ủy ban nhân dân) UBND (Ủy ban nhân dân)."
                .to_owned(),
            // Look-alikes of Đ (found by the NFD property test: `Ðs+hoà`).
            "Ðs+hoà, Ðs hoa, ðs, Ɖs, ɖs, ĐS.".to_owned(),
            // A mark the tokenizer joins to the `!` before it (found by the NFD property test
            // of tests/it/invariants.rs), a number before no-break spaces and a chunk of them
            // only, a sentence end before a chunk without a token or with opening quotes and
            // brackets only (found by the property test below).
            "hoàაa!ਾGđ +/᎕)2469,17ngườiᆩ{&ਾGđ a!ਾGđ".to_owned(),
            "Diện tích 15\u{A0} ha, 5\u{A0} \u{A0} ha. Xong? \u{3000} BH tỉnh. Rồi?\t\u{3000} \u{200B}BH"
                .to_owned(),
            "…\u{200B}\t“\tNNTƯ. Xong. “ ( UBND".to_owned(),
        ];
        prefilter_changes_nothing(&texts);
    }

    /// The same on real text.
    #[test]
    #[ignore = "needs ../shared"]
    fn the_prefilter_changes_nothing_on_shared_text() {
        let texts: Vec<String> =
            ["seed/article.txt", "data/news-sample/demo-full.txt", "data/laws/corpus/hien-phap.txt"]
                .iter()
                .map(|path| {
                    let full = format!("{}/../shared/{path}", env!("CARGO_MANIFEST_DIR"));
                    std::fs::read_to_string(&full)
                        .unwrap_or_else(|e| panic!("{full}: {e} (this test needs ../shared)"))
                })
                .collect();
        prefilter_changes_nothing(&texts);
    }

    fn prefilter_changes_nothing(texts: &[String]) {
        let dict = Abbreviations::builtin();
        for text in texts {
            let fast = dict.expand_with(text, true);
            let full = dict.expand_with(text, false);
            assert_eq!(fast.matches().len(), full.matches().len());
            for (a, b) in fast.matches().iter().zip(full.matches()) {
                assert_eq!(a, b);
            }
            assert_eq!(fast.as_str(), full.as_str());
        }
    }

    /// Text made of the dictionary's forms, numbers, spaces of several kinds, punctuation,
    /// combining marks of several scripts and letters of other scripts, composed or not.
    fn abbreviation_like() -> impl Strategy<Value = String> {
        let dict = Abbreviations::builtin();
        let mut forms: Vec<String> = dict.entries().iter().map(|e| e.abbreviation().to_owned()).collect();
        forms.sort();
        forms.dedup();
        let piece = prop_oneof![
            4 => prop::sample::select(forms),
            2 => prop::sample::select(vec![
                "hoà", "người", "Đắk", "Nông", "ha", "Hà", "đất", "và", "Bộ", "Ðs", "(", ")", "ĐT",
                "Dân quân tự vệ", "(DQTV)", "DQTV", "%", "١٥", "中", "ა", "Ω", "ᆩ", "᎕",
            ]).prop_map(str::to_owned),
            2 => "[0-9]{1,4}([./,:-][0-9]{1,3}){0,2}",
            2 => "[ \n\t\u{A0}\u{200B}\u{2009}\u{3000}]{1,3}",
            2 => "[.,;:!?\"'()…“”/&+-]{1,3}",
            1 => prop::sample::select(vec![
                "\u{300}", "\u{301}", "\u{302}", "\u{323}", "\u{31B}", "\u{345}", "\u{A3E}",
                "\u{93F}", "\u{94D}", "\u{E31}", "\u{5B0}", "\u{64B}", "\u{20DD}", "\u{DDA}",
                "\u{1AB0}", "\u{FE20}",
            ]).prop_map(str::to_owned),
            1 => "[a-zA-ZăâêôơưđĐ]{1,4}",
            1 => any::<String>().prop_map(|s| s.chars().take(3).collect()),
        ];
        (prop::collection::vec(piece, 0..16), any::<bool>())
            .prop_map(|(v, nfd)| if nfd { v.concat().nfd().collect() } else { v.concat() })
    }

    proptest! {
        #![proptest_config(ProptestConfig {
            cases: std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(500),
            ..ProptestConfig::default()
        })]

        /// The candidate prefilter skips only text that a full scan finds nothing in, on
        /// generated text.
        #[test]
        fn the_prefilter_changes_nothing_on_generated_text(text in abbreviation_like()) {
            prefilter_changes_nothing(&[text]);
        }

        /// The byte-class prefilter is the same rules over decoded characters, on generated
        /// text.
        #[test]
        fn the_prefilter_is_its_reference_on_generated_text(text in abbreviation_like()) {
            same_candidates_as_the_reference(&text);
        }
    }

    #[test]
    fn simple_keys_agree_with_the_comparison_key() {
        let mut buf = String::new();
        for s in ["UBND", "QP-QSĐP", "v.v.", "NĐ-CP", "ƯCV", "k/g", "TP.HCM", "GD&ĐT", "Ubnd"] {
            assert!(simple_key(s, &mut buf), "{s}");
            assert_eq!(buf, normalize::key(s), "{s}");
        }
        assert!(!simple_key("ĐỒNG", &mut buf));
    }
}
