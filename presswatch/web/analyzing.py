"""Analyze pasted text or an uploaded file on request; the upload size limit (413).

The pipeline loads on the first request (spaCy takes seconds) and analyses run one at a time.
Nothing is stored unless the app allows it and the request asks for it.
"""

from __future__ import annotations

import json
import threading

from fastapi import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from presswatch.errors import PresswatchError
from presswatch.ingest.files import ReadOptions, decode_text
from presswatch.ingest.html import extract_html
from presswatch.ingest.published import normalize_published
from presswatch.records import Analysis, Document

HTML_SUFFIXES = (".html", ".htm", ".xhtml")


class Analyzer:
    """A lazily loaded Pipeline (or any object with `analyze(document)`) behind a lock."""

    def __init__(self, pipeline: object | None = None) -> None:
        self.pipeline = pipeline
        self.lock = threading.Lock()

    def analyze(self, document: Document) -> Analysis:
        """Analyze one document, loading the pipeline first if needed."""
        with self.lock:
            if self.pipeline is None:
                from presswatch.pipeline import Pipeline  # loads spaCy

                self.pipeline = Pipeline()
            return self.pipeline.analyze(document)


def make_document(text: str | None, upload: bytes | None, filename: str | None, title: str | None,
                  outlet: str | None, published: str | None, max_chars: int) -> Document:
    """A Document from pasted text or an uploaded file (HTML by its extension), with metadata.

    Raises PWE802 when neither is given or the text is too long, and the readers' codes for
    binary or undecodable uploads.
    """
    meta = {"title": title or None, "outlet": outlet or None,
            "published": normalize_published(published or None, "the form")}
    if upload:
        name = filename or "upload"
        body = decode_text(upload, name)
        if name.lower().endswith(HTML_SUFFIXES):
            document = extract_html(body, name, ReadOptions(max_chars=max_chars))
            extra = {key: value for key, value in meta.items() if value}
            return Document(**{**document.__dict__, **extra, "origin": name})
        return _checked(Document.from_text(body, origin=name, **meta), max_chars)
    if text and text.strip():
        return _checked(Document.from_text(text.replace("\r\n", "\n"), origin="pasted text", **meta), max_chars)
    raise PresswatchError("PWE802", value="", what="article", reason="paste some text or choose a file")


def _checked(document: Document, max_chars: int) -> Document:
    if len(document.text) > max_chars:
        raise PresswatchError("PWE802", value=f"{len(document.text)} characters", what="article",
                              reason=f"at most {max_chars} characters can be analyzed here")
    return document


class _TooLarge(Exception):
    pass


class BodyLimit:
    """ASGI middleware: refuse request bodies over `max_bytes` with 413, before or while reading."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_bytes):
            await self._refuse(scope, send)
            return
        received = 0
        started = False

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise _TooLarge
            return message

        async def watched(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited, watched)
        except _TooLarge:
            if not started:
                await self._refuse(scope, send)

    async def _refuse(self, scope: Scope, send: Send) -> None:
        message = (f"The upload is larger than the limit of {self.max_bytes:,} bytes; "
                   "send a smaller file or paste an excerpt.")
        if scope["path"].startswith("/api/"):
            body, kind = json.dumps({"detail": message}).encode(), b"application/json"
        else:
            body = (f"<!doctype html><title>413 Upload too large</title><h1>Upload too large</h1><p>{message}</p>"
                    '<p><a href="/analyze">Back to Analyze</a></p>').encode()
            kind = b"text/html; charset=utf-8"
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", kind), (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


def analyze_and_store(state: object, document: Document, store_it: bool) -> tuple[Analysis, bool]:
    """Analyze with the app's analyzer; store the result (and refresh the monitor) when asked and allowed.

    Returns the analysis and whether it was stored; raises HTTPException 403 when storing is off.
    """
    analysis = state.analyzer.analyze(document)
    if not store_it:
        return analysis, False
    if not state.settings.allow_store:
        raise HTTPException(403, "this server is read-only: the article was not stored "
                                 "(use `presswatch ingest` to add articles)")
    from presswatch import monitor
    from presswatch.store import Store

    with Store(state.settings.db_path) as store:
        store.write_batch([analysis], [], None)
        monitor.refresh(store)
    return analysis, True
