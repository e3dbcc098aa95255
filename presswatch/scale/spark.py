"""The same analysis on Apache Spark: `mapPartitions` with one Pipeline per Python worker.

    presswatch spark run INPUT OUTPUT            # or: spark-submit ... -m presswatch spark run ...

INPUT is any path Spark can read holding `.jsonl`, `.parquet` or `.warc(.gz)` files.  Each input
file is read by the same reader the single-machine ingest uses, so the Analysis records are
identical.  OUTPUT gets one Parquet dataset per table of `presswatch.tables` (documents,
entities, mentions, quotes, events, techniques), partitioned by publication date, plus
`failures` (JSON lines).  Each task writes its own rows with pyarrow (`PartitionWriter`): the
rows never travel through the JVM, which only schedules the tasks.  OUTPUT must be a folder every
executor can write (a shared mount) or a URI pyarrow writes (s3://, gs://, hdfs:// with libhdfs).  `presswatch import-parquet OUTPUT --db FILE` loads them into SQLite.
"""

from __future__ import annotations

import io
import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from presswatch.ingest.files import ReadOptions, decode_text
from presswatch.ingest.jsonl import jsonl_documents
from presswatch.ingest.warc import warc_documents
from presswatch.records import Analysis, Document, Failure
from presswatch.tables import TABLES, rows

if TYPE_CHECKING:
    from presswatch.pipeline import Pipeline

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


_PIPELINES: dict[tuple[str, int], Pipeline] = {}  # this Python worker's pipelines, kept across its tasks
CHUNK_DOCUMENTS = 256  # a task writes its rows every this many documents, bounding its memory


def _arrow_schema(columns: Iterable[str]):
    import pyarrow as pa

    return pa.schema([(c, pa.int64() if c in INTEGER_COLUMNS else pa.float64() if c in FLOAT_COLUMNS else pa.string())
                      for c in columns])


def _filesystem(output_path: str):
    """(pyarrow filesystem, path in it) for a local folder or any URI pyarrow reads (hdfs://, s3://)."""
    from pyarrow import fs

    if "://" in output_path and not output_path.startswith("file://"):
        return fs.FileSystem.from_uri(output_path)
    return fs.LocalFileSystem(), str(_local_path(output_path).resolve())


class PartitionWriter:
    """Writes one Spark task's rows as Parquet, straight from Python with pyarrow.

    Each table's rows go to `OUTPUT/<table>/published=<day>/part-<task>-<chunk>-0.parquet` (the
    hive layout Spark's own writer makes); failures to `OUTPUT/failures/part-<task>-<chunk>.jsonl`.
    The names depend only on the task and the chunk, so a retried task overwrites its own files
    and never duplicates rows.  Rows cross no Python-to-JVM boundary: the JVM only schedules.
    """

    def __init__(self, output_path: str, task: int) -> None:
        self.filesystem, self.root = _filesystem(output_path)
        self.task, self.chunk = task, 0
        self.counts = dict.fromkeys((*TABLES, "failures"), 0)
        self._clear()

    def _clear(self) -> None:
        self.rows: dict[str, list[tuple]] = {table: [] for table in TABLES}
        self.failures: list[str] = []

    def add(self, result: Analysis | Failure) -> None:
        """Keep the rows of one result until the next `flush`."""
        if isinstance(result, Failure):
            self.failures.append(json.dumps({"failure": result.__dict__}))
            return
        for table, table_rows in rows(result).items():
            self.rows[table].extend((*values, result.document.published) for values in table_rows)

    def flush(self) -> None:
        """Write the kept rows (one file per table and day) and forget them."""
        import pyarrow as pa
        import pyarrow.dataset as ds

        for table, table_rows in self.rows.items():
            if not table_rows:
                continue
            columns = [*(c for c in TABLES[table] if c != "published"), "published"]
            order = [TABLES[table].index(c) if c != "published" else len(TABLES[table]) for c in columns]
            data = pa.Table.from_pylist([dict(zip(columns, (row[k] for k in order), strict=True)) for row in table_rows],
                                        schema=_arrow_schema(columns))
            ds.write_dataset(data, f"{self.root}/{table}", filesystem=self.filesystem, format="parquet",
                             partitioning=ds.partitioning(_arrow_schema(["published"]), flavor="hive"),
                             basename_template=f"part-{self.task:05d}-{self.chunk:04d}-{{i}}.parquet",
                             existing_data_behavior="overwrite_or_ignore")
            self.counts[table] += len(table_rows)
        if self.failures:
            self.filesystem.create_dir(f"{self.root}/failures")
            with self.filesystem.open_output_stream(f"{self.root}/failures/part-{self.task:05d}-{self.chunk:04d}.jsonl") as out:
                out.write("".join(line + "\n" for line in self.failures).encode("utf-8"))
            self.counts["failures"] += len(self.failures)
        self.chunk += 1
        self._clear()


def analyze_partition(task: int, files: Iterable[tuple[str, bytes]], model: str, options: ReadOptions,
                      output_path: str) -> Iterator[tuple[str, int]]:
    """Analyze every document of a partition's files with the worker's Pipeline, write them; yield row counts."""
    from threadpoolctl import threadpool_limits

    from presswatch.pipeline import Pipeline

    threadpool_limits(1)  # one Spark task per core: its BLAS must not spread over the others
    key = (model, options.max_chars)
    if key not in _PIPELINES:  # Spark reuses its Python workers (spark.python.worker.reuse): load once per worker
        _PIPELINES[key] = Pipeline(model=model, max_chars=options.max_chars)
    pipeline = _PIPELINES[key]
    writer = PartitionWriter(output_path, task)
    documents: list[Document] = []
    for uri, data in files:
        for item in documents_from_file(uri, data, options):
            if isinstance(item, Failure):
                writer.add(item)
            else:
                documents.append(item)
    for start in range(0, len(documents), CHUNK_DOCUMENTS):
        for result in pipeline.analyze_many(documents[start:start + CHUNK_DOCUMENTS], on_error="skip"):
            writer.add(result)
        writer.flush()
    writer.flush()
    yield from writer.counts.items()


def run(input_path: str, output_path: str, spark=None, model: str | None = None, partitions: int | None = None,
        options: ReadOptions | None = None) -> dict[str, int]:
    """Analyze INPUT on Spark and write OUTPUT (Parquet per table + failures); return row counts.

    An existing OUTPUT's tables are replaced.  A table no document has rows for gets one empty
    Parquet file with its columns, so Spark and pyarrow can still read it.
    """
    from presswatch.nlp import DEFAULT_MODEL

    spark = spark or spark_session()
    options = options or ReadOptions()
    model = model or DEFAULT_MODEL
    context = spark.sparkContext
    filesystem, root = _filesystem(output_path)
    for table in (*TABLES, "failures"):
        if filesystem.get_file_info(f"{root}/{table}").type.name != "NotFound":
            filesystem.delete_dir(f"{root}/{table}")
    files = context.binaryFiles(input_path, minPartitions=partitions or context.defaultParallelism)
    files = files.filter(lambda pair: pair[0].lower().endswith((".jsonl", ".parquet", ".warc", ".warc.gz")))
    if partitions:  # spread the files evenly (repartition's round-robin may stack a few files together)
        files = (files.zipWithIndex().map(lambda pair: (pair[1], pair[0]))
                 .partitionBy(partitions, lambda index: index % partitions).values())
    counts = dict.fromkeys((*TABLES, "failures"), 0)
    for table, count in files.mapPartitionsWithIndex(
            lambda task, part: analyze_partition(task, part, model, options, output_path)).collect():
        counts[table] += count
    import pyarrow.parquet as pq

    for table, columns in TABLES.items():
        if not counts[table]:
            filesystem.create_dir(f"{root}/{table}")
            empty = _arrow_schema([*(c for c in columns if c != "published"), "published"]).empty_table()
            pq.write_table(empty, f"{root}/{table}/empty.parquet", filesystem=filesystem)
    with filesystem.open_output_stream(f"{root}/_SUCCESS"):
        pass
    return counts


def read_analyses(output_path: str | Path) -> Iterator[Analysis]:
    """Every Analysis in a `spark run` output folder (reads Parquet with pyarrow; no Spark needed)."""
    import pyarrow.dataset as ds

    dataset = ds.dataset(Path(output_path) / "documents", format="parquet", partitioning="hive")
    for batch in dataset.to_batches(columns=["analysis"]):
        for value in batch.column("analysis").to_pylist():
            yield Analysis.from_json(value)
