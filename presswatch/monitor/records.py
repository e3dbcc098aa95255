"""Typed records of the monitor: event mentions with their article, clusters, series, alerts."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

from presswatch.monitor.cues import (
    day_continued_into,
    marks_addition,
    marks_continuation,
    marks_first_fire,
    marks_renewal,
)
from presswatch.records import to_data

# EventDate.method prefixes of a date that only bounds an event from above (presswatch/dates/attach.py).
REPORT_METHODS = ("report:",)


@dataclass(frozen=True)
class EventMention:
    """One event as one article reports it, with what the monitor needs from the article."""

    document_id: str
    event_id: str
    type: str
    cameo: str | None
    quad_class: int | None
    goldstein: float | None
    acled_event_type: str | None
    source_country: str | None
    target_country: str | None
    source_text: str | None
    target_text: str | None
    date: str | None
    date_precision: str | None
    location_name: str | None
    location_country: str | None
    lat: float | None
    lon: float | None
    status: str
    trigger_start: int
    trigger_end: int
    trigger_text: str
    published: str | None
    outlet: str | None
    title: str | None
    url: str | None
    speaker: str | None = None  # who made the claim, when the event is attributed
    sentence: str | None = None  # of a violent or place-bound event: casualty figures, renewal cues
    date_until: str | None = None  # the last day of a range of days ("the night of 4 to 5 May"): EventDate.until
    date_method: str | None = None  # how its date was tied, "report:WEEKDAY", ...: EventDate.method
    location_precision: str | None = None  # what its place is, "city", "admin1", ...: Location.precision

    # cached: dedup asks for these millions of times on a large store
    @cached_property
    def key(self) -> str:
        """`document_id:event_id`, unique across the store."""
        return f"{self.document_id}:{self.event_id}"

    @cached_property
    def countries(self) -> frozenset[str]:
        """Every country the mention names: source, target and place."""
        return frozenset(c for c in (self.source_country, self.target_country, self.location_country) if c)

    @cached_property
    def actor_countries(self) -> frozenset[str]:
        """The countries of its source and target."""
        return frozenset(c for c in (self.source_country, self.target_country) if c)

    @cached_property
    def report_dated(self) -> bool:
        """Whether its date is the day of the statement that reports it ("..., the army said on
        Friday"), taken for want of its own: it happened on or before that day."""
        return (self.date_method or "").startswith(REPORT_METHODS)

    @cached_property
    def renewed(self) -> bool:
        """Whether its sentence tells it as happening again ("shelled again", "the truce was broken")."""
        return marks_renewal(self.sentence)

    @cached_property
    def continuing(self) -> bool:
        """Whether its sentence tells it as still going on ("continued to shell") and not as renewed."""
        return not self.renewed and marks_continuation(self.sentence)

    @cached_property
    def continued_into(self) -> int | None:
        """The weekday (0 = Monday) its sentence says it went on into ("until dawn on Thursday"), or None."""
        return day_continued_into(self.sentence) if self.continuing else None

    @cached_property
    def another_target(self) -> bool:
        """Whether its sentence adds it as another target of an attack its report tells ("was also attacked")."""
        return marks_addition(self.sentence)

    @cached_property
    def first_fire(self) -> bool:
        """Whether its sentence tells or denies which side started the exchange ("fired first")."""
        return marks_first_fire(self.sentence)


@dataclass(frozen=True)
class EventCluster:
    """One real-world event: the mentions from every article that report it."""

    id: str
    type: str
    cameo: str | None
    quad_class: int | None
    goldstein: float | None
    acled_event_type: str | None
    source_country: str | None
    target_country: str | None
    date: str
    date_precision: str
    location_name: str | None
    location_country: str | None
    lat: float | None
    lon: float | None
    mentions: tuple[EventMention, ...]
    confidence: float
    location_precision: str | None = None  # of its place: "city", "admin1", "region", "country", "border"

    def to_dict(self, mentions: bool = True) -> dict[str, Any]:
        """JSON-ready data: the coding, counts of articles and outlets, and (optionally) mentions."""
        data = to_data(self)
        data.update(articles=self.articles, outlets=self.outlets, earliest_report=self.earliest_report,
                    countries=sorted(self.countries))
        if not mentions:
            del data["mentions"]
        return data

    @property
    def countries(self) -> frozenset[str]:
        """Every country involved in any mention."""
        return frozenset().union(*(mention.countries for mention in self.mentions))

    @property
    def articles(self) -> int:
        """Number of distinct articles reporting it."""
        return len({mention.document_id for mention in self.mentions})

    @property
    def outlets(self) -> int:
        """Number of distinct outlets reporting it."""
        return len({mention.outlet or mention.document_id for mention in self.mentions})

    @property
    def earliest_report(self) -> str | None:
        """The first publication date among its articles."""
        dates = [mention.published for mention in self.mentions if mention.published]
        return min(dates) if dates else None


@dataclass(frozen=True)
class ContestedSide:
    """One version of a contested event and who tells it."""

    claim: str  # e.g. "AZE -> ARM", "happened", "did not happen", "105 killed (ARM)"
    mentions: tuple[EventMention, ...]

    @property
    def outlets(self) -> tuple[str, ...]:
        """The outlets telling this version, sorted."""
        return tuple(sorted({m.outlet for m in self.mentions if m.outlet}))

    @property
    def speakers(self) -> tuple[str, ...]:
        """The speakers whose claims carry this version, sorted."""
        return tuple(sorted({m.speaker for m in self.mentions if m.speaker}))


@dataclass(frozen=True)
class ContestedClaim:
    """A cluster whose sources disagree: who did it to whom, whether it happened, or how many died."""

    cluster: EventCluster
    kind: str  # "who" | "whether" | "figures"
    sides: tuple[ContestedSide, ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data: the cluster (without mentions) and each side with outlets and speakers."""
        return {"cluster": self.cluster.to_dict(mentions=False), "kind": self.kind,
                "sides": [{"claim": side.claim, "outlets": list(side.outlets), "speakers": list(side.speakers),
                           "mentions": to_data(side.mentions)} for side in self.sides]}


@dataclass(frozen=True)
class Narrative:
    """A recurring accusation: the same accuser blaming the same target, over time."""

    accuser: str
    target: str
    type: str
    count: int
    first_seen: str | None
    last_seen: str | None
    outlets: tuple[str, ...]


@dataclass(frozen=True)
class SeriesPoint:
    """The value of a series (a country or a dyad) for one day or week."""

    key: str  # "ARM" or "AZE>ARM"
    period: str  # ISO date of the day, or of the Monday of the week
    events: int
    quad_class: tuple[int, int, int, int]
    intensity: float  # sum of Goldstein values' magnitude over conflict events (quad classes 3-4)
    goldstein: float  # sum of Goldstein values
    protests: int
    violence: int
    types: tuple[tuple[str, int], ...]
    clusters: tuple[str, ...]  # ids of the strongest clusters counted (at most 10), as evidence


@dataclass(frozen=True)
class Alert:
    """A series value far above its own trailing baseline, with the clusters behind it."""

    key: str
    period: str
    metric: str
    value: float
    baseline: float
    score: float
    evidence: tuple[str, ...]
