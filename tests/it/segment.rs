//! Word segmentation: words on clear sentences, span invariants, the user dictionary,
//! corrupt models, and accuracy on the UD Vietnamese-VTB files (ignored unless asked for:
//! they need `../shared`).

#[path = "../../cli/src/gold.rs"]
mod gold;

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

/// The training file formats `train_segmenter --train` and `segment --eval` read: CoNLL-U
/// (words with spaces inside), `_`-joined words and VLSP 2013 `w_w/TAG`, here the same
/// four sentences written in each.
fn training_file(name: &str) -> Vec<gold::GoldSentence> {
    let path = format!("{}/tests/it/data/{name}", env!("CARGO_MANIFEST_DIR"));
    gold::read_gold(&std::fs::read_to_string(&path).unwrap())
}

fn gold_words(sentences: &[gold::GoldSentence]) -> Vec<Vec<String>> {
    sentences.iter().map(|s| s.words.iter().map(|w| s.text[w.range()].to_owned()).collect()).collect()
}

fn train_on(sentences: &[gold::GoldSentence]) -> Vec<u8> {
    let mut trainer = SegmenterTrainer::new();
    trainer.hash_bits(12).epochs(10).runs(2).min_pair_count(1);
    for s in sentences {
        assert_eq!(trainer.add_sentence(&s.text, &s.words), 0, "{}", s.text);
        trainer.add_raw_text(&s.text);
    }
    trainer.train().unwrap()
}

#[test]
fn the_three_training_formats_read_alike_and_train_one_model() {
    let underscored = training_file("segment_train.txt");
    let tagged = training_file("segment_train_tagged.txt");
    let conllu = training_file("segment_train.conllu");
    let expected: Vec<Vec<&str>> = vec![
        vec!["Bộ", "Quốc phòng", "họp", "báo", "."],
        vec!["Ông", "Hồ Văn Mười", "làm việc", "tại", "Hà Nội", "."],
        vec!["Chủ tịch", "UBND", "tỉnh", "tổ chức", "hội nghị", "tổng kết", "."],
        vec!["Năm", "2023", ",", "10", "triệu", "người", "được", "tiêm", "vắc xin", "."],
    ];
    for sentences in [&underscored, &tagged, &conllu] {
        assert_eq!(gold_words(sentences), expected);
    }
    // The CoNLL-U words are placed in the `# text` line, with its spacing.
    assert_eq!(conllu[0].text, "Bộ Quốc phòng họp báo.");
    assert_eq!(underscored[0].text, "Bộ Quốc phòng họp báo .");
    assert_eq!(tagged[0].text, underscored[0].text);
    // Spacing before punctuation changes no feature: one model from the three files.
    let model = train_on(&underscored);
    assert_eq!(train_on(&tagged), model);
    assert_eq!(train_on(&conllu), model);
    // A model in this tiny convention splits `họp báo` and keeps the names whole, and scores
    // the same on each format of its training sentences.
    let s = WordSegmenter::from_model_bytes(&model).unwrap();
    assert_eq!(words(&s, "Bộ Quốc phòng họp báo."), ["Bộ", "Quốc phòng", "họp", "báo", "."]);
    let f1 = |g: &[gold::GoldSentence]| gold::evaluate(&s, g).f1();
    assert_eq!(f1(&underscored), f1(&conllu));
    assert_eq!(f1(&tagged), f1(&conllu));
}

#[test]
fn a_tag_is_stripped_only_when_every_word_has_one() {
    // `km/h` alone is a word with a slash, not a word tagged `h`.
    let plain = gold::read_gold("xe chạy 60 km/h .\n");
    assert_eq!(gold_words(&plain), [["xe", "chạy", "60", "km/h", "."]]);
    let tagged = gold::read_gold("xe/N chạy/V 60/M km/h/Nu ./CH\n");
    assert_eq!(gold_words(&tagged), [["xe", "chạy", "60", "km/h", "."]]);
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
    matches!(r, Err(vntext::Error::Model { .. }))
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

/// Gold files in the `_` convention, with or without VLSP 2013 part-of-speech tags.
#[test]
fn gold_files_with_and_without_tags() {
    let plain = gold::read_gold("Bộ Quốc_phòng họp_báo .\nNgày 24/7 , 1/2 số xã .\n");
    let tagged =
        gold::read_gold("Bộ/N Quốc_phòng/Np họp_báo/V ./CH\nNgày/N 24/7/M ,/CH 1/2/M số/N xã/N ./CH\n");
    for file in [&plain, &tagged] {
        let words: Vec<Vec<&str>> =
            file.iter().map(|s| s.words.iter().map(|w| &s.text[w.range()]).collect()).collect();
        assert_eq!(
            words,
            [vec!["Bộ", "Quốc phòng", "họp báo", "."], vec!["Ngày", "24/7", ",", "1/2", "số", "xã", "."]]
        );
    }
}

/// Word F1 of the built-in model on one UD Vietnamese-VTB file.
fn ud_vtb_f1(file: &str, sentences: usize) -> f64 {
    let src = crate::shared(&format!("data/ud-vtb/{file}"));
    let gold = gold::read_gold(&src);
    assert_eq!(gold.len(), sentences);
    let score = gold::evaluate(WordSegmenter::builtin(), &gold);
    println!("{file}: P {:.2} R {:.2} F1 {:.2}", score.precision(), score.recall(), score.f1());
    score.f1()
}

/// Word F1 on the UD Vietnamese-VTB test set, which the built-in model never saw: 96.76
/// (P 96.81, R 96.70) when this floor was set, measured with
/// `vntext segment --eval ../shared/data/ud-vtb/vi_vtb-ud-test.conllu`.
/// The floor sits under the figure by a tenth of a point, so a retrained model that
/// loses more fails here.
#[test]
#[ignore = "needs ../shared"]
fn f1_on_ud_vtb_test() {
    let f1 = ud_vtb_f1("vi_vtb-ud-test.conllu", 800);
    assert!(f1 >= 96.6, "F1 {f1:.2} below the floor 96.6 (the model reached 96.76)");
}

/// Word F1 on the UD Vietnamese-VTB dev set. The built-in model is trained on it (train +
/// dev), so this is no accuracy figure: it catches a model that no longer fits its own
/// training data (a broken feature or loader). 99.90 (P 99.87, R 99.93) when set, measured
/// with `vntext segment --eval ../shared/data/ud-vtb/vi_vtb-ud-dev.conllu`.
#[test]
#[ignore = "needs ../shared"]
fn f1_on_ud_vtb_dev_the_training_data() {
    let f1 = ud_vtb_f1("vi_vtb-ud-dev.conllu", 1123);
    assert!(f1 >= 99.8, "F1 {f1:.2} below the floor 99.8 (the model reached 99.90)");
}
