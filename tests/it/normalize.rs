//! One case per normalization rule.

use std::borrow::Cow;

use vntext::{Normalizer, TonePlacement};

#[test]
fn rules() {
    let old = Normalizer::new();
    let new = Normalizer::builder().tone(TonePlacement::New).build();
    let keep = Normalizer::builder().tone(TonePlacement::Keep).build();
    let cases: &[(&str, &str, &str, &str)] = &[
        // input, old style, new style, keep
        ("hoà hòa", "hòa hòa", "hoà hoà", "hoà hòa"),
        ("thuỷ thủy", "thủy thủy", "thuỷ thuỷ", "thuỷ thủy"),
        ("khoẻ khỏe", "khỏe khỏe", "khoẻ khoẻ", "khoẻ khỏe"),
        ("HOÀ Hoà", "HÒA Hòa", "HOÀ Hoà", "HOÀ Hoà"),
        // With a final consonant or a quality mark there is one placement only.
        ("hoàn toàn thuyền", "hoàn toàn thuyền", "hoàn toàn thuyền", "hoàn toàn thuyền"),
        ("quý qúy", "quý quý", "quý quý", "quý qúy"),
        ("ngừơi", "người", "người", "ngừơi"),
        // NFD to NFC.
        ("Vie\u{302}\u{323}t", "Việt", "Việt", "Việt"),
        // Look-alikes, invisible characters, odd spaces.
        ("Ðà Nẵng", "Đà Nẵng", "Đà Nẵng", "Đà Nẵng"),
        ("Việt\u{200B}Nam\u{FEFF}", "ViệtNam", "ViệtNam", "ViệtNam"),
        ("a\u{A0}b\u{2009}c\u{3000}d", "a b c d", "a b c d", "a b c d"),
        ("ho\u{AD}à", "hòa", "hoà", "hoà"),
    ];
    for &(input, o, n, k) in cases {
        assert_eq!(old.normalize(input), o, "old {input:?}");
        assert_eq!(new.normalize(input), n, "new {input:?}");
        assert_eq!(keep.normalize(input), k, "keep {input:?}");
    }
}

#[test]
fn switches() {
    let b = Normalizer::builder().lookalikes(false).remove_invisible(false).plain_spaces(false).build();
    assert_eq!(b.normalize("Ð\u{200B}\u{A0}"), "Ð\u{200B}\u{A0}");
    let c = Normalizer::builder().collapse_spaces(true).lowercase(true).build();
    assert_eq!(c.normalize("ỦY  BAN\n\tNhân"), "ủy ban nhân");
}

#[test]
fn borrows_when_nothing_changes() {
    assert!(matches!(vntext::normalize("Đắk Nông, 2022."), Cow::Borrowed(_)));
    assert!(matches!(vntext::normalize("plain ascii"), Cow::Borrowed(_)));
    assert!(matches!(vntext::fold_diacritics("Dak Nong"), Cow::Borrowed(_)));
}

#[test]
fn folding() {
    assert_eq!(vntext::fold_diacritics("Đắk Nông"), "Dak Nong");
    assert_eq!(vntext::fold_diacritics("đường Ưu ĐÃI café"), "duong Uu DAI cafe");
    assert_eq!(vntext::fold_diacritics("Ðà"), "Da");
    let f = vntext::fold_mapped("Ông Đắk");
    let span = vntext::Span::new(4, 7);
    assert_eq!(&f.as_str()[span.range()], "Dak");
    assert_eq!(&"Ông Đắk"[f.to_original(span).range()], "Đắk");
}

#[test]
fn keys() {
    for form in ["Ủy ban", "ỦY BAN", "Uỷ  ban", "U\u{309}y ban", "uỷ\tban"] {
        assert_eq!(vntext::key(form), "ủy ban", "{form:?}");
    }
    for form in ["Đắk Nông", "Dak Nong", "DAK NONG", "Ðắk  nông"] {
        assert_eq!(vntext::folded_key(form), "dak nong", "{form:?}");
    }
    let mut buf = String::from("junk");
    vntext::key_into("Thanh Hoá", &mut buf);
    assert_eq!(buf, "thanh hóa");
}

#[test]
fn offset_maps_point_at_the_original() {
    let text = "Ðo\u{300}an \u{200B}hoà\u{A0}x";
    let n = Normalizer::new().normalize_mapped(text);
    assert_eq!(n.as_str(), "Đoàn hòa x");
    for t in vntext::tokenize(n.as_str()) {
        let orig = n.to_original(t.span());
        assert_eq!(Normalizer::new().normalize(&text[orig.range()]), t.as_str());
    }
}

#[test]
fn offset_maps_with_collapsed_spaces_and_lower_case() {
    let text = "ỦY  BAN\n\tNha\u{302}n  Dân Tỉnh";
    let c = Normalizer::builder().collapse_spaces(true).lowercase(true).build();
    let n = c.normalize_mapped(text);
    assert_eq!(n.as_str(), "ủy ban nhân dân tỉnh");
    let words: Vec<_> =
        vntext::tokenize(n.as_str()).map(|t| &text[n.to_original(t.span()).range()]).collect();
    assert_eq!(words, ["ỦY", "BAN", "Nha\u{302}n", "Dân", "Tỉnh"]);
    // A collapsed run of spaces maps back to the whole run.
    let space = n.as_str().find(' ').unwrap();
    assert_eq!(&text[n.to_original(vntext::Span::new(space, space + 1)).range()], "  ");
}

#[test]
fn invisible_characters_before_a_mark_stay_with_the_run() {
    // Found by the property test: removing the zero-width spaces must not leave a loose
    // mark that a second pass would compose.
    for text in ["Nông\u{200b}\u{200b}\u{306}", "a\u{200b}\u{301}", "Việt\u{FEFF}\u{AD}Nam"] {
        let once = vntext::normalize(text);
        assert_eq!(vntext::normalize(&once), once, "{text:?}");
    }
}
