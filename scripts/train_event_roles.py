"""Train the events stage's source/target rankers into presswatch/events/data/event_roles.json.

Usage: .venv/bin/python scripts/train_event_roles.py ../shared/data/events

Data: the ConfliBERT NER train file (conflibert_cameo/cameo_ner_train.txt; B/I-S source, B/I-T
target spans).  Each sentence runs through the pipeline (actors, quotes) and the events stage
without rankers; the trigger is its most confident event's (else the sentence root).  A candidate
is an entity mention of the sentence (roles.role_features); it is positive for a role when it
overlaps that role's gold span.  One logistic regression per role, C fixed beforehand (1.0).

Reported by 5-fold CV grouped by sentence (retrained without each fold): the ranker's top-1
accuracy over sentences whose gold role has a candidate with a country (next to the first such
candidate), and the stage's top-event source/target country accuracy with each fallback mode of
rules.ROLE_FALLBACK ("nearest": the nearest actor in the clause; "ranker": the ranker alone;
"ranker_first": the ranker, else the nearest actor; "nearest_first": the reverse), and with
"ranker_first" plus rules.SOURCE_OVERRIDE (the ranker replaces a syntactic source outside quotes
when its choice has at least that probability), and with override 0.7 plus rules.SOURCE_LAST_RESORT
(a source still without a country takes the ranker's choice from that probability).  The sidecar records the scores.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from presswatch import events  # noqa: E402
from presswatch.evaluate.events import _events, _prepare, top_event  # noqa: E402
from presswatch.events import rules  # noqa: E402
from presswatch.events.extract import EventExtractor, _Context  # noqa: E402
from presswatch.events.roles import ROLES, ROLES_FILE, RoleModel, role_features  # noqa: E402
from presswatch.knowledge import write_verified  # noqa: E402

NER_FILE = "conflibert_cameo/cameo_ner_train.txt"
PARAMS = {"C": 1.0, "folds": 5}
OVERRIDES = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95)
LAST_RESORTS = (0.0, 0.1, 0.2, 0.3)
TAGS = {"source": "S", "target": "T"}


def read_ner(path: Path) -> list[tuple[str, dict[str, list[tuple[int, int]]]]]:
    """(sentence text, {role: gold character spans}) with tokens joined by single spaces."""
    out, tokens = [], []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.strip():
            word, _, tag = line.rpartition(" ")
            tokens.append((word, tag) if word else (tag, "O"))
            continue
        if tokens:
            spans: dict[str, list[tuple[int, int]]] = {role: [] for role in ROLES}
            start = 0
            for word, tag in tokens:
                for role, letter in TAGS.items():
                    if tag.endswith(f"-{letter}"):
                        spans[role].append((start, start + len(word)))
                start += len(word) + 1
            out.append((" ".join(w for w, _ in tokens), spans))
            tokens = []
    return out


def candidates(prepared, analysis) -> list[tuple[dict[str, float], tuple[int, int], object]]:
    """(features, mention character span, entity) of each entity mention of one sentence."""
    document, parsed, entities, quotes = prepared
    ctx = _Context(document, parsed, entities, quotes, {})
    best = top_event(analysis.events)
    trigger = parsed.char_span(best.trigger.start, best.trigger.end, alignment_mode="expand")[0] if best \
        else next(iter(parsed.sents)).root
    mentions = ctx.mentions()
    return [(role_features(trigger, parsed[head], entity, order, len(mentions)), (start, end), entity)
            for order, (_, head, entity, start, end) in enumerate(mentions)]


def overlaps(span: tuple[int, int], gold: list[tuple[int, int]]) -> bool:
    return any(span[0] < b and a < span[1] for a, b in gold)


def fit(rows: list[dict[str, float]], labels: list[int]) -> RoleModel:
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(rows)
    clf = LogisticRegression(C=PARAMS["C"], max_iter=3000).fit(matrix, labels)
    weights = {name: float(w) for name, w in zip(vectorizer.get_feature_names_out(), clf.coef_[0], strict=True)}
    return RoleModel(weights, float(clf.intercept_[0]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="the shared events folder (../shared/data/events)")
    parser.add_argument("--out", type=Path, default=ROOT / "presswatch" / "events" / "data")
    args = parser.parse_args()
    sentences = read_ner(args.data / NER_FILE)
    nlp, prepared = _prepare([text for text, _ in sentences])
    base = EventExtractor(events._lexicon(), events._models()[0])
    analyses = _events(base, prepared)
    cands = [candidates(p, a) for p, a in zip(prepared, analyses, strict=True)]
    gold_countries = [{role: {e.actor.country for _, span, e in c if e.actor and e.actor.country and overlaps(span, g[role])}
                       for role in ROLES} for c, (_, g) in zip(cands, sentences, strict=True)]
    index = [(k, j) for k, c in enumerate(cands) for j in range(len(c))]
    groups = np.array([k for k, _ in index])
    scores: dict[str, dict] = {}
    pick: dict[str, list[int]] = {role: [0, 0, 0] for role in ROLES}  # correct ranker, correct first, sentences
    modes = {m: (m, None, None) for m in ("nearest", "ranker", "ranker_first", "nearest_first")}
    modes.update({f"ranker_first+override{t}": ("ranker_first", t, None) for t in OVERRIDES})
    modes.update({f"ranker_first+override0.7+last_resort{t}": ("ranker_first", 0.7, t) for t in LAST_RESORTS})
    stage: dict[str, dict[str, int]] = {m: {role: 0 for role in ROLES} for m in modes}
    for train, test in GroupKFold(PARAMS["folds"]).split(np.zeros(len(index)), groups=groups):
        models = {}
        for role in ROLES:
            labels = [int(overlaps(cands[k][j][1], sentences[k][1][role])) for k, j in (index[i] for i in train)]
            models[role] = fit([cands[k][j][0] for k, j in (index[i] for i in train)], labels)
        held = sorted({index[i][0] for i in test})
        for role in ROLES:
            for k in held:
                withc = [(f, span, e) for f, span, e in cands[k] if e.actor and e.actor.country]
                if not any(overlaps(span, sentences[k][1][role]) for _, span, _ in withc):
                    continue
                best = max(withc, key=lambda c: models[role].probability(c[0]))
                pick[role][0] += overlaps(best[1], sentences[k][1][role])
                pick[role][1] += overlaps(withc[0][1], sentences[k][1][role])
                pick[role][2] += 1
        for mode, (fallback, override, last_resort) in modes.items():
            rules.ROLE_FALLBACK = {role: fallback for role in ROLES}
            rules.SOURCE_OVERRIDE = override
            rules.SOURCE_LAST_RESORT = last_resort
            extractor = EventExtractor(events._lexicon(), events._models()[0], models)
            for k, analysis in zip(held, _events(extractor, [prepared[k] for k in held]), strict=True):
                best = top_event(analysis.events)
                for role in ROLES:
                    who = best and (best.source if role == "source" else best.target)
                    stage[mode][role] += bool(who and who.country in gold_countries[k][role])
    totals = {role: sum(bool(g[role]) for g in gold_countries) for role in ROLES}
    for role in ROLES:
        scores[role] = {"sentences": pick[role][2], "ranker_top1": round(pick[role][0] / pick[role][2], 4),
                        "first_with_country_top1": round(pick[role][1] / pick[role][2], 4),
                        "stage_country_accuracy": {m: round(stage[m][role] / totals[role], 4) for m in stage},
                        "stage_sentences": totals[role]}
    print(json.dumps(scores, indent=1))
    final = {}
    for role in ROLES:
        labels = [int(overlaps(cands[k][j][1], sentences[k][1][role])) for k, j in index]
        final[role] = fit([cands[k][j][0] for k, j in index], labels).as_json()
    raw = (json.dumps(final, indent=1, sort_keys=True) + "\n").encode("utf-8")
    write_verified(args.out / ROLES_FILE, raw, {
        "name": ROLES_FILE, "version": "1.1.0", "date": datetime.date.today().isoformat(),
        "source": "ConfliBERT cameo_ner train split (eventdata/ConfliBERT), source/target tags; see MODEL_CARD.md",
        "license": "Weights only (feature names such as dep=nsubj, no text). ConfliBERT data: GPL-3.0 repo, "
                   "sentences copyright of their original sources. Research use.",
        "built_by": "scripts/train_event_roles.py",
        "built_from": {NER_FILE: hashlib.sha256((args.data / NER_FILE).read_bytes()).hexdigest()},
        "spacy_model": f"{nlp.meta.get('name')}-{nlp.meta.get('version')}",
        "params": PARAMS, "cv": scores, "bytes": len(raw),
    })
    print("wrote", args.out / ROLES_FILE, len(raw), "bytes")


if __name__ == "__main__":
    main()
