"""Casualty figures in a sentence: how many were killed or wounded, and on whose side.

    casualty_figures("Officials said 24 soldiers were killed and 87 wounded") -> killed 24, wounded 87

Patterns: a number before the outcome ("49 servicemen had been killed", "12 dead", "30 people were
injured"), after it ("killing three civilians", "wounding 40"), and totals ("the death toll rose
to 71", "the number of injured reached 300").  The victims' country comes from a demonym or
country name among the words between the number and the outcome ("49 Armenian servicemen");
otherwise it is unknown.  Vague amounts ("dozens", "hundreds") are not figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from presswatch.monitor.names import place_of

UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen"
         " seventeen eighteen nineteen").split()
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
WORD_VALUES = {**{word: value for value, word in enumerate(UNITS)}, **TENS, "a hundred": 100, "one hundred": 100}
NUMBER = (r"(?:\d{1,3}(?:,\d{3})+|\d+|(?:" + "|".join(TENS) + r")(?:-(?:" + "|".join(UNITS[1:10]) + r"))?"
          r"|a hundred|one hundred|" + "|".join(UNITS[1:]) + r")")
KILLED = r"(?:killed|dead|died|perished|slain|lost their lives)"
WOUNDED = r"(?:wounded|injured|hurt)"
BEFORE = re.compile(  # "49 Armenian servicemen had been killed", "12 dead", "40 people were injured"
    rf"\b(?:at least |more than |over |about |some )?(?P<number>{NUMBER})(?P<victims>(?: [A-Za-z-]+){{0,4}}?)"
    rf"(?: (?:were|was|have been|had been|are|have|had|being))? (?P<outcome>{KILLED}|{WOUNDED})\b", re.IGNORECASE)
AFTER = re.compile(  # "killing three civilians", "wounding 40", "the shelling killed 12 people"
    rf"\b(?P<outcome>killing|wounding|injuring|killed|wounded|injured) (?:at least |more than |some |about )?"
    rf"(?P<number>{NUMBER})(?P<victims>(?: [A-Za-z-]+){{0,2}})", re.IGNORECASE)
TOTAL = re.compile(  # "the death toll rose to 71", "the number of injured reached 300"
    rf"\b(?P<outcome>death toll|number of (?:dead|killed|deaths)|number of (?:injured|wounded))"
    rf"(?P<victims>(?: [A-Za-z-]+){{0,4}}?) (?:has |had )?(?:rose|risen|rises|climbed|reached|stands|stood|is|was"
    rf"|increased)(?: to| at)? (?:at least |more than )?(?P<number>{NUMBER})\b", re.IGNORECASE)
NOT_VICTIMS = re.compile(r"\b(?:of|or|by|in|on|at|from|with|after|since|than)\b", re.IGNORECASE)
TIME_WORDS = re.compile(r"\s*(?:days?|hours?|weeks?|months?|years?|minutes?|ago)\b", re.IGNORECASE)
MONTHS = ("january february march april may june july august september october november december"
          " jan feb mar apr jun jul aug sep sept oct nov dec").split()


@dataclass(frozen=True)
class Figure:
    """One casualty figure: `outcome` ("killed" or "wounded"), how many, and whose (ISO code or None)."""

    outcome: str
    count: int
    victims: str | None


def _value(text: str) -> int:
    text = text.lower().replace(",", "")
    if text.isdigit():
        return int(text)
    if text in WORD_VALUES:
        return WORD_VALUES[text]
    tens, _, unit = text.partition("-")
    return TENS[tens] + UNITS.index(unit)


def _outcome(word: str) -> str:
    word = word.lower()
    return "wounded" if re.fullmatch(rf"{WOUNDED}|wounding|injuring", word) or "injured" in word \
        or "wounded" in word else "killed"


def _victims(words: str) -> str | None:
    if NOT_VICTIMS.search(words):
        return None
    for word in words.split():
        place = place_of(word)
        if place and place.kind in ("adjective", "country"):
            return place.country
    return None


def _is_date_or_time(sentence: str, start: int, end: int) -> bool:
    """A day of a month ("September 13"), a year, or a span of time ("killed 2 days ago")."""
    before = sentence[:start].split()
    number = sentence[start:end].replace(",", "")
    return (bool(before) and before[-1].lower().strip(".,") in MONTHS) or (number.isdigit() and len(number) == 4
            and number.startswith(("19", "20"))) or bool(TIME_WORDS.match(sentence, end))


def casualty_figures(sentence: str) -> tuple[Figure, ...]:
    """Every casualty figure the sentence gives, in order of appearance (a number counts once)."""
    found: dict[int, Figure] = {}
    for pattern in (TOTAL, AFTER, BEFORE):
        for match in pattern.finditer(sentence):
            start = match.start("number")
            if start in found:
                continue
            words = match.group("victims") or ""
            if pattern is BEFORE and NOT_VICTIMS.search(words):
                continue  # "2 of them", "7 in the capital": the number belongs to something else
            if _is_date_or_time(sentence, match.start("number"), match.end("number")):
                continue
            found[start] = Figure(_outcome(match.group("outcome")), _value(match.group("number")), _victims(words))
    return tuple(found[start] for start in sorted(found))
