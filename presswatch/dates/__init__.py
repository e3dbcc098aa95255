"""Dates stage: resolve each event's date against publication date and narrative (issue 6)."""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from presswatch.records import Document, Event

REQUIRES = ("document", "parsed", "events")
ASSIGNS = "events"


def make_component(nlp: Language) -> Callable[..., tuple[Event, ...]]:
    """Return the date resolver; until issue 6 it returns the events unchanged."""

    def resolve_dates(document: Document, parsed: Doc, events: tuple[Event, ...]) -> tuple[Event, ...]:
        return events

    return resolve_dates
