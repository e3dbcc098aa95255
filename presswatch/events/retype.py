"""A PLOVER type classifier that may re-type a rule-coded event when it is confident.

`TypeModel.proba(grams, features)` scores the 16 PLOVER types of one event from the words and
word pairs of its sentence (tf-idf, as classify.py) and the event's own features
(`event_features`: trigger lemma, CAMEO root, the rule coder's type, dependency label and head).
Trained on the NGEC synthetic stories (training only; scripts/train_event_types.py, MODEL_CARD.md)
with balanced class weights.  `retype` returns the type's root CAMEO code (`default_codes`) when
the model's best type differs from the rule type with probability >= the stored threshold.
"""

from __future__ import annotations

import io
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from spacy.tokens import Token

from presswatch.events.classify import _text_array, _text_list, _weights
from presswatch.events.lexicon import CameoCode, EventLexicon
from presswatch.knowledge import read_verified

TYPES_FILE = "event_types.npz"
REBUILD = "scripts/train_event_types.py ../shared/data/events"
PARAMS = {"C": 4.0, "min_df": 2, "class_weight": "balanced"}  # fixed beforehand (C as the quad model)


def event_features(token: Token, cameo: CameoCode) -> dict[str, float]:
    """Binary features (value 1) of one event at its first trigger token."""
    return {f"t={token.lemma_.lower()}": 1.0, f"r={cameo.code[:2]}": 1.0, f"p={cameo.plover}": 1.0,
            f"d={token.dep_}": 1.0, f"h={token.head.lemma_.lower()}": 1.0}


def default_codes(lexicon: EventLexicon, types: Iterable[str]) -> dict[str, str]:
    """Each type's root CAMEO code: the shortest, then lowest, code of the type without a mode."""
    rows = sorted(lexicon.cameo.values(), key=lambda r: (len(r.code), r.code))
    return {t: next((r.code for r in rows if r.plover == t and not r.mode), next(r.code for r in rows if r.plover == t))
            for t in types}


@dataclass(frozen=True)
class TypeModel:
    """Feature index, idf of the n-gram features, weights (features x types), intercepts, types,
    the re-typing threshold and each type's root CAMEO code."""

    features: dict[str, int]
    idf: np.ndarray
    coef: np.ndarray
    intercept: np.ndarray
    classes: tuple[str, ...]
    threshold: float
    codes: dict[str, str]

    @classmethod
    def fit(cls, grams: Sequence[Counter[str]], features: Sequence[dict[str, float]], labels: Sequence[str],
            codes: dict[str, str], threshold: float = 1.01) -> TypeModel:
        """Logistic regression (scikit-learn, lbfgs, PARAMS) on n-grams seen in `min_df` sentences
        and event features seen as often."""
        from scipy.sparse import csr_matrix
        from sklearn.linear_model import LogisticRegression

        df: Counter[str] = Counter(k for g, f in zip(grams, features, strict=True) for k in [*g, *f])
        names = sorted(k for k, n in df.items() if n >= PARAMS["min_df"])
        index = {k: i for i, k in enumerate(names)}
        idf = np.array([math.log((1 + len(grams)) / (1 + df[k])) + 1 for k in names], dtype=np.float32)
        rows, cols, vals = [], [], []
        for r, (g, f) in enumerate(zip(grams, features, strict=True)):
            for k, v in [*_weights(g, index, idf), *((index[k], v) for k, v in f.items() if k in index)]:
                rows.append(r)
                cols.append(k)
                vals.append(v)
        matrix = csr_matrix((vals, (rows, cols)), shape=(len(grams), len(names)))
        clf = LogisticRegression(C=PARAMS["C"], class_weight=PARAMS["class_weight"], max_iter=3000)
        clf.fit(matrix, list(labels))
        coef, intercept = clf.coef_.T, clf.intercept_
        if coef.shape[1] == 1:  # two types: score both columns so proba stays a softmax
            coef, intercept = np.hstack([-coef / 2, coef / 2]), np.array([-intercept[0] / 2, intercept[0] / 2])
        return cls(index, idf, coef.astype(np.float16).astype(np.float32), intercept.astype(np.float32),
                   tuple(str(c) for c in clf.classes_), threshold, codes)

    def sentence_scores(self, grams: Counter[str]) -> np.ndarray:
        """The intercepts plus the sentence's n-gram part (tf-idf, L2-normalized): shared by all
        events of a sentence."""
        pairs = _weights(grams, self.features, self.idf)
        if not pairs:
            return self.intercept.copy()
        index, values = zip(*pairs, strict=True)
        return self.intercept + np.asarray(values, dtype=np.float32) @ self.coef[list(index)]

    def event_proba(self, scores: np.ndarray, features: dict[str, float]) -> dict[str, float]:
        """Type probabilities of one event from its sentence's scores and its own features."""
        scores = scores.copy()
        for k, v in features.items():
            if k in self.features:
                scores += v * self.coef[self.features[k]]
        scores = np.exp(scores - scores.max())
        scores /= scores.sum()
        return dict(zip(self.classes, scores.tolist(), strict=True))

    def proba(self, grams: Counter[str], features: dict[str, float]) -> dict[str, float]:
        """Type probabilities of one event (sentence n-grams, event features)."""
        return self.event_proba(self.sentence_scores(grams), features)

    def retype(self, scores: np.ndarray, features: dict[str, float], plover: str,
               threshold: float | None = None) -> str | None:
        """The root CAMEO code of the model's type when it differs from `plover` with probability
        >= the threshold, else None (`scores`: the sentence's, see sentence_scores)."""
        proba = self.event_proba(scores, features)
        best = max(proba, key=proba.__getitem__)
        cut = self.threshold if threshold is None else threshold
        return self.codes.get(best) if best != plover and proba[best] >= cut else None

    def to_bytes(self) -> bytes:
        names = sorted(self.features, key=self.features.__getitem__)
        buffer = io.BytesIO()
        np.savez_compressed(buffer, features=_text_array(names), idf=self.idf.astype(np.float16),
                            coef=self.coef.astype(np.float16), intercept=self.intercept,
                            classes=_text_array(list(self.classes)), threshold=np.array([self.threshold]),
                            codes=_text_array([f"{t}={c}" for t, c in sorted(self.codes.items())]))
        return buffer.getvalue()

    @classmethod
    def from_bytes(cls, raw: bytes) -> TypeModel:
        with np.load(io.BytesIO(raw), allow_pickle=False) as a:
            names = _text_list(a["features"])
            return cls({n: k for k, n in enumerate(names)}, a["idf"].astype(np.float32),
                       a["coef"].astype(np.float32), a["intercept"].astype(np.float32),
                       tuple(_text_list(a["classes"])), float(a["threshold"][0]),
                       dict(r.split("=", 1) for r in _text_list(a["codes"])))


def load_types(data_dir: Path) -> tuple[TypeModel, str]:
    """The packaged type model and its version, checksum verified (PWE010, PWE011)."""
    raw, meta = read_verified(data_dir / TYPES_FILE, REBUILD)
    return TypeModel.from_bytes(raw), meta["version"]
