//! Units that readers see as one stay one token (issue 18): model names, `&` names, any
//! `scheme://`, dates `d-m-yy`, numbers with a unit letter, plates with a spaced dash,
//! ellipses after abbreviations, emoticons and arrows, quotation look-alikes. Each table is
//! written from the rule of its class (see the `TokenKind` docs), with forms the rule must
//! keep apart after it.

use vntext::TokenKind::{self, *};

fn kinds(text: &str) -> Vec<(TokenKind, &str)> {
    vntext::tokenize(text).map(|t| (t.kind(), t.as_str())).collect()
}

/// Each form is one token of `kind`, alone and between words, and the tokens around it
/// are untouched.
#[track_caller]
fn whole(kind: TokenKind, forms: &[&str]) {
    assert!(forms.len() >= 10, "a table holds at least ten forms");
    for &form in forms {
        assert_eq!(kinds(form), [(kind, form)], "alone: {form:?}");
        let text = format!("tiêm kích {form} bay");
        assert_eq!(
            kinds(&text),
            [(Syllable, "tiêm"), (Syllable, "kích"), (kind, form), (Syllable, "bay")],
            "between words: {text:?}"
        );
    }
}

/// Each form is not read as one token.
#[track_caller]
fn apart(forms: &[&str]) {
    for &form in forms {
        assert!(kinds(form).len() > 1, "{form:?} should not be one token: {:?}", kinds(form));
    }
}

#[test]
fn model_names() {
    // One to three ASCII letters from a capital, a dash, one to four digits, an optional
    // suffix of letters and digits, and dash groups holding a digit.
    whole(
        Abbreviation,
        &[
            "Su-30MK2",
            "Su-35S",
            "Mi-17",
            "Mi-8AMTSh",
            "Mi-17V-5",
            "Ka-52",
            "Tu-160",
            "Tu-22M3",
            "An-124",
            "An-26",
            "Il-76",
            "Be-200",
            "F-16",
            "MiG-21",
            "Yak-130",
            "T-90S",
            "S-400",
        ],
    );
    // Not model names: a lower-case start, a Vietnamese letter, four letters, no digit, a
    // letter after the digits.
    apart(&["su-30", "Tư-16", "Vinh-2", "Su-Mi", "Su-30à", "Mi-12345"]);
    assert_eq!(kinds("Su-Mi"), [(Syllable, "Su"), (Punctuation, "-"), (Syllable, "Mi")]);
    // A model before a full stop keeps the stop apart.
    assert_eq!(kinds("Su-30."), [(Abbreviation, "Su-30"), (Punctuation, ".")]);
}

#[test]
fn ampersand_names() {
    // Capitals (syllables or not) on both sides of `&`, without digits.
    whole(
        Abbreviation,
        &["M&A", "E&C", "R&D", "AT&T", "P&G", "H&M", "B&B", "Q&A", "S&P", "A&E", "BNN&PTNT", "T&T", "ĐH&CĐ"],
    );
    // Lower case on either side, or a digit, is not a name.
    apart(&["a&b", "Tôi&Bạn", "M&a", "A1&B", "Hà&Nội"]);
}

#[test]
fn any_scheme() {
    // A letter, then letters, digits, `+`, `-` or `.`, then `://` and a body.
    whole(
        Url,
        &[
            "ftp://ftp.example.vn/pub",
            "sftp://host/y",
            "ssh://git@example.vn",
            "git://example.vn/repo.git",
            "git+ssh://example.vn/r",
            "file:///home/a.txt",
            "ws://example.vn:8080/s",
            "wss://example.vn/s",
            "rtsp://10.0.0.1/cam",
            "s3://bucket/key",
            "HTTPS://EXAMPLE.VN",
            "ma://x",
            "svn+ssh://a",
        ],
    );
    // Trailing punctuation stays apart; no body, no address.
    assert_eq!(kinds("ftp://a.vn/x."), [(Url, "ftp://a.vn/x"), (Punctuation, ".")]);
    assert_eq!(kinds("(ftp://a.vn)"), [(Punctuation, "("), (Url, "ftp://a.vn"), (Punctuation, ")")]);
    apart(&["ftp:// x", "ftp:/x", "1ftp://x"]);
    assert_eq!(kinds("ftp://")[0], (Abbreviation, "ftp"));
}

#[test]
fn dates_with_two_digit_years() {
    // Day 1–31, month 1–12 (one or two digits each), a dash, two digits of year.
    whole(
        Date,
        &[
            "06-02-99", "6-2-99", "31-12-20", "1-1-00", "15-08-45", "30-04-75", "02-09-45", "19-5-90",
            "20-11-22", "7-5-54", "10-10-10",
        ],
    );
    assert_eq!(kinds("32-1-99"), [(Range, "32-1"), (Punctuation, "-"), (Number, "99")]);
    assert_eq!(kinds("6-13-99"), [(Range, "6-13"), (Punctuation, "-"), (Number, "99")]);
    assert_eq!(kinds("06-02-999"), [(Range, "06-02"), (Punctuation, "-"), (Number, "999")]);
    // Dots write version numbers, not dates.
    assert_ne!(kinds("06.02.99")[0].0, Date);
    // The older forms are unchanged.
    assert_eq!(kinds("06/02/99"), [(Date, "06/02/99")]);
    assert_eq!(kinds("06-02-1999"), [(Date, "06-02-1999")]);
}

#[test]
fn numbers_with_a_unit_letter() {
    // A number and one capital naming a unit or generation (`G K P V W X`, `D` after one
    // digit), ending the word.
    whole(
        Quantity,
        &["5G", "4G", "3G", "4K", "8K", "3D", "2D", "1080P", "220V", "100W", "10X", "500K", "1,5K"],
    );
    assert_eq!(Quantity.as_str(), "quantity");
    // Classes and house numbers, lower-case units (read by the expander), more letters.
    assert_eq!(kinds("12A"), [(Number, "12"), (Syllable, "A")]);
    assert_eq!(kinds("12D"), [(Number, "12"), (Abbreviation, "D")]);
    assert_eq!(kinds("10km"), [(Number, "10"), (Abbreviation, "km")]);
    assert_eq!(kinds("500g"), [(Number, "500"), (Abbreviation, "g")]);
    apart(&["5GB", "4Ka", "3Dê", "5G'a"]);
    // The expander still reads a lower-case unit after a number.
    let expanded = vntext::Abbreviations::builtin().expand("nặng 500g, mạng 5G");
    assert_eq!(expanded.as_str(), "nặng 500 gam, mạng 5G");
}

#[test]
fn plates_with_a_spaced_dash() {
    // Two digits, one or two capitals, an optional digit, ` - `, four or five digits or
    // `ddd.dd`: the same plates as with a bare dash.
    let forms = [
        "53S5 - 3720",
        "29A - 12345",
        "51F - 123.45",
        "30E - 1234",
        "43C1 - 23456",
        "72A - 999.99",
        "59LD - 00123",
        "14B2 - 4567",
        "65F1 - 1234",
        "37K - 888.88",
        "49X - 6666",
    ];
    whole(Plate, &forms);
    for form in forms {
        let bare = form.replace(" - ", "-");
        assert_eq!(kinds(&bare), [(Plate, bare.as_str())], "{bare}");
    }
    // Not plates: too few digits, one space only, a letter after.
    apart(&["53S5 - 37", "53S5 -3720", "53S5- 3720", "53S5 - 3720A"]);
    assert_eq!(kinds("đội 12 - 1234")[1], (Number, "12"));
}

#[test]
fn ellipsis_after_abbreviations() {
    // A chain of single letters takes its final dot, except the first dot of `...`.
    let rows: &[(&str, &[(TokenKind, &str)])] = &[
        ("v.v...", &[(Abbreviation, "v.v"), (Punctuation, "...")]),
        ("v.v.", &[(Abbreviation, "v.v.")]),
        ("v.v", &[(Abbreviation, "v.v")]),
        ("v.v.…", &[(Abbreviation, "v.v."), (Punctuation, "…")]),
        ("v.v…", &[(Abbreviation, "v.v"), (Punctuation, "…")]),
        ("v.v....", &[(Abbreviation, "v.v."), (Punctuation, "...")]),
        ("v.v..", &[(Abbreviation, "v.v."), (Punctuation, ".")]),
        ("a.b.c...", &[(Abbreviation, "a.b.c"), (Punctuation, "...")]),
        ("TP.HCM...", &[(Abbreviation, "TP.HCM"), (Punctuation, "...")]),
        ("UBND...", &[(Abbreviation, "UBND"), (Punctuation, "...")]),
        ("ThS...", &[(Abbreviation, "ThS"), (Punctuation, "...")]),
        (
            "sách, vở v.v... đều",
            &[
                (Syllable, "sách"),
                (Punctuation, ","),
                (Syllable, "vở"),
                (Abbreviation, "v.v"),
                (Punctuation, "..."),
                (Syllable, "đều"),
            ],
        ),
    ];
    for (text, expected) in rows {
        assert_eq!(kinds(text), *expected, "{text:?}");
    }
    let expanded = vntext::Abbreviations::builtin().expand("sách, vở v.v... đều có");
    assert_eq!(expanded.as_str(), "sách, vở vân vân... đều có");
}

#[test]
fn emoticons_and_arrows() {
    // Eyes, an optional nose or tear, a repeated mouth; hearts; faces; arrows.
    let forms = [
        ":)", ":))", ":(((", "=))", ";)", ":-)", ":'(", ":]]", ":D", ":v", ":P", "=D", ":3", "<3", "<333",
        "</3", "^^", "^_^", "^.^", "-_-", ">_<", ">.<", "=.=", "->", "-->", "=>", "==>", "<-", "<--", "<==",
        "<->", "<=>",
    ];
    for form in forms {
        assert_eq!(kinds(form), [(Symbol, form)], "alone: {form:?}");
        let text = format!("vui quá {form} nhé");
        assert_eq!(
            kinds(&text),
            [(Syllable, "vui"), (Syllable, "quá"), (Symbol, form), (Syllable, "nhé")],
            "{text:?}"
        );
    }
    // A bracket mouth also right after a word.
    assert_eq!(kinds("vui:))"), [(Syllable, "vui"), (Symbol, ":))")]);
    // Letter and digit mouths only after a space, and not before a letter or digit.
    assert_eq!(kinds("A=D"), [(Syllable, "A"), (Symbol, "="), (Abbreviation, "D")]);
    assert_eq!(kinds("Tên :Dung")[1], (Punctuation, ":"));
    assert_eq!(kinds("16:3")[0], (Number, "16"));
    assert_eq!(kinds("16:3")[1], (Punctuation, ":"));
    // A less-than before a number stays a comparison.
    assert_eq!(kinds("<30"), [(Symbol, "<"), (Number, "30")]);
    assert_eq!(kinds("<3,5"), [(Symbol, "<"), (Number, "3,5")]);
    assert_eq!(kinds("<-5")[0], (Symbol, "<"));
    // Dashes, colons and equals signs that are no arrow or face.
    assert_eq!(kinds("a - b")[1], (Punctuation, "-"));
    assert_eq!(kinds("---").len(), 3);
    assert_eq!(kinds("a == b")[1], (Symbol, "="));
    assert_eq!(kinds("Lưu ý: xem")[2], (Punctuation, ":"));
    assert_eq!(kinds("16:53"), [(Time, "16:53")]);
    // Starts of emoticons and arrows at the end of the text, or before a NUL.
    for text in [":", ";", "=", "<", "-", "^", ">", ":-", ":'", "<-", "==", "a:", "a:\0", ":\0\0", "<\0"] {
        let covered: usize = kinds(text).iter().map(|t| t.1.len()).sum();
        assert!(covered <= text.len() && !kinds(text).is_empty(), "{text:?}");
    }
}

#[test]
fn quotation_look_alikes() {
    // Modifier letters written as quotation marks are punctuation and normalize to the
    // mark they stand for.
    let rows = [
        ("ʺxinʺ", "\"xin\""),
        ("ʺXin chàoʺ", "\"Xin chào\""),
        ("ˮhoàˮ", "\"hòa\""),
        ("ʻĐắkʻ", "\u{2018}Đắk\u{2018}"),
        ("ʽNôngʽ", "\u{2018}Nông\u{2018}"),
        ("nói ʺkhôngʺ.", "nói \"không\"."),
        ("ʺUBNDʺ", "\"UBND\""),
        ("ʺFacebookʺ", "\"Facebook\""),
        ("ʺ2022ʺ", "\"2022\""),
        ("ʺngười H'Môngʺ", "\"người H'Mông\""),
    ];
    for (text, normalized) in rows {
        assert_eq!(vntext::normalize(text), normalized, "{text:?}");
        let tokens = kinds(text);
        for (kind, token) in &tokens {
            if token.contains(['ʺ', 'ˮ', 'ʻ', 'ʽ']) {
                assert_eq!((*kind, token.chars().count()), (Punctuation, 1), "{text:?}: {tokens:?}");
            }
        }
        assert_eq!(tokens.iter().filter(|t| t.0 == Punctuation && t.1 != ".").count(), 2, "{text:?}");
        // The same words (up to tone placement) as in the normalized text, the quotes as
        // punctuation.
        let words = |toks: Vec<(TokenKind, &str)>| -> Vec<String> {
            toks.into_iter().filter(|t| t.0 != Punctuation).map(|t| vntext::key(t.1).into_owned()).collect()
        };
        let normalized_text = vntext::normalize(text).into_owned();
        assert_eq!(words(kinds(text)), words(kinds(&normalized_text)), "{text:?}");
    }
    // Tone placement reads the word inside the quotes.
    let new = vntext::Normalizer::builder().tone(vntext::TonePlacement::New).build();
    assert_eq!(new.normalize("ʺhòaʺ"), "\"hoà\"");
    // The apostrophe letter stays in its word.
    assert_eq!(kinds("Hʼmông").len(), 1);
}

#[test]
fn underscore_in_segment_output() {
    // Words written in the `_` convention read back as the words, whatever `_` and `\` the
    // text held.
    let texts = [
        "mã 000_753 ở Hà Nội",
        "tài khoản user_name của ông",
        "đường dẫn C:\\thu_muc\\tep",
        "__init__ và thủ đô",
        "a\\_b là một chuỗi",
        "Ủy ban nhân dân tỉnh",
        "snake_case_name",
        "_ đứng một mình",
        "\\",
        "kết thúc bằng _",
    ];
    let segmenter = vntext::WordSegmenter::builtin();
    for text in texts {
        let words = segmenter.segment(text);
        let mut line = String::new();
        for w in words.iter() {
            if !line.is_empty() {
                line.push(' ');
            }
            vntext::write_joined(w.as_str(), &mut line);
        }
        let read: Vec<String> = line.split(' ').map(vntext::read_joined).collect();
        let expected: Vec<String> =
            words.iter().map(|w| w.as_str().split_whitespace().collect::<Vec<_>>().join(" ")).collect();
        assert_eq!(read, expected, "{text:?} → {line:?}");
    }
    let mut out = String::new();
    vntext::write_joined("000_753", &mut out);
    assert_eq!(out, "000\\_753");
}
