"""Spark local[2] gives exactly the single-machine analysis, record for record."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from presswatch import cli
from presswatch.batch import analyze_paths
from presswatch.ingest import read_sources
from presswatch.records import Analysis, Document
from presswatch.scale.spark import read_analyses, run, spark_session
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
