"""The attendance table: who is expected, who came, why not, who acts for whom, when,
in what capacity and how their identity was checked; rows are dragged into her order."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from desktop.core.codes import AttendanceStatus
from desktop.core.services.attendance import (
    CHAIR_CAPACITY,
    AttendanceCounts,
    count_attendance,
)
from desktop.core.services.views import AttendanceRow
from desktop.core.thai import format_thai_time
from desktop.ui.base import i18n
from desktop.ui.base.text_match import search_key

NAME, POSITION, ORGANIZATION, GROUP, STATUS, REASON, ACTING_AS, JOINED, LEFT = range(9)
CAPACITY, IDENTITY = 9, 10
ROW_MIME = "application/x-prachum-attendance-row"
ID_ROLE = Qt.ItemDataRole.UserRole
CODE_ROLE = Qt.ItemDataRole.UserRole + 1
"""The stored value of a cell (an enum code, a time) rather than its words."""

# The field of services.update_attendance that each editable column changes. The status
# is not edited in a cell: Space or a click toggles it (see pages.attendance).
FIELDS = {
    # The meeting's own copy of the person (as she was then): edited here, the person
    # in the roster stays as she is; an acting office typed into the position moves on.
    NAME: "name",
    POSITION: "position",
    ORGANIZATION: "organization_name",
    GROUP: "group",
    REASON: "absence_reason",
    ACTING_AS: "acting_as",
    JOINED: "joined",
    LEFT: "left",
    CAPACITY: "capacity",
    IDENTITY: "identity",
}
CHAIR_TEXT = QColor(110, 110, 110)
ABSENT_BACKGROUND = QColor(253, 236, 234)
ABSENT_TEXT = QColor(176, 42, 30)
PRESENT_TEXT = QColor(22, 120, 60)

Index = QModelIndex | QPersistentModelIndex
Editor = Callable[[int, str, Any], bool]
Mover = Callable[[int, int], bool]
"""Move the line with this id by so many rows (negative: up)."""


def _headers() -> list[str]:
    return [
        QCoreApplication.translate("AttendanceModel", "Name"),
        QCoreApplication.translate("AttendanceModel", "Position"),
        QCoreApplication.translate("AttendanceModel", "Organisation"),
        QCoreApplication.translate("AttendanceModel", "Group"),
        QCoreApplication.translate("AttendanceModel", "Status"),
        QCoreApplication.translate("AttendanceModel", "Reason"),
        QCoreApplication.translate("AttendanceModel", "Acting as"),
        QCoreApplication.translate("AttendanceModel", "Joined"),
        QCoreApplication.translate("AttendanceModel", "Left"),
        QCoreApplication.translate("AttendanceModel", "Capacity"),
        QCoreApplication.translate("AttendanceModel", "Identity checked by"),
    ]


def identity_labels() -> dict[str, str]:
    """How identity was checked, in the window's language (the codes of IDENTITY_CHECKS)."""
    return {
        "camera": QCoreApplication.translate("AttendanceModel", "Camera"),
        "otp": QCoreApplication.translate("AttendanceModel", "One-time code (OTP)"),
        "known": QCoreApplication.translate("AttendanceModel", "Known to the meeting"),
        "signature": QCoreApplication.translate("AttendanceModel", "Signed the sheet"),
    }


def _chair_style(role: int) -> Any:
    """The chair's capacity while it is only the default: grey and italic."""
    if role == Qt.ItemDataRole.ForegroundRole:
        return CHAIR_TEXT
    if role == Qt.ItemDataRole.FontRole:
        font = QFont()
        font.setItalic(True)
        return font
    return None


class AttendanceTableModel(QAbstractTableModel):
    """One line per expected person; edits go to `editor(attendance_id, field, value)`."""

    def __init__(self, editor: Editor | None = None, parent=None):
        super().__init__(parent)
        self._rows: list[AttendanceRow] = []
        self._keys: list[str] = []
        self._editor = editor
        self._headers = _headers()
        self._groups = i18n.attendance_groups()
        self._statuses = i18n.attendance_statuses()
        self._identities = identity_labels()
        self.editable = True
        self.chair_person_id: int | None = None
        """The meeting's chair: her capacity reads ประธาน until another is set."""
        self.mover: Mover | None = None

    # --- rows ---------------------------------------------------------------------------

    def set_rows(self, rows: list[AttendanceRow]) -> None:
        """Show these rows; the same people in the same order keep selection and scroll."""
        rows = list(rows)
        if [r.id for r in rows] == [r.id for r in self._rows]:
            self._rows = rows
            if rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, LEFT))
            return
        self.beginResetModel()
        self._rows = rows
        self._keys = [search_key(r.name, r.position, r.organization_name) for r in rows]
        self.endResetModel()

    def row(self, row: int) -> AttendanceRow:
        return self._rows[row]

    def rows(self) -> list[AttendanceRow]:
        return list(self._rows)

    def row_of_person(self, person_id: int) -> int:
        for row, line in enumerate(self._rows):
            if line.person_id == person_id:
                return row
        return -1

    def search_keys(self) -> list[str]:
        return self._keys

    def counts(self) -> AttendanceCounts:
        """Members present and absent, participants present, as the services count them."""
        return count_attendance(self._rows)

    # --- Qt -------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and orientation == Qt.Orientation.Horizontal
            and section in (NAME, POSITION, ORGANIZATION)
        ):
            return QCoreApplication.translate(
                "AttendanceModel",
                "This meeting keeps its own copy of each person as she was at the meeting. "
                "Double-click (or F2) to correct it here; the roster is not changed.",
            )
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return str(section + 1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(line, column, role == Qt.ItemDataRole.EditRole)
        if role == CODE_ROLE:
            return {GROUP: line.group, STATUS: line.status, IDENTITY: line.identity}.get(column)
        if role == ID_ROLE:
            return line.id
        if role == Qt.ItemDataRole.BackgroundRole and line.status == AttendanceStatus.ABSENT:
            return ABSENT_BACKGROUND
        if role == Qt.ItemDataRole.ForegroundRole and column == STATUS:
            return PRESENT_TEXT if line.status == AttendanceStatus.PRESENT else ABSENT_TEXT
        if column == CAPACITY and self._chair_default(line):
            return _chair_style(role)
        if role == Qt.ItemDataRole.ToolTipRole and column == NAME:
            return QCoreApplication.translate(
                "AttendanceModel", "Space: present / absent. Type a name to find someone."
            )
        return None

    def _text(self, line: AttendanceRow, column: int, editing: bool) -> str:  # noqa: C901 (one branch per column)
        if column == NAME:
            return line.name
        if column == POSITION:
            return line.position or ""
        if column == ORGANIZATION:
            return line.organization_name or ""
        if column == GROUP:
            return line.group if editing else self._groups.get(line.group, line.group)
        if column == STATUS:
            if editing:
                return line.status
            mark = "✓" if line.status == AttendanceStatus.PRESENT else "✗"
            return f"{mark} {self._statuses.get(line.status, line.status)}"
        if column == REASON:
            return line.absence_reason or ""
        if column == ACTING_AS:
            return line.acting_as or ""
        if column == JOINED:
            return format_thai_time(line.joined, suffix=False)
        if column == LEFT:
            return format_thai_time(line.left, suffix=False)
        if column == CAPACITY:
            if editing:
                return line.capacity or ""
            return CHAIR_CAPACITY if self._chair_default(line) else line.capacity or ""
        if column == IDENTITY:
            if editing:
                return line.identity or ""
            return self._identities.get(line.identity or "", "")
        return ""

    def _chair_default(self, line: AttendanceRow) -> bool:
        return not line.capacity and line.person_id == self.chair_person_id

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if not self.editable:
            return flags
        if not index.isValid():
            return flags | Qt.ItemFlag.ItemIsDropEnabled  # between rows: a dragged line
        flags |= Qt.ItemFlag.ItemIsDragEnabled
        if index.column() in FIELDS:
            line = self._rows[index.row()]
            if index.column() != REASON or line.status == AttendanceStatus.ABSENT:
                flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    # --- dragging a line into her order ------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [ROW_MIME]

    def mimeData(self, indexes) -> QMimeData:
        data = QMimeData()
        rows = sorted({index.row() for index in indexes if index.isValid()})
        if rows:
            data.setData(ROW_MIME, QByteArray(str(rows[0]).encode()))
        return data

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        return self.editable and self.mover is not None and data.hasFormat(ROW_MIME)

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        """A line dropped above row `row` (or on a row: above it): one move of the list.

        The list is shown again from the database after the move, so no rows are moved
        here; False tells the view not to remove the dragged row itself.
        """
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        source = int(bytes(data.data(ROW_MIME).data()).decode() or -1)
        if not 0 <= source < len(self._rows):
            return False
        target = row if row >= 0 else parent.row() if parent.isValid() else len(self._rows)
        offset = target - source - (1 if target > source else 0)
        if offset and self.mover is not None:
            self.mover(self._rows[source].id, offset)
        return False

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self._editor is None:
            return False
        field = FIELDS.get(index.column())
        if field is None:
            return False
        line = self._rows[index.row()]
        if value == self._text(line, index.column(), True):
            return False
        return self._editor(line.id, field, value if value != "" else None)
