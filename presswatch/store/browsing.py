"""Read queries for the dashboard and the API: documents, quotes, speakers, outlets, counts.

Every value binds as a parameter; the cluster filters are the monitor's (`ClusterFilter`), with
the status of the mentions as an extra filter.  Rows come back as small frozen records.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from presswatch.errors import PresswatchError
from presswatch.monitor.records import EventCluster
from presswatch.store.database import Store
from presswatch.store.monitoring import (
    ClusterFilter,
    _clusters_by_id,
    _only_watchlist,
    _watchlist_count,
    cluster_query,
    count_clusters,
)

DAY_PRECISE = ("day", "published")
PROGRESS_STEPS = 200  # SQLite VM instructions between two checks of the time limit


class QueryTimeout(Exception):
    """A query ran past the time limit given to `time_limit`."""


def timeout_message(milliseconds: int) -> str:
    """What to tell a user whose query was cut off."""
    return f"the query took longer than {milliseconds} ms; narrow the filters"


@contextmanager
def time_limit(store: Store, milliseconds: int) -> Iterator[None]:
    """Abort queries on `store` once they have used `milliseconds` of CPU (raises QueryTimeout).

    CPU time of the querying thread, not wall time: a server busy with many clients makes
    requests wait, and waiting must not turn a cheap query into a 503.
    """
    started: dict[int, float] = {}
    budget = milliseconds / 1000

    def over_budget() -> int:
        now = time.thread_time()
        return int(now - started.setdefault(threading.get_ident(), now) > budget)

    store.connection.set_progress_handler(over_budget, PROGRESS_STEPS)
    try:
        yield
    except sqlite3.OperationalError as exc:
        if "interrupted" in str(exc):
            raise QueryTimeout(timeout_message(milliseconds)) from exc
        raise
    finally:
        store.connection.set_progress_handler(None, PROGRESS_STEPS)


@dataclass(frozen=True)
class DocumentFilter:
    """Filters of the documents list; None means no filter. `query` is an FTS5 query."""

    outlet: str | None = None
    since: str | None = None
    until: str | None = None
    query: str | None = None


@dataclass(frozen=True)
class DocumentSummary:
    """One stored article without its text, with how much was found in it."""

    id: str
    title: str | None
    url: str | None
    outlet: str | None
    published: str | None
    quotes: int
    events: int
    techniques: int


@dataclass(frozen=True)
class QuoteRecord:
    """A stored quote with its article's metadata (for speaker pages and the quotes API)."""

    document_id: str
    quote_id: str
    kind: str
    content: str
    cue: str | None
    speaker_text: str | None
    speaker: str | None
    published: str | None
    title: str | None
    outlet: str | None


@dataclass(frozen=True)
class SpeakerSummary:
    """A speaker (resolved name) and how often and when they are quoted."""

    name: str
    quotes: int
    documents: int
    first_seen: str | None
    last_seen: str | None
    country: str | None


@dataclass(frozen=True)
class Count:
    """A label and a count (top outlets, technique counts, activity per month)."""

    label: str
    count: int


@dataclass(frozen=True)
class QuadCount:
    """How many day-dated event clusters of one QuadClass fall on one day."""

    day: str
    quad_class: int | None
    count: int


def _document_where(filters: DocumentFilter) -> tuple[str, list]:
    clauses, parameters = [], []
    if filters.outlet:
        clauses.append("d.outlet = ?")
        parameters.append(filters.outlet)
    if filters.since:
        clauses.append("d.published >= ?")
        parameters.append(filters.since)
    if filters.until:
        clauses.append("d.published <= ?")
        parameters.append(filters.until + "\uffff")
    if filters.query:  # "+": no lookup of every match by rowid, a page walks the publication index and stops
        clauses.append("+d.doc_rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)")
        parameters.append(filters.query)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", parameters


def _run(store: Store, sql: str, parameters: list, query: str | None = None) -> list[tuple]:
    """Execute; an FTS5 syntax error in the user's query becomes PWE802."""
    try:
        return store.connection.execute(sql, parameters).fetchall()
    except sqlite3.OperationalError as exc:
        if query and "interrupted" not in str(exc):
            raise PresswatchError("PWE802", value=query, what="search query", reason=str(exc)) from exc
        raise


def documents(store: Store, filters: DocumentFilter | None = None, limit: int = 50,
              offset: int = 0) -> list[DocumentSummary]:
    """Stored articles matching `filters`, newest publication first."""
    filters = filters or DocumentFilter()
    where, parameters = _document_where(filters)
    rows = _run(store,
                "SELECT d.id, d.title, d.url, d.outlet, d.published,"
                " (SELECT count(*) FROM quotes q WHERE q.document_id = d.id),"
                " (SELECT count(*) FROM events e WHERE e.document_id = d.id),"
                " (SELECT count(*) FROM techniques t WHERE t.document_id = d.id)"
                f" FROM documents d{where} ORDER BY d.published DESC, d.doc_rowid DESC LIMIT ? OFFSET ?",
                [*parameters, limit, offset], filters.query)
    return [DocumentSummary(*row) for row in rows]


def count_documents(store: Store, filters: DocumentFilter | None = None) -> int:
    """How many stored articles match `filters` (a bare search counts in the full-text index alone)."""
    filters = filters or DocumentFilter()
    if filters.query and filters == DocumentFilter(query=filters.query):
        return _run(store, "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?", [filters.query],
                    filters.query)[0][0]
    where, parameters = _document_where(filters)
    return _run(store, f"SELECT count(*) FROM documents d{where}", parameters, filters.query)[0][0]


def _quote_where(speaker: str | None, since: str | None, until: str | None) -> tuple[str, list]:
    clauses, parameters = ["q.speaker_name IS NOT NULL AND q.speaker_name != ''"], []
    if speaker is not None:
        clauses.append("q.speaker_name = ?")
        parameters.append(speaker)
    if since:
        clauses.append("d.published >= ?")
        parameters.append(since)
    if until:
        clauses.append("d.published <= ?")
        parameters.append(until + "\uffff")
    return " WHERE " + " AND ".join(clauses), parameters


def quotes(store: Store, speaker: str | None = None, since: str | None = None, until: str | None = None,
           limit: int = 50, offset: int = 0) -> list[QuoteRecord]:
    """Quotes with a named speaker (or one speaker's), oldest publication first."""
    where, parameters = _quote_where(speaker, since, until)
    rows = store.connection.execute(
        "SELECT q.document_id, q.quote_id, q.kind, q.content_text, q.cue_text, q.speaker_text, q.speaker_name,"
        " d.published, d.title, d.outlet FROM quotes q JOIN documents d ON d.id = q.document_id"
        f"{where} ORDER BY d.published, q.document_id, q.content_start LIMIT ? OFFSET ?",
        [*parameters, limit, offset]).fetchall()
    return [QuoteRecord(*row) for row in rows]


def count_quotes(store: Store, speaker: str | None = None, since: str | None = None,
                 until: str | None = None) -> int:
    """How many quotes `quotes()` would return without a limit."""
    where, parameters = _quote_where(speaker, since, until)
    return store.connection.execute(
        f"SELECT count(*) FROM quotes q JOIN documents d ON d.id = q.document_id{where}", parameters).fetchone()[0]


SPEAKER_SUMMARY = (
    "SELECT q.speaker_name, count(*), count(DISTINCT q.document_id), min(d.published), max(d.published),"
    " max(en.country) FROM quotes q JOIN documents d ON d.id = q.document_id"
    " LEFT JOIN entities en ON en.document_id = q.document_id AND en.entity_id = q.speaker_entity"
)


def refresh_summaries(store: Store) -> None:
    """Recompute the speaker list and the technique and outlet totals (lists without a period read them)."""
    where, parameters = _quote_where(None, None, None)
    with store.transaction():
        store.connection.execute("DELETE FROM speakers")
        store.connection.execute(f"INSERT INTO speakers {SPEAKER_SUMMARY}{where} GROUP BY q.speaker_name",
                                 parameters)
        store.connection.execute("DELETE FROM totals")
        store.connection.execute("INSERT INTO totals SELECT 'technique', technique, count(*) FROM techniques"
                                 " GROUP BY technique")
        store.connection.execute("INSERT INTO totals SELECT 'outlet', coalesce(outlet, '(unknown)'), count(*)"
                                 " FROM documents GROUP BY 2")


def speakers(store: Store, since: str | None = None, until: str | None = None, limit: int = 50,
             offset: int = 0) -> list[SpeakerSummary]:
    """Named speakers, most quoted first, with the country of their entity when known."""
    if since is None and until is None:  # the list kept by the last refresh
        rows = store.connection.execute("SELECT * FROM speakers ORDER BY quotes DESC, name LIMIT ? OFFSET ?",
                                        (limit, offset)).fetchall()
        return [SpeakerSummary(*row) for row in rows]
    where, parameters = _quote_where(None, since, until)
    rows = store.connection.execute(
        f"{SPEAKER_SUMMARY}{where} GROUP BY q.speaker_name ORDER BY 2 DESC, 1 LIMIT ? OFFSET ?",
        [*parameters, limit, offset]).fetchall()
    return [SpeakerSummary(*row) for row in rows]


def count_speakers(store: Store, since: str | None = None, until: str | None = None) -> int:
    """How many distinct named speakers `speakers()` would list."""
    if since is None and until is None:
        return store.connection.execute("SELECT count(*) FROM speakers").fetchone()[0]
    where, parameters = _quote_where(None, since, until)
    return store.connection.execute(
        f"SELECT count(DISTINCT q.speaker_name) FROM quotes q JOIN documents d ON d.id = q.document_id{where}",
        parameters).fetchone()[0]


def speaker_activity(store: Store, name: str) -> list[Count]:
    """Quotes of one speaker per publication month (YYYY-MM), oldest first."""
    rows = store.connection.execute(
        "SELECT substr(d.published, 1, 7), count(*) FROM quotes q JOIN documents d ON d.id = q.document_id"
        " WHERE q.speaker_name = ? AND d.published IS NOT NULL GROUP BY 1 ORDER BY 1", (name,)).fetchall()
    return [Count(*row) for row in rows]


def top_outlets(store: Store, since: str | None = None, until: str | None = None, limit: int = 10) -> list[Count]:
    """Outlets with the most stored articles in the period."""
    if since is None and until is None:
        return _totals(store, "outlet", limit)
    where, parameters = _document_where(DocumentFilter(since=since, until=until))
    rows = store.connection.execute(
        f"SELECT coalesce(d.outlet, '(unknown)'), count(*) FROM documents d{where} GROUP BY 1"
        " ORDER BY 2 DESC, 1 LIMIT ?", [*parameters, limit]).fetchall()
    return [Count(*row) for row in rows]


def technique_counts(store: Store, since: str | None = None, until: str | None = None) -> list[Count]:
    """Persuasion techniques found in the period, most frequent first."""
    if since is None and until is None:
        return _totals(store, "technique", None)
    where, parameters = _document_where(DocumentFilter(since=since, until=until))
    rows = store.connection.execute(
        f"SELECT t.technique, count(*) FROM techniques t JOIN documents d ON d.id = t.document_id{where}"
        " GROUP BY 1 ORDER BY 2 DESC, 1", parameters).fetchall()
    return [Count(*row) for row in rows]


def _totals(store: Store, kind: str, limit: int | None) -> list[Count]:
    rows = store.connection.execute("SELECT name, count FROM totals WHERE kind = ? ORDER BY count DESC, name"
                                    " LIMIT ?", (kind, -1 if limit is None else limit)).fetchall()
    return [Count(*row) for row in rows]


def _cluster_query(filters: ClusterFilter | None, status: str | None, clauses: tuple[str, ...] = (),
                   parameters: tuple = (), page: tuple[int, int] | None = None,
                   reads_clusters: bool = True) -> tuple[str, list]:
    """`monitoring.cluster_query` with a mention status as one more filter."""
    return cluster_query(filters or ClusterFilter(), clauses, parameters, page, reads_clusters, status)


def quad_class_timeline(store: Store, filters: ClusterFilter | None = None) -> list[QuadCount]:
    """Day-dated event clusters per day and QuadClass (the overview's timeline)."""
    source, parameters = _cluster_query(filters, None, ("c.date_precision IN (?, ?)",), DAY_PRECISE)
    rows = store.connection.execute(
        f"SELECT substr(c.date, 1, 10), c.quad_class, count(*){source} GROUP BY 1, 2 ORDER BY 1, 2",
        parameters).fetchall()
    return [QuadCount(*row) for row in rows]


def browse_clusters(store: Store, filters: ClusterFilter | None = None, status: str | None = None,
                    limit: int = 50, offset: int = 0) -> list[EventCluster]:
    """Stored clusters matching the monitor's filters and a mention status, newest first."""
    source, parameters = _cluster_query(filters, status, page=(limit, offset))
    ids = [row[0] for row in store.connection.execute(f"SELECT c.id{source}", parameters)]
    found = {cluster.id: cluster for cluster in clusters_by_id(store, ids)}
    return [found[i] for i in ids if i in found]


def count_browse_clusters(store: Store, filters: ClusterFilter | None = None, status: str | None = None) -> int:
    """How many clusters `browse_clusters` would return without a limit."""
    if not status:
        return count_clusters(store, filters)
    if filters is not None and _only_watchlist(filters, typed=False):
        return _watchlist_count(store, filters, "clusters", status)
    source, parameters = _cluster_query(filters, status, reads_clusters=False)
    return store.connection.execute(f"SELECT count(*){source}", parameters).fetchone()[0]


def clusters_by_id(store: Store, ids: list[str]) -> list[EventCluster]:
    """The stored clusters with these ids (unknown ids are left out), with their mentions."""
    return _clusters_by_id(store, ids)
