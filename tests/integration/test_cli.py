"""The command line: analyze formats, ingest summary and exit codes, stats, check, search."""

from __future__ import annotations

import json

import pytest

from presswatch import cli
from presswatch.ingest import read_sources
from presswatch.records import Analysis, Document
from tests.conftest import EXAMPLES, FIXTURES

ARTICLES = FIXTURES / "articles"


pytestmark = pytest.mark.usefixtures("cli_uses_loaded_pipeline")


def test_analyze_json_prints_one_contract_object(runner):
    result = runner.invoke(cli.app, ["analyze", str(ARTICLES / "border_statement.txt"), "--format", "json"])
    assert result.exit_code == 0, result.output
    analysis = Analysis.from_json(result.stdout)
    assert analysis.document.outlet == "Example Wire"
    assert analysis.entities and analysis.sentences
    assert result.stderr == ""


def test_analyze_jsonl_one_line_per_document(runner):
    result = runner.invoke(cli.app, ["analyze", str(ARTICLES), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    expected = [item for item in read_sources([ARTICLES]) if isinstance(item, Document)]
    assert len(lines) == len(expected) >= 6  # txt, html, 2 jsonl lines, 2 feed entries at least
    assert [Analysis.from_json(line).document.id for line in lines] == [document.id for document in expected]
    assert all(Analysis.from_json(line).schema == "presswatch.analysis/1" for line in lines)


def test_analyze_text_report_and_published_option(runner, tmp_path):
    path = tmp_path / "note.txt"
    path.write_text("President Sadyr Japarov spoke with Emomali Rahmon by phone on Friday.", encoding="utf-8")
    result = runner.invoke(cli.app, ["analyze", str(path), "--published", "2022-09-16"])
    assert result.exit_code == 0, result.output
    assert "Entities" in result.stdout and "2022-09-16" in result.stdout


def test_bad_published_date_is_a_usage_error(runner):
    result = runner.invoke(cli.app, ["analyze", str(ARTICLES), "--published", "12/10/2022"])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.stderr


def test_analyze_reports_failures_on_stderr_and_exits_1(runner, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Talks resumed in Geneva.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = runner.invoke(cli.app, ["analyze", str(tmp_path), "--format", "jsonl"])
    assert result.exit_code == 1
    assert len(result.stdout.strip().splitlines()) == 1
    assert "PWE101" in result.stderr and "empty.txt" in result.stderr


def test_ingest_summary_rerun_and_exit_codes(runner, tmp_path):
    db = tmp_path / "store.db"
    first = runner.invoke(cli.app, ["ingest", str(EXAMPLES), "--db", str(db)])
    assert first.exit_code == 0, first.output
    stored = json.loads(runner.invoke(cli.app, ["stats", "--db", str(db), "--json"]).stdout)["tables"]["documents"]
    assert stored >= 25
    assert f"{stored} stored" in first.stderr
    again = runner.invoke(cli.app, ["ingest", str(EXAMPLES), "--db", str(db)])
    assert again.exit_code == 0
    assert "0 stored" in again.stderr and f"{stored} skipped as duplicate" in again.stderr
    (tmp_path / "broken.jsonl").write_text('{"text": "A new short report from the capital."}\n{oops\n', encoding="utf-8")
    mixed = runner.invoke(cli.app, ["ingest", str(tmp_path / "broken.jsonl"), "--db", str(db)])
    assert mixed.exit_code == 1
    assert "1 stored" in mixed.stderr and "1 failed" in mixed.stderr and "broken.jsonl:2" in mixed.stderr
    stats = json.loads(runner.invoke(cli.app, ["stats", "--db", str(db), "--json"]).stdout)
    assert stats["tables"]["documents"] == stored + 1
    assert stats["error_codes"] == [["PWE105", 1]]
    assert runner.invoke(cli.app, ["check", "--db", str(db)]).exit_code == 0
    hits = runner.invoke(cli.app, ["search", "ceasefire", "--db", str(db)])
    assert hits.exit_code == 0 and hits.stdout.strip()


def test_stats_on_missing_database_is_a_clear_error(runner, tmp_path):
    result = runner.invoke(cli.app, ["stats", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2 and "PWE904" in result.stderr


def test_every_command_has_help(runner):
    for command in ("analyze", "ingest", "stats", "check", "search"):
        result = runner.invoke(cli.app, [command, "--help"])
        assert result.exit_code == 0 and "Usage" in result.stdout


def test_eval_actors_text_prints_the_exact_sector_score_beside_the_set_one(runner, monkeypatch):
    part = {"n": 4, "country_accuracy": 1.0, "sector_n": 4, "sector_accuracy": 0.75, "sector_accuracy_gold_code": 0.625,
            "sector_accuracy_exact": 0.5, "joint_accuracy": 0.75}
    systems = {system: {role: part for role in ("source", "target", "all")} for system in ("actors", "baseline")}
    monkeypatch.setattr("presswatch.evaluate.actors.run", lambda data=None: {"plover_gsr_dev": {"records": 2, **systems}})
    result = runner.invoke(cli.app, ["eval", "actors"])
    assert result.exit_code == 0, result.output
    assert "sector=0.750 gold-code=0.625 exact=0.500 (n=4)" in result.stdout
