//! Tokens and sentences of any UTF-8 input: no panic, spans on char boundaries, in order,
//! covering the input with whitespace kept.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vntext::Tokenizer;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut last = 0;
    for t in vntext::tokenize(text) {
        let s = t.span();
        assert!(s.start >= last && s.start < s.end && s.end <= text.len());
        assert_eq!(&text[s.range()], t.as_str());
        last = s.end;
    }
    let mut pos = 0;
    for t in Tokenizer::builder().keep_whitespace(true).build().tokenize(text) {
        assert_eq!(t.span().start, pos);
        pos = t.span().end;
    }
    assert_eq!(pos, text.len());
    let mut end = 0;
    for s in vntext::sentences(text) {
        assert!(s.span.start >= end && s.span.start < s.span.end);
        assert_eq!(&text[s.span.range()], s.text);
        end = s.span.end;
    }
});
