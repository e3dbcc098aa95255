"""Coverage-guided fuzzing of the contract loader, `Analysis.from_json`.

    .venv/bin/python fuzz/fuzz_contract.py -max_total_time=600

Input: the bytes decoded as UTF-8 (invalid bytes replaced).  The loader may refuse with a
PresswatchError (PWE501/502/503); anything else escaping is a crash.  What it accepts must
serialize and load again unchanged.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["presswatch"]):
    from presswatch.errors import PresswatchError
    from presswatch.records import (
        Analysis,
        Document,
        Entity,
        Event,
        EventDate,
        Extent,
        Location,
        Quote,
        Span,
        SpeakerRef,
        Technique,
    )

import common  # noqa: E402


def test_one_input(data: bytes) -> None:
    try:
        analysis = Analysis.from_json(data.decode("utf-8", "replace"))
    except PresswatchError as exc:
        assert exc.code in ("PWE501", "PWE502", "PWE503"), exc
        return
    assert Analysis.from_json(analysis.to_json()) == analysis


def seeds():
    text = "“We will respond,” the minister said on 12 September in Batken."
    span = Span(0, 17, text[0:17])
    analysis = Analysis(
        document=Document.from_text(text, published="2022-09-13"),
        sentences=(Extent(0, len(text)),),
        entities=(Entity("e1", "minister", "PERSON", None, (Span(22, 30, "minister"),)),),
        quotes=(Quote("q1", "direct", span, Span(31, 35, "said"), SpeakerRef("e1", 18, 30, "the minister")),),
        events=(Event("v1", "THREATEN", Span(3, 10, "will re"), Extent(0, len(text)), status="hypothetical",
                      date=EventDate("2022-09-12", "day", "12 September", 39, 51),
                      location=Location("Batken", "KGZ", None, 40.06, 70.82)),),
        techniques=(Technique("Loaded_Language", 0, 4, "“We "),),
        versions={"presswatch": "0"},
    )
    yield analysis.to_json().encode()
    yield analysis.to_json(indent=2).encode()
    yield Analysis(document=Document.from_text("x")).to_json().encode()


if __name__ == "__main__":
    common.fuzz("contract", test_one_input, seeds)
    sys.exit(0)
