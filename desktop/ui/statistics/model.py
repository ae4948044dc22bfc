"""The statistics as a table model; the bar chart draws from this same model."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from desktop.core.services.search import OrganizationAttendance
from desktop.core.services.statistics import AuthorityAttendance, PersonAttendance
from desktop.ui.base.table import HeaderedTableModel

Index = QModelIndex | QPersistentModelIndex
RATE_ROLE = Qt.ItemDataRole.UserRole
"""The attendance rate of a row as a fraction (0 … 1), for the chart and for sorting."""


def percent(rate: float) -> str:
    return f"{rate * 100:.0f}%"


class StatisticsModel(HeaderedTableModel):
    ORGANIZATION, INVITED, PRESENT, ABSENT, RATE, PARTICIPANTS = range(6)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[OrganizationAttendance] = []
        self.headers = [
            self.tr("Organisation"),
            self.tr("Invited"),
            self.tr("Present"),
            self.tr("Absent"),
            self.tr("Attendance rate"),
            self.tr("Others who came"),
        ]

    def set_rows(self, rows: list[OrganizationAttendance]) -> None:
        self.beginResetModel()
        # Organisations that were only ever guests have no rate: they stay in the table
        # (the participants column) but below the members.
        self.rows = sorted(rows, key=lambda r: r.invited == 0)
        self.endResetModel()

    def totals(self) -> OrganizationAttendance:
        return OrganizationAttendance(
            "",
            sum(r.invited for r in self.rows),
            sum(r.present for r in self.rows),
            sum(r.absent for r in self.rows),
            sum(r.participants for r in self.rows),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values = (
                row.organization,
                str(row.invited),
                str(row.present),
                str(row.absent),
                percent(row.rate) if row.invited else "–",
                str(row.participants),
            )
            return values[column]
        if role == RATE_ROLE:
            return row.rate if row.invited else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column != self.ORGANIZATION:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class AuthorityModel(HeaderedTableModel):
    """Per authority: the meetings it was expected at and came to (anyone of it)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.headers = [
            self.tr("Organisation"),
            self.tr("Meetings expected"),
            self.tr("Meetings attended"),
            self.tr("Attendance rate"),
        ]

    def set_rows(self, rows: list[AuthorityAttendance]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self.rows[index.row()]
        values = (row.organization, str(row.meetings), str(row.attended), percent(row.rate))
        return values[index.column()]


class PersonModel(HeaderedTableModel):
    """Per person: the meetings she was expected at and came to."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.headers = [
            self.tr("Name"),
            self.tr("Organisation"),
            self.tr("Invited"),
            self.tr("Present"),
            self.tr("Attendance rate"),
        ]

    def set_rows(self, rows: list[PersonAttendance]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self.rows[index.row()]
        values = (
            row.name,
            row.organization,
            str(row.invited),
            str(row.present),
            percent(row.rate),
        )
        return values[index.column()]
