"""The preview pane: the minutes as they will print, refreshed as she types.

A refresh waits for a short pause in the typing, reads the meeting on a worker thread
(with the text not yet stored laid over it), and patches only the paragraphs that
changed: the window never waits for a 300-name meeting to be read and laid out again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel, QTextEdit, QVBoxLayout, QWidget

from desktop.core.changes import Changes
from desktop.core.errors import PrachumError
from desktop.exports.preview_source import PreviewContent, preview_content
from desktop.ui.base.store import Store
from desktop.ui.base.worker import run_in_background
from desktop.ui.meeting.preview.render import MinutesDocument

PAUSE_MS = 300
LONGEST_WAIT_MS = 1000
"""Typing without a pause still shows in the preview this often."""

Typed = Callable[[], dict[int, dict[str, Any]]]


class MinutesPreview(QWidget):
    refreshed = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.meeting_id: int | None = None
        self.typed: Typed = dict
        self.content: PreviewContent | None = None
        self._serial = 0
        self._running = False
        self._again = False
        self._item_wanted: int | None = None

        self.caption = QLabel(self.tr("Minutes preview"), self)
        font = self.caption.font()
        font.setBold(True)
        self.caption.setFont(font)
        self.document = QTextDocument(self)
        self.minutes = MinutesDocument(self.document)
        self.view = QTextEdit(self)
        self.view.setReadOnly(True)
        self.view.setDocument(self.document)
        self.view.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.view.setStyleSheet("QTextEdit { background: white; color: black; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.view, 1)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PAUSE_MS)
        self.timer.timeout.connect(self._start)
        self.deadline = QTimer(self)
        self.deadline.setSingleShot(True)
        self.deadline.setInterval(LONGEST_WAIT_MS)
        self.deadline.timeout.connect(self._start)
        store.committed.connect(self._store_committed)

    def set_meeting(self, meeting_id: int | None) -> None:
        if meeting_id != self.meeting_id:
            self.meeting_id = meeting_id
            self.content = None
            self.minutes.show([])
        self.refresh_soon()

    def refresh_soon(self) -> None:
        """After the next pause (each call restarts the wait: typing never waits)."""
        if self.meeting_id is not None:
            self.timer.start()
            if not self.deadline.isActive():
                self.deadline.start()

    def _store_committed(self, changes: Changes) -> None:
        # The minutes show all of the meeting, and names, offices and our letterhead.
        if changes.touches_meeting(self.meeting_id) or changes.touches_roster() or changes.settings:
            self.refresh_soon()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.refresh_soon()

    def _start(self) -> None:
        self.timer.stop()
        self.deadline.stop()
        if self.meeting_id is None or not self.isVisible():
            return
        if self._running:
            self._again = True
            return
        self._running = True
        self._serial += 1
        serial, meeting_id, typed = self._serial, self.meeting_id, self.typed()
        database = self.store.database

        def read() -> PreviewContent:
            with database.session() as session:
                return preview_content(session, meeting_id, typed)

        run_in_background(
            read,
            lambda content: self._finished(serial, meeting_id, content),
            self._failed,
        )

    def _finished(self, serial: int, meeting_id: int, content: PreviewContent) -> None:
        self._running = False
        if serial == self._serial and meeting_id == self.meeting_id:
            self.content = content
            self.minutes.show(content.blocks)
            if self._item_wanted is not None:
                self.show_item(self._item_wanted)
            self.refreshed.emit()
        if self._again:
            self._again = False
            self._start()

    def _failed(self, error: BaseException) -> None:
        self._running = False
        if not isinstance(error, PrachumError):  # a meeting deleted meanwhile is no fault
            raise error

    def show_item(self, item_id: int | None) -> None:
        """Scroll so that the item's title is at the top of the pane."""
        self._item_wanted = item_id
        if self.content is None or item_id not in self.content.item_blocks:
            return
        top = self.minutes.block_top(self.content.item_blocks[item_id])
        self.view.verticalScrollBar().setValue(int(top))

    def text(self) -> str:
        return self.document.toPlainText()
