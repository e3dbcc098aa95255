"""Coverage-guided fuzzing of the date resolver (patterns + normalizer, no spaCy parse).

    .venv/bin/python fuzz/fuzz_dates.py -max_total_time=600

Input: first byte picks the publication date (including the calendar's edges), the rest is the
text (UTF-8, invalid bytes replaced).  Every expression must index the text and every resolved
value must be an ISO date cut to its precision.
"""

from __future__ import annotations

import re
import sys

import atheris

with atheris.instrument_imports(include=["presswatch"]):
    from presswatch.dates.expressions import find_expressions
    from presswatch.dates.normalize import resolve_expressions

import common  # noqa: E402

PUBLISHED = (None, "2022-10-12", "0001-01-01", "9999-12-31", "2000-02-29", "2022-09-13T10:00:00", "garbage")
VALUE = {"day": re.compile(r"^\d{4}-\d{2}-\d{2}$"), "month": re.compile(r"^\d{4}-\d{2}$"),
         "year": re.compile(r"^\d{4}$")}
SENTENCE_END = re.compile(r"[.!?\n]")


def test_one_input(data: bytes) -> None:
    if not data:
        return
    published = PUBLISHED[data[0] % len(PUBLISHED)]
    text = data[1:].decode("utf-8", "replace")
    sentences, start = [], 0
    for match in SENTENCE_END.finditer(text):
        sentences.append((start, match.end()))
        start = match.end()
    sentences.append((start, len(text)))
    for resolution in resolve_expressions(find_expressions(text, None), published, text, sentences):
        expression = resolution.expression
        assert 0 <= expression.start < expression.end <= len(text)
        assert text[expression.start:expression.end] == expression.text
        if resolution.value is not None:
            assert VALUE[resolution.precision].match(resolution.value), resolution


def seeds():
    for text in common.article_texts():
        yield bytes([1]) + text.encode()
    yield bytes([0]) + b"In 1900 the war began. 999 years earlier. Two days later. The next day."
    yield bytes([3]) + b"In February, next year, 999 weeks ago, last Monday, the 5th of May."


if __name__ == "__main__":
    common.fuzz("dates", test_one_input, seeds)
    sys.exit(0)
