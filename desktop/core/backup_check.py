"""Is this file a Prachum backup that can take the database's place? Asked before anything
is replaced.

`check_file` (a SQLite file, whole, ours, not from a newer Prachum) is not enough for a
restore: a file holding only an `alembic_version` table passed it, was put in place, and
every command failed afterwards. So the candidate is opened read-only and must have
every table and column its schema revision should have (the schema is made by running
the migrations up to that revision in memory), pass `integrity_check`, and give every
row of every table when read once (invalid UTF-8 in a text column is damage the
integrity check does not see).
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from functools import lru_cache
from pathlib import Path
from typing import cast

from desktop.core.db_file import check_file, known_revisions, readonly_uri
from desktop.core.errors import DatabaseProblem
from desktop.core.input_files import require_regular


class BackupRefused(DatabaseProblem):
    """The backup itself cannot be restored (missing, damaged, foreign, newer); a failure
    to write its copy is not this."""


def _refused(path: Path, thai: str, english: str) -> BackupRefused:
    return BackupRefused(
        f"ไฟล์ {path.name} ใช้กู้คืนไม่ได้: {thai} ฐานข้อมูลเดิมยังอยู่ครบ",
        f"{path.name} cannot be restored: {english} The database is as it was.",
    )


def _columns(con: sqlite3.Connection) -> dict[str, set[str]]:
    tables = [
        row[0]
        for row in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {
        table: {row[1] for row in con.execute(f'PRAGMA table_info("{table}")')} for table in tables
    }


@lru_cache(maxsize=4)
def revision_schema(revision: str) -> dict[str, frozenset[str]]:
    """Every table and its columns as the migrations make them at `revision`."""
    from alembic import command
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import StaticPool

    from desktop.core import sqlite_features
    from desktop.core.db import _alembic_config

    engine = create_engine("sqlite://", poolclass=StaticPool)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        sqlite_features.on_connect(dbapi_connection)

    try:
        with engine.begin() as con:
            command.upgrade(_alembic_config(con), revision)
            raw = cast(sqlite3.Connection, con.connection.driver_connection)
            schema = _columns(raw)
    finally:
        engine.dispose()
    return {table: frozenset(columns) for table, columns in schema.items()}


def check_backup(path: Path) -> str:
    """The backup's schema revision, or BackupRefused saying what is wrong with it."""
    if not path.exists():
        raise BackupRefused(f"ไม่พบไฟล์สำรอง {path}", f"No backup file at {path}.")
    require_regular(path, BackupRefused)
    if path.stat().st_size == 0:
        raise _refused(path, "ไฟล์ว่างเปล่า", "the file is empty.")
    try:
        check_file(path)
    except DatabaseProblem as problem:
        raise BackupRefused(problem.thai, problem.english) from problem
    try:
        with closing(sqlite3.connect(readonly_uri(path), uri=True)) as con:
            tables = _columns(con)
            revision: str | None = None
            if "alembic_version" in tables:
                row = con.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
            if revision not in known_revisions():
                raise _refused(
                    path,
                    "ไม่ใช่ไฟล์สำรองของโปรแกรม",
                    "it is not a Prachum backup (no schema revision).",
                )
            missing = [
                f"{table}.{column}" if table in tables else table
                for table, columns in sorted(revision_schema(revision).items())
                for column in (sorted(columns - tables[table]) if table in tables else [""])
            ]
            if missing:
                shown = ", ".join(name.rstrip(".") for name in missing[:5])
                raise _refused(
                    path,
                    f"โครงสร้างไม่ครบ (ขาด {shown})",
                    f"its structure is incomplete (missing {shown}).",
                )
            _read_every_row(path, con, tables)
    except (sqlite3.DatabaseError, UnicodeDecodeError) as error:
        raise _refused(path, f"ไฟล์เสียหาย ({error})", f"it is damaged ({error}).") from error
    return revision


def _read_every_row(path: Path, con: sqlite3.Connection, tables: dict[str, set[str]]) -> None:
    for table in tables:
        cursor = con.execute(f'SELECT * FROM "{table}"')
        read = 0
        while True:
            try:
                rows = cursor.fetchmany(500)
            except sqlite3.OperationalError as error:  # text that is not UTF-8, say
                raise _refused(
                    path,
                    f"ข้อมูลในตาราง {table} เสียหาย หลังแถวที่ {read} ({error})",
                    f"the table {table} is damaged after row {read} ({error}).",
                ) from error
            if not rows:
                break
            read += len(rows)
