"""What a name in an event mention stands for (a country, a demonym, a city), from the actor
knowledge base, loaded once per process."""

from __future__ import annotations

from functools import lru_cache

from presswatch.actors.knowledge import KnowledgeBase, Place, load_knowledge
from presswatch.places.gazetteer import packaged_gazetteer


@lru_cache(maxsize=1)
def _knowledge() -> KnowledgeBase:
    return load_knowledge()


@lru_cache(maxsize=4096)
def place_of(name: str) -> Place | None:
    """The country, capital, city or demonym `name` stands for, or None."""
    return _knowledge().place(name)


@lru_cache(maxsize=4096)
def subdivision_code(name: str, country: str) -> str | None:
    """The ISO 3166-2 code ("US-TX") of the first-order subdivision of `country` called `name`, as
    the places stage's gazetteer has it, or None."""
    for place in packaged_gazetteer().lookup(name):
        if place.kind == "admin1" and place.country == country and place.id.startswith("s:"):
            return place.id[2:]
    return None


def is_whole_country(name: str | None) -> bool:
    """Whether a location name is a country itself ("Azerbaijan"), not a place in it."""
    place = place_of(name) if name else None
    return bool(place and place.kind == "country")
