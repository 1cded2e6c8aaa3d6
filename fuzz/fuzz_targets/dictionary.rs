//! User dictionaries from any bytes: a typed error or a dictionary, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vntext::Abbreviations;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(dict) = Abbreviations::from_tsv("fuzz.tsv", text) {
        let _ = dict.expand("UBND tỉnh và QP-QSĐP, TP.HCM.");
    }
});
