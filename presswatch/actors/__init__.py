"""Actors stage: group named-entity mentions into entities and give them actor codes.

Baseline from the statistical NER; issue 3 adds the actor knowledge base, an entity ruler ahead
of NER, coreference of titles and pronouns, and dated office holders.
"""

from __future__ import annotations

from collections.abc import Callable

import pycountry
from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from presswatch.records import Actor, Document, Entity, Span, make_span

REQUIRES = ("document", "parsed")
ASSIGNS = "entities"

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}


def country_code(name: str) -> str | None:
    """ISO 3166-1 alpha-3 code for an exact country name, or None."""
    try:
        return pycountry.countries.lookup(name).alpha_3
    except LookupError:
        return None


def _entity_key(ent: SpacySpan, people: dict[str, str]) -> str:
    """Grouping key: a person's surname joins the full name seen earlier ("Putin")."""
    name = ent.text.strip()
    if ent.label_ == "PERSON":
        return people.setdefault(name.split()[-1].lower(), name.lower())
    return f"{ent.label_}:{name.lower()}"


def group_entities(document: Document, parsed: Doc) -> tuple[Entity, ...]:
    """Entities in order of first mention, each with all its mentions."""
    people: dict[str, str] = {}
    groups: dict[str, list[SpacySpan]] = {}
    for ent in parsed.ents:
        if ent.label_ in ENTITY_LABELS and ent.text.strip():
            groups.setdefault(_entity_key(ent, people), []).append(ent)
    entities = []
    for number, spans in enumerate(groups.values(), start=1):
        first = max(spans, key=lambda ent: len(ent.text))
        mentions: tuple[Span, ...] = tuple(make_span(document.text, ent.start_char, ent.end_char) for ent in spans)
        country = country_code(first.text) if first.label_ == "GPE" else None
        actor = Actor(country=country, sector=None, role=None) if country else None
        entities.append(Entity(id=f"e{number}", name=first.text.strip(), type=first.label_,
                               actor=actor, mentions=mentions))
    return tuple(entities)


def make_component(nlp: Language) -> Callable[..., tuple[Entity, ...]]:
    """Return the entity grouper."""
    return group_entities
