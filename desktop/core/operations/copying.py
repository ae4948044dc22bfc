"""Copy a whole database, file or server, into an empty one: how an office moves its file
onto a server, takes a copy home, and backs a server up.

Everything is copied with its ids, in one transaction on the target: a copy that is
killed halfway leaves the target as empty as it was, and a second run works. A target
that holds any data is refused before anything is written. Afterwards the copy checks
itself: row counts per table, and every meeting exported to a meeting file on both
sides, compared.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, bindparam, func, select, text, update

from desktop.core import history
from desktop.core.db import Database, open_database
from desktop.core.errors import DatabaseProblem
from desktop.core.models import Base, Meeting
from desktop.core.server import ServerAddress

BATCH = 2000


@dataclass
class CopyReport:
    """What was copied, and what the check after it found."""

    counts: dict[str, int] = field(default_factory=dict)
    meetings_compared: int = 0

    def summary(self) -> str:
        rows = sum(self.counts.values())
        return (
            f"copied {rows} rows in {len(self.counts)} tables; counts match and "
            f"{self.meetings_compared} meetings export identically on both sides"
        )


def _tables() -> list[Table]:
    return list(Base.metadata.sorted_tables)


def _self_references(table: Table) -> list[str]:
    """Columns that point at the same table (set after every row is in)."""
    return [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]


def row_counts(connection: Connection) -> dict[str, int]:
    return {
        table.name: connection.execute(select(func.count()).select_from(table)).scalar_one()
        for table in _tables()
    }


def _is_empty(database: Database) -> bool:
    with database.engine.connect() as con:
        return not any(row_counts(con).values())


def _open_target(target: Path | ServerAddress) -> Database:
    """The target opened for writing; an empty server database gets the schema first."""
    if isinstance(target, ServerAddress):
        from desktop.core.db_server import upgrade_server

        upgrade_server(target)  # an empty database gets Prachum's tables; a newer is refused
    database = open_database(target)
    if database.readonly:
        database.close()
        raise database.notice or DatabaseProblem("ปลายทางเขียนไม่ได้", "The target is read-only.")
    return database


def _rows(source: Connection, table: Table) -> Iterator[list[dict[str, Any]]]:
    result = source.execute(select(table).order_by(*table.primary_key.columns))
    while batch := result.mappings().fetchmany(BATCH):
        yield [dict(row) for row in batch]


def _copy_table(source: Connection, target: Connection, table: Table) -> int:
    later = _self_references(table)
    pending: list[dict[str, Any]] = []
    copied = 0
    for rows in _rows(source, table):
        batch = rows
        if later:
            pending += [
                {"_id": row["id"], **{c: row[c] for c in later}}
                for row in rows
                if any(row[c] is not None for c in later)
            ]
            batch = [{**row, **dict.fromkeys(later)} for row in rows]
        target.execute(table.insert(), batch)
        copied += len(batch)
    if pending:
        statement = (
            update(table)
            .where(table.c.id == bindparam("_id"))
            .values({c: bindparam(c) for c in later})
        )
        target.execute(statement, pending)
    return copied


def _continue_sequences(target: Connection) -> None:
    """A server's id sequences continue after the copied ids (SQLite's do by themselves)."""
    if target.dialect.name != "postgresql":
        return
    for table in _tables():
        if "id" not in table.c or not table.c.id.primary_key:
            continue
        target.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f"coalesce((SELECT max(id) FROM {table.name}), 0) + 1, false)"
            )
        )


def _exported(database: Database) -> dict[int, dict[str, Any]]:
    from desktop.core.operations.meeting_file import export_meeting

    with database.session() as session:
        ids = session.scalars(select(Meeting.id).order_by(Meeting.id)).all()
        return {meeting_id: export_meeting(session, meeting_id) for meeting_id in ids}


def copy_database_to(source: Path | ServerAddress, target: Path | ServerAddress) -> CopyReport:
    """Copy everything from `source` into the empty `target`, then check the copy."""
    if str(source) == str(target):
        raise DatabaseProblem(
            "ต้นทางและปลายทางเป็นฐานข้อมูลเดียวกัน", "The source and the target are the same database."
        )
    if isinstance(target, Path) and target.exists() and target.stat().st_size > 0:
        # Checked before anything is opened: opening would upgrade an older file.
        from desktop.core.db_file import check_file

        check_file(target)
    source_db = open_database(source, readonly=True)
    try:
        target_db = _open_target(target)
        try:
            if not _is_empty(target_db):
                raise DatabaseProblem(
                    f"ปลายทาง {target_db.name} มีข้อมูลอยู่แล้ว จะคัดลอกลงฐานข้อมูลว่างเท่านั้น ไม่ได้เขียนอะไร",
                    f"The target {target_db.name} already holds data: a copy goes only into an "
                    "empty database. Nothing was written.",
                )
            report = CopyReport()
            with source_db.engine.connect() as src, target_db.engine.begin() as dst:
                # The rows are copied with their history: not new changes of the target's.
                with history.paused(dst):
                    for table in _tables():
                        report.counts[table.name] = _copy_table(src, dst, table)
                _continue_sequences(dst)
            _check(source_db, target_db, report)
            return report
        finally:
            target_db.close()
    finally:
        source_db.close()


def _check(source: Database, target: Database, report: CopyReport) -> None:
    with source.engine.connect() as a, target.engine.connect() as b:
        before, after = row_counts(a), row_counts(b)
    if before != after:
        raise DatabaseProblem(
            "สำเนาไม่ครบ จำนวนแถวไม่ตรงกับต้นทาง",
            f"The copy is incomplete: row counts differ ({before} != {after}).",
        )
    exported_source, exported_target = _exported(source), _exported(target)
    if exported_source != exported_target:
        differing = [m for m in exported_source if exported_source[m] != exported_target.get(m)]
        raise DatabaseProblem(
            "สำเนาไม่ตรงกับต้นทาง",
            f"The copy differs from its source in meetings {differing[:10]}.",
        )
    report.meetings_compared = len(exported_source)
