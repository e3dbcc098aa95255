"""Named patterns for temporal expressions (issue 6).

Each pattern is matched over the document text (offsets are `re.Match` positions in the text, so
a repeated phrase is found at each of its own places).  Every pattern says what it must and must
not match; tests/unit/test_dates.py checks both.  The normalizer in `normalize.py` reads the named
groups, so a pattern's `kind` decides which anchor resolves it:

- absolute: complete dates ("12 September 2022") or dates completed with the publication year
  ("On September 12", "in February") - see `normalize.py` for the year window;
- publication: relative to the publication date ("yesterday", "on Tuesday", "earlier this month");
- narrative: relative to the previous resolved date in the text ("the next day", "two days later",
  "two years after the elections", "that month");
- calendar: a day named in the knowledge files ("Election Day": the election calendar of
  data/elections.tsv; "the Sept. 11 attacks": data/named_days.tsv).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}

# Capitalized month names, full or abbreviated ("Sept.", "Sep"); never lower-case "may" or "march"
# (the verbs).  Abbreviations need the dot or a following day number to count (see patterns).
_MONTH_FULL = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_MONTH = rf"(?:{_MONTH_FULL}|{_MONTH_ABBR})"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?:19|20)\d{2}"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_NUMBER = r"(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_UNTIL = r"(?:-|–|(?i:to|until|till)\b)"  # between the first and the last day of a range
_ON = r"(?:(?i:on|since|until|by|from|before|after)\s+(?:the\s+)?)?"
_MONTH_WORDS = frozenset(MONTHS)
_UNIT_WORDS = frozenset({"day", "days", "week", "weeks", "month", "months", "year", "years"})
_PART_WORDS = frozenset({"beginning", "start", "end", "middle", "half", "early", "mid", "late"})
_DAY_WORDS = frozenset({"yesterday", "today", "tomorrow", "tonight", "overnight", "morning", "afternoon", "evening",
                        "night"})


@dataclass(frozen=True)
class TimePattern:
    """A named pattern: what it matches (`regex`), which anchor resolves it (`kind`)."""

    name: str
    kind: str  # "absolute", "publication" or "narrative"
    regex: re.Pattern[str]
    # Lower-case words every match contains one of; a text with none of them is not searched
    # (a quarter of the patterns' time).  Empty: always searched.
    needs: frozenset[str] = frozenset()

    def finditer(self, text: str, words: frozenset[str]) -> Iterator[re.Match[str]]:
        """The matches in `text`, whose lower-case words are `words` (see `text_words`)."""
        if self.needs and self.needs.isdisjoint(words):
            return iter(())
        return self.regex.finditer(text)


_WORD = re.compile(r"[a-z]+")


def text_words(text: str) -> frozenset[str]:
    """The lower-case words of `text`, which `TimePattern.finditer` checks its `needs` against."""
    return frozenset(_WORD.findall(text.lower()))


def _compile(pattern: str) -> re.Pattern[str]:
    """Compile a pattern that starts at a word boundary: "action Tuesday" holds no "on Tuesday",
    and the regex engine drops mid-word start positions at once (a third of the stage's time)."""
    return re.compile(pattern if pattern.startswith(r"\b") else rf"\b{pattern}")


PATTERNS: tuple[TimePattern, ...] = (
    # ISO dates "2022-09-12".  Not "2022-09" or "2020-2022".
    TimePattern("ISO_DATE", "absolute", _compile(
        r"\b(?P<year>(?:19|20)\d{2})-(?P<monthnum>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])\b")),
    # "the night of 12 to 13 September", "12-13 September 2022"; the range resolves to its first
    # day, and its last day (`day2`) becomes the date's `until`.  Not "12 to 13 soldiers".
    TimePattern("DAY_RANGE_MONTH", "absolute", _compile(
        rf"(?i:(?:on\s+)?the\s+night\s+of\s+)?\b(?P<day>{_DAY})\s*(?:-|–|(?i:to|and))\s*(?P<day2>{_DAY})"
        rf"\s+(?P<month>{_MONTH})(?:,?\s+(?P<year>{_YEAR}))?\b"), _MONTH_WORDS),
    # "September 12-13", "Sept. 12 to 14, 2022".  Not "September 2022".
    TimePattern("MONTH_DAY_RANGE", "absolute", _compile(
        rf"\b(?P<month>{_MONTH})\s+(?P<day>{_DAY})\s*(?:-|–|(?i:to))\s*(?P<day2>{_DAY})\b"
        rf"(?:,?\s+(?P<year>{_YEAR}))?"), _MONTH_WORDS),
    # "On September 12", "September 12, 2022", "Sept. 12th"; a range across a month's end, "June 30
    # to July 2" (`month2`, `day2`: the date's `until`).  Not "September 2022" (the day needs
    # a word boundary after at most two digits) and not "May 5 soldiers"?  It would: day numbers
    # after a month are read as days, as news style writes them.
    TimePattern("MONTH_DAY", "absolute", _compile(
        rf"{_ON}\b(?P<month>{_MONTH})\s+(?P<day>{_DAY})\b(?:\s*{_UNTIL}\s*(?P<month2>{_MONTH})\s+(?P<day2>{_DAY})\b)?"
        rf"(?:,?\s+(?P<year>{_YEAR})\b)?"), _MONTH_WORDS),
    # "13 September", "on 12 September 2022", "the 5th of May"; a range across a month's end,
    # "(the night of) 30 June to 1 July", "31 May-2 June 2023".  Not "13 soldiers", and "30 June
    # and 1 July" is two days named, no range.
    TimePattern("DAY_MONTH", "absolute", _compile(
        rf"{_ON}\b(?P<day>{_DAY})\s+(?:(?i:of)\s+)?(?P<month>{_MONTH})(?:\s*{_UNTIL}\s*(?P<day2>{_DAY})\s+"
        rf"(?P<month2>{_MONTH})\b)?(?:,?\s+(?P<year>{_YEAR}))?\b"), _MONTH_WORDS),
    # "March of next year", "June this year", "January of last year": the month in the year
    # counted from publication.  Not "March" alone (MONTH) nor "next year" alone (PUBLICATION_PERIOD).
    TimePattern("MONTH_OF_YEAR", "publication", _compile(
        rf"\b(?P<month>{_MONTH_FULL})\s+(?:(?i:of)\s+)?(?P<mod>(?i:this|last|next))\s+(?i:year)\b"), _MONTH_WORDS),
    # "mid-September", "early February 2022", "in late August", "in February", "August 2020".
    # A bare month name ("March") counts only with a cue word, a year or a spaCy DATE entity
    # (checked in expressions.py): "the March for Freedom" is not a date.
    TimePattern("MONTH", "absolute", _compile(
        rf"(?:(?P<cue>(?i:in|since|until|by|from|during|through|throughout|last|this|next|early|late|"
        rf"mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of))(?:\s+|-))?"
        rf"(?:(?P<part>(?i:early|mid|late))(?:\s+|-))?\b(?P<month>{_MONTH_FULL})\b"
        rf"(?:,?\s+(?P<year>{_YEAR})\b)?"), _MONTH_WORDS),
    # "At the beginning of 2022", "the end of 2021", "early 2022", "mid-2021".  Not "2022 troops".
    TimePattern("YEAR_PART", "absolute", _compile(
        r"(?:(?i:at|in|by|until|since|from)\s+)?(?:(?i:the\s+)?(?P<part>(?i:beginning|start|end|middle|"
        r"first\s+half|second\s+half))\s+(?i:of)\s+|(?P<part2>(?i:early|mid|late))(?:\s+|-))"
        rf"(?P<year>{_YEAR})\b"), _PART_WORDS),
    # "in 2020", "since 2014", "the 2020 presidential election" (the year alone).  A bare number
    # counts only with a cue word or a spaCy DATE entity (checked in expressions.py): not "2000 troops".
    TimePattern("YEAR", "absolute", _compile(
        rf"(?:(?P<cue>(?i:in|since|until|by|from|during|of|throughout))\s+)?\b(?P<year>{_YEAR})\b(?!\s*(?:-|–)\s*\d)")),
    # "yesterday", "today", "tomorrow", "tonight", "this morning", "overnight", "the day before
    # yesterday".  Not "today's world" as a date?  It is one: today's = the publication day.
    TimePattern("PUBLICATION_DAY", "publication", _compile(
        r"\b(?P<word>(?i:the\s+day\s+before\s+yesterday|yesterday|today|tomorrow|tonight|overnight|"
        r"this\s+(?:morning|afternoon|evening)|last\s+night))\b"), _DAY_WORDS),
    # "on Tuesday", "last Tuesday", "Tuesday night", "next Friday"; a range, "from Monday to
    # Wednesday", "between Tuesday and Thursday" (`weekday2`: the date's `until`; "Monday and
    # Wednesday" without "between" is two days named).  Not "Tuesday's" forms? They
    # match too ("Tuesday's attack" happened on Tuesday).
    TimePattern("WEEKDAY", "publication", _compile(
        rf"(?:(?P<mod>(?i:last|this|next|on|early\s+on|late\s+on|since|until|by|from|(?P<between>between)))\s+)?"
        rf"\b(?P<weekday>{_WEEKDAY})\b(?:\s+(?P<tod>(?i:morning|afternoon|evening|night)))?"
        rf"(?:\s+(?(between)(?i:and)|(?i:to|through|until|till))\s+(?P<weekday2>{_WEEKDAY})\b)?"), frozenset(WEEKDAYS)),
    # "earlier this month", "this year", "last month", "next week", "later this week".
    TimePattern("PUBLICATION_PERIOD", "publication", _compile(
        r"\b(?:(?P<edge>(?i:earlier|later))\s+)?(?P<mod>(?i:this|last|next|the\s+previous|the\s+past))\s+"
        r"(?P<unit>(?i:week|month|year))\b"), frozenset({"week", "month", "year"})),
    # "three days ago", "a week ago", "two years ago".
    TimePattern("PUBLICATION_AGO", "publication", _compile(
        rf"\b(?P<n>(?i:{_NUMBER}))\s+(?P<unit>(?i:days?|weeks?|months?|years?))\s+(?i:ago)\b"), frozenset({"ago"})),
    # "the next day", "the following day", "the day before", "the same day", "that day".
    TimePattern("NARRATIVE_DAY", "narrative", _compile(
        r"\b(?P<phrase>(?i:the\s+(?:next|following|previous|preceding|same)\s+day|the\s+day\s+(?:before|after)|"
        r"that\s+(?:same\s+)?day|the\s+next\s+morning|the\s+following\s+morning))\b"), frozenset({"day", "morning"})),
    # "that month", "the same year", "later that month": the month or year of the previous date.
    # Not "this month" (PUBLICATION_PERIOD) nor "that day" (NARRATIVE_DAY).
    TimePattern("NARRATIVE_PERIOD", "narrative", _compile(
        r"\b(?i:that|the\s+same)\s+(?P<unit>(?i:month|year))\b"), frozenset({"month", "year"})),
    # "Election Day", "on election day": the national election nearest publication in a country
    # the document names.  Not "the day of the election" (no calendar phrase).
    TimePattern("ELECTION_DAY", "calendar", _compile(r"\b(?i:election\s+day)\b"), frozenset({"election"})),
    # "9/11" before a word ("the 9/11 attacks"): a day the named-days file lists under that form
    # (normalize.py; unlisted forms stay unresolved).  Not "9/11/2001" nor "3/4 of voters"? That
    # matches and stays unresolved.  A yearless "Sept. 11 attacks" is a MONTH_DAY the normalizer
    # checks against the same file.
    TimePattern("NAMED_DAY", "calendar", _compile(r"\b(?P<numeric>\d{1,2}/\d{1,2})(?![/\d])(?=\s+[a-z])")),
    # "two days later", "a day earlier", "a week later", "three days after that".
    TimePattern("NARRATIVE_OFFSET", "narrative", _compile(
        rf"\b(?P<n>(?i:{_NUMBER}))\s+(?P<unit>(?i:days?|weeks?|months?|years?))\s+"
        r"(?P<dir>(?i:later|earlier|after\s+that|before\s+that|afterwards))\b"), _UNIT_WORDS),
    # "two years after the elections", "a week before the vote": relative to an earlier dated
    # mention of that noun, or to the date right after it ("the vote of 9 April").  Not "two years
    # after" alone (that is NARRATIVE_OFFSET's "after that"); the noun stops before "of"/"on".
    TimePattern("NARRATIVE_EVENT_OFFSET", "narrative", _compile(
        rf"\b(?P<n>(?i:{_NUMBER}))\s+(?P<unit>(?i:days?|weeks?|months?|years?))\s+(?P<dir>(?i:after|before))\s+"
        r"(?i:the\s+)?(?!that\b)(?P<noun>[a-z]+(?:\s+(?!(?:of|on|in|at|by|and|to)\b)[a-z]+)?)\b"), _UNIT_WORDS),
)

# A time of day alone, which names no day of its own ("the afternoon", "until dawn", "7 p.m."), or a
# span of minutes or hours ("within minutes", "for several hours"): a sentence holding only such an
# expression still takes the narrative's day (attach.py).
DAY_PART = re.compile(
    r"(?i:(?:(?:since|until|till|by|in|at|before|after|during|from|the|early|late|that|this)\s+){0,4}"
    r"(?:morning|afternoon|evening|night|dawn|dusk|midnight|noon|daybreak|nightfall|sunrise|sunset)"
    r"|\d{1,2}(?:[:.]\d{2})?\s*(?:a\.m\.|p\.m\.|am|pm)"
    r"|(?:(?:within|for|in|over|a|few|several|some|\d{1,3})\s+){0,3}(?:seconds|minutes|hours))")

# "the" right before a bare month name: "The March for Freedom" is a name, not a date (dates take
# no article unless a year or day follows: "the March 2022 vote" is caught by the MONTH pattern's year).
ARTICLE_BEFORE = re.compile(r"\b(?i:the)\s+$")

# Cue words before a bare month or year that make it a date ("in February", "since 2014").
DATE_CUES = frozenset({"in", "since", "until", "by", "from", "during", "of", "through", "throughout",
                       "last", "this", "next", "early", "late", "mid"})

# "N years after the X" anchors on an earlier dated expression whose sentence mentions X; these
# stems are what is looked for ("presidential elections" -> "presidential", "election").
def noun_stems(noun: str) -> tuple[str, ...]:
    """Crude singular stems of the words of an event phrase ("elections" -> "election")."""
    stems = []
    for word in noun.lower().split():
        for suffix in ("ies", "s"):
            if word.endswith(suffix) and len(word) > len(suffix) + 3:
                word = word[: -len(suffix)] + ("y" if suffix == "ies" else "")
                break
        stems.append(word)
    return tuple(stems)
