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
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes).
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Length in bytes.
    pub const fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers no bytes.
    pub const fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// The span as a `Range` for slicing.
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// True when `other` lies inside this span.
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
