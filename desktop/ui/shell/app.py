"""Start the desktop window: `run(db_path)` is what `python main.py` calls with no command.

The window's frame is painted first; the database is opened (locked, checked, upgraded)
on a worker behind it, and the pages are built on it when it is ready. Nothing on the
way to the first paint imports SQLAlchemy: `tests/ui/test_startup_order.py` keeps it so.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QApplication

from desktop import APP_NAME, __version__
from desktop.core.errors import PrachumError
from desktop.ui.base.autosave import flush_pending
from desktop.ui.base.errors import ErrorReporter
from desktop.ui.base.i18n import install_language
from desktop.ui.base.settings import AppSettings
from desktop.ui.shell import startup_probe
from desktop.ui.shell.actions import ActionId
from desktop.ui.shell.first_paint import after_first_paint
from desktop.ui.shell.fonts import ensure_thai_font
from desktop.ui.shell.main_window import MainWindow

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel

    from desktop.core.server import ServerAddress
    from desktop.ui.shell.opening import Opening
    from desktop.ui.shell.startup import Choices, Opened
    from desktop.ui.shell.workspace import Workspace

DAILY_CHECK_MS = 60 * 60 * 1000


def application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, made once, with our names (QSettings files are found by them)."""
    existing = QApplication.instance()
    app = (
        existing
        if isinstance(existing, QApplication)
        else QApplication(argv if argv is not None else sys.argv[:1])
    )
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    from desktop.ui.widgets.file_dialogs import show_file_dates_in_be

    show_file_dates_in_be(app)
    return app


class AppHost(QObject):
    """The open database and its window: what a restore replaces, what a close guards.

    The window is made here with everything around it: the backup entries of the File
    menu, the read-only marks, the status-bar line for changes the disk refuses, and a
    close that asks before any typed change is thrown away. Made with an Opened, it shows
    the whole window at once; made with None, it shows the frame and `open_in_background`
    brings the database (`ready` when its meetings are listed, `gave_up` when she quit).
    """

    ready = Signal()
    gave_up = Signal()

    def __init__(self, opened: Opened | None, settings: AppSettings, reporter: ErrorReporter):
        super().__init__()
        self.opened = opened
        self.opening: Opening | None = None
        self.choices: Choices | None = None
        self.settings = settings
        self.reporter = reporter
        self.window: MainWindow | None = None
        self.home: Path | None = None
        """Her own file while the demo's is open: where leaving the demo goes back to."""
        self.trouble: QLabel | None = None
        self.driver: QObject | None = None  # what `run`'s on_ready returned (a test's driver)
        self.wake: QTimer | None = None
        # A laptop that sleeps instead of quitting still gets its daily backup.
        self._backing_up = False
        self.daily = QTimer(self)
        self.daily.setInterval(DAILY_CHECK_MS)
        self.daily.timeout.connect(self.back_up_today)
        self.daily.start()

    @property
    def workspace(self) -> Workspace | None:
        """The window's pages on the open database; None while only the frame is shown."""
        return self.window.workspace if self.window is not None else None

    def show(self) -> MainWindow:
        """The window on screen: whole when a database is open, else its frame."""
        window = MainWindow(self.settings)
        self.window = window
        window.installEventFilter(self)
        window.file_wanted.connect(self.switch_file)
        if self.opened is not None:
            self._attach(window, self.opened)
        window.show()
        if self.opened is not None:
            self._tell_notes(window, self.opened)
        return window

    def open_in_background(
        self, path: Path | ServerAddress | None, choices: Choices | None = None
    ) -> None:
        """Open `path` (the default database when None) behind the shown frame."""
        from desktop.ui.shell.opening import Opening

        assert self.window is not None and self.opened is None
        self.choices = choices or self.choices  # a test's answers hold for the next file too
        self.opening = Opening(path, self.settings.language, self.choices, self.window, self.home)
        self.opening.opened.connect(self._opened)
        self.opening.abandoned.connect(self.gave_up)
        self.opening.start()

    def _opened(self, opened: Opened) -> None:
        window = self.window
        if window is None or not window.isVisible():  # closed while the file was checked
            opened.close()
            self.gave_up.emit()
            return
        try:
            self._attach(window, opened)
        except Exception:
            # A fault of ours, not of her file: told and logged by the excepthook (the
            # ErrorReporter), then the app ends instead of waiting on a half-made window.
            sys.excepthook(*sys.exc_info())
            opened.close()
            self.gave_up.emit()
            return
        self.opened = opened
        self._tell_notes(window, opened)
        self._offer_left_journal(window)
        self.ready.emit()
        # After the check has passed, never before: a damaged file is not copied over
        # yesterday's good backup. On the worker, as every day's; a failure is told in a
        # box, as any note at start-up is (later ones go to the status bar).
        self.back_up_today(tell_in_a_box=True)

    def _attach(self, window: MainWindow, opened: Opened) -> None:
        from PySide6.QtWidgets import QLabel

        from desktop.ui.backups.actions import BackupActions
        from desktop.ui.base.store import Store

        store = Store(opened.database, self.reporter)
        workspace = window.attach(store)
        store.hear_others()  # on a server: the others' ticks and typing, as they store them
        self.trouble = QLabel(window)
        self.trouble.setStyleSheet("color: #a40000; font-weight: bold;")
        self.trouble.hide()
        window.statusBar().addPermanentWidget(self.trouble)
        self.backups = BackupActions(window, store, self.settings, self.replace_database)
        window.commands.bind(ActionId.BACKUP, self.backups.back_up_now)
        window.commands.bind(ActionId.RESTORE, self.backups.choose_backup)
        store.trouble.connect(self._show_trouble)
        store.recovered.connect(self._recovered)
        if opened.readonly:
            self._mark_read_only(window, workspace)

    def _tell_notes(self, window: MainWindow, opened: Opened) -> None:
        from PySide6.QtWidgets import QMessageBox

        for note in opened.notes:
            QMessageBox.information(window, APP_NAME, note)
        opened.notes.clear()

    def _offer_left_journal(self, window: MainWindow) -> None:
        """Changes kept on this computer by an earlier run while the server was away (it
        was closed, or died, before the server came back): offered to be stored now."""
        away = self.workspace.store.server_away if self.workspace is not None else None
        if away is not None:
            away.offer_left_journal(window)

    def settle(self) -> None:
        """The app is ending: work still running on a worker (the day's backup, an export,
        a file being opened) finishes before the file is closed; a file opened after the
        end is closed again."""
        if self.opening is not None and not self.opening.finished:
            self.opening.cancel()
        QThreadPool.globalInstance().waitForDone()
        if self.opening is not None:
            self.opening.close_undelivered()

    def back_up_today(self, *, tell_in_a_box: bool = False) -> None:
        """Today's backup if there is none yet (start-up made one unless it failed).

        On the worker: a whole-file copy of years of meetings must not freeze the window
        in the middle of a meeting (the SQLite backup API is safe beside the writer).
        """
        if self._backing_up or self.opened is None:
            return
        self._backing_up = True
        notes = len(self.opened.notes)
        # Settings are read here, on the UI thread; the worker gets plain values.
        keep = SimpleNamespace(backups_to_keep=self.settings.backups_to_keep)
        opened = self.opened
        from desktop.ui.base.worker import run_in_background

        def work() -> Path | None:
            from desktop.ui.shell.startup import daily_backup

            return daily_backup(opened, keep)

        def done(_result: object = None) -> None:
            self._backing_up = False
            if self.window is None or self.opened is None or len(self.opened.notes) <= notes:
                return
            if tell_in_a_box:
                self._tell_notes(self.window, self.opened)
            else:
                self.window.statusBar().showMessage(self.opened.notes.pop())

        run_in_background(work, done, done)

    def _mark_read_only(self, window: MainWindow, workspace: Workspace) -> None:
        window.setWindowTitle(
            window.windowTitle() + " — " + QCoreApplication.translate("App", "read-only")
        )
        self._show_trouble(workspace.store.trouble_text())
        # What writes is greyed out by the registry (attach saw the read-only database).
        workspace.welcome.setEnabled(False)

    def _show_trouble(self, text: str) -> None:
        if self.trouble is not None:
            self.trouble.setText(text)
            self.trouble.show()

    def _recovered(self) -> None:
        if self.trouble is not None:
            self.trouble.hide()
        if self.window is not None:
            self.window.statusBar().showMessage(
                QCoreApplication.translate("App", "Everything you typed is saved again.")
            )

    # --- closing ---------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close and not self.may_close():
            event.ignore()
            return True
        return False

    def may_close(self) -> bool:
        """True when nothing typed would be lost, or she chose to lose it."""
        flush_pending()
        workspace = self.workspace
        if workspace is None:
            return True
        from PySide6.QtWidgets import QMessageBox

        store = workspace.store
        while store.kept and not store.write_kept():
            answer = QMessageBox.question(
                self.window,
                QCoreApplication.translate("App", "Changes not saved"),
                QCoreApplication.translate(
                    "App",
                    "{0} typed changes could not be saved ({1}).\n\n"
                    "Free some disk space and choose Retry, or Cancel to keep working. "
                    "Discard closes Prachum and loses these changes.",
                ).format(len(store.kept), store.trouble_text()),
                QMessageBox.StandardButton.Retry
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
            )
            if answer == QMessageBox.StandardButton.Retry:
                continue
            if answer == QMessageBox.StandardButton.Discard:
                store.discard_kept()
                return True
            return False
        return self._no_text_waiting_for_a_choice()

    def _no_text_waiting_for_a_choice(self) -> bool:
        """Text refused because someone else stored the same field first is hers alone
        until she chooses: closing asks before it is lost."""
        from PySide6.QtWidgets import QMessageBox

        from desktop.ui.widgets.conflicts import undecided

        waiting = undecided(self.window) if self.window is not None else 0
        if not waiting:
            return True
        answer = QMessageBox.question(
            self.window,
            QCoreApplication.translate("App", "Text not stored"),
            QCoreApplication.translate(
                "App",
                "{0} of your texts are not stored: someone else stored the same field "
                "first, and they wait for your choice (keep mine, take theirs, merge).\n\n"
                "Cancel to go back and choose; Discard closes Prachum without them.",
            ).format(waiting),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def save_everything(self) -> None:
        """Store what is typed and kept, without asking: the session is ending."""
        flush_pending()
        if self.workspace is not None:
            self.workspace.store.write_kept()

    def close(self) -> None:
        if self.opened is not None:
            self.opened.close()

    # --- another file: the demo and back ---------------------------------------------------

    def switch_file(self, path: Path | ServerAddress | None) -> bool:
        """Let go of this database and open the window on `path`: a file, a server's
        database (File → Connect…), or None: her own file again."""
        from desktop.core.db_file import default_db_path
        from desktop.core.demo_file import is_demo_path

        app = application()
        old = self.window
        if old is None or self.opened is None or not self.may_close():
            return False
        current = self.opened.database.path  # None on a server: no file to go back to
        if path is None:
            path = self.home or (current or default_db_path()).with_name(default_db_path().name)
        if current is not None and not is_demo_path(current):
            self.home = current
        QThreadPool.globalInstance().waitForDone()  # a preview or backup still reading
        app.setQuitOnLastWindowClosed(False)
        try:
            old.removeEventFilter(self)
            old.close()
            old.deleteLater()
            self.opened.close()
            self.opened = None
            self.show()
            self.open_in_background(path)
        finally:
            app.setQuitOnLastWindowClosed(True)
        return True

    # --- restoring -------------------------------------------------------------------------

    def replace_database(self, change: Callable[[], Path | None]) -> bool:
        """Let go of the file, run `change()` on it, and open the window on it again."""
        from PySide6.QtWidgets import QMessageBox

        from desktop.core.db import open_database

        app = application()
        old = self.window
        if old is None or self.opened is None or not self.may_close():
            return False
        # A preview read or a backup still running must finish before the file goes.
        QThreadPool.globalInstance().waitForDone()
        app.setQuitOnLastWindowClosed(False)
        try:
            old.removeEventFilter(self)
            old.close()
            old.deleteLater()
            self.opened.database.close()
            path = self.opened.database.path
            note = None
            try:
                kept = change()
                note = QCoreApplication.translate(
                    "App", "The backup is restored. The data from before is kept as {0}."
                ).format(kept.name if kept else "-")
            except (PrachumError, OSError) as error:
                self.reporter.show_problem(
                    None, error if isinstance(error, PrachumError) else PrachumError(str(error))
                )
            try:
                self.opened.database = open_database(path)
            except PrachumError as error:
                QMessageBox.critical(
                    None,
                    QCoreApplication.translate("App", "The database cannot be opened"),
                    error.message(),
                )
                app.quit()
                return False
            if note:
                self.opened.notes.append(note)
            self.show()
            return note is not None
        finally:
            app.setQuitOnLastWindowClosed(True)


def _save_when_the_session_ends(app: QApplication, host: AppHost) -> None:
    """A logout or a shutdown asks the app to save (Windows, X11 session managers); a
    SIGTERM is Linux's way of saying the same. Typed text is stored, then the app ends."""
    import signal

    app.commitDataRequest.connect(lambda _manager: host.save_everything())

    def terminate(*_args) -> None:
        host.save_everything()
        app.quit()

    signal.signal(signal.SIGTERM, terminate)
    # Python runs a signal handler only between its own statements: wake it now and then.
    host.wake = QTimer(host)
    host.wake.timeout.connect(lambda: None)
    host.wake.start(250)


def run(
    db_path: Path | ServerAddress | None,
    choices: Choices | None = None,
    on_ready: Callable[[MainWindow], QObject] | None = None,
) -> int:
    """Open the database (the default one when None) in the main window; the exit code.

    `on_ready` is called with the window once the database is open (the crash test's
    driver, which types into the real window); what it returns is kept alive.
    """
    app = application()
    settings = AppSettings()
    translator = install_language(app, settings.language)
    ensure_thai_font(app)
    reporter = ErrorReporter(language=settings.language)
    reporter.install(log_now=False)
    host = AppHost(None, settings, reporter)
    host.gave_up.connect(lambda: app.exit(2))
    try:
        window = host.show()
        startup_probe.arm(app, window, host.ready)
        if on_ready is not None:
            host.ready.connect(lambda: _call_on_ready(host, on_ready))
        # The worker's imports would otherwise share the interpreter with the painting.
        after_first_paint(window, lambda: _save_when_the_session_ends(app, host))
        after_first_paint(window, lambda: host.open_in_background(db_path, choices))
        after_first_paint(window, reporter.open_log)
        return app.exec()
    finally:
        host.settle()
        host.save_everything()  # typed after a quit was asked for, before the loop ended
        host.close()
        reporter.uninstall()
        del translator


def _call_on_ready(host: AppHost, on_ready: Callable[[MainWindow], QObject]) -> None:
    assert host.window is not None
    host.driver = on_ready(host.window)
