"""Editors inside the attendance table: the group, and the reason from a short list."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QComboBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from desktop.core.services.attendance import ABSENCE_REASONS
from desktop.ui import i18n
from desktop.ui.models.attendance import GROUP, REASON
from desktop.ui.widgets.fields import CodeCombo

Index = QModelIndex | QPersistentModelIndex


class AttendanceDelegate(QStyledItemDelegate):
    """A combo for the group; an editable combo of the usual reasons (or her own words)."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        if index.column() == GROUP:
            editor = CodeCombo(i18n.attendance_groups(), parent)
            editor.activated.connect(lambda _i, e=editor: self._finish(e))
            return editor
        if index.column() == REASON:
            editor = QComboBox(parent)
            editor.setEditable(True)
            editor.addItems(list(ABSENCE_REASONS))
            editor.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            editor.lineEdit().setPlaceholderText(self.tr("Reason: ↓ to choose, or type"))
            editor.activated.connect(lambda _i, e=editor: self._finish(e))
            editor.lineEdit().returnPressed.connect(lambda e=editor: self._finish(e))
            return editor
        return super().createEditor(parent, option, index)

    def _finish(self, editor: QWidget) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if index.column() == GROUP and isinstance(editor, CodeCombo):
            editor.set_code(index.data(Qt.ItemDataRole.EditRole))
            return
        if index.column() == REASON and isinstance(editor, QComboBox):
            text = index.data(Qt.ItemDataRole.EditRole) or ""
            editor.setCurrentIndex(editor.findText(text) if text else -1)
            editor.setEditText(text)
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if index.column() == GROUP and isinstance(editor, CodeCombo):
            model.setData(index, editor.code(), Qt.ItemDataRole.EditRole)
            return
        if index.column() == REASON and isinstance(editor, QComboBox):
            model.setData(index, editor.currentText().strip(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)
