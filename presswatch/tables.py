"""An Analysis flattened into table rows: the one layout shared by SQLite, Parquet and Spark.

`TABLES` names each table's columns in order; `rows(analysis)` gives the rows of every table.
The documents row keeps the complete contract JSON, so the Analysis can always be rebuilt.
"""

from __future__ import annotations

from presswatch.records import Analysis

TABLES: dict[str, tuple[str, ...]] = {
    "documents": ("id", "title", "url", "outlet", "published", "language", "origin", "text", "analysis",
                  "pipeline"),
    "entities": ("document_id", "entity_id", "name", "type", "country", "sector", "role"),
    "mentions": ("document_id", "entity_id", "start", "end", "text"),
    "quotes": ("document_id", "quote_id", "kind", "content_start", "content_end", "content_text",
               "cue_start", "cue_end", "cue_text", "speaker_entity", "speaker_start", "speaker_end",
               "speaker_text", "speaker_name"),
    "events": ("document_id", "event_id", "type", "mode", "cameo", "goldstein", "quad_class",
               "acled_event_type", "acled_sub_event_type",
               "source_entity", "source_country", "source_sector", "source_text",
               "target_entity", "target_country", "target_sector", "target_text",
               "date_value", "date_precision", "date_text",
               "location_name", "location_country", "location_admin1", "lat", "lon",
               "status", "attributed_to", "trigger_start", "trigger_end", "trigger_text",
               "sentence_start", "sentence_end", "confidence", "date_until", "date_method",
               "location_precision", "location_method"),
    "techniques": ("document_id", "technique", "start", "end", "text", "confidence"),
}


def rows(analysis: Analysis) -> dict[str, list[tuple]]:
    """The rows of every table for one Analysis, columns in `TABLES` order."""
    doc = analysis.document
    names = {entity.id: entity.name for entity in analysis.entities}
    return {
        "documents": [(doc.id, doc.title, doc.url, doc.outlet, doc.published, doc.language, doc.origin, doc.text,
                       analysis.to_json(), analysis.pipeline)],
        "entities": [(doc.id, e.id, e.name, e.type, e.actor and e.actor.country, e.actor and e.actor.sector,
                      e.actor and e.actor.role) for e in analysis.entities],
        "mentions": [(doc.id, e.id, m.start, m.end, m.text) for e in analysis.entities for m in e.mentions],
        "quotes": [(doc.id, q.id, q.kind, q.content.start, q.content.end, q.content.text,
                    q.cue and q.cue.start, q.cue and q.cue.end, q.cue and q.cue.text,
                    q.speaker and q.speaker.entity, q.speaker and q.speaker.start, q.speaker and q.speaker.end,
                    q.speaker and q.speaker.text,
                    q.speaker and (names.get(q.speaker.entity or "") or q.speaker.text)) for q in analysis.quotes],
        "events": [(doc.id, v.id, v.type, v.mode, v.cameo, v.goldstein, v.quad_class,
                    v.acled and v.acled.event_type, v.acled and v.acled.sub_event_type,
                    v.source and v.source.entity, v.source and v.source.country, v.source and v.source.sector,
                    v.source and v.source.text,
                    v.target and v.target.entity, v.target and v.target.country, v.target and v.target.sector,
                    v.target and v.target.text,
                    v.date and v.date.value, v.date and v.date.precision, v.date and v.date.text,
                    v.location and v.location.name, v.location and v.location.country,
                    v.location and v.location.admin1, v.location and v.location.lat, v.location and v.location.lon,
                    v.status, v.attributed_to, v.trigger.start, v.trigger.end, v.trigger.text,
                    v.sentence.start, v.sentence.end, v.confidence, v.date and v.date.until,
                    v.date and v.date.method, v.location and v.location.precision,
                    v.location and v.location.method) for v in analysis.events],
        "techniques": [(doc.id, t.technique, t.start, t.end, t.text, t.confidence) for t in analysis.techniques],
    }
