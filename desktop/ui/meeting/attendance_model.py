"""The attendance table: who is expected, who came, why not, who acts for whom, when,
in what capacity and how their identity was checked; rows are dragged into her order."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields as dataclass_fields
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
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
from desktop.ui.base.table import Column, RowModel
from desktop.ui.base.text_match import search_key

ROW_FIELDS = frozenset(field.name for field in dataclass_fields(AttendanceRow))

NAME, POSITION, ORGANIZATION, GROUP, STATUS, REASON, ACTING_AS, JOINED, LEFT = range(9)
CAPACITY, IDENTITY = 9, 10
ROW_MIME = "application/x-prachum-attendance-row"
Role = Qt.ItemDataRole
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
Read = Callable[[AttendanceRow], Any]
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


def _italic() -> QFont:
    font = QFont()
    font.setItalic(True)
    return font


def _status_colour(line: AttendanceRow) -> QColor:
    return PRESENT_TEXT if line.status == AttendanceStatus.PRESENT else ABSENT_TEXT


def _absent_background(line: AttendanceRow) -> QColor | None:
    return ABSENT_BACKGROUND if line.status == AttendanceStatus.ABSENT else None


class AttendanceTableModel(RowModel[AttendanceRow]):
    """One line per expected person; edits go to `editor(attendance_id, field, value)`."""

    def __init__(self, editor: Editor | None = None, parent=None):
        super().__init__(
            [],
            parent,
            ident=lambda line: line.id,
            row_roles={ID_ROLE: lambda line: line.id, Role.BackgroundRole: _absent_background},
            numbered=True,
        )
        self._keys: list[str] = []
        self._editor = editor
        self._groups = i18n.attendance_groups()
        self._statuses = i18n.attendance_statuses()
        self._identities = identity_labels()
        self.editable = True
        self.chair_person_id: int | None = None
        """The meeting's chair: her capacity reads ประธาน until another is set."""
        self.mover: Mover | None = None
        self.columns = self._columns()

    def _columns(self) -> list[Column[AttendanceRow]]:
        """Each column's words, its stored value (EditRole) and its code where it has one."""
        headers = _headers()
        copy_tip = QCoreApplication.translate(
            "AttendanceModel",
            "This meeting keeps its own copy of each person as she was at the meeting. "
            "Double-click (or F2) to correct it here; the roster is not changed.",
        )
        find_tip = QCoreApplication.translate(
            "AttendanceModel", "Space: present / absent. Type a name to find someone."
        )

        def column(
            number: int,
            text: Read,
            stored: Read | None = None,
            roles: dict[int, Read] | None = None,
        ) -> Column[AttendanceRow]:
            readers = {int(Role.EditRole): stored or text, **(roles or {})}
            tip = copy_tip if number in (NAME, POSITION, ORGANIZATION) else None
            return Column(headers[number], text, roles=readers, header_tooltip=tip)

        return [
            column(NAME, lambda r: r.name, None, {Role.ToolTipRole: lambda _r: find_tip}),
            column(POSITION, lambda r: r.position or ""),
            column(ORGANIZATION, lambda r: r.organization_name or ""),
            column(
                GROUP,
                lambda r: self._groups.get(r.group, r.group),
                lambda r: r.group,
                {CODE_ROLE: lambda r: r.group},
            ),
            column(
                STATUS,
                self._status_text,
                lambda r: r.status,
                {CODE_ROLE: lambda r: r.status, Role.ForegroundRole: _status_colour},
            ),
            column(REASON, lambda r: r.absence_reason or ""),
            column(ACTING_AS, lambda r: r.acting_as or ""),
            column(JOINED, lambda r: format_thai_time(r.joined, suffix=False)),
            column(LEFT, lambda r: format_thai_time(r.left, suffix=False)),
            column(
                CAPACITY,
                lambda r: CHAIR_CAPACITY if self._chair_default(r) else r.capacity or "",
                lambda r: r.capacity or "",
                # The chair's capacity while it is only the default: grey and italic.
                {
                    Role.ForegroundRole: lambda r: CHAIR_TEXT if self._chair_default(r) else None,
                    Role.FontRole: lambda r: _italic() if self._chair_default(r) else None,
                },
            ),
            column(
                IDENTITY,
                lambda r: self._identities.get(r.identity or "", ""),
                lambda r: r.identity or "",
                {CODE_ROLE: lambda r: r.identity},
            ),
        ]

    def _status_text(self, line: AttendanceRow) -> str:
        mark = "✓" if line.status == AttendanceStatus.PRESENT else "✗"
        return f"{mark} {self._statuses.get(line.status, line.status)}"

    # --- rows ---------------------------------------------------------------------------

    def set_rows(self, rows) -> None:
        """Show these rows; the same people in the same order keep selection and scroll."""
        rows = list(rows)
        if [r.id for r in rows] == [r.id for r in self.rows]:
            self.rows = rows
            if rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, LEFT))
            return
        self._keys = [search_key(r.name, r.position, r.organization_name) for r in rows]
        super().set_rows(rows)

    def show_kept(self, attendance_id: int, fields: dict[str, Any]) -> None:
        """Show a change of one line that is not stored yet (kept for the server)."""
        known = {name: value for name, value in fields.items() if name in ROW_FIELDS}
        if "status" in known and known["status"] == AttendanceStatus.PRESENT:
            known["absence_reason"] = None  # as the service clears it
        row = self.row_of(attendance_id)
        if row >= 0:
            self.rows[row] = replace(self.rows[row], **known)
            self.dataChanged.emit(self.index(row, 0), self.index(row, LEFT))

    def row_of_person(self, person_id: int) -> int:
        for row, line in enumerate(self.rows):
            if line.person_id == person_id:
                return row
        return -1

    def search_keys(self) -> list[str]:
        return self._keys

    def counts(self) -> AttendanceCounts:
        """Members present and absent, participants present, as the services count them."""
        return count_attendance(self.rows)

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
            line = self.rows[index.row()]
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
        if not 0 <= source < len(self.rows):
            return False
        target = row if row >= 0 else parent.row() if parent.isValid() else len(self.rows)
        offset = target - source - (1 if target > source else 0)
        if offset and self.mover is not None:
            self.mover(self.rows[source].id, offset)
        return False

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self._editor is None:
            return False
        field = FIELDS.get(index.column())
        if field is None:
            return False
        line = self.rows[index.row()]
        if value == self.columns[index.column()].roles[Role.EditRole](line):
            return False
        return self._editor(line.id, field, value if value != "" else None)
