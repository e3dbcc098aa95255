"""SQL takes values only as bound parameters (SECURITY.md, STYLE.md section 6; issue 11).

Every SQL string built with an f-string, `%` or `.format()` anywhere in presswatch/ is found by
parsing the code; each interpolated expression must be on the reviewed allow-list below, which
holds only identifiers, column lists and clause texts made from constants, and placeholder runs
of `?`.  A new dynamic SQL string fails here until someone reviews it and adds it with a reason.
"""

from __future__ import annotations

import ast
import re

import pytest

from presswatch.errors import PresswatchError
from presswatch.records import Analysis, Document
from presswatch.store import Store
from tests.conftest import REPO

PACKAGE = REPO / "presswatch"
SQL_START = re.compile(r"^\s*(?:SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|PRAGMA|WITH|REPLACE|ATTACH|VACUUM)\b")
PLACEHOLDERS = re.compile(r"^'[, ]*'\.join\('\?' \* .+\)$")  # ", ".join("?" * n): only question marks

# (file, interpolated expression) -> why it is safe.  Files outside presswatch/store are Spark SQL.
ALLOWED = {
    ("store/database.py", "SCHEMA_VERSION"): "module constant",
    ("store/database.py", "marks"): "a run of '?' placeholders",
    ("store/database.py", "_column_list(TABLES['documents'])"): "quoted column names from the fixed layout",
    ("store/database.py", "_column_list(TABLES[table])"): "quoted column names from the fixed layout",
    ("store/database.py", "table"): "a key of the fixed TABLES layout",
    ("store/database.py", "name"): "an element of COUNTED_TABLES",
    ("store/monitoring.py", "MENTION_COLUMNS"): "constant column list",
    ("store/monitoring.py", "MENTION_JOINS"): "constant join clause",
    ("store/monitoring.py", "CLUSTER_COLUMNS"): "constant column list",
    ("store/monitoring.py", "where"): "clauses from constant fragments with '?' parameters (_where)",
    ("store/monitoring.py", "table"): "an element of a constant tuple of table names",
    ("store/monitoring.py", "source"): "FROM and WHERE of cluster_query, FACET_SOURCES or _series_source: constant tables, clauses with '?' parameters",
    ("store/monitoring.py", "facet_column"): "a constant column of FACET_SOURCES, or NULL (_aggregated_series)",
    ("store/monitoring.py", "order"): "one of two constant ORDER BY clauses (cluster_query)",
    ("store/monitoring.py", "column"): "'clusters' or 'claims', the two callers' constants (_watchlist_count)",
    ("store/monitoring.py", "columns"): "constant column list (_aggregated_series)",
    ("store/monitoring.py", "distinct"): "one of three constant conditions (_aggregated_series)",
    ("store/monitoring.py", "keyed"): "constant subqueries, '?' placeholders for the keys (_aggregated_series)",
    ("store/monitoring.py", "wanted"): "one of two constant conditions over '?' placeholders (_aggregated_series)",
    ("store/monitoring.py", "quads"): "constant columns q1..q4 (_aggregated_series)",
    ("store/monitoring.py", "kinds"): "a constant aggregate or nothing (_aggregated_series)",
    ("store/monitoring.py", "period"): "one of two constant expressions of c.date (_aggregated_series)",
    ("store/monitoring.py", "sql_list(PROTEST)"): "quoted constants from monitor.series (_aggregated_series)",
    ("store/monitoring.py", "sql_list(VIOLENCE)"): "quoted constants from monitor.series (_aggregated_series)",
    ("store/browsing.py", "source"): "FROM and WHERE of monitoring.cluster_query (constant fragments, '?' parameters)",
    ("store/browsing.py", "order"): "one of two constant ORDER BY clauses (monitoring.cluster_query)",
    ("store/browsing.py", "where"): "clauses from constant fragments with '?' parameters (_document_where, _quote_where)",
    ("store/browsing.py", "SPEAKER_SUMMARY"): "constant SELECT of the speaker summary",
    ("scale/spark_monitor.py", "by"): "Spark SQL; loops over the constants ('country', 'dyad')",
    ("scale/spark_monitor.py", "frequency"): "Spark SQL; loops over the constants ('day', 'week')",
    ("scale/spark_monitor.py", "period"): "Spark SQL; one of two constant expressions",
    ("scale/spark_monitor.py", "keyed"): "Spark SQL; one of two constant subqueries",
    ("scale/spark_monitor.py", "sql_list(PROTEST)"): "Spark SQL; quoted constants from monitor.series",
    ("scale/spark_monitor.py", "sql_list(VIOLENCE)"): "Spark SQL; quoted constants from monitor.series",
    ("scale/spark_monitor.py", "sql_list(DAY_PRECISE)"): "Spark SQL; quoted constants from monitor.series",
    ("scale/spark_monitor.py", "columns"): "Spark SQL; built from the constant MENTION_COLUMNS",
}


def _is_sql(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str) and bool(SQL_START.match(node.value))


def dynamic_sql() -> list[tuple[str, int, str]]:
    """(file, line, expression) for every non-constant piece put into an SQL string."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        where = path.relative_to(PACKAGE).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                constant = "".join(part.value for part in node.values if isinstance(part, ast.Constant))
                if SQL_START.match(constant):
                    found += [(where, node.lineno, ast.unparse(part.value)) for part in node.values
                              if isinstance(part, ast.FormattedValue)]
            elif isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Mod, ast.Add)):
                if _is_sql(node.left) or (isinstance(node.op, ast.Add) and _is_sql(node.right)):
                    found.append((where, node.lineno, ast.unparse(node)))
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
                if _is_sql(node.func.value):
                    found.append((where, node.lineno, ast.unparse(node)))
    return found


def test_sql_is_built_only_from_reviewed_pieces():
    unreviewed = [(where, line, expression) for where, line, expression in dynamic_sql()
                  if (where, expression) not in ALLOWED and not PLACEHOLDERS.match(expression)]
    assert unreviewed == [], "SQL built from values; bind them as ? parameters or review and allow-list them"


def test_sqlite_sql_lives_in_the_store():
    outside = {where for where, _, _ in dynamic_sql() if not where.startswith(("store/", "scale/"))}
    assert outside == set()


def test_scanner_finds_the_known_cases():
    assert ("store/database.py", "SCHEMA_VERSION") in {(where, expression) for where, _, expression in dynamic_sql()}


@pytest.mark.issue(11)
@pytest.mark.parametrize("query", ['"unterminated', "x'); DROP TABLE documents; --", "NEAR(", "a AND", "*"])
def test_malformed_search_query_is_a_clean_error(tmp_path, query):
    with Store(tmp_path / "s.db") as store:
        store.write_batch([Analysis(document=Document.from_text("Border guards exchanged fire."))], [], None)
        try:
            store.search(query)
        except PresswatchError as exc:
            assert exc.code == "PWE802"
        assert store.stats().tables["documents"] == 1


def test_hostile_values_are_stored_verbatim(tmp_path):
    hostile = "x'); DROP TABLE documents; -- \" OR 1=1 --"
    analysis = Analysis(document=Document.from_text(hostile, title=hostile, outlet=hostile, url=hostile))
    with Store(tmp_path / "s.db") as store:
        store.write_batch([analysis], [], None)
        assert store.get_analysis(analysis.document.id) == analysis
        assert store.check() == []
