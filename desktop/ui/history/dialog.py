"""Edit → History of this item… and History of this meeting…: who changed what, and when.

A table of the history the database keeps (desktop.core.history), newest first: when,
who, what (the row and the field), the value before and after, each whole in its
tooltip. It is what a clerk opens when a resolution reads differently from what was
agreed. The history is read when the window opens and again on Refresh (F5); it never
changes what it shows.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.core.services.history import HistoryRow
from desktop.ui.base.store import Store
from desktop.ui.base.table import Column, RowModel
from desktop.ui.widgets.result_table import set_up_for_reading

CELL_WIDTH = 60
"""A value longer than this is cut in its cell; the tooltip holds it whole."""


class HistoryModel(RowModel[HistoryRow]):
    """The entries, newest first, said in the window's language."""

    def __init__(self, language: str = "th", parent=None):
        self.language = language
        tr = self.tr
        columns: list[Column[HistoryRow]] = [
            Column(tr("When"), lambda r: r.when),
            Column(tr("Who"), lambda r: r.user),
            Column(tr("What"), self._what, tooltip=self._what),
            Column(tr("Field"), lambda r: r.field_name(self.language)),
            Column(
                tr("Before"),
                lambda r: self._value(r, r.old, CELL_WIDTH),
                tooltip=lambda r: self._value(r, r.old, None),
            ),
            Column(
                tr("After"),
                lambda r: self._value(r, r.new, CELL_WIDTH),
                tooltip=lambda r: self._value(r, r.new, None),
            ),
        ]
        super().__init__(columns, parent, ident=lambda r: r.id)

    def _what(self, row: HistoryRow) -> str:
        verbs = {
            "insert": self.tr("Added"),
            "update": self.tr("Changed"),
            "delete": self.tr("Deleted"),
        }
        return f"{verbs.get(row.action, row.action)} {row.subject(self.language)}"

    def _value(self, row: HistoryRow, value: str | None, width: int | None) -> str:
        if row.action != "update":
            return ""  # a row added or deleted: the What column names it
        text = row.shown(value, self.language)
        flat = " ".join(text.split())
        if width is not None and len(flat) > width:
            return flat[: width - 1] + "…"
        return flat if width is not None else text


class HistoryDialog(QDialog):
    """One history (a meeting's or an item's) in a window of its own."""

    def __init__(
        self,
        store: Store,
        read: Callable[[Session], list[HistoryRow]],
        title: str,
        language: str = "th",
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.store = store
        self.read = read
        self.setWindowTitle(title)
        self.resize(980, 520)
        self.count = QLabel(self)
        self.model = HistoryModel(language, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        set_up_for_reading(self.table, (150, 110, 300, 110, 140))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        refresh = buttons.addButton(self.tr("&Refresh"), QDialogButtonBox.ButtonRole.ActionRole)
        refresh.clicked.connect(self.refresh)
        buttons.rejected.connect(self.close)
        again = QShortcut(QKeySequence(Qt.Key.Key_F5), self)
        again.activated.connect(self.refresh)
        layout = QVBoxLayout(self)
        layout.addWidget(self.count)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        rows = self.store.read(self.read)
        self.model.set_rows(reversed(rows))
        if rows:
            self.count.setText(self.tr("{0} changes, the newest first.").format(len(rows)))
        else:
            self.count.setText(self.tr("No change has been stored yet."))
