"""Monitor queries on the store: filtered pages, counts and series equal the direct computation."""

from __future__ import annotations

import dataclasses
import importlib
import random
import sqlite3
from datetime import date, timedelta

import pytest

from presswatch import monitor
from presswatch.monitor.series import build_series
from presswatch.records import (
    Analysis,
    Document,
    Event,
    EventDate,
    Extent,
    Location,
    Participant,
    make_span,
)
from presswatch.store import SCHEMA_VERSION, Store, browsing
from presswatch.store.monitoring import (
    ClusterFilter,
    cluster_query,
    cluster_series,
    count_clusters,
    count_contested,
    derive_facet_series,
    stored_clusters,
    stored_series,
)
from tests.unit.test_store import make_older_store

COUNTRIES = ("ARM", "GEO", "KAZ", "MDA", "UZB")
OUTLETS = ("Alpha Post", "Beta News", "Gamma Daily", "Delta Times")
STATUSES = ("asserted", "negated", "asserted", "hypothetical")
KINDS = (("ASSAULT", "190", -10.0, 4), ("CONSULT", "040", 1.0, 1), ("PROTEST", "140", -6.5, 3))


def generated(number: int, rng: random.Random) -> Analysis:
    """An article with three coded events between two of COUNTRIES (placeholder text, valid offsets)."""
    text = " ".join(f"Item{n} was logged." for n in range(3))
    published = date(2023, 3, 1) + timedelta(days=rng.randrange(60))
    document = Document.from_text(f"{text} Note {number}.", title=f"Log {number}", outlet=rng.choice(OUTLETS),
                                  published=published.isoformat())
    events = []
    for n in range(3):
        kind, cameo, goldstein, quad = rng.choice(KINDS)
        source, target = rng.sample(COUNTRIES, 2)
        start = text.index(f"Item{n}")
        events.append(Event(f"v{n + 1}", kind, make_span(document.text, start, start + 5),
                            Extent(start, start + len(f"Item{n} was logged.")), status=STATUSES[(number + n) % 4],
                            cameo=cameo,
                            goldstein=goldstein, quad_class=quad, source=Participant(None, source, "GOV", source),
                            target=Participant(None, target, "GOV", target),
                            date=EventDate(published.isoformat(), "day"),
                            location=Location(f"Site {rng.randrange(50)}", target)))
    return Analysis(document, (Extent(0, len(document.text)),), (), (), tuple(events))


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("queries") / "s.db"
    rng = random.Random(11)
    with Store(path) as store:
        store.write_batch([generated(number, rng) for number in range(60)], [], None)
        assert monitor.refresh(store) > 100
    return path


def newest_first(clusters):
    return sorted(sorted(clusters, key=lambda c: c.id), key=lambda c: c.date, reverse=True)


def matches(cluster, filters: ClusterFilter) -> bool:
    outlets = {mention.outlet for mention in cluster.mentions}
    dyad = filters.dyad and {cluster.source_country, cluster.target_country} == set(filters.dyad)
    return ((filters.country is None or filters.country in cluster.countries)
            and (filters.countries is None or bool(cluster.countries & set(filters.countries)))
            and (filters.outlet is None or filters.outlet in outlets)
            and (filters.dyad is None or dyad)
            and (filters.type is None or cluster.type == filters.type)
            and (filters.since is None or cluster.date >= filters.since)
            and (filters.until is None or cluster.date[:10] <= filters.until))


FILTERS = (ClusterFilter(country="KAZ"), ClusterFilter(outlet="Beta News"),
           ClusterFilter(country="GEO", outlet="Delta Times", type="ASSAULT"),
           ClusterFilter(country="ARM", since="2023-03-20", until="2023-04-05"),
           ClusterFilter(outlet="Gamma Daily", since="2023-04-01"), ClusterFilter(country="MDA", until="2023-03-10"),
           ClusterFilter(country="TKM"), ClusterFilter(outlet="Nobody Weekly"), ClusterFilter(countries=("ARM", "KAZ")),
           ClusterFilter(countries=("GEO", "MDA"), type="CONSULT", since="2023-03-10"),
           ClusterFilter(countries=("UZB", "ARM"), country="KAZ"), ClusterFilter(countries=("TKM", "BLR")),
           ClusterFilter(countries=("MDA", "GEO", "USA"), since="2023-03-12", until="2023-04-02"),
           ClusterFilter(countries=("GEO", "KAZ"), dyad=("KAZ", "ARM")),
           ClusterFilter(countries=("ARM", "UZB", "USA"), type="ASSAULT", until="2023-04-01"))


@pytest.mark.parametrize("filters", FILTERS)
def test_a_country_or_outlet_page_and_count_equal_the_direct_computation(store_path, filters):
    with Store(store_path, create=False, readonly=True) as store:
        expected = newest_first(c for c in stored_clusters(store) if matches(c, filters))
        assert monitor.clusters(store, filters, limit=7, offset=3) == expected[3:10]
        assert monitor.clusters(store, filters, limit=None) == expected
        assert count_clusters(store, filters) == len(expected)
        assert [c.id for c in browsing.browse_clusters(store, filters, None, 5, 2)] == [c.id for c in expected[2:7]]
        assert browsing.count_browse_clusters(store, filters) == len(expected)


@pytest.mark.parametrize("filters", [*FILTERS, ClusterFilter(), ClusterFilter(type="PROTEST", since="2023-03-25")])
@pytest.mark.parametrize("status", ["negated", "hypothetical", "attributed"])
def test_clusters_with_a_mention_of_a_status_equal_the_direct_computation(store_path, filters, status):
    with Store(store_path, create=False, readonly=True) as store:
        expected = [c.id for c in newest_first(stored_clusters(store)) if matches(c, filters)
                    and any(mention.status == status for mention in c.mentions)]
        assert [c.id for c in browsing.browse_clusters(store, filters, status, 6, 2)] == expected[2:8]
        assert [c.id for c in browsing.browse_clusters(store, filters, status, 1000)] == expected
        assert browsing.count_browse_clusters(store, filters, status) == len(expected)


@pytest.mark.parametrize("filters", [*FILTERS, ClusterFilter(since="2023-03-15", until="2023-04-10"),
                                     ClusterFilter(type="ASSAULT", until="2023-04-01")])
def test_contested_claims_and_their_count_equal_the_direct_computation(store_path, filters):
    with Store(store_path, create=False, readonly=True) as store:
        every = monitor.contested(store)
        expected = [claim for claim in every if matches(claim.cluster, filters)]
        assert monitor.contested(store, filters) == expected
        assert monitor.contested(store, filters, limit=2, offset=1) == expected[1:3]
        assert count_contested(store, filters) == len(expected)
        assert len(every) > 5


@pytest.mark.parametrize("by", ["country", "dyad", "watchlist", "all"])
@pytest.mark.parametrize("frequency", ["day", "week"])
def test_stored_series_equal_the_series_of_the_stored_clusters(store_path, by, frequency):
    with Store(store_path, create=False, readonly=True) as store:
        direct = build_series(stored_clusters(store), by, frequency, watchlists=monitor.load_watchlists())
        assert stored_series(store, by, frequency) == sorted(direct, key=lambda p: (p.key, p.period))
        assert direct


def test_a_version_4_store_gets_its_cluster_dates_outlets_and_country_sets(tmp_path, store_path):
    path = tmp_path / "old.db"
    with sqlite3.connect(store_path) as source, sqlite3.connect(path) as target:
        source.backup(target)
    filters = (ClusterFilter(country="UZB"), ClusterFilter(outlet="Alpha Post"), ClusterFilter(countries=("KAZ", "MDA")))
    with Store(path, create=False, readonly=True) as store:
        before = [monitor.clusters(store, f, limit=None) for f in filters]
        counts = [count_clusters(store, f) for f in filters]
        claims = count_contested(store, filters[-1])
        negated = [c.id for c in browsing.browse_clusters(store, filters[0], "negated", 1000)]
    with sqlite3.connect(path) as connection:  # as version 4 left it
        connection.execute("DROP INDEX cluster_countries_date")
        for table in ("cluster_outlets", "cluster_country_sets", "cluster_statuses"):
            connection.execute(f"DROP TABLE {table}")
    make_older_store(path, 4, (("cluster_countries", "date"), ("clusters", "countries")))
    with Store(path) as store:
        assert store.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 8
        assert store.connection.execute("SELECT count(*) FROM cluster_countries k JOIN clusters c"
                                        " ON c.id = k.cluster_id WHERE k.date IS NOT c.date").fetchone()[0] == 0
        assert store.check() == []
    with Store(path, create=False, readonly=True) as store:
        assert [monitor.clusters(store, f, limit=None) for f in filters] == before
        assert [count_clusters(store, f) for f in filters] == counts == [len(found) for found in before]
        assert count_contested(store, filters[-1]) == claims == len(monitor.contested(store, filters[-1])) > 0
        assert [c.id for c in browsing.browse_clusters(store, filters[0], "negated", 1000)] == negated != []
        assert all(before)


def test_a_version_5_store_gets_its_cluster_statuses_and_country_sets(tmp_path, store_path):
    path = tmp_path / "five.db"
    with sqlite3.connect(store_path) as source, sqlite3.connect(path) as target:
        source.backup(target)
    watched = ClusterFilter(countries=("GEO", "UZB"), type="PROTEST")

    def found(store):
        return ([browsing.count_browse_clusters(store, ClusterFilter(), status) for status in ("asserted", "negated")],
                monitor.clusters(store, watched, limit=None), monitor.contested(store, dataclasses.replace(watched, type=None)))

    with Store(path, create=False, readonly=True) as store:
        expected = found(store)
    with sqlite3.connect(path) as connection:  # as version 5 left it
        connection.execute("DROP TABLE cluster_statuses")
    make_older_store(path, 5, (("clusters", "countries"),))
    with Store(path) as store:
        assert found(store) == expected
        assert all(expected[0]) and expected[1] and expected[2]


def test_a_version_6_store_gets_its_status_sets(tmp_path, store_path):
    path = tmp_path / "six.db"
    with sqlite3.connect(store_path) as source, sqlite3.connect(path) as target:
        source.backup(target)
    watchlists = [ClusterFilter(countries=("GEO", "UZB")), ClusterFilter(countries=("ARM", "KAZ"), since="2023-03-20")]

    def counts(store):
        return [browsing.count_browse_clusters(store, f, status) for f in watchlists for status in ("negated", "asserted")]

    with Store(path, create=False, readonly=True) as store:
        expected = counts(store)
    with sqlite3.connect(path) as connection:  # as version 6 left it
        connection.execute("DROP TABLE cluster_status_sets")
    make_older_store(path, 6, ())
    with Store(path) as store:
        assert counts(store) == expected
        assert all(expected)


def test_a_version_7_store_gets_its_facet_series(tmp_path, store_path):
    path = tmp_path / "seven.db"
    with sqlite3.connect(store_path) as source, sqlite3.connect(path) as target:
        source.backup(target)
    filters = [ClusterFilter(type="ASSAULT"), ClusterFilter(outlet="Beta News", since="2023-03-20")]
    with Store(path, create=False, readonly=True) as store:
        expected = [monitor.series(store, by, "week", f) for f in filters for by in ("country", "dyad")]
    with sqlite3.connect(path) as connection:  # as version 7 left it
        connection.execute("DROP TABLE facet_series")
    make_older_store(path, 7, ())
    with Store(path) as store:
        assert [monitor.series(store, by, "week", f) for f in filters for by in ("country", "dyad")] == expected
        assert all(expected)


@pytest.mark.parametrize("facet", [("type", "ASSAULT"), ("type", "PROTEST"), ("outlet", "Alpha Post"), ("outlet", "Gamma Daily")])
@pytest.mark.parametrize("by", ["country", "dyad"])
@pytest.mark.parametrize("frequency", ["day", "week"])
def test_a_type_or_outlet_series_is_read_from_the_facet_series_refresh_stored(store_path, tmp_path, facet, by,
                                                                               frequency):
    filters = ClusterFilter(**dict([facet]))
    path = tmp_path / "facets.db"
    with sqlite3.connect(store_path) as source, sqlite3.connect(path) as target:
        source.backup(target)
    with Store(path, create=False, readonly=True) as store:
        stored = stored_series(store, by, frequency, facet=facet)
        # the stored points are what aggregating the facet's clusters gives
        assert stored == cluster_series(store, filters, by, frequency) != []
        assert monitor.series(store, by, frequency, filters) == stored
    with Store(path) as store:  # a query reads the table: emptied, it finds nothing
        with store.transaction():
            store.connection.execute("DELETE FROM facet_series WHERE facet = ? AND value = ?", facet)
        assert monitor.series(store, by, frequency, filters) == []
        with store.transaction():
            derive_facet_series(store)
        assert monitor.series(store, by, frequency, filters) == stored


@pytest.mark.parametrize("query", ["logged", "Note", "Log AND Item2", '"Note 17"', "absentword"])
def test_search_picks_the_best_matches_as_one_ranked_query_would(store_path, query):
    with Store(store_path, create=False, readonly=True) as store:
        ranked = store.connection.execute(
            "SELECT d.id, d.title, snippet(documents_fts, 1, '[', ']', '…', 12) FROM documents_fts"
            " JOIN documents d ON d.doc_rowid = documents_fts.rowid WHERE documents_fts MATCH ? ORDER BY rank",
            (query,)).fetchall()
        assert store.search(query, 7) == ranked[:7]
        assert store.search(query, 100) == ranked


@pytest.mark.parametrize("filters", [browsing.DocumentFilter(query="Item1"), browsing.DocumentFilter(query='"Note 17"'),
                                     browsing.DocumentFilter(query="logged", outlet="Beta News", since="2023-03-20")])
def test_a_searched_article_list_and_its_count_equal_the_direct_computation(store_path, filters):
    with Store(store_path, create=False, readonly=True) as store:
        matched = {row[0] for row in store.connection.execute(
            "SELECT d.id FROM documents_fts JOIN documents d ON d.doc_rowid = documents_fts.rowid"
            " WHERE documents_fts MATCH ?", (filters.query,))}
        unsearched = dataclasses.replace(filters, query=None)
        expected = [d for d in browsing.documents(store, unsearched, limit=1000) if d.id in matched]
        assert browsing.documents(store, filters, limit=5, offset=2) == expected[2:7]
        assert browsing.count_documents(store, filters) == len(expected) > 0


@pytest.mark.parametrize("filters", [ClusterFilter(outlet="Beta News"), ClusterFilter(type="ASSAULT", until="2023-04-01"),
                                     ClusterFilter(outlet="Gamma Daily", type="PROTEST", since="2023-03-20"),
                                     ClusterFilter(countries=("GEO", "MDA"), type="CONSULT", since="2023-03-10")])
@pytest.mark.parametrize("by", ["country", "dyad"])
@pytest.mark.parametrize("evidence", [10, 2])  # 2: points with more clusters than they show, cut in the same order
def test_a_series_by_type_or_outlet_equals_the_series_of_the_matching_clusters(store_path, tmp_path, filters, by,
                                                                                evidence, monkeypatch):
    for module in ("presswatch.monitor.series", "presswatch.store.monitoring"):  # (monitor.series is a function)
        monkeypatch.setattr(importlib.import_module(module), "EVIDENCE", evidence)
    path = tmp_path / "copy.db"
    with sqlite3.connect(store_path) as source, sqlite3.connect(path) as target:
        source.backup(target)
    with Store(path) as store, store.transaction():  # one type's or outlet's series as refresh stores them
        derive_facet_series(store)
    with Store(path, create=False, readonly=True) as store:
        # a series over a period holds the days, or the weeks, that begin in it
        matching = [cluster for cluster in stored_clusters(store)
                    if matches(cluster, dataclasses.replace(filters, since=None, until=None))]
        keys = set(filters.countries) if filters.countries else None
        for frequency in ("day", "week"):
            expected = [point for point in build_series(matching, by, frequency, keys=keys)
                        if (filters.since or "") <= point.period <= (filters.until or "9")]
            # repr too: a point with no Goldstein score sums to build_series' integer 0, not 0.0
            assert repr(monitor.series(store, by, frequency, filters)) == repr(expected)
            assert expected


@pytest.mark.parametrize("filters", [None, ClusterFilter(countries=("ARM", "KAZ")), ClusterFilter(country="GEO", since="2023-03-20"),
                                     ClusterFilter(dyad=("KAZ", "MDA")), ClusterFilter(outlet="Alpha Post"),
                                     ClusterFilter(countries=("UZB", "GEO"), until="2023-04-01")])
@pytest.mark.parametrize("by", ["country", "dyad"])
def test_a_page_of_a_series_and_its_count_equal_the_whole_series(store_path, filters, by):
    with Store(store_path, create=False, readonly=True) as store:
        whole = monitor.series(store, by, "day", filters)
        keys = set((filters or ClusterFilter()).countries or ()) | {(filters or ClusterFilter()).country} - {None}
        if by == "dyad" and keys:  # a dyad series keeps the dyads with a watched country on either side
            every = stored_series(store, "dyad", "day", since=filters.since, until=filters.until)
            assert whole == [point for point in every if set(point.key.split(">")) & keys] != []
        assert monitor.series_page(store, by, "day", filters, limit=5, offset=3) == (whole[3:8], len(whole))
        assert monitor.series_page(store, by, "day", filters, offset=4) == (whole[4:], len(whole))
        assert monitor.series_page(store, by, "day", filters, limit=0) == ([], len(whole))


def test_a_type_page_reads_its_clusters_from_the_type_index_that_replaces_the_covering_one(store_path, tmp_path):
    path = tmp_path / "older.db"
    with sqlite3.connect(store_path) as source, sqlite3.connect(path) as copy:
        source.backup(copy)
        copy.execute("DROP INDEX clusters_type")  # as schema 7 had it
        copy.execute("CREATE INDEX clusters_type_series ON clusters(type, date, date_precision, quad_class, goldstein,"
                     " acled_event_type, id, source_country, target_country, location_country)")
    with Store(path, create=False):  # a writable open puts the narrow index in the wide one's place
        pass
    with Store(path, create=False, readonly=True) as store:
        indexes = {row[0] for row in store.connection.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert "clusters_type" in indexes and "clusters_type_series" not in indexes
        source, values = cluster_query(ClusterFilter(type="ASSAULT"), page=(5, 0))
        plan = [row[3] for row in store.connection.execute(f"EXPLAIN QUERY PLAN SELECT c.id{source}", values)]
        assert any("INDEX clusters_type" in step for step in plan)
        assert [c.id for c in monitor.clusters(store, ClusterFilter(type="ASSAULT"), limit=5)] == [
            c.id for c in newest_first(c for c in stored_clusters(store) if c.type == "ASSAULT")][:5]
