//! Tests over real text in ../shared, ignored unless asked for (`cargo test -- --ignored`).

use vntext::TokenKind;

#[test]
#[ignore = "needs ../shared"]
fn seed_article_tokens_from_shared() {
    let text = crate::shared("seed/article.txt");
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
#[ignore = "needs ../shared"]
fn real_corpora_from_shared_keep_invariants() {
    let text = crate::shared("data/news-sample/demo-full.txt");
    let head: String = text.chars().take(300_000).collect();
    crate::invariants::check_tokens(&head);
    let syllables = vntext::tokenize(&head).filter(|t| t.kind() == TokenKind::Syllable).count();
    let words = vntext::tokenize(&head).filter(|t| t.kind().is_word()).count();
    // News text is overwhelmingly Vietnamese syllables.
    assert!(syllables * 100 > words * 95, "{syllables} of {words}");
}
