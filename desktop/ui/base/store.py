"""The window's one way to the database: read in a short session, change through a service.

Every change is its own committed session, so what she did is on disk before the next
key press (the status bar then says บันทึกแล้ว). A refused change shows the service's
message and leaves the database as it was; the views listen to `changed` and refresh
what they show of that topic.

When the disk refuses a write (full, read-only, a removed drive), the transaction is
rolled back whole, so the file stays consistent, and she is told once. Typed text is
not thrown away: an autosaved field's latest text is kept here, in order, and written
by itself when she changes something again or on a timer; the window asks before
closing with anything still kept. A click or a form that could not be stored is
refused like any other (the view shows what is stored) and can simply be done again.
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from desktop.core.db import Database
from desktop.core.errors import PrachumError
from desktop.ui.base.autosave import field_being_stored
from desktop.ui.base.errors import ErrorReporter

T = TypeVar("T")

# What a change touched, so that each view refreshes only what it shows.
NETWORKS = "networks"
ROSTER = "roster"
MEETINGS = "meetings"
MEETING = "meeting"
ATTENDANCE = "attendance"

RETRY_MS = 3000
"""How often kept changes are tried again while the disk refuses them."""

# Why a write can fail although the change itself was fine: SQLite's primary result
# codes, then the words of its messages (an error raised by hand carries no code).
FULL, READONLY, DISK_ERROR, BUSY = "full", "readonly", "disk-error", "busy"
_CODES = {13: FULL, 8: READONLY, 10: DISK_ERROR, 14: DISK_ERROR, 5: BUSY}
_WORDS = {
    "database or disk is full": FULL,
    "readonly database": READONLY,
    "disk i/o error": DISK_ERROR,
    "unable to open database file": DISK_ERROR,
    "database is locked": BUSY,
}
_ERRNOS = {
    errno.ENOSPC: FULL,
    errno.EDQUOT: FULL,
    errno.EROFS: READONLY,
    errno.EACCES: READONLY,
    errno.EPERM: READONLY,
    errno.EIO: DISK_ERROR,
}


def storage_failure(error: BaseException | None) -> str | None:
    """FULL, READONLY, DISK_ERROR or BUSY when the disk refused a write; else None."""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, DBAPIError) and error.orig is not None:
            error = error.orig
            continue
        if isinstance(error, sqlite3.Error):
            code = getattr(error, "sqlite_errorcode", None)
            if code is not None and code & 0xFF in _CODES:
                return _CODES[code & 0xFF]
            text = str(error).lower()
            return next((kind for words, kind in _WORDS.items() if words in text), None)
        if isinstance(error, OSError):
            return _ERRNOS.get(error.errno or 0)
        error = error.__cause__ or error.__context__
    return None


@dataclass
class KeptChange:
    """A change the disk refused, kept to be written later (an autosaved field's text)."""

    field: object
    action: Callable[[Session], object]
    topic: str
    subject: int | None
    key: object = None
    """What the text belongs to (an agenda item): one field widget serves many items."""


class Store(QObject):
    """Reads and changes for the window, over one open database."""

    changed = Signal(str, object)
    """(topic, subject id or None) after a change was committed."""
    saved = Signal()
    trouble = Signal(str)
    """A status-bar line: changes are being kept because the disk refuses them, or the
    database is read-only."""
    recovered = Signal()
    """Every kept change has been written."""

    def __init__(self, database: Database, reporter: ErrorReporter, parent: QObject | None = None):
        super().__init__(parent)
        self.database = database
        self.reporter = reporter
        self.kept: list[KeptChange] = []
        self.failure: str | None = None
        self._told = False
        self.retry_timer = QTimer(self)
        self.retry_timer.setInterval(RETRY_MS)
        self.retry_timer.timeout.connect(self.write_kept)

    @property
    def path(self):
        return self.database.path

    @property
    def key(self):
        """What settings remember per database: its file, or a server database's name."""
        return self.database.path if self.database.path is not None else self.database.name

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
        key: object = None,
    ) -> T | bool | None:
        """Run a service call in its own committed session.

        Returns the action's result (True when it returns nothing), or None when the
        service refused: the message has then been shown and nothing was stored. An
        autosaved field's text that the disk refuses is kept and True returned: it is
        written, in order, as soon as the disk takes it.
        """
        if self.database.readonly:
            self._refuse_read_only(parent)
            return None
        try:
            if self.kept and not self.write_kept():
                raise _StillRefused(self.failure or DISK_ERROR)
            with self.database.session() as session:
                result = action(session)
        except PrachumError as error:
            self.reporter.show_problem(parent, error)
            return None
        except _StillRefused as refused:
            return self._not_written(refused.kind, action, topic, subject, parent, key=key)
        except (DBAPIError, sqlite3.Error, OSError) as error:
            kind = storage_failure(error)
            if kind is None:
                raise
            return self._not_written(kind, action, topic, subject, parent, key=key)
        self.changed.emit(topic, subject)
        self.saved.emit()
        if self.failure is not None and not self.kept:
            self._written_again()  # a refused click, then the disk took the next change
        return True if result is None else result

    # --- when the disk refuses ------------------------------------------------------------

    def _not_written(self, kind, action, topic, subject, parent, *, key=None) -> bool | None:
        self.failure = kind
        field = field_being_stored()
        kept = field is not None
        if kept:
            # Only the latest text of a field matters: it replaces the one kept before for
            # the same record. The same widget edits many records (every agenda item, every
            # meeting's opening), so the record is part of the match.
            for entry in self.kept:
                if entry.field is field and (entry.subject, entry.key) == (subject, key):
                    entry.action, entry.topic = action, topic
                    break
            else:
                self.kept.append(KeptChange(field, action, topic, subject, key))
            self.retry_timer.start()
        self.trouble.emit(self.trouble_text())
        if not self._told:
            self._told = True
            QMessageBox.warning(
                parent,
                QCoreApplication.translate("Store", "Not saved"),
                _reason(kind) + "\n\n" + _what_now(),
            )
        return True if kept else None

    def write_kept(self) -> bool:
        """Write the kept changes in order; True when none is left."""
        while self.kept:
            entry = self.kept[0]
            try:
                with self.database.session() as session:
                    entry.action(session)
            except PrachumError as error:
                self.kept.pop(0)  # no longer acceptable (the meeting was finalised …)
                self.reporter.show_problem(None, error)
                continue
            except (DBAPIError, sqlite3.Error, OSError) as error:
                kind = storage_failure(error)
                if kind is None:
                    self.kept.pop(0)
                    raise
                self.failure = kind
                self.trouble.emit(self.trouble_text())
                return False
            self.kept.pop(0)
            self.changed.emit(entry.topic, entry.subject)
        if self.failure is not None:
            self.saved.emit()
            self._written_again()
        return True

    def _written_again(self) -> None:
        self.failure = None
        self._told = False
        self.retry_timer.stop()
        self.recovered.emit()

    def discard_kept(self) -> int:
        """Forget the kept changes (she chose to close without them); how many there were."""
        count = len(self.kept)
        self.kept.clear()
        self.retry_timer.stop()
        return count

    def trouble_text(self) -> str:
        if self.database.readonly:
            return QCoreApplication.translate("Store", "Read-only: changes are not saved")
        return QCoreApplication.translate(
            "Store", "Not saved: {0} — {1} typed changes kept, saved as soon as possible"
        ).format(_short_reason(self.failure), len(self.kept))

    def _refuse_read_only(self, parent: QWidget | None) -> None:
        self.trouble.emit(self.trouble_text())
        if self._told:
            return
        self._told = True
        self.reporter.show_problem(
            parent,
            PrachumError(
                "ฐานข้อมูลเปิดแบบอ่านอย่างเดียว จึงแก้ไขไม่ได้",
                "The database is open read-only; nothing can be changed.",
            ),
        )


class _StillRefused(Exception):
    def __init__(self, kind: str):
        super().__init__(kind)
        self.kind = kind


def _short_reason(kind: str | None) -> str:
    return {
        FULL: QCoreApplication.translate("Store", "the disk is full"),
        READONLY: QCoreApplication.translate("Store", "the folder is read-only"),
        BUSY: QCoreApplication.translate("Store", "the database is busy"),
    }.get(kind or "", QCoreApplication.translate("Store", "the disk cannot be written"))


def _reason(kind: str) -> str:
    return {
        FULL: QCoreApplication.translate(
            "Store", "The disk is full, so your last change could not be saved."
        ),
        READONLY: QCoreApplication.translate(
            "Store",
            "The database's folder cannot be written (read-only, or a removed drive), "
            "so your last change could not be saved.",
        ),
        BUSY: QCoreApplication.translate(
            "Store",
            "Another program is holding the database, so your last change could not be saved.",
        ),
    }.get(
        kind,
        QCoreApplication.translate(
            "Store", "The disk could not be written, so your last change could not be saved."
        ),
    )


def _what_now() -> str:
    return QCoreApplication.translate(
        "Store",
        "Text you typed stays on screen and is saved by itself as soon as the disk takes "
        "it again: free some space (empty the recycle bin, move large files) and keep "
        "Prachum open until the status bar says it is saved. A click or a form that could "
        "not be saved can simply be done again. Everything saved before is safe.",
    )
