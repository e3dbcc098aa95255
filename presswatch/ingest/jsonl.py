"""JSON Lines: one article per line, `text` plus optional metadata fields."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from presswatch.errors import PresswatchError
from presswatch.ingest.files import (
    ReadOptions,
    check_length,
    clean_metadata,
    decode_text,
    read_bytes,
)
from presswatch.records import Document, Failure


def read_jsonl(path: Path, options: ReadOptions) -> Iterator[Document | Failure]:
    """A Document per line; a bad line yields a Failure naming `path:line` and the rest go on."""
    yield from jsonl_documents(decode_text(read_bytes(path, options), path), path, options)


def jsonl_documents(text: str, path: Path, options: ReadOptions) -> Iterator[Document | Failure]:
    """A Document per line of already-decoded JSONL `text` read from `path`."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            yield parse_line(line, path, number, options)
        except PresswatchError as exc:
            yield Failure(where, exc.code, str(exc), line=number)


def parse_line(line: str, path: Path, number: int, options: ReadOptions) -> Document:
    """One JSONL line as a Document (PWE105 bad JSON, PWE104 no text, PWE114 wrong type)."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise PresswatchError("PWE105", path=path, line=number, reason=exc.msg) from exc
    if not isinstance(record, dict):
        raise PresswatchError("PWE105", path=path, line=number, reason=f"a {type(record).__name__}, not an object")
    text = record.get("text")
    if text is not None and not isinstance(text, str):
        raise PresswatchError("PWE114", path=path, line=number, field="text", kind=type(text).__name__)
    if not text or not text.strip():
        raise PresswatchError("PWE104", path=path, line=number)
    where = f"{path}:{number}"
    meta = clean_metadata(record, where, options)
    return Document.from_text(check_length(text, where, options), origin=where, **meta)
