"""RSS and Atom feed files: one Document per entry, the full body when the feed carries it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import feedparser

from presswatch.errors import PresswatchError
from presswatch.ingest.files import ReadOptions, check_length, clean_metadata, read_bytes
from presswatch.ingest.html import html_fragment_text
from presswatch.records import Document, Failure


def entry_body(entry: feedparser.FeedParserDict) -> str:
    """The longest text the entry offers: content:encoded, then summary/description."""
    candidates = [part.get("value", "") for part in entry.get("content", [])]
    candidates.append(entry.get("summary", ""))
    texts = [html_fragment_text(candidate) for candidate in candidates if candidate]
    return max(texts, key=len, default="")


def read_feed(path: Path, options: ReadOptions) -> Iterator[Document | Failure]:
    """A Document per entry; an entry without text yields a Failure (PWE109), the rest go on."""
    data = read_bytes(path, options)
    try:
        parsed = feedparser.parse(data)
    except Exception as exc:  # untrusted bytes: feedparser raises UnicodeDecodeError, ValueError, ...
        raise PresswatchError("PWE108", path=path, reason=f"{type(exc).__name__}: {exc}") from exc
    if not parsed.entries:
        reason = str(parsed.get("bozo_exception") or "no entries")
        raise PresswatchError("PWE108", path=path, reason=reason)
    outlet = parsed.feed.get("title")
    language = (parsed.feed.get("language") or "")[:2].lower() or None
    for number, entry in enumerate(parsed.entries, start=1):
        where = f"{path}#entry{number}"
        try:
            text = entry_body(entry)
            if not text:
                raise PresswatchError("PWE109", path=path, entry=number)
            raw = {"title": entry.get("title"), "url": entry.get("link"), "outlet": outlet,
                   "published": entry.get("published") or entry.get("updated"), "language": language}
            meta = clean_metadata(raw, where, options)
            yield Document.from_text(check_length(text, where, options), origin=where, **meta)
        except PresswatchError as exc:
            yield Failure(where, exc.code, str(exc))
