"""Predictions in the official SemEval-2020 Task 11 file formats, for a folder of PTC articles.

`predict_tc(articles_dir, template)` labels every span of a TC template
(`id<TAB>?<TAB>start<TAB>end`) and returns `id<TAB>technique<TAB>start<TAB>end` rows in template
order; a span listed k times gets the k most probable distinct techniques.
`predict_si(articles_dir)` returns `id<TAB>start<TAB>end` rows for the spans the model finds.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

import numpy as np
from spacy.language import Language

from presswatch.errors import PresswatchError
from presswatch.techniques.model import PreparedDoc, TechniqueModel
from presswatch.techniques.ptc import format_si_rows, format_tc_rows, read_articles, read_labels


def _load(model: TechniqueModel | None, nlp: Language | None) -> tuple[TechniqueModel, Language]:
    from presswatch.nlp import load_language
    from presswatch.techniques import load_model

    return model or load_model(), nlp or load_language()


def predict_tc(articles_dir: Path, template: Path, model: TechniqueModel | None = None,
               nlp: Language | None = None, batch_size: int = 16) -> str:
    """TC predictions for the template's spans, in the official label format (PWE701/702/705)."""
    model, nlp = _load(model, nlp)
    articles = {a.id: a for a in read_articles(Path(articles_dir))}
    rows = read_labels(Path(template))
    for line, row in enumerate(rows, 1):
        if row.article_id not in articles:
            raise PresswatchError("PWE705", path=str(template), line=line, article_id=row.article_id)
    wanted = sorted({row.article_id for row in rows})
    labels: dict[tuple[str, int, int], list[str]] = {}
    texts = ((articles[aid].text, aid) for aid in wanted)
    for doc, aid in nlp.pipe(texts, as_tuples=True, batch_size=batch_size):
        counts = Counter((r.start, r.end) for r in rows if r.article_id == aid)
        spans = sorted(counts)
        probabilities = model.classify(doc, spans, PreparedDoc(doc))
        for (start, end), row in zip(spans, probabilities, strict=True):
            order = np.argsort(-row, kind="stable")[:counts[(start, end)]]
            labels[(aid, start, end)] = [model.tc_classes_[j] for j in order]
    used: defaultdict[tuple[str, int, int], int] = defaultdict(int)
    out = []
    for row in rows:
        key = (row.article_id, row.start, row.end)
        choices = labels[key]
        out.append((row.article_id, choices[min(used[key], len(choices) - 1)], row.start, row.end))
        used[key] += 1
    return format_tc_rows(out)


def predict_si(articles_dir: Path, model: TechniqueModel | None = None,
               nlp: Language | None = None, batch_size: int = 16) -> str:
    """SI predictions for every article in the folder, in the official format (PWE701)."""
    model, nlp = _load(model, nlp)
    articles = read_articles(Path(articles_dir))
    out = []
    texts = ((a.text, a.id) for a in articles)
    for doc, aid in nlp.pipe(texts, as_tuples=True, batch_size=batch_size):
        out.extend((aid, start, end) for start, end, _ in model.find_spans(doc))
    return format_si_rows(out)
