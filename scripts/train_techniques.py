"""Train the persuasion-technique model and write presswatch/techniques/data/techniques.npz.

Usage:
    .venv/bin/python scripts/train_techniques.py ../shared/data/propaganda [--folds 5] \
        [--report /tmp/techniques-cv.json]

It cross-validates (grouped by article, as `presswatch eval techniques` does) to record the score
the model is accepted at and to collect the out-of-fold candidate spans the span re-scorer
learns from; then it fits the first stage on all 371 PTC training articles with a fixed
random_state, fits the re-scorer on those out-of-fold candidates with the gain weight and
threshold of `rescore.fixed_gain` over all of them (no label read; the CV does the same per fold), and writes the artifact plus its `.meta.json` sidecar
(version, source, license, built_by, built_from checksums, sha256, score).  Fold models and the
final first stage are cached under /tmp/presswatch-cache (keyed by data, parameters and code).
Only derived weights are written, never corpus text.  Needs ../shared (research-only data).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

import presswatch.techniques
from presswatch.evaluate.techniques import (
    TC_LABELS_FILE,
    fold_model,
    load_training_corpus,
    parse_articles,
    resolve_ptc_dir,
    run,
)
from presswatch.nlp import load_language
from presswatch.techniques.ptc import file_sha256, folder_sha256

VERSION = "1.4.0"
SOURCE = ("PTC corpus v2 (SemEval-2020 Task 11), training split only: 371 articles, "
          "Da San Martino et al., EMNLP 2019 / SemEval 2020; propaganda.qcri.org/ptc")
MODEL_FILE = Path(presswatch.techniques.__file__).parent / "data" / "techniques.npz"
LICENSE = ("Weights derived from PTC, which is distributed for research use only (registration-gated, "
           "cite Da San Martino et al. 2019). Research and evaluation use only; no corpus text is included.")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", type=Path, help="shared data folder holding ptc/ (e.g. ../shared/data/propaganda)")
    parser.add_argument("--output", type=Path, default=MODEL_FILE)
    parser.add_argument("--folds", type=int, default=5, help="CV folds (score and re-scorer rows)")
    parser.add_argument("--report", type=Path, help="also write the CV report here (JSON)")
    parser.add_argument("--random-state", type=int, default=0)
    args = parser.parse_args(argv)

    ptc = resolve_ptc_dir(args.data)
    if args.folds < 2:
        parser.error("--folds must be at least 2")
    report = run(args.data, folds=args.folds, random_state=args.random_state, keep_rows=True)
    rows = report.pop("rescore_rows")
    if args.report:
        args.report.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"CV: SI F1={report['si']['f1']:.4f} TC micro-F1={report['tc']['f1']:.4f}", file=sys.stderr)

    started = time.perf_counter()
    articles, gold = load_training_corpus(args.data)
    nlp = load_language()
    docs = parse_articles(nlp, articles)
    ids = [a.id for a in articles]
    model = fold_model(docs, [gold[i] for i in ids], ids, {"random_state": args.random_state})
    model.rescore_weight = report["rescore_all_folds"]["rescore_weight"]
    model.rescore_threshold = report["rescore_all_folds"]["rescore_threshold"]
    model.fit_rescorer(rows)
    data = model.to_bytes()
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_bytes(data)
    meta = {
        "name": args.output.name,
        "version": VERSION,
        "source": SOURCE,
        "license": LICENSE,
        "built_by": "scripts/train_techniques.py",
        "built_from": {
            "train-articles/": folder_sha256(ptc / "train-articles"),
            TC_LABELS_FILE: file_sha256(ptc / TC_LABELS_FILE),
        },
        "spacy_model": f"{nlp.meta.get('name')}-{nlp.meta.get('version')}",
        "params": model.get_params(),
        "sha256": hashlib.sha256(data).hexdigest(),
        "bytes": len(data),
        "accepted_score": {
            "protocol": f"{report['folds']}-fold CV grouped by article on PTC train "
                        f"({report['articles']} articles); PTC dev/test not available",
            "si": {k: round(report["si"][k], 4) for k in ("precision", "recall", "f1")},
            "si_first_stage_f1": round(report["si_first_stage"]["f1"], 4),
            "tc_micro_f1": round(report["tc"]["f1"], 4),
            "baseline_si_f1": round(report["baseline"]["si"]["f1"], 4),
            "baseline_tc_micro_f1": round(report["baseline"]["tc"]["f1"], 4),
        },
    }
    args.output.with_name(args.output.name + ".meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.output} ({len(data):,} bytes) in {time.perf_counter() - started:.0f}s",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
