"""Events stage: political events coded in PLOVER/CAMEO/ACLED with status (issue 5 fills it)."""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from presswatch.records import Document, Entity, Event, Quote

REQUIRES = ("document", "parsed", "entities", "quotes")
ASSIGNS = "events"


def make_component(nlp: Language) -> Callable[..., tuple[Event, ...]]:
    """Return the event extractor; no event lexicon is built yet, so it finds none."""

    def extract_events(
        document: Document, parsed: Doc, entities: tuple[Entity, ...], quotes: tuple[Quote, ...]
    ) -> tuple[Event, ...]:
        return ()

    return extract_events
