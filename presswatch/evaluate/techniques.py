"""`presswatch eval techniques`: the official SemEval-2020 Task 11 metrics, cross-validated on PTC.

Metrics (plain functions, gold first):
- `si_prf(gold, pred)`: span identification, character-overlap precision/recall/F1 with partial
  credit, as the organizers' `task-SI_scorer.py` computes it.  Overlapping gold spans are merged;
  overlapping predicted spans are merged too (the scorer's `-m` option; without it the scorer
  refuses the file).  For every pair (s, t) of a predicted and a gold span of one article,
  precision gains |s ∩ t| / |s| and recall gains |s ∩ t| / |t|; P divides by the number of
  predicted spans, R by the number of gold spans.  Division by zero gives P = 0 (no predictions)
  or R = 0 (no gold); F1 is 1.0 when there are neither predictions nor gold spans, and 0 unless
  both P and R are positive.
- `tc_scores(gold, pred)`: technique classification given the gold spans, micro P/R/F1 as the
  organizers' `task-TC_scorer.py` computes it (equal to accuracy, because both sides label the
  same spans).  When one span carries k labels, any order matches (best alignment).  Per-class
  F1 follows scikit-learn's `f1_score(average=None)` with zero_division=0.

`run(data_dir, folds=5)` trains on k-1 folds of the 371 PTC training articles and predicts the
held-out fold, grouping by article (no article is in both), for the model and for the lexicon
baseline.  The PTC dev and test sets are not available here, so these are CV numbers on train.
"""

from __future__ import annotations

import hashlib
import inspect
import json
import os
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from presswatch.errors import PresswatchError
from presswatch.records import TechniqueName
from presswatch.techniques import model as model_module
from presswatch.techniques import rescore
from presswatch.techniques.baseline import baseline_spans, baseline_technique
from presswatch.techniques.features import ALL_GROUPS, FeatureGroups, merge_intervals
from presswatch.techniques.model import GoldSpan, PreparedDoc, TechniqueModel
from presswatch.techniques.ptc import Article, group_by_article, read_articles, read_labels

TECHNIQUES: tuple[TechniqueName, ...] = (
    "Appeal_to_Authority", "Appeal_to_fear-prejudice", "Bandwagon,Reductio_ad_hitlerum",
    "Black-and-White_Fallacy", "Causal_Oversimplification", "Doubt", "Exaggeration,Minimisation",
    "Flag-Waving", "Loaded_Language", "Name_Calling,Labeling", "Repetition", "Slogans",
    "Thought-terminating_Cliches", "Whataboutism,Straw_Men,Red_Herring",
)  # the order of the organizers' names file
TC_LABELS_FILE = "train-task-flc-tc.labels"
DEFAULT_CACHE = Path(os.environ.get("PRESSWATCH_CACHE", "/tmp/presswatch-cache"))

SpanMap = Mapping[str, Iterable[tuple[int, int]]]


# -- metrics ------------------------------------------------------------------------------------

def _prf(p_num: float, p_den: int, r_num: float, r_den: int) -> tuple[float, float, float]:
    """The organizers' compute_prec_rec_f1, zero-division rules included."""
    p = p_num / p_den if p_den > 0 else 0.0
    r = r_num / r_den if r_den > 0 else 0.0
    f1 = 0.0
    if p_den == 0 and r_den == 0:
        f1 = 1.0
    if p > 0 and r > 0:
        f1 = 2 * p * r / (p + r)
    return p, r, f1


def si_prf(gold: SpanMap, pred: SpanMap) -> dict[str, float]:
    """SI precision, recall, F1 with partial credit (see the module docstring)."""
    gold_merged = {aid: merge_intervals(spans) for aid, spans in gold.items()}
    pred_merged = {aid: merge_intervals(spans) for aid, spans in pred.items()}
    p_den = sum(len(spans) for spans in pred_merged.values())
    r_den = sum(len(spans) for spans in gold_merged.values())
    p_num = r_num = 0.0
    for aid, spans in pred_merged.items():
        targets = gold_merged.get(aid, [])
        for s_start, s_end in spans:
            for t_start, t_end in targets:
                overlap = min(s_end, t_end) - max(s_start, t_start)
                if overlap > 0:
                    p_num += overlap / (s_end - s_start)
                    r_num += overlap / (t_end - t_start)
    p, r, f1 = _prf(p_num, p_den, r_num, r_den)
    return {"precision": p, "recall": r, "f1": f1, "n_pred": p_den, "n_gold": r_den}


def _align(gold: Iterable[tuple[str, str, int, int]],
           pred: Iterable[tuple[str, str, int, int]]) -> tuple[list[str], list[str]]:
    """Pair gold and predicted labels span by span, matching equal labels first."""
    by_span_gold: dict[tuple[str, int, int], list[str]] = defaultdict(list)
    by_span_pred: dict[tuple[str, int, int], list[str]] = defaultdict(list)
    for aid, technique, start, end in gold:
        by_span_gold[(aid, start, end)].append(technique)
    for aid, technique, start, end in pred:
        by_span_pred[(aid, start, end)].append(technique)
    if {k: len(v) for k, v in by_span_gold.items()} != {k: len(v) for k, v in by_span_pred.items()}:
        raise ValueError("TC predictions must label exactly the gold spans (same ids, offsets, counts)")
    gold_labels, pred_labels = [], []
    for key in sorted(by_span_gold):
        remaining_gold = Counter(by_span_gold[key])
        leftover_pred = []
        for technique in by_span_pred[key]:
            if remaining_gold[technique] > 0:
                remaining_gold[technique] -= 1
                gold_labels.append(technique)
                pred_labels.append(technique)
            else:
                leftover_pred.append(technique)
        gold_labels.extend(sorted(remaining_gold.elements()))
        pred_labels.extend(leftover_pred)
    return gold_labels, pred_labels


def tc_scores(gold: Iterable[tuple[str, str, int, int]],
              pred: Iterable[tuple[str, str, int, int]]) -> dict[str, Any]:
    """TC micro P/R/F1 and per-technique F1; rows are `(article_id, technique, start, end)`.

    Raises ValueError when the predictions do not label exactly the gold spans.  With no spans
    at all, every score is 0.0.
    """
    gold_labels, pred_labels = _align(gold, pred)
    n = len(gold_labels)
    correct = sum(g == p for g, p in zip(gold_labels, pred_labels, strict=True))
    micro = correct / n if n else 0.0
    per_class = {}
    for technique in TECHNIQUES:
        tp = sum(g == p == technique for g, p in zip(gold_labels, pred_labels, strict=True))
        n_pred = pred_labels.count(technique)
        n_gold = gold_labels.count(technique)
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        per_class[technique] = 2 * p * r / (p + r) if p + r > 0 else 0.0
    return {"precision": micro, "recall": micro, "f1": micro, "n": n, "per_technique_f1": per_class}


def top_k_labels(probabilities: Sequence[float] | np.ndarray, classes: Sequence[str], k: int) -> list[str]:
    """The k most probable distinct techniques (for a span that carries k gold labels)."""
    order = np.argsort(-np.asarray(probabilities), kind="stable")
    return [classes[j] for j in order[:k]]


# -- data ---------------------------------------------------------------------------------------

def resolve_ptc_dir(data_dir: Path) -> Path:
    """Find the PTC folder (with train-articles/) under `data_dir` (PWE706 if absent)."""
    data_dir = Path(data_dir)
    for candidate in (data_dir, data_dir / "ptc", data_dir / "propaganda" / "ptc"):
        if (candidate / "train-articles").is_dir() and (candidate / TC_LABELS_FILE).is_file():
            return candidate
    raise PresswatchError("PWE706", path=str(data_dir), reason="no ptc/train-articles folder")


def load_training_corpus(data_dir: Path) -> tuple[list[Article], dict[str, list[GoldSpan]]]:
    """The PTC training articles and their gold `(technique, start, end)` spans by article."""
    ptc = resolve_ptc_dir(data_dir)
    articles = read_articles(ptc / "train-articles")
    grouped = group_by_article(read_labels(ptc / TC_LABELS_FILE))
    gold = {a.id: [(s.technique or "", s.start, s.end) for s in grouped.get(a.id, [])]
            for a in articles}
    return articles, gold


def parse_articles(nlp: Language, articles: Sequence[Article],
                   cache_dir: Path | None = DEFAULT_CACHE) -> list[Doc]:
    """spaCy parses of the articles, cached in `cache_dir` (a DocBin keyed by texts and model)."""
    key = hashlib.sha256()
    key.update(f"{nlp.meta.get('name')}-{nlp.meta.get('version')}".encode())
    for article in articles:
        key.update(article.id.encode() + b"\0" + article.text.encode("utf-8") + b"\0")
    cache = Path(cache_dir) / f"techniques-{key.hexdigest()[:16]}.spacy" if cache_dir else None
    if cache is not None and cache.is_file():
        return list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    docs = list(nlp.pipe((a.text for a in articles), batch_size=16))
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        DocBin(store_user_data=False, docs=docs).to_disk(cache)
    return docs


def article_folds(ids: Sequence[str], folds: int, random_state: int) -> list[list[str]]:
    """Split article ids into `folds` disjoint groups (each article is its own group)."""
    order = np.random.RandomState(random_state).permutation(len(ids))
    return [[ids[j] for j in order[k::folds]] for k in range(folds)]


# -- cross-validation ---------------------------------------------------------------------------

FIRST_STAGE_FILES = ("features.py", "lexicons.py")  # the first stage's features, whole files
FIRST_STAGE_CODE = (model_module.bio_labels, model_module.LinearModel.fit, model_module.PreparedDoc,
                    model_module._probability_bucket, TechniqueModel.fit,
                    TechniqueModel._sentence_labels, TechniqueModel._fit_sentences,
                    TechniqueModel._stacked_sentence_scores, TechniqueModel._positive,
                    TechniqueModel._crf_items, TechniqueModel._fit_crf)  # how it is fitted


def first_stage_source() -> bytes:
    """The source the first stage is fitted by: feature files and the fitting functions.

    Decoding and re-scorer code is left out, so editing it keeps the cached fold models.
    """
    folder = Path(model_module.__file__).parent
    parts = [(folder / name).read_bytes() for name in FIRST_STAGE_FILES]
    parts += [inspect.getsource(code).encode("utf-8") for code in FIRST_STAGE_CODE]
    return b"\0".join(parts)


def fold_model(docs: Sequence[Doc], gold: Sequence[Sequence[GoldSpan]], ids: Sequence[str],
               params: Mapping[str, Any], cache_dir: Path | None = DEFAULT_CACHE) -> TechniqueModel:
    """`TechniqueModel(**params).fit(docs, gold)` (first stage only), cached in `cache_dir`.

    The cache key covers the training article ids, the first stage's parameters (defaults
    included; the re-scorer's are left out, and set as given on a cached model) and
    `first_stage_source()`, so a change of the fitting code or parameters trains afresh.
    """
    given = TechniqueModel(**params).get_params()
    fitted = {k: v for k, v in given.items() if not k.startswith("rescore_")}
    key = hashlib.sha256(json.dumps([sorted(ids), fitted], sort_keys=True).encode())
    key.update(first_stage_source())
    cache = Path(cache_dir) / f"techniques-model-{key.hexdigest()[:16]}.npz" if cache_dir else None
    if cache is not None and cache.is_file():
        model = TechniqueModel.from_bytes(cache.read_bytes())
        for name in given.keys() - fitted.keys():  # the re-scorer's parameters, as given now
            setattr(model, name, given[name])
        return model
    model = TechniqueModel(**params).fit(docs, gold)
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_bytes(model.to_bytes())
    return model


def credits(start: int, end: int, covered: Sequence[tuple[int, int]]) -> tuple[float, float]:
    """A span's SI credit against merged gold intervals: (precision credit, recall credit)."""
    precision = recall = 0.0
    for gold_start, gold_end in covered:
        overlap = min(end, gold_end) - max(start, gold_start)
        if overlap > 0:
            precision += overlap / (end - start)
            recall += overlap / (gold_end - gold_start)
    return precision, recall


def gold_rate(gold: SpanMap, aids: Iterable[str], lengths: Mapping[str, int]) -> float:
    """Gold spans (merged, as the scorer counts them) per character of the articles `aids`."""
    aids = list(aids)
    spans = sum(len(merge_intervals(gold[a])) for a in aids)
    return spans / max(sum(lengths[a] for a in aids), 1)


def run(
    data_dir: Path,
    folds: int = 5,
    max_articles: int | None = None,
    random_state: int = 0,
    groups: FeatureGroups = ALL_GROUPS,
    model_params: Mapping[str, Any] | None = None,
    nlp: Language | None = None,
    cache_dir: Path | None = DEFAULT_CACHE,
    max_folds: int | None = None,
    keep_rows: bool = False,
) -> dict[str, Any]:
    """Cross-validate the technique model and the lexicon baseline on PTC train.

    Two passes.  First, a first-stage model per fold (sentence model, CRF, technique classifier)
    predicts its held-out articles: the threshold decoder's spans (`si_first_stage`), TC given
    the gold spans, and the re-scorer's candidate spans with their SI credits.  Second, per fold,
    the span re-scorer is fitted on the other folds' candidates (out-of-fold for their models)
    and scores the held-out ones; its gain weight and threshold are `rescore.fixed_gain` of
    those scores, with the expected number of gold spans from the training folds' rate
    (`rescore_choice`): no label of the held-out fold is read.  `rescore_all_folds` is the same
    fixed point over every article's out-of-fold scores, which a shipped model keeps.  Returns
    SI P/R/F1, TC micro-F1
    with per-technique F1, the same for the baseline, per-fold F1s and the detection time per
    article with the re-scorer (parse excluded).  `max_folds` scores only the first folds (all
    are still trained: the re-scorer needs them); `max_articles` takes the first N articles by
    id; `keep_rows` adds the out-of-fold re-scorer rows (`rescore_rows`, not JSON-ready).
    """
    from presswatch.nlp import load_language

    articles, gold = load_training_corpus(data_dir)
    if max_articles is not None:
        articles = articles[:max_articles]
    nlp = nlp or load_language()
    docs = parse_articles(nlp, articles, cache_dir)
    by_id = {a.id: (a, doc) for a, doc in zip(articles, docs, strict=True)}
    splits = article_folds([a.id for a in articles], folds, random_state)
    scored_folds = splits[:max_folds or folds]
    params = {"groups": groups, "random_state": random_state, **(model_params or {})}
    si_gold = {a.id: [(s, e) for _, s, e in gold[a.id]] for a in articles}

    started = time.perf_counter()
    models, rows, first_stage, si_base = [], {}, {}, {}
    tc_gold, tc_pred, tc_base = [], [], []
    tc_fold = []
    for k, held_out in enumerate(splits):
        held = set(held_out)
        train_ids = [a.id for a in articles if a.id not in held]
        model = fold_model([by_id[i][1] for i in train_ids], [gold[i] for i in train_ids],
                           train_ids, params, cache_dir)
        models.append(model)
        fold_tc_gold, fold_tc_pred = [], []
        for aid in held_out:
            doc = by_id[aid][1]
            prepared = PreparedDoc(doc)
            covered = merge_intervals(si_gold[aid])
            rows[aid] = [(s, e, f, *credits(s, e, covered))
                         for s, e, f in model.candidate_rows(doc, prepared)]
            if k >= len(scored_folds):
                continue
            first_stage[aid] = [(s, e) for s, e, _ in model.find_spans(doc, prepared)]
            si_base[aid] = baseline_spans(doc, prepared.features)
            span_counts = Counter((s, e) for _, s, e in gold[aid])
            spans = sorted(span_counts)
            probabilities = model.classify(doc, spans, prepared)
            for (start, end), row in zip(spans, probabilities, strict=True):
                for technique in top_k_labels(row, model.tc_classes_, span_counts[(start, end)]):
                    fold_tc_pred.append((aid, technique, start, end))
                base = baseline_technique(doc, start, end, prepared.features)
                tc_base.extend([(aid, base, start, end)] * span_counts[(start, end)])
            fold_tc_gold.extend((aid, t, s, e) for t, s, e in gold[aid])
        if k < len(scored_folds):
            tc_fold.append(tc_scores(fold_tc_gold, fold_tc_pred)["f1"])
            tc_gold.extend(fold_tc_gold)
            tc_pred.extend(fold_tc_pred)

    lengths = {a.id: len(a.text) for a in articles}
    scored: dict[str, list[tuple[int, int, float, float]]] = {}
    si_pred, fold_scores, choices = {}, [], []
    seconds = 0.0
    for k, held_out in enumerate(splits):
        train = [a for j, group in enumerate(splits) if j != k for a in group]
        model = models[k].fit_rescorer([(f, p, r) for a in train for _, _, f, p, r in rows[a]])
        scored.update({a: model.score_candidates([(s, e, f) for s, e, f, _, _ in rows[a]])
                       for a in held_out})
        if k >= len(scored_folds):
            continue
        expected = gold_rate(si_gold, train, lengths) * sum(lengths[a] for a in held_out)
        weight, threshold = rescore.fixed_gain([scored[a] for a in held_out], expected)
        choices.append({"rescore_weight": weight, "rescore_threshold": threshold})
        fold_pred = {a: [(s, e) for s, e, _ in model.choose_spans(scored[a], weight, threshold)]
                     for a in held_out}
        for aid in held_out:
            tick = time.perf_counter()
            model.detect(by_id[aid][1])  # timed as the stage runs it, re-scorer included
            seconds += time.perf_counter() - tick
        si_pred.update(fold_pred)
        fold_scores.append({"si_f1": si_prf({a: si_gold[a] for a in held_out}, fold_pred)["f1"],
                            "si_first_stage_f1": si_prf({a: si_gold[a] for a in held_out},
                                                        {a: first_stage[a] for a in held_out})["f1"],
                            "tc_f1": tc_fold[k], "articles": len(held_out)})
    weight, threshold = rescore.fixed_gain(
        list(scored.values()), sum(len(merge_intervals(spans)) for spans in si_gold.values()))
    shipped = {"rescore_weight": weight, "rescore_threshold": threshold}
    evaluated = sum(len(h) for h in scored_folds)
    scored_gold = {a: si_gold[a] for h in scored_folds for a in h}
    report = {
        "data": str(resolve_ptc_dir(data_dir)),
        "split": "PTC train, cross-validation grouped by article (dev/test not available)",
        "folds": folds,
        "folds_run": len(scored_folds),
        "articles": evaluated,
        "random_state": random_state,
        "groups": sorted(groups),
        "model_params": dict(model_params or {}),
        "si": si_prf(scored_gold, si_pred),
        "si_first_stage": si_prf(scored_gold, first_stage),
        "rescore_choice": choices,
        "rescore_all_folds": shipped,
        "tc": tc_scores(tc_gold, tc_pred),
        "baseline": {"si": si_prf(scored_gold, si_base), "tc": tc_scores(tc_gold, tc_base)},
        "per_fold": fold_scores,
        "ms_per_article": 1000 * seconds / max(evaluated, 1),
        "seconds_total": time.perf_counter() - started,
    }
    if keep_rows:
        report["rescore_rows"] = [(f, p, r) for article_rows in rows.values()
                                  for _, _, f, p, r in article_rows]
    return report
