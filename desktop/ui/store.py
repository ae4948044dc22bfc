"""The window's one way to the database: read in a short session, change through a service.

Every change is its own committed session, so what she did is on disk before the next
key press (the status bar then says บันทึกแล้ว). A refused change shows the service's
message and leaves the database as it was; the views listen to `changed` and refresh
what they show of that topic.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session

from desktop.core.db import Database
from desktop.core.errors import PrachumError
from desktop.ui.errors import ErrorReporter

T = TypeVar("T")

# What a change touched, so that each view refreshes only what it shows.
NETWORKS = "networks"
ROSTER = "roster"
MEETINGS = "meetings"
MEETING = "meeting"
ATTENDANCE = "attendance"


class Store(QObject):
    """Reads and changes for the window, over one open database."""

    changed = Signal(str, object)
    """(topic, subject id or None) after a change was committed."""
    saved = Signal()

    def __init__(self, database: Database, reporter: ErrorReporter, parent: QObject | None = None):
        super().__init__(parent)
        self.database = database
        self.reporter = reporter

    @property
    def path(self):
        return self.database.path

    def read(self, query: Callable[[Session], T]) -> T:
        """Run a read-only query in a short session; rows come back detached."""
        with self.database.session() as session:
            return query(session)

    def change(
        self,
        action: Callable[[Session], T],
        *,
        topic: str,
        subject: int | None = None,
        parent: QWidget | None = None,
    ) -> T | bool | None:
        """Run a service call in its own committed session.

        Returns the action's result (True when it returns nothing), or None when the
        service refused: the message has then been shown and nothing was stored.
        """
        try:
            if self.database.readonly:
                raise PrachumError(
                    "ฐานข้อมูลเปิดแบบอ่านอย่างเดียว จึงแก้ไขไม่ได้",
                    "The database is open read-only; nothing can be changed.",
                )
            with self.database.session() as session:
                result = action(session)
        except PrachumError as error:
            self.reporter.show_problem(parent, error)
            return None
        self.changed.emit(topic, subject)
        self.saved.emit()
        return True if result is None else result
