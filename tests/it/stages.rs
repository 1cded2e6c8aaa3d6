//! Property tests for the stages built on the tokenizer: abbreviation expansion and named
//! entities keep their spans on char boundaries, in order and inside the input, and the
//! expansion's offset map leads every piece of the output back to the input.

use proptest::prelude::*;
use vntext::{Abbreviations, Recognizer, Span};

use crate::invariants::{cases, vietnamese_like};

pub fn check_expand(text: &str) {
    let expansion = Abbreviations::builtin().expand(text);
    let mut last = 0;
    for m in expansion.matches() {
        assert!(m.span.start >= last && m.span.start < m.span.end && m.span.end <= text.len(), "{text:?}");
        assert_eq!(&text[m.span.range()], m.surface);
        last = m.span.end;
    }
    let out = expansion.as_str();
    for t in vntext::tokenize(out) {
        let o = expansion.to_original(t.span());
        assert!(o.start <= o.end && o.end <= text.len(), "{text:?}");
        assert!(text.is_char_boundary(o.start) && text.is_char_boundary(o.end), "{text:?}");
        // Outside expansions the text is the input's; a piece of an expansion maps to input
        // that holds its match (a word glued to the abbreviation, `v.v.Đắk`, comes along).
        let unchanged = &text[o.range()] == t.as_str();
        let expanded = expansion.matches().iter().any(|m| m.span.start < o.end && o.start < m.span.end);
        assert!(unchanged || expanded, "{text:?}: {:?} came from {:?}", t.as_str(), &text[o.range()]);
    }
    let all = expansion.to_original(Span::new(0, out.len()));
    assert!(all.end <= text.len());
}

pub fn check_entities(text: &str) {
    let entities = Recognizer::builtin().recognize(text);
    let mut last_top = 0;
    for e in &entities {
        assert!(e.span.start < e.span.end && e.span.end <= text.len(), "{text:?}");
        assert_eq!(&text[e.span.range()], e.text);
        if !e.nested {
            assert!(e.span.start >= last_top, "{text:?}: top-level entities overlap");
            last_top = e.span.end;
        }
    }
}

#[test]
fn fixed_cases() {
    for text in crate::invariants::CASES {
        check_expand(text);
        check_entities(text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases() / 3, ..ProptestConfig::default() })]

    #[test]
    fn generated_text_keeps_stage_invariants(text in vietnamese_like()) {
        check_expand(&text);
        check_entities(&text);
    }

    #[test]
    fn arbitrary_text_keeps_stage_invariants(text in any::<String>()) {
        check_expand(&text);
        check_entities(&text);
    }
}
