//! Inputs the fuzzers found, kept as regression tests.

/// `fuzz/artifacts/normalize/crash-188a4cdc…`: the key of `Y` + combining ring was not its
/// own key (lowercasing after composition left `y` + ring, which composes to `ẙ`).
#[test]
fn key_of_capital_with_a_mark_that_only_composes_in_lower_case() {
    let text = "-\0\0\0\u{4}\0\0\0HHHH\u{f}\0AYYYWY\u{30a}I\n";
    let key = vntext::key(text);
    assert_eq!(vntext::key(&key), key);
    assert!(key.contains('ẙ'), "{key:?}");
}
