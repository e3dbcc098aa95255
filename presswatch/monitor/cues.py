"""Phrases that present an occurrence as a repetition ("shelled again", "the truce was broken",
"a second night of protests", data/renewal_cues.json), as still going on ("continued to
shell", data/continuation_cues.json) or tell which side started an exchange ("fired first",
data/first_fire_cues.json), compiled once per process."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from presswatch.knowledge import read_verified

CUES = Path(__file__).resolve().parent / "data" / "renewal_cues.json"
CONTINUATION_CUES = Path(__file__).resolve().parent / "data" / "continuation_cues.json"
FIRST_FIRE_CUES = Path(__file__).resolve().parent / "data" / "first_fire_cues.json"


@lru_cache(maxsize=3)
def _pattern(path: Path) -> re.Pattern[str]:
    raw, _ = read_verified(path, f"an edit of presswatch/monitor/data/{path.name}")
    return re.compile("|".join(f"(?:{p})" for p in json.loads(raw)["patterns"]), re.IGNORECASE)


def marks_renewal(sentence: str | None) -> bool:
    """Whether a sentence presents its event as happening again."""
    return bool(sentence and _pattern(CUES).search(sentence))


def marks_continuation(sentence: str | None) -> bool:
    """Whether a sentence presents its fighting as still going on."""
    return bool(sentence and _pattern(CONTINUATION_CUES).search(sentence))


def marks_first_fire(sentence: str | None) -> bool:
    """Whether a sentence tells (or denies) which side started an exchange of fire."""
    return bool(sentence and _pattern(FIRST_FIRE_CUES).search(sentence))
