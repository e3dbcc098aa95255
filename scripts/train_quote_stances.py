"""Train presswatch/quotes/data/stance_model.json: the quotes stage's learned stance gate.

Usage: nice -n 5 .venv/bin/python scripts/train_quote_stances.py --polnear ../shared/data/polnear \
           [--cache /tmp/polnear-train.spacy]

The hand-written statement gate (`rules.states_something`) keeps a verb the cue model accepts
out of the quotes unless it has a statement-like complement; PolNeAR also marks many stances
with a plain object ("the senator backed the bill").  LEARNED_STANCE is a second decision over
the verbs that gate blocks (and only those: ACT_GATE, NARRATOR_COPULA and the other vetoes stay),
for a person's stance only (cuemodel.holds_stance, a fixed rule).

Data: PolNeAR v1.0.0 *train* only (one annotator per article, the lowest id, as in the eval).
A candidate is a verb outside quotation marks that no pattern matches, that the statement gate
alone keeps out (`learned_cue` finds a quote once the gate is lifted); it is positive when it
heads an annotated cue.  Model: L2 logistic regression (liblinear) over `stance_features`,
features seen in fewer than MIN_COUNT candidates dropped.

Selection: 5-fold cross-validation over articles (the folds of train_quote_cues.py).  Each fold's
cue model (C=1.0, t=0.25, as shipped) and stance model run inside the full quotes stage on the
held-out articles; the fold outputs are scored together with the eval's metric.  The setting
with the best all-attribution token-overlap F1 among those whose source and content overlap F1
do not fall below the gate-off run wins.  The final model is refit on all of train.  Dev is never read.  Written: feature names and rounded weights only, never corpus text.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from train_quote_cues import FOLDS, NO_STANCE, TRAIN_FOLDERS, examples, fit  # noqa: E402

from presswatch.evaluate.polnear import GoldArticle, cue_heads, load_split  # noqa: E402
from presswatch.evaluate.quotes import parse_split, score  # noqa: E402
from presswatch.knowledge import folder_checksums, write_verified  # noqa: E402
from presswatch.quotes import _segments, extract_quotes  # noqa: E402
from presswatch.quotes.cuemodel import CueModel, StanceGate, stance_features  # noqa: E402
from presswatch.quotes.rules import VERB_PATTERNS, according_to, learned_cue, load_cue_lexicon  # noqa: E402
from presswatch.records import Document  # noqa: E402

OUT = ROOT / "presswatch" / "quotes" / "data" / "stance_model.json"
VERSION = "1.0.0"
CUE_C, CUE_THRESHOLD = 1.0, 0.25  # the shipped cue model's setting (v1.1.0)
C_GRID = (0.3, 1.0)
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7)


def candidates(articles: list[GoldArticle], docs: list) -> tuple[list[list[str]], list[int], list[int]]:
    """Per verb the statement gate alone blocks: feature names, label (heads a gold cue), article index."""
    lexicon = load_cue_lexicon()
    rows, labels, owners = [], [], []
    for number, (article, doc) in enumerate(zip(articles, docs, strict=True)):
        heads = cue_heads(article, doc)
        quoted = {i for start, end in _segments(Document.from_text(article.text), doc) for i in range(start, end)}
        for token in doc:
            if token.i in quoted or token.pos_ not in ("VERB", "AUX") or according_to(token) is not None:
                continue
            if any(pattern(token, lexicon) is not None for pattern in VERB_PATTERNS):
                continue
            if learned_cue(token, lexicon) is None and learned_cue(token, lexicon, lambda _: True) is not None:
                rows.append(stance_features(token))
                labels.append(int(token.i in heads))
                owners.append(number)
    return rows, labels, owners


def cross_validate(articles: list[GoldArticle], docs: list) -> dict[str, dict]:
    """Per-role overlap F1 (P, R) of the stage with out-of-fold cue and stance models, per setting."""
    lexicon = load_cue_lexicon()
    fold_of = [i % FOLDS for i in range(len(articles))]
    rows, labels, owners = examples(articles, docs)
    cue_models = []
    for fold in range(FOLDS):
        keep = [i for i, owner in enumerate(owners) if fold_of[owner] != fold]
        cue_models.append(CueModel(*fit([rows[i] for i in keep], [labels[i] for i in keep], CUE_C), CUE_THRESHOLD, "cv"))
    rows, labels, owners = candidates(articles, docs)
    print(f"{len(rows)} gated verbs, {sum(labels)} cue heads", file=sys.stderr)

    def run(gates: list[StanceGate]) -> dict[str, dict]:
        by_doc = {id(doc): (cue_models[fold_of[i]], gates[fold_of[i]]) for i, doc in enumerate(docs)}
        report = score(articles, docs, lambda d, p: extract_quotes(d, p, (), lexicon, *by_doc[id(p)]))
        overlap = report["all"]["overlap"]
        return {role: overlap[role] for role in overlap}

    results = {"off": run([NO_STANCE] * FOLDS)}
    print("off", results["off"], file=sys.stderr)
    for c in C_GRID:
        models = []
        for fold in range(FOLDS):
            keep = [i for i, owner in enumerate(owners) if fold_of[owner] != fold]
            models.append(fit([rows[i] for i in keep], [labels[i] for i in keep], c))
        for threshold in THRESHOLDS:
            key = f"C={c} t={threshold}"
            results[key] = run([StanceGate(*model, threshold, "cv") for model in models])
            print(key, results[key], file=sys.stderr)
    return results


def choose(results: dict[str, dict]) -> str:
    """The best attribution F1 whose source and content F1 do not drop below the gate-off run."""
    off = results["off"]
    allowed = [key for key in results if key != "off" and all(results[key][role]["f1"] >= off[role]["f1"] for role in ("source", "content"))]
    return max(allowed, key=lambda key: results[key]["attribution"]["f1"], default="off")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--polnear", type=Path, required=True, help="PolNeAR root (has train/)")
    parser.add_argument("--cache", type=Path, default=None, help="DocBin file to reuse/store the train parse")
    args = parser.parse_args()
    articles = load_split(args.polnear, "train")
    _, docs = parse_split(articles, cache=args.cache)
    results = cross_validate(articles, docs)
    best = choose(results)
    if best == "off":
        print("no setting beats the gate-off run; nothing written", file=sys.stderr)
        return 1
    c, threshold = (float(part.split("=")[1]) for part in best.split())
    rows, labels, _ = candidates(articles, docs)
    weights, bias = fit(rows, labels, c)
    data = (json.dumps({"bias": bias, "threshold": threshold, "weights": weights},
                       sort_keys=True, separators=(",", ":")) + "\n").encode("utf-8")
    write_verified(OUT, data, {
        "version": VERSION,
        "source": "PolNeAR v1.0.0 train (verbs the statement gate blocks, labelled by annotated cue heads; "
                  "feature names and weights only)",
        "license": "weights derived from PolNeAR, which ships no license: research and evaluation use only",
        "built_by": "scripts/train_quote_stances.py",
        "built_from": folder_checksums(args.polnear, TRAIN_FOLDERS),
        "built_on": date.today().isoformat(),
        "model": f"logistic regression (liblinear, L2, C={c}), {len(weights)} features, over "
                 f"{len(rows)} gated verbs ({sum(labels)} cue heads)",
        "selection": f"{FOLDS}-fold CV over train articles inside the full stage, best all-attribution overlap F1 "
                     "with source and content not below the gate-off run",
        "cv_overlap": results,
        "chosen": best,
    })
    print(f"{OUT}: {len(weights)} features, chosen {best}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
