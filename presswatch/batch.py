"""Runs over many inputs: analyze without storing, or ingest into the store.

Reading, parsing and writing stream in batches: a batch of documents is read, those already
stored are skipped, the rest are analyzed with one `nlp.pipe` call and written in one
transaction.  Failures are collected, never raised, so one bad file never stops a run.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from presswatch.ingest import ReadOptions, list_inputs, read_file
from presswatch.pipeline import Pipeline
from presswatch.records import Analysis, Document, Failure
from presswatch.store import RunCounts, Store

Item = TypeVar("Item")


@dataclass
class IngestReport:
    """What an ingest run did: counts and every failure with its reason."""

    files: int = 0
    stored: int = 0
    skipped: int = 0
    failures: list[Failure] = field(default_factory=list)

    @property
    def failed(self) -> int:
        """Inputs lost to errors (warnings excluded)."""
        return sum(1 for failure in self.failures if failure.severity == "error")

    @property
    def warnings(self) -> int:
        """Parts of inputs skipped on purpose, such as non-HTML WARC records."""
        return sum(1 for failure in self.failures if failure.severity == "warning")


@dataclass(frozen=True)
class BatchProgress:
    """Progress after one batch: files reached so far and documents handled in the batch."""

    files_done: int
    files_total: int
    documents: int


def batched(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    """Lists of up to `size` consecutive items (itertools.batched arrives only in Python 3.12)."""
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def _read_numbered(files: list[Path], options: ReadOptions) -> Iterator[tuple[int, Document | Failure]]:
    for number, path in enumerate(files, start=1):
        for item in read_file(path, options):
            yield number, item


def analyze_paths(
    paths: Iterable[str | Path], pipeline: Pipeline, options: ReadOptions | None = None
) -> Iterator[Analysis | Failure]:
    """Analyze every article under `paths` without storing; Failures for what could not be done."""
    items = (item for _, item in _read_numbered(list_inputs(paths), options or ReadOptions()))
    for chunk in batched(items, pipeline.batch_size):
        documents = [item for item in chunk if isinstance(item, Document)]
        yield from (item for item in chunk if isinstance(item, Failure))
        yield from pipeline.analyze_many(documents, on_error="skip")


def ingest_paths(
    paths: Iterable[str | Path],
    store: Store,
    pipeline: Pipeline,
    options: ReadOptions | None = None,
    batch_size: int = 64,
    command: str = "ingest",
    on_progress: Callable[[BatchProgress], None] | None = None,
) -> IngestReport:
    """Analyze and store every article under `paths`, one transaction per batch.

    Documents already in the store (same text, same sha256 id) are skipped before parsing, so
    a rerun after a crash resumes where the last committed batch ended.
    """
    files = list_inputs(paths)
    report = IngestReport(files=len(files))
    run_id = store.start_run(command)
    seen: set[str] = set()
    for chunk in batched(_read_numbered(files, options or ReadOptions()), batch_size):
        documents = [item for _, item in chunk if isinstance(item, Document)]
        failures = [item for _, item in chunk if isinstance(item, Failure)]
        known = store.known_ids(document.id for document in documents) | seen
        fresh: list[Document] = []
        for document in documents:
            if document.id in known:
                report.skipped += 1
            else:
                fresh.append(document)
                known.add(document.id)
        seen.update(document.id for document in fresh)
        analyses: list[Analysis] = []
        for result in pipeline.analyze_many(fresh, on_error="skip"):
            (analyses if isinstance(result, Analysis) else failures).append(result)
        report.stored += store.write_batch(analyses, failures, run_id)
        report.failures.extend(failures)
        if on_progress:
            on_progress(BatchProgress(chunk[-1][0], len(files), len(documents)))
    store.finish_run(run_id, RunCounts(report.stored, report.skipped, report.failed, report.warnings))
    return report
