//! The dictionary: its rows ([`Entry`]), loading them from TSV and the builder, the
//! comparison key of a token and the case policy ([`Shape`]).

use std::collections::HashMap;

use super::Abbreviations;
use super::prefilter::RunSet;
use crate::error::{Error, Result};
use crate::hash::FxMap;
use crate::normalize;
use crate::syllable::is_syllable;
use crate::token::tokenize;
use crate::tsv;

pub(super) static BUILTIN_TSV: &str = include_str!("../../data/abbreviations.tsv");
pub(super) const BUILTIN_NAME: &str = "data/abbreviations.tsv";
pub(super) const HEADER: [&str; 4] = ["abbreviation", "expansion", "domain", "cues"];
const UNIT_DOMAIN: &str = "unit";
const DEFAULT_DOMAIN: &str = "common";

/// One dictionary row: an abbreviation and one of its expansions.
///
/// Rows come from the dictionary ([`Abbreviations::entries`], [`Abbreviations::get`],
/// [`Abbreviations::candidates`]) and with the whole-token matches of a text
/// ([`Match::entry`](crate::Match::entry)), so a program can show where an expansion came from.
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
    pub(super) abbreviation: Box<str>,
    pub(super) expansion: Box<str>,
    domain: Box<str>,
    pub(super) domain_id: u16,
    /// Comparison keys of the cue words.
    pub(super) cues: Box<[Box<str>]>,
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
    /// of the document's other abbreviations belong to ([`Decision::Domain`](crate::Decision::Domain)).
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
    /// them within [`CUE_WINDOW`](crate::CUE_WINDOW) words of the abbreviation chooses this row.
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

    pub(super) fn is_unit(&self) -> bool {
        &*self.domain == UNIT_DOMAIN
    }
}

impl Abbreviations {
    pub(super) fn from_rows<'r>(rows: impl Iterator<Item = RowSpec<'r>>) -> Result<Abbreviations> {
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
pub(super) struct Shape {
    all_caps: bool,
    /// Starts with a capital (`Tp`, `Ubnd`).
    title: bool,
    letters: usize,
    syllable: bool,
    caps_run: bool,
}

impl Shape {
    pub(super) fn of(surface: &str, syllable: bool, caps_run: bool) -> Shape {
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
    pub(super) fn accepts(&self, surface: &str, e: &Entry) -> bool {
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
pub(super) fn same_case(a: &str, b: &str) -> bool {
    a == b || {
        let case_a = a.chars().filter(|c| c.is_alphabetic()).map(char::is_uppercase);
        let case_b = b.chars().filter(|c| c.is_alphabetic()).map(char::is_uppercase);
        case_a.eq(case_b)
    }
}

/// Writes the comparison key of `surface` into `buf`, without allocating for the usual
/// abbreviations.
pub(super) fn fill_key(surface: &str, buf: &mut String) {
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

/// One dictionary row, from a TSV file or the builder, with the file and line its errors name.
pub(super) struct RowSpec<'r> {
    file: &'r str,
    line: usize,
    abbreviation: &'r str,
    expansion: &'r str,
    domain: &'r str,
    cues: &'r str,
}

impl<'r> RowSpec<'r> {
    pub(super) fn read(file: &'r str, row: &tsv::Row<'r>) -> RowSpec<'r> {
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
pub(super) struct BuilderRow {
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
    pub(super) builtin: bool,
    pub(super) rows: Vec<BuilderRow>,
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
