"""Opening the database for the window: one writer, a bad file explained, a daily backup.

The second copy of the app on the same file is told who holds it and may open it
read-only. A damaged, foreign or newer file is explained, with the latest backup on
offer; it is never written to: restoring moves it aside, whole, under another name.
After a good read-write open, the day's backup is made (once a day, the newest few kept).
The steps are here; `opening.Opening` runs them with the window already on screen.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QMessageBox, QWidget
from sqlalchemy.exc import DBAPIError

from desktop.core.db import Database, open_database
from desktop.core.errors import DatabaseProblem, PrachumError, as_database_problem
from desktop.core.lock import DatabaseInUse, DatabaseLock, lock_for_writing
from desktop.core.network_share import NetworkShare
from desktop.core.operations.backups import list_backups, restore_from, rotate_backups
from desktop.core.server import ServerAddress
from desktop.core.thai import format_thai_date_short, format_thai_time

log = logging.getLogger(__name__)

READ_ONLY, QUIT, RESTORE, OTHER_FILE = "read-only", "quit", "restore", "other-file"
LOCAL_FILE, COPY_HERE, TO_SERVER = "local-file", "copy-here", "to-server"
SIDE_FILES = ("-wal", "-shm", "-journal")


@dataclass
class Opened:
    """The database the window works on, and the lock that makes this copy its writer."""

    database: Database
    lock: DatabaseLock | None
    notes: list[str] = field(default_factory=list)
    """What she should be told once the window is up (a restore, a failed backup)."""

    @property
    def readonly(self) -> bool:
        return self.database.readonly

    def close(self) -> None:
        self.database.close()
        if self.lock is not None:
            self.lock.release()


class Choices(Protocol):
    """Her answers at start-up: message boxes in the app, fixed answers in tests."""

    def in_use(self, path: Path, pid: int) -> str: ...
    def problem(self, path: Path, error: PrachumError, backup: Path | None) -> str: ...
    def other_file(self, folder: Path) -> Path | None: ...
    def failed(self, error: PrachumError) -> None: ...
    def server_refused(self, name: str, error: PrachumError, local: Path) -> str: ...
    def shared_file(self, path: Path, error: PrachumError) -> str: ...
    def server_address(self) -> ServerAddress | None: ...


@dataclass
class ReadOnly:
    """Her answer: open `path` read-only (it is checked first, so on a worker)."""

    path: Path


@dataclass
class Restore:
    """Her answer: put `backup` in place of `path` (a whole-file copy, so on a worker)."""

    backup: Path
    path: Path


@dataclass
class CopyHere:
    """Her answer to a file on a network share: copy it to `target` on this PC, open that."""

    source: Path
    target: Path


@dataclass
class ToServer:
    """Her answer to a file on a network share: copy it into the (empty) shared database."""

    source: Path
    address: ServerAddress


def local_copy_path(source: Path, folder: Path) -> Path:
    """Where a shared file's copy goes in her data folder: its own name, never over a file."""
    target = folder / source.name
    number = 1
    while target.exists():
        number += 1
        target = folder / f"{source.stem}-{number}{source.suffix}"
    return target


Step = ReadOnly | Restore | CopyHere | ToServer | Path | ServerAddress | None


def _after_shared_file(path: Path, error: NetworkShare, choices: Choices) -> Step:
    answer = choices.shared_file(path, error)
    if answer == READ_ONLY:
        return ReadOnly(path)
    if answer == COPY_HERE:
        from desktop.core.db_file import default_db_path

        return CopyHere(path, local_copy_path(path, default_db_path().parent))
    if answer == TO_SERVER:
        address = choices.server_address()
        return ToServer(path, address) if address is not None else path  # asked again
    return None


def after_refusal(
    path: Path | ServerAddress,
    error: BaseException,
    choices: Choices,
    failed_backups: set[Path] | None = None,
    local: Path | None = None,
) -> Step:
    """Her answer to a file that could not be opened for writing.

    Returns ReadOnly when she chose to look at it read-only, Restore with the backup she
    chose, another file she picked to try (or the same one when she cancelled the
    choice), or None when she chose to quit. Backups in `failed_backups` could not be
    restored: the question offers the newest of the others. A server that refused is
    answered with her own file on this PC (`local`); a file on a network share with
    reading it, copying it here or moving it to a server.
    """
    failed_backups = failed_backups or set()
    if not isinstance(path, Path):  # a server's database: no backups, her own file instead
        from desktop.core.db_file import default_db_path

        log.warning("opening %s failed: %s", path, as_database_problem(error).message("en"))
        local = local or default_db_path()
        answer = choices.server_refused(path.name, as_database_problem(error), local)
        return local if answer == LOCAL_FILE else None
    if isinstance(error, NetworkShare):
        return _after_shared_file(path, error, choices)
    if isinstance(error, DatabaseInUse):
        return ReadOnly(path) if choices.in_use(path, error.pid) == READ_ONLY else None
    if not isinstance(error, DatabaseProblem):
        # Not the file's fault: a fault of ours, told as plainly as we can, then quit.
        log.error("opening %s failed", path, exc_info=error)
        choices.failed(as_database_problem(error))
        return None
    backups = [backup for backup in list_backups(path) if backup not in failed_backups]
    latest = backups[0] if backups else None
    answer = choices.problem(path, error, latest)
    if answer == RESTORE and latest is not None:
        return Restore(latest, path)
    if answer == OTHER_FILE:
        return choices.other_file(path.parent) or path
    return None


def open_read_only(path: Path) -> Opened:
    """The file for looking things up while another copy writes to it."""
    try:
        return Opened(open_database(path, readonly=True), None)
    except (DBAPIError, sqlite3.Error, OSError) as error:
        raise as_database_problem(error) from error


def open_for_writing(
    path: Path, *, lock: DatabaseLock | None = None, checked: Callable[[], object] | None = None
) -> Opened:
    """Take the lock (unless `lock` is it already), then open (and upgrade) the file;
    DatabaseProblem when it cannot be. On failure the lock is let go.

    `checked`, when given, returns once the file's check (db_file.check_file) has passed
    and raises what it raised: the start-up runs the check beside its imports.
    """
    lock = lock if lock is not None else lock_for_writing(path)
    try:
        if checked is not None:
            checked()
        return Opened(open_database(path, checked=checked is not None), lock)
    except BaseException as error:
        lock.release()
        if isinstance(error, DBAPIError | sqlite3.Error | OSError):
            raise as_database_problem(error) from error
        raise


def restore_over(backup: Path, path: Path) -> str:
    """Put the backup in place of a file that cannot be opened; the file is moved aside.

    The backup is copied and checked beside the target first, so a bad backup moves
    nothing; a move that fails halfway is undone, so the file is never simply missing
    (opening a missing file would make a new, empty one). The caller holds the lock.
    Returns a note saying what was done.
    """
    incoming = path.with_name(f"{path.name}.incoming")
    for leftover in (incoming, *(Path(f"{incoming}{suffix}") for suffix in SIDE_FILES)):
        leftover.unlink(missing_ok=True)  # our own copy from an attempt that failed
    restore_from(backup, incoming)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.stem}.damaged-{stamp}{path.suffix}")
    moves = [(path, aside)] + [
        (Path(f"{path}{suffix}"), Path(f"{aside}{suffix}")) for suffix in SIDE_FILES
    ]
    moved: list[tuple[Path, Path]] = []
    try:
        for source, target in moves:
            if source.exists():
                os.replace(source, target)
                moved.append((source, target))
        os.replace(incoming, path)
    except OSError:
        for source, target in reversed(moved):
            os.replace(target, source)
        incoming.unlink(missing_ok=True)
        raise
    when = backup_time(backup)
    if aside.exists():
        return QCoreApplication.translate(
            "Startup",
            "The backup of {0} was restored. The file that could not be opened is kept, "
            "unchanged, as {1}.",
        ).format(when, aside.name)
    return QCoreApplication.translate("Startup", "The backup of {0} was restored.").format(when)


class BackupPolicy(Protocol):
    """How many daily backups to keep: the settings, or the value read from them."""

    @property
    def backups_to_keep(self) -> int: ...


def daily_backup(opened: Opened, settings: BackupPolicy) -> Path | None:
    """Today's backup, once a day; a failure is noted, never in the way of her work."""
    if opened.readonly:
        return None
    try:
        return rotate_backups(opened.database, keep=settings.backups_to_keep)
    except (PrachumError, OSError, sqlite3.Error) as error:
        log.warning("daily backup failed: %s", error)
        opened.notes.append(
            QCoreApplication.translate(
                "Startup", "Today's backup could not be written ({0}). Your work is saved as usual."
            ).format(error.message() if isinstance(error, PrachumError) else error)
        )
        return None


def backup_time(backup: Path) -> str:
    """When a backup was made, as she reads dates: 5 มี.ค. 2567 09.30 น."""
    moment = datetime.fromtimestamp(backup.stat().st_mtime)
    return f"{format_thai_date_short(moment.date())} {format_thai_time(moment.time())}"


# --- the questions, as message boxes ---------------------------------------------------------


def in_use_box(
    path: Path, pid: int, parent: QWidget | None = None
) -> tuple[QMessageBox, dict[QAbstractButton, str]]:
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("Startup", "The database is already open"),
        "",
        parent=parent,
    )
    box.setText(
        QCoreApplication.translate(
            "Startup",
            "{0} is already open in another Prachum window (PID {1}).\n\n"
            "Open it here read-only to look things up, or quit and work in the other window.",
        ).format(path.name, pid)
    )
    read_only = box.addButton(
        QCoreApplication.translate("Startup", "Open &read-only"), QMessageBox.ButtonRole.AcceptRole
    )
    leave = box.addButton(
        QCoreApplication.translate("Startup", "&Quit"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(leave)
    return box, {read_only: READ_ONLY, leave: QUIT}


def problem_box(
    path: Path,
    error: PrachumError,
    backup: Path | None,
    language: str = "th",
    parent: QWidget | None = None,
) -> tuple[QMessageBox, dict[QAbstractButton, str]]:
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("Startup", "The database cannot be opened"),
        "",
        parent=parent,
    )
    if backup is not None:
        offer = QCoreApplication.translate(
            "Startup",
            "The latest backup is from {0}. Restoring it keeps this file aside, unchanged.",
        ).format(backup_time(backup))
    else:
        offer = QCoreApplication.translate(
            "Startup", "There is no backup of this database in {0}."
        ).format(path.parent / "backups")
    box.setText(
        error.message(language)
        + "\n\n"
        + offer
        + "\n"
        + QCoreApplication.translate("Startup", "Prachum has not changed the file {0}.").format(
            path
        )
    )
    answers: dict[QAbstractButton, str] = {}
    if backup is not None:
        restore = box.addButton(
            QCoreApplication.translate("Startup", "Restore the &latest backup"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        answers[restore] = RESTORE
    other = box.addButton(
        QCoreApplication.translate("Startup", "Open &another file…"),
        QMessageBox.ButtonRole.ActionRole,
    )
    leave = box.addButton(
        QCoreApplication.translate("Startup", "&Quit"), QMessageBox.ButtonRole.RejectRole
    )
    answers.update({other: OTHER_FILE, leave: QUIT})
    box.setDefaultButton(leave)
    return box, answers


def server_refused_box(
    name: str,
    error: PrachumError,
    local: Path,
    language: str = "th",
    parent: QWidget | None = None,
) -> tuple[QMessageBox, dict[QAbstractButton, str]]:
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("Startup", "The shared database cannot be opened"),
        "",
        parent=parent,
    )
    box.setText(
        error.message(language)
        + "\n\n"
        + QCoreApplication.translate(
            "Startup", "You can work in your own file on this computer ({0}) meanwhile."
        ).format(local.name)
    )
    local_button = box.addButton(
        QCoreApplication.translate("Startup", "Open &my file on this computer"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    leave = box.addButton(
        QCoreApplication.translate("Startup", "&Quit"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(local_button)
    return box, {local_button: LOCAL_FILE, leave: QUIT}


def shared_file_box(
    path: Path, error: PrachumError, language: str = "th", parent: QWidget | None = None
) -> tuple[QMessageBox, dict[QAbstractButton, str]]:
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("Startup", "The database is on a network share"),
        "",
        parent=parent,
    )
    box.setText(error.message(language))
    action, reject = QMessageBox.ButtonRole.ActionRole, QMessageBox.ButtonRole.RejectRole
    read_only = box.addButton(QCoreApplication.translate("Startup", "Open &read-only"), action)
    copy_here = box.addButton(
        QCoreApplication.translate("Startup", "&Copy it to this computer"), action
    )
    to_server = box.addButton(
        QCoreApplication.translate("Startup", "&Move it to a shared database…"), action
    )
    leave = box.addButton(QCoreApplication.translate("Startup", "&Quit"), reject)
    box.setDefaultButton(read_only)
    answers: dict[QAbstractButton, str] = {
        read_only: READ_ONLY,
        copy_here: COPY_HERE,
        to_server: TO_SERVER,
        leave: QUIT,
    }
    return box, answers


class AskUser:
    """The start-up questions as message boxes, over the window's frame when there is one."""

    def __init__(self, language: str = "th", parent: QWidget | None = None):
        self.language = language
        self.parent = parent

    def _ask(self, made: tuple[QMessageBox, dict[QAbstractButton, str]]) -> str:
        box, answers = made
        box.exec()
        return answers.get(box.clickedButton(), QUIT)

    def in_use(self, path: Path, pid: int) -> str:
        return self._ask(in_use_box(path, pid, self.parent))

    def problem(self, path: Path, error: PrachumError, backup: Path | None) -> str:
        return self._ask(problem_box(path, error, backup, self.language, self.parent))

    def other_file(self, folder: Path) -> Path | None:
        # The database's own folder may be what is missing: start where something is.
        folder = next((f for f in (folder, *folder.parents) if f.is_dir()), Path.home())
        name, _filter = QFileDialog.getOpenFileName(
            self.parent,
            QCoreApplication.translate("Startup", "Open a Prachum database"),
            str(folder),
            QCoreApplication.translate("Startup", "Prachum database (*.db);;All files (*)"),
        )
        return Path(name) if name else None

    def server_refused(self, name: str, error: PrachumError, local: Path) -> str:
        return self._ask(server_refused_box(name, error, local, self.language, self.parent))

    def shared_file(self, path: Path, error: PrachumError) -> str:
        return self._ask(shared_file_box(path, error, self.language, self.parent))

    def server_address(self) -> ServerAddress | None:
        from desktop.ui.base.settings import AppSettings
        from desktop.ui.shell.shared_database import ConnectDialog

        dialog = ConnectDialog(AppSettings(), self.parent)
        chosen: list[ServerAddress] = []
        dialog.chosen.connect(chosen.append)
        dialog.exec()  # a question at start-up, before there is anything else to use
        return chosen[0] if chosen else None

    def failed(self, error: PrachumError) -> None:
        QMessageBox.critical(
            self.parent,
            QCoreApplication.translate("Startup", "The database cannot be opened"),
            error.message(self.language),
        )
