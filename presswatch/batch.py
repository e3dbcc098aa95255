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
from typing import Any, Protocol, TypeVar

from presswatch.ingest import ReadOptions, list_inputs, read_file
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


class Analyzer(Protocol):
    """What analyzes batches: a `Pipeline` in this process or a `WorkerPool`."""

    batch_size: int
    pipeline: str  # digest of the versions of the model and knowledge files (Analysis.pipeline)

    def analyze_batches(
        self, batches: Iterable[tuple[Any, list[Document]]]
    ) -> Iterator[tuple[Any, list[Analysis | Failure]]]: ...


def analyze_paths(
    paths: Iterable[str | Path], analyzer: Analyzer, options: ReadOptions | None = None
) -> Iterator[Analysis | Failure]:
    """Analyze every article under `paths` without storing; Failures for what could not be done."""
    items = (item for _, item in _read_numbered(list_inputs(paths), options or ReadOptions()))

    def prepared() -> Iterator[tuple[list[Failure], list[Document]]]:
        for chunk in batched(items, analyzer.batch_size):
            yield ([item for item in chunk if isinstance(item, Failure)],
                   [item for item in chunk if isinstance(item, Document)])

    for read_failures, results in analyzer.analyze_batches(prepared()):
        yield from read_failures
        yield from results


def ingest_paths(
    paths: Iterable[str | Path],
    store: Store,
    analyzer: Analyzer,
    options: ReadOptions | None = None,
    batch_size: int = 64,
    command: str = "ingest",
    on_progress: Callable[[BatchProgress], None] | None = None,
    reprocess: bool = False,
) -> IngestReport:
    """Analyze and store every article under `paths`, one transaction per batch.

    Documents already in the store (same text, same sha256 id) are skipped before parsing, so
    a rerun after a crash resumes where the last committed batch ended.  With `reprocess`,
    documents stored by a different pipeline (other model or knowledge versions) are analyzed
    again and their records replaced atomically.  Only this process writes to the store.
    """
    files = list_inputs(paths)
    report = IngestReport(files=len(files))
    run_id = store.start_run(command)
    seen: set[str] = set()

    def prepared() -> Iterator[tuple[tuple[int, int, list[Failure]], list[Document]]]:
        for chunk in batched(_read_numbered(files, options or ReadOptions()), batch_size):
            documents = [item for _, item in chunk if isinstance(item, Document)]
            failures = [item for _, item in chunk if isinstance(item, Failure)]
            pipeline = analyzer.pipeline if reprocess else None
            known = store.known_ids((document.id for document in documents), pipeline) | seen
            fresh: list[Document] = []
            for document in documents:
                if document.id in known:
                    report.skipped += 1
                else:
                    fresh.append(document)
                    known.add(document.id)
            seen.update(document.id for document in fresh)
            yield (chunk[-1][0], len(documents), failures), fresh

    for (files_done, documents, failures), results in analyzer.analyze_batches(prepared()):
        analyses = [result for result in results if isinstance(result, Analysis)]
        failures = failures + [result for result in results if isinstance(result, Failure)]
        report.stored += store.write_batch(analyses, failures, run_id, replace=reprocess)
        report.failures.extend(failures)
        if on_progress:
            on_progress(BatchProgress(files_done, len(files), documents))
    store.finish_run(run_id, RunCounts(report.stored, report.skipped, report.failed, report.warnings))
    return report
