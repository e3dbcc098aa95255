"""Event triggers added to the lexicon (scripts/build_event_lexicon.py: VERB_SENSES, BLOCK_PATTERNS,
CODEBOOK_OVERRIDES): crowd dispersal, gatherings at public places, emergency rule, beatings, treaties.

Each reading is tested with a sentence where it applies and one where it must not.  Sentences are
written for these tests; nothing comes from ../shared or the example articles.
"""

from __future__ import annotations

import pytest

from presswatch.events.lexicon import load_lexicon

pytestmark = pytest.mark.issue(5)


def at(analysis, word: str):
    """The events whose trigger text starts with `word`."""
    return [e for e in analysis.events if e.trigger.text.lower().startswith(word)]


def test_crowd_dispersal_is_coded_by_the_codebook():
    lex = load_lexicon()
    row = lex.code("175")
    assert (row.plover, row.mode) == ("ASSAULT", "crowd-control")  # NGEC codebook mode, not a context
    assert lex.acled_type("175") == ("Protests", "Protest with intervention")


@pytest.mark.parametrize("text, trigger", [
    ("Police dispersed the marchers near the town hall on Sunday.", "dispersed"),
    ("Officers dispersed them with batons late in the evening.", "dispersed"),
    ("Riot police pushed the protesters back towards the bridge.", "pushed"),
    ("Gendarmes cleared the square of demonstrators before dawn.", "cleared"),
    ("Police cleared Liberty Boulevard shortly after midnight.", "cleared"),
    ("Officers in helmets broke up the sit-in outside the ministry.", "broke"),
    ("Officers on horseback moved in with water cannon at first light.", "moved"),
    ("Riot police fired rubber bullets at the marchers.", "fired"),
    ("Police sprayed the students with pepper spray.", "sprayed"),
    ("Mounted police charged into the crowd near the bridge.", "charged"),
])
def test_crowd_dispersal_is_violent_repression(analyze, text, trigger):
    events = at(analyze(text), trigger)
    assert events and all(e.type == "ASSAULT" and e.cameo == "175" for e in events)


@pytest.mark.parametrize("text, trigger", [
    ("The fog dispersed by noon.", "dispersed"),
    ("The crowd dispersed peacefully after the speeches.", "dispersed"),
    ("The senate committee cleared the nominee on Tuesday.", "cleared"),
    ("The regulator cleared the merger last week.", "cleared"),
    ("Workers cleared snow from the streets.", "cleared"),
])
def test_other_senses_are_no_repression(analyze, text, trigger):
    assert not at(analyze(text), trigger)


def test_a_legal_charge_is_no_baton_charge(analyze):
    events = at(analyze("Prosecutors charged three protesters with hooliganism."), "charged")
    assert not [e for e in events if e.type == "ASSAULT"]


def test_pushing_for_something_stays_a_demand(analyze):
    (event,) = at(analyze("The opposition pushed for early elections."), "pushed")
    assert event.type == "REQUEST"


def test_water_cannon_is_no_deployment(analyze):
    events = at(analyze("Officers on horseback moved in with water cannon at first light."), "moved")
    assert not [e for e in events if e.type == "MOBILIZE"]


@pytest.mark.parametrize("text", [
    "Hundreds of nurses gathered outside the health ministry in Accra on Monday.",
    "Teachers assembled in front of the education ministry.",
])
def test_crowd_gathering_at_a_public_place_is_a_demonstration(analyze, text):
    events = at(analyze(text), "gathered") + at(analyze(text), "assembled")
    assert [(e.type, e.cameo) for e in events] == [("PROTEST", "141")]


def test_officials_gathering_for_talks_is_consultation(analyze):
    events = at(analyze("Foreign ministers gathered in Vienna for talks on the nuclear file."), "gathered")
    assert events and all(e.type == "CONSULT" for e in events)


@pytest.mark.parametrize("text", [
    "A state of emergency was introduced in the province for two weeks.",
    "Martial law was imposed in the border districts on Sunday.",
])
def test_emergency_rule_in_the_passive_is_coercion(analyze, text):
    events = [e for e in analyze(text).events if e.type == "COERCE"]
    assert [e.cameo for e in events] == ["1724"]
    assert not analyze("The state of emergency was lifted on Friday.").events


def test_introduced_emergency_rule_is_coercion(analyze):
    (event,) = at(analyze("Lawmakers introduced martial law in the eastern provinces."), "introduced")
    assert (event.type, event.cameo, event.mode) == ("COERCE", "1724", "martial-law")
    assert not at(analyze("The ministry introduced a new tax on fuel."), "introduced")


def test_beating_people_is_assault_but_a_sports_win_is_not(analyze):
    (event,) = at(analyze("Guards beat several detainees in the yard."), "beat")
    assert (event.type, event.cameo) == ("ASSAULT", "182")
    assert not at(analyze("Portugal beat them 3-1 in the semi-final."), "beat")
    for text in ("Soldiers beat them up behind the station.", "The guards beat them with truncheons."):
        assert [(e.type, e.cameo) for e in at(analyze(text), "beat")] == [("ASSAULT", "182")]
    assert not [e for e in analyze("Two journalists said guards had beaten them outside the court.").events
                if e.type == "PROTEST"]  # PETRARCH's "destroy ... outside" demonstration pattern is left behind


def test_signing_a_treaty_is_support_and_promising_to_sign_is_agree(analyze):
    # The NGEC codebook files a treaty's signature or ratification under SUPPORT, a promise to sign
    # one under AGREE.
    signed = at(analyze("The presidents of Peru and Bolivia signed a treaty on the shared lake in La Paz."), "signed")
    assert signed and all((e.type, e.cameo) == ("SUPPORT", "057") for e in signed)
    promised = at(analyze("Ghana and Togo promised to sign a fisheries treaty next year."), "promised")
    assert promised and all(e.type == "AGREE" for e in promised)


@pytest.mark.parametrize("text, trigger", [
    ("Police detained dozens of protesters after the march.", "detained"),
    ("Riot police arrested scores of protesters outside the court.", "arrested"),
    ("Officers arrested a journalist covering the rally.", "arrested"),
])
def test_arresting_protesters_is_an_arrest(analyze, text, trigger):
    events = at(analyze(text), trigger)
    assert events and all((e.type, e.cameo) == ("COERCE", "173") for e in events)


def test_paired_codes_give_the_subjects_act(analyze):
    # PETRARCH pairs the visitor's act with the host's ([042:043]); the subject's comes first.
    (visit,) = at(analyze("The Kenyan president visited Addis Ababa on Monday."), "visited")
    (host,) = at(analyze("India hosted the Japanese prime minister last week."), "hosted")
    assert (visit.cameo, host.cameo) == ("042", "043")


def test_agentless_killing_inside_a_claim_is_an_event(analyze):
    a = analyze("A blogger from Tarsus said in a post that several people had been killed, which nobody could check.")
    (event,) = at(a, "killed")
    assert event.type == "ASSAULT" and event.source is None
    assert not at(analyze("The visitors beat them 2-0 on Saturday."), "beat")  # a pronoun object: sport


@pytest.mark.parametrize("text", [
    "Police used water cannon to break the picket line.",
    "Gendarmes turned tear gas and water cannon on the crowd outside the town hall.",
])
def test_crowd_control_weapons_used_or_turned_on_a_crowd(analyze, text):
    events = [e for e in analyze(text).events if e.trigger.text in ("used", "turned")]
    assert [(e.type, e.cameo) for e in events] == [("ASSAULT", "175")]


def test_using_gas_as_fuel_is_no_event(analyze):
    assert not analyze("The city used less gas this winter.").events


@pytest.mark.parametrize("text, source, target", [
    ("The town police used tear gas yesterday to clear the plaza of striking miners.", "police", "miners"),
    ("Gendarmes fired rubber bullets at the crowd of farmers near the depot.", "Gendarmes", "crowd"),
    ("Soldiers fired stun grenades and water cannon into the marching students.", "Soldiers", "students"),
    ("Pepper spray was fired at the pensioners by the municipal guards.", "guards", "pensioners"),
    ("Police dispersed the protesting cab drivers with batons and pepper spray.", "Police", "drivers"),
])
def test_instruments_are_never_participants(analyze, text, source, target):
    instruments = ("gas", "bullet", "grenade", "cannon", "spray", "baton")
    events = [e for e in analyze(text).events if e.type == "ASSAULT"]
    assert events
    for e in events:
        for p in (e.source, e.target):
            assert p is None or not any(w in p.text.lower() for w in instruments), (e.trigger.text, p.text)
    assert any(e.source and source in e.source.text for e in events)
    assert any(e.target and target in e.target.text for e in events)


@pytest.mark.parametrize("text, trigger, mode", [
    # the weapon the sentence names gives an assault its codebook mode
    ("A magistrate from Lyon died when a car bomb went off outside her flat in Marseille.", "died", None),
    ("Two Kenyan rangers were killed by a roadside bomb near the Somali border.", "killed", "explosives"),
    ("Ukrainian howitzers pounded Russian trenches near the river all night.", "pounded", "heavy-weapons"),
    # a mode that says more than the weapon stays
    ("Masked men abducted a Colombian mayor at gunpoint in Cali.", "abducted", "abduct"),
])
def test_an_assault_takes_its_named_weapon_as_mode(analyze, text, trigger, mode):
    events = [e for e in at(analyze(text), trigger) if e.type == "ASSAULT"]
    if mode is None:
        assert all(e.mode != "suicide-attack" for e in events)  # no suicide is named
    else:
        assert events and all(e.mode == mode for e in events)


@pytest.mark.parametrize("text, code", [
    ("Rebel commanders in Darfur threatened on Sunday to bombard the port unless the siege ends.", "138"),
    ("Norway threatened to cut off its development aid to the junta in Myanmar.", "1311"),
    ("The Polish haulers' union threatened to start a general strike next week.", "133"),
])
def test_a_threat_is_coded_by_the_threatened_act(analyze, text, code):
    events = [e for e in at(analyze(text), "threatened") if e.type == "THREATEN"]
    assert events and all(e.cameo == code for e in events)


def test_a_reply_pattern_codes_the_other_partys_act():
    lex = load_lexicon()
    died = lex.match_verb("die", set(), {"(in", "suicide", "bombing"})  # "(in": a phrase of the verb
    assert died is not None and (died.code, died.reply) == ("1831", True)  # PETRARCH's "[:1831]"
    loan = lex.match_verb("obtain", set(), {"a", "loan", "from"})
    assert loan is not None and loan.reply
    restore = lex.match_verb("restore", set(), {"diplomatic", "ties"})
    assert restore is not None and not restore.reply


@pytest.mark.parametrize("text, trigger, victim", [
    ("Three Iraqi soldiers died in a suicide bombing near Mosul on Sunday.", "died", "IRQ"),
    ("The former Peruvian president will stand trial in Lima next month.", "stand", "PER"),
])
def test_the_subject_of_a_reply_pattern_is_its_target(analyze, text, trigger, victim):
    events = [e for e in at(analyze(text), trigger) if e.type in ("ASSAULT", "COERCE")]
    assert events and all(e.target and e.target.country == victim for e in events)
    assert all(e.source is None or e.source.country != victim for e in events)


def test_renewing_ties_is_resuming_them(analyze):
    events = at(analyze("Uruguay and Paraguay renewed diplomatic relations on Tuesday."), "renewed")
    assert {(e.cameo, e.source.country, e.target.country) for e in events} == {("050", "URY", "PRY"), ("050", "PRY", "URY")}
    assert not at(analyze("The Bolivian minister renewed her passport in La Paz."), "renewed")


@pytest.mark.parametrize("text, mode", [
    ("Gunmen shot dead two Indian police officers in Kashmir.", "firearms"),
    ("Syrian air defences shot down an Israeli drone over Quneitra.", None),  # the weapon is not named
])
def test_a_shooting_is_a_firearms_assault(analyze, text, mode):
    events = [e for e in at(analyze(text), "shot") if e.type == "ASSAULT"]
    assert events and all(e.mode == mode for e in events)


@pytest.mark.parametrize("text, trigger, mode", [
    ("Dock workers in Antwerp went on strike on Monday over pay.", "strike", "strike"),
    ("The opposition parties boycotted the Serbian elections.", "boycotted", "boycott"),
])
def test_a_labour_strike_has_its_own_mode(analyze, text, trigger, mode):
    events = [e for e in at(analyze(text), trigger) if e.cameo == "143"]
    assert events and all(e.mode == mode for e in events)


def test_an_inflected_verb_the_tagger_mislemmatizes_is_still_found(analyze):
    events = at(analyze("Chadian gendarmes cordoned off every street around the market in Abeche."), "cordoned")
    assert events and all((e.cameo, e.type) == ("191", "COERCE") for e in events)
    assert not at(analyze("Volunteers cordoned the garden with ribbons in Juba."), "cordoned")  # no "off"


@pytest.mark.parametrize("text", [
    "The marchers' supporters, many waving green banners, had filled Liberty Square since noon.",
    "Tens of thousands of people filled the central avenue of Ostrava on Saturday.",
])
def test_a_crowd_filling_a_public_place_is_a_demonstration(analyze, text):
    assert [(e.type, e.cameo) for e in at(analyze(text), "filled")] == [("PROTEST", "141")]


@pytest.mark.parametrize("text", [
    "Floodwater filled the streets of the old town overnight.",
    "The mayor filled the vacancy on the council on Monday.",
])
def test_filling_without_a_crowd_is_no_event(analyze, text):
    assert not at(analyze(text), "filled")


def test_a_past_attempt_at_force_happened(analyze):
    a = analyze("Prosecutors said a band of looters tried to seize the town hall in Ormsby on 3 May.")
    (event,) = at(a, "seize")
    assert event.type == "COERCE" and event.status == "attributed"
    (event,) = at(analyze("Rebels had attempted to kill the governor of Kessa province on Sunday."), "kill")
    assert event.type == "ASSAULT" and event.status == "asserted"


def test_a_past_attempt_of_a_crowd_to_force_its_way_in_is_the_riot(analyze):
    (event,) = at(analyze("Angry farmers tried to force their way into the regional council offices on Friday."), "force")
    assert event.cameo == "145" and event.status == "asserted"
    (event,) = at(analyze("Angry farmers tried to protest outside the council offices on Friday."), "protest")
    assert event.cameo == "141" and event.status == "hypothetical"  # a peaceful protest attempted is none


@pytest.mark.parametrize("text, word", [
    ("The opposition is trying to provoke riots in the capital, the minister said.", "riots"),
    ("The envoy tried to meet the rebel leaders on Tuesday.", "meet"),
    ("Angry farmers are trying to force their way into the council offices.", "force"),
])
def test_an_ongoing_attempt_or_an_attempt_at_no_force_stays_hypothetical(analyze, text, word):
    (event,) = at(analyze(text), word)
    assert event.status == "hypothetical"


def test_the_delegations_stand_for_the_two_parties(analyze):
    a = analyze("President Ilham Aliyev and President Nikol Pashinyan signed a peace treaty in Prague on Monday. "
                "Officials said the government delegations had agreed on the final wording in June.")
    pairs = {(e.source.country, e.target.country) for e in at(a, "agreed")}
    assert pairs == {("AZE", "ARM"), ("ARM", "AZE")}
    a = analyze("Armenia and Azerbaijan met in Prague. Trade delegations agreed on a new fishing quota.")
    assert all(e.source.country is None for e in at(a, "agreed"))


@pytest.mark.parametrize("text, code", [
    ("The Chilean president will visit Lima next month.", "036"),
    ("Norway will support the mediation plan of the African Union.", "032"),
])
def test_an_announced_meeting_or_support_is_an_intent_ranked_first(analyze, text, code):
    events = analyze(text).events
    assert (events[0].type, events[0].cameo, events[0].status) == ("AGREE", code, "asserted")
    assert [e.status for e in events[1:]] == ["hypothetical"]


def test_a_past_visit_is_no_intent(analyze):
    assert [e.type for e in analyze("The Chilean president visited Lima in March.").events] == ["CONSULT"]


def test_verbs_that_name_a_cameo_code_have_it():
    lex = load_lexicon()  # OUR_VERBS: verbs PETRARCH lacks whose CAMEO code is named by them
    assert lex.match_verb("demobilize", (), ()).code == "0873"
    assert lex.match_verb("coerce", (), ()).code == "170"


@pytest.mark.parametrize("text, trigger", [
    ("The Tarvian army demobilized two reserve brigades after the border accord with Kestonia.", "demobilized"),
    ("The demobilization of the Tarvian militia began in the spring.", "demobilization"),
])
def test_demobilizing_forces_is_a_retreat(analyze, text, trigger):
    found = at(analyze(text), trigger)
    assert found and found[0].cameo == "0873" and found[0].type == "RETREAT"


@pytest.mark.parametrize("text, trigger, code", [
    ("Militia units from Serbia carried out ethnic cleansing in the valley.", "cleansing", "203"),
    ("Witnesses described mass killings by Sudanese troops near the river.", "mass killings", "202"),
    ("The mass expulsion of Kuwaiti traders from Iraq began in May.", "expulsion", "201"),
])
def test_cameo_mass_violence_titles_are_coded(analyze, text, trigger, code):
    assert [e.cameo for e in at(analyze(text), trigger)][:1] == [code]


@pytest.mark.parametrize("text, aid", [
    ("Canada sent rifles and other weapons to Estonia last winter.", True),
    ("Chile has been sending arms to Ecuador since the spring.", True),
    ("The auditors sent their report to the Estonian ministry last winter.", False),
])
def test_sending_weapons_is_military_aid(analyze, text, aid):
    events = at(analyze(text), "sen")
    assert any(e.cameo == "072" and e.type == "AID" for e in events) is aid


def test_parenthesized_pattern_words_need_a_preposition_phrase():
    lex = load_lexicon()
    assert lex.match_verb("welcome", (), {"(to"}).code == "043"  # "welcomed X to Y": hosting a visit
    assert lex.match_verb("welcome", (), {"to"}).code == "051"  # an infinitive's "to" is no such phrase
    assert lex.match_verb("telephone", (), {"(on"}).code == "020"  # "called on X": an appeal


@pytest.mark.parametrize("text, trigger, code", [
    ("The Velmark premier praised the new Ostrian cabinet, which had pledged to free political prisoners.",
     "praised", "051"),
    ("The president of Velmark welcomed the Ostrian premier to Drenz on Monday.", "welcomed", "043"),
    ("The Velmark premier telephoned the Ostrian president late on Friday about the gas pipeline.", "telephoned", "041"),
    ("The Velmark premier called on Ostria to free the detained fishermen.", "called", "020"),
])
def test_pattern_phrases_are_the_verbs_own(analyze, text, trigger, code):
    assert [e.cameo for e in at(analyze(text), trigger)][:1] == [code]


@pytest.mark.parametrize("text, act, governed", [
    ("The Velmark government repeated its demand that Ostria release the three detained fishermen.", "release", True),
    ("Velmark repeated its threat to cut off gas supplies to Ostria.", "cut", True),
    ("The Velmark government said that Ostria had released the three detained fishermen.", "released", False),
    ("The Velmark envoy repeated his view that Ostria would release the fishermen.", "release", False),
])
def test_an_act_under_a_governing_noun_is_governed(pipeline, text, act, governed):
    from presswatch.events.extract import _governed

    doc = pipeline.nlp(text)
    assert _governed(next(t for t in doc if t.text == act)) is governed


@pytest.mark.parametrize("text, act", [
    ("The Velmark premier told reporters that he was ready to ease the curfew in Drenz.", "ease"),
    ("Ostria is willing to release the detained Velmark sailors, its foreign minister said.", "release"),
])
def test_a_stated_stance_ranks_before_the_act_it_announces(analyze, text, act):
    events = at(analyze(text), act)
    said = [e for e in events if e.type == "AGREE"]
    done = [e for e in events if e.type != "AGREE"]
    assert said and done and said[0].confidence >= max(e.confidence for e in done)
    assert events.index(said[0]) < events.index(done[0])


@pytest.mark.parametrize("text, trigger", [
    ("The rally in Drenz was dispersed by police on Sunday evening.", "dispersed"),
    ("A rally of opposition supporters in Drenz was broken up by riot police.", "broken"),
])
def test_a_dispersed_rally_in_the_passive_is_the_police_action(analyze, text, trigger):
    found = at(analyze(text), trigger)
    assert found and (found[0].type, found[0].cameo) == ("ASSAULT", "175")


def test_a_repeated_pattern_keeps_its_later_code():
    lex = load_lexicon()  # PETRARCH2 keys a block's patterns by their words: the later line is kept
    assert lex.match_verb("lift", (), {"the", "sanction"}).code == "085"
    assert lex.match_verb("lift", (), {"the", "sanctions", "sanction"}).code == "085"


def test_dismissing_a_request_is_a_rejection():
    lex = load_lexicon()  # DISMISS &PROPOSAL is 120; the block of "refuse" lends its other rejections
    assert lex.match_verb("dismiss", (), {"an", "appeal"}).code == "120"
    assert lex.match_verb("dismiss", (), {"the", "request"}).code[:2] == "12"
    assert lex.match_verb("dismiss", (), {"the", "governor"}).code == "110"  # PETRARCH's own sense stays
    assert lex.match_verb("dispatch", (), {"an", "appeal"}) is None  # only "dismiss" borrows them


@pytest.mark.parametrize("text, trigger, plover, code", [
    ("Georgia lifted its sanctions on Armenian grain imports last week.", "lifted", "RETREAT", "085"),
    ("A Georgian appeals court dismissed the Armenian government's request for the extradition.", "dismissed",
     "REJECT", "12"),
])
def test_dictionary_senses_after_the_builder_fixes(analyze, text, trigger, plover, code):
    found = at(analyze(text), trigger)
    assert found and found[0].type == plover and found[0].cameo.startswith(code)


@pytest.mark.parametrize("text, plover, code", [
    ("The Georgian rebel leader vowed to wage war on the Armenian border guards.", "THREATEN", "13"),
    ("Georgia pledged to shell the Armenian positions if the raids went on.", "THREATEN", "13"),
    ("Georgia pledged to send food aid to the flooded Armenian villages.", "AGREE", "03"),
    ("Georgia offered to fly doctors to the Armenian border towns.", "AGREE", "03"),
])
def test_a_pledged_use_of_force_is_a_threat(analyze, text, plover, code):
    head = next(e for e in analyze(text).events if e.trigger.text.lower() in ("vowed", "pledged", "offered"))
    assert head.type == plover and head.cameo.startswith(code)
