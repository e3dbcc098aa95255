"""Deduplication accuracy: pairwise precision and recall on hand-labelled event mentions.

The gold file (tests/fixtures/dedup/mentions.tsv) lists event mentions coded as a correct
extractor would code them, each with the real event it reports.  Every pair of mentions is
"same" when their gold events are equal; a clustering predicts "same" when it puts both in one
cluster.  Baselines: no deduplication (GDELT counts reports) and same type + same country +
same publication day.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import combinations
from pathlib import Path

from presswatch.monitor.dedup import Deduplicator
from presswatch.monitor.records import EventMention

DEFAULT_GOLD = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "dedup" / "mentions.tsv"
COLUMNS = ("gold", "document", "outlet", "published", "type", "source", "target", "date", "precision", "place",
           "place_country", "lat", "lon", "status", "speaker")


def load_gold(path: Path = DEFAULT_GOLD) -> list[tuple[str, EventMention]]:
    """(gold event, mention) rows of a labelled TSV file."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        values = dict(zip(COLUMNS, (line.split("\t") + [""] * len(COLUMNS))[:len(COLUMNS)], strict=True))
        mention = EventMention(
            document_id=values["document"], event_id=f"v{number}", type=values["type"], cameo=None, quad_class=None,
            goldstein=None, acled_event_type=None, source_country=values["source"] or None,
            target_country=values["target"] or None, source_text=None, target_text=None,
            date=values["date"] or None, date_precision=values["precision"] or None,
            location_name=values["place"] or None, location_country=values["place_country"] or None,
            lat=float(values["lat"]) if values["lat"] else None, lon=float(values["lon"]) if values["lon"] else None,
            status=values["status"], trigger_start=0, trigger_end=0, trigger_text="", published=values["published"],
            outlet=values["outlet"], title=None, url=None, speaker=values["speaker"] or None)
        rows.append((values["gold"], mention))
    return rows


def pairwise_scores(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, float | int]:
    """Pairwise precision, recall and F1 of a clustering; 0/0 counts as 1.0 (nothing to find)."""
    tp = fp = fn = 0
    for first, second in combinations(range(len(gold)), 2):
        same_gold, same_predicted = gold[first] == gold[second], predicted[first] == predicted[second]
        tp += same_gold and same_predicted
        fp += same_predicted and not same_gold
        fn += same_gold and not same_predicted
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"pairs_same": tp + fn, "tp": tp, "fp": fp, "fn": fn, "precision": round(precision, 3),
            "recall": round(recall, 3), "f1": round(f1, 3)}


def _labels(mentions: list[EventMention], assign: Callable[[list[EventMention]], dict[str, str]]) -> list[str]:
    mapping = assign(mentions)
    return [mapping[mention.key] for mention in mentions]


def presswatch_clusters(mentions: list[EventMention]) -> dict[str, str]:
    """Cluster id of each mention under the default Deduplicator."""
    return {m.key: cluster.id for cluster in Deduplicator().cluster(mentions) for m in cluster.mentions}


def no_dedup(mentions: list[EventMention]) -> dict[str, str]:
    """Every report its own event (what GDELT's raw event counts do)."""
    return {m.key: m.key for m in mentions}


def same_day_baseline(mentions: list[EventMention]) -> dict[str, str]:
    """Same type, same first country, same publication day."""
    return {m.key: f"{m.type}|{sorted(m.countries)[:1]}|{m.published}" for m in mentions}


def run(gold_path: Path = DEFAULT_GOLD) -> dict:
    """Pairwise scores of presswatch and the baselines on a labelled file."""
    rows = load_gold(gold_path)
    gold = [label for label, _ in rows]
    mentions = [mention for _, mention in rows]
    return {
        "gold": str(gold_path), "mentions": len(mentions), "events": len(set(gold)),
        "presswatch": pairwise_scores(gold, _labels(mentions, presswatch_clusters)),
        "baseline_no_dedup": pairwise_scores(gold, _labels(mentions, no_dedup)),
        "baseline_same_day": pairwise_scores(gold, _labels(mentions, same_day_baseline)),
    }
