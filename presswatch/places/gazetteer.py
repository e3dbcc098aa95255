"""The offline gazetteer: places by exact alias, demonyms by adjective (issue 6).

Built by scripts/build_gazetteer.py into presswatch/places/data/ (gazetteer.tsv.gz, demonyms.tsv,
each with a .meta.json sidecar).  Lookups are exact on a normalized key (case, dashes, quotes,
diacritics folded; "the" and the dots of initials dropped): "Kiev" finds Kyiv and never "Kievka", and no substring of a
name matches.
"""

from __future__ import annotations

import functools
import gzip
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from presswatch.knowledge import read_verified

DATA = Path(__file__).resolve().parent / "data"
GAZETTEER_FILE = "gazetteer.tsv.gz"
REBUILD = "scripts/build_gazetteer.py"
DEMONYMS_FILE = "demonyms.tsv"
PARSED_CACHE = 1 << 14  # candidate lists kept parsed: names recur across a run's articles

# Characters folded before lookup: typographic dashes to "-", typographic apostrophes to "'".
DASHES = re.compile(r"[\u2010-\u2015\u2212]")
APOSTROPHES = re.compile(r"[\u2018\u2019\u02bc`]")
# A leading article, dropped from keys: "the Netherlands" == "Netherlands".
LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
SPACES = re.compile(r"\s+")
# Initials with dots, looked up without them: "U.S." as "US", "U.A.E." as "UAE".
DOTTED_INITIALS = re.compile(r"^(?:[A-Za-z]\.){2,}$")


@dataclass(frozen=True)
class Place:
    """One gazetteer entry."""

    id: str
    kind: str  # "country", "region", "admin1" or "city"
    name: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int


@functools.lru_cache(maxsize=1 << 16)
def alias_key(text: str) -> str:
    """The normalized lookup key of a place name (memoized: every capitalized word is looked up)."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = APOSTROPHES.sub("'", DASHES.sub("-", text))
    text = LEADING_THE.sub("", SPACES.sub(" ", text).strip())
    if DOTTED_INITIALS.match(text):
        text = text.replace(".", "")
    return text.casefold()


class Gazetteer:
    """Places by exact alias key, demonyms by adjective; load once with `load_gazetteer()`.

    Rows are parsed on first lookup and kept (up to PARSED_CACHE entries); the alias index is read
    as written (best candidate first).
    """

    def __init__(self, rows: list[str], index: dict[str, str], demonyms: dict[str, str], version: str) -> None:
        self.rows = rows
        self.index = index
        self.demonyms = demonyms
        self.version = version
        self._places = functools.lru_cache(maxsize=PARSED_CACHE)(self._parse_places)

    def __len__(self) -> int:
        return len(self.rows)

    def _place(self, position: int) -> Place:
        place_id, kind, name, country, admin1, lat, lon, population = self.rows[position].split("\t")
        return Place(place_id, kind, name, country or None, admin1 or None,
                     float(lat) if lat else None, float(lon) if lon else None, int(population))

    def lookup(self, name: str) -> tuple[Place, ...]:
        """Every place one of whose aliases equals `name` (normalized), best candidate first:
        countries, places whose own name it is, big cities, regions, subdivisions, towns."""
        positions = self.index.get(alias_key(name))
        return self._places(positions) if positions else ()

    def _parse_places(self, positions: str) -> tuple[Place, ...]:
        return tuple(self._place(int(i)) for i in positions.split(","))

    def demonym(self, adjective: str) -> str | None:
        """The ISO alpha-3 country of an adjective such as "Tajik" or "Azerbaijani"."""
        return self.demonyms.get(alias_key(adjective))

    def country(self, code: str) -> Place | None:
        """The country entry of an ISO alpha-3 code."""
        positions = self.index.get(f"#country:{code}")
        return self._place(int(positions.split(",")[0])) if positions else None


def load_gazetteer(directory: Path = DATA) -> Gazetteer:
    """Read and verify the gazetteer files (PWE011 on a checksum mismatch, PWE010 if unreadable)."""
    raw, meta = read_verified(directory / GAZETTEER_FILE, REBUILD)
    text = gzip.decompress(raw).decode("utf-8")
    places_part, _, index_part = text.partition("\n\n")
    rows = places_part.split("\n")[1:]
    index = dict(line.split("\t", 1) for line in index_part.split("\n") if line)
    demonym_bytes, _ = read_verified(directory / DEMONYMS_FILE, REBUILD)
    demonyms = {}
    for line in demonym_bytes.decode("utf-8").splitlines():
        if line.strip():
            adjective, code = line.split("\t")
            demonyms[alias_key(adjective)] = code
    return Gazetteer(rows, index, demonyms, str(meta.get("version")))


@functools.cache
def packaged_gazetteer() -> Gazetteer:
    """The shipped gazetteer, loaded once per process: the places stage, the actor resolver (towns
    and subdivisions its knowledge base lacks) and the monitor's place names share this one copy."""
    return load_gazetteer()
