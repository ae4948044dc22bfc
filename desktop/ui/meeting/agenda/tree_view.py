"""The agenda's tree view: the keys that reshape the agenda work here.

Tab and Shift+Tab indent and outdent the chosen item (rather than moving the focus),
Delete deletes it (Ctrl+Z brings it back), Enter goes to its editor.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QTreeView


class AgendaTree(QTreeView):
    """Tab and Shift+Tab indent and outdent here; Delete deletes; Enter edits."""

    indent_requested = Signal()
    outdent_requested = Signal()
    delete_requested = Signal()
    edit_requested = Signal()

    def event(self, event: QEvent) -> bool:
        # Tab would move the focus before keyPressEvent saw it: take it here.
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_Tab and not event.modifiers() & (
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
            ):
                self.indent_requested.emit()
                return True
            if event.key() == Qt.Key.Key_Backtab:
                self.outdent_requested.emit()
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        if event.key() == Qt.Key.Key_Delete and plain:
            self.delete_requested.emit()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            self.edit_requested.emit()
            return
        super().keyPressEvent(event)
