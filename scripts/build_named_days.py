"""Build presswatch/dates/data/named_days.tsv (+ .meta.json) from the hand-written scripts/named_days_manual.tsv.

Named days are month-days that news uses as the name of one year's event ("the Sept. 11 attacks",
"9/11 conspiracy theories"); the dates stage resolves such a yearless mention to that year when a
listed noun follows it (issue 6).  The builder checks every row (a real month-day, a year, at least
one noun) and writes the rows sorted, with the sha256 sidecar the loader verifies.

Usage: .venv/bin/python scripts/build_named_days.py
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SOURCE = REPO / "scripts" / "named_days_manual.tsv"
TARGET = REPO / "presswatch" / "dates" / "data" / "named_days.tsv"
VERSION = "1.0.0"


def read_rows(path: Path) -> list[tuple[str, str, str, str]]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        month_day, year, numeric, nouns = line.split("\t")
        date.fromisoformat(f"{year}-{month_day}")
        if not nouns.strip("|"):
            raise SystemExit(f"{path}:{number}: no nouns in {line!r}")
        rows.append((month_day, year, numeric, nouns))
    return sorted(set(rows))


def main() -> None:
    rows = read_rows(SOURCE)
    data = ("# month-day\tyear\tnumeric forms\tnouns\n" + "".join("\t".join(row) + "\n" for row in rows)).encode("utf-8")
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_bytes(data)
    meta = {"version": VERSION, "source": "scripts/named_days_manual.tsv (hand-written)",
            "license": "MIT (presswatch)", "built_by": "scripts/build_named_days.py",
            "built_from": {"named_days_manual.tsv": hashlib.sha256(SOURCE.read_bytes()).hexdigest()},
            "sha256": hashlib.sha256(data).hexdigest()}
    TARGET.with_name(TARGET.name + ".meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print(f"{TARGET}: {len(rows)} named days")


if __name__ == "__main__":
    main()
