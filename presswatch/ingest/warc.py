"""WARC archives (plain or gzipped): HTML responses become Documents, other records are skipped."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from presswatch.errors import PresswatchError, warning_message
from presswatch.ingest.files import ReadOptions, decode_text
from presswatch.ingest.html import extract_html
from presswatch.records import Document, Failure


def read_warc(path: Path, options: ReadOptions) -> Iterator[Document | Failure]:
    """A Document per `response` record with an HTML payload.

    Non-HTML responses yield a warning Failure (PWW150); a damaged archive yields PWE110 after
    the records read before the damage.
    """
    try:
        stream = path.open("rb")
    except OSError as exc:
        raise PresswatchError("PWE100", path=path, reason=exc.strerror or type(exc).__name__) from exc
    with stream:
        yield from warc_documents(stream, path, options)


def warc_documents(stream: BinaryIO, path: Path, options: ReadOptions) -> Iterator[Document | Failure]:
    """Documents from an open WARC byte stream read from `path` (see `read_warc`)."""
    number = 0
    try:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response":
                continue
            number += 1
            uri = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{path}#{uri or number}"
            content_type = (record.http_headers.get_header("Content-Type") if record.http_headers else None) or "unknown"
            if "html" not in content_type.lower():
                yield Failure(where, "PWW150", warning_message("PWW150", path=path, record=uri or number,
                                                                content_type=content_type), severity="warning")
                continue
            payload = record.content_stream().read(options.max_bytes + 1)
            if len(payload) <= options.max_bytes and getattr(record.raw_stream, "limit", 0) > 0:
                raise ArchiveLoadFailed(f"record {uri or number} ends early")  # shorter than its Content-Length
            try:
                if len(payload) > options.max_bytes:
                    raise PresswatchError("PWE106", path=where, size_mb=len(payload) / 1e6,
                                          limit_mb=options.max_bytes / 1e6)
                yield extract_html(decode_text(payload, where), where, options, url=uri)
            except PresswatchError as exc:
                yield Failure(where, exc.code, str(exc))
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
        failure = PresswatchError("PWE110", path=path, reason=str(exc) or type(exc).__name__)
        yield Failure(str(path), failure.code, str(failure))
    except Exception as exc:  # warcio on damaged bytes also raises AttributeError, TypeError, ... (issue 11)
        failure = PresswatchError("PWE110", path=path, reason=f"{type(exc).__name__}: {exc}")
        yield Failure(str(path), failure.code, str(failure))
