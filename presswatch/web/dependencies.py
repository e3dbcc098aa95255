"""Request dependencies shared by pages and API: the read-only store, pagination and filters.

Query parameters are checked here so that pages and their JSON twins accept exactly the same
ones; a bad value raises RequestValidationError (422 with a message naming the parameter).
Empty values, as sent by an HTML form's blank fields, mean "no filter".
"""

from __future__ import annotations

import re
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Annotated

from fastapi import Query, Request
from fastapi.exceptions import RequestValidationError

from presswatch import monitor
from presswatch.records import EventStatus, PloverType
from presswatch.store import Store
from presswatch.store.browsing import DocumentFilter, time_limit
from presswatch.store.monitoring import ClusterFilter

CODE = re.compile(r"[A-Z]{2,5}")  # ISO 3166-1 alpha-3, or an organization code such as EUR, NATO, CSTO
EVENT_TYPES = typing.get_args(PloverType)
STATUSES = typing.get_args(EventStatus)
MAX_TEXT_PARAM = 200


def open_store(request: Request) -> Iterator[Store]:
    """A read-only connection for one request, with the app's query time limit."""
    settings = request.app.state.settings
    store = Store(settings.db_path, create=False, readonly=True)
    try:
        with time_limit(store, settings.query_ms):
            yield store
    finally:
        store.close()


@dataclass(frozen=True)
class Page:
    """Pagination: at most `limit` records from `offset`."""

    limit: int
    offset: int

    def next_url(self, request: Request, total: int) -> str | None:
        """The URL of the next page, or None on the last one."""
        if self.offset + self.limit >= total:
            return None
        return str(request.url.include_query_params(offset=self.offset + self.limit, limit=self.limit))

    def previous_url(self, request: Request) -> str | None:
        """The URL of the previous page, or None on the first one."""
        if self.offset == 0:
            return None
        return str(request.url.include_query_params(offset=max(0, self.offset - self.limit), limit=self.limit))


def page(limit: Annotated[int, Query(ge=1, le=500, description="Records per page (1-500).")] = 50,
         offset: Annotated[int, Query(ge=0, le=1_000_000_000, description="Records to skip.")] = 0) -> Page:
    """Pagination parameters."""
    return Page(limit, offset)


class Problems:
    """Collects parameter errors and raises them together as a 422."""

    def __init__(self) -> None:
        self.errors: list[dict] = []

    def add(self, name: str, value: object, message: str) -> None:
        self.errors.append({"type": "value_error", "loc": ("query", name), "msg": message, "input": value})

    def raise_any(self) -> None:
        if self.errors:
            raise RequestValidationError(self.errors)


def _blank(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None


def _code(problems: Problems, name: str, value: str | None) -> str | None:
    value = _blank(value)
    if value is None:
        return None
    value = value.upper()
    if not CODE.fullmatch(value):
        problems.add(name, value, "expected a country code such as ARM (ISO 3166-1 alpha-3) or an organization code")
    return value


def _day(problems: Problems, name: str, value: str | None) -> str | None:
    value = _blank(value)
    if value is None:
        return None
    try:
        if len(value) == 10:
            return date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    problems.add(name, value, "expected a date as YYYY-MM-DD, e.g. 2022-09-13")
    return None


def _text(problems: Problems, name: str, value: str | None) -> str | None:
    value = _blank(value)
    if value is not None and len(value) > MAX_TEXT_PARAM:
        problems.add(name, value[:40], f"at most {MAX_TEXT_PARAM} characters")
    return value


def _period(problems: Problems, since: str | None, until: str | None) -> tuple[str | None, str | None]:
    since, until = _day(problems, "since", since), _day(problems, "until", until)
    if since and until and since > until:
        problems.add("until", until, f"must not be before since ({since})")
    return since, until


@dataclass(frozen=True)
class EventParams:
    """The event filters of the Events page, the Overview and the monitor API."""

    filters: ClusterFilter
    status: str | None = None
    watchlist: str | None = None


Since = Annotated[str | None, Query(description="First day, YYYY-MM-DD.")]
Until = Annotated[str | None, Query(description="Last day, YYYY-MM-DD.")]
Outlet = Annotated[str | None, Query(description="Outlet name, exactly as stored.")]


def event_params(
    country: Annotated[str | None, Query(description="Country involved (ISO alpha-3), e.g. ARM.")] = None,
    dyad: Annotated[str | None, Query(description="Two countries, either direction: ARM-AZE.")] = None,
    type: Annotated[str | None, Query(description="PLOVER event type, e.g. ASSAULT.")] = None,
    status: Annotated[str | None, Query(description="Mention status: " + ", ".join(STATUSES))] = None,
    since: Since = None, until: Until = None, outlet: Outlet = None,
    watchlist: Annotated[str | None, Query(description="A watchlist name, e.g. CIS.")] = None,
) -> EventParams:
    """Validated event filters (PWE801 for an unknown watchlist)."""
    problems = Problems()
    country = _code(problems, "country", country)
    pair = None
    if dyad := _blank(dyad):
        parts = dyad.upper().replace(">", "-").split("-")
        if len(parts) != 2 or not all(CODE.fullmatch(part) for part in parts):
            problems.add("dyad", dyad, "expected two country codes joined by '-', e.g. ARM-AZE")
        else:
            pair = (parts[0], parts[1])
    if (type := _blank(type)) and (type := type.upper()) not in EVENT_TYPES:
        problems.add("type", type, "expected a PLOVER type: " + ", ".join(EVENT_TYPES))
    if (status := _blank(status)) and status not in STATUSES:
        problems.add("status", status, "expected one of: " + ", ".join(STATUSES))
    since, until = _period(problems, since, until)
    outlet = _text(problems, "outlet", outlet)
    watchlist = _text(problems, "watchlist", watchlist)
    problems.raise_any()
    base = ClusterFilter(country=country, dyad=pair, type=type, since=since, until=until, outlet=outlet)
    return EventParams(monitor.watchlist_filter(watchlist, base), status, watchlist)


def overview_params(
    since: Since = None, until: Until = None,
    watchlist: Annotated[str, Query(description="A watchlist name, or 'all' for every country.")] = "CIS",
) -> EventParams:
    """Period and watchlist of the Overview (CIS by default, 'all' for none)."""
    problems = Problems()
    since, until = _period(problems, since, until)
    name = _text(problems, "watchlist", watchlist)
    problems.raise_any()
    name = None if name in (None, "all") else name
    return EventParams(monitor.watchlist_filter(name, ClusterFilter(since=since, until=until)), None, name)


def document_params(outlet: Outlet = None, since: Since = None, until: Until = None,
                    q: Annotated[str | None, Query(description="Full-text query (SQLite FTS5 syntax).")] = None,
                    ) -> DocumentFilter:
    """Validated filters of the articles list."""
    problems = Problems()
    outlet = _text(problems, "outlet", outlet)
    since, until = _period(problems, since, until)
    q = _text(problems, "q", q)
    problems.raise_any()
    return DocumentFilter(outlet=outlet, since=since, until=until, query=q)
