"""What every form dialog shares: a form, Save and Cancel in our words, storing on Save.

Typing is never thrown away silently: Cancel, Escape or the window's close ask first when
anything was typed. The first field has the focus when the dialog opens, so she types at
once; a dialog may offer "Save and add another" for entering several in a row.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.base.store import Store


def typed_state(widget: QWidget) -> tuple:
    """What the user can change in a form, to tell whether she changed anything."""
    state: list[object] = []
    for child in widget.findChildren(QWidget):
        if isinstance(child, QLineEdit) and not isinstance(child.parent(), QComboBox):
            state.append(child.text())
        elif isinstance(child, QPlainTextEdit):
            state.append(child.toPlainText())
        elif isinstance(child, QComboBox):
            state.append((child.currentIndex(), child.currentText()))
        elif isinstance(child, QCheckBox):
            state.append(child.isChecked())
    return tuple(state)


class FormDialog(QDialog):
    """A dialog whose Save runs `store()`; it closes only when that succeeded.

    Opened with open() by the caller: window-modal without a nested event loop, so the
    rest of the app keeps running and tests drive it like any widget.
    """

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        # Named in our words, whatever Qt's own translation says.
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.add_another: QPushButton | None = None
        self.saved_note = QLabel(self)
        self.saved_note.setStyleSheet("color: #16783c;")
        self.saved_note.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addStretch(1)
        layout.addWidget(self.saved_note)
        layout.addWidget(self.buttons)
        self._untouched: tuple | None = None

    def offer_add_another(self) -> None:
        """A "Save and add another" button: stores, then empties the form for the next."""
        self.add_another = self.buttons.addButton(
            self.tr("Save and &add another"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.add_another.clicked.connect(self._save_and_add_another)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._untouched is None:
            self._untouched = typed_state(self)
            self.first_field().setFocus()

    def first_field(self) -> QWidget:
        """Where typing starts: the form's first field (a dialog may name another)."""
        for row in range(self.form.rowCount()):
            item = self.form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            widget = item.widget() if item is not None else None
            if widget is not None and widget.isEnabled() and not isinstance(widget, QLabel):
                return widget
        return self

    def typed(self) -> bool:
        """Whether anything was changed since the dialog opened."""
        return self._untouched is not None and typed_state(self) != self._untouched

    def discard_note(self) -> str:
        """More to say when typing is discarded (what stays although she cancels)."""
        return ""

    def reject(self) -> None:
        if self.typed():
            text = self.tr("Throw away what you typed in this window?")
            note = self.discard_note()
            if note:
                text += "\n\n" + note
            answer = QMessageBox.question(
                self,
                self.tr("Discard?"),
                text,
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().reject()

    def store_changes(self) -> bool:
        """Store what the form says; False (message shown) keeps the dialog open."""
        raise NotImplementedError

    def clear_for_another(self) -> str:
        """Empty the form for the next entry; returns what was saved, to say so."""
        raise NotImplementedError

    def accept(self) -> None:
        if self.store_changes():
            super().accept()

    def _save_and_add_another(self) -> None:
        if not self.store_changes():
            return
        saved = self.clear_for_another()
        self.saved_note.setText(self.tr("Saved: {0}. Type the next one.").format(saved))
        self.saved_note.show()
        self._untouched = typed_state(self)
        self.first_field().setFocus()
