"""Everything PostgreSQL-only, behind the same seam as `sqlite_features`.

- Thai order: a collation named `thai`, as on SQLite, made from ICU's `th-TH-x-icu`, on
  every name the app sorts; `ORDER BY name COLLATE thai` reads the same on both.
- Search: a plain table kept by triggers, as the FTS5 index is on SQLite, scanned newest
  first. Measured before choosing: pg_trgm makes no trigrams at all from Thai when the
  database's LC_CTYPE is C (show_trgm('การประชุม') is empty), and Thai has no spaces for a
  word index; a scan that stops at `limit` costs the same for a word found everywhere.
- No file lock, no integrity check and no file backups: the server has its own locking,
  its own checksums, and `backup` writes a SQLite file through `copy`.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, text

from desktop.core.errors import DatabaseProblem
from desktop.core.sqlite_features import SEARCH_TABLE, SOURCES

THAI_COLLATION = "thai"
ICU_THAI = "th-TH-x-icu"
# Full Unicode case folding for search whatever the database's own locale is.
ICU_ROOT = "und-x-icu"

# (table, column, length) of every name the app sorts or matches a name against.
SORTED_NAMES = [
    ("networks", "name", 300),
    ("organizations", "name", 300),
    ("organizations", "short_name", 100),
    ("people", "given_name", 200),
    ("people", "family_name", 200),
    ("attendance", "name", 400),
    ("attendance", "organization_name", 300),
    ("aliases", "display_name", 400),
]


def on_connect(dbapi_connection: Any, readonly: bool = False) -> None:
    """Nothing to set per connection: read-only is asked for in the connection options."""


def install_thai_collation(connection: Connection) -> None:
    """The `thai` collation from ICU; a server built without ICU is said plainly."""
    found = connection.execute(
        text("SELECT 1 FROM pg_collation WHERE collname = :n"), {"n": ICU_THAI}
    ).first()
    if not found:
        raise DatabaseProblem(
            "เซิร์ฟเวอร์ PostgreSQL นี้ไม่มีการเรียงลำดับภาษาไทยของ ICU (th-TH-x-icu) "
            "ผู้ดูแลต้องติดตั้ง PostgreSQL ที่สร้างพร้อม ICU",
            "This PostgreSQL server has no ICU Thai collation (th-TH-x-icu); the administrator "
            "must install a PostgreSQL built with ICU (Debian's package is).",
        )
    connection.exec_driver_sql(f'CREATE COLLATION IF NOT EXISTS {THAI_COLLATION} FROM "{ICU_THAI}"')


def _function(table: str, spec: dict[str, str]) -> str:
    return f"""
CREATE OR REPLACE FUNCTION {table}_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        DELETE FROM {SEARCH_TABLE} WHERE source = '{table}' AND row_id = OLD.id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO {SEARCH_TABLE}(source, row_id, meeting_id, item_id, body)
        VALUES ('{table}', NEW.id, {spec["meeting"]}, {spec["item"]}, {spec["text"]});
    END IF;
    RETURN NULL;
END $$"""


def install_search_index(connection: Connection) -> None:
    """Create the search table, its functions and triggers if missing, filling it when new."""
    exists = connection.execute(text("SELECT to_regclass(:n)"), {"n": SEARCH_TABLE}).scalar()
    if not exists:
        connection.exec_driver_sql(
            f"CREATE TABLE {SEARCH_TABLE} (id bigserial PRIMARY KEY, source text NOT NULL, "
            "row_id integer NOT NULL, meeting_id integer, item_id integer, body text NOT NULL)"
        )
        connection.exec_driver_sql(
            f"CREATE INDEX {SEARCH_TABLE}_rows ON {SEARCH_TABLE} (source, row_id)"
        )
    for table, spec in SOURCES.items():
        connection.exec_driver_sql(_function(table, spec))
        connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {table}_search ON {table}")
        connection.exec_driver_sql(
            f"CREATE TRIGGER {table}_search AFTER INSERT OR UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {table}_search()"
        )
    if not exists:
        rebuild_search_index(connection)


def uninstall_search_index(connection: Connection) -> None:
    """Drop the triggers, their functions and the table (the first migration's downgrade)."""
    for table in SOURCES:
        connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {table}_search ON {table}")
        connection.exec_driver_sql(f"DROP FUNCTION IF EXISTS {table}_search()")
    connection.exec_driver_sql(f"DROP TABLE IF EXISTS {SEARCH_TABLE}")


def rebuild_search_index(connection: Connection) -> None:
    """Refill the table from the sources (after a copy or a repair)."""
    connection.exec_driver_sql(f"DELETE FROM {SEARCH_TABLE}")
    for table, spec in SOURCES.items():
        columns = {k: v.replace("NEW.", "t.") for k, v in spec.items()}
        connection.exec_driver_sql(
            f"INSERT INTO {SEARCH_TABLE}(source, row_id, meeting_id, item_id, body) "
            f"SELECT '{table}', t.id, {columns['meeting']}, {columns['item']}, {columns['text']} "
            f"FROM {table} AS t ORDER BY t.id"
        )


def is_search_table(name: str) -> bool:
    return name == SEARCH_TABLE


def search_text(connection: Connection, query: str, limit: int = 200) -> list[tuple[Any, ...]]:
    """(meeting_id, item_id, body) rows whose text contains `query`, most recent first.

    The same matches as SQLite's: case folded for three characters or more (FTS5's
    trigram folds them) and for a Latin query, exact for a short non-Latin one.
    """
    if len(query) >= 3 or query.isascii():
        condition = f'strpos(lower(body COLLATE "{ICU_ROOT}"), lower(CAST(:q AS text) COLLATE "{ICU_ROOT}")) > 0'
    else:
        condition = "strpos(body, :q) > 0"
    sql = (
        f"SELECT meeting_id, item_id, body FROM {SEARCH_TABLE} WHERE {condition} "
        "ORDER BY id DESC LIMIT :limit"
    )
    return [tuple(row) for row in connection.execute(text(sql), {"q": query, "limit": limit})]
