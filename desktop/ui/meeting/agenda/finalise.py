"""Finalising the minutes (every field read-only) and reopening them, each asked first."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.core import services
from desktop.core.codes import MeetingStatus
from desktop.core.services.views import meeting_details
from desktop.ui.base.autosave import flush_pending
from desktop.ui.base.store import MEETING, Store

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


class Finalising(QObject):
    """`meeting_id()` says which meeting is open; `reload(id)` shows it again after."""

    def __init__(
        self,
        store: Store,
        window: QWidget,
        meeting_id: Callable[[], int | None],
        reload: Callable[[int], None],
    ):
        super().__init__(window)
        self.store = store
        self.window = window
        self.meeting_id = meeting_id
        self.reload = reload

    def finalise(self) -> bool:
        meeting_id = self.meeting_id()
        if meeting_id is None:
            return False
        flush_pending()
        answer = QMessageBox.question(
            self.window,
            self.tr("Finalise the minutes"),
            self.tr(
                "Finalise these minutes? Every field becomes read-only until they are "
                "reopened (Meeting menu). Actions can still be ticked off as done."
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return self._change_status(services.finalise_meeting, meeting_id)

    def reopen(self) -> bool:
        meeting_id = self.meeting_id()
        if meeting_id is None:
            return False
        details = self.store.read(lambda s: meeting_details(s, meeting_id))
        if details.status == MeetingStatus.DRAFT:
            return False
        text = self.tr(
            "Reopen these minutes for editing? They were final: what is changed now will "
            "differ from copies already sent or signed."
        )
        if details.status == MeetingStatus.CERTIFIED:
            text += "\n\n" + self.tr(
                "They are certified by a later meeting: reopening takes the certification away."
            )
        answer = QMessageBox.question(
            self.window,
            self.tr("Reopen the minutes"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return self._change_status(services.reopen_meeting, meeting_id)

    def _change_status(self, change: Callable[[Session, int], object], meeting_id: int) -> bool:
        done = self.store.change(
            lambda s: change(s, meeting_id), topic=MEETING, subject=meeting_id, parent=self.window
        )
        if done:
            self.reload(meeting_id)
        return bool(done)
