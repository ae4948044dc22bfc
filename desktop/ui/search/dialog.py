"""Search across every meeting: titles, agenda text and resolutions (Ctrl+Shift+F).

Ctrl+F narrows the meeting list on the left; this window finds the very item: each
result names its meeting and item with the words around the match, and a double-click
(or Enter) opens the meeting at that item. It stays open beside the window.
"""

from __future__ import annotations

from PySide6.QtCore import (
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core import services
from desktop.core.services.search import SearchHit
from desktop.core.thai import format_meeting_number, format_thai_date_short
from desktop.ui.base.store import Store
from desktop.ui.base.table import Column, RowModel
from desktop.ui.widgets.result_table import set_up_for_reading

PAUSE_MS = 200
LIMIT = 300


class SearchResultModel(RowModel[SearchHit]):
    DATE, MEETING, ITEM, TEXT = range(4)

    def __init__(self, parent=None):
        super().__init__([], parent)
        # Each cell's tooltip is its whole text: a snippet is often wider than its column.
        self.columns = [
            Column(self.tr("Date"), self._date, tooltip=self._date),
            Column(self.tr("Meeting"), self._meeting, tooltip=self._meeting),
            Column(self.tr("Item"), self._item, tooltip=self._item),
            Column(self.tr("Found"), self._found, tooltip=self._found),
        ]

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.set_rows(hits)

    @staticmethod
    def _date(hit: SearchHit) -> str:
        return format_thai_date_short(hit.date)

    @staticmethod
    def _meeting(hit: SearchHit) -> str:
        return f"{format_meeting_number(hit.number, hit.date)} {hit.title}".strip()

    def _item(self, hit: SearchHit) -> str:
        if hit.item_id is None:
            return self.tr("(the meeting)")
        return f"{hit.item_number} {hit.item_title}"

    @staticmethod
    def _found(hit: SearchHit) -> str:
        return f"{hit.snippet}  ·  {hit.vote}" if hit.vote else hit.snippet


class ResultTable(QTableView):
    chosen = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.chosen.emit(self.currentIndex().row())
            return
        super().keyPressEvent(event)


class SearchDialog(QDialog):
    open_at = Signal(int, object)
    """(meeting id, agenda item id or None)."""

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Search all meetings"))
        self.resize(900, 520)
        self.query = QLineEdit(self)
        self.query.setPlaceholderText(
            self.tr("A word of a title, of what was said, of a resolution, or a person's name")
        )
        self.query.setClearButtonEnabled(True)
        self.count = QLabel(self)
        self.model = SearchResultModel(self)
        self.table = ResultTable(self)
        self.table.setModel(self.model)
        set_up_for_reading(self.table, (95, 260, 220))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.count)
        layout.addWidget(self.table, 1)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PAUSE_MS)
        self.timer.timeout.connect(self.search)
        self.query.textChanged.connect(lambda _t: self.timer.start())
        self.query.returnPressed.connect(self._first_result)
        self.table.doubleClicked.connect(lambda index: self.choose(index.row()))
        self.table.chosen.connect(self.choose)
        # Escape closes it wherever the focus is (the table would otherwise keep the key).
        close = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        close.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        close.activated.connect(self.close)

    def start(self, text: str = "") -> None:
        """Show the window with the search box ready for typing."""
        if text:
            self.query.setText(text)
        self.show()
        self.raise_()
        self.activateWindow()
        self.query.setFocus()
        self.query.selectAll()

    def search(self) -> None:
        self.timer.stop()
        text = self.query.text().strip()
        hits = self.store.read(lambda s: services.search(s, text, limit=LIMIT)) if text else []
        self.model.set_hits(hits)
        if not text:
            self.count.setText("")
        elif not hits:
            self.count.setText(self.tr("Nothing found for “{0}”.").format(text))
        elif len(hits) >= LIMIT:
            self.count.setText(self.tr("The first {0} places; add a word to narrow.").format(LIMIT))
        else:
            self.count.setText(self.tr("Found in {0} places.").format(len(hits)))

    def _first_result(self) -> None:
        self.search()
        if self.model.rows:
            self.table.setFocus()
            self.table.selectRow(0)

    def choose(self, row: int) -> None:
        if 0 <= row < len(self.model.rows):
            hit = self.model.rows[row]
            self.open_at.emit(hit.meeting_id, hit.item_id)
            # The meeting opens in the window behind: step aside so that it is in front
            # (Ctrl+Shift+F brings the results back as they were).
            self.hide()
            parent = self.parentWidget()
            if parent is not None:
                parent.window().raise_()
                parent.window().activateWindow()
