"""The contract: JSON round-trip, span construction, loader errors."""

from __future__ import annotations

import dataclasses
import json

import pytest

from presswatch.errors import PresswatchError
from presswatch.records import (
    SCHEMA,
    AcledMain,
    AcledType,
    Actor,
    Analysis,
    Document,
    Entity,
    Event,
    EventDate,
    Extent,
    Location,
    Participant,
    Quote,
    SpeakerRef,
    Technique,
    make_span,
)

TEXT = "Officials said: “The border is calm.” Troops shelled the village on Monday."


def full_analysis() -> Analysis:
    document = Document.from_text(TEXT, title="T", url=None, outlet="Example Wire", published="2022-09-13",
                                  language="en")
    officials = Entity("e1", "officials", "NORP", Actor("ARM", "GOV", None), (make_span(TEXT, 0, 9),))
    quote = Quote("q1", "direct", make_span(TEXT, 17, 35), make_span(TEXT, 10, 14),
                  SpeakerRef("e1", 0, 9, "Officials"))
    event = Event("v1", "ASSAULT", make_span(TEXT, 45, 52), Extent(38, 75), status="asserted", mode="artillery",
                  context=("border",), cameo="195", goldstein=-10.0, quad_class=4,
                  acled=AcledType("Explosions/Remote violence", "Shelling/artillery/missile attack"),
                  source=Participant(None, None, "MIL", "Troops"), target=None,
                  date=EventDate("2022-09-12", "day", "on Monday"),
                  location=Location("Jermuk", "ARM", "Vayots Dzor", 39.84, 45.67), confidence=0.8)
    technique = Technique("Loaded_Language", 45, 52, "shelled", 0.5)
    return Analysis(document, (Extent(0, 37), Extent(38, 75)), (officials,), (quote,), (event,), (technique,),
                    {"presswatch": "test"})


def test_round_trip_is_exact():
    analysis = full_analysis()
    assert Analysis.from_json(analysis.to_json()) == analysis
    assert Analysis.from_dict(json.loads(analysis.to_json(indent=2))) == analysis


def test_json_keys_follow_the_contract():
    data = full_analysis().to_dict()
    assert list(data)[0] == "schema" and data["schema"] == SCHEMA
    assert set(data["document"]) >= {"id", "title", "url", "outlet", "published", "language", "text"}
    event = data["events"][0]
    assert set(event) >= {"id", "type", "mode", "context", "cameo", "goldstein", "quad_class", "acled", "source",
                          "target", "date", "location", "status", "attributed_to", "trigger", "sentence",
                          "confidence"}
    assert event["trigger"] == {"start": 45, "end": 52, "text": "shelled"}
    assert event["sentence"] == {"start": 38, "end": 75}
    assert data["quotes"][0]["speaker"] == {"entity": "e1", "start": 0, "end": 9, "text": "Officials"}
    assert data["entities"][0]["actor"] == {"country": "ARM", "sector": "GOV", "role": None}


def test_acled_main_is_null_by_default_and_round_trips():
    analysis = full_analysis()
    assert analysis.to_dict()["acled_main"] is None and Analysis.from_json(analysis.to_json()).acled_main is None
    main = AcledMain("Explosions/Remote violence", "Shelling/artillery/missile attack", 0.62, ("v1",))
    with_main = dataclasses.replace(analysis, acled_main=main)
    assert with_main.to_dict()["acled_main"] == {"event_type": "Explosions/Remote violence",
                                                 "sub_event_type": "Shelling/artillery/missile attack",
                                                 "score": 0.62, "events": ["v1"]}
    assert Analysis.from_json(with_main.to_json()) == with_main
    old = json.loads(analysis.to_json())
    del old["acled_main"]  # JSON written before the field existed still loads
    assert Analysis.from_dict(old) == analysis


def test_every_span_indexes_the_text():
    analysis = full_analysis()
    for span in [analysis.quotes[0].content, analysis.quotes[0].cue, analysis.events[0].trigger,
                 *analysis.entities[0].mentions]:
        assert TEXT[span.start:span.end] == span.text


def test_make_span_refuses_out_of_bounds():
    with pytest.raises(PresswatchError) as info:
        make_span("short", 2, 9)
    assert info.value.code == "PWE503"
    with pytest.raises(PresswatchError):
        make_span("short", 3, 2)


@pytest.mark.parametrize("payload, code", [
    ("not json", "PWE501"),
    ("[1, 2]", "PWE501"),
    ('{"schema": "other/2"}', "PWE502"),
    ('{"schema": "presswatch.analysis/1"}', "PWE501"),
])
def test_loader_rejects_bad_input(payload, code):
    with pytest.raises(PresswatchError) as info:
        Analysis.from_json(payload)
    assert info.value.code == code


def test_loader_rejects_wrong_types_and_vocabulary():
    data = full_analysis().to_dict()
    data["events"][0]["status"] = "rumoured"
    with pytest.raises(PresswatchError, match="rumoured"):
        Analysis.from_dict(data)
    data = full_analysis().to_dict()
    data["events"][0]["trigger"]["start"] = "44"
    with pytest.raises(PresswatchError, match=r"events\[0\]\.trigger\.start"):
        Analysis.from_dict(data)


def test_unknown_extra_keys_are_ignored_and_missing_optionals_default():
    data = full_analysis().to_dict()
    data["future_field"] = 1
    del data["techniques"]
    restored = Analysis.from_dict(data)
    assert restored.techniques == ()


def test_a_date_range_keeps_its_last_day_and_a_single_day_has_no_until_key():
    data = full_analysis().to_dict()
    assert "until" not in data["events"][0]["date"]  # older readers see the same keys as before
    ranged = EventDate("2031-04-07", "day", "from 7 to 9 April", 20, 37, "clause:DAY_RANGE_MONTH", until="2031-04-09")
    analysis = full_analysis()
    analysis = dataclasses.replace(analysis, events=(dataclasses.replace(analysis.events[0], date=ranged),))
    assert analysis.to_dict()["events"][0]["date"]["until"] == "2031-04-09"
    assert Analysis.from_json(analysis.to_json()) == analysis
