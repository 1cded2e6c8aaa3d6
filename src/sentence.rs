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
use core::marker::PhantomData;

use crate::token::{TokenKind, Tokenizer, Tokens};

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
    /// Where the next sentence is looked for when there is no window.
    pos: usize,
    /// End of the line the window reads (a sentence never crosses a line break).
    line_end: usize,
    /// The tokens around the current candidate boundary; after a sentence that ended at
    /// a terminal, its peeked token is the next sentence's first.
    window: Option<Window<'h>>,
    tokenizer: PhantomData<&'t Tokenizer>,
}

/// A token with its span in the whole text.
#[derive(Clone, Copy, Debug)]
struct Tok<'h> {
    start: usize,
    end: usize,
    kind: TokenKind,
    text: &'h str,
}

/// The default tokens of `text[base..line_end]`, where `base` is a restart point: the
/// tokens it yields are those of the whole text (see [`restart_is_safe`]).
#[derive(Clone, Debug)]
struct Window<'h> {
    tokens: Tokens<'static, 'h>,
    base: usize,
    /// End of the last token read (peeked included), or where the window starts.
    pos: usize,
    peeked: Option<Tok<'h>>,
}

impl<'h> Window<'h> {
    fn new(text: &'h str, base: usize, line_end: usize) -> Window<'h> {
        Window {
            tokens: Tokenizer::new_static().tokenize(&text[base..line_end]),
            base,
            pos: base,
            peeked: None,
        }
    }

    fn pull(&mut self) -> Option<Tok<'h>> {
        let t = self.tokens.next()?;
        let (start, end) = (self.base + t.span().start, self.base + t.span().end);
        self.pos = end;
        Some(Tok { start, end, kind: t.kind(), text: t.as_str() })
    }

    fn next(&mut self) -> Option<Tok<'h>> {
        self.peeked.take().or_else(|| self.pull())
    }

    fn peek(&mut self) -> Option<Tok<'h>> {
        if self.peeked.is_none() {
            self.peeked = self.pull();
        }
        self.peeked
    }
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
        Sentences { text, pos: 0, line_end: 0, window: None, tokenizer: PhantomData }
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

fn is_terminal(kind: TokenKind, text: &str) -> bool {
    kind == TokenKind::Punctuation && matches!(text.chars().next(), Some('.' | '!' | '?' | '…'))
}

fn is_closing(kind: TokenKind, text: &str) -> bool {
    kind == TokenKind::Punctuation && matches!(text, "\"" | "'" | ")" | "]" | "}" | "”" | "’" | "»" | "›")
}

/// A token that may end a sentence: a terminal, or an abbreviation written with its period.
fn may_end(kind: TokenKind, text: &str) -> bool {
    is_terminal(kind, text) || (kind == TokenKind::Abbreviation && text.ends_with('.'))
}

/// Whether `b` starts a character that can be part of a sentence end: `.`, `!`, `?` and the
/// lead byte of `…` (checked by [`candidate`]). Tokens without one of these never end a
/// sentence, so only the words around them are tokenized.
fn candidate(bytes: &[u8], i: usize) -> bool {
    match bytes[i] {
        b'.' | b'!' | b'?' => true,
        0xE2 => bytes.get(i + 1..i + 3) == Some(&[0x80, 0xA6]),
        _ => false,
    }
}

/// A line break: `\n`, `\r`, U+2028, U+2029.
fn line_break_at(bytes: &[u8], i: usize) -> bool {
    match bytes[i] {
        b'\n' | b'\r' => true,
        0xE2 => matches!(bytes.get(i + 1..i + 3), Some([0x80, 0xA8 | 0xA9])),
        _ => false,
    }
}

/// The first `i` in `from..to` where `hit(bytes, i)`, for a `hit` true only on `.`, `!`,
/// `?`, `\n`, `\r` or the lead byte 0xE2: sixteen bytes at a time are checked for any of
/// these with plain comparisons (which the compiler turns into vector instructions), and
/// only a block with one is read byte by byte.
fn find(bytes: &[u8], from: usize, to: usize, hit: impl Fn(&[u8], usize) -> bool) -> Option<usize> {
    const BLOCK: usize = 16;
    let mut i = from;
    while i + BLOCK <= to {
        let block: &[u8; BLOCK] = bytes[i..i + BLOCK].try_into().ok()?;
        let any = block.iter().fold(false, |acc, &b| {
            acc | (b == b'.') | (b == b'!') | (b == b'?') | (b == b'\n') | (b == b'\r') | (b == 0xE2)
        });
        if any {
            if let Some(j) = (i..i + BLOCK).find(|&j| hit(bytes, j)) {
                return Some(j);
            }
        }
        i += BLOCK;
    }
    (i..to).find(|&j| hit(bytes, j))
}

/// What the tokenizer skips between tokens: whitespace, invisible and control characters.
fn gap_char(c: char) -> bool {
    crate::chars::is_space(c)
}

/// The char at `i` and whether it is a gap character.
fn gap_at(text: &str, i: usize) -> (bool, usize) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        return (b <= b' ' || b == 0x7F, 1);
    }
    let c = text[i..].chars().next().unwrap_or('\u{FFFD}');
    (gap_char(c), c.len_utf8())
}

/// The char ending at `i` (exclusive) and whether it is a gap character.
fn gap_before(text: &str, i: usize) -> (bool, usize) {
    let c = text[..i].chars().next_back().unwrap_or('\u{FFFD}');
    if c.is_ascii() {
        return (c <= ' ' || c == '\u{7F}', 1);
    }
    (gap_char(c), c.len_utf8())
}

/// Whether tokenizing from `q`, the start of a run of non-gap characters after a gap, gives
/// the tokens of the whole text. No token spans a gap into a run that starts with a letter
/// (only phone numbers in spaced groups and the like span spaces, and they start the run
/// after with a digit or a dash), and the one look back past a gap (a capitalised word
/// before a transliteration with dashes) matters only for a capitalised run with a dash.
/// Proven on the corpora and by the property test against the token-by-token splitter.
fn restart_is_safe(text: &str, q: usize) -> bool {
    let Some(c) = text[q..].chars().next() else { return false };
    if !c.is_alphabetic() || crate::chars::is_combining(c) {
        return false;
    }
    if c.is_lowercase() {
        return true;
    }
    let mut i = q;
    while i < text.len() {
        let (gap, len) = gap_at(text, i);
        if gap {
            break;
        }
        if text.as_bytes()[i] == b'-' {
            return false;
        }
        i += len;
    }
    true
}

impl<'h> Sentences<'_, 'h> {
    fn sentence(&self, start: usize, end: usize) -> Sentence<'h> {
        Sentence { span: Span::new(start, end), text: &self.text[start..end] }
    }

    /// The first non-gap character at or after `from`, lines crossed.
    fn first_non_gap(&self, mut from: usize) -> Option<usize> {
        while from < self.text.len() {
            let (gap, len) = gap_at(self.text, from);
            if !gap {
                return Some(from);
            }
            from += len;
        }
        None
    }

    fn line_end_from(&self, from: usize) -> usize {
        let bytes = self.text.as_bytes();
        find(bytes, from, bytes.len(), line_break_at).unwrap_or(bytes.len())
    }

    /// The end of the last non-gap character before `line_end` (at least `start`).
    fn trimmed_end(&self, start: usize, mut end: usize) -> usize {
        while end > start {
            let (gap, len) = gap_before(self.text, end);
            if !gap {
                break;
            }
            end -= len;
        }
        end
    }

    /// Start of the run of non-gap characters holding `i`, not before `lower`.
    fn run_start(&self, mut i: usize, lower: usize) -> usize {
        while i > lower {
            let (gap, len) = gap_before(self.text, i);
            if gap {
                break;
            }
            i -= len;
        }
        i
    }

    /// Start of the gap before `q`, not before `lower`.
    fn gap_start(&self, mut q: usize, lower: usize) -> usize {
        while q > lower {
            let (gap, len) = gap_before(self.text, q);
            if !gap {
                break;
            }
            q -= len;
        }
        q
    }

    fn next_candidate(&self, from: usize, line_end: usize) -> Option<usize> {
        find(self.text.as_bytes(), from, line_end, candidate)
    }

    /// A window from which the tokens at candidate `c` can be read: at the start of its run
    /// when that is a safe restart, else at an earlier one, at worst `start` (the
    /// sentence's first token, the first of its line).
    fn window_for(&self, c: usize, start: usize) -> Window<'h> {
        let mut q = self.run_start(c, start);
        while q > start && !restart_is_safe(self.text, q) {
            q = self.run_start(self.gap_start(q, start), start);
        }
        Window::new(self.text, self.gap_start(q, 0), self.line_end)
    }
}

impl<'h> Iterator for Sentences<'_, 'h> {
    type Item = Sentence<'h>;

    fn next(&mut self) -> Option<Sentence<'h>> {
        let first = self.window.as_mut().and_then(|w| w.peeked.take());
        let start = match first {
            Some(t) => t.start,
            None => {
                self.window = None;
                let start = self.first_non_gap(self.pos)?;
                self.line_end = self.line_end_from(start);
                start
            }
        };
        let line_end = self.line_end;
        let mut prev: Option<Tok<'h>> = None;
        let mut pending = first;
        // The candidate the window is reading towards without a jump.
        let mut target: Option<usize> = None;
        loop {
            let tok = match pending.take() {
                Some(t) => t,
                None => {
                    let from = self.window.as_ref().map_or(start, |w| w.pos);
                    if let Some(t) = target.filter(|&c| c >= from).and_then(|_| self.window.as_mut()?.next())
                    {
                        // Still reading towards the candidate found before.
                        t
                    } else {
                        let Some(c) = self.next_candidate(from, line_end) else {
                            // No more possible ends on this line: the sentence ends with it.
                            self.pos = line_end;
                            self.window = None;
                            return Some(self.sentence(start, self.trimmed_end(start, line_end)));
                        };
                        let jump = match &self.window {
                            None => true,
                            Some(w) => {
                                let q = self.run_start(c, w.pos);
                                q > w.pos && restart_is_safe(self.text, q)
                            }
                        };
                        if jump {
                            self.window =
                                Some(self.window_for(c, self.window.as_ref().map_or(start, |w| w.pos)));
                            prev = None;
                        }
                        target = Some(c);
                        match self.window.as_mut().and_then(Window::next) {
                            Some(t) => t,
                            None => {
                                self.pos = line_end;
                                self.window = None;
                                return Some(self.sentence(start, self.trimmed_end(start, line_end)));
                            }
                        }
                    }
                }
            };
            if may_end(tok.kind, tok.text) {
                let dot_after_abbrev = tok.text == "."
                    && prev.is_some_and(|p| {
                        p.end == tok.start && (NO_BREAK_AFTER.contains(&p.text) || is_initial(p.text))
                    });
                // Every token comes from the window.
                let Some(w) = self.window.as_mut() else {
                    prev = Some(tok);
                    continue;
                };
                let mut end = tok.end;
                // Closing quotes and brackets, and more terminals, stay with the sentence.
                while let Some(n) = w.peek() {
                    if is_closing(n.kind, n.text) || is_terminal(n.kind, n.text) {
                        end = n.end;
                        w.peeked = None;
                    } else {
                        break;
                    }
                }
                match w.peek() {
                    None => {
                        self.pos = line_end;
                        self.window = None;
                        return Some(self.sentence(start, end));
                    }
                    Some(n) => {
                        let lower = n.text.chars().next().is_some_and(char::is_lowercase);
                        if !dot_after_abbrev && !lower {
                            return Some(self.sentence(start, end));
                        }
                        pending = w.next();
                    }
                }
            }
            prev = Some(tok);
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

impl FusedIterator for Sentences<'_, '_> {}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The splitter token by token over the whole text: the reference the windows are tested
    /// against.
    fn reference(text: &str) -> Vec<Span> {
        let line_break_between = |a: usize, b: usize| {
            text.as_bytes()[a..b].iter().any(|&c| c == b'\n' || c == b'\r')
                || text[a..b].contains(['\u{2028}', '\u{2029}'])
        };
        let mut tokens = crate::tokenize(text).peekable();
        let mut out = Vec::new();
        while let Some(first) = tokens.next() {
            let start = first.span().start;
            let mut end = first.span().end;
            let mut prev: Option<crate::Token<'_>> = None;
            let mut tok = first;
            loop {
                if may_end(tok.kind(), tok.as_str()) {
                    let dot_after_abbrev = tok.as_str() == "."
                        && prev.is_some_and(|p| {
                            p.span().end == tok.span().start
                                && (NO_BREAK_AFTER.contains(&p.as_str()) || is_initial(p.as_str()))
                        });
                    while let Some(n) = tokens.peek() {
                        if (is_closing(n.kind(), n.as_str()) || is_terminal(n.kind(), n.as_str()))
                            && !line_break_between(end, n.span().start)
                        {
                            end = n.span().end;
                            tokens.next();
                        } else {
                            break;
                        }
                    }
                    match tokens.peek() {
                        None => break,
                        Some(n) => {
                            let lower = n.as_str().chars().next().is_some_and(char::is_lowercase);
                            if line_break_between(end, n.span().start) || (!dot_after_abbrev && !lower) {
                                break;
                            }
                        }
                    }
                }
                let Some(&n) = tokens.peek() else { break };
                if line_break_between(end, n.span().start) {
                    break;
                }
                tokens.next();
                prev = Some(tok);
                tok = n;
                end = n.span().end;
            }
            out.push(Span::new(start, end));
        }
        out
    }

    fn check(text: &str) {
        let fast: Vec<Span> = sentences(text).map(|s| s.span).collect();
        assert_eq!(fast, reference(text), "{text:?}");
    }

    #[test]
    fn windows_equal_the_token_by_token_splitter_on_examples() {
        for text in [
            "",
            "  \n ",
            "Ông làm việc tại TP. Hồ Chí Minh. Bà ở TP.HCM. Họ gặp nhau!",
            "Anh ấy hỏi: \"Bao giờ đi?\" Tôi không biết... Ngày 8/12. v.v. và Q. 1, ông Nguyễn Văn A. sinh",
            "Gọi 0912 345 678. Hoặc 0912.345.678. Giá 3.5 triệu. Xem https://a.vn/x?y=1. Hết!!! \"Rồi.\" (Vâng.)",
            "Ông Phan Mát-xcơ-Q. Hà. Vũ Ngọc Phan-nhà văn. Đi.\r\nVề.\u{2028}Ở\u{2029}Lại…Thôi . . . Xong",
            "Số 15/2020/NĐ-CP. Ký ngày 08-12-2022. ThS.BS. Lan. PGS.TS. Minh!? Ừ.” Tiếp.\u{A0}\u{200B}Nữa.\t",
            "a.b.c. D. e? F! g… H... \u{301}. X-quang. Y-tế. Z. ",
        ] {
            check(text);
        }
    }

    fn piece() -> impl Strategy<Value = &'static str> {
        proptest::sample::select(vec![
            " ",
            " ",
            " ",
            "  ",
            "\n",
            "\r\n",
            "\u{2028}",
            "\u{A0}",
            "\u{200B}",
            "\t",
            ".",
            ".",
            ".",
            "...",
            "!",
            "?",
            "…",
            "\"",
            "”",
            "’",
            ")",
            "(",
            ",",
            "-",
            "/",
            ":",
            ";",
            "'",
            "Ông",
            "bà",
            "Hà",
            "Nội",
            "TP",
            "Tp",
            "Q",
            "V",
            "ThS",
            "PGS",
            "v",
            "X",
            "x",
            "Mát",
            "xcơ",
            "va",
            "quang",
            "0912",
            "345",
            "678",
            "12",
            "3",
            "2020",
            "NĐ",
            "CP",
            "UBND",
            "https://a.vn/b?c",
            "www.x.com",
            "a@b.vn",
            "km",
            "Đ",
            "đi",
            "À",
            "A\u{300}",
            "e\u{301}",
            ":",
            ")",
            "=",
            "<3",
            "53S5",
            "3720",
            "+84912345678",
            "ĐT",
            "iPhone",
            "COVID",
            "19",
            "%",
        ])
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn windows_equal_the_token_by_token_splitter(pieces in proptest::collection::vec(piece(), 0..40)) {
            check(&pieces.concat());
        }
    }

    /// The corpora in `../shared` (skipped, with a message, when absent): every line and
    /// the whole text.
    #[test]
    fn windows_equal_the_token_by_token_splitter_on_the_corpora() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
        let files = ["seed/article.txt", "data/news-sample/demo-full.txt"];
        let mut read = 0;
        for f in files {
            let Ok(text) = std::fs::read_to_string(root.join(f)) else {
                eprintln!("skipped: ../shared/{f} absent");
                continue;
            };
            check(&text);
            read += 1;
        }
        if read == 0 {
            eprintln!("skipped: no corpus in ../shared");
        }
    }
}
