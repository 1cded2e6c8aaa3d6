"""Runs vntext over a corpus with PySpark and writes words and entities as Parquet.

    python examples/spark_pipeline.py INPUT OUTPUT [--master local[*]] [--partitions N]

INPUT is a text file or a folder of them; every non-empty line is a document (a paragraph, a
news item...). OUTPUT gets two Parquet datasets:

- ``OUTPUT/words``: ``doc_id``, ``text``, ``words`` (the syllables of each word joined by ``_``,
  words separated by spaces, as underthesea's ``word_tokenize(format="text")``);
- ``OUTPUT/entities``: ``doc_id``, ``text``, ``kind``, ``start``, ``end`` (string indices in the
  document), ``record``.

The engines are built once per Python worker (vntext builds its built-in engines on first use
and keeps them for the life of the process; Spark reuses its Python workers), and each Arrow
batch goes to Rust in one ``*_batch`` call, which releases the GIL and uses the worker's cores.
"""

import argparse
import os
import sys

from pyspark.sql import SparkSession
from pyspark.sql import functions as F
from pyspark.sql.types import IntegerType, LongType, StringType, StructField, StructType

WORDS = StructType(
    [
        StructField("doc_id", LongType(), False),
        StructField("text", StringType(), False),
        StructField("words", StringType(), False),
    ]
)
ENTITIES = StructType(
    [
        StructField("doc_id", LongType(), False),
        StructField("text", StringType(), False),
        StructField("kind", StringType(), False),
        StructField("start", IntegerType(), False),
        StructField("end", IntegerType(), False),
        StructField("record", StringType(), True),
    ]
)


def words_of(batches):
    import pandas as pd
    import vntext

    for df in batches:
        yield pd.DataFrame(
            {
                "doc_id": df["doc_id"],
                "text": df["text"],
                "words": vntext.word_tokenize_batch(df["text"].tolist(), format="text"),
            }
        )


def entities_of(batches):
    import pandas as pd
    import vntext

    for df in batches:
        rows = []
        for doc_id, entities in zip(df["doc_id"].tolist(), vntext.ner_batch(df["text"].tolist())):
            for e in entities:
                if not e.nested:
                    rows.append((doc_id, e.text, e.kind, e.start, e.end, e.record))
        yield pd.DataFrame(rows, columns=["doc_id", "text", "kind", "start", "end", "record"]).astype(
            {"doc_id": "int64", "start": "int32", "end": "int32"}
        )


def run(spark, source, target, partitions):
    docs = (
        spark.read.text(source)
        .where(F.length(F.trim("value")) > 0)
        .select(F.monotonically_increasing_id().alias("doc_id"), F.col("value").alias("text"))
        .repartition(partitions)
    )
    docs.mapInPandas(words_of, WORDS).write.mode("overwrite").parquet(f"{target}/words")
    docs.mapInPandas(entities_of, ENTITIES).write.mode("overwrite").parquet(f"{target}/entities")


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("input")
    ap.add_argument("output")
    ap.add_argument("--master", default="local[*]")
    ap.add_argument("--partitions", type=int, default=4)
    args = ap.parse_args(argv)
    # Spark's Python workers run this interpreter (the one that has vntext), not `python3` on PATH.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = (
        SparkSession.builder.master(args.master)
        .appName("vntext")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "2000")
        .getOrCreate()
    )
    try:
        run(spark, args.input, args.output, args.partitions)
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
