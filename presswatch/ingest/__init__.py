"""Ingest stage: turn files and folders into Documents (DESIGN.md, Pipeline).

`read_sources(paths)` walks every path (folders recursively, in sorted order) and yields a
Document per article or a Failure per input that could not be read; one bad file never stops the
rest.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from presswatch.errors import PresswatchError
from presswatch.ingest.feeds import read_feed
from presswatch.ingest.files import ReadOptions
from presswatch.ingest.html import read_html
from presswatch.ingest.jsonl import read_jsonl
from presswatch.ingest.txt import read_txt
from presswatch.ingest.warc import read_warc
from presswatch.records import Document, Failure

__all__ = ["ReadOptions", "file_kind", "list_inputs", "read_file", "read_sources", "reader_for"]

Reader = Callable[[Path, ReadOptions], Iterator[Document | Failure]]

READERS: dict[str, Reader] = {
    ".txt": read_txt,
    ".html": read_html,
    ".htm": read_html,
    ".jsonl": read_jsonl,
    ".rss": read_feed,
    ".atom": read_feed,
    ".xml": read_feed,
    ".warc": read_warc,
    ".warc.gz": read_warc,
}


def file_kind(path: Path) -> str:
    """The reader key of a path: its suffix, with `.warc.gz` kept whole."""
    name = path.name.lower()
    return ".warc.gz" if name.endswith(".warc.gz") else path.suffix.lower()


def reader_for(path: Path) -> Reader | None:
    """The reader for a file, or None when its type is not supported."""
    return READERS.get(file_kind(path))


def list_inputs(paths: Iterable[str | Path]) -> list[Path]:
    """Every input file: named files as given, folders expanded recursively (sorted).

    Inside folders only supported types are taken (sidecar `.meta.json` files and notes such
    as README.md are not articles); a named file of another type is kept so that reading it
    reports PWE111.
    """
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(sorted(child for child in path.rglob("*") if child.is_file() and reader_for(child)))
        else:
            found.append(path)
    return found


def read_file(path: Path, options: ReadOptions) -> Iterator[Document | Failure]:
    """The Documents of one file, or Failures saying why not."""
    reader = reader_for(path)
    try:
        if not path.exists():
            raise PresswatchError("PWE100", path=path, reason="no such file or folder")
        if reader is None:
            raise PresswatchError("PWE111", path=path, suffix=file_kind(path) or "(none)")
        yield from reader(path, options)
    except PresswatchError as exc:
        yield Failure(str(path), exc.code, str(exc))


def read_sources(paths: Iterable[str | Path], options: ReadOptions | None = None) -> Iterator[Document | Failure]:
    """Documents and Failures from every path, in input order."""
    for path in list_inputs(paths):
        yield from read_file(path, options or ReadOptions())
