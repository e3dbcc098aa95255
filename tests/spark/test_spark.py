"""Spark local[2] gives exactly the single-machine analysis, record for record."""

from __future__ import annotations

import json

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from presswatch import cli, monitor
from presswatch.batch import analyze_paths
from presswatch.ingest import read_sources
from presswatch.records import Analysis, Document
from presswatch.scale.spark import read_analyses, run, spark_session
from presswatch.scale.spark_monitor import build_monitor
from presswatch.store import Store
from tests.conftest import EXAMPLES

pytestmark = [pytest.mark.spark, pytest.mark.slow]


@pytest.fixture(scope="module")
def spark():
    session = spark_session("local[2]", "presswatch-tests")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    """The example corpus as three JSONL files, plus one broken line."""
    folder = tmp_path_factory.mktemp("spark-in")
    documents = [item for item in read_sources([EXAMPLES]) if isinstance(item, Document)]
    for part in range(3):
        with (folder / f"part{part}.jsonl").open("w", encoding="utf-8") as stream:
            for document in documents[part::3]:
                fields = ("text", "title", "url", "outlet", "published", "language")
                stream.write(json.dumps({name: getattr(document, name) for name in fields}) + "\n")
            if part == 1:
                stream.write("{not json\n")
    return folder


def test_spark_output_equals_single_machine_analysis(spark, pipeline, inputs, tmp_path):
    counts = run(str(inputs), str(tmp_path / "out"), spark=spark, partitions=2)
    expected = {a.document.id: a for a in analyze_paths([inputs], pipeline) if isinstance(a, Analysis)}
    produced = {a.document.id: a for a in read_analyses(tmp_path / "out")}
    assert produced == expected
    assert counts["documents"] == len(expected) and counts["failures"] == 1
    assert counts["events"] == sum(len(a.events) for a in expected.values())
    published = sorted(p.name for p in (tmp_path / "out" / "events").glob("published=*"))
    assert published and all(name.startswith("published=20") for name in published)

    db = tmp_path / "store.db"
    result = CliRunner().invoke(cli.app, ["import-parquet", str(tmp_path / "out"), "--db", str(db)])
    assert result.exit_code == 0, result.output
    with Store(db, create=False) as store:
        assert store.stats().tables["documents"] == len(expected)
        assert store.check() == []
        assert all(store.get_analysis(doc_id) == analysis for doc_id, analysis in expected.items())

        # the second step: clusters and series on Spark equal the SQLite monitor's
        monitor.refresh(store)
        counts = build_monitor(str(tmp_path / "out"), spark=spark)
        local_clusters = {c.id: sorted(m.key for m in c.mentions) for c in monitor.clusters(store, limit=None)}
        local_series = {(by, freq, p.key, p.period): (p.events, p.quad_class, p.intensity, p.protests, p.violence)
                        for by in ("country", "dyad") for freq in ("day", "week")
                        for p in monitor.series(store, by, freq)}
    spark_clusters = {row["id"]: sorted(row["mentions"]) for row in pq.read_table(tmp_path / "out" / "clusters").to_pylist()}
    assert spark_clusters == local_clusters and counts["clusters"] == len(local_clusters)
    spark_series = {(r["by"], r["frequency"], r["key"], r["period"]):
                    (r["events"], (r["q1"], r["q2"], r["q3"], r["q4"]), r["intensity"], r["protests"], r["violence"])
                    for r in pq.read_table(tmp_path / "out" / "series").to_pylist()}
    assert spark_series.keys() == local_series.keys()
    for key, (events, quads, intensity, protests, violence) in local_series.items():
        assert spark_series[key][:2] == (events, quads) and spark_series[key][3:] == (protests, violence)
        assert spark_series[key][2] == pytest.approx(intensity, abs=0.011)
