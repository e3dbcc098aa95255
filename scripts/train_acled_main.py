"""Train the ACLED main-event ranker into presswatch/events/data/acled_main.json.

Usage: .venv/bin/python scripts/train_acled_main.py ../shared/data/events

Data: the CASE-2021 task 2 dev25 snippets (the only CASE file; 251 snippets, one sub-event label
each).  Each snippet runs through the pipeline (actors, quotes) and the events stage with an acled
sentence model fitted without its fold (5 folds grouped by near-duplicate snippets, as the eval);
its candidate main types and their features are events/acled.py `main_features`.  A candidate is
positive when it is the snippet's gold sub-event type (the "no ACLED event" candidate when the
label is outside ACLED).  Logistic regression, C chosen from evaluate.events.RANKER_CS by CV over
the same folds (`evaluate.events.fit_case_ranker`).  The reported score is not this model's: it is
the nested CV of `presswatch eval events` (case2021_dev.acled_types_weighted_f1), which refits the
ranker inside each outer fold.  The sidecar records C and the CV scores by C.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from presswatch import events  # noqa: E402
from presswatch.evaluate.events import CASE_FILE, _prepare, case_groups, fit_case_ranker, read_case  # noqa: E402
from presswatch.events.acled import MAIN_FEATURES, MAIN_FILE  # noqa: E402
from presswatch.knowledge import write_verified  # noqa: E402

VERSION = "1.0.0"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="the shared events folder (../shared/data/events)")
    parser.add_argument("--out", type=Path, default=ROOT / "presswatch" / "events" / "data")
    args = parser.parse_args()
    rows = read_case(args.data)
    gold = [g for _, g in rows]
    nlp, prepared = _prepare([t for t, _ in rows])
    shipped = {"lexicon": events._lexicon(), "models": events._models()[0], "roles": events._roles()[0],
               "types": events._types()[0]}
    ranker, C, scores = fit_case_ranker(prepared, gold, case_groups([t for t, _ in rows]), shipped, range(len(rows)))
    raw = (json.dumps({"features": list(MAIN_FEATURES), "weights": list(ranker.weights)}, indent=1) + "\n").encode()
    write_verified(args.out / MAIN_FILE, raw, {
        "name": MAIN_FILE, "version": VERSION, "date": datetime.date.today().isoformat(),
        "source": "CASE-2021 task 2 dev25 snippet labels (emerging-welfare/case-2021-shared-task); see MODEL_CARD.md",
        "license": "Weights only (15 named features, no text). CASE-2021 data: research use, texts copyright "
                   "of their original sources.",
        "built_by": "scripts/train_acled_main.py",
        "built_from": {CASE_FILE: hashlib.sha256((args.data / CASE_FILE).read_bytes()).hexdigest()},
        "spacy_model": f"{nlp.meta.get('name')}-{nlp.meta.get('version')}",
        "params": {"C": C, "folds": 5}, "cv_acled_types_weighted_f1_by_C": {str(k): v for k, v in scores.items()},
        "bytes": len(raw),
    })
    print("wrote", args.out / MAIN_FILE, f"C={C}", scores)


if __name__ == "__main__":
    main()
