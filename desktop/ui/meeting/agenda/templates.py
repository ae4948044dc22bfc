"""Agenda templates from the agenda tab: the standard 5- and 6-item layouts, the
network's own, and saving this meeting's agenda as one."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from desktop.core import services


def template_choices(session: Session, network_id: int | None) -> list[tuple[int, str, int]]:
    """(id, name, number of items) of the standard templates, then the network's own."""
    return [
        (template.id, template.name, len(template.items))
        for template in services.list_templates(session, network_id)
    ]


class TemplateNameDialog(QDialog):
    """The name under which this agenda is kept as a template of the network."""

    named = Signal(str)

    def __init__(self, suggestion: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Save the agenda as a template"))
        note = QLabel(
            self.tr("The top-level items of this agenda, kept for the network's next meetings.")
        )
        note.setWordWrap(True)
        self.name = QLineEdit(suggestion, self)
        self.name.selectAll()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(QLabel(self.tr("Template name")))
        layout.addWidget(self.name)
        layout.addWidget(buttons)
        self.resize(420, 160)

    def accept(self) -> None:
        name = self.name.text().strip()
        if not name:
            self.name.setFocus()
            return
        super().accept()
        self.named.emit(name)
