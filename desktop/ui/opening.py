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

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from desktop.ui.worker import run_in_background

if TYPE_CHECKING:
    from desktop.ui.startup import Choices, Opened

# What the window's attach() loads; imported on the worker while the file is checked,
# so that the UI thread only builds widgets. Importing is safe off the UI thread (no
# QObject is made at import time); it only saves time, nothing depends on it.
PAGE_MODULES = (
    "desktop.ui.first_steps",
    "desktop.ui.minutes_tools",
    "desktop.ui.navigator",
    "desktop.ui.pages.meeting",
    "desktop.ui.pages.roster",
    "desktop.ui.pages.welcome",
    "desktop.ui.roster_cache",
    "desktop.ui.backup_actions",
)


def open_for_writing_on_worker(path: Path | None, preload: bool) -> Opened:
    """The work of one attempt: the default file when `path` is None."""
    import importlib

    from desktop.core.db import default_db_path
    from desktop.ui.startup import open_for_writing

    opened = open_for_writing(path if path is not None else default_db_path())
    if preload:
        for name in PAGE_MODULES:
            importlib.import_module(name)
    return opened


class Opening(QObject):
    """One start-up's way to an open database: `opened(Opened)` or `abandoned()`."""

    opened = Signal(object)
    abandoned = Signal()

    def __init__(
        self,
        path: Path | None,
        language: str,
        choices: Choices | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.path = path
        self.language = language
        self.choices = choices
        self.notes: list[str] = []
        self.finished = False
        self.cancelled = False

    def start(self) -> None:
        self._attempt(self.path, preload=True)

    def _attempt(self, path: Path | None, preload: bool = False) -> None:
        run_in_background(
            lambda: open_for_writing_on_worker(path, preload), self._succeeded, self._refused
        )

    def cancel(self) -> None:
        """The app is ending: a file opened after this is closed again, no question asked."""
        self.cancelled = True

    def _succeeded(self, opened: Opened) -> None:
        if self.cancelled:
            opened.close()
            return
        self.path = opened.database.path
        opened.notes[:0] = self.notes
        self.finished = True
        self.opened.emit(opened)

    def _refused(self, error: BaseException) -> None:
        from desktop.core.db import default_db_path
        from desktop.ui.startup import AskUser, Opened, after_refusal

        if self.cancelled:
            return
        if self.choices is None:
            parent = self.parent()
            self.choices = AskUser(self.language, parent if isinstance(parent, QWidget) else None)
        path = self.path if self.path is not None else default_db_path()
        step = after_refusal(path, error, self.choices, self.notes)
        if isinstance(step, Opened):
            self._succeeded(step)
        elif isinstance(step, Path):
            self.path = step
            self._attempt(step)
        else:
            self.finished = True
            self.abandoned.emit()
