"""Places stage: geocode each event's location with an offline gazetteer (issue 6).

Finds place mentions (`mentions.py`, patterns in `rules.py`), geocodes them with the gazetteer of
`data/` (`gazetteer.py`, built by scripts/build_gazetteer.py) and ties each event to the place
governed by a locative preposition in its clause (`attach.py`).  Returns new Event records with
`location = Location(name, country, admin1, lat, lon, start, end, precision, method, countries)`;
`precision` says what was found ("city", "admin1", "region", "country", "border"), `method` how it
was tied ("clause", "sentence", "narrative", or the fallbacks "actor_country" to the actors'
country and "article" to the dateline's city for a crowd or police action in a report filed from
it, else to the country most of the article's places are in, or, for an event with no participant
of known country, the dateline's country when no other is named more often).
`name` is the gazetteer's name for the place, as the contract's example normalizes a border's
name ("Khorugh" however the text spells it); `start`/`end` point at the text's own spelling
("Khorog").  An event nothing places keeps `location=None`.  DESIGN.md, "The contract".
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from presswatch.dates.attach import sentence_infos
from presswatch.paragraphs import paragraph_ends, paragraph_index
from presswatch.places.attach import (
    article_country,
    choose_location,
    dateline_city,
    dateline_country,
    is_news,
)
from presswatch.places.gazetteer import Gazetteer, packaged_gazetteer
from presswatch.places.mentions import find_place_mentions
from presswatch.records import Document, Entity, Event

REQUIRES = ("document", "parsed", "entities", "events")
ASSIGNS = "events"


def locate_events(document: Document, parsed: Doc, entities: tuple[Entity, ...], events: tuple[Event, ...],
                  gazetteer: Gazetteer) -> tuple[Event, ...]:
    """New events, each with the location its text gives (or unchanged when none)."""
    if not events:
        return events
    mentions = find_place_mentions(document.text, parsed, entities, gazetteer)
    sentences = sentence_infos(parsed)
    in_article = article_country(mentions, gazetteer)
    filed_in = dateline_country(mentions, gazetteer)
    home = dateline_city(mentions)
    ends = paragraph_ends(document.text)
    paragraphs = tuple(paragraph_index(ends, sentence.start) for sentence in sentences)
    located = []
    for event in events:
        location = choose_location(parsed, sentences, mentions, event, gazetteer, in_article, filed_in, paragraphs,
                                   home if is_news(event, document.published) else None)
        located.append(dataclasses.replace(event, location=location) if location is not None else event)
    return tuple(located)


def knowledge_versions() -> dict[str, str]:
    """Version of the gazetteer, for Analysis.versions."""
    import json

    from presswatch.places.gazetteer import DATA, GAZETTEER_FILE

    meta = json.loads((DATA / f"{GAZETTEER_FILE}.meta.json").read_text(encoding="utf-8"))
    return {"gazetteer": str(meta.get("version"))}


def make_component(nlp: Language) -> Callable[..., tuple[Event, ...]]:
    """Return the geocoder over the shipped gazetteer (loaded once per process)."""
    gazetteer = packaged_gazetteer()

    def resolve_places(
        document: Document, parsed: Doc, entities: tuple[Entity, ...], events: tuple[Event, ...]
    ) -> tuple[Event, ...]:
        return locate_events(document, parsed, entities, events, gazetteer)

    return resolve_places
