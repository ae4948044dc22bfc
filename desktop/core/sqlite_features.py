"""Everything SQLite-only, behind one seam: pragmas, the Thai collation, the FTS5 index.

The models stay portable; what only SQLite has lives here, and its PostgreSQL sibling
(`postgresql_features`) offers the same functions. `desktop.core.features` picks one.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, text

from desktop.core.damage import decode_text
from desktop.core.thai import thai_collate

THAI_COLLATION = "thai"
SEARCH_TABLE = "search_index"
WRITER_FUNCTION = "prachum_user"
"""The SQL function that names who writes, for the history's triggers (desktop.core.history):
a file has no database users, so it is the operating-system user of the PC."""

# Each source of searchable text: table, the SQL that names its meeting and item, and
# the text itself. The index is kept by triggers so that nothing that writes can forget it.
SOURCES: dict[str, dict[str, str]] = {
    "meetings": {
        "meeting": "NEW.id",
        "item": "NULL",
        "text": "NEW.title || ' ' || coalesce(NEW.title_en, '') || ' ' || coalesce(NEW.opening, '')",
    },
    "agenda_items": {
        "meeting": "NEW.meeting_id",
        "item": "NEW.id",
        "text": "NEW.title || ' ' || coalesce(NEW.body, '') || ' ' || coalesce(NEW.resolution, '')",
    },
    "resolution_points": {
        "meeting": "(SELECT meeting_id FROM agenda_items WHERE id = NEW.agenda_item_id)",
        "item": "NEW.agenda_item_id",
        "text": "NEW.text",
    },
    "actions": {
        "meeting": "(SELECT meeting_id FROM agenda_items WHERE id = NEW.agenda_item_id)",
        "item": "NEW.agenda_item_id",
        "text": "NEW.text",
    },
}


def on_connect(dbapi_connection: Any, readonly: bool = False) -> None:
    """Pragmas and the Thai collation, on every new SQLite connection."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout = 5000")
    if not readonly:
        cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()
    dbapi_connection.create_collation(THAI_COLLATION, thai_collate)
    name_the_writer(dbapi_connection)
    # Text that is not UTF-8 is read as damaged text, not a fault that ends a listing.
    dbapi_connection.text_factory = decode_text


def writer_name() -> str:
    """The operating-system user (as the PC's login names her), or `?` when it cannot say."""
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment nor the password database
        return "?"


def name_the_writer(dbapi_connection: Any, name: str | None = None) -> None:
    """Give a connection the writer's name the history's triggers record."""
    writer = name or writer_name()
    dbapi_connection.create_function(WRITER_FUNCTION, 0, lambda: writer)


def _triggers(table: str, spec: dict[str, str]) -> Iterable[str]:
    insert = (
        f"INSERT INTO {SEARCH_TABLE}(source, row_id, meeting_id, item_id, body) "
        f"VALUES ('{table}', NEW.id, {spec['meeting']}, {spec['item']}, {spec['text']});"
    )
    delete = f"DELETE FROM {SEARCH_TABLE} WHERE source = '{table}' AND row_id = OLD.id;"
    yield f"CREATE TRIGGER IF NOT EXISTS {table}_search_ai AFTER INSERT ON {table} BEGIN {insert} END"
    yield (
        f"CREATE TRIGGER IF NOT EXISTS {table}_search_au AFTER UPDATE ON {table} "
        f"BEGIN {delete} {insert} END"
    )
    yield f"CREATE TRIGGER IF NOT EXISTS {table}_search_ad AFTER DELETE ON {table} BEGIN {delete} END"


def install_search_index(connection: Connection) -> None:
    """Create the FTS5 trigram index and its triggers if missing, filling it when new.

    Idempotent: run after every migration, because Alembic's batch mode recreates
    tables and drops their triggers.
    """
    exists = connection.execute(
        text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :n"),
        {"n": SEARCH_TABLE},
    ).first()
    if not exists:
        connection.exec_driver_sql(
            f"CREATE VIRTUAL TABLE {SEARCH_TABLE} USING fts5("
            "source UNINDEXED, row_id UNINDEXED, meeting_id UNINDEXED, item_id UNINDEXED, "
            "body, tokenize = 'trigram')"
        )
    for table, spec in SOURCES.items():
        for statement in _triggers(table, spec):
            connection.exec_driver_sql(statement)
    if not exists:
        rebuild_search_index(connection)


def uninstall_search_index(connection: Connection) -> None:
    """Drop the triggers and the index (the first migration's downgrade)."""
    for table in SOURCES:
        for suffix in ("ai", "au", "ad"):
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {table}_search_{suffix}")
    connection.exec_driver_sql(f"DROP TABLE IF EXISTS {SEARCH_TABLE}")


def rebuild_search_index(connection: Connection) -> None:
    """Refill the index from the tables (after a restore or a repair)."""
    connection.exec_driver_sql(f"DELETE FROM {SEARCH_TABLE}")
    for table, spec in SOURCES.items():
        columns = {k: v.replace("NEW.", "t.") for k, v in spec.items()}
        connection.exec_driver_sql(
            f"INSERT INTO {SEARCH_TABLE}(source, row_id, meeting_id, item_id, body) "
            f"SELECT '{table}', t.id, {columns['meeting']}, {columns['item']}, {columns['text']} "
            f"FROM {table} AS t"
        )


def is_search_table(name: str) -> bool:
    """True for the FTS table and its shadow tables, which Alembic must leave alone."""
    return name == SEARCH_TABLE or name.startswith(f"{SEARCH_TABLE}_")


def search_text(connection: Connection, query: str, limit: int = 200) -> list[tuple[Any, ...]]:
    """(meeting_id, item_id, body) rows whose text contains `query`, most recent first.

    Three characters or more go through the trigram index. Shorter queries scan the
    index's text with instr(): SQLite 3.40's trigram LIKE misses short non-ASCII
    patterns. Either way the newest rows (highest rowid: the index is rewritten on every
    edit) come first and the scan stops at `limit`, so a word found in thousands of
    meetings costs no more than one found in a few.
    """
    if len(query) >= 3:
        phrase = '"' + query.replace('"', '""') + '"'
        condition = f"{SEARCH_TABLE} MATCH :q"
        params: dict[str, Any] = {"q": f"body : {phrase}"}
    elif query.isascii():
        condition = "instr(lower(body), lower(:q)) > 0"
        params = {"q": query}
    else:
        condition = "instr(body, :q) > 0"  # Thai has no case to fold
        params = {"q": query}
    sql = (
        f"SELECT meeting_id, item_id, body FROM {SEARCH_TABLE} WHERE {condition} "
        "ORDER BY rowid DESC LIMIT :limit"
    )
    params["limit"] = limit
    return [tuple(row) for row in connection.execute(text(sql), params)]
