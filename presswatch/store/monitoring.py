"""Monitor queries: event mentions with their articles, and the stored event clusters."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from presswatch.monitor.records import EventCluster, EventMention
from presswatch.store.database import Store

MENTION_COLUMNS = (
    "e.document_id, e.event_id, e.type, e.cameo, e.quad_class, e.goldstein, e.acled_event_type, e.source_country,"
    " e.target_country, e.source_text, e.target_text, e.date_value, e.date_precision, e.location_name,"
    " e.location_country, e.lat, e.lon, e.status, e.trigger_start, e.trigger_end, e.trigger_text,"
    " d.published, d.outlet, d.title, d.url, q.speaker_name"
)
MENTION_JOINS = (
    " FROM events e JOIN documents d ON d.id = e.document_id"
    " LEFT JOIN quotes q ON q.document_id = e.document_id AND q.quote_id = e.attributed_to"
)
CLUSTER_COLUMNS = (
    "c.id, c.type, c.cameo, c.quad_class, c.goldstein, c.acled_event_type, c.source_country, c.target_country, c.date,"
    " c.date_precision, c.location_name, c.location_country, c.lat, c.lon, c.confidence"
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


def replace_clusters(store: Store, clusters: Iterable[EventCluster]) -> int:
    """Replace every stored cluster with `clusters` in one transaction; return how many."""
    count = 0
    with store.transaction():
        for table in ("cluster_countries", "cluster_mentions", "clusters"):
            store.connection.execute(f"DELETE FROM {table}")  # table names are constants
        for cluster in clusters:
            count += 1
            store.connection.execute(
                "INSERT INTO clusters VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (cluster.id, cluster.type, cluster.cameo, cluster.quad_class, cluster.goldstein, cluster.acled_event_type,
                 cluster.source_country, cluster.target_country, cluster.date, cluster.date_precision,
                 cluster.location_name, cluster.location_country, cluster.lat, cluster.lon, cluster.confidence,
                 cluster.articles, cluster.outlets, cluster.earliest_report))
            store.connection.executemany("INSERT INTO cluster_mentions VALUES (?, ?, ?)",
                                         [(cluster.id, m.document_id, m.event_id) for m in cluster.mentions])
            store.connection.executemany("INSERT INTO cluster_countries VALUES (?, ?)",
                                         [(cluster.id, country) for country in sorted(cluster.countries)])
    return count


def _where(filters: ClusterFilter) -> tuple[str, list]:
    clauses, parameters = [], []
    if filters.country:
        clauses.append("c.id IN (SELECT cluster_id FROM cluster_countries WHERE country = ?)")
        parameters.append(filters.country)
    if filters.countries is not None:
        marks = ",".join("?" * len(filters.countries))
        clauses.append(f"c.id IN (SELECT cluster_id FROM cluster_countries WHERE country IN ({marks}))")
        parameters.extend(filters.countries)
    if filters.dyad:
        clauses.append("((c.source_country = ? AND c.target_country = ?) OR (c.source_country = ? AND c.target_country = ?))")
        first, second = filters.dyad
        parameters.extend([first, second, second, first])
    if filters.type:
        clauses.append("c.type = ?")
        parameters.append(filters.type)
    if filters.since:
        clauses.append("c.date >= ?")
        parameters.append(filters.since)
    if filters.until:
        clauses.append("c.date <= ?")
        parameters.append(filters.until + "\uffff")
    if filters.outlet:
        clauses.append("c.id IN (SELECT cm.cluster_id FROM cluster_mentions cm JOIN documents d"
                       " ON d.id = cm.document_id WHERE d.outlet = ?)")
        parameters.append(filters.outlet)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", parameters


def stored_clusters(store: Store, filters: ClusterFilter | None = None, limit: int | None = None,
                    offset: int = 0) -> list[EventCluster]:
    """Stored clusters matching `filters`, newest first, with their mentions."""
    where, parameters = _where(filters or ClusterFilter())
    sql = f"SELECT {CLUSTER_COLUMNS} FROM clusters c{where} ORDER BY c.date DESC, c.id"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        parameters += [limit, offset]
    heads = store.connection.execute(sql, parameters).fetchall()
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
                         confidence=row[14]) for row in heads]


def count_clusters(store: Store, filters: ClusterFilter | None = None) -> int:
    """How many stored clusters match `filters`."""
    where, parameters = _where(filters or ClusterFilter())
    return store.connection.execute(f"SELECT count(*) FROM clusters c{where}", parameters).fetchone()[0]
