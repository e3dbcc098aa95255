"""Pieces the pages are drawn from: highlight segments, charts, the map."""

from __future__ import annotations

from web_fixtures import armenian_analysis, xss_analysis

from presswatch.store.browsing import Count, QuadCount
from presswatch.web.charts import month_bars, pick_frequency, quad_timeline
from presswatch.web.highlight import Label, article_labels, split_segments
from presswatch.web.worldmap import Atlas, draw_map, shade


def label(start, end, ref):
    return Label(start, end, "quote", ref, "quote", ref)


def test_segments_cover_the_text_exactly_with_overlaps():
    text = "0123456789"
    segments = split_segments(text, [label(2, 6, "a"), label(4, 8, "b"), label(4, 6, "c"), label(9, 30, "out")])
    assert "".join(s.text for s in segments) == text
    assert [(s.text, s.refs) for s in segments] == [("01", ""), ("23", "a"), ("45", "a b c"), ("67", "b"), ("89", "")]


def test_segments_keep_markup_as_text():
    analysis = xss_analysis()
    segments = split_segments(analysis.document.text, article_labels(analysis))
    assert "".join(s.text for s in segments) == analysis.document.text
    assert any(s.text == "<script>window.__xss = 3</script>" and s.refs == "q1" for s in segments)


def test_article_labels_colour_quotes_by_speaker():
    labels = article_labels(armenian_analysis())
    kinds = {(lab.kind, lab.ref) for lab in labels}
    assert kinds == {("quote", "q1"), ("speaker", "q1"), ("event", "v1"), ("technique", "t1")}
    assert next(lab for lab in labels if lab.kind == "quote").css == "quote sp0"


def test_timeline_stacks_quad_classes():
    chart = quad_timeline([QuadCount("2022-09-13", 4, 2), QuadCount("2022-09-13", 1, 1), QuadCount("2022-09-15", 3, 1)])
    assert chart.frequency == "day" and chart.peak == 3 and len(chart.bars) == 3
    assert {bar.css for bar in chart.bars} == {"quad1", "quad3", "quad4"}
    assert all(0 <= bar.y and bar.y + bar.height <= chart.height + 0.01 for bar in chart.bars)
    assert quad_timeline([]).bars == ()
    assert pick_frequency(["2020-08-10", "2022-09-13"]) == "week"


def test_month_bars_leave_gaps():
    chart = month_bars([Count("2022-01", 2), Count("2022-04", 4)])
    assert len(chart.bars) == 2 and chart.ticks[-1].label == "2022-04"


def test_shades_and_map():
    assert shade(0, 10) == 0 and shade(10, 10) == 5 and 1 <= shade(0.1, 10) <= 2
    atlas = Atlas.load()
    assert atlas is not None, "run scripts/setup.sh: the world-atlas npm package is missing"
    view = draw_map(atlas, {"ARM": (2, 20.0), "AZE": (1, 5.0)}, ("ARM", "AZE", "GEO"))
    armenia = next(s for s in view.shapes if s.iso3 == "ARM")
    assert armenia.shade == 5 and armenia.path.startswith("M") and not view.tiles
    assert len(view.shapes) < 40  # framed on the region


def test_map_falls_back_to_tiles():
    view = draw_map(None, {"ARM": (2, 20.0), "KAZ": (1, 0.0)}, None)
    assert view.tiles and [s.iso3 for s in view.shapes] == ["ARM", "KAZ"] and view.shapes[1].shade == 0
