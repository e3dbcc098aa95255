"""The web dashboard and JSON API: `make_app(db_path)` builds the FastAPI application.

Read-only over the store: every request opens its own read-only connection with a query time
limit (`dependencies.open_store`).  Pages (`pages.py`) and their JSON twins under `/api/v1/`
(`api.py`) call the same functions (`views.py`).  No asset comes from a network: the map's
geometry and the Swagger UI of `/docs` are npm packages installed by `scripts/setup.sh` under
`static/vendor/`; without Swagger UI, `/docs` lists the endpoints from `/openapi.json` itself.
"""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException

from presswatch import __version__
from presswatch.errors import PresswatchError
from presswatch.ingest.files import DEFAULT_MAX_CHARS
from presswatch.store import Store
from presswatch.store.browsing import QueryTimeout, timeout_message
from presswatch.web import api, pages
from presswatch.web.analyzing import Analyzer, BodyLimit
from presswatch.web.limits import BURST, THREADS, RateLimit
from presswatch.web.worldmap import Atlas

HERE = Path(__file__).parent
STATIC = HERE / "static"
SWAGGER = STATIC / "vendor" / "node_modules" / "swagger-ui-dist"
MAX_UPLOAD_BYTES = 2_000_000
QUERY_MS = 5_000


@dataclass(frozen=True)
class Settings:
    """How the app was built: the store, limits, and whether Analyze may store articles."""

    db_path: Path
    max_upload_bytes: int = MAX_UPLOAD_BYTES
    max_chars: int = DEFAULT_MAX_CHARS
    query_ms: int = QUERY_MS
    allow_store: bool = False
    threads: int = THREADS


def make_app(db_path: str | Path, analyzer: object | None = None, allow_store: bool = False,
             max_upload_bytes: int = MAX_UPLOAD_BYTES, query_ms: int = QUERY_MS, threads: int = THREADS,
             rate_limit: float = 0, burst: int = BURST) -> FastAPI:
    """The dashboard and API over the store at `db_path` (PWE904/PWE903 when it is missing or not one).

    `analyzer`: an object with `analyze(document)` (default: a Pipeline loaded on first use).
    `allow_store`: let Analyze store an article when asked (the rest stays read-only).
    `threads`: requests worked on at once; the others wait in line, first come first served.
    `rate_limit`: requests per second one client may send on average (`burst` at once); 0 = no limit.
    """
    path = Path(db_path)
    Store(path, create=False, readonly=True).close()  # fail now, not on the first request
    app = FastAPI(title="presswatch", version=__version__, docs_url=None, redoc_url=None, lifespan=_lifespan,
                  description="News articles as traceable evidence: the `presswatch.analysis/1` contract and "
                              "the monitor's event clusters, series, alerts and contested claims.")
    app.state.settings = Settings(path, max_upload_bytes, DEFAULT_MAX_CHARS, query_ms, allow_store, threads)
    app.state.analyzer = Analyzer(analyzer)
    app.state.atlas = Atlas.load()
    app.state.templates = Jinja2Templates(directory=HERE / "templates")
    app.add_middleware(BodyLimit, max_bytes=max_upload_bytes)
    if rate_limit > 0:
        app.add_middleware(RateLimit, rate=rate_limit, burst=burst)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(pages.router)
    app.include_router(api.router, prefix="/api/v1")
    app.add_api_route("/docs", _docs, include_in_schema=False, response_class=HTMLResponse)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(PresswatchError, _presswatch_error)
    app.add_exception_handler(QueryTimeout, _timeout)
    app.add_exception_handler(sqlite3.OperationalError, _interrupted)
    app.add_exception_handler(HTTPException, _http_error)
    return app


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Bound the worker threads of sync routes: under Python's lock, forty requests in flight
    share one core and each takes forty times its own time; a short line keeps slow pages slow
    alone, and requests are answered in arrival order."""
    import anyio.to_thread

    anyio.to_thread.current_default_thread_limiter().total_tokens = app.state.settings.threads
    yield


def _docs(request: Request) -> HTMLResponse:
    if (SWAGGER / "swagger-ui-bundle.js").is_file():
        vendor = "/static/vendor/node_modules/swagger-ui-dist"
        return get_swagger_ui_html(openapi_url="/openapi.json", title="presswatch API",
                                   swagger_js_url=f"{vendor}/swagger-ui-bundle.js",
                                   swagger_css_url=f"{vendor}/swagger-ui.css",
                                   swagger_favicon_url="/static/favicon.svg")
    routes = sorted((path, method.upper()) for path, item in request.app.openapi()["paths"].items()
                    for method in item)
    return request.app.state.templates.TemplateResponse(request, "docs.html", {"routes": routes})


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def _error(request: Request, status: int, title: str, messages: list[str], detail: object) -> object:
    if _wants_json(request):
        return JSONResponse({"detail": detail, "message": "; ".join(messages)}, status_code=status)
    return request.app.state.templates.TemplateResponse(
        request, "error.html", {"status": status, "title": title, "messages": messages}, status_code=status)


async def _invalid(request: Request, exc: RequestValidationError) -> object:
    errors = [{key: value for key, value in error.items() if key in ("type", "loc", "msg", "input")}
              for error in exc.errors()]
    messages = [f"{'.'.join(str(part) for part in error['loc'][1:]) or 'request'}: {error['msg']}"
                for error in errors]
    return _error(request, 422, "Invalid request", messages, _jsonable(errors))


def _jsonable(errors: list[dict]) -> list[dict]:
    return [{**error, "loc": list(error["loc"]), "input": error.get("input")
             if isinstance(error.get("input"), (str, int, float, type(None))) else str(error.get("input"))}
            for error in errors]


async def _presswatch_error(request: Request, exc: PresswatchError) -> object:
    return _error(request, 422, "Invalid request", [str(exc)], str(exc))


async def _timeout(request: Request, exc: QueryTimeout) -> object:
    return _error(request, 503, "Query too slow", [str(exc)], str(exc))


async def _interrupted(request: Request, exc: sqlite3.OperationalError) -> object:
    if "interrupted" not in str(exc):
        raise exc
    message = timeout_message(request.app.state.settings.query_ms)
    return _error(request, 503, "Query too slow", [message], message)


async def _http_error(request: Request, exc: HTTPException) -> object:
    titles = {404: "Not found", 405: "Method not allowed", 403: "Not allowed"}
    return _error(request, exc.status_code, titles.get(exc.status_code, "Error"), [str(exc.detail)], exc.detail)
