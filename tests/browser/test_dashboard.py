"""The dashboard in Chromium on the example corpus: every page, filters, highlights, map, timeline, XSS."""

from __future__ import annotations

import httpx
import pytest
from conftest import shoot

pytestmark = pytest.mark.browser


def test_overview_map_and_timeline_render(page):
    page.goto("/")
    assert page.locator("#map path.country").count() > 20
    assert page.locator("#map path[class*='shade']:not(.shade0)").count() >= 3
    box = page.locator("#map").bounding_box()
    assert box["width"] > 400 and box["height"] > 200
    assert page.locator("#timeline rect").count() > 5
    assert page.locator("#timeline rect.quad4").count() > 0
    assert page.locator("ol.top li").count() > 5
    shoot(page, "overview")
    page.select_option("select[name=watchlist]", "South Caucasus")
    page.click("form.filters button")
    page.wait_for_url("**watchlist=South+Caucasus**")
    assert page.locator("#map path.country").count() < 40
    shoot(page, "overview-south-caucasus")
    page.locator("#map a").first.click()
    page.wait_for_url("**/events?country=**")
    assert page.locator("#events-table tbody tr").count() > 0


def test_event_filters_and_cluster_page(page, server):
    page.goto("/events")
    everything = page.locator("#events-table tbody tr").count()
    page.fill("input[name=dyad]", "ARM-AZE")
    page.select_option("select[name=type]", "ASSAULT")
    page.click("#event-filters button")
    page.wait_for_url("**dyad=ARM-AZE**")
    rows = page.locator("#events-table tbody tr")
    assert 0 < rows.count() < everything
    assert all(text.strip().startswith("ASSAULT") for text in rows.locator("td:nth-child(2)").all_inner_texts())
    shoot(page, "events-filtered")
    rows.first.locator("a").first.click()
    page.wait_for_url("**/events/c*")
    assert page.locator("table.evidence tbody tr").count() >= 1
    assert page.locator("table.evidence mark.event").first.is_visible()
    shoot(page, "cluster")
    contested = httpx.get(server + "/api/v1/contested").json()["contested"]
    assert contested, "the example corpus has contested claims"
    page.goto(f"/events/{contested[0]['cluster']['id']}")
    assert page.locator("#contested .side").count() >= 2
    shoot(page, "cluster-contested")


def test_article_highlights_click_and_toggle(page, server):
    documents = httpx.get(server + "/api/v1/documents", params={"q": "Pashinyan", "limit": 1}).json()["documents"]
    page.goto(f"/articles/{documents[0]['id']}")
    quote = page.locator("#article-text mark.quote").first
    assert quote.is_visible()
    assert page.locator("#article-text mark.event").count() > 0
    quote.click()
    details = page.locator("#details")
    assert "filled" in details.get_attribute("class")
    assert details.locator(".speaker-name").count() >= 1
    assert page.locator(".sidebar li.active").count() >= 1
    page.locator(".sidebar ul.events li[data-ref]").first.click()
    assert page.locator("#article-text mark.event.focus").count() >= 1
    assert "QuadClass" in details.inner_text()
    shoot(page, "article")
    background = "getComputedStyle(document.querySelector('#article-text mark.quote')).backgroundColor"
    assert page.evaluate(background) != "rgba(0, 0, 0, 0)"
    page.uncheck("[data-toggle=quote]")
    assert page.evaluate(background) == "rgba(0, 0, 0, 0)"
    shoot(page, "article-quotes-off")


def test_article_names_its_main_acled_event(page, server):
    listed = httpx.get(server + "/api/v1/documents", params={"limit": 100}).json()["documents"]
    for doc in listed:
        main = httpx.get(server + f"/api/v1/documents/{doc['id']}").json()["acled_main"]
        if main and main["events"]:
            break
    else:
        pytest.fail("no example article has a main ACLED event")
    page.goto(f"/articles/{doc['id']}")
    line = page.locator("#acled-main")
    assert line.is_visible()
    assert f"Main ACLED event: {main['event_type']} / {main['sub_event_type']}" in line.inner_text()
    line.locator("a").first.click()
    assert page.url.endswith(f"#item-{main['events'][0]}")
    shoot(page, "article-main-event")


def test_xss_article_shows_its_payload_as_text(page, server):
    found = httpx.get(server + "/api/v1/documents", params={"q": "Rahmon", "limit": 100}).json()["documents"]
    xss = next(d for d in found if "Border" in (d["title"] or ""))
    for url in (f"/articles/{xss['id']}", "/articles", "/", "/events?country=TJK"):
        page.goto(url)
        assert page.evaluate("window.__xss") is None, url
        assert page.locator("img[src=x]").count() == 0, url
    page.goto(f"/articles/{xss['id']}")
    assert "<script>window.__xss = 1</script>Border" in page.locator("h1.article-title").inner_text()
    assert '<img src=x onerror="window.__xss = 3">Evil Outlet' in page.locator(".meta").inner_text()
    assert "<script>window.__xss = 4</script>" in page.locator("#article-text").inner_text()
    assert page.locator("#article-text script").count() == 0
    assert page.locator("a[href^='javascript:']").count() == 0
    shoot(page, "xss-article")


def test_articles_and_speakers(page):
    page.goto("/articles")
    assert page.locator("table.articles tbody tr").count() > 20
    page.fill("input[name=q]", "ceasefire")
    page.click("form.filters button")
    page.wait_for_url("**q=ceasefire**")
    assert 0 < page.locator("table.articles tbody tr").count() < 20
    shoot(page, "articles")
    page.goto("/speakers")
    assert page.locator("table.speakers tbody tr").count() > 5
    shoot(page, "speakers")
    page.locator("table.speakers tbody tr a").first.click()
    page.wait_for_url("**/speakers/*")
    assert page.locator("#activity rect").count() > 0
    assert page.locator(".quote-list li").count() > 0
    shoot(page, "speaker")


def test_analyze_pasted_text_and_oversized_upload(page):
    page.goto("/analyze")
    page.fill("input[name=title]", "Pasted <b>article</b>")
    page.fill("textarea[name=text]", 'Armenian Prime Minister Nikol Pashinyan said Azerbaijani forces shelled '
                                     'Jermuk on September 13. "This is aggression," he said.')
    page.click("form.analyze button")
    page.wait_for_selector("#article-text", timeout=120_000)
    assert "not stored" in page.locator(".banner").inner_text()
    assert page.locator("h1.article-title").inner_text() == "Pasted <b>article</b>"
    assert page.locator("#article-text mark").count() > 0
    shoot(page, "analyze-result")
    page.goto("/analyze")
    page.set_input_files("input[name=file]", {"name": "big.txt", "mimeType": "text/plain",
                                              "buffer": b"word " * 500_000})
    page.click("form.analyze button")
    page.wait_for_selector("text=Upload too large")
    assert "larger than the limit" in page.content()


def test_api_docs_load_offline(page):
    page.goto("/docs")
    page.wait_for_selector(".swagger-ui .info", timeout=30_000)
    assert "presswatch" in page.locator(".swagger-ui .info").inner_text()
    shoot(page, "api-docs")
