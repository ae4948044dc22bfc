"""Editors inside the attendance table: the group, the reason and the capacity from short
lists (or her own words), how identity was checked."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from desktop.core.services.attendance import ABSENCE_REASONS, CAPACITIES
from desktop.ui.base import i18n
from desktop.ui.base.present import present
from desktop.ui.meeting.attendance_model import (
    CAPACITY,
    GROUP,
    IDENTITY,
    REASON,
    identity_labels,
)
from desktop.ui.widgets.fields import CodeCombo

Index = QModelIndex | QPersistentModelIndex


class AttendanceDelegate(QStyledItemDelegate):
    """A combo for the group; an editable combo of the usual reasons (or her own words)."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        if index.column() == GROUP:
            return CodeCombo(i18n.attendance_groups(), parent)
        if index.column() == IDENTITY:
            return CodeCombo({"": "—", **identity_labels()}, parent)
        if index.column() == CAPACITY:
            editor = QComboBox(parent)
            editor.setEditable(True)
            editor.addItems(list(CAPACITIES))
            editor.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            present(editor.lineEdit()).setPlaceholderText(self.tr("Capacity: ↓ to choose, or type"))
            return editor
        if index.column() == REASON:
            editor = QComboBox(parent)
            editor.setEditable(True)
            editor.addItems(list(ABSENCE_REASONS))
            editor.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            present(editor.lineEdit()).setPlaceholderText(self.tr("Reason: ↓ to choose, or type"))
            # Up and Down walk the list (and emit activated, so that is no sign she is
            # done): Enter or leaving the cell stores the reason, Escape leaves it empty.
            return editor
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if index.column() in (GROUP, IDENTITY) and isinstance(editor, CodeCombo):
            editor.set_code(index.data(Qt.ItemDataRole.EditRole))
            return
        if index.column() in (REASON, CAPACITY) and isinstance(editor, QComboBox):
            text = index.data(Qt.ItemDataRole.EditRole) or ""
            editor.setCurrentIndex(editor.findText(text) if text else -1)
            editor.setEditText(text)
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if index.column() in (GROUP, IDENTITY) and isinstance(editor, CodeCombo):
            model.setData(index, editor.code(), Qt.ItemDataRole.EditRole)
            return
        if index.column() in (REASON, CAPACITY) and isinstance(editor, QComboBox):
            model.setData(index, editor.currentText().strip(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)
