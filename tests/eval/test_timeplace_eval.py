"""Evaluation floors of the dates and places stages (issue 6) on the hand-labelled gold sets.

The examples set is in the repository; the PolNeAR sets (polnear_dev for development, polnear_test
held out) need ../shared/data and are skipped without them.  Floors sit a little under the
measured numbers, so a regression fails.
"""

from __future__ import annotations

import hashlib

import pytest

from presswatch.errors import PresswatchError
from presswatch.evaluate import timeplace

pytestmark = [pytest.mark.issue(6)]

FLOORS = {
    ("examples", "dates"): 0.97,     # measured 1.000 (n=151); rules were developed on this set
    ("examples", "places"): 0.92,    # measured 0.937 (n=190)
    ("examples", "event_locations"): 0.94,  # measured 0.960 (n=50), development set
    ("polnear_dev", "dates"): 0.97,  # measured 1.000 (n=107), development set (errors seen and fixed)
    ("polnear_dev", "places"): 0.97,  # measured 1.000 (n=158), development set (errors seen and fixed)
    ("polnear_test", "dates"): 0.93,  # measured 0.952 (n=62), held out
    ("polnear_test", "places"): 0.93,  # measured 0.951 (n=164), held out
}


@pytest.fixture(scope="module")
def report():
    return timeplace.run()


@pytest.mark.slow
@pytest.mark.parametrize(("name", "part"), list(FLOORS))
def test_floor(report, name, part):
    if name not in report:
        pytest.skip(report["polnear_dev_skipped"])
    assert report[name][part]["accuracy"] >= FLOORS[(name, part)]


@pytest.mark.slow
def test_beats_publication_day_baseline(report):
    for part in ("dates", "places"):
        assert report["combined"][part]["accuracy"] > report["combined"][part]["baseline_accuracy"]


def test_polnear_set_is_skipped_with_a_reason_without_texts(tmp_path):
    report = timeplace.run(limit=1, polnear=tmp_path)
    assert "polnear_dev" not in report
    assert str(tmp_path) in report["polnear_dev_skipped"]
    assert report["combined"]["documents"] == report["examples"]["documents"] == 1


def test_held_out_set_is_left_out_on_request(tmp_path):
    text = "Crews in Lisbon worked until Sunday."
    gold = tmp_path / "gold.tsv"
    gold.write_text(_row("date", text, "Sunday", "2019-03-03", "day") + "\n", encoding="utf-8")
    corpus = _corpus(tmp_path, text)
    both = timeplace.run(limit=1, polnear=corpus, polnear_gold=gold, polnear_test_gold=gold)
    dev_only = timeplace.run(limit=1, polnear=corpus, polnear_gold=gold, polnear_test_gold=gold, held_out=False)
    assert both["roles"]["polnear_test"].startswith("held out") and both["polnear_test"]["dates"]["n"] == 1
    assert "polnear_test" not in dev_only and "polnear_test" not in dev_only["roles"]
    assert dev_only["roles"]["polnear_dev"].startswith("development")


def _corpus(tmp_path, text):
    texts = tmp_path / "polnear" / "dev" / "text"
    texts.mkdir(parents=True)
    (texts / "paper_2019-03-04_a-story.txt").write_text(text, encoding="utf-8")
    return tmp_path / "polnear"


def _row(kind, text, word, *values):
    start = text.index(word)
    digest = hashlib.sha256(word.encode("utf-8")).hexdigest()[:8]
    return "\t".join([kind, "paper_2019-03-04_a-story", str(start), str(start + len(word)), digest, *values])


def test_polnear_rows_take_offsets_hash_and_publication_day(tmp_path):
    text = "Crews in Lisbon worked until Sunday."
    gold = tmp_path / "gold.tsv"
    gold.write_text("# comment\n" + _row("date", text, "Sunday", "2019-03-03", "day") + "\n"
                    + _row("place", text, "Lisbon", "Lisbon", "PRT", "city") + "\n", encoding="utf-8")
    date, place = timeplace.load_polnear_gold(gold, _corpus(tmp_path, text))
    assert (date["published"], date["text"], date["value"], date["precision"]) == ("2019-03-04", "Sunday", "2019-03-03", "day")
    assert place["place"] == {"name": "Lisbon", "country": "PRT", "countries": ["PRT"], "border": False, "kind": "city"}


def test_polnear_row_whose_span_changed_is_rejected(tmp_path):
    text = "Crews in Lisbon worked until Sunday."
    gold = tmp_path / "gold.tsv"
    gold.write_text(_row("date", text, "Sunday", "2019-03-03", "day") + "\n", encoding="utf-8")
    with pytest.raises(PresswatchError, match="PWE653"):
        timeplace.load_polnear_gold(gold, _corpus(tmp_path, text.replace("Sunday", "Monday")))
