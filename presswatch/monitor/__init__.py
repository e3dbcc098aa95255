"""The monitor: from stored event mentions to events, series, alerts and contested claims.

`refresh(store)` clusters every stored mention (dedup.py), finds the contested claims and
builds the daily and weekly series per country and dyad, then replaces all of them in the store
in one transaction (materialized views, so queries stay fast on large stores).  The query
functions read them back with the filters the CLI, the web pages and the API share; a filter
the stored series cannot honour (event type, outlet) makes `series` compute from the matching
clusters instead.  Detectors follow the scikit-learn shape (alerts.py).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

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
    MonitorViews,
    cluster_series,
    count_stored_series,
    derive_facet_series,
    event_mentions,
    replace_monitor,
    series_totals,
    stored_alerts,
    stored_clusters,
    stored_contested,
    stored_narratives,
    stored_series,
)

__all__ = ["ClusterFilter", "Deduplicator", "EscalationDetector", "alerts", "clusters", "contested",
           "derive_facet_series", "load_watchlists", "recurring_narratives", "refresh", "series", "series_page", "watchlist_filter"]

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
    """Recluster every stored event mention; replace clusters, contested claims, series, alerts,
    narratives, and the speaker, technique and outlet summaries.  Returns the number of clusters.
    """
    mentions = event_mentions(store)
    found = (deduplicator or Deduplicator()).cluster(mentions)
    points, fired = [], []
    for by in ("country", "dyad", "watchlist", "all"):
        for frequency in ("day", "week"):
            family = build_series(found, by=by, frequency=frequency, watchlists=load_watchlists())
            points += [(by, frequency, point) for point in family]
            fired += [(by, frequency, alert) for alert in default_detector(frequency).fit(family).predict(family)]
    from presswatch.store.browsing import refresh_summaries  # browsing reads monitor records

    views = MonitorViews(found, contested_claims(found), points, fired, narratives(mentions, min_count=1))
    count = replace_monitor(store, views)
    refresh_summaries(store)
    return count


def default_detector(frequency: Frequency) -> EscalationDetector:
    """The detector whose alerts `refresh` stores: intensity, 28 periods, z >= 3."""
    return EscalationDetector(step_days=7 if frequency == "week" else 1)


def clusters(store: Store, filters: ClusterFilter | None = None, limit: int | None = 100,
             offset: int = 0) -> list[EventCluster]:
    """Stored event clusters, newest first."""
    return stored_clusters(store, filters, limit, offset)


def series(store: Store, by: str = "country", frequency: Frequency = "day",
           filters: ClusterFilter | None = None) -> list[SeriesPoint]:
    """Daily or weekly series per country (or dyad), restricted by `filters`, ordered by key and period."""
    return series_page(store, by, frequency, filters, -1)[0]


def series_page(store: Store, by: str = "country", frequency: Frequency = "day", filters: ClusterFilter | None = None,
                limit: int = -1, offset: int = 0) -> tuple[list[SeriesPoint], int]:
    """One page of `series` (`limit` -1: all from `offset`) and how many points the series has;
    stored points are paged and counted in SQL (the whole series is its own count)."""
    filters = filters or ClusterFilter()
    selection = _stored_selection(by, filters)
    if selection is None:
        points = cluster_series(store, filters, by, frequency, _series_keys(filters))
        return points[offset:None if limit < 0 else offset + limit], len(points)
    page = stored_series(store, by, frequency, **selection, page=(limit, offset) if limit >= 0 or offset else None)
    whole = limit < 0 and not offset
    return page, len(page) if whole else count_stored_series(store, by, frequency, **selection)


def _series_keys(filters: ClusterFilter) -> set[str] | None:
    """The countries a series is restricted to: the watchlist's, the country, or both."""
    keys: set[str] | None = set(filters.countries) if filters.countries else None
    if filters.country:
        keys = {filters.country} if keys is None else keys & {filters.country}
    return keys


def _stored_selection(by: str, filters: ClusterFilter) -> dict[str, Any] | None:
    """Which stored points a series reads (keys, dyads' countries, period, a type's or an outlet's
    facet), or None when it is built from the matching clusters (a type and an outlet, or a dyad
    in a country series)."""
    if by not in ("country", "dyad"):
        raise ValueError(f"series by {by!r}: use overall_series for watchlists and the whole store")
    if (filters.type and filters.outlet) or (filters.dyad and by == "country"):
        return None
    facet = ("type", filters.type) if filters.type else ("outlet", filters.outlet) if filters.outlet else None
    keys = _series_keys(filters)
    shared = {"since": filters.since, "until": filters.until, "facet": facet}
    if by == "country":
        return {"keys": sorted(keys) if keys is not None else None, **shared}
    wanted = None
    if filters.dyad:
        first, second = filters.dyad
        wanted = sorted({f"{first}>{second}", f"{second}>{first}"})
    return {"keys": wanted, "parts": sorted(keys) if keys is not None else None, **shared}


def alerts(store: Store, detector: EscalationDetector | None = None, by: str = "country",
           frequency: Frequency = "day", filters: ClusterFilter | None = None) -> list[Alert]:
    """Escalation alerts, strongest first.

    With the default detector they are read from the last refresh (computed over each series'
    whole history, then restricted to `filters`' keys and dates); another detector is run now
    over the series `filters` selects.
    """
    filters = filters or ClusterFilter()
    if detector is None and not (filters.type or filters.outlet):
        keys = set(filters.countries) if filters.countries else None
        if filters.country:
            keys = {filters.country} if keys is None else keys & {filters.country}
        found = stored_alerts(store, by, frequency, None, filters.since, filters.until)
        if filters.dyad and by == "dyad":
            first, second = filters.dyad
            found = [a for a in found if a.key in (f"{first}>{second}", f"{second}>{first}")]
        return [a for a in found if keys is None or any(part in keys for part in a.key.split(">"))]
    detector = detector or default_detector(frequency)
    points = series(store, by, frequency, filters)
    return detector.fit(points).predict(points)


def contested(store: Store, filters: ClusterFilter | None = None, limit: int | None = None,
              offset: int = 0) -> list[ContestedClaim]:
    """Clusters whose sources disagree on who did it or whether it happened, newest first."""
    return stored_contested(store, filters, limit, offset)


def recurring_narratives(store: Store, min_count: int = 2, accuser: str | None = None,
                         limit: int | None = None) -> list[Narrative]:
    """Recurring accusations across every stored article (as of the last refresh)."""
    return stored_narratives(store, min_count, accuser, limit)


def overall_series(store: Store, watchlist: str | None = None, frequency: Frequency = "day",
                   since: str | None = None, until: str | None = None) -> list[SeriesPoint]:
    """The series of every event (each counted once) touching a watchlist, or of the whole store."""
    if watchlist is not None and watchlist not in load_watchlists():
        raise PresswatchError("PWE801", name=watchlist, known=", ".join(sorted(load_watchlists())))
    by, key = ("watchlist", watchlist) if watchlist else ("all", "ALL")
    return stored_series(store, by, frequency, [key], since, until)


def country_totals(store: Store, filters: ClusterFilter | None = None) -> list[tuple[str, int, float]]:
    """(country, events, conflict intensity) over the filters' period and countries, for maps."""
    filters = filters or ClusterFilter()
    if filters.type or filters.outlet or filters.dyad:
        totals: dict[str, list] = {}
        for point in series(store, "country", "day", filters):
            entry = totals.setdefault(point.key, [0, 0.0])
            entry[0] += point.events
            entry[1] += point.intensity
        return [(key, events, round(intensity, 2)) for key, (events, intensity) in sorted(totals.items())]
    keys = set(filters.countries) if filters.countries else None
    if filters.country:
        keys = {filters.country} if keys is None else keys & {filters.country}
    return series_totals(store, "country", sorted(keys) if keys is not None else None, filters.since, filters.until)
