"""Event-coding guards: instruments named as a passive's agent and truces that merely hold.

Each reading is tested with a sentence where it applies and one where it must not.  Sentences are
written for these tests; nothing comes from ../shared or the example articles.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.issue(5)


def at(analysis, word: str):
    """The events whose trigger text starts with `word`."""
    return [e for e in analysis.events if e.trigger.text.lower().startswith(word)]


@pytest.mark.parametrize("text, trigger", [
    ("The Peruvian consulate in Arica was wrecked by a truck bomb late on Sunday.", "wrecked"),
    ("Four Malian gendarmes were killed by a drone strike outside Gao on Friday.", "killed"),
    ("A Lebanese clinic near Tyre was hit by shells on Wednesday.", "hit"),
])
def test_an_instrument_as_passive_agent_is_no_source(analyze, text, trigger):
    events = [e for e in at(analyze(text), trigger) if e.type == "ASSAULT"]
    assert events  # the act is still found
    assert all(e.source is None or not any(w in e.source.text.lower() for w in ("bomb", "drone", "strike", "shell"))
               for e in events)


def test_an_actor_as_passive_agent_is_still_the_source(analyze):
    events = [e for e in at(analyze("Two Kenyan villages were shelled by Somali militants on Monday."), "shelled")
              if e.type == "ASSAULT"]
    assert events and all(e.source is not None and "militants" in e.source.text for e in events)


@pytest.mark.parametrize("text", [
    "The truce between Ecuador and Peru has largely held since the weekend.",
    "A ceasefire between Sudan and Chad held on Tuesday despite scattered gunfire.",
    "The Chilean-Bolivian truce remains in place after a week of skirmishes.",
])
def test_a_truce_that_holds_is_no_new_ceasefire(analyze, text):
    assert not [e for e in analyze(text).events if e.cameo == "0871"]


@pytest.mark.parametrize("text", [
    "Ecuador and Peru agreed a ceasefire on Saturday.",
    "Sudan announced a truce with Chad on Tuesday.",
])
def test_an_agreed_or_announced_truce_is_still_a_ceasefire(analyze, text):
    assert [e for e in analyze(text).events if e.cameo == "0871" and e.type == "RETREAT"]


def test_lasting_fighting_is_still_fighting(analyze):
    assert [e for e in analyze("The fighting between Sudan and Chad lasted three days.").events if e.type == "ASSAULT"]

