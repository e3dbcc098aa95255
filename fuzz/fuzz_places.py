"""Coverage-guided fuzzing of the place resolver: mentions, gazetteer lookup, event locations.

    .venv/bin/python fuzz/fuzz_places.py -max_total_time=600 -max_len=2000

Input: UTF-8 text (invalid bytes replaced), analyzed by every stage up to places (actors,
quotes, events, dates, places).  No crash; every offset indexes the text; coordinates are on
Earth.  The model and gazetteer load once, before fuzzing starts.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["presswatch"]):
    from presswatch import actors, dates, events, places, quotes
    from presswatch.pipeline import Pipeline
    from presswatch.records import Document

import common  # noqa: E402

PIPELINE = Pipeline(stage_modules=(actors, quotes, events, dates, places))


def test_one_input(data: bytes) -> None:
    text = data.decode("utf-8", "replace")
    analysis = PIPELINE.analyze(Document.from_text(text, published="2022-09-13"))
    common.check_offsets(analysis)
    for event in analysis.events:
        location = event.location
        if location is not None and location.lat is not None:
            assert -90 <= location.lat <= 90 and -180 <= (location.lon or 0) <= 180, location


def seeds():
    for text in common.article_texts(1500):
        yield text.encode()
    yield b"Azerbaijani troops shelled Armenian positions along the Armenian-Azerbaijani border near Jermuk."
    yield b"Fighting broke out on the border between Kyrgyzstan and Tajikistan in the Batken region."


if __name__ == "__main__":
    common.fuzz("places", test_one_input, seeds)
    sys.exit(0)
