//! Word segmentation: words on clear sentences, span invariants, the user dictionary and
//! corrupt models. Reading gold files, training on them and the accuracy on the UD
//! Vietnamese-VTB files are tested with the reader, in the CLI (`cli/src/gold.rs`).

use vntext::{SegmenterTrainer, Span, TokenKind, WordSegmenter};

fn words(segmenter: &WordSegmenter, text: &str) -> Vec<String> {
    segmenter.segment(text).iter().map(|w| w.as_str().to_owned()).collect()
}

#[test]
fn clear_sentences() {
    let s = WordSegmenter::builtin();
    let w = words(s, "Bộ Quốc phòng tổ chức hội nghị tổng kết công tác quốc phòng.");
    for expected in ["Quốc phòng", "tổ chức", "hội nghị", "tổng kết", "công tác", "quốc phòng", "."]
    {
        assert!(w.iter().any(|x| x == expected), "{expected:?} not a word of {w:?}");
    }
    let w = words(s, "Ủy ban nhân dân tỉnh đã phê duyệt dự án.");
    assert_eq!(w, ["Ủy ban nhân dân", "tỉnh", "đã", "phê duyệt", "dự án", "."]);
    let w = words(s, "Sở Tài nguyên và Môi trường tỉnh Đắk Nông kiểm tra mỏ đá.");
    assert_eq!(w, ["Sở", "Tài nguyên", "và", "Môi trường", "tỉnh", "Đắk Nông", "kiểm tra", "mỏ", "đá", "."]);
}

#[test]
fn other_tokens_stay_whole() {
    let s = WordSegmenter::builtin();
    let text = "Ngày 08/12/2022, UBND TP.HCM họp lúc 16:53 về 1.234,5 tỷ đồng.";
    let w = words(s, text);
    for whole in ["08/12/2022", ",", "UBND", "TP.HCM", "16:53", "."] {
        assert!(w.iter().any(|x| x == whole), "{whole:?} not whole in {w:?}");
    }
    // A number may join a syllable (`10 triệu`), but stays whole inside its word.
    assert!(w.iter().any(|x| x == "1.234,5" || x.starts_with("1.234,5 ")), "{w:?}");
    check_spans(s, text);
}

#[test]
fn numbers_written_against_letters_are_one_word() {
    let s = WordSegmenter::builtin();
    let w = words(s, "Xe chạy trên quốc lộ 1A, mạng 3G phủ 10km.");
    for whole in ["1A", "3G", "10km"] {
        assert!(w.iter().any(|x| x == whole), "{whole:?} not one word in {w:?}");
    }
}

#[test]
fn words_written_with_a_hyphen_are_one_word() {
    let s = WordSegmenter::builtin();
    let w = words(s, "Chủ nghĩa Mác-Lênin đến Niu-Ước, dịch COVID-19 và trận knock-out.");
    // Each stays whole inside one word (the model may join it to a word beside it).
    for whole in ["Mác-Lênin", "Niu-Ước", "COVID-19", "knock-out"] {
        assert!(w.iter().any(|x| x.split(' ').any(|part| part == whole)), "{whole:?} split in {w:?}");
    }
    // A hyphen with a space on either side is punctuation between words.
    let w = words(s, "Hà Nội - Hải Phòng, Hà Nội -Hải Phòng, năm 2003-2004");
    assert_eq!(w.iter().filter(|x| x.as_str() == "-").count(), 2, "{w:?}");
    assert!(w.iter().any(|x| x == "2003-2004" || x == "2003"), "{w:?}");
    check_spans(s, "Mác-Lênin-Ăngghen - -x- a--b");
}

#[test]
fn an_initial_keeps_its_full_stop_before_a_lowercase_word() {
    let s = WordSegmenter::builtin();
    assert!(words(s, "Ông H. cúi xuống nhặt lưới.").contains(&"H.".to_owned()));
    let w = words(s, "Tôi gặp ông H.");
    assert_eq!(w[w.len() - 2..], ["H", "."]);
}

#[test]
fn initials_keep_their_full_stop() {
    let s = WordSegmenter::builtin();
    assert!(words(s, "Ông ở TP. HCM từ lâu").contains(&"TP.".to_owned()));
    let w = words(s, "Kết thúc ở TP.");
    assert_eq!(w[w.len() - 2..], ["TP", "."]);
}

/// Every token is in exactly one word, words are in order on token boundaries, and no word
/// spans a line break.
fn check_spans(segmenter: &WordSegmenter, text: &str) {
    let tokens: Vec<Span> = vntext::tokenize(text).map(|t| t.span()).collect();
    let words = segmenter.segment(text);
    let mut t = 0;
    for w in &words {
        assert!(text.is_char_boundary(w.span().start) && text.is_char_boundary(w.span().end));
        assert_eq!(w.as_str(), &text[w.span().range()]);
        assert_eq!(tokens.get(t).map(|s| s.start), Some(w.span().start), "{text:?}: {w:?}");
        t += w.token_count();
        assert_eq!(tokens[t - 1].end, w.span().end, "{text:?}: {w:?}");
        assert!(!w.as_str().contains('\n'), "{text:?}: {w:?}");
    }
    assert_eq!(t, tokens.len(), "{text:?}");
}

#[test]
fn spans_cover_all_tokens() {
    let s = WordSegmenter::builtin();
    for text in [
        "",
        "   ",
        ".",
        "Bộ Quốc phòng",
        "quốc\nphòng",
        "Hợp tác xã nông nghiệp Hoà Bình, thuỷ lợi… 🙂 https://example.vn 0912345678",
        "Tho\u{302}\u{300}ng tin cu\u{309}a Nguye\u{302}\u{303}n Va\u{306}n A",
        "ĐẮK NÔNG - Ban Chỉ huy Quân sự huyện Cư Jút (QK5) ký kết quy chế phối hợp.",
        "a b c d e f g h i k l m n o p q r s t u v x y",
    ] {
        check_spans(s, text);
    }
}

#[test]
fn worker_reuse_matches_one_shot() {
    let s = WordSegmenter::builtin();
    let mut worker = s.worker();
    let texts =
        ["Chủ tịch nước tiếp đoàn đại biểu.", "", "Hà Nội mùa thu", "Chủ tịch nước tiếp đoàn đại biểu."];
    for text in texts {
        let reused: Vec<_> = worker.segment(text).collect();
        assert_eq!(reused, s.segment(text));
    }
}

#[test]
fn user_dictionary_forces_words() {
    let text = "Sở Tài nguyên và Môi trường tỉnh và Ban Chỉ huy Quân sự huyện họp.";
    let plain = words(WordSegmenter::builtin(), text);
    assert!(!plain.contains(&"Ban Chỉ huy Quân sự".to_owned()), "{plain:?}");
    let s = WordSegmenter::builder()
        .word("ban chỉ huy quân sự")
        .words(["Sở Tài nguyên và Môi trường", "tỉnh"])
        .build();
    let w = words(&s, text);
    assert_eq!(w[0], "Sở Tài nguyên và Môi trường");
    assert!(w.contains(&"Ban Chỉ huy Quân sự".to_owned()), "{w:?}");
    // Case, tone-mark placement and spacing do not matter; line breaks do.
    let s = WordSegmenter::builder().word("Sở Tài nguyên và Môi trường").build();
    assert_eq!(words(&s, "SỞ  TÀI NGUYÊN VÀ MÔI TRƯỜNG")[0], "SỞ  TÀI NGUYÊN VÀ MÔI TRƯỜNG");
    assert_eq!(
        words(&s, "sở tài nguyên và môi trườngg"),
        words(WordSegmenter::builtin(), "sở tài nguyên và môi trườngg")
    );
    assert_ne!(words(&s, "Sở Tài nguyên\nvà Môi trường")[0], "Sở Tài nguyên\nvà Môi trường");
    let s = WordSegmenter::builder().word("Khánh Hoà").build();
    assert_eq!(words(&s, "tỉnh Khánh Hòa")[1], "Khánh Hòa");
    // A user word may join tokens the model never joins.
    let s = WordSegmenter::builder().word("COVID-19").build();
    assert!(words(&s, "dịch COVID-19 lan rộng").contains(&"COVID-19".to_owned()));
    check_spans(&s, "dịch COVID-19 lan rộng, COVID - 19");
}

#[test]
fn segmenter_is_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<WordSegmenter>();
    assert_send_sync::<vntext::SegmentWorker<'static>>();
    assert_send_sync::<vntext::Word<'static>>();
    let s = WordSegmenter::builtin();
    std::thread::scope(|scope| {
        let h = scope.spawn(|| words(s, "quốc phòng toàn dân"));
        assert_eq!(h.join().unwrap(), words(s, "quốc phòng toàn dân"));
    });
}

/// A small model, trained in a moment.
fn small_model() -> Vec<u8> {
    let mut trainer = SegmenterTrainer::new();
    trainer.hash_bits(8).epochs(5).min_pair_count(1);
    trainer.add_raw_text("quốc phòng an ninh, quốc phòng toàn dân");
    trainer.add_lexicon_word(0, "an ninh");
    // Two sentences that share features.
    let text = "bộ quốc phòng";
    trainer.add_sentence(text, &[Span::new(0, 4), Span::new(5, text.len())]);
    let text = "quốc phòng toàn dân";
    trainer.add_sentence(text, &[Span::new(0, 13), Span::new(14, text.len())]);
    trainer.train().unwrap()
}

fn is_model_error(r: vntext::Result<WordSegmenter>) -> bool {
    matches!(r, Err(e) if e.kind() == vntext::ErrorKind::Model)
}

#[test]
fn small_model_round_trips() {
    let model = small_model();
    let s = WordSegmenter::from_model_bytes(&model).unwrap();
    assert_eq!(words(&s, "bộ quốc phòng"), ["bộ", "quốc phòng"]);
    // Training is deterministic.
    assert_eq!(model, small_model());
}

#[test]
fn corrupt_models_are_errors() {
    let model = small_model();
    let mut wrong_magic = model.clone();
    wrong_magic[0] ^= 1;
    assert!(is_model_error(WordSegmenter::from_model_bytes(&wrong_magic)));

    let mut wrong_version = model.clone();
    wrong_version[8] = 99;
    let err = WordSegmenter::from_model_bytes(&wrong_version).unwrap_err();
    assert!(err.to_string().contains("version 99"), "{err}");

    let mut flipped = model.clone();
    let mid = flipped.len() / 2;
    flipped[mid] ^= 0x10;
    let err = WordSegmenter::from_model_bytes(&flipped).unwrap_err();
    assert!(err.to_string().contains("checksum"), "{err}");

    for len in 0..model.len() {
        assert!(is_model_error(WordSegmenter::from_model_bytes(&model[..len])), "truncated to {len}");
    }
    let mut longer = model.clone();
    longer.push(0);
    assert!(is_model_error(WordSegmenter::from_model_bytes(&longer)));
    assert!(is_model_error(WordSegmenter::from_model_bytes(b"not a model at all")));
}

#[test]
fn training_needs_sentences() {
    assert!(SegmenterTrainer::new().train().is_err());
}

#[test]
fn builtin_model_joins_only_word_and_number_tokens() {
    let s = WordSegmenter::builtin();
    let text = "Công ty Facebook công bố 3 sản phẩm mới tại Hà Nội hôm 8/12, giá 10 triệu 20 nghìn đồng.";
    for w in s.segment(text) {
        if w.token_count() > 1 {
            let kinds: Vec<TokenKind> = vntext::tokenize(w.as_str()).map(|t| t.kind()).collect();
            let word = |k: &TokenKind| matches!(k, TokenKind::Syllable | TokenKind::Foreign);
            assert!(kinds.iter().all(|k| word(k) || *k == TokenKind::Number), "{w:?}");
            // Never two numbers in one word.
            assert!(kinds.windows(2).all(|p| word(&p[0]) || word(&p[1])), "{w:?}");
        }
    }
}

/// The in-repository texts on one line, numbered so that no two copies are alike, until the
/// line holds `bytes`.
fn one_long_line(bytes: usize) -> String {
    let texts = [
        include_str!("../../examples/data/sample.txt"),
        include_str!("../../benches/texts/sample.txt"),
        include_str!("../../benches/texts/ner_sample.txt"),
    ];
    let mut line = String::new();
    let mut copy = 0;
    while line.len() < bytes {
        for t in texts {
            for l in t.lines() {
                line.push_str(l);
                line.push(' ');
            }
            line.push_str(&format!("Ngày {} tháng 3, TP. HCM có {copy} nhà , H. Anh nói: ", copy % 28 + 1));
        }
        copy += 1;
    }
    line
}

fn by_parts<'h>(segmenter: &WordSegmenter, text: &'h str) -> Vec<vntext::Word<'h>> {
    let mut words = Vec::new();
    segmenter.worker().for_each_word(text, |w| words.push(w));
    words
}

/// A long text is segmented a part at a time, with the same words as the whole text at once:
/// the parts' cuts fall in thousands of places, after every kind of sentence in the texts.
#[test]
fn a_long_line_by_parts_gives_the_words_of_the_whole_line() {
    let line = one_long_line(600_000);
    let s = WordSegmenter::builtin();
    let whole = s.segment(&line);
    assert!(whole.len() > 50_000, "{}", whole.len());
    assert_eq!(by_parts(s, &line), whole);
    // The same with words of the user's dictionary, some across a comma written apart.
    let user = WordSegmenter::builder().words(["Hà Nội mùa thu", "nhà , H", "Anh nói"]).build();
    let whole = user.segment(&line);
    assert!(whole.iter().any(|w| w.as_str() == "nhà , H"));
    assert_eq!(by_parts(&user, &line), whole);
}

/// A stretch longer than a part with no place to cut (no punctuation against a word) makes
/// the part longer; short texts are segmented whole.
#[test]
fn a_long_stretch_without_punctuation_by_parts() {
    let mut line = "nhà cửa Hà Nội mùa thu ".repeat(12_000);
    line.push_str(&one_long_line(150_000));
    line.push_str(&"quốc phòng toàn dân ".repeat(8_000));
    let s = WordSegmenter::builtin();
    assert_eq!(by_parts(s, &line), s.segment(&line));
    for text in ["", "Hà Nội.", "Bộ Quốc phòng họp báo."] {
        assert_eq!(by_parts(s, text), s.segment(text));
    }
}

/// The only place to cut near the start of a long text (`Nhà.` in its first bytes): the next
/// part's context must not reach before the text.
#[test]
fn a_cut_in_the_first_bytes_of_a_long_text() {
    let line = format!("Nhà. {}", "nhà cửa Hà Nội mùa thu ".repeat(6_000));
    let s = WordSegmenter::builtin();
    assert_eq!(by_parts(s, &line), s.segment(&line));
}
