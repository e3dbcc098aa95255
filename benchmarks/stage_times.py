"""What each stage adds to the spaCy parse, per document and per 1,000 words, in one run.

    .venv/bin/python benchmarks/stage_times.py [--limit 100] [--words 900-1100] [--json]

Parses the texts once with the pipeline's model (timed: the baseline), then runs every stage
over the stored parses exactly as `Pipeline` does, timing each stage (CPU time of this
process, so other jobs on the machine do not inflate it).  Prints milliseconds per document
and per 1,000 words for the parse and for each stage, each stage's share of the parse, and
the garbage collector's time within all of it.
The issues' bars: actors under 20% of the pipeline, events no more than the parse, techniques
under 50 ms per 1,000 words.  Texts: PolNeAR train articles from ../shared/data when present,
else the bundled example corpus.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))
from throughput import load_texts  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=100, help="number of articles")
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--words", default=None, metavar="LOW-HIGH",
                        help="only articles of LOW to HIGH words, e.g. 900-1100 for the techniques issue's "
                             "'1,000-word article' (its ms/doc is then the cost of such an article)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    from presswatch.pipeline import Pipeline, sentence_extents
    from presswatch.records import Document

    if args.words:
        low, high = (int(bound) for bound in args.words.split("-"))
        source, texts = load_texts(args.data, 10_000)
        texts = [text for text in texts if low <= len(text.split()) <= high][:args.limit]
        source = f"{source}, articles of {low}-{high} words"
    else:
        source, texts = load_texts(args.data, args.limit)
    pipeline = Pipeline()
    list(pipeline.nlp.pipe(texts[:2]))  # warm up
    collector = _collector_timer()
    started = time.process_time()
    parses = list(pipeline.nlp.pipe(texts, batch_size=32))
    parse_seconds = time.process_time() - started
    words = sum(len(text.split()) for text in texts)
    spent = {stage.name: 0.0 for stage in pipeline.stages}
    for text, parsed in zip(texts, parses, strict=True):
        values = {"document": Document.from_text(text), "parsed": parsed, "sentences": sentence_extents(parsed)}
        for stage in pipeline.stages:
            started = time.process_time()
            values[stage.assigns] = tuple(stage.component(**{name: values[name] for name in stage.requires}))
            spent[stage.name] += time.process_time() - started
    gc.callbacks.remove(collector)
    total = parse_seconds + sum(spent.values())
    collector_ms = round(collector.seconds / len(texts) * 1000, 2)  # type: ignore[attr-defined]
    rows = [{"step": "spaCy parse (baseline)", "seconds": parse_seconds}] + [
        {"step": name, "seconds": seconds} for name, seconds in spent.items()]
    for row in rows:
        row.update(ms_per_document=round(row["seconds"] / len(texts) * 1000, 2),
                   ms_per_1000_words=round(row["seconds"] / words * 1e6, 2),
                   share_of_parse=round(row["seconds"] / parse_seconds, 3),
                   share_of_pipeline=round(row["seconds"] / total, 3), seconds=round(row["seconds"], 3))
    if args.json:
        print(json.dumps({"texts": source, "documents": len(texts), "words": words, "steps": rows,
                          "garbage_collector_ms_per_document": collector_ms}, indent=2))
        return 0
    print(f"texts: {source}, {len(texts)} documents, {words:,} words (CPU time)")
    print(f"{'step':<24}{'ms/doc':>10}{'ms/1k words':>13}{'x parse':>10}{'of pipeline':>13}")
    for row in rows:
        print(f"{row['step']:<24}{row['ms_per_document']:>10.1f}{row['ms_per_1000_words']:>13.1f}"
              f"{row['share_of_parse']:>10.2f}{row['share_of_pipeline']:>12.0%}")
    print(f"of which the garbage collector: {collector_ms:.1f} ms/doc (threshold {gc.get_threshold()})")
    return 0


def _collector_timer() -> Callable[[str, dict], None]:
    """A `gc.callbacks` hook (registered here) summing the collector's wall time in `.seconds`."""
    started = [0.0]

    def hook(phase: str, info: dict) -> None:
        if phase == "start":
            started[0] = time.perf_counter()
        else:
            hook.seconds += time.perf_counter() - started[0]  # type: ignore[attr-defined]

    hook.seconds = 0.0  # type: ignore[attr-defined]
    gc.callbacks.append(hook)
    return hook


if __name__ == "__main__":
    sys.exit(main())
