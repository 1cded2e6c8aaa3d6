//! Abbreviation expansion of any UTF-8 input: no panic, match spans on char boundaries and
//! in order, the offset map inside the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vntext::{Abbreviations, Span};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let dict = Abbreviations::builtin();
    let expansion = dict.expand(text);
    let mut last = 0;
    for m in expansion.matches() {
        assert!(m.span.start >= last && m.span.end <= text.len() && m.span.start < m.span.end);
        assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
        last = m.span.end;
    }
    let out = expansion.as_str();
    let all = expansion.to_original(Span::new(0, out.len()));
    assert!(all.end <= text.len() && text.is_char_boundary(all.start) && text.is_char_boundary(all.end));
});
