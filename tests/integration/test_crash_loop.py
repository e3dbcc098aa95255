"""kill -9 at random points of an ingest, again and again: after each kill the store passes
`presswatch check`, and the final rerun stores every article exactly once (issue 11).

The kill points come from a seeded random generator: some rounds are killed after a random
delay (while the model loads, while reading, or mid-transaction), others once a random number
of new documents is committed.  Change SEED to explore other schedules.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from presswatch import cli

PRESSWATCH = [sys.executable, "-m", "presswatch"]
SEED = 20221012
ROUNDS = 4


def stored(db: Path) -> tuple[int, int]:
    """(documents, distinct texts) committed so far; (0, 0) before the schema exists."""
    if not db.exists():
        return 0, 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as connection:
            return connection.execute("SELECT count(*), count(DISTINCT text) FROM documents").fetchone()
    except sqlite3.OperationalError:
        return 0, 0


def write_inputs(folder: Path) -> int:
    """30 text files and a 20-line JSONL file (plus 2 exact duplicates); returns the unique count."""
    folder.mkdir()
    for number in range(30):
        (folder / f"a{number:03d}.txt").write_text(
            f"Report {number}. Border guards exchanged fire near village {number} on Tuesday. "
            f"The ministry said {number} people were evacuated to Batken.", encoding="utf-8")
    (folder / "copy.txt").write_text((folder / "a007.txt").read_text(encoding="utf-8"), encoding="utf-8")
    lines = [json.dumps({"text": f"Dispatch {number}. Protesters gathered in Minsk on {number % 28 + 1} August, "
                                 "police said.", "published": "2020-08-30"}) for number in range(20)]
    lines.append(lines[3])
    (folder / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 50


def check_passes(db: Path) -> None:
    """`presswatch check --db` (in-process: the same command, without a second model-free startup)."""
    result = CliRunner().invoke(cli.app, ["check", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith("ok ")


@pytest.mark.slow
@pytest.mark.issue(11)
def test_repeated_kill_9_at_random_points(tmp_path):
    rng = random.Random(SEED)
    inputs = tmp_path / "inputs"
    unique = write_inputs(inputs)
    db = tmp_path / "store.db"
    command = [*PRESSWATCH, "ingest", str(inputs), "--db", str(db), "--batch-size", "3", "--workers", "1"]
    counts = []
    for _ in range(ROUNDS):
        before, _ = stored(db)
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if rng.random() < 0.4:
            deadline = time.monotonic() + rng.uniform(0.3, 6.0)
            target = unique + 1
        else:
            deadline = time.monotonic() + 90
            target = before + rng.randint(1, 9)
        while time.monotonic() < deadline and stored(db)[0] < target and process.poll() is None:
            time.sleep(0.02)
        finished = process.poll() is not None
        if not finished:
            os.kill(process.pid, signal.SIGKILL)
        process.wait()
        error_output = process.stderr.read().decode(errors="replace")
        assert finished is False or process.returncode == 0, error_output
        assert "Traceback" not in error_output
        if db.exists():
            check_passes(db)
        documents, texts = stored(db)
        assert documents == texts, "a document was stored twice"
        assert documents >= before
        counts.append(documents)
    assert any(count < unique for count in counts), f"every round finished before its kill ({counts})"
    final = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert final.returncode == 0, final.stderr
    check_passes(db)
    assert stored(db) == (unique, unique), counts
