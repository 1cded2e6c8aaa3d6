//! The learning engine's model format, through the public API: what a model file says it
//! is for, and typed errors for models of another task, another version, an older vntext,
//! or with a junk body behind a valid header.

use vntext::tagging::TagModel;
use vntext::{ErrorKind, SegmenterTrainer, Span, WordSegmenter};

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3))
}

/// Recomputes the checksum after an edit, so that the field checks are what fails.
fn resum(mut bytes: Vec<u8>) -> Vec<u8> {
    let n = bytes.len() - 8;
    let sum = fnv1a(&bytes[..n]);
    bytes[n..].copy_from_slice(&sum.to_le_bytes());
    bytes
}

fn small_model() -> Vec<u8> {
    let mut trainer = SegmenterTrainer::new();
    trainer.hash_bits(8).epochs(3);
    let text = "bộ quốc phòng";
    trainer.add_sentence(text, &[Span::new(0, 4), Span::new(5, text.len())]);
    trainer.add_sentence("quốc phòng toàn dân", &[Span::new(0, 13), Span::new(14, 24)]);
    trainer.train().unwrap()
}

fn model_error(bytes: &[u8]) -> String {
    match WordSegmenter::from_model_bytes(bytes) {
        Err(e) if e.kind() == ErrorKind::Model => {
            assert_eq!((e.path(), e.line()), (None, None));
            e.to_string().strip_prefix("bad model: ").expect("a model error's message").to_owned()
        }
        Err(e) => panic!("not a model error: {e}"),
        Ok(_) => panic!("read as a model"),
    }
}

#[test]
fn the_shipped_segmenter_model_says_what_it_is() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/segmenter.bin");
    let bytes = std::fs::read(path).unwrap();
    assert!(bytes.len() <= 5_000_000, "the model grew to {} bytes", bytes.len());
    let model = TagModel::from_bytes(&bytes).unwrap();
    assert_eq!(model.task(), "segment");
    assert_eq!(model.tags().collect::<Vec<_>>(), ["B", "I"]);
    assert_eq!(model.hash_bits(), 20);
}

#[test]
fn a_model_of_another_task_is_refused() {
    let bytes = small_model();
    // The task name follows the magic (8 bytes) and the version (4): length 7, "segment".
    assert_eq!(&bytes[12..20], b"\x07segment");
    let mut other = bytes.clone();
    other[13..20].copy_from_slice(b"postags");
    let other = resum(other);
    assert!(model_error(&other).contains("task `postags`"), "{}", model_error(&other));
    assert_eq!(TagModel::from_bytes(&other).unwrap().task(), "postags");
}

#[test]
fn other_versions_and_older_models_are_refused() {
    let bytes = small_model();
    let mut v2 = bytes.clone();
    v2[8..12].copy_from_slice(&2u32.to_le_bytes());
    assert!(model_error(&resum(v2)).contains("version 2"));
    let mut old = bytes.clone();
    old[..8].copy_from_slice(b"VNSEGMDL");
    assert!(model_error(&old).contains("older vntext"));
}

#[test]
fn a_valid_header_with_a_junk_body_is_an_error() {
    // The header and checksum the fuzz target `model` builds around its input.
    for body in [&b""[..], b"\x10\0\0\0", b"\x18\0\0\0\xff\xff", &[0xAB; 64], &[0; 600]] {
        let mut bytes = b"VNTAGMDL".to_vec();
        bytes.extend_from_slice(&1u32.to_le_bytes());
        bytes.extend_from_slice(b"\x07segment\x02\x01B\x01I");
        bytes.extend_from_slice(body);
        let sum = fnv1a(&bytes);
        bytes.extend_from_slice(&sum.to_le_bytes());
        model_error(&bytes);
        assert!(
            matches!(TagModel::from_bytes(&bytes), Err(ref e) if e.kind() == ErrorKind::Model),
            "{body:?}"
        );
    }
}

#[test]
fn every_truncation_is_an_error() {
    let bytes = small_model();
    for len in 0..bytes.len() {
        assert!(
            matches!(TagModel::from_bytes(&bytes[..len]), Err(ref e) if e.kind() == ErrorKind::Model),
            "{len}"
        );
    }
}

#[test]
fn engines_are_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<TagModel>();
    check::<vntext::NerTagger>();
    check::<WordSegmenter>();
}

/// The NER tagger and the segmenter share the format, and each refuses the other's model.
#[test]
fn ner_and_segmenter_models_are_told_apart() {
    let mut trainer = vntext::NerTrainer::new();
    trainer.hash_bits(8).epochs(2).runs(1);
    trainer.add_sentence(&["Ông", "Tevez", "đến", "Hà_Nội"], &["O", "B-PER", "O", "B-LOC"]).unwrap();
    let ner = trainer.train().unwrap();
    assert_eq!(TagModel::from_bytes(&ner).unwrap().task(), "ner");
    assert!(model_error(&ner).contains("task `ner`, not `segment`"));
    let err = vntext::NerTagger::from_model_bytes(&small_model()).unwrap_err();
    assert!(err.kind() == ErrorKind::Model && err.to_string().contains("`segment`"), "{err}");
}
