"""The monitor on the example corpus: alerts for the real escalations, contested views, exports."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from presswatch import cli, monitor
from presswatch.batch import ingest_paths
from presswatch.store import Store
from tests.conftest import EXAMPLES


@pytest.fixture(scope="module")
def corpus_db(pipeline, tmp_path_factory):
    path = tmp_path_factory.mktemp("monitor") / "corpus.db"
    with Store(path) as store:
        ingest_paths([EXAMPLES], store, pipeline)
        assert monitor.refresh(store) > 0
    return path


def run(*args):
    return CliRunner().invoke(cli.app, [str(arg) for arg in args])


def test_alerts_fire_for_the_september_2022_border_wars(corpus_db):
    result = run("alerts", "--db", corpus_db, "--format", "json")
    assert result.exit_code == 0, result.output
    fired = {(alert["key"], alert["period"][:7]) for alert in json.loads(result.stdout)}
    assert {("ARM", "2022-09"), ("AZE", "2022-09")} & fired
    assert {("KGZ", "2022-09"), ("TJK", "2022-09")} & fired
    weekly = json.loads(run("alerts", "--db", corpus_db, "--weekly", "--format", "json").stdout)
    assert all(alert["evidence"] for alert in weekly)


def test_stored_mentions_carry_the_sentences_dedup_reads(corpus_db):
    from presswatch.store.monitoring import event_mentions

    with Store(corpus_db) as store:
        mentions = event_mentions(store)
    protests = [m for m in mentions if m.type == "PROTEST"]
    assert protests and all(m.sentence for m in protests)  # renewal cues: "a second night of protests"
    assert any(m.renewed for m in protests)
    assert all(m.sentence is None for m in mentions if m.quad_class in (1, 2))


def test_events_are_deduplicated_and_filterable(corpus_db):
    data = json.loads(run("events", "--db", corpus_db, "--dyad", "ARM-AZE", "--format", "json", "--limit", "500").stdout)
    assert data["total"] == len(data["events"]) > 0
    assert all({"ARM", "AZE"} == {event["source_country"], event["target_country"]} for event in data["events"])
    assert any(event["articles"] > 1 for event in data["events"])
    page = json.loads(run("events", "--db", corpus_db, "--limit", "2", "--offset", "2", "--format", "json").stdout)
    assert len(page["events"]) == 2 and page["offset"] == 2


def test_contested_views_show_both_sides(corpus_db):
    claims = json.loads(run("contested", "--db", corpus_db, "--format", "json").stdout)
    assert claims
    for claim in claims:
        assert len(claim["sides"]) == 2 and all(side["mentions"] for side in claim["sides"])
    text = run("contested", "--db", corpus_db)
    assert text.exit_code == 0 and "contested" in text.stdout


def test_exports(corpus_db, tmp_path):
    events_csv = run("export", "events", "--db", corpus_db, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(events_csv.stdout)))
    assert rows and {"document_id", "type", "cameo", "trigger_start"} <= set(rows[0])
    target = tmp_path / "gdelt.parquet"
    assert run("export", "gdelt", "--db", corpus_db, "--format", "parquet", "--output", target).exit_code == 0
    table = pq.read_table(target)
    assert table.num_rows > 0 and "GLOBALEVENTID" in table.column_names
    analyses = run("export", "analyses", "--db", corpus_db)
    assert all(json.loads(line)["schema"] == "presswatch.analysis/1" for line in analyses.stdout.splitlines())
    assert run("export", "analyses", "--db", corpus_db, "--format", "csv").exit_code == 2


@pytest.mark.parametrize("args, message", [
    (("events", "--dyad", "ARM"), "not a dyad"),
    (("events", "--since", "yesterday"), "YYYY-MM-DD"),
    (("alerts", "--watchlist", "Atlantis"), "PWE801"),
    (("alerts", "--metric", "tone"), "choose one of"),
])
def test_bad_filters_are_usage_errors(corpus_db, args, message):
    result = run(*args, "--db", corpus_db)
    assert result.exit_code == 2
    assert message in result.output


def test_narratives_and_refresh_commands(corpus_db):
    assert run("narratives", "--db", corpus_db, "--format", "json").exit_code == 0
    result = run("refresh", "--db", corpus_db)
    assert result.exit_code == 0 and "events" in result.output
