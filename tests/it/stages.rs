//! Property tests for the stages built on the tokenizer: abbreviation expansion and named
//! entities keep their spans on char boundaries, in order and inside the input, and the
//! expansion's offset map leads every piece of the output back to the input.

use proptest::prelude::*;
use vntext::{Abbreviations, Recognizer, Span, WordSegmenter};

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

/// Words are runs of whole tokens: every token lies in exactly one word, in order.
pub fn check_words(text: &str) {
    let words = WordSegmenter::builtin().segment(text);
    let mut tokens = vntext::tokenize(text).peekable();
    let mut last = 0;
    for w in &words {
        let s = w.span();
        assert!(s.start >= last && s.start < s.end && s.end <= text.len(), "{text:?}");
        assert_eq!(&text[s.range()], w.as_str());
        let first = tokens.next().unwrap_or_else(|| panic!("{text:?}: a word after the last token"));
        assert_eq!(first.span().start, s.start, "{text:?}: word does not start at a token");
        let mut end = first.span().end;
        while end < s.end {
            end = tokens.next().unwrap_or_else(|| panic!("{text:?}: word past the last token")).span().end;
        }
        assert_eq!(end, s.end, "{text:?}: word does not end at a token end");
        last = s.end;
    }
    assert!(tokens.next().is_none(), "{text:?}: tokens left outside every word");
}

#[test]
fn fixed_cases() {
    for text in crate::invariants::CASES {
        check_expand(text);
        check_entities(text);
        check_words(text);
    }
}

#[test]
fn model_with_a_valid_checksum_and_a_junk_body_is_an_error() {
    // The header and checksum the fuzz target `model` builds around its input.
    let fnv1a = |bytes: &[u8]| {
        bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3))
    };
    for body in [&b""[..], b"\x10\0\0\0", b"\x18\0\0\0\xff\xff", &[0xAB; 64]] {
        let mut bytes = b"VNSEGMDL".to_vec();
        bytes.extend_from_slice(&1u32.to_le_bytes());
        bytes.extend_from_slice(body);
        let sum = fnv1a(&bytes);
        bytes.extend_from_slice(&sum.to_le_bytes());
        assert!(
            matches!(WordSegmenter::from_model_bytes(&bytes), Err(e) if e.kind() == vntext::ErrorKind::Model),
            "{body:?}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases() / 3, ..ProptestConfig::default() })]

    #[test]
    fn generated_text_keeps_stage_invariants(text in vietnamese_like()) {
        check_expand(&text);
        check_entities(&text);
        check_words(&text);
    }

    #[test]
    fn arbitrary_text_keeps_stage_invariants(text in any::<String>()) {
        check_expand(&text);
        check_entities(&text);
        check_words(&text);
    }
}
