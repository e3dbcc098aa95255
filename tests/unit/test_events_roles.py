"""Source and target selection of the events stage (issue 5, session 9).

Each reading is tested with a sentence where it applies and, where it matters, one where it must
not.  Sentences are written for these tests; nothing comes from ../shared or the example articles.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.issue(5)


def at(analysis, word: str):
    """The events whose trigger text starts with `word`."""
    return [e for e in analysis.events if e.trigger.text.lower().startswith(word)]


def test_a_predicate_adjective_s_subject_acts_in_its_infinitive(analyze):
    events = at(analyze("The rebel commander is about to free the Ugandan hostages."), "free")
    assert events and all(e.source is not None and "commander" in e.source.text for e in events)


@pytest.mark.parametrize("text, verb, subject", [
    ("The Tanzanian delegation is ready to sign the border accord.", "sign", "delegation"),
    ("The Honduran navy is about to leave the gulf.", "leave", "navy"),
    ("The Haitian champion is hard to defeat.", "defeat", None),  # the subject is who is defeated
])
def test_controller_of_an_adjective_s_infinitive(pipeline, text, verb, subject):
    from presswatch.events.extract import _controller

    token = next(t for t in pipeline.nlp(text) if t.lower_ == verb)
    found, passive = _controller(token)
    assert (found.lower_ if found is not None else None) == subject and not passive


def test_an_active_clause_joined_to_a_passive_one_keeps_its_subject_as_actor(analyze):
    events = at(analyze("The Chadian colonel was arrested in June and accused Sudan of arming the rebels."), "accused")
    assert events and all(e.source is not None and e.source.country == "TCD" for e in events)
    assert all(e.target is not None and e.target.country == "SDN" for e in events)


@pytest.mark.parametrize("text, verb, passive", [
    ("The Zambian envoy was expelled and later criticized the decision.", "criticized", False),
    ("The Zambian envoy was detained and questioned for hours.", "questioned", True),  # shares the passive
    ("The Zambian envoy was expelled on Monday, accusing the hosts of bias.", "accusing", False),
])
def test_a_coordinated_or_adverbial_clause_is_passive_only_by_its_own_form(pipeline, text, verb, passive):
    from presswatch.events.extract import _controller

    token = next(t for t in pipeline.nlp(text) if t.lower_ == verb)
    found, is_passive = _controller(token)
    assert found is not None and found.lower_ == "envoy" and is_passive == passive


@pytest.mark.parametrize("text, verb, target", [
    # an event noun object's by-agent is the target
    ("Peru condemned an attack by the Shining Path on Sunday.", "condemned", "Path"),
    ("The Guatemalan cabinet denounced the raid by masked gunmen on a border village.", "denounced", "gunmen"),
    # a "with/against" partner inside the demanded clause or the subject's phrase is not the verb's
    ("Brazil demanded that the militia end its campaign against Paraguay.", "demanded", "militia"),
    ("Chile along with its neighbours demanded that Bolivia withdraw.", "demanded", "Bolivia"),
    # one reached through the verb's own phrases still is
    ("Ecuador discussed the crisis by telephone with Colombia.", "discussed", "Colombia"),
    # an event noun after a preposition names whom the act is about by its owner
    ("The Malian junta objected to Algerian mediation between the rival factions.", "objected", "Algerian"),
    ("Armenia complained to the OSCE over Azerbaijani raids on border villages.", "complained", "Azerbaijani"),
    # an event noun without an owner leaves the partner to the other rules
    ("Peru agreed to a truce during its talks with Ecuador.", "agreed", "Ecuador"),
])
def test_verb_target(pipeline, text, verb, target):
    from presswatch.events.extract import _verb_roles

    doc = pipeline.nlp(text)
    _, found, _ = _verb_roles(next(t for t in doc if t.lower_ == verb))
    assert [doc[i].text for i in found] == [target]


def test_an_event_noun_object_s_means_is_no_target(pipeline):
    from presswatch.events.extract import _event_agents

    doc = pipeline.nlp("The mayor condemned the damage by shelling and the attack by a car bomb.")
    assert all(_event_agents(t) == [] for t in doc if t.lower_ in ("damage", "attack"))


