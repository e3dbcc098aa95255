"""Checks every stage must pass (STYLE.md section 10), run over the whole Analysis.

Any record with `start`/`end`/`text` must index the document text exactly, whichever stage made
it; output is deterministic; the input document comes back unchanged; odd inputs do not crash.
"""

from __future__ import annotations

import dataclasses

import pytest

from presswatch.records import Analysis, Document
from tests.conftest import EXAMPLES, FIXTURES

ODD_TEXTS = [
    "",
    "\n\n   \n",
    "“An opening quote that never closes, said nobody",
    "«Guillemets» and „low marks“ and 'single' ones: ‘mixed’ \" \" ' '.",
    "On the next day. Yesterday. In February. 2022. Then later.",
    "A" * 5000,
    "<script>alert(1)</script> said the <b>minister</b> in Baku.",
]


def spans_in(value, path="analysis"):
    """Yield (path, record) for every record that carries start, end and text."""
    if dataclasses.is_dataclass(value):
        names = {field.name for field in dataclasses.fields(value)}
        if {"start", "end", "text"} <= names and isinstance(value.start, int):
            yield path, value
        for field in dataclasses.fields(value):
            if field.name != "document":
                yield from spans_in(getattr(value, field.name), f"{path}.{field.name}")
    elif isinstance(value, (tuple, list)):
        for index, item in enumerate(value):
            yield from spans_in(item, f"{path}[{index}]")


def contract_texts():
    texts = [path.read_text(encoding="utf-8") for path in sorted((FIXTURES / "articles").glob("*.txt"))]
    texts += [path.read_text(encoding="utf-8") for path in sorted(EXAMPLES.glob("*.txt"))[:6]]
    seed = FIXTURES.parents[1].parent / "shared" / "seeds" / "000_42793ad116534b6d.txt"
    if seed.exists():
        texts.append(seed.read_text(encoding="utf-8"))
    return texts + ODD_TEXTS


@pytest.fixture(scope="module")
def analyses(pipeline):
    documents = [Document.from_text(text, published="2022-09-20") for text in contract_texts()]
    return documents, list(pipeline.analyze_many(documents))


def test_every_span_indexes_the_document_text(analyses):
    _, results = analyses
    for analysis in results:
        text = analysis.document.text
        for path, record in spans_in(analysis):
            if record.start is None:
                continue
            assert 0 <= record.start <= record.end <= len(text), path
            if record.text is not None:
                assert text[record.start:record.end] == record.text, path


def test_sentences_lie_inside_the_text_in_order(analyses):
    _, results = analyses
    for analysis in results:
        ends = [0]
        for sentence in analysis.sentences:
            assert ends[-1] <= sentence.start < sentence.end <= len(analysis.document.text)
            ends.append(sentence.end)


def test_ids_are_sequential_and_references_resolve(analyses):
    _, results = analyses
    for analysis in results:
        for prefix, records in (("e", analysis.entities), ("q", analysis.quotes), ("v", analysis.events)):
            assert [record.id for record in records] == [f"{prefix}{n}" for n in range(1, len(records) + 1)]
        entity_ids = {entity.id for entity in analysis.entities}
        quote_ids = {quote.id for quote in analysis.quotes}
        for quote in analysis.quotes:
            assert quote.speaker is None or quote.speaker.entity in entity_ids | {None}
        for event in analysis.events:
            assert event.attributed_to in quote_ids | {None}
            for participant in (event.source, event.target):
                assert participant is None or participant.entity in entity_ids | {None}
        main = analysis.acled_main
        if main is not None:
            typed = {e.id for e in analysis.events if e.acled and e.acled.sub_event_type == main.sub_event_type}
            assert set(main.events) <= typed and 0 < main.score <= 1


def test_input_unchanged_and_output_deterministic(pipeline, analyses):
    documents, results = analyses
    assert [analysis.document for analysis in results] == documents
    again = list(pipeline.analyze_many(documents))
    assert [a.to_json() for a in again] == [a.to_json() for a in results]


def test_contract_round_trip_for_real_output(analyses):
    _, results = analyses
    for analysis in results:
        assert Analysis.from_json(analysis.to_json()) == analysis
