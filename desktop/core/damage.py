"""Damage inside a healthy database file that `integrity_check` does not see: text that
is not UTF-8, a date or a time that is not one. Reading such a row must not fail a whole
listing or document: the value is read as damaged (text with U+FFFD where the bytes were
bad, a date or time as missing), the rest works, and `damage_report` says where.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from contextlib import closing
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from sqlalchemy import Date, DateTime, Dialect, Time
from sqlalchemy.types import TypeDecorator

_seen = 0
_seen_guard = threading.Lock()


class DamagedText(str):
    """Text that was not UTF-8 in the file, shown with U+FFFD where its bytes were bad."""


def _note() -> None:
    global _seen  # noqa: PLW0603 - one counter for the process, read by damage_seen
    with _seen_guard:
        _seen += 1


def damage_seen() -> int:
    """How many damaged values were read in this process so far."""
    return _seen


def decode_text(raw: bytes) -> str:
    """SQLite's text as str; damaged text is read, not refused."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        _note()
        return DamagedText(raw.decode("utf-8", "replace"))


class DamagedDate(date):
    """A date that could not be read: shown as damaged (thai.py), sorted first."""

    damaged = True


class DamagedTime(time):
    """A time that could not be read: shown as damaged (thai.py)."""

    damaged = True


class _Tolerant(TypeDecorator[Any]):
    """A date, time or timestamp column whose unreadable value is read as damaged."""

    cache_ok = True
    damaged_value: Any = None

    def result_processor(self, dialect: Dialect, coltype: object) -> Callable[[Any], Any] | None:
        inner = self.impl_instance.result_processor(dialect, coltype)
        if inner is None:
            return None

        def process(value: Any) -> Any:
            try:
                return inner(value)
            except (ValueError, TypeError, OverflowError):
                _note()
                return self.damaged_value

        return process


class TolerantDate(_Tolerant):
    impl = Date
    cache_ok = True
    damaged_value = DamagedDate(1, 1, 1)


class TolerantTime(_Tolerant):
    impl = Time
    cache_ok = True
    damaged_value = DamagedTime(0, 0)


class TolerantDateTime(_Tolerant):
    impl = DateTime
    cache_ok = True


def damage_report(db_path: Path, limit: int = 50) -> list[str]:
    """Where the database holds damaged values: `meeting 2: title is not UTF-8 text`."""
    from desktop.core.db_file import readonly_uri

    found: list[str] = []
    with closing(sqlite3.connect(readonly_uri(db_path), uri=True)) as con:
        con.text_factory = bytes
        tables = [
            row[0].decode()
            for row in con.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                " AND sql NOT LIKE 'CREATE VIRTUAL%'"
            )
        ]
        for table in tables:
            columns = [
                (row[1].decode(), (row[2] or b"").decode().upper())
                for row in con.execute(f'PRAGMA table_info("{table}")')
            ]
            names = [name for name, _ in columns]
            owner = "meeting_id" if "meeting_id" in names else None
            if table == "meetings":
                owner = "id"
            picked = ", ".join(f'"{name}"' for name in names)
            try:
                rows = con.execute(f'SELECT rowid, {picked} FROM "{table}"')
            except sqlite3.OperationalError:  # a table without rowid (the search index's)
                rows = con.execute(f'SELECT NULL, {picked} FROM "{table}"')
            for row in rows:
                values = dict(zip(names, row[1:], strict=True))
                for name, kind in columns:
                    problem = _problem(values[name], kind)
                    if problem is None:
                        continue
                    where = (
                        f"meeting {values[owner]}"
                        if owner and values.get(owner)
                        else f"{table} row {row[0]}"
                    )
                    field = name if owner == "id" else f"{table}.{name}"
                    found.append(f"{where}: {field} {problem}")
                    if len(found) >= limit:
                        return found
    return found


def _problem(value: Any, kind: str) -> str | None:
    if not isinstance(value, bytes):
        return None
    try:
        text = value.decode("utf-8")
    except UnicodeDecodeError:
        return "is not UTF-8 text"
    try:
        if kind == "DATE":
            date.fromisoformat(text)
        elif kind == "TIME":
            time.fromisoformat(text)
        elif kind in ("DATETIME", "TIMESTAMP"):
            datetime.fromisoformat(text)
    except ValueError:
        return f"is not a valid {kind.lower()} ({text[:40]!r})"
    return None
