"""The JSON API: every endpoint, pagination, filters, and errors (422 with a message, 404, 413)."""

from __future__ import annotations

import shutil

import pytest
from fastapi.testclient import TestClient
from web_fixtures import EXTRA_ARTICLES, FakeAnalyzer

from presswatch.errors import PresswatchError
from presswatch.records import Analysis
from presswatch.web.app import make_app

TOTAL_DOCUMENTS = 3 + EXTRA_ARTICLES


def walk(client: TestClient, url: str, key: str) -> list[dict]:
    """Follow `next` links to the end; return every item."""
    items = []
    while url:
        body = client.get(url).json()
        items += body[key]
        url = body["next"]
    return items


def test_documents_paginate_with_next_links(client):
    first = client.get("/api/v1/documents", params={"limit": 4}).json()
    assert first["total"] == TOTAL_DOCUMENTS and first["limit"] == 4 and first["offset"] == 0
    assert len(first["documents"]) == 4 and "offset=4" in first["next"]
    everything = walk(client, "/api/v1/documents?limit=4", "documents")
    assert len({d["id"] for d in everything}) == TOTAL_DOCUMENTS
    last = client.get("/api/v1/documents", params={"limit": 4, "offset": 8}).json()
    assert len(last["documents"]) == 1 and last["next"] is None


def test_documents_filters(client, ids):
    by_outlet = client.get("/api/v1/documents", params={"outlet": "Minsk Dispatch"}).json()
    assert by_outlet["total"] == EXTRA_ARTICLES
    in_period = client.get("/api/v1/documents", params={"since": "2022-09-13", "until": "2022-09-13"}).json()
    assert {d["id"] for d in in_period["documents"]} == {ids["armenian"], ids["azerbaijani"]}
    searched = client.get("/api/v1/documents", params={"q": "Kalbajar"}).json()
    assert [d["id"] for d in searched["documents"]] == [ids["azerbaijani"]]
    assert searched["documents"][0]["quotes"] == 1 and searched["documents"][0]["events"] == 1


def test_document_is_the_analysis_contract(client, ids):
    body = client.get(f"/api/v1/documents/{ids['armenian']}").json()
    assert body["schema"] == "presswatch.analysis/1"
    analysis = Analysis.from_dict(body)
    assert analysis.document.id == ids["armenian"] and analysis.techniques[0].text == "bloody massacre"


def test_clusters_filters_and_contested(client):
    every = client.get("/api/v1/clusters").json()
    assert every["total"] == len(every["clusters"]) and every["next"] is None
    assault = client.get("/api/v1/clusters", params={"dyad": "ARM-AZE"}).json()
    assert [c["type"] for c in assault["clusters"]] == ["ASSAULT"]
    cluster = assault["clusters"][0]
    assert cluster["articles"] == 2 and cluster["outlets"] == 2 and len(cluster["mentions"]) == 2
    assert assault["contested"] == [cluster["id"]]
    for params, expected in [({"country": "arm"}, 1), ({"type": "CONSULT"}, every["total"] - 2),
                             ({"status": "attributed"}, 1), ({"outlet": "Caspian Herald"}, 1),
                             ({"since": "2022-01-01"}, 2), ({"until": "2021-01-01"}, every["total"] - 2),
                             ({"watchlist": "South Caucasus"}, 1), ({"watchlist": "Central Asia"}, 1),
                             ({"country": "", "dyad": "", "status": ""}, every["total"])]:
        assert client.get("/api/v1/clusters", params=params).json()["total"] == expected, params


def test_clusters_paginate(client):
    total = client.get("/api/v1/clusters").json()["total"]
    items = walk(client, "/api/v1/clusters?limit=2", "clusters")
    assert len(items) == total and len({c["id"] for c in items}) == total


def test_cluster_has_evidence_and_sides(client):
    cluster_id = client.get("/api/v1/clusters", params={"dyad": "ARM-AZE"}).json()["clusters"][0]["id"]
    body = client.get(f"/api/v1/clusters/{cluster_id}").json()
    assert body["cluster"]["id"] == cluster_id
    triggers = {e["sentence"][e["trigger_start"]:e["trigger_end"]] for e in body["evidence"]}
    assert triggers == {"shelled", "attacked"}
    (claim,) = body["contested"]
    assert claim["kind"] == "who" and {s["claim"] for s in claim["sides"]} == {"ARM -> AZE", "AZE -> ARM"}
    assert client.get("/api/v1/clusters/cnope").status_code == 404


def test_series_alerts_contested_narratives(client):
    series = client.get("/api/v1/series").json()["series"]
    assert {"ARM", "AZE", "BLR"} <= {p["key"] for p in series}
    dyads = client.get("/api/v1/series", params={"by": "dyad", "frequency": "week"}).json()["series"]
    assert {p["key"] for p in dyads} == {"AZE>ARM"}
    watched = client.get("/api/v1/series", params={"watchlist": "South Caucasus"}).json()["series"]
    assert {p["key"] for p in watched} == {"ARM", "AZE"}
    alerts = client.get("/api/v1/alerts").json()["alerts"]
    assert {a["key"] for a in alerts} == {"ARM", "AZE"} and alerts[0]["evidence"]
    assert client.get("/api/v1/alerts", params={"metric": "events", "frequency": "week"}).status_code == 200
    contested = client.get("/api/v1/contested").json()["contested"]
    assert len(contested) == 1 and contested[0]["cluster"]["type"] == "ASSAULT"
    narratives = client.get("/api/v1/narratives", params={"min_count": 1}).json()["narratives"]
    assert isinstance(narratives, list)


def test_quotes_and_speakers(client):
    quotes = client.get("/api/v1/quotes", params={"speaker": "Alexander Lukashenko", "limit": 4}).json()
    assert quotes["total"] == EXTRA_ARTICLES and len(quotes["quotes"]) == 4 and quotes["next"]
    assert len(walk(client, "/api/v1/quotes?limit=4", "quotes")) == client.get("/api/v1/quotes").json()["total"]
    speakers = client.get("/api/v1/speakers").json()
    assert speakers["speakers"][0] == {"name": "Alexander Lukashenko", "quotes": EXTRA_ARTICLES,
                                       "documents": EXTRA_ARTICLES, "first_seen": "2020-08-10",
                                       "last_seen": "2020-08-15", "country": "BLR"}
    one = client.get("/api/v1/speakers/Ilham Aliyev").json()
    assert one["name"] == "Ilham Aliyev" and one["total"] == 1 and one["activity"] == [{"label": "2022-09", "count": 1}]
    assert "Kalbajar" in one["quotes"][0]["content"]
    assert client.get("/api/v1/speakers/Nobody").status_code == 404


def test_overview_outlets_techniques(client):
    overview = client.get("/api/v1/overview").json()
    assert overview["watchlist"] == "CIS" and {f["country"] for f in overview["map"]} >= {"ARM", "AZE"}
    assert overview["timeline"] and overview["alerts"] and overview["outlets"]
    everywhere = client.get("/api/v1/overview", params={"watchlist": "all"}).json()
    assert everywhere["watchlist"] is None and everywhere["countries"] is None
    assert client.get("/api/v1/outlets").json()["outlets"][0] == {"label": "Minsk Dispatch", "count": EXTRA_ARTICLES}
    assert client.get("/api/v1/techniques").json()["techniques"] == [{"label": "Loaded_Language", "count": 1}]


@pytest.mark.parametrize("url", [
    "/api/v1/documents?limit=0", "/api/v1/documents?limit=501", "/api/v1/documents?offset=-1",
    "/api/v1/documents?limit=abc", "/api/v1/documents?since=2022-02-30", "/api/v1/documents?q=%22open",
    "/api/v1/documents?since=2022-09-14&until=2022-09-13", "/api/v1/clusters?country=A1",
    "/api/v1/clusters?dyad=ARM", "/api/v1/clusters?type=DANCE", "/api/v1/clusters?status=rumoured",
    "/api/v1/clusters?since=13/09/2022", "/api/v1/clusters?watchlist=Atlantis", "/api/v1/series?by=city",
    "/api/v1/series?frequency=hour", "/api/v1/series?status=negated", "/api/v1/alerts?metric=vibes",
    "/api/v1/overview?watchlist=Atlantis", "/api/v1/narratives?min_count=0", "/api/v1/quotes?until=tomorrow",
    "/api/v1/outlets?limit=-5", "/api/v1/speakers?offset=x", f"/api/v1/clusters?outlet={'x' * 300}",
])
def test_bad_parameters_give_422_with_a_message(client, url):
    response = client.get(url)
    assert response.status_code == 422, response.text
    assert response.json()["message"]


def test_unknown_paths_are_404(client):
    assert client.get("/api/v1/documents/0000").status_code == 404
    assert client.get("/api/v1/nothing").status_code == 404


def test_analyze_text_file_and_errors(client):
    response = client.post("/api/v1/analyze", data={"text": "A bloody day.", "title": "T", "published": "2022-09-13"})
    assert response.status_code == 200 and response.headers["x-presswatch-stored"] == "false"
    body = response.json()
    assert body["document"]["title"] == "T" and body["techniques"][0]["text"] == "bloody"
    uploaded = client.post("/api/v1/analyze", files={"file": ("a.txt", b"Plain text from a file.", "text/plain")})
    assert uploaded.json()["document"]["text"] == "Plain text from a file."
    page = b"<html><body><article><h1>Head</h1><p>" + b"Paragraph with enough words to count. " * 20 + b"</p></article></body></html>"
    html = client.post("/api/v1/analyze", files={"file": ("a.html", page, "text/html")})
    assert html.status_code == 200 and "Paragraph with enough words" in html.json()["document"]["text"]
    assert client.post("/api/v1/analyze", data={"text": "  "}).status_code == 422
    assert client.post("/api/v1/analyze", files={"file": ("b.bin", b"\x00\x01" * 50, "application/octet-stream")}).status_code == 422
    refused = client.post("/api/v1/analyze", data={"text": "x", "store": "true"})
    assert refused.status_code == 403 and "read-only" in refused.json()["message"]


def test_oversized_upload_is_413(client):
    response = client.post("/api/v1/analyze", files={"file": ("big.txt", b"a" * 30_000, "text/plain")})
    assert response.status_code == 413 and "20,000 bytes" in response.json()["detail"]
    page = client.post("/analyze", files={"file": ("big.txt", b"a" * 30_000, "text/plain")})
    assert page.status_code == 413 and "larger than the limit" in page.text


def test_analyze_stores_only_when_allowed(web_db, tmp_path, ids):
    copy = tmp_path / "copy.db"
    shutil.copy(web_db, copy)
    with TestClient(make_app(copy, analyzer=FakeAnalyzer(), allow_store=True)) as writable:
        response = writable.post("/api/v1/analyze", data={"text": "A new article.", "store": "true"})
        assert response.headers["x-presswatch-stored"] == "true"
        document_id = response.json()["document"]["id"]
        assert writable.get(f"/api/v1/documents/{document_id}").status_code == 200
        assert writable.get("/api/v1/documents").json()["total"] == TOTAL_DOCUMENTS + 1


def test_openapi_and_offline_docs(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/v1/documents", "/api/v1/clusters", "/api/v1/series", "/api/v1/alerts", "/api/v1/contested",
            "/api/v1/quotes", "/api/v1/speakers", "/api/v1/analyze", "/api/v1/overview"} <= set(spec["paths"])
    docs = client.get("/docs")
    assert docs.status_code == 200 and "cdn." not in docs.text and "https://" not in docs.text


def test_missing_store_fails_at_startup(tmp_path):
    with pytest.raises(PresswatchError, match="PWE904"):
        make_app(tmp_path / "missing.db")


def test_slow_queries_are_cut_off_with_503(web_db):
    with TestClient(make_app(web_db, query_ms=0)) as impatient:
        response = impatient.get("/api/v1/documents")
    assert response.status_code == 503 and "narrow the filters" in response.json()["message"]


def test_requests_worked_on_at_once_are_bounded(web_db):
    import anyio.to_thread

    def tokens() -> float:
        return anyio.to_thread.current_default_thread_limiter().total_tokens

    with TestClient(make_app(web_db, threads=3)) as bounded:
        assert bounded.portal.call(tokens) == 3
        assert bounded.get("/api/v1/documents").status_code == 200
