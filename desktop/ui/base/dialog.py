"""What every form dialog shares: a form, Save and Cancel in our words, storing on Save."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QVBoxLayout, QWidget

from desktop.ui.base.store import Store


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
        # Qt ships no Thai translation of its own buttons: name them ourselves.
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def store_changes(self) -> bool:
        """Store what the form says; False (message shown) keeps the dialog open."""
        raise NotImplementedError

    def accept(self) -> None:
        if self.store_changes():
            super().accept()
