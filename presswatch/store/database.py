"""The Store: opening and versioning a database, writing batches, integrity checks, basic reads."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import groupby
from pathlib import Path

from presswatch.errors import PresswatchError
from presswatch.records import Analysis, Failure
from presswatch.store.schema import (
    ADDED_COLUMNS,
    ADDED_INDEXES,
    SCHEMA,
    SCHEMA_VERSION,
    country_set,
)
from presswatch.tables import TABLES, rows

COUNTED_TABLES = ("documents", "entities", "mentions", "quotes", "events", "techniques", "errors", "runs")


@dataclass(frozen=True)
class RunCounts:
    """What one ingest run did."""

    stored: int = 0
    skipped: int = 0
    failed: int = 0
    warnings: int = 0


@dataclass(frozen=True)
class StoreStats:
    """Sizes and coverage of a store, for `presswatch stats`."""

    path: str
    schema_version: int
    tables: dict[str, int]
    first_published: str | None
    last_published: str | None
    outlets: list[tuple[str, int]]
    error_codes: list[tuple[str, int]]
    runs: list[dict[str, object]]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """A presswatch SQLite database; use as a context manager or call `close()`."""

    def __init__(self, path: str | Path, create: bool = True, readonly: bool = False) -> None:
        self.path = Path(path)
        if not create and not self.path.exists():
            raise PresswatchError("PWE904", path=self.path)
        uri = f"file:{self.path}?mode=ro" if readonly else f"file:{self.path}"
        try:
            self.connection = sqlite3.connect(uri, uri=True, timeout=30, isolation_level=None,
                                              check_same_thread=False)
            self.connection.execute("PRAGMA busy_timeout = 30000")
            self.connection.execute("PRAGMA foreign_keys = ON")
            self._prepare(readonly)
        except sqlite3.DatabaseError as exc:
            raise self._translate(exc) from exc

    def _translate(self, exc: sqlite3.Error) -> PresswatchError:
        message = str(exc)
        if "not a database" in message or "malformed" in message:
            return PresswatchError("PWE903", path=self.path, reason=message)
        return PresswatchError("PWE902", path=self.path, reason=message)

    def _prepare(self, readonly: bool) -> None:
        version = self.connection.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise PresswatchError("PWE901", path=self.path, found=version, supported=SCHEMA_VERSION)
        tables = {row[0] for row in self.connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if version == 0 and tables:
            raise PresswatchError("PWE903", path=self.path, reason="it has tables but no presswatch schema version")
        if readonly:
            if version == 0:
                raise PresswatchError("PWE903", path=self.path, reason="it is empty")
            if version < SCHEMA_VERSION:  # its tables lack columns the queries read
                raise PresswatchError("PWE905", path=self.path, found=version, supported=SCHEMA_VERSION)
            return
        self.connection.execute("PRAGMA journal_mode = WAL")
        self.connection.execute("PRAGMA synchronous = NORMAL")
        # every statement is CREATE ... IF NOT EXISTS (or DROP INDEX IF EXISTS of a replaced index), so running
        # them on each writable open also adds tables and indexes that a same-version database lacks
        with self.transaction():
            for statement in _statements(SCHEMA):
                self.connection.execute(statement)
            added = self._add_columns()
            if ("events", "date_method") in added:
                self._fill_date_columns()
            if ("events", "location_precision") in added:
                self._fill_location_columns()
            if ("cluster_countries", "date") in added:
                self.connection.execute("UPDATE cluster_countries SET date ="
                                        " (SELECT c.date FROM clusters c WHERE c.id = cluster_countries.cluster_id)")
            if ("clusters", "countries") in added:
                self._fill_cluster_country_sets()
            if 0 < version < SCHEMA_VERSION:
                # (the monitor package imports this module: import it when the store is made)
                from presswatch.monitor import derive_facet_series

                self.derive_cluster_keys()
                derive_facet_series(self)
            for statement in ADDED_INDEXES:
                self.connection.execute(statement)
            if version < SCHEMA_VERSION:
                self.connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _add_columns(self) -> set[tuple[str, str]]:
        """Add the columns of `ADDED_COLUMNS` a store made by an older version lacks; return them
        as (table, column) pairs."""
        added = set()
        for table, column, statement in ADDED_COLUMNS:
            present = {row[1] for row in self.connection.execute("SELECT * FROM pragma_table_info(?)", (table,))}
            if column not in present:
                self.connection.execute(statement)
                added.add((table, column))
        return added

    def _fill_date_columns(self) -> None:
        """Fill events.date_method from each stored analysis (its JSON always held the method) and
        events.date_until from the date's expression, as the dates stage reads a range of days."""
        from presswatch.dates.normalize import stored_until

        self.connection.execute(
            "UPDATE events SET date_method = (SELECT json_extract(j.value, '$.date.method')"
            " FROM documents d, json_each(d.analysis, '$.events') j"
            " WHERE d.id = events.document_id AND json_extract(j.value, '$.id') = events.event_id)"
            " WHERE date_value IS NOT NULL")
        ranges = [(until, document, event) for document, event, value, text in self.connection.execute(
                      "SELECT document_id, event_id, date_value, date_text FROM events"
                      " WHERE date_precision = 'day' AND date_text IS NOT NULL")
                  if (until := stored_until(text, value))]
        self.connection.executemany(
            "UPDATE events SET date_until = ? WHERE document_id = ? AND event_id = ?", ranges)

    def _fill_location_columns(self) -> None:
        """Fill events.location_precision and location_method from each stored analysis (its JSON
        always held both), then each cluster's from the member `summarize` took its place from: the
        first with that place, one with coordinates first, by `document_id:event_id`."""
        self.connection.execute(
            "UPDATE events SET (location_precision, location_method) = (SELECT"
            " json_extract(j.value, '$.location.precision'), json_extract(j.value, '$.location.method')"
            " FROM documents d, json_each(d.analysis, '$.events') j"
            " WHERE d.id = events.document_id AND json_extract(j.value, '$.id') = events.event_id)"
            " WHERE location_name IS NOT NULL")
        self.connection.execute(
            "UPDATE clusters SET location_precision = (SELECT e.location_precision"
            " FROM cluster_mentions m JOIN events e ON e.document_id = m.document_id AND e.event_id = m.event_id"
            " WHERE m.cluster_id = clusters.id AND e.location_name = clusters.location_name"
            " AND e.location_country IS clusters.location_country"
            " ORDER BY e.lat IS NULL, e.document_id || ':' || e.event_id LIMIT 1)"
            " WHERE location_name IS NOT NULL")

    def _fill_cluster_country_sets(self) -> None:
        """Fill clusters.countries from cluster_countries, as `refresh` writes it."""
        rows = self.connection.execute("SELECT cluster_id, country FROM cluster_countries ORDER BY cluster_id")
        self.connection.executemany("UPDATE clusters SET countries = ? WHERE id = ?", [
            (country_set(row[1] for row in members), cluster_id) for cluster_id, members in groupby(rows, key=lambda row: row[0])])

    def derive_cluster_keys(self) -> None:
        """Rewrite the clusters' lookup tables from the stored clusters, their mentions and contested
        claims: cluster_outlets and cluster_statuses (each cluster's outlets and mention statuses, by
        date), cluster_country_sets, cluster_type_sets and cluster_status_sets (per date, how many
        clusters have each set of countries, with their claims, in all, of each type and with each status).  `refresh` calls it after writing the
        clusters; an older store gets the tables on its first writable open."""
        for table in ("cluster_outlets", "cluster_statuses", "cluster_country_sets", "cluster_status_sets",
                      "cluster_type_sets"):
            self.connection.execute(f"DELETE FROM {table}")  # table names are constants
        self.connection.execute(
            "INSERT OR IGNORE INTO cluster_outlets SELECT DISTINCT m.cluster_id, d.outlet, c.date FROM cluster_mentions m"
            " JOIN documents d ON d.id = m.document_id JOIN clusters c ON c.id = m.cluster_id WHERE d.outlet <> ''")
        self.connection.execute(
            "INSERT OR IGNORE INTO cluster_statuses SELECT DISTINCT m.cluster_id, e.status, c.date FROM cluster_mentions m"
            " JOIN events e ON e.document_id = m.document_id AND e.event_id = m.event_id"
            " JOIN clusters c ON c.id = m.cluster_id WHERE e.status <> ''")
        self.connection.execute(
            "INSERT INTO cluster_country_sets SELECT c.date, c.countries, count(*), coalesce(sum(x.claims), 0)"
            " FROM clusters c LEFT JOIN (SELECT cluster_id, count(*) AS claims FROM contested GROUP BY cluster_id) x"
            " ON x.cluster_id = c.id GROUP BY 1, 2")
        self.connection.execute(
            "INSERT INTO cluster_type_sets SELECT c.type, c.date, c.countries, count(*), coalesce(sum(x.claims), 0)"
            " FROM clusters c LEFT JOIN (SELECT cluster_id, count(*) AS claims FROM contested GROUP BY cluster_id) x"
            " ON x.cluster_id = c.id GROUP BY 1, 2, 3")
        self.connection.execute(
            "INSERT INTO cluster_status_sets SELECT s.status, s.date, c.countries, count(*)"
            " FROM cluster_statuses s JOIN clusters c ON c.id = s.cluster_id GROUP BY 1, 2, 3")

    def transaction(self) -> _Transaction:
        """A context manager for one write transaction (BEGIN IMMEDIATE ... COMMIT/ROLLBACK)."""
        return _Transaction(self)

    def close(self) -> None:
        """Close the connection."""
        self.connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------

    def start_run(self, command: str) -> int:
        """Record the start of an ingest run and return its id."""
        with self.transaction():
            cursor = self.connection.execute("INSERT INTO runs(command, started_at) VALUES (?, ?)", (command, _now()))
        return int(cursor.lastrowid)

    def finish_run(self, run_id: int, counts: RunCounts) -> None:
        """Record the end of an ingest run and what it did."""
        with self.transaction():
            self.connection.execute(
                "UPDATE runs SET finished_at = ?, stored = ?, skipped = ?, failed = ?, warnings = ? WHERE id = ?",
                (_now(), counts.stored, counts.skipped, counts.failed, counts.warnings, run_id))

    def known_ids(self, ids: Iterable[str], pipeline: str | None = None) -> set[str]:
        """The subset of document ids already stored (by the pipeline with that digest, if given)."""
        wanted = list(dict.fromkeys(ids))
        found: set[str] = set()
        for offset in range(0, len(wanted), 500):
            chunk = wanted[offset:offset + 500]
            sql = f"SELECT id FROM documents WHERE id IN ({','.join('?' * len(chunk))})"
            if pipeline is not None:
                sql += " AND pipeline = ?"
                chunk = [*chunk, pipeline]
            found.update(row[0] for row in self.connection.execute(sql, chunk))
        return found

    def write_batch(self, analyses: Sequence[Analysis], failures: Sequence[Failure], run_id: int | None,
                    replace: bool = False) -> int:
        """Store analyses and failures in one transaction; return how many documents were written.

        With `replace`, a stored document with the same id is deleted first (its records go
        with it), so reprocessing swaps old records for new ones atomically.
        """
        stored = 0
        with self.transaction():
            for analysis in analyses:
                if replace:
                    self.connection.execute("DELETE FROM documents WHERE id = ?", (analysis.document.id,))
                stored += self._insert_analysis(analysis, run_id)
            for failure in failures:
                self.connection.execute(
                    "INSERT INTO errors(run_id, origin, line, code, severity, message, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (run_id, failure.origin, failure.line, failure.code, failure.severity, failure.message, _now()))
        return stored

    def _insert_analysis(self, analysis: Analysis, run_id: int | None) -> int:
        table_rows = rows(analysis)
        (document,) = table_rows.pop("documents")
        cursor = self.connection.execute(
            f"INSERT OR IGNORE INTO documents({_column_list(TABLES['documents'])}, run_id, ingested_at)"
            f" VALUES ({', '.join('?' * (len(document) + 2))})", (*document, run_id, _now()))
        if cursor.rowcount == 0:
            return 0
        for table, values in table_rows.items():
            self.connection.executemany(
                f"INSERT INTO {table}({_column_list(TABLES[table])}) VALUES ({', '.join('?' * len(TABLES[table]))})",
                values)
        return 1

    # -- reading -------------------------------------------------------------------------

    def get_analysis(self, document_id: str) -> Analysis | None:
        """The stored Analysis of a document, or None."""
        row = self.connection.execute("SELECT analysis FROM documents WHERE id = ?", (document_id,)).fetchone()
        return Analysis.from_json(row[0]) if row else None

    def iter_analyses(self) -> Iterator[Analysis]:
        """Every stored Analysis, oldest publication first."""
        for (data,) in self.connection.execute("SELECT analysis FROM documents ORDER BY published, doc_rowid"):
            yield Analysis.from_json(data)

    def iter_table(self, table: str) -> Iterator[tuple]:
        """Every row of one record table (`presswatch.tables.TABLES` layout), in storage order."""
        if table not in TABLES:
            raise ValueError(f"unknown table {table!r}; choose one of {sorted(TABLES)}")
        yield from self.connection.execute(f"SELECT {_column_list(TABLES[table])} FROM {table} ORDER BY rowid")

    def search(self, query: str, limit: int = 20) -> list[tuple[str, str | None, str]]:
        """Full-text search: (document id, title, snippet) best first (PWE802: bad FTS5 query).

        The best matches are picked first by bm25 (FTS5's rank) in a sort that keeps only `limit`
        rows; titles and snippets are then read for those alone.
        """
        try:
            best = [rowid for (rowid,) in self.connection.execute(
                "SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? ORDER BY bm25(documents_fts) LIMIT ?",
                (query, limit))]
            marks = ", ".join("?" * len(best))
            found = {rowid: (document, title, snippet) for rowid, document, title, snippet in self.connection.execute(
                "SELECT documents_fts.rowid, d.id, d.title, snippet(documents_fts, 1, '[', ']', '…', 12)"
                " FROM documents_fts JOIN documents d ON d.doc_rowid = documents_fts.rowid"
                f" WHERE documents_fts MATCH ? AND documents_fts.rowid IN ({marks})", (query, *best))}
        except sqlite3.OperationalError as exc:  # an FTS5 syntax error in the user's query (issue 11)
            raise PresswatchError("PWE802", value=query, what="search query", reason=str(exc)) from exc
        return [found[rowid] for rowid in best]

    def stats(self) -> StoreStats:
        """Counts per table, publication range, outlets, error codes and recent runs."""
        connection = self.connection
        tables = {name: connection.execute(f"SELECT count(*) FROM {name}").fetchone()[0] for name in COUNTED_TABLES}
        first, last = connection.execute("SELECT min(published), max(published) FROM documents").fetchone()
        outlets = connection.execute(
            "SELECT coalesce(outlet, '(unknown)'), count(*) FROM documents GROUP BY 1 ORDER BY 2 DESC, 1").fetchall()
        codes = connection.execute("SELECT code, count(*) FROM errors GROUP BY code ORDER BY 2 DESC, 1").fetchall()
        runs = [dict(zip(("id", "command", "started_at", "finished_at", "stored", "skipped", "failed", "warnings"), row, strict=True))
                for row in connection.execute("SELECT id, command, started_at, finished_at, stored, skipped, failed,"
                                              " warnings FROM runs ORDER BY id DESC LIMIT 5")]
        return StoreStats(str(self.path), SCHEMA_VERSION, tables, first, last, outlets, codes, runs)

    def check(self) -> list[str]:
        """Integrity problems (empty when healthy): SQLite integrity, foreign keys, FTS sync."""
        problems = [row[0] for row in self.connection.execute("PRAGMA integrity_check") if row[0] != "ok"]
        problems += [f"foreign key: {row[0]} row {row[1]} references missing {row[2]}"
                     for row in self.connection.execute("PRAGMA foreign_key_check")]
        try:
            self.connection.execute("INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)")
        except sqlite3.DatabaseError as exc:
            problems.append(f"full-text index out of sync: {exc}")
        orphans = self.connection.execute(
            "SELECT count(*) FROM documents d WHERE json_valid(d.analysis) = 0"
            " OR (SELECT count(*) FROM entities e WHERE e.document_id = d.id)"
            " != json_array_length(d.analysis, '$.entities')").fetchone()[0]
        if orphans:
            problems.append(f"{orphans} documents whose stored records do not match their analysis")
        return problems


class _Transaction:
    """BEGIN IMMEDIATE on enter; COMMIT on success, ROLLBACK on error; SQLite errors become PWE902."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def __enter__(self) -> None:
        try:
            self.store.connection.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise self.store._translate(exc) from exc

    def __exit__(self, kind: type | None, exc: BaseException | None, trace: object) -> bool:
        connection = self.store.connection
        if kind is None:
            try:
                connection.execute("COMMIT")
                return False
            except sqlite3.Error as error:
                connection.execute("ROLLBACK")
                raise self.store._translate(error) from error
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        if isinstance(exc, sqlite3.Error):
            raise self.store._translate(exc) from exc
        return False


def _column_list(columns: tuple[str, ...]) -> str:
    """Column names quoted for SQL; they come from the fixed `TABLES` layout, never from input."""
    return ", ".join(f'"{column}"' for column in columns)


def _statements(script: str) -> Iterator[str]:
    """Split a schema script into complete statements (triggers contain semicolons)."""
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            yield buffer.strip()
            buffer = ""
