"""Check the hand-written ACLED cue file and write its sha256 sidecar.

Usage: .venv/bin/python scripts/build_acled_cues.py

presswatch/events/data/acled_cues.tsv is edited by hand (cue words written from the ACLED
codebook's sub-event definitions, in our own words); this script parses it as the stage does,
refuses unknown groups, scopes or sub-event types, and writes `acled_cues.tsv.meta.json`.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from presswatch.events.acled import CUES_FILE, NO_TYPE, parse_cues
from presswatch.events.rules import ACLED_LABELS
from presswatch.knowledge import write_verified

ROOT = Path(__file__).resolve().parents[1]
PATH = ROOT / "presswatch" / "events" / "data" / CUES_FILE
VERSION = "1.3.0"


def main() -> int:
    raw = PATH.read_bytes()
    cues = parse_cues(raw.decode("utf-8"))  # KeyError/ValueError on an unknown group or scope
    known = set(ACLED_LABELS.values()) | {(NO_TYPE, NO_TYPE)}
    unknown = [c.sub_event_type for c in cues if (c.event_type, c.sub_event_type) not in known]
    if unknown:
        print(f"unknown ACLED types: {unknown}", file=sys.stderr)
        return 1
    write_verified(PATH, raw, {
        "version": VERSION, "built_by": "scripts/build_acled_cues.py", "built_on": date.today().isoformat(),
        "source": "hand-written from the ACLED codebook sub-event definitions (presswatch wording)",
        "license": "MIT (presswatch)", "built_from": {},
    })
    print(f"{len(cues)} cue rows -> {PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
