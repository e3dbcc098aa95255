"""Several analysis processes give exactly what one process gives, in the same order."""

from __future__ import annotations

import pytest

from presswatch.batch import analyze_paths, ingest_paths
from presswatch.records import Document
from presswatch.store import Store
from presswatch.workers import WorkerPool
from tests.conftest import EXAMPLES


@pytest.mark.slow
def test_worker_pool_matches_single_process(pipeline, tmp_path):
    single = [result.to_json() for result in analyze_paths([EXAMPLES], pipeline)]
    with WorkerPool(2, model=pipeline.model, max_chars=1_000_000, batch_size=4) as pool:
        pooled = [result.to_json() for result in analyze_paths([EXAMPLES], pool)]
        report = ingest_paths([EXAMPLES], Store(tmp_path / "s.db"), pool, batch_size=5)
        documents = [Document.from_text(f"Report number {n} from the capital.") for n in range(9)]
        sizes = [1, 0, 3, 1, 2, 2]  # batches smaller than a piece, an empty one, several in flight
        cuts = [sum(sizes[:n]) for n in range(len(sizes) + 1)]
        returned = list(pool.analyze_batches((n, documents[cuts[n]:cuts[n + 1]]) for n in range(len(sizes))))
    assert pooled == single
    assert [key for key, _ in returned] == list(range(len(sizes)))
    assert [[analysis.document.id for analysis in results] for _, results in returned] == [
        [document.id for document in documents[cuts[n]:cuts[n + 1]]] for n in range(len(sizes))]
    assert report.stored == len(single) and report.failed == 0


@pytest.mark.issue(10)
def test_a_worker_that_cannot_load_reports_instead_of_respawning(tmp_path):
    from presswatch.errors import PresswatchError

    with pytest.raises(PresswatchError) as info:
        WorkerPool(1, model=str(tmp_path), max_chars=1_000_000)  # a folder that is no spaCy model
    assert info.value.code == "PWE204"


def test_no_more_workers_than_inputs_can_use(tmp_path):
    from presswatch.cli import useful_workers

    (tmp_path / "one.txt").write_text("A.", encoding="utf-8")
    assert useful_workers([tmp_path / "one.txt"], 4) == 1
    (tmp_path / "two.html").write_text("<p>B</p>", encoding="utf-8")
    assert useful_workers([tmp_path], 4) == 2
    (tmp_path / "many.jsonl").write_text('{"text": "C"}\n', encoding="utf-8")
    assert useful_workers([tmp_path], 4) == 4
