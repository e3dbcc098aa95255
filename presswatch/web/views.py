"""What each page shows, as records: one function per page, used by the page and its JSON twin.

Pages render these records with templates (adding charts and the map); the API returns them
as JSON through `to_json_data`, so anything on a page is also in its twin.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from presswatch import monitor
from presswatch.monitor.contested import contested_claims
from presswatch.monitor.records import Alert, ContestedClaim, EventCluster, EventMention, Narrative
from presswatch.records import Analysis
from presswatch.store import Store, browsing
from presswatch.store.browsing import Count, QuadCount, QuoteRecord, SpeakerSummary
from presswatch.web.dependencies import EventParams, Page

TOP = 10


@dataclass(frozen=True)
class CountryFigure:
    """Events and conflict intensity of one country over a period."""

    country: str
    events: int
    intensity: float


@dataclass(frozen=True)
class Overview:
    """The Overview page: map figures, QuadClass timeline, current alerts, top speakers and outlets."""

    since: str | None
    until: str | None
    watchlist: str | None
    countries: tuple[str, ...] | None
    documents: int
    clusters: int
    map: tuple[CountryFigure, ...]
    timeline: tuple[QuadCount, ...]
    alerts: tuple[Alert, ...]
    speakers: tuple[SpeakerSummary, ...]
    outlets: tuple[Count, ...]
    techniques: tuple[Count, ...]


def overview(store: Store, params: EventParams) -> Overview:
    """Everything the Overview shows for a period and watchlist."""
    filters = params.filters
    history = dataclasses.replace(filters, since=None, until=None)
    current = [alert for alert in monitor.alerts(store, filters=history)
               if (not filters.since or alert.period >= filters.since)
               and (not filters.until or alert.period <= filters.until)]
    current.sort(key=lambda alert: (alert.period, alert.score), reverse=True)
    if filters.country or filters.dyad or filters.type or filters.outlet:
        clusters = browsing.count_browse_clusters(store, filters)
        timeline = tuple(browsing.quad_class_timeline(store, filters))
    else:  # the stored series of the watchlist (or of everything): no scan of the clusters
        points = monitor.overall_series(store, params.watchlist if filters.countries else None, "day",
                                        filters.since, filters.until)
        clusters = sum(point.events for point in points)
        timeline = tuple(QuadCount(point.period, quad, count) for point in points
                         for quad, count in enumerate(point.quad_class, start=1) if count)
    return Overview(
        since=filters.since, until=filters.until, watchlist=params.watchlist, countries=filters.countries,
        documents=browsing.count_documents(store, browsing.DocumentFilter(since=filters.since, until=filters.until)),
        clusters=clusters,
        map=tuple(CountryFigure(key, int(events), round(intensity, 2))
                  for key, events, intensity in monitor.country_totals(store, filters)),
        timeline=timeline,
        alerts=tuple(current[:TOP]),
        speakers=tuple(browsing.speakers(store, filters.since, filters.until, limit=TOP)),
        outlets=tuple(browsing.top_outlets(store, filters.since, filters.until, TOP)),
        techniques=tuple(browsing.technique_counts(store, filters.since, filters.until)),
    )


@dataclass(frozen=True)
class EventsPage:
    """A page of event clusters and which of them are contested."""

    clusters: tuple[EventCluster, ...]
    total: int
    contested: frozenset[str]


def events(store: Store, params: EventParams, page: Page) -> EventsPage:
    """Clusters matching the filters, newest first."""
    found = browsing.browse_clusters(store, params.filters, params.status, page.limit, page.offset)
    total = browsing.count_browse_clusters(store, params.filters, params.status)
    return EventsPage(tuple(found), total, frozenset(claim.cluster.id for claim in contested_claims(found)))


@dataclass(frozen=True)
class Evidence:
    """One supporting mention of a cluster with its sentence from the article."""

    mention: EventMention
    sentence: str
    trigger_start: int  # offsets of the trigger inside `sentence`
    trigger_end: int


@dataclass(frozen=True)
class ClusterPage:
    """One event cluster with every supporting article and span, and its contested sides."""

    cluster: EventCluster
    evidence: tuple[Evidence, ...]
    contested: tuple[ContestedClaim, ...]


def cluster(store: Store, cluster_id: str) -> ClusterPage | None:
    """A cluster page, or None for an unknown id."""
    found = browsing.clusters_by_id(store, [cluster_id])
    if not found:
        return None
    evidence = []
    analyses: dict[str, Analysis | None] = {}
    for mention in found[0].mentions:
        if mention.document_id not in analyses:
            analyses[mention.document_id] = store.get_analysis(mention.document_id)
        analysis = analyses[mention.document_id]
        event = next((e for e in analysis.events if e.id == mention.event_id), None) if analysis else None
        if analysis is None or event is None:
            continue
        start, end = event.sentence.start, event.sentence.end
        evidence.append(Evidence(mention, analysis.document.text[start:end],
                                 event.trigger.start - start, event.trigger.end - start))
    return ClusterPage(found[0], tuple(evidence), tuple(contested_claims(found)))


@dataclass(frozen=True)
class SpeakerPage:
    """One speaker: quotes over time (a page of them), activity per month, narratives they push."""

    name: str
    quotes: tuple[QuoteRecord, ...]
    total: int
    activity: tuple[Count, ...]
    narratives: tuple[Narrative, ...]


def speaker(store: Store, name: str, page: Page) -> SpeakerPage | None:
    """A speaker page, or None when nobody of that name is quoted."""
    total = browsing.count_quotes(store, name)
    if total == 0:
        return None
    pushed = tuple(monitor.recurring_narratives(store, min_count=1, accuser=name))
    return SpeakerPage(name, tuple(browsing.quotes(store, name, limit=page.limit, offset=page.offset)), total,
                       tuple(browsing.speaker_activity(store, name)), pushed)


def to_json_data(value: Any) -> Any:
    """Records as JSON-ready data (clusters and claims with their computed fields)."""
    if isinstance(value, (EventCluster, ContestedClaim)):
        return value.to_dict()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json_data(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [to_json_data(item) for item in value]
    if isinstance(value, (set, frozenset)):
        return sorted(to_json_data(item) for item in value)
    if isinstance(value, dict):
        return {key: to_json_data(item) for key, item in value.items()}
    return value
