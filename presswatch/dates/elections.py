"""Date events tied to an election named only by its year ("after the 2020 presidential election"),
and "Election Day".

The calendar (data/elections.tsv, built by scripts/build_date_knowledge.py) gives the date of national
elections.  When the year expression that dates an event is followed by "presidential election",
"parliamentary elections", "election" or "vote", and the expression's sentence names exactly one
country holding such an election that year, all in one month, the event gets that month.
"Election Day" is the election nearest publication (within ELECTION_DAY_REACH) of a country the
document names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from presswatch.knowledge import read_verified

DATA = Path(__file__).resolve().parent / "data"
ELECTIONS_FILE = "elections.tsv"
REBUILD = "scripts/build_date_knowledge.py"
ELECTION_DAY_REACH = timedelta(days=183)  # "Election Day" is an election this close to publication
# What follows the year: "2020 presidential election", "2021 parliamentary elections", "2019 vote".
ELECTION_AFTER_YEAR = re.compile(
    r"\s+(?:(?P<kind>presidential|parliamentary|general)\s+)?(?:elections?|votes?|polls)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Election:
    """One national election: country (ISO alpha-3), kind, ISO date, the names that mark the country."""

    country: str
    kind: str
    date: str
    names: tuple[str, ...]


def parse_elections(text: str) -> tuple[Election, ...]:
    """Rows of the calendar file (comment lines skipped)."""
    rows = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            country, kind, day, names = line.split("\t")
            rows.append(Election(country, kind, day, tuple(names.split("|"))))
    return tuple(rows)


@lru_cache(maxsize=1)
def load_elections(directory: Path = DATA) -> tuple[Election, ...]:
    """The verified calendar (PWE010/PWE011 if missing or changed)."""
    raw, _ = read_verified(directory / ELECTIONS_FILE, REBUILD)
    return parse_elections(raw.decode("utf-8"))


def _names_country(sentence: str, election: Election) -> bool:
    return any(re.search(rf"(?<![\w.]){re.escape(name)}(?!\w)", sentence) for name in election.names)


def election_month(text: str, year_end: int, year: str, sentence: str, elections: tuple[Election, ...]) -> str | None:
    """"YYYY-MM" of the election the year at `text[:year_end]` names, or None when the words after
    it are not an election, no country in `sentence` held one that year, or the month is ambiguous."""
    words = ELECTION_AFTER_YEAR.match(text, year_end)
    if words is None:
        return None
    kind = (words.group("kind") or "").lower()
    months = {election.date[:7] for election in elections
              if election.date.startswith(f"{year}-") and kind in ("", "general", election.kind)
              and _names_country(sentence, election)}
    return months.pop() if len(months) == 1 else None


def election_day(text: str, published: date, elections: tuple[Election, ...]) -> date | None:
    """The day "Election Day" means in `text` published on `published`: the election nearest
    publication, within ELECTION_DAY_REACH, of a country the text names; None if none or a tie."""
    near = sorted({(abs(day - published), day) for election in elections
                   if abs((day := date.fromisoformat(election.date)) - published) <= ELECTION_DAY_REACH
                   and _names_country(text, election)})
    if not near or (len(near) > 1 and near[0][0] == near[1][0]):
        return None
    return near[0][1]
