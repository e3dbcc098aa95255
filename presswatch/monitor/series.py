"""Daily and weekly series per country and per dyad, computed from clusters (not mentions)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import Literal

from presswatch.monitor.records import EventCluster, SeriesPoint

Frequency = Literal["day", "week"]
VIOLENCE = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
PROTEST = frozenset({"Protests", "Riots"})
DAY_PRECISE = frozenset({"day", "published"})
EVIDENCE = 10  # cluster ids kept per point, strongest first


def sql_list(values: Iterable[str]) -> str:
    """A sorted SQL list of string literals ("'Protests', 'Riots'"), for the sets above in SQLite or Spark SQL."""
    return ", ".join("'" + value.replace("'", "''") + "'" for value in sorted(values))


def period_of(day: str, frequency: Frequency) -> str:
    """The period a day falls in: the day itself, or the Monday of its ISO week."""
    value = date.fromisoformat(day[:10])
    return (value - timedelta(days=value.weekday())).isoformat() if frequency == "week" else value.isoformat()


def country_keys(cluster: EventCluster) -> set[str]:
    """The countries a cluster counts for: its source, target and place countries."""
    return {c for c in (cluster.source_country, cluster.target_country, cluster.location_country) if c}


def dyad_key(cluster: EventCluster) -> str | None:
    """`SOURCE>TARGET` when both are known and differ."""
    if cluster.source_country and cluster.target_country and cluster.source_country != cluster.target_country:
        return f"{cluster.source_country}>{cluster.target_country}"
    return None


SeriesBy = Literal["country", "dyad", "watchlist", "all"]


def series_keys_of(cluster: EventCluster, by: SeriesBy, watchlists: Mapping[str, Iterable[str]]) -> set[str]:
    """The series a cluster counts in: its countries, its dyad, the watchlists it touches, or ALL."""
    if by == "country":
        return country_keys(cluster)
    if by == "dyad":
        return {dyad_key(cluster)} - {None}
    if by == "watchlist":
        countries = country_keys(cluster)
        return {name for name, members in watchlists.items() if countries & set(members)}
    return {"ALL"}


def build_series(clusters: Iterable[EventCluster], by: SeriesBy = "country", frequency: Frequency = "day",
                 keys: set[str] | None = None, watchlists: Mapping[str, Iterable[str]] | None = None,
                 ) -> list[SeriesPoint]:
    """One SeriesPoint per (key, period) with at least one cluster.

    Only clusters dated to a day count (from the text, or from the publication date when the
    text gives none); month- and year-dated ones are left out of daily and weekly series.
    A cluster counts once in each series it belongs to (`series_keys_of`); `keys` restricts
    country and dyad series (a watchlist of countries, or dyads).
    """
    buckets: dict[tuple[str, str], list[EventCluster]] = defaultdict(list)
    for cluster in clusters:
        if cluster.date_precision not in DAY_PRECISE:
            continue
        series_keys = series_keys_of(cluster, by, watchlists or {})
        if keys is not None and by in ("country", "dyad"):
            series_keys = {key for key in series_keys if key in keys or any(part in keys for part in key.split(">"))}
        for key in series_keys:
            buckets[(key, period_of(cluster.date, frequency))].append(cluster)
    return [_point(key, period, group) for (key, period), group in sorted(buckets.items())]


def _point(key: str, period: str, group: list[EventCluster]) -> SeriesPoint:
    quads = Counter(cluster.quad_class for cluster in group)
    return SeriesPoint(
        key=key, period=period, events=len(group),
        quad_class=tuple(quads.get(number, 0) for number in (1, 2, 3, 4)),
        intensity=round(sum(abs(c.goldstein or 0) for c in group if c.quad_class in (3, 4)), 2),
        goldstein=round(sum(c.goldstein or 0 for c in group), 2),
        protests=sum(1 for c in group if c.acled_event_type in PROTEST),
        violence=sum(1 for c in group if c.acled_event_type in VIOLENCE),
        types=tuple(sorted(Counter(c.type for c in group).items())),
        clusters=tuple(c.id for c in sorted(group, key=lambda c: (-(abs(c.goldstein or 0)), c.id))[:EVIDENCE]))
