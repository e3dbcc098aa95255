"""ACLED sub-event typing (issue 5): cue file parsing, tiers, scopes, standalone cues, the stage hook.

Sentences are written for these tests; nothing comes from ../shared.
"""

from __future__ import annotations

import math

import pytest

from presswatch.errors import PresswatchError
from presswatch.events import acled

pytestmark = pytest.mark.issue(5)

BATTLE = ("Battles", "Armed clash")
ATTACK = ("Violence against civilians", "Attack")
PROTEST = ("Protests", "Peaceful protest")


def words(text: str) -> list[tuple[str, str]]:
    """Lower-cased words as their own lemmas: enough for cues written in base form or as prefixes."""
    return [(w, w) for w in text.lower().replace("-", " - ").split()]


@pytest.fixture(scope="module")
def cues():
    return acled.packaged()


def test_parse_groups_scopes_and_tiers():
    text = ("=V\tBattles\n@arms\tgun*|heavy weapon*\n"
            "Attack\tViolence against civilians\t2\tV\tconflict\t-\tgunmen & village\n"
            "Grenade\tExplosions/Remote violence\t1\t*\tno\t190\tgrenade\n")
    parsed = acled.parse_cues(text)
    assert [c.sub_event_type for c in parsed] == ["Grenade", "Attack"]  # sorted by tier
    assert parsed[1].refines == frozenset({"Battles"}) and parsed[0].refines is None
    assert parsed[1].standalone_quads == frozenset({4}) and parsed[1].event_code is None
    assert parsed[0].event_code == "190"
    assert acled.position(parsed[1], words("two gunmen raided a village")) == 1
    assert acled.position(parsed[1], words("two gunmen raided a town")) is None
    with pytest.raises(KeyError):
        acled.parse_cues("Attack\tViolence against civilians\t1\tX\tno\t-\tgunmen\n")


def test_instrument_retypes_a_battle(cues):
    assert cues.refine(words("warplanes pounded rebel positions near the river"), BATTLE, 4) \
        == ("Explosions/Remote violence", "Air/drone strike")
    assert cues.refine(words("a roadside bomb hit an army convoy"), BATTLE, 4)[1] == "Remote explosive/landmine/IED"
    assert cues.refine(words("a man blew himself up at a checkpoint"), ATTACK, 4)[1] == "Suicide bomb"
    assert cues.refine(words("soldiers and rebels fought for hours"), BATTLE, 4) == BATTLE


def test_within_a_tier_the_first_instrument_wins(cues):
    assert cues.refine(words("troops attacked using artillery and drones"), BATTLE, 4)[1] \
        == "Shelling/artillery/missile attack"
    assert cues.refine(words("troops attacked using drones and artillery"), BATTLE, 4)[1] == "Air/drone strike"


def test_protest_sub_types(cues):
    assert cues.refine(words("police fired tear gas to disperse the protesters"), PROTEST, 4)[1] \
        == "Protest with intervention"
    assert cues.refine(words("police opened fire on protesters and two were killed"), PROTEST, 4)[1] \
        == "Excessive force against protesters"
    assert cues.refine(words("protesters hurled stones and torched a police van"), PROTEST, 4) \
        == ("Riots", "Violent demonstration")
    assert cues.refine(words("farmers staged a sit-in outside parliament"), PROTEST, 4) == PROTEST


def test_barricades_and_burning_tyres_make_a_protest_violent(cues):
    # the ACLED codebook counts blocking roads with barricades or burning tyres as rioting
    assert cues.refine(words("traders protested downtown and put up barricades"), PROTEST, 4) \
        == ("Riots", "Violent demonstration")
    assert cues.refine(words("the demonstrators were burning tyres near the depot"), PROTEST, 4)[1] \
        == "Violent demonstration"
    assert cues.refine(words("traders protested downtown and waved banners"), PROTEST, 4) == PROTEST


def test_disrupted_weapons_come_before_the_weapon(cues):
    assert cues.refine(words("an army unit defused a roadside bomb"), BATTLE, 4)[1] == "Disrupted weapons use"


def test_scope_keeps_unrelated_types(cues):
    agreement = ("Strategic developments", "Agreement")
    assert cues.refine(words("the two sides signed a ceasefire after the air strike"), agreement, 1) == agreement


def test_natural_harm_removes_the_type_and_standalone_needs_its_quad(cues):
    assert cues.refine(words("the flood killed twelve villagers"), ATTACK, 4) is None
    assert cues.refine(words("a grenade was thrown into the market"), None, 4) \
        == ("Explosions/Remote violence", "Grenade")
    assert cues.refine(words("the minister condemned the grenade attack"), None, 3) is None


def test_model_overrides_only_typed_events(cues):
    sentence = words("fighting went on near the border")
    assert acled.type_event(cues, sentence, BATTLE, 4, {"AIR_STRIKE": 0.7, "ARMED_CLASH": 0.3})[1] == "Air/drone strike"
    assert acled.type_event(cues, sentence, BATTLE, 4, {"AIR_STRIKE": 0.4, "ARMED_CLASH": 0.35}) == BATTLE
    assert acled.type_event(cues, sentence, BATTLE, 4, {"NATURAL_DISASTER": 0.9}) == BATTLE
    assert acled.type_event(cues, words("the leaders met"), None, 1, {"AIR_STRIKE": 0.9}) is None


def test_packaged_file_is_verified(tmp_path):
    (tmp_path / acled.CUES_FILE).write_text("Grenade\tExplosions/Remote violence\t1\t*\tno\t190\tgrenade\n")
    (tmp_path / f"{acled.CUES_FILE}.meta.json").write_text('{"version": "0", "sha256": "0"}')
    with pytest.raises(PresswatchError) as err:
        acled.load_cues(tmp_path)
    assert err.value.code == "PWE011"


def test_stage_types_shelling_and_keeps_protest_apart_from_riot(analyze):
    a = analyze("Azerbaijani troops shelled Armenian border villages with artillery on Monday.")
    subs = {e.acled.sub_event_type for e in a.events if e.acled}
    assert "Shelling/artillery/missile attack" in subs
    b = analyze("Students held protests in the capital, which later turned into riots.")
    protest = [e for e in b.events if e.trigger.text.lower().endswith("protests") and e.acled]
    assert protest and protest[0].acled.sub_event_type == "Peaceful protest"


def test_cue_trigger_marks_an_event_unless_a_stronger_cue_says_otherwise(pipeline):
    cues = acled.packaged()
    doc = pipeline.nlp("A roadside bomb went off near the market on Friday.")
    i, code = cues.cue_trigger(list(doc))
    assert doc[i].text == "roadside" and code == "1833"
    assert cues.cue_trigger(list(pipeline.nlp("Engineers defused a roadside bomb near the market."))) is None
    assert cues.cue_trigger(list(pipeline.nlp("The flood swept away the market on Friday."))) is None


def test_stage_finds_a_bombing_without_named_actors(analyze):
    a = analyze("A roadside bomb went off near the market on Friday.")
    assert any(e.acled and e.acled.sub_event_type == "Remote explosive/landmine/IED" for e in a.events)


def test_case_score_over_acled_types_only_ignores_other_labels_predicted_as_none():
    from presswatch.evaluate.events import ACLED_TO_CASE, f1_scores

    gold = ["ARMED_CLASH", "ARMED_CLASH", "DIPLO", "NATURAL_DISASTER", "ARREST"]
    pred = ["ARMED_CLASH", "OTHER", "OTHER", "ARREST", "ARREST"]
    everything = f1_scores(gold, pred)["weighted_f1"]
    acled_only = f1_scores(gold, pred, ACLED_TO_CASE.values())["weighted_f1"]
    # ARMED_CLASH: P 1, R 0.5 -> 0.667 (weight 2); ARREST: P 0.5 (a disaster taken for an arrest), R 1 -> 0.667
    assert acled_only == pytest.approx(0.6667, abs=1e-4)
    assert everything == pytest.approx(0.4, abs=1e-4)  # DIPLO and NATURAL_DISASTER weigh in at F1 0


def test_lethal_force_is_against_the_protesters_not_their_grievance(cues):
    assert cues.refine(words("troops scattered the marchers , killing a student"), PROTEST, 4)[1] \
        == "Excessive force against protesters"
    assert cues.refine(words("gunfire from the barracks hit a sit-in near the bridge"), PROTEST, 4)[1] \
        == "Excessive force against protesters"
    assert cues.refine(words("nurses held a rally over the death of a colleague"), PROTEST, 4) == PROTEST


def test_victims_tell_an_attack_from_a_clash(cues):
    assert cues.refine(words("the raid killed four policemen at the depot"), ATTACK, 4) == BATTLE
    assert cues.refine(words("gunmen shot six villagers near the well"), BATTLE, 4) == ATTACK
    # explicit fighting words come first: civilians caught in a battle do not make it an attack
    assert cues.refine(words("fighting between the militia and the army killed three civilians"), BATTLE, 4) == BATTLE


def test_bases_and_mine_clearance(cues):
    assert cues.refine(words("the army established two outposts along the ridge"), None, 2)[1] \
        == "Headquarters or base established"
    assert cues.refine(words("engineers cleared hundreds of landmines from the fields"), None, 4)[1] \
        == "Disrupted weapons use"


def test_stage_marks_a_territory_takeover_at_the_taking_word(analyze):
    a = analyze("Insurgents have taken over three hamlets near the lake.")
    assert any(e.trigger.text == "taken" and e.acled and e.acled.sub_event_type == "Non-state actor overtakes territory"
               for e in a.events)


def test_cue_event_beside_a_default_coded_verb_but_not_instead_of_it(analyze):
    a = analyze("A pair of suicide attackers blew themselves up near the fuel depot on Monday.")
    assert any(e.acled and e.acled.sub_event_type == "Suicide bomb" for e in a.events)
    b = analyze("The committee's aim is plain and is demonstrated by its votes.")
    assert not any(e.type == "PROTEST" for e in b.events)


def test_case_label_reads_the_lead_sentence(analyze):
    from presswatch.evaluate.events import case_label

    a = analyze("Rebels shelled the market town with mortars on Sunday. "
                "Later, soldiers and rebels clashed near the bridge and five fighters were killed.")
    assert case_label(a) == "ART_MISS_ATTACK"
    assert case_label(a, lead=False) == "ARMED_CLASH"  # the whole snippet's most confident event


def test_an_accident_removes_only_violent_types(cues):
    assert cues.refine(words("villagers marched to demand a safer road after the accident"), PROTEST, 4) == PROTEST
    assert cues.refine(words("the bus accident injured nine passengers"), ATTACK, 4) is None


def test_what_a_demonstration_is_about_is_not_force_against_it(pipeline, cues):
    doc = pipeline.nlp("Hundreds of nurses held a rally over the killing of a colleague in the capital.")
    rally = next(t for t in doc if t.lower_ == "rally")
    assert cues.refine(acled.event_words(rally, PROTEST), PROTEST, 4) == PROTEST
    assert cues.refine(acled.event_words(rally), PROTEST, 4)[1] == "Excessive force against protesters"


def test_case_label_takes_the_most_severe_reading_of_a_lead_demonstration(analyze):
    from dataclasses import replace

    from presswatch.evaluate.events import case_label

    a = analyze("Hundreds of farmers held a march through the capital on Monday. "
                "By evening some marchers had torched a police van and hurled stones at officers.")
    riot = [e for e in a.events if e.acled and e.acled.event_type == "Riots"]
    assert riot and any(e.acled and e.acled.sub_event_type == "Peaceful protest" for e in a.events)
    # even when the riot is the less confident event, the march that turned violent is a riot
    calm = replace(a, events=tuple(replace(e, confidence=0.2) if e in riot else e for e in a.events))
    assert case_label(calm, lead=False) == "PEACE_PROTEST"
    assert case_label(calm) == "VIOL_DEMONSTR"


def test_a_takeover_without_fighting_is_a_non_violent_transfer(cues):
    takeover = ("Battles", "Non-state actor overtakes territory")
    assert cues.refine(words("the garrison withdrew and rebels took control of the town"), takeover, 4)[1] \
        == "Non-violent transfer of territory"
    assert cues.refine(words("rebels took control of the town after heavy fighting"), takeover, 4) == takeover


def test_case_label_takes_the_weapon_a_later_sentence_names_for_a_generic_lead(analyze):
    from presswatch.evaluate.events import case_label

    a = analyze("Gunmen killed two shopkeepers in the market on Friday. "
                "Police said a grenade had been thrown at the stalls from a passing motorbike.")
    assert case_label(a, lead=False) == "ATTACK"  # the killing is the most confident event
    assert case_label(a) == "GRENADE"


@pytest.mark.parametrize("text, lemma, expected", [
    ("Armed raiders seized four road engineers near the quarry.", "seize",
     ("Violence against civilians", "Abduction/forced disappearance")),
    ("The insurgents captured the hilltop camp at dawn.", "capture",
     ("Battles", "Non-state actor overtakes territory")),
    ("The gang seized two lorries of grain.", "seize", None),
])
def test_seizure_is_typed_by_what_was_taken(pipeline, text, lemma, expected):
    from presswatch.events.extract import _seizure_type

    verb = next(t for t in pipeline.nlp(text) if t.lemma_.lower() == lemma)
    assert _seizure_type(verb) == expected


@pytest.mark.parametrize("text", [
    "Riot police in Ostrava broke up a candlelit vigil beside the town library.",
    "Riot police were sent to the harbour district of Valparaiso.",
    "Anti-riot units of the Peruvian police pushed back the marching pensioners near the ministry.",
    "Officers in riot gear scattered a quiet rally of nurses outside the Lagos hospital.",
])
def test_riot_police_are_no_riot(analyze, text):
    events = analyze(text).events
    assert not any(e.cameo == "145" for e in events)
    assert not any(e.acled and e.acled.event_type == "Riots" for e in events)


def test_a_real_riot_is_still_one(analyze):
    a = analyze("Furious dockworkers rioted in the harbour town overnight, smashing shop windows.")
    assert any(e.acled and e.acled.event_type == "Riots" for e in a.events)
    b = analyze("Students hurled bricks at riot police near the campus gates in Quito.")
    assert any(e.acled and e.acled.sub_event_type == "Violent demonstration" for e in b.events)


def test_riot_modifier_of_police_drops_out_of_the_cue_words(pipeline):
    doc = pipeline.nlp("Riot police guarded the bridge while a riot raged in the old town.")
    kept = [t.lower_ for t in acled.cue_tokens(doc)]
    assert kept.count("riot") == 1 and "police" in kept


def _typed_event(sub: str, sentence_start: int, confidence: float, status: str = "asserted"):
    from presswatch.records import AcledType, Event, Extent, Span

    kind = next(t for t, s in acled.rules.ACLED_LABELS.values() if s == sub)
    return Event(id="", type="ASSAULT", trigger=Span(sentence_start + 3, sentence_start + 8, "x"),
                 sentence=Extent(sentence_start, sentence_start + 40), status=status,
                 acled=AcledType(kind, sub), confidence=confidence)


def test_main_candidates_gather_events_cues_and_the_model():
    events = [_typed_event("Armed clash", 0, 0.9), _typed_event("Grenade", 50, 0.6),
              _typed_event("Arrests", 0, 0.95, status="negated")]
    names, rows = acled.main_candidates(events, [0, 50], [None, "Grenade"], "Looting/property destruction",
                                        {"AIR_STRIKE": 0.5, "DIPLO": 0.3, "GRENADE": 0.2})
    assert names == ["Air/drone strike", "Armed clash", "Grenade", "Looting/property destruction", None]
    assert len(rows[0]) == len(acled.MAIN_FEATURES)
    feature = {n: dict(zip(acled.MAIN_FEATURES, r, strict=True)) for n, r in zip(names, rows, strict=True)}
    assert feature["Grenade"]["lead_reading"] == 1  # a generic lead takes the weapon named later
    assert feature["Armed clash"]["in_lead_sentence"] == 1 and feature["Grenade"]["first_sentence"] == 0.5
    assert feature["Air/drone strike"]["model_top"] == 1 and feature["Air/drone strike"]["has_event"] == 0
    assert feature["Looting/property destruction"]["document_cue"] == 1
    assert feature[None]["none"] == 1 and feature[None]["model_p"] == pytest.approx(0.3)
    assert "Arrests" not in names  # a negated event is no candidate


def test_a_ranker_that_trusts_the_lead_reading_returns_it():
    events = [_typed_event("Armed clash", 0, 0.9), _typed_event("Peaceful protest", 60, 0.8)]
    names, rows = acled.main_candidates(events, [0, 60], [None, None], None, {})
    lead_only = acled.MainRanker(tuple(float(f == "lead_reading") for f in acled.MAIN_FEATURES))
    assert lead_only.choose(names, rows) == acled.lead_type(events) == "Armed clash"
    assert acled.lead_type([]) is None


def test_fit_main_ranker_learns_which_feature_marks_the_main_type():
    width = len(acled.MAIN_FEATURES)
    samples, gold = [], []
    for k in range(12):
        right, wrong = [0.0] * width, [0.0] * width
        right[10], wrong[0] = 0.9, 1.0  # the model's probability, not the lead reading, marks the gold type
        samples.append((["Grenade", "Attack"], [right, wrong] if k % 2 else [wrong, right]))
        gold.append("Grenade" if k % 2 else "Attack")
    ranker = acled.fit_main_ranker(samples, gold, C=10.0)
    assert ranker.weights[10] > ranker.weights[0]
    assert ranker.choose(["Arrests", "Attack"], [[0.0] * 10 + [0.8] + [0.0] * 4, [1.0] + [0.0] * 14]) == "Arrests"


def test_the_packaged_ranker_types_an_invented_snippet(pipeline, analyze):
    from presswatch import events

    text = ("Militants fired mortar rounds at an army outpost near the river crossing on Tuesday. "
            "Two soldiers were wounded, officials said.")
    ranker = acled.packaged_main()
    assert ranker.version and len(ranker.weights) == len(acled.MAIN_FEATURES)
    model = events._models()[0]["acled"]
    found = acled.main_event(pipeline.nlp(text), analyze(text).events, model, ranker)
    assert found.sub_event_type == "Shelling/artillery/missile attack"
    assert found.event_type == "Explosions/Remote violence" and 0 < found.score <= 1


def test_ranked_gives_the_winner_its_softmax_share():
    ranker = acled.MainRanker((1.0,) + (0.0,) * 14)
    name, share = ranker.ranked(["Attack", None], [[2.0] + [0.0] * 14, [0.0] * 15])
    assert name == "Attack" and share == pytest.approx(1 / (1 + math.exp(-2.0)))


def test_the_pipeline_names_a_riot_as_the_main_event(analyze):
    text = ("Angry crowds smashed bank windows and torched two police vans in the river town of Dolvik on "
            "Thursday evening after a disputed election result, witnesses said. The unrest lasted until dawn.")
    analysis = analyze(text)
    main = analysis.acled_main
    assert main is not None and main.event_type == "Riots"
    assert main.events and all(analysis.events[int(ref[1:]) - 1].acled.sub_event_type == main.sub_event_type
                               for ref in main.events)
    assert analysis.to_dict()["acled_main"]["sub_event_type"] == main.sub_event_type


def test_a_calm_report_has_no_main_acled_event(analyze):
    text = ("The regional council approved a new timetable for the ferry service on Wednesday. "
            "Tickets will cost slightly more from the spring, a spokeswoman said.")
    analysis = analyze(text)
    assert analysis.acled_main is None and analysis.to_dict()["acled_main"] is None


def test_the_text_report_has_one_main_event_line():
    from presswatch.records import AcledMain
    from presswatch.report import main_event_line

    line = main_event_line(AcledMain("Protests", "Peaceful protest", 0.9, ("v3", "v7")))
    assert line == "Main ACLED event: Protests / Peaceful protest (events v3, v7)"


def test_joined_sentence_occurrences_read_as_the_whole_text(pipeline, cues):
    doc = pipeline.nlp("Gunmen stormed a farming village at dawn. They set several houses on fire. "
                       "A roadside bomb later hit a patrol on the highway.")
    words = [acled.words_of(s) for s in doc.sents]
    whole = tuple(w for run in words for w in run)
    assert whole == acled.words_of(doc)
    joined = acled.joined_occurrences([acled.occurrences(w) for w in words], [len(w) for w in words],
                                      cues.first_words)
    full = acled.occurrences(whole)
    assert joined == {k: v for k, v in full.items() if k in cues.first_words}
    assert acled.cue_type(cues, whole, joined) == acled.cue_type(cues, whole)
