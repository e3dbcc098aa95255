"""Dates stage: resolve each event's date against publication date and narrative (issue 6).

Finds temporal expressions (`expressions.py`, patterns in `rules.py`), resolves them in text order
(`normalize.py`), and dates each event from the expression tied to its trigger (`attach.py`); a year
that names an election ("after the 2020 presidential election") gives the election's month from
the calendar in data/elections.tsv (`elections.py`), which also dates "Election Day"; yearless
named days ("the Sept. 11 attacks") come from data/named_days.tsv (`named_days.py`).
Returns new Event records with `date = EventDate(value, precision, text, start, end, method, until)`;
`method` is "<how it was tied>:<pattern>", e.g. "clause:MONTH_DAY" or "narrative:NARRATIVE_DAY"; a
range of days ("the night of 12 to 13 May", "from Monday to Wednesday") is dated by its first day,
and `until` holds its last (None for a single day).
An event the text does not date keeps `date=None`.  An event dated by its own clause to one of
several coordinated days ("agreed on 10 October and on 17 October") is one event per day: the
others are copies of it (same trigger) after the last event, numbered on from it ("v14", "v15", ...;
`attach.coordinated_days`).  DESIGN.md, "The contract".
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc, Span

from presswatch.dates.attach import (
    SentenceInfo,
    choose_date,
    coordinated_days,
    event_resolutions,
    past_expressions,
    sentence_infos,
)
from presswatch.dates.elections import Election, election_month, load_elections
from presswatch.dates.expressions import find_expressions
from presswatch.dates.named_days import load_named_days
from presswatch.dates.normalize import Resolution, resolve_expressions
from presswatch.records import Document, Event, EventDate

REQUIRES = ("document", "parsed", "events")
ASSIGNS = "events"


def resolve_document(document: Document, parsed: Doc) -> tuple[Resolution, ...]:
    """Every temporal expression of the document with its resolved value (or None)."""
    return _resolve(document, parsed, sentence_infos(parsed), load_elections())


def _resolve(document: Document, parsed: Doc, sentences: tuple[SentenceInfo, ...],
             elections: tuple[Election, ...]) -> tuple[Resolution, ...]:
    expressions = find_expressions(document.text, parsed)
    past = past_expressions(parsed, [(e.start, e.end) for e in expressions if e.kind in ("narrative", "publication")])
    return resolve_expressions(expressions, document.published, document.text,
                               [(info.start, info.end) for info in sentences], past, elections, load_named_days())


def _event_date(text: str, sentences: tuple[SentenceInfo, ...], resolution: Resolution, how: str,
                elections: tuple[Election, ...]) -> EventDate:
    """The EventDate of a chosen resolution; an election year becomes the election's month."""
    expression = resolution.expression
    if expression.pattern == "YEAR":
        where = next((info for info in sentences if info.start <= expression.start < info.end), None)
        sentence = text[where.start:where.end] if where else ""
        month = election_month(text, expression.end, expression.group("year") or "", sentence, elections)
        if month is not None:
            return EventDate(month, "month", expression.text, expression.start, expression.end, f"{how}:ELECTION")
    assert resolution.value is not None and resolution.precision in ("day", "month", "year")
    return EventDate(resolution.value, resolution.precision, expression.text, expression.start,  # type: ignore[arg-type]
                     expression.end, f"{how}:{expression.pattern}", resolution.until)


def _tokens(parsed: Doc, start: int, end: int) -> Span | tuple[()]:
    """The tokens covering characters start:end (none if they cannot be aligned)."""
    span = parsed.char_span(start, end, alignment_mode="expand")
    return () if span is None else span


def date_events(document: Document, parsed: Doc, events: tuple[Event, ...],
                elections: tuple[Election, ...] | None = None) -> tuple[Event, ...]:
    """New events, each with the date its text gives (or unchanged when it gives none).

    `elections` is the election calendar (default: the packaged one)."""
    if not events:
        return events
    calendar = load_elections() if elections is None else elections
    sentences = sentence_infos(parsed)
    event_tokens = frozenset(token.i for event in events
                             for token in _tokens(parsed, event.trigger.start, event.trigger.end))
    resolutions = event_resolutions(parsed, document.text, _resolve(document, parsed, sentences, calendar),
                                    event_tokens)
    dated, copies = [], []
    for event in events:
        chosen = choose_date(parsed, sentences, resolutions, event.trigger.start, event.trigger.end,
                             narrative=event.status != "hypothetical", published=document.published)
        if chosen is None:
            dated.append(event)
            continue
        dated.append(dataclasses.replace(event, date=_event_date(document.text, sentences, *chosen, calendar)))
        if chosen[1] in ("modifier", "clause"):  # one more event per day coordinated with its own
            more = coordinated_days(parsed, resolutions, chosen[0], event.trigger.start, event.trigger.end)
            copies += [dataclasses.replace(event, date=_event_date(document.text, sentences, other, chosen[1], calendar))
                       for other in more]
    # the copies come last, numbered on from the last event: earlier stages refer to the events' ids
    return (*dated, *(dataclasses.replace(copy, id=f"v{n}") for n, copy in enumerate(copies, len(events) + 1)))


def knowledge_versions() -> dict[str, str]:
    """Versions of the election calendar and the named days, for Analysis.versions."""
    import json

    from presswatch.dates.elections import DATA, ELECTIONS_FILE
    from presswatch.dates.named_days import NAMED_DAYS_FILE

    versions = {}
    for key, name in (("elections", ELECTIONS_FILE), ("named_days", NAMED_DAYS_FILE)):
        meta = json.loads((DATA / f"{name}.meta.json").read_text(encoding="utf-8"))
        versions[key] = str(meta.get("version"))
    return versions


def make_component(nlp: Language) -> Callable[..., tuple[Event, ...]]:
    """Return the date resolver, with the election calendar and named days loaded and verified once."""
    elections = load_elections()
    load_named_days()

    def resolve_dates(document: Document, parsed: Doc, events: tuple[Event, ...]) -> tuple[Event, ...]:
        return date_events(document, parsed, events, elections)

    return resolve_dates
