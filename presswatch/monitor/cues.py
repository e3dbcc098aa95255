"""Phrases that present an occurrence as a repetition ("shelled again", "the truce was broken",
"a second night of protests", data/renewal_cues.json), as still going on ("continued to
shell", data/continuation_cues.json, and the day it went on into: "until dawn on Thursday") or
tell which side started an exchange ("fired first", data/first_fire_cues.json) or add another
target to an attack ("was also attacked", data/addition_cues.json), compiled once per process."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from presswatch.knowledge import read_verified

CUES = Path(__file__).resolve().parent / "data" / "renewal_cues.json"
CONTINUATION_CUES = Path(__file__).resolve().parent / "data" / "continuation_cues.json"
FIRST_FIRE_CUES = Path(__file__).resolve().parent / "data" / "first_fire_cues.json"
ADDITION_CUES = Path(__file__).resolve().parent / "data" / "addition_cues.json"


@lru_cache(maxsize=4)
def _cue_file(path: Path) -> dict:
    raw, _ = read_verified(path, f"an edit of presswatch/monitor/data/{path.name}")
    return json.loads(raw)


@lru_cache(maxsize=4)
def _pattern(path: Path) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in _cue_file(path)["patterns"]), re.IGNORECASE)


def marks_renewal(sentence: str | None) -> bool:
    """Whether a sentence presents its event as happening again."""
    return bool(sentence and _pattern(CUES).search(sentence))


def marks_continuation(sentence: str | None) -> bool:
    """Whether a sentence presents its fighting as still going on."""
    return bool(sentence and _pattern(CONTINUATION_CUES).search(sentence))


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@lru_cache(maxsize=1)
def _named_day_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in _cue_file(CONTINUATION_CUES)["named_day_patterns"])


def day_continued_into(sentence: str | None) -> int | None:
    """The weekday (0 = Monday) a sentence says its crowd or fighting went on into ("into Wednesday",
    "until dawn on Thursday"), or None."""
    for pattern in _named_day_patterns() if sentence else ():
        if found := pattern.search(sentence):
            return WEEKDAYS.index(found.group("day").lower())
    return None


def marks_addition(sentence: str | None) -> bool:
    """Whether a sentence adds another target to an attack already told ("was also attacked")."""
    return bool(sentence and _pattern(ADDITION_CUES).search(sentence))


def marks_first_fire(sentence: str | None) -> bool:
    """Whether a sentence tells (or denies) which side started an exchange of fire."""
    return bool(sentence and _pattern(FIRST_FIRE_CUES).search(sentence))
