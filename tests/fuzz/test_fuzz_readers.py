"""Fuzz every reader: arbitrary bytes and corrupted-but-structured inputs (issue 11).

Whatever the bytes, `read_sources` yields Documents or Failures carrying a PWE/PWW code and never
raises anything else.
"""

from __future__ import annotations

import gzip
import io
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from presswatch.ingest import ReadOptions, read_sources
from presswatch.records import Document, Failure
from tests.fuzz.checks import check_read_result, examples

SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".rss", ".atom", ".xml", ".warc", ".warc.gz")
SMALL = ReadOptions(max_bytes=4096, max_chars=2000)

# Text with markup characters, entities, quotes, control characters and non-ASCII letters.
texty = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80) | st.sampled_from(
    ["", " ", "<", "&amp;", "&#0;", "&#xD800;", "]]>", "<![CDATA[", "\x00", "\x1b[31m", "Ж", "\u202e", "\ufeff",
     "2022-13-45", "Tue, 31 Feb 2022 25:61:00 +9999", "9999-12-31", "0001-01-01", "yesterday", "not a date"])


def read_bytes_as(data: bytes, suffix: str, options: ReadOptions | None = None, sidecar: bytes | None = None):
    """Write `data` to a fresh file with `suffix` (and a `.meta.json` sidecar) and read it."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        if sidecar is not None:
            (Path(folder) / "input.meta.json").write_bytes(sidecar)
        results = list(read_sources([path], options))
        # a folder of the same file goes through list_inputs' recursive walk too
        results += list(read_sources([folder], options))
    for item in results:
        check_read_result(item)
    return results


@st.composite
def mutated(draw, base: bytes) -> bytes:
    """`base` after a few random edits: truncation, insertion, deletion, byte flips."""
    data = bytearray(base)
    for _ in range(draw(st.integers(0, 4))):
        op = draw(st.sampled_from(["truncate", "insert", "delete", "flip"]))
        at = draw(st.integers(0, len(data)))
        if op == "truncate":
            del data[at:]
        elif op == "insert":
            data[at:at] = draw(st.binary(max_size=16) | st.sampled_from([b"\x00", b"\xff\xfe", b"<", b"\r\n", b"\x1f\x8b"]))
        elif op == "delete":
            del data[at:at + draw(st.integers(1, 32))]
        elif data:
            data[min(at, len(data) - 1)] ^= draw(st.integers(1, 255))
    return bytes(data)


@settings(max_examples=examples(150))
@given(data=st.binary(max_size=2048), suffix=st.sampled_from(SUFFIXES), small=st.booleans())
def test_arbitrary_bytes_never_raise(data, suffix, small):
    read_bytes_as(data, suffix, SMALL if small else None)


@settings(max_examples=examples(60))
@given(text=texty, sidecar=st.binary(max_size=200) | st.builds(json.dumps, st.dictionaries(
    st.sampled_from(["title", "url", "outlet", "published", "language", "x"]),
    st.none() | st.integers() | texty | st.lists(st.integers(), max_size=2))).map(str.encode))
def test_txt_with_arbitrary_sidecar(text, sidecar):
    read_bytes_as((text or "x").encode("utf-8", "surrogatepass"), ".txt", sidecar=sidecar)


json_value = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | texty,
                          lambda inner: st.lists(inner, max_size=3) | st.dictionaries(texty, inner, max_size=3),
                          max_leaves=8)
jsonl_record = st.dictionaries(
    st.sampled_from(["text", "title", "url", "outlet", "published", "language", "extra"]),
    json_value | texty, max_size=6)


@settings(max_examples=examples(80))
@given(lines=st.lists(jsonl_record.map(json.dumps) | json_value.map(json.dumps) | texty, max_size=6),
       data=st.data())
def test_jsonl_structured_and_corrupted(lines, data):
    base = "\n".join(lines).encode("utf-8", "surrogatepass")
    read_bytes_as(data.draw(mutated(base)), ".jsonl", SMALL if data.draw(st.booleans()) else None)


html_fragment = st.recursive(
    texty.map(lambda text: text.replace("<", "&lt;")),
    lambda inner: st.tuples(st.sampled_from(["p", "div", "article", "script", "style", "h1", "b", "table", "td",
                                             "li", "br", "meta", "title", "html", "body", "svg", "math", "xmp"]),
                            st.lists(inner, max_size=3)).map(lambda pair: f"<{pair[0]}>{''.join(pair[1])}</{pair[0]}>"),
    max_leaves=12)


@settings(max_examples=examples(60))
@given(body=st.lists(html_fragment, max_size=5).map("".join), title=texty, lang=texty, data=st.data())
def test_html_structured_and_corrupted(body, title, lang, data):
    page = (f'<!DOCTYPE html><html lang="{lang}"><head><title>{title}</title>'
            f'<meta property="article:published_time" content="{title}"></head>'
            f"<body><article>{body}</article></body></html>").encode("utf-8", "surrogatepass")
    read_bytes_as(data.draw(mutated(page)), data.draw(st.sampled_from([".html", ".htm"])))


def escape_xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@settings(max_examples=examples(60))
@given(entries=st.lists(st.tuples(texty, texty, html_fragment, texty), max_size=4), atom=st.booleans(),
       feed_title=texty, language=texty, data=st.data())
def test_feeds_structured_and_corrupted(entries, atom, feed_title, language, data):
    if atom:
        items = "".join(f"<entry><title>{escape_xml(title)}</title><updated>{escape_xml(when)}</updated>"
                        f'<content type="html">{escape_xml(body)}</content><link href="{escape_xml(link)}"/></entry>'
                        for title, when, body, link in entries)
        feed = (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
                f"<title>{escape_xml(feed_title)}</title>{items}</feed>")
    else:
        items = "".join(f"<item><title>{escape_xml(title)}</title><pubDate>{escape_xml(when)}</pubDate>"
                        f"<description><![CDATA[{body}]]></description><link>{escape_xml(link)}</link></item>"
                        for title, when, body, link in entries)
        feed = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>{escape_xml(feed_title)}</title>'
                f"<language>{escape_xml(language)}</language>{items}</channel></rss>")
    read_bytes_as(data.draw(mutated(feed.encode("utf-8", "surrogatepass"))),
                  data.draw(st.sampled_from([".rss", ".atom", ".xml"])))


def warc_bytes(records: list[tuple[str, str, bytes]], compress: bool) -> bytes:
    """A WARC archive of the records, byte-identical for the same input (fixed ids and dates)."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compress)
    for number, (uri, content_type, payload) in enumerate(records):
        fixed = {"WARC-Date": "2022-10-12T00:00:00Z"}
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.0")
        response = writer.create_warc_record(uri, "response", payload=io.BytesIO(payload), http_headers=headers,
                                             warc_headers_dict={**fixed, "WARC-Record-ID": f"<urn:x:{number}a>"})
        request = writer.create_warc_record(uri, "request", payload=io.BytesIO(b"GET / HTTP/1.0\r\n\r\n"),
                                            warc_headers_dict={**fixed, "WARC-Record-ID": f"<urn:x:{number}b>"})
        writer.write_record(response)
        writer.write_record(request)
    return buffer.getvalue()


@settings(max_examples=examples(60))
@given(records=st.lists(st.tuples(
    st.sampled_from(["https://a.example/1", "http://b.example/x?y=1", "urn:x", "https://c.example/%00"]),
    st.sampled_from(["text/html", "text/html; charset=utf-8", "application/pdf", "TEXT/HTML", "text/plain"]),
    st.one_of(st.binary(max_size=200),
              html_fragment.map(lambda body: f"<html><body><article><p>{body}</p></article></body></html>"
                                .encode("utf-8", "surrogatepass")))), max_size=3),
    compress=st.booleans(), data=st.data())
def test_warc_structured_and_corrupted(records, compress, data):
    archive = data.draw(mutated(warc_bytes(records, compress)))
    read_bytes_as(archive, ".warc.gz" if compress else ".warc", SMALL if data.draw(st.booleans()) else None)


@settings(max_examples=examples(20))
@given(payload=st.binary(max_size=300))
def test_gzip_wrapped_garbage_as_warc(payload):
    read_bytes_as(gzip.compress(payload), ".warc.gz")


# Regressions: inputs the fuzzers above found crashing or misread (issue 11).

@pytest.mark.issue(11)
@pytest.mark.parametrize("data", ["\ufeff".encode(), "\u00a0\u2003\n".encode(), "\ufeff \u3000".encode()])
def test_txt_of_only_bom_or_unicode_spaces_is_empty(data):
    failure = read_bytes_as(data, ".txt")[0]
    assert isinstance(failure, Failure) and failure.code == "PWE101"


@pytest.mark.issue(11)
@pytest.mark.parametrize("declaration", [b'encoding="\x80utf-8"', b'encoding="\x00utf-8"'])
def test_feed_with_broken_encoding_declaration_is_pwe108(declaration):
    feed = b'<?xml version="1.0" ' + declaration + b'?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title></feed>'
    (failure, _again) = read_bytes_as(feed, ".rss")
    assert isinstance(failure, Failure) and failure.code == "PWE108"


@pytest.mark.issue(11)
def test_feed_entry_with_control_characters_keeps_its_text():
    feed = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>x</title>'
            b"<description><![CDATA[Troops\x1f moved <b>in</b>.]]></description></item></channel></rss>")
    document = read_bytes_as(feed, ".rss")[0]
    assert isinstance(document, Document) and document.text == "Troops moved in."


@pytest.mark.issue(11)
def test_warc_record_cut_inside_its_headers_is_pwe110():
    archive = warc_bytes([("https://a.example/1", "text/html", b"")], compress=False)
    archive = archive[:archive.rindex(b"WARC-Type: request") + len(b"WARC-Type: request")]
    results = read_bytes_as(archive, ".warc")
    assert [item.code for item in results if isinstance(item, Failure) and item.code == "PWE110"]
