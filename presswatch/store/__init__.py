"""The SQLite store: the only package that runs SQL (STYLE.md, Store).

One database file in WAL mode.  `documents` keeps each article, its metadata and the complete
Analysis JSON; the other tables hold the same records flattened for queries (`presswatch.tables`);
`documents_fts` indexes title and text with FTS5.  Each batch is written in one transaction, so
a killed run leaves whole articles or none, and a rerun skips what is stored.  Values are always
bound as parameters.
"""

from presswatch.store.database import RunCounts, Store, StoreStats
from presswatch.store.schema import SCHEMA_VERSION

__all__ = ["SCHEMA_VERSION", "RunCounts", "Store", "StoreStats"]
