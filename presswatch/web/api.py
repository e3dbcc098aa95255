"""The JSON API under /api/v1/: the Analysis contract and the monitor's records.

Lists are paginated (`limit`, `offset`; the answer carries `total` and a `next` URL or null) and
take the same filters as the pages.  Every page of the dashboard has its twin here.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.responses import JSONResponse

from presswatch import monitor
from presswatch.monitor.alerts import METRICS, EscalationDetector
from presswatch.store import Store, browsing
from presswatch.store.browsing import DocumentFilter
from presswatch.store.monitoring import count_contested
from presswatch.web import views
from presswatch.web.analyzing import analyze_and_store, make_document
from presswatch.web.dependencies import (
    EventParams,
    Page,
    Problems,
    Since,
    Until,
    document_params,
    event_params,
    open_store,
    overview_params,
    page,
)

router = APIRouter(tags=["api"])
StoreDep = Annotated[Store, Depends(open_store)]
Events = Annotated[EventParams, Depends(event_params)]
Pages = Annotated[Page, Depends(page)]
By = Annotated[Literal["country", "dyad"], Query(description="Series per country or per dyad.")]
Frequency = Annotated[Literal["day", "week"], Query(description="Daily or weekly periods.")]


def _listing(request: Request, pages: Page, total: int, key: str, items: Any, **extra: Any) -> dict[str, Any]:
    return {"total": total, "limit": pages.limit, "offset": pages.offset,
            "next": pages.next_url(request, total), key: views.to_json_data(items), **extra}


def _no_status(params: EventParams) -> None:
    if params.status:
        problems = Problems()
        problems.add("status", params.status, "status filters only /clusters and /events")
        problems.raise_any()


@router.get("/overview", summary="The Overview page's data")
def overview(store: StoreDep, params: Annotated[EventParams, Depends(overview_params)]) -> dict[str, Any]:
    """Per-country events and intensity, QuadClass timeline, current alerts, top speakers and outlets."""
    return views.to_json_data(views.overview(store, params))


@router.get("/documents", summary="Stored articles")
def documents(request: Request, store: StoreDep, filters: Annotated[DocumentFilter, Depends(document_params)],
              pages: Pages) -> dict[str, Any]:
    """Articles (without text) newest first, with counts of quotes, events and techniques."""
    found = browsing.documents(store, filters, pages.limit, pages.offset)
    return _listing(request, pages, browsing.count_documents(store, filters), "documents", found)


@router.get("/documents/{document_id}", summary="One article's analysis (presswatch.analysis/1)")
def document(store: StoreDep, document_id: str) -> dict[str, Any]:
    """The stored `presswatch.analysis/1` object of one article."""
    analysis = store.get_analysis(document_id)
    if analysis is None:
        raise HTTPException(404, f"no article {document_id!r} in this store")
    return analysis.to_dict()


@router.get("/clusters", summary="Event clusters (the Events page)")
def clusters(request: Request, store: StoreDep, params: Events, pages: Pages) -> dict[str, Any]:
    """Deduplicated events newest first, with their mentions; `contested` lists the contested ids."""
    data = views.events(store, params, pages)
    return _listing(request, pages, data.total, "clusters", data.clusters, contested=sorted(data.contested))


@router.get("/clusters/{cluster_id}", summary="One event cluster with its evidence")
def cluster(store: StoreDep, cluster_id: str) -> dict[str, Any]:
    """The cluster, each supporting sentence with the trigger offsets in it, and contested sides."""
    data = views.cluster(store, cluster_id)
    if data is None:
        raise HTTPException(404, f"no event cluster {cluster_id!r} in this store")
    return views.to_json_data(data)


@router.get("/series", summary="Daily or weekly series per country or dyad")
def series(request: Request, store: StoreDep, params: Events, pages: Pages, by: By = "country",
           frequency: Frequency = "day") -> dict[str, Any]:
    """One point per key and period (ordered so) with events, QuadClass counts, intensity and cluster ids."""
    _no_status(params)
    found, total = monitor.series_page(store, by, frequency, params.filters, pages.limit, pages.offset)
    return _listing(request, pages, total, "series", found)


@router.get("/alerts", summary="Escalation alerts")
def alerts(store: StoreDep, params: Events, by: By = "country", frequency: Frequency = "day",
           metric: Annotated[Literal[METRICS], Query(description="The metric watched.")] = "intensity",
           ) -> dict[str, Any]:
    """Series values far above their trailing baseline (robust z-score), strongest first."""
    _no_status(params)
    detector = None if metric == "intensity" else EscalationDetector(metric=metric,
                                                                     step_days=7 if frequency == "week" else 1)
    return {"alerts": views.to_json_data(monitor.alerts(store, detector, by, frequency, params.filters))}


@router.get("/contested", summary="Contested claims")
def contested(request: Request, store: StoreDep, params: Events, pages: Pages) -> dict[str, Any]:
    """Clusters whose sources disagree on who did it or whether it happened, with each side, newest first."""
    _no_status(params)
    found = monitor.contested(store, params.filters, pages.limit, pages.offset)
    total = count_contested(store, params.filters)
    return _listing(request, pages, total, "contested", found)


@router.get("/narratives", summary="Recurring accusations")
def narratives(store: StoreDep,
               min_count: Annotated[int, Query(ge=1, le=1000, description="Least number of mentions.")] = 2,
               ) -> dict[str, Any]:
    """Accuser, target and type seen at least `min_count` times, most frequent first (at most 500)."""
    return {"narratives": views.to_json_data(monitor.recurring_narratives(store, min_count, limit=500))}


@router.get("/quotes", summary="Quotes with a named speaker")
def quotes(request: Request, store: StoreDep, pages: Pages,
           speaker: Annotated[str | None, Query(max_length=200, description="Resolved speaker name.")] = None,
           since: Since = None, until: Until = None) -> dict[str, Any]:
    """Quotes oldest first, with their article's title, outlet and date."""
    period = _period(since, until)
    found = browsing.quotes(store, speaker or None, *period, limit=pages.limit, offset=pages.offset)
    return _listing(request, pages, browsing.count_quotes(store, speaker or None, *period), "quotes", found)


def _period(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    params = document_params(None, since, until, None)
    return params.since, params.until


@router.get("/speakers", summary="Speakers, most quoted first")
def speakers(request: Request, store: StoreDep, pages: Pages) -> dict[str, Any]:
    """Each speaker with quote and article counts, first and last quoted, and country."""
    found = browsing.speakers(store, limit=pages.limit, offset=pages.offset)
    return _listing(request, pages, browsing.count_speakers(store), "speakers", found)


@router.get("/speakers/{name:path}", summary="One speaker: quotes over time and narratives")
def speaker(request: Request, store: StoreDep, name: str, pages: Pages) -> dict[str, Any]:
    """A page of the speaker's quotes, quotes per month, and the accusations they repeat."""
    data = views.speaker(store, name, pages)
    if data is None:
        raise HTTPException(404, f"nobody called {name!r} is quoted in this store")
    return {**views.to_json_data(data), "limit": pages.limit, "offset": pages.offset,
            "next": pages.next_url(request, data.total)}


@router.get("/outlets", summary="Outlets with the most articles")
def outlets(store: StoreDep, since: Since = None, until: Until = None,
            limit: Annotated[int, Query(ge=1, le=500)] = 50) -> dict[str, Any]:
    """Outlet names and article counts in the period."""
    return {"outlets": views.to_json_data(browsing.top_outlets(store, *_period(since, until), limit))}


@router.get("/techniques", summary="Persuasion technique counts")
def techniques(store: StoreDep, since: Since = None, until: Until = None) -> dict[str, Any]:
    """How often each persuasion technique was found in the period."""
    return {"techniques": views.to_json_data(browsing.technique_counts(store, *_period(since, until)))}


@router.post("/analyze", summary="Analyze pasted text or an uploaded file")
def analyze(request: Request,
            text: Annotated[str | None, Form(description="Article text.")] = None,
            title: Annotated[str | None, Form()] = None, outlet: Annotated[str | None, Form()] = None,
            published: Annotated[str | None, Form(description="YYYY-MM-DD")] = None,
            file: Annotated[UploadFile | None, File(description=".txt or .html")] = None,
            store: Annotated[bool, Form(description="Store it (only if the server allows).")] = False,
            ) -> JSONResponse:
    """The `presswatch.analysis/1` object; header `X-Presswatch-Stored` says whether it was stored."""
    upload = file.file.read() if file is not None and file.filename else None
    document = make_document(text, upload, file.filename if file else None, title, outlet, published,
                             request.app.state.settings.max_chars)
    analysis, stored = analyze_and_store(request.app.state, document, store)
    return JSONResponse(analysis.to_dict(), headers={"X-Presswatch-Stored": str(stored).lower()})
