"""Web test fixtures: a temporary store built in-process (web_fixtures.py) and a TestClient over it."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from web_fixtures import FakeAnalyzer, all_analyses, build_store

from presswatch.web.app import make_app


@pytest.fixture(scope="session")
def web_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("web") / "web.db"
    build_store(path)
    return path


@pytest.fixture(scope="session")
def client(web_db):
    with TestClient(make_app(web_db, analyzer=FakeAnalyzer(), max_upload_bytes=20_000)) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def ids():
    """Document ids of the fixture articles by role."""
    armenian, azerbaijani, xss, *extra = all_analyses()
    return {"armenian": armenian.document.id, "azerbaijani": azerbaijani.document.id,
            "xss": xss.document.id, "extra": [a.document.id for a in extra]}
