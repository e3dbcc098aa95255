"""kill -9 in the middle of an ingest, twice, then a rerun: nothing lost, nothing duplicated."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from presswatch.store import Store

PRESSWATCH = [sys.executable, "-m", "presswatch"]


def stored_count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as connection:
            return connection.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def ingest(inputs: Path, db: Path) -> subprocess.Popen:
    return subprocess.Popen([*PRESSWATCH, "ingest", str(inputs), "--db", str(db), "--batch-size", "4"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


@pytest.mark.slow
@pytest.mark.issue(2)
def test_kill_and_rerun_loses_and_duplicates_nothing(tmp_path):
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    total = 60
    for number in range(total):
        (inputs / f"a{number:03d}.txt").write_text(
            f"Report {number}. Border guards of the two countries exchanged fire near village {number}. "
            f"The ministry said {number} people were evacuated on Tuesday.", encoding="utf-8")
    db = tmp_path / "store.db"
    for kill_after in (8, 24):
        process = ingest(inputs, db)
        deadline = time.monotonic() + 120
        while stored_count(db) < kill_after and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert process.poll() is None, process.stderr.read().decode()
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        assert 0 < stored_count(db) < total
        with Store(db, create=False) as store:
            assert store.check() == []
    finished = subprocess.run([*PRESSWATCH, "ingest", str(inputs), "--db", str(db)], capture_output=True, text=True)
    assert finished.returncode == 0, finished.stderr
    with Store(db, create=False) as store:
        assert store.check() == []
        assert store.stats().tables["documents"] == total
        texts = [row[0] for row in store.connection.execute("SELECT text FROM documents")]
    assert len(set(texts)) == total
    assert "skipped as duplicate" in finished.stderr
