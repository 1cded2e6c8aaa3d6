//! The segmenter's training dictionary, which only the repository has.

use vntext::TokenKind;

/// The training dictionary (`data/segmenter/dictionary.tsv`, absent from the published
/// package) is what data/SOURCES.md says: a `word` header, then distinct NFC words of two
/// to four syllables, each a run the segmenter could join.
#[test]
fn training_dictionary_is_well_formed() {
    let src = crate::repo_file("data/segmenter/dictionary.tsv");
    let mut lines = src.lines();
    assert_eq!(lines.next(), Some("word"));
    let keep_tones = vntext::Normalizer::builder().tone(vntext::TonePlacement::Keep).build();
    let mut seen = std::collections::HashSet::new();
    let mut count = 0;
    for (n, word) in lines.enumerate() {
        let line = n + 2;
        assert_eq!(keep_tones.normalize(word), word, "line {line}: not NFC");
        assert_eq!(
            word.split(' ').collect::<Vec<_>>(),
            word.split_whitespace().collect::<Vec<_>>(),
            "line {line}: spaces"
        );
        let syllables = vntext::tokenize(word).collect::<Vec<_>>();
        assert!((2..=4).contains(&syllables.len()), "line {line}: {word:?}");
        assert!(
            syllables.iter().all(|t| matches!(t.kind(), TokenKind::Syllable | TokenKind::Foreign)),
            "line {line}: {word:?}"
        );
        assert!(seen.insert(vntext::key(word).into_owned()), "line {line}: {word:?} twice");
        count += 1;
    }
    assert!(count > 60_000, "{count} words");
}
