//! Syllable tokenization: tokens with a kind and a byte span into the caller's text.
//!
//! ```
//! use vntext::token::TokenKind::*;
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

mod addresses;
mod emoticons;
mod models;
mod numbers;
mod parts;
mod scanner;
mod words;

use core::iter::FusedIterator;
use core::marker::PhantomData;

use crate::chars::{self, ASCII_LETTER_CODE};
use crate::span::Span;
use crate::syllable::SyllableSet;

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

/// Punctuation outside ASCII: quotes, dashes, ellipsis, guillemets, CJK and full-width
/// punctuation.
pub(crate) fn is_punctuation(c: char) -> bool {
    crate::normalize::quote_lookalike(c).is_some()
        || matches!(c,
        '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' | '«' | '»' | '¡' | '¿' | '·'
        | '\u{3001}'..='\u{3003}' | '\u{3008}'..='\u{3011}' | '\u{FF01}'..='\u{FF0F}'
        | '\u{FF1A}'..='\u{FF1F}')
}
