"""Deleting a meeting, a person or an organisation made by mistake, after a confirmation
that says what depends on it (the services decide; this only asks and tells)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.core import services
from desktop.ui.base.store import Store

KINDS = {
    "meeting": (services.meeting_dependents, services.delete_meeting),
    "person": (services.person_dependents, services.delete_person),
    "organization": (services.organization_dependents, services.delete_organization),
}


def confirm_and_delete(parent: QWidget, store: Store, kind: str, ident: int) -> bool:
    """Ask, naming what depends on the record; delete on Yes. True when it was deleted."""
    dependents_of, delete = KINDS[kind]
    dependents = store.read(lambda s: dependents_of(s, ident))
    language = store.reporter.language
    if dependents.refusal is not None:
        store.reporter.show_problem(parent, dependents.refusal)
        return False
    name = dependents.thai_name if language == "th" else dependents.english_name
    lines = "\n".join(f"• {line}" for line in dependents.lines(language))
    text = QCoreApplication.translate("Deleting", "Delete {0}?").format(name)
    if lines:
        text += "\n\n" + QCoreApplication.translate("Deleting", "With it:") + "\n" + lines
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("Deleting", "Delete"),
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    # Its networks, attendance lines and meetings hear of it from the change itself.
    done = store.change(lambda s: delete(s, ident) is not None, parent=parent)
    return done is not None and done.value
