"""Fuzz the date resolver: generated temporal expressions, extreme publication dates (issue 11).

The resolver must never raise, every expression's offsets must index the text, and every value
must be an ISO date cut to its precision.  The pure part (patterns + normalizer) runs many
examples; the stage inside the full pipeline runs a few.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from presswatch.dates.expressions import find_expressions
from presswatch.dates.normalize import resolve_expressions
from presswatch.records import Document
from tests.fuzz.checks import check_offsets, examples

VALUE = {"day": re.compile(r"^\d{4}-\d{2}-\d{2}$"), "month": re.compile(r"^\d{4}-\d{2}$"),
         "year": re.compile(r"^\d{4}$")}

# Pieces of temporal expressions and the words around them, including the largest numbers the
# patterns accept ("999 years later") and the edges of the calendar.
PIECES = [
    "On", "on", "in", "In", "since", "until", "by", "early", "late", "mid-", "the end of", "the beginning of",
    "September", "Sept.", "Feb", "May", "March", "December", "January", "12", "31", "29", "30", "1st", "13th",
    "0", "00", "32", "1900", "1999", "2000", "2022", "2099", "2022-09-12", "2022-02-30", "2099-12-31",
    "1900-01-01", "yesterday", "today", "the day before yesterday", "last night", "Tuesday", "next Sunday",
    "last Monday", "this week", "earlier this month", "next year", "the past year", "three days ago",
    "999 years ago", "999 months ago", "999 weeks ago", "999 days ago", "a week ago", "the next day",
    "the day before", "that day", "two days later", "999 years later", "999 years earlier",
    "999 months later", "999 weeks earlier", "999 days later", "a year after that",
    "999 years after the elections", "999 years before the war", "the elections", "the war", "-", "–", "to",
    "and", "of", ",", ".", "\n", " ", "the", "night of", "elections in",
]
texts = st.lists(st.sampled_from(PIECES), max_size=40).map(" ".join) | st.text(max_size=80)
published = st.none() | st.sampled_from(["0001-01-01", "0001-03-01", "9999-12-31", "9999-11-01", "2022-10-12",
                                         "2000-02-29", "not-a-date", ""]) | st.dates().map(date.isoformat)


def sentences_of(text: str) -> list[tuple[int, int]]:
    """Crude sentence offsets: split after each period or newline."""
    spans, start = [], 0
    for match in re.finditer(r"[.\n]", text):
        spans.append((start, match.end()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def check_resolutions(text: str, resolutions) -> None:
    for resolution in resolutions:
        expression = resolution.expression
        assert 0 <= expression.start < expression.end <= len(text)
        assert text[expression.start:expression.end] == expression.text
        if resolution.value is not None:
            assert VALUE[resolution.precision].match(resolution.value), resolution


@settings(max_examples=examples(400))
@given(text=texts, published=published)
def test_resolver_never_raises_and_values_are_iso(text, published):
    expressions = find_expressions(text, None)
    check_resolutions(text, resolve_expressions(expressions, published, text, sentences_of(text)))


@pytest.mark.issue(11)
@pytest.mark.parametrize(("text", "published"), [
    ("In 1900 the war began. 999 years earlier. 999 years earlier. 999 years earlier.", None),
    ("On 12 September 2099 it started. 999 years later, 999 years later, 999 years later.", None),
    ("It happened in February.", "9999-12-31"),
    ("It happened on Tuesday, next Sunday, next year, yesterday.", "0001-01-01"),
    ("Next year, next week, in 3 days.", "9999-12-31"),
    ("999 years ago, 999 weeks ago, 999 days ago, last Monday.", "0001-03-01"),
    ("On 1 January 1900. The day before. 999 days earlier. 999 weeks earlier.", None),
])
def test_calendar_edges_resolve_or_stay_unknown(text, published):
    check_resolutions(text, resolve_expressions(find_expressions(text, None), published, text, sentences_of(text)))


EVENT_SENTENCES = ["Troops opened fire on protesters", "The army shelled the village", "Police arrested the leaders",
                   "The ministers met in Moscow", "Azerbaijan attacked Armenian positions"]


@settings(max_examples=examples(25))
@given(parts=st.lists(st.tuples(st.sampled_from(EVENT_SENTENCES), st.lists(st.sampled_from(PIECES), max_size=6)),
                      min_size=1, max_size=4),
       published=published)
def test_dates_stage_in_pipeline(pipeline, parts, published):
    text = " ".join(f"{sentence} {' '.join(words)}." for sentence, words in parts)
    analysis = pipeline.analyze(Document.from_text(text, published=published))
    check_offsets(analysis)
    for event in analysis.events:
        if event.date is not None:
            assert VALUE[event.date.precision].match(event.date.value), event.date
