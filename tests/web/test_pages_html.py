"""HTML pages: each renders, links its JSON twin, escapes article data, and explains errors."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from web_fixtures import XSS_MAIN_EVENT, XSS_OUTLET, XSS_TITLE

PAGES = ["/", "/?watchlist=all", "/?since=2022-09-01&until=2022-09-30&watchlist=South+Caucasus", "/events",
         "/events?country=&dyad=&type=&status=&since=&until=&outlet=&watchlist=", "/events?type=ASSAULT&status=asserted",
         "/articles", "/articles?q=Jermuk&outlet=&since=&until=", "/speakers", "/speakers/Ilham%20Aliyev", "/analyze"]


@pytest.mark.parametrize("url", PAGES)
def test_pages_render(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    assert "https://" not in re.sub(r'href="https://courier\.example/jermuk"', "", response.text)  # no CDN


@pytest.mark.parametrize("page, twin", [("/", "/api/v1/overview"), ("/events?type=ASSAULT", "/api/v1/clusters?type=ASSAULT"),
                                        ("/articles", "/api/v1/documents"), ("/speakers", "/api/v1/speakers")])
def test_each_page_links_its_json_twin(client, page, twin):
    assert f'href="{twin}"' in client.get(page).text.replace("&amp;", "&")
    assert client.get(twin).status_code == 200


def test_overview_draws_map_timeline_and_alerts(client):
    html = client.get("/").text
    svg = html[html.index('<svg id="map"'):html.index("</svg>", html.index('<svg id="map"'))]
    assert svg.count("<path") > 10 and 'data-country="ARM"' in svg and re.search(r"shade[1-5]", svg)
    timeline = html[html.index('<svg id="timeline"'):]
    assert 'class="quad4"' in timeline and 'class="quad1"' not in html[html.index('<svg id="map"'):html.index('<svg id="timeline"')]
    assert 'href="/events?country=ARM&amp;since=2022-09-13&amp;until=2022-09-13"' in html  # an alert
    assert 'href="/speakers/Alexander%20Lukashenko"' in html


def test_events_table_and_cluster_page(client):
    html = client.get("/events?dyad=AZE-ARM").text
    (cluster_id,) = re.findall(r'href="/events/(c[0-9a-f]+)"', html)
    assert "contested" in html
    page = client.get(f"/events/{cluster_id}").text
    assert 'id="contested"' in page and "Ilham Aliyev" in page and "Yerevan Courier" in page
    assert '<mark class="event">shelled</mark>' in page and '<mark class="event">attacked</mark>' in page
    assert client.get("/events/cnope").status_code == 404


def test_article_highlights_and_sidebar(client, ids):
    html = client.get(f"/articles/{ids['armenian']}").text
    assert re.search(r'<mark class="quote sp0[^"]*" data-refs="q1[^"]*"', html)
    assert re.search(r'<mark class="event quad4" data-refs="v1" title="Event ASSAULT; CAMEO 195', html)
    assert 'data-refs="q1 t1"' in html and "Words or phrases with strong emotional implications" in html
    assert 'id="item-q1"' in html and 'id="item-v1"' in html and 'id="item-t1"' in html
    assert 'href="https://courier.example/jermuk"' in html


def test_article_text_survives_highlighting(client, ids):
    html = client.get(f"/articles/{ids['armenian']}").text
    body = html[html.index('id="article-text"'):html.index("</article>")]
    text = re.sub(r"<[^>]+>", "", body.split(">", 1)[1])
    assert text.replace("&#34;", '"').replace("&quot;", '"') == client.get(f"/api/v1/documents/{ids['armenian']}").json()["document"]["text"]


def test_xss_article_is_escaped_everywhere(client, ids):
    for url in (f"/articles/{ids['xss']}", "/articles", "/events", "/events?country=KGZ", "/"):
        html = client.get(url).text
        assert "<script>window.__xss" not in html and "<img src=x" not in html, url
        assert 'onerror="window' not in html and "<b onmouseover" not in html, url
    article = client.get(f"/articles/{ids['xss']}").text
    assert "&lt;script&gt;window.__xss = 1&lt;/script&gt;Breaking" in article
    assert "&lt;img src=x onerror=" in article and 'href="javascript:' not in article
    assert XSS_TITLE not in article and XSS_OUTLET not in article and XSS_MAIN_EVENT not in article
    assert "Main ACLED event: <strong>&lt;script&gt;window.__xss = 5&lt;/script&gt;Riots / Violent demonstration" in article


def test_article_names_its_main_acled_event_only_when_it_has_one(client, ids):
    html = client.get(f"/articles/{ids['armenian']}").text
    line = html[html.index('id="acled-main"'):html.index("</p>", html.index('id="acled-main"'))]
    assert "Explosions/Remote violence / Shelling/artillery/missile attack" in line
    assert "score 0.81" in line and '<a href="#item-v1">v1</a>' in line
    assert client.get(f"/api/v1/documents/{ids['armenian']}").json()["acled_main"]["events"] == ["v1"]
    assert 'id="acled-main"' not in client.get(f"/articles/{ids['azerbaijani']}").text


def test_speaker_page(client):
    html = client.get("/speakers/" + quote("Alexander Lukashenko")).text
    assert html.count("<blockquote>") == 6 and '<svg id="activity"' in html and 'class="quote-bar"' in html
    assert client.get("/speakers/Nobody").status_code == 404


def test_analyze_page_shows_the_article_unstored(client):
    response = client.post("/analyze", data={"text": "It was a bloody <b>day</b>.", "title": "Pasted"})
    assert response.status_code == 200 and "not stored" in response.text
    assert "&lt;b&gt;day&lt;/b&gt;" in response.text and 'class="technique"' in response.text
    assert client.post("/analyze", data={"text": ""}).status_code == 422


@pytest.mark.parametrize("url, message", [("/events?country=A1", "country: expected a country code"),
                                          ("/events?since=2022-13-01", "since: expected a date"),
                                          ("/?watchlist=Atlantis", "unknown watchlist"),
                                          ("/articles?limit=0", "limit"), ("/articles?q=%22x", "not a valid search query")])
def test_bad_parameters_render_an_error_page(client, url, message):
    response = client.get(url)
    assert response.status_code == 422 and message in response.text
    assert response.headers["content-type"].startswith("text/html")


def test_not_found_page(client):
    response = client.get("/articles/nope")
    assert response.status_code == 404 and "no article" in response.text and "<h1>404" in response.text
