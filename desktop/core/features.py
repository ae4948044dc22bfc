"""The one place that picks the dialect's own features: SQLite's or PostgreSQL's.

Both modules offer the same functions (on_connect, install_search_index,
uninstall_search_index, rebuild_search_index, is_search_table, search_text).
"""

from __future__ import annotations

from types import ModuleType

from sqlalchemy import Connection


def for_dialect(name: str) -> ModuleType:
    if name == "postgresql":
        from desktop.core import postgresql_features

        return postgresql_features
    from desktop.core import sqlite_features

    return sqlite_features


def of(connection: Connection) -> ModuleType:
    """The features of the database `connection` is on."""
    return for_dialect(connection.dialect.name)
