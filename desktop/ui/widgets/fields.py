"""Small input widgets that speak the services' language: times, optional text, codes."""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from desktop.core.thai import format_thai_time, parse_time

# TimeField.time() hides the type's name inside the class body.
TimeOfDay = time


class TimeField(QLineEdit):
    """`09.30` (also typed as `9:30` or `๐๙.๓๐`); empty means not known. timeChanged(time|None)."""

    timeChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._time: time | None = None
        self.setPlaceholderText("09.30")
        self.setMaxLength(12)
        self.editingFinished.connect(self.commit)

    def time(self) -> time | None:
        return self._time

    def setTime(self, value: TimeOfDay | None) -> None:
        self._time = value
        self.setText(format_thai_time(value, suffix=False))

    def commit(self) -> None:
        """Take what is typed (called on Enter and on leaving the field)."""
        text = self.text().strip()
        if text == format_thai_time(self._time, suffix=False):
            return
        if not text:
            value = None
        else:
            try:
                value = parse_time(text)
            except ValueError:
                self.setTime(self._time)  # not a time: back to the last good one
                return
        self.setTime(value)
        self.timeChanged.emit(value)


class CodeCombo(QComboBox):
    """A combo box of enum codes shown by their translated labels."""

    def __init__(self, labels: dict[str, str], parent: QWidget | None = None):
        super().__init__(parent)
        for code, label in labels.items():
            self.addItem(label, code)

    def code(self) -> str:
        return str(self.currentData())

    def set_code(self, code: str | None) -> None:
        index = self.findData(code)
        self.setCurrentIndex(max(index, 0))


def end_hint(start: time | None) -> str:
    """What an end-time field suggests: a morning meeting ends at noon, an afternoon one
    at half past four (the office's day), never the start time itself."""
    if start is not None and start >= time(12, 0):
        return "16.30"
    return "12.00"


def hint_end_from_start(start: TimeField, end: TimeField) -> None:
    """The end field's placeholder follows the start time as she types it."""

    def follow(text: str) -> None:
        try:
            typed = parse_time(text) if text.strip() else None
        except ValueError:
            typed = start.time()
        end.setPlaceholderText(end_hint(typed))

    follow(start.text())
    start.textChanged.connect(follow)


def text_or_none(text: str) -> str | None:
    text = text.strip()
    return text or None
