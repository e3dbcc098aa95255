"""Build presswatch/dates/data/elections.tsv (+ .meta.json) from the hand-written scripts/elections_manual.tsv.

The calendar dates events that the text ties only to "the 2020 presidential election" (issue 6):
the dates stage gives them that election's month; "Election Day" is the nearest election's day.  The builder checks every row (ISO date, known
kind, at least one name) and writes the rows sorted, with the sha256 sidecar the loader verifies.

Usage: .venv/bin/python scripts/build_elections.py
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SOURCE = REPO / "scripts" / "elections_manual.tsv"
TARGET = REPO / "presswatch" / "dates" / "data" / "elections.tsv"
VERSION = "1.1.0"
KINDS = ("presidential", "parliamentary")


def read_rows(path: Path) -> list[tuple[str, str, str, str]]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        country, kind, day, names = line.split("\t")
        date.fromisoformat(day)
        if kind not in KINDS or len(country) != 3 or not names.strip("|"):
            raise SystemExit(f"{path}:{number}: bad row {line!r}")
        rows.append((country, kind, day, names))
    return sorted(set(rows))


def main() -> None:
    rows = read_rows(SOURCE)
    data = ("# country\tkind\tdate\tnames\n" + "".join("\t".join(row) + "\n" for row in rows)).encode("utf-8")
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_bytes(data)
    meta = {"version": VERSION, "source": "scripts/elections_manual.tsv (hand-written from public election calendars)",
            "license": "MIT (presswatch)", "built_by": "scripts/build_elections.py",
            "built_from": {"elections_manual.tsv": hashlib.sha256(SOURCE.read_bytes()).hexdigest()},
            "sha256": hashlib.sha256(data).hexdigest()}
    TARGET.with_name(TARGET.name + ".meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print(f"{TARGET}: {len(rows)} elections")


if __name__ == "__main__":
    main()
