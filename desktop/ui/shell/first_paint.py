"""Run something once a window has been painted for the first time.

Start-up work that is not needed to draw the window (opening the database, the log
file) waits for this, so that it does not share the interpreter with the first paint.
A zero timer alone is not enough: on a real display the window is painted when the
display server exposes it, which may come after the timer.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

FALLBACK_MS = 1000
"""A window started minimised, or on another desktop, is not painted until she looks:
its start-up work must not wait for that."""


class _FirstPaint(QObject):
    def __init__(self, widget: QWidget):
        super().__init__(widget)
        self.widget = widget
        self.callbacks: list[Callable[[], None]] = []
        widget.installEventFilter(self)
        self.fallback = QTimer(self)
        self.fallback.setSingleShot(True)
        self.fallback.timeout.connect(self._run)
        self.fallback.start(FALLBACK_MS)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.fallback.stop()
            watched.removeEventFilter(self)
            # The children are painted after the window itself, in the same pass.
            QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        self.fallback.stop()
        self.widget.removeEventFilter(self)
        callbacks, self.callbacks = self.callbacks, []
        for callback in callbacks:
            try:
                callback()
            except Exception:  # one failing piece of start-up work must not stop the rest
                sys.excepthook(*sys.exc_info())


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
