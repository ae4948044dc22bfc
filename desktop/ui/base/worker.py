"""Work off the UI thread: a QRunnable in the shared QThreadPool that reports by signal.

The work function gets nothing from Qt and must open its own database session; the
result (or the exception) comes back to the UI thread through queued signals, so the
slots can touch widgets. Exceptions other than PrachumError are re-raised there, where
the application's excepthook logs and shows them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class Task(QRunnable):
    """One piece of background work; keep a reference until it reports."""

    def __init__(self, work: Callable[[], Any]):
        super().__init__()
        self.work = work
        self.signals = _Signals()
        self.setAutoDelete(False)

    def run(self) -> None:
        try:
            result = self.work()
        except BaseException as exc:
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


class _Relay(QObject):
    """Lives on the UI thread, so that the task's signals reach it queued, in order."""

    def __init__(self, task: Task, on_done, on_failed):
        super().__init__()
        self.task = task
        self.on_done = on_done
        self.on_failed = on_failed
        task.signals.done.connect(self.finished)
        task.signals.failed.connect(self.failed)

    def finished(self, result: Any) -> None:
        _running.discard(self)
        self.on_done(result)

    def failed(self, exc: BaseException) -> None:
        _running.discard(self)
        if self.on_failed is None:
            raise exc
        self.on_failed(exc)


_running: set[_Relay] = set()


def run_in_background(
    work: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_failed: Callable[[BaseException], None] | None = None,
) -> Task:
    """Start `work` in the global thread pool; `on_done(result)` runs on the UI thread."""
    task = Task(work)
    _running.add(_Relay(task, on_done, on_failed))
    QThreadPool.globalInstance().start(task)
    return task


def busy() -> bool:
    """True while a background task has not yet reported (tests wait on this)."""
    return bool(_running)
