"""What a name in an event mention stands for (a country, a demonym, a city), from the actor
knowledge base, loaded once per process."""

from __future__ import annotations

import re
from functools import lru_cache

from presswatch.actors.knowledge import KnowledgeBase, Place, load_knowledge, name_key
from presswatch.places.gazetteer import packaged_gazetteer

# A name of up to three words, its first capitalized ("Khorog", "Nagorno-Karabakh", "Tort Kocho"), tried at each word.
NAME_WORDS = 3
WORD = re.compile(r"[^\W\d_][\w'’-]*")


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


@lru_cache(maxsize=4096)
def seat_of(name: str) -> str | None:
    """The organization whose seat a place is in the actor knowledge base ("Brussels": EUR), or None."""
    return _knowledge().org_seats.get(name_key(name))


def is_whole_country(name: str | None) -> bool:
    """Whether a location name is a country itself ("Azerbaijan"), not a place in it."""
    place = place_of(name) if name else None
    return bool(place and place.kind == "country")


@lru_cache(maxsize=4096)
def names_place(text: str, name: str, country: str | None) -> bool:
    """Whether `text` names the gazetteer place `name` (of `country`) under any of its aliases: the
    places stage gives the gazetteer's name ("Khorugh"), the sentence its own spelling ("Khorog")."""
    if name in text:
        return True
    words = WORD.findall(text)
    return any(is_alias(" ".join(words[start:start + size]), name, country)
               for start, word in enumerate(words) if word[0].isupper()
               for size in range(1, NAME_WORDS + 1) if start + size <= len(words))


def is_alias(spelling: str, name: str, country: str | None) -> bool:
    """Whether `spelling` is an alias of the gazetteer place `name` of `country` ("Khorog", "Khorugh")."""
    return any(place.name == name and place.country == country for place in packaged_gazetteer().lookup(spelling))
