"""Build the dates stage's hand-written calendars, each with the sha256 sidecar its loader verifies.

- presswatch/dates/data/elections.tsv from scripts/elections_manual.tsv: national elections, so an
  event tied only to "the 2020 presidential election" gets that election's month and "Election
  Day" the nearest election's day (issue 6).  Rows: country, kind, ISO date, names.
- presswatch/dates/data/named_days.tsv from scripts/named_days_manual.tsv: month-days that news
  uses as the name of one year's event ("the Sept. 11 attacks", "9/11"); a yearless mention
  followed by a listed noun resolves to that year.  Rows: month-day, year, numeric forms, nouns.

Every row is checked (a real date, a known kind, at least one name or noun); rows are written
sorted and deduplicated.

Usage: .venv/bin/python scripts/build_date_knowledge.py
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from presswatch.knowledge import write_verified

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "presswatch" / "dates" / "data"
ELECTION_KINDS = ("presidential", "parliamentary")


def _election(fields: list[str]) -> bool:
    country, kind, day, names = fields
    date.fromisoformat(day)
    return kind in ELECTION_KINDS and len(country) == 3 and bool(names.strip("|"))


def _named_day(fields: list[str]) -> bool:
    month_day, year, _numeric, nouns = fields
    date.fromisoformat(f"{year}-{month_day}")
    return bool(nouns.strip("|"))


@dataclass(frozen=True)
class Calendar:
    """One hand-written source, its checked output file and how to check a row."""

    source: str
    target: str
    version: str
    header: str
    note: str
    valid: Callable[[list[str]], bool]


CALENDARS = (
    Calendar("elections_manual.tsv", "elections.tsv", "1.1.0", "country\tkind\tdate\tnames",
             "hand-written from public election calendars", _election),
    Calendar("named_days_manual.tsv", "named_days.tsv", "1.0.0", "month-day\tyear\tnumeric forms\tnouns",
             "hand-written", _named_day),
)


def read_rows(path: Path, valid: Callable[[list[str]], bool]) -> list[tuple[str, ...]]:
    """The checked rows of a hand-written TSV file, sorted and unique (SystemExit on a bad row)."""
    rows = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        try:
            ok = len(fields) == 4 and valid(fields)
        except ValueError:
            ok = False
        if not ok:
            raise SystemExit(f"{path}:{number}: bad row {line!r}")
        rows.add(tuple(fields))
    return sorted(rows)


def build(calendar: Calendar) -> int:
    """Write one calendar and its .meta.json; return its number of rows."""
    source = REPO / "scripts" / calendar.source
    rows = read_rows(source, calendar.valid)
    data = (f"# {calendar.header}\n" + "".join("\t".join(row) + "\n" for row in rows)).encode("utf-8")
    write_verified(DATA / calendar.target, data, {
        "version": calendar.version, "source": f"scripts/{calendar.source} ({calendar.note})",
        "license": "MIT (presswatch)", "built_by": "scripts/build_date_knowledge.py",
        "built_from": {calendar.source: hashlib.sha256(source.read_bytes()).hexdigest()}})
    return len(rows)


def main() -> None:
    for calendar in CALENDARS:
        print(f"{DATA / calendar.target}: {build(calendar)} rows")


if __name__ == "__main__":
    main()
