"""One model for every flat list and table of the window: rows of one type under
declared columns.

A column says its header, how to read its cell, its alignment, tooltip, sort key, tick
and any other role it answers; the model holds the rows and answers Qt. A list (a
`QListView` or a combo box) is a table of one column. What differs between the window's
lists is declared, not written again: the agenda tree and the roster's filtering are the
only models that do more than this.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop.core.thai import thai_sort_key

Index = QModelIndex | QPersistentModelIndex
Row = TypeVar("Row")
Role = Qt.ItemDataRole
Reader = Callable[[Any], Any]

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
"""Numbers line up on the right."""


@dataclass(frozen=True)
class Column(Generic[Row]):
    """One column: its title and how each role of its cell is read from a row."""

    header: str
    text: Callable[[Row], str]
    align: Qt.AlignmentFlag | None = None
    tooltip: Callable[[Row], str | None] | None = None
    sort_key: Callable[[Row], Any] | None = None
    """How the column sorts when its header is clicked; None: by its text."""
    checked: Callable[[Row], bool] | None = None
    """A tick shown in the cell."""
    tick: Callable[[Row, bool], None] | None = None
    """Given, she may tick the cell: it is told the row and the new state."""
    roles: Mapping[int, Callable[[Row], Any]] = field(default_factory=dict)
    """Any other role of the cell (its colours, font, stored code), by role."""
    header_tooltip: str | None = None


class RowModel(QAbstractTableModel, Generic[Row]):
    """Rows of one type under declared columns.

    `ident` gives a row's identity for `row_of` (and ID_ROLE where a page asks for it);
    `row_roles` answers roles that are the same in every column (an inactive row's grey);
    `numbered` rows show their number in the vertical header.
    """

    def __init__(
        self,
        columns: Sequence[Column[Row]],
        parent=None,
        *,
        ident: Callable[[Row], Hashable] | None = None,
        row_roles: Mapping[int, Callable[[Row], Any]] | None = None,
        numbered: bool = False,
    ):
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Row] = []
        self._ident = ident
        self._row_roles = dict(row_roles or {})
        self._numbered = numbered

    # --- rows -----------------------------------------------------------------------------

    def set_rows(self, rows: Iterable[Row]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row(self, number: int) -> Row:
        return self.rows[number]

    def row_of(self, ident: Hashable) -> int:
        """The row whose identity is `ident`, or -1 when it is not listed."""
        assert self._ident is not None, "row_of needs the model's ident"
        return next((n for n, row in enumerate(self.rows) if self._ident(row) == ident), -1)

    def number_of(self, row: Row) -> int:
        """The 1-based place of this very row (not an equal one), for a column of numbers."""
        return next(n for n, listed in enumerate(self.rows, 1) if listed is row)

    def rows_changed(self, first: int, last: int) -> None:
        """Rows edited in place (the same objects): their cells are drawn again."""
        self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.columns) - 1))

    # --- Qt -------------------------------------------------------------------------------

    def index(self, row: int, column: int = 0, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        return super().index(row, column, parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation, role: int = Role.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            numbered = self._numbered and role == Role.DisplayRole
            return str(section + 1) if numbered else None
        column = self.columns[section]
        if role == Role.DisplayRole:
            return column.header
        if role == Role.ToolTipRole:
            return column.header_tooltip
        return None

    def data(self, index: Index, role: int = Role.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = self.columns[index.column()]
        reader = self._reader(column, role)
        if reader is not None:
            return reader(row)
        reader = self._row_roles.get(role)
        return None if reader is None else reader(row)

    @staticmethod
    def _reader(column: Column[Row], role: int) -> Reader | None:
        if role in column.roles:
            return column.roles[role]
        if role == Role.DisplayRole:
            return column.text
        if role == Role.ToolTipRole:
            return column.tooltip
        if role == Role.TextAlignmentRole and column.align is not None:
            align = int(column.align)
            return lambda _row: align
        if role == Role.CheckStateRole and column.checked is not None:
            checked = column.checked
            return lambda row: Qt.CheckState.Checked if checked(row) else Qt.CheckState.Unchecked
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and self.columns[index.column()].tick is not None:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: Index, value: Any, role: int = Role.EditRole) -> bool:
        if role != Role.CheckStateRole or not index.isValid():
            return False
        tick = self.columns[index.column()].tick
        if tick is None:
            return False
        on = value if isinstance(value, bool) else Qt.CheckState(value) == Qt.CheckState.Checked
        tick(self.rows[index.row()], on)
        self.dataChanged.emit(index, index, [Role.CheckStateRole])
        return True

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column's key (its text in Thai dictionary order when it declares none)."""
        declared = self.columns[column]
        text = declared.text
        key = declared.sort_key or (lambda row: thai_sort_key(text(row)))
        self.layoutAboutToBeChanged.emit()
        self.rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        self.layoutChanged.emit()
