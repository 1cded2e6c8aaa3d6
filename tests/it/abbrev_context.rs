//! Abbreviations read in context (issue 16): the words written around an abbreviation
//! complete a name the dictionary knows whole (`Bộ` + `CHQS` is `BCHQS`, `ĐH` + `Quốc gia`
//! is `ĐHQG`), which decides its meaning and capitals; the entity recognizer links the
//! mention to the body that expansion names, so that expansion and record agree. Also
//! folded and case-insensitive gazetteer look-ups, and `Cty` as an abbreviation.

use vntext::{
    Abbreviations, Decision, EntityKind, Gazetteer, MatchKind, Recognizer, Record, TokenKind, tokenize,
};

/// The name of the organisation record of the organisation entity that covers `mention`, as
/// the rules link it (the rules and the expander share the head-word decision; the trained
/// tagger decides spans, and in these one-line contexts it misses some of these bodies — a
/// known gap of the tagger, see the closing note of the session that merged it).
fn record_of(text: &str, mention: &str) -> Option<&'static str> {
    use std::sync::OnceLock;
    static RULES: OnceLock<Recognizer> = OnceLock::new();
    let start = text.find(mention).expect("mention in text");
    let entities = RULES.get_or_init(|| Recognizer::builder().rules_only().build()).recognize(text);
    let entity = entities
        .iter()
        .find(|e| e.kind == EntityKind::Organization && e.span.start == start && !e.nested)
        .unwrap_or_else(|| panic!("no organisation at {mention:?} in {text:?}: {entities:?}"));
    assert_eq!(entity.text, mention, "{text:?}");
    match entity.record? {
        Record::Organization(id) => Gazetteer::builtin().organization_by_id(id).map(|o| o.name),
        other => panic!("{mention:?}: {other:?}"),
    }
}

#[test]
fn head_words_and_names_decide_abbreviations() {
    // (text, the organisation mention, expected expansion of the text, expected record)
    let rows: &[(&str, &str, &str, Option<&str>)] = &[
        // Defence.
        (
            "Bộ CHQS tỉnh Đắk Nông họp.",
            "Bộ CHQS tỉnh Đắk Nông",
            "Bộ Chỉ huy Quân sự tỉnh Đắk Nông họp.",
            Some("Bộ Chỉ huy Quân sự"),
        ),
        (
            "Ban CHQS huyện Đắk Mil họp.",
            "Ban CHQS huyện Đắk Mil",
            "Ban Chỉ huy Quân sự huyện Đắk Mil họp.",
            Some("Ban Chỉ huy Quân sự"),
        ),
        (
            "BCHQS huyện Đắk Mil họp.",
            "BCHQS huyện Đắk Mil",
            "Ban Chỉ huy Quân sự huyện Đắk Mil họp.",
            Some("Ban Chỉ huy Quân sự"),
        ),
        (
            "BCHQS tỉnh Đắk Nông họp.",
            "BCHQS tỉnh Đắk Nông",
            "Bộ Chỉ huy Quân sự tỉnh Đắk Nông họp.",
            Some("Bộ Chỉ huy Quân sự"),
        ),
        (
            "Đại tá, Chủ nhiệm Tổng cục CT dự.",
            "Tổng cục CT",
            "Đại tá, Chủ nhiệm Tổng cục Chính trị dự.",
            Some("Tổng cục Chính trị"),
        ),
        ("Tổng cục HC bảo đảm.", "Tổng cục HC", "Tổng cục Hậu cần bảo đảm.", Some("Tổng cục Hậu cần")),
        ("Tổng cục KT bảo đảm.", "Tổng cục KT", "Tổng cục Kỹ thuật bảo đảm.", Some("Tổng cục Kỹ thuật")),
        ("Bộ TTM chỉ đạo.", "Bộ TTM", "Bộ Tổng Tham mưu chỉ đạo.", Some("Bộ Tổng Tham mưu")),
        ("Bộ QP ban hành.", "Bộ QP", "Bộ Quốc phòng ban hành.", Some("Bộ Quốc phòng")),
        ("Học viện QP đào tạo.", "Học viện QP", "Học viện Quốc phòng đào tạo.", Some("Học viện Quốc phòng")),
        (
            "Thượng tướng, Tổng Tham mưu trưởng QĐND Việt Nam dự.",
            "QĐND Việt Nam",
            "Thượng tướng, Tổng Tham mưu trưởng Quân đội nhân dân Việt Nam dự.",
            Some("Quân đội nhân dân Việt Nam"),
        ),
        // Party.
        (
            "Ban CH Trung ương Đảng họp.",
            "Ban CH Trung ương Đảng",
            "Ban Chấp hành Trung ương Đảng họp.",
            Some("Ban Chấp hành Trung ương"),
        ),
        ("Bộ CT họp.", "Bộ CT", "Bộ Chính trị họp.", Some("Bộ Chính trị")),
        (
            "Ủy ban KT Trung ương kết luận.",
            "Ủy ban KT Trung ương",
            "Ủy ban Kiểm tra Trung ương kết luận.",
            Some("Ủy ban Kiểm tra Trung ương"),
        ),
        // State.
        ("Bộ CA chỉ đạo.", "Bộ CA", "Bộ Công an chỉ đạo.", Some("Bộ Công an")),
        ("Bộ TC hướng dẫn.", "Bộ TC", "Bộ Tài chính hướng dẫn.", Some("Bộ Tài chính")),
        ("Bộ TP thẩm định.", "Bộ TP", "Bộ Tư pháp thẩm định.", Some("Bộ Tư pháp")),
        ("Bộ YT hướng dẫn.", "Bộ YT", "Bộ Y tế hướng dẫn.", Some("Bộ Y tế")),
        ("Bộ NG thông báo.", "Bộ NG", "Bộ Ngoại giao thông báo.", Some("Bộ Ngoại giao")),
        // Two abbreviations joined by `và` after a head word are one name (`BGDĐT`, `KH&ĐT`),
        // whatever the cues around say (`số` is a cue of `ĐT` = `điện thoại`).
        (
            "Bộ GD và ĐT công bố số đường dây nóng.",
            "Bộ GD và ĐT",
            "Bộ Giáo dục và Đào tạo công bố số đường dây nóng.",
            Some("Bộ Giáo dục và Đào tạo"),
        ),
        (
            "Gọi số tổng đài của Bộ GD và ĐT.",
            "Bộ GD và ĐT",
            "Gọi số tổng đài của Bộ Giáo dục và Đào tạo.",
            Some("Bộ Giáo dục và Đào tạo"),
        ),
        (
            "Bộ KH và ĐT cấp phép.",
            "Bộ KH và ĐT",
            "Bộ Kế hoạch và Đầu tư cấp phép.",
            Some("Bộ Kế hoạch và Đầu tư"),
        ),
        (
            "Theo Bộ KH và CN, năm nay",
            "Bộ KH và CN",
            "Theo Bộ Khoa học và Công nghệ, năm nay",
            Some("Bộ Khoa học và Công nghệ"),
        ),
        // Education: the name after `ĐH` makes it a university's name.
        ("ĐH Quốc gia công bố.", "ĐH Quốc gia", "Đại học Quốc gia công bố.", None),
        ("ĐH Bách khoa tuyển sinh.", "ĐH Bách khoa", "Đại học Bách khoa tuyển sinh.", None),
        ("ĐH Sư phạm tuyển sinh.", "ĐH Sư phạm", "Đại học Sư phạm tuyển sinh.", None),
        ("Thí sinh ĐH Kinh tế dự thi.", "ĐH Kinh tế", "Thí sinh Đại học Kinh tế dự thi.", None),
    ];
    for &(text, mention, expanded, record) in rows {
        assert_eq!(Abbreviations::builtin().expand(text).as_str(), expanded, "{text:?}");
        assert_eq!(record_of(text, mention), record, "{text:?}");
    }
}

#[test]
fn the_decision_is_reported() {
    let e = Abbreviations::builtin().expand("Sinh viên ĐH Quốc gia Hà Nội thi.");
    assert_eq!(e.as_str(), "Sinh viên Đại học Quốc gia Hà Nội thi.");
    let m = &e.matches()[0];
    assert_eq!((&*m.expansion, m.decision), ("Đại học", Decision::Name));
    // Where the name reads the same as the other rules, they keep the decision.
    let e = Abbreviations::builtin().expand("Công ty CP Sữa Việt Nam tăng vốn.");
    assert_eq!((&*e.matches()[0].expansion, e.matches()[0].decision), ("cổ phần", Decision::Cue));
    // Administrative units are no body's name: `TP Hà Nội` stays lower case.
    assert_eq!(Abbreviations::builtin().expand("ở TP Hà Nội").as_str(), "ở thành phố Hà Nội");
    // Two abbreviations joined by `và` read as one name after a capitalised head word only.
    let e = Abbreviations::builtin().expand("Bộ GD và ĐT họp.");
    let decisions: Vec<_> = e.matches().iter().map(|m| (&*m.expansion, m.decision)).collect();
    assert_eq!(decisions, [("Giáo dục", Decision::Only), ("Đào tạo", Decision::Name)]);
    assert_eq!(Abbreviations::builtin().expand("BỘ GD VÀ ĐT").as_str(), "BỘ GIÁO DỤC VÀ ĐÀO TẠO");
    assert_eq!(Abbreviations::builtin().expand("ngành GD và ĐT").as_str(), "ngành Giáo dục và đào tạo");
    // A head word in lower case is no name.
    assert_eq!(Abbreviations::builtin().expand("bộ CHQS tỉnh").as_str(), "bộ chỉ huy quân sự tỉnh");
    assert_eq!(
        Abbreviations::builtin().expand("BỘ CHQS TỈNH ĐẮK NÔNG").as_str(),
        "BỘ CHỈ HUY QUÂN SỰ TỈNH ĐẮK NÔNG"
    );
}

#[test]
fn folded_and_case_insensitive_lookups_for_every_kind() {
    let rows: &[(&str, &str, EntityKind, MatchKind, &str)] = &[
        ("Đóng quân tại Quan khu 7.", "Quan khu 7", EntityKind::MilitaryRegion, MatchKind::Folded, "QK7"),
        ("QUAN KHU 9 họp.", "QUAN KHU 9", EntityKind::MilitaryRegion, MatchKind::Folded, "QK9"),
        ("Bộ đội qk 5 họp.", "qk 5", EntityKind::MilitaryRegion, MatchKind::CaseInsensitive, "QK5"),
        // A military region's name without diacritics is found all in lower case too.
        (
            "dong quan tai quan khu 7 nam 1980",
            "quan khu 7",
            EntityKind::MilitaryRegion,
            MatchKind::Folded,
            "QK7",
        ),
        ("bo tu lenh thu do", "bo tu lenh thu do", EntityKind::MilitaryRegion, MatchKind::Folded, "Thủ đô"),
        ("Tinh Dak Nong va QK 5.", "Dak Nong", EntityKind::Province, MatchKind::Folded, "province:67"),
        ("huyen Dak Glong", "Dak Glong", EntityKind::Location, MatchKind::Folded, "district:661"),
        (
            "BO CHI HUY QUAN SU tinh",
            "BO CHI HUY QUAN SU",
            EntityKind::Organization,
            MatchKind::Folded,
            "Bộ Chỉ huy",
        ),
    ];
    let r = Recognizer::builtin();
    for &(text, mention, kind, matched, described) in rows {
        let entities = r.recognize(text);
        let e = entities
            .iter()
            .find(|e| e.text == mention)
            .unwrap_or_else(|| panic!("{mention:?} not found in {text:?}: {entities:?}"));
        assert_eq!((e.kind, e.matched), (kind, matched), "{text:?}");
        let record = r.describe(e);
        assert!(record.contains(described), "{text:?}: {record}");
    }
    // Other folded names keep the capitals of the name: lower case is no folded match.
    assert!(r.recognize("huyen dak glong").iter().all(|e| e.kind != EntityKind::Location));
    assert!(r.recognize("tinh dak nong").iter().all(|e| e.kind != EntityKind::Province));
}

#[test]
fn cty_is_an_abbreviation() {
    for (text, kind) in [
        ("Cty", TokenKind::Abbreviation),
        ("cty", TokenKind::Abbreviation),
        ("CTy", TokenKind::Abbreviation),
        ("gym", TokenKind::Foreign),
        ("sky", TokenKind::Foreign),
        ("crypt", TokenKind::Foreign),
        ("Lynn", TokenKind::Foreign),
    ] {
        assert_eq!(tokenize(text).map(|t| t.kind()).collect::<Vec<_>>(), [kind], "{text}");
    }
    assert_eq!(Abbreviations::builtin().expand("Cty TNHH ABC").as_str(), "Công ty trách nhiệm hữu hạn ABC");
}
