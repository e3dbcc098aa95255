"""The Parquet writer of Spark tasks, without Spark: layout, failures, and retries without duplicates."""

from __future__ import annotations

import json

import pyarrow.dataset as ds

from presswatch.records import Document, Failure
from presswatch.scale.spark import PartitionWriter, read_analyses


def written(folder, table):
    return ds.dataset(folder / table, format="parquet", partitioning="hive").to_table().to_pylist()


def test_a_retried_task_overwrites_its_own_files(pipeline, tmp_path):
    documents = [Document.from_text("Protesters marched in Minsk on Sunday, and police detained dozens.",
                                    published="2020-08-16"),
                 Document.from_text("Armenia asked the CSTO for help after the shelling.", published="2022-09-13")]
    analyses = list(pipeline.analyze_many(documents))
    broken = Failure("in.jsonl:3", "PWE101", "[PWE101] in.jsonl:3: not JSON")
    for _attempt in range(2):  # the same task run twice, as Spark does after a lost executor
        writer = PartitionWriter(str(tmp_path), task=3)
        for result in (*analyses, broken):
            writer.add(result)
        writer.flush()
    assert sorted(a.document.id for a in read_analyses(tmp_path)) == sorted(d.id for d in documents)
    days = sorted(path.name for path in (tmp_path / "documents").iterdir())
    assert days == ["published=2020-08-16", "published=2022-09-13"]
    events = written(tmp_path, "events")
    assert len(events) == sum(len(a.events) for a in analyses) and writer.counts["events"] == len(events)
    (failure_file,) = (tmp_path / "failures").iterdir()
    assert [json.loads(line)["failure"]["code"] for line in failure_file.read_text().splitlines()] == ["PWE101"]
