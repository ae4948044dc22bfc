"""Opening the database with the window already on screen.

Locking, checking (PRAGMA integrity_check reads every page: a second or more for years
of meetings on a cold disk) and upgrading the file run on a worker, and so does loading
SQLAlchemy and the pages' modules; the window paints at once and stays responsive.
A refusal (another copy holds the file; it is damaged, foreign or newer) is put to her
on the UI thread, over the window, and her answer leads to another attempt, to a
read-only copy, or to quitting: the steps of `startup`, in order.

This module is on the start-up path before the first paint: it imports nothing heavy
at the top.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from desktop.ui.base.worker import run_in_background

if TYPE_CHECKING:
    from desktop.core.server import ServerAddress
    from desktop.ui.shell.startup import Choices, CopyHere, Opened, Restore, Step, ToServer

log = logging.getLogger(__name__)

# What the window's attach() and its first listing load; imported on the worker while
# the file is checked, so that the UI thread only builds widgets. Importing is safe off
# the UI thread (no QObject is made at import time); it saves time, nothing depends on it.
WINDOW_MODULES = (
    "desktop.ui.shell.first_steps",
    "desktop.ui.shell.minutes_tools",
    "desktop.ui.shell.navigator",
    "desktop.ui.meeting.page",
    "desktop.ui.roster.page",
    "desktop.ui.shell.welcome",
    "desktop.ui.base.roster_cache",
    "desktop.ui.backups.actions",
    "pythainlp.util.normalize",  # the first sort of names (thai.normalize_text)
)


def open_for_writing_on_worker(path: Path | ServerAddress | None, preload: bool) -> Opened:
    """The work of one attempt: the default file when `path` is None."""
    from concurrent.futures import ThreadPoolExecutor

    from desktop.core.db_file import check_file, default_db_path
    from desktop.core.lock import lock_for_writing
    from desktop.core.network_share import refuse_if_shared

    if path is not None and not isinstance(path, Path):
        # A server's database: no lock file and no file check, the server sees to both.
        from desktop.core.db import open_database
        from desktop.ui.base.passwords import with_remembered_password
        from desktop.ui.shell.startup import Opened

        if preload:
            _preload_window_modules()
        opened = Opened(open_database(with_remembered_password(path)), None)
        if opened.database.notice is not None:
            opened.notes.append(opened.database.notice.message("th"))
        return opened
    path = path if path is not None else default_db_path()
    # A file on a network share gets no lock file there either: it is never written.
    refuse_if_shared(path)
    # The lock first: a file another copy holds is not even read (its question comes first).
    lock = lock_for_writing(path)
    try:
        # PRAGMA integrity_check reads every page in SQLite's own code, which lets go of
        # the interpreter: on a second core it runs while SQLAlchemy and the pages load.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="check") as pool:
            check = pool.submit(check_file, path)
            from desktop.ui.shell.startup import open_for_writing

            if preload:
                _preload_window_modules()
            return open_for_writing(path, lock=lock, checked=check.result)
    except BaseException:
        lock.release()  # already let go when open_for_writing failed; releasing is idempotent
        raise


def _preload_window_modules() -> None:
    import importlib

    from desktop.core.thai import keep_pythainlp_data_with_ours

    keep_pythainlp_data_with_ours()  # before pythainlp is imported: no folder in her home
    for name in WINDOW_MODULES:
        try:
            importlib.import_module(name)
        except Exception:  # attach() imports it again, and says what is wrong
            log.warning("could not preload %s", name, exc_info=True)


class RestoreFailed(Exception):
    """A restore did not happen (the file is as it was); `cause` says why."""

    def __init__(self, cause: BaseException):
        super().__init__(str(cause))
        self.cause = cause


class Opening(QObject):
    """One start-up's way to an open database: `opened(Opened)` or `abandoned()`.

    Exactly one of the two is emitted, unless the app ends first (`cancel`, then
    `close_undelivered` once the worker is done).
    """

    opened = Signal(object)
    abandoned = Signal()

    def __init__(
        self,
        path: Path | ServerAddress | None,
        language: str,
        choices: Choices | None = None,
        parent: QWidget | None = None,
        home: Path | None = None,
    ):
        super().__init__(parent)
        self.path = path
        self.home = home
        """Her own file on this PC: what a server that cannot be reached offers instead."""
        self.language = language
        self.choices = choices
        self.notes: list[str] = []
        self.failed_backups: set[Path] = set()
        self.finished = False
        self.cancelled = False
        self._undelivered: Opened | None = None

    def start(self) -> None:
        self._attempt(self.path, preload=True)

    def _attempt(self, path: Path | ServerAddress | None, preload: bool = True) -> None:
        self._run(lambda: open_for_writing_on_worker(path, preload), self._refused)

    def _run(self, opening: Callable[[], Opened], refused: Callable[[BaseException], None]):
        def work() -> Opened:
            opened = opening()
            self._undelivered = opened  # until _succeeded has it on the UI thread
            return opened

        run_in_background(work, self._succeeded, refused)

    def cancel(self) -> None:
        """The app is ending: a file opened after this is closed again, no question asked."""
        self.cancelled = True

    def close_undelivered(self) -> None:
        """After the worker is done: close a file it opened that never reached the window."""
        if self._undelivered is not None:
            self._undelivered.close()
            self._undelivered = None

    def _succeeded(self, opened: Opened) -> None:
        self._undelivered = None
        if self.cancelled:
            opened.close()
            return
        self.path = opened.database.path or opened.database.address
        opened.notes[:0] = self.notes
        self.finished = True
        self.opened.emit(opened)

    def _refused(self, error: BaseException) -> None:
        if self.cancelled:
            return
        from desktop.core.server import ServerAddress
        from desktop.ui.shell.startup import CopyHere, ReadOnly, Restore, ToServer, open_read_only

        try:
            step = self._answer(error)
        except Exception as fault:  # a fault of ours: said, then quit; never left waiting
            from desktop.core.errors import as_database_problem

            step = None
            log.error("opening %s failed", self.path, exc_info=fault)
            self._choices().failed(as_database_problem(fault))
        if isinstance(step, Path | ServerAddress):
            self.path = step
            self._attempt(step)
        elif isinstance(step, CopyHere | ToServer):
            self._copy(step)
        elif isinstance(step, ReadOnly):
            self._run(lambda: open_read_only(step.path), self._read_only_refused)
        elif isinstance(step, Restore):
            self._restore(step)
        else:
            self._give_up()

    def _restore(self, step: Restore) -> None:
        """Under the lock: the backup in place of the file (moved aside, whole), then the
        file opened. A backup that is itself refused is not offered again."""

        def work() -> Opened:
            from desktop.core.lock import lock_for_writing
            from desktop.ui.shell.startup import open_for_writing, restore_over

            lock = lock_for_writing(step.path)
            try:
                note = restore_over(step.backup, step.path)
            except BaseException as error:
                lock.release()
                raise RestoreFailed(error) from error
            self.notes.append(note)  # told once the window is up, even if opening fails
            return open_for_writing(step.path, lock=lock)

        self._run(work, lambda error: self._restore_failed(step, error))

    def _copy(self, step: CopyHere | ToServer) -> None:
        """A file on a network share copied (read only) into a file here or onto a server;
        the copy is opened, the file on the share is left as it was."""
        from desktop.ui.shell.startup import CopyHere

        target = step.target if isinstance(step, CopyHere) else step.address

        def work() -> Opened:
            from PySide6.QtCore import QCoreApplication

            from desktop.core.operations.copying import copy_database_to

            copy_database_to(step.source, target)
            self.notes.append(
                QCoreApplication.translate(
                    "Startup", "{0} was copied to {1}; the file on the share is unchanged."
                ).format(step.source.name, target.name)
            )
            return open_for_writing_on_worker(target, preload=False)

        def copy_failed(error: BaseException) -> None:
            from desktop.core.errors import as_database_problem

            if self.cancelled:
                return
            self._choices().failed(as_database_problem(error))
            self._attempt(step.source)  # asked again what to do with the shared file

        self._run(work, copy_failed)

    def _restore_failed(self, step: Restore, error: BaseException) -> None:
        from desktop.core.errors import as_database_problem
        from desktop.core.operations.backups import BackupRefused

        if self.cancelled:
            return
        if not isinstance(error, RestoreFailed):
            self._refused(error)  # restored, but the file still cannot be opened
            return
        if isinstance(error.cause, BackupRefused):
            self.failed_backups.add(step.backup)  # the next question offers an older one
        self._choices().failed(as_database_problem(error.cause))
        if step.path.exists():
            self._attempt(step.path)  # asked again, with what is left to offer
        else:  # never make a new, empty database in its place without a word
            self._give_up()

    def _read_only_refused(self, error: BaseException) -> None:
        from desktop.core.errors import as_database_problem

        if self.cancelled:
            return
        self._choices().failed(as_database_problem(error))
        self._give_up()

    def _give_up(self) -> None:
        self.finished = True
        self.abandoned.emit()

    def _answer(self, error: BaseException) -> Step:
        from desktop.core.db_file import default_db_path
        from desktop.ui.shell.startup import after_refusal

        path = self.path if self.path is not None else default_db_path()
        return after_refusal(path, error, self._choices(), self.failed_backups, self.home)

    def _choices(self) -> Choices:
        if self.choices is None:
            from desktop.ui.shell.startup import AskUser

            parent = self.parent()
            self.choices = AskUser(self.language, parent if isinstance(parent, QWidget) else None)
        return self.choices
