"""Monitor queries on a large generated store (default: 1,000,000 event mentions).

    .venv/bin/python benchmarks/monitor_store.py [--mentions 1000000] [--db /tmp/pw-bench.db]

Builds (or reuses) a store of synthetic articles, each with ten coded event mentions among the
CIS countries over two years, a quote by one of 200 speakers and a technique span, written
through the normal Store API (benchmarks/web_pages.py uses the same store); runs `monitor.refresh`
once; then times every monitor query the CLI, web pages and API use (median of 5 runs, after
one warm-up) and prints them next to a baseline measured in the same run: a full scan
(`SELECT count(*) FROM events`), with the load average before and after (other work on the
machine slows every query).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import time
from datetime import date, timedelta
from pathlib import Path

from presswatch import monitor
from presswatch.records import (
    Actor,
    Analysis,
    Document,
    Entity,
    Event,
    EventDate,
    Extent,
    Location,
    Participant,
    Quote,
    SpeakerRef,
    Technique,
    make_span,
)
from presswatch.store import Store, browsing
from presswatch.store.monitoring import ClusterFilter, count_clusters, count_contested

COUNTRIES = ("ARM", "AZE", "BLR", "KAZ", "KGZ", "TJK", "RUS", "UZB", "UKR", "GEO", "MDA", "TKM")
TYPES = (("ASSAULT", "190", -10.0, 4), ("PROTEST", "140", -6.5, 3), ("ACCUSE", "112", -2.0, 3),
         ("CONSULT", "040", 1.0, 1), ("AGREE", "057", 8.0, 2), ("COERCE", "170", -7.0, 4),
         ("REQUEST", "020", 3.0, 1), ("RETREAT", "0871", 5.0, 2))
OUTLETS = tuple(f"Outlet {n}" for n in range(40))
START = date(2021, 1, 1)


def synthetic_analysis(rng: random.Random, number: int, per_document: int) -> Analysis:
    """One article with `per_document` coded events (texts are placeholders, offsets valid)."""
    text = " ".join(f"event{n} happened here." for n in range(per_document)) + f" Article {number}."
    published = START + timedelta(days=rng.randrange(730))
    document = Document.from_text(text, title=f"Report {number}", outlet=rng.choice(OUTLETS),
                                  published=published.isoformat(), language="en")
    entity = Entity("e1", "Officials", "NORP", Actor(rng.choice(COUNTRIES), "GOV", None), (make_span(text, 0, 6),))
    events = []
    for n in range(per_document):
        kind, cameo, goldstein, quad = rng.choice(TYPES)
        source, target = rng.sample(COUNTRIES, 2)
        start = text.index(f"event{n} ")
        day = published - timedelta(days=rng.randrange(3))
        events.append(Event(
            id=f"v{n + 1}", type=kind, trigger=make_span(text, start, start + len(f"event{n}")),
            sentence=Extent(start, start + len(f"event{n} happened here.")), status=rng.choice(
                ("asserted", "asserted", "attributed", "negated", "hypothetical")),
            cameo=cameo, goldstein=goldstein, quad_class=quad,
            source=Participant(None, source, "GOV", source), target=Participant(None, target, "MIL", target),
            date=EventDate(day.isoformat(), "day"), location=Location(f"Town {rng.randrange(300)}", target)))
    speaker = f"Speaker {rng.randrange(200)}"
    quotes = (Quote("q1", "indirect", make_span(text, 0, len("event0 happened here.")), None,
                    SpeakerRef(None, 0, 6, speaker)),)
    techniques = (Technique("Loaded_Language", 0, 6, text[:6], 0.5),)
    return Analysis(document, (Extent(0, len(text)),), (entity,), quotes, tuple(events), techniques)


def build(db: Path, mentions: int, per_document: int = 10, batch: int = 2000) -> None:
    rng = random.Random(7)
    with Store(db) as store:
        documents = mentions // per_document
        for offset in range(0, documents, batch):
            store.write_batch([synthetic_analysis(rng, number, per_document)
                               for number in range(offset, min(offset + batch, documents))], [], None)
        started = time.perf_counter()
        clusters = monitor.refresh(store)
        print(f"built {documents:,} documents, {mentions:,} mentions; refresh: {clusters:,} clusters "
              f"in {time.perf_counter() - started:.1f} s")


def timed(call, runs: int = 5) -> float:
    call()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mentions", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/presswatch-bench-monitor.db"))
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    if args.rebuild and args.db.exists():
        args.db.unlink()
    if not args.db.exists():
        build(args.db, args.mentions)
    cis = monitor.watchlist_filter("CIS")
    month = ClusterFilter(since="2022-06-01", until="2022-06-30")
    cis_assault = ClusterFilter(type="ASSAULT", countries=cis.countries)
    cis_dyad = ClusterFilter(dyad=("ARM", "AZE"), countries=cis.countries)
    absent = ClusterFilter(countries=("USA", "FRA"))  # a watchlist naming no stored country
    with Store(args.db, create=False, readonly=True) as store:
        queries = {
            "baseline: count(*) over all event mentions":
                lambda: store.connection.execute("SELECT count(*) FROM events").fetchone(),
            "events, newest 50": lambda: monitor.clusters(store, None, 50),
            "events, country=ARM, 50": lambda: monitor.clusters(store, ClusterFilter(country="ARM"), 50),
            "events, dyad ARM-AZE, 50": lambda: monitor.clusters(store, ClusterFilter(dyad=("ARM", "AZE")), 50),
            "events, type+month, 50": lambda: monitor.clusters(store, ClusterFilter(type="ASSAULT", since="2022-06-01",
                                                                                     until="2022-06-30"), 50),
            "events, outlet, 50": lambda: monitor.clusters(store, ClusterFilter(outlet="Outlet 3"), 50),
            "count events, country=KAZ": lambda: count_clusters(store, ClusterFilter(country="KAZ")),
            "events, CIS watchlist, 50": lambda: monitor.clusters(store, cis, 50),
            "count events, CIS watchlist": lambda: count_clusters(store, cis),
            "daily series, CIS watchlist": lambda: monitor.series(store, "country", "day", cis),
            "weekly series, dyads": lambda: monitor.series(store, "dyad", "week"),
            "alerts, CIS, daily": lambda: monitor.alerts(store, filters=cis),
            "contested, newest 50": lambda: monitor.contested(store, None, 50),
            "contested, one month": lambda: monitor.contested(store, month, 50),
            "full-text search": lambda: store.search("event3", 20),
            "count events, CIS + ASSAULT": lambda: count_clusters(store, cis_assault),
            "timeline, CIS + ASSAULT": lambda: browsing.quad_class_timeline(store, cis_assault),
            "contested, CIS + ASSAULT, 50": lambda: monitor.contested(store, cis_assault, 50),
            "count contested, CIS + dyad ARM-AZE": lambda: count_contested(store, cis_dyad),
            "count contested, CIS + ASSAULT": lambda: count_contested(store, cis_assault),
            "timeline, absent watchlist": lambda: browsing.quad_class_timeline(store, absent),
            "count events, status negated": lambda: browsing.count_browse_clusters(store, None, "negated"),
            "events, status negated + country=ARM, 50": lambda: browsing.browse_clusters(store, ClusterFilter(country="ARM"),
                                                                                         "negated", 50),
            "count events, CIS + status negated": lambda: browsing.count_browse_clusters(store, cis, "negated"),
            "contested, type=ASSAULT, 50": lambda: monitor.contested(store, ClusterFilter(type="ASSAULT"), 50),
            "contested, absent watchlist, 50": lambda: monitor.contested(store, absent, 50),
            "daily series, type=ASSAULT": lambda: monitor.series(store, "country", "day", ClusterFilter(type="ASSAULT")),
            "daily series, one outlet": lambda: monitor.series(store, "country", "day", ClusterFilter(outlet="Outlet 3")),
            "daily series, dyads, one outlet": lambda: monitor.series(store, "dyad", "day", ClusterFilter(outlet="Outlet 3")),
            "weekly series, CIS + ASSAULT, one year": lambda: monitor.series(
                store, "country", "week", ClusterFilter(type="ASSAULT", countries=cis.countries, since="2022-01-01",
                                                        until="2022-12-31")),
            "daily series, one outlet + ASSAULT": lambda: monitor.series(
                store, "country", "day", ClusterFilter(outlet="Outlet 3", type="ASSAULT")),
        }
        print(f"load average {os.getloadavg()[0]:.2f}\n{'query':<45}{'median ms':>10}")
        baseline = None
        for name, call in queries.items():
            milliseconds = timed(call)
            baseline = baseline or milliseconds
            print(f"{name:<45}{milliseconds:>10.1f}{milliseconds / baseline:>10.2f}x")
        print(f"load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
