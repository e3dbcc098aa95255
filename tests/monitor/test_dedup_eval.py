"""Deduplication on the hand-labelled test set: pairwise precision and recall at least 0.90."""

from __future__ import annotations

from presswatch.evaluate.dedup import pairwise_scores, run


def test_pairwise_scores_on_known_cases():
    assert pairwise_scores(["a", "a", "b"], ["x", "x", "y"])["f1"] == 1.0
    merged = pairwise_scores(["a", "a", "b"], ["x", "x", "x"])
    assert (merged["tp"], merged["fp"], merged["fn"]) == (1, 2, 0)
    split = pairwise_scores(["a", "a"], ["x", "y"])
    assert (split["precision"], split["recall"]) == (1.0, 0.0)


def test_dedup_meets_the_floor_and_beats_baselines():
    report = run()
    assert report["mentions"] >= 40 and report["events"] >= 15
    scores = report["presswatch"]
    assert scores["precision"] >= 0.90 and scores["recall"] >= 0.90
    assert scores["f1"] > report["baseline_same_day"]["f1"] > report["baseline_no_dedup"]["f1"]
