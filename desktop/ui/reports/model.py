"""The proposal's rows as a table: the name in the report, times, how sure the match is,
and who the row will be stored as (her choice where she made one)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from desktop.core.thai import format_thai_time
from desktop.imports.proposal import Proposal, ProposalRow
from desktop.ui.base.table import HeaderedTableModel, Index

STATUS_COLOURS = {
    "matched": QColor(221, 240, 221),
    "ambiguous": QColor(255, 239, 196),
    "unknown": QColor(250, 222, 222),
}


class ProposalModel(HeaderedTableModel):
    NUMBER, NAME, JOINED, LEFT, MINUTES, MATCH, PERSON = range(7)

    def __init__(self, proposal: Proposal, names: dict[int, str], parent=None):
        super().__init__(parent)
        self.proposal = proposal
        self.rows = proposal.rows  # the same list: her choices change the proposal's rows
        self.names = names
        """Person id → `name — position, organisation` for whoever may be chosen."""
        self.headers = [
            "#",
            self.tr("Name in the report"),
            self.tr("Joined"),
            self.tr("Left"),
            self.tr("Minutes"),
            self.tr("Match"),
            self.tr("Stored as"),
        ]

    def row(self, number: int) -> ProposalRow:
        return self.rows[number]

    def row_changed(self, number: int) -> None:
        self.dataChanged.emit(self.index(number, 0), self.index(number, self.PERSON))

    def status_text(self, row: ProposalRow) -> str:
        words = {
            "matched": self.tr("matched"),
            "ambiguous": self.tr("which one?"),
            "unknown": self.tr("not on the roster"),
        }
        text = words.get(row.status, row.status)
        return f"{text} {row.score:.0f}" if row.score else text

    def decision(self, row: ProposalRow) -> str:
        if row.ignore:
            return self.tr("(ignored)")
        if row.new_person:
            return self.tr("New person: {0}").format(row.original_name or row.display_name)
        if row.person_id is not None:
            name = self.names.get(row.person_id) or self.proposal.labels.get(row.person_id, "")
            return name or str(row.person_id)
        if row.status == "ambiguous":
            return self.tr("Choose among {0}").format(len(row.candidates))
        return self.tr("Choose someone, add a new person, or ignore")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values = (
                str(index.row() + 1),
                row.report_name,
                format_thai_time(row.joined, suffix=False),
                format_thai_time(row.left, suffix=False),
                "" if row.minutes is None else str(row.minutes),
                self.status_text(row),
                self.decision(row),
            )
            return values[column]
        if role == Qt.ItemDataRole.BackgroundRole and column == self.MATCH:
            return STATUS_COLOURS.get(row.status)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.PERSON:
            undecided = row.person_id is None and not row.ignore and not row.new_person
            return QColor(170, 60, 20) if undecided else None
        if role == Qt.ItemDataRole.ToolTipRole and column == self.NAME:
            return row.email or row.report_name
        return None
