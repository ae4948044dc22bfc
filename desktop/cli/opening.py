"""How a command opens the database: its lock when it writes, read-only where it
must, and everything it opened closed again when it ends."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

held_locks: list = []
opened_databases: list = []  # closed when the command ends: its files are no longer protected


def writes(args: argparse.Namespace) -> bool:
    """Commands that change the database take its lock: a window open on it refuses them."""
    if args.command == "zoom":
        return not args.dry_run
    if args.command == "roster":
        return args.apply
    if args.command == "delete":
        return args.yes
    if args.command == "template":
        return args.set is not None or args.clear
    # The letters take a number in the outgoing register: they write too.
    return args.command in ("import", "demo", "restore", "invitations", "office")


def on_server(args: argparse.Namespace) -> bool:
    from desktop.core.server import ServerAddress

    return isinstance(args.db, ServerAddress)


def take_lock(args: argparse.Namespace) -> None:
    from desktop.core.db_file import default_db_path
    from desktop.core.lock import lock_for_writing

    if on_server(args):  # the server keeps its own locks
        return
    path = Path(args.db or default_db_path())
    if writes(args) and path.parent.is_dir():  # else open_database says the folder is missing
        from desktop.core.network_share import refuse_if_shared

        refuse_if_shared(path)  # not even a lock file is written on a share
        # DatabaseInUse, or a folder where the lock cannot be written: exit 2
        held_locks.append(lock_for_writing(path))


def open_database_for(args: argparse.Namespace):
    from desktop.core.db import open_database
    from desktop.core.db_file import default_db_path, read_only_place
    from desktop.core.network_share import NetworkShare

    take_lock(args)
    if on_server(args):
        database = open_database(args.db)
    else:
        path = Path(args.db or default_db_path())
        # A command that only reads opens a read-only file (or one in a read-only folder)
        # read-only, instead of failing where it would have written.
        readonly = not writes(args) and read_only_place(path)
        try:
            database = open_database(path, readonly=readonly)
        except NetworkShare as refused:
            if writes(args):
                raise
            # A reading command reads it as it is, and says why it was not opened to write.
            print(refused.message(args.lang), file=sys.stderr)
            database = open_database(path, readonly=True)
    if database.notice:
        if writes(args):
            database.close()
            raise database.notice
        print(database.notice.message(args.lang), file=sys.stderr)
    opened_databases.append(database)
    return database
