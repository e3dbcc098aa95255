"""The actor knowledge base: countries, organizations, agents, named actors and dated office holders.

Loaded once per pipeline from the JSON files in `presswatch/actors/data/` (built by
`scripts/build_actors.py`); each file's sha256 is checked against its `.meta.json` sidecar
(PWE011 on mismatch, PWE010 when a file is missing).  Lookups take normalized names
(`name_key`): lower case, single spaces, no leading "the", no possessive "'s".
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from presswatch.knowledge import read_verified

DATA_DIR = Path(__file__).parent / "data"
FILES = ("countries.json", "organizations.json", "agents.json", "named.json", "people.json")

# Leading article and trailing possessive, removed before lookups: "the Kremlin's" -> "kremlin".
ARTICLE_OR_POSSESSIVE = re.compile(r"^(?:the\s+)|(?:\s*['’]s?)$")
WHITESPACE = re.compile(r"\s+")
# Country names that are also common given names or words; left to the statistical NER.
# The article before an Arabic family name, written in several ways: "al-", "el-", "ad-", "as-".
ARABIC_ARTICLE = re.compile(r"^(?:al|el|ad|as|ash|at|ar|an|az)-")
ARABIC_ARTICLE_WORD = re.compile(r"\b(?:al|el|ad|as|ash|at|ar|an|az)[- ]")
RULER_EXCLUDED = frozenset({"Jordan", "Chad", "Georgia", "Guinea", "Jersey", "Niger", "Israel"})


def name_key(text: str) -> str:
    """Normalized lookup key of a name ("The  Kremlin's" -> "kremlin")."""
    key = WHITESPACE.sub(" ", text.strip().lower())
    return ARTICLE_OR_POSSESSIVE.sub("", key).strip()


def surname_key(name: str) -> str:
    """The last word of a name without an Arabic article ("Omar al-Bashir" -> "bashir")."""
    return ARABIC_ARTICLE.sub("", name_key(name).split()[-1]) if name.strip() else ""


def fold(text: str) -> str:
    """The text without diacritics ("Sánchez Cerén" -> "Sanchez Ceren")."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def one_edit_apart(a: str, b: str) -> bool:
    """True if `a` and `b` differ by exactly one dropped, added or changed letter."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = next((k for k in range(len(a)) if a[k] != b[k]), len(a))
    return a[i + (len(a) == len(b)):] == b[i + 1:]


def one_typo_apart(a: str, b: str) -> bool:
    """True if `a` and `b` differ by one dropped, added or changed letter or two swapped neighbours."""
    if one_edit_apart(a, b):
        return True
    if len(a) != len(b):
        return False
    diff = [k for k in range(len(a)) if a[k] != b[k]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def deletions(word: str) -> set[str]:
    """The word and every form of it with one letter dropped (keys of a symmetric-deletion index)."""
    return {word} | {word[:k] + word[k + 1:] for k in range(len(word))}


def spelling_index(words: list[str]) -> dict[str, list[str]]:
    """Deletion form -> the words that have it: a misspelling's own deletion forms find the words one
    typo away without scanning them all."""
    index: dict[str, list[str]] = {}
    for word in words:
        for form in deletions(word):
            index.setdefault(form, []).append(word)
    return index


def spelled_like(index: dict[str, list[str]], word: str) -> str | None:
    """The one indexed word a typo away from `word` (none when none or several are, or it is one)."""
    if word in index.get(word, ()):
        return None
    found = {known for form in deletions(word) for known in index.get(form, ()) if one_typo_apart(known, word)}
    return found.pop() if len(found) == 1 else None


# The shortest country name, demonym or capital, and the shortest agent noun, a misspelling may stand
# for: shorter words are too often one letter from another real word ("Iran"/"Iraq", "Mali"/"Male").
TYPO_PLACE_LENGTH = 6
TYPO_AGENT_LENGTH = 8
TYPO_PLACE_KINDS = frozenset({"country", "adjective", "capital"})


@dataclass(frozen=True)
class Office:
    """One dated office: country (or organization code), sector, role, ISO dates, top leader."""

    country: str
    sector: str
    role: str | None
    start: str | None
    end: str | None
    leader: bool

    def holds_on(self, day: str) -> bool:
        """True if the office was held on ISO date `day` (end exclusive)."""
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True)
class Person:
    """A known person: canonical name, gender ("m", "f", "-"), aliases, offices."""

    index: int
    name: str
    gender: str
    aliases: tuple[str, ...]
    offices: tuple[Office, ...]

    def offices_on(self, day: str | None) -> tuple[Office, ...]:
        """Offices held on `day`, or all offices when the day is unknown."""
        if day is None:
            return self.offices
        return tuple(office for office in self.offices if office.holds_on(day))


@dataclass(frozen=True)
class Place:
    """What a country-related name means: the country, a capital, a seat of power, a city."""

    country: str
    kind: str  # "country", "adjective", "capital", "seat", "place", "org", "org_seat"


class KnowledgeBase:
    """Indexes over the actor data files (built at build time); create with `load_knowledge()`."""

    def __init__(self, data: dict[str, Any], versions: dict[str, str]) -> None:
        self.versions = versions
        countries = data["countries.json"]
        self.country_names: dict[str, str] = countries["names"]
        self._places: dict[str, list[str]] = countries["index"]
        self.org_seats: dict[str, str] = countries["org_seats"]
        # names two states share -> [[code, kind], ...], the first the default ("congo", "tripoli")
        self.shared_names: dict[str, list[list[str]]] = countries.get("shared", {})
        self.regions: frozenset[str] = frozenset(countries.get("regions", ()))
        organizations = data["organizations.json"]
        self.org_members = {code: tuple(org["members"]) for code, org in organizations.items()}
        self.org_names = {code: next((n for n in org["names"] if len(n) > 5), org["names"][0])
                          for code, org in organizations.items()}
        # an organization's own sector: IGO, or the function its CAMEO code carries (the Red Cross: HLH)
        self.org_sectors = {code: org.get("sector", "IGO") for code, org in organizations.items()}
        self.agents: dict[str, str] = data["agents.json"]["sectors"]
        # multi-word agents whose words may have others between them ("official Syrian newspaper")
        self.gapped_agents: frozenset[str] = frozenset(data["agents.json"]["gapped"])
        self.named: dict[str, list] = data["named.json"]
        people = data["people.json"]
        self._people_rows: list[list] = people["people"]
        self._person_index: dict[str, list[int]] = people["index"]
        self._offices: list[list] = people["offices"]
        self._ruler = [{"label": label, "pattern": text} for text, label in countries["ruler"]]
        self._ruler += [{"label": "PERSON", "pattern": text} for text in people["ruler"]]
        self._persons: dict[int, Person] = {}
        self._surnames: dict[str, list[int]] | None = None
        self._given: dict[str, list[int]] | None = None
        self._place_spellings: dict[str, list[str]] | None = None
        self._agent_spellings: dict[str, list[str]] | None = None

    def ruler_patterns(self) -> list[dict[str, str]]:
        """Entity-ruler phrase patterns (case-sensitive) from the curated names."""
        return list(self._ruler)

    def place(self, text: str) -> Place | None:
        """The country, organization, capital, seat or city a name stands for, or None."""
        found = self._places.get(name_key(text))
        return Place(found[0], found[1]) if found else None

    def place_spelled_like(self, word: str) -> Place | None:
        """The country a one-word misspelling of its name, demonym or capital stands for ("Ethopian"),
        when exactly one such word of at least TYPO_PLACE_LENGTH letters is one typo away."""
        key = name_key(word)
        if len(key) < TYPO_PLACE_LENGTH or not key.isalpha():
            return None
        if self._place_spellings is None:
            self._place_spellings = spelling_index([
                name for name, (code, kind) in self._places.items() if kind in TYPO_PLACE_KINDS
                and code not in self.regions and name.isalpha() and len(name) >= TYPO_PLACE_LENGTH])
        known = spelled_like(self._place_spellings, key)
        place = self.place(known) if known is not None else None
        if place is not None and place.kind == "capital" and key[:-1] == known:
            return None  # a capital and a letter is a derived name ("Baghdadi", "Tehrani"), no typo
        return place

    def agent_spelled_like(self, word: str) -> str | None:
        """The one-word agent noun of at least TYPO_AGENT_LENGTH letters one typo from `word`, if
        exactly one is ("peacekeper" -> "peacekeeper")."""
        if len(word) < TYPO_AGENT_LENGTH or not word.isalpha():
            return None
        if self._agent_spellings is None:
            self._agent_spellings = spelling_index([
                phrase for phrase in self.agents if phrase.isalpha() and len(phrase) >= TYPO_AGENT_LENGTH])
        return spelled_like(self._agent_spellings, word)

    def person(self, index: int) -> Person:
        """The known person number `index`."""
        if index not in self._persons:
            name, gender, aliases, offices = self._people_rows[index]
            self._persons[index] = Person(index, name, gender, tuple(aliases), tuple(
                Office(c, s, r, a, b, bool(lead)) for c, s, r, a, b, lead in offices))
        return self._persons[index]

    def persons(self, text: str) -> tuple[Person, ...]:
        """Known people whose name or alias is `text` (the Arabic article in any spelling, hyphens
        as spaces: "Jean-Bertrand" is listed as "jean bertrand"; accents dropped: "Raúl Castro")."""
        key = name_key(text)
        found = self._person_index.get(key) or self._person_index.get(ARABIC_ARTICLE_WORD.sub("al ", key)) \
            or self._person_index.get(key.replace("-", " ")) or self._person_index.get(fold(key), ())
        return tuple(self.person(i) for i in found)

    def office_holders_named(self, name: str, country: str | None) -> tuple[Person, ...]:
        """Government office holders (of `country`, if given) with the last name of `name` (and its
        given name, if it has one): "President Smith" when the knowledge base lists "John Smith"."""
        if self._surnames is None:
            self._surnames = {}
            for number, row in enumerate(self._people_rows):
                self._surnames.setdefault(surname_key(row[0]), []).append(number)
        words = name_key(name).split()
        found = []
        for number in self._surnames.get(surname_key(name), ()):
            person = self.person(number)
            if any(o.sector == "GOV" and country in (None, o.country) for o in person.offices):
                found.append(person)
        if len(words) > 1:  # "Omar X": the given name must agree too
            found = [p for p in found if name_key(p.name).split()[0] == words[0]]
        return tuple(found)

    def office_holders_spelled_like(self, name: str, country: str | None) -> tuple[Person, ...]:
        """Government office holders with the given name of `name`, its other words, and a last name
        one letter off (dropped, added or changed) or differing only in accents: a titled misspelling,
        "President Laurent Gbago" for Gbagbo, "President Faure Gnassingbé" for Gnassingbe."""
        words = fold(name_key(name)).split()
        if len(words) < 2 or len(words[-1]) < 5:
            return ()
        if self._given is None:
            self._given = {}
            for number, row in enumerate(self._people_rows):
                self._given.setdefault(fold(name_key(row[0])).split()[0], []).append(number)
        found = []
        for number in self._given.get(words[0], ()):
            person = self.person(number)
            known = fold(name_key(person.name)).split()
            surname = fold(surname_key(person.name))
            if (surname == words[-1] or one_edit_apart(surname, words[-1])) and set(words[:-1]) <= set(known) \
                    and any(o.sector == "GOV" and country in (None, o.country) for o in person.offices):
                found.append(person)  # every other word of the text's name is in the known one
        return tuple(found)

    def holders(self, country: str, roles: frozenset[str] | None, leader: bool, day: str) -> tuple[Person, ...]:
        """People holding, on `day`, an office of `country` with a role in `roles` (or the top leader)."""
        found: list[int] = []
        for number, office_country, _sector, role, start, end, top in self._offices:
            if office_country != country or number in found:
                continue
            if not ((leader and top) or (roles is not None and role.lower() in roles)):
                continue
            if (start is None or start <= day) and (end is None or day < end):
                found.append(number)
        return tuple(self.person(number) for number in found)


def _read_verified(path: Path) -> tuple[Any, str]:
    raw, meta = read_verified(path, "scripts/build_actors.py ../shared/data")
    return json.loads(raw), str(meta.get("version"))


def load_knowledge(data_dir: Path = DATA_DIR) -> KnowledgeBase:
    """Load and verify every actor data file (PWE010, PWE011)."""
    data: dict[str, Any] = {}
    versions: dict[str, str] = {}
    for name in FILES:
        data[name], version = _read_verified(data_dir / name)
        versions[f"actors/{name.removesuffix('.json')}"] = version
    return KnowledgeBase(data, versions)
