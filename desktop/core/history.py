"""Who changed what: the history kept by the database's own triggers.

Every table the app writes has triggers that write into `history` (models.HistoryEntry):
a row added or deleted is one entry with the row's values as JSON; an edit is one
entry per changed field with the value before and after. The database writes them, so
no code path of the app (or any other program) can leave one out.

Typing is stored every half second. One person's consecutive changes of one field of
one row within COALESCE_MINUTES are kept as one entry: the trigger finds the field's
latest entry and, when it is the same person's and recent, puts the new value (and the
time) into it instead of adding another. The first old value stays as it was.

The triggers are generated from the models, never written by hand: on SQLite one
trigger for inserts, one for deletes and one per column (an UPDATE OF that column);
on PostgreSQL one PL/pgSQL function per table that compares the row before and after
as JSON. They are installed by the migration that made the table and again after every
later upgrade (SQLite's batch migrations rebuild tables and drop their triggers), and
`missing_triggers` says which the database lacks or holds out of date.

On PostgreSQL the users' groups may read the history but never write it: the functions
run as their owner (SECURITY DEFINER, with a fixed search_path, EXECUTE revoked from
everyone so that nobody can hang them on a table of theirs), and the user they record
is the login (`session_user`), not the owner they run as. The only entry a trigger ever
changes is the person's own latest entry of the very field being changed, and only to
the value the field now holds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, LargeBinary, Table

from desktop.core.models import Base, HistoryEntry
from desktop.core.sqlite_features import WRITER_FUNCTION

HISTORY = HistoryEntry.__tablename__
COALESCE_MINUTES = 5
NOT_KEPT = frozenset({"updated_at", "version", "last_changed_by", "last_changed_at"})
"""Columns whose changes say nothing of their own: the time of every update, and the
version stamped on written text with who stored it (the history says who, field by field)."""
_COLUMNS = (
    "at, user_name, table_name, row_key, meeting_id, item_id, field, action, old_value, new_value"
)


def audited_tables(tables: Iterable[Table] | None = None) -> list[Table]:
    """Every table of the models but the history itself."""
    chosen = Base.metadata.sorted_tables if tables is None else tables
    return [table for table in chosen if table.name != HISTORY]


def tables_as_they_are(connection: Connection) -> list[Table]:
    """The models' tables cut to what the database holds now: the tables it has, each with
    the columns it has. A migration installs the triggers for the schema of its own time;
    a table or column that a later migration adds is not there yet, and its triggers come
    after the whole upgrade (desktop.core.db.migrate, db_server.upgrade_server)."""
    from sqlalchemy import Column, MetaData, inspect

    inspector = inspect(connection)
    present = MetaData()
    tables: list[Table] = []
    for table in audited_tables():
        if not inspector.has_table(table.name):
            continue
        names = {column["name"] for column in inspector.get_columns(table.name)}
        columns = [
            Column(column.name, column.type, primary_key=column.primary_key)
            for column in table.columns
            if column.name in names
        ]
        tables.append(Table(table.name, present, *columns))
    return tables


def kept_columns(table: Table) -> list[str]:
    """The columns whose values the history keeps (not the bytes of a file or image)."""
    return [
        column.name
        for column in table.columns
        if column.name not in NOT_KEPT and not isinstance(column.type, LargeBinary)
    ]


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _row_key(table: Table, row: str, cast: str) -> str:
    parts = [f"{row}.{_q(c.name)}{cast}" for c in table.primary_key.columns]
    return " || ':' || ".join(parts)


def _meeting(table: Table, row: str) -> str:
    if table.name == "meetings":
        return f"{row}.id"
    if "meeting_id" in table.c:
        return f"{row}.meeting_id"
    if "agenda_item_id" in table.c:
        return f"(SELECT meeting_id FROM agenda_items WHERE id = {row}.agenda_item_id)"
    return "NULL"


def _item(table: Table, row: str) -> str:
    if table.name == "agenda_items":
        return f"{row}.id"
    if "agenda_item_id" in table.c:
        return f"{row}.agenda_item_id"
    return "NULL"


# --- SQLite: triggers per table and column ---------------------------------------------

_SQLITE_NOW = "strftime('%Y-%m-%d %H:%M:%f', 'now')"
_SQLITE_RECENT = f"strftime('%Y-%m-%d %H:%M:%f', 'now', '-{COALESCE_MINUTES} minutes')"
_WHO = f"{WRITER_FUNCTION}()"


def _sqlite_json(table: Table, row: str) -> str:
    pairs = ", ".join(f"'{c}', {row}.{_q(c)}" for c in kept_columns(table))
    return f"json_object({pairs})"


def sqlite_triggers(table: Table) -> dict[str, str]:
    """The history's triggers on one table, by name."""
    name = table.name
    where = {
        row: (_row_key(table, row, ""), _meeting(table, row), _item(table, row))
        for row in ("NEW", "OLD")
    }
    triggers: dict[str, str] = {}
    for event, row, old, new in (
        ("INSERT", "NEW", "NULL", _sqlite_json(table, "NEW")),
        ("DELETE", "OLD", _sqlite_json(table, "OLD"), "NULL"),
    ):
        key, meeting, item = where[row]
        triggers[f"history_{name}_{event.lower()}"] = (
            f"CREATE TRIGGER history_{name}_{event.lower()} AFTER {event} ON {_q(name)} BEGIN "
            f"INSERT INTO {HISTORY} ({_COLUMNS}) VALUES ({_SQLITE_NOW}, {_WHO}, '{name}', "
            f"{key}, {meeting}, {item}, NULL, '{event.lower()}', {old}, {new}); END"
        )
    key, meeting, item = where["NEW"]
    for column in kept_columns(table):
        col = _q(column)
        latest = (
            f"SELECT max(id) FROM {HISTORY} WHERE table_name = '{name}' "
            f"AND row_key = {key} AND field = '{column}'"
        )
        trigger = f"history_{name}_set_{column}"
        triggers[trigger] = (
            f"CREATE TRIGGER {trigger} AFTER UPDATE OF {col} ON {_q(name)} "
            f"WHEN OLD.{col} IS NOT NEW.{col} BEGIN "
            # The same person's recent entry of this field takes the new value...
            f"UPDATE {HISTORY} SET new_value = NEW.{col}, at = {_SQLITE_NOW} "
            f"WHERE id = ({latest}) AND user_name = {_WHO} AND at >= {_SQLITE_RECENT}; "
            # ...and only when there was none, a new entry is written.
            f"INSERT INTO {HISTORY} ({_COLUMNS}) SELECT {_SQLITE_NOW}, {_WHO}, '{name}', "
            f"{key}, {meeting}, {item}, '{column}', 'update', OLD.{col}, NEW.{col} "
            "WHERE changes() = 0; END"
        )
    return triggers


# --- PostgreSQL: one function per table ----------------------------------------------


def _pg_minus(table: Table) -> str:
    dropped = sorted({c.name for c in table.columns} - set(kept_columns(table)))
    if not dropped:
        return ""
    return " - ARRAY[" + ", ".join(f"'{c}'" for c in dropped) + "]::text[]"


def pg_function_body(table: Table) -> str:
    """The PL/pgSQL body of one table's history function."""
    name, minus = table.name, _pg_minus(table)

    def whose(row: str) -> str:
        return (
            f"the_key := {_row_key(table, row, '::text')};\n"
            f"    the_meeting := {_meeting(table, row)};\n"
            f"    the_item := {_item(table, row)};"
        )

    insert = (
        f"INSERT INTO {HISTORY} ({_COLUMNS}) VALUES (now_utc, who, '{name}', "
        "the_key, the_meeting, the_item"
    )
    return f"""
DECLARE
    who text := session_user;
    now_utc timestamp := clock_timestamp() AT TIME ZONE 'UTC';
    the_key text;
    the_meeting integer;
    the_item integer;
    before jsonb;
    after jsonb;
    changed text;
    latest record;
BEGIN
    IF TG_OP = 'DELETE' THEN
    {whose("OLD")}
        {insert}, NULL, 'delete', (to_jsonb(OLD){minus})::text, NULL);
        RETURN NULL;
    END IF;
    {whose("NEW")}
    IF TG_OP = 'INSERT' THEN
        {insert}, NULL, 'insert', NULL, (to_jsonb(NEW){minus})::text);
        RETURN NULL;
    END IF;
    before := to_jsonb(OLD){minus};
    after := to_jsonb(NEW){minus};
    FOR changed IN
        SELECT e.key FROM jsonb_each(after) AS e WHERE e.value IS DISTINCT FROM before -> e.key
    LOOP
        SELECT h.id, h.user_name, h.at INTO latest FROM {HISTORY} AS h
            WHERE h.table_name = '{name}' AND h.row_key = the_key AND h.field = changed
            ORDER BY h.id DESC LIMIT 1;
        IF FOUND AND latest.user_name = who
           AND latest.at >= now_utc - interval '{COALESCE_MINUTES} minutes' THEN
            UPDATE {HISTORY} SET new_value = after ->> changed, at = now_utc
                WHERE id = latest.id;
        ELSE
            {insert}, changed, 'update', before ->> changed, after ->> changed);
        END IF;
    END LOOP;
    RETURN NULL;
END"""


def _pg_install(table: Table, schema: str, execute: Callable[[str], object]) -> None:
    function = f"history_{table.name}"
    execute(
        f"CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql "
        f"SECURITY DEFINER SET search_path = {_q(schema)}, pg_temp "
        f"AS $history${pg_function_body(table)}$history$"
    )
    # Nobody may hang it on a table of theirs: a trigger fires without EXECUTE rights.
    execute(f"REVOKE ALL ON FUNCTION {function}() FROM PUBLIC")
    execute(f"DROP TRIGGER IF EXISTS history ON {_q(table.name)}")
    execute(
        f"CREATE TRIGGER history AFTER INSERT OR UPDATE OR DELETE ON {_q(table.name)} "
        f"FOR EACH ROW EXECUTE FUNCTION {function}()"
    )


# --- both ----------------------------------------------------------------------------


def install_triggers(connection: Connection, tables: Iterable[Table] | None = None) -> None:
    """The history's triggers, as the models now are (old ones replaced)."""
    execute = connection.exec_driver_sql
    if connection.dialect.name == "postgresql":
        schema = connection.exec_driver_sql("SELECT current_schema()").scalar_one()
        for table in audited_tables(tables):
            _pg_install(table, schema, execute)
        return
    uninstall_triggers(connection)
    for table in audited_tables(tables):
        for statement in sqlite_triggers(table).values():
            execute(statement)


def uninstall_triggers(connection: Connection) -> None:
    if connection.dialect.name == "postgresql":
        for table in audited_tables():
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS history ON {_q(table.name)}")
            connection.exec_driver_sql(f"DROP FUNCTION IF EXISTS history_{table.name}()")
        return
    names = connection.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'history\\_%' ESCAPE '\\'"
    ).scalars()
    for name in list(names):
        connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {_q(name)}")


def has_history(connection: Connection) -> bool:
    from sqlalchemy import inspect

    return inspect(connection).has_table(HISTORY)


def missing_triggers(connection: Connection, tables: Iterable[Table] | None = None) -> list[str]:
    """The history's triggers the database lacks, or holds other than the models say."""
    missing: list[str] = []
    found: dict[str, str]
    if connection.dialect.name == "postgresql":
        found = dict(
            connection.exec_driver_sql(
                "SELECT c.relname, p.prosrc FROM pg_trigger t "
                "JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid "
                "WHERE t.tgname = 'history' AND t.tgenabled <> 'D' "
                "AND c.relnamespace = current_schema()::regnamespace"
            ).all()
        )
        for table in audited_tables(tables):
            if found.get(table.name) != pg_function_body(table):
                missing.append(f"history on {table.name}")
        return missing
    found = dict(
        connection.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
        ).all()
    )
    for table in audited_tables(tables):
        for name, sql in sqlite_triggers(table).items():
            if found.get(name) != sql:
                missing.append(name)
    return missing


@contextmanager
def paused(connection: Connection) -> Iterator[None]:
    """Copying a whole database (with its history) into an empty one: the copied rows
    are not new changes. Within the copy's transaction, by the tables' owner."""
    if connection.dialect.name == "postgresql":
        for table in audited_tables():
            connection.exec_driver_sql(f"ALTER TABLE {_q(table.name)} DISABLE TRIGGER history")
        yield
        for table in audited_tables():
            connection.exec_driver_sql(f"ALTER TABLE {_q(table.name)} ENABLE TRIGGER history")
        return
    uninstall_triggers(connection)
    yield
    install_triggers(connection)
