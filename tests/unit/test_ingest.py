"""Every reader, and every kind of bad input named in issue 2."""

from __future__ import annotations

import gzip
import io
import os
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from presswatch.ingest import ReadOptions, list_inputs, read_sources
from presswatch.records import Document, Failure, document_id
from tests.conftest import FIXTURES

ARTICLES = FIXTURES / "articles"


def split(items):
    items = list(items)
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, Failure)]


def test_txt_keeps_file_text_exactly_and_reads_sidecar():
    path = ARTICLES / "border_statement.txt"
    (document,), failures = split(read_sources([path]))
    assert failures == []
    assert document.text == path.read_text(encoding="utf-8")
    assert document.id == document_id(document.text)
    assert document.outlet == "Example Wire"
    assert document.published == "2022-09-13"
    assert document.origin == str(path)


def test_txt_without_sidecar_takes_published_from_options(tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text("A short report.\r\nSecond line with Windows newlines.\n", encoding="utf-8", newline="")
    (document,), _ = split(read_sources([path], ReadOptions(published="2022-10-12")))
    assert document.published == "2022-10-12"
    assert document.title is None and document.url is None
    assert "\r\n" in document.text  # newlines untouched, so offsets index the file


def test_sidecar_date_wins_over_command_line():
    (document,), _ = split(read_sources([ARTICLES / "border_statement.txt"], ReadOptions(published="2000-01-01")))
    assert document.published == "2022-09-13"


def test_html_main_text_and_page_metadata():
    (document,), failures = split(read_sources([ARTICLES / "summit_page.html"]))
    assert failures == []
    assert "lakeside city" in document.text
    assert "Related" not in document.text and "All rights reserved" not in document.text
    assert "Sport" not in document.text
    assert document.outlet == "Example Daily"
    assert document.published == "2022-09-16"
    assert document.url == "https://daily.example.com/2022/09/16/summit"
    assert document.language == "en"


def test_jsonl_reads_each_line_with_metadata():
    documents, failures = split(read_sources([ARTICLES / "mixed.jsonl"]))
    assert failures == []
    assert [d.title for d in documents] == ["Evening rally outside parliament", "Central bank raises rate"]
    assert documents[1].published == "2021-03-08"  # RFC 822 normalized
    assert documents[0].origin.endswith("mixed.jsonl:1")


def test_feed_prefers_full_content_and_flattens_html():
    documents, failures = split(read_sources([ARTICLES / "regional.rss"]))
    assert failures == []
    first, second = documents
    assert first.text.startswith("The ceasefire along the valley")
    assert "\n\n" in first.text and "<p>" not in first.text
    assert first.outlet == "Example Regional Monitor"
    assert first.published == "2022-09-18"
    assert first.language == "en"
    assert second.text == "Engineers from both sides met to inspect the shared canal."


def _warc(path: Path, records: list[tuple[str, str, bytes]]) -> None:
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=path.name.endswith(".gz"))
        for uri, content_type, payload in records:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.0")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(payload),
                                                          http_headers=headers))
            writer.write_record(writer.create_warc_record(uri, "request", payload=io.BytesIO(b"GET / HTTP/1.0\r\n\r\n")))


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_takes_html_responses_and_reports_others(tmp_path, name):
    page = (ARTICLES / "summit_page.html").read_bytes()
    path = tmp_path / name
    _warc(path, [("https://daily.example.com/summit", "text/html; charset=utf-8", page),
                 ("https://daily.example.com/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)])
    documents, failures = split(read_sources([path]))
    assert len(documents) == 1 and "lakeside city" in documents[0].text
    assert [f.code for f in failures] == ["PWW150"]
    assert failures[0].severity == "warning" and "image/png" in failures[0].message


def test_truncated_warc_keeps_records_before_damage(tmp_path):
    page = (ARTICLES / "summit_page.html").read_bytes()
    first = tmp_path / "first.warc.gz"
    _warc(first, [("https://a.example.com/1", "text/html", page)])
    whole = tmp_path / "whole.warc.gz"
    _warc(whole, [("https://a.example.com/1", "text/html", page), ("https://a.example.com/2", "text/html", page * 3)])
    data, boundary = whole.read_bytes(), first.stat().st_size
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: boundary + (len(data) - boundary) // 3])  # inside the second response
    documents, failures = split(read_sources([cut]))
    assert len(documents) == 1
    assert failures and failures[-1].code == "PWE110"


def test_directory_is_read_recursively_in_sorted_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Second article text.", encoding="utf-8")
    (tmp_path / "one.txt").write_text("First article text.", encoding="utf-8")
    (tmp_path / "one.meta.json").write_text('{"outlet": "X"}', encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    assert [p.name for p in list_inputs([tmp_path])] == ["two.txt", "one.txt"]
    documents, failures = split(read_sources([tmp_path]))
    assert len(documents) == 2 and failures == []


# --- bad input: each gives a specific message naming the file, and the rest goes on -----------


def _only_failure(path, options=None, named=None):
    documents, failures = split(read_sources([path], options))
    assert documents == []
    assert len(failures) == 1
    assert str(named or path) in failures[0].message
    return failures[0]


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("  \n", encoding="utf-8")
    assert _only_failure(path).code == "PWE101"


def test_binary_file(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert _only_failure(path).code == "PWE102"


def test_other_encoding_is_detected(tmp_path):
    path = tmp_path / "cyrillic.txt"
    text = "Президент заявил, что переговоры продолжатся на следующей неделе в столице республики."
    path.write_bytes(text.encode("cp1251"))
    (document,), failures = split(read_sources([path]))
    assert failures == [] and document.text == text


def test_huge_text_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as stream:
        stream.truncate(50 * 1000 * 1000)  # sparse 50 MB file
    failure = _only_failure(path)
    assert failure.code == "PWE106" and "50.0 MB" in failure.message


def test_text_over_character_limit(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("word " * 3000, encoding="utf-8")
    assert _only_failure(path, ReadOptions(max_chars=10_000)).code == "PWE113"


def test_truncated_html_still_yields_text_or_a_clear_error(tmp_path):
    page = (ARTICLES / "summit_page.html").read_text(encoding="utf-8")
    path = tmp_path / "cut.html"
    path.write_text(page[: page.index("Delegations")], encoding="utf-8")
    (document,), failures = split(read_sources([path]))
    assert "lakeside city" in document.text and failures == []
    shell = tmp_path / "shell.html"
    shell.write_text("<html><head><title>x</title></head><body><div", encoding="utf-8")
    assert _only_failure(shell).code == "PWE107"


def test_malformed_jsonl_lines_are_reported_with_line_numbers(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text('{"text": "Good first line."}\n{"text": \n[1, 2]\n{"title": "no text"}\n'
                    '{"text": 5}\n\n{"text": "Good last line.", "published": 20220101}\n'
                    '{"text": "Fine again."}\n', encoding="utf-8")
    documents, failures = split(read_sources([path]))
    assert [d.text for d in documents] == ["Good first line.", "Fine again."]
    assert [(f.code, f.line) for f in failures] == [("PWE105", 2), ("PWE105", 3), ("PWE104", 4),
                                                    ("PWE114", 5), ("PWE112", 7)]
    assert f"{path}:4" in failures[2].message


def test_feed_with_broken_entries(tmp_path):
    path = tmp_path / "broken.rss"
    path.write_text("""<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
<item><title>Empty entry</title><link>https://x.example.com/1</link></item>
<item><title>Good entry</title><description>Officials met on Monday.</description></item>
</channel></rss>""", encoding="utf-8")
    documents, failures = split(read_sources([path]))
    assert [d.text for d in documents] == ["Officials met on Monday."]
    assert [f.code for f in failures] == ["PWE109"]
    not_a_feed = tmp_path / "junk.xml"
    not_a_feed.write_text("<<<< this is not xml at all", encoding="utf-8")
    assert _only_failure(not_a_feed).code == "PWE108"


def test_unreadable_and_missing_paths(tmp_path):
    missing = tmp_path / "nowhere.txt"
    assert _only_failure(missing).code == "PWE100"
    dangling = tmp_path / "dangling.txt"
    dangling.symlink_to(tmp_path / "gone.txt")
    assert _only_failure(dangling).code == "PWE100"
    locked = tmp_path / "locked.txt"
    locked.write_text("secret", encoding="utf-8")
    locked.chmod(0)
    try:
        if not os.access(locked, os.R_OK):  # root reads anything, so this part runs for other users
            assert _only_failure(locked).code == "PWE100"
    finally:
        locked.chmod(0o644)


def test_unsupported_file_type_named_explicitly(tmp_path):
    path = tmp_path / "sheet.xlsx"
    path.write_bytes(b"PK\x03\x04")
    failure = _only_failure(path)
    assert failure.code == "PWE111" and ".xlsx" in failure.message


def test_broken_sidecar(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Some text.", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text("{not json", encoding="utf-8")
    assert _only_failure(path, named=tmp_path / "a.meta.json").code == "PWE112"


def test_one_bad_file_does_not_stop_the_batch(tmp_path):
    (tmp_path / "a.txt").write_text("First good article.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "d.jsonl").write_text('{"text": "Third good article."}\nnot json\n', encoding="utf-8")
    with gzip.open(tmp_path / "e.warc.gz", "wb") as stream:
        stream.write(b"garbage, not a warc")
    (tmp_path / "f.txt").write_text("Second good article.", encoding="utf-8")
    documents, failures = split(read_sources([tmp_path]))
    assert sorted(d.text for d in documents) == ["First good article.", "Second good article.", "Third good article."]
    assert sorted(f.code for f in failures) == ["PWE101", "PWE102", "PWE105", "PWE110"]
