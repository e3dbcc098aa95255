"""Coverage-guided fuzzing of every reader (txt, html, jsonl, feeds, warc) through read_sources.

    .venv/bin/python fuzz/fuzz_readers.py -max_total_time=600

Input: first byte picks the file type, the rest are the file's bytes.  Any exception escaping
`read_sources`, or a result that is not a Document / a Failure with a PWE/PWW code, is a crash.
"""

from __future__ import annotations

import io
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["presswatch", "feedparser", "warcio"]):
    from presswatch.ingest import ReadOptions, read_sources

import common  # noqa: E402

SUFFIXES = (".txt", ".html", ".jsonl", ".rss", ".atom", ".xml", ".warc", ".warc.gz")
FOLDER = Path(tempfile.mkdtemp(prefix="presswatch-fuzz-readers-"))
OPTIONS = ReadOptions(max_bytes=200_000, max_chars=100_000)


def test_one_input(data: bytes) -> None:
    if not data:
        return
    suffix = SUFFIXES[data[0] % len(SUFFIXES)]
    path = FOLDER / f"input{suffix}"
    path.write_bytes(data[1:])
    for item in read_sources([path], OPTIONS):
        common.check_read_result(item)
    path.unlink()


def seeds():
    for path in common.article_files(SUFFIXES):
        kind = ".warc.gz" if path.name.endswith(".warc.gz") else path.suffix
        yield bytes([SUFFIXES.index(kind)]) + path.read_bytes()[:20_000]
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    for compress in (False, True):
        buffer = io.BytesIO()
        writer = WARCWriter(buffer, gzip=compress)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.0")
        page = b"<html><body><article><p>Border guards exchanged fire near the village.</p></article></body></html>"
        writer.write_record(writer.create_warc_record("https://a.example/1", "response", payload=io.BytesIO(page),
                                                      http_headers=headers))
        yield bytes([SUFFIXES.index(".warc.gz" if compress else ".warc")]) + buffer.getvalue()


if __name__ == "__main__":
    common.fuzz("readers", test_one_input, seeds)
    sys.exit(0)
