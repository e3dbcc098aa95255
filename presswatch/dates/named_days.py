"""Named days: yearless month-days that name one year's event ("the Sept. 11 attacks", issue 6).

The list (data/named_days.tsv, built by scripts/build_date_knowledge.py) gives each day's year, its
numeric forms ("9/11") and the nouns that mark the event; `named_day` reads a mention as that day
only when one of those nouns follows it within two words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from presswatch.knowledge import read_verified

DATA = Path(__file__).resolve().parent / "data"
NAMED_DAYS_FILE = "named_days.tsv"
REBUILD = "scripts/build_date_knowledge.py"
# The (at most) two words after a mention: "the Sept. 11 terrorist attacks".
NEXT_WORDS = re.compile(r"\s+([a-z]+)(?:\s+([a-z]+))?")


@dataclass(frozen=True)
class NamedDay:
    """One named day: its date, numeric forms and marking nouns."""

    day: date
    numeric: tuple[str, ...]
    nouns: frozenset[str]


def parse_named_days(text: str) -> tuple[NamedDay, ...]:
    """Rows of the named-days file (comment lines skipped)."""
    rows = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            month_day, year, numeric, nouns = line.split("\t")
            rows.append(NamedDay(date.fromisoformat(f"{year}-{month_day}"), tuple(filter(None, numeric.split("|"))),
                                 frozenset(nouns.split("|"))))
    return tuple(rows)


@lru_cache(maxsize=1)
def load_named_days(directory: Path = DATA) -> tuple[NamedDay, ...]:
    """The verified list (PWE010/PWE011 if missing or changed)."""
    raw, _ = read_verified(directory / NAMED_DAYS_FILE, REBUILD)
    return parse_named_days(raw.decode("utf-8"))


def named_day(text: str, end: int, month: int | None, day: int | None, numeric: str | None,
              days: tuple[NamedDay, ...]) -> date | None:
    """The named day a mention ending at `end` means (month and day, or a numeric form), when a
    noun listed for it follows within two words; else None."""
    words = NEXT_WORDS.match(text, end)
    if words is None:
        return None
    following = {word for word in words.groups() if word}
    for named in days:
        same = numeric in named.numeric if numeric else (named.day.month, named.day.day) == (month, day)
        if same and following & named.nouns:
            return named.day
    return None
