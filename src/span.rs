//! Byte ranges into the caller's text.

use core::ops::Range;

/// A half-open byte range `start..end` into the text a caller passed in.
///
/// Every span this crate returns lies on `char` boundaries of that text, so
/// `&text[span.range()]` never panics.
///
/// ```
/// use vntext::Span;
/// let text = "Đắk Nông";
/// let span = Span::new(0, 6);
/// assert_eq!(&text[span.range()], "Đắk");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes).
    ///
    /// `new` does not check its arguments: a span with `end < start` is empty, and slicing
    /// with one that is not on `char` boundaries of your text panics as any range would.
    ///
    /// ```
    /// use vntext::Span;
    ///
    /// let span = Span::new(4, 8);
    /// assert_eq!((span.start, span.end), (4, 8));
    /// assert_eq!(span, Span::from(4..8));
    /// ```
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Length in bytes (0 for an empty or reversed span).
    ///
    /// ```
    /// use vntext::Span;
    ///
    /// // `Đắk` is three letters and six bytes.
    /// assert_eq!(Span::new(0, "Đắk".len()).len(), 6);
    /// assert_eq!(Span::new(5, 3).len(), 0);
    /// ```
    pub const fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers no bytes.
    ///
    /// ```
    /// use vntext::Span;
    ///
    /// assert!(Span::new(3, 3).is_empty());
    /// assert!(!Span::new(3, 4).is_empty());
    /// ```
    pub const fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// The span as a `Range` for slicing.
    ///
    /// ```
    /// let text = "UBND tỉnh Đắk Nông";
    /// let token = vntext::tokenize(text).nth(1).unwrap();
    /// assert_eq!(token.span().range(), 5..11);
    /// assert_eq!(&text[token.span().range()], "tỉnh");
    /// ```
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// True when `other` lies inside this span (a span contains itself).
    ///
    /// ```
    /// use vntext::Span;
    ///
    /// let sentence = Span::new(0, 20);
    /// assert!(sentence.contains(Span::new(5, 11)));
    /// assert!(sentence.contains(sentence));
    /// assert!(!sentence.contains(Span::new(15, 25)));
    /// ```
    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

impl From<Span> for Range<usize> {
    fn from(s: Span) -> Range<usize> {
        s.range()
    }
}
