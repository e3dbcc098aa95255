"""Deduplication accuracy: pairwise precision and recall on hand-labelled event mentions.

The gold file (tests/fixtures/dedup/mentions.tsv) lists event mentions coded as a correct
extractor would code them, each with the real event it reports.  Every pair of mentions is
"same" when their gold events are equal; a clustering predicts "same" when it puts both in one
cluster.  Baselines: no deduplication (GDELT counts reports) and same type + same country +
same publication day.
Rows after a comment line "# Held out (...):" form a held-out section (articles written and
labelled after the rules); every score is given for all rows and for each section.

End to end (`run_end_to_end`), the same labels judge what the whole pipeline makes of the example
corpus: a pipeline mention reports a labelled event when it has its type, comes from one of its
articles, names only its countries, fits its days and is not hypothetical; per event we count the clusters its
mentions fall into (one is right) and whether its largest cluster holds all its articles.  An event's
days are those of its day-dated rows (± tolerance), else of all its rows: an undated report happened
when the dated ones say.  A row whose `role` is "recalled" marks an article that mentions the event
only as background to its own news, with a date ("the shelling of Tuesday"); there, only pipeline
mentions with an event date report it, so the article's undated mentions stay with its own news.
Where an event's rows give a CAMEO code (RETREAT rows: ceasefire 0871, withdrawal 0872), a pipeline
mention with an unrelated code (release of a person, 084) reports another event.
A mention's possible days are the Deduplicator's (`Deduplicator.date_range`): a date that only bounds the
event from above (the day of the statement reporting it: "..., the guard said on Monday, after a curfew
was imposed") covers the `report_days` before it too, as in clustering.
"""

from __future__ import annotations

import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING

from presswatch.monitor.dedup import Deduplicator, date_range
from presswatch.monitor.names import is_alias, is_whole_country
from presswatch.monitor.records import EventMention

if TYPE_CHECKING:
    from presswatch.pipeline import Pipeline

DEFAULT_GOLD = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "dedup" / "mentions.tsv"
COLUMNS = ("gold", "document", "outlet", "published", "type", "source", "target", "date", "precision", "place",
           "place_country", "lat", "lon", "status", "speaker", "role", "sentence", "cameo", "until")


GoldRow = tuple[str, EventMention, bool]
DEVELOPMENT = "development"


def load_gold(path: Path = DEFAULT_GOLD) -> list[GoldRow]:
    """(gold event, mention, recalled) rows of a labelled TSV file; recalled: role "recalled"."""
    return [row for rows in load_sections(path).values() for row in rows]


def load_sections(path: Path = DEFAULT_GOLD) -> dict[str, list[GoldRow]]:
    """The rows of a labelled TSV file by section: "development" until a comment line
    "# Held out (...): ..." opens a held-out section named by what precedes its colon."""
    sections: dict[str, list[GoldRow]] = {DEVELOPMENT: []}
    rows = sections[DEVELOPMENT]
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.startswith("# Held out"):
            rows = sections.setdefault(line[2:].split(":")[0].strip(), [])
            continue
        if not line.strip() or line.startswith("#"):
            continue
        values = dict(zip(COLUMNS, (line.split("\t") + [""] * len(COLUMNS))[:len(COLUMNS)], strict=True))
        mention = EventMention(
            document_id=values["document"], event_id=f"v{number}", type=values["type"], cameo=values["cameo"] or None,
            quad_class=None,
            goldstein=None, acled_event_type=None, source_country=values["source"] or None,
            target_country=values["target"] or None, source_text=None, target_text=None,
            date=values["date"] or None, date_precision=values["precision"] or None, date_until=values["until"] or None,
            location_name=values["place"] or None, location_country=values["place_country"] or None,
            lat=float(values["lat"]) if values["lat"] else None, lon=float(values["lon"]) if values["lon"] else None,
            status=values["status"], trigger_start=0, trigger_end=0, trigger_text="", published=values["published"],
            outlet=values["outlet"], title=None, url=None, speaker=values["speaker"] or None,
            sentence=values["sentence"] or None)
        rows.append((values["gold"], mention, values["role"] == "recalled"))
    return sections


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


def _mention_scores(rows: Sequence[GoldRow]) -> dict:
    gold = [label for label, _, _ in rows]
    mentions = [mention for _, mention, _ in rows]
    return {
        "mentions": len(mentions), "events": len(set(gold)),
        "presswatch": pairwise_scores(gold, _labels(mentions, presswatch_clusters)),
        "baseline_no_dedup": pairwise_scores(gold, _labels(mentions, no_dedup)),
        "baseline_same_day": pairwise_scores(gold, _labels(mentions, same_day_baseline)),
    }


def run(gold_path: Path = DEFAULT_GOLD) -> dict:
    """Pairwise scores of presswatch and the baselines on a labelled file, all rows and per section."""
    sections = load_sections(gold_path)
    return {"gold": str(gold_path), **_mention_scores([row for rows in sections.values() for row in rows]),
            "sections": {name: _mention_scores(rows) for name, rows in sections.items()}}


@dataclass(frozen=True)
class GoldEvent:
    """A labelled real event: its type, countries, possible days, reporting articles and the
    articles among them that only recall it (see the module docstring)."""

    label: str
    type: str
    countries: frozenset[str]
    first: date
    last: date
    articles: frozenset[tuple[str, str]]  # (outlet, publication day)
    recalled_in: frozenset[tuple[str, str]] = frozenset()
    cameos: frozenset[str] = frozenset()  # CAMEO codes its rows give, if any
    days: tuple[date, date] | None = None  # first and last day its rows give, before the tolerance
    places: frozenset[str] = frozenset()  # place names its rows give
    directions: frozenset[tuple[str | None, str | None]] = frozenset()  # (source, target) its rows give


def _article(mention: EventMention) -> tuple[str, str]:
    return mention.outlet or "", (mention.published or "")[:10]


def gold_events(rows: Sequence[GoldRow], tolerance_days: int = 1) -> list[GoldEvent]:
    """One GoldEvent per label: the union of its mentions' countries and articles; its days are
    those of its day-dated mentions (else of all) widened by `tolerance_days`."""
    by_label: dict[str, list[tuple[EventMention, bool]]] = defaultdict(list)
    for label, mention, recalled in rows:
        by_label[label].append((mention, recalled))
    events = []
    for label, rows_of in sorted(by_label.items()):
        mentions = [m for m, _ in rows_of]
        ranges = [found for m in mentions if (found := date_range(m))]
        ranges = [r for r in ranges if r.precision == "day"] or ranges
        slack = timedelta(days=tolerance_days)
        articles = frozenset(_article(m) for m in mentions)
        reporting = frozenset(_article(m) for m, recalled in rows_of if not recalled)
        first, last = min(r.first for r in ranges), max(r.last for r in ranges)
        events.append(GoldEvent(label, mentions[0].type, frozenset().union(*(m.countries for m in mentions)),
                                first - slack, last + slack, articles, articles - reporting,
                                frozenset(m.cameo for m in mentions if m.cameo), (first, last),
                                frozenset(m.location_name for m in mentions if m.location_name),
                                frozenset((m.source_country, m.target_country) for m in mentions)))
    return events


CREDIT_DEDUPLICATOR = Deduplicator()  # crediting reads a mention's possible days as clustering does


def _reports(event: GoldEvent, mention: EventMention) -> bool:
    """Whether a pipeline mention reports `event`: same type, one of its articles, only its countries
    (the actors', else the place's), its days (an event date in an article that only recalls it),
    and not hypothetical (a threat is no report of it)."""
    if mention.status == "hypothetical" or mention.type != event.type:
        return False
    if event.cameos and mention.cameo and not any(mention.cameo.startswith(code) or code.startswith(mention.cameo)
                                                  for code in event.cameos):
        return False
    if _article(mention) not in event.articles:
        return False
    named = mention.actor_countries or frozenset({mention.location_country} - {None})
    if not named or not named <= event.countries:
        return False
    found = CREDIT_DEDUPLICATOR.date_range(mention)
    if not found or (found.precision == "published" and _article(mention) in event.recalled_in):
        return False
    return found.first <= event.last and found.last >= event.first


def fit_rank(event: GoldEvent, mention: EventMention) -> tuple[int, int, int, int]:
    """How well a pipeline mention fits an event it reports (lower is better): days off the days its
    rows give, then whether its place is not one they name (`_named_by`), then whether its sides (source, target,
    where known) are not a direction they give (a side coded acting on its own country names only its
    source, as in dedup's direction test), then whether its date is rough where theirs is a day or the
    reverse (a mention of the 19th fits an event its rows date to a day better than one they date only
    to that month; "earlier this month" the other way round; an undated mention states neither)."""
    found = CREDIT_DEDUPLICATOR.date_range(mention)
    first, last = event.days or (event.first, event.last)
    days_off = max((first - found.last).days, (found.first - last).days, 0) if found else 0
    target = None if mention.target_country == mention.source_country else mention.target_country
    sides = any((mention.source_country in (None, source)) and (target in (None, other))
                for source, other in event.directions)
    rough_rows = (last - first).days > CREDIT_DEDUPLICATOR.tolerance_days + 1
    other_precision = found is not None and found.precision != "published" and CREDIT_DEDUPLICATOR.vague(mention) != rough_rows
    return days_off, not _named_by(event, mention), not sides, other_precision


def _named_by(event: GoldEvent, mention: EventMention) -> bool:
    """Whether a mention's place is one an event's rows name, under any alias of it (the rows spell
    a town as their article does, "Khorog"; the places stage gives the gazetteer's name, "Khorugh");
    a whole country is no place that tells one event in it from another."""
    if not mention.location_name or is_whole_country(mention.location_name):
        return False
    return mention.location_name in event.places or any(
        is_alias(place, mention.location_name, mention.location_country) for place in event.places)


def corpus_mentions(articles: Path, pipeline: Pipeline | None = None) -> list[EventMention]:
    """The event mentions of the whole pipeline on a folder of articles, stored in a temporary store."""
    from presswatch.batch import ingest_paths
    from presswatch.pipeline import Pipeline
    from presswatch.store import Store
    from presswatch.store.monitoring import event_mentions

    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "end-to-end.db") as store:
        ingest_paths([articles], store, pipeline or Pipeline())
        return event_mentions(store)


def end_to_end_scores(events: Sequence[GoldEvent], mentions: Sequence[EventMention],
                      assign: Callable[[list[EventMention]], dict[str, str]], best_fit: bool = True) -> dict:
    """How the clusters of pipeline mentions line up with the gold events.

    Each pipeline mention that reports one gold event (`_reports`) is that event's; one that reports
    several is the event it fits best (`fit_rank`: nearest days, then a place its rows name, then
    its sides, then its date precision), so a cluster merging two events of one dyad on adjacent days counts as a false
    merge; one that fits two or more equally well is scored for none (`ambiguous_mentions`;
    `best_fit=False`, the scorer before session 9b: every mention that reports several).  Per
    event: found (any mention), clusters its mentions fall into (one is right), whether its
    largest cluster holds every gold article the pipeline found it in and no other gold event.
    """
    owner: dict[str, str] = {}
    ambiguous: Counter[str] = Counter()  # mentions that fit more than one event, per event; scored for none
    resolved = 0
    for mention in mentions:
        matched = [event for event in events if _reports(event, mention)]
        if len(matched) > 1 and best_fit:
            ranks = {event.label: fit_rank(event, mention) for event in matched}
            matched = [event for event in matched if ranks[event.label] == min(ranks.values())]
            resolved += len(matched) == 1
        if len(matched) == 1:
            owner[mention.key] = matched[0].label
        elif matched:
            ambiguous.update([event.label for event in matched] + ["*"])
    matched_mentions = [m for m in mentions if m.key in owner]
    assigned = assign(list(mentions))
    clusters = {m.key: assigned.get(m.key, m.key) for m in mentions}  # left out of every cluster: alone
    per_event = {}
    for event in events:
        own = [m for m in matched_mentions if owner[m.key] == event.label]
        ids = Counter(clusters[m.key] for m in own)
        largest = ids.most_common(1)[0][0] if ids else None
        members = [m for m in mentions if clusters[m.key] == largest]
        found_articles = {m.document_id for m in own}
        per_event[event.label] = {
            "gold_articles": len(event.articles), "found_in_articles": len(found_articles), "clusters": len(ids),
            "ambiguous_mentions": ambiguous[event.label],
            "largest_cluster_articles": len({m.document_id for m in members}),
            "right_sources": bool(ids) and {m.document_id for m in members} >= found_articles
                             and {owner.get(m.key, event.label) for m in members} == {event.label}}
    found = [row for row in per_event.values() if row["clusters"]]
    return {
        "events": len(events), "found": len(found),
        "ambiguous_mentions": ambiguous["*"], "best_fit_mentions": resolved,
        "one_cluster": sum(row["clusters"] == 1 for row in found),
        "right_sources": sum(row["right_sources"] for row in found),
        "clusters_per_found_event": round(sum(row["clusters"] for row in found) / len(found), 2) if found else None,
        "pairwise": pairwise_scores([owner[m.key] for m in matched_mentions], [clusters[m.key] for m in matched_mentions]),
        "per_event": per_event,
    }


def run_end_to_end(articles: Path, gold_path: Path = DEFAULT_GOLD, pipeline: Pipeline | None = None) -> dict:
    """The labelled events against what the whole pipeline (extraction, then dedup) makes of `articles`."""
    sections = load_sections(gold_path)
    events = gold_events([row for rows in sections.values() for row in rows])
    mentions = corpus_mentions(articles, pipeline)
    by_section = {}
    for name, rows in sections.items():
        scores = end_to_end_scores(gold_events(rows), mentions, presswatch_clusters)
        by_section[name] = {key: value for key, value in scores.items() if key != "per_event"}
    return {"gold": str(gold_path), "articles": str(articles), "pipeline_mentions": len(mentions),
            "pipeline_clusters": len(Deduplicator().cluster(mentions)),
            "presswatch": end_to_end_scores(events, mentions, presswatch_clusters),
            "baseline_no_dedup": end_to_end_scores(events, mentions, no_dedup),
            "baseline_same_day": end_to_end_scores(events, mentions, same_day_baseline),
            "presswatch_by_section": by_section}
