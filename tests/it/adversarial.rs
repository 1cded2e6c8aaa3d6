//! Hostile and broken input: every stage finishes, keeps its invariants and loses nothing.
//! Timing is not asserted here; `cargo run --release --example linearity` reports it.

/// The adversarial inputs, each a few hundred KB to a few MB.
pub fn inputs() -> Vec<(&'static str, String)> {
    let mut v = vec![
        ("1 MB without spaces", "Đắknông".repeat(1 << 17)),
        ("1 MB of combining marks", "\u{301}".repeat(1 << 19)),
        ("a letter and 100,000 combining marks", format!("a{}", "\u{323}\u{302}".repeat(50_000))),
        ("100,000 periods", ".".repeat(100_000)),
        ("deep parentheses", format!("{}x{}", "(".repeat(100_000), ")".repeat(100_000))),
        ("digits and slashes", "1/2/3/4/5/".repeat(100_000)),
        ("digits and dots", "0123.".repeat(100_000)),
        ("dotted letters", "a.".repeat(200_000)),
        ("hyphenated capitals", "AB-".repeat(200_000)),
        ("apostrophes", "H'".repeat(200_000)),
        ("e-mail-like run", "ab.cd_".repeat(100_000)),
        ("mixed scripts", "Việt中文Русский العربية हिन्दी 😀 ".repeat(10_000)),
        ("control characters", (0u8..32).map(char::from).collect::<String>().repeat(10_000)),
        ("replacement characters", "\u{FFFD}a\u{FFFD}".repeat(100_000)),
        ("invisible characters", "a\u{200B}\u{FEFF}\u{AD}b ".repeat(50_000)),
    ];
    v.push(("10 MB single line", "Chiều 8/12, UBND tỉnh Đắk Nông họp về QP-QSĐP. ".repeat(10_000_000 / 56)));
    v
}

#[test]
fn every_stage_survives_adversarial_input() {
    for (name, text) in inputs() {
        eprintln!("{name}: {} bytes", text.len());
        crate::invariants::check_tokens(&text);
        let mut end = 0;
        for s in vntext::sentences(&text) {
            assert!(s.span.start >= end && s.span.end <= text.len(), "{name}");
            end = s.span.end;
        }
        let n = vntext::Normalizer::new().normalize_mapped(&text);
        let again = vntext::normalize(n.as_str());
        assert_eq!(again, n.as_str(), "{name}: normalization not idempotent");
        let full = n.to_original(vntext::Span::new(0, n.as_str().len()));
        assert!(
            full.end <= text.len() && text.is_char_boundary(full.start) && text.is_char_boundary(full.end)
        );
        let folded = vntext::fold_diacritics(&text);
        assert_eq!(vntext::fold_diacritics(&folded), folded, "{name}");
        let _ = vntext::key(&text);
        let expansion = vntext::Abbreviations::builtin().expand(&text);
        assert!(expansion.matches().iter().all(|m| m.span.end <= text.len()), "{name}");
        let entities = vntext::Recognizer::builtin().recognize(&text);
        assert!(entities.iter().all(|e| &text[e.span.range()] == e.text), "{name}");
        let words = vntext::WordSegmenter::builtin().segment(&text);
        assert!(words.iter().all(|w| &text[w.span().range()] == w.as_str()), "{name}");
    }
}
