"""Places stage: geocode each event's location with an offline gazetteer (issue 6)."""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from presswatch.records import Document, Entity, Event

REQUIRES = ("document", "parsed", "entities", "events")
ASSIGNS = "events"


def make_component(nlp: Language) -> Callable[..., tuple[Event, ...]]:
    """Return the geocoder; until issue 6 it returns the events unchanged."""

    def resolve_places(
        document: Document, parsed: Doc, entities: tuple[Entity, ...], events: tuple[Event, ...]
    ) -> tuple[Event, ...]:
        return events

    return resolve_places
