"""The list of honorifics offered when a person is added: hers to edit, one per line."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.base.settings import DEFAULT_HONORIFICS, AppSettings


class HonorificsDialog(QDialog):
    saved = Signal()

    def __init__(self, settings: AppSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Honorifics"))
        self.editor = QPlainTextEdit()
        self.editor.setPlainText("\n".join(settings.honorifics))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        restore = buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        restore.setText(self.tr("Restore the usual list"))
        restore.clicked.connect(lambda: self.editor.setPlainText("\n".join(DEFAULT_HONORIFICS)))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("One honorific per line, in the order offered:")))
        layout.addWidget(self.editor)
        layout.addWidget(buttons)
        self.resize(360, 420)

    def accept(self) -> None:
        self.settings.honorifics = self.editor.toPlainText().splitlines()
        self.saved.emit()
        super().accept()
