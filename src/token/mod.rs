//! Syllable tokenization: tokens with a kind and a byte span into the caller's text.
//!
//! ```
//! use vntext::TokenKind::*;
//!
//! let text = "Ngày 08/12/2022, UBND TP.HCM họp lúc 16:53 về QP-QSĐP.";
//! let tokens: Vec<_> = vntext::tokenize(text).map(|t| (t.kind(), t.as_str())).collect();
//! assert_eq!(tokens, [
//!     (Syllable, "Ngày"), (Date, "08/12/2022"), (Punctuation, ","), (Abbreviation, "UBND"),
//!     (Abbreviation, "TP.HCM"), (Syllable, "họp"), (Syllable, "lúc"), (Time, "16:53"),
//!     (Syllable, "về"), (Abbreviation, "QP-QSĐP"), (Punctuation, "."),
//! ]);
//! ```
//!
//! The scanner works on bytes with a table for ASCII and reads Vietnamese letters by their
//! UTF-8 lead bytes; it allocates nothing per token. NFD input gives the same tokens (same
//! kinds, spans on the NFD text) as its NFC form.

use core::iter::FusedIterator;
use core::marker::PhantomData;

use crate::chars::{self, ASCII_LETTER_CODE, Letter, Tone};
use crate::span::Span;
use crate::syllable::{self, SyllableSet};

/// What a token is.
///
/// Every [`Token`] has one kind; the tokenizer decides it from the token's characters and its
/// neighbours (a date is day first, a phone number has Vietnamese prefixes and lengths). Match
/// on it to keep what a task needs: the words for a dictionary, numbers and dates for
/// extraction, everything but punctuation and symbols for counting. The enum is
/// `#[non_exhaustive]`: new kinds may come, so a `match` needs a `_` arm.
///
/// ```
/// use vntext::TokenKind;
///
/// let text = "Giá 1.234,5 đồng, tăng 12,5% so với 2020-2025; gọi 0912345678 :))";
/// let kinds: Vec<(TokenKind, &str)> =
///     vntext::tokenize(text).map(|t| (t.kind(), t.as_str())).collect();
/// assert_eq!(kinds, [
///     (TokenKind::Syllable, "Giá"),
///     (TokenKind::Number, "1.234,5"),
///     (TokenKind::Syllable, "đồng"),
///     (TokenKind::Punctuation, ","),
///     (TokenKind::Syllable, "tăng"),
///     (TokenKind::Percent, "12,5%"),
///     (TokenKind::Syllable, "so"),
///     (TokenKind::Syllable, "với"),
///     (TokenKind::Range, "2020-2025"),
///     (TokenKind::Punctuation, ";"),
///     (TokenKind::Syllable, "gọi"),
///     (TokenKind::Phone, "0912345678"),
///     (TokenKind::Symbol, ":))"),
/// ]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum TokenKind {
    /// A Vietnamese syllable (`Nông`, `nghiêng`, `H'Mông`).
    Syllable,
    /// A word that is not a Vietnamese syllable (`Facebook`, `online`, `Mát-xcơ-va`).
    Foreign,
    /// An acronym or abbreviation (`UBND`, `TP.HCM`, `QP-QSĐP`, `ThS`, `v.v.`, `QK5`,
    /// `M&A`), or a model name (`Su-30MK2`, `Mi-17`, `F-16`).
    Abbreviation,
    /// A number: `2023`, `1.234,5`, `2,029`.
    Number,
    /// A percentage: `12,5%`.
    Percent,
    /// A range of numbers: `2020-2025`, `5-10`.
    Range,
    /// A date, day first: `08/12/2022`, `8/12`, `08-12-2022`, `06-02-99`, `12/2022`,
    /// `2022-12-08`.
    Date,
    /// A time of day: `16:53`, `7h30`, `7h`.
    Time,
    /// A telephone number: `0912345678`, `0912.345.678`, `0912 345 678`, `+84912345678`.
    Phone,
    /// A vehicle registration plate: `49X-6666`, `51F-123.45`, `53S5-3720`, also with spaces
    /// around the dash (`53S5 - 3720`).
    Plate,
    /// The number and symbol of a legal or administrative document: `15/2020/NĐ-CP`,
    /// `24-NQ/TW`, `1234/QĐ-UBND`, `45/CT-TTg`, `59/2020/QH14`.
    DocumentNumber,
    /// A web address: `https://example.vn/a`, `ftp://…` and any other `scheme://…`,
    /// `www.example.vn`, `baodaknong.vn`.
    Url,
    /// An e-mail address.
    Email,
    /// Punctuation: `. , ; : ! ? " ( ) … – «`; `...` is one token. Modifier letters written
    /// as quotation marks (`ʺ` U+02BA, `ˮ`, `ʻ`, `ʽ`) are punctuation too.
    Punctuation,
    /// Any other character: `+ = $ % © ₫`, emoji; an emoticon or an arrow written in
    /// ASCII is one symbol: `:))`, `=))`, `:-(`, `:v`, `<3`, `^_^`, `-_-`, `==>`, `->`, `<=>`.
    Symbol,
    /// Whitespace (only with [`TokenizerBuilder::keep_whitespace`]); also invisible and
    /// control characters.
    Whitespace,
    /// A number with a unit letter written against it: `5G`, `4K`, `3D`, `1080P`, `220V`,
    /// `100W`, `10X`. Only capitals that name a unit or a generation count (`G K D P V W
    /// X`, `D` after one digit); `12A` (a class, a house number) stays a number and an
    /// abbreviation, and so do lower-case units (`10km`, `500g`), which the abbreviation
    /// expander reads. Last in the list so that the other kinds keep their values.
    Quantity,
}

impl TokenKind {
    /// The kind's name in lower case (`"syllable"`, `"date"`...), as the CLI prints it
    /// and as `serde` writes it; `Display` writes the same.
    ///
    /// ```
    /// use vntext::TokenKind;
    ///
    /// assert_eq!(TokenKind::DocumentNumber.as_str(), "document_number");
    /// let date = vntext::tokenize("ngày 08/12/2022").nth(1).unwrap();
    /// assert_eq!(date.kind().as_str(), "date");
    /// assert_eq!(date.kind().to_string(), "date");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            TokenKind::Syllable => "syllable",
            TokenKind::Foreign => "foreign",
            TokenKind::Abbreviation => "abbreviation",
            TokenKind::Number => "number",
            TokenKind::Percent => "percent",
            TokenKind::Range => "range",
            TokenKind::Date => "date",
            TokenKind::Time => "time",
            TokenKind::Phone => "phone",
            TokenKind::Plate => "plate",
            TokenKind::DocumentNumber => "document_number",
            TokenKind::Url => "url",
            TokenKind::Email => "email",
            TokenKind::Punctuation => "punctuation",
            TokenKind::Symbol => "symbol",
            TokenKind::Whitespace => "whitespace",
            TokenKind::Quantity => "quantity",
        }
    }

    /// True for the kinds that are written with letters: syllables, foreign words and
    /// abbreviations.
    ///
    /// Use it to keep the words of a text and drop numbers, dates, punctuation and the like:
    ///
    /// ```
    /// let text = "UBND tỉnh họp online ngày 8/12, lúc 7h30.";
    /// let words: Vec<&str> = vntext::tokenize(text)
    ///     .filter(|t| t.kind().is_word())
    ///     .map(|t| t.as_str())
    ///     .collect();
    /// assert_eq!(words, ["UBND", "tỉnh", "họp", "online", "ngày", "lúc"]);
    /// ```
    #[inline]
    pub const fn is_word(self) -> bool {
        matches!(self, TokenKind::Syllable | TokenKind::Foreign | TokenKind::Abbreviation)
    }
}

impl core::fmt::Display for TokenKind {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A token: a slice of the caller's text with its kind.
///
/// Tokens borrow the text (`'h` is the lifetime of the haystack) and are `Copy`: the
/// tokenizer allocates nothing for them. The text of a token is always
/// `&text[token.span().range()]`.
///
/// ```
/// use vntext::{Span, TokenKind};
///
/// let text = "Quyết định 1234/QĐ-UBND";
/// let token = vntext::tokenize(text).last().unwrap();
/// assert_eq!(token.kind(), TokenKind::DocumentNumber);
/// assert_eq!(token.as_str(), "1234/QĐ-UBND");
/// assert_eq!(token.span(), Span::new(16, 29));
/// assert_eq!(&text[token.span().range()], token.as_str());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Token<'h> {
    text: &'h str,
    span: Span,
    kind: TokenKind,
}

impl<'h> Token<'h> {
    /// The token's text, borrowed from the input (`&input[token.span().range()]`).
    ///
    /// The slice lives as long as the input, not as long as the token or the iterator:
    ///
    /// ```
    /// let text = String::from("Thành phố Hồ Chí Minh");
    /// let syllables: Vec<&str> = vntext::tokenize(&text).map(|t| t.as_str()).collect();
    /// assert_eq!(syllables, ["Thành", "phố", "Hồ", "Chí", "Minh"]);
    /// ```
    #[inline]
    pub fn as_str(&self) -> &'h str {
        self.text
    }

    /// Where the token is in the input, in bytes.
    ///
    /// Byte offsets, as Rust slices `str`: a Vietnamese letter with marks takes two or three
    /// bytes, so spans are not character counts.
    ///
    /// ```
    /// use vntext::Span;
    ///
    /// let text = "Đắk Nông";
    /// let spans: Vec<Span> = vntext::tokenize(text).map(|t| t.span()).collect();
    /// assert_eq!(spans, [Span::new(0, 6), Span::new(7, 12)]);
    /// assert_eq!(text[..6].chars().count(), 3);
    /// ```
    #[inline]
    pub fn span(&self) -> Span {
        self.span
    }

    /// What the token is.
    ///
    /// ```
    /// use vntext::TokenKind;
    ///
    /// let kinds: Vec<TokenKind> = vntext::tokenize("Xe 49X-6666 lúc 16:53").map(|t| t.kind()).collect();
    /// assert_eq!(kinds, [TokenKind::Syllable, TokenKind::Plate, TokenKind::Syllable, TokenKind::Time]);
    /// ```
    #[inline]
    pub fn kind(&self) -> TokenKind {
        self.kind
    }
}

/// Splits Vietnamese text into tokens.
///
/// Immutable, `Send + Sync`, cheap to build; use [`tokenize`] for the default one, and a
/// `Tokenizer` from [`Tokenizer::builder`] when you want other settings (today: whether
/// whitespace is a token). The tokens are the ones every other stage reads (sentences,
/// abbreviations, words and entities), so their spans agree.
///
/// ```
/// use vntext::{TokenKind, Tokenizer};
///
/// let tokenizer = Tokenizer::builder().keep_whitespace(true).build();
/// let text = "TP.HCM  mưa";
/// let tokens: Vec<(TokenKind, &str)> =
///     tokenizer.tokenize(text).map(|t| (t.kind(), t.as_str())).collect();
/// assert_eq!(tokens, [
///     (TokenKind::Abbreviation, "TP.HCM"),
///     (TokenKind::Whitespace, "  "),
///     (TokenKind::Syllable, "mưa"),
/// ]);
/// // With whitespace kept, the tokens cover the text exactly.
/// assert_eq!(tokens.iter().map(|(_, s)| *s).collect::<String>(), text);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tokenizer {
    keep_whitespace: bool,
}

/// Configures a [`Tokenizer`]; from [`Tokenizer::builder`].
///
/// ```
/// use vntext::Tokenizer;
///
/// let mut builder = Tokenizer::builder();
/// builder.keep_whitespace(true);
/// let tokenizer = builder.build();
/// assert_eq!(tokenizer.tokenize("a b").count(), 3);
/// assert_eq!(Tokenizer::builder().build(), Tokenizer::new());
/// ```
#[derive(Clone, Debug, Default)]
pub struct TokenizerBuilder {
    keep_whitespace: bool,
}

impl TokenizerBuilder {
    /// Also yield runs of whitespace as [`TokenKind::Whitespace`] tokens, so that the
    /// tokens cover the input exactly (default off).
    ///
    /// Use it to rebuild or rewrite a text token by token without losing its spacing and
    /// line breaks. Invisible and control characters are whitespace tokens with it, and are
    /// skipped without it.
    ///
    /// ```
    /// use vntext::{TokenKind, Tokenizer};
    ///
    /// let text = "Hà Nội\n\tmưa";
    /// let kept = Tokenizer::builder().keep_whitespace(true).build();
    /// let spaces: Vec<&str> = kept
    ///     .tokenize(text)
    ///     .filter(|t| t.kind() == TokenKind::Whitespace)
    ///     .map(|t| t.as_str())
    ///     .collect();
    /// assert_eq!(spaces, [" ", "\n\t"]);
    /// assert_eq!(Tokenizer::new().tokenize(text).count(), 3);
    /// ```
    pub fn keep_whitespace(&mut self, yes: bool) -> &mut Self {
        self.keep_whitespace = yes;
        self
    }

    /// The tokenizer with these settings. The builder can build again.
    ///
    /// ```
    /// use vntext::Tokenizer;
    ///
    /// let mut builder = Tokenizer::builder();
    /// let plain = builder.build();
    /// let spaced = builder.keep_whitespace(true).build();
    /// assert_eq!(plain.tokenize("Đắk Nông").count(), 2);
    /// assert_eq!(spaced.tokenize("Đắk Nông").count(), 3);
    /// ```
    pub fn build(&self) -> Tokenizer {
        Tokenizer { keep_whitespace: self.keep_whitespace }
    }
}

impl Tokenizer {
    /// The default tokenizer: whitespace is skipped. It is a `const fn`, so a tokenizer can
    /// be a `static`.
    ///
    /// ```
    /// use vntext::Tokenizer;
    ///
    /// static TOKENIZER: Tokenizer = Tokenizer::new();
    /// assert_eq!(TOKENIZER.tokenize(" Sơn  La ").count(), 2);
    /// ```
    pub const fn new() -> Tokenizer {
        Tokenizer { keep_whitespace: false }
    }

    /// A builder, with the defaults of [`Tokenizer::new`].
    ///
    /// ```
    /// use vntext::Tokenizer;
    ///
    /// let tokenizer = Tokenizer::builder().keep_whitespace(true).build();
    /// let last = tokenizer.tokenize("Hết.\n").last().unwrap();
    /// assert_eq!(last.as_str(), "\n");
    /// ```
    pub fn builder() -> TokenizerBuilder {
        TokenizerBuilder::default()
    }

    /// The tokens of `text`, in order: an iterator that scans as it goes, so a long text
    /// costs no memory up front and `take`, `find` or `nth` stop the scan early.
    ///
    /// Any `&str` is accepted; the spans are on `char` boundaries of `text` and increase.
    ///
    /// ```
    /// use vntext::{TokenKind, Tokenizer};
    ///
    /// let tokenizer = Tokenizer::new();
    /// let text = "Liên hệ: ubnd@daknong.gov.vn, www.daknong.gov.vn";
    /// let found: Vec<(TokenKind, &str)> = tokenizer
    ///     .tokenize(text)
    ///     .filter(|t| matches!(t.kind(), TokenKind::Email | TokenKind::Url))
    ///     .map(|t| (t.kind(), t.as_str()))
    ///     .collect();
    /// assert_eq!(found, [
    ///     (TokenKind::Email, "ubnd@daknong.gov.vn"),
    ///     (TokenKind::Url, "www.daknong.gov.vn"),
    /// ]);
    /// ```
    pub fn tokenize<'t, 'h>(&'t self, text: &'h str) -> Tokens<'t, 'h> {
        Tokens {
            tokenizer: PhantomData,
            keep_whitespace: self.keep_whitespace,
            syllables: SyllableSet::get(),
            text,
            pos: 0,
            no_address_before: 0,
        }
    }
}

static DEFAULT: Tokenizer = Tokenizer::new();

/// Tokenizes with the default [`Tokenizer`] (whitespace skipped): the quickest way to the
/// tokens of a text.
///
/// See [`TokenKind`] for what the tokens can be and [`Token`] for what each holds.
///
/// ```
/// use vntext::TokenKind;
///
/// let text = "Theo Nghị định 15/2020/NĐ-CP, ThS. Lê Văn Tám (QK5) nhận 5G.";
/// let not_syllables: Vec<(TokenKind, &str)> = vntext::tokenize(text)
///     .filter(|t| t.kind() != TokenKind::Syllable)
///     .map(|t| (t.kind(), t.as_str()))
///     .collect();
/// assert_eq!(not_syllables, [
///     (TokenKind::DocumentNumber, "15/2020/NĐ-CP"),
///     (TokenKind::Punctuation, ","),
///     (TokenKind::Abbreviation, "ThS"),
///     (TokenKind::Punctuation, "."),
///     (TokenKind::Punctuation, "("),
///     (TokenKind::Abbreviation, "QK5"),
///     (TokenKind::Punctuation, ")"),
///     (TokenKind::Quantity, "5G"),
///     (TokenKind::Punctuation, "."),
/// ]);
/// ```
pub fn tokenize(text: &str) -> Tokens<'static, '_> {
    DEFAULT.tokenize(text)
}

/// The iterator returned by [`Tokenizer::tokenize`] and [`tokenize`].
///
/// It is lazy and `Clone` (a clone goes on from the same place), and it is fused: after the
/// first `None` it keeps returning `None`.
///
/// ```
/// let mut tokens = vntext::tokenize("Bộ Quốc phòng");
/// assert_eq!(tokens.next().map(|t| t.as_str()), Some("Bộ"));
/// let rest = tokens.clone();
/// assert_eq!(tokens.count(), 2);
/// assert_eq!(rest.map(|t| t.as_str()).collect::<Vec<_>>(), ["Quốc", "phòng"]);
/// ```
#[derive(Clone, Debug)]
pub struct Tokens<'t, 'h> {
    /// Tokens borrow their tokenizer, so that settings that own data can come later.
    tokenizer: PhantomData<&'t Tokenizer>,
    keep_whitespace: bool,
    syllables: &'static SyllableSet,
    text: &'h str,
    pos: usize,
    /// A scan for an e-mail or domain that failed stopped here; any start before it fails
    /// the same way, which keeps the scanner linear on long runs without spaces.
    no_address_before: usize,
}

impl<'h> Iterator for Tokens<'_, 'h> {
    type Item = Token<'h>;

    #[inline]
    fn next(&mut self) -> Option<Token<'h>> {
        let bytes = self.text.as_bytes();
        loop {
            let mut start = self.pos;
            if !self.keep_whitespace {
                // The common separator, skipped without a round through `scan`.
                while bytes.get(start) == Some(&b' ') {
                    start += 1;
                }
            }
            let Some(&first) = bytes.get(start) else {
                self.pos = start;
                return None;
            };
            // Words first: most tokens start with an ASCII letter or a precomposed Vietnamese
            // one (`đ`, `ư`, `ở`), and this branch predicts better than the class table's jump.
            let word = ASCII_LETTER_CODE[usize::from(first)] != 0
                || (first >= 0x80 && chars::utf8_letter(bytes, start).is_some());
            let (end, kind) = if word { self.word(start) } else { self.scan(start) };
            debug_assert!(end > start && self.text.is_char_boundary(end));
            self.pos = end;
            if kind == TokenKind::Whitespace && !self.keep_whitespace {
                continue;
            }
            return Some(Token { text: &self.text[start..end], span: Span::new(start, end), kind });
        }
    }
}

impl FusedIterator for Tokens<'_, '_> {}

// ASCII byte classes.
const SP: u8 = 0;
const LE: u8 = 1;
const DI: u8 = 2;
const PU: u8 = 3;
const SY: u8 = 4;
/// Punctuation (`:` `;` `-`) or a symbol (`=` `<` `^` `>`) that may start an emoticon or an
/// arrow: classes of their own, so that other punctuation pays nothing for them.
const EP: u8 = 5;
const ES: u8 = 6;

static ASCII_CLASS: [u8; 128] = {
    let mut t = [SY; 128];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        t[i] = if b.is_ascii_alphabetic() {
            LE
        } else if b.is_ascii_digit() {
            DI
        } else if b.is_ascii_whitespace() || b.is_ascii_control() {
            SP
        } else if matches!(
            b,
            b'!' | b'"'
                | b'\''
                | b'('
                | b')'
                | b','
                | b'-'
                | b'.'
                | b'/'
                | b':'
                | b';'
                | b'?'
                | b'['
                | b']'
                | b'{'
                | b'}'
        ) {
            if matches!(b, b':' | b';' | b'-') { EP } else { PU }
        } else if matches!(b, b'=' | b'<' | b'^' | b'>') {
            ES
        } else {
            SY
        };
        i += 1;
    }
    t
};

/// A byte that lets an e-mail address or a domain go on after a `.`, `_`, `-`, `+` or `%`
/// that follows a first run of letters or digits: a letter, a digit, another of those or `@`.
/// After any other byte, [`Tokens::address`] finds nothing there: its local part stops before
/// it without an `@`, and its domain has one label.
fn address_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-' | b'+' | b'%' | b'@')
}

fn is_ascii_letter(b: u8) -> bool {
    b.is_ascii_alphabetic()
}

/// Length of the letter (or combining mark) at `i`, or 0. Vietnamese letters are read by
/// their UTF-8 lead bytes without decoding.
fn letter_len(bytes: &[u8], text: &str, i: usize) -> usize {
    let Some(&b) = bytes.get(i) else { return 0 };
    if b < 0x80 {
        return usize::from(is_ascii_letter(b));
    }
    // U+00C0..U+01BF: Latin-1 letters and Latin Extended-A/B (Vietnamese đ ă ơ ư), except
    // × and ÷.
    if (0xC3..=0xC6).contains(&b) {
        if let Some(&b2) = bytes.get(i + 1) {
            if !(b == 0xC3 && (b2 == 0x97 || b2 == 0xB7)) {
                return 2;
            }
        }
    }
    // U+1EA0..U+1EFF: Latin Extended Additional, the precomposed Vietnamese letters.
    if b == 0xE1 && matches!(bytes.get(i + 1), Some(0xBA | 0xBB)) {
        return 3;
    }
    match text[i..].chars().next() {
        Some(c) if chars::is_letter(c) && crate::normalize::quote_lookalike(c).is_none() => c.len_utf8(),
        _ => 0,
    }
}

/// Where the counts of capitals and vowels sit in `Tokens::plain_part`'s sum, above the
/// count of letters; each field holds up to 2^20.
const UPPER_FIELD: u32 = 20;
const VOWEL_FIELD: u32 = 40;

/// For ASCII letters: 1 (one letter), plus one in the capitals field for a capital and one
/// in the vowels field for a vowel; 0 for every other byte.
static ASCII_LETTER_COUNT: [u64; 256] = {
    let mut t = [0u64; 256];
    let mut b = 0;
    while b < 256 {
        let code = ASCII_LETTER_CODE[b] as u64;
        if code != 0 {
            t[b] = 1 | ((code >> 6) & 1) << UPPER_FIELD | (code >> 7) << VOWEL_FIELD;
        }
        b += 1;
    }
    t
};

/// A letter outside the Vietnamese alphabet that should count as a vowel: a Latin letter
/// whose base is a vowel (`ü`, `ø` is not decomposable and counts), or any letter of
/// another script.
fn is_vowel_like(c: char) -> bool {
    let latin = c <= '\u{24F}' || ('\u{1E00}'..='\u{1EFF}').contains(&c);
    if !latin {
        return true;
    }
    let mut base = c;
    unicode_normalization::char::decompose_canonical(c, |d| {
        if base == c {
            base = d;
        }
    });
    !base.is_ascii_alphabetic() || matches!(base.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

/// The char starting at byte `i` of valid UTF-8, read without re-checking the text.
#[inline]
fn decode(bytes: &[u8], i: usize) -> Option<char> {
    let b0 = u32::from(*bytes.get(i)?);
    let cont = |k: usize| bytes.get(i + k).map_or(0, |&b| u32::from(b) & 0x3F);
    let code = match b0 {
        0..=0x7F => b0,
        0xC0..=0xDF => ((b0 & 0x1F) << 6) | cont(1),
        0xE0..=0xEF => ((b0 & 0x0F) << 12) | (cont(1) << 6) | cont(2),
        _ => ((b0 & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3),
    };
    char::from_u32(code)
}

/// What a run of letters (and attached digits) looks like.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Part {
    end: usize,
    letters: usize,
    upper: usize,
    lower: usize,
    digits: usize,
    vowels: usize,
    first_upper: bool,
    /// The part is one Vietnamese syllable (in lower, title or upper case).
    syllable: bool,
}

impl Part {
    fn all_caps(&self) -> bool {
        self.letters > 0 && self.lower == 0
    }

    fn title_or_lower(&self) -> bool {
        self.upper == 0 || (self.upper == 1 && self.first_upper)
    }
}

impl<'h> Tokens<'_, 'h> {
    fn byte(&self, i: usize) -> u8 {
        self.text.as_bytes().get(i).copied().unwrap_or(0)
    }

    fn scan(&mut self, i: usize) -> (usize, TokenKind) {
        let b = self.text.as_bytes()[i];
        if b < 0x80 {
            match ASCII_CLASS[usize::from(b)] {
                SP => (self.space_end(i), TokenKind::Whitespace),
                LE => self.word(i),
                DI => self.number(i),
                PU => self.with_marks(self.punct(i)),
                EP | ES if self.may_start_emoticon(i, b) => match self.emoticon(i) {
                    Some(end) => (end, TokenKind::Symbol),
                    None if ASCII_CLASS[usize::from(b)] == EP => self.with_marks(self.punct(i)),
                    None => self.with_marks(self.symbol(i)),
                },
                EP => self.with_marks(self.punct(i)),
                _ => self.with_marks(self.symbol(i)),
            }
        } else {
            let c = self.text[i..].chars().next().unwrap_or('\u{FFFD}');
            // Punctuation is asked before letters: no punctuation is a letter (tested), and
            // the dashes and quotes that come here most would otherwise go through the
            // Unicode letter tables first.
            if chars::is_space(c) {
                (self.space_end(i), TokenKind::Whitespace)
            } else if is_punctuation(c) {
                self.with_marks((i + c.len_utf8(), TokenKind::Punctuation))
            } else if letter_len(self.text.as_bytes(), self.text, i) > 0 {
                self.word(i)
            } else {
                self.with_marks((i + c.len_utf8(), TokenKind::Symbol))
            }
        }
    }

    /// Whether an emoticon or arrow may start at `i`, where the byte `b` of class `EP` or `ES`
    /// is: the next byte may come second in one, and a shaft of two (`==`, `--`, wiki headings
    /// and rules) goes on or ends in `>`, as [`Self::emoticon`] reads it.
    #[inline(always)]
    fn may_start_emoticon(&self, i: usize, b: u8) -> bool {
        let b1 = self.byte(i + 1);
        EMOTICON_SECOND[usize::from(b1)]
            && (b1 != b || !matches!(b, b'=' | b'-') || matches!(self.byte(i + 2), x if x == b || x == b'>'))
    }

    /// Combining marks belong to the character before them (`=` + U+0338 is `≠`). Inlined: it
    /// ends every punctuation mark and symbol, and is a look at one byte but for the rare
    /// mark.
    #[inline(always)]
    fn with_marks(&self, (end, kind): (usize, TokenKind)) -> (usize, TokenKind) {
        if self.byte(end) >= 0x80 { (self.combining_end(end), kind) } else { (end, kind) }
    }

    #[inline(never)]
    fn combining_end(&self, mut i: usize) -> usize {
        while let Some(c) = self.text.get(i..).and_then(|r| r.chars().next()) {
            if !chars::is_combining(c) {
                break;
            }
            i += c.len_utf8();
        }
        i
    }

    fn space_end(&self, mut i: usize) -> usize {
        let bytes = self.text.as_bytes();
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                if ASCII_CLASS[usize::from(b)] != SP {
                    break;
                }
                i += 1;
            } else {
                match self.text[i..].chars().next() {
                    Some(c) if chars::is_space(c) => i += c.len_utf8(),
                    _ => break,
                }
            }
        }
        i
    }

    fn digits_end(&self, mut i: usize) -> usize {
        let bytes = self.text.as_bytes();
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        i
    }

    /// A run of letters, digits, combining marks and inner apostrophes (`H'Mông`).
    #[inline]
    fn part(&self, start: usize) -> Part {
        self.plain_part(start).unwrap_or_else(|| self.any_part(start))
    }

    /// The common part read in one pass: ASCII and precomposed Vietnamese letters only,
    /// ended by the end of the text, by an ASCII byte that is not a letter, digit or
    /// apostrophe, or by General Punctuation (U+2000–U+203F: quotes, dashes, `…`) other than
    /// the apostrophe U+2019. Each letter steps the syllable automaton as it is read, so no
    /// key is built and nothing is looked up afterwards. `None` for any other part (digits,
    /// apostrophes, combining marks, other letters): [`Self::any_part`] reads it from the
    /// start, with the same result as if this had not been tried.
    #[inline(always)]
    fn plain_part(&self, start: usize) -> Option<Part> {
        let bytes = self.text.as_bytes();
        let set = self.syllables;
        let mut state = set.start();
        // The letters, capitals and vowels as fields of one sum (see `ASCII_LETTER_COUNT`);
        // wrapping, since a run too long for the fields is given up below.
        let mut counts = 0u64;
        // The tones of the letters OR-ed, and how many letters have one: with at most one
        // toned letter, `tones` is the syllable's tone.
        let mut tones = 0u16;
        let mut toned = 0u32;
        let mut i = start;
        loop {
            // ASCII letters: a tight loop over the slice, a table look-up and an automaton
            // step each. A letter's code is its low five bits (`a`/`A` = 1 ... `z`/`Z` = 26).
            let mut run = 0;
            for &b in &bytes[i..] {
                let count = ASCII_LETTER_COUNT[usize::from(b)];
                if count == 0 {
                    break;
                }
                counts = counts.wrapping_add(count);
                state = set.step(state, u64::from(b & 31));
                run += 1;
            }
            i += run;
            let Some(&b) = bytes.get(i) else { break };
            if b < 0x80 {
                if b.is_ascii_digit() || b == b'\'' {
                    return None;
                }
                break;
            }
            // Precomposed Vietnamese letters straight from their bytes.
            if let Some((p, len)) = chars::utf8_letter(bytes, i) {
                state = set.step(state, u64::from(p & 63));
                let (up, vowel) = (u64::from((p >> 6) & 1), u64::from((p >> 10) & 1));
                counts = counts.wrapping_add(1 | up << UPPER_FIELD | vowel << VOWEL_FIELD);
                let tone = (p >> 7) & 7;
                tones |= tone;
                toned += u32::from(tone != 0);
                i += len;
                continue;
            }
            // U+2000–U+203F but U+2019: no letter or mark among them (tested).
            if b == 0xE2 && bytes.get(i + 1) == Some(&0x80) && bytes.get(i + 2) != Some(&0x99) {
                break;
            }
            return None;
        }
        if i - start >= 1 << UPPER_FIELD {
            return None;
        }
        let field = |shift: u32| ((counts >> shift) & ((1 << UPPER_FIELD) - 1)) as usize;
        let (letters, upper, vowels) = (field(0), field(UPPER_FIELD), field(VOWEL_FIELD));
        if letters == 0 {
            return None;
        }
        let first = bytes[start];
        let first_upper = if first < 0x80 {
            first.is_ascii_uppercase()
        } else {
            chars::utf8_letter(bytes, start).is_some_and(|(p, _)| p & 64 != 0)
        };
        let mut p = Part {
            end: i,
            letters,
            upper,
            lower: letters - upper,
            digits: 0,
            vowels,
            first_upper,
            syllable: false,
        };
        p.syllable = toned <= 1 && (p.title_or_lower() || p.all_caps()) && set.accepts(state, tones);
        Some(p)
    }

    /// Any part, as [`Self::part`] describes it.
    fn any_part(&self, start: usize) -> Part {
        let bytes = self.text.as_bytes();
        // The syllable candidate is read once, into a packed key of its toneless letters
        // (see `SyllableSet`) and its tone. `vietnamese` turns false once the part cannot
        // be a syllable (a foreign letter, a stray mark). `lower` counts only letters that
        // have case; ASCII and Vietnamese letters are counted by `letters - upper`.
        let mut key = 0u64;
        let mut tone = Tone::Level;
        let mut toned = 0u32;
        let mut last_tone = Tone::Level;
        let mut last_upper = false;
        let (mut letters, mut upper, mut caseless, mut digits, mut vowels) = (0u32, 0u32, 0u32, 0u32, 0u32);
        let mut syllable_from = 0u32;
        let mut vietnamese = true;
        let mut apostrophe = false;
        let mut i = start;
        loop {
            // ASCII letters, the bulk of Vietnamese text: a tight loop over the slice, without
            // a branch on case.
            let mut run = 0;
            for &b in &bytes[i..] {
                let code = ASCII_LETTER_CODE[usize::from(b)];
                if code == 0 {
                    break;
                }
                key = (key << 6) | u64::from(code & 63);
                upper += u32::from((code >> 6) & 1);
                vowels += u32::from(code >> 7);
                run += 1;
            }
            letters += run as u32;
            i += run;
            let Some(&b) = bytes.get(i) else { break };
            if b < 0x80 {
                if b.is_ascii_digit() {
                    digits += 1;
                    i += 1;
                } else if b == b'\'' && self.apostrophe_joins(start, i, 1) {
                    apostrophe = true;
                    (key, syllable_from) = (0, letters);
                    i += 1;
                } else {
                    break;
                }
                continue;
            }
            if b == 0xE2 && bytes.get(i + 1) == Some(&0x80) && bytes.get(i + 2) == Some(&0x99) {
                // U+2019, the typographic apostrophe.
                if self.apostrophe_joins(start, i, 3) {
                    apostrophe = true;
                    (key, syllable_from) = (0, letters);
                    i += 3;
                    continue;
                }
                break;
            }
            // Precomposed Vietnamese letters straight from their bytes.
            if let Some((p, len)) = chars::utf8_letter(bytes, i) {
                key = (key << 6) | u64::from(p & 63);
                letters += 1;
                let up = (p >> 6) & 1 != 0;
                upper += u32::from(up);
                vowels += u32::from((p >> 10) & 1);
                let t = chars::packed_tone(p);
                if t != Tone::Level {
                    tone = t;
                    toned += 1;
                }
                last_tone = t;
                last_upper = up;
                i += len;
                continue;
            }
            let Some(c) = decode(bytes, i) else { break };
            if let Some(l) = chars::letter(c) {
                key = (key << 6) | syllable::letter_code(l.base);
                letters += 1;
                upper += u32::from(l.upper);
                vowels += u32::from(l.is_vowel());
                if l.tone != Tone::Level {
                    tone = l.tone;
                    toned += 1;
                }
                last_tone = l.tone;
                last_upper = l.upper;
            } else if let Some(m) = chars::mark(c) {
                // NFD: the mark changes the letter before it, the last one in the key. After an
                // ASCII letter that letter is toneless; after a precomposed one or another mark,
                // the branches below kept its tone and case.
                let before =
                    if letters > syllable_from { bytes.get(i.wrapping_sub(1)).copied() } else { None };
                let (t, up) = match before {
                    Some(b) if b < 0x80 => (Tone::Level, b.is_ascii_uppercase()),
                    _ => (last_tone, last_upper),
                };
                let last =
                    before.map(|_| Letter { base: syllable::code_letter(key & 63), tone: t, upper: up });
                match last.and_then(|l| chars::apply_mark(l, m)) {
                    Some(marked) => {
                        key = (key & !63) | syllable::letter_code(marked.base);
                        if marked.tone != t {
                            tone = marked.tone;
                            toned += 1;
                        }
                        last_tone = marked.tone;
                        last_upper = marked.upper;
                    }
                    None => vietnamese = false,
                }
            } else if chars::is_combining(c) {
                vietnamese = false;
            } else if chars::is_letter(c) && crate::normalize::quote_lookalike(c).is_none() {
                // Titlecase letters (`ǅ`, `ᾞ`) count as capitals, as their NFD forms do.
                let up = !c.is_lowercase() && c.to_lowercase().next() != Some(c);
                letters += 1;
                upper += u32::from(up);
                caseless += u32::from(!up && !c.is_lowercase());
                // Latin letters count as vowels by their base letter, as in NFD; letters of
                // other scripts always do: only Latin words without a vowel (`km`, `Tp`) are
                // read as abbreviations.
                vowels += u32::from(is_vowel_like(c));
                vietnamese = false;
            } else {
                break;
            }
            i += c.len_utf8();
        }
        let n = (letters - syllable_from) as usize;
        let first_upper = letters > 0 && self.first_letter_upper(start);
        let mut p = Part {
            end: i,
            letters: letters as usize,
            upper: upper as usize,
            lower: (letters - upper - caseless) as usize,
            digits: digits as usize,
            vowels: vowels as usize,
            first_upper,
            syllable: false,
        };
        // After an apostrophe (`H'Mông`) the syllable is the tail, which has its own capital.
        let case_ok = p.title_or_lower() || p.all_caps() || (apostrophe && upper <= 2);
        p.syllable = vietnamese
            && digits == 0
            && case_ok
            && (1..=syllable::MAX_LETTERS).contains(&n)
            && toned <= 1
            && self.syllables.contains(key, n, tone);
        p
    }

    /// Whether the first letter at `start` (a part never starts with a digit) is a capital.
    fn first_letter_upper(&self, start: usize) -> bool {
        let b = self.byte(start);
        if b < 0x80 {
            return b.is_ascii_uppercase();
        }
        match decode(self.text.as_bytes(), start) {
            Some(c) => match chars::letter(c) {
                Some(l) => l.upper,
                None => !c.is_lowercase() && c.to_lowercase().next() != Some(c),
            },
            None => false,
        }
    }

    /// An apostrophe at `i` joins a word only after one ASCII letter (`H'Mông`, `K'Ho`), so
    /// that NFC and NFD agree, and before a letter.
    fn apostrophe_joins(&self, start: usize, i: usize, len: usize) -> bool {
        let bytes = self.text.as_bytes();
        i == start + 1 && bytes[start].is_ascii_alphabetic() && letter_len(bytes, self.text, i + len) > 0
    }

    /// Looks like part of an acronym: has a capital and is not a plain syllable (all-caps
    /// syllables of two letters or more count, as in `CA`).
    fn abbrev_like(&self, p: &Part) -> bool {
        if p.upper == 0 {
            return false;
        }
        if p.digits > 0 {
            return true;
        }
        !p.syllable || (p.all_caps() && p.letters >= 2)
    }

    #[inline]
    fn word(&mut self, start: usize) -> (usize, TokenKind) {
        // Only `ht…` (http) and `ww…` (www.) can start a web address; `h` alone starts many
        // Vietnamese syllables.
        let pair = (self.byte(start) | 0x20, self.byte(start + 1) | 0x20);
        if pair == (b'h', b't') || pair == (b'w', b'w') {
            if let Some(r) = self.url(start) {
                return r;
            }
        }
        let first = self.part(start);
        let next = self.byte(first.end);
        if first.syllable
            && !matches!(next, b'@' | b'.' | b'_' | b'-' | b'+' | b'%' | b'/' | b'&')
            && (next != b':' || self.byte(first.end + 1) != b'/')
        {
            // The common case, a syllable followed by a space or punctuation that joins
            // nothing: no address or compound to look for.
            return (first.end, TokenKind::Syllable);
        }
        self.word_from(start, first)
    }

    /// The rest of [`Self::word`] after its first part: addresses, compounds and the kind of
    /// anything that is not a plain syllable. Kept out of line so that the common case
    /// inlines into `next` small.
    #[inline(never)]
    fn word_from(&mut self, start: usize, first: Part) -> (usize, TokenKind) {
        let after = self.byte(first.end);
        // A word of one part (`Facebook`, `UBND`, `km` before a space or a comma): no unit,
        // address or compound starts without one of these bytes after the first part.
        if !matches!(after, b'@' | b'.' | b'_' | b'-' | b'+' | b'%' | b'/' | b'&' | b':') {
            return self.single_part_word(start, &first);
        }
        // Whole units first (a `scheme://`, a model name `Su-30MK2`), before the first part is
        // taken for a syllable or a word. Both start with a first part of ASCII letters and
        // digits, then `://`, or `+`, `-` or `.` before a letter or digit: two bytes tell,
        // and every other word (`Hà Nội.`, `Mác-Lênin`, `kinh-tế`) asks no further.
        let next = self.byte(first.end + 1);
        if matches!(after, b':' | b'+' | b'-' | b'.') {
            let goes_on = if after == b':' { next == b'/' } else { next.is_ascii_alphanumeric() };
            if goes_on && first.end - start == first.letters + first.digits {
                if let Some(r) = self.unit_word(start, &first, after) {
                    return r;
                }
            }
        }
        // An e-mail address or a domain goes on after a `.`, `_`, `-`, `+` or `%` only with a
        // letter or digit or one more of its bytes: a word that ends a sentence (`nay. `) or
        // stands before a dash (`Nam - `) is no address, and `address` is not asked.
        let address_goes_on =
            after == b'@' || (matches!(after, b'.' | b'_' | b'-' | b'+' | b'%') && address_byte(next));
        if address_goes_on && first.end > start {
            if let Some(r) = self.address(start) {
                return r;
            }
        }
        let mut end = first.end;
        let mut cur = first;
        let mut parts = 1;
        let mut wordlike_parts = usize::from(Self::wordlike(&first));
        let mut abbrev_dot = false;
        // A capitalised syllable or word, then lower-case parts after dashes: a transliterated
        // name or loanword (`Mát-xcơ-va`, `Ki-tô`, `Ê-đê`, `X-quang`), one foreign word. Not
        // after a capitalised word: there the dash ends a name (`Vũ Ngọc Phan-nhà văn`).
        let mut transliteration = first.first_upper
            && first.upper == 1
            && first.digits == 0
            && self.byte(end) == b'-'
            && !self.after_capitalized_word(start);
        loop {
            let sep = self.byte(end);
            if !matches!(sep, b'.' | b'-' | b'/' | b'&') {
                break;
            }
            let next_start = end + 1;
            let next_is_letter = letter_len(self.text.as_bytes(), self.text, next_start) > 0;
            let next_is_digit = self.byte(next_start).is_ascii_digit();
            if !next_is_letter && !next_is_digit {
                // `v.v.`: a chain of single letters takes its final dot, but not the first
                // dot of an ellipsis (`v.v...` is `v.v` and `...`).
                if sep == b'.' && parts > 1 && abbrev_dot && cur.letters == 1 {
                    let dots = self.text.as_bytes()[end..].iter().take_while(|&&b| b == b'.').count();
                    if dots != 3 {
                        end += 1;
                    }
                }
                break;
            }
            let next = if next_is_letter {
                self.part(next_start)
            } else {
                Part { end: self.digits_end(next_start), digits: 1, ..Part::default() }
            };
            // After a lower-case part a capitalised one may end the name (`Corse-du-Sud`).
            let transliteration_join = transliteration
                && sep == b'-'
                && next_is_letter
                && (next.upper == 0 || (parts >= 2 && next.title_or_lower()))
                && next.digits == 0
                && next.letters > 0;
            let join = match sep {
                b'.' => {
                    next_is_letter
                        && ((self.abbrev_like(&cur) && (self.abbrev_like(&next) || next.all_caps()))
                            || (cur.letters == 1 && next.letters == 1 && cur.digits == 0 && next.digits == 0))
                }
                b'-' => {
                    // `QP-QSĐP`, `COVID-19`, and an acronym before a place name (`TT-Huế`).
                    let acronym = cur.all_caps() && cur.letters >= 2 && !cur.syllable;
                    let acronym_join = self.abbrev_like(&cur)
                        && (self.abbrev_like(&next)
                            || (!next_is_letter && next.digits > 0)
                            || (acronym && next_is_letter && next.syllable && next.first_upper));
                    acronym_join || transliteration_join
                }
                b'/' => {
                    next_is_letter
                        && cur.digits == 0
                        && next.digits == 0
                        && cur.letters <= 5
                        && next.letters <= 5
                        && (!cur.syllable || !next.syllable)
                }
                // `R&D`, `NHNo&PTNT`, and capitals that are also syllables (`M&A`, `E&C`).
                _ => {
                    let capitals = |p: &Part| p.upper > 0 && p.lower == 0;
                    next_is_letter
                        && (self.abbrev_like(&cur) || capitals(&cur))
                        && (self.abbrev_like(&next) || capitals(&next))
                        && cur.digits == 0
                        && next.digits == 0
                }
            };
            if !join {
                break;
            }
            transliteration = transliteration_join;
            abbrev_dot = sep == b'.' && cur.letters == 1 && next.letters == 1 && (parts == 1 || abbrev_dot);
            parts += 1;
            wordlike_parts += usize::from(next_is_letter && Self::wordlike(&next));
            end = next.end;
            cur = next;
        }
        if parts > 1 {
            let kind = if wordlike_parts == parts || transliteration {
                TokenKind::Foreign
            } else {
                TokenKind::Abbreviation
            };
            return (end, kind);
        }
        self.single_part_word(start, &first)
    }

    /// The kind of a word of one part, `first`, starting at `start`.
    #[inline(always)]
    fn single_part_word(&self, start: usize, first: &Part) -> (usize, TokenKind) {
        let end = first.end;
        match Self::single_part_kind(first, end) {
            // Three or four bytes with a `y`: the only ones `contraction` may take.
            (end, TokenKind::Foreign)
                if (3..=4).contains(&(end - start))
                    && self.text.as_bytes()[start..end].iter().any(|&b| b | 0x20 == b'y')
                    && self.contraction(start, end) =>
            {
                (end, TokenKind::Abbreviation)
            }
            r => r,
        }
    }

    /// A web address with any scheme or a model name starting at `start`, whose first part
    /// (`first`, of ASCII letters and digits) is followed by `after` and a byte that may go on
    /// with one: the rare units of [`Self::word_from`], kept out of its line.
    #[inline(never)]
    fn unit_word(&self, start: usize, first: &Part, after: u8) -> Option<(usize, TokenKind)> {
        if let Some(end) = self.scheme_url(start) {
            return Some((end, TokenKind::Url));
        }
        if after == b'-' && first.first_upper && first.letters <= 3 {
            return self.model_name(start, first).map(|end| (end, TokenKind::Abbreviation));
        }
        None
    }

    /// A contraction whose only vowel letter is a `y` after two consonants that start no
    /// Vietnamese or English word: `Cty`, `cty`, `CTy` (`công ty`). `gym`, `sky`, `try`, `Lynn`
    /// stay foreign words.
    #[inline(never)]
    fn contraction(&self, start: usize, end: usize) -> bool {
        const ONSETS: [&[u8; 2]; 24] = [
            b"bl", b"br", b"ch", b"cl", b"cr", b"dr", b"fl", b"fr", b"gh", b"gl", b"gr", b"kh", b"kn", b"ng",
            b"nh", b"ph", b"pl", b"pr", b"ps", b"rh", b"sc", b"sh", b"th", b"tr",
        ];
        const MORE_ONSETS: [&[u8; 2]; 9] = [b"sk", b"sl", b"sm", b"sn", b"sp", b"st", b"sw", b"wh", b"wr"];
        let word = &self.text.as_bytes()[start..end];
        let lower = |b: u8| b.to_ascii_lowercase();
        // The `y` first: most short foreign words have none.
        if !word.iter().any(|&b| lower(b) == b'y') {
            return false;
        }
        if !(3..=4).contains(&word.len()) || !word.iter().all(u8::is_ascii_alphabetic) {
            return false;
        }
        let vowel = |b: u8| matches!(lower(b), b'a' | b'e' | b'i' | b'o' | b'u');
        if word.iter().any(|&b| vowel(b)) {
            return false;
        }
        let pair = [lower(word[0]), lower(word[1])];
        pair[0] != b'y' && pair[1] != b'y' && !ONSETS.iter().chain(&MORE_ONSETS).any(|o| **o == pair)
    }

    /// A model name: one to three ASCII letters starting with a capital, a dash, one to four
    /// digits, then an optional suffix of ASCII letters and digits and further dash groups
    /// that hold a digit: `Su-30MK2`, `Mi-17`, `Mi-17V-5`, `Ka-52`, `Tu-160`, `An-124`,
    /// `F-16`, `MiG-21`, `Yak-130`. Tried before the first part is read as a syllable (`Su`,
    /// `Mi`, `An` are syllables too).
    fn model_name(&self, start: usize, first: &Part) -> Option<usize> {
        let letters_end = first.end;
        let ascii_letters = letters_end - start == first.letters && first.digits == 0;
        if !(ascii_letters && first.first_upper && (1..=3).contains(&first.letters))
            || self.byte(letters_end) != b'-'
        {
            return None;
        }
        let digits_start = letters_end + 1;
        let digits_end = self.digits_end(digits_start);
        if !(1..=4).contains(&(digits_end - digits_start)) {
            return None;
        }
        let alnum_end = |mut i: usize| {
            while self.byte(i).is_ascii_alphanumeric() {
                i += 1;
            }
            i
        };
        let mut end = alnum_end(digits_end);
        while self.byte(end) == b'-' {
            let group_end = alnum_end(end + 1);
            if !self.text.as_bytes()[end + 1..group_end].iter().any(u8::is_ascii_digit) {
                break;
            }
            end = group_end;
        }
        let bytes = self.text.as_bytes();
        let joined = matches!(self.byte(end), b'.' | b'/' | b'&' | b'\'' | b'_')
            && (self.byte(end + 1).is_ascii_digit() || letter_len(bytes, self.text, end + 1) > 0);
        let clean = letter_len(bytes, self.text, end) == 0 && self.byte(end) != b'@' && !joined;
        clean.then_some(end)
    }

    /// A web address with any scheme (`ftp://…`, `sftp://…`, `git+ssh://…`): an ASCII letter,
    /// then letters, digits, `+`, `-` or `.` (at most 32 bytes), `://` and a body.
    fn scheme_url(&self, start: usize) -> Option<usize> {
        let bytes = self.text.as_bytes();
        let mut i = start + 1;
        while i < bytes.len()
            && i - start <= 32
            && (bytes[i].is_ascii_alphanumeric() || matches!(bytes[i], b'+' | b'-' | b'.'))
        {
            i += 1;
        }
        if !bytes[start].is_ascii_alphabetic() || bytes.get(i..i + 3) != Some(b"://".as_slice()) {
            return None;
        }
        let body = i + 3;
        let end = self.url_end(body);
        (end > body).then_some(end)
    }

    /// True when a word starting with a capital stands right before `start`, one space
    /// apart and with no punctuation after it (`Ngọc Phan`, `(Trung Quốc`; not `Ê-đê, X`).
    fn after_capitalized_word(&self, start: usize) -> bool {
        let Some(before) = self.text[..start].strip_suffix(' ') else { return false };
        let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
        let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
        let last = word.chars().rev().find(|&c| !chars::is_combining(c));
        word.chars().next().is_some_and(char::is_uppercase) && last.is_some_and(char::is_alphabetic)
    }

    /// The kind of a word of one part.
    fn single_part_kind(p: &Part, end: usize) -> (usize, TokenKind) {
        let kind = if p.syllable {
            TokenKind::Syllable
        } else if p.vowels == 0 && p.letters > 0 {
            // No vowel: not a word but a contraction or unit (`Tp`, `Cty`, `ThS`, `km`, `m2`).
            TokenKind::Abbreviation
        } else if p.digits > 0 {
            if p.upper > 0 { TokenKind::Abbreviation } else { TokenKind::Foreign }
        } else if p.upper >= 2 || (p.upper == 1 && p.letters == 1) {
            TokenKind::Abbreviation
        } else {
            TokenKind::Foreign
        };
        (end, kind)
    }

    /// A part that reads as an ordinary word (`Coca`, `cola`): four letters or more, lower
    /// or title case, no digits.
    fn wordlike(p: &Part) -> bool {
        p.letters >= 4 && p.digits == 0 && p.title_or_lower()
    }

    fn starts_with_ci(&self, i: usize, prefix: &str) -> bool {
        self.text
            .as_bytes()
            .get(i..i + prefix.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(prefix.as_bytes()))
    }

    fn url(&self, start: usize) -> Option<(usize, TokenKind)> {
        let prefix = ["https://", "http://", "www."].into_iter().find(|p| self.starts_with_ci(start, p))?;
        let body = start + prefix.len();
        let end = self.url_end(body);
        (end > body).then_some((end, TokenKind::Url))
    }

    /// End of a URL body: up to whitespace, without trailing punctuation.
    fn url_end(&self, from: usize) -> usize {
        let bytes = self.text.as_bytes();
        let mut end = from;
        let mut i = from;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                if ASCII_CLASS[usize::from(b)] == SP || matches!(b, b'"' | b'<' | b'>') {
                    break;
                }
                i += 1;
                if !matches!(b, b'.' | b',' | b';' | b':' | b'!' | b'?' | b')' | b'\'') {
                    end = i;
                }
            } else {
                match self.text[i..].chars().next() {
                    Some(c) if chars::is_space(c) || is_punctuation(c) => break,
                    Some(c) => {
                        i += c.len_utf8();
                        end = i;
                    }
                    None => break,
                }
            }
        }
        end
    }

    /// An e-mail address or a bare domain name (`baodaknong.vn`, with an optional path)
    /// starting at `start`.
    fn address(&mut self, start: usize) -> Option<(usize, TokenKind)> {
        if start < self.no_address_before {
            return None;
        }
        let bytes = self.text.as_bytes();
        let local = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-');
        let mut q = start;
        while q < bytes.len() && local(bytes[q]) {
            q += 1;
        }
        if bytes.get(q) == Some(&b'@') && q > start {
            if let Some(end) = self.domain_end(q + 1) {
                return Some((end, TokenKind::Email));
            }
        } else if let Some(end) = self.domain_end(start) {
            let label_follows = bytes.get(end + 1).is_some_and(|b| b.is_ascii_alphanumeric());
            if end == q || bytes.get(end) != Some(&b'.') || !label_follows {
                let end = if bytes.get(end) == Some(&b'/') { self.url_end(end) } else { end };
                return Some((end, TokenKind::Url));
            }
        }
        self.no_address_before = q;
        None
    }

    /// End of `label(.label)+` whose last label is a known top-level domain.
    fn domain_end(&self, start: usize) -> Option<usize> {
        const TLDS: [&str; 12] =
            ["vn", "com", "net", "org", "edu", "gov", "info", "io", "biz", "int", "asia", "me"];
        let bytes = self.text.as_bytes();
        let label = |b: u8| b.is_ascii_alphanumeric() || b == b'-';
        let mut i = start;
        let mut best = None;
        let mut labels = 0;
        loop {
            let l_start = i;
            while i < bytes.len() && label(bytes[i]) {
                i += 1;
            }
            if i == l_start {
                break;
            }
            labels += 1;
            let tld = &self.text[l_start..i];
            if labels >= 2 && TLDS.iter().any(|t| t.eq_ignore_ascii_case(tld)) {
                best = Some(i);
            }
            if bytes.get(i) == Some(&b'.') && bytes.get(i + 1).copied().is_some_and(label) {
                i += 1;
            } else {
                break;
            }
        }
        best
    }

    fn number(&mut self, start: usize) -> (usize, TokenKind) {
        let bytes = self.text.as_bytes();
        let d1_end = self.digits_end(start);
        let d1 = d1_end - start;
        let after = self.byte(d1_end);
        // After a `.`, an address goes on only with one of its bytes (`24h.com.vn`, not the
        // `2020.` that ends a sentence).
        let dot_goes_on = after == b'.' && address_byte(self.byte(d1_end + 1));
        if (after == b'@' || after.is_ascii_alphabetic() || dot_goes_on) && d1 > 0 {
            if let Some(r) = self.address(start) {
                return r;
            }
        }
        if let Some(r) = self.phone(start, d1_end) {
            return r;
        }
        let value = |s: usize, e: usize| -> u32 {
            self.text[s..e].bytes().take(6).fold(0u32, |v, b| v * 10 + u32::from(b - b'0'))
        };
        // Time: 16:53, 16:53:20, 7h30, 7h.
        if d1 <= 2 && value(start, d1_end) <= 24 {
            if after == b':' {
                let m_end = self.digits_end(d1_end + 1);
                if m_end - (d1_end + 1) == 2 && value(d1_end + 1, m_end) < 60 {
                    let mut end = m_end;
                    if self.byte(end) == b':' {
                        let s_end = self.digits_end(end + 1);
                        if s_end - (end + 1) == 2 && value(end + 1, s_end) < 60 {
                            end = s_end;
                        }
                    }
                    if !self.byte(end).is_ascii_digit() {
                        return (end, TokenKind::Time);
                    }
                }
            } else if after == b'h' || after == b'H' {
                let m_end = self.digits_end(d1_end + 1);
                let m = m_end - (d1_end + 1);
                let end = if m == 2 && value(d1_end + 1, m_end) < 60 { m_end } else { d1_end + 1 };
                let next = self.byte(end);
                if (m == 0 || m == 2)
                    && !next.is_ascii_alphanumeric()
                    && letter_len(bytes, self.text, end) == 0
                {
                    return (end, TokenKind::Time);
                }
            }
        }
        if let Some(end) = self.document_number(start, d1_end) {
            return (end, TokenKind::DocumentNumber);
        }
        if let Some(end) = self.date(start, d1_end) {
            return (end, TokenKind::Date);
        }
        if let Some(end) = self.plate(start, d1_end) {
            return (end, TokenKind::Plate);
        }
        let end = self.number_end(d1_end);
        if self.byte(end) == b'%' {
            return (end + 1, TokenKind::Percent);
        }
        if let Some(end) = self.unit_letter(start, end) {
            return (end, TokenKind::Quantity);
        }
        // Ranges: 2020-2025, 5–10.
        let dash_len = if self.byte(end) == b'-' {
            1
        } else if self.text[end..].starts_with('–') {
            '–'.len_utf8()
        } else {
            0
        };
        if dash_len > 0 && self.byte(end + dash_len).is_ascii_digit() {
            let d2_end = self.digits_end(end + dash_len);
            let end2 = self.number_end(d2_end);
            if self.byte(end2) == b'%' {
                return (end2 + 1, TokenKind::Range);
            }
            return (end2, TokenKind::Range);
        }
        (end, TokenKind::Number)
    }

    /// Extends a digit run with `.`/`,` groups: `1.234.567,89`, `2,029`, `3.5`.
    fn number_end(&self, mut end: usize) -> usize {
        while matches!(self.byte(end), b'.' | b',') && self.byte(end + 1).is_ascii_digit() {
            end = self.digits_end(end + 1);
        }
        end
    }

    fn date(&self, start: usize, d1_end: usize) -> Option<usize> {
        let d1 = d1_end - start;
        let sep = self.byte(d1_end);
        if !matches!(sep, b'/' | b'-' | b'.') {
            return None;
        }
        let num = |s: usize, e: usize| -> u32 {
            self.text[s..e].bytes().take(6).fold(0u32, |v, b| v * 10 + u32::from(b - b'0'))
        };
        let d2_start = d1_end + 1;
        let d2_end = self.digits_end(d2_start);
        let d2 = d2_end - d2_start;
        if d2 == 0 {
            return None;
        }
        let third = |end: usize| -> Option<(usize, usize)> {
            if self.byte(end) == sep {
                let e = self.digits_end(end + 1);
                Some((e - (end + 1), e))
            } else {
                None
            }
        };
        let day_ok = |v: u32| (1..=31).contains(&v);
        let month_ok = |v: u32| (1..=12).contains(&v);
        let clean_end = |e: usize| {
            let continues =
                matches!(self.byte(e), b'/' | b'-' | b'.' | b',') && self.byte(e + 1).is_ascii_digit();
            !self.byte(e).is_ascii_digit() && !continues
        };
        if d1 <= 2 && d2 <= 2 && day_ok(num(start, d1_end)) && month_ok(num(d2_start, d2_end)) {
            match third(d2_end) {
                Some((4, e)) if clean_end(e) => return Some(e),
                // d/m/yy, d-m-yy; not with dots, which write version numbers.
                Some((2, e)) if sep != b'.' && clean_end(e) => return Some(e),
                Some(_) => return None,
                None if sep == b'/' && clean_end(d2_end) => return Some(d2_end),
                None => return None,
            }
        }
        // month/year: 12/2022
        if sep == b'/' && d1 <= 2 && d2 == 4 && month_ok(num(start, d1_end)) && clean_end(d2_end) {
            return Some(d2_end);
        }
        // ISO: 2022-12-08
        if d1 == 4 && d2 == 2 && sep != b'.' && month_ok(num(d2_start, d2_end)) {
            if let Some((2, e)) = third(d2_end) {
                if day_ok(num(d2_end + 1, e)) && clean_end(e) {
                    return Some(e);
                }
            }
        }
        None
    }

    /// Document numbers (`số ký hiệu`): up to six digits, optionally `/` and a year, then `/`
    /// or `-` and the issuer's symbol, codes of capitals, `Đ` and digits (`NĐ`, `QH14`,
    /// `TTg`) joined by `-` or `/` (`NĐ-CP`, `NQ/TW`, `TTLT-BTC-BNV`), with at least two
    /// letters in all. Checked before dates, which `12/2020/NĐ-CP` starts like. Two digits,
    /// a dash and a series like `B1` start a plate instead (`59-B1`).
    fn document_number(&self, start: usize, d1_end: usize) -> Option<usize> {
        if !(1..=6).contains(&(d1_end - start)) || !matches!(self.byte(d1_end), b'/' | b'-') {
            return None;
        }
        let mut i = d1_end;
        if self.byte(i) == b'/' {
            let year_end = self.digits_end(i + 1);
            if year_end - (i + 1) == 4
                && matches!(&self.text[i + 1..i + 3], "19" | "20")
                && matches!(self.byte(year_end), b'/' | b'-')
            {
                i = year_end;
            }
        }
        // `i` is on the `/` or `-` before the symbol.
        let mut letters = 0;
        let mut end = i;
        let mut first_code_ends_in_digit = None;
        loop {
            let code_start = end + 1;
            // A code starts with a capital (`Đ` included) and goes on with letters, digits and
            // `&` between capitals (`BNN&PTNT`).
            let mut j = code_start;
            let mut len = 0;
            loop {
                let b = self.byte(j);
                let upper_d = self.text[j..].starts_with('Đ');
                if len == 0 && !(b.is_ascii_uppercase() || upper_d) {
                    break;
                }
                if b.is_ascii_alphabetic() {
                    letters += 1;
                    j += 1;
                } else if b.is_ascii_digit() && len > 0 {
                    j += 1;
                } else if upper_d || self.text[j..].starts_with('đ') {
                    letters += 1;
                    j += 'Đ'.len_utf8();
                } else if b == b'&' && len > 0 && self.byte(j + 1).is_ascii_uppercase() {
                    j += 1;
                } else {
                    break;
                }
                len += 1;
            }
            if len == 0 {
                break;
            }
            first_code_ends_in_digit.get_or_insert(self.byte(j - 1).is_ascii_digit());
            end = j;
            if !(matches!(self.byte(end), b'-' | b'/')) {
                break;
            }
        }
        let clean =
            !self.byte(end).is_ascii_alphanumeric() && letter_len(self.text.as_bytes(), self.text, end) == 0;
        // Two digits, a dash and a letter-digit series are the start of a plate
        // (`59-B1`, `71-MĐ1`, `65-F1-9`), not a document.
        let plate_series = i == d1_end && d1_end - start == 2 && first_code_ends_in_digit == Some(true);
        (end > i && letters >= 2 && clean && !plate_series).then_some(end)
    }

    /// Vehicle plates: two digits, one or two capitals, an optional digit, a dash (alone or
    /// with one space on each side, `53S5 - 3720`), then four or five digits or `ddd.dd`.
    fn plate(&self, start: usize, d1_end: usize) -> Option<usize> {
        if d1_end - start != 2 {
            return None;
        }
        let mut i = d1_end;
        let mut caps = 0;
        while self.byte(i).is_ascii_uppercase() && caps < 2 {
            i += 1;
            caps += 1;
        }
        if caps == 0 {
            return None;
        }
        let dash = |i: usize| match (self.byte(i), self.byte(i + 1), self.byte(i + 2)) {
            (b'-', _, _) => Some(1),
            (b' ', b'-', b' ') => Some(3),
            _ => None,
        };
        if self.byte(i).is_ascii_digit() && dash(i + 1).is_some() {
            i += 1;
        }
        let s = i + dash(i)?;
        let e = self.digits_end(s);
        let end = match e - s {
            4 | 5 => e,
            3 if self.byte(e) == b'.' => {
                let e2 = self.digits_end(e + 1);
                if e2 - (e + 1) == 2 { e2 } else { return None }
            }
            _ => return None,
        };
        (!self.byte(end).is_ascii_alphanumeric()).then_some(end)
    }

    /// A number (`start..end`) with a unit letter against it: `5G`, `4K`, `1080P`, `220V`,
    /// `100W`, `10X`, and `3D` after one digit (dimensions; `12D` is a class). The letter
    /// must end the word.
    fn unit_letter(&self, start: usize, end: usize) -> Option<usize> {
        match self.byte(end) {
            b'G' | b'K' | b'P' | b'V' | b'W' | b'X' => {}
            b'D' if end - start == 1 => {}
            _ => return None,
        }
        let after = end + 1;
        let clean = !self.byte(after).is_ascii_alphanumeric()
            && letter_len(self.text.as_bytes(), self.text, after) == 0
            && self.byte(after) != b'\''
            && !self.text[after..].starts_with('\u{2019}');
        clean.then_some(after)
    }

    /// Vietnamese phone numbers: a leading 0 and 10–11 digits, plain or grouped with `.`/`-`.
    fn phone(&self, start: usize, d1_end: usize) -> Option<(usize, TokenKind)> {
        if self.byte(start) != b'0' {
            return None;
        }
        let mut digits = d1_end - start;
        let mut end = d1_end;
        if (3..=4).contains(&digits) && matches!(self.byte(end), b'.' | b'-' | b' ') {
            // Groups keep the first separator. Spaced groups (`0912 345 678`) stop at ten
            // digits, so that a number written after the phone stays apart.
            let sep = self.byte(end);
            while self.byte(end) == sep && self.byte(end + 1).is_ascii_digit() && (sep != b' ' || digits < 10)
            {
                let e = self.digits_end(end + 1);
                if !(2..=4).contains(&(e - end - 1)) {
                    return None;
                }
                digits += e - end - 1;
                end = e;
            }
        }
        let ok = (10..=11).contains(&digits) && !self.byte(end).is_ascii_alphanumeric();
        ok.then_some((end, TokenKind::Phone))
    }

    fn punct(&self, i: usize) -> (usize, TokenKind) {
        if self.byte(i) == b'.' {
            let mut end = i + 1;
            while self.byte(end) == b'.' {
                end += 1;
            }
            return (end, TokenKind::Punctuation);
        }
        (i + 1, TokenKind::Punctuation)
    }

    fn symbol(&self, i: usize) -> (usize, TokenKind) {
        if self.byte(i) == b'+' && self.byte(i + 1).is_ascii_digit() {
            let e = self.digits_end(i + 1);
            if (10..=13).contains(&(e - i - 1)) && !self.byte(e).is_ascii_alphanumeric() {
                return (e, TokenKind::Phone);
            }
        }
        (i + 1, TokenKind::Symbol)
    }
}

/// The bytes that can come second in an emoticon or arrow (see [`Tokens::emoticon`]): a
/// start such as `:` or `-` followed by anything else is read as before without a look.
static EMOTICON_SECOND: [bool; 256] = {
    let mut t = [false; 256];
    let second = b")(][DPpvV3Oo-'=>._/^<";
    let mut k = 0;
    while k < second.len() {
        t[second[k] as usize] = true;
        k += 1;
    }
    t
};

impl Tokens<'_, '_> {
    /// An emoticon or an arrow written in ASCII, starting at `i`:
    /// - eyes `:` `;` `=`, an optional nose `-` or tear `'`, then a mouth repeated any number
    ///   of times: a bracket (`:)`, `:((`, `=))`, `;-)`, `:'(`, `:]]`) anywhere, or a letter or
    ///   digit (`:D`, `:P`, `:v`, `:3`, `=D`, `:O`) after a space or the start and before
    ///   anything but a letter or digit, so that `16:3`, `A=D` and `Tên:Dung` stay apart;
    /// - a heart `<3`, `<333`, `</3`, not before a digit or a decimal part (`<30`, `<3,5`);
    /// - a face of two eyes around `_` or `.`, or `^^`: `^_^`, `^.^`, `-_-`, `-.-`, `>_<`,
    ///   `>.<`, `=.=`, `^^`;
    /// - an arrow: an optional `<`, a shaft of up to eight `-` or `=`, then `>`, or `<` and a
    ///   shaft alone: `->`, `-->`, `=>`, `==>`, `<-`, `<--`, `<==`, `<->`, `<=>`.
    #[inline(never)]
    fn emoticon(&self, i: usize) -> Option<usize> {
        let rest = &self.text.as_bytes()[i..];
        // A shaft without a left head (`==`, `--`, the common case in wiki headings and rules):
        // an arrow only when `>` ends it, as the general `arrow` below reads it.
        if let [b0 @ (b'=' | b'-'), b1, ..] = *rest {
            if b1 == b0 {
                let end = rest.iter().take(8).take_while(|&&b| b == b0).count();
                return (rest.get(end) == Some(&b'>')).then_some(i + end + 1);
            }
        }
        let at = |k: usize| rest.get(k).copied().unwrap_or(0);
        let (b0, b1) = (at(0), at(1));
        let word_byte = |x: u8| x.is_ascii_alphanumeric() || x >= 0x80;
        // The length of the run of `b` from `k`, at most `max`.
        let run = |k: usize, b: u8, max: usize| {
            let mut n = 0;
            while n < max && rest.get(k + n) == Some(&b) {
                n += 1;
            }
            n
        };
        let face = |e2: u8| (matches!(b1, b'_' | b'.') && at(2) == e2).then_some(i + 3);
        let arrow = || {
            let left = b0 == b'<';
            let shaft_start = usize::from(left);
            let shaft = at(shaft_start);
            if !matches!(shaft, b'-' | b'=') {
                return None;
            }
            let end = shaft_start + run(shaft_start, shaft, 8);
            match at(end) {
                b'>' => Some(i + end + 1),
                // `<-5` is `<` and `-5`.
                x if left && x != shaft && !x.is_ascii_digit() => Some(i + end),
                _ => None,
            }
        };
        let eyes = || {
            let m = 1 + usize::from(matches!(b1, b'-' | b'\''));
            let mouth = at(m);
            let end = m + run(m, mouth, usize::MAX);
            match mouth {
                b')' | b'(' | b']' | b'[' => Some(i + end),
                b'D' | b'P' | b'p' | b'v' | b'V' | b'3' | b'O' | b'o' => {
                    let before_ok = i == 0 || self.text.as_bytes()[i - 1].is_ascii_whitespace();
                    (before_ok && !word_byte(at(end))).then_some(i + end)
                }
                _ => None,
            }
        };
        match b0 {
            b':' | b';' => eyes(),
            b'=' => match b1 {
                b'=' | b'>' => arrow(),
                b'.' => face(b'='),
                _ => eyes(),
            },
            b'-' => match b1 {
                b'-' | b'>' => arrow(),
                _ => face(b'-'),
            },
            b'<' => match b1 {
                b'3' | b'/' => {
                    if b1 == b'/' && at(2) != b'3' {
                        return None;
                    }
                    let heart = 1 + usize::from(b1 == b'/');
                    let end = heart + run(heart, b'3', usize::MAX);
                    let number_goes_on = at(end).is_ascii_digit()
                        || (matches!(at(end), b'.' | b',') && at(end + 1).is_ascii_digit());
                    (!number_goes_on && !word_byte(at(end))).then_some(i + end)
                }
                _ => arrow(),
            },
            b'^' if b1 == b'^' => Some(i + 2),
            b'^' => face(b'^'),
            b'>' => face(b'<'),
            _ => None,
        }
    }
}

/// Punctuation outside ASCII: quotes, dashes, ellipsis, guillemets, CJK and full-width
/// punctuation.
pub(crate) fn is_punctuation(c: char) -> bool {
    crate::normalize::quote_lookalike(c).is_some()
        || matches!(c,
        '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' | '«' | '»' | '¡' | '¿' | '·'
        | '\u{3001}'..='\u{3003}' | '\u{3008}'..='\u{3011}' | '\u{FF01}'..='\u{FF0F}'
        | '\u{FF1A}'..='\u{FF1F}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Checks the fast reading of a part against the general one at every place a part
    /// can start; returns how many parts the fast path read.
    fn check_plain_parts(text: &str) -> usize {
        let tokens = tokenize(text);
        let bytes = text.as_bytes();
        let mut plain = 0;
        for i in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
            if letter_len(bytes, text, i) == 0 {
                continue;
            }
            if let Some(p) = tokens.plain_part(i) {
                assert_eq!(p, tokens.any_part(i), "{text:?} at {i}");
                plain += 1;
            }
        }
        plain
    }

    #[test]
    fn plain_parts_equal_general_parts() {
        let text = "Người NGHIÊNG Quốc hoà HÒA thuỷ Đắk ĐĂK đắk, GMT Facebook iPhone ThS “xin” chào… \
                    tiếng–Việt ảa ươi qUốc Ưu ƯU ng gi";
        // Every word of this text is read by the fast path.
        assert_eq!(
            check_plain_parts(text),
            text.split([' ', ',', '“', '”', '…', '–'])
                .map(|w| { w.char_indices().filter(|&(i, _)| letter_len(w.as_bytes(), w, i) > 0).count() })
                .sum::<usize>()
        );
        for (word, syllable) in [
            ("Người", true),
            ("NGHIÊNG", true),
            ("qUốc", false),
            ("ĐẮK", true),
            ("ĐĂK", false),
            ("bàt", false),
        ] {
            let tokens = tokenize(word);
            assert_eq!(tokens.plain_part(0).map(|p| p.syllable), Some(syllable), "{word}");
        }
        // Digits, apostrophes, marks and other letters are left to the general path.
        for word in ["QK5", "H'Mông", "R’Lấp", "ngo\u{300}i", "über", "a\u{2060}"] {
            assert_eq!(tokenize(word).plain_part(0), None, "{word}");
        }
    }

    #[test]
    fn parts_too_long_for_the_counts_take_the_general_path() {
        let text = "ươ".repeat(1 << 19);
        let tokens = tokenize(&text);
        assert_eq!(tokens.plain_part(0), None);
        let p = tokens.any_part(0);
        assert_eq!(
            (p.end, p.letters, p.upper, p.vowels, p.syllable),
            (text.len(), 1 << 20, 0, 1 << 20, false)
        );
        let shorter = &text[..(1 << 20) - 2];
        assert_eq!(tokenize(shorter).plain_part(0), Some(tokenize(shorter).any_part(0)));
    }

    #[test]
    fn general_punctuation_ends_a_part() {
        // What `plain_part` relies on to stop at U+2000–U+203F without decoding.
        for c in ('\u{2000}'..='\u{203F}').filter(|&c| c != '\u{2019}') {
            assert!(!chars::is_letter(c) && chars::letter(c).is_none() && chars::mark(c).is_none(), "{c:?}");
        }
    }

    /// Text of Vietnamese and other letters in both cases, digits, spaces, punctuation and
    /// combining marks: every way a part can go on or end.
    fn mixed_text() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            3 => prop::sample::select(vec![
                "người", "NGHIÊNG", "Quốc", "hoà", "thuỷ", "Đắk", "ĐĂK", "ươi", "Ưu", "GMT", "iPhone",
                "ThS", "bàt", "Facebook", "gi", "ng", "qUốc",
            ]).prop_map(str::to_owned),
            4 => "[a-zA-ZăâêôơưđĂÂÊÔƠƯĐàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵÀÁẢÃẠỲÝỄỰ]{1,8}",
            2 => "[ 0-9'’.,;:!?@_&+%/-]{1,2}",
            1 => "[“”…–—\u{2000}-\u{203F}\u{300}-\u{309}\u{323}\u{31B}üñøǅ中ÐʺˮʻʽʼMiSu]{1,2}",
            1 => any::<char>().prop_map(String::from),
        ];
        prop::collection::vec(piece, 0..16).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn plain_parts_equal_general_parts_on_generated_text(text in mixed_text()) {
            check_plain_parts(&text);
        }
    }

    /// `scan` asks `is_punctuation` before `letter_len`, and `is_space` before both: the
    /// order changes nothing only while no punctuation is a letter or a space.
    #[test]
    fn no_punctuation_is_a_letter_or_a_space() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32).filter(|&c| is_punctuation(c)) {
            let s = c.to_string();
            assert_eq!(letter_len(s.as_bytes(), &s, 0), 0, "{c:?} U+{:04X}", u32::from(c));
            assert!(!chars::is_space(c), "{c:?} U+{:04X}", u32::from(c));
        }
    }

    #[test]
    fn classes() {
        assert_eq!(ASCII_CLASS[usize::from(b'a')], LE);
        assert_eq!(ASCII_CLASS[usize::from(b'7')], DI);
        assert_eq!(ASCII_CLASS[usize::from(b'\n')], SP);
        assert_eq!(ASCII_CLASS[usize::from(b',')], PU);
        assert_eq!(ASCII_CLASS[usize::from(b'+')], SY);
    }
}
