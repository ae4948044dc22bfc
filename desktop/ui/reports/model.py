"""The proposal's rows as a table: the name in the report, times, how sure the match is,
and who the row will be stored as (her choice where she made one)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from desktop.core.thai import format_thai_time
from desktop.imports.proposal import Proposal, ProposalRow
from desktop.ui.base.table import Column, RowModel

STATUS_COLOURS = {
    "matched": QColor(221, 240, 221),
    "ambiguous": QColor(255, 239, 196),
    "unknown": QColor(250, 222, 222),
}


class ProposalModel(RowModel[ProposalRow]):
    NUMBER, NAME, JOINED, LEFT, MINUTES, MATCH, PERSON = range(7)

    def __init__(self, proposal: Proposal, names: dict[int, str], parent=None):
        super().__init__([], parent)
        self.proposal = proposal
        self.rows = proposal.rows  # the same list: her choices change the proposal's rows
        self.names = names
        """Person id → `name — position, organisation` for whoever may be chosen."""
        self.columns = [
            Column("#", lambda r: str(self.number_of(r))),
            Column(
                self.tr("Name in the report"),
                lambda r: r.report_name,
                tooltip=lambda r: r.email or r.report_name,
            ),
            Column(self.tr("Joined"), lambda r: format_thai_time(r.joined, suffix=False)),
            Column(self.tr("Left"), lambda r: format_thai_time(r.left, suffix=False)),
            Column(self.tr("Minutes"), lambda r: "" if r.minutes is None else str(r.minutes)),
            Column(
                self.tr("Match"),
                self.status_text,
                roles={Qt.ItemDataRole.BackgroundRole: lambda r: STATUS_COLOURS.get(r.status)},
            ),
            Column(
                self.tr("Stored as"),
                self.decision,
                roles={Qt.ItemDataRole.ForegroundRole: self._undecided_colour},
            ),
        ]

    def row_changed(self, number: int) -> None:
        self.rows_changed(number, number)

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

    @staticmethod
    def _undecided_colour(row: ProposalRow) -> QColor | None:
        undecided = row.person_id is None and not row.ignore and not row.new_person
        return QColor(170, 60, 20) if undecided else None
