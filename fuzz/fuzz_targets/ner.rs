//! Named entities of any UTF-8 input: no panic, spans on char boundaries inside the input,
//! the entity text equal to its span.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vntext::Recognizer;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for e in Recognizer::builtin().recognize(text) {
        assert!(e.span.start < e.span.end && e.span.end <= text.len());
        assert_eq!(&text[e.span.range()], e.text);
    }
});
