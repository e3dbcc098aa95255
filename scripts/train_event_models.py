"""Train the events stage's sentence models into presswatch/events/data/event_models.npz.

Usage: .venv/bin/python scripts/train_event_models.py ../shared/data/events

- `quad`: the 5 ConfliBERT classes, from conflibert_cameo/cameo_class_train.tsv (train split),
  with its CAMEO-root classes (majority class of the sentences whose rules-only top event has the
  root) and its main-event cut (inner 5-fold CV of the events stage), as `presswatch eval events`
  refits it in each fold (evaluate.events.fit_quad).
- `acled`: the CASE-2021 task 2 labels, from case2021_task2/task2_test_labels.dev25.tsv (the only
  CASE file here; `presswatch eval events` scores it by 5-fold CV, retraining without each fold).
Texts are parsed with the pipeline's spaCy model (the features are its tokens; the quad
sentences also run through actors and quotes, as the stage sees them); the artifact
holds feature names and weights only.  Writes the `.meta.json` sidecar with the sha256, the
training files' hashes, the parameters and each model's own 5-fold CV score.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from presswatch import events  # noqa: E402
from presswatch.evaluate.events import (  # noqa: E402
    CASE_FILE,
    CONFLIBERT_FILE,
    _events,
    _prepare,
    fit_quad,
    read_case,
    read_conflibert,
    top_codes,
)
from presswatch.events.classify import (  # noqa: E402
    ACLED_PARAMS,
    CUTS,
    MODELS_FILE,
    QUAD_PARAMS,
    ROOT_MIN_COUNT,
    SentenceModel,
    save_models,
)
from presswatch.events.extract import EventExtractor  # noqa: E402
from presswatch.nlp import DEFAULT_MODEL, load_language  # noqa: E402

PARAMS = {"quad": {**QUAD_PARAMS, "root_min_count": ROOT_MIN_COUNT, "cuts": list(CUTS)}, "acled": ACLED_PARAMS,
          "folds": 5, "random_state": 0}


def cv_f1(docs: list, labels: list[str], C: float, min_df: int) -> dict[str, float]:
    """Macro and weighted F1 of the model alone by stratified k-fold CV."""
    pred = [""] * len(labels)
    folds = StratifiedKFold(PARAMS["folds"], shuffle=True, random_state=PARAMS["random_state"])
    for train, test in folds.split(np.zeros(len(labels)), labels):
        model = SentenceModel.fit([docs[i] for i in train], [labels[i] for i in train], C, min_df)
        for i in test:
            proba = model.proba(docs[i])
            pred[i] = max(proba, key=proba.__getitem__)
    return {"macro_f1": round(float(f1_score(labels, pred, average="macro")), 4),
            "weighted_f1": round(float(f1_score(labels, pred, average="weighted")), 4)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="the shared events folder (../shared/data/events)")
    parser.add_argument("--out", type=Path, default=ROOT / "presswatch" / "events" / "data")
    args = parser.parse_args()
    nlp = load_language(DEFAULT_MODEL, 1_000_000)
    models, scores = {}, {}
    rows = read_case(args.data)
    docs = list(nlp.pipe((text for text, _ in rows), batch_size=64))
    labels = [label for _, label in rows]
    scores["acled"] = cv_f1(docs, labels, ACLED_PARAMS["C"], ACLED_PARAMS["min_df"])
    models["acled"] = SentenceModel.fit(docs, labels, ACLED_PARAMS["C"], ACLED_PARAMS["min_df"])
    rows = read_conflibert(args.data)
    _, prepared = _prepare([text for text, _ in rows])
    labels = [str(label) for _, label in rows]
    scores["quad"] = cv_f1([p[1] for p in prepared], labels, QUAD_PARAMS["C"], QUAD_PARAMS["min_df"])
    lexicon = events._lexicon()
    shipped = {"lexicon": lexicon, "models": {"acled": models["acled"]}, "roles": events._roles()[0]}
    codes = top_codes(_events(EventExtractor(lexicon), prepared))
    models["quad"] = fit_quad(prepared, labels, codes, shipped, PARAMS["folds"], PARAMS["random_state"])
    for name, model in models.items():
        print(name, len(model.features), "features, CV", scores[name], "roots", model.roots, "cut", model.cut)
    models = {name: models[name] for name in ("quad", "acled")}
    path = args.out / MODELS_FILE
    raw = save_models(models, path)
    meta = {
        "name": MODELS_FILE,
        "version": "1.1.0",
        "date": datetime.date.today().isoformat(),
        "source": "ConfliBERT cameo_class train split (eventdata/ConfliBERT); CASE-2021 task 2 dev25 "
                  "snippets (emerging-welfare/case-2021-shared-task), see MODEL_CARD.md",
        "license": "Weights only (feature names and float16 weights), no text. ConfliBERT data: GPL-3.0 repo, "
                   "sentences copyright of their original sources; CASE-2021: no license stated. Research use.",
        "built_by": "scripts/train_event_models.py",
        "built_from": {f: hashlib.sha256((args.data / f).read_bytes()).hexdigest() for f in (CONFLIBERT_FILE, CASE_FILE)},
        "spacy_model": f"{nlp.meta.get('name')}-{nlp.meta.get('version')}",
        "params": PARAMS,
        "model_cv": scores,
        "quad_roots": models["quad"].roots,
        "quad_cut": models["quad"].cut,
        "sha256": hashlib.sha256(raw).hexdigest(),
        "bytes": len(raw),
    }
    (args.out / f"{MODELS_FILE}.meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print("wrote", path, len(raw), "bytes")


if __name__ == "__main__":
    main()
