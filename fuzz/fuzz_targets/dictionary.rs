//! User dictionaries from any bytes: a typed error or a dictionary, never a panic. The
//! input is tried as a whole file and as the rows under a valid header, so the fuzzer
//! reaches the row checks.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vntext::Abbreviations;

fn try_dictionary(src: &str) {
    if let Ok(dict) = Abbreviations::from_tsv("fuzz.tsv", src) {
        let _ = dict.expand("UBND tỉnh và QP-QSĐP, TP.HCM. Ủy ban nhân dân (UBND) họp.");
        for e in dict.entries() {
            let _ = dict.expand(e.abbreviation());
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    try_dictionary(text);
    try_dictionary(&format!("abbreviation\texpansion\tdomain\tcues\n{text}"));
});
