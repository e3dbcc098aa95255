"""Find and geocode the place mentions of a document (issue 6).

Mentions come from the border patterns of `rules.py`, spaCy GPE/LOC/FAC entities, PERSON/ORG
entities right after a locative preposition (the small model's mistakes: "in Alma-Ata") or naming a
big city of a country the document mentions ("Dushanbe denied it"), capitalized words before
"district"/"region" ("the Lachin district"), and the GPE/LOC entities of the actors stage.  Each is looked up exactly in the gazetteer; an ambiguous
name is resolved to a candidate in a country the document mentions, else to the best-ranked one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from presswatch.places.gazetteer import Gazetteer, Place, alias_key
from presswatch.places.rules import (
    BORDER_BETWEEN,
    BORDER_BETWEEN_PRONOUN,
    BORDER_PAIR,
    BORDER_SIDE,
    BORDER_SIDE_CUE,
    BORDER_WITH,
    BORDER_WITH_CUE,
    DATELINE,
    FOREIGN_CITY_POPULATION,
    LOCATIVE_PREPOSITIONS,
    METONYM_CITY_POPULATION,
    MISLABELLED,
    NOT_PLACES,
    PLACE_LABELS,
    QUALIFIER,
    STATE_NAMED,
    WORLD_CITY_POPULATION,
    WORLD_CITY_RATIO,
)
from presswatch.records import Entity, Location

# Words trimmed off a mention before lookup: "the Batken region" -> "Batken".
TRAILING_KIND_WORDS = ("region", "district", "oblast", "province", "direction", "city", "town", "village")
# A capitalized word right before a kind word, singular or plural: "Lachin districts".
NAME_BEFORE_KIND_WORD = re.compile(rf"\b(?P<name>[A-Z][\w'-]*)\s+(?:{'|'.join(TRAILING_KIND_WORDS)})s?\b")


@dataclass(frozen=True)
class PlaceMention:
    """A geocoded place mention: offsets into the text and the Location it names."""

    start: int
    end: int
    text: str
    location: Location
    source: str  # "border", "ner", "ner-preposition", "entity", "propn", "kind-word", "ner-city", "dateline"


def _country_codes(parsed: Doc, gazetteer: Gazetteer) -> list[tuple[int, str]]:
    """(offset, ISO alpha-3) of every country named or implied by a demonym, in text order."""
    found = []
    for token in parsed:
        # not "Jersey" of "New Jersey" nor "Mexico" of "New Mexico": whole names are read below
        if not token.text[:1].isupper() or (token.ent_iob_ == "I" and token.ent_type_ in PLACE_LABELS):
            continue
        code = gazetteer.demonym(token.text)
        if code is None:
            candidates = gazetteer.lookup(token.text)
            if candidates and candidates[0].kind == "country":
                code = candidates[0].country
        if code is not None:
            found.append((token.idx, code))
    for ent in parsed.ents:
        if ent.label_ == "GPE" and len(ent) > 1:
            candidates = gazetteer.lookup(ent.text)
            if candidates and candidates[0].kind == "country" and candidates[0].country:
                found.append((ent.start_char, candidates[0].country))
    return sorted(found)


def document_countries(named: list[tuple[int, str]], entities: tuple[Entity, ...]) -> frozenset[str]:
    """Countries the document mentions: `named` (from `_country_codes`) and its entities' actor codes."""
    codes = {code for _, code in named}
    codes |= {entity.actor.country for entity in entities if entity.actor and entity.actor.country}
    return frozenset(codes)


def choose_place(candidates: tuple[Place, ...], countries: frozenset[str], tagged: bool = False,
                 state: bool = False, key: str = "") -> Place | None:
    """The candidate a name (alias key `key`) most likely means: a country if one is named so; the
    state when the document says "X state"/"state of X"; else the best-ranked candidate in a country
    the document mentions, unless a world city far outweighs it ("Prague" is not New Prague,
    Minnesota) or it is a state whose big city bears the name ("New York"); else the best-ranked
    candidate that is a country, region or sizeable city, or, for a name the tagger calls a place, a
    subdivision."""
    if not candidates:
        return None
    if candidates[0].kind == "country":
        return candidates[0]
    if state:
        for candidate in candidates:
            if candidate.kind == "admin1" and (candidate.country in countries or tagged):
                return candidate
    for candidate in candidates:
        if candidate.country in countries:
            return _well_known(candidate, candidates, countries, key)
    for candidate in candidates:
        if candidate.kind in ("country", "region") or candidate.population >= FOREIGN_CITY_POPULATION:
            return _well_known(candidate, candidates, countries, key)
    if tagged and candidates[0].kind == "admin1":
        return _well_known(candidates[0], candidates, countries, key)
    return None


def _well_known(chosen: Place, candidates: tuple[Place, ...], countries: frozenset[str] = frozenset(),
                key: str = "") -> Place:
    """`chosen`, or the world city of the same name when that is WORLD_CITY_RATIO times bigger, or
    the big city of a state's own country that the state's name also names.  A world city that the
    name matches only as a variant spelling, in a country the document does not mention, does not
    outweigh a city of a document country whose own name it is ("Puno" in a story about Peru is not
    Pune, India; "Calcutta" in a story naming no country is still Kolkata)."""
    biggest = max(candidates, key=lambda place: place.population)
    if biggest.kind != "city" or biggest.population < WORLD_CITY_POPULATION:
        return chosen
    if key and alias_key(chosen.name) == key != alias_key(biggest.name) and chosen.country in countries \
            and biggest.country not in countries:
        return chosen
    if chosen.kind == "city" and biggest.population >= WORLD_CITY_RATIO * max(chosen.population, 1):
        return biggest
    if chosen.kind == "admin1" and biggest.country == chosen.country:
        return biggest
    return chosen


def _side(name: str, gazetteer: Gazetteer) -> str | None:
    code = gazetteer.demonym(name)
    if code is not None:
        return code
    candidates = gazetteer.lookup(name)
    return candidates[0].country if candidates and candidates[0].kind == "country" else None


def _border_location(codes: tuple[str, ...], gazetteer: Gazetteer, start: int, end: int) -> Location:
    names = []
    for code in codes:
        place = gazetteer.country(code)
        names.append(place.name if place else code)
    return Location(f"{'-'.join(names)} border", codes[0], None, None, None, start, end, "border", None, codes)


def _borders(text: str, named: list[tuple[int, str]], gazetteer: Gazetteer) -> list[PlaceMention]:
    """Border mentions; "the border between them" takes the last two countries `named` before it,
    "the Belarusian side of the border" the last other country named before it."""
    mentions = []
    with_cue = BORDER_WITH_CUE.search(text) is not None
    for pattern in (BORDER_PAIR, BORDER_BETWEEN, *((BORDER_WITH,) if with_cue else ())):
        for match in pattern.finditer(text):
            a, b = _side(match.group("a"), gazetteer), _side(match.group("b"), gazetteer)
            if a and b and a != b:
                location = _border_location(tuple(sorted((a, b))), gazetteer, match.start(), match.end())
                mentions.append(PlaceMention(match.start(), match.end(), match.group(0), location, "border"))
    for match in BORDER_BETWEEN_PRONOUN.finditer(text):
        pair: list[str] = []
        for _, code in reversed([item for item in named if item[0] < match.start()]):
            if code not in pair:
                pair.append(code)
            if len(pair) == 2:
                break
        if len(pair) == 2:
            location = _border_location(tuple(sorted(pair)), gazetteer, match.start(), match.end())
            mentions.append(PlaceMention(match.start(), match.end(), match.group(0), location, "border"))
    for match in BORDER_SIDE.finditer(text) if BORDER_SIDE_CUE.search(text) else ():
        side = _side(match.group("a"), gazetteer)
        other = next((code for offset, code in reversed(named) if offset < match.start() and code != side), None)
        if side and other:
            location = _border_location(tuple(sorted((side, other))), gazetteer, match.start(), match.end())
            mentions.append(PlaceMention(match.start(), match.end(), match.group(0), location, "border"))
    return mentions


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets without a leading "the" and a trailing possessive "'s"."""
    if text[start:end].lower().startswith("the "):
        start += 4
    if text[start:end].endswith(("'s", "’s")):
        end -= 2
    return start, end


def _geocode(text: str, start: int, end: int, gazetteer: Gazetteer, countries: frozenset[str],
             tagged: bool = False, states: frozenset[str] = frozenset()) -> tuple[Place, int, int] | None:
    start, end = _trim(text, start, end)
    name = text[start:end]
    if name.casefold() in NOT_PLACES:
        return None
    key = alias_key(name)
    place = choose_place(_qualified(gazetteer.lookup(name), text, end, gazetteer), countries, tagged,
                         key in states, key)
    if place is None:
        words = name.split()
        if len(words) > 1 and words[-1].lower() in TRAILING_KIND_WORDS:
            shorter = " ".join(words[:-1])
            key = alias_key(shorter)
            place = choose_place(gazetteer.lookup(shorter), countries, tagged, key in states, key)
            if place is not None:
                end = start + len(shorter)
    return (place, start, end) if place is not None else None


def _qualified(candidates: tuple[Place, ...], text: str, end: int, gazetteer: Gazetteer) -> tuple[Place, ...]:
    """The candidates in the state or country named right after the name ("St. Petersburg,
    Florida"), if any are; else all of them."""
    match = QUALIFIER.match(text, end)
    if match is None or len(candidates) < 2:
        return candidates
    qualifier = gazetteer.lookup(match.group("place"))
    if not qualifier or qualifier[0].kind not in ("country", "admin1"):
        return candidates
    inside = tuple(place for place in candidates if place.country == qualifier[0].country)
    return inside or candidates


def _proper_noun_runs(text: str, parsed: Doc, countries: frozenset[str],
                      gazetteer: Gazetteer) -> list[tuple[int, int, str]]:
    """Runs of proper nouns ("Alma-Ata") the NER missed that name a country or a well-known region,
    or a place in a country the document mentions, or follow a locative preposition."""
    runs: list[tuple[int, int, int]] = []  # start, end, index of the first token
    for token in parsed:
        if token.pos_ != "PROPN" or not token.text[:1].isupper():
            continue
        glued = runs and (runs[-1][1] == token.idx or (
            token.i >= 2 and parsed[token.i - 1].text in "-–" and parsed[token.i - 1].idx == runs[-1][1]
            and token.idx == runs[-1][1] + 1))
        if glued:
            runs[-1] = (runs[-1][0], token.idx + len(token.text), runs[-1][2])
        elif runs and token.i > 0 and parsed[token.i - 1].pos_ == "PROPN" and parsed[token.i - 1].whitespace_ \
                and runs[-1][1] == parsed[token.i - 1].idx + len(parsed[token.i - 1].text):
            runs[-1] = (runs[-1][0], token.idx + len(token.text), runs[-1][2])
        else:
            runs.append((token.idx, token.idx + len(token.text), token.i))
    found = []
    for start, end, first in runs:
        after_preposition = first > 0 and parsed[first - 1].lower_ in LOCATIVE_PREPOSITIONS
        candidates = gazetteer.lookup(text[start:end])
        if candidates and (after_preposition or candidates[0].kind in ("country", "region")
                           or any(place.country in countries for place in candidates)):
            found.append((start, end, "propn"))
    return found


def _misread_names(text: str, parsed: Doc, countries: frozenset[str],
                   gazetteer: Gazetteer) -> list[tuple[int, int, str]]:
    """Names the tagger got wrong: a capitalized word before a kind word ("Kalbajar and Lachin
    districts") naming a place in a document country, and a one-word PERSON/ORG entity naming a big
    city of a document country ("Dushanbe is spreading lies")."""
    found = []
    for match in NAME_BEFORE_KIND_WORD.finditer(text):  # a regex: a token loop cost ~2 ms per article
        if any(place.country in countries for place in gazetteer.lookup(match.group("name"))):
            found.append((match.start("name"), match.end("name"), "kind-word"))
    for ent in parsed.ents:
        if ent.label_ in MISLABELLED and len(ent) == 1:
            place = choose_place(gazetteer.lookup(ent.text), countries, key=alias_key(ent.text))
            if place is not None and place.kind == "city" and place.country in countries \
                    and place.population >= METONYM_CITY_POPULATION:
                found.append((ent.start_char, ent.end_char, "ner-city"))
    return found


def place_location(place: Place, start: int | None, end: int | None) -> Location:
    """The Location record of a gazetteer place (how it was tied to an event is set later)."""
    return Location(place.name, place.country, place.admin1, place.lat, place.lon, start, end, place.kind, None,
                    (place.country,) if place.country else ())


def find_place_mentions(text: str, parsed: Doc, entities: tuple[Entity, ...],
                        gazetteer: Gazetteer) -> tuple[PlaceMention, ...]:
    """Every geocoded place mention in text order, non-overlapping (borders first)."""
    named = _country_codes(parsed, gazetteer)
    countries = document_countries(named, entities)
    mentions = _borders(text, named, gazetteer)
    spans: list[tuple[int, int, str]] = []
    for ent in parsed.ents:
        if ent.label_ in PLACE_LABELS:
            spans.append((ent.start_char, ent.end_char, "ner"))
        elif ent.label_ in MISLABELLED and ent.start > 0 and parsed[ent.start - 1].lower_ in LOCATIVE_PREPOSITIONS:
            spans.append((ent.start_char, ent.end_char, "ner-preposition"))
    for entity in entities:
        if entity.type in ("GPE", "LOC"):
            spans.extend((mention.start, mention.end, "entity") for mention in entity.mentions)
    spans.extend(_proper_noun_runs(text, parsed, countries, gazetteer))
    spans.extend(_misread_names(text, parsed, countries, gazetteer))
    for match in DATELINE.finditer(text):
        offset = match.start("places")
        for part in match.group("places").split("/"):
            spans.append((offset, offset + len(part), "dateline"))
            offset += len(part) + 1
    states = frozenset(alias_key(match.group("a") or match.group("b")) for match in STATE_NAMED.finditer(text))
    taken = [(mention.start, mention.end) for mention in mentions]
    for start, end, source in spans:
        if any(start < other_end and other_start < end for other_start, other_end in taken):
            continue
        found = _geocode(text, start, end, gazetteer, countries, source in ("ner", "entity", "dateline"), states)
        if found is None:
            continue
        place, start, end = found
        mentions.append(PlaceMention(start, end, text[start:end], place_location(place, start, end), source))
        taken.append((start, end))
    dateline = {(start, end) for start, end, source in spans if source == "dateline"}
    mentions = [replace(mention, source="dateline") if (mention.start, mention.end) in dateline
                else mention for mention in mentions]  # also when an entity span read it first
    return tuple(sorted(mentions, key=lambda mention: mention.start))
