//! Abbreviation expansion: dictionary data, case policy, compounds, ambiguity, document
//! definitions, offsets, user dictionaries.

use std::collections::HashMap;

use vntext::{Abbreviations, Decision, ErrorKind, Expansion, Match, Source, Span};

fn builtin() -> &'static Abbreviations {
    Abbreviations::builtin()
}

fn expand(text: &str) -> String {
    builtin().expand(text).into_string()
}

// ---------------------------------------------------------------- data

#[test]
fn builtin_data_parses_is_nfc_large_and_without_duplicates() {
    let src = include_str!("../../data/abbreviations.tsv");
    assert!(src.starts_with("abbreviation\texpansion\tdomain\tcues\n"));
    for (n, line) in src.lines().enumerate() {
        assert!(unicode_normalization::is_nfc(line), "line {} is not NFC: {line}", n + 1);
    }
    let dict = Abbreviations::from_tsv("abbreviations.tsv", src).expect("built-in data parses");
    assert!(dict.len() >= 1500, "only {} rows", dict.len());
    assert_eq!(dict.len(), builtin().len());
    let mut seen = HashMap::new();
    for e in dict.entries() {
        let key = (e.abbreviation().to_owned(), vntext::key(e.expansion()).into_owned());
        if let Some(first) = seen.insert(key, e.line()) {
            panic!("line {} repeats line {first}: {} → {}", e.line(), e.abbreviation(), e.expansion());
        }
        assert!(!e.expansion().trim().is_empty());
        assert!(!e.domain().is_empty());
    }
}

#[test]
fn builtin_data_has_what_the_issue_lists() {
    let expected = [
        ("UBND", "Ủy ban nhân dân"),
        ("HĐND", "Hội đồng nhân dân"),
        ("MTTQ", "Mặt trận Tổ quốc"),
        ("QP", "quốc phòng"),
        ("QS", "quân sự"),
        ("QSĐP", "quân sự địa phương"),
        ("QP-QSĐP", "quốc phòng - quân sự địa phương"),
        ("QP-AN", "quốc phòng - an ninh"),
        ("LLVT", "lực lượng vũ trang"),
        ("BCHQS", "Bộ Chỉ huy Quân sự"),
        ("QK", "Quân khu"),
        ("QKTĐ", "Quân khu Thủ đô"),
        ("BTTM", "Bộ Tổng Tham mưu"),
        ("TCCT", "Tổng cục Chính trị"),
        ("HVQP", "Học viện Quốc phòng"),
        ("DQTV", "dân quân tự vệ"),
        ("BTL", "Bộ Tư lệnh"),
        ("QĐND", "Quân đội nhân dân"),
        ("QĐNDVN", "Quân đội nhân dân Việt Nam"),
        ("CAND", "Công an nhân dân"),
        ("BĐBP", "Bộ đội Biên phòng"),
        ("NĐ-CP", "nghị định Chính phủ"),
        ("QĐ-TTg", "quyết định Thủ tướng Chính phủ"),
        ("NQ/TW", "nghị quyết Trung ương"),
        ("TT-BQP", "thông tư Bộ Quốc phòng"),
        ("KT-XH", "kinh tế - xã hội"),
        ("TTATXH", "trật tự an toàn xã hội"),
        ("ATGT", "an toàn giao thông"),
        ("ANTT", "an ninh trật tự"),
        ("ATXH", "an toàn xã hội"),
        ("CNTT", "công nghệ thông tin"),
        ("DN", "doanh nghiệp"),
        ("THPT", "trung học phổ thông"),
        ("GS", "giáo sư"),
        ("PGS.TS", "phó giáo sư, tiến sĩ"),
        ("ThS", "thạc sĩ"),
        ("TP", "thành phố"),
        ("TP.HCM", "Thành phố Hồ Chí Minh"),
        ("TX", "thị xã"),
        ("Q.", "quận"),
        ("P.", "phường"),
        ("H.", "huyện"),
        ("v.v.", "vân vân"),
        ("k/g", "kính gửi"),
    ];
    for (abbreviation, expansion) in expected {
        assert_eq!(builtin().get(abbreviation).map(|e| e.expansion()), Some(expansion), "{abbreviation}");
    }
    let all = |a: &str| builtin().candidates(a).iter().map(|e| e.expansion()).collect::<Vec<_>>();
    assert_eq!(all("BCH"), ["Ban Chấp hành", "Bộ Chỉ huy"]);
    assert_eq!(all("CP")[..2], ["Chính phủ", "cổ phần"]);
    assert_eq!(all("TS"), ["tiến sĩ", "thí sinh"]);
    assert_eq!(all("ĐH"), ["đại học", "Đại hội"]);
}

// ---------------------------------------------------------------- case policy and boundaries

#[test]
fn any_case_people_write_matches_on_token_boundaries_only() {
    assert_eq!(expand("UBND, Ubnd, ubnd"), "Ủy ban nhân dân, Ủy ban nhân dân, Ủy ban nhân dân");
    assert_eq!(expand("UBNDX và xUBND"), "UBNDX và xUBND");
    assert_eq!(builtin().get("Ubnd").map(|e| e.abbreviation()), Some("UBND"));
    assert_eq!(expand("ở tp Huế, Tp Vinh, TP Hà Nội"), "ở thành phố Huế, thành phố Vinh, thành phố Hà Nội");
    // A lower-case pair needs a lower-case entry: `(th)` is a byline, not `TH`.
    assert_eq!(expand("K.N (th)"), "K.N (th)");
}

#[test]
fn definitions_in_words() {
    assert_eq!(
        expand("ĐBQH là viết tắt của đại biểu Quốc hội. Các ĐBQH họp."),
        "ĐBQH là viết tắt của đại biểu Quốc hội. Các đại biểu Quốc hội họp."
    );
    assert_eq!(
        expand("HIV là chữ viết tắt của cụm từ tiếng Anh \"Human Immunodeficiency Virus\". Người nhiễm HIV."),
        "HIV là chữ viết tắt của cụm từ tiếng Anh \"Human Immunodeficiency Virus\". Người nhiễm Human Immunodeficiency Virus."
    );
    // A long form whose initials do not match cannot be delimited: the document's own
    // abbreviation then stays as written, rather than take the dictionary's `giao thông`.
    let law = "GT là ký hiệu viết tắt của tổng dung tích của tàu biển. Tàu từ 50 GT trở lên.";
    assert_eq!(expand(law), law);
    assert!(builtin().expand(law).matches().is_empty());
    // `là` alone defines nothing.
    assert_eq!(expand("UBND là cơ quan hành chính."), "Ủy ban nhân dân là cơ quan hành chính.");
}

#[test]
fn company_forms() {
    // `Cty` is a Foreign token (its `y` reads as a vowel), still a dictionary key.
    assert_eq!(
        expand("Cty TNHH ABC và cty CP XYZ."),
        "Công ty trách nhiệm hữu hạn ABC và công ty cổ phần XYZ."
    );
}

#[test]
fn document_numbers_stay_as_written() {
    // The symbol of a document number names it; spelling it out would garble it.
    assert_eq!(
        expand("Theo Nghị định 15/2020/NĐ-CP và Nghị quyết 24-NQ/TW của BCH TW, NĐ-CP quy định"),
        "Theo Nghị định 15/2020/NĐ-CP và Nghị quyết 24-NQ/TW của Ban Chấp hành Trung ương, nghị định Chính phủ quy định"
    );
}

/// A unit after a number and no-break spaces, and an abbreviation after a sentence end and
/// spaces that are not ASCII (`\u{3000}`, `\u{200B}`), read as after ordinary spaces: the
/// prefilter had looked at the ASCII-space-separated chunk before only.
#[test]
fn no_break_and_wide_spaces_are_spaces_to_the_context_rules() {
    assert_eq!(expand("Diện tích 15\u{A0} ha đất"), "Diện tích 15\u{A0} héc-ta đất");
    assert_eq!(expand("Đo 5\u{A0} \u{A0} ha"), "Đo 5\u{A0} \u{A0} héc-ta");
    assert_eq!(expand("Xong? \u{3000} BH tỉnh"), "Xong? \u{3000} Bảo hiểm tỉnh");
    assert_eq!(expand("Rồi?\t\u{3000} \u{200B}BH"), "Rồi?\t\u{3000} \u{200B}Bảo hiểm");
}

/// An opening quote or bracket standing alone between a sentence end and an abbreviation:
/// the expansion starts its sentence (the prefilter had looked one chunk back only).
#[test]
fn a_sentence_start_is_seen_through_lone_opening_quotes() {
    assert_eq!(expand("Xong. “ ( BH tỉnh"), "Xong. “ ( Bảo hiểm tỉnh");
    assert_eq!(expand("Hết…\u{200B}\t“\tBH tỉnh"), "Hết…\u{200B}\t“\tBảo hiểm tỉnh");
}

#[test]
fn ordinary_words_are_never_expanded() {
    // `BAN`, `CAC`, `TO`... are not abbreviations, and lower- or title-case Vietnamese
    // syllables never match an entry written in capitals (`CA` = Công an).
    let text = "Các ban ngành to lớn ca hát, Ca sĩ hát, ban Tổ chức, cho tới khi. Thế kỷ XX, Chương XIII.";
    assert_eq!(expand(text), text);
    for word in ["ban", "Ban", "các", "to", "ca", "Ca", "dân", "An"] {
        assert!(builtin().get(word).is_none(), "{word}");
    }
}

#[test]
fn written_forms_nfd_and_tone_placement_do_not_matter() {
    // NFD `Ư` (U + horn).
    assert_eq!(expand("NSU\u{31B}T Lê A"), "Nghệ sĩ ưu tú Lê A");
    assert_eq!(expand("khu vực ĐNA\u{301}"), "khu vực Đông Nam Á");
    // Tone placement is compared syllable by syllable (`THUỶ` = `THỦY`).
    let dict =
        Abbreviations::from_tsv("u.tsv", "abbreviation\texpansion\tdomain\tcues\nTHUỶ-LỢI\tthủy lợi\n")
            .unwrap();
    assert_eq!(dict.get("THỦY-LỢI").map(|e| e.expansion()), Some("thủy lợi"));
    assert_eq!(dict.expand("công trình THỦY-LỢI").as_str(), "công trình thủy lợi");
}

#[test]
fn lower_case_entries_match_as_written_or_capitalised() {
    assert_eq!(expand("sách, vở v.v. và k/g ông"), "sách, vở vân vân và kính gửi ông");
    assert_eq!(expand("V.v. là vân vân"), "Vân vân là vân vân");
    // The final period of `v.v.` also ends the sentence.
    assert_eq!(expand("Cà phê, tiêu, v.v. Sau đó"), "Cà phê, tiêu, vân vân. Sau đó");
    assert_eq!(expand("Cà phê, tiêu, v.v.\nSau đó"), "Cà phê, tiêu, vân vân.\nSau đó");
    // Exact forms win: `ThS` is thạc sĩ even though `THS` would also be accepted.
    assert_eq!(expand("ThS Lê C"), "Thạc sĩ Lê C");
}

#[test]
fn units_only_after_numbers() {
    assert_eq!(expand("đi 15 km, rồi 10km nữa"), "đi 15 ki-lô-mét, rồi 10 ki-lô-mét nữa");
    assert_eq!(expand("xây 2 ha đất"), "xây 2 héc-ta đất");
    assert_eq!(expand("ha ha, m và kg"), "ha ha, m và kg");
    // Units are case-sensitive: `M` (mega), `Mw` (magnitude) are not `m`, `MW`.
    assert_eq!(
        expand("SMPTE 372M, động đất 7 Mw, nhà máy 50 MW"),
        "SMPTE 372M, động đất 7 Mw, nhà máy 50 mê-ga-oát"
    );
}

#[test]
fn forms_with_a_period_take_it_before_a_name() {
    let text = "Ở TP. Hồ Chí Minh, Q. 1 và TX. Gia Nghĩa; TS. Lê A.";
    let e = builtin().expand(text);
    assert_eq!(e.as_str(), "Ở thành phố Hồ Chí Minh, quận 1 và thị xã Gia Nghĩa; tiến sĩ Lê A.");
    assert_eq!(e.matches()[0].surface, "TP.");
    // Initials and standards are not administrative units.
    let text = "Robert H. McNaught, George P. Shultz, H. P. Lovecraft; chuẩn H.264 và X.400.";
    assert_eq!(expand(text), text);
    // At the end of a line the period is the sentence's.
    assert_eq!(expand("Anh sống ở TP.\nSau đó"), "Anh sống ở thành phố.\nSau đó");
}

#[test]
fn headlines_keep_their_capitals() {
    assert_eq!(expand("CA SĨ NỔI TIẾNG"), "CA SĨ NỔI TIẾNG");
    assert_eq!(expand("UBND TỈNH ĐẮK NÔNG"), "ỦY BAN NHÂN DÂN TỈNH ĐẮK NÔNG");
    assert_eq!(expand("Lực lượng CA tỉnh"), "Lực lượng Công an tỉnh");
}

// ---------------------------------------------------------------- compounds

#[test]
fn compounds_expand_part_by_part_keeping_separators() {
    let dict = Abbreviations::from_tsv(
        "parts.tsv",
        "abbreviation\texpansion\tdomain\tcues\nQP\tquốc phòng\nQSĐP\tquân sự địa phương\nAN\tan ninh\nQK\tQuân khu\nGD\tgiáo dục\nĐT\tđào tạo\n",
    )
    .unwrap();
    let e = dict.expand("Nhiệm vụ QP-QSĐP, QP/AN, GD&ĐT, QP.AN và QK7, COVID-19.");
    assert_eq!(
        e.as_str(),
        "Nhiệm vụ quốc phòng - quân sự địa phương, quốc phòng/an ninh, giáo dục và đào tạo, quốc phòng an ninh và Quân khu 7, COVID-19."
    );
    assert!(e.matches().iter().all(|m| m.source == Source::Parts && m.entry.is_none()));
    // A part that is not known, or a number, stops the whole compound; letters and digits
    // are a name unless the abbreviation takes a number (`QK5`).
    assert_eq!(dict.expand("QP-XYZ, QP-182, GD1").as_str(), "QP-XYZ, QP-182, GD1");
    // The built-in dictionary: whole forms first, parts for the rest.
    let e = builtin().expand("Lực lượng CSGT-CSCĐ và QP-AN.");
    assert_eq!(e.as_str(), "Lực lượng Cảnh sát giao thông - Cảnh sát cơ động và quốc phòng - an ninh.");
    assert_eq!(e.matches()[0].source, Source::Parts);
    assert_eq!(e.matches()[1].source, Source::Dictionary);
}

// ---------------------------------------------------------------- ambiguity

fn only<'a, 'h>(e: &'h Expansion<'a, 'h>, surface: &str) -> Vec<&'h Match<'a, 'h>> {
    e.matches().iter().filter(|m| m.surface == surface).collect()
}

#[test]
fn cue_words_choose_among_expansions() {
    let e = builtin().expand("Công ty CP Sữa Việt Nam tăng vốn. Thủ tướng CP ký nghị quyết.");
    let cp = only(&e, "CP");
    assert_eq!((&*cp[0].expansion, cp[0].decision), ("cổ phần", Decision::Cue));
    assert_eq!((&*cp[1].expansion, cp[1].decision), ("Chính phủ", Decision::Cue));
    assert!(!cp[0].ambiguous && cp[0].alternatives.contains(&"Chính phủ"));
    // Near cues outweigh far ones.
    let e = builtin().expand("BCHQS tỉnh và BCHQS huyện phối hợp.");
    let b = only(&e, "BCHQS");
    assert_eq!((&*b[0].expansion, &*b[1].expansion), ("Bộ Chỉ huy Quân sự", "Ban Chỉ huy Quân sự"));
    let e = builtin().expand("Kỳ thi năm nay có 1.000 TS dự thi. TS Lê A là giảng viên.");
    let ts = only(&e, "TS");
    assert_eq!((&*ts[0].expansion, &*ts[1].expansion), ("thí sinh", "tiến sĩ"));
}

#[test]
fn earlier_choices_and_the_document_domain_decide_when_cues_do_not() {
    let e = builtin().expand("Công ty CP ABC họp. Sau đó CP này chia cổ tức.");
    let cp = only(&e, "CP");
    assert_eq!((&*cp[1].expansion, cp[1].decision), ("cổ phần", Decision::Earlier));
    // Military document: LLVT, DQTV, QK are unambiguous military matches.
    let e = builtin().expand("LLVT và DQTV của QK họp. BCH chỉ đạo.");
    let bch = only(&e, "BCH");
    assert_eq!((&*bch[0].expansion, bch[0].decision), ("Bộ Chỉ huy", Decision::Domain));
    let e = builtin().expand("ĐCSVN và TW họp. BCH chỉ đạo.");
    assert_eq!(&*only(&e, "BCH")[0].expansion, "Ban Chấp hành");
}

#[test]
fn undecided_ambiguity_takes_the_most_frequent_and_says_so() {
    let e = builtin().expand("BCH họp.");
    let m = &e.matches()[0];
    assert_eq!((&*m.expansion, m.decision, m.ambiguous), ("Ban Chấp hành", Decision::MostFrequent, true));
    assert_eq!(m.alternatives, ["Bộ Chỉ huy"]);
    let e = builtin().expand("UBND họp.");
    assert!(!e.matches()[0].ambiguous && e.matches()[0].alternatives.is_empty());
    assert_eq!(e.matches()[0].decision, Decision::Only);
}

// ---------------------------------------------------------------- definitions in the document

#[test]
fn a_document_defines_an_abbreviation_the_dictionary_lacks() {
    assert!(builtin().get("KVPTTC").is_none());
    let text = "Trước đó KVPTTC chưa có. Xây dựng khu vực phòng thủ then chốt (KVPTTC) vững mạnh. KVPTTC là nền tảng; các KVPTTC khác.";
    let e = builtin().expand(text);
    assert_eq!(
        e.as_str(),
        "Trước đó KVPTTC chưa có. Xây dựng khu vực phòng thủ then chốt (KVPTTC) vững mạnh. Khu vực phòng thủ then chốt là nền tảng; các khu vực phòng thủ then chốt khác."
    );
    let m = e.matches();
    assert_eq!(m.len(), 3);
    assert!(m[0].defining && m[0].source == Source::Document);
    assert!(
        m[1..]
            .iter()
            .all(|m| !m.defining && m.source == Source::Document && m.decision == Decision::Definition)
    );
    // The reverse order.
    let e = builtin().expand("KVPTTC (khu vực phòng thủ then chốt) được xây dựng. KVPTTC vững.");
    assert_eq!(
        e.as_str(),
        "KVPTTC (khu vực phòng thủ then chốt) được xây dựng. Khu vực phòng thủ then chốt vững."
    );
}

#[test]
fn a_definition_wins_over_the_dictionary_for_the_rest_of_the_document() {
    let text = "Điện thoại ĐT hỏng. Nhóm thực hiện đề tài (ĐT) cấp tỉnh. ĐT được nghiệm thu.";
    let e = builtin().expand(text);
    assert_eq!(
        e.as_str(),
        "Điện thoại điện thoại hỏng. Nhóm thực hiện đề tài (ĐT) cấp tỉnh. Đề tài được nghiệm thu."
    );
    let dt = only(&e, "ĐT");
    assert_eq!(dt[0].source, Source::Dictionary);
    assert_eq!((dt[2].source, &*dt[2].expansion), (Source::Document, "đề tài"));
    assert!(dt[1].alternatives.contains(&"điện thoại"));
}

#[test]
fn definitions_are_checked_against_the_initials() {
    // `Ủy ban nhân` lacks the `D`: no definition, the dictionary expands `(UBND)`.
    let e = builtin().expand("Ủy ban nhân (UBND) họp.");
    assert!(e.matches().iter().all(|m| !m.defining));
    assert_eq!(e.as_str(), "Ủy ban nhân (Ủy ban nhân dân) họp.");
    // Đ, Ư, & and a spelled-out onset are handled.
    for (text, surface) in [
        ("Nghệ sĩ ưu tú (NSƯT) Lê A.", "NSƯT"),
        ("Sở Giáo dục và Đào tạo (SGDĐT) tỉnh.", "SGDĐT"),
        ("Thạc sĩ khoa học (ThSKH) A.", "ThSKH"),
        ("quốc phòng - quân sự địa phương (QP-QSĐP) năm 2023", "QP-QSĐP"),
    ] {
        let e = builtin().expand(text);
        let m = e.matches().iter().find(|m| m.surface == surface).unwrap();
        assert!(m.defining, "{text}");
        assert_eq!(e.as_str(), text);
    }
}

// ---------------------------------------------------------------- output

#[test]
fn expansions_are_capitalised_at_the_start_of_a_sentence() {
    assert_eq!(
        expand("UBND tỉnh họp. QP được chú trọng!"),
        "Ủy ban nhân dân tỉnh họp. Quốc phòng được chú trọng!"
    );
    assert_eq!(expand("Nhiệm vụ QP.\n\"QP là\" gốc"), "Nhiệm vụ quốc phòng.\n\"Quốc phòng là\" gốc");
    assert_eq!(expand("công tác QP và ANTT"), "công tác quốc phòng và an ninh trật tự");
}

#[test]
fn the_offset_map_leads_back_to_every_abbreviation() {
    let text = "Chiều 8/12, UBND tỉnh, BCHQS tỉnh (Bộ Chỉ huy Quân sự) và 10km QP-AN; v.v.";
    let e = builtin().expand(text);
    let out = e.as_str();
    let mut from = 0;
    for m in e.matches().iter().filter(|m| !m.defining) {
        let lower = m.expansion.to_lowercase();
        let at = from + out[from..].to_lowercase().find(&lower).unwrap();
        let span = Span::new(at, at + m.expansion.len());
        assert_eq!(e.to_original(span), m.span, "{}", m.surface);
        assert_eq!(&text[m.span.range()], m.surface);
        from = span.end;
    }
    // Unchanged text maps to itself.
    let tinh = out.find("tỉnh").unwrap();
    assert_eq!(&text[e.to_original(Span::new(tinh, tinh + "tỉnh".len())).range()], "tỉnh");
    // Nothing to expand: the input comes back as it was.
    let plain = builtin().expand("Không có gì.");
    assert!(plain.map().is_identity() && plain.matches().is_empty());
    assert_eq!(plain.as_str(), "Không có gì.");
}

#[test]
fn find_reports_the_same_matches_as_expand() {
    let text = "UBND và QP-QSĐP, CP.";
    assert_eq!(builtin().find(text), builtin().expand(text).into_matches());
}

#[test]
#[ignore = "needs ../shared"]
fn seed_article_expands_every_ubnd_and_qp_qsdp() {
    let text = crate::shared("seed/article.txt");
    let e = builtin().expand(&text);
    let ubnd = only(&e, "UBND");
    let qp = only(&e, "QP-QSĐP");
    assert_eq!(ubnd.len(), text.matches("UBND").count());
    assert_eq!(qp.len(), text.matches("QP-QSĐP").count());
    assert!(ubnd.iter().all(|m| m.expansion == "Ủy ban nhân dân" && !m.defining));
    assert!(qp.iter().all(|m| m.expansion == "quốc phòng - quân sự địa phương"));
    // The article defines QP-QSĐP: the defining mention stays, the others are expanded.
    assert_eq!(qp.iter().filter(|m| m.defining).count(), 1);
    assert!(qp.iter().all(|m| m.source == Source::Document));
    let out = e.as_str();
    assert!(!out.contains("UBND"));
    assert_eq!(out.matches("QP-QSĐP").count(), 1);
    assert!(out.contains("quốc phòng - quân sự địa phương (QP-QSĐP) năm 2023"));
    assert!(out.contains("Năm 2022, công tác quốc phòng - quân sự địa phương được tỉnh"));
    assert!(out.contains("Chủ tịch Ủy ban nhân dân tỉnh"));
}

// ---------------------------------------------------------------- user dictionaries

fn data_error(src: &str) -> (usize, String) {
    match Abbreviations::from_tsv("user.tsv", src) {
        Err(e) if e.kind() == ErrorKind::Data => {
            assert_eq!(e.path(), Some(std::path::Path::new("user.tsv")));
            let line = e.line().expect("a row's line");
            let message = e
                .to_string()
                .strip_prefix(&format!("user.tsv:{line}: "))
                .expect("file:line: message")
                .to_owned();
            (line, message)
        }
        other => panic!("expected a data error, got {other:?}"),
    }
}

#[test]
fn user_dictionary_errors_name_the_line() {
    const H: &str = "abbreviation\texpansion\tdomain\tcues\n";
    let (line, msg) =
        data_error(&format!("{H}UBND\tỦy ban nhân dân\n# note\nQP\tquốc phòng\tmilitary\t\textra\n"));
    assert_eq!(line, 4);
    assert!(msg.contains("columns"), "{msg}");
    let (line, msg) = data_error(&format!("{H}UBND\tỦy ban nhân dân\nQP\t \n"));
    assert_eq!(line, 3);
    assert!(msg.contains("expansion"), "{msg}");
    let (line, msg) = data_error(&format!("{H}QP\n"));
    assert_eq!(line, 2);
    assert!(msg.contains("expansion"), "{msg}");
    let (line, msg) = data_error(&format!("{H}CP\tChính phủ\nCP\tcổ phần\n\nCP\tCHÍNH PHỦ\n"));
    assert_eq!(line, 5);
    assert!(msg.contains("duplicate") && msg.contains("line 2"), "{msg}");
    let (line, msg) = data_error(&format!("{H}Ủy ban\tx\n"));
    assert_eq!(line, 2);
    assert!(msg.contains("space"), "{msg}");
    let (line, msg) = data_error(&format!("{H}Rịa-Vũng\tBà Rịa - Vũng Tàu\n"));
    assert_eq!(line, 2);
    assert!(msg.contains("not one token"), "{msg}");
    let (line, _) = data_error("abbr\texpansion\nUBND\tx\n");
    assert_eq!(line, 1);
    let err = Abbreviations::from_tsv("user.tsv", &format!("{H}QP\t\n")).unwrap_err();
    assert_eq!(err.to_string(), "user.tsv:2: empty `expansion`");
}

#[test]
fn user_dictionaries_work_like_the_builtin_one() {
    let dict = Abbreviations::from_tsv(
        "user.tsv",
        "abbreviation\texpansion\tdomain\tcues\nXYZ\txây dựng\teconomy\tcông trình, nhà\nXYZ\txử lý\t\tvi phạm\n",
    )
    .unwrap();
    assert_eq!(dict.len(), 2);
    assert_eq!(dict.entries()[1].domain(), "common");
    assert_eq!(dict.entries()[0].cues().collect::<Vec<_>>(), ["công trình", "nhà"]);
    assert_eq!(dict.domains().collect::<Vec<_>>(), ["economy", "common"]);
    assert_eq!(dict.expand("Đã XYZ vi phạm.").as_str(), "Đã xử lý vi phạm.");
    assert_eq!(dict.expand("XYZ công trình.").as_str(), "Xây dựng công trình.");
}

#[test]
fn engines_are_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Abbreviations>();
    check::<Expansion<'static, 'static>>();
    check::<Match<'static, 'static>>();
    let handles: Vec<_> =
        (0..2).map(|_| std::thread::spawn(|| builtin().expand("UBND tỉnh").into_string())).collect();
    for h in handles {
        assert_eq!(h.join().unwrap(), "Ủy ban nhân dân tỉnh");
    }
}

/// `from_tsv` takes the two-column header its docs allow (domain and cues are optional).
#[test]
fn from_tsv_accepts_the_two_column_header() {
    let dict =
        Abbreviations::from_tsv("two.tsv", "abbreviation\texpansion\nVNT\tvntext\nHĐQT\tHội đồng quản trị\n")
            .expect("a two-column file parses");
    assert_eq!(dict.len(), 2);
    assert_eq!(dict.get("VNT").unwrap().domain(), "common");
    let err =
        Abbreviations::from_tsv("two.tsv", "abbreviation\texpansion\nVNT\tvntext\textra\n").unwrap_err();
    assert_eq!(err.to_string(), "two.tsv:2: 3 columns, at most 2 expected (abbreviation, expansion)");
}

/// The builder adds rows on top of the built-in dictionary, and rows for an abbreviation
/// replace its built-in rows, in the order given.
#[test]
fn builder_adds_and_overrides_rows() {
    let builtin = Abbreviations::builtin();
    let dict = Abbreviations::builder()
        .row("VNT", "vntext")
        .row("HN", "Hà Nam")
        .row("HN", "Hà Nội")
        .build()
        .unwrap();
    assert_eq!(dict.len(), builtin.len() - builtin.candidates("HN").len() + 3);
    let hn: Vec<&str> = dict.candidates("HN").iter().map(|e| e.expansion()).collect();
    assert_eq!(hn, ["Hà Nam", "Hà Nội"]);
    assert_eq!(dict.expand("Dùng VNT ở HN.").as_str(), "Dùng vntext ở Hà Nam.");
    // Untouched abbreviations keep their built-in rows.
    assert_eq!(dict.candidates("UBND").len(), builtin.candidates("UBND").len());
    // Errors name the builder row, or the file and line of a TSV text.
    let err = Abbreviations::builder().row("VNT", "vntext").row("X", "").build().unwrap_err();
    assert_eq!(err.to_string(), "builder:2: empty `expansion`");
    let err = Abbreviations::builder()
        .tsv("mine.tsv", "abbreviation\texpansion\nVNT\tvntext\nVNT\tvntext\n")
        .unwrap()
        .build()
        .unwrap_err();
    assert_eq!(err.to_string(), "mine.tsv:3: duplicate row `VNT` → `vntext` (first on line 2)");
}

#[test]
fn a_one_letter_capital_written_decomposed_is_no_headline_word() {
    // `À` before `UBND` is one letter: no headline in capitals around the abbreviation,
    // whether `À` is written composed or as `A` + U+0300 (found by the NFC/NFD invariant).
    use unicode_normalization::UnicodeNormalization;
    for text in ["Ừ À UBND họp.", "À UBND"] {
        let decomposed: String = text.nfd().collect();
        let composed = expand(text);
        assert!(composed.contains("Ủy ban nhân dân"), "{composed}");
        assert_eq!(expand(&decomposed).nfc().collect::<String>(), composed);
    }
    // Two capitals are a headline word, in either form.
    for text in ["ÔNG UBND", "ÔNG UBND".nfd().collect::<String>().as_str()] {
        assert!(expand(text).nfc().collect::<String>().contains("ỦY BAN NHÂN DÂN"), "{text}");
    }
}
