"""Backups a secretary can rely on: made with SQLite's backup API, restored without loss.

A restore never destroys the database it replaces: the current file is kept beside it
first. A backup is checked (a healthy Prachum database this version can read) before it
replaces anything.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import sys
import tempfile
from contextlib import closing
from datetime import datetime
from pathlib import Path

from desktop.core.backup_check import BackupRefused, check_backup
from desktop.core.db import Database, backup_database
from desktop.core.db_file import copy_database, readonly_uri, refuse_if_read_only
from desktop.core.errors import DatabaseProblem, PrachumError, folder_missing, write_failure
from desktop.core.file_names import check_new_file
from desktop.core.protected_files import refuse_if_protected, same_file

__all__ = ["BackupRefused", "backup_to", "list_backups", "restore_from", "rotate_backups"]

BACKUP_SUFFIX = ".backup.db"


def backup_to(database: Database, target: Path | str) -> Path:
    """A consistent copy of the open database at `target`."""
    target = Path(target)
    if str(target) in ("", ".") or target.is_dir():
        raise PrachumError(
            f"{target} เป็นโฟลเดอร์ กรุณาระบุชื่อไฟล์สำรอง เช่น {target / 'prachum-backup.db'}",
            f"{target} is a folder: give the backup a file name, such as "
            f"{target / 'prachum-backup.db'}.",
        )
    if not target.parent.is_dir():
        raise folder_missing(target.parent)
    check_new_file(target)
    if database.address is not None:
        return _backup_server(database, target)
    try:
        return backup_database(database.engine, target, database.path)
    except (OSError, sqlite3.Error) as exc:
        raise write_failure(exc, target, "สำรองข้อมูล", "The backup") from exc


def _backup_server(database: Database, target: Path) -> Path:
    """A server's backup is a SQLite file written by `copy`: the same `restore` and the
    same window open it. Written beside the target and moved in place when checked."""
    from desktop.core.operations.copying import copy_database_to

    assert database.address is not None
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        copy_database_to(database.address, partial)
        partial.replace(target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise PrachumError(
            f"สำรองข้อมูลไม่สำเร็จ ({exc})", f"The backup could not be written ({exc})."
        ) from exc
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target


def backup_folder(db_path: Path) -> Path:
    return db_path.parent / "backups"


def rotate_backups(
    database: Database, keep: int = 10, *, now: datetime | None = None
) -> Path | None:
    """Today's backup in the backups folder, once a day; only the newest `keep` are kept.

    A file's own rotation: a server's database has no folder beside it (its backups are
    the copies `backup -o FILE` writes), so nothing is made for it."""
    if database.path is None:
        return None
    folder = backup_folder(database.path)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = (now or datetime.now()).strftime("%Y-%m-%d")
    target = folder / f"{database.path.stem}-{stamp}{BACKUP_SUFFIX}"
    made = None
    if not target.exists():
        made = backup_to(database, target)
    backups = daily_backups(database.path)
    for old in backups[: max(0, len(backups) - keep)]:
        old.unlink(missing_ok=True)
    return made


def daily_backups(db_path: Path) -> list[Path]:
    """This database's daily backups, oldest first: `<name>-YYYY-MM-DD.backup.db`.

    Only its own. Several databases may share a folder, and one's name may begin with
    another's (`prachum.db`, `prachum-2567.db`): a looser match rotated away the other's
    backups, and offered them for a restore.
    """
    folder = backup_folder(db_path)
    if not folder.is_dir():
        return []
    # ASCII digits only (\d would take Thai ones); no case on the file systems without it.
    own = re.compile(
        re.escape(db_path.stem) + "-[0-9]{4}-[0-9]{2}-[0-9]{2}" + re.escape(BACKUP_SUFFIX),
        re.IGNORECASE if sys.platform in ("win32", "darwin") else 0,
    )
    return sorted(p for p in folder.glob(f"*{BACKUP_SUFFIX}") if own.fullmatch(p.name))


def list_backups(db_path: Path) -> list[Path]:
    """This database's daily backups, newest first."""
    return daily_backups(db_path)[::-1]


def restore_from(backup: Path | str, target: Path | str) -> Path | None:
    """Replace the database at `target` with the backup; returns where the old one was kept.

    The backup is checked whole first (check_backup) and copied beside the target; only
    then is the target's file kept aside under another name, its bytes as they are (a
    hard link, or a plain copy: a damaged file cannot be read through SQLite), and the
    copy moved into its place in one step. The caller must have closed its connections
    to `target` and hold its lock.
    """
    backup, target = Path(backup), Path(target)
    if target.exists() and same_file(backup, target):
        raise BackupRefused(
            f"ไฟล์ {backup.name} คือฐานข้อมูลที่จะกู้คืนเอง", f"{backup.name} is the database itself."
        )
    refuse_if_protected(target)  # restoring over a database still open in this process
    # A database file made read-only is not replaced behind its back (its folder would let
    # a rename through); a read-only folder is said as such before anything is copied.
    refuse_if_read_only(target)
    check_backup(backup)
    if not target.parent.is_dir():
        raise folder_missing(target.parent, DatabaseProblem)
    handle, name = tempfile.mkstemp(prefix=".prachum-", suffix=".restoring", dir=target.parent)
    os.close(handle)
    incoming = Path(name)
    try:
        with closing(sqlite3.connect(readonly_uri(backup), uri=True)) as source:
            copy_database(source, incoming)
        return _swap_in(incoming, target)
    except (OSError, sqlite3.Error) as error:
        raise write_failure(error, target, "กู้คืนข้อมูล", "The restored database") from error
    finally:
        incoming.unlink(missing_ok=True)


def _swap_in(incoming: Path, target: Path) -> Path | None:
    """`incoming` in place of `target`; the target's bytes (and its journal) kept aside."""
    kept = None
    moves: list[tuple[Path, Path]] = []
    if target.exists():
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        kept = _free_name(target.with_name(f"{target.stem}.before-restore-{stamp}{target.suffix}"))
        moves = [(target, kept)] + [
            (Path(f"{target}{suffix}"), Path(f"{kept}{suffix}")) for suffix in ("-wal", "-journal")
        ]
    kept_so_far: list[tuple[Path, Path]] = []
    try:
        for source, aside in moves:
            if source.exists():
                _keep_bytes(source, aside)
                kept_so_far.append((source, aside))
        # A journal of the old file must not meet the new one: SQLite would replay it.
        for source, _aside in kept_so_far[1:]:
            source.unlink()
        Path(f"{target}-shm").unlink(missing_ok=True)
        os.replace(incoming, target)
    except BaseException:
        for source, aside in kept_so_far[1:]:
            if not source.exists():
                os.replace(aside, source)
        for _source, aside in kept_so_far[:1]:
            aside.unlink(missing_ok=True)
        raise
    if kept is not None:
        _fold_journal(kept)
    return kept


def _keep_bytes(source: Path, aside: Path) -> None:
    """A second name for the file's bytes, as they are (a copy where links are not had)."""
    try:
        os.link(source, aside)
    except OSError:
        shutil.copy2(source, aside)


def _free_name(path: Path) -> Path:
    """`path`, or the same name with -2, -3 … when it is taken (two restores in a second)."""
    candidate, number = path, 1
    while candidate.exists() or Path(f"{candidate}-wal").exists():
        number += 1
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
    return candidate


def _fold_journal(kept: Path) -> None:
    """The kept file in one piece when it is healthy: its -wal folded in (best effort; a
    damaged file keeps its journal beside it, untouched)."""
    if not Path(f"{kept}-wal").exists():
        return
    try:
        with closing(sqlite3.connect(kept)) as con:
            con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            con.execute("PRAGMA journal_mode = DELETE")
    except sqlite3.Error:
        pass
