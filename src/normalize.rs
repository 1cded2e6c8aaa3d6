//! Normalization: NFC, tone-mark placement, look-alikes, invisible characters and odd
//! spaces; diacritic folding; comparison keys; offset maps back to the caller's text.
//!
//! ```
//! use vntext::{Normalizer, TonePlacement};
//!
//! // NFD input, new-style tone placement and a look-alike `Ð` (U+00D0):
//! let text = "Ðo\u{300}an ke\u{302}\u{301}t hoà bình";
//! assert_eq!(vntext::normalize(text), "Đoàn kết hòa bình");
//!
//! let new_style = Normalizer::builder().tone(TonePlacement::New).build();
//! assert_eq!(new_style.normalize("hòa bình"), "hoà bình");
//!
//! // Nothing to do: the caller's text comes back borrowed.
//! assert!(matches!(vntext::normalize("Đắk Nông"), std::borrow::Cow::Borrowed(_)));
//! assert_eq!(vntext::fold_diacritics("Đắk Nông"), "Dak Nong");
//! ```

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;

use crate::chars::{self, Letter, Tone};
use crate::span::Span;
use crate::syllable::{self, MAX_LETTERS, TonePlacement};

/// What one rewrite does; the public entry points are fixed combinations of these.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Rules {
    tone: TonePlacement,
    lookalikes: bool,
    invisible: bool,
    spaces: bool,
    lowercase: bool,
    fold: bool,
    collapse_spaces: bool,
}

/// Rewrites Vietnamese text into one canonical form.
///
/// By default it composes to NFC, puts tone marks in the old style (`hòa`, `thủy`),
/// replaces look-alike letters (`Ð` U+00D0 → `Đ` U+0110), removes invisible characters
/// (zero-width space, word joiner, BOM, soft hyphen) and turns odd spaces (no-break, thin,
/// ideographic...) into plain spaces. Each rule can be switched off with the builder.
///
/// A `Normalizer` is cheap to build, immutable, `Send + Sync`, and used with `&self`.
///
/// ```
/// use vntext::Normalizer;
///
/// let normalizer = Normalizer::new();
/// // NFD letters, a zero-width space and a no-break space.
/// let text = "Thanh Hoa\u{301}\u{200B} Kha\u{301}nh\u{A0}Hòa";
/// assert_eq!(normalizer.normalize(text), "Thanh Hóa Khánh Hòa");
///
/// let lower = Normalizer::builder().lowercase(true).collapse_spaces(true).build();
/// assert_eq!(lower.normalize("ỦY  BAN\tNHÂN DÂN"), "ủy ban nhân dân");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Normalizer {
    rules: Rules,
}

/// Configures a [`Normalizer`]; get one with [`Normalizer::builder`]. Every setting starts at
/// the default of [`Normalizer::new`].
///
/// ```
/// use vntext::{Normalizer, TonePlacement};
///
/// let normalizer = Normalizer::builder()
///     .tone(TonePlacement::New)
///     .plain_spaces(false)
///     .build();
/// assert_eq!(normalizer.normalize("thủy\u{A0}lợi"), "thuỷ\u{A0}lợi");
/// ```
#[derive(Clone, Copy, Debug)]
pub struct NormalizerBuilder {
    rules: Rules,
}

impl Default for Normalizer {
    fn default() -> Normalizer {
        Normalizer::new()
    }
}

impl Normalizer {
    /// The default normalizer (see the type's docs). A `const fn`, so it can live in a
    /// `static`.
    ///
    /// ```
    /// use vntext::Normalizer;
    ///
    /// static NORMALIZER: Normalizer = Normalizer::new();
    /// assert_eq!(NORMALIZER.normalize("khoẻ"), "khỏe");
    /// assert_eq!(NORMALIZER, Normalizer::default());
    /// ```
    pub const fn new() -> Normalizer {
        Normalizer {
            rules: Rules {
                tone: TonePlacement::Old,
                lookalikes: true,
                invisible: true,
                spaces: true,
                lowercase: false,
                fold: false,
                collapse_spaces: false,
            },
        }
    }

    /// A builder starting from the defaults.
    ///
    /// ```
    /// use vntext::Normalizer;
    ///
    /// assert_eq!(Normalizer::builder().build(), Normalizer::new());
    /// let keep_invisible = Normalizer::builder().remove_invisible(false).build();
    /// assert_eq!(keep_invisible.normalize("a\u{200B}b"), "a\u{200B}b");
    /// ```
    pub const fn builder() -> NormalizerBuilder {
        NormalizerBuilder { rules: Normalizer::new().rules }
    }

    /// Normalizes `text`, borrowing it when nothing changes.
    ///
    /// ```
    /// use std::borrow::Cow;
    /// use vntext::Normalizer;
    ///
    /// let normalizer = Normalizer::new();
    /// // Already normalized: borrowed, no copy.
    /// assert!(matches!(normalizer.normalize("Ủy ban nhân dân"), Cow::Borrowed(_)));
    /// // New-style tone mark: rewritten.
    /// let rewritten = normalizer.normalize("Uỷ ban nhân dân");
    /// assert!(matches!(rewritten, Cow::Owned(_)));
    /// assert_eq!(rewritten, "Ủy ban nhân dân");
    /// ```
    pub fn normalize<'a>(&self, text: &'a str) -> Cow<'a, str> {
        rewrite(text, self.rules, None)
    }

    /// Normalizes `text` and keeps a map from the result back to `text`, so that spans found
    /// in the normalized text (by the tokenizer, the recognizer...) can be reported on the
    /// caller's text.
    ///
    /// ```
    /// use vntext::{Normalizer, Span};
    ///
    /// let text = "UBND tỉnh Thanh Hoa\u{301} họp.";
    /// let normalized = Normalizer::new().normalize_mapped(text);
    /// assert_eq!(normalized.as_str(), "UBND tỉnh Thanh Hóa họp.");
    ///
    /// let start = normalized.as_str().find("Thanh Hóa").unwrap();
    /// let span = Span::new(start, start + "Thanh Hóa".len());
    /// let original = normalized.to_original(span);
    /// assert_eq!(&text[original.range()], "Thanh Hoa\u{301}");
    /// ```
    pub fn normalize_mapped(&self, text: &str) -> Normalized {
        let mut map = OffsetMap::default();
        let out = rewrite(text, self.rules, Some(&mut map)).into_owned();
        Normalized { text: out, map }
    }
}

impl NormalizerBuilder {
    /// Where tone marks go in `oa`, `oe`, `uy` (default [`TonePlacement::Old`]).
    ///
    /// ```
    /// use vntext::{Normalizer, TonePlacement};
    ///
    /// let new_style = Normalizer::builder().tone(TonePlacement::New).build();
    /// assert_eq!(new_style.normalize("Thanh Hóa, Khánh Hòa"), "Thanh Hoá, Khánh Hoà");
    /// ```
    pub fn tone(&mut self, placement: TonePlacement) -> &mut Self {
        self.rules.tone = placement;
        self
    }

    /// Replace look-alike letters such as `Ð` (U+00D0) with `Đ` (default on).
    ///
    /// ```
    /// use vntext::Normalizer;
    ///
    /// // `Ð` is U+00D0 (Icelandic eth), which looks like `Đ` (U+0110).
    /// assert_eq!(Normalizer::new().normalize("Ðà Nẵng"), "Đà Nẵng");
    /// let keep = Normalizer::builder().lookalikes(false).build();
    /// assert_eq!(keep.normalize("Ðà Nẵng"), "Ðà Nẵng");
    /// ```
    pub fn lookalikes(&mut self, yes: bool) -> &mut Self {
        self.rules.lookalikes = yes;
        self
    }

    /// Remove zero-width spaces, word joiners, BOMs and soft hyphens (default on).
    ///
    /// ```
    /// use vntext::Normalizer;
    ///
    /// let text = "\u{FEFF}Quốc\u{200B} phòng";
    /// assert_eq!(Normalizer::new().normalize(text), "Quốc phòng");
    /// let keep = Normalizer::builder().remove_invisible(false).build();
    /// assert_eq!(keep.normalize(text), text);
    /// ```
    pub fn remove_invisible(&mut self, yes: bool) -> &mut Self {
        self.rules.invisible = yes;
        self
    }

    /// Turn no-break, thin and other odd spaces into plain spaces (default on).
    ///
    /// ```
    /// use vntext::Normalizer;
    ///
    /// let text = "10\u{A0}000\u{2009}đồng";
    /// assert_eq!(Normalizer::new().normalize(text), "10 000 đồng");
    /// let keep = Normalizer::builder().plain_spaces(false).build();
    /// assert_eq!(keep.normalize(text), text);
    /// ```
    pub fn plain_spaces(&mut self, yes: bool) -> &mut Self {
        self.rules.spaces = yes;
        self
    }

    /// Collapse every run of whitespace into one space (default off). Line breaks are
    /// whitespace too, so this joins lines.
    ///
    /// ```
    /// use vntext::Normalizer;
    ///
    /// let collapse = Normalizer::builder().collapse_spaces(true).build();
    /// assert_eq!(collapse.normalize("Bộ  Quốc phòng\n\thọp"), "Bộ Quốc phòng họp");
    /// assert_eq!(Normalizer::new().normalize("Bộ  Quốc"), "Bộ  Quốc");
    /// ```
    pub fn collapse_spaces(&mut self, yes: bool) -> &mut Self {
        self.rules.collapse_spaces = yes;
        self
    }

    /// Lowercase the text (default off).
    ///
    /// ```
    /// use vntext::Normalizer;
    ///
    /// let lower = Normalizer::builder().lowercase(true).build();
    /// assert_eq!(lower.normalize("ỦY BAN Nhân Dân TP.HCM"), "ủy ban nhân dân tp.hcm");
    /// ```
    pub fn lowercase(&mut self, yes: bool) -> &mut Self {
        self.rules.lowercase = yes;
        self
    }

    /// The normalizer. The builder can be used again to build others.
    ///
    /// ```
    /// use vntext::{Normalizer, TonePlacement};
    ///
    /// let mut builder = Normalizer::builder();
    /// let old = builder.build();
    /// let new = builder.tone(TonePlacement::New).build();
    /// assert_eq!(old.normalize("hoà"), "hòa");
    /// assert_eq!(new.normalize("hòa"), "hoà");
    /// ```
    pub fn build(&self) -> Normalizer {
        Normalizer { rules: self.rules }
    }
}

/// Normalizes with the default [`Normalizer`]: NFC, old-style tone marks, look-alike
/// letters, invisible characters and odd spaces. Borrows `text` when nothing changes.
///
/// ```
/// // NFD input and a new-style tone mark.
/// assert_eq!(vntext::normalize("Ho\u{300}a Bi\u{300}nh, thuỷ điện"), "Hòa Bình, thủy điện");
/// ```
pub fn normalize(text: &str) -> Cow<'_, str> {
    Normalizer::new().normalize(text)
}

const FOLD: Rules = Rules {
    tone: TonePlacement::Keep,
    lookalikes: true,
    invisible: false,
    spaces: false,
    lowercase: false,
    fold: true,
    collapse_spaces: false,
};

const KEY: Rules = Rules {
    tone: TonePlacement::Old,
    lookalikes: true,
    invisible: true,
    spaces: true,
    lowercase: true,
    fold: false,
    collapse_spaces: true,
};

/// Removes Vietnamese diacritics: `Đắk Nông` → `Dak Nong`, `đ` → `d`. Other Latin letters
/// lose their marks too (`café` → `cafe`); everything else is kept.
///
/// ```
/// assert_eq!(vntext::fold_diacritics("Ủy ban nhân dân Đắk Nông"), "Uy ban nhan dan Dak Nong");
/// assert_eq!(vntext::fold_diacritics("café, 25°C"), "cafe, 25°C");
/// ```
pub fn fold_diacritics(text: &str) -> Cow<'_, str> {
    rewrite(text, FOLD, None)
}

/// [`fold_diacritics`] with a map from the folded text back to `text`: search the folded
/// text for a name typed without accents, report where it is in the original.
///
/// ```
/// use vntext::Span;
///
/// let text = "Tỉnh Đắk Nông và Lâm Đồng";
/// let folded = vntext::fold_mapped(text);
/// assert_eq!(folded.as_str(), "Tinh Dak Nong va Lam Dong");
///
/// let start = folded.as_str().find("Dak Nong").unwrap();
/// let span = folded.to_original(Span::new(start, start + "Dak Nong".len()));
/// assert_eq!(&text[span.range()], "Đắk Nông");
/// ```
pub fn fold_mapped(text: &str) -> Normalized {
    let mut map = OffsetMap::default();
    let out = rewrite(text, FOLD, Some(&mut map)).into_owned();
    Normalized { text: out, map }
}

/// The comparison key of `text`: the same string for NFC and NFD input, both tone
/// placements, look-alike letters, any letter case and any run of whitespace. Every
/// dictionary look-up in this crate goes through it.
///
/// ```
/// assert_eq!(vntext::key("ỦY BAN"), vntext::key("Uỷ  ban"));
/// assert_eq!(vntext::key("Thanh Hoá"), "thanh hóa");
/// ```
pub fn key(text: &str) -> Cow<'_, str> {
    rewrite(text, KEY, None)
}

/// Writes the [`key`] of `text` into `out` (cleared first), reusing its buffer.
///
/// ```
/// let mut key = String::new();
/// for name in ["THANH HOÁ", "Thanh Hóa"] {
///     vntext::key_into(name, &mut key);
///     assert_eq!(key, "thanh hóa");
/// }
/// ```
pub fn key_into(text: &str, out: &mut String) {
    rewrite_into(text, KEY, out);
}

/// The diacritic-insensitive comparison key: [`key`] and then [`fold_diacritics`], so that
/// `Đắk Nông`, `Dak Nong` and `DAK NONG` are equal.
///
/// ```
/// assert_eq!(vntext::folded_key("Đắk Nông"), "dak nong");
/// assert_eq!(vntext::folded_key("DAK  NONG"), vntext::folded_key("Đắk Nông"));
/// // Only the accents differ, and they matter to `key`:
/// assert_ne!(vntext::key("Dak Nong"), vntext::key("Đắk Nông"));
/// ```
pub fn folded_key(text: &str) -> Cow<'_, str> {
    rewrite(text, Rules { fold: true, tone: TonePlacement::Keep, ..KEY }, None)
}

/// Normalized text with a map back to the text it came from, returned by
/// [`Normalizer::normalize_mapped`] and [`fold_mapped`].
///
/// ```
/// let normalized = vntext::Normalizer::new().normalize_mapped("Ðo\u{300}an kết");
/// assert_eq!(normalized.as_str(), "Đoàn kết");
/// assert!(!normalized.map().is_identity());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Normalized {
    text: String,
    map: OffsetMap,
}

impl Normalized {
    /// The normalized text.
    ///
    /// ```
    /// let folded = vntext::fold_mapped("Đắk Nông");
    /// assert_eq!(folded.as_str(), "Dak Nong");
    /// ```
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The normalized text, owned.
    ///
    /// ```
    /// let text: String = vntext::fold_mapped("Đắk Nông").into_string();
    /// assert_eq!(text, "Dak Nong");
    /// ```
    pub fn into_string(self) -> String {
        self.text
    }

    /// The offset map.
    ///
    /// ```
    /// let unchanged = vntext::Normalizer::new().normalize_mapped("Đắk Nông");
    /// assert!(unchanged.map().is_identity());
    /// let changed = vntext::Normalizer::new().normalize_mapped("Đắk\u{A0}Nông");
    /// // `Đắk` is 6 bytes; the no-break space (2 bytes) became a plain space (1 byte), so
    /// // `Nông` starts at 7 in the normalized text and at 8 in the original.
    /// assert_eq!(changed.map().to_original_offset(6, false), 6);
    /// assert_eq!(changed.map().to_original_offset(7, false), 8);
    /// ```
    pub fn map(&self) -> &OffsetMap {
        &self.map
    }

    /// The span of the original text that `span` (in the normalized text) came from.
    ///
    /// ```
    /// use vntext::Span;
    ///
    /// let text = "\u{FEFF}Hòa Bình";
    /// let normalized = vntext::Normalizer::new().normalize_mapped(text);
    /// assert_eq!(normalized.as_str(), "Hòa Bình");
    /// // `Bình` is at 5..10 in the normalized text and 8..13 after the 3-byte BOM.
    /// assert_eq!(normalized.to_original(Span::new(5, 10)), Span::new(8, 13));
    /// assert_eq!(&text[8..13], "Bình");
    /// ```
    pub fn to_original(&self, span: Span) -> Span {
        self.map.to_original(span)
    }
}

/// One rewritten piece: `norm` in the new text came from `orig` in the old.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Change {
    norm: Span,
    orig: Span,
}

/// Maps byte offsets of a rewritten text back to the text it came from.
///
/// Only the rewritten pieces are stored (a text that needed nothing costs an empty map);
/// an offset inside a rewritten piece maps to that piece's whole original span, so every
/// mapped span is on `char` boundaries of the original.
///
/// ```
/// use vntext::Span;
///
/// // `o` + U+0300 (3 bytes) is rewritten as `ò` (2 bytes).
/// let text = "Ho\u{300}a Bình";
/// let normalized = vntext::Normalizer::new().normalize_mapped(text);
/// let map = normalized.map();
/// assert_eq!(normalized.as_str(), "Hòa Bình");
/// // `Bình` moved one byte to the left.
/// assert_eq!(map.to_original(Span::new(5, 10)), Span::new(6, 11));
/// // A span that starts or ends inside the rewritten word takes all of it.
/// assert_eq!(map.to_original(Span::new(1, 2)), Span::new(0, 5));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OffsetMap {
    changes: Vec<Change>,
}

impl OffsetMap {
    /// A map for a text that was rewritten piece by piece; the pieces must be added in
    /// order with [`OffsetMap::push`]. For your own rewrites; the normalizer and the
    /// abbreviation expander build theirs.
    ///
    /// ```
    /// use vntext::{OffsetMap, Span};
    ///
    /// let map = OffsetMap::new();
    /// assert!(map.is_identity());
    /// assert_eq!(map.to_original(Span::new(3, 7)), Span::new(3, 7));
    /// ```
    pub fn new() -> OffsetMap {
        OffsetMap::default()
    }

    /// Records that `norm` in the new text replaced `orig` in the old one. Pieces must come
    /// in increasing order and not overlap; this is not checked, and a map built out of order
    /// maps offsets wrongly.
    ///
    /// ```
    /// use vntext::{OffsetMap, Span};
    ///
    /// // "UBND họp" rewritten as "Ủy ban nhân dân họp".
    /// let old = "UBND họp";
    /// let new = "Ủy ban nhân dân họp";
    /// let mut map = OffsetMap::new();
    /// map.push(Span::new(0, "Ủy ban nhân dân".len()), Span::new(0, 4));
    ///
    /// let hop = new.find("họp").unwrap();
    /// let span = map.to_original(Span::new(hop, new.len()));
    /// assert_eq!(&old[span.range()], "họp");
    /// // Any part of the expansion maps to the whole abbreviation.
    /// assert_eq!(map.to_original(Span::new(4, 7)), Span::new(0, 4));
    /// ```
    pub fn push(&mut self, norm: Span, orig: Span) {
        self.changes.push(Change { norm, orig });
    }

    /// True when no piece was rewritten.
    ///
    /// ```
    /// use vntext::Normalizer;
    ///
    /// assert!(Normalizer::new().normalize_mapped("Hòa Bình").map().is_identity());
    /// assert!(!Normalizer::new().normalize_mapped("Hoà Bình").map().is_identity());
    /// ```
    pub fn is_identity(&self) -> bool {
        self.changes.is_empty()
    }

    /// Maps a position of the new text; `end` says whether it ends a span (a position
    /// inside a rewritten piece then maps to the piece's end, else to its start).
    ///
    /// ```
    /// // `Đ` + `o` + U+0300 is rewritten as `Đò` (`ò` is 2 bytes, `o` + U+0300 is 3).
    /// let normalized = vntext::Normalizer::new().normalize_mapped("Đo\u{300} ngang");
    /// let map = normalized.map();
    /// assert_eq!(normalized.as_str(), "Đò ngang");
    /// // Offset 2 is inside the rewritten word `Đò` (0..4 in the new text, 0..5 in the old).
    /// assert_eq!(map.to_original_offset(2, false), 0);
    /// assert_eq!(map.to_original_offset(2, true), 5);
    /// // After it, offsets shift by one byte.
    /// assert_eq!(map.to_original_offset(5, false), 6);
    /// ```
    pub fn to_original_offset(&self, pos: usize, end: bool) -> usize {
        let ch = &self.changes;
        let idx = ch.partition_point(|c| c.norm.start < pos);
        if !end {
            let mut after_removed = None;
            for c in &ch[idx..] {
                if c.norm.start != pos {
                    break;
                }
                if c.norm.is_empty() {
                    after_removed = Some(c.orig.end);
                } else {
                    return c.orig.start;
                }
            }
            if let Some(o) = after_removed {
                return o;
            }
        }
        match idx.checked_sub(1).map(|i| ch[i]) {
            Some(c) if c.norm.end > pos => {
                if end {
                    c.orig.end
                } else {
                    c.orig.start
                }
            }
            Some(c) => pos - c.norm.end + c.orig.end,
            None => pos,
        }
    }

    /// Maps a span of the new text to the span of the old text it came from; an empty span
    /// maps to an empty span.
    ///
    /// ```
    /// use vntext::Span;
    ///
    /// let text = "Thủ\u{A0}tướng";
    /// let normalized = vntext::Normalizer::new().normalize_mapped(text);
    /// let map = normalized.map();
    /// // `tướng` is at 6.. in the normalized text and 7.. in `text` (U+00A0 is 2 bytes).
    /// let tuong = map.to_original(Span::new(6, normalized.as_str().len()));
    /// assert_eq!(&text[tuong.range()], "tướng");
    /// assert!(map.to_original(Span::new(6, 6)).is_empty());
    /// ```
    pub fn to_original(&self, span: Span) -> Span {
        let start = self.to_original_offset(span.start, false);
        if span.is_empty() {
            return Span::new(start, start);
        }
        let end = self.to_original_offset(span.end, true).max(start);
        Span::new(start, end)
    }
}

fn odd_space(c: char) -> bool {
    matches!(c, '\u{A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}')
}

fn removable(c: char, rules: Rules) -> bool {
    rules.invisible && matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}')
}

/// Letters and combining marks: the pieces that tone placement and composition work on
/// (digits end a run, as they end a syllable for the tokenizer).
fn in_letter_run(c: char) -> bool {
    chars::is_letter(c) && quote_lookalike(c).is_none()
}

/// The output text, copied lazily: nothing is written until the first change.
struct Writer<'a, 'm> {
    text: &'a str,
    /// The output; empty and untouched (no allocation) while `dirty` is false.
    out: String,
    dirty: bool,
    /// Bytes of `text` already accounted for (copied or rewritten).
    done: usize,
    map: Option<&'m mut OffsetMap>,
}

impl<'a, 'm> Writer<'a, 'm> {
    fn new(text: &'a str, out: String, map: Option<&'m mut OffsetMap>) -> Writer<'a, 'm> {
        Writer { text, out, dirty: false, done: 0, map }
    }

    /// Emits `text[start..end]` as `replacement` (unchanged pieces cost nothing).
    fn piece(&mut self, start: usize, end: usize, replacement: &str) {
        if replacement.as_bytes() == self.text.as_bytes()[start..end].as_ref() {
            return;
        }
        self.piece_with(start, end, |out| out.push_str(replacement));
    }

    /// Emits `text[start..end]` as what `write` appends, written straight into the output.
    fn piece_with(&mut self, start: usize, end: usize, write: impl FnOnce(&mut String)) {
        let text = self.text;
        if !self.dirty {
            self.dirty = true;
            self.out.reserve(text.len() + 16);
        }
        self.out.push_str(&text[self.done..start]);
        let norm_start = self.out.len();
        write(&mut self.out);
        let norm_end = self.out.len();
        self.done = end;
        if let Some(map) = self.map.as_deref_mut() {
            map.push(Span::new(norm_start, norm_end), Span::new(start, end));
        }
    }

    /// The output, or `None` when nothing changed (the output buffer is then left empty).
    fn finish(mut self) -> (Option<String>, String) {
        if self.dirty {
            self.out.push_str(&self.text[self.done..]);
            (Some(self.out), String::new())
        } else {
            (None, self.out)
        }
    }
}

fn rewrite<'a>(text: &'a str, rules: Rules, map: Option<&mut OffsetMap>) -> Cow<'a, str> {
    let ascii_noop = !rules.lowercase && !rules.collapse_spaces;
    if ascii_noop && text.is_ascii() {
        return Cow::Borrowed(text);
    }
    let mut w = Writer::new(text, String::new(), map);
    rewrite_fast(&mut w, rules);
    match w.finish() {
        (Some(out), _) => Cow::Owned(out),
        (None, _) => Cow::Borrowed(text),
    }
}

/// [`rewrite`] into `out` (cleared first), reusing its buffer.
fn rewrite_into(text: &str, rules: Rules, out: &mut String) {
    out.clear();
    let mut w = Writer::new(text, std::mem::take(out), None);
    rewrite_fast(&mut w, rules);
    *out = match w.finish() {
        (Some(done), _) => done,
        (None, mut unused) => {
            unused.push_str(text);
            unused
        }
    };
}

/// One pass over the text, the fast way: one loop over the bytes reads runs of ASCII and
/// precomposed Vietnamese letters (nearly every word) from their UTF-8 bytes, keeping what
/// the rules ask about the word in registers ([`Word`]), and steps over the bytes between
/// words with one table look-up each. A word is looked at again ([`word_action`]) only
/// when it has something to rewrite (a capital for keys, a diacritic for folding, a
/// look-alike) or a tone mark that may have to move; anything else (combining marks,
/// invisible characters inside a word, other scripts, odd spaces) takes the general path
/// ([`general_step`]).
fn rewrite_fast(w: &mut Writer<'_, '_>, rules: Rules) {
    let bytes = w.text.as_bytes();
    // The ASCII bytes between words that need a look: none, or whitespace when it collapses.
    let stop = if rules.collapse_spaces { SPACE | WHITESPACE } else { 0 };
    // The letter bits that call for a rewrite of the word, and whether tone marks move.
    let rewrite_bits = if rules.fold { NON_ASCII_BIT } else { LOOKALIKE_BIT }
        | if rules.lowercase { ASCII_UPPER_BIT | UPPER_BIT } else { 0 };
    let tones_move = !rules.fold && rules.tone != TonePlacement::Keep;
    let mut scratch = String::new();
    // The word being read, in registers: letters, their codes (the last eight, the last in
    // the lowest byte), vowels, tone marks, the index of the (last) toned letter, and the
    // packed letters or-ed together (see [`Word`]).
    let (mut n, mut codes, mut vowels, mut toned, mut toned_at, mut flags) =
        (0usize, 0u64, 0u32, 0u32, 0usize, 0u16);
    let mut start = 0;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let p = ASCII_PACKED[usize::from(b)];
        if p != 0 {
            flags |= p;
            codes = codes << 8 | u64::from(p & 63);
            vowels += u32::from((p >> 10) & 1);
            n += 1;
            i += 1;
            continue;
        }
        if b >= 0x80 {
            let (p, len) = utf8_packed(bytes, i);
            if p != 0 {
                flags |= p;
                codes = codes << 8 | u64::from(p & 63);
                vowels += u32::from((p >> 10) & 1);
                if p & TONE_BITS != 0 {
                    toned += 1;
                    toned_at = n;
                }
                n += 1;
                i += len;
                continue;
            }
        }
        // Not a plain letter: the word before it, if any, ends here (unless a letter or a
        // mark the general path reads goes on with it).
        if n > 0 {
            if b >= 0x80 && in_run_after_letters(w.text, i, rules) {
                i = general_step(w, rules, start, &mut scratch);
                (n, codes, vowels, toned, flags) = (0, 0, 0, 0, 0);
                start = i;
                continue;
            }
            if flags & rewrite_bits != 0 || (tones_move && toned == 1 && vowels >= 2) {
                let word = Word { len: n, codes, vowels, toned, toned_at, flags };
                word_action(w, rules, &mut scratch, start, i, word);
            }
            (n, codes, vowels, toned, flags) = (0, 0, 0, 0, 0);
        }
        if b >= 0x80 {
            i = general_step(w, rules, i, &mut scratch);
        } else {
            let class = BYTE_CLASS[usize::from(b)];
            if class & stop != 0 && !(class == SPACE && lone_space(bytes, i)) {
                let end = space_run_end(w.text, i, rules);
                w.piece(i, end, " ");
                i = end;
            } else {
                i += 1;
            }
        }
        start = i;
    }
    if n > 0 && (flags & rewrite_bits != 0 || (tones_move && toned == 1 && vowels >= 2)) {
        let word = Word { len: n, codes, vowels, toned, toned_at, flags };
        word_action(w, rules, &mut scratch, start, i, word);
    }
}

/// Whether the character at `i` (outside ASCII, not a precomposed Vietnamese letter) goes on
/// with the letters before it, so that the general path must read them all: a letter, a
/// combining mark, an invisible character (removed, inside the word).
#[cold]
#[inline(never)]
fn in_run_after_letters(text: &str, i: usize, rules: Rules) -> bool {
    text[i..].chars().next().is_some_and(|c| in_letter_run(c) || removable(c, rules))
}

/// A word of ASCII and precomposed Vietnamese letters, as [`rewrite_fast`] reads it.
#[derive(Clone, Copy)]
struct Word {
    /// Letters read (all of them, even past [`MAX_LETTERS`]).
    len: usize,
    /// The last eight letters' codes ([`syllable::letter_code`]), one a byte, the last in the
    /// lowest byte: the whole word when `len <= MAX_LETTERS`.
    codes: u64,
    vowels: u32,
    toned: u32,
    /// Index of the (last) letter with a tone mark.
    toned_at: usize,
    /// The packed letters (see [`LOOKALIKE_BIT`]) or-ed together.
    flags: u16,
}

/// Rewrites the word `text[start..end]` when the rules change it: through the general path
/// when a look-alike is to be replaced (outside folding) or its tone mark is not where
/// `rules` put it; else folded or lowercased straight from its bytes.
#[inline(never)]
fn word_action(
    w: &mut Writer<'_, '_>,
    rules: Rules,
    scratch: &mut String,
    start: usize,
    end: usize,
    word: Word,
) {
    let text = w.text;
    let general = !rules.fold
        && (word.flags & LOOKALIKE_BIT != 0
            || (word.len <= MAX_LETTERS
                && word.toned == 1
                && word.vowels >= 2
                && rules.tone != TonePlacement::Keep
                && tone_target(&word.codes.to_be_bytes()[MAX_LETTERS - word.len..], rules.tone)
                    != Some(word.toned_at)));
    if general {
        if rewrite_run(&text[start..end], rules, scratch) {
            w.piece(start, end, scratch);
        }
    } else if rules.fold && word.flags & NON_ASCII_BIT != 0 {
        w.piece_with(start, end, |out| fold_plain(&text.as_bytes()[start..end], rules.lowercase, out));
    } else if rules.lowercase && word.flags & (ASCII_UPPER_BIT | UPPER_BIT) != 0 {
        let word_text = &text[start..end];
        if word.flags & UPPER_BIT != 0 {
            w.piece_with(start, end, |out| lower_plain(word_text, out));
        } else {
            // Only ASCII capitals: the other letters' bytes stay as they are.
            w.piece_with(start, end, |out| {
                let from = out.len();
                out.push_str(word_text);
                out[from..].make_ascii_lowercase();
            });
        }
    }
}

/// A plain space at `i` before anything but more whitespace: nothing to collapse.
#[inline]
fn lone_space(bytes: &[u8], i: usize) -> bool {
    bytes.get(i + 1).is_none_or(|&n| n < 0x80 && !matches!(n, b'\t'..=b'\r' | b' '))
}

/// One pass over the text, every run read char by char by the general path: the reference
/// the fast path ([`rewrite_fast`]) is tested against.
#[cfg(test)]
fn rewrite_general(w: &mut Writer<'_, '_>, rules: Rules) {
    let bytes = w.text.as_bytes();
    let mut scratch = String::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() && !b.is_ascii_alphabetic() {
            if rules.collapse_spaces && b.is_ascii_whitespace() {
                let end = space_run_end(w.text, i, rules);
                w.piece(i, end, " ");
                i = end;
            } else {
                i += 1;
            }
            continue;
        }
        i = general_step(w, rules, i, &mut scratch);
    }
}

/// The general path at `i`, which holds a letter or a character outside ASCII: rewrites what
/// starts there (a run of letters, a look-alike quotation mark, an odd space...) and returns
/// where it ends.
fn general_step(w: &mut Writer<'_, '_>, rules: Rules, i: usize, scratch: &mut String) -> usize {
    let text = w.text;
    let c = text[i..].chars().next().unwrap_or('\u{FFFD}');
    let len = c.len_utf8();
    if let Some(quote) = quote_lookalike(c) {
        if rules.lookalikes {
            w.piece(i, i + len, quote);
        }
        return i + len;
    }
    if c.is_alphabetic() && !chars::is_combining(c) {
        let end = letter_run_end(text, i, rules);
        let run = &text[i..end];
        if run.is_ascii() {
            if rules.lowercase && run.bytes().any(|b| b.is_ascii_uppercase()) {
                w.piece_with(i, end, |out| {
                    let from = out.len();
                    out.push_str(run);
                    out[from..].make_ascii_lowercase();
                });
            }
        } else if rewrite_run(run, rules, scratch) {
            w.piece(i, end, scratch);
        }
        return end;
    }
    if rules.collapse_spaces && (c.is_whitespace() || removable(c, rules)) {
        let end = space_run_end(text, i, rules);
        w.piece(i, end, " ");
        end
    } else if removable(c, rules) {
        w.piece(i, i + len, "");
        i + len
    } else {
        if rules.spaces && odd_space(c) {
            w.piece(i, i + len, " ");
        }
        i + len
    }
}

/// Byte classes for the fast path's step between words.
const LETTER_OR_NON_ASCII: u8 = 1;
const SPACE: u8 = 2;
/// ASCII whitespace but the space (`\t`, `\n`, form feed, `\r`: `u8::is_ascii_whitespace`).
const WHITESPACE: u8 = 4;

static BYTE_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = match b as u8 {
            0x80..=0xFF | b'A'..=b'Z' | b'a'..=b'z' => LETTER_OR_NON_ASCII,
            b' ' => SPACE,
            b'\t' | b'\n' | 0x0C | b'\r' => WHITESPACE,
            _ => 0,
        };
        b += 1;
    }
    t
};

/// Bits of a packed letter as the fast path reads it: those of [`chars::PackedLetter`]
/// (bits 0–5 the code, 6 a capital outside ASCII, 7–9 the tone, 10 a vowel, 15 a letter
/// outside ASCII), plus 11 for a look-alike of `Đ`/`đ` (`Ð` U+00D0, `ð` U+00F0, `Ɖ` U+0189),
/// 13 for an ASCII capital and 14 for an ASCII letter.
const LOOKALIKE_BIT: u16 = 1 << 11;
const UPPER_BIT: u16 = 1 << 6;
const TONE_BITS: u16 = 7 << 7;
const ASCII_UPPER_BIT: u16 = 1 << 13;
const NON_ASCII_BIT: u16 = 1 << 15;
const _: () = assert!(MAX_LETTERS == 8);

/// [`ASCII_LETTER_CODE`](chars::ASCII_LETTER_CODE) as packed letters; 0 for every other byte
/// (those outside ASCII included).
static ASCII_PACKED: [u16; 256] = {
    let mut t = [0u16; 256];
    let mut b = 0;
    while b < 256 {
        let v = chars::ASCII_LETTER_CODE[b] as u16;
        if v != 0 {
            t[b] = (v & 63) | (v & 64) << 7 | (v & 128) << 3 | 1 << 14;
        }
        b += 1;
    }
    t
};

/// [`chars::UTF8_LETTERS`] with [`LOOKALIKE_BIT`] on the look-alikes.
static UTF8_PACKED: ([u16; 256], [u16; 128]) = {
    let mut t = chars::UTF8_LETTERS;
    // Indexed by (lead - 0xC3) * 64 + (second & 0x3F): C3 90, C3 B0, C6 89.
    t.0[0x10] |= LOOKALIKE_BIT;
    t.0[0x30] |= LOOKALIKE_BIT;
    t.0[3 * 64 + 0x09] |= LOOKALIKE_BIT;
    t
};

/// The packed letter at `bytes[i]` (not ASCII) and its length; 0 when it is not a
/// precomposed Vietnamese letter.
#[inline(always)]
fn utf8_packed(bytes: &[u8], i: usize) -> (u16, usize) {
    let lead = bytes[i];
    let Some(&second) = bytes.get(i + 1) else { return (0, 1) };
    match lead {
        0xC3..=0xC6 => (UTF8_PACKED.0[(usize::from(lead - 0xC3) * 64 + usize::from(second & 0x3F)) & 255], 2),
        0xE1 if matches!(second, 0xBA | 0xBB) => match bytes.get(i + 2) {
            Some(&third) => {
                (UTF8_PACKED.1[(usize::from(second - 0xBA) * 64 + usize::from(third & 0x3F)) & 127], 3)
            }
            None => (0, 1),
        },
        _ => (0, 1),
    }
}

/// Where the tone mark of a syllable spelled by `codes` goes, by the rule of
/// `Analysis::tone_index`, read off the vowel block alone: when the letters are a
/// syllable, this is the letter that `tone_index` names (tested on every syllable shape);
/// when they are not, the general path decides.
fn tone_target(codes: &[u8], placement: TonePlacement) -> Option<usize> {
    const fn code(c: u8) -> u8 {
        c - b'a' + 1
    }
    let vowel = |c: u8| matches!(c, 1 | 5 | 9 | 15 | 21 | 25 | 27..=32);
    let quality = |c: u8| (27..=32).contains(&c);
    let n = codes.len();
    let at = |i: usize| codes.get(i).copied().unwrap_or(0);
    let qu = (at(0), at(1)) == (code(b'q'), code(b'u'));
    let start = if qu || ((at(0), at(1)) == (code(b'g'), code(b'i')) && vowel(at(2))) {
        2
    } else {
        codes.iter().position(|&c| vowel(c))?
    };
    let end = (start..n).find(|&i| !vowel(codes[i])).unwrap_or(n);
    if start >= end {
        return None;
    }
    if let Some(i) = (start..end).rev().find(|&i| quality(codes[i])) {
        return Some(i);
    }
    if end < n {
        return Some(end - 1);
    }
    Some(match end - start {
        1 => start,
        2 => {
            let pair = (codes[start], codes[start + 1]);
            let free_glide = !qu
                && matches!(
                    pair,
                    (15, 1) | (15, 5) | (21, 25) // oa oe uy
                );
            if free_glide && placement == TonePlacement::New { start + 1 } else { start }
        }
        _ => start + 1,
    })
}

/// Writes a plain run in lower case.
fn lower_plain(word: &str, out: &mut String) {
    let run = word.as_bytes();
    let mut i = 0;
    while i < run.len() {
        let b = run[i];
        if b < 0x80 {
            out.push(char::from(b.to_ascii_lowercase()));
            i += 1;
        } else if let Some((p, len)) = chars::utf8_letter(run, i) {
            if p & 64 == 0 {
                out.push_str(word.get(i..i + len).unwrap_or_default());
            } else {
                let base = syllable::code_letter(u64::from(p & 63));
                out.push(chars::compose(base, chars::packed_tone(p), false));
            }
            i += len;
        } else {
            i += 1;
        }
    }
}

/// Writes a plain run without diacritics (`Đắk` → `Dak`), in lower case if asked.
fn fold_plain(run: &[u8], lower: bool, out: &mut String) {
    let mut i = 0;
    while i < run.len() {
        let b = run[i];
        let (c, len) = if b < 0x80 {
            (b, 1)
        } else if let Some((p, len)) = chars::utf8_letter(run, i) {
            let base = match syllable::code_letter(u64::from(p & 63)) {
                'ă' | 'â' => b'a',
                'ê' => b'e',
                'ô' | 'ơ' => b'o',
                'ư' => b'u',
                'đ' => b'd',
                c => c as u8,
            };
            (if p & 64 != 0 { base.to_ascii_uppercase() } else { base }, len)
        } else {
            (b'?', 1)
        };
        out.push(char::from(if lower { c.to_ascii_lowercase() } else { c }));
        i += len;
    }
}

fn space_run_end(text: &str, start: usize, rules: Rules) -> usize {
    let mut end = start;
    for (j, c) in text[start..].char_indices() {
        if c.is_whitespace() || removable(c, rules) {
            end = start + j + c.len_utf8();
        } else {
            break;
        }
    }
    end
}

/// End of the run of letters, digits and combining marks starting at `start`; removable
/// invisible characters between two letters stay inside the run so that the word they
/// split is normalized as one.
fn letter_run_end(text: &str, start: usize, rules: Rules) -> usize {
    let mut end = start;
    for (j, c) in text[start..].char_indices() {
        if in_letter_run(c) {
            end = start + j + c.len_utf8();
        } else if removable(c, rules) {
            // Invisible characters stay in the run only when a letter or mark follows them
            // (`end` moves past them then): removing them would otherwise join that mark to
            // the run on the next pass.
        } else {
            break;
        }
    }
    end
}

/// Rewrites one run of letters into `out` (cleared first); returns false, leaving `out`
/// empty, when the run stays as it is, which is the common case and costs no writing.
fn rewrite_run(run: &str, rules: Rules, out: &mut String) -> bool {
    out.clear();
    let mut letters = [Letter { base: 'a', tone: Tone::Level, upper: false }; MAX_LETTERS];
    if let Some(read) = read_run_letters(run, rules, &mut letters) {
        let letters = &mut letters[..read.len];
        if rules.fold {
            for l in letters.iter() {
                let c = chars::fold_char(chars::compose(l.base, Tone::Level, l.upper && !rules.lowercase));
                out.push(c);
            }
            return true;
        }
        let mut changed = read.rewritten || (rules.lowercase && letters.iter().any(|l| l.upper));
        // Tone placement only matters for a toned syllable with two vowels or more.
        if read.toned == 1 && read.vowels >= 2 && rules.tone != TonePlacement::Keep {
            if let Some((analysis, bases)) = syllable::analyze(letters) {
                if let Some(target) = analysis.tone_index(&bases[..read.len], rules.tone) {
                    if letters[target].tone == Tone::Level {
                        let tone = analysis.syllable().tone;
                        for (i, l) in letters.iter_mut().enumerate() {
                            l.tone = if i == target { tone } else { Tone::Level };
                        }
                        changed = true;
                    }
                }
            }
        }
        if changed {
            for l in letters.iter() {
                out.push(chars::compose(l.base, l.tone, l.upper && !rules.lowercase));
            }
        }
        return changed;
    }
    // Not (only) Vietnamese letters: compose, fix look-alikes and case char by char.
    let kept = run
        .chars()
        .filter(|&c| !removable(c, rules))
        .map(|c| if rules.lookalikes { lookalike(c) } else { c });
    if rules.fold {
        for c in kept.nfd().filter(|&c| !chars::is_combining(c)) {
            push_cased(out, chars::fold_char(c), rules.lowercase);
        }
    } else if rules.lowercase {
        // Lowercase before composing: `Y` + ring has no precomposed form but `y` + ring
        // does (`ẙ`), and the key of a key must be itself.
        out.extend(kept.flat_map(char::to_lowercase).nfc());
    } else {
        out.extend(kept.nfc());
    }
    out.as_str() != run
}

fn push_cased(out: &mut String, c: char, lower: bool) {
    if lower {
        out.extend(c.to_lowercase());
    } else {
        out.push(c);
    }
}

/// The letter a look-alike stands for (`Ð` U+00D0 → `Đ`), or `c` itself.
pub(crate) fn lookalike(c: char) -> char {
    match c {
        'Ð' | 'Ɖ' => 'Đ',
        'ð' | 'ɖ' => 'đ',
        c => c,
    }
}

/// The quotation mark that a modifier letter written as one stands for: `ʺ` (U+02BA) and
/// `ˮ` (U+02EE) → `"`, `ʻ` (U+02BB) and `ʽ` (U+02BD) → `‘`. Unicode calls them letters, so
/// without this they would stick to the word they quote; the tokenizer reads them as
/// punctuation and the normalizer writes the mark they stand for. (`ʼ` U+02BC, the
/// apostrophe letter, stays a letter: `Hʼmông` is one word.)
pub(crate) fn quote_lookalike(c: char) -> Option<&'static str> {
    match c {
        '\u{2BA}' | '\u{2EE}' => Some("\""),
        '\u{2BB}' | '\u{2BD}' => Some("\u{2018}"),
        _ => None,
    }
}

/// Reads a run as Vietnamese letters when it is one (at most [`MAX_LETTERS`] letters, each
/// precomposed or with combining marks), skipping removable invisible characters. Runs with
/// look-alikes are left to the general path when look-alike fixing is off.
/// What [`read_run_letters`] saw.
struct ReadRun {
    len: usize,
    vowels: usize,
    toned: usize,
    /// Something in the run is written differently from its canonical form: combining
    /// marks, a look-alike, an invisible character.
    rewritten: bool,
}

fn read_run_letters(run: &str, rules: Rules, out: &mut [Letter; MAX_LETTERS]) -> Option<ReadRun> {
    let mut r = ReadRun { len: 0, vowels: 0, toned: 0, rewritten: false };
    for c in run.chars() {
        if removable(c, rules) {
            r.rewritten = true;
            continue;
        }
        if matches!(c, 'Ð' | 'Ɖ' | 'ð' | 'ɖ') {
            if !rules.lookalikes {
                return None;
            }
            r.rewritten = true;
        }
        if let Some(l) = chars::letter(c) {
            if r.len == MAX_LETTERS {
                return None;
            }
            out[r.len] = l;
            r.len += 1;
            r.vowels += usize::from(l.is_vowel());
            r.toned += usize::from(l.tone != Tone::Level);
        } else if let Some(m) = chars::mark(c) {
            let last = r.len.checked_sub(1)?;
            let marked = chars::apply_mark(out[last], m)?;
            r.toned += usize::from(marked.tone != out[last].tone);
            out[last] = marked;
            r.rewritten = true;
        } else {
            return None;
        }
    }
    Some(r)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The general path alone, every run read char by char: the reference.
    fn general(text: &str, rules: Rules) -> (Option<String>, OffsetMap) {
        let mut map = OffsetMap::default();
        let mut w = Writer::new(text, String::new(), Some(&mut map));
        rewrite_general(&mut w, rules);
        let out = w.finish().0;
        (out, map)
    }

    fn fast(text: &str, rules: Rules) -> (Option<String>, OffsetMap) {
        let mut map = OffsetMap::default();
        let mut w = Writer::new(text, String::new(), Some(&mut map));
        rewrite_fast(&mut w, rules);
        let out = w.finish().0;
        (out, map)
    }

    fn all_rules() -> Vec<Rules> {
        let mut v = vec![FOLD, KEY, Rules { fold: true, tone: TonePlacement::Keep, ..KEY }];
        for tone in [TonePlacement::Old, TonePlacement::New, TonePlacement::Keep] {
            let n = Normalizer::builder().tone(tone).build().rules;
            v.push(n);
            v.push(Rules { lowercase: true, ..n });
            v.push(Rules { collapse_spaces: true, ..n });
            v.push(Rules { lookalikes: false, ..n });
            v.push(Rules { invisible: false, spaces: false, ..n });
            v.push(Rules { tone, ..KEY });
        }
        v
    }

    fn check_fast_equals_general(text: &str) {
        for rules in all_rules() {
            assert_eq!(fast(text, rules), general(text, rules), "{text:?} {rules:?}");
            let cow = rewrite(text, rules, None);
            let expected = general(text, rules).0.unwrap_or_else(|| text.to_string());
            assert_eq!(cow, expected, "{text:?} {rules:?}");
            let mut buf = String::from("stale");
            rewrite_into(text, rules, &mut buf);
            assert_eq!(buf, expected, "{text:?} {rules:?}");
        }
    }

    #[test]
    fn fast_path_equals_general_path_on_examples() {
        for text in [
            "",
            "Hòa Bình, hoà bình, HOÀ BÌNH; thuỷ THỦY quý Quỳnh giữ gìn khuya KHUYA người NGƯỜI",
            "Ðo\u{300}an ke\u{302}\u{301}t ðoàn Ɖà ɖà a\u{200B}b \u{FEFF}Quốc\u{AD}\u{A0}x\u{3000}y",
            "  Hòa   Bình\t\n\u{B}x \u{B} \u{2009}\u{200B} Ü naïve Straße ДЕЛО ǅ Y\u{30A} 12hoà 3.5",
            "nghiêngnghiêng NGHIÊNGNGHIÊNG ÐÐÐÐÐÐÐÐÐÐ ooà oà uỳ qùy gìa gịa ỦY ủy Uỷ uỷ khoẻ KHOẺ",
            "hoà\u{301} ho\u{300}a\u{200B} \u{301}x 1\u{301} ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđĨĩŨũƠơƯư",
        ] {
            check_fast_equals_general(text);
        }
    }

    fn piece() -> impl Strategy<Value = String> {
        let letters: Vec<String> = "aAbBcdĐđeEgGhHiIkKlmnNoOpqQrstTuUvxyYzZ àÀáÁảẢãÃạẠăĂằẰắẮẳẲẵẴặẶâÂầẦấẤẩẨẫẪậẬèÈéÉẻẺẽẼẹẸêÊềỀếẾểỂễỄệỆìÌíÍỉỈĩĨịỊòÒóÓỏỎõÕọỌôÔồỒốỐổỔỗỖộỘơƠờỜớỚởỞỡỠợỢùÙúÚủỦũŨụỤưƯừỪứỨửỬữỮựỰỳỲýÝỷỶỹỸỵỴ"
            .chars()
            .map(String::from)
            .collect();
        let odd: Vec<String> = [
            "\u{300}", "\u{301}", "\u{303}", "\u{309}", "\u{323}", "\u{302}", "\u{306}", "\u{31B}",
            "\u{30A}", "\u{340}", "Ð", "ð", "Ɖ", "ɖ", "\u{200B}", "\u{2060}", "\u{FEFF}", "\u{AD}",
            "\u{200C}", "\u{A0}", "\u{2009}", "\u{3000}", "\u{1680}", "\u{2028}", " ", "  ", "\t", "\n",
            "\r", "\u{B}", "\u{C}", "\u{85}", "1", "9", ".", ",", "-", "'", "’", "“", "…", "Ü", "ü", "ß",
            "Д", "д", "ǅ", "ﬁ", "İ", "Ω", "中", "😀", "\u{0}", "hoà", "thuỷ", "quý", "gìn", "giữ", "khuya",
            "Người", "ỦY", "uỷ", "khoẻ", "oà", "UỲ", "Quốc", "nghiêng",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        prop_oneof![3 => proptest::sample::select(letters), 1 => proptest::sample::select(odd)]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn fast_path_equals_general_path(pieces in proptest::collection::vec(piece(), 0..24)) {
            check_fast_equals_general(&pieces.concat());
        }
    }

    /// `tone_target` names the letter `Analysis::tone_index` names, on every syllable shape:
    /// each onset, each block of one to three vowels, each coda, each toned position.
    #[test]
    fn tone_target_agrees_with_the_syllable_grammar() {
        let onsets = [
            "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh",
            "p", "ph", "q", "qu", "r", "s", "t", "th", "tr", "v", "x",
        ];
        let codas = ["", "c", "ch", "k", "m", "n", "ng", "nh", "p", "t"];
        let vowels = chars::VOWEL_BASES;
        let mut blocks: Vec<Vec<char>> = Vec::new();
        for a in vowels {
            blocks.push(vec![a]);
            for b in vowels {
                blocks.push(vec![a, b]);
                for c in vowels {
                    blocks.push(vec![a, b, c]);
                }
            }
        }
        let mut checked = 0;
        for onset in onsets {
            for block in &blocks {
                for coda in codas {
                    let bases: Vec<char> =
                        onset.chars().chain(block.iter().copied()).chain(coda.chars()).collect();
                    if bases.len() > MAX_LETTERS {
                        continue;
                    }
                    let codes: Vec<u8> = bases.iter().map(|&c| syllable::letter_code(c) as u8).collect();
                    for at in 0..bases.len() {
                        if chars::vowel_row(bases[at]).is_none() {
                            continue;
                        }
                        for tone in [Tone::Grave, Tone::Acute, Tone::Tilde, Tone::Hook, Tone::Dot] {
                            let letters: Vec<Letter> = bases
                                .iter()
                                .enumerate()
                                .map(|(i, &base)| Letter {
                                    base,
                                    tone: if i == at { tone } else { Tone::Level },
                                    upper: false,
                                })
                                .collect();
                            let Some((analysis, b)) = syllable::analyze(&letters) else { continue };
                            for placement in [TonePlacement::Old, TonePlacement::New] {
                                assert_eq!(
                                    tone_target(&codes, placement),
                                    analysis.tone_index(&b[..bases.len()], placement),
                                    "{bases:?} {placement:?}"
                                );
                                checked += 1;
                            }
                        }
                    }
                }
            }
        }
        assert!(checked > 10_000, "{checked}");
    }

    #[test]
    fn offset_map_maps_rewritten_pieces() {
        let text = "a\u{200B}b Ðo\u{300}an x";
        let n = Normalizer::new().normalize_mapped(text);
        assert_eq!(n.as_str(), "ab Đoàn x");
        let doan = n.as_str().find("Đoàn").unwrap();
        let span = Span::new(doan, doan + "Đoàn".len());
        assert_eq!(&text[n.to_original(span).range()], "Ðo\u{300}an");
        let x = n.as_str().len() - 1;
        assert_eq!(&text[n.to_original(Span::new(x, x + 1)).range()], "x");
    }
}
