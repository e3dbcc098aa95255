"""What a name in an event mention stands for (a country, a demonym, a city), from the actor
knowledge base, loaded once per process."""

from __future__ import annotations

from functools import lru_cache

from presswatch.actors.knowledge import KnowledgeBase, Place, load_knowledge


@lru_cache(maxsize=1)
def _knowledge() -> KnowledgeBase:
    return load_knowledge()


@lru_cache(maxsize=4096)
def place_of(name: str) -> Place | None:
    """The country, capital, city or demonym `name` stands for, or None."""
    return _knowledge().place(name)


def is_whole_country(name: str | None) -> bool:
    """Whether a location name is a country itself ("Azerbaijan"), not a place in it."""
    place = place_of(name) if name else None
    return bool(place and place.kind == "country")
