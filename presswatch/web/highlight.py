"""Article highlights: the text split into (segment, labels) pieces in Python (STYLE.md, Web).

Templates wrap labelled pieces in <mark> and let autoescaping handle the text; markup is never
joined around raw text.  Quotes are coloured by speaker, event triggers and techniques get their
own styles; each label names the sidebar item (`q1`, `v3`, `t2`) that explains it.
"""

from __future__ import annotations

from dataclasses import dataclass

from presswatch.records import Analysis, Event
from presswatch.web.glossary import QUAD_CLASSES, STATUSES, TECHNIQUES

SPEAKER_COLOURS = 8


@dataclass(frozen=True)
class Label:
    """One highlighted span: kind (quote, speaker, event, technique), sidebar ref, CSS class, hover text."""

    start: int
    end: int
    kind: str
    ref: str
    css: str
    title: str


@dataclass(frozen=True)
class Segment:
    """A piece of the text and the labels covering all of it (none for plain text)."""

    text: str
    labels: tuple[Label, ...]

    @property
    def css(self) -> str:
        """Classes of every label, space-separated."""
        return " ".join(dict.fromkeys(label.css for label in self.labels))

    @property
    def refs(self) -> str:
        """Sidebar refs of every label, space-separated."""
        return " ".join(dict.fromkeys(label.ref for label in self.labels))

    @property
    def title(self) -> str:
        """Hover text: one line per label."""
        return "\n".join(dict.fromkeys(label.title for label in self.labels))


def split_segments(text: str, labels: list[Label]) -> list[Segment]:
    """Cut `text` at every label boundary; each piece lists the labels covering it (overlaps allowed)."""
    valid = [label for label in labels if 0 <= label.start < label.end <= len(text)]
    cuts = sorted({0, len(text), *(label.start for label in valid), *(label.end for label in valid)})
    segments = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        covering = tuple(label for label in valid if label.start <= start and end <= label.end)
        segments.append(Segment(text[start:end], covering))
    return segments


def speaker_colours(analysis: Analysis) -> dict[str, int]:
    """A colour index per speaker (resolved entity, else the mention text), in order of appearance."""
    colours: dict[str, int] = {}
    for quote in analysis.quotes:
        key = speaker_key(analysis, quote.id)
        if key and key not in colours:
            colours[key] = len(colours) % SPEAKER_COLOURS
    return colours


def speaker_key(analysis: Analysis, quote_id: str) -> str | None:
    """The speaker's display name for a quote: the entity's name, else the mention, else None."""
    quote = next(q for q in analysis.quotes if q.id == quote_id)
    if quote.speaker is None:
        return None
    names = {entity.id: entity.name for entity in analysis.entities}
    return names.get(quote.speaker.entity or "", quote.speaker.text)


def describe_event(event: Event) -> str:
    """One line of an event's coding: type, CAMEO, Goldstein, QuadClass, dyad, status, date, place."""
    parts = [event.type]
    if event.cameo:
        parts.append(f"CAMEO {event.cameo}")
    if event.goldstein is not None:
        parts.append(f"Goldstein {event.goldstein:+g}")
    if event.quad_class:
        parts.append(f"QuadClass {event.quad_class} ({QUAD_CLASSES.get(event.quad_class, '?')})")
    source = event.source.country or event.source.text if event.source else "?"
    target = event.target.country or event.target.text if event.target else "?"
    parts.append(f"{source} → {target}")
    parts.append(f"{event.status}: {STATUSES.get(event.status, '')}")
    if event.date:
        parts.append(f"date {event.date.value}")
    if event.location:
        parts.append(f"at {event.location.name}")
    return "; ".join(parts)


def article_labels(analysis: Analysis) -> list[Label]:
    """Every highlight of an analysis: quote contents and speakers, event triggers, techniques."""
    colours = speaker_colours(analysis)
    labels = []
    for quote in analysis.quotes:
        speaker = speaker_key(analysis, quote.id)
        colour = f"sp{colours[speaker]}" if speaker else "sp-none"
        title = f"Quote ({quote.kind}) by {speaker or 'unknown speaker'}"
        labels.append(Label(quote.content.start, quote.content.end, "quote", quote.id, f"quote {colour}", title))
        if quote.speaker:
            labels.append(Label(quote.speaker.start, quote.speaker.end, "speaker", quote.id, f"speaker {colour}",
                                f"Speaker of {quote.id}: {speaker}"))
    for event in analysis.events:
        labels.append(Label(event.trigger.start, event.trigger.end, "event", event.id,
                            f"event quad{event.quad_class or 0}", f"Event {describe_event(event)}"))
    for number, technique in enumerate(analysis.techniques, start=1):
        definition = TECHNIQUES.get(technique.technique, "")
        labels.append(Label(technique.start, technique.end, "technique", f"t{number}", "technique",
                            f"{technique.technique.replace('_', ' ')}: {definition}"))
    return labels

