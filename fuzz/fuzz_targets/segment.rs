//! Word segmentation of any UTF-8 input: no panic, words in order, on char boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vntext::WordSegmenter;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut last = 0;
    for w in WordSegmenter::builtin().segment(text) {
        let s = w.span();
        assert!(s.start >= last && s.start < s.end && s.end <= text.len());
        assert_eq!(&text[s.range()], w.as_str());
        last = s.end;
    }
});
