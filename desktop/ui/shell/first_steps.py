"""Bringing meetings into the database from outside: a meeting file, or the demo data.

Both are ways on from the welcome page (and the File menu). The demo is written on a
worker thread with a session of its own, so the window stays responsive meanwhile.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.ui.base.settings import AppSettings
from desktop.ui.base.store import Store


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
            from desktop.core.operations.meeting_file import import_meeting_file
        except ImportError:
            QMessageBox.warning(
                self.window,
                self.tr("Cannot do that"),
                self.tr("Importing meeting files is not available yet."),
            )
            return
        # The network and people it may bring are told to their views by the change.
        imported = self.store.change(
            lambda s: import_meeting_file(s, Path(path)).id, parent=self.window
        )
        if imported is not None:
            self.meeting_imported.emit(imported.value)

    def open_demo(self) -> None:
        """Fill the database with the demo network, off the UI thread."""
        try:
            from desktop.core.operations.demo import fill_demo
        except ImportError:
            QMessageBox.warning(
                self.window, self.tr("Cannot do that"), self.tr("The demo data is not available.")
            )
            return
        self.demo_started.emit()
        self.store.change_in_background(
            lambda session: fill_demo(session).id,
            self.demo_ready.emit,
            lambda _error: self.demo_failed.emit(),
            parent=self.window,
        )
