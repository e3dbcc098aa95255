"""Techniques stage (issue 7): the official SemEval-2020 Task 11 metrics on hand-made cases, the
stage on text written for these tests, the model round trip, the PTC file formats and the CLI.

Every text here was written for this file; none comes from the PTC corpus.
"""

from __future__ import annotations

import json
import shutil
import typing

import numpy as np
import pytest
from typer.testing import CliRunner

from presswatch.errors import PresswatchError
from presswatch.evaluate.techniques import (
    credits,
    fold_model,
    gold_rate,
    si_prf,
    tc_scores,
    top_k_labels,
)
from presswatch.records import Document, Technique, TechniqueName
from presswatch.techniques import MODEL_FILE, load_model, make_component, meta_path
from presswatch.techniques.baseline import baseline_spans, baseline_technique
from presswatch.techniques.features import DocFeatures, merge_intervals, sequences
from presswatch.techniques.model import PreparedDoc, TechniqueModel, TreeModel
from presswatch.techniques.rescore import (
    candidate_features,
    candidates,
    choose,
    fixed_gain,
    gain_spans,
    pieces,
    runs,
    sentence_context,
    split_runs,
)
from presswatch.techniques.summary import summarize_techniques

ARTICLE = (
    "Regime thugs carried out a bloody massacre in the capital, the opposition says\n\n"
    "The so-called \"elections\" were a farce, and experts say the result was decided long ago.\n"
    "According to leading scientists, the crisis will destroy our nation unless we act now!\n"
    "Patriots must stand together. Patriots must stand together.\n"
    "The minister said the new budget would be published on Tuesday.\n"
)
OTHER = (
    "A quiet town council met on Monday to discuss road repairs.\n"
    "Officials said the work would take three weeks and cost less than planned.\n"
    "Critics called the plan a shameful, disgraceful waste, a total disaster for everyone.\n"
)
NAMES = set(typing.get_args(TechniqueName))


def span_of(text: str, fragment: str, occurrence: int = 0) -> tuple[int, int]:
    """Offsets of a fragment we wrote ourselves (test helper only)."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(fragment, start + 1)
    return start, start + len(fragment)


# -- SI metric: the organizers' partial-credit precision and recall ------------------------------

@pytest.mark.parametrize(("gold", "pred", "expected"), [
    ({"a": [(0, 10)]}, {"a": [(0, 5)]}, (1.0, 0.5, 2 / 3)),         # half of the gold span
    ({"a": [(10, 20)]}, {"a": [(15, 25)]}, (0.5, 0.5, 0.5)),         # shifted by half
    ({"a": [(0, 10)]}, {"a": [(0, 5), (5, 10)]}, (1.0, 1.0, 1.0)),   # touching spans stay two
    ({"a": [(0, 10), (5, 15)]}, {"a": [(0, 15)]}, (1.0, 1.0, 1.0)),  # overlapping gold merged
    ({"a": [(0, 10)]}, {"a": [(0, 6), (4, 10)]}, (1.0, 1.0, 1.0)),   # overlapping predictions merged
    ({"a": [(0, 4), (6, 10)]}, {"a": [(0, 10)]}, (0.8, 1.0, 2 * 0.8 / 1.8)),  # one covers two
    ({"a": [(0, 10)]}, {"b": [(0, 4)]}, (0.0, 0.0, 0.0)),            # wrong article
    ({"a": [(0, 10)]}, {}, (0.0, 0.0, 0.0)),                         # no predictions
    ({}, {}, (0.0, 0.0, 1.0)),                                       # nothing at all: F1 = 1
    ({"a": [(0, 10)], "b": [(0, 10)]}, {"a": [(0, 10)]}, (1.0, 0.5, 2 / 3)),  # missed article
])
def test_si_prf_matches_the_official_scorer(gold, pred, expected):
    scores = si_prf(gold, pred)
    assert (scores["precision"], scores["recall"], scores["f1"]) == pytest.approx(expected)


def test_merge_intervals_joins_only_shared_characters():
    assert merge_intervals([(5, 9), (0, 3), (3, 5), (8, 12)]) == [(0, 3), (3, 5), (5, 12)]


# -- TC metric: micro-F1 over the gold spans ----------------------------------------------------

def test_tc_scores_counts_a_span_with_two_labels_in_any_order():
    gold = [("1", "Loaded_Language", 0, 5), ("1", "Repetition", 0, 5), ("1", "Doubt", 9, 20)]
    pred = [("1", "Repetition", 0, 5), ("1", "Loaded_Language", 0, 5), ("1", "Slogans", 9, 20)]
    scores = tc_scores(gold, pred)
    assert scores["f1"] == pytest.approx(2 / 3) and scores["n"] == 3
    assert scores["per_technique_f1"]["Loaded_Language"] == 1.0
    assert scores["per_technique_f1"]["Doubt"] == 0.0 and scores["per_technique_f1"]["Slogans"] == 0.0


def test_tc_scores_refuses_predictions_for_other_spans():
    with pytest.raises(ValueError):
        tc_scores([("1", "Doubt", 0, 5)], [("1", "Doubt", 0, 6)])


def test_tc_scores_of_nothing_is_zero():
    assert tc_scores([], [])["f1"] == 0.0


def test_top_k_labels_are_distinct_and_ordered():
    assert top_k_labels([0.1, 0.6, 0.3], ["a", "b", "c"], 2) == ["b", "c"]


# -- features and baseline on our own text ------------------------------------------------------

@pytest.fixture(scope="module")
def nlp():
    from presswatch.nlp import load_language

    return load_language()


@pytest.fixture(scope="module")
def parsed(nlp):
    return nlp(ARTICLE)


def test_sequences_cover_words_and_stop_at_line_breaks(parsed):
    seqs = sequences(parsed)
    words = [t.i for t in parsed if not t.is_space]
    assert sorted(i for s in seqs for i in s) == words
    for seq in seqs:
        inner = parsed[seq[0]:seq[-1] + 1].text
        assert "\n" not in inner


def test_features_mark_scare_quotes_and_lexicon_hits(parsed):
    features = DocFeatures(parsed)
    elections = next(t.i for t in parsed if t.text == "elections")
    bloody = next(t.i for t in parsed if t.text == "bloody")
    assert features.scare_quote[elections]
    assert "loaded" in features.lexicon[bloody]
    according = next(t.i for t in parsed if t.text == "According")
    assert "authority" in features.lexicon[according]


def test_baseline_finds_loaded_words_and_repetition(parsed):
    spans = baseline_spans(parsed)
    assert span_of(ARTICLE, "bloody massacre") in spans
    start, end = span_of(ARTICLE, "Patriots must stand together", 1)
    assert baseline_technique(parsed, start, end) == "Repetition"
    start, end = span_of(ARTICLE, "experts say")
    assert baseline_technique(parsed, start, end) == "Appeal_to_Authority"


# -- a tiny model trained on our own text: fit, detect, round trip -----------------------------

def tiny_gold() -> list[list[tuple[str, int, int]]]:
    first = [("Loaded_Language", *span_of(ARTICLE, "bloody massacre")),
             ("Name_Calling,Labeling", *span_of(ARTICLE, "Regime thugs")),
             ("Doubt", *span_of(ARTICLE, "so-called \"elections\"")),
             ("Appeal_to_Authority", *span_of(ARTICLE, "According to leading scientists")),
             ("Repetition", *span_of(ARTICLE, "Patriots must stand together", 1))]
    second = [("Loaded_Language", *span_of(OTHER, "shameful, disgraceful waste")),
              ("Exaggeration,Minimisation", *span_of(OTHER, "a total disaster for everyone"))]
    return [first, second]


@pytest.fixture(scope="module")
def tiny_model(nlp):
    docs = [nlp(ARTICLE), nlp(OTHER)] * 3
    model = TechniqueModel(max_iterations=30, stack_folds=2, tc_min_count=1, sent_min_count=1)
    return model.fit(docs, tiny_gold() * 3)


@pytest.mark.parametrize(("positions", "gap", "expected"), [
    ([], 0, []),
    ([3], 0, [(3, 3)]),
    ([1, 2, 3, 7, 8], 0, [(1, 3), (7, 8)]),   # a stretch of unmarked tokens cuts the span
    ([1, 2, 4, 5], 0, [(1, 2), (4, 5)]),      # one unmarked token is enough with gap 0
    ([1, 2, 4, 5], 1, [(1, 5)]),              # ... and is bridged with gap 1
    ([0, 9], 8, [(0, 9)]),
])
def test_split_runs_cuts_sentence_spans_at_gaps(positions, gap, expected):
    assert split_runs(positions, gap) == expected


def test_tiny_model_detects_in_bounds_and_deterministically(tiny_model, parsed):
    first = tiny_model.detect(parsed)
    assert first == tiny_model.detect(parsed)
    for technique, start, end, confidence in first:
        assert technique in NAMES and 0 <= start < end <= len(ARTICLE) and 0 <= confidence <= 1


def test_tiny_model_round_trips_through_bytes(tiny_model, parsed):
    data = tiny_model.to_bytes()
    again = TechniqueModel.from_bytes(data)
    assert again.detect(parsed) == tiny_model.detect(parsed)
    assert again.to_bytes() == data
    assert again.get_params() == tiny_model.get_params()


# -- the span re-scorer ------------------------------------------------------------------------

@pytest.mark.parametrize(("inside", "threshold", "expected"), [
    ([], 0.5, []),
    ([0.9, 0.2, 0.6, 0.7], 0.5, [(0, 0), (2, 3)]),
    ([0.9, 0.2, 0.6, 0.7], 0.1, [(0, 3)]),
    ([0.1, 0.1], 0.5, []),
])
def test_runs_are_maximal_stretches_over_the_threshold(inside, threshold, expected):
    assert runs(inside, threshold) == expected


def test_pieces_cut_a_sentence_at_commas_and_quotes(nlp):
    doc = nlp("The plan, critics say, is a \"disaster\" for us.")
    sequence = sequences(doc)[0]
    words = [" ".join(doc[sequence[i]].text for i in range(a, b + 1))
             for a, b in pieces(DocFeatures(doc), sequence)]
    assert words == ["The plan", "critics say", "is a", "disaster", "for us ."]


def test_candidates_name_their_generators(nlp):
    doc = nlp("The plan, critics say, is a shameful waste.")
    sequence = sequences(doc)[0]
    inside = [0.0] * len(sequence)
    inside[7] = inside[8] = 0.8  # "shameful waste"
    found = candidates(DocFeatures(doc), sequence, inside)
    assert found[(7, 8)] == {"run0.1", "run0.25", "run0.4", "run0.6"}
    assert "sentence" in found[(0, len(sequence) - 1)]
    assert "piece" in found[(0, 1)] and "tail" in found[(3, len(sequence) - 1)]
    f = candidate_features(DocFeatures(doc), sequence, inside, 0.7, (7, 8), found[(7, 8)],
                           sentence_context([0.2, 0.7, 0.9], 1))
    assert f["mean"] == pytest.approx(0.8) and f["sent"] == 0.7 and f["src=run0.6"] == 1.0
    assert f["edge"] == 0.0 and f["cover"] == pytest.approx(2 / len(sequence))
    assert f["prev"] == 0.2 and f["next"] == 0.9 and f["at=early"] == 1.0


def test_sentence_context_reads_neighbours_place_and_the_whole_article():
    title = sentence_context([0.8, 0.1, 0.6, 0.3], 0)
    assert title["prev"] == 0.0 and title["next"] == 0.1 and title["at=title"] == 1.0
    assert title["art_mean"] == pytest.approx(0.45) and title["art_charged_b=4"] == 1.0  # 2 of 4
    last = sentence_context([0.8, 0.1, 0.6, 0.3], 3)
    assert last["next"] == 0.0 and last["prev_b=3"] == 1.0 and last["relpos_b=3"] == 1.0


@pytest.mark.parametrize(("spans", "expected"), [
    ([], []),
    ([(0, 10, 0.5), (0, 4, 0.3), (5, 10, 0.3)], [(0, 4, 0.3), (5, 10, 0.3)]),  # two beat one
    ([(0, 10, 0.7), (0, 4, 0.3), (5, 10, 0.3)], [(0, 10, 0.7)]),
    ([(0, 10, 0.5), (10, 20, 0.1), (12, 15, -1.0)], [(0, 10, 0.5), (10, 20, 0.1)]),  # touching is fine
    ([(0, 5, -0.1)], []),                                                     # no loss is taken
])
def test_choose_maximises_the_total_gain_without_overlap(spans, expected):
    assert choose(spans) == expected


def test_credits_follow_the_official_partial_credit():
    assert credits(0, 10, [(0, 5)]) == (0.5, 1.0)
    assert credits(0, 10, [(0, 4), (6, 16)]) == pytest.approx((0.8, 1.4))
    assert credits(0, 10, [(20, 30)]) == (0.0, 0.0)


def test_gain_spans_trade_expected_precision_against_recall():
    scored = [(0, 10, 0.9, 0.8), (20, 60, 0.3, 0.9), (20, 30, 0.5, 0.2)]
    assert [s[:2] for s in gain_spans(scored, 0.7, 0.4)] == [(0, 10), (20, 60)]
    assert [s[:2] for s in gain_spans(scored, 0.2, 0.4)] == [(0, 10), (20, 30)]  # recall counts less


def test_fixed_gain_is_the_f1_linearisation_of_its_own_choice():
    # two sure spans and one doubtful; 4 gold spans expected
    articles = [[(0, 10, 0.9, 0.9), (20, 30, 0.8, 0.8)], [(0, 10, 0.2, 0.3)]]
    weight, threshold = fixed_gain(articles, expected_gold=4.0)
    # chosen: the two sure spans, A = 1.7, B = 1.7, N = 2 -> weight A²G / B²N = 2, threshold A/N
    assert (weight, threshold) == pytest.approx((2.0, 0.85), abs=2e-3)
    assert fixed_gain([], expected_gold=4.0) == (0.7, 0.4)  # nothing to choose: the start


def test_gold_rate_counts_merged_spans_per_character():
    gold = {"a": [(0, 5), (3, 8), (20, 30)], "b": []}
    assert gold_rate(gold, ["a", "b"], {"a": 100, "b": 300}) == pytest.approx(2 / 400)


def test_tree_model_walks_its_arrays_as_scikit_learn_walks_its_trees():
    from sklearn.ensemble import HistGradientBoostingRegressor

    from presswatch.techniques.model import TREE_PARAMS

    rng = np.random.RandomState(0)
    rows = [{"a": float(rng.rand()), "b": float(rng.rand()), f"k={k % 3}": 1.0} for k in range(400)]
    targets = [min(1.0, row["a"] * 0.8 + (0.3 if "k=1" in row else 0.0)) for row in rows]
    model = TreeModel.fit(rows, targets, 2, random_state=0)
    names = sorted(model.features, key=model.features.__getitem__)
    matrix = np.array([[row.get(name, 0.0) for name in names] for row in rows], dtype=np.float32)
    reference = HistGradientBoostingRegressor(early_stopping=False, random_state=0, **TREE_PARAMS)
    expected = reference.fit(matrix, targets).predict(matrix)
    assert np.allclose(model.predict(rows), expected, atol=1e-4)
    again = TreeModel.from_arrays(model.to_arrays("t"), "t")
    assert np.array_equal(again.predict(rows[:7]), model.predict(rows[:7]))
    assert model.predict([]).shape == (0,)


def test_fold_model_cache_ignores_re_scorer_parameters(nlp, tmp_path):
    docs, gold = [nlp(ARTICLE), nlp(OTHER)] * 3, tiny_gold() * 3
    params = {"max_iterations": 5, "stack_folds": 2, "tc_min_count": 1, "sent_min_count": 1}
    ids = [f"a{k}" for k in range(6)]
    first = fold_model(docs, gold, ids, params, tmp_path)
    again = fold_model(docs, gold, ids, {**params, "rescore_threshold": 0.5, "rescore_C": 1.0}, tmp_path)
    assert len(list(tmp_path.iterdir())) == 1 and again.crf_bytes_ == first.crf_bytes_
    assert again.rescore_C == 1.0 and again.rescore_threshold == 0.5
    fold_model(docs, gold, ids, {**params, "c1": 0.5}, tmp_path)  # a first-stage parameter
    assert len(list(tmp_path.iterdir())) == 2


def test_tiny_model_with_a_rescorer_round_trips(tiny_model, nlp, parsed):
    rows = []
    for doc, spans in zip([parsed, nlp(OTHER)], tiny_gold(), strict=True):
        covered = merge_intervals((s, e) for _, s, e in spans)
        rows += [(f, *credits(s, e, covered)) for s, e, f in tiny_model.candidate_rows(doc)]
    model = TechniqueModel.from_bytes(tiny_model.to_bytes()).fit_rescorer(rows)
    found = model.find_spans(parsed, PreparedDoc(parsed))
    assert found and all(a[1] <= b[0] for a, b in zip(found, found[1:], strict=False))  # no overlap
    assert all(0.0 <= confidence <= 1.0 for _, _, confidence in found)
    again = TechniqueModel.from_bytes(model.to_bytes())
    assert again.span_precision_ is not None and again.detect(parsed) == model.detect(parsed)
    assert TechniqueModel.from_bytes(tiny_model.to_bytes()).span_precision_ is None


def test_model_on_an_empty_doc_finds_nothing(tiny_model, nlp):
    assert tiny_model.detect(nlp("")) == []
    assert tiny_model.detect(nlp("\n\n  \n")) == []


# -- the shipped artifact and the stage --------------------------------------------------------

def test_shipped_model_has_a_complete_sidecar():
    meta = json.loads(meta_path(MODEL_FILE).read_text(encoding="utf-8"))
    for key in ("version", "source", "license", "built_by", "built_from", "sha256", "accepted_score"):
        assert meta[key]
    assert MODEL_FILE.stat().st_size < 3_500_000


def test_loader_refuses_a_tampered_model(tmp_path):
    copy = tmp_path / MODEL_FILE.name
    shutil.copy(MODEL_FILE, copy)
    meta = json.loads(meta_path(MODEL_FILE).read_text(encoding="utf-8"))
    meta["sha256"] = "0" * 64
    meta_path(copy).write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(PresswatchError) as caught:
        load_model(copy)
    assert caught.value.code == "PWE011"
    with pytest.raises(PresswatchError) as caught:
        load_model(tmp_path / "absent.npz")
    assert caught.value.code == "PWE010"


@pytest.fixture(scope="module")
def stage(nlp):
    return make_component(nlp)


def test_stage_returns_valid_records_in_text_order(stage, parsed):
    document = Document.from_text(ARTICLE)
    found = stage(document=document, parsed=parsed)
    assert isinstance(found, tuple) and found
    assert all(isinstance(t, Technique) and t.technique in NAMES for t in found)
    for t in found:
        assert ARTICLE[t.start:t.end] == t.text and t.start < t.end
        assert t.confidence is not None and 0.0 <= t.confidence <= 1.0
    assert list(found) == sorted(found, key=lambda t: (t.start, t.end, t.technique))
    assert stage(document=document, parsed=parsed) == found
    spans = [(t.technique, t.start, t.end) for t in found]
    assert len(spans) == len(set(spans))  # a nested CRF span equal to a sentence span is not repeated


def test_stage_finds_the_loaded_language(stage, parsed):
    found = stage(document=Document.from_text(ARTICLE), parsed=parsed)
    start, end = span_of(ARTICLE, "bloody massacre")
    assert any(t.start <= start and end <= t.end for t in found)
    assert any(t.text == "elections" for t in found)  # the scare-quoted word is its own span


@pytest.mark.parametrize("text", ["", "   \n\n", "Hello."])
def test_stage_handles_empty_and_tiny_documents(stage, nlp, text):
    found = stage(document=Document.from_text(text), parsed=nlp(text))
    assert all(text[t.start:t.end] == t.text for t in found)
    if not text.strip():
        assert found == ()


def test_summary_counts_and_density():
    techniques = [Technique("Loaded_Language", 0, 10, "x" * 10, 0.5),
                  Technique("Loaded_Language", 5, 20, "x" * 15, 0.5),
                  Technique("Doubt", 30, 40, "x" * 10, 0.5)]
    summary = summarize_techniques(techniques, 200)
    assert summary.counts == {"Doubt": 1, "Loaded_Language": 2}
    assert summary.technique_chars == 30 and summary.density == 150.0
    assert summarize_techniques([], 0).density == 0.0


# -- PTC file formats and the prediction commands ----------------------------------------------

@pytest.fixture()
def ptc_folder(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "article1001.txt").write_text(ARTICLE, encoding="utf-8")
    (articles / "article1002.txt").write_text(OTHER, encoding="utf-8")
    (articles / "notes.txt").write_text("not an article", encoding="utf-8")
    start, end = span_of(ARTICLE, "bloody massacre")
    other_start, other_end = span_of(OTHER, "shameful, disgraceful waste")
    template = tmp_path / "template.out"
    template.write_text(f"1001\t?\t{start}\t{end}\n1001\t?\t{start}\t{end}\n"
                        f"1002\t?\t{other_start}\t{other_end}\n", encoding="utf-8")
    return articles, template


def test_predict_tc_writes_the_official_format(ptc_folder):
    from presswatch.techniques.commands import techniques_app

    articles, template = ptc_folder
    result = CliRunner().invoke(techniques_app, ["predict-tc", str(articles), str(template)])
    assert result.exit_code == 0, result.output
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    template_rows = [line.split("\t") for line in template.read_text().splitlines()]
    assert [(r[0], r[2], r[3]) for r in rows] == [(r[0], r[2], r[3]) for r in template_rows]
    assert all(r[1] in NAMES for r in rows)
    assert rows[0][1] != rows[1][1]  # a span listed twice gets two different techniques


def test_predict_si_writes_the_official_format(ptc_folder, tmp_path):
    from presswatch.techniques.commands import techniques_app

    articles, _ = ptc_folder
    out = tmp_path / "si.txt"
    result = CliRunner().invoke(techniques_app, ["predict-si", str(articles), "--output", str(out)])
    assert result.exit_code == 0, result.output
    texts = {"1001": ARTICLE, "1002": OTHER}
    rows = [line.split("\t") for line in out.read_text().splitlines()]
    assert rows and all(len(r) == 3 and r[0] in texts for r in rows)
    assert all(0 <= int(r[1]) < int(r[2]) <= len(texts[r[0]]) for r in rows)


def test_predict_tc_names_a_missing_article(ptc_folder, tmp_path):
    from presswatch.techniques.predict import predict_tc

    articles, _ = ptc_folder
    template = tmp_path / "bad.out"
    template.write_text("999\t?\t0\t4\n", encoding="utf-8")
    with pytest.raises(PresswatchError) as caught:
        predict_tc(articles, template)
    assert caught.value.code == "PWE705"


def test_reading_an_empty_folder_names_it(tmp_path):
    from presswatch.techniques.ptc import read_articles

    with pytest.raises(PresswatchError) as caught:
        read_articles(tmp_path)
    assert caught.value.code == "PWE701"


@pytest.mark.parametrize(("text", "expected"), [
    ("A similar view is shared by naval expert Oleg Petrov.", ["naval expert Oleg Petrov"]),
    ("The deal will collapse, the analyst warned.", ["analyst"]),
    ("According to experts, the drought will last.", ["experts"]),
    ("An expert panel met on Monday.", []),           # the noun only modifies "panel"
    ("Experts arrived at the dam on Tuesday.", []),   # arriving is not vouching for a claim
])
def test_authority_rule_both_ways(nlp, text, expected):
    from presswatch.techniques.rules import authority_spans

    assert [text[s:e] for s, e in authority_spans(nlp(text))] == expected


def test_stage_adds_rule_found_authority(stage, nlp):
    text = "The border will burn again, military expert Oleg Petrov said.\n"
    found = stage(document=Document.from_text(text), parsed=nlp(text))
    assert any(t.technique == "Appeal_to_Authority" and t.text == "military expert Oleg Petrov"
               for t in found)
