"""Sentence classifiers of the events stage: linear models over word n-grams, stored without pickle.

`SentenceModel.fit(spans, labels, C)` trains a multinomial logistic regression over tf-idf
weighted words and word bigrams of spaCy spans; `proba(span)` returns class probabilities.
Two models ship in `data/event_models.npz` (built by scripts/train_event_models.py, model card
`MODEL_CARD.md`): `quad` (the 5 ConfliBERT classes: 0 none/statement, 1 verbal cooperation,
2 material cooperation, 3 verbal conflict, 4 material conflict) and `acled` (CASE-2021 labels).
The `quad` model also carries the corpus's reading of CAMEO roots (`roots`: ConfliBERT files
"reduce relations", root 16, under verbal conflict, and statements 01/02 under none, where the
GDELT QuadClass says otherwise) and the confidence from which a sentence's top event is its class
(`cut`); both are learned from the training file (`root_classes`, scripts/train_event_models.py).
"""

from __future__ import annotations

import io
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from spacy.tokens import Doc, Span

from presswatch.knowledge import read_verified

MODELS_FILE = "event_models.npz"
REBUILD = "scripts/train_event_models.py ../shared/data/events"
NAMES = ("quad", "acled")
# Fixed beforehand, not searched: C = 4 as the earlier ConfliBERT word model; the CASE model has
# about 200 training snippets per fold, so weaker regularization (C = 10).
QUAD_PARAMS = {"C": 4.0, "min_df": 2}
ACLED_PARAMS = {"C": 10.0, "min_df": 2}
ROOT_MIN_COUNT = 5  # a root's class is learned from at least this many sentences (fixed beforehand)
CUTS = tuple(round(0.30 + 0.02 * k, 2) for k in range(16))  # candidate cuts 0.30 .. 0.60


def ngrams(span: Span | Doc) -> Counter[str]:
    """Counts of lower-cased words and adjacent word pairs (punctuation and spaces dropped)."""
    words = [t.lower_ for t in span if not (t.is_punct or t.is_space)]
    grams = Counter(f"w={w}" for w in words)
    grams.update(f"b={a}_{b}" for a, b in zip(words, words[1:], strict=False))
    return grams


@dataclass(frozen=True)
class SentenceModel:
    """Feature names with idf weights, a weight matrix (features x classes), intercepts, classes;
    optionally the model's class of each CAMEO root (`roots`) and the main-event cut (`cut`)."""

    features: dict[str, int]
    idf: np.ndarray
    coef: np.ndarray
    intercept: np.ndarray
    classes: tuple[str, ...]
    roots: dict[str, str] = field(default_factory=dict)
    cut: float = 0.5

    @classmethod
    def fit(cls, spans: Sequence[Span | Doc], labels: Sequence[str], C: float, min_df: int = 2) -> SentenceModel:
        """Logistic regression (scikit-learn, lbfgs) on tf-idf n-grams seen in `min_df` spans."""
        from scipy.sparse import csr_matrix
        from sklearn.linear_model import LogisticRegression

        counts = [ngrams(s) for s in spans]
        df: Counter[str] = Counter(g for c in counts for g in c)
        names = sorted(g for g, n in df.items() if n >= min_df)
        index = {g: k for k, g in enumerate(names)}
        idf = np.array([math.log((1 + len(spans)) / (1 + df[g])) + 1 for g in names], dtype=np.float32)
        rows, cols, vals = [], [], []
        for r, c in enumerate(counts):
            for k, v in _weights(c, index, idf):
                rows.append(r)
                cols.append(k)
                vals.append(v)
        matrix = csr_matrix((vals, (rows, cols)), shape=(len(spans), len(names)))
        clf = LogisticRegression(C=C, max_iter=3000).fit(matrix, list(labels))
        coef = clf.coef_.T.astype(np.float16).astype(np.float32)
        if coef.shape[1] == 1:  # two classes: score both columns so proba stays a softmax
            coef = np.hstack([-coef / 2, coef / 2])
            intercept = np.array([-clf.intercept_[0] / 2, clf.intercept_[0] / 2], dtype=np.float32)
        else:
            intercept = clf.intercept_.astype(np.float32)
        return cls(index, idf, coef, intercept, tuple(str(c) for c in clf.classes_))

    def proba(self, span: Span | Doc) -> dict[str, float]:
        """Class probabilities of one span."""
        scores = self.intercept.copy()
        for k, v in _weights(ngrams(span), self.features, self.idf):
            scores += v * self.coef[k]
        scores = np.exp(scores - scores.max())
        scores /= scores.sum()
        return {c: float(p) for c, p in zip(self.classes, scores, strict=True)}

    def class_of(self, cameo: str | None, quad_class: int | None) -> str:
        """The model's class of an event: its CAMEO root's learned class, else its QuadClass."""
        return self.roots.get((cameo or "")[:2], str(quad_class or 0))

    def arrays(self, prefix: str) -> dict[str, np.ndarray]:
        names = sorted(self.features, key=self.features.__getitem__)
        return {f"{prefix}_features": _text_array(names), f"{prefix}_idf": self.idf.astype(np.float16),
                f"{prefix}_coef": self.coef.astype(np.float16), f"{prefix}_intercept": self.intercept,
                f"{prefix}_classes": _text_array(list(self.classes)),
                f"{prefix}_roots": _text_array([f"{r}={c}" for r, c in sorted(self.roots.items())]),
                f"{prefix}_cut": np.array([self.cut], dtype=np.float32)}

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray], prefix: str) -> SentenceModel:
        names = _text_list(arrays[f"{prefix}_features"])
        roots = _text_list(arrays[f"{prefix}_roots"]) if f"{prefix}_roots" in arrays else []
        cut = float(arrays[f"{prefix}_cut"][0]) if f"{prefix}_cut" in arrays else 0.5
        return cls({n: k for k, n in enumerate(names)}, arrays[f"{prefix}_idf"].astype(np.float32),
                   arrays[f"{prefix}_coef"].astype(np.float32), arrays[f"{prefix}_intercept"].astype(np.float32),
                   tuple(_text_list(arrays[f"{prefix}_classes"])),
                   dict(r.split("=", 1) for r in roots if r), cut)


def root_classes(codes: Sequence[str | None], labels: Sequence[str], min_count: int = ROOT_MIN_COUNT) -> dict[str, str]:
    """Majority class of the sentences whose top rule event has each CAMEO root (roots seen at
    least `min_count` times); `codes` holds each sentence's top event code (None without one)."""
    by_root: dict[str, Counter[str]] = {}
    for code, label in zip(codes, labels, strict=True):
        if code:
            by_root.setdefault(code[:2], Counter())[label] += 1
    return {root: counts.most_common(1)[0][0] for root, counts in sorted(by_root.items())
            if sum(counts.values()) >= min_count}


def best_cut(confidences: Sequence[float], classes: Sequence[str], labels: Sequence[str]) -> float:
    """The cut of CUTS with the best macro-F1 when a sentence takes its top event's class at
    confidence >= cut, else "0" (ties: the cut nearest 0.5)."""
    from sklearn.metrics import f1_score

    def score(cut: float) -> float:
        pred = [c if p >= cut else "0" for p, c in zip(confidences, classes, strict=True)]
        return float(f1_score(labels, pred, average="macro", zero_division=0))

    return max(CUTS, key=lambda cut: (round(score(cut), 6), -abs(cut - 0.5)))


def _weights(counts: Counter[str], index: dict[str, int], idf: np.ndarray) -> list[tuple[int, float]]:
    """Sublinear tf x idf of the known n-grams, L2-normalized."""
    known = [(index[g], (1 + math.log(n)) * float(idf[index[g]])) for g, n in counts.items() if g in index]
    norm = math.sqrt(sum(v * v for _, v in known)) or 1.0
    return [(k, v / norm) for k, v in known]


def _text_array(items: list[str]) -> np.ndarray:
    return np.frombuffer("\n".join(items).encode("utf-8"), dtype=np.uint8)


def _text_list(array: np.ndarray) -> list[str]:
    return bytes(array.astype(np.uint8)).decode("utf-8").split("\n")


def save_models(models: dict[str, SentenceModel], path: Path) -> bytes:
    """Write the models to one compressed .npz; returns its bytes (for the checksum)."""
    buffer = io.BytesIO()
    arrays: dict[str, np.ndarray] = {}
    for name, model in models.items():
        arrays.update(model.arrays(name))
    np.savez_compressed(buffer, **arrays)
    path.write_bytes(buffer.getvalue())
    return buffer.getvalue()


def load_models(data_dir: Path) -> tuple[dict[str, SentenceModel], str]:
    """The packaged sentence models and their version, checksum verified (PWE010, PWE011)."""
    raw, meta = read_verified(data_dir / MODELS_FILE, REBUILD)
    with np.load(io.BytesIO(raw), allow_pickle=False) as arrays:
        data = {k: arrays[k] for k in arrays.files}
    return {name: SentenceModel.from_arrays(data, name) for name in NAMES}, meta["version"]
