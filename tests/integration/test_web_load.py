"""A bounded load test: clients on loopback while an ingest writes to the same store (issue 11).

The full run (50 clients, 60 s) is `benchmarks/load_test.py`; this one is small enough for CI.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import FIXTURES, REPO

sys.path.insert(0, str(REPO / "benchmarks"))
from load_test import presswatch, run_load, start_server, write_articles  # noqa: E402


@pytest.mark.slow
@pytest.mark.issue(11)
def test_dashboard_under_load_while_ingest_writes(tmp_path):
    db = tmp_path / "load.db"
    subprocess.run(presswatch("ingest", str(FIXTURES / "articles"), "--db", str(db), "--workers", "1"),
                   check=True, capture_output=True, timeout=300)
    write_articles(tmp_path / "incoming", 60)
    server, base = start_server(db, "--rate-limit", "0")  # every client is 127.0.0.1
    ingest = subprocess.Popen(presswatch("ingest", str(tmp_path / "incoming"), "--db", str(db), "--workers", "1",
                                         "--batch-size", "4"), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        report = run_load(base, clients=8, seconds=8, max_requests=5_000)
    finally:
        for process in (ingest, server):
            process.terminate()
            process.wait(timeout=30)
    assert report["errors"] == 0, report["error_samples"]
    assert report["requests"] >= 40
    assert report["p99_ms"] < 5_000  # generous: two shared cores, an ingest and eight clients
