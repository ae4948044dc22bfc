"""Finalising the minutes (every field read-only) and reopening them, each asked first.

Finalising first lists what is probably wrong (services.checks, as `check ID` prints
it); a click on a line goes to its place, "Finalise anyway" finalises as it is.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.core import services
from desktop.core.codes import MeetingStatus
from desktop.core.services.checks import Finding, meeting_checks
from desktop.core.services.views import meeting_details
from desktop.ui.base.autosave import flush_pending
from desktop.ui.base.store import Store
from desktop.ui.meeting.checks import ChecksDialog

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
        *,
        go_to: Callable[[Finding], None] | None = None,
        language: Callable[[], str] = lambda: "th",
    ):
        super().__init__(window)
        self.store = store
        self.window = window
        self.meeting_id = meeting_id
        self.reload = reload
        self.go_to = go_to
        self.language = language
        self.checks_dialog: ChecksDialog | None = None

    def finalise(self) -> bool:
        meeting_id = self.meeting_id()
        if meeting_id is None:
            return False
        flush_pending()
        findings = self.store.read(lambda s: meeting_checks(s, meeting_id))
        if findings:
            return self._finalise_despite(meeting_id, findings)
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

    def _finalise_despite(self, meeting_id: int, findings: list[Finding]) -> bool:
        """Show what is probably wrong; "Finalise anyway" finalises. Not a modal loop: she
        may leave it open beside the window while she fixes things."""
        if self.checks_dialog is not None:
            self.checks_dialog.close()
        dialog = ChecksDialog(findings, self.language(), self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if self.go_to is not None:
            dialog.go_to.connect(self.go_to)
        dialog.accepted.connect(lambda: self._change_status(services.finalise_meeting, meeting_id))
        dialog.destroyed.connect(self._dialog_gone)
        self.checks_dialog = dialog
        dialog.open()
        return False

    def _dialog_gone(self, *_args) -> None:
        self.checks_dialog = None

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
        done = self.store.change(lambda s: change(s, meeting_id), parent=self.window)
        if done:
            self.reload(meeting_id)
        return bool(done)
