"""Train presswatch/quotes/data/gate_model.json: the quotes stage's LEARNED GATE.

Usage: nice -n 5 .venv/bin/python scripts/train_quote_gate.py --polnear ../shared/data/polnear \
           [--cache /tmp/polnear-train.spacy]

Data: PolNeAR v1.0.0 *train* only (one annotator per article, the lowest id, as in the eval).
Candidates: verbs the cue model accepts that no pattern matched and the hand-written statement gate
blocks ("the senator backed the bill"), found by running the stage with each article's
out-of-fold cue model (5 folds over articles, C as shipped).  A candidate is positive when it
heads an annotated cue.  Model: L2 logistic regression (liblinear) over `gate_features`,
features seen in fewer than MIN_COUNT candidates dropped.

Selection: nested 5-fold CV over articles.  For each outer fold the gate is fit on the other
folds; its threshold is the one whose inner out-of-fold gate decisions give the best
all-attribution token-overlap F1 of the whole stage on those training articles (1.01 keeps the
hand gate alone).  The outer folds' outputs are scored together with the eval's metric; the
final gate is fit on all of train at the threshold most outer folds chose.  Dev is never read.
Written: feature names and rounded weights only; the .meta.json records the CV numbers.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from train_quote_cues import FOLDS, TRAIN_FOLDERS, examples, fit  # noqa: E402

from presswatch.evaluate.polnear import load_split  # noqa: E402
from presswatch.evaluate.quotes import parse_split, score  # noqa: E402
from presswatch.knowledge import folder_checksums, read_verified, write_verified  # noqa: E402
from presswatch.quotes import extract_quotes  # noqa: E402
from presswatch.quotes.cuemodel import CUE_MODEL, CueModel, gate_features  # noqa: E402
from presswatch.quotes.rules import load_cue_lexicon  # noqa: E402
from presswatch.records import Document  # noqa: E402

OUT = ROOT / "presswatch" / "quotes" / "data" / "gate_model.json"
VERSION = "1.0.0"
C = 1.0
CUE_C = 1.0  # the shipped cue model's (data/cue_model.json.meta.json)
THRESHOLDS = (0.3, 0.5, 0.7, 1.01)  # 1.01: gate closed


def cue_models(rows, labels, owners, fold_of) -> list[CueModel]:
    """Out-of-fold cue models at the shipped C and threshold."""
    raw, _ = read_verified(ROOT / "presswatch" / "quotes" / "data" / CUE_MODEL, "scripts/train_quote_cues.py")
    threshold = json.loads(raw.decode("utf-8"))["threshold"]
    models = []
    for fold in range(FOLDS):
        keep = [i for i, owner in enumerate(owners) if fold_of[owner] != fold]
        weights, bias = fit([rows[i] for i in keep], [labels[i] for i in keep], CUE_C)
        models.append(CueModel(weights, bias, threshold, "cv"))
    return models


def gold_heads(article, doc) -> set[int]:
    """Token indices heading an annotated cue."""
    heads = set()
    for attribution in article.attributions:
        for start, end in attribution.cue:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                heads.add(span.root.i)
    return heads


def candidates(articles, docs, models, fold_of, lexicon) -> list[tuple[int, int, list[str], int]]:
    """(article, token, gate features, label) for every verb the statement gate blocks."""
    out = []
    for number, (article, doc) in enumerate(zip(articles, docs, strict=True)):
        heads = gold_heads(article, doc)
        seen: list[int] = []

        def record(token, seen=seen):
            seen.append(token.i)
            return False

        extract_quotes(Document.from_text(article.text), doc, (), lexicon, models[fold_of[number]], record)
        out.extend((number, i, gate_features(doc[i]), int(i in heads)) for i in sorted(set(seen)))
    return out


_OUTPUTS: dict[tuple[int, frozenset[int]], tuple] = {}  # stage output by (article, accepted verbs)


def stage_f1(articles, docs, models, fold_of, lexicon, accepted: set[tuple[int, int]], subset) -> dict:
    """Overlap F1 per role of the stage on the articles in `subset`, the gate accepting `accepted`."""
    picked = [i for i in range(len(articles)) if i in subset]
    number_of = {id(docs[i]): i for i in picked}

    def run(document, doc):
        n = number_of[id(doc)]
        key = (n, frozenset(i for m, i in accepted if m == n))
        if key not in _OUTPUTS:
            _OUTPUTS[key] = extract_quotes(document, doc, (), lexicon, models[fold_of[n]], lambda t: t.i in key[1])
        return _OUTPUTS[key]

    report = score([articles[i] for i in picked], [docs[i] for i in picked], run)
    return {role: value["f1"] for role, value in report["all"]["overlap"].items()}


def oof_probabilities(cands, folds_of_article, train_folds) -> dict[tuple[int, int], float]:
    """Gate probabilities for the candidates of `train_folds`, each from a gate fit on the others."""
    probs = {}
    for held in train_folds:
        fit_rows = [c for c in cands if folds_of_article[c[0]] in train_folds and folds_of_article[c[0]] != held]
        weights, bias = fit([c[2] for c in fit_rows], [c[3] for c in fit_rows], C)
        for c in cands:
            if folds_of_article[c[0]] == held:
                probs[(c[0], c[1])] = _probability(weights, bias, c[2])
    return probs


def _probability(weights, bias, features) -> float:
    return float(1.0 / (1.0 + np.exp(-(bias + sum(weights.get(f, 0.0) for f in features)))))


def choose_threshold(articles, docs, models, fold_of, lexicon, cands, train_folds) -> tuple[float, dict]:
    """Threshold with the best stage attribution F1 on `train_folds` from inner out-of-fold gates."""
    probs = oof_probabilities(cands, fold_of, train_folds)
    subset = {i for i in range(len(articles)) if fold_of[i] in train_folds}
    results = {}
    for t in THRESHOLDS:
        accepted = {key for key, p in probs.items() if p >= t}
        results[t] = stage_f1(articles, docs, models, fold_of, lexicon, accepted, subset)
        print(f"  folds {sorted(train_folds)} t={t} {len(accepted)} accepted", results[t], file=sys.stderr)
    return max(results, key=lambda t: results[t]["attribution"]), results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--polnear", type=Path, required=True, help="PolNeAR root (has train/)")
    parser.add_argument("--cache", type=Path, default=None, help="DocBin file to reuse/store the train parse")
    args = parser.parse_args()
    articles = load_split(args.polnear, "train")
    _, docs = parse_split(articles, cache=args.cache)
    lexicon = load_cue_lexicon()
    fold_of = [i % FOLDS for i in range(len(articles))]
    rows, labels, owners = examples(articles, docs)
    models = cue_models(rows, labels, owners, fold_of)
    cands = candidates(articles, docs, models, fold_of, lexicon)
    print(f"{len(cands)} gated candidates, {sum(c[3] for c in cands)} gold cue heads", file=sys.stderr)
    everything = set(range(len(articles)))
    closed = stage_f1(articles, docs, models, fold_of, lexicon, set(), everything)
    accepted, chosen, grids = set(), {}, {}
    for fold in range(FOLDS):
        train_folds = frozenset(f for f in range(FOLDS) if f != fold)
        t, grid = choose_threshold(articles, docs, models, fold_of, lexicon, cands, train_folds)
        chosen[fold], grids[fold] = t, {str(k): v for k, v in grid.items()}
        fit_rows = [c for c in cands if fold_of[c[0]] != fold]
        weights, bias = fit([c[2] for c in fit_rows], [c[3] for c in fit_rows], C)
        accepted |= {(c[0], c[1]) for c in cands if fold_of[c[0]] == fold and _probability(weights, bias, c[2]) >= t}
        print(f"fold {fold}: t={t}", file=sys.stderr)
    learned = stage_f1(articles, docs, models, fold_of, lexicon, accepted, everything)
    print("closed", closed, "\nlearned", learned, file=sys.stderr)
    # the final threshold: the one most outer folds chose inside their training folds (ties: higher)
    threshold = max(set(chosen.values()), key=lambda t: (list(chosen.values()).count(t), t))
    weights, bias = fit([c[2] for c in cands], [c[3] for c in cands], C)
    data = (json.dumps({"bias": bias, "threshold": threshold, "weights": weights},
                       sort_keys=True, separators=(",", ":")) + "\n").encode("utf-8")
    write_verified(OUT, data, {
        "version": VERSION,
        "source": "PolNeAR v1.0.0 train (verbs the statement gate blocks, labelled by annotated cue heads;"
                  " feature names and weights only)",
        "license": "weights derived from PolNeAR, which ships no license: research and evaluation use only",
        "built_by": "scripts/train_quote_gate.py",
        "built_from": folder_checksums(args.polnear, TRAIN_FOLDERS),
        "built_on": date.today().isoformat(),
        "model": f"logistic regression (liblinear, L2, C={C}), {len(weights)} features",
        "candidates": {"n": len(cands), "gold": sum(c[3] for c in cands)},
        "selection": f"nested {FOLDS}-fold CV over train articles, threshold by inner out-of-fold stage F1",
        "cv_overlap_f1": {"gate_closed": closed, "learned_gate": learned},
        "outer_thresholds": chosen,
        "inner_grids": grids,
        "threshold": threshold,
    })
    print(f"{OUT}: {len(weights)} features, threshold {threshold}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
