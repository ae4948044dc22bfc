"""What the secretary sees when something goes wrong, and what the log keeps.

A PrachumError is her input or a file being wrong: a plain message box in her language,
nothing changed. Anything else is our fault: the traceback goes to a log file in the
user's data folder, she is told once (not once per repeat), and the window carries on,
because every change before it is already stored.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QWidget

from desktop.core.errors import PrachumError

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]

log = logging.getLogger("desktop.ui")


def default_log_path() -> Path:
    from desktop.core.db_file import data_folder

    return data_folder() / "prachum.log"


class ErrorReporter:
    """Shows domain errors, logs and shows unexpected ones; one per application."""

    def __init__(self, log_path: Path | None = None, language: str = "th") -> None:
        self._log_path = Path(log_path) if log_path else None
        self.language = language
        self._shown: set[tuple] = set()
        self._showing = False
        self._previous_hook: ExceptHook | None = None
        self._handler: logging.Handler | None = None

    @property
    def log_path(self) -> Path:
        if self._log_path is None:
            self._log_path = default_log_path()
        return self._log_path

    # --- domain errors ----------------------------------------------------------------

    def show_problem(self, parent: QWidget | None, error: PrachumError) -> None:
        """A clear message for a refused action; the service changed nothing."""
        from PySide6.QtWidgets import QMessageBox  # not at start-up: see ui/app.py

        log.info("refused: %s", error.message("en"))
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("ErrorReporter", "Cannot do that"),
            error.message(self.language),
        )

    # --- faults -----------------------------------------------------------------------

    def install(self, *, log_now: bool = True) -> None:
        """Catch every exception nobody handled, and log to the user's data folder.

        With log_now=False the log file is opened by `open_log` later (at start-up, once
        the window is painted: the handler's module and the data folder cost time the
        first paint should not wait for); a fault before that opens it first.
        """
        self._previous_hook = sys.excepthook
        sys.excepthook = self.handle_exception
        if log_now:
            self.open_log()

    def open_log(self) -> None:
        if self._handler is not None:
            return
        from logging.handlers import RotatingFileHandler

        handler = RotatingFileHandler(
            self.log_path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        logging.getLogger().addHandler(handler)
        logging.getLogger().setLevel(logging.INFO)
        self._handler = handler

    def uninstall(self) -> None:
        if self._previous_hook is not None:
            sys.excepthook = self._previous_hook
            self._previous_hook = None
        if self._handler is not None:
            logging.getLogger().removeHandler(self._handler)
            self._handler.close()
            self._handler = None

    def handle_exception(
        self,
        kind: type[BaseException],
        value: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        from desktop.core.journal import ServerUnreachable

        if isinstance(value, ServerUnreachable):
            # A view could not read: the status bar says the server is away, and the view
            # keeps what it shows until it is back; a box per click would stop her typing.
            log.info("not read: %s", value.message("en"))
            return
        if isinstance(value, PrachumError):
            # A service refusal that a slot did not catch: still only her input.
            self.show_problem(QApplication.activeWindow(), value)
            return
        text = "".join(traceback.format_exception(kind, value, tb))
        if self._previous_hook is not None:  # installed: the log file is where it is told
            self.open_log()
        log.error("unexpected fault\n%s", text)
        signature = (kind.__name__, *_where(tb))
        if signature in self._shown or self._showing:
            return
        self._shown.add(signature)
        self._showing = True
        from PySide6.QtWidgets import QMessageBox

        try:
            QMessageBox.critical(
                QApplication.activeWindow(),
                QCoreApplication.translate("ErrorReporter", "Unexpected problem"),
                QCoreApplication.translate(
                    "ErrorReporter",
                    "Something went wrong inside the program ({0}).\n\n"
                    "Everything you entered before this is saved, and you can carry on. "
                    "The details are written to:\n{1}",
                ).format(f"{kind.__name__}: {value}", self.log_path),
            )
        finally:
            self._showing = False


def _where(tb: TracebackType | None) -> tuple[str, int]:
    """Where a fault was raised: the same fault repeating is shown only once."""
    frames = traceback.extract_tb(tb)
    if not frames:
        return ("", 0)
    return (frames[-1].filename, frames[-1].lineno or 0)
