"""The meeting list of the left pane: number, Buddhist Era date and title, newest first."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from desktop.core.codes import MeetingStatus
from desktop.core.services.views import MeetingSummary
from desktop.core.thai import format_meeting_number, format_thai_date_short
from desktop.ui.base import i18n
from desktop.ui.base.table import Column, RowModel

ID_ROLE = Qt.ItemDataRole.UserRole


def heading(meeting: MeetingSummary) -> str:
    """`ครั้งที่ 2/2567 · 14 ก.พ. 2567`, the first line of a meeting in the list."""
    when = format_thai_date_short(meeting.date)
    number = format_meeting_number(meeting.number, meeting.date)
    return f"{number} · {when}" if number else when


def _italic_unless_draft(meeting: MeetingSummary) -> QFont | None:
    """A finalised meeting reads in italics: it is read-only."""
    if meeting.status == MeetingStatus.DRAFT:
        return None
    font = QFont()
    font.setItalic(True)
    return font


def _with_status(meeting: MeetingSummary) -> str:
    status = i18n.meeting_statuses().get(meeting.status, meeting.status)
    return f"{heading(meeting)}\n{meeting.title}\n{status}"


class MeetingListModel(RowModel[MeetingSummary]):
    """Meetings as the list shows them; filtering happens before set_rows."""

    def __init__(self, parent=None):
        listed = Column[MeetingSummary](
            "",
            lambda m: f"{heading(m)}\n{m.title}",
            tooltip=_with_status,
            roles={Qt.ItemDataRole.FontRole: _italic_unless_draft},
        )
        super().__init__(
            [listed], parent, ident=lambda m: m.id, row_roles={ID_ROLE: lambda m: m.id}
        )
