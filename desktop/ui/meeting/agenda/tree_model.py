"""The agenda as a tree model: `2.1  title` per row, the item id in the index.

Indexes carry the item's database id (internalId), so a selection survives a reset:
after every change the agenda is read again and the view finds the same item by id.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from desktop.core.services.agenda_view import AgendaNode, AgendaView

ID_ROLE = Qt.ItemDataRole.UserRole
Index = QModelIndex | QPersistentModelIndex


class AgendaTreeModel(QAbstractItemModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._top: tuple[AgendaNode, ...] = ()
        self._nodes: dict[int, AgendaNode] = {}
        self._parent: dict[int, int | None] = {}
        self._row: dict[int, int] = {}
        self._editing: dict[int, list[str]] = {}
        """Who else has each item open for writing (a shared server): marked with ✎."""

    def set_editing(self, editing: dict[int, list[str]]) -> None:
        """Mark the items others have open; only rows whose mark changed are redrawn."""
        changed = {
            i for i in set(editing) | set(self._editing) if editing.get(i) != self._editing.get(i)
        }
        self._editing = dict(editing)
        for item_id in changed:
            index = self.index_of(item_id)
            if index.isValid():
                self.dataChanged.emit(index, index)

    def set_agenda(self, view: AgendaView | None) -> None:
        self.beginResetModel()
        self._top = view.items if view is not None else ()
        self._nodes.clear()
        self._parent.clear()
        self._row.clear()
        for row, node in enumerate(self._top):
            self._remember(node, None, row)
        self.endResetModel()

    def _remember(self, node: AgendaNode, parent_id: int | None, row: int) -> None:
        self._nodes[node.id] = node
        self._parent[node.id] = parent_id
        self._row[node.id] = row
        for child_row, child in enumerate(node.children):
            self._remember(child, node.id, child_row)

    def node(self, index: Index) -> AgendaNode | None:
        return self._nodes.get(index.internalId()) if index.isValid() else None

    def index_of(self, item_id: int | None) -> QModelIndex:
        if item_id not in self._nodes:
            return QModelIndex()
        return self.createIndex(self._row[item_id], 0, item_id)

    def ordered_ids(self) -> list[int]:
        """Every item in reading order (what Alt+Up and Alt+Down step through)."""
        return [n.id for top in self._top for n in top.walk()]

    def _children(self, parent: Index) -> tuple[AgendaNode, ...]:
        if not parent.isValid():
            return self._top
        node = self._nodes.get(parent.internalId())
        return node.children if node is not None else ()

    # --- QAbstractItemModel -----------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        children = self._children(parent)
        if column != 0 or not 0 <= row < len(children):
            return QModelIndex()
        return self.createIndex(row, 0, children[row].id)

    # Qt overloads parent(): no argument is QObject's, an index is the model's.
    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        parent_id = self._parent.get(index.internalId())
        return self.index_of(parent_id) if parent_id is not None else QModelIndex()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children(parent))

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self.node(index)
        if node is None:
            return None
        others = self._editing.get(node.id)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{node.number}  {node.title}" + ("  ✎" if others else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            if others:
                return node.title + "\n" + self.tr("{0} is editing").format(", ".join(others))
            return node.title
        if role == ID_ROLE:
            return node.id
        if role == Qt.ItemDataRole.FontRole and node.parent_id is None:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr("Agenda")
        return None
