"""Backups a secretary can rely on: made with SQLite's backup API, restored without loss.

A restore never destroys the database it replaces: the current file is kept beside it
first. A backup is checked (a healthy Prachum database this version can read) before it
replaces anything.
"""

from __future__ import annotations

import re
import sqlite3
import sys
from contextlib import closing
from datetime import datetime
from pathlib import Path

from desktop.core.db import Database, backup_database, current_revision, make_engine
from desktop.core.db_file import check_file, copy_database, readonly_uri
from desktop.core.errors import DatabaseProblem, PrachumError, folder_missing

BACKUP_SUFFIX = ".backup.db"


class BackupRefused(DatabaseProblem):
    """The backup itself cannot be restored (missing, damaged, foreign, newer); a failure
    to write its copy is not this."""


def backup_to(database: Database, target: Path | str) -> Path:
    """A consistent copy of the open database at `target`."""
    target = Path(target)
    if not target.parent.is_dir():
        raise folder_missing(target.parent)
    try:
        return backup_database(database.engine, target)
    except (OSError, sqlite3.Error) as exc:
        raise PrachumError(
            f"สำรองข้อมูลไม่สำเร็จ ({exc})", f"The backup could not be written ({exc})."
        ) from exc


def backup_folder(db_path: Path) -> Path:
    return db_path.parent / "backups"


def rotate_backups(
    database: Database, keep: int = 10, *, now: datetime | None = None
) -> Path | None:
    """Today's backup in the backups folder, once a day; only the newest `keep` are kept."""
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

    The caller must have closed its connections to `target` first.
    """
    backup, target = Path(backup), Path(target)
    if not backup.is_file():
        raise BackupRefused(f"ไม่พบไฟล์สำรอง {backup}", f"No backup file at {backup}.")
    try:
        check_file(backup)
    except DatabaseProblem as problem:
        raise BackupRefused(problem.thai, problem.english) from problem
    engine = make_engine(backup, readonly=True)
    try:
        if current_revision(engine) is None:
            raise BackupRefused(
                f"ไฟล์ {backup.name} ไม่ใช่ไฟล์สำรองของโปรแกรม",
                f"{backup.name} is not a Prachum backup.",
            )
    finally:
        engine.dispose()
    kept = None
    if target.exists():
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        kept = target.with_name(f"{target.stem}.before-restore-{stamp}{target.suffix}")
        with closing(sqlite3.connect(target)) as source:
            copy_database(source, kept)
    partial = target.with_name(target.name + ".restoring")
    with closing(sqlite3.connect(readonly_uri(backup), uri=True)) as source:
        copy_database(source, partial)
    for suffix in ("-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    partial.replace(target)
    return kept
