"""Monitor commands: refresh, events, alerts, contested, narratives, export (thin over presswatch.monitor)."""

from __future__ import annotations

import json
import re
import sys
from dataclasses import asdict
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from presswatch import monitor
from presswatch.console import Db, err, fail
from presswatch.errors import PresswatchError
from presswatch.monitor.alerts import METRICS, EscalationDetector
from presswatch.monitor.exports import RECORD_TABLES, export_table, write_analyses, write_rows
from presswatch.store import Store
from presswatch.store.monitoring import ClusterFilter, count_clusters

DEFAULT_DB = Path("presswatch.db")


class Output(StrEnum):
    """How a command prints its results."""

    table = "table"
    json = "json"


Country = Annotated[str | None, typer.Option(help="ISO alpha-3 country code (or organization code), e.g. ARM.")]
Dyad = Annotated[str | None, typer.Option(help="Two codes, e.g. ARM-AZE (either direction; ARM,AZE works too).")]
EventType = Annotated[str | None, typer.Option("--type", help="PLOVER event type, e.g. ASSAULT.")]
Since = Annotated[str | None, typer.Option(help="First event date (YYYY-MM-DD).")]
Until = Annotated[str | None, typer.Option(help="Last event date (YYYY-MM-DD).")]
Outlet = Annotated[str | None, typer.Option(help="Only events reported by this outlet.")]
Watchlist = Annotated[str | None, typer.Option(help="Named set of countries, e.g. CIS.")]
Format = Annotated[Output, typer.Option("--format", "-f", help="table for people, json for tools.")]


def _filters(country, dyad, event_type, since, until, outlet, watchlist) -> ClusterFilter:
    pair = None
    if dyad:
        parts = [part.strip().upper() for part in re.split(r"[,>-]", dyad)]
        if len(parts) != 2 or not all(parts):
            raise typer.BadParameter(f"{dyad!r} is not a dyad; give two codes like ARM-AZE", param_hint="--dyad")
        pair = (parts[0], parts[1])
    for value, name in ((since, "--since"), (until, "--until")):
        if value and not (len(value) == 10 and value[4] == "-" and value[7] == "-"):
            raise typer.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD", param_hint=name)
    base = ClusterFilter(country=country.upper() if country else None, dyad=pair,
                         type=event_type.upper() if event_type else None, since=since, until=until, outlet=outlet)
    return monitor.watchlist_filter(watchlist, base)


def _open(db: Path) -> Store:
    return Store(db, create=False, readonly=True)


def _print_json(data: object) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def refresh(db: Db = DEFAULT_DB) -> None:
    """Recluster every stored event mention into events (dedup across articles)."""
    try:
        with Store(db, create=False) as store:
            count = monitor.refresh(store)
    except PresswatchError as exc:
        raise fail(exc) from None
    err.print(f"{count:,} events (clusters) → {escape(str(db))}")


def events(db: Db = DEFAULT_DB, country: Country = None, dyad: Dyad = None, event_type: EventType = None,
           since: Since = None, until: Until = None, outlet: Outlet = None, watchlist: Watchlist = None,
           limit: int = 50, offset: int = 0, format: Format = Output.table) -> None:
    """List events (deduplicated across articles), newest first, with their sources."""
    try:
        filters = _filters(country, dyad, event_type, since, until, outlet, watchlist)
        with _open(db) as store:
            found = monitor.clusters(store, filters, limit, offset)
            total = count_clusters(store, filters)
    except PresswatchError as exc:
        raise fail(exc) from None
    if format is Output.json:
        _print_json({"total": total, "offset": offset, "events": [c.to_dict() for c in found]})
        return
    table = Table("date", "type", "cameo", "source", "target", "where", "articles", "outlets", "confidence",
                  "trigger", show_edge=False, title=f"{len(found)} of {total} events", title_justify="left")
    for cluster in found:
        table.add_row(cluster.date, cluster.type, cluster.cameo or "", cluster.source_country or "",
                      cluster.target_country or "", escape(cluster.location_name or ""), str(cluster.articles),
                      str(cluster.outlets), f"{cluster.confidence:.2f}", escape(cluster.mentions[0].trigger_text))
    Console(highlight=False).print(table)


def alerts(db: Db = DEFAULT_DB,
           metric: Annotated[str, typer.Option(help=f"Series to watch: {', '.join(METRICS)}.")] = "intensity",
           window: Annotated[int, typer.Option(min=2, help="Trailing periods in the baseline.")] = 28,
           z: Annotated[float, typer.Option(help="Robust z-score that fires an alert.")] = 3.0,
           min_value: Annotated[float, typer.Option(help="Ignore values below this.")] = 10.0,
           weekly: Annotated[bool, typer.Option("--weekly", help="Weekly instead of daily series.")] = False,
           dyads: Annotated[bool, typer.Option("--dyads", help="Series per dyad instead of per country.")] = False,
           watchlist: Watchlist = "CIS", since: Since = None, until: Until = None,
           format: Format = Output.table) -> None:
    """Escalation alerts: series values far above their own trailing baseline."""
    frequency = "week" if weekly else "day"
    if metric not in METRICS:
        raise typer.BadParameter(f"choose one of {', '.join(METRICS)}", param_hint="--metric")
    detector = EscalationDetector(metric, window, z, min_value, step_days=7 if weekly else 1)
    stored = monitor.default_detector(frequency)
    if (metric, window, z, min_value) == (stored.metric, stored.window, stored.z, stored.min_value):
        detector = None  # the alerts the last refresh stored
    try:
        filters = _filters(None, None, None, since, until, None, watchlist)
        with _open(db) as store:
            found = monitor.alerts(store, detector, "dyad" if dyads else "country", frequency, filters)
    except PresswatchError as exc:
        raise fail(exc) from None
    if format is Output.json:
        _print_json([asdict(alert) for alert in found])
        return
    table = Table("period", "series", metric, "baseline", "z", "evidence (events)", show_edge=False)
    for alert in found:
        table.add_row(alert.period, alert.key, f"{alert.value:g}", f"{alert.baseline:g}", f"{alert.score:.1f}",
                      ", ".join(alert.evidence[:4]))
    Console(highlight=False).print(table)


def contested(db: Db = DEFAULT_DB, country: Country = None, dyad: Dyad = None, event_type: EventType = None,
              since: Since = None, until: Until = None, watchlist: Watchlist = None,
              format: Format = Output.table) -> None:
    """Events whose sources disagree on who did it to whom, or on whether it happened."""
    try:
        filters = _filters(country, dyad, event_type, since, until, None, watchlist)
        with _open(db) as store:
            found = monitor.contested(store, filters)
    except PresswatchError as exc:
        raise fail(exc) from None
    if format is Output.json:
        _print_json([claim.to_dict() for claim in found])
        return
    out = Console(highlight=False)
    for claim in found:
        cluster = claim.cluster
        out.print(f"[bold]{cluster.date} {cluster.type}[/bold] {escape(cluster.location_name or '')} "
                  f"({cluster.articles} articles) — contested: {claim.kind}  [dim]{cluster.id}[/dim]")
        for side in claim.sides:
            voices = ", ".join(side.speakers or side.outlets)
            out.print(f"   {escape(side.claim)}: {escape(voices)} [dim]({', '.join(side.outlets)})[/dim]")


def narratives(db: Db = DEFAULT_DB, min_count: int = 2, format: Format = Output.table) -> None:
    """Recurring accusations by the same accuser against the same target."""
    try:
        with _open(db) as store:
            found = monitor.recurring_narratives(store, min_count)
    except PresswatchError as exc:
        raise fail(exc) from None
    if format is Output.json:
        _print_json([asdict(narrative) for narrative in found])
        return
    table = Table("accuser", "target", "type", "times", "first seen", "last seen", "outlets", show_edge=False)
    for item in found:
        table.add_row(escape(item.accuser), escape(item.target), item.type, str(item.count), item.first_seen or "",
                      item.last_seen or "", escape(", ".join(item.outlets)))
    Console(highlight=False).print(table)


def quotes(db: Db = DEFAULT_DB,
           speaker: Annotated[str | None, typer.Option(help="Only this speaker (the resolved name, e.g. 'Vladimir Putin').")] = None,
           since: Since = None, until: Until = None, limit: int = 50, offset: int = 0,
           format: Format = Output.table) -> None:
    """Who said what: quotes with resolved speakers, oldest first; without --speaker, the speakers."""
    from presswatch.store import browsing

    try:
        _filters(None, None, None, since, until, None, None)
        with _open(db) as store:
            if speaker is None:
                found = browsing.speakers(store, since, until, limit, offset)
            else:
                found = browsing.quotes(store, speaker, since, until, limit, offset)
    except PresswatchError as exc:
        raise fail(exc) from None
    if format is Output.json:
        _print_json([asdict(item) for item in found])
        return
    out = Console(highlight=False)
    if speaker is None:
        table = Table("speaker", "quotes", "articles", "first", "last", "country", show_edge=False)
        for item in found:
            table.add_row(*(escape(str(value)) if value is not None else "" for value in asdict(item).values()))
        out.print(table)
        return
    for item in found:
        out.print(f"[bold]{escape(item.published or '?')}[/bold] {escape(item.outlet or '')}: "
                  f"[dim]{escape(item.cue or '')}[/dim] {escape(item.content)}")


class ExportKind(StrEnum):
    """What `export` writes: the contract JSON, a record table, or the GDELT-style events."""

    analyses = "analyses"
    events = "events"
    quotes = "quotes"
    techniques = "techniques"
    entities = "entities"
    mentions = "mentions"
    gdelt = "gdelt"


class ExportFormat(StrEnum):
    """The file formats of `export`."""

    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


def export(what: Annotated[ExportKind, typer.Argument(help="analyses (contract JSONL), a record table, or gdelt (one row per event).")],
           db: Db = DEFAULT_DB,
           format: Annotated[ExportFormat, typer.Option("--format", "-f")] = ExportFormat.jsonl,
           output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write (default: stdout).")] = None) -> None:
    """Export stored records as JSONL, CSV or Parquet."""
    if what is ExportKind.analyses and format is not ExportFormat.jsonl:
        raise typer.BadParameter("analyses export as jsonl only (the contract)", param_hint="--format")
    if format is ExportFormat.parquet and output is None:
        raise typer.BadParameter("Parquet needs --output FILE", param_hint="--output")
    try:
        with _open(db) as store:
            if what is ExportKind.analyses:
                count = write_analyses(store, output)
            else:
                columns, rows = export_table(store, what.value)
                count = write_rows(columns, rows, format.value, output)
    except PresswatchError as exc:
        raise fail(exc) from None
    err.print(f"{count:,} rows" + (f" → {escape(str(output))}" if output else ""))


COMMANDS = (refresh, events, alerts, contested, narratives, quotes, export)
assert set(RECORD_TABLES) <= set(ExportKind.__members__)
