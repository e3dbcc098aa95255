"""Dashboard pages and API answers on a large store (default: the 100,000-article store of
benchmarks/monitor_store.py, built first if missing).

    .venv/bin/python benchmarks/web_pages.py [--db /tmp/presswatch-bench-monitor.db]

Requests go through FastAPI's in-process test client, so the time is the server's work
(routing, queries, templates) without the network.  Median of 5 after a warm-up; the baseline
measured in the same run is the static stylesheet.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from fastapi.testclient import TestClient
from monitor_store import build  # same folder

from presswatch.store import Store
from presswatch.web.app import make_app

PATHS = (
    "/static/style.css", "/", "/?watchlist=all", "/events", "/events?country=ARM", "/events?dyad=ARM-AZE&type=ASSAULT",
    "/events?watchlist=CIS", "/events?outlet=Outlet%203", "/events?status=negated", "/events?watchlist=CIS&type=ASSAULT",
    "/articles", "/articles?q=event3", "/speakers", "/analyze",
    "/api/v1/overview", "/api/v1/documents", "/api/v1/clusters?country=KAZ", "/api/v1/clusters?watchlist=CIS", "/api/v1/series?watchlist=CIS",
    "/api/v1/series?type=ASSAULT", "/api/v1/series?outlet=Outlet%203&by=dyad", "/api/v1/contested?watchlist=CIS&type=ASSAULT",
    "/api/v1/alerts", "/api/v1/contested", "/api/v1/quotes?speaker=Speaker%207", "/api/v1/speakers",
    "/api/v1/outlets", "/api/v1/techniques", "/api/v1/narratives",
)


def timed(client: TestClient, path: str, runs: int = 5) -> tuple[float, int]:
    status = client.get(path).status_code
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        client.get(path)
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples), status


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, default=Path("/tmp/presswatch-bench-monitor.db"))
    parser.add_argument("--mentions", type=int, default=1_000_000, help="when building: 10 per article")
    args = parser.parse_args()
    if not args.db.exists():
        build(args.db, args.mentions)
    with Store(args.db, create=False, readonly=True) as store:
        one_document = store.connection.execute("SELECT id FROM documents LIMIT 1").fetchone()[0]
        one_cluster = store.connection.execute("SELECT id FROM clusters LIMIT 1").fetchone()[0]
        articles = store.connection.execute("SELECT count(*) FROM documents").fetchone()[0]
    client = TestClient(make_app(args.db))
    paths = (*PATHS, f"/articles/{one_document}", f"/events/{one_cluster}", "/speakers/Speaker%207",
             f"/api/v1/documents/{one_document}", f"/api/v1/clusters/{one_cluster}")
    print(f"{articles:,} articles in {args.db}")
    print(f"{'path':<45}{'status':>7}{'median ms':>11}{'vs css':>9}")
    baseline = None
    for path in paths:
        milliseconds, status = timed(client, path)
        baseline = baseline or milliseconds
        print(f"{path:<45}{status:>7}{milliseconds:>11.1f}{milliseconds / baseline:>9.1f}x")


if __name__ == "__main__":
    main()
