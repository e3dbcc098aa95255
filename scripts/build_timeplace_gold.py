"""Turn the hand annotations of tests/fixtures/timeplace/annotations.tsv into gold.jsonl (issue 6).

Each annotation names a document, a phrase and which occurrence of it (whole words, counted in
text order) and gives the expected value; this script adds the character offsets and the
publication date (from NAME.meta.json for examples/articles, from annotations' PUBLISHED lines for
the fixture documents).  The values themselves are written by hand in the TSV, never computed.

Usage: .venv/bin/python scripts/build_timeplace_gold.py
"""

from __future__ import annotations

import json
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures" / "timeplace"


def locate(text: str, needle: str, occurrence: int) -> tuple[int, int]:
    matches = list(re.finditer(rf"(?<!\w){re.escape(needle)}(?!\w)", text))
    if len(matches) < occurrence:
        raise SystemExit(f"{needle!r}: only {len(matches)} occurrences, wanted #{occurrence}")
    match = matches[occurrence - 1]
    return match.start(), match.end()


def place(name: str, countries: str) -> dict:
    if name == "border":
        codes = sorted(countries.split(","))
        return {"name": None, "country": codes[0], "countries": codes, "border": True}
    return {"name": name, "country": countries, "countries": [countries], "border": False}


def main() -> None:
    published: dict[str, str | None] = {}
    rows = []
    for line in (FIXTURES / "annotations.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, doc, *rest = line.split("\t")
        if kind == "PUBLISHED":
            published[doc] = None if rest[0] == "-" else rest[0]
            continue
        needle, occurrence, *values = rest
        if doc.startswith("EX:"):
            path = f"examples/articles/{doc[3:]}.txt"
            meta = json.loads((REPO / f"examples/articles/{doc[3:]}.meta.json").read_text(encoding="utf-8"))
            day = meta.get("published")
        else:
            path = f"tests/fixtures/timeplace/docs/{doc}.txt"
            day = published[doc]
        start, end = locate((REPO / path).read_text(encoding="utf-8"), needle, int(occurrence))
        row: dict = {"doc": path, "published": day, "kind": kind, "start": start, "end": end, "text": needle}
        if kind == "date":
            row.update(value=None if values[0] == "-" else values[0], precision=None if values[1] == "-" else values[1])
        elif kind == "place":
            row["place"] = None if values[0] == "-" else place(values[0], values[1])
        else:
            event_type, date, location, source = values
            row["type"] = event_type
            row["date"] = "skip" if date == "skip" else (
                None if date == "-" else dict(zip(("value", "precision"), date.split("/"), strict=True)))
            row["location"] = None if location == "-" else place(*location.split("/"))
            row["source_country"] = None if source == "-" else source
        rows.append(row)
    target = FIXTURES / "gold.jsonl"
    target.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    print(f"{target}: {len(rows)} rows")


if __name__ == "__main__":
    main()
