"""Run something once a window has been painted for the first time.

Start-up work that is not needed to draw the window (opening the database, the log
file) waits for this, so that it does not share the interpreter with the first paint.
A zero timer alone is not enough: on a real display the window is painted when the
display server exposes it, which may come after the timer.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _FirstPaint(QObject):
    def __init__(self, widget: QWidget):
        super().__init__(widget)
        self.callbacks: list[Callable[[], None]] = []
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            # The children are painted after the window itself, in the same pass.
            QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        callbacks, self.callbacks = self.callbacks, []
        for callback in callbacks:
            callback()


def after_first_paint(
    widget: QWidget, callback: Callable[[], None], *, before_others: bool = False
) -> None:
    """Call `callback` on the UI thread once `widget` has been painted. Callbacks run in
    the order they were given; `before_others` puts this one first (the start-up probe:
    its moment is the paint itself, not the work queued behind it)."""
    waiting = widget.findChild(_FirstPaint)
    if waiting is None or not waiting.callbacks:
        waiting = _FirstPaint(widget)
    waiting.callbacks.insert(0 if before_others else len(waiting.callbacks), callback)
