"""HTML pages: Overview, Events, event cluster, Articles, Article, Speakers, Speaker, Analyze.

Each page renders records from `views.py` (or the store) and names its JSON twin (`json_url`).
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import HTMLResponse

from presswatch import monitor
from presswatch.records import Analysis
from presswatch.store import Store, browsing
from presswatch.store.browsing import DocumentFilter
from presswatch.web import views
from presswatch.web.analyzing import analyze_and_store, make_document
from presswatch.web.charts import month_bars, quad_timeline
from presswatch.web.dependencies import (
    EVENT_TYPES,
    STATUSES,
    EventParams,
    Page,
    document_params,
    event_params,
    open_store,
    overview_params,
    page,
)
from presswatch.web.glossary import QUAD_CLASSES, TECHNIQUES
from presswatch.web.glossary import STATUSES as STATUS_TEXT
from presswatch.web.highlight import article_labels, speaker_key, split_segments
from presswatch.web.worldmap import draw_map

router = APIRouter(default_response_class=HTMLResponse, include_in_schema=False)
StoreDep = Annotated[Store, Depends(open_store)]


def _render(request: Request, template: str, json_path: str | None, **context: object) -> HTMLResponse:
    json_url = f"{json_path}?{request.url.query}" if json_path and request.url.query else json_path
    return request.app.state.templates.TemplateResponse(
        request, template, {"json_url": json_url, "quad_names": QUAD_CLASSES, **context})


@router.get("/")
def overview_page(request: Request, store: StoreDep, params: Annotated[EventParams, Depends(overview_params)]):
    data = views.overview(store, params)
    figures = {figure.country: (figure.events, figure.intensity) for figure in data.map}
    return _render(request, "overview.html", "/api/v1/overview", data=data,
                   map=draw_map(request.app.state.atlas, figures, data.countries),
                   timeline=quad_timeline(list(data.timeline)), watchlists=sorted(monitor.load_watchlists()))


@router.get("/events")
def events_page(request: Request, store: StoreDep, params: Annotated[EventParams, Depends(event_params)],
                pages: Annotated[Page, Depends(page)]):
    data = views.events(store, params, pages)
    return _render(request, "events.html", "/api/v1/clusters", data=data, params=params, query=request.query_params,
                   next_url=pages.next_url(request, data.total), previous_url=pages.previous_url(request),
                   page=pages, event_types=EVENT_TYPES, statuses=STATUSES,
                   watchlists=sorted(monitor.load_watchlists()),
                   outlets=[c.label for c in browsing.top_outlets(store, limit=500)])


@router.get("/events/{cluster_id}")
def cluster_page(request: Request, store: StoreDep, cluster_id: str):
    data = views.cluster(store, cluster_id)
    if data is None:
        raise HTTPException(404, f"no event cluster {cluster_id!r} in this store")
    return _render(request, "cluster.html", f"/api/v1/clusters/{quote(cluster_id)}", data=data,
                   status_text=STATUS_TEXT)


@router.get("/articles")
def articles_page(request: Request, store: StoreDep, filters: Annotated[DocumentFilter, Depends(document_params)],
                  pages: Annotated[Page, Depends(page)]):
    found = browsing.documents(store, filters, pages.limit, pages.offset)
    total = browsing.count_documents(store, filters)
    return _render(request, "articles.html", "/api/v1/documents", documents=found, total=total, filters=filters,
                   next_url=pages.next_url(request, total), previous_url=pages.previous_url(request), page=pages,
                   outlets=[c.label for c in browsing.top_outlets(store, limit=500)])


def _article(request: Request, analysis: Analysis, json_url: str | None, **context: object) -> HTMLResponse:
    segments = split_segments(analysis.document.text, article_labels(analysis))
    speakers = {quote.id: speaker_key(analysis, quote.id) for quote in analysis.quotes}
    return _render(request, "article.html", json_url, analysis=analysis, segments=segments, speakers=speakers,
                   entities={entity.id: entity for entity in analysis.entities},
                   definitions=TECHNIQUES, status_text=STATUS_TEXT, **context)


@router.get("/articles/{document_id}")
def article_page(request: Request, store: StoreDep, document_id: str):
    analysis = store.get_analysis(document_id)
    if analysis is None:
        raise HTTPException(404, f"no article {document_id!r} in this store")
    return _article(request, analysis, f"/api/v1/documents/{quote(document_id)}")


@router.get("/speakers")
def speakers_page(request: Request, store: StoreDep, pages: Annotated[Page, Depends(page)]):
    found = browsing.speakers(store, limit=pages.limit, offset=pages.offset)
    total = browsing.count_speakers(store)
    return _render(request, "speakers.html", "/api/v1/speakers", speakers=found, total=total, page=pages,
                   next_url=pages.next_url(request, total), previous_url=pages.previous_url(request))


@router.get("/speakers/{name:path}")
def speaker_page(request: Request, store: StoreDep, name: str, pages: Annotated[Page, Depends(page)]):
    data = views.speaker(store, name, pages)
    if data is None:
        raise HTTPException(404, f"nobody called {name!r} is quoted in this store")
    return _render(request, "speaker.html", f"/api/v1/speakers/{quote(name, safe='')}", data=data,
                   activity=month_bars(list(data.activity)), page=pages,
                   next_url=pages.next_url(request, data.total), previous_url=pages.previous_url(request))


@router.get("/analyze")
def analyze_form(request: Request):
    settings = request.app.state.settings
    return _render(request, "analyze.html", None, settings=settings)


@router.post("/analyze")
def analyze_page(request: Request,
                 text: Annotated[str | None, Form()] = None, title: Annotated[str | None, Form()] = None,
                 outlet: Annotated[str | None, Form()] = None, published: Annotated[str | None, Form()] = None,
                 file: Annotated[UploadFile | None, File()] = None, store: Annotated[bool, Form()] = False):
    upload = file.file.read() if file is not None and file.filename else None
    document = make_document(text, upload, file.filename if file else None, title, outlet, published,
                             request.app.state.settings.max_chars)
    analysis, stored = analyze_and_store(request.app.state, document, store)
    return _article(request, analysis, None, analyzed=True, stored=stored)
