"""Load on the dashboard and API while an ingest writes to the same database (loopback only).

    .venv/bin/python benchmarks/load_test.py [--clients 50] [--seconds 60] [--articles 400]

Builds a store from the example corpus, starts the real `presswatch serve` on a free port of
127.0.0.1, starts `presswatch ingest` of `--articles` generated articles into the same database,
and runs `--clients` concurrent clients for `--seconds` (bounded: also at most `--max-requests`
requests in all), each cycling through pages and API calls.  Prints requests/s, p50/p95/p99 and
max latency, and every error (status >= 500 or a failed connection).  Everything stops by
itself; the server and the ingest are always terminated.
"""

from __future__ import annotations

import argparse
import itertools
import json
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
PATHS = ("/", "/events", "/events?country=ARM", "/articles", "/speakers", "/api/v1/overview",
         "/api/v1/clusters?limit=20", "/api/v1/series?watchlist=CIS&limit=50", "/api/v1/alerts",
         "/api/v1/contested", "/api/v1/documents?limit=10", "/api/v1/speakers", "/articles?q=ceasefire")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def presswatch(*args: str) -> list[str]:
    return [sys.executable, "-m", "presswatch", *args]


def start_server(db: Path, *options: str) -> tuple[subprocess.Popen, str]:
    """`presswatch serve` on a free loopback port, answering; (process, base URL)."""
    port = free_port()
    process = subprocess.Popen(presswatch("serve", "--db", str(db), "--port", str(port), *options),
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(process.stderr.read().decode(errors="replace"))
        try:
            if httpx.get(base + "/api/v1/documents?limit=1", timeout=2).status_code == 200:
                return process, base
        except httpx.HTTPError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("presswatch serve did not answer within 60 s")


def write_articles(folder: Path, count: int) -> None:
    """Short generated wire reports (distinct texts) for the concurrent ingest."""
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "load.jsonl").open("w", encoding="utf-8") as stream:
        for number in range(count):
            stream.write(json.dumps({
                "text": f"Report {number}. Kyrgyz and Tajik border guards exchanged fire near village {number} "
                        f"on Tuesday, the border service said. Officials in Bishkek accused Dushanbe of "
                        f"provoking the clash.", "published": "2022-09-16", "outlet": f"Load Wire {number % 7}"}) + "\n")


def run_load(base: str, clients: int, seconds: float, max_requests: int = 200_000) -> dict:
    """Hammer `base` with `clients` threads for `seconds`; latencies in ms and errors."""
    latencies: list[float] = []
    by_path: dict[str, list[float]] = {path: [] for path in PATHS}
    slowest: list[tuple[float, float, str]] = []  # (ms, seconds into the run, path)
    errors: list[str] = []
    issued = itertools.count()
    lock = threading.Lock()
    deadline = time.monotonic() + seconds
    began = time.perf_counter()

    def client(offset: int) -> None:
        with httpx.Client(base_url=base, timeout=30) as session:
            for step in itertools.count(offset):
                if time.monotonic() >= deadline or next(issued) >= max_requests:
                    return
                path = PATHS[step % len(PATHS)]
                started = time.perf_counter()
                try:
                    status = session.get(path).status_code
                    problem = f"{path}: HTTP {status}" if status >= 500 else None
                except httpx.HTTPError as exc:
                    problem = f"{path}: {type(exc).__name__}: {exc}"
                elapsed = (time.perf_counter() - started) * 1000
                with lock:
                    latencies.append(elapsed)
                    by_path[path].append(elapsed)
                    slowest.append((round(elapsed, 1), round(started - began, 1), path))
                    slowest[:] = sorted(slowest, reverse=True)[:5]
                    if problem:
                        errors.append(problem)

    started = time.monotonic()
    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.monotonic() - started
    ordered = sorted(latencies) or [0.0]
    return {"clients": clients, "seconds": round(wall, 1), "requests": len(latencies),
            "requests_per_s": round(len(latencies) / wall, 1), "errors": len(errors), "error_samples": errors[:5],
            "p50_ms": percentile(ordered, 0.50), "p95_ms": percentile(ordered, 0.95),
            "p99_ms": percentile(ordered, 0.99), "max_ms": round(ordered[-1], 1),
            "mean_ms": round(statistics.fmean(ordered), 1), "slowest": slowest,
            "by_path": {path: {"requests": len(values), "p50_ms": percentile(sorted(values), 0.5),
                               "p99_ms": percentile(sorted(values), 0.99)}
                        for path, values in by_path.items() if values}}


def percentile(ordered: list[float], share: float) -> float:
    """The `share` quantile of an ascending list (nearest rank below), 0.0 when empty."""
    return round(ordered[min(len(ordered) - 1, int(share * len(ordered)))], 1) if ordered else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--articles", type=int, default=400, help="written by the concurrent ingest")
    parser.add_argument("--max-requests", type=int, default=200_000)
    parser.add_argument("--threads", type=int, default=4, help="the server's `serve --threads`")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "load.db"
        subprocess.run(presswatch("ingest", str(REPO / "examples" / "articles"), "--db", str(db), "--workers", "1"),
                       check=True, capture_output=True)
        write_articles(Path(folder) / "incoming", args.articles)
        server, base = start_server(db, "--threads", str(args.threads), "--rate-limit", "0")  # one IP for all
        ingest = subprocess.Popen(presswatch("ingest", str(Path(folder) / "incoming"), "--db", str(db),
                                             "--workers", "1", "--batch-size", "8"),
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            report = run_load(base, args.clients, args.seconds, args.max_requests)
        finally:
            ingest_running = ingest.poll() is None
            for process in (ingest, server):
                process.terminate()
                process.wait(timeout=30)
        report["ingest_still_writing_at_end"] = ingest_running
        report["server_threads"] = args.threads
        print(json.dumps(report, indent=2))
    return 1 if report["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
