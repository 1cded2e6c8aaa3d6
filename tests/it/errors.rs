//! The opaque error: its kind, file, line and offset for each way loading can fail.

use std::error::Error as _;
use std::path::Path;

use vntext::{Abbreviations, ErrorKind, Recognizer, WordSegmenter};

#[test]
fn a_bad_data_line_gives_kind_file_and_line() {
    let tsv = "abbreviation\texpansion\tdomain\tcues\nUBND\tỦy ban nhân dân\n\nQP\n";
    let err = Abbreviations::from_tsv("dicts/user.tsv", tsv).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Data);
    assert_eq!(err.path(), Some(Path::new("dicts/user.tsv")));
    assert_eq!((err.line(), err.offset()), (Some(4), None));
    assert!(err.source().is_none());
    assert!(err.to_string().starts_with("dicts/user.tsv:4: "), "{err}");

    let err =
        Recognizer::builder().entities_tsv("mine.tsv", "name\tkind\nCông ty ABC\tcompany\n").unwrap_err();
    assert_eq!((err.kind(), err.path(), err.line()), (ErrorKind::Data, Some(Path::new("mine.tsv")), Some(2)));
}

#[test]
fn a_file_wrong_as_a_whole_has_no_line() {
    // An empty file: no header row at all.
    let err = Abbreviations::from_tsv("user.tsv", "").unwrap_err();
    assert_eq!((err.kind(), err.path(), err.line()), (ErrorKind::Data, Some(Path::new("user.tsv")), None));
    assert!(err.to_string().starts_with("user.tsv: "), "{err}");
}

#[test]
fn a_corrupt_model_is_a_model_error_without_file_or_line() {
    let mut bytes = b"VNTAGMDL".to_vec();
    bytes.extend_from_slice(&[0xFF; 40]);
    for err in [
        WordSegmenter::from_model_bytes(&bytes).unwrap_err(),
        WordSegmenter::from_model_bytes(b"").unwrap_err(),
        Recognizer::builder().model(&bytes).map(|_| ()).unwrap_err(),
    ] {
        assert_eq!(err.kind(), ErrorKind::Model, "{err}");
        assert_eq!((err.path(), err.line(), err.offset()), (None, None, None));
        assert!(err.source().is_none());
        assert!(err.to_string().starts_with("bad model: "), "{err}");
    }
}

#[test]
fn non_utf8_input_gives_the_offset_of_the_first_bad_byte() {
    // "Hà Nội" with its `ộ` cut after two of its three bytes.
    let bytes = b"H\xc3\xa0 N\xe1\xbbi".to_vec();
    let err = vntext::Error::from(std::str::from_utf8(&bytes).unwrap_err());
    assert_eq!(err.kind(), ErrorKind::NotUtf8);
    assert_eq!((err.offset(), err.path(), err.line()), (Some(5), None, None));
    assert_eq!(err.to_string(), "input is not UTF-8 (invalid byte at offset 5)");
}

#[test]
fn an_io_error_keeps_its_source() {
    let missing = Path::new(env!("CARGO_MANIFEST_DIR")).join("no-such-file.tsv");
    let io = std::fs::read(&missing).unwrap_err();
    let err = vntext::Error::from(io);
    assert_eq!(err.kind(), ErrorKind::Io);
    let source = err.source().and_then(|s| s.downcast_ref::<std::io::Error>()).expect("the I/O error");
    assert_eq!(source.kind(), std::io::ErrorKind::NotFound);
    assert!(err.to_string().starts_with("I/O error: "), "{err}");
}

#[test]
fn errors_are_small_and_cross_threads() {
    fn send_sync<T: Send + Sync + 'static>() {}
    send_sync::<vntext::Error>();
    assert!(std::mem::size_of::<vntext::Result<()>>() <= std::mem::size_of::<usize>());
}
