"""A PLOVER type classifier that may re-type a rule-coded event when it is confident.

`TypeModel.proba(grams, features)` scores the 16 PLOVER types of one event from the words and
word pairs of its sentence (tf-idf, as classify.py) and the event's own features
(`event_features`: trigger lemma, CAMEO root, the rule coder's type, dependency label and head).
Trained (scripts/train_event_types.py, MODEL_CARD.md) on the NGEC synthetic stories (one type
each, balanced class weights) and on real ConfliBERT sentences whose class only says which types
are possible (partial labels, `fit_partial`).  `retype` returns the type's root CAMEO code
(`default_codes`) when the model's best type differs from the rule type with probability >= the
stored threshold.
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


def fit_partial(matrix, allowed: np.ndarray, weight: np.ndarray, C: float) -> tuple[np.ndarray, np.ndarray]:
    """Weights (features x classes) and intercepts of a multinomial logistic regression maximizing
    each instance's probability of its allowed classes (a row of `allowed`; one class is the usual
    likelihood), weighted, with an L2 penalty 1/(2C) (scikit-learn's scale); L-BFGS (scipy)."""
    from scipy.optimize import minimize
    from scipy.special import logsumexp

    n_features, n_classes = matrix.shape[1], allowed.shape[1]
    masked = np.where(allowed, 0.0, -np.inf)
    total = float(weight.sum())

    def loss(flat: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = flat[:-n_classes].reshape(n_features, n_classes), flat[-n_classes:]
        z = matrix @ w + b
        every, some = logsumexp(z, axis=1), logsumexp(z + masked, axis=1)
        grad_z = weight[:, None] * (np.exp(z - every[:, None]) - np.exp(z + masked - some[:, None]))
        value = float(weight @ (every - some)) + 0.5 * float((w * w).sum()) / C
        grad = np.concatenate([(matrix.T @ grad_z + w / C).ravel(), grad_z.sum(axis=0)])
        return value / total, grad / total  # scaled by the total weight, as scikit-learn's tolerance

    start = np.zeros(n_features * n_classes + n_classes)
    flat = minimize(loss, start, jac=True, method="L-BFGS-B", options={"maxiter": 3000, "gtol": 1e-4}).x
    return flat[:-n_classes].reshape(n_features, n_classes), flat[-n_classes:]


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
    def fit(cls, grams: Sequence[Counter[str]], features: Sequence[dict[str, float]],
            labels: Sequence[str | frozenset[str]], codes: dict[str, str], threshold: float = 1.01,
            weights: Sequence[float] | None = None) -> TypeModel:
        """Logistic regression on n-grams seen in `min_df` sentences and event features seen as
        often.  A label is one type or a set of types (a partial label: the likelihood of the set is
        maximized, `fit_partial`); single labels are weighted "balanced", each instance further by
        `weights`."""
        from scipy.sparse import csr_matrix

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
        sets = [frozenset([y]) if isinstance(y, str) else y for y in labels]
        classes = sorted(set().union(*sets))
        allowed = np.array([[c in y for c in classes] for y in sets])
        single = Counter(next(iter(y)) for y in sets if len(y) == 1)
        balanced = [len(sets) / (len(classes) * single[next(iter(y))]) if len(y) == 1 else 1.0 for y in sets]
        weight = np.array(balanced) * (np.ones(len(sets)) if weights is None else np.asarray(weights))
        coef, intercept = fit_partial(matrix, allowed, weight, PARAMS["C"])
        return cls(index, idf, coef.astype(np.float16).astype(np.float32), intercept.astype(np.float32),
                   tuple(classes), threshold, codes)

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
               threshold: float | None = None, senses: frozenset[str] | None = None) -> str | None:
        """The root CAMEO code of the model's type when it differs from `plover` with probability
        >= the threshold and is one of the trigger's `senses` (the types its dictionary entry can
        code; None: any), else None (`scores`: the sentence's, see sentence_scores)."""
        proba = self.event_proba(scores, features)
        best = max(proba, key=proba.__getitem__)
        cut = self.threshold if threshold is None else threshold
        allowed = senses is None or best in senses
        return self.codes.get(best) if best != plover and proba[best] >= cut and allowed else None

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
