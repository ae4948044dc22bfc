"""The roster tables: networks, organisations and people.

The people model holds plain rows and filters them itself over keys computed once, so a
roster of ten thousand scrolls and narrows as she types with no per-row widget and no
query per keystroke.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from desktop.core.services.views import NetworkRow, OrganizationRow, PersonRow
from desktop.core.thai import thai_sort_key
from desktop.ui.base import i18n
from desktop.ui.base.table import HeaderedTableModel
from desktop.ui.base.text_match import layout_slip, matches, person_search_key, query_words

ID_ROLE = Qt.ItemDataRole.UserRole
INACTIVE_TEXT = QColor(128, 128, 128)
Index = QModelIndex | QPersistentModelIndex


class NetworkListModel(QAbstractListModel):
    """Networks by name; with `all_label`, a first row (id None) for every meeting."""

    def __init__(self, parent=None, all_label: str | None = None):
        super().__init__(parent)
        self._rows: list[NetworkRow | None] = []
        self._all_label = all_label

    def set_rows(self, rows: list[NetworkRow]) -> None:
        self.beginResetModel()
        self._rows = ([None] if self._all_label else []) + list(rows)
        self.endResetModel()

    def network(self, row: int) -> NetworkRow | None:
        return self._rows[row]

    def row_of(self, network_id: int | None) -> int:
        return next(
            (i for i, n in enumerate(self._rows) if (n.id if n else None) == network_id), -1
        )

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        network = self._rows[index.row()]
        if network is None:
            return self._all_label if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.DisplayRole:
            return network.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate(
                "RosterModels", "{0} member organisations, {1} meetings"
            ).format(len(network.member_ids), network.meeting_count)
        if role == ID_ROLE:
            return network.id
        if role == Qt.ItemDataRole.ForegroundRole and not network.active:
            return INACTIVE_TEXT
        return None


class _Table(HeaderedTableModel):
    """Plain rows with a header; subclasses say what each column shows."""

    def item(self, row: int):
        return self.rows[row]

    def row_of(self, ident: int | None) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == ident), -1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, index.column())
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ForegroundRole and not row.active:
            return INACTIVE_TEXT
        return None

    def text(self, row, column: int) -> str:
        raise NotImplementedError


class OrganizationTableModel(_Table):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.headers = [
            QCoreApplication.translate("RosterModels", "Name"),
            QCoreApplication.translate("RosterModels", "Short name"),
            QCoreApplication.translate("RosterModels", "Kind"),
            QCoreApplication.translate("RosterModels", "District"),
            QCoreApplication.translate("RosterModels", "Province"),
            QCoreApplication.translate("RosterModels", "People"),
        ]
        self._kinds = i18n.organization_kinds()

    def set_rows(self, rows: list[OrganizationRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def text(self, row: OrganizationRow, column: int) -> str:
        values = (
            row.name
            if row.active
            else QCoreApplication.translate("RosterModels", "{0} (inactive)").format(row.name),
            row.short_name or "",
            self._kinds.get(row.kind, row.kind),
            row.district or "",
            row.province or "",
            str(row.people_count),
        )
        return values[column]


class PersonTableModel(_Table):
    """People, filtered in the model by the words she types (Thai, English, layout slip)."""

    NAME, POSITION, ROLE, ORGANIZATION, CONTACT = range(5)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.headers = [
            QCoreApplication.translate("RosterModels", "Name"),
            QCoreApplication.translate("RosterModels", "Position"),
            QCoreApplication.translate("RosterModels", "Role"),
            QCoreApplication.translate("RosterModels", "Organisation"),
            QCoreApplication.translate("RosterModels", "Contact"),
        ]
        self._roles = i18n.roles()
        self._all: list[PersonRow] = []
        self._keys: list[str] = []
        self._filter = ""

    def set_rows(self, rows: list[PersonRow]) -> None:
        self._all = list(rows)
        self._keys = [person_search_key(r, r.email) for r in self._all]
        self._apply()

    def set_filter(self, text: str) -> None:
        self._filter = text
        self._apply()

    def _apply(self) -> None:
        words = query_words(self._filter)
        if words:
            chosen = [r for r, k in zip(self._all, self._keys, strict=True) if matches(k, words)]
            slip = layout_slip(self._filter)
            if not chosen and slip:
                words = query_words(slip)
                chosen = [
                    r for r, k in zip(self._all, self._keys, strict=True) if matches(k, words)
                ]
        else:
            chosen = self._all
        self.beginResetModel()
        self.rows = chosen
        self.endResetModel()

    def total(self) -> int:
        return len(self._all)

    def text(self, row: PersonRow, column: int) -> str:
        if column == self.NAME:
            name = row.display_name
            return (
                name
                if row.active
                else QCoreApplication.translate("RosterModels", "{0} (inactive)").format(name)
            )
        if column == self.POSITION:
            return row.position or ""
        if column == self.ROLE:
            return self._roles.get(row.role, row.role)
        if column == self.ORGANIZATION:
            return row.organization_label
        if column == self.CONTACT:
            return " ".join(v for v in (row.phone, row.email) if v)
        return ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column in Thai dictionary order."""
        reverse = order == Qt.SortOrder.DescendingOrder
        self.layoutAboutToBeChanged.emit()
        self.rows.sort(key=lambda r: thai_sort_key(self.text(r, column)), reverse=reverse)
        self.layoutChanged.emit()


class PersonChoiceModel(QAbstractListModel):
    """People for a combo box (chair, recorder, reviewer), with "nobody" first."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[PersonRow] = []

    def set_rows(self, rows: list[PersonRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows) + 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.row() == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return QCoreApplication.translate("RosterModels", "(not set)")
            return None
        person = self._rows[index.row() - 1]
        if role == Qt.ItemDataRole.DisplayRole:
            if person.position:
                return f"{person.display_name} — {person.position}"
            return person.display_name
        if role == ID_ROLE:
            return person.id
        return None

    def row_of(self, person_id: int | None) -> int:
        if person_id is None:
            return 0
        return next((i + 1 for i, p in enumerate(self._rows) if p.id == person_id), 0)


class OrganizationCheckModel(QAbstractListModel):
    """Organisations with a tick each: a network's members, in the order they were ticked."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[OrganizationRow] = []
        self._checked: list[int] = []

    def set_rows(self, rows: list[OrganizationRow], checked: list[int] | tuple[int, ...]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        known = {r.id for r in rows}
        self._checked = [i for i in checked if i in known]
        self.endResetModel()

    def checked_ids(self) -> list[int]:
        return list(self._checked)

    def check(self, organization_id: int) -> None:
        row = self.row_of(organization_id)
        if row >= 0:
            self.setData(self.index(row), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)

    def row_of(self, organization_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == organization_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.name
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if row.id in self._checked else Qt.CheckState.Unchecked
        if role == ID_ROLE:
            return row.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsUserCheckable

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        ident = self._rows[index.row()].id
        checked = (
            Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
        )
        if checked and ident not in self._checked:
            self._checked.append(ident)
        elif not checked and ident in self._checked:
            self._checked.remove(ident)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True
