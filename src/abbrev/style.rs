//! How an expansion is written into the text: its letter case (capitalised at the start of
//! a sentence, in capitals among headline words) and the period it keeps.

use super::scan::{Scan, all_caps};

/// How an expansion is written into the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Style {
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
    pub(super) const AS_IS: Style = Style { case: Case::AsIs, period: false };

    pub(super) fn write(self, expansion: &str, out: &mut String) {
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

impl Scan<'_, '_> {
    /// How to write the expansion of the match covering tokens `first..=last`.
    pub(super) fn style(&self, first: usize, last: usize) -> Style {
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
}
