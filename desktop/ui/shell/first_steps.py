"""Bringing meetings into the database from outside: a meeting file, or the demo data.

Both are ways on from the welcome page (and the File menu). The demo is written on a
worker thread with a session of its own, so the window stays responsive meanwhile.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.core.errors import PrachumError
from desktop.ui.base.settings import AppSettings
from desktop.ui.base.store import MEETINGS, NETWORKS, Store
from desktop.ui.base.worker import run_in_background


class FirstSteps(QObject):
    meeting_imported = Signal(int)
    demo_started = Signal()
    demo_ready = Signal(int)
    """The demo network's id; `demo_failed` (no argument) when it could not be made."""
    demo_failed = Signal()

    def __init__(self, store: Store, settings: AppSettings, window: QWidget):
        super().__init__(window)
        self.store = store
        self.settings = settings
        self.window = window

    def import_meeting_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Import a meeting file"),
            self.settings.last_folder("import"),
            self.tr("Meeting files (*.meeting.json *.json)"),
        )
        if not path:
            return
        self.settings.set_last_folder("import", Path(path).parent)
        try:
            from desktop.core.meeting_file import import_meeting_file
        except ImportError:
            QMessageBox.warning(
                self.window,
                self.tr("Cannot do that"),
                self.tr("Importing meeting files is not available yet."),
            )
            return
        meeting_id = self.store.change(
            lambda s: import_meeting_file(s, Path(path)).id, topic=MEETINGS, parent=self.window
        )
        if meeting_id is not None:
            # The file may have brought a network and people too.
            self.store.changed.emit(NETWORKS, None)
            self.meeting_imported.emit(int(meeting_id))

    def open_demo(self) -> None:
        """Fill the database with the demo network, off the UI thread."""
        try:
            from desktop.core.demo import fill_demo
        except ImportError:
            QMessageBox.warning(
                self.window, self.tr("Cannot do that"), self.tr("The demo data is not available.")
            )
            return
        database = self.store.database

        def fill() -> int:
            with database.session() as session:
                return fill_demo(session).id

        self.demo_started.emit()
        run_in_background(fill, self._ready, self._failed)

    def _ready(self, network_id: int) -> None:
        # Written by a session of its own: tell every view, as a change would.
        self.store.changed.emit(NETWORKS, network_id)
        self.store.saved.emit()
        self.demo_ready.emit(network_id)

    def _failed(self, error: BaseException) -> None:
        self.demo_failed.emit()
        if isinstance(error, PrachumError):
            self.store.reporter.show_problem(self.window, error)
            return
        raise error
