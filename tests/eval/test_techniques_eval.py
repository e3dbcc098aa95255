"""Evaluation floors of the techniques stage (issue 7); skipped without ../shared/data.

A bounded run: the first 90 PTC training articles, 3 folds grouped by article, first fold scored
(60 articles train, 30 test; all three fold models are trained because the span re-scorer learns
from the other folds' out-of-fold candidates).  About 4 min on a busy 2-core machine the first
time, well under a minute once the parse and fold models are cached.  Floors sit under the
measured numbers; the full 5-fold numbers are in MODEL_CARD.md.
"""

from __future__ import annotations

import pytest

from tests.conftest import SHARED_DATA

pytestmark = [pytest.mark.issue(7), pytest.mark.slow, pytest.mark.shared_data]

FLOORS = {
    ("si", "f1"): 0.29,  # measured 0.330 with the re-scorer, 0.319 first stage only (baseline 0.166)
    ("tc", "f1"): 0.47,  # measured 0.507 (baseline 0.424)
}


@pytest.fixture(scope="module")
def report():
    propaganda = SHARED_DATA / "propaganda"
    if not (propaganda / "ptc" / "train-articles").is_dir():
        pytest.skip("../shared/data/propaganda/ptc is not present")
    from presswatch.evaluate.techniques import run

    return run(propaganda, folds=3, max_articles=90, max_folds=1)


@pytest.mark.parametrize(("task", "metric"), list(FLOORS))
def test_floor(report, task, metric):
    assert report[task][metric] >= FLOORS[(task, metric)]


def test_beats_the_lexicon_baseline(report):
    assert report["si"]["f1"] > report["baseline"]["si"]["f1"]
    assert report["tc"]["f1"] > report["baseline"]["tc"]["f1"]


def test_folds_keep_articles_apart(report):
    assert report["folds_run"] == 1 and report["articles"] == 30
