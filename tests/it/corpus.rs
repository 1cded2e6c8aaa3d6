//! Tests over real text in ../shared, skipped with a message when it is absent.

use vntext::TokenKind;

#[test]
fn seed_article_tokens_from_shared() {
    let Some(path) = crate::shared("seed/article.txt") else { return };
    let text = std::fs::read_to_string(path).unwrap();
    crate::invariants::check_tokens(&text);
    crate::invariants::check_nfd(&text);
    let tokens: Vec<_> = vntext::tokenize(&text).collect();
    let kind_of =
        |s: &str| -> Vec<TokenKind> { tokens.iter().filter(|t| t.as_str() == s).map(|t| t.kind()).collect() };
    for abbr in ["QP-QSĐP", "UBND"] {
        let k = kind_of(abbr);
        assert!(!k.is_empty() && k.iter().all(|&k| k == TokenKind::Abbreviation), "{abbr}: {k:?}");
    }
    assert_eq!(kind_of("08/12/2022"), [TokenKind::Date]);
    assert_eq!(kind_of("8/12"), [TokenKind::Date]);
    assert_eq!(kind_of("16:53"), [TokenKind::Time]);
    assert_eq!(kind_of("2,029"), [TokenKind::Number]);
    // Every word made of Vietnamese letters is a syllable, except the acronyms.
    for t in &tokens {
        if t.kind().is_word() && !matches!(t.as_str(), "UBND" | "QP-QSĐP" | "GMT" | "XII" | "X") {
            assert_eq!(t.kind(), TokenKind::Syllable, "{:?}", t.as_str());
        }
    }
    let sentences: Vec<_> = vntext::sentences(&text).collect();
    assert!(sentences.iter().any(|s| s.text.starts_with("Chiều 8/12") && s.text.ends_with("năm 2023.")));
}

#[test]
fn real_corpora_from_shared_keep_invariants() {
    let Some(dir) = crate::shared("data/news-sample/demo-full.txt") else { return };
    let text = std::fs::read_to_string(dir).unwrap();
    let head: String = text.chars().take(300_000).collect();
    crate::invariants::check_tokens(&head);
    let syllables = vntext::tokenize(&head).filter(|t| t.kind() == TokenKind::Syllable).count();
    let words = vntext::tokenize(&head).filter(|t| t.kind().is_word()).count();
    // News text is overwhelmingly Vietnamese syllables.
    assert!(syllables * 100 > words * 95, "{syllables} of {words}");
}
