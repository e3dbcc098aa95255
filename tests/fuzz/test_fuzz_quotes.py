"""Fuzz the quote extractor: text full of « » „ " ' ‘ ’ “ ” and reporting words (issue 11).

`find_quoted` (pure, many examples) must return in-bounds ranges that start and end on a quote
mark; the whole stage inside the pipeline (a few examples) must not crash and every quote's
content, cue and speaker offsets must index the text.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from presswatch.quotes.marks import ALL_MARKS, find_quoted
from presswatch.records import Document
from tests.fuzz.checks import QUOTE_CHARS, check_offsets, examples, quote_heavy_text


@settings(max_examples=examples(500))
@given(text=quote_heavy_text | st.text(alphabet=QUOTE_CHARS + " \n.a", max_size=60))
def test_find_quoted_ranges_index_the_text(text):
    ranges = find_quoted(text)
    for start, end in ranges:
        assert 0 <= start < end <= len(text), (start, end)
        assert text[start] in ALL_MARKS + "`", (text, start)
    assert ranges == find_quoted(text)  # deterministic


@settings(max_examples=examples(30))
@given(text=quote_heavy_text)
def test_quotes_stage_offsets_index_the_text(pipeline, text):
    analysis = pipeline.analyze(Document.from_text(text))
    check_offsets(analysis)
    for quote in analysis.quotes:
        assert quote.content.text == text[quote.content.start:quote.content.end]
        if quote.speaker is not None:
            assert quote.speaker.text == text[quote.speaker.start:quote.speaker.end]


@pytest.mark.issue(11)
@pytest.mark.parametrize("text", [
    "“" * 2000, "”" * 2000, "'" * 2000, "« " * 1000, "\"a\" " * 500,
    "“" + "a\n\n" * 300 + "”", "‘’" * 1000, "''``" * 500,
])
def test_pathological_mark_runs_are_quick_and_in_bounds(text):
    for start, end in find_quoted(text):
        assert 0 <= start < end <= len(text)
