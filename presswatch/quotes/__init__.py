"""Quotes stage: quotations and reported statements with cue and speaker (issue 4 fills it)."""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from presswatch.records import Document, Entity, Quote

REQUIRES = ("document", "parsed", "entities")
ASSIGNS = "quotes"


def make_component(nlp: Language) -> Callable[..., tuple[Quote, ...]]:
    """Return the quote extractor; no extractor is trained yet, so it finds none."""

    def extract_quotes(document: Document, parsed: Doc, entities: tuple[Entity, ...]) -> tuple[Quote, ...]:
        return ()

    return extract_quotes
