"""Between meetings, from the agenda: carry the last meeting's open actions, certify its
minutes. The agenda page offers both on the items they belong to (เรื่องสืบเนื่อง,
รับรองรายงานการประชุม); nothing is carried or certified without her say."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
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

Index = QModelIndex | QPersistentModelIndex


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


class OpenActionModel(QAbstractListModel):
    """The open actions, each with a tick (all ticked to begin with)."""

    def __init__(self, rows: list[OpenAction], parent=None):
        super().__init__(parent)
        self.rows = list(rows)
        self.ticked = {row.id for row in rows}

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{row.text}{owner_and_due(row.owner, row.due)}\n    {row.item}"
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if row.id in self.ticked else Qt.CheckState.Unchecked
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsUserCheckable

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        row = self.rows[index.row()]
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self.ticked.add(row.id)
        else:
            self.ticked.discard(row.id)
        self.dataChanged.emit(index, index, [role])
        return True

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
