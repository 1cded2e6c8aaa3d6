//! Sentence splitting over the tokens.
//!
//! A sentence ends at `.`, `!`, `?`, `…` or `...` (with the closing quotes and brackets
//! that follow), and at a line break. A period does not end a sentence after an
//! abbreviation that takes one (`TP.`, `ThS.`, `Q.`), after an initial (`V.`), or when the
//! next word starts in lower case. `TP.HCM.` ends a sentence: the abbreviation is a token
//! of its own and the last period is punctuation.
//!
//! ```
//! let text = "Ông làm việc tại TP. Hồ Chí Minh. Bà ở TP.HCM. Họ gặp nhau!";
//! let s: Vec<&str> = vntext::sentences(text).map(|s| s.text).collect();
//! assert_eq!(s, ["Ông làm việc tại TP. Hồ Chí Minh.", "Bà ở TP.HCM.", "Họ gặp nhau!"]);
//! ```

use core::iter::FusedIterator;

use crate::span::Span;
use crate::token::{Token, TokenKind, Tokenizer, Tokens};

/// A sentence: its span in the input and its text.
///
/// The span runs from the sentence's first token to its last, so the spaces between two
/// sentences belong to neither.
///
/// ```
/// use vntext::Span;
///
/// let text = "Một câu.  Câu hai!";
/// let second = vntext::sentences(text).nth(1).unwrap();
/// assert_eq!(second.text, "Câu hai!");
/// assert_eq!(second.span, Span::new(13, 22)); // `Một câu.` is 11 bytes, then two spaces
/// assert_eq!(&text[second.span.range()], second.text);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Sentence<'h> {
    /// Where the sentence is, from its first token to its last.
    pub span: Span,
    /// `&input[span.range()]`.
    pub text: &'h str,
}

/// Abbreviations written with a period that does not end the sentence.
static NO_BREAK_AFTER: [&str; 40] = [
    "TP", "Tp", "tp", "ThS", "Ths", "TS", "PGS", "GS", "BS", "KS", "CN", "Q", "P", "H", "TX", "TT", "X",
    "Th", "St", "Mr", "Mrs", "Ms", "Dr", "Prof", "Co", "Ltd", "Jr", "Sr", "vs", "No", "ĐT", "Tr", "tr",
    "Tel", "Fax", "Đ", "NXB", "TSKH", "ThS.BS", "PGS.TS",
];

/// The iterator returned by [`sentences`] and [`Tokenizer::sentences`]: one [`Sentence`] at a
/// time, in order, borrowing the text.
///
/// ```
/// let mut it = vntext::sentences("Xin chào. Tạm biệt.");
/// assert_eq!(it.next().map(|s| s.text), Some("Xin chào."));
/// assert_eq!(it.next().map(|s| s.text), Some("Tạm biệt."));
/// assert_eq!(it.next(), None);
/// ```
#[derive(Clone, Debug)]
pub struct Sentences<'t, 'h> {
    text: &'h str,
    tokens: Tokens<'t, 'h>,
    peeked: Option<Token<'h>>,
}

impl Tokenizer {
    /// The sentences of `text`, in order.
    ///
    /// The tokenizer's own settings (such as
    /// [`keep_whitespace`](crate::TokenizerBuilder::keep_whitespace)) do not change where
    /// sentences end: the split always reads the default tokens.
    ///
    /// ```
    /// use vntext::Tokenizer;
    ///
    /// let tokenizer = Tokenizer::new();
    /// let text = "Ông Nguyễn Văn A. sinh năm 1970\nQuê ở Q. 1, TP. Hồ Chí Minh.";
    /// let sentences: Vec<&str> = tokenizer.sentences(text).map(|s| s.text).collect();
    /// assert_eq!(sentences, ["Ông Nguyễn Văn A. sinh năm 1970", "Quê ở Q. 1, TP. Hồ Chí Minh."]);
    /// ```
    pub fn sentences<'t, 'h>(&'t self, text: &'h str) -> Sentences<'t, 'h> {
        Sentences { text, tokens: Tokenizer::new_static().tokenize(text), peeked: None }
    }
}

impl Tokenizer {
    fn new_static() -> &'static Tokenizer {
        static PLAIN: Tokenizer = Tokenizer::new();
        &PLAIN
    }
}

/// Splits `text` into sentences with the default [`Tokenizer`].
///
/// A sentence ends at `.`, `!`, `?`, `…` or `...` (with the closing quotes and brackets
/// that follow), and at a line break. A period does not end a sentence after an
/// abbreviation that takes one (`TP.`, `ThS.`, `Q.`), after an initial (`V.`), or when the
/// next word starts in lower case. `TP.HCM.` ends a sentence: the abbreviation is a token
/// of its own and the last period is punctuation.
///
/// ```
/// let text = "Anh ấy hỏi: \"Bao giờ đi?\" Tôi không biết... Ngày 8/12.";
/// let sentences: Vec<&str> = vntext::sentences(text).map(|s| s.text).collect();
/// assert_eq!(sentences, ["Anh ấy hỏi: \"Bao giờ đi?\"", "Tôi không biết...", "Ngày 8/12."]);
///
/// assert_eq!(vntext::sentences("").count(), 0);
/// ```
pub fn sentences(text: &str) -> Sentences<'static, '_> {
    Tokenizer::new_static().sentences(text)
}

fn is_terminal(t: &Token<'_>) -> bool {
    t.kind() == TokenKind::Punctuation && matches!(t.as_str().chars().next(), Some('.' | '!' | '?' | '…'))
}

fn is_closing(t: &Token<'_>) -> bool {
    t.kind() == TokenKind::Punctuation
        && matches!(t.as_str(), "\"" | "'" | ")" | "]" | "}" | "”" | "’" | "»" | "›")
}

impl<'h> Sentences<'_, 'h> {
    fn next_token(&mut self) -> Option<Token<'h>> {
        self.peeked.take().or_else(|| self.tokens.next())
    }

    fn peek(&mut self) -> Option<Token<'h>> {
        if self.peeked.is_none() {
            self.peeked = self.tokens.next();
        }
        self.peeked
    }

    fn line_break_between(&self, a: usize, b: usize) -> bool {
        self.text.as_bytes()[a..b].iter().any(|&c| c == b'\n' || c == b'\r')
            || self.text[a..b].contains(['\u{2028}', '\u{2029}'])
    }

    fn sentence(&self, start: usize, end: usize) -> Sentence<'h> {
        Sentence { span: Span::new(start, end), text: &self.text[start..end] }
    }
}

impl<'h> Iterator for Sentences<'_, 'h> {
    type Item = Sentence<'h>;

    fn next(&mut self) -> Option<Sentence<'h>> {
        let first = self.next_token()?;
        let start = first.span().start;
        let mut end = first.span().end;
        let mut prev: Option<Token<'h>> = None;
        let mut tok = first;
        loop {
            if is_terminal(&tok) || (tok.kind() == TokenKind::Abbreviation && tok.as_str().ends_with('.')) {
                let dot_after_abbrev = tok.as_str() == "."
                    && prev.is_some_and(|p| {
                        end_of(p) == tok.span().start
                            && (NO_BREAK_AFTER.contains(&p.as_str()) || is_initial(p.as_str()))
                    });
                // Closing quotes and brackets, and more terminals, stay with the sentence.
                while let Some(n) = self.peek() {
                    if (is_closing(&n) || is_terminal(&n)) && !self.line_break_between(end, n.span().start) {
                        end = n.span().end;
                        self.peeked = None;
                    } else {
                        break;
                    }
                }
                match self.peek() {
                    None => return Some(self.sentence(start, end)),
                    Some(n) => {
                        let lower = n.as_str().chars().next().is_some_and(char::is_lowercase);
                        if self.line_break_between(end, n.span().start) || (!dot_after_abbrev && !lower) {
                            return Some(self.sentence(start, end));
                        }
                    }
                }
            }
            let Some(n) = self.peek() else {
                return Some(self.sentence(start, end));
            };
            if self.line_break_between(end, n.span().start) {
                return Some(self.sentence(start, end));
            }
            self.peeked = None;
            prev = Some(tok);
            tok = n;
            end = n.span().end;
        }
    }
}

/// One upper-case letter, with its combining marks: the letters are read decomposed, so an
/// NFD `À` (`A` and U+0300) is an initial as the NFC one is.
pub(crate) fn is_initial(word: &str) -> bool {
    use unicode_normalization::UnicodeNormalization;
    let mut letters = word.nfd().filter(|&c| !crate::chars::is_combining(c));
    letters.next().is_some_and(char::is_uppercase) && letters.next().is_none()
}

fn end_of(t: Token<'_>) -> usize {
    t.span().end
}

impl FusedIterator for Sentences<'_, '_> {}
