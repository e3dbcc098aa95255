"""Dates stage: resolve each event's date against publication date and narrative (issue 6).

Finds temporal expressions (`expressions.py`, patterns in `rules.py`), resolves them in text order
(`normalize.py`), and dates each event from the expression tied to its trigger (`attach.py`).
Returns new Event records with `date = EventDate(value, precision, text, start, end, method)`;
`method` is "<how it was tied>:<pattern>", e.g. "clause:MONTH_DAY" or "narrative:NARRATIVE_DAY".
An event the text does not date keeps `date=None`.  DESIGN.md, "The contract".
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from presswatch.dates.attach import choose_date, sentence_infos
from presswatch.dates.expressions import find_expressions
from presswatch.dates.normalize import Resolution, resolve_expressions
from presswatch.records import Document, Event, EventDate

REQUIRES = ("document", "parsed", "events")
ASSIGNS = "events"


def resolve_document(document: Document, parsed: Doc) -> tuple[Resolution, ...]:
    """Every temporal expression of the document with its resolved value (or None)."""
    sentences = [(info.start, info.end) for info in sentence_infos(parsed)]
    return resolve_expressions(find_expressions(document.text, parsed), document.published, document.text,
                               sentences)


def date_events(document: Document, parsed: Doc, events: tuple[Event, ...]) -> tuple[Event, ...]:
    """New events, each with the date its text gives (or unchanged when it gives none)."""
    if not events:
        return events
    sentences = sentence_infos(parsed)
    resolutions = resolve_expressions(find_expressions(document.text, parsed), document.published,
                                      document.text, [(info.start, info.end) for info in sentences])
    dated = []
    for event in events:
        chosen = choose_date(parsed, sentences, resolutions, event.trigger.start, event.trigger.end,
                             narrative=event.status != "hypothetical")
        if chosen is None:
            dated.append(event)
            continue
        resolution, how = chosen
        expression = resolution.expression
        assert resolution.value is not None and resolution.precision in ("day", "month", "year")
        date = EventDate(resolution.value, resolution.precision, expression.text, expression.start,  # type: ignore[arg-type]
                         expression.end, f"{how}:{expression.pattern}")
        dated.append(dataclasses.replace(event, date=date))
    return tuple(dated)


def make_component(nlp: Language) -> Callable[..., tuple[Event, ...]]:
    """Return the date resolver (no knowledge to load)."""

    def resolve_dates(document: Document, parsed: Doc, events: tuple[Event, ...]) -> tuple[Event, ...]:
        return date_events(document, parsed, events)

    return resolve_dates
