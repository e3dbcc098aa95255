"""Fuzz the place resolver: border phrases, demonyms, prepositions and odd names (issue 11).

Place mentions and event locations must never crash the stage, must lie inside the text and name
a place; the direct mention finder and the whole pipeline are both exercised (few examples: each
parses the text with spaCy).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from presswatch.places.gazetteer import load_gazetteer
from presswatch.places.mentions import find_place_mentions
from presswatch.records import Document
from tests.fuzz.checks import check_offsets, examples

PIECES = [
    "the border between", "the border between the two countries", "Armenian-Azerbaijani border", "Tajik–Kyrgyz",
    "border area", "state border", "frontier", "in", "near", "at", "along", "outside", "into", "the", "and", "of",
    "Armenia", "Azerbaijan", "Kyrgyzstan", "Tajikistan", "Batken", "Jermuk", "Yerevan", "Baku", "Alma-Ata",
    "Almaty", "Minsk", "Moscow", "Georgia", "Washington", "Paris", "Springfield", "West", "the West", "Union",
    "Kremlin", "May", "August", "region", "district", "oblast", "city", "village", "capital", "Russian",
    "Belarusian", "Kazakh", "Ukrainian", "troops", "shelled", "clashed", "protested", "opened fire", "met",
    "Xx", "Aaaa-Bbbb", "A-B border", "Ab/Cd frontier", "—", "-", "/", ",", ".", "\n", "'s", "’s",
]
texts = st.lists(st.sampled_from(PIECES) | st.text(max_size=5), min_size=1, max_size=30).map(" ".join)


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


@settings(max_examples=examples(30))
@given(text=texts)
def test_place_mentions_index_the_text(pipeline, gazetteer, text):
    parsed = pipeline.nlp(text)
    for mention in find_place_mentions(text, parsed, (), gazetteer):
        assert 0 <= mention.start < mention.end <= len(text), mention
        assert mention.text == text[mention.start:mention.end]
        assert mention.location.name


@settings(max_examples=examples(25))
@given(text=texts.map(lambda text: f"Troops shelled villages {text}. Police clashed with protesters in {text}."))
def test_places_stage_in_pipeline(pipeline, text):
    analysis = pipeline.analyze(Document.from_text(text, published="2022-09-13"))
    check_offsets(analysis)
    for event in analysis.events:
        location = event.location
        if location is not None:
            assert location.name
            if location.lat is not None:
                assert -90 <= location.lat <= 90 and -180 <= location.lon <= 180
