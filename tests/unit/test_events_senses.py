"""Which sense of a verb the events stage codes, and whether the stance or the act inside it is the
event (issue 5): pattern words nearest the verb, lexicon 1.6.0 patterns, conditional threats, stances
over event nouns, parser-split complements.

Each reading is tested with a sentence where it applies and, where a wrong reading is likely, one
where it must not.  Sentences are written for these tests; nothing comes from ../shared or the
example articles.
"""

from __future__ import annotations

import pytest

from presswatch.events.lexicon import load_lexicon

pytestmark = pytest.mark.issue(5)


def at(analysis, word: str):
    """The events whose trigger text starts with `word`, most confident first."""
    return sorted((e for e in analysis.events if e.trigger.text.lower().startswith(word)), key=lambda e: -e.confidence)


def top(analysis):
    return max(analysis.events, key=lambda e: e.confidence)


def test_equally_long_patterns_prefer_the_words_nearest_the_verb():
    lex = load_lexicon()
    # "mobilized troops ... against X" is a military build-up; "mobilized against the troops" a protest
    assert lex.match_verb("mobilize", {}, {"troops": 1, "against": 6}).code == "154"
    assert lex.match_verb("mobilize", {}, {"against": 1, "troops": 3}).code == "141"
    # without distances the first listed pattern still wins, as before
    assert lex.match_verb("mobilize", set(), {"troops", "against"}).code == "141"


@pytest.mark.parametrize("text, trigger, plover, code", [
    ("Ruritania mobilized thousands of troops for a possible war against Borduria.", "mobilized", "MOBILIZE", "154"),
    ("Thousands of tenants mobilized against the new eviction law in Portvale.", "mobilized", "PROTEST", "141"),
    ("Ruritania withdrew its election monitors from Borduria on Friday.", "withdrew", "SANCTION", "1662"),
    ("Ruritania withdrew its troops from the disputed ridge on Friday.", "withdrew", "RETREAT", "087"),
    ("Striking dockers blocked the main bridge into Portvale for six hours.", "blocked", "PROTEST", "144"),
    ("Borduria strengthened its forces along the northern frontier after the skirmish.", "strengthened",
     "MOBILIZE", "154"),
    ("Borduria strengthened sanctions on Ruritanian banks.", "strengthened", "SANCTION", "163"),
    ("The nurses' union called off its planned strike after the ministry raised wages.", "called off",
     "CONCEDE", "082"),
    ("The nurses' union called for a strike over unpaid wages.", "called", "REQUEST", "02"),
    ("The farmers' federation in Ruritania opposed the government's irrigation plan.", "opposed", "REJECT", "120"),
    ("The junta in Borduria eased the emergency measures in the capital.", "eased", "CONCEDE", "081"),
    ("Police in Portvale prevented the rally planned by pensioners outside parliament.", "prevented",
     "COERCE", "1721"),
    ("Ruritania announced a suspension of flights to Borduria.", "suspension", "SANCTION", "16"),
    ("The Ruritanian ombudsman completed an investigation into Bordurian arms purchases.", "investigation", "ACCUSE",
     "090"),
    # an order or pressure on someone to act is a demand (PLOVER DEMAND: "all demands and orders")
    ("The military council ordered the striking miners to return to the pits.", "ordered", "REQUEST", "100"),
    ("Ruritanian officials pressured the dock union to drop its wage claim.", "pressured", "REQUEST", "100"),
    # an ordered arrest keeps PETRARCH's pattern: the arrest itself
    ("The prosecutor ordered the arrest of three Bordurian customs officers.", "ordered", "COERCE", "173"),
    # lexicon 1.6.2: accepting a formula is agreeing; defacing damages property (171); a mediation mission
    ("Borduria accepted a formula for settling its water dispute with Ruritania.", "accepted", "AGREE", "030"),
    ("Supporters of the Ruritanian opposition defaced the Bordurian embassy in Klow.", "defaced", "COERCE", "171"),
    ("The Syldavian envoy undertook a mediation mission between the two feuding clans.", "mediation mission",
     "CONSULT", "045"),
])
def test_the_sense_the_context_selects(analyze, text, trigger, plover, code):
    found = at(analyze(text), trigger)
    assert found and found[0].type == plover and found[0].cameo.startswith(code)


@pytest.mark.parametrize("text, word", [
    ("The storm prevented the delivery of food to the island.", "prevented"),
    ("The football league announced a suspension of the striker for three matches.", "suspension"),
])
def test_no_political_act_in_these_senses(analyze, text, word):
    assert not at(analyze(text), word)


@pytest.mark.parametrize("text, trigger, plover", [
    ("The insurgent commander has sworn to seize the port city before winter.", "sworn", "THREATEN"),
    ("The insurgent commander swore to release the captured engineers.", "swore", "AGREE"),
])
def test_a_sworn_act_is_a_pledge(analyze, text, trigger, plover):
    """An oath over an act is a pledge: a threat when the act is force, else an intent (the parser hangs
    "to seize" on "sworn" as an adverbial clause)."""
    assert top(analyze(text)).trigger.text.lower() == trigger and top(analyze(text)).type == plover


def test_a_possible_hostile_act_under_a_condition_is_a_threat(analyze):
    warned = at(analyze("Ruritania may cut off gas supplies to Borduria if the border stays closed."), "cut")
    assert warned[0].type == "THREATEN" and warned[0].status == "asserted"
    plain = at(analyze("Ruritania may cut off gas supplies to Borduria next winter."), "cut")
    assert all(e.type != "THREATEN" for e in plain)


def test_an_announced_restriction_named_by_a_compound_noun_is_a_threat(analyze):
    """The first word of "late-night curfew" is the trigger's first token; the announcement still reaches it."""
    found = at(analyze("The mayor announced that he will prolong the late-night curfew across the old quarter."),
               "night curfew")
    assert found[0].type == "THREATEN"
    found = at(analyze("The mayor prolonged the late-night curfew across the old quarter."), "night curfew")
    assert [e.type for e in found] == ["COERCE"]


@pytest.mark.parametrize("text, code", [
    ("At the end of a stormy session the Lowmark council rejected the tunnel plan.", "120"),
    ("At the end of a stormy session the Lowmark council rejected the tunnel.", None),
])
def test_rejecting_a_plan_is_a_rejection_by_the_rules(pipeline, text, code):
    """A rejected plan is coded by the rules alone (the quad model's confirmation is not needed); a
    rejected thing the dictionary does not name is not."""
    from presswatch.events.extract import EventExtractor

    doc = pipeline.nlp(text)
    verb = next(t for t in doc if t.lower_ == "rejected")
    trigger = EventExtractor(load_lexicon()).verb_trigger(verb)
    assert (trigger and trigger.cameo.code) == code


def test_an_event_noun_the_stance_is_about_ranks_below_the_stance(analyze):
    analysis = analyze("Syldavia objected to Ruritanian mediation between the two rival clans.")
    assert top(analysis).trigger.text == "objected" and top(analysis).type == "REJECT"
    assert at(analysis, "mediation")  # still an event, ranked below


def test_a_demand_over_an_infinitive_after_its_object_governs_it(analyze):
    analysis = analyze("Ruritania demanded the Bordurian authorities in the enclave to free the detained fishermen.")
    assert top(analysis).type == "REQUEST"
    # an infinitive after an object naming no one to act is a purpose: "called" is no appeal here
    analysis = analyze("The opposition leaders called a general strike to protest against the new tax.")
    assert all(e.type != "REQUEST" for e in analysis.events)


def test_an_attempted_assassination_is_coded_without_a_model_confirmation(analyze):
    found = at(analyze("An attempt to assassinate the Syldavian defence minister was foiled in Klow, police said."),
               "assassinate")
    assert found and found[0].type == "ASSAULT" and found[0].cameo == "186"


def test_a_person_noun_matching_an_arrest_cue_is_no_arrest(analyze):
    """"detain*" marks an arrest, but "detainees" are people already held, not a new act."""
    assert not at(analyze("The tribunal in Klow reviewed complaints from Bordurian detainees about prison food."),
                  "detainees")


@pytest.mark.parametrize("text, plover", [
    # the parser hangs a sentence-final report verb on an appositive: still the speaker's protest
    ("Borduria keeps breaking the grazing accord, a Ruritanian herders' association protested on Friday.", "ACCUSE"),
    ("The Ruritanian embassy protested that its diplomats had been harassed in Klow.", "ACCUSE"),
    ("Thousands of pensioners protested outside the Bordurian parliament on Friday.", "PROTEST"),
])
def test_a_protest_that_reports_speech_is_disapproval(analyze, text, plover):
    found = at(analyze(text), "protested")
    assert found and found[0].type == plover


@pytest.mark.parametrize("text, plover, code", [
    ("Bordurian artillery units prepared to bombard the rebel villages near the river.", "MOBILIZE", "154"),
    ("Ruritania prepared to sign a trade pact with Borduria.", "AGREE", "03"),
])
def test_a_prepared_use_of_force_is_a_build_up(analyze, text, plover, code):
    found = at(analyze(text), "prepared")
    assert found and found[0].type == plover and found[0].cameo.startswith(code)


@pytest.mark.parametrize("text, code, target", [
    ("Two Georgian checkpoints near Lagodekhi came under mortar fire overnight.", "194", "GEO"),
    ("A Moldovan patrol had come under small-arms fire on the river bank.", "193", "MDA"),
    ("Polish border guards came under attack by a crowd of men on Sunday.", "190", "POL"),
])
def test_coming_under_fire_or_attack_is_force_used_on_the_subject(analyze, text, code, target):
    analysis = analyze(text)
    (came,) = at(analysis, "came") or at(analysis, "come")
    assert came.cameo == code and came.target is not None and came.target.country == target
    assert all(e.source is None or e.source.country != target for e in analysis.events)  # nor the noun's attacker


def test_coming_under_fire_without_a_weapon_stays_criticism(analyze):
    (came,) = at(analyze("The Latvian finance minister came under fire from her own party over the budget."), "came")
    assert came.cameo == "111"


@pytest.mark.parametrize("text, source", [
    ("Kyrgyz officials reported that two shots had been fired from the Uzbek bank of the river.", "UZB"),
    ("Shells had been fired overnight from the direction of Belarus at a Polish border post.", "BLR"),
])
def test_a_means_of_force_fired_in_the_passive_is_an_attack_from_where_it_came(analyze, text, source):
    (fired,) = at(analyze(text), "fired")
    assert fired.cameo.startswith("19") and fired.source is not None and fired.source.country == source
    assert fired.target is None or fired.target.country != source


@pytest.mark.parametrize("text, word", [
    ("Government troops took the Koshtepa height and two villages after a night of fighting.", "took"),
    ("The hill above the pass was captured by the second battalion.", "captured"),
])
def test_taking_ground_is_occupying_territory(analyze, text, word):
    found = at(analyze(text), word)
    assert found and found[0].type == "COERCE" and found[0].cameo == "192"


@pytest.mark.parametrize("text", [
    "She took the train to the city on Monday.",
    "The minister took a position on the tariff question.",
])
def test_taking_a_train_or_a_stance_is_no_occupation(analyze, text):
    assert not any(e.cameo == "192" for e in analyze(text).events)


@pytest.mark.parametrize("text", [
    "A large gathering outside the mayor's office ended quietly after officials spoke to the demonstrators.",
    "A gathering against the new dam drew farmers from four valleys.",
])
def test_a_gathering_in_protest_context_is_a_demonstration(analyze, text):
    found = at(analyze(text), "gathering")
    assert found and found[0].type == "PROTEST" and found[0].cameo == "141"


@pytest.mark.parametrize("text", [
    "The family gathering in the garden was cancelled because of rain.",
    "A gathering of foreign ministers in the capital discussed trade quotas.",
    "Farmers drove to Lublin for a march against the tariffs, the largest gathering the city had seen.",
])
def test_a_gathering_without_protest_context_or_naming_its_protest_again_is_none(analyze, text):
    assert not at(analyze(text), "gathering")


@pytest.mark.parametrize("text", [
    "Late on Friday a border unit near the hamlet of Dovrat was attacked, officials said.",
    "The troops were ambushed on a mountain road.",
])
def test_an_attack_on_an_armed_force_needs_no_named_attacker(analyze, text):
    events = analyze(text).events
    assert any(e.type == "ASSAULT" and e.source is None for e in events)


def test_a_crowd_forcing_its_way_in_riots(analyze):
    (forced,) = at(analyze("Striking miners forced their way into the company's headquarters on Monday."), "forced")
    assert forced.type == "PROTEST" and forced.cameo == "145"
    assert not any(e.cameo == "145" for e in analyze("Riot police forced their way into the newspaper's offices.").events)
