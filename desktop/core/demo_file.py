"""The demo lives in a database file of its own, never in the secretary's.

`demo.db` sits beside her database: the window opens it to look around and goes back to
her file; `python main.py demo` writes it. A file that already holds data is refused
before anything is opened, migrated or locked, so the refusal changes nothing.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.orm import Session

from desktop.core.db_file import SQLITE_HEADER, readonly_uri
from desktop.core.errors import PrachumError

DEMO_FILE_NAME = "demo.db"
# What a secretary makes; the standard agenda templates are written by the app itself.
_DATA_TABLES = ("networks", "meetings", "organizations", "people")


def demo_path(beside: Path | str) -> Path:
    """The demo's file in the folder of her database."""
    return Path(beside).with_name(DEMO_FILE_NAME)


def is_demo_path(path: Path | str) -> bool:
    return Path(path).name == DEMO_FILE_NAME


def file_holds_data(path: Path | str) -> bool:
    """Whether the file has any network, meeting, organisation or person, read only.

    A missing or empty file holds nothing; a file that is not SQLite is left to the usual
    opening checks (which refuse it with their own message).
    """
    path = Path(path)
    if not path.is_file() or path.stat().st_size == 0:
        return False
    with path.open("rb") as handle:
        if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            return False
    # Read as immutable when no write-ahead log holds anything: no -wal or -shm is left.
    connection = sqlite3.connect(readonly_uri(path), uri=True)
    try:
        tables = {
            name
            for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        return any(
            connection.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() is not None
            for table in _DATA_TABLES
            if table in tables
        )
    except sqlite3.DatabaseError:
        return False  # damaged: the opening checks refuse it, saying so
    finally:
        connection.close()


def session_holds_data(session: Session) -> bool:
    """The same question of an open database (a server's): one one-row read a table."""
    return any(
        session.execute(text(f"SELECT 1 FROM {table} LIMIT 1")).first() is not None
        for table in _DATA_TABLES
    )


def refuse_if_holds_data(path: Path | str, *, holds_data: bool | None = None) -> None:
    """The demo is never mixed into a database with her own data (`holds_data`: already
    asked of an open database; otherwise the file is read)."""
    if holds_data if holds_data is not None else file_holds_data(path):
        raise PrachumError(
            f"ไม่ได้ใส่ข้อมูลตัวอย่าง เพราะ {path} มีข้อมูลอยู่แล้ว ข้อมูลตัวอย่างอยู่ในไฟล์ของตัวเอง "
            f"({DEMO_FILE_NAME} ข้างฐานข้อมูลของคุณ) ไฟล์นี้ไม่ได้ถูกเปลี่ยนแปลง",
            f"{path} already holds data, so the demo was not written into it; the demo "
            f"goes into a file of its own ({DEMO_FILE_NAME} beside your database). "
            "Nothing was changed.",
        )
