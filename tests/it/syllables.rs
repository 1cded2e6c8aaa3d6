use vntext::{Syllable, Tone};

#[test]
fn parses_parts_and_tone() {
    let s = Syllable::parse("NGƯỜI").unwrap();
    assert_eq!((s.onset, s.glide, s.nucleus, s.coda, s.tone), ("ng", None, "ươ", "i", Tone::Grave));
    let nfd = "ngu\u{31B}o\u{31B}\u{300}i";
    assert_eq!(Syllable::parse(nfd), Syllable::parse("người"));
    for w in ["Nông", "quốc", "phòng", "Ủy", "thuỷ", "khuya", "giặc", "gìn", "nghiêng", "oanh", "Đắk", "Lắk"]
    {
        assert!(vntext::is_syllable(w), "{w}");
    }
    for w in ["GMT", "Facebook", "UBND", "hotel", "ka-ra", "xin chào", "", "a1", "bàt"] {
        assert!(!vntext::is_syllable(w), "{w}");
    }
}
