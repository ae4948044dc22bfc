"""The window's one way to the database: read in a short session, change through a service.

Every change is its own committed session, so what she did is on disk before the next
key press (the status bar then says บันทึกแล้ว). A refused change shows the service's
message and leaves the database as it was.

When the disk refuses a write (full, read-only, a removed drive), the transaction is
rolled back whole, so the file stays consistent, and she is told once. Typed text is
not thrown away: an autosaved field's latest text is kept here, in order, and written
by itself when she changes something again or on a timer; the window asks before
closing with anything still kept. A click or a form that could not be stored is
refused like any other (the view shows what is stored) and can simply be done again.

No caller says what its change touched: each transaction collects that itself as it
flushes (`desktop.core.changes`), and `committed` carries the frozen `Changes` to every
view, which asks it what it cares about. Writes on a worker (the demo, the papers'
register) go through `change_in_background` and report the same way.

On a server, a change the server could not take because it went away is kept in a
journal on her disk and stored when it is back (`server_away`).
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session

from desktop.core.changes import NOTHING, Changes, take_changes
from desktop.core.db import Database, is_one_statement
from desktop.core.errors import NotFound, PrachumError
from desktop.core.journal import connection_lost, server_unreachable
from desktop.core.presence import announce
from desktop.core.text_versions import EditConflict
from desktop.ui.base.autosave import field_being_stored
from desktop.ui.base.errors import ErrorReporter
from desktop.ui.base.server_away import ServerAway
from desktop.ui.base.worker import run_in_background

T = TypeVar("T")

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


@dataclass(frozen=True)
class Stored(Generic[T]):
    """A change that is in the database (or, for typed text the disk refused, kept to be
    written as soon as it takes it): what the action returned and what it touched."""

    value: T
    changes: Changes = NOTHING


@dataclass
class KeptChange:
    """A change the disk refused, kept to be written later (an autosaved field's text)."""

    field: object
    action: Callable[[Session], object]
    key: object = None
    """What the text belongs to (a meeting, an agenda item): one field widget serves many."""


class _Heard(QObject):
    """Carries what the listener's thread heard to the window's thread (a queued signal)."""

    arrived = Signal(object)
    present = Signal(object)


class Store(QObject):
    """Reads and changes for the window, over one open database."""

    committed = Signal(object)
    """The `Changes` of a transaction, after its commit (also of kept text written late)."""
    saved = Signal()
    trouble = Signal(str)
    """A status-bar line: changes are being kept because the disk refuses them, or the
    database is read-only."""
    recovered = Signal()
    """Every kept change has been written."""
    presence_heard = Signal(object)
    """What other windows on the server say they have open: notification payloads
    (desktop.core.presence.Presences reads them)."""
    told = Signal(str)
    """A status-bar line to show once (the server is back and has her changes)."""

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
        self.server_away: ServerAway | None = None
        if database.address is not None and not database.readonly:
            self.server_away = ServerAway(self)

    @property
    def offline(self) -> bool:
        """True while changes wait in the journal for the server to come back."""
        return self.server_away is not None and self.server_away.waiting

    @property
    def path(self):
        return self.database.path

    @property
    def key(self):
        """What settings remember per database: its file, or a server database's name."""
        return self.database.path if self.database.path is not None else self.database.name

    def read_if_there(self, query: Callable[[Session], T]) -> T | None:
        """A read of what another computer may just have deleted: None when it is gone
        (the window hears of the deletion itself and moves on)."""
        try:
            return self.read(query)
        except NotFound:
            return None

    def hear_others(self) -> bool:
        """On a shared database, let every view hear what other windows commit, as they
        commit it, through `committed` (their `Changes` say `from_others`)."""
        self._heard = _Heard(self)
        self._heard.arrived.connect(self._heard_from_others)
        self._heard.present.connect(self.presence_heard.emit)
        listener = self.database.listen_for_others(
            self._heard.arrived.emit, on_presence=self._heard.present.emit
        )
        return listener is not None

    def say_open(self, meeting_id: int | None, item_id: int | None) -> None:
        """Tell the other windows on the server which item she has open for writing
        (None: none). Best effort: a server that cannot hear it now misses nothing that
        the next heartbeat will not say again."""
        if self.database.address is None or self.database.readonly:
            return
        try:
            with self.database.reading() as session:
                announce(session, meeting_id, item_id)
        except (SQLAlchemyError, OSError):
            pass  # the server is away: the dropped connection's own handling says so

    def _heard_from_others(self, changes: Changes) -> None:
        if self.server_away is not None and self.server_away.hold(changes):
            return  # shown once her own waiting edits are stored, after them
        self.committed.emit(changes)

    def read(self, query: Callable[[Session], T]) -> T:
        """Run a read-only query in a short session; rows come back detached.

        A server that cannot be reached is said in words (a PrachumError), not as a fault."""
        try:
            with self.database.reading() as session:  # no BEGIN/COMMIT: fewer round trips
                return query(session)
        except DBAPIError as error:
            if self.database.address is None or not connection_lost(error):
                raise
            if self.server_away is not None:
                self.server_away.lost_on_reading()
            raise server_unreachable(reading=True) from error

    def change(
        self,
        action: Callable[[Session], T],
        *,
        parent: QWidget | None = None,
        key: object = None,
        on_failed: Callable[[BaseException], None] | None = None,
    ) -> Stored[T] | None:
        """Run a service call in its own committed session.

        Returns what it stored, or None when it was refused: the service's message (or the
        disk's) has then been shown, `on_failed` called, and nothing stored. An edit
        refused for another person's newer text (EditConflict) goes to `on_failed` alone,
        when there is one: the view shows their text beside hers. An autosaved
        field's text that the disk refuses counts as stored: it is kept and written, in order,
        as soon as the disk takes it; `key` names the record it belongs to.
        """
        if self.database.readonly:
            self._failed(on_failed, self._refuse_read_only(parent))
            return None
        if self.offline:  # after what waits, in order, never before it
            return self._keep_for_the_server(action, parent, on_failed)
        try:
            if self.kept and not self.write_kept():
                raise _StillRefused(self.failure or DISK_ERROR)
            result, changes = self._commit(action)
        except EditConflict as conflict:
            # Her text against another person's: the view that asked shows both, side by
            # side, and lets her choose (no message box in between).
            if on_failed is None:
                self.reporter.show_problem(parent, conflict)
            self._failed(on_failed, conflict)
            return None
        except PrachumError as error:
            self.reporter.show_problem(parent, error)
            self._failed(on_failed, error)
            return None
        except _StillRefused as refused:
            return self._not_written(
                refused.kind, action, parent=parent, key=key, on_failed=on_failed, error=refused
            )
        except (DBAPIError, sqlite3.Error, OSError) as error:
            return self._not_taken(error, action, parent=parent, key=key, on_failed=on_failed)
        self.announce(changes)
        if self.failure is not None and not self.kept:
            self._written_again()  # a refused click, then the disk took the next change
        return Stored(result, changes)

    def _not_taken(
        self, error: BaseException, action: Callable[[Session], Any], *, parent, key, on_failed
    ) -> Stored[Any] | None:
        """The server went away, or the disk refused: kept for later; anything else is a
        fault, raised again."""
        if self.server_away is not None and connection_lost(error):
            return self._keep_for_the_server(action, parent, on_failed)
        kind = storage_failure(error)
        if kind is None:
            raise error
        return self._not_written(
            kind, action, parent=parent, key=key, on_failed=on_failed, error=error
        )

    def _keep_for_the_server(
        self,
        action: Callable[[Session], Any],
        parent: QWidget | None,
        on_failed: Callable[[BaseException], None] | None,
    ) -> Stored[Any] | None:
        assert self.server_away is not None
        if self.server_away.keep(action, parent):
            return Stored(None)  # in the journal on her disk: stored when the server is back
        self._failed(on_failed, server_unreachable())
        return None

    def back_on_the_server(self, line: str) -> None:
        """The journal is stored: the trouble line goes, and the status bar says so."""
        self.recovered.emit()
        self.told.emit(line)

    def change_in_background(
        self,
        action: Callable[[Session], T],
        on_done: Callable[[T], None],
        on_failed: Callable[[BaseException], None] | None = None,
        *,
        parent: QWidget | None = None,
    ) -> None:
        """A long write (the demo, numbering a batch of letters) on a worker.

        Committed whole or not at all, like `change`; the views hear of it the same way.
        A refusal or a disk that refuses is shown, then `on_failed` is called; any other
        fault is raised on the UI thread as a bug.
        """
        if self.database.readonly:
            self._failed(on_failed, self._refuse_read_only(parent))
            return

        def work() -> tuple[T, Changes]:
            return self._commit(action)

        def done(outcome: tuple[T, Changes]) -> None:
            result, changes = outcome
            self.announce(changes)
            on_done(result)

        def failed(error: BaseException) -> None:
            if isinstance(error, PrachumError):
                self.reporter.show_problem(parent, error)
            elif (kind := storage_failure(error)) is not None:
                self.failure = kind
                self.trouble.emit(self.trouble_text())
                QMessageBox.warning(
                    parent, QCoreApplication.translate("Store", "Not saved"), _reason(kind)
                )
            else:
                if on_failed is not None:
                    on_failed(error)
                raise error
            self._failed(on_failed, error)

        run_in_background(work, done, failed)

    def _commit(self, action: Callable[[Session], T]) -> tuple[T, Changes]:
        with self.database.session(one_statement=is_one_statement(action)) as session:
            result = action(session)
        return result, take_changes(session)  # the session's record outlives its closing

    def announce(self, changes: Changes) -> None:
        """Tell the views what a committed transaction changed (a worker's, too)."""
        self.committed.emit(changes)
        self.saved.emit()

    @staticmethod
    def _failed(on_failed: Callable[[BaseException], None] | None, error: BaseException) -> None:
        if on_failed is not None:
            on_failed(error)

    # --- when the disk refuses ------------------------------------------------------------

    def _not_written(
        self, kind: str, action: Callable[[Session], Any], *, parent, key, on_failed, error
    ) -> Stored[Any] | None:
        self.failure = kind
        field = field_being_stored()
        kept = field is not None
        if kept:
            # Only the latest text of a field matters: it replaces the one kept before for
            # the same record. The same widget edits many records (every agenda item, every
            # meeting's opening), so the record is part of the match.
            for entry in self.kept:
                if entry.field is field and entry.key == key:
                    entry.action = action
                    break
            else:
                self.kept.append(KeptChange(field, action, key))
            self.retry_timer.start()
        self.trouble.emit(self.trouble_text())
        if not self._told:
            self._told = True
            QMessageBox.warning(
                parent,
                QCoreApplication.translate("Store", "Not saved"),
                _reason(kind) + "\n\n" + _what_now(),
            )
        if kept:
            return Stored(None)  # written later, as soon as the disk takes it
        self._failed(on_failed, error)
        return None

    def write_kept(self) -> bool:
        """Write the kept changes in order; True when none is left."""
        while self.kept:
            entry = self.kept[0]
            try:
                _result, changes = self._commit(entry.action)
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
            self.committed.emit(changes)
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
        if self.offline and self.server_away is not None:
            return self.server_away.trouble_text()
        if self.database.readonly:
            return QCoreApplication.translate("Store", "Read-only: changes are not saved")
        return QCoreApplication.translate(
            "Store", "Not saved: {0} — {1} typed changes kept, saved as soon as possible"
        ).format(_short_reason(self.failure), len(self.kept))

    def _refuse_read_only(self, parent: QWidget | None) -> PrachumError:
        # Why it is read-only when the opening said why (a reader's account, a newer schema).
        error = self.database.notice or PrachumError(
            "ฐานข้อมูลเปิดแบบอ่านอย่างเดียว จึงแก้ไขไม่ได้",
            "The database is open read-only; nothing can be changed.",
        )
        self.trouble.emit(self.trouble_text())
        if not self._told:
            self._told = True
            self.reporter.show_problem(parent, error)
        return error


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
