"""When the server cannot be reached: her edits kept in a journal, stored when it is back.

The window's store hands over every change the server could not take because it went
away (stopped, restarting, the office's network down): typed text, ticks, the details
of the meeting. Each is a `UserAction` (a service call and its arguments), written to
the journal on her disk before the window goes on, so that closing the window, a crash
or a flat battery loses none of it. From then on every change goes to the journal, after
the others, until they are all stored: the server gets them in the order she made them.

She is told once, in the status bar (a dialog per key press would stop her typing in the
middle of the meeting); the line counts what is kept. The server is tried again in the
background, on a worker (a connection attempt to a host that does not answer can take
seconds), sooner at first and then less often; when it answers, the journal is stored
in order and the status bar says so. What others stored meanwhile reaches the views
once the journal is stored, so that her own edits, shown as she made them, are not
painted over by the server's older state in between.

A change that cannot be journalled (creating a meeting, deleting, anything whose
arguments are not plain values) is refused while the server is away, with the same
status-bar line; it can be done again once the server is back.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget
from sqlalchemy.exc import DBAPIError

from desktop.core.changes import NOTHING, Changes
from desktop.core.errors import PrachumError
from desktop.core.journal import (
    BASED_ON,
    Journal,
    UserAction,
    connection_lost,
    journal_path,
    server_answers,
)
from desktop.core.live_changes import CAUGHT_UP
from desktop.core.text_versions import EditConflict
from desktop.ui.base.worker import run_in_background

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from sqlalchemy.orm import Session

    from desktop.core.db import Database
    from desktop.ui.base.errors import ErrorReporter


class Store(Protocol):
    """What of the window's store this uses (the store owns it, so no import of it)."""

    database: Database
    reporter: ErrorReporter
    trouble: SignalInstance
    committed: SignalInstance
    recovered: SignalInstance

    def _commit(self, action: Callable[[Session], Any]) -> tuple[Any, Changes]: ...

    def back_on_the_server(self, line: str) -> None: ...


log = logging.getLogger(__name__)

FIRST_RETRY_MS = 500
LONGEST_RETRY_MS = 15_000
"""Tried again after half a second, then twice as long each time, at most this long."""


class ServerAway(QObject):
    """The journal of one open server database, and the background tries to store it."""

    def __init__(self, store: Store, folder: Path | None = None):
        super().__init__()  # held by the store for as long as it lives
        self.store = store
        address = store.database.address
        assert address is not None, "only a server database can be away"
        if folder is None:
            from desktop.core.db_file import data_folder

            folder = data_folder()
        self.path = journal_path(folder, address.url_without_password())
        self.journal: Journal | None = None
        self.later: Journal | None = None
        """A journal from before that she chose to store later: today's edits, should the
        server go away again, are added after it (one file, one order), never over it."""
        self.delay_ms = FIRST_RETRY_MS
        self.held: Changes = NOTHING
        """Others' changes heard while the journal waits: delivered once it is stored."""
        self.trying = False
        self.unsure = False
        """A read found the server away: what the window shows may be out of date."""
        self.conflict_shown_by: list[Callable[[UserAction, EditConflict], bool]] = []
        """Views that show a replayed edit's conflict beside her text (True: shown)."""
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.try_again)

    @property
    def waiting(self) -> bool:
        return self.journal is not None and len(self.journal) > 0

    def left_from_before(self) -> int:
        """How many actions a journal left by an earlier run holds (0: none), loaded."""
        if self.journal is None:
            self.journal = Journal.load(self.path)
        return len(self.journal) if self.journal is not None else 0

    # --- keeping ---------------------------------------------------------------------------

    def keep(self, action: Any, parent: QWidget | None) -> bool:
        """Journal `action` (True: it counts as done), or refuse it (False: not done)."""
        if not isinstance(action, UserAction) or not action.can_be_kept():
            self._tell(
                QCoreApplication.translate(
                    "ServerAway",
                    "The server cannot be reached: this could not be done now; do it again "
                    "once the server is back. {0} changes are kept on this computer.",
                ).format(len(self.journal or ()))
            )
            return False
        if self.journal is None:
            # Never a new file over one left on the disk: today's edits go after it.
            found = self.later or Journal.load(self.path)
            self.journal = found or Journal(self.path, self.store.database.name)
            self.later = None
        try:
            self.journal.add(action)
        except OSError as error:  # her own disk refuses too: nothing is left to keep it on
            log.error("the journal could not be written: %r", error)
            QMessageBox.warning(
                parent,
                QCoreApplication.translate("ServerAway", "Not saved"),
                QCoreApplication.translate(
                    "ServerAway",
                    "The server cannot be reached and this computer's disk cannot be "
                    "written either, so your last change could not be kept ({0}).",
                ).format(error.strerror or error),
            )
            return False
        self._tell(self.trouble_text())
        self._try_soon()
        return True

    def trouble_text(self) -> str:
        return QCoreApplication.translate(
            "ServerAway",
            "The server cannot be reached: {0} changes kept on this computer, stored as "
            "soon as it is back",
        ).format(len(self.journal or ()))

    def lost_on_reading(self) -> None:
        """A view could not read: say so once, and find out when the server is back."""
        if not self.unsure and not self.waiting:
            self._tell(
                QCoreApplication.translate(
                    "ServerAway",
                    "The server cannot be reached: what is shown may not be up to date",
                )
            )
        self.unsure = True
        self._try_soon()

    def _tell(self, line: str) -> None:
        self.store.trouble.emit(line)

    def hold(self, changes: Changes) -> bool:
        """Keep others' changes back while the journal waits (True: held)."""
        if not self.waiting:
            return False
        self.held = self.held.merged(changes) if self.held else changes
        self._try_soon(now=True)  # the server speaks again: no need to wait for the timer
        return True

    # --- trying again ----------------------------------------------------------------------

    def _try_soon(self, *, now: bool = False) -> None:
        if self.trying:
            return
        if now:
            self.timer.start(0)
        elif not self.timer.isActive():
            self.timer.start(self.delay_ms)

    def try_again(self) -> None:
        """Ask the server, on a worker, whether it answers; store the journal if it does."""
        if self.trying or not (self.waiting or self.unsure):
            return
        self.trying = True
        engine = self.store.database.engine
        run_in_background(lambda: server_answers(engine), self._answered, self._still_away)

    def _still_away(self, error: BaseException) -> None:
        self.trying = False
        if not (isinstance(error, DBAPIError) and connection_lost(error)):
            log.warning("the server did not answer: %r", error)
        self.delay_ms = min(self.delay_ms * 2, LONGEST_RETRY_MS)
        self._try_soon()

    def _answered(self, _nothing: object = None) -> None:
        self.trying = False
        if not self.store_waiting() or not self.unsure:
            return
        # Only reads had failed: every view reads again, and the status line goes.
        self.unsure, self.delay_ms = False, FIRST_RETRY_MS
        self.store.committed.emit(CAUGHT_UP)
        self.store.recovered.emit()

    def store_waiting(self, parent: QWidget | None = None) -> bool:
        """Store the journal on the server, in order; True when nothing is left."""
        journal = self.journal
        if journal is None or not journal.entries:
            return True
        try:
            outcome = journal.replay(self.store._commit)
        except DBAPIError as error:
            if not connection_lost(error):
                raise
            self._tell(self.trouble_text())  # gone again half-way: what was stored is off
            self._try_soon()
            return False
        self.journal = None
        self.delay_ms = FIRST_RETRY_MS
        theirs, self.held = self.held, NOTHING
        if self.unsure:  # a read failed meanwhile too: every view reads again
            theirs, self.unsure = theirs.merged(CAUGHT_UP) if theirs else CAUGHT_UP, False
        if outcome.changes:
            self.store.committed.emit(outcome.changes)
        self.store.back_on_the_server(
            QCoreApplication.translate(
                "ServerAway", "The server is back: {0} changes kept on this computer are stored."
            ).format(outcome.stored)
        )
        unshown = [(a, e) for a, e in outcome.refused if not self._conflict_shown(a, e)]
        # The others' changes apart from hers, and so still theirs (a merge with hers would
        # make them her own, which the views do not read again); after her refused text is
        # beside theirs, so that a form that reads again keeps hers.
        if theirs:
            self.store.committed.emit(theirs)
        if unshown:
            QMessageBox.warning(
                parent,
                QCoreApplication.translate("ServerAway", "Not everything could be stored"),
                QCoreApplication.translate(
                    "ServerAway",
                    "The server is back, but it refused {0} of the changes kept while it "
                    "was away (someone changed the meeting meanwhile):\n\n{1}",
                ).format(len(unshown), self._refusals(unshown)),
            )
        return True

    def _conflict_shown(self, action: UserAction, error: PrachumError) -> bool:
        """Her text against another person's: shown beside hers by the view that has it
        open, where she keeps hers, takes theirs or merges (text_versions)."""
        if not isinstance(error, EditConflict):
            return False
        return any(shows(action, error) for shows in self.conflict_shown_by)

    def _refusals(self, refused: list[tuple[UserAction, PrachumError]]) -> str:
        """Each refusal's reason; a conflict's text of hers in full, so none is lost."""
        language = self.store.reporter.language
        lines = []
        for action, error in refused:
            lines.append(f"• {error.message(language)}")
            if not isinstance(error, EditConflict):
                continue
            for text in her_text(action):
                lines.append(
                    QCoreApplication.translate("ServerAway", "  Your text: {0}").format(text)
                )
        return "\n".join(lines)

    def offer_left_journal(self, parent: QWidget | None) -> bool:
        """At start-up: a journal an earlier run could not store is offered to be stored
        now (True: stored). Declined, it stays on her disk and is offered at the next start."""
        count = self.left_from_before()
        if not count:
            return False
        answer = QMessageBox.question(
            parent,
            QCoreApplication.translate("ServerAway", "Changes waiting to be stored"),
            QCoreApplication.translate(
                "ServerAway",
                "{0} changes made while the server could not be reached were kept on this "
                "computer and are not on the server yet.\n\nStore them on the server now?",
            ).format(count),
        )
        if answer != QMessageBox.StandardButton.Yes:
            self.journal, self.later = None, self.journal  # on her disk, offered next time
            return False
        return self.store_waiting(parent)


def her_text(action: UserAction) -> list[str]:
    """What she wrote in an action, whatever its argument is called (an item's `value`,
    the meeting's field by name), the points one a line; not what it was based on."""
    texts = []
    for name, value in action.kwargs:
        if name in BASED_ON:
            continue
        lines = value if isinstance(value, list | tuple) else [value]
        if lines and all(isinstance(line, str) for line in lines):
            text = "\n".join(lines)
            if text:
                texts.append(text)
    return texts
