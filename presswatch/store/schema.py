"""The SQLite schema of the presswatch store, versioned with PRAGMA user_version."""

from collections.abc import Iterable

SCHEMA_VERSION = 8  # 2: monitor tables (clusters, their mentions and countries, contested, series);
# 3: events.date_until (last day of a range of days) and events.date_method (how the date was tied);
# 4: events.location_precision and events.location_method, clusters.location_precision;
# 5: cluster_countries.date and cluster_outlets, so a country's or an outlet's newest clusters come from an index;
# cluster_country_sets, so a watchlist's clusters and contested claims are counted without a scan;
# 6: cluster_statuses, so the clusters with a mention of one status come from an index; clusters.countries,
# so a watchlist is a check of each cluster's set of countries; 7: cluster_status_sets, so a watchlist's clusters
# with a mention of one status are counted without a scan; 8: facet_series, so a type's or an outlet's series
# is read, not aggregated from its clusters, and cluster_type_sets, so a watchlist's clusters and claims of one type
# are counted without a scan

# Columns added to existing tables since version 2, as (table, column, statement): `Store` adds
# the ones a store lacks and fills them from what it holds (`database._fill_date_columns`,
# `database._fill_location_columns`, `database._fill_cluster_country_sets`; the lookup tables: `Store.derive_cluster_keys`).
ADDED_COLUMNS = (
    ("events", "date_until", "ALTER TABLE events ADD COLUMN date_until TEXT"),
    ("events", "date_method", "ALTER TABLE events ADD COLUMN date_method TEXT"),
    ("events", "location_precision", "ALTER TABLE events ADD COLUMN location_precision TEXT"),
    ("events", "location_method", "ALTER TABLE events ADD COLUMN location_method TEXT"),
    ("clusters", "location_precision", "ALTER TABLE clusters ADD COLUMN location_precision TEXT"),
    ("cluster_countries", "date", "ALTER TABLE cluster_countries ADD COLUMN date TEXT"),
    ("clusters", "countries", "ALTER TABLE clusters ADD COLUMN countries TEXT NOT NULL DEFAULT ''"),
)

# Indexes on added columns: made after the columns are (`SCHEMA` runs first, on a store lacking them).
ADDED_INDEXES = (
    "CREATE INDEX IF NOT EXISTS cluster_countries_date ON cluster_countries(country, date DESC, cluster_id)",
)


def country_set(countries: Iterable[str]) -> str:
    """The key of a set of countries in cluster_country_sets: "ARM,AZE" (sorted; "" for none)."""
    return ",".join(sorted(countries))


SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    command TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    stored INTEGER NOT NULL DEFAULT 0,
    skipped INTEGER NOT NULL DEFAULT 0,
    failed INTEGER NOT NULL DEFAULT 0,
    warnings INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS documents (
    doc_rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    title TEXT, url TEXT, outlet TEXT, published TEXT, language TEXT, origin TEXT,
    text TEXT NOT NULL,
    analysis TEXT NOT NULL,
    pipeline TEXT NOT NULL,  -- digest of the analysis's versions (Analysis.pipeline)
    run_id INTEGER REFERENCES runs(id),
    ingested_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_published ON documents(published);
CREATE INDEX IF NOT EXISTS documents_outlet ON documents(outlet);
CREATE TABLE IF NOT EXISTS entities (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    entity_id TEXT NOT NULL,
    name TEXT NOT NULL, type TEXT NOT NULL, country TEXT, sector TEXT, role TEXT,
    PRIMARY KEY (document_id, entity_id)
);
CREATE INDEX IF NOT EXISTS entities_country ON entities(country);
CREATE TABLE IF NOT EXISTS mentions (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    entity_id TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS mentions_document ON mentions(document_id, entity_id);
CREATE TABLE IF NOT EXISTS quotes (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    quote_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    content_start INTEGER NOT NULL, content_end INTEGER NOT NULL, content_text TEXT NOT NULL,
    cue_start INTEGER, cue_end INTEGER, cue_text TEXT,
    speaker_entity TEXT, speaker_start INTEGER, speaker_end INTEGER, speaker_text TEXT, speaker_name TEXT,
    PRIMARY KEY (document_id, quote_id)
);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker_name);
CREATE TABLE IF NOT EXISTS events (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    event_id TEXT NOT NULL,
    type TEXT NOT NULL, mode TEXT, cameo TEXT, goldstein REAL, quad_class INTEGER,
    acled_event_type TEXT, acled_sub_event_type TEXT,
    source_entity TEXT, source_country TEXT, source_sector TEXT, source_text TEXT,
    target_entity TEXT, target_country TEXT, target_sector TEXT, target_text TEXT,
    date_value TEXT, date_precision TEXT, date_text TEXT,
    location_name TEXT, location_country TEXT, location_admin1 TEXT, lat REAL, lon REAL,
    status TEXT NOT NULL, attributed_to TEXT,
    trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL, trigger_text TEXT NOT NULL,
    sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL,
    confidence REAL,
    date_until TEXT,   -- last day of a range of days, else NULL (EventDate.until)
    date_method TEXT,  -- how the date was tied: "clause:DAY_MONTH", "report:WEEKDAY", ... (EventDate.method)
    location_precision TEXT,  -- what the place is: "city", "admin1", "region", "country", "border" (Location.precision)
    location_method TEXT,     -- how it was tied: "clause", "sentence", "actor_country", ... (Location.method)
    PRIMARY KEY (document_id, event_id)
);
CREATE INDEX IF NOT EXISTS events_date ON events(date_value);
CREATE INDEX IF NOT EXISTS events_dyad ON events(source_country, target_country);
CREATE TABLE IF NOT EXISTS techniques (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    technique TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL, confidence REAL
);
CREATE INDEX IF NOT EXISTS techniques_document ON techniques(document_id);
CREATE TABLE IF NOT EXISTS errors (
    id INTEGER PRIMARY KEY,
    run_id INTEGER REFERENCES runs(id),
    origin TEXT NOT NULL, line INTEGER, code TEXT NOT NULL, severity TEXT NOT NULL,
    message TEXT NOT NULL, at TEXT NOT NULL
);
CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(
    title, text, content='documents', content_rowid='doc_rowid'
);
CREATE TRIGGER IF NOT EXISTS documents_fts_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.doc_rowid, new.title, new.text);
END;
CREATE TRIGGER IF NOT EXISTS documents_fts_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.doc_rowid, old.title, old.text);
END;
CREATE TABLE IF NOT EXISTS clusters (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL, cameo TEXT, quad_class INTEGER, goldstein REAL, acled_event_type TEXT,
    source_country TEXT, target_country TEXT,
    date TEXT NOT NULL, date_precision TEXT NOT NULL,
    location_name TEXT, location_country TEXT, lat REAL, lon REAL,
    confidence REAL NOT NULL, articles INTEGER NOT NULL, outlets INTEGER NOT NULL, earliest_report TEXT,
    location_precision TEXT,  -- of its place as the events table has it (no comma here: DROP COLUMN in tests)
    countries TEXT NOT NULL DEFAULT ''  -- the set of the countries of its mentions, as cluster_country_sets keys it
);
CREATE INDEX IF NOT EXISTS clusters_date ON clusters(date);
CREATE INDEX IF NOT EXISTS clusters_dyad ON clusters(source_country, target_country, date);
CREATE INDEX IF NOT EXISTS clusters_type ON clusters(type, date);
-- schema 7's covering index of a type's clusters served type series, which facet_series now holds
DROP INDEX IF EXISTS clusters_type_series;
CREATE TABLE IF NOT EXISTS cluster_mentions (
    cluster_id TEXT NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,
    document_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    PRIMARY KEY (document_id, event_id)
);
CREATE INDEX IF NOT EXISTS cluster_mentions_cluster ON cluster_mentions(cluster_id);
CREATE TABLE IF NOT EXISTS cluster_countries (
    cluster_id TEXT NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,
    country TEXT NOT NULL,
    date TEXT,  -- the cluster's date, so a country's newest clusters come from an index (ADDED_INDEXES)
    PRIMARY KEY (country, cluster_id)
);
CREATE INDEX IF NOT EXISTS cluster_countries_cluster ON cluster_countries(cluster_id, country);
CREATE TABLE IF NOT EXISTS cluster_outlets (  -- the outlets of a cluster's mentions' articles, newest first
    cluster_id TEXT NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,
    outlet TEXT NOT NULL,
    date TEXT NOT NULL,  -- the cluster's date, as in cluster_countries
    PRIMARY KEY (outlet, date DESC, cluster_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS cluster_statuses (  -- the statuses of a cluster's mentions, newest first
    cluster_id TEXT NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    date TEXT NOT NULL,  -- the cluster's date, as in cluster_countries
    PRIMARY KEY (status, date DESC, cluster_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS cluster_country_sets (  -- how many clusters have exactly these countries, per date
    date TEXT NOT NULL,
    countries TEXT NOT NULL,  -- "ARM,AZE": sorted, comma-separated ("" for none)
    clusters INTEGER NOT NULL,
    claims INTEGER NOT NULL,  -- contested claims on those clusters
    PRIMARY KEY (date, countries)
);
CREATE TABLE IF NOT EXISTS cluster_type_sets (  -- per type, date and set of countries: as cluster_country_sets
    type TEXT NOT NULL,
    date TEXT NOT NULL,
    countries TEXT NOT NULL,
    clusters INTEGER NOT NULL,
    claims INTEGER NOT NULL,
    PRIMARY KEY (type, date, countries)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS cluster_status_sets (  -- per status, date and set of countries: how many clusters have it
    status TEXT NOT NULL,  -- a status of one of their mentions, as in cluster_statuses
    date TEXT NOT NULL,
    countries TEXT NOT NULL,  -- as in cluster_country_sets
    clusters INTEGER NOT NULL,
    PRIMARY KEY (status, date, countries)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS contested (
    cluster_id TEXT NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    date TEXT NOT NULL,  -- the cluster's date, so the newest claims come from an index
    sides TEXT NOT NULL,  -- JSON: [{"claim": ..., "mentions": ["document_id:event_id", ...]}, ...]
    PRIMARY KEY (cluster_id, kind)
);
CREATE INDEX IF NOT EXISTS contested_date ON contested(date, cluster_id);
CREATE TABLE IF NOT EXISTS series (
    by TEXT NOT NULL, frequency TEXT NOT NULL, key TEXT NOT NULL, period TEXT NOT NULL,
    events INTEGER NOT NULL, q1 INTEGER NOT NULL, q2 INTEGER NOT NULL, q3 INTEGER NOT NULL, q4 INTEGER NOT NULL,
    intensity REAL NOT NULL, goldstein REAL NOT NULL, protests INTEGER NOT NULL, violence INTEGER NOT NULL,
    types TEXT NOT NULL,     -- "ASSAULT:3,PROTEST:1" (PLOVER types are plain words)
    clusters TEXT NOT NULL,  -- "c1,c2,...": evidence cluster ids, strongest first
    PRIMARY KEY (by, frequency, key, period)
);
CREATE TABLE IF NOT EXISTS facet_series (  -- the series of one type's or one outlet's clusters (monitoring.derive_facet_series)
    facet TEXT NOT NULL,  -- "type" or "outlet"
    value TEXT NOT NULL,  -- the type or the outlet
    by TEXT NOT NULL, frequency TEXT NOT NULL, key TEXT NOT NULL, period TEXT NOT NULL,
    events INTEGER NOT NULL, q1 INTEGER NOT NULL, q2 INTEGER NOT NULL, q3 INTEGER NOT NULL, q4 INTEGER NOT NULL,
    intensity REAL NOT NULL, goldstein REAL NOT NULL, protests INTEGER NOT NULL, violence INTEGER NOT NULL,
    types TEXT NOT NULL, clusters TEXT NOT NULL,  -- as in series
    PRIMARY KEY (facet, value, by, frequency, key, period)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS alerts (
    by TEXT NOT NULL, frequency TEXT NOT NULL, key TEXT NOT NULL, period TEXT NOT NULL, metric TEXT NOT NULL,
    value REAL NOT NULL, baseline REAL NOT NULL, score REAL NOT NULL,
    evidence TEXT NOT NULL,  -- "c1,c2,...": cluster ids
    PRIMARY KEY (by, frequency, key, period, metric)
);
CREATE TABLE IF NOT EXISTS narratives (
    accuser TEXT NOT NULL, target TEXT NOT NULL, type TEXT NOT NULL, count INTEGER NOT NULL,
    first_seen TEXT, last_seen TEXT,
    outlets TEXT NOT NULL,  -- JSON list
    PRIMARY KEY (accuser, target, type)
);
CREATE INDEX IF NOT EXISTS narratives_count ON narratives(count);
CREATE TABLE IF NOT EXISTS speakers (  -- as of the last refresh, for lists without a period
    name TEXT PRIMARY KEY, quotes INTEGER NOT NULL, documents INTEGER NOT NULL,
    first_seen TEXT, last_seen TEXT, country TEXT
);
CREATE INDEX IF NOT EXISTS speakers_quotes ON speakers(quotes, name);
CREATE TABLE IF NOT EXISTS totals (  -- as of the last refresh: kind is "technique" or "outlet"
    kind TEXT NOT NULL, name TEXT NOT NULL, count INTEGER NOT NULL,
    PRIMARY KEY (kind, name)
);
"""
