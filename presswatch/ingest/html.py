"""HTML pages: main text with trafilatura (boilerplate dropped), metadata from the page."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import lxml.html
import trafilatura
from lxml.etree import ParserError

from presswatch.errors import PresswatchError
from presswatch.ingest.files import (
    ReadOptions,
    check_length,
    clean_metadata,
    decode_text,
    read_bytes,
    read_sidecar,
)
from presswatch.records import Document

# The language attribute of the <html> element: `<html lang="en-GB">` -> "en"; not `<meta lang>`.
HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})\b", re.IGNORECASE)
# Control characters lxml refuses in text nodes (all C0 but tab, newline, carriage return); a feed
# entry body carrying one is parsed without it rather than lost (issue 11).  Not \t, \n, \r.
XML_INCOMPATIBLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# Block elements whose text becomes its own paragraph when a feed entry's HTML is flattened.
BLOCK_TAGS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "br"}


def extract_html(markup: str, where: str, options: ReadOptions, url: str | None = None) -> Document:
    """A Document from a whole HTML page (PWE107 when no main text is found)."""
    try:
        result = trafilatura.bare_extraction(markup, url=url, with_metadata=True, include_comments=False,
                                             include_tables=False)
    except (ValueError, TypeError, ParserError) as exc:
        raise PresswatchError("PWE107", path=where, reason=str(exc) or type(exc).__name__) from exc
    if result is None or not (result.text or "").strip():
        raise PresswatchError("PWE107", path=where, reason="the page has no article body")
    language = result.language
    if language is None and (match := HTML_LANG.search(markup[:4096])):
        language = match.group(1).lower()
    meta = clean_metadata({"title": result.title, "url": result.url or url, "outlet": result.sitename,
                           "published": result.date, "language": language}, where, options)
    text = check_length(result.text, where, options)
    return Document.from_text(text, origin=where, **meta)


def read_html(path: Path, options: ReadOptions) -> Iterator[Document]:
    """One Document from an HTML file; a `NAME.meta.json` sidecar overrides page metadata."""
    document = extract_html(decode_text(read_bytes(path, options), path), str(path), options)
    sidecar = {key: value for key, value in read_sidecar(path, options).items() if value}
    yield Document(**{**document.__dict__, **sidecar})


def html_fragment_text(fragment: str) -> str:
    """Readable text of an HTML fragment (a feed entry body): one paragraph per block element."""
    if "<" not in fragment:
        return fragment.strip()
    try:
        root = lxml.html.fragment_fromstring(XML_INCOMPATIBLE.sub("", fragment), create_parent="div")
    except (ParserError, ValueError):
        return ""
    paragraphs: list[str] = []
    current: list[str] = []

    def flush() -> None:
        paragraph = " ".join("".join(current).split())
        if paragraph:
            paragraphs.append(paragraph)
        current.clear()

    for event, element in lxml.html.etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if tag in BLOCK_TAGS:
                flush()
            if element.text and tag not in ("script", "style"):
                current.append(element.text)
        else:
            if tag in BLOCK_TAGS:
                flush()
            if element.tail and element is not root:
                current.append(element.tail)
    flush()
    return "\n\n".join(paragraphs)
