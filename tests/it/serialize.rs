//! `Serialize` (feature `serde`): what a JSON writer gets for each public result type.
#![cfg(feature = "serde")]

use serde_json::{Value, json};
use vntext::{Abbreviations, Recognizer, WordSegmenter};

#[test]
fn tokens_sentences_and_words_serialize_with_their_spans() {
    let text = "Đắk Nông, 8/12. Câu hai.";
    let token = vntext::tokenize(text).next().unwrap();
    assert_eq!(
        serde_json::to_value(token).unwrap(),
        json!({"text": "Đắk", "span": {"start": 0, "end": 6}, "kind": "syllable"})
    );
    let date = vntext::tokenize(text).find(|t| t.as_str() == "8/12").unwrap();
    assert_eq!(serde_json::to_value(date).unwrap()["kind"], "date");
    let sentence = vntext::sentences(text).nth(1).unwrap();
    assert_eq!(
        serde_json::to_value(sentence).unwrap(),
        json!({"span": {"start": 20, "end": 29}, "text": "Câu hai."})
    );
    let words = WordSegmenter::builtin().segment("Bộ Quốc phòng họp báo.");
    let v = serde_json::to_value(&words).unwrap();
    assert_eq!(v[1]["text"], "Quốc phòng");
    assert_eq!(v[1]["span"], json!({"start": 5, "end": 18})); // "Bộ " is 5 bytes, "Quốc phòng" 13
}

#[test]
fn entities_serialize_with_kind_and_record() {
    let text = "UBND tỉnh Đắk Nông họp lúc 16:53.";
    let entities = Recognizer::builtin().recognize(text);
    let v = serde_json::to_value(&entities).unwrap();
    let Value::Array(items) = v else { panic!("an array") };
    let province = items.iter().find(|e| e["kind"] == "province").expect("a province");
    assert_eq!(province["text"], "Đắk Nông");
    assert_eq!(province["record"], json!({"province": province["record"]["province"]}));
    assert!(items.iter().any(|e| e["kind"] == "time" && e["text"] == "16:53"));
}

#[test]
fn abbreviation_matches_serialize_with_their_expansion() {
    let expansion = Abbreviations::builtin().expand("UBND tỉnh");
    let v = serde_json::to_value(expansion.matches()).unwrap();
    assert_eq!(v[0]["surface"], "UBND");
    assert_eq!(v[0]["expansion"], "Ủy ban nhân dân");
    assert_eq!(v[0]["span"], json!({"start": 0, "end": 4}));
    assert_eq!(v[0]["source"], "dictionary");
}
