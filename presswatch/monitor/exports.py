"""Exports in the formats the field uses: JSONL of analyses, CSV/Parquet of records, GDELT-style events.

The GDELT-style table has one row per event cluster with the GDELT 2.0 event columns that
presswatch can fill (see presswatch/monitor/README.md); columns it cannot fill (tone, actor religion and
ethnicity codes, ...) are left out rather than guessed.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Literal

from presswatch.monitor.names import subdivision_code
from presswatch.monitor.records import EventCluster
from presswatch.store import Store
from presswatch.store.monitoring import stored_clusters
from presswatch.tables import TABLES

Format = Literal["csv", "parquet", "jsonl"]
RECORD_TABLES = ("events", "quotes", "techniques", "entities", "mentions")

GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor2Code", "Actor2Name", "Actor2CountryCode",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_Lat", "ActionGeo_Long",
    "DATEADDED", "SOURCEURL",
    "PLOVER_Type", "ACLED_EventType", "DatePrecision", "Confidence",
)
# GDELT 2.0 ActionGeo_Type of a place by Location.precision, outside and inside the US: 1 COUNTRY,
# 2 USSTATE, 3 USCITY, 4 WORLDCITY, 5 WORLDSTATE.  A border is coded as its (first) country and a
# region (a named area inside one country: "Chechnya", "Syunik") as a first-order division.
GEO_TYPES = {"country": (1, 1), "border": (1, 1), "admin1": (5, 2), "region": (5, 2), "city": (4, 3)}


def action_geo(cluster: EventCluster) -> tuple[int, str | None]:
    """ActionGeo_Type and ActionGeo_ADM1Code of a cluster's place: type 0 and no code when it has no
    place or its precision is unknown; the code is the country for a country or border, the ISO
    3166-2 code for a first-order division the gazetteer knows, else None (cities: the places stage
    does not resolve a city's division)."""
    if not cluster.location_name or cluster.location_precision not in GEO_TYPES:
        return 0, None
    world, us = GEO_TYPES[cluster.location_precision]
    if world == 1:
        return 1, cluster.location_country
    code = (subdivision_code(cluster.location_name, cluster.location_country)
            if world == 5 and cluster.location_country else None)
    return (us if cluster.location_country == "USA" else world), code


def gdelt_row(cluster: EventCluster) -> tuple:
    """One GDELT 2.0-style row for a cluster (country codes are ISO alpha-3, as CAMEO uses)."""
    year, month = int(cluster.date[:4]), int(cluster.date[5:7]) if len(cluster.date) >= 7 else 1
    day = int(cluster.date[8:10]) if len(cluster.date) >= 10 else 1
    first = min(cluster.mentions, key=lambda m: (m.published or "9999", m.key))
    source_names = [m.source_text for m in cluster.mentions if m.source_text and m.source_country == cluster.source_country]
    target_names = [m.target_text for m in cluster.mentions if m.target_text and m.target_country == cluster.target_country]
    cameo = cluster.cameo or ""
    geo_type, adm1 = action_geo(cluster)
    return (
        cluster.id, f"{year:04d}{month:02d}{day:02d}", f"{year:04d}{month:02d}", year,
        round(year + (month * 30 + day - 30) / 365, 4),
        cluster.source_country, source_names[0] if source_names else None, cluster.source_country,
        cluster.target_country, target_names[0] if target_names else None, cluster.target_country,
        1, cameo or None, cameo[:3] or None, cameo[:2] or None, cluster.quad_class, cluster.goldstein,
        len(cluster.mentions), cluster.outlets, cluster.articles,
        geo_type, cluster.location_name, cluster.location_country, adm1, cluster.lat, cluster.lon,
        (first.published or "").replace("-", "") or None, first.url,
        cluster.type, cluster.acled_event_type, cluster.date_precision, cluster.confidence,
    )


def export_table(store: Store, what: str) -> tuple[tuple[str, ...], Iterator[tuple]]:
    """Columns and rows of an export: a record table (`RECORD_TABLES`) or `gdelt`."""
    if what in RECORD_TABLES:
        return TABLES[what], store.iter_table(what)
    if what == "gdelt":
        return GDELT_COLUMNS, (gdelt_row(cluster) for cluster in reversed(stored_clusters(store)))
    raise ValueError(f"unknown export {what!r}")


def write_rows(columns: tuple[str, ...], rows: Iterable[tuple], format: Format, output: Path | None) -> int:
    """Write rows as CSV, Parquet or JSONL to `output` (stdout for CSV/JSONL when None); return the count."""
    count = 0
    if format == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        if output is None:
            raise ValueError("Parquet needs an --output file")
        data = [dict(zip(columns, row, strict=True)) for row in rows]
        pq.write_table(pa.Table.from_pylist(data, schema=None) if data else
                       pa.table({column: pa.array([], pa.string()) for column in columns}), output)
        return len(data)
    stream = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        if format == "csv":
            writer = csv.writer(stream)
            writer.writerow(columns)
            for row in rows:
                writer.writerow(row)
                count += 1
        else:
            for row in rows:
                stream.write(json.dumps(dict(zip(columns, row, strict=True)), ensure_ascii=False) + "\n")
                count += 1
    finally:
        if output:
            stream.close()
    return count


def write_analyses(store: Store, output: Path | None) -> int:
    """Every stored Analysis as contract JSON lines; return the count."""
    stream = output.open("w", encoding="utf-8") if output else sys.stdout
    count = 0
    try:
        for analysis in store.iter_analyses():
            stream.write(analysis.to_json() + "\n")
            count += 1
    finally:
        if output:
            stream.close()
    return count
