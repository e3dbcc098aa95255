"""Train presswatch/quotes/data/cue_model.json: the quotes stage's learned cue detector.

Usage: nice -n 5 .venv/bin/python scripts/train_quote_cues.py --polnear ../shared/data/polnear \
           [--cache /tmp/polnear-train.spacy]

Data: PolNeAR v1.0.0 *train* only (one annotator per article, the lowest id, as in the eval).
A candidate verb (presswatch.quotes.cuemodel.is_candidate) is positive when it is the head of an
annotated cue.  Model: L2 logistic regression (liblinear) over the binary features of
`cue_features` (the verb's parse neighbourhood and its construction), features seen in fewer than
MIN_COUNT candidates dropped.

Selection: 5-fold cross-validation over articles.  Each fold's model is plugged into the full
quotes stage for the held-out articles and the fold outputs are scored together with the eval's
metric (`presswatch.evaluate.quotes.score`); the (C, threshold) with the best all-attribution
token-overlap F1 wins.  The final model is refit on all of train.  Dev is never read.
Written: feature names and rounded weights only, never corpus text; the sidecar .meta.json
records the CV numbers and input checksums.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from datetime import date
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from presswatch.evaluate.polnear import GoldArticle, cue_heads, load_split  # noqa: E402
from presswatch.evaluate.quotes import parse_split, score  # noqa: E402
from presswatch.knowledge import folder_checksums, write_verified  # noqa: E402
from presswatch.quotes import extract_quotes  # noqa: E402
from presswatch.quotes.cuemodel import CueModel, StanceGate, cue_features, is_candidate  # noqa: E402
from presswatch.quotes.rules import load_cue_lexicon  # noqa: E402

OUT = ROOT / "presswatch" / "quotes" / "data" / "cue_model.json"
VERSION = "1.1.0"
FOLDS = 5
TRAIN_FOLDERS = ("train/text", "train/attributions")  # checksummed into the sidecar
MIN_COUNT = 3
# The stance gate is trained on all of train after this model (scripts/train_quote_stances.py): the
# cue model's CV runs the stage without it, so no held-out article is scored by a model that saw it.
NO_STANCE = StanceGate({}, 0.0, 2.0, "off")
C_GRID = (0.3, 1.0)
THRESHOLDS = (0.2, 0.25, 0.3, 0.4)


def examples(articles: list[GoldArticle], docs: list) -> tuple[list[list[str]], list[int], list[int]]:
    """Per candidate verb: feature names, label (heads a gold cue), article index."""
    rows, labels, owners = [], [], []
    for number, (article, doc) in enumerate(zip(articles, docs, strict=True)):
        heads = cue_heads(article, doc)
        for token in doc:
            if is_candidate(token):
                rows.append(cue_features(token))
                labels.append(int(token.i in heads))
                owners.append(number)
    return rows, labels, owners


def fit(rows: list[list[str]], labels: list[int], c: float) -> tuple[dict[str, float], float]:
    """Logistic regression over features seen MIN_COUNT+ times; (weights by name, bias)."""
    counts = Counter(name for row in rows for name in set(row))
    names = sorted(name for name, n in counts.items() if n >= MIN_COUNT)
    column = {name: i for i, name in enumerate(names)}
    indptr, indices = [0], []
    for row in rows:
        indices.extend(sorted({column[name] for name in row if name in column}))
        indptr.append(len(indices))
    x = csr_matrix((np.ones(len(indices)), indices, indptr), shape=(len(rows), len(names)))
    clf = LogisticRegression(C=c, solver="liblinear", max_iter=1000)
    clf.fit(x, np.array(labels))
    weights = {name: round(float(w), 4) for name, w in zip(names, clf.coef_[0], strict=True) if round(float(w), 4)}
    return weights, round(float(clf.intercept_[0]), 4)


def cross_validate(articles: list[GoldArticle], docs: list, rows, labels, owners) -> dict[str, dict]:
    """All-attribution and per-role overlap F1 of the stage with out-of-fold models, per (C, threshold)."""
    lexicon = load_cue_lexicon()
    fold_of = [i % FOLDS for i in range(len(articles))]
    results = {}
    for c in C_GRID:
        models = []
        for fold in range(FOLDS):
            keep = [i for i, owner in enumerate(owners) if fold_of[owner] != fold]
            weights, bias = fit([rows[i] for i in keep], [labels[i] for i in keep], c)
            models.append((weights, bias))
        for threshold in THRESHOLDS:
            by_doc = {id(doc): CueModel(*models[fold_of[i]], threshold, "cv") for i, doc in enumerate(docs)}
            report = score(articles, docs, lambda d, p, m=by_doc: extract_quotes(d, p, (), lexicon, m[id(p)], NO_STANCE))
            overlap = report["all"]["overlap"]
            results[f"C={c} t={threshold}"] = {role: overlap[role]["f1"] for role in overlap}
            print(f"C={c} t={threshold}", results[f"C={c} t={threshold}"], file=sys.stderr)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--polnear", type=Path, required=True, help="PolNeAR root (has train/)")
    parser.add_argument("--cache", type=Path, default=None, help="DocBin file to reuse/store the train parse")
    args = parser.parse_args()
    articles = load_split(args.polnear, "train")
    _, docs = parse_split(articles, cache=args.cache)
    rows, labels, owners = examples(articles, docs)
    print(f"{len(rows)} candidate verbs, {sum(labels)} cue heads", file=sys.stderr)
    results = cross_validate(articles, docs, rows, labels, owners)
    best = max(results, key=lambda key: results[key]["attribution"])
    c, threshold = (float(part.split("=")[1]) for part in best.split())
    weights, bias = fit(rows, labels, c)
    data = (json.dumps({"bias": bias, "threshold": threshold, "weights": weights},
                       sort_keys=True, separators=(",", ":")) + "\n").encode("utf-8")
    write_verified(OUT, data, {
        "version": VERSION,
        "source": "PolNeAR v1.0.0 train (cue heads of annotated attributions; feature names and weights only)",
        "license": "weights derived from PolNeAR, which ships no license: research and evaluation use only",
        "built_by": "scripts/train_quote_cues.py",
        "built_from": folder_checksums(args.polnear, TRAIN_FOLDERS),
        "built_on": date.today().isoformat(),
        "model": f"logistic regression (liblinear, L2, C={c}), {len(weights)} features, min count {MIN_COUNT}",
        "selection": f"{FOLDS}-fold CV over train articles, best all-attribution overlap F1",
        "cv_overlap_f1": results,
        "chosen": best,
    })
    print(f"{OUT}: {len(weights)} features, chosen {best}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
