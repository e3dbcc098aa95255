"""Monitor queries: event mentions with their articles, and the stored event clusters."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from presswatch.monitor.dedup import PLACE_BOUND
from presswatch.monitor.records import (
    Alert,
    ContestedClaim,
    ContestedSide,
    EventCluster,
    EventMention,
    Narrative,
    SeriesPoint,
)
from presswatch.monitor.series import DAY_PRECISE, EVIDENCE, PROTEST, VIOLENCE, sql_list
from presswatch.store.database import Store
from presswatch.store.schema import country_set

# The sentence of a mention the monitor reads it for: material conflict (casualty figures) and
# events bound to one place, whose renewal or continuation cues tell dedup apart ("a second night of
# protests").  Shared with the Spark monitor.
PLACE_BOUND_TYPES = ", ".join(f"'{kind}'" for kind in sorted(PLACE_BOUND))
SENTENCE_COLUMN = (f"CASE WHEN e.quad_class = 4 OR e.type IN ({PLACE_BOUND_TYPES})"
                   " THEN substr(d.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) END")
MENTION_COLUMNS = (
    "e.document_id, e.event_id, e.type, e.cameo, e.quad_class, e.goldstein, e.acled_event_type, e.source_country,"
    " e.target_country, e.source_text, e.target_text, e.date_value, e.date_precision, e.location_name,"
    " e.location_country, e.lat, e.lon, e.status, e.trigger_start, e.trigger_end, e.trigger_text,"
    " d.published, d.outlet, d.title, d.url, q.speaker_name,"
    f" {SENTENCE_COLUMN}, e.date_until, e.date_method, e.location_precision"
)
MENTION_JOINS = (
    " FROM events e JOIN documents d ON d.id = e.document_id"
    " LEFT JOIN quotes q ON q.document_id = e.document_id AND q.quote_id = e.attributed_to"
)
CLUSTER_COLUMNS = (
    "c.id, c.type, c.cameo, c.quad_class, c.goldstein, c.acled_event_type, c.source_country, c.target_country, c.date,"
    " c.date_precision, c.location_name, c.location_country, c.lat, c.lon, c.confidence, c.location_precision"
)


@dataclass(frozen=True)
class ClusterFilter:
    """Filters shared by the CLI, the web pages and the API; None means no filter."""

    country: str | None = None
    dyad: tuple[str, str] | None = None  # (source, target), either order matches
    type: str | None = None
    since: str | None = None
    until: str | None = None
    outlet: str | None = None
    countries: tuple[str, ...] | None = None  # a watchlist


def event_mentions(store: Store, document_ids: Sequence[str] | None = None) -> list[EventMention]:
    """Every stored event mention (or those of some documents) with its article's metadata."""
    sql = f"SELECT {MENTION_COLUMNS}{MENTION_JOINS}"
    parameters: list[str] = []
    if document_ids is not None:
        sql += f" WHERE e.document_id IN ({','.join('?' * len(document_ids))})"
        parameters = list(document_ids)
    return [EventMention(*row) for row in store.connection.execute(sql + " ORDER BY e.document_id, e.event_id",
                                                                     parameters)]


@dataclass(frozen=True)
class MonitorViews:
    """Everything `monitor.refresh` computes, stored together."""

    clusters: Sequence[EventCluster]
    contested: Sequence[ContestedClaim]
    series: Sequence[tuple[str, str, SeriesPoint]]  # (by, frequency, point)
    alerts: Sequence[tuple[str, str, Alert]]  # (by, frequency, alert) under the default detector
    narratives: Sequence[Narrative]


def replace_monitor(store: Store, views: MonitorViews) -> int:
    """Replace every stored monitor view in one transaction; return the number of clusters."""
    count = 0
    clusters, claims, points = views.clusters, views.contested, views.series
    with store.transaction():
        # the lookup tables go before the clusters: their cascade has no cluster_id index to delete by
        for table in ("narratives", "alerts", "series", "contested", "cluster_status_sets", "cluster_country_sets",
                      "cluster_statuses", "cluster_outlets", "cluster_countries", "cluster_mentions", "clusters"):
            store.connection.execute(f"DELETE FROM {table}")  # table names are constants
        for cluster in clusters:
            count += 1
            store.connection.execute(
                "INSERT INTO clusters VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (cluster.id, cluster.type, cluster.cameo, cluster.quad_class, cluster.goldstein, cluster.acled_event_type,
                 cluster.source_country, cluster.target_country, cluster.date, cluster.date_precision,
                 cluster.location_name, cluster.location_country, cluster.lat, cluster.lon, cluster.confidence,
                 cluster.articles, cluster.outlets, cluster.earliest_report, cluster.location_precision,
                 country_set(cluster.countries)))
            store.connection.executemany("INSERT INTO cluster_mentions VALUES (?, ?, ?)",
                                         [(cluster.id, m.document_id, m.event_id) for m in cluster.mentions])
            store.connection.executemany("INSERT INTO cluster_countries VALUES (?, ?, ?)",
                                         [(cluster.id, country, cluster.date) for country in sorted(cluster.countries)])
        store.connection.executemany("INSERT INTO contested VALUES (?, ?, ?, ?)", [
            (claim.cluster.id, claim.kind, claim.cluster.date, json.dumps([{"claim": side.claim, "mentions": [m.key for m in side.mentions]}
                                                       for side in claim.sides])) for claim in claims])
        store.derive_cluster_keys()
        store.connection.executemany("INSERT INTO series VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                     [(by, frequency, *series_row(point)) for by, frequency, point in points])
        derive_facet_series(store)
        store.connection.executemany("INSERT INTO alerts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", [
            (by, frequency, a.key, a.period, a.metric, a.value, a.baseline, a.score, ",".join(a.evidence))
            for by, frequency, a in views.alerts])
        store.connection.executemany("INSERT INTO narratives VALUES (?, ?, ?, ?, ?, ?, ?)", [
            (n.accuser, n.target, n.type, n.count, n.first_seen, n.last_seen, json.dumps(n.outlets))
            for n in views.narratives])
    return count


def count_contested(store: Store, filters: ClusterFilter | None = None) -> int:
    """How many stored contested claims are on clusters matching `filters`."""
    filters = filters or ClusterFilter()
    if _only_watchlist(filters):
        return _watchlist_count(store, filters, "claims")
    source, parameters = _contested_source(filters, ordered=False)
    return store.connection.execute(f"SELECT count(*){source}", parameters).fetchone()[0]


def _contested_source(filters: ClusterFilter, ordered: bool = True) -> tuple[str, list]:
    """FROM and WHERE over the contested claims k on clusters c matching `filters`.

    The period is read on k.date (the cluster's date) by k's date index.  A page keeps k the outer
    loop, newest first, so it stops after its rows: a LEFT JOIN (every claim has its cluster) with a
    country or an outlet, a CROSS JOIN with a type or a watchlist (SQLite would start from the
    type's index and sort); a dyad (a small share of the clusters) and a count leave SQLite free to
    start from an index of c.  c is left out when no filter reads it.
    """
    clauses, parameters = _period(filters, "k.date")
    rest, values = _clauses(replace(filters, since=None, until=None))
    kind = "" if filters.dyad or not ordered else "LEFT " if filters.country or filters.outlet else "CROSS "
    join = f" {kind}JOIN clusters c ON c.id = k.cluster_id" if rest else ""
    where = (" WHERE " + " AND ".join([*clauses, *rest])) if clauses or rest else ""
    return f" FROM contested k{join}{where}", [*parameters, *values]


def stored_alerts(store: Store, by: str, frequency: str, keys: Iterable[str] | None = None,
                  since: str | None = None, until: str | None = None) -> list[Alert]:
    """Alerts stored by the last refresh (default detector), strongest first."""
    where, parameters = _period_where(by, frequency, keys, since, until)
    sql = f"SELECT key, period, metric, value, baseline, score, evidence FROM alerts{where}"
    return [Alert(key, period, metric, value, baseline, score, tuple(filter(None, evidence.split(","))))
            for key, period, metric, value, baseline, score, evidence
            in store.connection.execute(sql + " ORDER BY score DESC, period, key", parameters)]


def stored_narratives(store: Store, min_count: int = 2, accuser: str | None = None,
                      limit: int | None = None) -> list[Narrative]:
    """Narratives stored by the last refresh, most frequent first."""
    sql = "SELECT accuser, target, type, count, first_seen, last_seen, outlets FROM narratives WHERE count >= ?"
    parameters: list = [min_count]
    if accuser is not None:
        sql += " AND accuser = ?"
        parameters.append(accuser)
    sql += " ORDER BY count DESC, accuser, target, type"
    if limit is not None:
        sql += " LIMIT ?"
        parameters.append(limit)
    return [Narrative(*row[:6], tuple(json.loads(row[6]))) for row in store.connection.execute(sql, parameters)]


def series_totals(store: Store, by: str, keys: Iterable[str] | None = None, since: str | None = None,
                  until: str | None = None) -> list[tuple[str, int, float]]:
    """(key, events, intensity) summed over the daily series in a period."""
    where, parameters = _period_where(by, "day", keys, since, until)
    sql = f"SELECT key, sum(events), round(sum(intensity), 2) FROM series{where}"
    return [tuple(row) for row in store.connection.execute(sql + " GROUP BY key ORDER BY key", parameters)]


def _period_where(by: str, frequency: str, keys: Iterable[str] | None, since: str | None,
                  until: str | None, parts: Iterable[str] | None = None) -> tuple[str, list]:
    """WHERE clause over the series and alerts tables: family, keys, dyads with a country among
    `parts` (either side of 'SOURCE>TARGET') and period range."""
    clauses, parameters = ["by = ?", "frequency = ?"], [by, frequency]
    if keys is not None:
        keys = list(keys)
        clauses.append(f"key IN ({','.join('?' * len(keys))})")
        parameters += keys
    if parts is not None:
        parts = list(parts)
        marks = ",".join("?" * len(parts))
        clauses.append(f"(substr(key, 1, instr(key, '>') - 1) IN ({marks}) OR substr(key, instr(key, '>') + 1) IN ({marks}))")
        parameters += parts * 2
    if since:
        clauses.append("period >= ?")
        parameters.append(since)
    if until:
        clauses.append("period <= ?")
        parameters.append(until)
    return " WHERE " + " AND ".join(clauses), parameters


@lru_cache(maxsize=4096)
def _type_count(pair: str) -> tuple[str, int]:
    """("ASSAULT", 3) from "ASSAULT:3"; series repeat few such pairs, so each is parsed once."""
    kind, _, count = pair.partition(":")
    return kind, int(count)


def stored_series(store: Store, by: str, frequency: str, keys: Iterable[str] | None = None,
                  since: str | None = None, until: str | None = None, parts: Iterable[str] | None = None,
                  page: tuple[int, int] | None = None, facet: tuple[str, str] | None = None) -> list[SeriesPoint]:
    """Stored series points, ordered by key and period; with `page` (limit, offset) that page alone;
    with `facet` ("type" or "outlet", its value) those of that type's or outlet's clusters."""
    source, parameters = _series_source(by, frequency, keys, since, until, parts, facet)
    sql = ("SELECT key, period, events, q1, q2, q3, q4, intensity, goldstein, protests, violence, types, clusters"
           f"{source} ORDER BY key, period")
    if page is not None:
        sql += " LIMIT ? OFFSET ?"
        parameters += list(page)
    # (a stored zero reads 0.0; build_series sums no nonzero Goldstein score to the integer 0)
    return [SeriesPoint(key, period, events, (q1, q2, q3, q4), intensity or 0, goldstein or 0, protests, violence,
                        tuple(map(_type_count, types.split(","))), tuple(clusters.split(",")))
            for key, period, events, q1, q2, q3, q4, intensity, goldstein, protests, violence, types, clusters
            in store.connection.execute(sql, parameters)]


def count_stored_series(store: Store, by: str, frequency: str, keys: Iterable[str] | None = None,
                        since: str | None = None, until: str | None = None, parts: Iterable[str] | None = None,
                        facet: tuple[str, str] | None = None) -> int:
    """How many points `stored_series` would return without a page."""
    source, parameters = _series_source(by, frequency, keys, since, until, parts, facet)
    return store.connection.execute(f"SELECT count(*){source}", parameters).fetchone()[0]


def _series_source(by: str, frequency: str, keys: Iterable[str] | None, since: str | None, until: str | None,
                   parts: Iterable[str] | None, facet: tuple[str, str] | None) -> tuple[str, list]:
    """FROM and WHERE over the stored points of the series table, or of facet_series for a facet."""
    where, parameters = _period_where(by, frequency, keys, since, until, parts)
    if facet is None:
        return f" FROM series{where}", parameters
    return f" FROM facet_series{where} AND facet = ? AND value = ?", [*parameters, *facet]


def stored_contested(store: Store, filters: ClusterFilter | None = None, limit: int | None = None,
                     offset: int = 0) -> list[ContestedClaim]:
    """Stored contested claims on clusters matching `filters`, newest first."""
    filters = filters or ClusterFilter()
    if filters.countries is not None and not _watchlist_count(store, filters, "claims"):
        return []  # no claim on a cluster of the watchlist in the period (the stored country sets)
    source, parameters = _contested_source(filters)
    sql = f"SELECT k.cluster_id, k.kind, k.sides{source} ORDER BY k.date DESC, k.cluster_id, k.kind"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        parameters += [limit, offset]
    rows = store.connection.execute(sql, parameters).fetchall()
    clusters = {cluster.id: cluster for cluster in _clusters_by_id(store, sorted({row[0] for row in rows}))}
    claims = []
    for cluster_id, kind, sides in rows:
        cluster = clusters[cluster_id]
        by_key = {mention.key: mention for mention in cluster.mentions}
        claims.append(ContestedClaim(cluster, kind, tuple(
            ContestedSide(side["claim"], tuple(by_key[key] for key in side["mentions"] if key in by_key))
            for side in json.loads(sides))))
    return claims


def _clauses(filters: ClusterFilter) -> tuple[list[str], list]:
    """Conditions on the clusters c matching `filters`, with their parameters."""
    clauses, parameters = [], []
    if filters.country:
        clauses.append("c.id IN (SELECT cluster_id FROM cluster_countries WHERE country = ?)")
        parameters.append(filters.country)
    if filters.dyad:
        clauses.append("((c.source_country = ? AND c.target_country = ?) OR (c.source_country = ? AND c.target_country = ?))")
        first, second = filters.dyad
        parameters.extend([first, second, second, first])
    if filters.type:
        clauses.append("c.type = ?")
        parameters.append(filters.type)
    period, values = _period(filters, "c.date")
    clauses += period
    parameters += values
    if filters.outlet:
        clauses.append("c.id IN (SELECT cluster_id FROM cluster_outlets WHERE outlet = ?)")
        parameters.append(filters.outlet)
    if filters.countries is not None:  # each row's set of countries among the stored sets that meet the watchlist
        # (the distinct sets first, a few dozen: 'LIMIT -1' keeps SQLite from testing every (date, set) row)
        meets = " OR ".join(["instr(',' || countries || ',', ',' || ? || ',') > 0"] * len(filters.countries)) or "0"
        clauses.append("c.countries IN (SELECT countries FROM (SELECT DISTINCT countries FROM cluster_country_sets"
                       f" LIMIT -1) WHERE {meets})")
        parameters.extend(filters.countries)
    return clauses, parameters


def _period(filters: ClusterFilter, column: str) -> tuple[list[str], list]:
    """Conditions putting a cluster's date `column` in the filters' period (`until` takes the whole day)."""
    clauses, parameters = [], []
    if filters.since:
        clauses.append(f"{column} >= ?")
        parameters.append(filters.since)
    if filters.until:
        clauses.append(f"{column} <= ?")
        parameters.append(filters.until + "\uffff")
    return clauses, parameters


# Whether the cluster of a row (its date and id columns) has a mention of a status: one seek of the key.
STATUS_PROBE = "EXISTS (SELECT 1 FROM cluster_statuses s WHERE s.status = ? AND s.date = {0}.date AND s.cluster_id = {0}.{1})"


def cluster_query(filters: ClusterFilter, clauses: Sequence[str] = (), parameters: Sequence = (),
                  page: tuple[int, int] | None = None, reads_clusters: bool = True,
                  status: str | None = None) -> tuple[str, list]:
    """FROM and WHERE over the clusters c matching `filters`, `clauses` and having a mention of
    `status`; with `page` (limit, offset; limit -1 for all), then their ORDER BY newest first and
    that page.

    A country, an outlet or (with no other filter but a period or a watchlist) a status reads that key's
    clusters k from cluster_countries, cluster_outlets or cluster_statuses by its (key, date)
    index, newest first (the LEFT JOIN keeps k the outer loop; every k row has its cluster), and a
    watchlist's page with no other filter but a period merges its countries' indexes (a UNION of
    ordered arms): a page stops after its rows, however common or rare the keys.  A count that
    reads nothing of c (`reads_clusters` False, no other filter) reads k alone.  Otherwise a
    status is a probe of each cluster left.
    """
    limit = [] if page is None else list(page)
    alone = replace(filters, since=None, until=None, countries=None) == ClusterFilter() and not clauses
    for table, column, value, others in (("cluster_countries", "country", filters.country, replace(filters, country=None)),
                                         ("cluster_outlets", "outlet", filters.outlet, replace(filters, outlet=None)),
                                         ("cluster_statuses", "status", status if alone else None, filters)):
        if value:
            probe = ([STATUS_PROBE.format("k", "cluster_id")], [status]) if status and column != "status" else ([], [])
            where, values, on_clusters = _keyed_where(others, column, value, clauses, parameters, probe)
            join = " LEFT JOIN clusters c ON c.id = k.cluster_id" if reads_clusters or on_clusters else ""
            order = " ORDER BY k.date DESC, k.cluster_id LIMIT ? OFFSET ?" if page else ""
            return f" FROM {table} k{join} WHERE {where}{order}", [*values, *limit]
    if status:
        clauses, parameters = [*clauses, STATUS_PROBE.format("c", "id")], [*parameters, status]
    others, _ = _clauses(replace(filters, since=None, until=None, countries=None))
    if filters.countries and page and not (others or clauses):  # a watchlist, perhaps with a period
        period, period_values = _period(filters, "k.date")
        arm = " AND ".join(["SELECT k.date, k.cluster_id FROM cluster_countries k WHERE k.country = ?", *period])
        values = [value for country in filters.countries for value in (country, *period_values)]
        return (f" FROM clusters c WHERE c.id IN (SELECT cluster_id FROM ({' UNION '.join([arm] * len(filters.countries))}"
                " ORDER BY 1 DESC, 2 LIMIT ? OFFSET ?)) ORDER BY c.date DESC, c.id", [*values, *limit])
    rest, values = _clauses(filters)
    where = (" WHERE " + " AND ".join([*rest, *clauses])) if rest or clauses else ""
    order = " ORDER BY c.date DESC, c.id LIMIT ? OFFSET ?" if page else ""
    return f" FROM clusters c{where}{order}", [*values, *parameters, *limit]


def _keyed_where(others: ClusterFilter, column: str, value: str, clauses: Sequence[str],
                 parameters: Sequence, probe: tuple[list[str], list]) -> tuple[str, list, bool]:
    """WHERE over the clusters k of one country, outlet or status (`others`: the filters left;
    `probe`: conditions on k's own columns), its values, and whether it reads c."""
    period, period_values = _period(others, "k.date")  # k.date is c.date
    keyed, values = [f"k.{column} = ?", *period, *probe[0]], [value, *period_values, *probe[1]]
    countries = others.countries
    if column == "country" and countries and value in countries:  # a watchlist holding the country
        countries = None
    rest, rest_values = _clauses(replace(others, since=None, until=None, countries=countries))
    return " AND ".join([*keyed, *rest, *clauses]), [*values, *rest_values, *parameters], bool(rest or clauses)


def stored_clusters(store: Store, filters: ClusterFilter | None = None, limit: int | None = None,
                    offset: int = 0) -> list[EventCluster]:
    """Stored clusters matching `filters`, newest first, with their mentions."""
    source, parameters = cluster_query(filters or ClusterFilter(), page=(-1 if limit is None else limit, offset))
    return _with_mentions(store, store.connection.execute(f"SELECT {CLUSTER_COLUMNS}{source}", parameters).fetchall())


def cluster_series(store: Store, filters: ClusterFilter, by: str, frequency: str,
                   keys: Iterable[str] | None = None) -> list[SeriesPoint]:
    """`build_series` of the day-dated clusters matching `filters`, aggregated in SQL.  Over a
    period, a weekly series holds the weeks that begin in it, whole, as the stored series do."""
    if frequency == "week" and (filters.since or filters.until):
        points = cluster_series(store, replace(filters, since=None, until=None), by, frequency, keys)
        return [point for point in points if (filters.since or "") <= point.period <= (filters.until or "9")]
    source, parameters = cluster_query(filters, ("c.date_precision IN (?, ?)",), sorted(DAY_PRECISE))
    return [point for _, point in _aggregated_series(store, source, parameters, by, frequency, keys,
                                                     one_type=filters.type)]


# The clusters each facet's series counts, one row per (facet value, cluster): a type's, an outlet's.
FACET_SOURCES = {
    "type": ("c.type", " FROM clusters c WHERE c.date_precision IN (?, ?)"),
    "outlet": ("o.outlet", " FROM cluster_outlets o JOIN clusters c ON c.id = o.cluster_id"
                           " WHERE c.date_precision IN (?, ?)"),
}


def derive_facet_series(store: Store) -> None:
    """Rewrite facet_series from the stored clusters: the daily and weekly series per country and
    per dyad of each type's and each outlet's clusters, as `cluster_series` builds them for a
    type or an outlet filter.  `refresh` calls it after writing the clusters and their outlets; an
    older store gets the table on its first writable open."""
    store.connection.execute("DELETE FROM facet_series")
    for facet, (column, source) in FACET_SOURCES.items():
        for by in ("country", "dyad"):
            for frequency in ("day", "week"):
                points = _aggregated_series(store, source, sorted(DAY_PRECISE), by, frequency, facet=column,
                                            facet_is_type=facet == "type")
                store.connection.executemany(
                    "INSERT INTO facet_series VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [(facet, value, by, frequency, *series_row(point)) for value, point in points])


def series_row(point: SeriesPoint) -> tuple:
    """A point as the series tables store it, from its key to its evidence."""
    return (point.key, point.period, point.events, *point.quad_class, point.intensity, point.goldstein,
            point.protests, point.violence, ",".join(f"{kind}:{count}" for kind, count in point.types),
            ",".join(point.clusters))


def _aggregated_series(store: Store, source: str, parameters: Sequence, by: str, frequency: str,
                       keys: Iterable[str] | None = None, one_type: str | None = None, facet: str | None = None,
                       facet_is_type: bool = False) -> Iterator[tuple[str | None, SeriesPoint]]:
    """(facet value, point) of the clusters c of `source` (FROM and WHERE), one GROUP BY per point
    over each cluster's series keys (its countries, or its dyad) and period, by the `facet` column
    too when given, ordered by it, key and period.  `one_type`: every cluster has that type, as
    has every cluster of a facet value with `facet_is_type`.  The evidence ids are picked here from
    each point's ids and exact strengths (`quote` keeps every digit): SQL gives no order inside a group."""
    day = "substr(c.date, 1, 10)"
    period = f"date({day}, '-6 days', 'weekday 1')" if frequency == "week" else day
    # with one type per point there is no list of types to read back
    kinds = "" if one_type or facet_is_type else ", group_concat(type, ',')"
    facet_column = f"{facet} AS facet" if facet else "NULL AS facet"
    columns = ("m.facet, m.type, m.q1, m.q2, m.q3, m.q4, m.intensity, m.goldstein, m.protest, m.violence, m.id,"
               " m.strength, m.period")
    if by == "country":
        arms = [("source_country", ""), ("target_country", " AND target_country IS NOT source_country"),
                ("location_country", " AND location_country IS NOT source_country AND location_country IS NOT target_country")]
        keyed = " UNION ALL ".join(f"SELECT {column} AS key, {columns} FROM m WHERE {column} <> ''{distinct}"
                                   for column, distinct in arms)
        wanted = "key IN ({})"
    else:
        keyed = (f"SELECT source_country || '>' || target_country AS key, {columns} FROM m"
                 " WHERE source_country <> '' AND target_country <> '' AND source_country <> target_country")
        wanted = "(substr(key, 1, instr(key, '>') - 1) IN ({0}) OR substr(key, instr(key, '>') + 1) IN ({0}))"
    keys = sorted(keys) if keys is not None else None
    if keys is not None:
        wanted = wanted.format(",".join("?" * len(keys)))
        keyed = f"SELECT * FROM ({keyed}) WHERE {wanted}"
        parameters = [*parameters, *keys * (1 if by == "country" else 2)]
    # each cluster's share of a point, computed once however many series it counts in
    quads = ", ".join(f"coalesce(c.quad_class = {n}, 0) AS q{n}" for n in range(1, 5))
    sql = (f"WITH m AS MATERIALIZED (SELECT {facet_column}, c.type, {quads},"
           " CASE WHEN c.quad_class IN (3, 4) AND c.goldstein <> 0 THEN abs(c.goldstein) END AS intensity,"
           " CASE WHEN c.goldstein <> 0 THEN c.goldstein END AS goldstein,"
           f" coalesce(c.acled_event_type IN ({sql_list(PROTEST)}), 0) AS protest,"
           f" coalesce(c.acled_event_type IN ({sql_list(VIOLENCE)}), 0) AS violence, c.id,"
           " quote(-abs(coalesce(c.goldstein, 0))) AS strength, c.source_country, c.target_country, c.location_country,"
           f" {period} AS period{source})"
           " SELECT facet, key, period, count(*), sum(q1), sum(q2), sum(q3), sum(q4), sum(intensity), sum(goldstein),"
           f" sum(protest), sum(violence), group_concat(id, ','), group_concat(strength, ','){kinds}"
           f" FROM ({keyed}) GROUP BY facet, key, period ORDER BY facet, key, period")
    # a sum of no nonzero Goldstein score is build_series' integer 0
    for (value, key, period, events, q1, q2, q3, q4, intensity, goldstein, protests, violence, ids, strengths,
         *types) in store.connection.execute(sql, parameters):
        kind = value if facet_is_type else one_type
        yield value, SeriesPoint(key, period, events, (q1, q2, q3, q4), 0 if intensity is None else round(intensity, 2),
                                 0 if goldstein is None else round(goldstein, 2), protests, violence,
                                 ((kind, events),) if kind else tuple(sorted(Counter(types[0].split(",")).items())),
                                 _evidence(ids, strengths))


def _evidence(ids: str, strengths: str) -> tuple[str, ...]:
    """The EVIDENCE ids of a point strongest first (ties by id), as build_series keeps them;
    `strengths` are minus each cluster's Goldstein magnitude."""
    if "," not in ids:
        return (ids,)
    values = strengths.split(",")
    if values.count(values[0]) == len(values):  # one strength (often so within a type): ids alone order them
        return tuple(sorted(ids.split(","))[:EVIDENCE])
    ranked = sorted(zip(map(float, values), ids.split(","), strict=True))
    return tuple(cluster_id for _, cluster_id in ranked[:EVIDENCE])


def _clusters_by_id(store: Store, ids: Sequence[str]) -> list[EventCluster]:
    heads = []
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        heads += store.connection.execute(f"SELECT {CLUSTER_COLUMNS} FROM clusters c WHERE c.id IN"
                                          f" ({','.join('?' * len(chunk))})", chunk).fetchall()
    return _with_mentions(store, heads)


def _with_mentions(store: Store, heads: list[tuple]) -> list[EventCluster]:
    if not heads:
        return []
    ids = [row[0] for row in heads]
    members: dict[str, list[EventMention]] = defaultdict(list)
    for chunk_start in range(0, len(ids), 500):
        chunk = ids[chunk_start:chunk_start + 500]
        rows = store.connection.execute(
            f"SELECT cm.cluster_id, {MENTION_COLUMNS}{MENTION_JOINS}"
            " JOIN cluster_mentions cm ON cm.document_id = e.document_id AND cm.event_id = e.event_id"
            f" WHERE cm.cluster_id IN ({','.join('?' * len(chunk))})", chunk)
        for cluster_id, *values in rows:
            members[cluster_id].append(EventMention(*values))
    return [EventCluster(*row[:14], mentions=tuple(sorted(members[row[0]], key=lambda m: m.key)),
                         confidence=row[14], location_precision=row[15]) for row in heads]


def count_clusters(store: Store, filters: ClusterFilter | None = None) -> int:
    """How many stored clusters match `filters`."""
    filters = filters or ClusterFilter()
    if _only_watchlist(filters):
        return _watchlist_count(store, filters, "clusters")
    source, parameters = cluster_query(filters, reads_clusters=False)
    return store.connection.execute(f"SELECT count(*){source}", parameters).fetchone()[0]


def _only_watchlist(filters: ClusterFilter, typed: bool = True) -> bool:
    """Whether `filters` is a watchlist, perhaps with a period (and with `typed`, a type), and nothing else."""
    return filters.countries is not None and filters == ClusterFilter(
        since=filters.since, until=filters.until, countries=filters.countries, type=filters.type if typed else None)


def _watchlist_count(store: Store, filters: ClusterFilter, column: str, status: str | None = None) -> int:
    """Clusters (or contested claims, `column` "claims"; or clusters with a mention of `status`)
    touching a watchlist in a period, of the filters' type if any (not with `status`), summed over
    the stored country sets (no scan of clusters)."""
    clauses, parameters = _period(filters, "date")
    table = "cluster_country_sets"
    if status:
        table, clauses, parameters = "cluster_status_sets", ["status = ?", *clauses], [status, *parameters]
    elif filters.type:
        table, clauses, parameters = "cluster_type_sets", ["type = ?", *clauses], [filters.type, *parameters]
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    watched = set(filters.countries or ())
    return sum(number for countries, number in store.connection.execute(
        f"SELECT countries, sum({column}) FROM {table}{where} GROUP BY countries", parameters)
        if watched.intersection(countries.split(",")))
