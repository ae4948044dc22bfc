"""The statistics as table models; the bar chart draws from the first of them."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.core.services.search import OrganizationAttendance
from desktop.core.services.statistics import AuthorityAttendance, PersonAttendance
from desktop.ui.base.table import RIGHT, Column, RowModel

RATE_ROLE = Qt.ItemDataRole.UserRole
"""The attendance rate of a row as a fraction (0 … 1), for the chart and for sorting."""


def percent(rate: float) -> str:
    return f"{rate * 100:.0f}%"


def _rate(row: OrganizationAttendance) -> str:
    return percent(row.rate) if row.invited else "–"


class StatisticsModel(RowModel[OrganizationAttendance]):
    ORGANIZATION, INVITED, PRESENT, ABSENT, RATE, PARTICIPANTS = range(6)

    def __init__(self, parent=None):
        super().__init__([], parent, row_roles={RATE_ROLE: lambda r: r.rate if r.invited else None})
        self.columns = [
            Column(self.tr("Organisation"), lambda r: r.organization),
            Column(self.tr("Invited"), lambda r: str(r.invited), RIGHT),
            Column(self.tr("Present"), lambda r: str(r.present), RIGHT),
            Column(self.tr("Absent"), lambda r: str(r.absent), RIGHT),
            Column(self.tr("Attendance rate"), _rate, RIGHT),
            Column(self.tr("Others who came"), lambda r: str(r.participants), RIGHT),
        ]

    def set_rows(self, rows) -> None:
        # Organisations that were only ever guests have no rate: they stay in the table
        # (the participants column) but below the members.
        super().set_rows(sorted(rows, key=lambda r: r.invited == 0))

    def totals(self) -> OrganizationAttendance:
        return OrganizationAttendance(
            "",
            sum(r.invited for r in self.rows),
            sum(r.present for r in self.rows),
            sum(r.absent for r in self.rows),
            sum(r.participants for r in self.rows),
        )


class AuthorityModel(RowModel[AuthorityAttendance]):
    """Per authority: the meetings it was expected at and came to (anyone of it)."""

    def __init__(self, parent=None):
        super().__init__([], parent)
        self.columns = [
            Column(self.tr("Organisation"), lambda r: r.organization),
            Column(self.tr("Meetings expected"), lambda r: str(r.meetings)),
            Column(self.tr("Meetings attended"), lambda r: str(r.attended)),
            Column(self.tr("Attendance rate"), lambda r: percent(r.rate)),
        ]


class PersonModel(RowModel[PersonAttendance]):
    """Per person: the meetings she was expected at and came to."""

    def __init__(self, parent=None):
        super().__init__([], parent)
        self.columns = [
            Column(self.tr("Name"), lambda r: r.name),
            Column(self.tr("Organisation"), lambda r: r.organization),
            Column(self.tr("Invited"), lambda r: str(r.invited)),
            Column(self.tr("Present"), lambda r: str(r.present)),
            Column(self.tr("Attendance rate"), lambda r: percent(r.rate)),
        ]
