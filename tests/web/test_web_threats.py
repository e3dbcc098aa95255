"""Web threats from SECURITY.md: injection through filters, upload names, exposure, read-only store."""

from __future__ import annotations

import inspect
import os

import pytest

from presswatch import cli

INJECTIONS = ["' OR 1=1 --", '"; DROP TABLE documents; --', "ARM') UNION SELECT * FROM documents --",
              "%27%20OR%20%271%27=%271", "\x00", "*" * 500]


@pytest.mark.issue(11)
@pytest.mark.parametrize("value", INJECTIONS)
@pytest.mark.parametrize("name", ["country", "outlet", "type", "q", "speaker", "since"])
def test_hostile_filter_values_never_reach_sql_as_code(client, name, value):
    before = client.get("/api/v1/documents").json()["total"]
    for path in ("/api/v1/clusters", "/api/v1/documents", "/api/v1/quotes", "/events", "/articles"):
        response = client.get(path, params={name: value})
        assert response.status_code in (200, 422), (path, name, value, response.status_code)
        if response.status_code == 200 and path == "/api/v1/clusters" and name in ("country", "outlet", "type"):
            assert response.json()["total"] == 0  # a hostile value matches nothing; it is not code
    assert client.get("/api/v1/documents").json()["total"] == before


@pytest.mark.issue(11)
@pytest.mark.parametrize("filename", ["../../../../tmp/presswatch-escape.txt", "/etc/passwd", "..\\..\\x.txt",
                                      "a\x00b.txt", "<script>x</script>.txt"])
def test_upload_names_are_never_used_as_paths(client, filename, tmp_path):
    response = client.post("/api/v1/analyze", files={"file": (filename, b"A short uploaded report.", "text/plain")})
    assert response.status_code in (200, 422)
    assert not os.path.exists("/tmp/presswatch-escape.txt")
    if response.status_code == 200:
        assert response.headers["x-presswatch-stored"] == "false"
        assert "<script>" not in client.post("/analyze", files={"file": (filename, b"Text.", "text/plain")}).text


def test_server_binds_to_localhost_by_default():
    default_host = inspect.signature(cli.serve).parameters["host"].default
    assert default_host == "127.0.0.1"


def test_the_dashboard_cannot_write_the_store(client):
    refused = client.post("/api/v1/analyze", data={"text": "Store me.", "store": "true"})
    assert refused.status_code == 403
    for method in ("put", "delete", "patch"):
        assert getattr(client, method)("/api/v1/documents").status_code == 405


@pytest.mark.issue(11)
def test_one_client_flooding_the_server_gets_429_with_retry_after(web_db):
    from fastapi.testclient import TestClient

    from presswatch.web.app import make_app

    assert inspect.signature(cli.serve).parameters["rate_limit"].default > 0  # on for `presswatch serve`
    with TestClient(make_app(web_db, rate_limit=0.5, burst=3)) as flooding:
        statuses = [flooding.get("/api/v1/documents").status_code for _ in range(5)]
        assert statuses == [200, 200, 200, 429, 429]
        refused = flooding.get("/api/v1/overview")
        assert refused.status_code == 429 and int(refused.headers["retry-after"]) >= 1
        assert "Too many requests" in refused.json()["message"]
        assert "Too many requests" in flooding.get("/events").text
        assert flooding.get("/static/style.css").status_code == 200  # assets are not counted


def test_rate_limit_refills_and_keeps_clients_apart():
    from presswatch.web.limits import RateLimit

    now = [0.0]
    limit = RateLimit(app=None, rate=2.0, burst=2, clock=lambda: now[0])
    assert [limit._wait("a") for _ in range(3)] == [0.0, 0.0, 0.5]
    assert limit._wait("b") == 0.0  # another address has its own bucket
    now[0] = 0.5  # one token back after half a second at 2 per second
    assert limit._wait("a") == 0.0 and limit._wait("a") > 0
