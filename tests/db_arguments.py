"""What `--db` is given in a test to reach a database: a file, or a server's URL."""

from __future__ import annotations

from desktop.core.db import Database


def db_argument(database: Database) -> str:
    """The open database's file, or its server URL."""
    return database.address.url if database.address is not None else str(database.path)


def server_url(admin_url: str, database: str) -> str:
    """The admin URL pointed at another database of the same cluster."""
    before, _, query = admin_url.partition("?")
    return f"{before.rsplit('/', 1)[0]}/{database}" + (f"?{query}" if query else "")
