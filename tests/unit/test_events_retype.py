"""Events PLOVER type model (retype.py) and the last-resort source (issue 5).

Sentences are written for these tests; nothing comes from ../shared.
"""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

from presswatch.errors import PresswatchError
from presswatch.events import lexicon as lexicon_module
from presswatch.events.lexicon import load_lexicon
from presswatch.events.retype import (
    TYPES_FILE,
    TypeModel,
    default_codes,
    event_features,
    fit_partial,
    load_types,
)
from presswatch.records import Document

pytestmark = pytest.mark.issue(5)


def test_default_codes_are_root_codes_of_each_type():
    codes = default_codes(load_lexicon(), ["ASSAULT", "AGREE", "PROTEST"])
    assert codes == {"ASSAULT": "18", "AGREE": "03", "PROTEST": "14"}


def test_type_model_fits_retypes_and_round_trips():
    grams = [Counter({"w=shelled": 1, "w=village": 1}), Counter({"w=signed": 1, "w=accord": 1})] * 6
    features = [{"p=ASSAULT": 1.0}, {"p=ASSAULT": 1.0}] * 6
    labels = ["ASSAULT", "AGREE"] * 6
    model = TypeModel.fit(grams, features, labels, {"ASSAULT": "18", "AGREE": "03"}, threshold=0.6)
    peace, war = model.sentence_scores(grams[1]), model.sentence_scores(grams[0])
    assert model.retype(peace, features[1], "ASSAULT") == "03"  # the words say otherwise
    assert model.retype(war, features[0], "ASSAULT") is None  # same type: kept
    assert model.retype(peace, features[1], "ASSAULT", threshold=1.01) is None  # never sure enough
    again = TypeModel.from_bytes(model.to_bytes())
    assert again.classes == model.classes and again.codes == model.codes and again.threshold == 0.6
    assert again.proba(grams[1], features[1]) == pytest.approx(model.proba(grams[1], features[1]), abs=1e-3)


def test_partial_labels_put_the_mass_inside_the_allowed_set():
    exact = [Counter({"w=signed": 1, "w=treaty": 1}), Counter({"w=shelled": 1, "w=town": 1}),
             Counter({"w=sent": 1, "w=blankets": 1})] * 4
    labels: list = ["AGREE", "ASSAULT", "AID"] * 4
    vague = [Counter({"w=convoy": 1, "w=tents": 1})] * 6  # material cooperation: AID or RETREAT
    model = TypeModel.fit(exact + vague, [{}] * 18, labels + [frozenset({"AID", "RETREAT"})] * 6,
                          {"AGREE": "03", "ASSAULT": "18", "AID": "07"}, weights=[1.0] * 12 + [2.0] * 6)
    proba = model.proba(vague[0], {})
    assert set(model.classes) == {"AGREE", "ASSAULT", "AID", "RETREAT"}
    assert proba["AID"] + proba["RETREAT"] > 0.8 and proba["AGREE"] < 0.1 and proba["ASSAULT"] < 0.1


def test_partial_fit_with_single_labels_is_the_usual_logistic_regression():
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    rows = np.random.default_rng(3).random((40, 6))
    matrix, y = csr_matrix(rows), (rows[:, 0] > rows[:, 1]).astype(int) + (rows[:, 2] > 0.7)
    coef, intercept = fit_partial(matrix, np.eye(3, dtype=bool)[y], np.ones(40), 4.0)
    reference = LogisticRegression(C=4.0, max_iter=3000).fit(matrix, y)
    assert np.abs(coef - reference.coef_.T).max() < 0.05


def test_event_features_name_trigger_root_type_and_syntax(pipeline):
    doc = pipeline.nlp("The militia stormed the radio station at dawn.")
    token = next(t for t in doc if t.lower_ == "stormed")
    features = event_features(token, load_lexicon().code("190"))
    assert {"t=storm", "r=19", "p=ASSAULT", "d=ROOT"} <= set(features)


def test_packaged_type_model_is_verified_and_conservative(tmp_path):
    model, version = load_types(lexicon_module.DATA_DIR)
    assert version and len(model.classes) == 16 and 0.5 <= model.threshold <= 1.01
    for name in (TYPES_FILE, f"{TYPES_FILE}.meta.json"):
        (tmp_path / name).write_bytes((lexicon_module.DATA_DIR / name).read_bytes())
    (tmp_path / TYPES_FILE).write_bytes((tmp_path / TYPES_FILE).read_bytes() + b"\0")
    with pytest.raises(PresswatchError) as info:
        load_types(tmp_path)
    assert info.value.code == "PWE011" and "train_event_types" in str(info.value)


def test_stage_keeps_clear_rule_types(pipeline):
    text = "Police in Lyon detained forty dock workers after the port blockade on Tuesday."
    a = pipeline.analyze(Document.from_text(text))
    assert any(e.type == "COERCE" for e in a.events)


def test_agentless_act_takes_the_sentence_actor_but_never_the_speaker(pipeline):
    def detained(text):
        return next(e for e in pipeline.analyze(Document.from_text(text)).events if e.trigger.text == "detained")

    event = detained("Hungarian border police used tear gas, and several migrants were detained.")
    assert event.source is not None and event.source.country == "HUN" and event.target.text == "several migrants"
    claimed = detained("Chilean officials said a group of Bolivian traders was detained near the border.")
    assert claimed.source is None or claimed.source.country != "CHL"  # the speaker is not the actor


def test_retype_stays_among_the_triggers_dictionary_senses():
    grams = [Counter({"w=shelled": 1, "w=village": 1}), Counter({"w=signed": 1, "w=accord": 1})] * 6
    features = [{"p=ASSAULT": 1.0}, {"p=ASSAULT": 1.0}] * 6
    model = TypeModel.fit(grams, features, ["ASSAULT", "AGREE"] * 6, {"ASSAULT": "18", "AGREE": "03"}, threshold=0.6)
    peace = model.sentence_scores(grams[1])
    assert model.retype(peace, features[1], "ASSAULT", senses=frozenset({"ASSAULT", "AGREE"})) == "03"
    assert model.retype(peace, features[1], "ASSAULT", senses=frozenset({"ASSAULT"})) is None  # not a sense
    assert model.retype(peace, features[1], "ASSAULT", senses=frozenset()) is None  # an event noun's one code
    lex = load_lexicon()
    assert {"CONCEDE", "RETREAT"} <= lex.senses("lift") and "ASSAULT" not in lex.senses("lift")
    assert lex.senses("nonverb") == frozenset()


@pytest.mark.parametrize("text, trigger, plover", [
    ("The Nordic council imposed an arms embargo on Velmark on Monday.", "arms embargo", {"SANCTION"}),
    ("The council imposed an arms embargo on the two warring states.", "arms embargo", {"SANCTION"}),
    ("Velmark lifted its arms embargo on Ostria in March.", "lifted", {"RETREAT", "CONCEDE"}),
])
def test_embargoes_imposed_and_lifted(analyze, text, trigger, plover):
    found = [e for e in analyze(text).events if e.trigger.text == trigger]
    assert found and found[0].type in plover
