"""Coverage-guided fuzzing of the quote extractor: quotation marks and the quotes stage.

    .venv/bin/python fuzz/fuzz_quotes.py -max_total_time=600 -max_len=2000

Input: UTF-8 text (invalid bytes replaced).  `find_quoted` must return in-bounds ranges, and the
quotes stage (actors + quotes over a spaCy parse) must not crash, with every offset indexing the
text.  The model loads once, before fuzzing starts.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["presswatch"]):
    from presswatch import actors, quotes
    from presswatch.pipeline import Pipeline
    from presswatch.quotes.marks import find_quoted
    from presswatch.records import Document

import common  # noqa: E402

PIPELINE = Pipeline(stage_modules=(actors, quotes))


def test_one_input(data: bytes) -> None:
    text = data.decode("utf-8", "replace")
    for start, end in find_quoted(text):
        assert 0 <= start < end <= len(text), (start, end)
    common.check_offsets(PIPELINE.analyze(Document.from_text(text)))


def seeds():
    for text in common.article_texts(1500):
        yield text.encode()
    yield "«Non», a-t-il dit. „Nein“, sagte er. ‘Single’ and “double” and ''paired'' and ``backticks''.".encode()


if __name__ == "__main__":
    common.fuzz("quotes", test_one_input, seeds)
    sys.exit(0)
