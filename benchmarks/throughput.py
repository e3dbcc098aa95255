"""Throughput of presswatch against bare spaCy, on the same texts in the same run.

    .venv/bin/python benchmarks/throughput.py [--limit 200] [--data ../shared/data]

Texts: PolNeAR articles from ../shared/data/polnear when present, else the bundled example
corpus repeated.  Each mode runs in its own child process (model loaded once, not timed) so
that its peak memory is its own.  Prints documents/s, tokens/s, peak RSS and the ratio of the
full pipeline to bare `nlp.pipe`.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def load_texts(data: Path, limit: int) -> tuple[str, list[str]]:
    polnear = sorted((data / "polnear" / "train" / "text").glob("*.txt"))
    if polnear:
        return "PolNeAR train", [path.read_text(encoding="utf-8") for path in polnear[:limit]]
    from presswatch.ingest import read_sources
    from presswatch.records import Document

    examples = [item.text for item in read_sources([REPO / "examples" / "articles"]) if isinstance(item, Document)]
    return "example corpus (repeated)", (examples * (limit // len(examples) + 1))[:limit]


def run_mode(mode: str, texts: list[str], queue: multiprocessing.Queue) -> None:
    """Time one mode over `texts` (model loading excluded) and report to `queue`."""
    from presswatch.nlp import load_language
    from presswatch.pipeline import Pipeline
    from presswatch.records import Document

    documents = [Document.from_text(text) for text in texts]
    if mode == "spacy":  # the bare statistical model, without presswatch's additions
        nlp = load_language()
        tokens = sum(len(doc) for doc in nlp.tokenizer.pipe(texts))
        start = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=32):
            pass
    else:
        pipeline = Pipeline(batch_size=32)
        tokens = sum(len(doc) for doc in pipeline.nlp.tokenizer.pipe(texts))
        start = time.perf_counter()
        for _ in pipeline.analyze_many(documents):
            pass
    elapsed = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    queue.put({"mode": mode, "documents": len(texts), "tokens": tokens, "seconds": elapsed,
               "docs_per_s": len(texts) / elapsed, "tokens_per_s": tokens / elapsed, "peak_rss_mb": peak_mb})


def measure(mode: str, texts: list[str]) -> dict:
    queue: multiprocessing.Queue = multiprocessing.Queue()
    process = multiprocessing.get_context("fork").Process(target=run_mode, args=(mode, texts, queue))
    process.start()
    result = queue.get()
    process.join()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=200, help="number of articles")
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args()
    source, texts = load_texts(args.data, args.limit)
    results = [measure("spacy", texts), measure("presswatch", texts)]
    ratio = results[1]["docs_per_s"] / results[0]["docs_per_s"]
    if args.json:
        print(json.dumps({"texts": source, "results": results, "ratio_presswatch_to_spacy": ratio}, indent=2))
        return
    print(f"texts: {source}, {len(texts)} documents, {results[0]['tokens']:,} tokens")
    print(f"{'mode':<12}{'docs/s':>10}{'tokens/s':>12}{'peak MB':>10}")
    for row in results:
        print(f"{row['mode']:<12}{row['docs_per_s']:>10.1f}{row['tokens_per_s']:>12.0f}{row['peak_rss_mb']:>10.0f}")
    print(f"presswatch / bare nlp.pipe throughput: {ratio:.2f}")


if __name__ == "__main__":
    sys.exit(main())
