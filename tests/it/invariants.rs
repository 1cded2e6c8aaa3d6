//! Invariants that hold for every input: spans, coverage, NFC/NFD equivalence,
//! idempotent normalization. Checked on fixed cases and on generated text.

use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;
use vntext::{Normalizer, TokenKind, Tokenizer, TonePlacement};

pub const CASES: &[&str] = &[
    "",
    " ",
    "Chiều 8/12, dưới sự chủ trì của đồng chí Hồ Văn Mười, UBND tỉnh tổ chức hội nghị QP-QSĐP.",
    "TP.HCM. Tp.HCM và TP. Hồ Chí Minh, PGS.TS Nguyễn Văn A, ThS. Lê B",
    "Giá 1.234,5 đồng, 2,029 lượt, 3.5, 12,5%, 2020-2025, 5–10 lúc 16:53 GMT+7",
    "Gọi 0912.345.678, xe 49X-6666, https://baodaknong.vn/a, abc@gmail.com",
    "“Trích” … «x» 😀 © ₫ x² 中文 Ð \u{200B}\u{FEFF}\u{AD} \u{0}\u{7}",
    "....////----,,,,::::1/1/1/1/1.1.1.1-1-1-",
    "a\u{301}\u{301}\u{301} \u{300}\u{300} ư\u{31B}",
    "H'Mông ' ’a a' 'Đ",
    "000 85 .",
    "\u{FFFD}\u{FFFD} a\u{FFFD}b",
];

/// Every token is the slice at its span; spans increase and do not overlap; with
/// whitespace kept, the tokens cover the input exactly.
pub fn check_tokens(text: &str) {
    let mut last = 0;
    for t in vntext::tokenize(text) {
        let s = t.span();
        assert!(s.start >= last && s.start < s.end, "{text:?}: {s:?} after {last}");
        assert_eq!(&text[s.range()], t.as_str());
        assert_ne!(t.kind(), TokenKind::Whitespace);
        last = s.end;
    }
    let all = Tokenizer::builder().keep_whitespace(true).build();
    let mut pos = 0;
    for t in all.tokenize(text) {
        assert_eq!(t.span().start, pos, "{text:?}: gap before {t:?}");
        pos = t.span().end;
    }
    assert_eq!(pos, text.len(), "{text:?}: tokens do not reach the end");
}

/// The NFD form of a text gives the same token kinds as its NFC form, and each NFD token
/// composes to the NFC one.
///
/// Only Latin-script text is checked: other scripts decompose into several letters
/// (Hangul, Indic vowel signs), which changes letter counts the tokenizer's heuristics use.
pub fn check_nfd(text: &str) {
    let latin = |c: char| {
        c < '\u{250}' || ('\u{300}'..='\u{36F}').contains(&c) || ('\u{1E00}'..='\u{1EFF}').contains(&c)
    };
    if !text.nfd().all(latin) {
        return;
    }
    let nfc: String = text.nfc().collect();
    let nfd: String = text.nfd().collect();
    let a: Vec<_> = vntext::tokenize(&nfc).map(|t| (t.kind(), t.as_str().to_owned())).collect();
    let b: Vec<_> =
        vntext::tokenize(&nfd).map(|t| (t.kind(), t.as_str().nfc().collect::<String>())).collect();
    assert_eq!(a, b, "{text:?}");
}

pub fn check_normalize(text: &str) {
    for tone in [TonePlacement::Old, TonePlacement::New, TonePlacement::Keep] {
        let n = Normalizer::builder().tone(tone).build();
        let once = n.normalize(text);
        assert_eq!(n.normalize(&once), once, "not idempotent: {text:?}");
        let mapped = n.normalize_mapped(text);
        assert_eq!(mapped.as_str(), once);
        // Every token of the result maps to a piece of the input on char boundaries that
        // normalizes to text containing the token.
        for t in vntext::tokenize(mapped.as_str()) {
            let o = mapped.to_original(t.span());
            assert!(o.start <= o.end && o.end <= text.len());
            assert!(text.is_char_boundary(o.start) && text.is_char_boundary(o.end));
            assert!(n.normalize(&text[o.range()]).contains(t.as_str()), "{text:?} {t:?} {o:?}");
        }
    }
    let folded = vntext::fold_diacritics(text);
    assert_eq!(vntext::fold_diacritics(&folded), folded);
    let key = vntext::key(text);
    assert_eq!(vntext::key(&key), key);
}

#[test]
fn fixed_cases() {
    for text in CASES {
        check_tokens(text);
        check_nfd(text);
        check_normalize(text);
        for s in vntext::sentences(text) {
            assert_eq!(&text[s.span.range()], s.text);
        }
    }
}

/// The number of generated cases per property: `PROPTEST_CASES`, or 300.
pub fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(300)
}

pub fn vietnamese_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => prop::sample::select(vec![
            "Đắk", "Nông", "hoà", "hòa", "thuỷ", "UBND", "TP.HCM", "QP-QSĐP", "người", "Ð", "quốc",
            "phòng", "ngo\u{300}i", "Vie\u{302}\u{323}t", "v.v.", "H'Mông", "k/g",
        ]).prop_map(str::to_owned),
        2 => "[0-9]{1,4}([./,:-][0-9]{1,4}){0,3}%?",
        2 => "[ \n\t\u{A0}\u{200B}]{1,3}",
        2 => "[.,;:!?\"'()…“”/-]{1,3}",
        1 => "[a-zA-Zăâêôơưđ\u{300}-\u{309}\u{323}@_&+]{1,6}",
        1 => any::<String>().prop_map(|s| s.chars().take(4).collect()),
    ];
    prop::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

proptest! {
    // 300 cases keep CI short; PROPTEST_CASES=100000 runs a long search.
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn generated_vietnamese_like(text in vietnamese_like()) {
        check_tokens(&text);
        check_nfd(&text);
        check_normalize(&text);
    }

    #[test]
    fn arbitrary_unicode(text in any::<String>()) {
        check_tokens(&text);
        check_normalize(&text);
        for s in vntext::sentences(&text) {
            prop_assert_eq!(&text[s.span.range()], s.text);
        }
    }
}

/// Tokens, sentences and normalization never cross a line break, so processing a text line
/// by line gives the same results, shifted by each line's offset.
pub fn check_line_by_line(text: &str) {
    let whole: Vec<_> = vntext::tokenize(text).map(|t| (t.span(), t.kind())).collect();
    let whole_sentences: Vec<_> = vntext::sentences(text).map(|s| s.span).collect();
    let mut by_line = Vec::new();
    let mut by_line_sentences = Vec::new();
    let mut normalized = String::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        for t in vntext::tokenize(line) {
            let s = t.span();
            by_line.push((vntext::Span::new(s.start + offset, s.end + offset), t.kind()));
        }
        for s in vntext::sentences(line) {
            by_line_sentences.push(vntext::Span::new(s.span.start + offset, s.span.end + offset));
        }
        normalized.push_str(&vntext::normalize(line));
        offset += line.len();
    }
    assert_eq!(whole, by_line, "{text:?}");
    assert_eq!(whole_sentences, by_line_sentences, "{text:?}");
    assert_eq!(vntext::normalize(text), normalized, "{text:?}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn line_by_line_is_the_same(lines in prop::collection::vec(vietnamese_like(), 1..5)) {
        check_line_by_line(&lines.join("\n"));
    }
}
