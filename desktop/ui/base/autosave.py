"""Store a text field shortly after the last key press, and at once when she leaves it.

Typing is not saved per key (a service call per letter would be wasteful and would
flood the undo of later work); a short quiet moment, Enter, or leaving the field stores
it, and so does half a second of typing without a pause, so that a crash or a power cut
costs at most that moment. The window's close flushes every pending field.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QObject, QTimer

if TYPE_CHECKING:  # the main window imports flush_pending before its first paint
    from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

QUIET_MS = 800
LONGEST_WAIT_MS = 500
"""Typing without a pause is still stored this often: a crash loses at most a moment."""

_pending: set[TextAutosave] = set()
_storing: list[TextAutosave] = []


def field_being_stored() -> TextAutosave | None:
    """The field whose text is being stored right now (a refused write keeps its text)."""
    return _storing[-1] if _storing else None


class TextAutosave(QObject):
    """Calls `store(text)` when the field's text settles, if it differs from the last stored."""

    def __init__(self, field: QLineEdit | QPlainTextEdit, store: Callable[[str], bool]):
        from PySide6.QtWidgets import QLineEdit

        super().__init__(field)
        self.field = field
        self.single_line = isinstance(field, QLineEdit)
        self.store = store
        self.stored = self._text()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(QUIET_MS)
        self.timer.timeout.connect(self.flush)
        self.deadline = QTimer(self)
        self.deadline.setSingleShot(True)
        self.deadline.setInterval(LONGEST_WAIT_MS)
        self.deadline.timeout.connect(self.flush)
        if isinstance(field, QLineEdit):
            field.textEdited.connect(self._edited)
            field.editingFinished.connect(self.flush)
        else:
            field.textChanged.connect(self._edited)
        field.installEventFilter(self)
        field.destroyed.connect(lambda *_: _pending.discard(self))

    def text(self) -> str:
        """What the field says now, stored or not."""
        return self._text()

    def _text(self) -> str:
        if self.single_line:
            return cast("QLineEdit", self.field).text()
        return cast("QPlainTextEdit", self.field).toPlainText()

    def set_text(self, text: str) -> None:
        """Show a stored value without storing it again."""
        self.timer.stop()
        self.deadline.stop()
        _pending.discard(self)
        self.field.blockSignals(True)
        if self.single_line:
            line = cast("QLineEdit", self.field)
            line.setText(text)
            line.setCursorPosition(0)
        else:
            cast("QPlainTextEdit", self.field).setPlainText(text)
        self.field.blockSignals(False)
        self.stored = text

    def edited(self, *_args) -> None:
        """The field's text may differ from what is stored: store it after the pause."""
        self._edited()

    def _edited(self, *_args) -> None:
        if self._text() != self.stored:
            _pending.add(self)
            self.timer.start()
            if not self.deadline.isActive():
                self.deadline.start()

    def flush(self) -> None:
        self.timer.stop()
        self.deadline.stop()
        _pending.discard(self)
        text = self._text()
        if text == self.stored:
            return
        _storing.append(self)
        try:
            stored = self.store(text)
        finally:
            _storing.pop()
        if stored:
            self.stored = text

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and event.type() == QEvent.Type.FocusOut:
            self.flush()
        return False


def flush_pending(within: QWidget | None = None) -> None:
    """Store every field still waiting (all of them, or those inside `within`)."""
    for saver in list(_pending):
        if within is None or within.isAncestorOf(saver.field):
            saver.flush()
