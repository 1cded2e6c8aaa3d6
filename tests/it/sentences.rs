fn split(text: &str) -> Vec<&str> {
    vntext::sentences(text).map(|s| s.text).collect()
}

#[test]
fn splits_on_terminals_and_lines() {
    assert_eq!(split("Một. Hai! Ba? Bốn… Năm"), ["Một.", "Hai!", "Ba?", "Bốn…", "Năm"]);
    assert_eq!(split("Tiêu đề\n\nĐoạn một. Đoạn hai"), ["Tiêu đề", "Đoạn một.", "Đoạn hai"]);
}

#[test]
fn abbreviations_do_not_end_sentences() {
    assert_eq!(
        split("Ông ở TP. Hồ Chí Minh. Bà ở TP.HCM. Hết."),
        ["Ông ở TP. Hồ Chí Minh.", "Bà ở TP.HCM.", "Hết."]
    );
    assert_eq!(split("Gặp ThS. Lê và PGS.TS. Trần."), ["Gặp ThS. Lê và PGS.TS. Trần."]);
    assert_eq!(split("Anh Nguyễn V. A. đến."), ["Anh Nguyễn V. A. đến."]);
    assert_eq!(split("Táo, cam, v.v. và chuối. Xong."), ["Táo, cam, v.v. và chuối.", "Xong."]);
    assert_eq!(split("Táo, cam, v.v. Xong."), ["Táo, cam, v.v.", "Xong."]);
}

#[test]
fn quotes_and_ellipses_stay_with_their_sentence() {
    assert_eq!(split("Anh nói: “Đi thôi!” Rồi đi."), ["Anh nói: “Đi thôi!”", "Rồi đi."]);
    assert_eq!(split("Chờ đã... rồi sao? (Không.) Hết"), ["Chờ đã... rồi sao?", "(Không.)", "Hết"]);
    assert_eq!(split("Số 3.5 và 1.000 người."), ["Số 3.5 và 1.000 người."]);
}

#[test]
fn spans_match_text() {
    let text = "  Câu một.  Câu hai!\n";
    for s in vntext::sentences(text) {
        assert_eq!(&text[s.span.range()], s.text);
    }
}
