"""A full disk and a read-only database give a clear PWE902 message and exit code 2, never a
traceback, and leave the store consistent (issue 11).

We run as root, so chmod cannot make a file read-only: the tests use `chattr +i` (immutable,
which root cannot write either) and SQLite's `PRAGMA max_page_count` for a full disk.
"""

from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path

import pytest

from presswatch import cli
from presswatch.errors import PresswatchError
from presswatch.records import Analysis, Document
from presswatch.store import Store
from presswatch.store.database import Store as DatabaseStore

pytestmark = pytest.mark.usefixtures("cli_uses_loaded_pipeline")


def write_articles(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        (folder / f"a{number:03d}.txt").write_text(
            f"Report {number}. Border guards exchanged fire near village {number}, the ministry said. "
            + "Witnesses described the shelling in detail. " * 20, encoding="utf-8")
    return folder


def assert_clear_failure(result, *needles: str) -> None:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "[PWE902]" in result.stderr, result.stderr
    for needle in needles:
        assert needle in result.stderr, result.stderr


def stored_count(db: Path) -> int:
    with Store(db, create=False) as store:
        assert store.check() == []
        return store.stats().tables["documents"]


@pytest.mark.issue(11)
def test_disk_full_is_a_clear_error_and_a_rerun_completes(runner, tmp_path, monkeypatch):
    inputs = write_articles(tmp_path / "in", 12)
    db = tmp_path / "store.db"
    prepare = DatabaseStore._prepare

    def prepare_on_a_small_disk(self, readonly):
        prepare(self, readonly)
        pages = self.connection.execute("PRAGMA page_count").fetchone()[0]
        self.connection.execute(f"PRAGMA max_page_count = {pages + 12}")  # a few batches fit, then full

    monkeypatch.setattr(DatabaseStore, "_prepare", prepare_on_a_small_disk)
    result = runner.invoke(cli.app, ["ingest", str(inputs), "--db", str(db), "--batch-size", "2"])
    assert_clear_failure(result, "database or disk is full")
    partial = stored_count(db)
    assert partial < 12  # whole batches only, and the store is consistent
    monkeypatch.setattr(DatabaseStore, "_prepare", prepare)  # space freed: the rerun finishes the job
    result = runner.invoke(cli.app, ["ingest", str(inputs), "--db", str(db), "--batch-size", "2"])
    assert result.exit_code == 0, result.output
    assert stored_count(db) == 12
    assert f"{partial} skipped as duplicate" in result.stderr


def chattr(flag: str, *paths: Path) -> None:
    subprocess.run(["chattr", flag, *map(str, paths)], check=True, capture_output=True)


@pytest.fixture
def immutable(tmp_path):
    """Make paths immutable with `chattr +i` (read-only even for root); undone after the test."""
    made: list[Path] = []

    def make(*paths: Path) -> None:
        try:
            chattr("+i", *paths)
        except (OSError, subprocess.CalledProcessError) as exc:
            pytest.skip(f"chattr +i is not available here ({exc})")
        made.extend(paths)

    yield make
    if made:
        chattr("-i", *made)


def stored_store(tmp_path: Path, runner) -> tuple[Path, Path]:
    inputs = write_articles(tmp_path / "in", 3)
    db = tmp_path / "db" / "store.db"
    db.parent.mkdir()
    result = runner.invoke(cli.app, ["ingest", str(inputs / "a000.txt"), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return inputs, db


@pytest.mark.issue(11)
def test_read_only_database_file(runner, tmp_path, immutable):
    inputs, db = stored_store(tmp_path, runner)
    immutable(db)
    result = runner.invoke(cli.app, ["ingest", str(inputs), "--db", str(db)])
    assert_clear_failure(result, "readonly database")
    stats = runner.invoke(cli.app, ["stats", "--db", str(db), "--json"])  # reading still works
    assert stats.exit_code == 0, stats.output


@pytest.mark.issue(11)
def test_read_only_folder_and_file(runner, tmp_path, immutable):
    inputs, db = stored_store(tmp_path, runner)
    for suffix in ("-wal", "-shm"):  # as after a clean shutdown: no WAL files left
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    immutable(db, db.parent)
    for command in (["ingest", str(inputs)], ["check"]):
        result = runner.invoke(cli.app, [*command, "--db", str(db)])
        assert_clear_failure(result)


@pytest.mark.issue(11)
def test_read_only_uri_refuses_writes_with_pwe902(tmp_path, runner):
    _, db = stored_store(tmp_path, runner)
    analysis = Analysis(document=Document.from_text("Another report."))
    with Store(db, create=False, readonly=True) as store, pytest.raises(PresswatchError) as caught:
        store.write_batch([analysis], [], None)
    assert caught.value.code == "PWE902" and "readonly" in str(caught.value)
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
