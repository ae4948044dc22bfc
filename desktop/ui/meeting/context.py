"""The open meeting, once for every page: which it is, its status, whether she may change it.

The details, attendance and agenda pages read it here instead of each keeping its own
copy of the meeting's id and working out on its own whether the meeting can be edited
(a draft, in a database this copy may write). The meeting page sets it when a meeting is
opened, and its status again when a stored change (finalised, reopened, by her or on
another computer) touched the meeting's details.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desktop.core.codes import MeetingStatus
from desktop.ui.base.store import Store


def may_edit(status: str | None, read_only: bool) -> bool:
    """A meeting can be changed while it is a draft, in a database this copy may write."""
    return status == MeetingStatus.DRAFT and not read_only


class MeetingContext(QObject):
    status_changed = Signal()
    """The open meeting was finalised or reopened: what may be typed into changes."""

    def __init__(self, store: Store, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self.meeting_id: int | None = None
        self.status: str | None = None

    @property
    def editable(self) -> bool:
        return self.meeting_id is not None and may_edit(self.status, self.store.database.readonly)

    def open(self, meeting_id: int, status: str) -> None:
        self.meeting_id, self.status = meeting_id, status

    def close(self) -> None:
        self.meeting_id, self.status = None, None

    def set_status(self, status: str) -> None:
        if self.meeting_id is not None and status != self.status:
            self.status = status
            self.status_changed.emit()
