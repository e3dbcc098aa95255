"""The same analysis on Apache Spark: `mapPartitions` with one Pipeline per partition.

    presswatch spark run INPUT OUTPUT            # or: spark-submit ... -m presswatch spark run ...

INPUT is any path Spark can read holding `.jsonl`, `.parquet` or `.warc(.gz)` files.  Each input
file is read by the same reader the single-machine ingest uses, so the Analysis records are
identical.  OUTPUT gets one Parquet dataset per table of `presswatch.tables` (documents,
entities, mentions, quotes, events, techniques), partitioned by publication date, plus
`failures` (JSON lines).  `presswatch import-parquet OUTPUT --db FILE` loads them into SQLite.
"""

from __future__ import annotations

import io
import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from presswatch.ingest.files import ReadOptions, decode_text
from presswatch.ingest.jsonl import jsonl_documents
from presswatch.ingest.warc import warc_documents
from presswatch.records import Analysis, Document, Failure
from presswatch.tables import TABLES, rows

INTEGER_COLUMNS = {"start", "end", "content_start", "content_end", "cue_start", "cue_end", "speaker_start",
                   "speaker_end", "quad_class", "trigger_start", "trigger_end", "sentence_start", "sentence_end"}
FLOAT_COLUMNS = {"goldstein", "lat", "lon", "confidence"}
PARQUET_FIELDS = ("text", "title", "url", "outlet", "published", "language")


def spark_session(master: str | None = None, app_name: str = "presswatch"):
    """A SparkSession whose Python workers run this interpreter (PYSPARK_PYTHON).

    `master=None` keeps what spark-submit configured (or Spark's default, local[*]).
    """
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = (SparkSession.builder.appName(app_name).config("spark.ui.enabled", "false")
               .config("spark.sql.sources.partitionColumnTypeInference.enabled", "false"))
    if master:
        builder = builder.master(master)
    if master and master.startswith("local"):  # a local session talks to itself over loopback only
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        builder = builder.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
    return builder.getOrCreate()


def _local_path(uri: str) -> Path:
    return Path(uri[len("file:"):] if uri.startswith("file:") else uri)


def documents_from_file(uri: str, data: bytes, options: ReadOptions) -> Iterator[Document | Failure]:
    """Documents of one input file given as bytes, read exactly as `presswatch ingest` reads it."""
    path = _local_path(uri)
    name = path.name.lower()
    if name.endswith((".warc", ".warc.gz")):
        yield from warc_documents(io.BytesIO(data), path, options)
    elif name.endswith(".jsonl"):
        yield from jsonl_documents(decode_text(data, path), path, options)
    elif name.endswith(".parquet"):
        import pyarrow.parquet as pq

        table = pq.read_table(io.BytesIO(data), columns=None)
        for number, record in enumerate(table.to_pylist(), start=1):
            text = record.get("text")
            if isinstance(text, str) and text.strip():
                meta = {field: record.get(field) for field in PARQUET_FIELDS[1:]}
                yield Document.from_text(text, origin=f"{path}:{number}",
                                         **{k: (str(v) if v is not None else None) for k, v in meta.items()})
            else:
                yield Failure(f"{path}:{number}", "PWE104", f'[PWE104] {path}:{number}: "text" is missing or empty')


# One row layout for every table: the table's name, then the union of all tables' columns (the
# rows of each table fill their own), and `failure` for the inputs that could not be analyzed.
# Python builds these rows once; every table is then a JVM-side filter of one cached DataFrame.
TAGGED_COLUMNS = ("table", *dict.fromkeys(column for columns in TABLES.values() for column in columns), "failure")
_POSITION = {column: index for index, column in enumerate(TAGGED_COLUMNS)}


def _tagged(table: str, columns: Iterable[str], values: Iterable, published: str | None) -> tuple:
    row = [None] * len(TAGGED_COLUMNS)
    row[0] = table
    for column, value in zip(columns, values, strict=True):
        row[_POSITION[column]] = value
    row[_POSITION["published"]] = published
    return tuple(row)


def tagged_rows(result: Analysis | Failure) -> Iterator[tuple]:
    """The rows of every table for one result, in the `TAGGED_COLUMNS` layout."""
    if isinstance(result, Failure):
        yield _tagged("failures", ("failure",), (json.dumps({"failure": result.__dict__}),), None)
        return
    published = result.document.published
    for table, table_rows in rows(result).items():
        for values in table_rows:
            yield _tagged(table, TABLES[table], values, published)


def analyze_partition(files: Iterable[tuple[str, bytes]], model: str, options: ReadOptions) -> Iterator[tuple]:
    """Analyze every document of a partition's files with one Pipeline; emit `tagged_rows`."""
    from threadpoolctl import threadpool_limits

    from presswatch.pipeline import Pipeline

    threadpool_limits(1)  # one Spark task per core: its BLAS must not spread over the others
    pipeline = Pipeline(model=model, max_chars=options.max_chars)
    documents: list[Document] = []
    for uri, data in files:
        for item in documents_from_file(uri, data, options):
            if isinstance(item, Failure):
                yield from tagged_rows(item)
            else:
                documents.append(item)
    for result in pipeline.analyze_many(documents, on_error="skip"):
        yield from tagged_rows(result)


def _tagged_schema():
    from pyspark.sql.types import DoubleType, LongType, StringType, StructField, StructType

    def kind(column: str):
        return LongType() if column in INTEGER_COLUMNS else DoubleType() if column in FLOAT_COLUMNS else StringType()

    return StructType([StructField(column, kind(column), column != "table") for column in TAGGED_COLUMNS])


def run(input_path: str, output_path: str, spark=None, model: str | None = None, partitions: int | None = None,
        options: ReadOptions | None = None) -> dict[str, int]:
    """Analyze INPUT on Spark and write OUTPUT (Parquet per table + failures); return row counts."""
    from pyspark import StorageLevel

    from presswatch.nlp import DEFAULT_MODEL

    spark = spark or spark_session()
    options = options or ReadOptions()
    model = model or DEFAULT_MODEL
    context = spark.sparkContext
    files = context.binaryFiles(input_path, minPartitions=partitions or context.defaultParallelism)
    files = files.filter(lambda pair: pair[0].lower().endswith((".jsonl", ".parquet", ".warc", ".warc.gz")))
    if partitions:  # spread the files evenly (repartition's round-robin may stack a few files together)
        files = (files.zipWithIndex().map(lambda pair: (pair[1], pair[0]))
                 .partitionBy(partitions, lambda index: index % partitions).values())
    tagged = files.mapPartitions(lambda part: analyze_partition(part, model, options))
    frame = spark.createDataFrame(tagged, _tagged_schema()).persist(StorageLevel.MEMORY_AND_DISK)
    try:
        for table, columns in TABLES.items():
            columns = [c for c in columns if c != "published"] + ["published"]
            (frame.where(frame["table"] == table).select(*columns)
             .write.mode("overwrite").partitionBy("published").parquet(f"{output_path}/{table}"))
        frame.where(frame["table"] == "failures").select("failure").write.mode("overwrite").text(f"{output_path}/failures")
        counts = {row["table"]: row["count"] for row in frame.groupBy("table").count().collect()}
    finally:
        frame.unpersist()
    return {table: counts.get(table, 0) for table in (*TABLES, "failures")}


def read_analyses(output_path: str | Path) -> Iterator[Analysis]:
    """Every Analysis in a `spark run` output folder (reads Parquet with pyarrow; no Spark needed)."""
    import pyarrow.dataset as ds

    dataset = ds.dataset(Path(output_path) / "documents", format="parquet", partitioning="hive")
    for batch in dataset.to_batches(columns=["analysis"]):
        for value in batch.column("analysis").to_pylist():
            yield Analysis.from_json(value)
