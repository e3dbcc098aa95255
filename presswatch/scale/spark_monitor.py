"""The monitor's second step on Spark: event clusters and series from a `spark run` output.

    presswatch spark monitor OUTPUT

Mentions are joined with their articles (and the speaker of the quote they are attributed to)
exactly as `presswatch.store.monitoring.event_mentions` does in SQLite, grouped by PLOVER type,
the place-bound types in one group (`cluster_group`: the dedup rule never joins mentions of
different types, but places a country-level rally or police action by its article's place-bound
events of any of those types, so each group clusters alone and the result equals
`monitor.refresh`), and clustered with the same `Deduplicator`.  The daily and
weekly series per country and dyad are then computed with Spark SQL from the clusters.  Writes
OUTPUT/clusters and OUTPUT/series as Parquet.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from presswatch.monitor.dedup import PLACE_BOUND, Deduplicator
from presswatch.monitor.records import EventMention
from presswatch.monitor.series import DAY_PRECISE, PROTEST, VIOLENCE, sql_list
from presswatch.store.monitoring import SENTENCE_COLUMN

MENTION_COLUMNS = (
    ("document_id", "e.document_id"), ("event_id", "e.event_id"), ("type", "e.type"), ("cameo", "e.cameo"),
    ("quad_class", "e.quad_class"), ("goldstein", "e.goldstein"), ("acled_event_type", "e.acled_event_type"),
    ("source_country", "e.source_country"), ("target_country", "e.target_country"),
    ("source_text", "e.source_text"), ("target_text", "e.target_text"), ("date", "e.date_value"),
    ("date_precision", "e.date_precision"), ("location_name", "e.location_name"),
    ("location_country", "e.location_country"), ("lat", "e.lat"), ("lon", "e.lon"), ("status", "e.status"),
    ("trigger_start", "e.trigger_start"), ("trigger_end", "e.trigger_end"), ("trigger_text", "e.trigger_text"),
    ("published", "d.published"), ("outlet", "d.outlet"), ("title", "d.title"), ("url", "d.url"),
    ("speaker", "q.speaker_name"), ("sentence", SENTENCE_COLUMN), ("date_until", "e.date_until"),
    ("date_method", "e.date_method"), ("location_precision", "e.location_precision"),
)
CLUSTER_SCHEMA = (
    "id string, type string, cameo string, quad_class long, goldstein double, acled_event_type string,"
    " source_country string, target_country string, date string, date_precision string, location_name string,"
    " location_country string, lat double, lon double, confidence double, articles long, outlets long,"
    " earliest_report string, location_precision string, mentions array<string>, countries array<string>"
)


def cluster_group(kind: str) -> str:
    """The group a PLOVER type is clustered in: the place-bound types together, else its own."""
    return "PLACE_BOUND" if kind in PLACE_BOUND else kind


def _cluster_rows(mentions: Iterable[tuple], deduplicator: Deduplicator) -> Iterator[tuple]:
    found = deduplicator.cluster(EventMention(*row) for row in mentions)
    for c in found:
        yield (c.id, c.type, c.cameo, c.quad_class, c.goldstein, c.acled_event_type, c.source_country,
               c.target_country, c.date, c.date_precision, c.location_name, c.location_country, c.lat, c.lon,
               c.confidence, c.articles, c.outlets, c.earliest_report, c.location_precision, [m.key for m in c.mentions],
               sorted(c.countries))


def series_sql(by: str, frequency: str) -> str:
    """Spark SQL for one family of series over the `clusters` view (same rules as series.py)."""
    period = ("substr(date, 1, 10)" if frequency == "day"
              else "date_format(date_trunc('WEEK', to_date(substr(date, 1, 10))), 'yyyy-MM-dd')")
    if by == "country":
        keyed = ("SELECT c.*, key FROM clusters c LATERAL VIEW explode(array_distinct(filter("
                 "array(source_country, target_country, location_country), x -> x IS NOT NULL))) t AS key")
    else:
        keyed = ("SELECT c.*, concat(source_country, '>', target_country) AS key FROM clusters c"
                 " WHERE source_country IS NOT NULL AND target_country IS NOT NULL AND source_country != target_country")
    return f"""
        SELECT '{by}' AS by, '{frequency}' AS frequency, key, {period} AS period, count(*) AS events,
               sum(CASE WHEN quad_class = 1 THEN 1 ELSE 0 END) AS q1, sum(CASE WHEN quad_class = 2 THEN 1 ELSE 0 END) AS q2,
               sum(CASE WHEN quad_class = 3 THEN 1 ELSE 0 END) AS q3, sum(CASE WHEN quad_class = 4 THEN 1 ELSE 0 END) AS q4,
               round(sum(CASE WHEN quad_class IN (3, 4) THEN abs(coalesce(goldstein, 0)) ELSE 0 END), 2) AS intensity,
               round(sum(coalesce(goldstein, 0)), 2) AS goldstein,
               sum(CASE WHEN acled_event_type IN ({sql_list(PROTEST)}) THEN 1 ELSE 0 END) AS protests,
               sum(CASE WHEN acled_event_type IN ({sql_list(VIOLENCE)}) THEN 1 ELSE 0 END) AS violence
        FROM ({keyed}) keyed
        WHERE date_precision IN ({sql_list(DAY_PRECISE)})
        GROUP BY key, {period}"""


def build_monitor(output_path: str, spark=None, deduplicator: Deduplicator | None = None) -> dict[str, int]:
    """Cluster the mentions of a `spark run` output and build its series; return row counts."""
    from presswatch.scale.spark import spark_session

    spark = spark or spark_session()
    deduplicator = deduplicator or Deduplicator()
    for table in ("events", "documents", "quotes"):
        spark.read.parquet(f"{output_path}/{table}").createOrReplaceTempView(f"pw_{table}")
    columns = ", ".join(f"{expression} AS {name}" for name, expression in MENTION_COLUMNS)
    mentions = spark.sql(
        f"SELECT {columns} FROM pw_events e LEFT JOIN pw_documents d ON d.id = e.document_id"
        " LEFT JOIN pw_quotes q ON q.document_id = e.document_id AND q.quote_id = e.attributed_to")
    by_type = mentions.rdd.map(lambda row: (cluster_group(row["type"]), tuple(row))).groupByKey()
    clusters = spark.createDataFrame(by_type.flatMap(lambda pair: _cluster_rows(pair[1], deduplicator)),
                                     CLUSTER_SCHEMA)
    clusters.write.mode("overwrite").parquet(f"{output_path}/clusters")
    spark.read.parquet(f"{output_path}/clusters").createOrReplaceTempView("clusters")
    series = None
    for by in ("country", "dyad"):
        for frequency in ("day", "week"):
            part = spark.sql(series_sql(by, frequency))
            series = part if series is None else series.unionByName(part)
    series.write.mode("overwrite").parquet(f"{output_path}/series")
    return {"clusters": spark.read.parquet(f"{output_path}/clusters").count(),
            "series": spark.read.parquet(f"{output_path}/series").count()}
