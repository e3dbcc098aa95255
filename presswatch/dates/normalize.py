"""Normalize temporal expressions against the publication date and the narrative (issue 6).

Values are ISO strings cut to their precision: "2022-09-12" (day), "2022-09" (month), "2022" (year).
A range of days ("12 to 13 May", "the night of 30 June to 1 July", "from Monday to Wednesday") takes
its first day as value and its last as `until`; a weekday range told in the past tense ends by
publication ("between Tuesday and Thursday, talks were held" in a Wednesday article: last week's).

Anchors, in order of trust:
- the text itself: a complete date ("12 September 2022");
- a year stated in the same sentence ("In September 2022 ... on the 12th");
- the publication date (`Document.published`): "over the past week" is the range of the seven days
  before it (a week that is no calendar week; "last week", "this week" keep their month);
  a month or day without a year takes the latest year
  that does not put it a month or more after publication ("in February" in an October 2022
  article is February 2022); "yesterday", "on Tuesday", "earlier this month" count from it;
  in a past-tense clause "this week" ends at publication ("this week, the cabinet resigned");
- the narrative: "the next day" counts from the previous day-precise date in the text (in a
  past-tense clause never from a date after publication: a plan is no narrative anchor), "two
  years after the elections" from the earlier dated mention of the elections, or from the date
  right after the noun ("a week after the election of August 9, 2020").
- the calendars: "Election Day" is the nearest election of a country the document names
  (data/elections.tsv); "the Sept. 11 attacks" and "9/11" before a listed noun are the named day
  (data/named_days.tsv); "that month"/"the same year" keep the previous date at that precision.
With no publication date, month/day forms take a year stated up to three sentences earlier at full
precision; otherwise they take the latest year the text states, and
publication-relative forms ("yesterday", "on Tuesday") stay unresolved (their anchor is unknown);
month/day forms with a year from far back lose one step of precision (day -> month -> year); with
no year anywhere, they stay unresolved.  "The next day" after a month or year keeps that precision.
"""

from __future__ import annotations

import bisect
import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from presswatch.dates.elections import Election, election_day
from presswatch.dates.expressions import TimeExpression, find_expressions
from presswatch.dates.named_days import NamedDay, named_day
from presswatch.dates.rules import MONTHS, NUMBER_WORDS, WEEKDAYS, noun_stems

PRECISIONS = ("day", "month", "year")
FUTURE_WINDOW = timedelta(days=30)  # a yearless date must lie less than this after publication
EVENT_NOUN_REACH = 40  # characters around a dated expression searched for "the elections"
# What may stand between "a week after the election" and the date that names that election
# ("... of August 9, 2020"): the date is then the anchor, not an earlier one.
NOUN_DATE_GAP = re.compile(r"\s*,?\s*(?:(?:of|on|in)\s+)?")
NARRATIVE_SENTENCES = 3  # without publication date, a year stated this many sentences back still holds


@dataclass(frozen=True)
class Resolution:
    """A temporal expression and what it resolves to (value None: not resolvable)."""

    expression: TimeExpression
    value: str | None
    precision: str | None
    anchor: str | None  # "text", "sentence-year", "publication", "narrative", "narrative-year", "text-year", "calendar"
    until: str | None = None  # the last day of a range of days ("12 to 13 May"), whose first day is `value`


@dataclass(frozen=True)
class _When:
    day: date
    precision: str
    coarse: bool = False  # reported one precision step lower than computed (a guessed year)

    def reported(self) -> str:
        return self.coarsen().precision if self.coarse else self.precision

    def value(self) -> str:
        if self.coarse:
            return _When(self.day, self.reported()).value()
        if self.precision == "day":
            return self.day.isoformat()
        if self.precision == "month":
            return f"{self.day.year:04d}-{self.day.month:02d}"
        return f"{self.day.year:04d}"

    def coarsen(self) -> _When:
        return _When(self.day, PRECISIONS[min(PRECISIONS.index(self.precision) + 1, 2)], self.coarse)


def parse_published(published: str | None) -> date | None:
    """The publication date as a `date`, or None when unknown or not ISO."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def _number(word: str | None) -> int | None:
    if word is None:
        return None
    word = word.lower()
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


def _month_number(expression: TimeExpression) -> int | None:
    if expression.group("monthnum"):
        return int(expression.group("monthnum") or 0)
    name = expression.group("month")
    return MONTHS.get(name.lower().rstrip(".")) if name else None


def _day_number(expression: TimeExpression) -> int | None:
    day = expression.group("day")
    return int("".join(ch for ch in day if ch.isdigit())) if day else None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _shift_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _offset(anchor: _When, amount: int, unit: str) -> _When | None:
    """`anchor` moved by `amount` units; the precision is the coarser of anchor and unit."""
    unit = unit.lower().rstrip("s")
    if unit in ("day", "week"):
        if anchor.precision != "day":
            return None
        return _When(anchor.day + timedelta(days=amount * (7 if unit == "week" else 1)), "day")
    if unit == "month":
        if anchor.precision == "year":
            return None
        return _When(_shift_months(anchor.day, amount), "month")
    if unit == "year":
        return _When(_shift_months(anchor.day, 12 * amount), "year")
    return None


def offset_noun_date(expression: TimeExpression, value: str, precision: str) -> tuple[str, str] | None:
    """The date of the X of "N units after (before) the X" (NARRATIVE_EVENT_OFFSET) when the clause
    it modifies happened at `value` of `precision`: N units earlier (later); with the precision of
    the coarser of value and unit, or None when the unit is finer than the value ("a day after" a month)."""
    amount = _number(expression.group("n"))
    try:
        day = date.fromisoformat(value) if precision == "day" else date(int(value[:4]), int(value[5:7] or 1), 1)
    except ValueError:
        return None
    if amount is None:
        return None
    sign = 1 if (expression.group("dir") or "").lower() == "before" else -1
    moved = _offset(_When(day, precision), sign * amount, expression.group("unit") or "")
    return (moved.value(), moved.precision) if moved is not None else None


class _Context:
    """What the normalizer knows while it reads the expressions in text order."""

    def __init__(self, published: date | None, text: str, sentences: list[tuple[int, int]],
                 past: frozenset[int] = frozenset(), elections: tuple[Election, ...] = (),
                 named_days: tuple[NamedDay, ...] = ()) -> None:
        self.published = published
        self.elections = elections
        self.named_days = named_days
        self.past = past  # starts of the expressions whose clause is in the past tense
        self.text = text
        self.sentences = [tuple(sentence) for sentence in sentences]
        self._starts = [start for start, _ in self.sentences]
        self._ends = [end for _, end in self.sentences]
        self._ordered = all(start <= end <= following for (start, end), following
                            in zip(self.sentences, self._starts[1:] + [float("inf")], strict=True))
        self.history: list[tuple[TimeExpression, _When]] = []
        self.named_dates: dict[int, _When] = {}  # "the election of August 9, 2020": offset -> its date
        self.years_seen: list[tuple[int, int, int | None]] = []  # (offset, year, month) stated

    def sentence_of(self, offset: int) -> tuple[int, int]:
        if self._ordered:  # binary search: a scan per expression made long texts quadratic (issue 11)
            index = bisect.bisect_right(self._starts, offset) - 1
            if index >= 0 and offset < self.sentences[index][1]:
                return self.sentences[index]
            return offset, offset
        for start, end in self.sentences:
            if start <= offset < end:
                return start, end
        return offset, offset

    def sentence_index(self, offset: int) -> int:
        if self._ordered:
            return bisect.bisect_right(self._ends, offset)
        for index, (_start, end) in enumerate(self.sentences):
            if offset < end:
                return index
        return len(self.sentences)


def _explicit_year(expression: TimeExpression) -> int | None:
    year = expression.group("year")
    return int(year) if year else None


def _complete(expression: TimeExpression) -> _When | None:
    """The date of an absolute expression that states its own year (else None)."""
    year = _explicit_year(expression)
    if year is None:
        return None
    month = _month_number(expression)
    day = _day_number(expression)
    if month and day:
        found = _safe_date(year, month, day)
        return _When(found, "day") if found else None
    if month:
        return _When(date(year, month, 1), "month")
    part = (expression.group("part") or expression.group("part2") or "").lower()
    if expression.pattern == "YEAR_PART" and part in ("beginning", "start"):
        return _When(date(year, 1, 1), "month")
    if expression.pattern == "YEAR_PART" and part == "end":
        return _When(date(year, 12, 1), "month")
    return _When(date(year, 1, 1), "year")


def _absolute(expression: TimeExpression, context: _Context,
              sentence_years: dict[tuple[int, int], int]) -> tuple[_When, str] | None:
    complete = _complete(expression)
    if complete is not None:
        return complete, "text"
    month = _month_number(expression)
    if month is None:
        return None
    day = _day_number(expression)
    if expression.pattern == "MONTH_DAY":  # "the Sept. 11 attacks": the named day, whatever the year
        named = named_day(context.text, expression.end, month, day, None, context.named_days)
        if named is not None:
            return _When(named, "day"), "calendar"
    precision = "day" if day else "month"
    year_in_sentence = sentence_years.get(context.sentence_of(expression.start))
    if year_in_sentence is not None:
        found = _safe_date(year_in_sentence, month, day or 1)
        return (_When(found, precision), "sentence-year") if found else None
    if context.published is not None:
        limit = context.published + FUTURE_WINDOW
        for year in (context.published.year + 1, context.published.year, context.published.year - 1):
            found = _safe_date(year, month, day or 1)
            if found is not None and found < limit:
                return _When(found, precision), "publication"
        return None
    here = context.sentence_index(expression.start)
    recent = [year for offset, year, stated_month in context.years_seen
              if offset < expression.start and (stated_month is None or month >= stated_month)
              and here - context.sentence_index(offset) <= NARRATIVE_SENTENCES]
    if recent:  # no publication date: a year stated just before ("In September 2022 ... On the 12th")
        found = _safe_date(recent[-1], month, day or 1)
        return (_When(found, precision), "narrative-year") if found else None
    if context.years_seen:  # else the latest year the text states, less precise
        found = _safe_date(max(year for _, year, _ in context.years_seen), month, day or 1)
        return (_When(found, precision, coarse=True), "text-year") if found else None
    return None


def _publication(expression: TimeExpression, context: _Context) -> tuple[_When, str] | None:
    if context.published is None:  # "yesterday" in an undated article: unknowable
        return None
    ref, how = _When(context.published, "day"), "publication"
    result: _When | None = None
    if expression.pattern == "PUBLICATION_DAY":
        word = " ".join((expression.group("word") or "").lower().split())
        back = {"yesterday": 1, "last night": 1, "the day before yesterday": 2, "tomorrow": -1}.get(word, 0)
        result = _When(ref.day - timedelta(days=back), "day")
    elif expression.pattern == "WEEKDAY":
        weekday = WEEKDAYS[(expression.group("weekday") or "").lower()]
        mod = " ".join((expression.group("mod") or "").lower().split())
        if mod == "next":
            result = _When(ref.day + timedelta(days=(weekday - ref.day.weekday()) % 7 or 7), "day")
        elif mod == "last":
            result = _When(ref.day - timedelta(days=(ref.day.weekday() - weekday) % 7 or 7), "day")
        else:
            result = _When(ref.day - timedelta(days=(ref.day.weekday() - weekday) % 7), "day")
        last = WEEKDAYS.get((expression.group("weekday2") or "").lower())
        if last is not None and expression.start in context.past and \
                result.day + timedelta(days=(last - weekday) % 7) > ref.day:  # a range told as past ends by publication
            result = _When(result.day - timedelta(days=7), "day")
    elif expression.pattern == "PUBLICATION_PERIOD":
        mod = " ".join((expression.group("mod") or "").lower().split())
        unit = (expression.group("unit") or "").lower()
        step = {"this": 0, "next": 1}.get(mod, -1)
        if unit == "week" and mod == "the past":  # the seven days up to publication, as a range of days
            return _When(ref.day - timedelta(days=7), "day"), how
        if unit == "week":
            day = ref.day + timedelta(days=7 * step)
            if step == 0 and (expression.group("edge") or "").lower() == "earlier":
                day = max(ref.day - timedelta(days=ref.day.weekday()), ref.day - timedelta(days=1))
            monday = day - timedelta(days=day.weekday())
            sunday = monday + timedelta(days=6)
            if step == 0 and ((expression.group("edge") or "").lower() == "earlier" or expression.start in context.past):
                sunday = day  # only the days up to publication count: "this week, the cabinet resigned"
            result = _When(day, "month" if monday.month == sunday.month else "year")
        elif unit == "month":
            result = _When(_shift_months(ref.day, step), "month")
        else:
            result = _When(_shift_months(ref.day, 12 * step), "year")
    elif expression.pattern == "MONTH_OF_YEAR":
        step = {"this": 0, "next": 1}.get((expression.group("mod") or "").lower(), -1)
        result = _When(date(ref.day.year + step, _month_number(expression) or 1, 1), "month")
    elif expression.pattern == "PUBLICATION_AGO":
        amount = _number(expression.group("n"))
        unit = (expression.group("unit") or "").lower().rstrip("s")
        if amount is not None:
            result = _offset(_When(ref.day, "day"), -amount, unit)
            if result is not None and unit == "week":
                result = _When(result.day, "month")
    if result is None:
        return None
    return result, how


def _until(expression: TimeExpression, when: _When) -> str | None:
    """The last day of a range of days whose first day is `when` ("12 to 13 May", "30 June to
    1 July", "from Monday to Wednesday"), or None for a single day or a date less precise."""
    if when.precision != "day" or when.coarse:
        return None
    weekday = expression.group("weekday2")
    if expression.pattern == "PUBLICATION_PERIOD":  # "over the past week": its seven days to publication
        return (when.day + timedelta(days=7)).isoformat()
    if weekday:
        last: date | None = when.day + timedelta(days=(WEEKDAYS[weekday.lower()] - when.day.weekday()) % 7)
    else:
        day = _number("".join(ch for ch in expression.group("day2") or "" if ch.isdigit()) or None)
        named = (expression.group("month2") or "").lower().rstrip(".")
        month = MONTHS.get(named, when.day.month)
        last = _safe_date(when.day.year + (month < when.day.month), month, day) if day else None
    return last.isoformat() if last is not None and last > when.day else None


def stored_until(text: str, value: str) -> str | None:
    """The `until` of a day-precise date stored before EventDate had one: the last day of the range
    its expression `text` names, counted from its first day `value` (store schema 3 migration)."""
    try:
        first = date.fromisoformat(value)
    except ValueError:
        return None
    return next((_until(expression, _When(first, "day")) for expression in find_expressions(text, None)), None)


def _anchors(expression: TimeExpression, context: _Context) -> Iterator[tuple[TimeExpression, _When]]:
    """Earlier resolved expressions a narrative expression may count from, latest first: in a
    past-tense clause not a date after publication ("would resume on July 5. The previous day,
    envoys had met")."""
    limit = context.published if expression.start in context.past else None
    return ((earlier, when) for earlier, when in reversed(context.history) if limit is None or when.day <= limit)


def _narrative(expression: TimeExpression, context: _Context) -> tuple[_When, str] | None:
    anchors = _anchors(expression, context)
    if expression.pattern == "NARRATIVE_DAY":
        latest = next(anchors, None)
        if latest is None:
            return None
        previous = latest[1]
        if previous.precision != "day":  # "In 2021 ... The next day": still only 2021
            return previous, "narrative"
        phrase = " ".join((expression.group("phrase") or "").lower().split())
        if any(word in phrase for word in ("next", "following", "after")):
            step = 1
        elif any(word in phrase for word in ("previous", "preceding", "before")):
            step = -1
        else:
            step = 0
        return _When(previous.day + timedelta(days=step), "day", previous.coarse), "narrative"
    if expression.pattern == "NARRATIVE_PERIOD":  # "That month": the previous date's month
        latest = next(anchors, None)
        unit = (expression.group("unit") or "").lower()
        if latest is None or (unit == "month" and latest[1].precision == "year"):
            return None
        return _When(latest[1].day, unit, latest[1].coarse), "narrative"
    amount = _number(expression.group("n"))
    if amount is None:
        return None
    direction = (expression.group("dir") or "").lower()
    sign = -1 if direction.startswith(("earlier", "before")) else 1
    unit = expression.group("unit") or ""
    if expression.pattern == "NARRATIVE_OFFSET":
        latest = next(anchors, None)
        anchor = latest[1] if latest else None
    else:  # NARRATIVE_EVENT_OFFSET: the last dated expression whose sentence names the noun
        stems = [stem for stem in noun_stems(expression.group("noun") or "") if len(stem) > 3]
        anchor = context.named_dates.get(expression.start)
        for earlier, when in (anchors if anchor is None else ()):
            # the dated mention of the noun: "the 2020 presidential election" (a few words apart)
            start, end = context.sentence_of(earlier.start)
            end = min(end, expression.start) if start <= expression.start else end  # not this very noun
            near = context.text[max(start, earlier.start - EVENT_NOUN_REACH):min(end, earlier.end + EVENT_NOUN_REACH)]
            if stems and any(stem in near.lower() for stem in stems):
                anchor = when
                break
    if anchor is None:
        return None
    result = _offset(anchor, sign * amount, unit)
    if result is not None and anchor.coarse:
        result = _When(result.day, result.precision, coarse=True)
    return (result, "narrative") if result else None


def _calendar(expression: TimeExpression, context: _Context) -> tuple[_When, str] | None:
    """A day from the calendars: "Election Day" near publication, a numeric named day ("9/11 attacks")."""
    if expression.pattern == "ELECTION_DAY":
        found = election_day(context.text, context.published, context.elections) if context.published else None
    else:
        found = named_day(context.text, expression.end, None, None, expression.group("numeric"), context.named_days)
    return (_When(found, "day"), "calendar") if found else None


def resolve_expressions(expressions: tuple[TimeExpression, ...], published: str | None, text: str,
                        sentences: list[tuple[int, int]], past: frozenset[int] = frozenset(),
                        elections: tuple[Election, ...] = (), named_days: tuple[NamedDay, ...] = ()) -> tuple[Resolution, ...]:
    """Resolve each expression (in text order) to a value and precision, or leave it None.

    Reads the publication date (ISO or None), the text and its sentence offsets (for same-sentence
    years and the nouns of "N years after the X"), the starts of the expressions in past-tense
    clauses (`past`), and the election calendar and named days; returns one Resolution per expression.
    """
    context = _Context(parse_published(published), text, sentences, past, elections, named_days)
    sentence_years: dict[tuple[int, int], int] = {}
    for expression in expressions:
        year = _explicit_year(expression)
        if year is not None:
            sentence_years.setdefault(context.sentence_of(expression.start), year)
            context.years_seen.append((expression.start, year, _month_number(expression)))
    for offset, following in zip(expressions, expressions[1:], strict=False):
        if offset.pattern == "NARRATIVE_EVENT_OFFSET" and NOUN_DATE_GAP.fullmatch(text, offset.end, following.start):
            named = _complete(following)
            if named is not None:
                context.named_dates[offset.start] = named
    resolutions = []
    for expression in expressions:
        found: tuple[_When, str] | None = None
        try:
            if expression.kind == "absolute":
                found = _absolute(expression, context, sentence_years)
            elif expression.kind == "publication":
                found = _publication(expression, context)
            elif expression.kind == "narrative":
                found = _narrative(expression, context)
            elif expression.kind == "calendar":
                found = _calendar(expression, context)
        except (OverflowError, ValueError):  # before year 1 or after 9999 ("999 years earlier"): unknown (issue 11)
            found = None
        if found is None:
            resolutions.append(Resolution(expression, None, None, None))
            continue
        when, anchor = found
        context.history.append((expression, when))
        resolutions.append(Resolution(expression, when.value(), when.reported(), anchor, _until(expression, when)))
    return tuple(resolutions)
