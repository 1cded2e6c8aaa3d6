//! Tagging-engine models of any task from any bytes: a typed error or a model whose fields
//! are consistent, never a panic; the same bytes as a named-entity tagger's model (the
//! built-in format: engine sections, then the two payload bytes of the NER feature set),
//! which then tags a sentence on its own and inside a `Recognizer` (rules, merge, memory).
//!
//! Random bytes stop at the magic number, so the target also wraps the input behind a valid
//! magic and version and in front of a valid checksum (FNV-1a 64, see
//! `src/tagging/model.rs`), which takes the reader through the task name, the tags, the
//! weights and the payload.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vntext::{NerTagger, Recognizer};
use vntext::tagging::TagModel;

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3))
}

fn try_model(bytes: &[u8]) {
    match TagModel::from_bytes(bytes) {
        Ok(model) => {
            assert!(!model.task().is_empty());
            assert!((2..=32).contains(&model.tags().len()));
            assert!((8..=24).contains(&model.hash_bits()));
        }
        Err(e) => assert!(matches!(e, vntext::Error::Model { .. }), "{e}"),
    }
    if let Ok(tagger) = NerTagger::from_model_bytes(bytes) {
        let tokens = ["Ông", "Trần_Văn_Thía", "đến", "Hà_Nội", "."];
        assert_eq!(tagger.tag_tokens(&tokens).len(), tokens.len());
    }
    if let Ok(builder) = Recognizer::builder().model(bytes) {
        let text = "Ông Trần Văn Thía đến UBND tỉnh Đắk Nông ngày 8/12. Thía bảo: Quân khu 5.";
        for e in builder.build().recognize(text) {
            assert_eq!(&text[e.span.range()], e.text);
            assert!(e.mention.start <= e.span.start && e.span.end == e.mention.end);
        }
    }
}

fuzz_target!(|data: &[u8]| {
    try_model(data);
    let mut wrapped = b"VNTAGMDL".to_vec();
    wrapped.extend_from_slice(&1u32.to_le_bytes());
    wrapped.extend_from_slice(data);
    let sum = fnv1a(&wrapped);
    wrapped.extend_from_slice(&sum.to_le_bytes());
    try_model(&wrapped);
});
