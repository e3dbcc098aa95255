"""Per-document technique summary: counts by technique and persuasion density (issue 7, item 4)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from presswatch.records import Technique
from presswatch.techniques.features import merge_intervals


@dataclass(frozen=True)
class TechniqueSummary:
    """How much of one document persuades, and how.

    `counts`: spans per technique name (only techniques found, sorted by name).
    `technique_chars`: characters inside at least one technique span (overlaps counted once).
    `density`: `technique_chars` per 1,000 characters of text; 0.0 for an empty text.
    """

    counts: dict[str, int]
    technique_chars: int
    density: float


def summarize_techniques(techniques: Iterable[Technique], text_length: int) -> TechniqueSummary:
    """Count technique spans by name and measure the persuasion density of the text."""
    techniques = list(techniques)
    counts = Counter(t.technique for t in techniques)
    covered = sum(end - start for start, end in merge_intervals((t.start, t.end) for t in techniques))
    density = round(1000 * covered / text_length, 2) if text_length > 0 else 0.0
    return TechniqueSummary(dict(sorted(counts.items())), covered, density)
