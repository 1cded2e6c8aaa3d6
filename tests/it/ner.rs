//! Named entities and gazetteers: the seed article, the 2025 province merger, look-ups by
//! alias and folded form. The evaluation set's scores are held by `tests/repo/ner_eval.rs`.

use vntext::{Entity, EntityKind, Era, Gazetteer, MatchKind, ProvinceKind, Recognizer, Record};

fn entities_with<'h>(entities: &[Entity<'h>], text: &str) -> Vec<Entity<'h>> {
    entities.iter().filter(|e| e.text == text).copied().collect()
}

fn is_place(e: &Entity<'_>) -> bool {
    matches!(e.kind, EntityKind::Province | EntityKind::Location | EntityKind::MilitaryRegion)
}

#[test]
#[ignore = "needs ../shared"]
fn seed_article_rules() {
    check_seed_article(&Recognizer::builder().rules_only().build());
}

/// KNOWN FAILURE of the built-in recognizer with the trained tagger: it now keeps the rules'
/// bodies with a gazetteer record that the tagger leaves alone (`UBND tỉnh`, untagged by the
/// corpus convention, issue 17; that part passes), but the model trained on the 14,638-sentence
/// split reads the photo credit `Khánh An` (also a place name) as a place. When the built-in
/// recognizer passes, this test fails: make it a plain test again.
#[test]
#[ignore = "needs ../shared"]
#[should_panic(expected = "Khánh An is not a Person")]
fn seed_article_builtin_known_failure() {
    check_seed_article(Recognizer::builtin());
}

fn check_seed_article(r: &Recognizer) {
    let text = crate::shared("seed/article.txt");
    let g = r.gazetteer();
    let entities = r.recognize(&text);

    // Every mention of Hồ Văn Mười is a Person with exactly that span.
    let mentions: Vec<usize> = text.match_indices("Hồ Văn Mười").map(|(i, _)| i).collect();
    assert_eq!(mentions.len(), 4);
    for start in mentions {
        assert!(
            entities
                .iter()
                .any(|e| e.kind == EntityKind::Person && e.span.start == start && e.text == "Hồ Văn Mười"),
            "Hồ Văn Mười at {start} is not a Person"
        );
    }

    // Đắk Nông: a Province merged into Lâm Đồng (68) on 1 July 2025, in Quân khu 5.
    let dak_nong = entities_with(&entities, "Đắk Nông");
    assert!(dak_nong.len() >= 3);
    for e in &dak_nong {
        assert_eq!(e.kind, EntityKind::Province);
        let Some(Record::Province(id)) = e.record else { panic!("no province record on {e:?}") };
        let p = g.province_by_id(id).unwrap();
        assert_eq!((p.code, p.era, p.valid_to), ("67", Era::Before2025, Some("2025-06-30")));
        let s = g.successor(p).unwrap();
        assert_eq!((s.code, s.name, s.valid_from), ("68", "Lâm Đồng", Some("2025-07-01")));
        assert_eq!(g.military_regions_of(p).map(|m| m.code).collect::<Vec<_>>(), ["QK5"]);
        assert_eq!(r.describe(e), "province:67 → 68 Lâm Đồng; QK5");
    }

    // Both Quân khu 5 mentions are MilitaryRegion (one nested in Đảng bộ Quân khu 5).
    let qk5 = entities_with(&entities, "Quân khu 5");
    assert_eq!(qk5.len(), 2);
    for e in &qk5 {
        assert_eq!(e.kind, EntityKind::MilitaryRegion);
        let Some(Record::MilitaryRegion(id)) = e.record else { panic!("no record on {e:?}") };
        assert_eq!(g.military_region_by_id(id).unwrap().code, "QK5");
    }

    for org in ["Bộ Quốc phòng", "UBND tỉnh", "Tỉnh ủy", "Đảng bộ tỉnh Đắk Nông", "Đảng bộ Quân khu 5"]
    {
        let found = entities_with(&entities, org);
        assert!(!found.is_empty(), "{org} not found");
        assert!(found.iter().all(|e| e.kind == EntityKind::Organization), "{org}: {found:?}");
    }
    assert_eq!(entities_with(&entities, "UBND tỉnh").len(), 6);
    assert_eq!(entities_with(&entities, "08/12/2022")[0].kind, EntityKind::Date);
    assert_eq!(entities_with(&entities, "16:53")[0].kind, EntityKind::Time);
    assert_eq!(entities_with(&entities, "Khánh An")[0].kind, EntityKind::Person, "Khánh An is not a Person");

    // Nothing is a Person that is a place.
    for e in entities.iter().filter(|e| e.kind == EntityKind::Person) {
        let records = g.find(e.text);
        assert!(
            !records
                .iter()
                .any(|r| matches!(r, Record::Province(_) | Record::District(_) | Record::Place(_))),
            "person {e:?} is a place name"
        );
        assert!(
            !entities.iter().any(|p| is_place(p) && p.span.start < e.span.end && e.span.start < p.span.end)
        );
    }
    let people: Vec<&str> =
        entities.iter().filter(|e| e.kind == EntityKind::Person).map(|e| e.text).collect();
    assert!(people.iter().all(|p| *p == "Hồ Văn Mười" || *p == "Khánh An"), "{people:?}");
}

#[test]
fn old_units_map_to_exactly_one_new_unit() {
    let g = Gazetteer::builtin();
    let old: Vec<_> = g.provinces().iter().filter(|p| p.era == Era::Before2025).collect();
    let new: Vec<_> = g.provinces().iter().filter(|p| p.era == Era::Since2025).collect();
    assert_eq!((old.len(), new.len()), (63, 34));
    for p in &old {
        let s = g.successor(p).unwrap_or_else(|| panic!("{} has no successor", p.name));
        assert_eq!(s.era, Era::Since2025);
        assert_eq!(new.iter().filter(|n| n.id == s.id).count(), 1);
        assert_eq!(g.military_regions_of(p).count(), 1, "{} has one military region", p.name);
        assert_eq!(g.province(p.code).map(|q| q.id), Some(p.id));
    }
    let mut total = 0;
    for n in &new {
        assert!(!n.code.is_empty() && n.code.bytes().all(|b| b.is_ascii_digit()));
        assert!(g.successor(n).is_none());
        let preds = g.predecessors(n).count();
        assert!(preds >= 1, "{} has no predecessor", n.name);
        total += preds;
        assert_eq!(g.province_since_2025(n.code).map(|q| q.id), Some(n.id));
    }
    assert_eq!(total, 63);
    // Cross-region mergers keep both regions.
    let lam_dong = g.province_since_2025("68").unwrap();
    let regions: Vec<&str> = g.military_regions_of(lam_dong).map(|m| m.code).collect();
    assert_eq!(regions, ["QK5", "QK7"]);
    let dong_nai = g.province_since_2025("75").unwrap();
    assert_eq!((dong_nai.kind, dong_nai.kind_from), (ProvinceKind::City, Some("2026-04-30")));
    assert_eq!(g.province("46").unwrap().kind, ProvinceKind::City);
    let names: Vec<&str> = g.predecessors(lam_dong).map(|p| p.name).collect();
    assert_eq!(names, ["Bình Thuận", "Đắk Nông", "Lâm Đồng"]);
}

#[test]
fn military_regions_hold_the_old_units() {
    let g = Gazetteer::builtin();
    let codes: Vec<&str> = g.military_regions().iter().map(|m| m.code).collect();
    assert_eq!(codes, ["QK1", "QK2", "QK3", "QK4", "QK5", "QK7", "QK9", "BTLTD"]);
    let held: usize = g.military_regions().iter().map(|m| m.provinces.len()).sum();
    assert_eq!(held, 63);
    for m in g.military_regions() {
        for &id in &m.provinces {
            let p = g.province_by_id(id).unwrap();
            assert_eq!(g.military_regions_of(p).next().map(|x| x.id), Some(m.id));
        }
    }
    for alias in ["QK5", "QK 5", "Quân khu V", "quân khu 5", "Quan khu 5"] {
        assert_eq!(g.military_region(alias).map(|m| m.code), Some("QK5"), "{alias}");
    }
    assert_eq!(g.military_region("Bộ Tư lệnh Thủ đô Hà Nội").map(|m| m.code), Some("BTLTD"));
}

fn folded_upper(s: &str) -> String {
    vntext::fold_diacritics(s).to_uppercase()
}

#[test]
fn every_name_and_alias_is_found_also_folded() {
    let g = Gazetteer::builtin();
    let mut checked = 0;
    let mut check = |name: &str, record: Record| {
        for form in [
            name.to_owned(),
            name.to_lowercase(),
            folded_upper(name),
            vntext::fold_diacritics(name).into_owned(),
        ] {
            assert!(g.find(&form).contains(&record), "{form:?} does not find {record:?}");
        }
        checked += 1;
    };
    for p in g.provinces() {
        for name in std::iter::once(&p.name).chain(&p.aliases) {
            check(name, Record::Province(p.id));
        }
    }
    for d in g.districts() {
        for name in
            std::iter::once(&d.name).chain(&d.aliases).filter(|n| !n.bytes().all(|b| b.is_ascii_digit()))
        {
            check(name, Record::District(d.id));
        }
    }
    for m in g.military_regions() {
        for name in std::iter::once(&m.name).chain(&m.aliases) {
            check(name, Record::MilitaryRegion(m.id));
        }
    }
    for o in g.organizations() {
        for name in std::iter::once(&o.name).chain(&o.aliases) {
            check(name, Record::Organization(o.id));
        }
    }
    for p in g.places() {
        for name in std::iter::once(&p.name).chain(&p.aliases) {
            check(name, Record::Place(p.id));
        }
    }
    assert!(checked > 1000);
    let hcm = g.province("79").unwrap();
    for alias in ["TP.HCM", "TP. Hồ Chí Minh", "Sài Gòn", "tp hcm"] {
        assert!(g.find(alias).contains(&Record::Province(hcm.id)), "{alias}");
    }
    let hue = g.province("46").unwrap();
    for alias in ["Huế", "Thừa Thiên Huế", "Thừa Thiên - Huế", "Hue"] {
        assert!(g.find(alias).contains(&Record::Province(hue.id)), "{alias}");
    }
    let brvt = g.province("77").unwrap();
    for alias in ["Bà Rịa - Vũng Tàu", "Bà Rịa-Vũng Tàu", "Ba Ria - Vung Tau"] {
        assert!(g.find(alias).contains(&Record::Province(brvt.id)), "{alias}");
    }
    assert!(g.find("HN").contains(&Record::Province(g.province("01").unwrap().id)));
    assert!(g.lookup("Dak Nong").is_empty());
    assert!(!g.lookup_folded("Dak Nong").is_empty());
    assert!(g.is_surname("Nguyễn") && g.is_surname("Hồ") && !g.is_surname("Nhà"));
}

#[test]
fn case_and_diacritic_insensitive_matches_are_flagged() {
    let r = Recognizer::builtin();
    let kinds = |t: &str| -> Vec<(EntityKind, String, MatchKind)> {
        r.recognize(t).iter().map(|e| (e.kind, e.text.to_owned(), e.matched)).collect()
    };
    assert_eq!(
        kinds("Đoàn công tác đến Dak Nong hôm qua."),
        [(EntityKind::Province, "Dak Nong".to_owned(), MatchKind::Folded)]
    );
    assert_eq!(
        kinds("TỈNH ĐẮK NÔNG"),
        [(EntityKind::Province, "ĐẮK NÔNG".to_owned(), MatchKind::CaseInsensitive)]
    );
    assert_eq!(kinds("tỉnh Đắk Nông"), [(EntityKind::Province, "Đắk Nông".to_owned(), MatchKind::Exact)]);
    // One word without marks is too ambiguous to fold (`My` is not `Mỹ`).
    assert_eq!(
        kinds("My friend visited Ha Noi."),
        [(EntityKind::Province, "Ha Noi".to_owned(), MatchKind::Folded)]
    );
}

#[test]
fn nested_entities_follow_their_outer_entity() {
    let r = Recognizer::builtin();
    let text = "Bộ CHQS tỉnh Đắk Nông và Bộ Tư lệnh Quân khu 7 làm việc với Công an TP.HCM.";
    let found: Vec<(EntityKind, &str, bool)> =
        r.recognize(text).iter().map(|e| (e.kind, e.text, e.nested)).collect();
    assert_eq!(
        found,
        [
            (EntityKind::Organization, "Bộ CHQS tỉnh Đắk Nông", false),
            (EntityKind::Province, "Đắk Nông", true),
            (EntityKind::Organization, "Bộ Tư lệnh Quân khu 7", false),
            (EntityKind::MilitaryRegion, "Quân khu 7", true),
            (EntityKind::Organization, "Công an TP.HCM", false),
            (EntityKind::Province, "TP.HCM", true),
        ]
    );
}

#[test]
fn people_by_structure_and_cues() {
    let r = Recognizer::builtin();
    let people = |t: &str| -> Vec<String> {
        r.recognize(t).iter().filter(|e| e.kind == EntityKind::Person).map(|e| e.text.to_owned()).collect()
    };
    assert_eq!(
        people("Đại tá Nguyễn Văn Hùng, Chỉ huy trưởng, và bà Lan dự họp."),
        ["Nguyễn Văn Hùng", "Lan"]
    );
    assert_eq!(people("Thượng tướng Phan Văn Giang làm việc tại Lâm Đồng."), ["Phan Văn Giang"]);
    assert_eq!(people("Tin, ảnh: Minh Hòa - Thu Hà"), ["Minh Hòa", "Thu Hà"]);
    // Places and capitalized non-names are not people.
    assert_eq!(people("Nhà nước và Nhân dân tỉnh Cao Bằng, Lâm Đồng, Hà Tĩnh."), Vec::<String>::new());
    assert_eq!(people("Mười năm qua, Bồ Đào Nha và Đức hợp tác."), Vec::<String>::new());
    // Headings and common compounds in legal text.
    let all = |t: &str| -> Vec<String> { r.recognize(t).iter().map(|e| e.text.to_owned()).collect() };
    assert_eq!(
        all("Chương VI\nXỬ LÝ VI PHẠM\nPháp nhân có đủ điều kiện; phạt 5 triệu đồng Việt Nam."),
        ["Việt Nam"]
    );
    assert_eq!(all("HIẾN PHÁP NƯỚC CỘNG HÒA"), Vec::<String>::new());
}

#[test]
#[ignore = "needs ../shared"]
fn spans_are_exact_on_real_text() {
    let text = crate::shared("data/news-sample/demo-full.txt");
    let r = Recognizer::builtin();
    let entities = r.recognize(&text);
    assert!(entities.len() > 1000);
    let mut last_top = 0;
    for e in &entities {
        assert_eq!(&text[e.span.range()], e.text);
        assert!(!e.text.is_empty());
        if !e.nested {
            assert!(e.span.start >= last_top, "top-level entities overlap at {e:?}");
            last_top = e.span.end;
        }
    }
}

#[test]
fn recognizer_is_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Recognizer>();
    assert_send_sync::<Gazetteer>();
    assert_send_sync::<Entity<'static>>();
}

// ---------------------------------------------------------------- user entities

fn user_error(src: &str) -> (usize, String) {
    match vntext::Recognizer::builder().entities_tsv("mine.tsv", src) {
        Err(e) if e.kind() == vntext::ErrorKind::Data => {
            assert_eq!(e.path(), Some(std::path::Path::new("mine.tsv")));
            let line = e.line().expect("a row's line");
            let message = e
                .to_string()
                .strip_prefix(&format!("mine.tsv:{line}: "))
                .expect("file:line: message")
                .to_owned();
            (line, message)
        }
        Err(other) => panic!("expected a data error, got {other:?}"),
        Ok(_) => panic!("expected a data error, got a builder"),
    }
}

#[test]
fn user_entity_files_with_bad_rows_name_the_line() {
    const H: &str = "name\tkind\n";
    let (line, msg) = user_error(&format!("{H}Công ty ABC\torganization\nXYZ\tcompany\n"));
    assert_eq!(line, 3);
    assert!(msg.contains("unknown kind"), "{msg}");
    let (line, msg) = user_error(&format!("{H}Công ty ABC\torganization\textra\n"));
    assert_eq!(line, 2);
    assert!(msg.contains("columns"), "{msg}");
    let (line, msg) = user_error(&format!("{H}\torganization\n"));
    assert_eq!(line, 2);
    assert!(msg.contains("name"), "{msg}");
    let (line, msg) = user_error(&format!("{H}Công ty ABC\torganization\n\nCÔNG TY  abc\tlocation\n"));
    assert_eq!(line, 4);
    assert!(msg.contains("line 2"), "{msg}");
    let (line, _) = user_error("name\ttype\nX\tperson\n");
    assert_eq!(line, 1);
    let (line, msg) = user_error(&format!("{H}   \tperson\n"));
    assert_eq!(line, 2);
    assert!(msg.contains("name"), "{msg}");
}

#[test]
fn user_entities_win_over_the_rules_they_overlap() {
    let text = "Đoàn công tác của Ban Chỉ huy Phòng thủ khu vực 1 - Gia Nghĩa làm việc tại Đắk Nông.";
    let plain = Recognizer::builtin().recognize(text);
    let recognizer = Recognizer::builder()
        .entity("Ban Chỉ huy Phòng thủ khu vực 1 - Gia Nghĩa", EntityKind::Organization)
        .build();
    let found = recognizer.recognize(text);
    let unit =
        found.iter().find(|e| e.text == "Ban Chỉ huy Phòng thủ khu vực 1 - Gia Nghĩa").expect("user entity");
    assert_eq!((unit.kind, unit.nested, unit.record), (EntityKind::Organization, false, None));
    assert_eq!(unit.matched, vntext::MatchKind::Exact);
    // Nothing else inside the user's span; the province after it is still found.
    assert!(found.iter().filter(|e| e.span != unit.span).all(|e| !unit.span.contains(e.span)));
    assert!(found.iter().any(|e| e.kind == EntityKind::Province && e.text == "Đắk Nông"));
    assert!(plain.iter().any(|e| e.kind == EntityKind::Province && e.text == "Đắk Nông"));
    // Top-level entities still never overlap and stay in order.
    let top: Vec<_> = found.iter().filter(|e| !e.nested).collect();
    assert!(top.windows(2).all(|w| w[0].span.end <= w[1].span.start));
    // Names never cross a line break.
    let broken = recognizer.recognize("Ban Chỉ huy Phòng thủ khu vực 1\n- Gia Nghĩa");
    assert!(broken.iter().all(|e| e.text != "Ban Chỉ huy Phòng thủ khu vực 1\n- Gia Nghĩa"));
}

#[test]
fn a_country_after_a_title_of_office_is_no_person() {
    // Seen on Wikipedia: `Tổng thống Hoa Kỳ` came out as a person 504 times.
    let found =
        Recognizer::builtin().recognize("Tổng thống Hoa Kỳ gặp Thủ tướng Nhật Bản và Chủ tịch Hồ Chí Minh.");
    let kinds: Vec<_> = found.iter().map(|e| (e.kind, e.text)).collect();
    assert!(kinds.contains(&(EntityKind::Location, "Hoa Kỳ")), "{kinds:?}");
    assert!(kinds.contains(&(EntityKind::Location, "Nhật Bản")), "{kinds:?}");
    assert!(kinds.contains(&(EntityKind::Person, "Hồ Chí Minh")), "{kinds:?}");
    let old = Recognizer::builtin().recognize("Tỉnh Hà Bắc được chia thành Bắc Giang và Bắc Ninh.");
    assert!(old.iter().all(|e| e.kind != EntityKind::Person), "{old:?}");
}

#[test]
fn a_title_its_country_and_the_name_it_belongs_to() {
    let found = Recognizer::builtin()
        .recognize("Tổng thống Mỹ Donald Trump gặp Thủ tướng Nhật Bản Shinzo Abe. Ca sĩ Mỹ Tâm hát. Tổng thống Guinea Xích Đạo.");
    // The person must stop at the sentence end, not run on into the next sentence's `Ca`
    // (`Shinzo Abe. Ca`, the model shipped before 2026-12-02).
    let kinds: Vec<_> = found.iter().map(|e| (e.kind, e.text)).collect();
    assert_eq!(
        kinds,
        [
            (EntityKind::Location, "Mỹ"),
            (EntityKind::Person, "Donald Trump"),
            (EntityKind::Location, "Nhật Bản"),
            (EntityKind::Person, "Shinzo Abe"),
            (EntityKind::Person, "Mỹ Tâm"),
            // The country is Equatorial Guinea, not Guinea followed by a name.
            (EntityKind::Location, "Guinea Xích Đạo"),
        ]
    );
}

#[test]
fn an_organization_ending_in_a_country_stops_at_the_verb() {
    let found = Recognizer::builtin()
        .recognize("Đội tuyển Việt Nam thắng Thái Lan, Quân đoàn Hungary thứ 2 rút lui.");
    let outer: Vec<_> = found.iter().filter(|e| !e.nested).map(|e| (e.kind, e.text)).collect();
    assert_eq!(
        outer,
        [
            (EntityKind::Organization, "Đội tuyển Việt Nam"),
            (EntityKind::Location, "Thái Lan"),
            (EntityKind::Organization, "Quân đoàn Hungary thứ 2"),
        ]
    );
}

#[test]
fn a_name_after_a_house_number_is_a_street() {
    let found = Recognizer::builtin().recognize(
        "Trụ sở ở số 52 - 54 Nguyễn Khắc Nhu, nhà số 12/3 Trần Hưng Đạo. Vận động viên Nguyễn Văn An thắng.",
    );
    let kinds: Vec<_> = found.iter().map(|e| (e.kind, e.text)).collect();
    assert!(kinds.contains(&(EntityKind::Location, "Nguyễn Khắc Nhu")), "{kinds:?}");
    assert!(kinds.contains(&(EntityKind::Location, "Trần Hưng Đạo")), "{kinds:?}");
    assert!(kinds.contains(&(EntityKind::Person, "Nguyễn Văn An")), "{kinds:?}");
}

#[test]
fn nfd_text_gives_the_entities_of_nfc_text_with_spans_on_the_nfd_text() {
    use unicode_normalization::UnicodeNormalization;
    // Found by the NFD property on the seed article: in NFD, `Quân khu về nhiệm vụ QP-QSĐP`
    // came out as an organisation (`về` was not recognised as the preposition that ends it).
    let nfc = "Các văn bản của Bộ Quốc phòng, Quân khu về nhiệm vụ QP-QSĐP; ông Hồ Văn Mười ở Đắk Nông.";
    let nfd: String = nfc.nfd().collect();
    let r = Recognizer::builtin();
    let a: Vec<_> = r.recognize(nfc).iter().map(|e| (e.kind, e.text.to_owned(), e.record)).collect();
    let found = r.recognize(&nfd);
    for e in &found {
        assert_eq!(&nfd[e.span.range()], e.text);
    }
    let b: Vec<_> = found.iter().map(|e| (e.kind, e.text.nfc().collect::<String>(), e.record)).collect();
    assert_eq!(a, b);
    let kinds: Vec<_> = a.iter().map(|(k, t, _)| (*k, t.as_str())).collect();
    assert!(kinds.contains(&(EntityKind::Organization, "Bộ Quốc phòng")), "{kinds:?}");
    assert!(kinds.contains(&(EntityKind::Person, "Hồ Văn Mười")), "{kinds:?}");
    assert!(kinds.contains(&(EntityKind::Province, "Đắk Nông")), "{kinds:?}");
    assert!(kinds.iter().all(|(_, t)| !t.contains("về")), "{kinds:?}");
}

#[test]
fn organizations_places_and_districts_carry_their_records() {
    let r = Recognizer::builtin();
    let g = r.gazetteer();
    let text =
        "Bộ Chỉ huy Quân sự tỉnh Đắk Lắk diễn tập tại TP. Buôn Ma Thuột; Tổng thống Mỹ đến Guinea Xích Đạo.";
    let found = r.recognize(text);
    let find =
        |t: &str| *found.iter().find(|e| e.text == t).unwrap_or_else(|| panic!("{t} not in {found:?}"));

    let unit = find("Bộ Chỉ huy Quân sự tỉnh Đắk Lắk");
    let Some(Record::Organization(id)) = unit.record else { panic!("{unit:?}") };
    let org = g.organization_by_id(id).unwrap();
    assert_eq!((unit.kind, org.name), (EntityKind::Organization, "Bộ Chỉ huy Quân sự"));
    assert_eq!(r.describe(&unit), "organization:military Bộ Chỉ huy Quân sự");

    let city = find("TP. Buôn Ma Thuột");
    let Some(Record::District(id)) = city.record else { panic!("{city:?}") };
    let d = g.district_by_id(id).unwrap();
    assert_eq!(
        (city.kind, d.code, d.name, d.kind),
        (EntityKind::Location, "643", "Buôn Ma Thuột", vntext::DistrictKind::City)
    );
    assert_eq!(g.province_by_id(d.province).unwrap().name, "Đắk Lắk");

    for (text, name) in [("Mỹ", "Hoa Kỳ"), ("Guinea Xích Đạo", "Guinea Xích Đạo")] {
        let e = find(text);
        let Some(Record::Place(id)) = e.record else { panic!("{e:?}") };
        let p = g.place_by_id(id).unwrap();
        assert_eq!((e.kind, p.name, p.kind), (EntityKind::Location, name, vntext::PlaceKind::Country));
    }
}

#[test]
fn a_hall_or_a_meeting_of_a_body_is_no_organization() {
    // Seen in the README's sample: `Hội trường UBND tỉnh` came out as an organisation.
    let r = Recognizer::builtin();
    for (text, hall) in [
        ("Sáng 15/12, tại Hội trường UBND tỉnh, hội nghị khai mạc.", "Hội trường"),
        ("Tại Phòng họp UBND tỉnh, ông phát biểu.", "Phòng họp"),
        ("Hội nghị UBND tỉnh bàn về an ninh.", "Hội nghị"),
    ] {
        let found = r.recognize(text);
        let orgs: Vec<_> =
            found.iter().filter(|e| e.kind == EntityKind::Organization).map(|e| e.text).collect();
        // `UBND tỉnh` without the province's name is tagged or not (the corpus leaves such
        // elided bodies out, the rules took them); the hall is never part of it.
        assert!(orgs.iter().all(|o| *o == "UBND tỉnh"), "{text}: {orgs:?}");
        assert!(found.iter().all(|e| !e.text.contains(hall)), "{found:?}");
    }
    // The head words still start bodies.
    let found = r.recognize("Hội Nông dân tỉnh và Phòng Tư pháp, Sở Y tế cùng dự.");
    let orgs: Vec<_> =
        found.iter().filter(|e| e.kind == EntityKind::Organization && !e.nested).map(|e| e.text).collect();
    assert_eq!(orgs, ["Hội Nông dân tỉnh", "Phòng Tư pháp", "Sở Y tế"]);
}

#[test]
fn an_organization_named_after_its_province_ends_with_it() {
    // The lower-case verb after the province is the sentence's, not the organisation's.
    for (text, org) in [
        ("UBND tỉnh Lâm Đồng họp ngày 8/12.", "UBND tỉnh Lâm Đồng"),
        ("UBND tỉnh Lâm Đồng họp báo sáng nay.", "UBND tỉnh Lâm Đồng"),
        ("Công an tỉnh Nghệ An cho biết như vậy.", "Công an tỉnh Nghệ An"),
    ] {
        let found = Recognizer::builtin().recognize(text);
        let orgs: Vec<_> = found
            .iter()
            .filter(|e| !e.nested && e.kind == EntityKind::Organization)
            .map(|e| e.text)
            .collect();
        assert_eq!(orgs, [org], "{text}: {found:?}");
    }
}

#[test]
fn numbered_roads_are_places_with_their_designator() {
    let text =
        "Xe chạy trên quốc lộ 18, Quốc lộ 1A, QL1A, QL 14, tỉnh lộ 10 và đường tỉnh 741. QUỐC LỘ 6 sạt lở.";
    let found = Recognizer::builtin().recognize(text);
    let places: Vec<&str> =
        found.iter().filter(|e| !e.nested && e.kind == EntityKind::Location).map(|e| e.text).collect();
    assert_eq!(
        places,
        ["quốc lộ 18", "Quốc lộ 1A", "QL1A", "QL 14", "tỉnh lộ 10", "đường tỉnh 741", "QUỐC LỘ 6"]
    );
    // A designator without a number, or a number that is not a road's, is no road.
    for text in ["Quốc lộ xuống cấp nghiêm trọng.", "Ông đi quốc lộ, 18 người bị thương.", "Tỉnh lộ 1,5 km."]
    {
        let found = Recognizer::builtin().recognize(text);
        assert!(
            found.iter().all(|e| !e.text.contains(char::is_numeric) || e.kind != EntityKind::Location),
            "{found:?}"
        );
    }
}

#[test]
fn patterns_of_the_callers_own() {
    let r = Recognizer::builder()
        .entity("Công ty Sao Khuê", EntityKind::Organization)
        .pattern(EntityKind::Misc, r"\b\d{2}[A-Z]-\d{3}\.\d{2}\b")
        .unwrap()
        .pattern(EntityKind::Organization, r"Công ty \p{Lu}\w+")
        .unwrap()
        .pattern(EntityKind::Location, r"\d{2}[A-Z]")
        .unwrap()
        .build();
    let text = "Xe 49X-123.45 của Công ty Sao Khuê đâm xe của Công ty Hoàng Long ở Hà Nội.";
    let found = r.recognize(text);
    let kinds: Vec<_> = found.iter().filter(|e| !e.nested).map(|e| (e.kind, e.text)).collect();
    // The plate is one entity (the later pattern `49X` inside it is dropped); the added name
    // wins over the organisation pattern; the pattern's match replaces the built-in entity
    // it overlaps; the rest of the text keeps its built-in entities.
    assert_eq!(
        kinds,
        [
            (EntityKind::Misc, "49X-123.45"),
            (EntityKind::Organization, "Công ty Sao Khuê"),
            (EntityKind::Organization, "Công ty Hoàng"),
            (EntityKind::Province, "Hà Nội"),
        ]
    );
    for e in &found {
        assert_eq!(&text[e.span.start..e.span.end], e.text);
    }
    // Empty matches give nothing; a bad pattern is a typed error naming it.
    let empty = Recognizer::builder().pattern(EntityKind::Misc, r"x*").unwrap().build();
    assert!(empty.recognize("abc").iter().all(|e| !e.text.is_empty()));
    let err = Recognizer::builder().pattern(EntityKind::Misc, r"(\d+").unwrap_err();
    assert_eq!(err.kind(), vntext::ErrorKind::Data);
    assert!(err.to_string().contains(r"(\d+"), "{err}");
}
