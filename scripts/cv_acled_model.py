"""Nested CV of the `acled` sentence model's recipe on CASE-2021 dev25 (the only CASE file).

Usage: .venv/bin/python scripts/cv_acled_model.py ../shared/data/events

The stage runs once without the acled model (rules, cues and the other shipped models); an event's
ACLED type then follows acled.type_event for each candidate recipe: the model's label replaces the
cue-typed one when its probability reaches the threshold.  Recipes: the training unit (whole
snippets, as shipped, or each sentence with its snippet's label), C, and the threshold.  For each
outer fold (the grouped folds of `presswatch eval events`) the recipe best on an inner grouped 5-fold
CV of the other four folds is refitted on them and scored on the held-out fold; the score is the
weighted F1 over the ACLED sub-event types of the snippet label (evaluate.events.case_label).
Prints each recipe's outer score (not a selection), the nested score and the recipes chosen.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import sys
import warnings
from pathlib import Path

import numpy as np
from sklearn.model_selection import StratifiedGroupKFold

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from presswatch import events  # noqa: E402
from presswatch.evaluate.events import (  # noqa: E402
    ACLED_TO_CASE,
    _events,
    _prepare,
    case_groups,
    case_label,
    f1_scores,
    read_case,
)
from presswatch.events import acled  # noqa: E402
from presswatch.events.classify import SentenceModel  # noqa: E402
from presswatch.events.extract import EventExtractor  # noqa: E402
from presswatch.records import AcledType  # noqa: E402

UNITS = ("snippet", "sentence")
CS = (10.0, 30.0)
THRESHOLDS = (0.4, 0.5)
RECIPES = tuple(itertools.product(UNITS, CS, THRESHOLDS))
SHIPPED = ("snippet", 10.0, 0.5)


def split(index: np.ndarray, gold: list[str], groups: list[int], seed: int = 0) -> list[tuple[np.ndarray, np.ndarray]]:
    """Grouped, label-stratified 5-fold split of `index` (as the eval's outer folds)."""
    folds = StratifiedGroupKFold(5, shuffle=True, random_state=seed)
    parts = folds.split(np.zeros(len(index)), [gold[i] for i in index], [groups[i] for i in index])
    return [(index[a], index[b]) for a, b in parts]


def fit(docs: list, gold: list[str], train: np.ndarray, unit: str, C: float) -> SentenceModel:
    if unit == "snippet":
        return SentenceModel.fit([docs[i] for i in train], [gold[i] for i in train], C=C)
    pairs = [(s, gold[i]) for i in train for s in docs[i].sents]
    return SentenceModel.fit([s for s, _ in pairs], [g for _, g in pairs], C=C)


def label(analysis, doc, model: SentenceModel, threshold: float) -> str:
    """The snippet's CASE label when the model retypes its cue-typed events at `threshold`."""
    new = []
    for event in analysis.events:
        typed = event.acled
        if typed is not None:
            token = next(t for t in doc if t.idx >= event.trigger.start)
            p, name = acled.model_type(model.proba(token.sent))
            if name and p >= threshold:
                typed = AcledType(*name)
        new.append(dataclasses.replace(event, acled=typed))
    return case_label(dataclasses.replace(analysis, events=tuple(new)))


def score(gold: list[str], pred: dict[int, str]) -> float:
    index = sorted(pred)
    return f1_scores([gold[i] for i in index], [pred[i] for i in index], ACLED_TO_CASE.values())["weighted_f1"]


def predict(analyses, docs, gold, train, test, recipes) -> dict[tuple, dict[int, str]]:
    """Held-out labels of `test` for each recipe, the models fitted on `train`."""
    out: dict[tuple, dict[int, str]] = {r: {} for r in recipes}
    for unit, C in {(u, c) for u, c, _ in recipes}:
        model = fit(docs, gold, train, unit, C)
        for recipe in (r for r in recipes if r[:2] == (unit, C)):
            out[recipe] = {i: label(analyses[i], docs[i], model, recipe[2]) for i in test}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="the shared events folder (../shared/data/events)")
    args = parser.parse_args()
    warnings.filterwarnings("ignore", message="The least populated class")
    rows = read_case(args.data)
    gold = [g for _, g in rows]
    _, prepared = _prepare([t for t, _ in rows])
    docs = [p[1] for p in prepared]
    models = {k: v for k, v in events._models()[0].items() if k != "acled"}
    extractor = EventExtractor(events._lexicon(), models, events._roles()[0], events._types()[0])
    analyses = _events(extractor, prepared)
    groups = case_groups([t for t, _ in rows])
    outer: dict[tuple, dict[int, str]] = {r: {} for r in RECIPES}
    nested: dict[int, str] = {}
    for k, (train, test) in enumerate(split(np.arange(len(gold)), gold, groups)):
        inner: dict[tuple, dict[int, str]] = {r: {} for r in RECIPES}
        for a, b in split(train, gold, groups):
            for recipe, pred in predict(analyses, docs, gold, a, b, RECIPES).items():
                inner[recipe].update(pred)
        chosen = max(RECIPES, key=lambda r: (score(gold, inner[r]), r == SHIPPED))
        for recipe, pred in predict(analyses, docs, gold, train, test, RECIPES).items():
            outer[recipe].update(pred)
        nested.update(outer[chosen])
        print(f"fold {k}: chose {chosen} (inner {score(gold, inner[chosen]):.4f}, shipped recipe "
              f"{score(gold, inner[SHIPPED]):.4f})", flush=True)
    for recipe in RECIPES:
        print(recipe, f"{score(gold, outer[recipe]):.4f}")
    print(f"nested {score(gold, nested):.4f}")


if __name__ == "__main__":
    main()
