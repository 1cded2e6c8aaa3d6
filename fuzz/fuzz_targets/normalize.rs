//! Normalization, folding and keys of any UTF-8 input: no panic, idempotent, offset maps
//! inside the input and on char boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vntext::{Normalizer, Span, TonePlacement};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for tone in [TonePlacement::Old, TonePlacement::New, TonePlacement::Keep] {
        let n = Normalizer::builder().tone(tone).build();
        let mapped = n.normalize_mapped(text);
        assert_eq!(n.normalize(mapped.as_str()), mapped.as_str());
        let out = mapped.as_str();
        let mut cut = 0;
        for (i, _) in out.char_indices().chain([(out.len(), ' ')]) {
            let o = mapped.to_original(Span::new(cut, i));
            assert!(o.start <= o.end && o.end <= text.len());
            assert!(text.is_char_boundary(o.start) && text.is_char_boundary(o.end));
            cut = i;
        }
    }
    let folded = vntext::fold_diacritics(text);
    assert_eq!(vntext::fold_diacritics(&folded), folded);
    let key = vntext::key(text);
    assert_eq!(vntext::key(&key), key);
    let fk = vntext::folded_key(text);
    assert_eq!(vntext::folded_key(&fk), fk);
});
