"""The meeting list of the left pane: number, Buddhist Era date and title, newest first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from desktop.core.codes import MeetingStatus
from desktop.core.services.views import MeetingSummary
from desktop.core.thai import format_meeting_number, format_thai_date_short
from desktop.ui.base import i18n

ID_ROLE = Qt.ItemDataRole.UserRole
Index = QModelIndex | QPersistentModelIndex


def heading(meeting: MeetingSummary) -> str:
    """`ครั้งที่ 2/2567 · 14 ก.พ. 2567`, the first line of a meeting in the list."""
    when = format_thai_date_short(meeting.date)
    number = format_meeting_number(meeting.number, meeting.date)
    return f"{number} · {when}" if number else when


class MeetingListModel(QAbstractListModel):
    """Meetings as the list shows them; filtering happens before set_rows."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[MeetingSummary] = []

    def set_rows(self, rows: list[MeetingSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[MeetingSummary]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        meeting = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{heading(meeting)}\n{meeting.title}"
        if role == Qt.ItemDataRole.ToolTipRole:
            status = i18n.meeting_statuses().get(meeting.status, meeting.status)
            return f"{heading(meeting)}\n{meeting.title}\n{status}"
        if role == ID_ROLE:
            return meeting.id
        if role == Qt.ItemDataRole.FontRole and meeting.status != MeetingStatus.DRAFT:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def row_of(self, meeting_id: int | None) -> int:
        """The row of a meeting, or -1 when it is not listed (filtered out, other network)."""
        for row, meeting in enumerate(self._rows):
            if meeting.id == meeting_id:
                return row
        return -1
