"""Between meetings, from the agenda: carry the last meeting's open actions, certify its
minutes. The agenda page offers both on the items they belong to (เรื่องสืบเนื่อง,
รับรองรายงานการประชุม); nothing is carried or certified without her say."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.core import services
from desktop.core.services.agenda_view import action_row, owner_and_due
from desktop.ui.base.table import Column, RowModel


@dataclass(frozen=True)
class OpenAction:
    """An action of the last meeting not done and not yet carried into this one."""

    id: int
    text: str
    owner: str
    due: date | None
    item: str
    """`2.1 แนวทางการดำเนินงาน…`: where it was decided."""


def read_open_actions(session: Session, meeting_id: int) -> list[OpenAction]:
    rows = []
    for action in services.proposed_carry_over(session, meeting_id):
        row = action_row(action)
        item = action.agenda_item
        rows.append(OpenAction(row.id, row.text, row.owner, row.due, f"{item.number} {item.title}"))
    return rows


class OpenActionModel(RowModel[OpenAction]):
    """The open actions, each with a tick (all ticked to begin with)."""

    def __init__(self, rows: list[OpenAction], parent=None):
        self.ticked = {row.id for row in rows}
        action = Column[OpenAction](
            "",
            lambda r: f"{r.text}{owner_and_due(r.owner, r.due)}\n    {r.item}",
            checked=lambda r: r.id in self.ticked,
            tick=self._tick,
        )
        super().__init__([action], parent, ident=lambda r: r.id)
        self.rows = list(rows)

    def _tick(self, row: OpenAction, on: bool) -> None:
        if on:
            self.ticked.add(row.id)
        else:
            self.ticked.discard(row.id)

    def chosen(self) -> list[int]:
        return [row.id for row in self.rows if row.id in self.ticked]


class CarryOverDialog(QDialog):
    """Which of the last meeting's open actions go into this meeting's follow-up item."""

    carry = Signal(list)

    def __init__(self, rows: list[OpenAction], previous: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Carry over open actions"))
        self.resize(640, 420)
        note = QLabel(
            self.tr(
                "Open actions of the meeting {0}. The ticked ones become sub-items of the "
                "follow-up item, each with its action."
            ).format(previous)
        )
        note.setWordWrap(True)
        self.model = OpenActionModel(rows, self)
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setAlternatingRowColors(True)
        self.list.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Carry over"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)
        if rows:
            self.list.setCurrentIndex(self.model.index(0))

    def accept(self) -> None:
        chosen = self.model.chosen()
        super().accept()
        if chosen:
            self.carry.emit(chosen)
