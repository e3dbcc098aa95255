"""Reprocessing with a newer pipeline replaces a document's records atomically (issue 8)."""

from __future__ import annotations

import copy
import dataclasses
import json

import pytest
from typer.testing import CliRunner

from presswatch import cli, monitor
from presswatch.batch import ingest_paths
from presswatch.records import Analysis, Document
from presswatch.store import Store
from tests.conftest import FIXTURES

ARTICLE = FIXTURES / "articles" / "border_statement.txt"


def newer(pipeline):
    """The same pipeline claiming a newer knowledge version."""
    upgraded = copy.copy(pipeline)
    upgraded.versions = {**pipeline.versions, "events/test": "9.9.9"}
    upgraded.pipeline = Analysis(Document.from_text(""), versions=upgraded.versions).pipeline
    return upgraded


@pytest.mark.issue(8)
def test_reprocess_replaces_only_documents_from_another_pipeline(pipeline, tmp_path):
    with Store(tmp_path / "s.db") as store:
        assert ingest_paths([ARTICLE], store, pipeline).stored == 1
        (document_id,) = store.known_ids([Document.from_text(ARTICLE.read_text(encoding="utf-8")).id])
        old_entities = store.stats().tables["entities"]
        assert ingest_paths([ARTICLE], store, pipeline, reprocess=True).skipped == 1  # same pipeline: skipped
        report = ingest_paths([ARTICLE], store, newer(pipeline), reprocess=True)
        assert (report.stored, report.skipped) == (1, 0)
        assert store.get_analysis(document_id).versions["events/test"] == "9.9.9"
        assert store.stats().tables["documents"] == 1 and store.stats().tables["entities"] == old_entities
        assert store.check() == []
        assert ingest_paths([ARTICLE], store, newer(pipeline)).skipped == 1  # without --reprocess: kept


def test_replace_is_atomic(tmp_path):
    from tests.unit.test_records import full_analysis

    analysis = full_analysis()
    with Store(tmp_path / "s.db") as store:
        store.write_batch([analysis], [], None)
        changed = dataclasses.replace(analysis, versions={"presswatch": "2"})
        with pytest.raises(AttributeError):
            store.write_batch([changed, "broken"], [], None, replace=True)  # type: ignore[list-item]
        assert store.get_analysis(analysis.document.id) == analysis  # rolled back: old records intact
        assert store.write_batch([changed], [], None, replace=True) == 1
        assert store.get_analysis(analysis.document.id).versions == {"presswatch": "2"}
        assert store.check() == []


def test_quotes_command_lists_speakers_and_their_quotes(pipeline, tmp_path):
    db = tmp_path / "s.db"
    with Store(db) as store:
        ingest_paths([ARTICLE], store, pipeline)
        monitor.refresh(store)  # as `presswatch ingest` does: the speaker list is kept by refresh
    runner = CliRunner()
    speakers = runner.invoke(cli.app, ["quotes", "--db", str(db), "--format", "json"])
    assert speakers.exit_code == 0, speakers.output
    names = [row["name"] for row in json.loads(speakers.stdout)]
    assert names
    quotes = runner.invoke(cli.app, ["quotes", "--db", str(db), "--speaker", names[0], "--format", "json"])
    assert quotes.exit_code == 0 and json.loads(quotes.stdout)
