"""Contested claims and recurring narratives.

A cluster is contested on *who* when its mentions give opposite directions for the same dyad
(A -> B by some sources, B -> A by others), and on *whether* when some sources report it and
others deny it (negated mentions).  Each side must have a voice the other lacks (a voice is
the quoted speaker of an attributed mention, else the outlet), so one article's "the parties
accused each other" is a reciprocal event, not a contest.  Each side lists its mentions,
outlets and speakers.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from presswatch.monitor.records import (
    ContestedClaim,
    ContestedSide,
    EventCluster,
    EventMention,
    Narrative,
)

ACCUSATORY_TYPES = frozenset({"ACCUSE", "THREATEN", "REJECT", "SANCTION"})


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
            if mention.status != "negated" and (direction := _direction(mention)):
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
    return claims


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
