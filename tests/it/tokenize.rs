//! Table-driven tokenizer cases: one row per token kind and Vietnamese convention.

use vntext::TokenKind::{self, *};

fn kinds(text: &str) -> Vec<(TokenKind, &str)> {
    vntext::tokenize(text).map(|t| (t.kind(), t.as_str())).collect()
}

#[track_caller]
fn check(text: &str, expected: &[(TokenKind, &str)]) {
    assert_eq!(kinds(text), expected, "input: {text:?}");
}

#[test]
fn syllables_and_foreign_words() {
    check("Đắk Nông", &[(Syllable, "Đắk"), (Syllable, "Nông")]);
    check("NGHIÊNG ngả", &[(Syllable, "NGHIÊNG"), (Syllable, "ngả")]);
    check("Facebook online", &[(Foreign, "Facebook"), (Foreign, "online")]);
    check("người H'Mông", &[(Syllable, "người"), (Syllable, "H'Mông")]);
    check("Đắk R’Lấp", &[(Syllable, "Đắk"), (Syllable, "R’Lấp")]);
    check("Coca-Cola", &[(Foreign, "Coca-Cola")]);
    // Transliterations: a capital, then lower-case parts after dashes. Compounds of names
    // (`Áo-Hung`) and of lower-case words (`kinh tế-xã hội`) stay apart, and so does a dash
    // after a name of several words (`Vũ Ngọc Phan-nhà văn`).
    check(
        "ở Mát-xcơ-va, người Ê-đê, X-quang Áo-Hung tế-xã Ngọc Phan-nhà (Mỹ La-tinh) Corse-du-Sud",
        &[
            (Syllable, "ở"),
            (Foreign, "Mát-xcơ-va"),
            (Punctuation, ","),
            (Syllable, "người"),
            (Foreign, "Ê-đê"),
            (Punctuation, ","),
            (Foreign, "X-quang"),
            (Syllable, "Áo"),
            (Punctuation, "-"),
            (Syllable, "Hung"),
            (Syllable, "tế"),
            (Punctuation, "-"),
            (Syllable, "xã"),
            (Syllable, "Ngọc"),
            (Syllable, "Phan"),
            (Punctuation, "-"),
            (Syllable, "nhà"),
            (Punctuation, "("),
            (Syllable, "Mỹ"),
            (Syllable, "La"),
            (Punctuation, "-"),
            (Syllable, "tinh"),
            (Punctuation, ")"),
            (Foreign, "Corse-du-Sud"),
        ],
    );
    check("中文", &[(Foreign, "中文")]);
}

#[test]
fn abbreviations() {
    check("UBND TP.HCM", &[(Abbreviation, "UBND"), (Abbreviation, "TP.HCM")]);
    check(
        "QP-QSĐP NĐ-CP QĐ-TTg",
        &[(Abbreviation, "QP-QSĐP"), (Abbreviation, "NĐ-CP"), (Abbreviation, "QĐ-TTg")],
    );
    check("NQ/TW k/g km/h", &[(Abbreviation, "NQ/TW"), (Abbreviation, "k/g"), (Abbreviation, "km/h")]);
    check("PGS.TS ThS R&D", &[(Abbreviation, "PGS.TS"), (Abbreviation, "ThS"), (Abbreviation, "R&D")]);
    check("v.v. và", &[(Abbreviation, "v.v."), (Syllable, "và")]);
    check("QK5 COVID-19 H5N1", &[(Abbreviation, "QK5"), (Abbreviation, "COVID-19"), (Abbreviation, "H5N1")]);
    check("T.Ư", &[(Abbreviation, "T.Ư")]);
    check("NHNo&PTNT TT-Huế", &[(Abbreviation, "NHNo&PTNT"), (Abbreviation, "TT-Huế")]);
    // A dot before a name is not part of an abbreviation.
    check("TP. Hồ", &[(Abbreviation, "TP"), (Punctuation, "."), (Syllable, "Hồ")]);
    check("TP.Hồ", &[(Abbreviation, "TP"), (Punctuation, "."), (Syllable, "Hồ")]);
    // Place names joined by a hyphen stay apart.
    check("Rịa-Vũng", &[(Syllable, "Rịa"), (Punctuation, "-"), (Syllable, "Vũng")]);
}

#[test]
fn numbers_dates_and_times() {
    check("08/12/2022 8/12 08-12-2022", &[(Date, "08/12/2022"), (Date, "8/12"), (Date, "08-12-2022")]);
    check("12/2022 2022-12-08 12.10.2022", &[(Date, "12/2022"), (Date, "2022-12-08"), (Date, "12.10.2022")]);
    check("16:53 7h30 7h 16:53:20", &[(Time, "16:53"), (Time, "7h30"), (Time, "7h"), (Time, "16:53:20")]);
    check(
        "1.234,5 2,029 3.5 1.000.000",
        &[(Number, "1.234,5"), (Number, "2,029"), (Number, "3.5"), (Number, "1.000.000")],
    );
    check("12,5% 2020-2025 5–10", &[(Percent, "12,5%"), (Range, "2020-2025"), (Range, "5–10")]);
    // Not dates: day or month out of range, a decimal.
    check(
        "32/12 8/13 8.12",
        &[
            (Number, "32"),
            (Punctuation, "/"),
            (Number, "12"),
            (Number, "8"),
            (Punctuation, "/"),
            (Number, "13"),
            (Number, "8.12"),
        ],
    );
    // A year at the end of a sentence keeps its period apart.
    check("năm 2022.", &[(Syllable, "năm"), (Number, "2022"), (Punctuation, ".")]);
    check("5km Tp Cty", &[(Number, "5"), (Abbreviation, "km"), (Abbreviation, "Tp"), (Abbreviation, "Cty")]);
}

#[test]
fn phones_plates_urls_emails() {
    check(
        "0912345678 0912.345.678 +84912345678",
        &[(Phone, "0912345678"), (Phone, "0912.345.678"), (Phone, "+84912345678")],
    );
    check(
        "SĐT: 0912 345 678, 0123 456 7890 9 người; 0912 34 năm",
        &[
            (Abbreviation, "SĐT"),
            (Punctuation, ":"),
            (Phone, "0912 345 678"),
            (Punctuation, ","),
            (Phone, "0123 456 7890"),
            (Number, "9"),
            (Syllable, "người"),
            (Punctuation, ";"),
            (Number, "0912"),
            (Number, "34"),
            (Syllable, "năm"),
        ],
    );
    check("49X-6666 51F-123.45", &[(Plate, "49X-6666"), (Plate, "51F-123.45")]);
    check("https://baodaknong.vn/a?b=1.", &[(Url, "https://baodaknong.vn/a?b=1"), (Punctuation, ".")]);
    check(
        "www.vnexpress.net, baodaknong.vn.",
        &[(Url, "www.vnexpress.net"), (Punctuation, ","), (Url, "baodaknong.vn"), (Punctuation, ".")],
    );
    check("abc.def@gmail.com.", &[(Email, "abc.def@gmail.com"), (Punctuation, ".")]);
}

#[test]
fn document_numbers() {
    check(
        "Nghị định 15/2020/NĐ-CP, 24-NQ/TW; 1234/QĐ-UBND 45/CT-TTg 59/2020/QH14 15/2017/TT-BNN&PTNT.",
        &[
            (Syllable, "Nghị"),
            (Syllable, "định"),
            (DocumentNumber, "15/2020/NĐ-CP"),
            (Punctuation, ","),
            (DocumentNumber, "24-NQ/TW"),
            (Punctuation, ";"),
            (DocumentNumber, "1234/QĐ-UBND"),
            (DocumentNumber, "45/CT-TTg"),
            (DocumentNumber, "59/2020/QH14"),
            (DocumentNumber, "15/2017/TT-BNN&PTNT"),
            (Punctuation, "."),
        ],
    );
    // A month and year is a date unless a symbol follows; one letter is no symbol.
    check("12/2020/NĐ-CP 12/2020", &[(DocumentNumber, "12/2020/NĐ-CP"), (Date, "12/2020")]);
    check(
        "5-A 12/2020/Đ",
        &[
            (Number, "5"),
            (Punctuation, "-"),
            (Syllable, "A"),
            (Date, "12/2020"),
            (Punctuation, "/"),
            (Abbreviation, "Đ"),
        ],
    );
    // Plate series by district are no documents; a year makes one (`59/2020/QH14` above).
    check(
        "59-B1 71-MĐ1",
        &[
            (Number, "59"),
            (Punctuation, "-"),
            (Abbreviation, "B1"),
            (Number, "71"),
            (Punctuation, "-"),
            (Abbreviation, "MĐ1"),
        ],
    );
    // Capitals that begin a word are no symbol; a trailing dash is not part of one.
    check(
        "3/Hà 7/NĐ-",
        &[(Number, "3"), (Punctuation, "/"), (Syllable, "Hà"), (DocumentNumber, "7/NĐ"), (Punctuation, "-")],
    );
}

#[test]
fn punctuation_and_symbols() {
    check(
        "“a” … ... «ba»",
        &[
            (Punctuation, "“"),
            (Syllable, "a"),
            (Punctuation, "”"),
            (Punctuation, "…"),
            (Punctuation, "..."),
            (Punctuation, "«"),
            (Syllable, "ba"),
            (Punctuation, "»"),
        ],
    );
    check(
        "GMT+7 © 😀",
        &[(Abbreviation, "GMT"), (Symbol, "+"), (Number, "7"), (Symbol, "©"), (Symbol, "😀")],
    );
}

#[test]
fn whitespace_on_request() {
    let tok = vntext::Tokenizer::builder().keep_whitespace(true).build();
    let got: Vec<_> = tok.tokenize("a \u{200B}\tba\n").map(|t| (t.kind(), t.as_str())).collect();
    assert_eq!(got, [(Syllable, "a"), (Whitespace, " \u{200B}\t"), (Syllable, "ba"), (Whitespace, "\n")]);
}

#[test]
fn kinds_have_lowercase_names() {
    assert_eq!(Abbreviation.as_str(), "abbreviation");
    assert_eq!(Date.to_string(), "date");
}

/// The tokenizer asks for an address, a unit, a compound or an emoticon only when the byte
/// or two after a word or mark can start one; these rows stand on each side of those looks.
#[test]
fn cheap_looks_keep_both_sides() {
    // An address after a dot, `_`, `+` or `-` only before a letter, a digit or `@`.
    check("năm 2020. Sau", &[(Syllable, "năm"), (Number, "2020"), (Punctuation, "."), (Syllable, "Sau")]);
    check("2020.vn 24h.com.vn.", &[(Url, "2020.vn"), (Url, "24h.com.vn"), (Punctuation, ".")]);
    check(
        "a_@x.vn, a+@x.vn, an.b@x.vn a-@x.vn",
        &[
            (Email, "a_@x.vn"),
            (Punctuation, ","),
            (Email, "a+@x.vn"),
            (Punctuation, ","),
            (Email, "an.b@x.vn"),
            (Email, "a-@x.vn"),
        ],
    );
    check("Nam - Bắc", &[(Syllable, "Nam"), (Punctuation, "-"), (Syllable, "Bắc")]);
    // Words of one part before a mark that joins nothing.
    check(
        "Facebook, UBND; km: iPhone&",
        &[
            (Foreign, "Facebook"),
            (Punctuation, ","),
            (Abbreviation, "UBND"),
            (Punctuation, ";"),
            (Abbreviation, "km"),
            (Punctuation, ":"),
            (Foreign, "iPhone"),
            (Symbol, "&"),
        ],
    );
    // Contractions need a `y`; short foreign words with one stay words.
    check(
        "Cty CTY CTy gym sky",
        &[
            (Abbreviation, "Cty"),
            (Abbreviation, "CTY"),
            (Abbreviation, "CTy"),
            (Foreign, "gym"),
            (Foreign, "sky"),
        ],
    );
    // Units after a first part of ASCII letters: `://`, or a dash before a digit.
    check(
        "ftp://x.vn, Su-30: F-16,",
        &[
            (Url, "ftp://x.vn"),
            (Punctuation, ","),
            (Abbreviation, "Su-30"),
            (Punctuation, ":"),
            (Abbreviation, "F-16"),
            (Punctuation, ","),
        ],
    );
    // Shafts of two: an arrow only when they go on to `>`.
    check("== Lịch ==", &[(Symbol, "="), (Symbol, "="), (Syllable, "Lịch"), (Symbol, "="), (Symbol, "=")]);
    check("===> -->", &[(Symbol, "===>"), (Symbol, "-->")]);
    check(
        "-- ==- =->",
        &[
            (Punctuation, "-"),
            (Punctuation, "-"),
            (Symbol, "="),
            (Symbol, "="),
            (Punctuation, "-"),
            (Symbol, "="),
            (Symbol, "->"),
        ],
    );
    // Punctuation outside ASCII, asked before letters.
    check(
        "a – “c” ʺ",
        &[
            (Syllable, "a"),
            (Punctuation, "–"),
            (Punctuation, "“"),
            (Abbreviation, "c"),
            (Punctuation, "”"),
            (Punctuation, "ʺ"),
        ],
    );
}
