"""The monitor: from stored event mentions to events, series, alerts and contested claims.

`refresh(store)` clusters every stored mention (dedup.py) and replaces the stored clusters in
one transaction; the query functions below read clusters back with the filters the CLI, the
web pages and the API share.  Detectors follow the scikit-learn shape (alerts.py).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from presswatch.errors import PresswatchError
from presswatch.knowledge import read_verified
from presswatch.monitor.alerts import EscalationDetector
from presswatch.monitor.contested import contested_claims, narratives
from presswatch.monitor.dedup import Deduplicator
from presswatch.monitor.records import Alert, ContestedClaim, EventCluster, Narrative, SeriesPoint
from presswatch.monitor.series import Frequency, build_series
from presswatch.store import Store
from presswatch.store.monitoring import (
    ClusterFilter,
    event_mentions,
    replace_clusters,
    stored_clusters,
)

__all__ = ["ClusterFilter", "Deduplicator", "EscalationDetector", "alerts", "clusters", "contested",
           "load_watchlists", "recurring_narratives", "refresh", "series", "watchlist_filter"]

DATA = Path(__file__).parent / "data"


@cache
def load_watchlists() -> dict[str, tuple[str, ...]]:
    """Named sets of countries (ISO alpha-3); `CIS` ships by default."""
    raw, _ = read_verified(DATA / "watchlists.json", "an edit of presswatch/monitor/data/watchlists.json")
    return {name: tuple(codes) for name, codes in json.loads(raw).items()}


def watchlist_filter(name: str | None, base: ClusterFilter | None = None) -> ClusterFilter:
    """`base` restricted to a watchlist's countries (PWE801 for an unknown name)."""
    base = base or ClusterFilter()
    if name is None:
        return base
    watchlists = load_watchlists()
    if name not in watchlists:
        raise PresswatchError("PWE801", name=name, known=", ".join(sorted(watchlists)))
    return ClusterFilter(**{**base.__dict__, "countries": watchlists[name]})


def refresh(store: Store, deduplicator: Deduplicator | None = None) -> int:
    """Recluster every stored event mention and replace the stored clusters; return how many."""
    found = (deduplicator or Deduplicator()).cluster(event_mentions(store))
    return replace_clusters(store, found)


def clusters(store: Store, filters: ClusterFilter | None = None, limit: int | None = 100,
             offset: int = 0) -> list[EventCluster]:
    """Stored event clusters, newest first."""
    return stored_clusters(store, filters, limit, offset)


def series(store: Store, by: str = "country", frequency: Frequency = "day",
           filters: ClusterFilter | None = None) -> list[SeriesPoint]:
    """Daily or weekly series per country (or dyad) from the clusters matching `filters`."""
    keys = set(filters.countries) if filters and filters.countries else None
    return build_series(stored_clusters(store, filters), by=by, frequency=frequency, keys=keys)


def alerts(store: Store, detector: EscalationDetector | None = None, by: str = "country",
           frequency: Frequency = "day", filters: ClusterFilter | None = None) -> list[Alert]:
    """Escalation alerts over the whole stored history of each series."""
    detector = detector or EscalationDetector(step_days=7 if frequency == "week" else 1)
    points = series(store, by, frequency, filters)
    return detector.fit(points).predict(points)


def contested(store: Store, filters: ClusterFilter | None = None) -> list[ContestedClaim]:
    """Clusters whose sources disagree on who did it or whether it happened."""
    return contested_claims(stored_clusters(store, filters))


def recurring_narratives(store: Store, min_count: int = 2) -> list[Narrative]:
    """Recurring accusations across every stored article."""
    return narratives(event_mentions(store), min_count)
