"""Deduplication: event mentions from many articles -> one EventCluster per real event.

Two mentions may describe the same event when all of these hold (`why_apart` names the first that fails):
- the same PLOVER type;
- their dates fit: day-precise dates within `tolerance_days` (`process_days` for two reports of
  a troop withdrawal, which runs from its start to its completion: `PROCESSES`); month or year
  precision must contain the other date; a day-precise range ("the night of 12 to 13 May") covers
  each of its days up to its last (EventDate.until, at most `MAX_SPAN_DAYS` after the first); a
  mention dated only by the statement that reports it ("..., the army said on Friday": method
  `report:`) happened on that day or in the `report_days` before it (1: reports mostly come the
  same day or the next; development labels tie for 0 to 5); a mention without an event date is
  assumed to have happened in the `undated_window_days` before its article's publication; fighting
  that one report tells as still going on ("continued to shell", a crowd that stayed "through the
  night": data/continuation_cues.json) may be `continuing_days` apart (`continues`: not a placeless "fighting continued" against a strike at
  a named place, unless both name the same attacker and victim);
- two different days (the days stated, before a report's day is widened) are two events when the
  later mention's sentence tells it as happening again ("shelled again", "the truce was broken", "a
  second night": data/renewal_cues.json; an undated mention told so is the later one, on its
  publication day or the `tolerance_days` before: `renews_later`; an undated report of a truce or
  agreement published before the day another report dates one to tells an earlier one:
  `agreed_after`), or when one report dates both
  (`one_episode`), unless they are a withdrawal (`PROCESSES`), a seizure of a place (`OCCUPATIONS`,
  held until it is taken back) or fighting or unrest (`DURATIVE`) that the report does not place at
  two named places (but two rallies each dated by its own clause, "Tuesday's rally", are two), or places there on adjacent days with a continuation cue (one naming the day it
  went on into names the later day: not "until dawn on Thursday" for Tuesday and Wednesday) or a word relative to
  publication ("overnight": either side of midnight), or the later one dated only by the statement
  reporting it ("..., the commission said on Monday, after a night of protests"); a report's mention placed only at a whole
  country on one day does not bridge to its mention at a named place on another day when its own
  sentence also places the event more than `same_place_km` from that place (`reports_elsewhere`,
  checked in `fits`); a day-dated report of fighting or unrest does not join, within
  `tolerance_days`, an event another article tells apart from one it dates to the report's own day
  (`told_apart`: that day's event is another; a report at the event's own named place is exempt);
  one report's unrest at one named place on adjacent days is one episode when a mention of that
  report and place on the later day tells the earlier one as going on into it ("The sit-in lasted
  into Wednesday" carries Tuesday's rally into Wednesday evening's storming: `carried_over`, in `fits`);
  arrests, dispersals and decrees are dated acts;
  one report dating one event to its day and another of the type only to its month or year ("earlier
  this month") tells two; a day range a report states ("last week") ends where it says, with no
  `tolerance_days` slack: a strike on the next Monday is not last week's;
- one report telling attacks each way (A on B, B on A; a side coded acting on its own country names
  that side only, so A on A and B on B or B on A are each way too) at places more than `same_place_km` apart,
  or one voice (the same speaker, neither a denial) telling them at two differently named places,
  tells two events (`direction`), unless one voice (neither a denial) tells them at places measured
  within `max_km`: the enemy's fire and the fire returned on its positions are one exchange
  (`one_exchange`), or one of them tells or denies which side fired first (data/first_fire_cues.json:
  the other side's version of the exchange); two reports doing so may be one event each side blames
  on the other (a contested claim);
- a seizure of a place (`OCCUPATIONS`) and another coercive act of a specific CAMEO code (arrests,
  a dispersal, a decree), both told at named places, are two events (`_seizure_and_other_act`);
- one report's two mentions at differently named places, one told as another target ("an army unit
  nearby was also attacked": data/addition_cues.json), are two events;
- their countries fit: no actor country of one contradicts the dyad of the other (at most two
  source/target countries in all), and known place countries agree or are both countries of
  one mention's actors (a border clash each side places on its own soil); in a cluster, that
  mention may be any member (`places_fit`); a place that is the seat of an organization among its
  mention's actors stands for that organization (an EU decision told from Brussels);
- for events bound to one place (assaults, protests, coercion), places fit: with coordinates on
  both sides, at most `max_km` apart (`same_place_km` for rallies and police actions at two
  differently named towns: `reach_km`), unless one of them is a whole country ("in Azerbaijan"),
  which fits any place in it; two groups of rallies or police actions placed only at named places
  none of which is the other's or measurable against it (a province without coordinates and a
  town) are not one locality (`_placed_apart`, checked in `fits`); a rally or police action placed
  only at a whole country (or nowhere) stands at the named places its article gives its place-bound
  events in that country, and is not one locality with a place more than `max_km` from all of
  them that its own sentence does not name (`named_elsewhere`, checked in `fits`);
- a mention with no country and no place at all only joins mentions of its own article.
Clustering is complete linkage in passes.  First, mentions with a precise event date, greedily in
date order (earliest published first within a day): each joins the fitting cluster whose day-dated
members are nearest its date, then one holding a member of its direction, then nearest its place; when the nearest is a day off (tolerance, not the same day), it opens its own
cluster instead, as a report of its own day may come later.  Clusters that fit as a whole and
share a (type, day), or lie `tolerance_days` apart, then merge (`_Groups.settled`).  Then roughly
dated mentions ("this month", "last week": `Deduplicator.vague`) join the only cluster they fit,
else the only roughly dated one (only that one for a month- or year-dated report whose article
dates an event of its type in that span to the day: `_Groups.dates_own`), else the fitting cluster told by the most articles if no other is
told by as many, else open their own.  Then undated mentions, each in the cluster it fits that
holds a mention of its own article, else in the fitting cluster with the latest day-precise date
(a report leaves its newest event undated and dates the older ones it recalls, "the raid of last
Monday"), else in a new cluster; among its own article's clusters, one where that article tells an
event of its type in its own sentence comes first ("shelled the town overnight, damaging houses"),
then one where that article puts a mention at the same place.  Once a cluster holds day-dated mentions, only they bound
its dates: an undated report placed with them happened when they say, not anywhere in its
publication window (`Deduplicator.fits`).  Clusters that share a (type, day) and fit as a whole
then merge.  Last, mentions with no country and no place, each in the first cluster that holds a
mention of its own article and whose every member it fits but for having no place (so they never
keep two articles' reports apart); one that fits none is no event the monitor can place (GDELT
and ACLED need an actor or a location too) and is left out of the clusters, while the articles
keep it.  Hypothetical mentions (threats, intentions) are not events and are left out.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import median

from presswatch.monitor.names import is_whole_country, names_place, seat_of
from presswatch.monitor.records import EventCluster, EventMention

PRECISION_RANK = {"day": 0, "month": 1, "year": 2, "published": 3}
# Events that happen at one place: two reports of them far apart are two events.  Decisions,
# agreements, aid and deployments are reported from wherever the speaker or the troops are.
PLACE_BOUND = frozenset({"ASSAULT", "PROTEST", "COERCE"})
# Events that may go on over consecutive days (fighting, unrest) or be dated to either side of
# midnight ("the night of the 12th to the 13th"); other events happen at one moment, and a report
# that dates two of them on different days is telling two events apart.  Coercion is not among
# them: the events stage codes violent crowd control ASSAULT, so COERCE mentions are arrests,
# dispersals, seizures and decrees, each dated by its report (two nights' clearances, a riot and the
# next day's state of emergency), save a seizure of a place, held until retaken (`OCCUPATIONS`).
DURATIVE = frozenset({"ASSAULT", "PROTEST"})
# How the dates stage tied a date to the event's own words (`dates.attach` tiers; not the sentence,
# the report or the narrative): two such days of acts of different ACLED kinds are two events.
OWN_CLAUSE_DATES = ("clause:", "participle:", "modifier:")
# Events of one locality: a rally or a police action in one town is not the one in a town 50 km away
# (ACLED's unit is a place and a day); fighting runs along a front or a border.
LOCAL = frozenset({"PROTEST", "COERCE"})
# CAMEO codes of seizing property (171) and occupying territory (192): "seized the airport" on one
# day and "regained it" the next, in one report, are one occupation.
OCCUPATIONS = ("171", "192")
DATE_REASONS = frozenset({"dates", "renewed"})
# CAMEO codes of events that run for days or weeks and are reported at each stage: a pullout of
# troops (withdraw, demobilize, retreat), told as begun one day and completed the next week.
PROCESSES = frozenset({"0872", "0873", "0874"})
# Events a report may tell as still going on from an earlier day (fighting): `continuing_days`.
CONTINUING = frozenset({"ASSAULT"})
# Truces and agreements: news when made, and one conflict's truces follow each other days apart (three
# in three weeks over Karabakh in 2020), so an undated report of one published before the day another
# report dates one to is of an earlier one (`agreed_after`); fighting keeps the slack of a night over
# the date line.  A withdrawal (`PROCESSES`) is reported while it runs.
AGREEMENTS = frozenset({"AGREE", "RETREAT"})
# The most days after its first that a range of days ("1 to 28 February") may cover for dedup.
MAX_SPAN_DAYS = 7


@dataclass(frozen=True)
class DateRange:
    """The days an event may have happened on, given what a mention says."""

    first: date
    last: date
    precision: str


def date_range(mention: EventMention, undated_window_days: int = 3, report_days: int = 0) -> DateRange | None:
    """The possible days of a mention's event, or None with neither event nor publication date: a
    date that only bounds it (`EventMention.report_dated`) covers the `report_days` before it too."""
    if mention.date:
        value = mention.date
        if mention.date_precision == "year" or len(value) == 4:
            year = int(value[:4])
            return DateRange(date(year, 1, 1), date(year, 12, 31), "year")
        if mention.date_precision == "month" or len(value) == 7:
            year, month = int(value[:4]), int(value[5:7])
            following = date(year + month // 12, month % 12 + 1, 1)
            return DateRange(date(year, month, 1), following - timedelta(days=1), "month")
        day = date.fromisoformat(value[:10])
        last = date.fromisoformat(mention.date_until[:10]) if mention.date_until else day
        first = day - timedelta(days=report_days) if mention.report_dated else day
        return DateRange(first, min(last, day + timedelta(days=MAX_SPAN_DAYS)), "day")
    if mention.published:
        published = date.fromisoformat(mention.published[:10])
        return DateRange(published - timedelta(days=undated_window_days), published, "published")
    return None


def _kilometres(a: EventMention, b: EventMention) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


@dataclass(frozen=True)
class Deduplicator:
    """Parameters of the same-event rule (see the module docstring)."""

    tolerance_days: int = 1
    process_days: int = 10
    continuing_days: int = 2
    undated_window_days: int = 3
    report_days: int = 1
    max_km: float = 150.0
    same_place_km: float = 30.0

    def why_apart(self, a: EventMention, b: EventMention, dates: bool = True) -> str | None:
        """The first rule that keeps `a` and `b` apart (see the module docstring), or None;
        `dates=False` skips the date rule."""
        if a.type != b.type:
            return "type"
        first, second = (self.date_range(a), self.date_range(b)) if dates else (None, None)
        if first and second:
            stated_span = any(r.precision == "day" and (r.last - r.first).days > self.tolerance_days and self.vague(m)
                              for m, r in ((a, first), (b, second)))  # "last week" ends where it says
            slack = timedelta(days=self.slack_days(a, b) if "day" in (first.precision, second.precision)
                              and not stated_span else 0)
            if first.first > second.last + slack or second.first > first.last + slack:
                return "dates"
            if self.renews_later(a, first, b, second) or self.renews_later(b, second, a, first):
                return "renewed"
            if self.agreed_after(a, first, b, second) or self.agreed_after(b, second, a, first):
                return "dates"
            if first.precision == second.precision == "day" and a.report_dated | b.report_dated:
                first, second = date_range(a), date_range(b)  # the days they state tell them apart
            if first.precision == second.precision == "day" and first != second:
                if (a if first.first > second.first else b).renewed:
                    return "renewed"
                if a.document_id == b.document_id and not self.one_episode(a, first, b, second):
                    return "dates"
            if a.document_id == b.document_id and (first.precision == "day") != (second.precision == "day") \
                    and "published" not in (first.precision, second.precision):
                return "dates"  # one report dating one event to its day and another to its month tells two
        if a.document_id == b.document_id and _opposite(a, b) and (self.places_differ(a, b) or _one_voice_two_places(a, b)) \
                and not self.one_exchange(a, b) and not (a.first_fire or b.first_fire):
            return "direction"
        if _seizure_and_other_act(a, b):
            return "kind"
        if a.document_id == b.document_id and (a.another_target or b.another_target) and _named_place(a) \
                and _named_place(b) and a.location_name != b.location_name:
            return "another target"
        if len(a.actor_countries | b.actor_countries) > 2:
            return "actors"
        if a.location_country and b.location_country and a.location_country != b.location_country:
            both = {a.location_country, b.location_country}
            if not (both <= a.actor_countries or both <= b.actor_countries) and not _places_fit_at_seats([a, b]):
                return "place country"
        if a.type in PLACE_BOUND and None not in (a.lat, a.lon, b.lat, b.lon) and _kilometres(a, b) > self.reach_km(a, b):
            if not (is_whole_country(a.location_name) or is_whole_country(b.location_name)):
                return "distance"
        if not (a.countries or a.location_name) or not (b.countries or b.location_name):
            if a.document_id != b.document_id:
                return "unplaced"
        return None

    def one_episode(self, a: EventMention, first: DateRange, b: EventMention, second: DateRange) -> bool:
        """Whether one report may date one event to two days: a withdrawal (`PROCESSES`), a seizure of
        a place held until retaken (`OCCUPATIONS`), fighting or unrest (`DURATIVE`) not placed at two
        named places, or placed so on adjacent days that one of the two tells as still going on
        (`continues`) or dates by a word relative to publication ("overnight"), or within `report_days`
        when the later one is dated only by the statement reporting it (`EventMention.report_dated`);
        never two acts of different ACLED kinds each dated by its own clause (`_other_kinds_own_days`)."""
        if _process(a) and _process(b) or _occupation(a) and _occupation(b):
            return True
        if a.type not in DURATIVE:
            return False
        if _other_kinds_own_days(a, b):
            return False
        gap = max((first.first - second.last).days, (second.first - first.last).days)
        later = max(first.first, second.first)
        if not (_named_place(a) and _named_place(b)):
            return not _rallies_of_own_days(a, b, later)
        if gap <= self.report_days and (a if first.first > second.first else b).report_dated:
            return True  # the later day is only that of the statement reporting it: the night's event itself
        return gap <= self.tolerance_days and _bridged(a, b, later)

    def reach_km(self, a: EventMention, b: EventMention) -> float:
        """How far apart two reports of one place-bound event may be placed: `same_place_km` for a
        crowd or a police action (`LOCAL`) placed at two towns, else `max_km` (a border clash runs
        along the line; a province or region is placed at its centre)."""
        if a.type in LOCAL and _town(a) and _town(b) and a.location_name != b.location_name:
            return self.same_place_km
        return self.max_km

    def one_exchange(self, a: EventMention, b: EventMention) -> bool:
        """Whether one voice (neither a denial) tells fire each way at two places measured within
        `max_km` of each other: the enemy's fire at one place and the fire returned on its positions
        at another are one exchange.  A place without coordinates (a province, "the region") cannot be
        measured, so an offensive across a region and a blast at a town stay two."""
        return (bool(a.speaker) and a.speaker == b.speaker and "negated" not in (a.status, b.status)
                and None not in (a.lat, a.lon, b.lat, b.lon) and _kilometres(a, b) <= self.max_km)

    def places_differ(self, a: EventMention, b: EventMention) -> bool:
        """Whether two mentions are placed more than `same_place_km` apart (both with coordinates)."""
        return None not in (a.lat, a.lon, b.lat, b.lon) and _kilometres(a, b) > self.same_place_km

    def date_range(self, mention: EventMention) -> DateRange | None:
        """The possible days of a mention's event under these parameters (`date_range`)."""
        return date_range(mention, self.undated_window_days, self.report_days)

    def renews_later(self, undated: EventMention, span: DateRange, dated: EventMention, other: DateRange) -> bool:
        """Whether an undated mention told as a repetition ("detained during the second night") comes
        after a day-dated one: a report leaves its newest occurrence undated, so it happened on its
        publication day or in the `tolerance_days` before, not on a day stated before those."""
        return (span.precision == "published" and other.precision == "day" and undated.renewed
                and date_range(dated).last < span.last - timedelta(days=self.tolerance_days))

    def agreed_after(self, undated: EventMention, span: DateRange, dated: EventMention, other: DateRange) -> bool:
        """Whether an undated report of a truce or agreement (`AGREEMENTS`) was published before the
        day another report dates one to: it tells an earlier one (no `tolerance_days` slack)."""
        return (span.precision == "published" and other.precision == "day" and other.first > span.last
                and all(m.type in AGREEMENTS and not _process(m) for m in (undated, dated)))

    def vague(self, mention: EventMention) -> bool:
        """Whether a dated mention only says roughly when ("this month", "last week"): a month or
        year, or a range of more than `tolerance_days` + 1 days."""
        stated = date_range(mention, self.undated_window_days)
        return stated is not None and stated.precision != "published" and (
            stated.precision != "day" or (stated.last - stated.first).days > self.tolerance_days)

    def stated_first(self, mention: EventMention) -> date:
        """The first day a mention's date states (a report date not widened backwards)."""
        return date_range(mention, self.undated_window_days).first

    def slack_days(self, *mentions: EventMention) -> int:
        """Days reports' dates may differ by: `process_days` when all of them report a process,
        `continuing_days` for fighting one of them tells as still going on."""
        if all(_process(m) for m in mentions):
            return self.process_days
        if all(m.type in CONTINUING for m in mentions) and (
                continues(*mentions) if len(mentions) == 2 else any(m.continuing for m in mentions)):
            return self.continuing_days
        return self.tolerance_days

    def fits(self, group: list[EventMention], other: list[EventMention], articles: Articles | None = None) -> bool:
        """Whether two groups of mentions may be one cluster (complete linkage).  Dates are compared
        between each group's day-dated members when it has any: an undated report placed with
        dated ones happened when they say, not anywhere in its own publication window.  `articles`:
        what each article tells (`index_articles`), for `reports_elsewhere` and `told_apart`."""
        if len(frozenset().union(*(m.actor_countries for m in (*group, *other)))) > 2:
            return False
        if _placed_apart(group, other):  # cheaper than the pairs below
            return False
        if not all(self.why_apart(x, y, dates=False) in (None, "place country") for x in group for y in other):
            return False
        timed = [*_timed(group), *_timed(other)]
        if not all((reason := self.why_apart(x, y)) not in DATE_REASONS
                   or reason == "dates" and self.carried_over(x, y, timed) for x in _timed(group) for y in _timed(other)):
            return False
        if articles and group[0].type in LOCAL and any(self.named_elsewhere(x, y, articles) for x in group for y in other):
            return False
        return places_fit([*group, *other]) and not (articles and any(
            self.reports_elsewhere(x, y, articles) or self.told_apart(x, y, articles) or self.told_apart(y, x, articles)
            for x in _timed(group) for y in _timed(other)))

    def carried_over(self, a: EventMention, b: EventMention, members: list[EventMention]) -> bool:
        """Whether one report's unrest at one named place on adjacent days is one episode through a
        member of the same report and place, dated to the later day, that tells the earlier one as going
        on into it (`continues`): "The rally went on ... into Wednesday" carries Tuesday's gathering
        into a group's attempt to storm the building on Wednesday evening (two acts of different ACLED
        kinds each dated by its own clause stay two, as in `one_episode`)."""
        if a.document_id != b.document_id or a.type not in DURATIVE or not _named_place(a) \
                or a.location_name != b.location_name or _other_kinds_own_days(a, b):
            return False
        (earlier, first), (_, second) = sorted(((a, date_range(a)), (b, date_range(b))), key=lambda pair: pair[1].first)
        if (second.first - first.last).days > self.tolerance_days:
            return False
        return any(m.continuing and m.document_id == a.document_id and m.location_name == a.location_name
                   and m.key not in (a.key, b.key) and date_range(m) == second and continues(m, earlier, second.first)
                   for m in members)

    def named_elsewhere(self, a: EventMention, b: EventMention, articles: Articles) -> bool:
        """Whether two rallies or police actions (`LOCAL`, as `fits` checks), each placed at its own
        named place or, placed only at a whole country (or nowhere), at the named places its article
        gives its place-bound events (`_anchors`), lie more than `max_km` apart: a local report's
        "dozens were detained" is about the town it names, not one it never names.  A mention with
        neither is free."""
        if _named_place(a) and _named_place(b):
            return False
        first, second = _anchors(a, articles), _anchors(b, articles)
        return bool(first and second) and all(
            x.location_name != y.location_name and _kilometres(x, y) > self.max_km
            and not _names(a, y) and not _names(b, x) for x in first for y in second)

    def told_apart(self, a: EventMention, b: EventMention, articles: Articles) -> bool:
        """Whether `a`'s article dates fighting or unrest of its type on `b`'s day (another article's,
        not `a`'s day) and tells it apart from `a` (`why_apart`: dates or renewed): then `b` reports
        that other day's event, not `a`'s, though it is within `tolerance_days` (the beating of the
        15th a report tells apart from the clash of the 16th takes no other report of the 16th).  A
        report of `a`'s own named place is exempt (a rally that went on overnight in one town)."""
        found, second = articles.apart.get(a.key), articles.stated.get(b.key)
        if found is None or second is None or a.document_id == b.document_id or (
                _named_place(a) and a.location_name == b.location_name):
            return False
        first, other_days = found
        return not (first.first <= second.last and second.first <= first.last) and any(
            day in other_days for day in _days(second.first, second.last))

    def index_articles(self, mentions: Iterable[EventMention]) -> Articles:
        """The `Articles` index of some mentions."""
        sites: dict[tuple[str, str], list[EventMention]] = defaultdict(list)
        stated: dict[str, DateRange] = {}
        told: dict[tuple[str, str], list[EventMention]] = defaultdict(list)
        places: dict[tuple[str, str], list[EventMention]] = defaultdict(list)
        for mention in mentions:
            if _named_place(mention) and mention.lat is not None and mention.lon is not None:
                sites[(mention.document_id, mention.type)].append(mention)
                if mention.type in PLACE_BOUND:
                    places[(mention.document_id, mention.location_country)].append(mention)
            found = date_range(mention)
            if mention.type in DURATIVE and found and found.precision == "day":
                stated[mention.key] = found
                told[(mention.document_id, mention.type)].append(mention)
        apart = {}
        for same_article in told.values():
            for a in same_article:
                days = frozenset(day for z in same_article if self.why_apart(a, z) in DATE_REASONS
                                 for day in _days(stated[z.key].first, stated[z.key].last))
                if days:
                    apart[a.key] = (stated[a.key], days)
        return Articles({key: tuple(found) for key, found in sites.items()},
                        {key: tuple(found) for key, found in places.items()}, stated, apart)

    def reports_elsewhere(self, a: EventMention, b: EventMention, articles: Articles) -> bool:
        """Whether one report dates fighting or unrest at a named place to one day and, placed only at
        a whole country (or nowhere), to another day, while it also places the type more than
        `same_place_km` from the first place: the country-level one may stand for that other place,
        so it does not bridge the two days (`one_episode` would).  A fire in one district the day
        before, told beside the day's fighting in a district 100 km off, is another event."""
        if a.document_id != b.document_id or a.type not in DURATIVE:
            return False
        named = [m for m in (a, b) if _named_place(m) and m.lat is not None and m.lon is not None]
        if len(named) != 1 or _named_place(b if named[0] is a else a):
            return False
        first, second = articles.stated.get(a.key), articles.stated.get(b.key)  # day-dated fighting or unrest
        if first is None or second is None or first == second:
            return False
        bare = b if named[0] is a else a
        return any(site.sentence == bare.sentence and _kilometres(named[0], site) > self.same_place_km
                   for site in articles.sites.get((a.document_id, a.type), ()))

    def _merge_neighbours(self, groups: list[list[EventMention]], buckets: Iterable[list[int]],
                          rough: frozenset[str] = frozenset(), articles: Articles | None = None) -> list[list[EventMention]]:
        """Merge clusters that share a (type, day) bucket and fit together as a whole: the greedy
        pass may split an event when a report naming both sides comes after each side's own.  Pairs
        are tried again with a cluster that grew (its new member may name both countries, so
        `places_fit` holds now); a cluster of roughly dated mentions (keys in `rough`, `vague`) merges
        only with another."""
        owner = list(range(len(groups)))
        countries = [frozenset().union(*(m.actor_countries for m in group)) for group in groups]
        rough_only = [_rough_only(group, rough) for group in groups]

        def root(index: int) -> int:
            while owner[index] != index:
                index = owner[index]
            return index

        def may_merge(a: int, b: int) -> bool:
            # what `fits` checks first, and a merge never undoes: at most two countries, same roughness
            return rough_only[a] == rough_only[b] and len(countries[a] | countries[b]) <= 2

        held = [any(_occupation(m) for m in group) for group in groups]
        pairs = sorted({pair for bucket in buckets for pair in _compatible_pairs(bucket, countries, rough_only)},
                       key=lambda pair: (not (held[pair[0]] and held[pair[1]]), pair))  # a retaking joins the seizure first
        grown: set[int] | None = None
        while pairs:
            retry, grew = [], set()
            for a, b in pairs:
                first, second = root(a), root(b)
                if first == second or grown is not None and not {first, second} & grown \
                        or not may_merge(first, second):
                    continue
                if self.fits(groups[first], groups[second], articles):
                    groups[first] = groups[first] + groups[second]
                    countries[first] |= countries[second]
                    owner[second] = first
                    grew.add(first)
                else:
                    retry.append((a, b))
            pairs, grown = (retry, grew) if grew else ([], grew)
        return [group for index, group in enumerate(groups) if owner[index] == index]

    def cluster(self, mentions: Iterable[EventMention]) -> list[EventCluster]:
        """Group mentions into clusters; clusters come out ordered by date, then id.

        Candidate clusters are found through an index by (type, day) over the days each
        cluster's mentions may have happened on, so each mention is compared with the few
        clusters of its type near its date rather than with every open cluster.
        """
        mentions = _unique(mentions)
        ranges: dict[str, DateRange] = {}
        for mention in mentions:
            if mention.status != "hypothetical" and (found := self.date_range(mention)):
                ranges[mention.key] = found
        kept = [m for m in mentions if m.key in ranges]
        placeable = [m for m in kept if m.countries or m.location_name]
        dated = sorted((m for m in placeable if ranges[m.key].precision != "published"), key=lambda m: (
            self.stated_first(m), PRECISION_RANK[ranges[m.key].precision], m.published or "", m.key))
        undated = sorted((m for m in placeable if ranges[m.key].precision == "published"),
                         key=lambda m: (m.published, m.key))
        rough = frozenset(m.key for m in dated if self.vague(m))
        groups = _Groups(self, ranges, rough, self.index_articles(placeable))
        for mention in (m for m in dated if m.key not in rough):
            groups.add(mention, groups.nearest_fit(mention))
        groups = groups.settled()
        for mention in (m for m in dated if m.key in rough):
            groups.add(mention, groups.only_fit(mention))
        for mention in undated:
            groups.add(mention, groups.best_fit(mention))
        merged = self._merge_neighbours(groups.groups, [*groups.by_day.values(), *groups.year_wide.values()], rough,
                                        groups.articles)
        for mention in sorted((m for m in kept if not (m.countries or m.location_name)),
                              key=lambda m: (ranges[m.key].first, PRECISION_RANK[ranges[m.key].precision], m.key)):
            for group in merged:
                own = any(member.document_id == mention.document_id for member in group)
                if own and all(self.why_apart(mention, member) in (None, "unplaced") for member in group):
                    group.append(mention)
                    break
        return sorted((summarize(group) for group in merged), key=lambda c: (c.date, c.id))


class _Groups:
    """The clusters built so far, indexed by (type, day) and (type) for year-wide mentions; `rough`:
    keys of the roughly dated mentions (`Deduplicator.vague`)."""

    def __init__(self, rule: Deduplicator, ranges: dict[str, DateRange], rough: frozenset[str],
                 articles: Articles | None = None) -> None:
        self.rule, self.ranges, self.rough, self.articles = rule, ranges, rough, articles
        self.groups: list[list[EventMention]] = []
        self.countries: list[frozenset[str]] = []  # each cluster's actor countries
        self.by_day: dict[tuple[str, date], list[int]] = defaultdict(list)
        self.year_wide: dict[str, list[int]] = defaultdict(list)

    def pool(self, mention: EventMention) -> set[int]:
        """Clusters of `mention`'s type whose days meet its possible days (with its slack)."""
        span, slack = self.ranges[mention.key], timedelta(days=self.rule.slack_days(mention))
        if span.precision == "year":
            pool = {index for (kind, day), indexes in self.by_day.items() if kind == mention.type
                    and span.first <= day <= span.last for index in indexes}
        else:
            pool = {index for day in _days(span.first - slack, span.last + slack)
                    for index in self.by_day.get((mention.type, day), ())}
        pool.update(self.year_wide[mention.type])
        return pool

    def candidates(self, mention: EventMention) -> list[int]:
        """Clusters, in creation order, that `mention` fits as a whole (complete linkage)."""
        own = mention.actor_countries
        if len(own) == 2:  # what `fits` checks first: at most two countries, here a subset of its own
            pool = [index for index in self.pool(mention) if self.countries[index] <= own]
        else:
            pool = [index for index in self.pool(mention) if len(self.countries[index] | own) <= 2]
        return [index for index in sorted(pool) if self.rule.fits(self.groups[index], [mention], self.articles)]

    def dates_own(self, mention: EventMention) -> bool:
        """Whether a month- or year-dated mention's article dates an event of its type in that span to the
        day: then "earlier this month" tells another event, and it may only join other rough reports."""
        return self.ranges[mention.key].precision != "day" and any(
            m.document_id == mention.document_id and self.ranges[m.key].precision == "day"
            for index in self.pool(mention) for m in self.groups[index])

    def nearest_fit(self, mention: EventMention) -> int | None:
        """The cluster a dated mention fits whose day-dated members are nearest its dates, then that
        holds a member of its direction, then nearest its place (the first such in creation order): a
        report of the 14th joins the event of the 14th, not one of the 13th it would also fit; for a
        report-dated mention, nearest the report's day."""
        span = self.ranges[mention.key]
        first = self.rule.stated_first(mention)

        def gap(index: int) -> tuple[int, bool, float]:
            days = [self.ranges[m.key] for m in _timed(self.groups[index])]
            return (min(max((r.first - span.last).days, (first - r.last).days, 0) for r in days),
                    _direction(mention) is not None and all(_direction(m) != _direction(mention) for m in self.groups[index]),
                    _nearest_km(mention, self.groups[index]))

        best = min(self.candidates(mention), key=gap, default=None)
        if best is not None and gap(best)[0] and self.rule.slack_days(mention) == self.rule.tolerance_days:
            return None  # a cluster of its own day may come later: `settled` joins neighbours that fit
        return best

    def only_fit(self, mention: EventMention) -> int | None:
        """The cluster a roughly dated mention (`Deduplicator.vague`) joins: the only one it fits,
        else the only one it fits of roughly dated reports; "a march this month" that fits two
        rallies of the month is neither (clusters of precise dates are built before it).  A cluster
        placed elsewhere, with no member at its place nor one it can be measured against, is no
        candidate (`_placed_apart`): a week of detentions in a province without coordinates is not
        tied to a dispersal in a city of another province by its date alone."""
        found = self.candidates(mention)
        rough = [index for index in found if _rough_only(self.groups[index], self.rough)]
        if self.dates_own(mention):
            return rough[0] if len(rough) == 1 else None
        if len(found) <= 1:
            return found[0] if found else None
        if len(rough) == 1:
            return rough[0]
        if self.ranges[mention.key].precision == "year":
            return None  # "their 2020 war": a year names no one of its clusters, however widely told
        reach = sorted(((len({m.document_id for m in self.groups[i]}), i) for i in found), reverse=True)
        return reach[0][1] if reach[0][0] > reach[1][0] else None

    def best_fit(self, mention: EventMention) -> int | None:
        """The cluster an undated mention most likely reports: one its own article dates (first one
        holding a mention of its own sentence, then one the article dates to the day, not only
        "last week" or "this month", then one where the article names the same place:
        arrests in a city go with the riot there, not with the curfew the article dates a day later
        for the whole province), else the latest up to its publication day, as news reports leave
        their newest event undated and date older ones (a later day fits only as a dating error)."""
        published = self.ranges[mention.key].last

        def rank(index: int) -> tuple[bool, bool, bool, bool, date]:
            group = self.groups[index]
            own = [m for m in group if m.document_id == mention.document_id]
            days = [self.ranges[m.key].last for m in group if self.ranges[m.key].precision == "day"]
            return (bool(own), bool(mention.sentence) and any(m.sentence == mention.sentence for m in own),
                    any(self.ranges[m.key].precision == "day" for m in own),
                    bool(mention.location_name) and any(m.location_name == mention.location_name for m in own),
                    max((day for day in days if day <= published), default=date.min))

        return max(self.candidates(mention), key=rank, default=None)

    def settled(self) -> _Groups:
        """These clusters after `Deduplicator._merge_neighbours`, indexed anew: the clusters of
        precisely dated mentions are settled before rough and undated reports pick one."""
        fresh = _Groups(self.rule, self.ranges, self.rough, self.articles)
        days = timedelta(days=self.rule.tolerance_days)
        buckets = [[*indexes, *self.by_day.get((kind, day + days), ())] for (kind, day), indexes in self.by_day.items()]
        for group in self.rule._merge_neighbours(self.groups, [*buckets, *self.year_wide.values()], self.rough,
                                                 self.articles):
            index = None
            for mention in group:
                index = fresh.add(mention, index)
        return fresh

    def add(self, mention: EventMention, index: int | None) -> int:
        """Put `mention` in cluster `index`, or in a new cluster when None; the cluster's index."""
        if index is None:
            index = len(self.groups)
            self.groups.append([])
            self.countries.append(frozenset())
        self.groups[index].append(mention)
        self.countries[index] = self.countries[index].union(mention.actor_countries)
        span = self.ranges[mention.key]
        if span.precision == "year":
            self.year_wide[mention.type].append(index)
            return index
        for day in _days(span.first, span.last):
            if index not in self.by_day[(mention.type, day)]:
                self.by_day[(mention.type, day)].append(index)
        return index


def _compatible_pairs(bucket: list[int], countries: list[frozenset[str]], rough_only: list[bool]) -> Iterable[tuple[int, int]]:
    """The pairs (a, b), a < b, of a bucket's clusters that may merge: same roughness, at most two
    countries together.  Clusters are grouped by (roughness, countries) first, so only groups that
    fit each other are paired (a (type, day) bucket of a large store holds hundreds of clusters)."""
    kinds: dict[tuple[bool, frozenset[str]], list[int]] = defaultdict(list)
    for index in bucket:
        kinds[(rough_only[index], countries[index])].append(index)
    keys = list(kinds)
    for n, (rough, first) in enumerate(keys):
        for other_rough, second in keys[n:]:
            if rough == other_rough and len(first | second) <= 2:
                yield from ((min(a, b), max(a, b)) for a in kinds[(rough, first)]
                            for b in kinds[(other_rough, second)] if a != b)


@dataclass(frozen=True)
class Articles:
    """What each article tells, for rules that read a report as a whole (`Deduplicator.index_articles`):
    its mentions at a named place with coordinates by (article, type) (`Deduplicator.reports_elsewhere`)
    and its place-bound ones by (article, place country) (`Deduplicator.named_elsewhere`);
    the stated days of each day-dated mention of fighting or unrest (`DURATIVE`), and for each such
    mention the days its article dates another event of its type on, told apart from it
    (`Deduplicator.told_apart`)."""

    sites: dict[tuple[str, str], tuple[EventMention, ...]]
    places: dict[tuple[str, str], tuple[EventMention, ...]]
    stated: dict[str, DateRange]
    apart: dict[str, tuple[DateRange, frozenset[date]]]


def places_fit(group: list[EventMention]) -> bool:
    """Whether a group's place countries agree, or one of its mentions names them all as its actors."""
    places = {m.location_country for m in group if m.location_country}
    return len(places) <= 1 or any(places <= m.actor_countries for m in group) or _places_fit_at_seats(group)


def _places_fit_at_seats(group: list[EventMention]) -> bool:
    """`places_fit` with a place that is the seat of an organization among its mention's actors read as
    that organization: an EU decision told from Brussels is placed in the EU, not in Belgium."""
    seats = {m.key: seat for m in group if m.location_name and (seat := seat_of(m.location_name)) in m.actor_countries}
    if not seats:
        return False
    places = {seats.get(m.key, m.location_country) for m in group if m.location_country}
    return len(places) <= 1 or any(places <= m.actor_countries for m in group)


def _process(mention: EventMention) -> bool:
    return mention.cameo in PROCESSES


def _rough_only(group: list[EventMention], rough: frozenset[str]) -> bool:
    """Whether every member of a group is roughly dated (its key in `rough`)."""
    return all(m.key in rough for m in group)


def _nearest_km(mention: EventMention, group: list[EventMention]) -> float:
    """Kilometres from a mention to the nearest member of a group with coordinates (inf if none):
    of two clusters of the same day, a report of the strike on one town joins that town's."""
    if mention.lat is None or mention.lon is None:
        return math.inf
    return min((_kilometres(mention, m) for m in group if m.lat is not None and m.lon is not None), default=math.inf)


def _around_publication(mention: EventMention) -> bool:
    """Whether a mention is dated by a word relative to its publication ("overnight", "last night",
    "today"): a night is either side of midnight, so the day before may be the same one."""
    return (mention.date_method or "").endswith(":PUBLICATION_DAY")


def _occupation(mention: EventMention) -> bool:
    return (mention.cameo or "").startswith(OCCUPATIONS)


def _seizure_and_other_act(a: EventMention, b: EventMention) -> bool:
    """Whether two coercive acts told at named places are a seizure of a place (`OCCUPATIONS`) and
    another act of a specific CAMEO code (arrests, a dispersal, a decree): an attempt to seize the
    offices in a town and the dispersal there that day are two events.  A whole country's summary
    ("order was restored, dozens detained") may stand for either, and a generic 170 names no act."""
    if a.type != "COERCE" or not (_named_place(a) and _named_place(b)) or _occupation(a) == _occupation(b):
        return False
    return all(m.cameo and len(m.cameo) >= 3 and m.cameo != "170" for m in (a, b))


def _anchors(mention: EventMention, articles: Articles) -> tuple[EventMention, ...]:
    """Where a mention is: itself at its named place with coordinates, else (placed only at a whole
    country or nowhere) its article's place-bound mentions (`PLACE_BOUND`: decisions and talks are
    told from wherever the speaker is) at named places with coordinates in its countries."""
    if _named_place(mention):
        return (mention,) if mention.lat is not None and mention.lon is not None else ()
    return tuple(site for country in mention.countries for site in articles.places.get((mention.document_id, country), ()))


def _names(mention: EventMention, site: EventMention) -> bool:
    """Whether a mention's own sentence names the place of another, under any of its aliases."""
    return bool(mention.sentence) and names_place(mention.sentence, site.location_name, site.location_country)


def _other_kinds_own_days(a: EventMention, b: EventMention) -> bool:
    """Whether two mentions are acts of different ACLED kinds (a shelling, a battle) whose own clauses
    date them (not the sentence, the report or the narrative): "rockets hit the town on Wednesday" and
    "heavy fighting continued on Thursday along the front line" are two events, "continued" or not."""
    return bool(a.acled_event_type and b.acled_event_type and a.acled_event_type != b.acled_event_type
                and (a.date_method or "").startswith(OWN_CLAUSE_DATES)
                and (b.date_method or "").startswith(OWN_CLAUSE_DATES))


def _bridged(a: EventMention, b: EventMention, later: date) -> bool:
    """Whether one report's two days of an event are joined: one tells it as going on into `later`
    (`continues`) or dates itself by a word relative to publication ("overnight")."""
    return continues(a, b, later) or _around_publication(a) or _around_publication(b)


def _rallies_of_own_days(a: EventMention, b: EventMention, later: date) -> bool:
    """Whether one report dates two rallies each by its own clause to its own day ("Tuesday's rally",
    "thousands came back on Wednesday"), with no cue carrying one into the other's day nor a night
    either side of midnight: each day's rally is its own event, placed at a named place or not."""
    return (a.type == "PROTEST" and all((m.date_method or "").startswith(OWN_CLAUSE_DATES) for m in (a, b))
            and not _bridged(a, b, later))


def _named_place(mention: EventMention) -> bool:
    """Whether a mention names a place smaller than a whole country."""
    return bool(mention.location_name) and not is_whole_country(mention.location_name)


def _town(mention: EventMention) -> bool:
    """Whether a mention is placed at a town or city (a named place that is no country, province or region)."""
    return _named_place(mention) and mention.location_precision in (None, "city")


def _placed_apart(group: list[EventMention], other: list[EventMention]) -> bool:
    """Whether two groups of rallies or police actions (`LOCAL`) are placed at named places only
    where no place of one is that of the other or measurable against it (a coordinate missing):
    nothing says they are one locality.  Fighting runs along a front or a border, so a province or a
    border line may be its place."""
    if group[0].type not in LOCAL:
        return False
    first, second = [m for m in group if _named_place(m)], [m for m in other if _named_place(m)]
    return bool(first and second) and not any(
        x.location_name == y.location_name or None not in (x.lat, x.lon, y.lat, y.lon) for x in first for y in second)


def _one_voice_two_places(a: EventMention, b: EventMention) -> bool:
    """Whether one speaker tells both (neither a denial) at two differently named places: a ministry
    reporting the enemy's attack at one place and its own side's at another tells two events."""
    return (bool(a.speaker) and a.speaker == b.speaker and "negated" not in (a.status, b.status)
            and _named_place(a) and _named_place(b) and a.location_name != b.location_name)


def _direction(mention: EventMention) -> tuple[str, str] | None:
    """(source, target) country of a mention that names two different sides, else None."""
    if mention.source_country and mention.target_country and mention.source_country != mention.target_country:
        return mention.source_country, mention.target_country
    return None


def _opposite(a: EventMention, b: EventMention) -> bool:
    """Whether two mentions tell the two sides acting against each other: A on B and B on A, or a
    side coded acting on its own country (`_self_directed`: no other side named) and the other side
    acting on it or on its own country."""
    first, second = _direction(a), _direction(b)
    if first is not None and second is not None:
        return first == second[::-1]
    if _self_directed(a) and _self_directed(b):
        return a.source_country != b.source_country
    own, other = (a, second) if _self_directed(a) else (b, first) if _self_directed(b) else (None, None)
    return own is not None and other is not None and other[1] == own.source_country


def _self_directed(mention: EventMention) -> bool:
    """Whether a mention is coded one country acting on itself: the events stage codes a town or its
    people by the town's state, so fire on a town the other side holds ("Azerbaijani forces shelled
    Stepanakert", 2020) reads AZE on AZE; the mention names one side, its source."""
    return bool(mention.source_country) and mention.source_country == mention.target_country


def continues(a: EventMention, b: EventMention, later: date | None = None) -> bool:
    """Whether one of two mentions tells its fighting as going on from the other's day (a
    continuation cue), and they are both at named places, both without one, or name the same
    side acting on the same other: "fighting continued" with no place does not reach a strike at
    a named place by the other side.  With the `later` of their two days, a cue of the later mention
    naming the day it went on into must name that one: "Wednesday's protesters stayed until dawn on
    Thursday" does not go back to Tuesday (the earlier one's goes on past its own day)."""
    if not any(m.continuing and (later is None or m.continued_into in (None, later.weekday())
                                 or (m.date or "")[:10] < later.isoformat()) for m in (a, b)):
        return False
    if _named_place(a) == _named_place(b):
        return True
    return _direction(a) is not None and _direction(a) == _direction(b)


def _timed(group: list[EventMention]) -> list[EventMention]:
    """The members whose dates bound a group's: those with a day-precise date, else all."""
    return [m for m in group if m.date and m.date_precision == "day"] or group


def _precision(mention: EventMention) -> str:
    """The precision of a mention's possible days (`date_range(mention).precision`), without building them."""
    if mention.date:
        if mention.date_precision == "year" or len(mention.date) == 4:
            return "year"
        return "month" if mention.date_precision == "month" or len(mention.date) == 7 else "day"
    return "published"


def _unique(mentions: Iterable[EventMention]) -> list[EventMention]:
    seen: dict[str, EventMention] = {}
    for mention in mentions:
        seen.setdefault(mention.key, mention)
    return list(seen.values())


def _days(first: date, last: date) -> Iterable[date]:
    day = first
    while day <= last:
        yield day
        day += timedelta(days=1)


def summarize(group: list[EventMention]) -> EventCluster:
    """The cluster record of a group of mentions: consensus coding, date, place, confidence.  The
    date is the most precise member's, one with a date of its own before a report-dated one."""
    best = min(group, key=lambda m: (PRECISION_RANK[_precision(m)], m.report_dated, m.key))
    if _precision(best) == "published":
        when, precision = best.published[:10], "published"
    else:
        when, precision = best.date, _precision(best)
    directions = Counter((m.source_country, m.target_country) for m in group
                         if m.status == "asserted" and (m.source_country or m.target_country))
    directions = directions or Counter((m.source_country, m.target_country) for m in group
                                       if m.source_country or m.target_country)
    source, target = directions.most_common(1)[0][0] if directions else (None, None)
    placed = [m for m in group if m.location_name]
    place = min(placed, key=lambda m: (m.lat is None, m.key)) if placed else None
    goldsteins = [m.goldstein for m in group if m.goldstein is not None]
    quad = Counter(m.quad_class for m in group if m.quad_class).most_common(1)
    cameo = Counter(m.cameo for m in group if m.cameo).most_common(1)
    acled = Counter(m.acled_event_type for m in group if m.acled_event_type).most_common(1)
    return EventCluster(
        id="c" + hashlib.sha1(min(m.key for m in group).encode()).hexdigest()[:12],
        type=best.type, cameo=cameo[0][0] if cameo else None, quad_class=quad[0][0] if quad else None,
        goldstein=median(goldsteins) if goldsteins else None,
        acled_event_type=acled[0][0] if acled else None,
        source_country=source, target_country=target, date=when, date_precision=precision,
        location_name=place.location_name if place else None,
        location_country=place.location_country if place else None,
        lat=place.lat if place else None, lon=place.lon if place else None,
        mentions=tuple(sorted(group, key=lambda m: m.key)),
        confidence=cluster_confidence(group), location_precision=place.location_precision if place else None)


def cluster_confidence(group: list[EventMention]) -> float:
    """How sure we are the event happened: independent outlets, discounted when only claimed.

    Each outlet contributes its strongest report: 0.6 asserted, 0.35 attributed, 0 negated;
    the confidence is 1 - prod(1 - w) over outlets, rounded to 3 places.
    """
    weights = {"asserted": 0.6, "attributed": 0.35, "negated": 0.0}
    by_outlet: dict[str, float] = {}
    for mention in group:
        outlet = mention.outlet or mention.document_id
        by_outlet[outlet] = max(by_outlet.get(outlet, 0.0), weights.get(mention.status, 0.0))
    remaining = math.prod(1 - weight for weight in by_outlet.values())
    return round(1 - remaining, 3)
