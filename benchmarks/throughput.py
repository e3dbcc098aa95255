"""Throughput of presswatch against bare spaCy, on the same texts in the same run.

    .venv/bin/python benchmarks/throughput.py [--limit 200] [--workers 2] [--repeat 3] [--no-spark] [--json]

Modes, each in its own child process so that its peak memory is its own:
  spacy          bare `nlp.pipe` of the statistical model (the parser's limit)
  spacy-N        N processes each parsing its share with bare `nlp.pipe`, nothing sent back: how
                 far this machine itself scales (shared caches and memory bandwidth)
  presswatch-1   the full `Pipeline.analyze_many`, one process
  presswatch-N   the same through `WorkerPool(N)` (one model per worker; peak RSS is the largest worker's)
  spark-local[1] / spark-local[2]   `presswatch spark run` on the texts as JSONL files, one partition per core

Model loading is excluded everywhere (pipelines are loaded and warmed up before the clock
starts; for Spark, a run over one document per core first loads the pipeline in each Python
worker, which Spark reuses across tasks); the Spark modes time the whole `run()` call after that
and report the largest peak RSS of Spark's Python workers.  Texts: PolNeAR train articles from ../shared/data when
present, else the bundled example corpus repeated.  Prints documents/s, tokens/s, peak RSS and
the ratios the scale-out issue asks about.  This shared machine's speed drifts between minutes,
so all modes run `--repeat` rounds one after the other and each mode's median round counts.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import resource
import sys
import tempfile
import time
from pathlib import Path
from queue import Empty

REPO = Path(__file__).resolve().parents[1]


def load_texts(data: Path, limit: int) -> tuple[str, list[str]]:
    polnear = sorted((data / "polnear" / "train" / "text").glob("*.txt"))
    if polnear:
        return "PolNeAR train", [path.read_text(encoding="utf-8") for path in polnear[:limit]]
    from presswatch.ingest import read_sources
    from presswatch.records import Document

    examples = [item.text for item in read_sources([REPO / "examples" / "articles"]) if isinstance(item, Document)]
    return "example corpus (repeated)", (examples * (limit // len(examples) + 1))[:limit]


def _peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


_PARSER: list = []


def _load_parser() -> None:
    from threadpoolctl import threadpool_limits

    from presswatch.nlp import load_language

    threadpool_limits(1)
    _PARSER.append(load_language())


def _parse_share(texts: list[str]) -> int:
    return sum(len(doc) for doc in _PARSER[0].pipe(texts, batch_size=32))


def _time_mode(mode: str, texts: list[str], workers: int) -> tuple[float, float | None]:
    """(seconds, peak RSS MB) of one mode, run in this (child) process."""
    from presswatch.nlp import load_language
    from presswatch.pipeline import Pipeline
    from presswatch.records import Document

    documents = [Document.from_text(text) for text in texts]
    if mode == "spacy":
        nlp = load_language()
        list(nlp.pipe(texts[:2]))
        start = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=32):
            pass
        return time.perf_counter() - start, _peak_mb(resource.RUSAGE_SELF)
    if mode.startswith("spacy-"):  # the machine's own scaling: N processes parse their share, nothing returned
        processes = int(mode[len("spacy-"):])
        context = multiprocessing.get_context("spawn")
        with context.Pool(processes, initializer=_load_parser) as pool:
            pool.map(_parse_share, [texts[:2]] * processes)  # every process loaded and warm
            start = time.perf_counter()
            pool.map(_parse_share, [texts[n::processes] for n in range(processes)], chunksize=1)
            elapsed = time.perf_counter() - start
        return elapsed, _peak_mb(resource.RUSAGE_CHILDREN)
    if mode == "presswatch-1":
        pipeline = Pipeline(batch_size=32)
        list(pipeline.analyze_many(documents[:2]))
        start = time.perf_counter()
        for _ in pipeline.analyze_many(documents):
            pass
        return time.perf_counter() - start, _peak_mb(resource.RUSAGE_SELF)
    if mode.startswith("presswatch-"):
        from presswatch.nlp import DEFAULT_MAX_CHARS, DEFAULT_MODEL
        from presswatch.workers import WorkerPool

        pool = WorkerPool(workers, DEFAULT_MODEL, DEFAULT_MAX_CHARS, batch_size=32)
        list(pool.analyze_batches((n, documents[n:n + 1]) for n in range(workers * 2)))  # every worker loaded
        start = time.perf_counter()  # batches of 64 documents, as `presswatch ingest` sends them
        for _ in pool.analyze_batches((n, documents[n:n + 64]) for n in range(0, len(documents), 64)):
            pass
        elapsed = time.perf_counter() - start
        pool.close()
        return elapsed, _peak_mb(resource.RUSAGE_CHILDREN)
    from presswatch.scale.spark import run, spark_session

    cores = int(mode[len("spark-local["):-1])
    with tempfile.TemporaryDirectory() as folder:
        for part in range(cores):
            with open(f"{folder}/part{part}.jsonl", "w", encoding="utf-8") as stream:
                for text in texts[part::cores]:
                    stream.write(json.dumps({"text": text}) + "\n")
        spark = spark_session(f"local[{cores}]", "presswatch-benchmark")
        with tempfile.TemporaryDirectory() as warm:  # every Python worker loads its pipeline, as in a running executor
            for part in range(cores):
                Path(f"{warm}/part{part}.jsonl").write_text(json.dumps({"text": texts[part]}) + "\n", encoding="utf-8")
            run(warm, f"{warm}/out", spark=spark, partitions=cores)
        start = time.perf_counter()
        run(folder, f"{folder}/out", spark=spark, partitions=cores)
        elapsed = time.perf_counter() - start
        peak = max(_python_descendants_peak_mb(), default=None)  # read before stop() ends the workers
        spark.stop()
    return elapsed, peak


def _python_descendants_peak_mb() -> list[float]:
    """Peak RSS (VmHWM, MB) of every Python process below this one: Spark's daemon and workers."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    mine, found = {os.getpid()}, True
    while found:
        children = {pid for pid, parent in parents.items() if parent in mine} - mine
        found, mine = bool(children), mine | children
    peaks = []
    for pid in mine - {os.getpid()}:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
            if "python" not in Path(f"/proc/{pid}/cmdline").read_text():
                continue
        except OSError:
            continue
        peaks += [int(line.split()[1]) / 1024 for line in status.splitlines() if line.startswith("VmHWM:")]
    return peaks


def _child(mode: str, texts: list[str], workers: int, queue: multiprocessing.Queue) -> None:
    queue.put(_time_mode(mode, texts, workers))


def measure(mode: str, texts: list[str], tokens: int, workers: int) -> dict:
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=_child, args=(mode, texts, workers, queue))
    process.start()
    while True:  # a child that dies (e.g. a stage fails to load) must end the benchmark, not hang it
        try:
            seconds, peak = queue.get(timeout=5)
            break
        except Empty:
            if not process.is_alive():
                raise SystemExit(f"benchmark mode {mode} failed (exit code {process.exitcode})") from None
    process.join()
    return {"mode": mode, "documents": len(texts), "tokens": tokens, "seconds": round(seconds, 2),
            "docs_per_s": round(len(texts) / seconds, 2), "tokens_per_s": round(tokens / seconds),
            "peak_rss_mb": round(peak) if peak is not None else None}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=200, help="number of articles")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-spark", action="store_true", help="skip the Spark modes")
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--repeat", type=int, default=3,
                        help="rounds of all modes, one after the other; each mode's median round is reported")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args()
    source, texts = load_texts(args.data, args.limit)
    from presswatch.nlp import load_language

    tokens = sum(len(doc) for doc in load_language().tokenizer.pipe(texts))
    modes = ["spacy", f"spacy-{args.workers}", "presswatch-1", f"presswatch-{args.workers}"]
    if not args.no_spark:
        modes += ["spark-local[1]", "spark-local[2]"]
    rounds = [{mode: measure(mode, texts, tokens, args.workers) for mode in modes} for _ in range(args.repeat)]
    results = {mode: sorted((one[mode] for one in rounds), key=lambda row: row["seconds"])[(args.repeat - 1) // 2]
               for mode in modes}  # each mode's median round (the faster middle one for an even count)
    pairs = {"presswatch-1 / spacy": ("presswatch-1", "spacy"),
             f"spacy-{args.workers} / spacy (the machine's own scaling)": (f"spacy-{args.workers}", "spacy"),
             f"presswatch-{args.workers} / presswatch-1": (f"presswatch-{args.workers}", "presswatch-1"),
             "spark-local[2] / spark-local[1]": ("spark-local[2]", "spark-local[1]")}

    def ratio(table: dict, a: str, b: str) -> float | None:
        return round(table[a]["docs_per_s"] / table[b]["docs_per_s"], 2) if a in table and b in table else None

    ratios = {name: ratio(results, *pair) for name, pair in pairs.items()}
    per_round = {name: [ratio(one, *pair) for one in rounds] for name, pair in pairs.items()}
    if args.json:
        print(json.dumps({"texts": source, "repeat": args.repeat, "results": list(results.values()),
                          "ratios": ratios, "ratios_per_round": per_round,
                          "rounds": [list(one.values()) for one in rounds]}, indent=2))
        return 0
    print(f"texts: {source}, {len(texts)} documents, {tokens:,} tokens")
    print(f"{'mode':<18}{'docs/s':>10}{'tokens/s':>12}{'seconds':>10}{'peak MB':>10}")
    for row in results.values():
        peak = f"{row['peak_rss_mb']:,}" if row["peak_rss_mb"] is not None else "n/a"
        print(f"{row['mode']:<18}{row['docs_per_s']:>10.2f}{row['tokens_per_s']:>12,}{row['seconds']:>10.1f}{peak:>10}")
    for name, value in ratios.items():
        if value is not None:
            rounds_text = ", ".join(f"{v:.2f}" for v in per_round[name])
            print(f"{name}: {value:.2f} of the medians (per round: {rounds_text})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
