"""The trained technique model: a CRF finds spans (SI), a linear classifier names them (TC).

`TechniqueModel(...).fit(docs, gold)` trains both parts from parsed articles and their gold
`(technique, start, end)` spans; `detect(doc)` returns `(technique, start, end, confidence)`
tuples.  `save()` writes one compressed `.npz` (no pickle: the CRF's own binary model as bytes,
the classifier as a weight matrix and its feature names); `load()` reads it back.
"""

from __future__ import annotations

import io
import json
import os
import tempfile
import zipfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pycrfsuite
from spacy.tokens import Doc

from presswatch.techniques import rescore
from presswatch.techniques.features import (
    ALL_GROUPS,
    ArticleFeatures,
    DocFeatures,
    FeatureGroups,
    merge_intervals,
    sentence_features,
    sequences,
    span_features,
    token_features,
)

GoldSpan = tuple[str, int, int]  # (technique, start, end)
Detection = tuple[str, int, int, float]  # (technique, start, end, confidence)
FORMAT_VERSION = 1
NESTED_THRESHOLD = 0.5  # CRF marginal for a span nested inside a sentence taken whole
SCARE_QUOTE_CONFIDENCE = 0.5  # SI confidence given to a scare-quote span the CRF missed


def bio_labels(doc: Doc, sequence: Sequence[int], covered: list[tuple[int, int]]) -> list[str]:
    """B/I/O per token: a token is inside when most of its characters are in a gold interval."""
    labels = []
    previous_interval = -1
    for i in sequence:
        token = doc[i]
        start, end = token.idx, token.idx + len(token.text)
        inside = -1
        for k, (gs, ge) in enumerate(covered):
            if gs >= end:
                break
            overlap = min(end, ge) - max(start, gs)
            if overlap * 2 >= end - start and overlap > 0:
                inside = k
                break
        if inside < 0:
            labels.append("O")
        else:
            labels.append("I" if inside == previous_interval else "B")
        previous_interval = inside
    return labels


class LinearModel:
    """A fitted multinomial/binary logistic model over feature dicts, stored without pickle."""

    def __init__(self, features: dict[str, int], coef: np.ndarray, intercept: np.ndarray,
                 classes: list[str]) -> None:
        self.features = features
        self.coef = coef  # (features, classes) or (features, 1) for two classes
        self.intercept = intercept
        self.classes = classes

    @classmethod
    def fit(cls, rows: Sequence[dict[str, float]], labels: Sequence[str], C: float,
            min_count: int, random_state: int, weights: Sequence[float] | None = None) -> LinearModel:
        """Fit scikit-learn's LogisticRegression on features seen at least `min_count` times."""
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression

        counts: Counter[str] = Counter(key for row in rows for key in row)
        kept = [{k: v for k, v in row.items() if counts[k] >= min_count} for row in rows]
        vectorizer = DictVectorizer()
        matrix = vectorizer.fit_transform(kept)
        classifier = LogisticRegression(C=C, max_iter=3000, random_state=random_state)
        classifier.fit(matrix, labels, sample_weight=weights)
        names = vectorizer.get_feature_names_out()
        # weights are stored as float16; round them now so a loaded model equals the fitted one
        coef = classifier.coef_.T.astype(np.float16).astype(np.float32)
        return cls({name: k for k, name in enumerate(names)}, coef,
                   classifier.intercept_.astype(np.float32), [str(c) for c in classifier.classes_])

    def predict_proba(self, rows: Sequence[dict[str, float]]) -> np.ndarray:
        """Class probabilities, rows by `classes` (as scikit-learn computes them)."""
        scores = _sparse_rows(self.features, rows) @ self.coef + self.intercept
        if scores.shape[1] == 1:  # binary: the one column scores the second class
            positive = 1.0 / (1.0 + np.exp(-scores[:, 0]))
            return np.stack([1.0 - positive, positive], axis=1)
        scores -= scores.max(axis=1, keepdims=True)
        probabilities = np.exp(scores)
        return probabilities / probabilities.sum(axis=1, keepdims=True)

    def to_arrays(self, prefix: str) -> dict[str, np.ndarray]:
        """Arrays for `np.savez` (names joined into one UTF-8 buffer, weights as float16)."""
        names = sorted(self.features, key=self.features.__getitem__)
        return {f"{prefix}_features": np.frombuffer("\n".join(names).encode("utf-8"), dtype=np.uint8),
                f"{prefix}_coef": self.coef.astype(np.float16),
                f"{prefix}_intercept": self.intercept,
                f"{prefix}_classes": np.frombuffer("\n".join(self.classes).encode("utf-8"), dtype=np.uint8)}

    @classmethod
    def from_arrays(cls, arrays: Any, prefix: str) -> LinearModel:
        """Rebuild from the arrays `to_arrays` wrote."""
        names = arrays[f"{prefix}_features"].tobytes().decode("utf-8").split("\n")
        classes = arrays[f"{prefix}_classes"].tobytes().decode("utf-8").split("\n")
        return cls({name: k for k, name in enumerate(names)},
                   arrays[f"{prefix}_coef"].astype(np.float32),
                   arrays[f"{prefix}_intercept"].astype(np.float32), classes)


def _sparse_rows(features: dict[str, int], rows: Sequence[dict[str, float]]) -> Any:
    """Sparse (CSR) matrix of feature dicts over the columns `features` (others dropped)."""
    from scipy.sparse import csr_matrix

    columns, values, pointers = [], [], [0]
    for row in rows:
        for name, value in row.items():
            column = features.get(name)
            if column is not None:
                columns.append(column)
                values.append(value)
        pointers.append(len(columns))
    return csr_matrix((values, columns, pointers), shape=(len(rows), len(features)))


def _feature_matrix(features: dict[str, int], rows: Sequence[dict[str, float]]) -> np.ndarray:
    """Dense float32 matrix of feature dicts over the columns `features` (others dropped)."""
    return _sparse_rows(features, rows).toarray().astype(np.float32)


TREE_PARAMS = {"max_iter": 200, "learning_rate": 0.1, "max_leaf_nodes": 15,
               "min_samples_leaf": 40}  # fixed before measuring; not tuned


class TreeModel:
    """Gradient-boosted regression trees over feature dicts, stored as flat node arrays.

    Fitted with scikit-learn's HistGradientBoostingRegressor (TREE_PARAMS, no early stopping),
    whose trees are copied into arrays (no pickle): per node its feature, threshold (a value
    at or below it goes left), children and value.  A leaf is its own child.
    """

    def __init__(self, features: dict[str, int], arrays: dict[str, np.ndarray]) -> None:
        self.features = features
        self.feature, self.threshold = arrays["feature"], arrays["threshold"]
        self.left, self.right = arrays["left"], arrays["right"]
        self.value, self.roots, self.baseline = arrays["value"], arrays["roots"], arrays["baseline"]
        self.leaf = self.left == np.arange(len(self.left))

    @classmethod
    def fit(cls, rows: Sequence[dict[str, float]], targets: Sequence[float], min_count: int,
            random_state: int) -> TreeModel:
        """Fit on features seen at least `min_count` times (squared error on `targets`)."""
        from sklearn.ensemble import HistGradientBoostingRegressor

        counts: Counter[str] = Counter(key for row in rows for key in row)
        names = sorted(name for name, count in counts.items() if count >= min_count)
        features = {name: k for k, name in enumerate(names)}
        regressor = HistGradientBoostingRegressor(early_stopping=False, random_state=random_state,
                                                  **TREE_PARAMS)
        regressor.fit(_feature_matrix(features, rows), np.asarray(targets, dtype=np.float64))
        fields: dict[str, list[np.ndarray]] = {"feature": [], "threshold": [], "left": [],
                                                "right": [], "value": []}
        roots = []
        for (tree,) in regressor._predictors:  # one tree per boosting round
            nodes, offset = tree.nodes, sum(len(v) for v in fields["value"])
            own = np.arange(len(nodes)) + offset
            leaf = nodes["is_leaf"].astype(bool)
            roots.append(offset)
            fields["feature"].append(np.where(leaf, 0, nodes["feature_idx"]))
            fields["threshold"].append(nodes["num_threshold"])
            fields["left"].append(np.where(leaf, own, nodes["left"].astype(np.int64) + offset))
            fields["right"].append(np.where(leaf, own, nodes["right"].astype(np.int64) + offset))
            fields["value"].append(np.where(leaf, nodes["value"], 0.0))
        types = {"feature": np.uint16, "threshold": np.float32, "left": np.int32,
                 "right": np.int32, "value": np.float32}
        arrays = {name: np.concatenate(parts).astype(types[name]) for name, parts in fields.items()}
        arrays["roots"] = np.asarray(roots, dtype=np.int32)
        arrays["baseline"] = np.asarray([float(np.ravel(regressor._baseline_prediction)[0])],
                                        dtype=np.float32)
        return cls(features, arrays)

    def predict(self, rows: Sequence[dict[str, float]]) -> np.ndarray:
        """The summed tree values plus the baseline, one per row."""
        return predict_together((self,), rows)[0]

    def to_arrays(self, prefix: str) -> dict[str, np.ndarray]:
        """Arrays for the npz (feature names joined into one UTF-8 buffer)."""
        names = sorted(self.features, key=self.features.__getitem__)
        return {f"{prefix}_features": np.frombuffer("\n".join(names).encode("utf-8"), dtype=np.uint8),
                **{f"{prefix}_{name}": getattr(self, name) for name in
                   ("feature", "threshold", "left", "right", "value", "roots", "baseline")}}

    @classmethod
    def from_arrays(cls, arrays: Any, prefix: str) -> TreeModel:
        """Rebuild from the arrays `to_arrays` wrote."""
        names = arrays[f"{prefix}_features"].tobytes().decode("utf-8").split("\n")
        return cls({name: k for k, name in enumerate(names)},
                   {name: arrays[f"{prefix}_{name}"] for name in
                    ("feature", "threshold", "left", "right", "value", "roots", "baseline")})


def predict_together(models: Sequence[TreeModel], rows: Sequence[dict[str, float]]) -> list[np.ndarray]:
    """Each model's predictions for `rows` (as `TreeModel.predict`), from one walk over all their
    trees: the models share their features (the precision and recall trees are fitted on the same
    rows), so one feature matrix serves them all and every step of the walk covers every forest.

    All (row, tree) walks advance together; a walk leaves the active set at its leaf.
    """
    features = models[0].features
    assert all(model.features == features for model in models[1:]), "models must share their features"
    offsets = np.cumsum([0] + [len(model.value) for model in models[:-1]])
    feature = np.concatenate([model.feature for model in models])
    threshold = np.concatenate([model.threshold for model in models])
    left = np.concatenate([model.left + offset for model, offset in zip(models, offsets, strict=True)])
    right = np.concatenate([model.right + offset for model, offset in zip(models, offsets, strict=True)])
    leaf = np.concatenate([model.leaf for model in models])
    roots = np.concatenate([model.roots + offset for model, offset in zip(models, offsets, strict=True)])
    flat = _feature_matrix(features, rows).ravel()
    trees = len(roots)
    node = np.tile(roots, len(rows))  # row-major: (row, tree) -> row * trees + tree
    start = np.repeat(np.arange(len(rows)) * len(features), trees)
    active = np.flatnonzero(~leaf[node])
    while active.size:
        at = node[active]
        moved = np.where(flat[start[active] + feature[at]] <= threshold[at], left[at], right[at])
        node[active] = moved
        active = active[~leaf[moved]]
    values = np.concatenate([model.value for model in models])[node].reshape(len(rows), trees)
    bounds = np.cumsum([0] + [len(model.roots) for model in models])
    return [model.baseline[0] + values[:, first:last].sum(axis=1, dtype=np.float64)
            for model, first, last in zip(models, bounds[:-1], bounds[1:], strict=True)]


def _probability_bucket(p: float) -> str:
    return "0" if p < 0.1 else "1" if p < 0.2 else "2" if p < 0.35 else "3" if p < 0.5 else "4" if p < 0.7 else "5"


class PreparedDoc:
    """One parsed article with the features every part of the model reads."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.features = DocFeatures(doc)
        self.seqs = sequences(doc)
        self.article = ArticleFeatures(self.features, self.seqs)
        self.sentence_rows = [sentence_features(self.features, self.article, self.seqs, k)
                              for k in range(len(self.seqs))]

    def extent(self, k: int) -> tuple[int, int]:
        last = self.doc[self.seqs[k][-1]]
        return self.doc[self.seqs[k][0]].idx, last.idx + len(last.text)


class TechniqueModel:
    """Sentence classifier + CRF span finder (SI) and a technique classifier (TC).

    SI: a logistic model scores each sentence ("holds a technique span?"); a linear-chain CRF,
    which also sees that score, gives each token its marginal of not being "O".  A sentence
    scoring at least `sentence_threshold` becomes the runs of its tokens whose marginal reaches
    `trim_threshold`, runs at most `split_gap` tokens apart joined (the whole sentence if no
    token reaches it); elsewhere a token is inside a span when its marginal reaches `threshold`.  TC: a multinomial logistic model names each span.
    Parameters are stored as given; learned state ends in `_` (scikit-learn convention).
    """

    def __init__(
        self,
        groups: FeatureGroups = ALL_GROUPS,
        c1: float = 0.2,
        c2: float = 0.01,
        max_iterations: int = 100,
        tc_C: float = 0.3,
        tc_min_count: int = 2,
        sent_C: float = 0.5,
        sent_min_count: int = 3,
        threshold: float = 0.25,
        sentence_threshold: float = 0.5,
        trim_threshold: float = 0.4,
        split_gap: int = 0,
        stack_folds: int = 4,
        rescore_C: float = 0.3,
        rescore_weight: float = 0.7,
        rescore_threshold: float = 0.425,
        random_state: int = 0,
    ) -> None:
        self.groups = groups
        self.c1 = c1
        self.c2 = c2
        self.max_iterations = max_iterations
        self.tc_C = tc_C
        self.tc_min_count = tc_min_count
        self.sent_C = sent_C
        self.sent_min_count = sent_min_count
        self.threshold = threshold
        self.sentence_threshold = sentence_threshold
        self.trim_threshold = trim_threshold
        self.split_gap = split_gap
        self.stack_folds = stack_folds
        self.rescore_C = rescore_C
        self.rescore_weight = rescore_weight
        self.rescore_threshold = rescore_threshold
        self.random_state = random_state
        self.span_precision_: LinearModel | None = None
        self.span_recall_: LinearModel | None = None
        self.span_trees_: tuple[TreeModel, TreeModel] | None = None

    def get_params(self) -> dict[str, Any]:
        """The constructor parameters (JSON-ready)."""
        return {"groups": sorted(self.groups), "c1": self.c1, "c2": self.c2,
                "max_iterations": self.max_iterations, "tc_C": self.tc_C,
                "tc_min_count": self.tc_min_count, "sent_C": self.sent_C,
                "sent_min_count": self.sent_min_count, "threshold": self.threshold,
                "sentence_threshold": self.sentence_threshold,
                "trim_threshold": self.trim_threshold, "split_gap": self.split_gap,
                "stack_folds": self.stack_folds, "rescore_C": self.rescore_C,
                "rescore_weight": self.rescore_weight,
                "rescore_threshold": self.rescore_threshold,
                "random_state": self.random_state}

    # -- training -------------------------------------------------------------------------
    def fit(self, docs: Sequence[Doc], gold: Sequence[Sequence[GoldSpan]]) -> TechniqueModel:
        """Train the sentence model, the span CRF and the technique classifier; returns self."""
        prepared = [PreparedDoc(doc) for doc in docs]
        labels = [self._sentence_labels(p, spans) for p, spans in zip(prepared, gold, strict=True)]
        self.sentence_ = self._fit_sentences(prepared, labels)
        stacked = self._stacked_sentence_scores(prepared, labels)
        self._fit_crf(prepared, gold, stacked)
        rows, techniques = [], []
        for p, spans in zip(prepared, gold, strict=True):
            for technique, start, end in spans:
                rows.append(span_features(p.features, start, end))
                techniques.append(technique)
        self.technique_ = LinearModel.fit(rows, techniques, self.tc_C, self.tc_min_count,
                                          self.random_state)
        return self

    @staticmethod
    def _sentence_labels(p: PreparedDoc, spans: Sequence[GoldSpan]) -> list[str]:
        covered = merge_intervals((s, e) for _, s, e in spans)
        labels = []
        for k in range(len(p.seqs)):
            start, end = p.extent(k)
            labels.append("1" if any(min(end, ge) > max(start, gs) for gs, ge in covered) else "0")
        return labels

    def _fit_sentences(self, prepared: Sequence[PreparedDoc], labels: Sequence[Sequence[str]]) -> LinearModel:
        rows = [row for p in prepared for row in p.sentence_rows]
        flat = [label for article in labels for label in article]
        return LinearModel.fit(rows, flat, self.sent_C, self.sent_min_count, self.random_state)

    def _stacked_sentence_scores(self, prepared: Sequence[PreparedDoc],
                                 labels: Sequence[Sequence[str]]) -> list[np.ndarray]:
        """Out-of-fold sentence scores for the CRF's training data (articles kept whole)."""
        order = np.random.RandomState(self.random_state).permutation(len(prepared))
        scores: list[np.ndarray] = [np.zeros(0)] * len(prepared)
        for fold in range(self.stack_folds):
            held = set(order[fold::self.stack_folds].tolist())
            train = [k for k in range(len(prepared)) if k not in held]
            model = self._fit_sentences([prepared[k] for k in train], [labels[k] for k in train])
            for k in held:
                scores[k] = self._positive(model, prepared[k].sentence_rows)
        return scores

    @staticmethod
    def _positive(model: LinearModel, rows: Sequence[dict[str, float]]) -> np.ndarray:
        if not rows:
            return np.zeros(0)
        return model.predict_proba(rows)[:, model.classes.index("1")]

    def _crf_items(self, p: PreparedDoc, k: int, score: float) -> list[list[str]]:
        items = token_features(p.features, p.seqs[k], self.groups)
        if "stack" in self.groups:
            bucket = f"sp={_probability_bucket(score)}"
            for item in items:
                item.append(bucket)
        return items

    def _fit_crf(self, prepared: Sequence[PreparedDoc], gold: Sequence[Sequence[GoldSpan]],
                 stacked: Sequence[np.ndarray]) -> None:
        trainer = pycrfsuite.Trainer(verbose=False)
        for p, spans, scores in zip(prepared, gold, stacked, strict=True):
            covered = merge_intervals((s, e) for _, s, e in spans)
            for k, sequence in enumerate(p.seqs):
                trainer.append(self._crf_items(p, k, float(scores[k])),
                               bio_labels(p.doc, sequence, covered))
        trainer.set_params({"c1": self.c1, "c2": self.c2, "max_iterations": self.max_iterations,
                            "feature.possible_transitions": True})
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "si.crfsuite")
            trainer.train(path)
            with open(path, "rb") as handle:
                self.crf_bytes_ = handle.read()
        self._open_tagger()

    # -- inference ------------------------------------------------------------------------
    def _open_tagger(self) -> None:
        self.tagger_ = pycrfsuite.Tagger()
        self.tagger_.open_inmemory(self.crf_bytes_)

    def _marginals(self, p: PreparedDoc) -> list[tuple[float, list[float]]]:
        """Per sequence: the sentence score and each token's CRF marginal of not being "O"."""
        scores = self._positive(self.sentence_, p.sentence_rows)
        result = []
        for k, sequence in enumerate(p.seqs):
            score = float(scores[k])
            self.tagger_.set(self._crf_items(p, k, score))
            result.append((score, [1.0 - self.tagger_.marginal("O", t) for t in range(len(sequence))]))
        return result

    def _first_stage(self, score: float, inside: Sequence[float]) -> list[rescore.Candidate]:
        """The threshold decoder's spans of one sequence, as (first, last) positions."""
        if score >= self.sentence_threshold:
            marked = [t for t, value in enumerate(inside) if value >= self.trim_threshold]
            return rescore.split_runs(marked, self.split_gap) or [(0, len(inside) - 1)]
        return rescore.runs(inside, self.threshold)

    def _candidates(self, p: PreparedDoc, marginals: Sequence[tuple[float, list[float]]]
                    ) -> list[tuple[int, int, dict[str, float]]]:
        """Re-scorer candidates `(start, end, features)`; first-stage spans carry `src=base`."""
        rows = []
        scores = [score for score, _ in marginals]
        for k, (sequence, (score, inside)) in enumerate(zip(p.seqs, marginals, strict=True)):
            found = rescore.candidates(p.features, sequence, inside)
            for candidate in self._first_stage(score, inside):
                found.setdefault(candidate, set()).add("base")
            context = rescore.sentence_context(scores, k)
            for (first, last), sources in found.items():
                end = p.doc[sequence[last]]
                rows.append((p.doc[sequence[first]].idx, end.idx + len(end.text),
                             rescore.candidate_features(p.features, sequence, inside, score,
                                                        (first, last), sources, context)))
        return rows

    def candidate_rows(self, doc: Doc, prepared: PreparedDoc | None = None
                       ) -> list[tuple[int, int, dict[str, float]]]:
        """The re-scorer's candidate spans of `doc` with their features (for training it)."""
        p = prepared or PreparedDoc(doc)
        return self._candidates(p, self._marginals(p))

    def fit_rescorer(self, rows: Sequence[tuple[dict[str, float], float, float]]) -> TechniqueModel:
        """Fit the span re-scorer on `(features, precision credit, recall credit)` rows.

        The rows must come from models that did not see their articles (out-of-fold).  Per credit
        (clipped to 1), a logistic model takes it as a soft label (a row counts as positive with
        that weight) and gradient-boosted trees regress it; the re-scorer averages the two.
        """
        fitted, trees = [], []
        for column in (1, 2):
            features, labels, weights = [], [], []
            for row in rows:
                credit = min(row[column], 1.0)
                for label, weight in (("1", credit), ("0", 1.0 - credit)):
                    if weight > 0:
                        features.append(row[0])
                        labels.append(label)
                        weights.append(weight)
            fitted.append(LinearModel.fit(features, labels, self.rescore_C, 2, self.random_state,
                                          weights))
            trees.append(TreeModel.fit([row[0] for row in rows], [min(row[column], 1.0) for row in rows],
                                       2, self.random_state))
        self.span_precision_, self.span_recall_ = fitted
        self.span_trees_ = (trees[0], trees[1])
        return self

    def score_candidates(self, rows: Sequence[tuple[int, int, dict[str, float]]]
                         ) -> list[tuple[int, int, float, float]]:
        """`(start, end, expected precision credit, expected recall credit)` per candidate."""
        if not rows or self.span_precision_ is None or self.span_recall_ is None:
            return []
        features = [row[2] for row in rows]
        precision = self._positive(self.span_precision_, features)
        recall = self._positive(self.span_recall_, features)
        if self.span_trees_ is not None:
            tree_precision, tree_recall = predict_together(self.span_trees_, features)
            precision = (precision + np.clip(tree_precision, 0.0, 1.0)) / 2
            recall = (recall + np.clip(tree_recall, 0.0, 1.0)) / 2
        return [(start, end, float(pr), float(rc))
                for (start, end, _), pr, rc in zip(rows, precision, recall, strict=True)]

    def choose_spans(self, scored: Sequence[tuple[int, int, float, float]],
                     weight: float | None = None, threshold: float | None = None
                     ) -> list[tuple[int, int, float]]:
        """The non-overlapping candidates with the largest total `precision + weight * recall -
        threshold` (each span's linearised gain in SI F1); confidence = expected precision."""
        weight = self.rescore_weight if weight is None else weight
        threshold = self.rescore_threshold if threshold is None else threshold
        gains = {(s, e): pr for s, e, pr, _ in scored}
        return [(s, e, round(gains[(s, e)], 4)) for s, e, _ in rescore.gain_spans(scored, weight, threshold)]

    def find_spans(self, doc: Doc, prepared: PreparedDoc | None = None,
                   nested: bool = False) -> list[tuple[int, int, float]]:
        """SI: `(start, end, confidence)` character spans, in text order, not overlapping.

        With the re-scorer fitted, the spans are `choose_spans` over all candidates; without it,
        the first-stage threshold decoder's spans (confidence: sentence score or mean marginal).
        With `nested`, the CRF runs whose marginal reaches NESTED_THRESHOLD inside a chosen span
        (a loaded phrase inside a fear-mongering clause) are added unless equal to it; those
        overlap, so the SI output and its scores use `nested=False`.
        """
        p = prepared or PreparedDoc(doc)
        marginals = self._marginals(p)
        if self.span_precision_ is not None:
            found = self.choose_spans(self.score_candidates(self._candidates(p, marginals)))
        else:
            found = []
            for sequence, (score, inside) in zip(p.seqs, marginals, strict=True):
                for first, last in self._first_stage(score, inside):
                    end = doc[sequence[last]]
                    confidence = score if score >= self.sentence_threshold else float(
                        np.mean(inside[first:last + 1]))
                    found.append((doc[sequence[first]].idx, end.idx + len(end.text), confidence))
        if not nested:
            return found
        taken = {(start, end) for start, end, _ in found}
        extra = []
        for sequence, (_, inside) in zip(p.seqs, marginals, strict=True):
            for first, last in rescore.runs(inside, NESTED_THRESHOLD):
                end = doc[sequence[last]]
                span = (doc[sequence[first]].idx, end.idx + len(end.text))
                if span not in taken and any(s <= span[0] and span[1] <= e for s, e in taken):
                    extra.append((*span, round(float(np.mean(inside[first:last + 1])), 4)))
        return sorted(found + extra)

    @staticmethod
    def scare_quote_spans(doc: Doc, p: PreparedDoc) -> list[tuple[int, int]]:
        """Words in short scare quotes (the so-called "elected" leader), as character spans."""
        spans, run = [], []
        for i in [*range(len(doc)), -1]:
            if i >= 0 and p.features.scare_quote[i]:
                run.append(i)
            elif run:
                last = doc[run[-1]]
                spans.append((doc[run[0]].idx, last.idx + len(last.text)))
                run = []
        return spans

    def classify(self, doc: Doc, spans: Sequence[tuple[int, int]],
                 prepared: PreparedDoc | None = None) -> np.ndarray:
        """TC: class probabilities (rows: spans, columns: `technique_.classes`)."""
        p = prepared or PreparedDoc(doc)
        if not spans:
            return np.zeros((0, len(self.technique_.classes)))
        return self.technique_.predict_proba([span_features(p.features, s, e) for s, e in spans])

    @property
    def tc_classes_(self) -> list[str]:
        return self.technique_.classes

    def detect(self, doc: Doc) -> list[Detection]:
        """FLC: spans found by SI (with nested ones) plus scare quotes, each named, in text order.

        A scare-quote span the CRF did not find gets SI confidence SCARE_QUOTE_CONFIDENCE.
        """
        p = PreparedDoc(doc)
        spans = self.find_spans(doc, p, nested=True)
        known = {(s, e) for s, e, _ in spans}
        spans += [(s, e, SCARE_QUOTE_CONFIDENCE) for s, e in self.scare_quote_spans(doc, p)
                  if (s, e) not in known]
        spans.sort()
        probabilities = self.classify(doc, [(s, e) for s, e, _ in spans], p)
        result = []
        for (start, end, si_confidence), row in zip(spans, probabilities, strict=True):
            best = int(np.argmax(row))
            result.append((self.tc_classes_[best], start, end, round(si_confidence * float(row[best]), 4)))
        return result

    # -- persistence ----------------------------------------------------------------------
    def to_bytes(self) -> bytes:
        """The model as one compressed, reproducible npz (no pickled objects)."""
        params = {"format": FORMAT_VERSION, **self.get_params()}
        arrays = {
            "params": np.frombuffer(json.dumps(params).encode("utf-8"), dtype=np.uint8),
            "crf": np.frombuffer(self.crf_bytes_, dtype=np.uint8),
            **self.sentence_.to_arrays("sent"),
            **self.technique_.to_arrays("tc"),
        }
        if self.span_precision_ is not None and self.span_recall_ is not None:
            arrays.update(self.span_precision_.to_arrays("span_p"))
            arrays.update(self.span_recall_.to_arrays("span_r"))
        if self.span_trees_ is not None:
            arrays.update(self.span_trees_[0].to_arrays("tree_p"))
            arrays.update(self.span_trees_[1].to_arrays("tree_r"))
        # an npz written member by member with a fixed timestamp, so the same weights give the
        # same bytes (np.savez stamps the current time, which would change the sha256)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name, array in arrays.items():
                member = io.BytesIO()
                np.lib.format.write_array(member, np.ascontiguousarray(array), allow_pickle=False)
                info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, member.getvalue())
        return buffer.getvalue()

    def save(self, path: Path) -> None:
        """Write `to_bytes()` to `path`."""
        Path(path).write_bytes(self.to_bytes())

    @classmethod
    def from_bytes(cls, data: bytes) -> TechniqueModel:
        """Rebuild a saved model from the bytes `to_bytes()` wrote."""
        with np.load(io.BytesIO(data), allow_pickle=False) as arrays:
            params = json.loads(arrays["params"].tobytes().decode("utf-8"))
            params.pop("format")
            params["groups"] = frozenset(params["groups"])
            model = cls(**params)
            model.crf_bytes_ = arrays["crf"].tobytes()
            model.sentence_ = LinearModel.from_arrays(arrays, "sent")
            model.technique_ = LinearModel.from_arrays(arrays, "tc")
            if "span_p_coef" in arrays:
                model.span_precision_ = LinearModel.from_arrays(arrays, "span_p")
                model.span_recall_ = LinearModel.from_arrays(arrays, "span_r")
            if "tree_p_roots" in arrays:
                model.span_trees_ = (TreeModel.from_arrays(arrays, "tree_p"),
                                     TreeModel.from_arrays(arrays, "tree_r"))
        model._open_tagger()
        return model
