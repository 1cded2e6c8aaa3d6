"""Tests of the Python package, run against the installed wheel (see scripts/python_ci.sh)."""

import doctest
import threading

import pytest

import vntext

SEED = "Chiều 8/12, UBND tỉnh Đắk Nông tổ chức hội nghị QP-QSĐP lúc 16:53. Ông Hồ Văn Mười phát biểu."


def test_word_tokenize_list_and_text_formats():
    assert vntext.word_tokenize("Bộ Quốc phòng họp báo.") == ["Bộ", "Quốc phòng", "họp báo", "."]
    assert vntext.word_tokenize("Bộ Quốc phòng họp báo.", format="text") == "Bộ Quốc_phòng họp_báo ."


def test_text_format_escapes_underscores_of_the_input():
    # A literal `_` cannot be told from a joiner unless it is escaped, as the CLI does.
    out = vntext.word_tokenize("mã số 000_753 của Bộ Quốc phòng", format="text")
    assert out.split()[:5] == ["mã_số", "000", "\\_", "753", "của"]
    assert "Quốc_phòng" in out


def test_word_tokenize_rejects_unknown_format():
    with pytest.raises(ValueError, match="format"):
        vntext.word_tokenize("Hà Nội", format="json")


def test_words_cover_the_input_in_order():
    words = vntext.word_tokenize(SEED)
    assert "".join(words).replace(" ", "") == SEED.replace(" ", "")


def test_sent_tokenize():
    assert vntext.sent_tokenize("Một câu. Câu hai! Ông ở TP. Hồ Chí Minh.") == [
        "Một câu.",
        "Câu hai!",
        "Ông ở TP. Hồ Chí Minh.",
    ]


def test_tokenize_and_tokens():
    assert vntext.tokenize("TP.HCM, 08/12/2022") == ["TP.HCM", ",", "08/12/2022"]
    assert vntext.tokenize("TP.HCM, 08/12/2022", format="text") == "TP.HCM , 08/12/2022"
    toks = vntext.tokens("Đắk Nông 8/12")
    assert [(t.text, t.kind) for t in toks] == [("Đắk", "syllable"), ("Nông", "syllable"), ("8/12", "date")]
    # String indices for Python, UTF-8 offsets alongside.
    assert [(t.start, t.end) for t in toks] == [(0, 3), (4, 8), (9, 13)]
    assert [(t.byte_start, t.byte_end) for t in toks] == [(0, 6), (7, 12), (13, 17)]  # Đ 2 bytes, ắ 3, ô 2


def test_offsets_are_string_indices():
    text = "Ủy ban nhân dân tỉnh Đắk Nông và ông Nguyễn Văn Bình."
    for t in vntext.tokens(text):
        assert text[t.start : t.end] == t.text
        assert text.encode("utf-8")[t.byte_start : t.byte_end].decode("utf-8") == t.text
    ents = vntext.ner(text)
    assert ents
    for e in ents:
        assert text[e.start : e.end] == e.text


def test_ner_kinds_and_records():
    ents = vntext.ner(SEED)
    found = {(e.text, e.kind) for e in ents}
    assert ("8/12", "date") in found
    assert ("UBND tỉnh Đắk Nông", "organization") in found
    assert ("Hồ Văn Mười", "person") in found
    assert ("16:53", "time") in found
    province = next(e for e in ents if e.kind == "province")
    assert province.text == "Đắk Nông"
    assert province.nested
    assert province.record is not None and "Lâm Đồng" in province.record
    d = province.to_dict()
    assert d["text"] == "Đắk Nông" and d["kind"] == "province" and d["start"] == province.start


def test_normalize_and_expand():
    assert vntext.text_normalize("Ðo\u0300an kết, hoà bình") == "Đoàn kết, hòa bình"
    assert vntext.expand("UBND tỉnh") == "Ủy ban nhân dân tỉnh"


def test_batches_equal_single_calls():
    texts = [SEED, "", "Hà Nội.", "Bộ Quốc phòng họp báo."] * 40  # long enough to use threads
    assert vntext.word_tokenize_batch(texts) == [vntext.word_tokenize(t) for t in texts]
    assert vntext.word_tokenize_batch(texts, format="text") == [vntext.word_tokenize(t, format="text") for t in texts]
    assert vntext.tokenize_batch(texts) == [vntext.tokenize(t) for t in texts]
    assert vntext.sent_tokenize_batch(texts) == [vntext.sent_tokenize(t) for t in texts]
    assert vntext.text_normalize_batch(texts) == [vntext.text_normalize(t) for t in texts]
    assert vntext.expand_batch(texts) == [vntext.expand(t) for t in texts]
    assert vntext.ner_batch(texts) == [vntext.ner(t) for t in texts]


def test_empty_and_odd_input():
    assert vntext.word_tokenize("") == []
    assert vntext.ner("") == []
    assert vntext.sent_tokenize("   ") == []
    # Lone surrogates cannot cross into Rust: a clear Python error, not a crash.
    with pytest.raises(UnicodeEncodeError):
        vntext.tokenize("a\ud800b")


def test_threads_share_the_engines():
    expected = vntext.ner(SEED)
    results = []

    def work():
        results.append(vntext.ner(SEED))

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [expected] * 8


def test_module_docstring_examples():
    failures, tried = doctest.testmod(vntext)
    assert tried >= 3 and failures == 0
