"""Fuzz the contract loader: `Analysis.from_json`/`from_dict` raise only PresswatchError (issue 11).

Arbitrary JSON, arbitrary text and valid analyses with one value replaced are all fed to the
loader; generated valid analyses survive `to_json` -> `from_json` unchanged.
"""

from __future__ import annotations

import json
import typing

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from presswatch.errors import PresswatchError
from presswatch.records import (
    SCHEMA,
    AcledType,
    Actor,
    Analysis,
    DatePrecision,
    Document,
    Entity,
    Event,
    EventDate,
    EventStatus,
    Extent,
    Location,
    Participant,
    PloverType,
    Quote,
    QuoteKind,
    Span,
    SpeakerRef,
    Technique,
    TechniqueName,
)
from tests.fuzz.checks import examples

text = st.text(max_size=12)
maybe_text = st.none() | text
offset = st.integers(0, 10_000)
number = st.floats(allow_nan=False, allow_infinity=False)


def literal(kind) -> st.SearchStrategy:
    return st.sampled_from(typing.get_args(kind))


spans = st.builds(Span, start=offset, end=offset, text=text)
documents = st.builds(Document, id=text, title=maybe_text, url=maybe_text, outlet=maybe_text,
                      published=maybe_text, language=maybe_text, text=st.text(max_size=40), origin=maybe_text)
entities = st.builds(Entity, id=text, name=text, type=text,
                     actor=st.none() | st.builds(Actor, country=maybe_text, sector=maybe_text, role=maybe_text),
                     mentions=st.lists(spans, max_size=2).map(tuple))
quotes = st.builds(Quote, id=text, kind=literal(QuoteKind), content=spans, cue=st.none() | spans,
                   speaker=st.none() | st.builds(SpeakerRef, entity=maybe_text, start=offset, end=offset, text=text))
participants = st.none() | st.builds(Participant, entity=maybe_text, country=maybe_text, sector=maybe_text, text=text)
events = st.builds(
    Event, id=text, type=literal(PloverType), trigger=spans, sentence=st.builds(Extent, start=offset, end=offset),
    status=literal(EventStatus), mode=maybe_text, context=st.lists(text, max_size=2).map(tuple),
    cameo=maybe_text, goldstein=st.none() | number, quad_class=st.none() | st.integers(1, 4),
    acled=st.none() | st.builds(AcledType, event_type=text, sub_event_type=maybe_text),
    source=participants, target=participants,
    date=st.none() | st.builds(EventDate, value=text, precision=literal(DatePrecision), text=maybe_text,
                               start=st.none() | offset, end=st.none() | offset, method=maybe_text),
    location=st.none() | st.builds(Location, name=text, country=maybe_text, admin1=maybe_text,
                                   lat=st.none() | number, lon=st.none() | number, start=st.none() | offset,
                                   end=st.none() | offset, precision=maybe_text, method=maybe_text,
                                   countries=st.lists(text, max_size=2).map(tuple)),
    attributed_to=maybe_text, confidence=st.none() | number)
techniques = st.builds(Technique, technique=literal(TechniqueName), start=offset, end=offset, text=text,
                       confidence=st.none() | number)
analyses = st.builds(
    Analysis, document=documents, sentences=st.lists(st.builds(Extent, start=offset, end=offset), max_size=2).map(tuple),
    entities=st.lists(entities, max_size=2).map(tuple), quotes=st.lists(quotes, max_size=2).map(tuple),
    events=st.lists(events, max_size=2).map(tuple), techniques=st.lists(techniques, max_size=2).map(tuple),
    versions=st.dictionaries(text, text, max_size=2))

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20)


def load_or_refuse(loader, value) -> Analysis | None:
    """Run the loader; only PresswatchError (PWE501/502/503) may come out."""
    try:
        return loader(value)
    except PresswatchError as exc:
        assert exc.code in ("PWE501", "PWE502", "PWE503"), exc
        return None


@settings(max_examples=examples(200))
@given(analysis=analyses)
def test_round_trip(analysis):
    assert Analysis.from_json(analysis.to_json()) == analysis
    assert Analysis.from_dict(json.loads(analysis.to_json(indent=2))) == analysis


@settings(max_examples=examples(200))
@given(value=json_values)
def test_arbitrary_json_is_refused_cleanly(value):
    load_or_refuse(Analysis.from_dict, value)
    load_or_refuse(Analysis.from_dict, {"schema": SCHEMA, "document": value})
    load_or_refuse(Analysis.from_json, json.dumps(value))


@settings(max_examples=examples(200))
@given(raw=st.text(max_size=200) | st.sampled_from(["", "{", "[" * 50_000, "1" * 5_000, '{"schema": "' + SCHEMA + '"}',
                                                      "NaN", "-Infinity", '"\\ud800"', "\ufeff{}"]))
def test_arbitrary_text_is_refused_cleanly(raw):
    load_or_refuse(Analysis.from_json, raw)


def _paths(value, prefix=()):
    """Every (path, value) inside JSON data."""
    yield prefix, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*prefix, index))


def _replace(data, path, new):
    if not path:
        return new
    container = data
    for key in path[:-1]:
        container = container[key]
    container[path[-1]] = new
    return data


@settings(max_examples=examples(200))
@given(analysis=analyses, data=st.data())
def test_valid_analysis_with_one_value_corrupted(analysis, data):
    original = analysis.to_dict()
    paths = [path for path, _ in _paths(original)]
    path = data.draw(st.sampled_from(paths))
    corrupted = _replace(json.loads(json.dumps(original)), path, data.draw(json_values))
    loaded = load_or_refuse(Analysis.from_dict, corrupted)
    if loaded is not None:  # accepted: then it must serialize and load again identically
        assert Analysis.from_json(loaded.to_json()) == loaded
    if path and isinstance(path[-1], str):  # a dropped key: required ones are refused, optional ones defaulted
        container = json.loads(json.dumps(original))
        parent = container
        for key in path[:-1]:
            parent = parent[key]
        del parent[path[-1]]
        load_or_refuse(Analysis.from_dict, container)


@pytest.mark.issue(11)
@pytest.mark.parametrize("raw", ["[" * 100_000, '{"schema": ' * 100_000, "1" * 5_000,
                                 '{"schema": "presswatch.analysis/1", "document": ' + "9" * 5000 + "}"])
def test_deeply_nested_or_huge_number_json_is_a_clean_error(raw):
    with pytest.raises(PresswatchError) as caught:
        Analysis.from_json(raw)
    assert caught.value.code == "PWE501"
