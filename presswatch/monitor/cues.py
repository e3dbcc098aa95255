"""Phrases that present an occurrence as a repetition ("shelled again", "the truce was broken",
"a second night of protests"), from data/renewal_cues.json, compiled once per process."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from presswatch.knowledge import read_verified

CUES = Path(__file__).resolve().parent / "data" / "renewal_cues.json"


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    raw, _ = read_verified(CUES, "an edit of presswatch/monitor/data/renewal_cues.json")
    return re.compile("|".join(f"(?:{p})" for p in json.loads(raw)["patterns"]), re.IGNORECASE)


def marks_renewal(sentence: str | None) -> bool:
    """Whether a sentence presents its event as happening again."""
    return bool(sentence and _pattern().search(sentence))
