"""The human-readable text report of an Analysis (`presswatch analyze --format text`)."""

from __future__ import annotations

from collections import defaultdict

from rich.console import Console, Group
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from presswatch.records import AcledMain, Analysis
from presswatch.techniques.summary import summarize_techniques


def _short(text: str, limit: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def main_event_line(main: AcledMain) -> str:
    """One line naming the document's main ACLED event and its events."""
    ids = f" (events {', '.join(main.events)})" if main.events else " (no single event: cues and model)"
    return f"Main ACLED event: {main.event_type} / {main.sub_event_type}{ids}"


def render_analysis(analysis: Analysis) -> Group:
    """Rich renderables for one Analysis: header, entities, quotes by speaker, events, techniques."""
    doc = analysis.document
    parts: list = []
    header = Text(doc.title or doc.origin or doc.id[:12], style="bold")
    details = ", ".join(value for value in (doc.outlet, doc.published, doc.url) if value)
    if details:
        header.append(f"  ({details})", style="dim")
    parts.append(header)
    parts.append(Text(f"{len(analysis.sentences)} sentences · {len(analysis.entities)} entities · "
                      f"{len(analysis.quotes)} quotes · {len(analysis.events)} events · "
                      f"{len(analysis.techniques)} techniques · id {doc.id[:12]}", style="dim"))

    if analysis.entities:
        table = Table(title="Entities", title_justify="left", show_edge=False)
        for column in ("name", "type", "country", "sector", "role", "mentions"):
            table.add_column(column)
        for entity in sorted(analysis.entities, key=lambda e: -len(e.mentions)):
            actor = entity.actor
            table.add_row(escape(entity.name), entity.type, actor and actor.country or "", actor and actor.sector or "",
                          escape(actor and actor.role or ""), str(len(entity.mentions)))
        parts.append(table)

    if analysis.quotes:
        names = {entity.id: entity.name for entity in analysis.entities}
        by_speaker: dict[str, list] = defaultdict(list)
        for quote in analysis.quotes:
            speaker = quote.speaker
            name = (names.get(speaker.entity or "") or speaker.text) if speaker else "(unknown speaker)"
            by_speaker[name].append(quote)
        lines = Text("Quotes by speaker\n", style="bold")
        for name, quotes in by_speaker.items():
            lines.append(f"  {name} ({len(quotes)})\n", style="cyan")
            for quote in quotes:
                cue = f" — {quote.cue.text}" if quote.cue else ""
                lines.append(f"    [{quote.kind}] {_short(quote.content.text)}{cue}\n")
        parts.append(lines)

    if analysis.events:
        table = Table(title="Events", title_justify="left", show_edge=False)
        for column in ("date", "type", "cameo", "source", "target", "status", "trigger", "where"):
            table.add_column(column)
        for event in analysis.events:
            def actor(participant) -> str:
                if participant is None:
                    return ""
                code = "/".join(value for value in (participant.country, participant.sector) if value)
                return f"{_short(participant.text, 30)} {code}".strip()
            table.add_row(event.date.value if event.date else "", event.type, event.cameo or "",
                          escape(actor(event.source)), escape(actor(event.target)), event.status,
                          escape(event.trigger.text), escape(event.location.name if event.location else ""))
        parts.append(table)
    if analysis.acled_main:
        parts.append(Text(main_event_line(analysis.acled_main)))

    if analysis.techniques:
        summary = summarize_techniques(analysis.techniques, len(doc.text))
        counts = ", ".join(f"{name} {count}" for name, count in sorted(summary.counts.items(), key=lambda i: -i[1]))
        table = Table(title=f"Persuasion techniques: {summary.technique_chars:,} characters, {summary.density:g} per "
                            f"1,000 ({counts})", title_justify="left", show_edge=False)
        for column in ("technique", "text", "confidence"):
            table.add_column(column)
        for technique in analysis.techniques:
            confidence = f"{technique.confidence:.2f}" if technique.confidence is not None else ""
            table.add_row(technique.technique, escape(_short(technique.text, 70)), confidence)
        parts.append(table)
    return Group(*parts)


def print_analysis(console: Console, analysis: Analysis) -> None:
    """Print the report of one Analysis, followed by a blank line."""
    console.print(render_analysis(analysis))
    console.print()
