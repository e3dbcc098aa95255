"""Contested claims and recurring narratives.

A cluster is contested on *who* when its conflict mentions (QuadClass 3-4, where the direction is
the blame) give opposite directions for the same dyad (A -> B by some sources, B -> A by others;
a meeting or an aid pledge told from either side is no dispute), on *whether* when some sources report it and
others deny it (negated mentions), and on *figures* when voices give different numbers of
killed or wounded for the same victims (`casualties.py`) in reports published at most a day
apart: each voice counts with its latest figure, so a toll that one voice updates is not a
contest, and figures within 10% (or 1) of each other agree.  Each side must have a voice the
other lacks (a voice is the quoted speaker of an attributed mention, else the outlet), so one
article's "the parties accused each other" is a reciprocal event, not a contest.  Each side
lists its mentions, outlets and speakers.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from presswatch.monitor.casualties import casualty_figures
from presswatch.monitor.records import (
    ContestedClaim,
    ContestedSide,
    EventCluster,
    EventMention,
    Narrative,
)

ACCUSATORY_TYPES = frozenset({"ACCUSE", "THREATEN", "REJECT", "SANCTION"})
CONFLICT = frozenset({3, 4})  # QuadClass verbal and material conflict


def _direction(mention: EventMention) -> str | None:
    if mention.source_country and mention.target_country and mention.source_country != mention.target_country:
        return f"{mention.source_country} -> {mention.target_country}"
    return None


def voice(mention: EventMention) -> str:
    """Who tells this version: the quoted speaker, else the outlet, else the article."""
    return mention.speaker or mention.outlet or mention.document_id


def _distinct_voices(first: list[EventMention], second: list[EventMention]) -> bool:
    one, two = {voice(m) for m in first}, {voice(m) for m in second}
    return bool(one - two) and bool(two - one)


def contested_claims(clusters: Iterable[EventCluster]) -> list[ContestedClaim]:
    """Every disagreement inside the clusters, in cluster order."""
    claims = []
    for cluster in clusters:
        by_direction: dict[str, list[EventMention]] = defaultdict(list)
        for mention in cluster.mentions:
            if mention.status != "negated" and mention.quad_class in CONFLICT and (direction := _direction(mention)):
                by_direction[direction].append(mention)
        reversed_pairs = set()
        for direction in by_direction:
            opposite = " -> ".join(reversed(direction.split(" -> ")))
            if opposite in by_direction and _distinct_voices(by_direction[direction], by_direction[opposite]):
                reversed_pairs |= {direction, opposite}
        if reversed_pairs:
            sides = tuple(ContestedSide(d, tuple(by_direction[d])) for d in sorted(reversed_pairs))
            claims.append(ContestedClaim(cluster, "who", sides))
        denied = [m for m in cluster.mentions if m.status == "negated"]
        reported = [m for m in cluster.mentions if m.status in ("asserted", "attributed")]
        if denied and reported and _distinct_voices(reported, denied):
            claims.append(ContestedClaim(cluster, "whether", (ContestedSide("happened", tuple(reported)),
                                                              ContestedSide("did not happen", tuple(denied)))))
        claims += [ContestedClaim(cluster, "figures", sides) for sides in _figure_disputes(cluster)]
    return claims


def _figure_disputes(cluster: EventCluster) -> list[tuple[ContestedSide, ...]]:
    """Sides of every disagreement on casualty figures in the cluster, one per (outcome, victims)."""
    latest: dict[tuple[str, str | None], dict[str, tuple[str, int, EventMention]]] = defaultdict(dict)
    for mention in cluster.mentions:
        if mention.status == "negated" or not mention.sentence:
            continue
        for figure in casualty_figures(mention.sentence):
            by_voice = latest[(figure.outcome, figure.victims)]
            published = mention.published or ""
            if voice(mention) not in by_voice or published >= by_voice[voice(mention)][0]:
                by_voice[voice(mention)] = (published, figure.count, mention)
    disputes = []
    for (outcome, victims), by_voice in sorted(latest.items(), key=lambda item: (item[0][0], item[0][1] or "")):
        reports = sorted(by_voice.values(), key=lambda report: (report[1], report[0]))
        if any(_disagree(a, b) for a in reports for b in reports):
            counts: dict[int, list[EventMention]] = defaultdict(list)
            for _, count, mention in reports:
                counts[count].append(mention)
            whose = f" ({victims})" if victims else ""
            disputes.append(tuple(ContestedSide(f"{count} {outcome}{whose}", tuple(mentions))
                                  for count, mentions in sorted(counts.items())))
    return disputes


def _disagree(first: tuple[str, int, EventMention], second: tuple[str, int, EventMention]) -> bool:
    (published_a, count_a, _), (published_b, count_b, _) = first, second
    apart = abs(count_a - count_b)
    if apart <= max(1, 0.1 * max(count_a, count_b)):
        return False
    try:
        return abs((date.fromisoformat(published_a[:10]) - date.fromisoformat(published_b[:10])).days) <= 1
    except ValueError:  # an unknown publication date cannot show that the toll was updated meanwhile
        return True


def _label(country: str | None, text: str | None) -> str | None:
    if country:
        return country
    return " ".join(text.lower().split()) if text else None


def narratives(mentions: Iterable[EventMention], min_count: int = 2) -> list[Narrative]:
    """Recurring accusations: (accuser, target, type) seen at least `min_count` times, most frequent first.

    The accuser is the quoted speaker when the accusation is attributed, else the event's source.
    """
    groups: dict[tuple[str, str, str], list[EventMention]] = defaultdict(list)
    for mention in mentions:
        if mention.type not in ACCUSATORY_TYPES or mention.status == "negated":
            continue
        accuser = mention.speaker or _label(mention.source_country, mention.source_text)
        target = _label(mention.target_country, mention.target_text)
        if accuser and target and accuser != target:
            groups[(accuser, target, mention.type)].append(mention)
    found = []
    for (accuser, target, kind), group in groups.items():
        if len(group) >= min_count:
            seen = sorted(m.published for m in group if m.published)
            found.append(Narrative(accuser, target, kind, len(group), seen[0] if seen else None,
                                   seen[-1] if seen else None, tuple(sorted({m.outlet for m in group if m.outlet}))))
    return sorted(found, key=lambda n: (-n.count, n.accuser, n.target, n.type))
