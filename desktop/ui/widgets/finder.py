"""The attendance finder: a search box, and a list of roster people under it.

The list is a child widget laid over the table, not a popup window: it never takes the
focus, so she keeps typing in the box while Up, Down, Enter and Escape drive the list.
(QCompleter's popup takes the keyboard and also fills the box with the chosen text.)
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QFrame, QLineEdit, QListView, QWidget

from desktop.core.services.views import PersonRow
from desktop.ui.base.table import Column, RowModel


@dataclass(frozen=True)
class Suggestion:
    """Someone from the roster to add, or (person None) a new person to create."""

    person: PersonRow | None
    text: str


def _italic_if_new(item: Suggestion) -> QFont | None:
    """A new person to create reads in italics, apart from the roster's people."""
    if item.person is not None:
        return None
    font = QFont()
    font.setItalic(True)
    return font


class SuggestionModel(RowModel[Suggestion]):
    def __init__(self, parent=None):
        suggestion = Column[Suggestion](
            "", lambda s: s.text, roles={Qt.ItemDataRole.FontRole: _italic_if_new}
        )
        super().__init__([suggestion], parent)

    def set_items(self, items: list[Suggestion]) -> None:
        self.set_rows(items)


class FindBox(QLineEdit):
    """A line edit that hands Up, Down, Enter and Escape to whoever drives the list."""

    moved = Signal(int)
    chosen = Signal()
    cancelled = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self.moved.emit(1 if key == Qt.Key.Key_Down else -1)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.chosen.emit()
            return
        if key == Qt.Key.Key_Escape:
            self.cancelled.emit()
            return
        super().keyPressEvent(event)


class SuggestionList(QListView):
    """The list under the box; clicks choose, the keyboard stays in the box."""

    clicked_row = Signal(int)

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.suggestions = SuggestionModel(self)
        self.setModel(self.suggestions)
        self.clicked.connect(lambda index: self.clicked_row.emit(index.row()))
        self.hide()

    def current_row(self) -> int:
        index = self.currentIndex()
        return index.row() if index.isValid() else -1

    def set_current_row(self, row: int) -> None:
        if 0 <= row < self.suggestions.rowCount():
            self.setCurrentIndex(self.suggestions.index(row))
        else:
            self.setCurrentIndex(QModelIndex())
            self.clearSelection()

    def show_under(self, anchor: QWidget, width: int) -> None:
        """Lay the list over whatever is below `anchor`, as tall as its rows need."""
        rows = min(self.suggestions.rowCount(), 8)
        if rows == 0:
            self.hide()
            return
        height = self.sizeHintForRow(0) * rows + 2 * self.frameWidth() + 2
        parent = self.parentWidget()
        assert parent is not None  # the list is made as a child of the page it lies over
        origin = anchor.mapTo(parent, anchor.rect().bottomLeft())
        self.setGeometry(origin.x(), origin.y() + 1, width, height)
        self.show()
        self.raise_()
