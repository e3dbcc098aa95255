"""Actors evaluation gate (issue 3): PLOVER GSR dev floors and the hand-checked fixtures."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.issue(3), pytest.mark.shared_data, pytest.mark.slow]

# Floors pinned a little under the measured scores (knowledge 2025.10.10, session 8, see presswatch/actors/README.md):
# GSR dev country 0.913 / sector 0.879 (all roles; source 0.907 / 0.902, target 0.919 / 0.848); fixtures 1.0;
# session 10 (2025.10.14, gold and dictionary sector sets): source 0.912 / 0.917, target 0.925 / 0.909, exact
# sectors (no sets) 0.902 / 0.879;
# ConfliBERT coverage (share of source/target spans coded with country and sector) 0.611 / 0.374;
# PETRARCH unit codes: country recall 0.966, country+sector recall 0.588 (10 of 17; the other 7 follow the
# test dictionary's own entries, "SECURITY_OFFICIALS" GOV where Phoenix and PLOVER say COP, "THE_KU" USAEDU).
FLOORS = {"country_accuracy": 0.87, "sector_accuracy": 0.82}


def test_plover_gsr_floor(shared_data):
    from presswatch.evaluate.actors import run

    report = run(shared_data)
    gsr = report["plover_gsr_dev"]
    for role in ("source", "target", "all"):
        for metric, floor in FLOORS.items():
            assert gsr["actors"][role][metric] >= floor - (0.06 if role != "all" else 0), (role, metric)
        scores = gsr["actors"][role]  # sets only add: dictionary sets over the gold code's, that over the first triple
        assert scores["sector_accuracy"] >= scores["sector_accuracy_gold_code"] >= scores["sector_accuracy_exact"]
        assert gsr["actors"][role]["country_accuracy"] > gsr["baseline"][role]["country_accuracy"]
    petrarch = report["petrarch_unit"]  # recall of real-country codes, PETRARCH's own conventions
    assert petrarch["codes"] >= 80 and petrarch["country_recall"] >= 0.9
    assert petrarch["sector_codes"] >= 15 and petrarch["country_sector_recall"] >= 0.55
    coverage = report["conflibert_coverage"]  # no gold codes: coded spans, the rule-selection data
    assert coverage["source"]["coded_share"] >= 0.58 and coverage["target"]["coded_share"] >= 0.35
    fixtures = report["fixtures"]
    assert fixtures["actor_accuracy"] >= 0.9
    assert fixtures["cluster_accuracy"] >= 0.9
    assert fixtures["violations"] == 0
