"""The SQLite store: round trip, idempotence, integrity, schema versions, bad files."""

from __future__ import annotations

import dataclasses
import sqlite3

import pytest

from presswatch.errors import PresswatchError
from presswatch.records import EventDate, Failure, Location
from presswatch.store import SCHEMA_VERSION, Store
from tests.unit.test_records import full_analysis


def test_write_and_read_back(tmp_path):
    analysis = full_analysis()
    with Store(tmp_path / "s.db") as store:
        run = store.start_run("test")
        assert store.write_batch([analysis], [Failure("bad.txt", "PWE101", "[PWE101] bad.txt: empty")], run) == 1
        assert store.get_analysis(analysis.document.id) == analysis
        assert store.known_ids([analysis.document.id, "nope"]) == {analysis.document.id}
        stats = store.stats()
        assert stats.tables["documents"] == 1 and stats.tables["events"] == 1 and stats.tables["quotes"] == 1
        assert stats.tables["mentions"] == 1 and stats.tables["techniques"] == 1
        assert stats.error_codes == [("PWE101", 1)]
        assert store.check() == []
        assert [hit[0] for hit in store.search("village")] == [analysis.document.id]


def test_writing_twice_stores_once(tmp_path):
    analysis = full_analysis()
    with Store(tmp_path / "s.db") as store:
        assert store.write_batch([analysis, analysis], [], None) == 1
        assert store.write_batch([analysis], [], None) == 0
        assert store.stats().tables["entities"] == 1


def test_batch_is_atomic(tmp_path):
    good = full_analysis()
    with Store(tmp_path / "s.db") as store:
        with pytest.raises(AttributeError):
            store.write_batch([good, "not an analysis"], [], None)  # type: ignore[list-item]
        assert store.stats().tables["documents"] == 0
        assert store.check() == []


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "future.db"
    with sqlite3.connect(path) as connection:
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(PresswatchError) as info:
        Store(path)
    assert info.value.code == "PWE901" and "upgrade" in str(info.value)


def test_foreign_database_and_garbage_file_are_refused(tmp_path):
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE t (x)")
    with pytest.raises(PresswatchError) as info:
        Store(other)
    assert info.value.code == "PWE903"
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(PresswatchError) as info:
        Store(garbage)
    assert info.value.code == "PWE903"


def test_missing_database_for_reading(tmp_path):
    with pytest.raises(PresswatchError) as info:
        Store(tmp_path / "absent.db", create=False)
    assert info.value.code == "PWE904"


def test_read_only_database_gives_a_clear_error(tmp_path):
    path = tmp_path / "s.db"
    Store(path).close()
    with Store(path, readonly=True) as store:
        with pytest.raises(PresswatchError) as info:
            store.write_batch([full_analysis()], [], None)
    assert info.value.code == "PWE902" and "readonly" in str(info.value)


def test_check_finds_a_half_written_document(tmp_path):
    analysis = full_analysis()
    with Store(tmp_path / "s.db") as store:
        store.write_batch([analysis], [], None)
        store.connection.execute("DELETE FROM entities")
        assert any("do not match" in problem for problem in store.check())


def make_older_store(path, version, columns):
    """Make the store at `path` look as schema `version` wrote it (without `columns`); a read-only
    open must then refuse it with PWE905, whose exception info is returned."""
    with sqlite3.connect(path) as connection:
        for table, column in columns:
            connection.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
        connection.execute(f"PRAGMA user_version = {version}")
    with pytest.raises(PresswatchError) as info:
        Store(path, create=False, readonly=True)
    assert info.value.code == "PWE905"
    return info


def test_a_version_2_store_gets_the_date_columns_filled_from_what_it_holds(tmp_path):
    analysis = full_analysis()
    ranged = EventDate("2022-09-11", "day", "over the night of 11 to 12 September", 50, 70,
                       "report:DAY_RANGE_MONTH", until="2022-09-12")
    analysis = dataclasses.replace(analysis, events=(dataclasses.replace(analysis.events[0], date=ranged),))
    path = tmp_path / "old.db"
    with Store(path) as store:
        store.write_batch([analysis], [], None)
    info = make_older_store(path, 2, (("events", "date_until"), ("events", "date_method"),
                                      ("events", "location_precision"), ("events", "location_method"),
                                      ("clusters", "location_precision")))
    assert "presswatch refresh" in str(info.value)
    with Store(path) as store:
        assert store.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert store.connection.execute("SELECT date_until, date_method FROM events").fetchall() == [
            ("2022-09-12", "report:DAY_RANGE_MONTH")]
        assert store.check() == []
    with Store(path, create=False, readonly=True) as store:
        assert list(store.iter_table("events"))[0][-4:-2] == ("2022-09-12", "report:DAY_RANGE_MONTH")


def test_a_version_3_store_gets_the_place_precision_of_its_events_and_clusters(tmp_path):
    from presswatch import monitor
    from presswatch.store.monitoring import stored_clusters

    analysis = full_analysis()
    place = Location("Kotayk", "ARM", "Kotayk", None, None, 60, 66, "admin1", "clause", ("ARM",))
    analysis = dataclasses.replace(analysis, events=(dataclasses.replace(analysis.events[0], location=place),))
    path = tmp_path / "old.db"
    with Store(path) as store:
        store.write_batch([analysis], [], None)
        assert monitor.refresh(store) == 1
    make_older_store(path, 3, (("events", "location_precision"), ("events", "location_method"),
                               ("clusters", "location_precision")))
    with Store(path) as store:
        assert store.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert store.connection.execute("SELECT location_precision, location_method FROM events").fetchall() == [
            ("admin1", "clause")]
        assert store.check() == []
    with Store(path, create=False, readonly=True) as store:
        assert list(store.iter_table("events"))[0][-2:] == ("admin1", "clause")
        (cluster,) = stored_clusters(store)
        assert cluster.location_precision == "admin1" and cluster.mentions[0].location_precision == "admin1"
