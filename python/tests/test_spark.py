"""The Spark example in local mode on a small corpus: its Parquet output equals direct calls."""

import os
import subprocess
import sys

import pytest

pyspark = pytest.importorskip("pyspark", reason="PySpark is not installed (pip install pyspark pandas pyarrow)")
pd = pytest.importorskip("pandas")

import vntext  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLE = os.path.join(HERE, "..", "examples", "spark_pipeline.py")
SAMPLE = os.path.join(HERE, "..", "..", "examples", "data", "sample.txt")


def test_spark_pipeline_writes_words_and_entities(tmp_path):
    out = tmp_path / "out"
    subprocess.run(
        [sys.executable, EXAMPLE, SAMPLE, str(out), "--master", "local[2]", "--partitions", "2"],
        check=True,
        timeout=600,
    )
    words = pd.read_parquet(out / "words").sort_values("doc_id")
    entities = pd.read_parquet(out / "entities")
    lines = [l for l in open(SAMPLE, encoding="utf-8").read().splitlines() if l.strip()]
    assert sorted(words["text"]) == sorted(lines)
    for text, got in zip(words["text"], words["words"]):
        assert got == vntext.word_tokenize(text, format="text")
    expected = sorted(
        (e.text, e.kind, e.start, e.end) for line in lines for e in vntext.ner(line) if not e.nested
    )
    assert expected, "the sample has entities"
    got = sorted(zip(entities["text"], entities["kind"], entities["start"], entities["end"]))
    assert got == expected
