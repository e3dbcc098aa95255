"""The pipeline: stage order, offsets, determinism, empty documents, error handling."""

from __future__ import annotations

import types

import pytest

from presswatch.errors import PresswatchError
from presswatch.pipeline import Pipeline, Stage, check_stage_order
from presswatch.records import Analysis, Document, Failure
from tests.conftest import FIXTURES

TEXT = (FIXTURES / "articles" / "border_statement.txt").read_text(encoding="utf-8")


def test_stage_order_is_checked():
    check_stage_order([Stage("a", ("parsed",), "entities", tuple), Stage("b", ("entities",), "quotes", tuple)])
    with pytest.raises(PresswatchError) as info:
        check_stage_order([Stage("quotes", ("entities",), "quotes", tuple)])
    assert info.value.code == "PWE202" and "quotes" in str(info.value)


def test_default_stages_run_in_design_order(pipeline):
    assert [stage.name for stage in pipeline.stages] == ["actors", "quotes", "events", "acled_main", "dates", "places", "techniques"]


def test_offsets_index_the_original_text(pipeline):
    analysis = pipeline.analyze(Document.from_text(TEXT))
    assert analysis.sentences and analysis.entities
    for sentence in analysis.sentences:
        assert TEXT[sentence.start:sentence.end].strip() == TEXT[sentence.start:sentence.end]
    spans = [m for e in analysis.entities for m in e.mentions]
    spans += [q.content for q in analysis.quotes] + [v.trigger for v in analysis.events]
    for span in spans:
        assert TEXT[span.start:span.end] == span.text
    for technique in analysis.techniques:
        assert TEXT[technique.start:technique.end] == technique.text


def test_same_input_same_output(pipeline):
    first = pipeline.analyze(Document.from_text(TEXT))
    second = pipeline.analyze(Document.from_text(TEXT))
    assert first.to_json() == second.to_json()
    ids = [e.id for e in first.entities]
    assert ids == [f"e{n}" for n in range(1, len(ids) + 1)]


def test_empty_and_whitespace_documents(pipeline):
    for text in ("", "   \n\n  "):
        analysis = pipeline.analyze(Document.from_text(text))
        assert analysis.sentences == () and analysis.entities == ()
        assert Analysis.from_json(analysis.to_json()) == analysis


def test_analyze_many_keeps_order_and_batches(pipeline):
    texts = [f"Report number {n}. The minister met envoys in Riga." for n in range(70)]
    results = list(pipeline.analyze_many(Document.from_text(t) for t in texts))
    assert [r.document.text for r in results] == texts


def test_a_failing_stage_is_reported_and_the_batch_goes_on(pipeline):
    def explode(document, parsed):
        if "boom" in document.text:
            raise ValueError("stage blew up")
        return ()

    broken = Pipeline.__new__(Pipeline)
    broken.__dict__.update(pipeline.__dict__)
    broken.stages = (*pipeline.stages, Stage("exploder", ("document", "parsed"), "techniques", explode))
    docs = [Document.from_text("Calm day."), Document.from_text("boom here", origin="x.txt"),
            Document.from_text("Another calm day.")]
    results = list(broken.analyze_many(docs, on_error="skip"))
    assert [type(r) for r in results] == [Analysis, Failure, Analysis]
    assert results[1].code == "PWE203" and "x.txt" in results[1].message and "stage blew up" in results[1].message
    with pytest.raises(ValueError):
        list(broken.analyze_many(docs, on_error="raise"))


def test_missing_model_is_a_clear_error():
    with pytest.raises(PresswatchError) as info:
        Pipeline(model="en_no_such_model_xyz", stage_modules=(types.ModuleType("none"),)[:0])
    assert info.value.code == "PWE201" and "pip install" in str(info.value)
