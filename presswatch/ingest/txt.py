"""Plain-text articles: the file's text exactly, metadata from an optional `NAME.meta.json`."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from presswatch.errors import PresswatchError
from presswatch.ingest.files import ReadOptions, check_length, decode_text, read_bytes, read_sidecar
from presswatch.records import Document


def read_txt(path: Path, options: ReadOptions) -> Iterator[Document]:
    """One Document whose text is the decoded file, newlines untouched (DESIGN.md, offsets)."""
    text = check_length(decode_text(read_bytes(path, options), path), path, options)
    if not text.strip():  # only a BOM or Unicode spaces (read_bytes strips ASCII whitespace only)
        raise PresswatchError("PWE101", path=path)
    yield Document.from_text(text, origin=str(path), **read_sidecar(path, options))
