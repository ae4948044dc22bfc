"""What `--db` is given in a test to reach an open database again."""

from __future__ import annotations

from desktop.core.db import Database


def db_argument(database: Database) -> str:
    """The open database's file, or its server URL."""
    return database.address.url if database.address is not None else str(database.path)
